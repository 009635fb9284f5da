"""Scanned reports: the pages of a PDF without a text layer, read by OCR.

Each page is rendered to a greyscale image (``pypdfium2``) and recognised by Debian's Tesseract
with its simplified-Chinese model (``tesseract-ocr-chi-sim``, through ``pytesseract``). What
Tesseract gives is then tidied by general rules (:func:`tidy`) so that the rest of the reader sees
text shaped like a PDF's text layer: no spaces between Chinese characters, Chinese punctuation
between Chinese words, and the letters OCR confuses with digits put back inside numbers.

The page images and the recognised text of every page can be kept (``keep``) to check what was
read; nothing else is written.
"""

from __future__ import annotations

import os
import re
import shutil
from dataclasses import dataclass
from pathlib import Path

from .chars import CJK, CJK_PUNCT
from .model import ReportError

LANG = "chi_sim"
DPI = 200  # glyphs of body text near the 30 px Tesseract reads best; 150 and 300 dpi scans alike
MAX_PIXELS = 40_000_000  # one rendered page; a hostile 200-inch page is scaled down to this
# One block of text per page (a report is one column); spaces between Latin words kept.
CONFIG = "--psm 6 -c preserve_interword_spaces=1"


class OcrUnavailable(ReportError):
    """Tesseract or its chi_sim model is not installed."""


@dataclass(slots=True)
class OcrPage:
    number: int  # from 1
    text: str  # after :func:`tidy`
    raw: str  # as Tesseract gave it


def available() -> bool:
    """Whether Tesseract with the simplified-Chinese model can be run here."""
    return _missing() is None


def _missing() -> str | None:
    if shutil.which("tesseract") is None:
        return "tesseract is not installed (Debian: apt-get install tesseract-ocr tesseract-ocr-chi-sim)"
    try:
        import pytesseract

        langs = pytesseract.get_languages(config="")
    except Exception as exc:  # noqa: BLE001 - any failure to ask means we cannot OCR
        return f"tesseract cannot be run: {exc}"
    if LANG not in langs:
        return f"tesseract has no {LANG} model (Debian: apt-get install tesseract-ocr-chi-sim)"
    return None


def read_pdf(
    data: bytes, *, max_pages: int, dpi: int = DPI, keep: Path | None = None, stem: str = "page"
) -> list[OcrPage]:
    """OCR every page of ``data``; with ``keep``, write ``<stem>-p001.png`` and ``.txt`` there."""
    missing = _missing()
    if missing:
        raise OcrUnavailable(f"scanned PDF with no text layer, and OCR is not available: {missing}")
    import pypdfium2
    import pytesseract

    from .decode import LimitExceeded

    try:
        pdf = pypdfium2.PdfDocument(data)
    except Exception as exc:  # noqa: BLE001 - pdfium raises its own error types on bad files
        raise ReportError(f"not a readable PDF: {exc}") from exc
    pages: list[OcrPage] = []
    env_before = os.environ.get("OMP_THREAD_LIMIT")
    os.environ["OMP_THREAD_LIMIT"] = "1"  # one core per report; --jobs spreads reports over cores
    try:
        if len(pdf) > max_pages:
            raise LimitExceeded("ocr_pages", max_pages, len(pdf))
        if keep is not None:
            keep.mkdir(parents=True, exist_ok=True)
        for index in range(len(pdf)):
            page = pdf[index]
            width, height = page.get_size()  # points
            scale = dpi / 72
            if width * height * scale * scale > MAX_PIXELS:
                scale = (MAX_PIXELS / (width * height)) ** 0.5
            image = page.render(scale=scale, grayscale=True).to_pil()
            try:
                words = pytesseract.image_to_data(
                    image, lang=LANG, config=CONFIG, output_type=pytesseract.Output.DICT
                )
            except pytesseract.TesseractError as exc:
                raise ReportError(f"OCR failed on page {index + 1}: {exc}") from exc
            raw = paragraphs(words)
            text = tidy(raw)
            pages.append(OcrPage(index + 1, text, raw))
            if keep is not None:
                base = keep / f"{stem}-p{index + 1:03d}"
                image.save(base.with_suffix(".png"))
                base.with_suffix(".txt").write_text(text, encoding="utf-8")
    finally:
        pdf.close()
        if env_before is None:
            os.environ.pop("OMP_THREAD_LIMIT", None)
        else:
            os.environ["OMP_THREAD_LIMIT"] = env_before
    return pages


