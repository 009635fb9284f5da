"""Normalising raw report text and removing page furniture.

Reports reach us through web pages, document-sharing sites and PDF extraction. Each leaves
its own debris: site banners and share bars, page numbers and running headers, watermarks
glued to paragraphs, spaces between every character, lines wrapped mid-sentence. We remove
what is not the report and keep every removed piece (with the reason) for inspection.
"""

from __future__ import annotations

import re
from collections import Counter

from .chars import CJK, CJK_PUNCT, TERMINAL, has_traditional, simplify
from .lazyre import lazy
from .model import Removed
from .t2s_table import TRADITIONAL

# Full-width ASCII that matters for numbers and words; Chinese punctuation (，。；：（）) stays.
_FULLWIDTH: dict[int, int | str | None] = {ord("０") + i: ord("0") + i for i in range(10)}
_FULLWIDTH.update({ord("Ａ") + i: ord("A") + i for i in range(26)})
_FULLWIDTH.update({ord("ａ") + i: ord("a") + i for i in range(26)})
_FULLWIDTH.update({ord(a): b for a, b in zip("％﹪．－＋／＝＜＞～", "%%.-+/=<>~", strict=True)})
_FULLWIDTH.update({0x3000: " ", 0xA0: " ", 0x09: " ", 0x0B: " ", 0xFEFF: None, 0x200B: None})
_FULLWIDTH.update({0x200C: None, 0x200D: None, 0x2060: None, 0x00AD: None, 0x0C: "\n\n"})
# Other control characters carry nothing in a report (and PostgreSQL cannot store NUL in text).
_FULLWIDTH.update({c: None for c in (*range(0x00, 0x09), *range(0x0E, 0x20), 0x7F)})

_FULLWIDTH_MAP = {
    chr(k): (v if isinstance(v, str) else chr(v) if v is not None else "") for k, v in _FULLWIDTH.items()
}

_ENTITIES = {
    "ldquo": "“",
    "rdquo": "”",
    "lsquo": "‘",
    "rsquo": "’",
    "nbsp": " ",
    "amp": "&",
    "quot": '"',
    "mdash": "—",
    "hellip": "…",
    "middot": "·",
    "lt": "<",
    "gt": ">",
    "ensp": " ",
    "emsp": " ",
}
_ENTITY_RE = re.compile(r"&\s?(" + "|".join(_ENTITIES) + r");|&#(\d{2,6});")

# Markers of site furniture: a short line containing one of them is not part of the report.
_FURNITURE_WORDS = [
    "购物车",
    "我的足迹",
    "足迹",
    "VIP下载",
    "VIP专享",
    "开通VIP",
    "立即下载",
    "下载文档",
    "文档下载",
    "下载积分",
    "会员登录",
    "新用户注册",
    "用户登录",
    "免费注册",
    "举报",
    "资源描述",
    "展开阅读全文",
    "阅读全文",
    "温馨提示",
    "免责声明",
    "版权声明",
    "版权所有",
    "ICP备",
    "ICP证",
    "公网安备",
    "主办单位",
    "承办单位",
    "技术支持",
    "网站标识码",
    "联系我们",
    "网站地图",
    "分享到",
    "一键分享",
    "扫一扫",
    "相关文章",
    "相关阅读",
    "相关推荐",
    "猜你喜欢",
    "热门文章",
    "上一篇",
    "下一篇",
    "上一条:",
    "上一条：",
    "下一条:",
    "下一条：",
    "浏览次数",
    "阅读次数",
    "访问次数",
    "点击次数",
    "点击数",
    "累计次数",
    "字号",
    "打印本页",
    "关闭窗口",
    "【打印】",
    "【关闭】",
    "加入收藏",
    "收藏本页",
    "由会员分享",
    "页珍藏版",
    "文库上搜索",
    "在线阅读",
    "索引号",
    "发布机构",
    "公开类别",
    "发文字号",
    "责任编辑",
    "信息来源",
    "文章来源",
    "来源:",
    "来源：",
    "发布时间",
    "发布日期",
    "大 中 小",
    "【大 中 小】",
    "您现在的位置",
    "当前位置",
    "您的位置",
]
_FURNITURE_RE = re.compile("|".join(re.escape(w) for w in sorted(_FURNITURE_WORDS, key=len, reverse=True)))
_BREADCRUMB_RE = re.compile(r"首页\s*[>›»/]")
_DOWNLOAD_NOTICE_RE = re.compile(r"下载|文档|本站|客服|预览|付费|上传|版权")
_MENU_SEP_RE = re.compile(r"\s[|｜]\s|[|｜]")
_CELL_SPLIT_RE = re.compile(r"[|｜]")

