"""Getting text out of whatever we were given: a path, bytes or a string; plain text in any
common Chinese encoding, an HTML page, a .docx or a PDF with a text layer.
"""

from __future__ import annotations

import io
import os
import re
import zipfile
from dataclasses import dataclass, field
from pathlib import Path

from .lazyre import lazy
from .model import Removed, ReportError

# The most frequent characters of Chinese government prose (both scripts where they differ).
# A wrong decoding produces text in which few characters come from this set.
_COMMON = set(
    "的一是在不了有和人这中大为上个国我以要他时来用们生到作地于出就分对成会可主发年动同工也能下过子说产种面而方后多定行学法所"
    "民得经十三之进着等部度家电力里如水化高自二理起小物现实加量都两体制机当使点从业本去把性好应开它合还因由其些然前外天政四日"
    "那社义事平形相全表间样与关各重新线内数正心反你明看原又么利比或但质气第向道命此变条只没结解问意建月公无系军很情者最立代想"
    "已通并提直题党程展五果料象员革位入常文总次品式活设及管特件长求老头基资边流路级少图山统接知较将组见计别她手角期根论运农指"
    "几九区强放决西被干做必战先回则任取据处理府研质镇乡县街道村民生项目企业服务治安保障改革推进落实完成实现增长提升建设发展"
    "镇鄉縣區項業務實現們會發經濟產這來對與為進開關過時種長樣當還點應問題將進設"
)
_BOM_CODECS = [
    (b"\xef\xbb\xbf", "utf-8-sig"),
    (b"\xff\xfe\x00\x00", "utf-32-le"),
    (b"\x00\x00\xfe\xff", "utf-32-be"),
    (b"\xff\xfe", "utf-16-le"),
    (b"\xfe\xff", "utf-16-be"),
]
_HTML_SNIFF_RE = lazy(r"<(?:!doctype\s+html|html|head|body|div|p|table|meta|title)[\s>/]", re.I)


@dataclass(frozen=True, slots=True)
class Limits:
    """What one input may unpack to before it is refused (a zip bomb, a 5,000-page PDF).

    A real work report is 20-60 thousand characters on 10-40 pages; a .docx holds a few dozen
    parts. The defaults leave ample room and stop a hostile file before it is expanded.
    """

    zip_members: int = 1000  # parts in a .docx (or any zip container)
    zip_unpacked_bytes: int = 64 * 1024 * 1024  # sum of the declared sizes of all parts
    zip_ratio: int = 100  # unpacked / packed size of one part larger than ZIP_RATIO_FLOOR
    pdf_pages: int = 300
    ocr_pages: int = 120  # pages of a scanned PDF read by OCR (0: never OCR); ~3 s a page
    text_chars: int = 2_000_000  # extracted characters, from any container


ZIP_RATIO_FLOOR = 1024 * 1024  # small XML parts may compress very well; only big ones are judged
DEFAULT_LIMITS = Limits()


class LimitExceeded(ReportError):
    """The input is larger than a limit allows; ``what`` names the limit (a ``Limits`` field)."""

    def __init__(self, what: str, limit: int, actual: int):
        super().__init__(f"over the limit {what}: {actual} > {limit}")
        self.what, self.limit, self.actual = what, limit, actual


@dataclass(slots=True)
class Loaded:
    text: str
    name: str | None
    kind: str  # text | html | docx | pdf | pdf-ocr (a scan read by OCR)
    removed: list[Removed] = field(default_factory=list)


def load(
    source,
    name: str | None = None,
    *,
    text_only: bool = False,
    limits: Limits = DEFAULT_LIMITS,
    ocr_keep: Path | None = None,
) -> Loaded:
    """Read ``source`` (path, bytes or str) into raw text, dispatching on container type.

    With ``text_only`` a str is always report text, never a file name (see ``parse``). Raises
    ``LimitExceeded`` when the input unpacks to more than ``limits`` allow. A scanned PDF is read
    by OCR; ``ocr_keep`` names a folder for its page images and recognised text.
    """
    loaded = _load(source, name, text_only=text_only, limits=limits, ocr_keep=ocr_keep)
    if len(loaded.text) > limits.text_chars:
        raise LimitExceeded("text_chars", limits.text_chars, len(loaded.text))
    return loaded