def paragraphs(words: dict[str, list]) -> str:
    """Tesseract's words, one paragraph per line, from where each printed line starts and ends.

    A scan has no paragraph marks: a line that stops well short of the right margin ends its
    paragraph, and an indented line or one after a blank line starts one (a heading on its own
    line is both). Lines of one
    paragraph are joined, so the rest of the reader sees the text as a text layer would give it.
    """
    lines: dict[tuple[int, int, int], list[int]] = {}
    for i, word in enumerate(words.get("text", [])):
        if str(word).strip():
            key = (words["block_num"][i], words["par_num"][i], words["line_num"][i])
            lines.setdefault(key, []).append(i)
    boxes = []
    for key in sorted(lines):
        ids = lines[key]
        left = min(words["left"][i] for i in ids)
        right = max(words["left"][i] + words["width"][i] for i in ids)
        top = min(words["top"][i] for i in ids)
        height = sorted(words["height"][i] for i in ids)[len(ids) // 2]
        text = " ".join(str(words["text"][i]).strip() for i in ids)
        boxes.append((left, right, top, height, text))
    if not boxes:
        return ""
    lefts = sorted(b[0] for b in boxes)
    rights = sorted(b[1] for b in boxes)
    margin_left = lefts[len(lefts) // 10]
    margin_right = rights[len(rights) * 9 // 10]
    glyph = sorted(b[3] for b in boxes)[len(boxes) // 2] or 1
    steps = sorted(b[2] - a[2] for a, b in zip(boxes, boxes[1:], strict=False) if b[2] > a[2])
    step = steps[len(steps) // 2] if steps else 2 * glyph  # the usual distance from line to line
    out: list[str] = []
    ended, last_top = True, None
    for left, right, top, _, text in boxes:
        gap = last_top is not None and top - last_top > 1.6 * step
        if ended or gap or left > margin_left + 1.2 * glyph:
            out.append(text)
        else:
            out[-1] += " " + text
        ended, last_top = right < margin_right - 1.5 * glyph, top
    return "\n".join(out)


# --- Tidying what Tesseract gives ---------------------------------------------------------------

_WIDE = f"{CJK}{CJK_PUNCT}"
# Spaces with a Chinese character or Chinese punctuation on either side carry nothing.
_SPACE_AFTER_WIDE_RE = re.compile(f"(?<=[{_WIDE}])[ \t]+")
_SPACE_BEFORE_WIDE_RE = re.compile(f"[ \t]+(?=[{_WIDE}])")
# Inside a number: "1 2.5" "3 . 5" "8 %" -> "12.5" "3.5" "8%"
_SPACE_IN_NUMBER_RE = re.compile(r"(?<=\d)[ \t]+(?=[\d.%])|(?<=\d\.)[ \t]+(?=\d)")
# Letters read for digits, only where a digit is next to them and no Latin letter is.
_ZERO_RE = re.compile(r"(?<=\d)[OoΟо〇](?![A-Za-z])|(?<![A-Za-z])[OoΟо〇](?=\d)|(?<=\d\.)[OoΟо〇]")
_ONE_RE = re.compile(r"(?<=\d)[lI|](?![A-Za-z])|(?<![A-Za-z])[lI|](?=\d)|(?<=\d\.)[lI|]")
# The percent sign is the glyph Tesseract's chi_sim model reads worst: a digit glued after it
# ("3.8%6；"), or "96"/"06" in its place after a one-decimal rate ("12.596；"). A percent sign is never
# followed by a digit in a report, and a two-decimal number without a unit before a clause break is
# almost never what was printed.
_PERCENT_TAIL_RE = re.compile(r"(?<=\d)%\d{1,2}(?![\d.])")
_PERCENT_AS_96_RE = re.compile(r"(?<=\d\.\d)(?:96|906|06|%6)(?=[，。；、,;和及与])")
# ASCII punctuation between Chinese characters is the Chinese mark Tesseract flattened.
_ASCII_TO_WIDE = {",": "，", ";": "；", ":": "：", "?": "？", "!": "！", "(": "（", ")": "）"}
_ASCII_PUNCT_RE = re.compile(
    f"(?<=[{CJK}%])[,;:?!()](?=[{CJK}（“])|(?<=[{CJK}])[,;:?!)](?=$)|(?<=[{CJK}])[(](?=\\d)"
)
# A lone full stop of Latin text at the end of a Chinese clause.
_STOP_RE = re.compile(f"(?<=[{CJK}])\\.(?=$|[{CJK}])", re.M)


def tidy(raw: str) -> str:
    """OCR text shaped like a text layer; general rules only, each safe on clean text too."""
    lines = []
    for line in raw.splitlines():
        line = _SPACE_AFTER_WIDE_RE.sub("", line)
        line = _SPACE_BEFORE_WIDE_RE.sub("", line)
        for _ in range(2):  # a run like "1 0 0" needs two passes of a look-behind rule
            line = _SPACE_IN_NUMBER_RE.sub("", line)
            line = _ZERO_RE.sub("0", line)
            line = _ONE_RE.sub("1", line)
        line = _PERCENT_TAIL_RE.sub("%", line)
        line = _PERCENT_AS_96_RE.sub("%", line)
        line = _ASCII_PUNCT_RE.sub(lambda m: _ASCII_TO_WIDE[m.group()], line)
        line = _STOP_RE.sub("。", line)
        lines.append(line.strip())
    return "\n".join(lines)