_PAGE_NUMBER_RE = re.compile(
    r"^(?:[-—–_~·\s]*\d{1,4}[-—–_~·\s]*|第\s*\d{1,4}\s*页(?:\s*[,，/]?\s*共\s*\d{1,4}\s*页)?"
    r"|\d{1,4}\s*/\s*\d{1,4}|(?:page|Page|PAGE)\s*\d{1,4}(?:\s*of\s*\d{1,4})?)$"
)
_PAGE_MARKER_RE = re.compile(r"^(\d{1,3})、")
# What a page number's line can open with: its dashes, a space, a digit (\d: str.isdecimal), 第, page.
_PAGE_FIRST = "-—–_~·第pP"


def _page_number(line: str) -> re.Match | None:
    """``_PAGE_NUMBER_RE.match(line)``, after a test of the first character (most lines fail it)."""
    first = line[:1]
    if "\u3400" <= first < "\ua000" and first != "第":
        return None  # (a CJK character but 第, as most lines open with: no space, no digit)
    if first in _PAGE_FIRST or first.isspace() or first.isdecimal():
        return _PAGE_NUMBER_RE.match(line)
    return None


# an upper-case run ("BNC"), or a short token of letters and digits ("Qw7", "2kF") with a letter in it
# ([A-Z][A-Z]{1,4}: a pattern that starts with a class, not a repeat, is scanned fast by the regex engine)
_WATERMARK_CANDIDATE_RE = re.compile(r"[A-Z][A-Z]{1,4}")
_LOWER_RE = re.compile("[a-z]")
_ALNUM_END_RE = re.compile(r"[0-9A-Za-z][0-9A-Za-z]*(?=[ \n])")  # (a class first: scanned fast, see above)
_KNOWN_ACRONYMS = frozenset(
    "GDP PPP EPC VOC VOCS PM APP ETC CT DNA AAA AAAA AAAAA QQ ICP CPI PPI PCT IPO OA EOD ABO BIM KTV LED CEO".split()
)

_SPACE_RUN_RE = re.compile(r" +")
_CJK_OR_PUNCT_RE = re.compile(f"[{CJK}{CJK_PUNCT}]")
_HEADING_START_RE = lazy(
    r"^(?:[一二三四五六七八九十]+[、.．]|[（(][一二三四五六七八九十\d]+[)）]|\d+[.、．](?!\d)|第[一二三四五六七八九十]+|——|[•●▪■◆◇▶►★☆◎])"
)
_PARAGRAPH_END = "。！？!?：:”"  # a full line ending in ；or ，was wrapped inside a paragraph
_PUNCT_RE = re.compile(r"[，,。；;：:！!？?]")


_FULLWIDTH_RE = re.compile("[" + "".join(re.escape(chr(c)) for c in _FULLWIDTH) + "]")
# the characters _basic maps and the traditional ones (two sets that do not meet), to look for both
# in one scan (``_LATIN_OR_RARE_RE``)
_FULLWIDTH_OR_TRADITIONAL = _FULLWIDTH_RE.pattern[1:-1] + re.escape(TRADITIONAL)