def _load(
    source, name: str | None, *, text_only: bool, limits: Limits, ocr_keep: Path | None = None
) -> Loaded:
    if text_only and isinstance(source, os.PathLike):
        raise TypeError("text_only=True takes bytes or str, not a path")
    if isinstance(source, os.PathLike) or (
        isinstance(source, str) and not text_only and _looks_like_path(source)
    ):
        path = Path(source)
        try:
            data = path.read_bytes()
        except OSError as exc:
            raise ReportError(f"cannot read {path}: {exc.strerror or exc}") from exc
        return load_bytes(
            data, name or path.name, suffix=path.suffix.lower(), limits=limits, ocr_keep=ocr_keep
        )
    if isinstance(source, bytes | bytearray | memoryview):
        return load_bytes(bytes(source), name, limits=limits, ocr_keep=ocr_keep)
    if isinstance(source, str):
        if _HTML_SNIFF_RE.search(source[:2000]) and source.lstrip()[:1] == "<":
            text, removed = html_to_text(source)
            return Loaded(text, name, "html", removed)
        return Loaded(source, name, "text")
    raise TypeError(f"parse() takes a path, bytes or str, not {type(source).__name__}")


_PATH_SUFFIXES = (".txt", ".text", ".htm", ".html", ".xhtml", ".docx", ".pdf")


def _looks_like_path(text: str) -> bool:
    """A short one-line string naming an existing file.

    A missing '/dir/x.pdf' (with a directory separator, so certainly meant as a path) is an
    error rather than report text; anything else that names no file is text.
    """
    if not text or len(text) >= 4096 or "\n" in text or "\x00" in text:
        return False
    try:
        if os.path.isfile(text):
            return True
    except (OSError, ValueError):
        return False
    if (
        len(text) < 260
        and text.lower().endswith(_PATH_SUFFIXES)
        and ("/" in text or "\\" in text)
        and not text.lower().startswith(("<", "http:", "https:"))
    ):
        raise ReportError(f"no such file: {text}")
    return False


def load_bytes(
    data: bytes,
    name: str | None,
    suffix: str = "",
    *,
    limits: Limits = DEFAULT_LIMITS,
    ocr_keep: Path | None = None,
) -> Loaded:
    if data[:5] == b"%PDF-" or suffix == ".pdf":
        try:
            return Loaded(pdf_to_text(data, limits=limits), name, "pdf")
        except NoTextLayer:
            if not limits.ocr_pages:
                raise
        from .ocr import read_pdf

        stem = Path(name).stem if name else "page"
        pages = read_pdf(data, max_pages=limits.ocr_pages, keep=ocr_keep, stem=stem)
        text = "\f".join(p.text for p in pages)
        if len(re.sub(r"\s", "", text)) < 20:
            raise ReportError("scanned PDF: OCR found no text on its pages")
        return Loaded(text, name, "pdf-ocr")
    if data[:4] == b"PK\x03\x04" or suffix == ".docx":
        return Loaded(docx_to_text(data, limits=limits), name, "docx")
    text = decode_bytes(data)
    if suffix in (".htm", ".html", ".xhtml") or (
        text.lstrip()[:1] == "<" and _HTML_SNIFF_RE.search(text[:2000]) is not None
    ):
        body, removed = html_to_text(text)
        return Loaded(body, name, "html", removed)
    return Loaded(text, name, "text")


def _plausibility(text: str) -> float:
    """Share of characters that look like Chinese prose (common hanzi, ASCII, punctuation)."""
    sample = text[:6000]
    if not sample:
        return 0.0
    good = 0
    hanzi = 0
    common = 0
    for ch in sample:
        o = ord(ch)
        if 0x4E00 <= o <= 0x9FFF:
            hanzi += 1
            if ch in _COMMON:
                common += 1
        elif (
            ch in "\n\r\t "
            or 0x20 <= o < 0x7F
            or 0x3000 <= o <= 0x303F
            or 0xFF00 <= o <= 0xFFEF
            or 0x2010 <= o <= 0x2027
        ):
            good += 1
    if hanzi:
        # genuine text: a good share of its hanzi are everyday characters
        return (good + hanzi * min(1.0, 2.5 * common / hanzi)) / len(sample)
    return good / len(sample)


