"""Gates before two of the fact reader's searches: they never turn away a window the pattern finds
something in (its words' characters read from what ``re``'s parser makes of it; made-up strings)."""

from __future__ import annotations

import random

from luoshi.reports.reader import facts
from luoshi.reports.tests.test_reader_fast_gates import _firsts, _parser


def test_predicate_firsts_are_the_patterns() -> None:
    got, empty = _firsts(_parser.parse(facts._B_PREDICATE_RE.pattern))
    assert not empty
    assert got == set(facts._B_PREDICATE_FIRSTS)


def test_voted_words_hold_jue_or_ju() -> None:
    body = facts._VOTED_RE.pattern
    assert body.startswith("(?:") and ")(?:" in body
    for word in body[3 : body.index(")")].split("|"):
        assert "决" in word or "举" in word, word


def test_gated_searches_answer_as_before() -> None:
    rng = random.Random(15)
    pieces = [
        "全部",
        "均",
        "人均",
        "已经",
        "票决",
        "表决",
        "选举",
        "产生",
        "通过",
        "。",
        "项目",
        "建成",
        "甲",
        "乙",
    ]
    for _ in range(5000):
        s = "".join(rng.choice(pieces) for _ in range(rng.randint(1, 12)))
        start = rng.randint(0, len(s))
        end = rng.randint(start, len(s))
        first = facts._first_in(s, start, end, facts._B_PREDICATE_CODES)
        gated = facts._B_PREDICATE_RE.search(s, first, end) if first >= 0 else None
        plain = facts._B_PREDICATE_RE.search(s, start, end)
        assert (gated and gated.span()) == (plain and plain.span()), (s, start, end)
        lo = max(0, end - 40)
        if facts._VOTED_RE.search(s, lo, end):
            assert s.find("决", lo, end) >= 0 or s.find("举", lo, end) >= 0
