"""Is this a report at all? A general rule that refuses noise before facts are read from it.

Random bytes named ``.txt`` decode to *something* in one codec or another (UTF-16 turns any even
number of bytes into hanzi), and the reader then finds "facts" in the noise. A work report, even
a short pasted opening, is Chinese prose written in everyday characters, with some structure of a
report. ``refusal`` names the first test a text fails, or returns None:

1. ``undecodable`` - more than 1 % of the characters are U+FFFD (bytes no codec could read);
2. ``not chinese`` - fewer than 30 % of the visible characters are hanzi;
3. ``not prose``   - fewer than 25 % of the hanzi are among the most common ones of government
   prose (noise spreads over all 20,000 code points; real text draws half its characters from a
   few hundred);
4. ``no structure`` - no mark of a report: no numbered heading (一、 （一） 第一), no 各位代表,
   no 报告 / 工作 / 政府, no section the reader recognised.

Measured on the seeds and report openings in the shared corpus, the demo reports and the test
fixtures (all accepted), and on random bytes, random hanzi and English text (all refused):
see ``luoshi/reports/tests/test_reader_plausible.py``.
"""

from __future__ import annotations

import re

from .decode import _COMMON

MIN_CHINESE_SHARE = 0.30
MIN_COMMON_SHARE = 0.25
MAX_REPLACEMENT_SHARE = 0.01
SAMPLE = 20_000  # characters judged (the opening; a report's structure shows there)

_HEADING_RE = re.compile(
    r"(?m)^[ \t\u3000]*(?:[一二三四五六七八九十]+[、.．]|[（(][一二三四五六七八九十]+[）)]|第[一二三四五六七八九十]+)"
)
_REPORT_WORDS = ("各位代表", "报告", "報告", "工作", "政府")


def refusal(text: str, *, sections: int = 0) -> str | None:
    """Why ``text`` is not a report (a short English reason), or None when it may be one."""
    sample = text[:SAMPLE]
    visible = [ch for ch in sample if not ch.isspace()]
    if not visible:
        return "empty"
    if sample.count("\ufffd") > MAX_REPLACEMENT_SHARE * len(visible):
        return "undecodable"
    hanzi = [ch for ch in visible if "\u4e00" <= ch <= "\u9fff"]
    if len(hanzi) < MIN_CHINESE_SHARE * len(visible):
        return "not chinese"
    common = sum(ch in _COMMON for ch in hanzi)
    if common < MIN_COMMON_SHARE * len(hanzi):
        return "not prose"
    if not sections and not _HEADING_RE.search(sample) and not any(w in sample for w in _REPORT_WORDS):
        return "no structure"
    return None