def rare_characters(raw: str) -> tuple[bool, bool]:
    """Whether ``raw`` holds a character that cleaning maps (full-width forms, control characters,
    odd spaces), and whether it holds a traditional one: one scan of the text instead of two (the
    first found tells which; the other kind is looked for after it only).

    The same scan collects the runs of Latin letters: when it finds neither kind, the text is
    cleaned as it is and ``normalise`` takes its runs from here (``_latin_runs``) instead of
    scanning it again."""
    global _KNOWN_RUNS
    runs: list[str] = []
    for m in _LATIN_OR_RARE_RE.finditer(raw):
        found = m.group()
        if found[0] in _LATIN_CHARS:
            runs.append(found)
            continue
        if found in _FULLWIDTH_MAP:
            return True, has_traditional(raw, m.end())
        return _FULLWIDTH_RE.search(raw, m.end()) is not None, True
    _KNOWN_RUNS = (raw, "\n".join(runs))
    return False, False


def _drop_inner_spaces(line: str) -> str:
    """Remove spaces a PDF or a letter-spaced title put between characters and around digits.

    A space goes when a CJK character or CJK punctuation is on either side and the other side
    is CJK, punctuation or a digit, or when it splits a decimal number ("5 .2") or a year ("20 24年"); spaces between
    Latin words or between two numbers stay.
    """
    out: list[str] = []
    last = 0
    for m in _SPACE_RUN_RE.finditer(line):
        a, b = m.start(), m.end()
        if a == 0 or b == len(line):
            continue
        left, right = line[a - 1], line[b]
        left_cjk = _CJK_OR_PUNCT_RE.match(left) is not None
        right_cjk = _CJK_OR_PUNCT_RE.match(right) is not None
        if (
            (left_cjk and (right_cjk or right.isdigit()))
            or (right_cjk and left.isdigit())
            or (left.isdigit() and right in ".%")
            or (left == "." and right.isdigit() and a >= 2 and line[a - 2].isdigit())
            # "是20 11年的4倍": a year broken in two
            or (
                line[a - 2 : a] in ("19", "20")
                and (a < 3 or not line[a - 3].isdigit())
                and line[b : b + 2].isdigit()
                and line[b + 2 : b + 3] == "年"
            )
        ):
            out.append(line[last:a])
            last = b
    if not out:
        return line
    out.append(line[last:])
    return "".join(out)


_TONED = "āáǎàēéěèīíǐìōóǒòūúǔùǖǘǚǜ"
_TONED_RE = re.compile(f"[{_TONED}]")
_LATIN_RE = re.compile(f"[A-Za-z{_TONED}][A-Za-z{_TONED}]*")  # (a class first: scanned fast)
_LATIN_CHARS = frozenset("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz" + _TONED)
# a Latin run or the first rare character (``rare_characters``): the class first, so that the engine
# scans for it, and a Latin letter's run after it; the two kinds of characters do not meet
_LATIN_OR_RARE_RE = re.compile(
    f"[A-Za-z{_TONED}{_FULLWIDTH_OR_TRADITIONAL}](?:(?<=[A-Za-z{_TONED}])[A-Za-z{_TONED}]*)?"
)
# the last text ``rare_characters`` found no rare character in, and its Latin runs
_KNOWN_RUNS: tuple[str, str] = ("", "")
# (a space may stand before the closing bracket: 會(huì ))
_PINYIN_RE = lazy(rf"(?<=[{CJK}])[(（](?=[a-zü]*[{_TONED}])[a-zü{_TONED}]{{1,7}} ?[)）]")
_DOUBLED_SEMICOLON_QUOTE_RE = re.compile(r";;([^;\n]{1,20});;")
_CJK_CHAR_RE = re.compile(f"[{CJK}]")
_GLOSS = f"(?:[(（][a-zü{_TONED}]{{1,7}} ?[)）])?"


def glossed(piece: str, raw: str) -> str:
    """``piece`` (cut from the cleaned text) as ``raw`` writes it, with the pinyin a site printed after
    its characters (經(jīng)濟(jì)): a heading or a name is given as the page shows it; ``piece`` itself
    when ``raw`` does not hold it so."""
    if not piece or len(piece) > 120:
        return piece
    pattern = "".join(re.escape(c) + (_GLOSS if _CJK_CHAR_RE.match(c) else "") for c in piece)
    m = re.search(pattern, raw)
    return m.group() if m else piece


