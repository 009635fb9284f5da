"""The facts stage's shortcuts give what the plain way gives.

Finding the facts tries patterns only where a rare first character stands (found with
``str.find``), keeps the text's clause and sentence bounds in arrays searched by bisection, and
reuses what the numbers of one sentence share. Each test runs a shortcut beside the plain way on the
fixtures, the holdout texts and generated text made of the pieces the shortcuts key on.
"""

from __future__ import annotations

import re
from pathlib import Path

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from luoshi.reports.reader import facts, numbers
from luoshi.reports.reader.chars import simplify

HERE = Path(__file__).parent
TEXTS = [p.read_text(encoding="utf-8") for p in sorted((HERE / "fixtures").glob("*.txt"))]
TEXTS += [p.read_text(encoding="utf-8") for p in sorted((HERE / "holdout").glob("*.txt"))]
SIMPLE = [simplify(text) for text in TEXTS]

# Pieces of report prose around the characters and words the shortcuts key on (made up).
PIECES = [
    *'，,。；;：:、“”"‘’《》「」[]【】（）()\n 年的了等和及与',
    "2024年",
    "1999年",
    "2025年度",
    "2023年以来",
    "2020年起",
    "20",
    "19",
    "确保",
    "力争",
    "争取",
    "计划",
    "预计",
    "力求",
    "拟",
    "力争取",
    "百万",
    "千万",
    "百亿",
    "千亿",
    "元",
    "美元",
    "近",
    "超",
    "8.2:41.5:50.3",
    "：",
    "︰",
    "∶",
    "”（以下简称",
    '"(下同)',
    "“青禾”",
    "《某某规划》",
    "增长",
    "同比",
    "亿元",
    "万人",
    "个",
    "项目",
]
text_strategy = st.lists(
    st.one_of(st.sampled_from(PIECES), st.text(alphabet="镇村新建投资亿元年0123456789.", max_size=4)),
    max_size=60,
).map("".join)
FAST = settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])


def _spans(matches) -> list:
    return [(m.span(), m.groups()) for m in matches]


# the context patterns tried at their first characters, with those characters
FIRSTS = [
    (facts._QUOTED_RE, facts._QUOTED_FIRSTS),
    (facts._DEFINITION_RE, '”"'),
    (facts._COMMIT_RE, facts._COMMIT_FIRSTS),
    (numbers.BARE_RE, "百千"),
]
RATIO_NEEDLE = re.compile(r"[:：︰∶]\d")


def _ratio_start_plain(s: str) -> int | None:
    needle = RATIO_NEEDLE.search(s)
    if needle is None:
        return None
    begin = needle.start()
    while begin and (s[begin - 1].isdecimal() or s[begin - 1] == "."):
        begin -= 1
    return begin


def _context_checks(s: str) -> int:
    found = 0
    for pattern, firsts in FIRSTS:
        plain = _spans(pattern.finditer(s))
        assert _spans(numbers.matches_from(pattern, s, firsts)) == plain, pattern.pattern
        found += len(plain)
    plain = _spans(facts._YEAR_TOKEN_RE.finditer(s))
    assert _spans(facts._year_tokens(s)) == plain
    assert facts._ratio_scan_start(s) == _ratio_start_plain(s)
    return found + len(plain)


def test_context_patterns_at_their_first_characters_on_the_fixtures():
    assert sum(_context_checks(s) for s in SIMPLE) > 100  # (the fixtures do exercise them)


@FAST
@given(text_strategy)
def test_context_patterns_at_their_first_characters_on_generated_text(s):
    _context_checks(s)