def decode_bytes(data: bytes) -> str:
    """Decode plain text: BOMs first, then strict UTF-8, then the best-scoring legacy codec."""
    for bom, codec in _BOM_CODECS:
        if data.startswith(bom):
            return data.decode(codec, errors="replace")
    try:
        text = data.decode("utf-8")
        if "\x00" not in text[:4000]:
            return text
    except UnicodeDecodeError:
        pass
    best, best_score = None, 0.0
    for codec in ("gb18030", "utf-16-le", "utf-16-be", "big5"):
        try:
            candidate = data.decode(codec)
        except (UnicodeDecodeError, LookupError):
            continue
        score = _plausibility(candidate)
        if score > best_score:
            best, best_score = candidate, score
    if best is not None and best_score >= 0.8:
        return best
    try:
        from charset_normalizer import from_bytes

        match = from_bytes(data).best()
        if match is not None:
            guessed = str(match)
            if best is None or _plausibility(guessed) > best_score:
                return guessed
    except Exception:  # noqa: BLE001 - detection is best effort; fall back below
        pass
    if best is not None:
        return best
    return data.decode("utf-8", errors="replace")


# --- HTML -----------------------------------------------------------------------------------

_DROP_TAGS = ["script", "style", "noscript", "template", "iframe", "svg", "nav", "header", "footer", "aside"]
_DROP_TAGS += ["form", "button", "select", "input", "textarea", "object", "embed", "canvas"]
_FURNITURE_ATTR_RE = lazy(
    r"(?:^|[\s_-])(?:nav|navbar|menu|breadcrumbs?|crumbs?|share|bdshare|social|footer|foot|header|topbar|"
    r"toolbar|sidebar|aside|related|recommend|comments?|login|register|vip|download|banner|advert|ads?|"
    r"print|pagination|pager|copyright|fontsize|font-size|report|hot|rank)(?:$|[\s_-])",
    re.I,
)
_BLOCK_TAGS = ["p", "div", "br", "li", "tr", "h1", "h2", "h3", "h4", "h5", "h6", "section", "article"]
_BLOCK_TAGS += ["table", "ul", "ol", "dl", "dt", "dd", "blockquote", "pre", "center", "main", "body", "title"]
_CJK_RE = lazy(r"[\u4e00-\u9fff]")


def html_to_text(html: str) -> tuple[str, list[Removed]]:
    """Visible text of a page with block structure kept as lines, minus scripts, menus and bars."""
    from bs4 import BeautifulSoup, Comment

    removed: list[Removed] = []
    soup = BeautifulSoup(html, "lxml")
    for comment in soup.find_all(string=lambda s: isinstance(s, Comment)):
        if comment.strip():
            removed.append(Removed(comment.strip()[:200], "html comment"))
        comment.extract()
    for tag in soup.find_all(_DROP_TAGS):
        text = tag.get_text(" ", strip=True)
        if text and tag.name not in ("script", "style", "svg"):
            removed.append(Removed(text[:200], f"html <{tag.name}>"))
        tag.decompose()
    total = len(_CJK_RE.findall(soup.get_text()))
    for tag in soup.find_all(_is_furniture_tag):
        if getattr(tag, "decomposed", False):
            continue  # inside a block removed just before
        text = tag.get_text(" ", strip=True)
        if total and len(_CJK_RE.findall(text)) > 0.3 * total:
            continue  # never drop the article itself because of a loose class name
        if text:
            removed.append(Removed(text[:200], f"html furniture ({_attr_text(tag)[:40]})"))
        tag.decompose()
    for lst in soup.find_all(["ul", "ol"]):
        text = lst.get_text("", strip=True)
        links = "".join(a.get_text("", strip=True) for a in lst.find_all("a"))
        if text and len(links) >= 0.8 * len(text):
            removed.append(Removed(lst.get_text(" ", strip=True)[:200], "html link list"))
            lst.decompose()
    for br in soup.find_all("br"):
        br.replace_with("\n")
    for tag in soup.find_all(["td", "th"]):
        tag.insert_after("\t")
    for tag in soup.find_all(_BLOCK_TAGS):
        tag.insert_before("\n")
        tag.insert_after("\n")
    return soup.get_text(), removed


def _attr_text(tag) -> str:
    attrs = getattr(tag, "attrs", None) or {}
    classes = attrs.get("class") or []
    if isinstance(classes, str):
        classes = [classes]
    return " ".join([*classes, str(attrs.get("id") or "")]).strip()


def _is_furniture_tag(tag) -> bool:
    if tag.name in ("html", "body", "main", "article"):
        return False
    attr = _attr_text(tag)
    return bool(attr) and _FURNITURE_ATTR_RE.search(attr) is not None


# --- DOCX -----------------------------------------------------------------------------------