def _basic(raw: str, fullwidth: bool | None = None) -> str:
    text = raw.replace("\r\n", "\n").replace("\r", "\n")  # (\r is no character _FULLWIDTH maps)
    if fullwidth if fullwidth is not None else _FULLWIDTH_RE.search(text):
        text = _FULLWIDTH_RE.sub(lambda m: _FULLWIDTH_MAP[m.group()], text)
    if "&" in text:
        text = _ENTITY_RE.sub(_entity, text)
    return text


def _entity(m: re.Match) -> str:
    if m.group(1):
        return _ENTITIES[m.group(1)]
    try:
        return chr(int(m.group(2)))
    except (ValueError, OverflowError):
        return ""


# The header row of a table of the 民生实事 ("序号 | 实事项目名称 | 完成情况 |"): a column of names, after at
# most a serial number's.
_WORKS_HEADER_RE = re.compile(r"^(?:(?:序号|编号)\s*\|\s*)?(?:民生)?(?:实事)?(?:项目)?名称\s*\|")
_LIVELIHOOD_TITLE_RE = re.compile(r"实事|實事|民生工程")


def _works_table_header(simple: str, kept: list[str]) -> bool:
    """``simple`` heads a table of the 民生实事: its columns open with the works' names, and the header
    or the line over it (``kept``'s last line) names the 民生实事."""
    if "名称" not in simple or _WORKS_HEADER_RE.match(simple) is None:
        return False
    title = next((k for k in reversed(kept[-2:]) if k), "")
    return _LIVELIHOOD_TITLE_RE.search(simple) is not None or _LIVELIHOOD_TITLE_RE.search(title) is not None


def _is_furniture(line: str, simple: str) -> str | None:
    """Why a line is site furniture, or None when it belongs to the report."""
    if not line:
        return None
    long_prose = len(line) > 80 or ("。" in line and len(line) > 40)
    if not long_prose:  # (prose is never furniture: skip the searches on most lines)
        m = _FURNITURE_RE.search(simple)
        if m:
            return f"site furniture ({m.group()})"
        if "首页" in simple and _BREADCRUMB_RE.search(simple):
            return "breadcrumb"
    if (
        len(line) <= 120  # (the length first: most lines of a report are longer)
        and ("下载" in simple or "文档" in simple)
        and len(set(_DOWNLOAD_NOTICE_RE.findall(simple))) >= 2
    ):
        # a document site's numbered notice ("2. 本文档由用户上传…", "下载前请仔细阅读文档内容…")
        return "download notice"
    if (
        "。" not in line
        and ("|" in line or "｜" in line)
        and len(_MENU_SEP_RE.findall(line)) >= 3
        # (not one cell in a web table's borders: "2031年青禾县政府工作报告 | ||||", a title)
        and sum(1 for cell in _CELL_SPLIT_RE.split(line) if cell.strip()) >= 2
    ):
        return "menu or metadata table"
    return None


def _latin_runs(text: str) -> str:
    """The text's runs of Latin letters (toned pinyin vowels too), one per line: few in a report,
    so the searches for capitals, lower-case and toned letters look at them instead of the text.
    (A run of capitals in the text is one in them, between the same kinds of characters.)"""
    known_text, known_runs = _KNOWN_RUNS
    if text == known_text:  # (a text without rare characters: found as ``rare_characters`` scanned it)
        return known_runs
    return "\n".join(_LATIN_RE.findall(text))


