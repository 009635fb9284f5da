"""``facts._quoted_spans``: the quotations ``_QUOTED_RE`` finds, found with ``str.find``, are the
pattern's own (made-up strings over its marks, a newline and words)."""

from __future__ import annotations

import random

from hypothesis import given, settings
from hypothesis import strategies as st

from luoshi.reports.reader import facts, numbers

_PIECES = list('“”"《》「」[]【】‘’\n，。') + [
    "甲乙",
    "丙",
    "公园",
    "新区建设",
    "x" * 7,
    "长" * 19,
    "路" * 39,
    "名" * 59,
]


def _pattern_spans(s: str) -> list[tuple[int, int]]:
    return [m.span() for m in numbers.matches_from(facts._QUOTED_RE, s, facts._QUOTED_FIRSTS)]


@settings(max_examples=3000, deadline=None)
@given(st.lists(st.sampled_from(_PIECES), min_size=1, max_size=12))
def test_quoted_spans_equal_the_pattern(pieces: list[str]) -> None:
    s = "".join(pieces)
    assert facts._quoted_spans(s) == _pattern_spans(s)


def test_quoted_spans_random_strings() -> None:
    rng = random.Random(15)
    found = 0
    for _ in range(20000):
        s = "".join(rng.choice(_PIECES) for _ in range(rng.randint(1, 10)))
        spans = facts._quoted_spans(s)
        assert spans == _pattern_spans(s), s
        found += len(spans)
    assert found > 2000


def test_quoted_spans_examples() -> None:
    s = "建成“美丽乡村”示范点，实施《乡村振兴规划》和【要闻】，“未闭合。"
    assert [s[a:b] for a, b in facts._quoted_spans(s)] == ["“美丽乡村”", "《乡村振兴规划》", "【要闻】"]
    assert facts._quoted_spans("[" + "字" * 7 + "]") == []  # (at most six characters inside)
    assert facts._quoted_spans("[" + "字" * 6 + "]") == [(0, 8)]
    assert facts._quoted_spans("“甲\n乙”") == []