def check_zip(data: bytes, limits: Limits = DEFAULT_LIMITS) -> None:
    """Refuse a zip whose central directory promises too many parts, too many bytes, or a bomb's ratio.

    Only the directory is read, nothing is inflated. The declared sizes are binding: ``zipfile``
    stops inflating a part at its declared size (and then fails its CRC), so a part that lies
    about its size cannot unpack to more than it declared.
    """
    try:
        members = zipfile.ZipFile(io.BytesIO(data)).infolist()
    except (zipfile.BadZipFile, ValueError, OSError) as exc:
        raise ReportError(f"not a readable .docx file: {exc}") from exc
    if len(members) > limits.zip_members:
        raise LimitExceeded("zip_members", limits.zip_members, len(members))
    total = sum(m.file_size for m in members)
    if total > limits.zip_unpacked_bytes:
        raise LimitExceeded("zip_unpacked_bytes", limits.zip_unpacked_bytes, total)
    for m in members:
        ratio = m.file_size // max(m.compress_size, 1)
        if m.file_size > ZIP_RATIO_FLOOR and ratio > limits.zip_ratio:
            raise LimitExceeded("zip_ratio", limits.zip_ratio, ratio)


def docx_to_text(data: bytes, *, limits: Limits = DEFAULT_LIMITS) -> str:
    """Paragraphs and tables of a .docx in document order (table cells separated by tabs)."""
    check_zip(data, limits)
    try:
        from docx import Document
        from docx.oxml.ns import qn
        from docx.table import Table
        from docx.text.paragraph import Paragraph

        document = Document(io.BytesIO(data))
        lines: list[str] = []
        for child in document.element.body.iterchildren():
            if child.tag == qn("w:p"):
                lines.append(Paragraph(child, document).text)
            elif child.tag == qn("w:tbl"):
                for row in Table(child, document).rows:
                    lines.append("\t".join(cell.text.strip() for cell in row.cells))
        return "\n".join(lines)
    except (zipfile.BadZipFile, KeyError) as exc:
        raise ReportError(f"not a readable .docx file: {exc}") from exc
    except ReportError:
        raise
    except Exception as exc:  # noqa: BLE001 - python-docx/lxml raise many kinds on broken files
        raise ReportError(f"not a readable .docx file: {type(exc).__name__}: {exc}") from exc


# --- PDF ------------------------------------------------------------------------------------

_CID_RE = re.compile(r"\(cid:\d+\)")


def _pdf_text(data: bytes, limits: Limits) -> str:
    from pdfminer.converter import TextConverter
    from pdfminer.layout import LAParams
    from pdfminer.pdfinterp import PDFPageInterpreter, PDFResourceManager
    from pdfminer.pdfpage import PDFPage

    out = io.StringIO()
    manager = PDFResourceManager(caching=True)
    device = TextConverter(manager, out, codec="utf-8", laparams=LAParams())
    interpreter = PDFPageInterpreter(manager, device)
    pages = 0
    for page in PDFPage.get_pages(io.BytesIO(data), maxpages=limits.pdf_pages + 1, caching=True):
        pages += 1
        if pages > limits.pdf_pages:
            raise LimitExceeded("pdf_pages", limits.pdf_pages, pages)
        interpreter.process_page(page)
        if out.tell() > limits.text_chars:
            raise LimitExceeded("text_chars", limits.text_chars, out.tell())
    return out.getvalue()


class NoTextLayer(ReportError):
    """A PDF whose text layer is empty or unmapped: only OCR can read it."""


def pdf_to_text(data: bytes, *, limits: Limits = DEFAULT_LIMITS) -> str:
    """The text layer of a PDF; a PDF without one (a scan) cannot be read without OCR.

    Pages are read one at a time (as pdfminer's ``extract_text`` does) so that a PDF with more
    than ``limits.pdf_pages`` pages or ``limits.text_chars`` characters stops as soon as it passes.
    """
    try:
        text = _pdf_text(data, limits)
    except LimitExceeded:
        raise
    except Exception as exc:  # noqa: BLE001 - pdfminer raises many unrelated types on bad files
        raise ReportError(f"not a readable PDF: {type(exc).__name__}: {exc}") from exc
    cids = len(_CID_RE.findall(text))
    visible = len(re.sub(r"\s", "", _CID_RE.sub("", text)))
    if visible < 20:
        raise NoTextLayer("scanned PDF with no text layer: it needs OCR before it can be read")
    if cids > visible / 4:
        raise NoTextLayer("PDF text layer has no Unicode mapping (cid codes only): it needs OCR")
    return text