def _watermark(text: str, latin: str | None = None) -> str | None:
    """A short Latin token glued after paragraphs (the "BNC" of some copy sites), if any.
    ``latin``: ``_latin_runs(text)`` when the caller has it."""
    if latin is None:
        latin = _latin_runs(text)
    counts = Counter(_WATERMARK_CANDIDATE_RE.findall(latin))
    # "Qw7", "2kF": a mixed token has a lower-case letter, and only a token seen three times counts
    # (those seen less often come after it in ``most_common``): three lower-case letters at least
    if len(_LOWER_RE.findall(latin)) >= 3:
        counts.update(
            t for t in _ALNUM_END_RE.findall(text) if 3 <= len(t) <= 5 and not t.isdigit() and not t.isupper()
        )
    for token, n in counts.most_common(3):
        if n < 3 or token.upper() in _KNOWN_ACRONYMS:
            continue
        glued = 0
        for m in re.finditer(re.escape(token), text):
            before = text[m.start() - 1] if m.start() else "\n"
            after = text[m.end()] if m.end() < len(text) else "\n"
            if re.match(f"[{CJK}{CJK_PUNCT}]", before) and after in " \n":
                glued += 1
        if glued >= max(3, 2 * n // 3):
            return token
    return None


def _line_tail_watermark(lines: list[str]) -> str | None:
    """A phrase a copy site glued to the end of many lines ("…同志提出意见。xx百科--为乡村振兴助力").

    The longest tail of 6-40 characters that ends at least five lines and a fifth of the non-empty
    ones, after some other text; a report's own lines never end so alike.
    """
    filled = [line for line in lines if len(line) > 8]
    if len(filled) < 5:
        return None
    need = max(5, len(filled) // 5)
    # every line ending in a frequent tail ends in its last six characters too: count those first
    # and the longer tails only on the lines whose last six are frequent (usually none)
    six = Counter(line[-6:] for line in filled)
    if not any(n >= need for n in six.values()):
        return None
    counts: Counter = Counter()
    for line in filled:
        if six[line[-6:]] < need:
            continue
        for k in range(6, min(40, len(line) - 2) + 1):
            counts[line[-k:]] += 1
    # (a clause of words alike, "…，超额完成全年任务。" under each entry of an account, is the text's own)
    tails = [t for t, n in counts.items() if n >= need and not re.fullmatch(f"[，,]?[{CJK}]*[。！？；]?", t)]
    return max(tails, key=len) if tails else None


def normalise(
    raw: str, *, traditional: bool = True, fullwidth: bool | None = None
) -> tuple[str, list[Removed]]:
    """Turn extracted text into clean report text; return it with what was removed.

    ``traditional=False`` says that ``raw`` holds no traditional character and no numeric entity
    (``&#…;``, which could make one): nothing derived from it has one either, so its simplified
    copy is the text itself and is not looked for again (a scan of the text saved each time).
    ``fullwidth``: whether ``raw`` holds a character that cleaning maps, when the caller knows
    (``rare_characters``)."""
    removed: list[Removed] = []
    text = _basic(raw, fullwidth)
    latin = _latin_runs(text)
    if _TONED_RE.search(latin):
        glosses = _PINYIN_RE.findall(text)
        if len(glosses) >= 3:  # a site that prints the reading after some characters: 經(jīng)濟(jì)
            removed.append(Removed(" ".join(glosses[:20]), f"pinyin after characters ({len(glosses)} times)"))
            text = _PINYIN_RE.sub("", text)
            latin = _latin_runs(text)
    if ";;" in text:  # a copy site's rendering of quotation marks: ;;三农;; for “三农”
        text = _DOUBLED_SEMICOLON_QUOTE_RE.sub(r"“\1”", text)
    simple_all = simplify(text) if traditional else text

    token = _watermark(text, latin)  # (the ;; quotes changed no run of letters)
    if token:
        removed.append(Removed(token, f"watermark token repeated {text.count(token)} times"))
        pattern = re.compile(re.escape(token) + r"[ ]*")
        text = pattern.sub("\n", text)
        # a truncated copy of the watermark at the end of a line ("BN")
        text = re.sub(
            f"(?<=[{CJK}{CJK_PUNCT}])(?:{'|'.join(re.escape(token[:k]) for k in range(len(token) - 1, 1, -1))})(?=\n|$)",
            "",
            text,
        )
        simple_all = simplify(text) if traditional else text

    lines = [line.strip() for line in text.split("\n")]
    # (the lines are read, never changed in place: a text without traditional characters shares them)
    simple_lines = lines if simple_all is text else [line.strip() for line in simple_all.split("\n")]
    tail = _line_tail_watermark(lines)
    if tail:
        removed.append(
            Removed(tail, f"watermark at the end of {sum(line.endswith(tail) for line in lines)} lines")
        )
        cut = [line[: -len(tail)].rstrip() if line.endswith(tail) else line for line in lines]
        simple_lines = [s[: len(c)] for s, c in zip(simple_lines, cut, strict=True)]
        lines = cut
    lines, simple_lines = _join_fragments(lines, simple_lines)
    kept: list[str] = []
    in_table = False  # (inside a table of the 民生实事, a row to a line: ``_works_table_header``)
    for line, simple in zip(lines, simple_lines, strict=True):
        if not line:
            kept.append("")
            in_table = False
            continue
        if "|" in line and (in_table or _works_table_header(simple, kept)):
            in_table = True
            kept.append(line)  # its rows are the report's, however many cells they split into
            continue
        in_table = False
        why = _is_furniture(line, simple)
        if why is None and _page_number(line):
            why = "page number"
        if why:
            removed.append(Removed(line[:200], why))
            kept.append("")
            continue
        kept.append(line)

    kept = _drop_running_headers(kept, removed, _page_edges(raw))
    kept = _join_page_markers(kept, removed)
    kept = [_drop_inner_spaces(line) if " " in line else line for line in kept]
    kept = _unwrap(kept)
    text = "\n".join(line for line in kept if line)
    # a number that a fixed-width export broke over two lines ("生产总值52" / "0亿元", "147." / "3亿元")
    text = _SPLIT_NUMBER_RE.sub("", text)
    return text, removed


def _page_edges(raw: str) -> set[str]:
    """Lines that open or close at least two pages of a paginated text (form feeds)."""
    if "\x0c" not in raw:
        return set()
    pages = [[ln.strip() for ln in page.split("\n") if ln.strip()] for page in raw.split("\x0c")]
    pages = [p for p in pages if p]
    if len(pages) < 2:
        return set()
    edges = Counter(line for p in pages for line in {p[0], p[-1]} if len(line) <= 40)
    return {line for line, n in edges.items() if n >= 2 and not _page_number(line)}


def _drop_running_headers(lines: list[str], removed: list[Removed], page_edges: set[str]) -> list[str]:
    """Short lines repeated on three or more pages (or opening two pages) are running headers."""
    counts = Counter(line for line in lines if line and len(line) <= 40)
    repeated = {line for line, n in counts.items() if n >= 3 and not _HEADING_START_RE.match(line)}
    repeated |= {line for line in page_edges if counts.get(line, 0) >= 2}
    if not repeated:
        return lines
    seen: set[str] = set()
    out = []
    for line in lines:
        if line in repeated:
            if line in seen:
                out.append("")
                continue
            seen.add(line)
            removed.append(Removed(line, f"running header repeated {counts[line]} times"))
        out.append(line)
    return out


def _join_page_markers(lines: list[str], removed: list[Removed]) -> list[str]:
    """Document-sharing sites prefix each page with "1、", "2、" ... even mid-word; drop and rejoin."""
    expected = 1
    out: list[str] = []
    last = -1  # index in out of the last non-empty line
    # A "1、" is a site's page marker only when a "2、" breaks a sentence later on (a list's "1、"
    # near the top of a text, its "2、" after a full stop, is no marker)
    paged = _second_page_marker(lines)
    for line in lines:
        m = _PAGE_MARKER_RE.match(line) if line[:1].isdecimal() else None
        if m and int(m.group(1)) == expected and (expected > 1 or paged):
            prev = out[last] if last >= 0 else ""
            # (page 1 under a site's furniture: a whole page of text on the marker's line)
            if (expected == 1 and (last < 3 or len(line) >= 200)) or (
                prev and prev[-1] not in TERMINAL + "：:"
            ):
                removed.append(
                    Removed(m.group(), f"page marker of a document-sharing site (page {expected})")
                )
                expected += 1
                rest = line[m.end() :]
                if expected > 2 and last >= 0:
                    out[last] = out[last] + rest
                    continue
                line = rest
        out.append(line)
        if line:
            last = len(out) - 1
    return out


def _second_page_marker(lines: list[str]) -> bool:
    """A line opens with "2、" right after a line that ends mid-sentence (the page-2 marker).

    Short lines "1、…", "2、…", "3、…" one under the other are a list of labels without
    punctuation, not pages: a site's page holds a page of text between its markers."""
    present = [line for line in lines if line]
    for i, line in enumerate(present):
        if not line.startswith("2、") or i == 0 or present[i - 1][-1] in TERMINAL + "：:":
            continue
        after = present[i + 1] if i + 1 < len(present) else ""
        listed = after.startswith("3、") and max(len(present[i - 1]), len(line), len(after)) < 40
        if not listed:
            return True
    return False


_SPLIT_NUMBER_RE = re.compile(
    r"\n(?<=[0-9][0-9.]\n)(?=[0-9]+(?:\.[0-9]+)?\s*(?:%|万|亿|元|个|家|户|人|亩|吨))"
)
_FRAGMENT_END = "。！？!?；;：:"


def _join_fragments(lines: list[str], simple_lines: list[str]) -> tuple[list[str], list[str]]:
    """A PDF extraction that put every few words on a line of its own ("增长", "5%", "；"): when
    most lines are such fragments, rejoin each paragraph, up to its closing punctuation, before
    a lone "2024" or "3200" could be taken for a page number. A heading that fills its line
    ("（一）农业农村发展") stays a line of its own."""
    present = [i for i, line in enumerate(lines) if line]
    if len(present) < 40:
        return lines, simple_lines
    lengths = sorted(len(lines[i]) for i in present)
    if lengths[len(lengths) // 2] > 6 or sum(n <= 8 for n in lengths) < 0.6 * len(lengths):
        return lines, simple_lines
    out: list[str] = []
    out_simple: list[str] = []
    open_line = False
    for i in present:
        line = lines[i]
        heading = _HEADING_START_RE.match(line) is not None
        if open_line and not heading:
            out[-1] += line
            out_simple[-1] += simple_lines[i]
        else:
            out.append(line)
            out_simple.append(simple_lines[i])
        last = out[-1]
        open_line = last[-1] not in _FRAGMENT_END and not (heading and len(line) >= 5 and last == line)
    return out, out_simple


def _unwrap(lines: list[str]) -> list[str]:
    """Rejoin lines that a PDF or a fixed-width export wrapped in mid-sentence."""
    lengths = sorted(len(line) for line in lines if line)
    if len(lengths) < 8:
        return lines
    full = lengths[int(len(lengths) * 0.9)]
    if full < 15 or full > 120:
        return lines
    near_full = [line for line in lines if line and len(line) >= 0.8 * full]
    open_ended = [line for line in near_full if line[-1] not in TERMINAL]
    if len(near_full) < 0.3 * len(lengths) or len(open_ended) < 0.5 * len(near_full):
        return lines
    if sum(_PUNCT_RE.search(line) is not None for line in near_full) < 0.5 * len(near_full):
        return lines  # long lines without a comma or a full stop: a roster of names, one a line
    out: list[str] = []
    joinable = False
    for line in lines:
        if not line:
            out.append(line)
            continue
        if joinable and not _HEADING_START_RE.match(line):
            # find the line we are continuing (skip blank lines left by removed furniture)
            k = len(out) - 1
            while k >= 0 and not out[k]:
                k -= 1
            sep = (
                " "
                if out[k][-1].isascii() and out[k][-1].isalpha() and line[0].isascii() and line[0].isalpha()
                else ""
            )
            out[k] = out[k] + sep + line
            joinable = len(line) >= 0.75 * full and line[-1] not in _PARAGRAPH_END
            continue
        out.append(line)
        # a heading that fills the whole line was wrapped too; a shorter one ends its line
        needed = 0.9 if _HEADING_START_RE.match(line) else 0.75
        joinable = len(line) >= needed * full and line[-1] not in _PARAGRAPH_END
    return out
