"""The count needle's places found by ``str.find``: what the plain scan for its class finds.

``items._measure_finditer`` finds the matches of ``_COUNT_NEEDLE_RE`` (a count of a class of works:
"2个…改造") by looking up each measure word the pattern opens with and trying the pattern there; the
tests run it beside the plain ``finditer`` on the fixtures and on generated text, and check that the
measure words are exactly the characters the pattern may open with.
"""

from __future__ import annotations

import re
from pathlib import Path

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from luoshi.reports.reader import items
from luoshi.reports.reader.chars import simplify

HERE = Path(__file__).parent
TEXTS = [p.read_text(encoding="utf-8") for p in sorted((HERE / "fixtures").glob("*.txt"))]
TEXTS += [p.read_text(encoding="utf-8") for p in sorted((HERE / "holdout").glob("*.txt"))]
SIMPLE = [simplify(text) for text in TEXTS]
FAST = settings(max_examples=400, deadline=None, suppress_health_check=[HealthCheck.too_slow])


def _all(matches) -> list:
    return [(m.span(), m.groups()) for m in matches]


def test_the_measure_words_are_what_the_count_needle_opens_with():
    opens = items._COUNT_NEEDLE_RE.pattern[1 : items._COUNT_NEEDLE_RE.pattern.index("]")]
    assert sorted(opens) == sorted(items._COUNT_MEASURES)


def test_the_measure_search_finds_what_finditer_finds_on_the_fixtures():
    found = 0
    for s in SIMPLE:
        for line in s.split("\n"):
            fast = items._measure_finditer(line)
            assert _all(fast) == _all(items._COUNT_NEEDLE_RE.finditer(line)), line
            plain = items._near_clauses(items._NAMED_BEFORE_COUNT_RE, line, items._COUNT_NEEDLE_RE)
            got = items._near_clauses_at(items._NAMED_BEFORE_COUNT_RE, line, fast)
            assert _all(got) == _all(plain), line
            found += len(fast)
    assert found > 0


COUNT_PIECES = st.lists(
    st.sampled_from(
        [
            *"个处座条所、，。；：\n 0123456789两三十和及与等",
            "个老旧小区改造",
            "处公园提升",
            "座桥梁新建",
            "条道路建设",
            "所学校扩建",
            "白鹭湾",
            "青禾街",
            "改造",
            "整治",
            "修缮",
            "完成",
        ]
    ),
    max_size=40,
).map("".join)


@FAST
@given(COUNT_PIECES)
def test_the_measure_search_finds_what_finditer_finds_on_generated_text(line):
    fast = items._measure_finditer(line)
    assert _all(fast) == _all(items._COUNT_NEEDLE_RE.finditer(line))
    plain = items._near_clauses(items._NAMED_BEFORE_COUNT_RE, line, items._COUNT_NEEDLE_RE)
    assert _all(items._near_clauses_at(items._NAMED_BEFORE_COUNT_RE, line, fast)) == _all(plain)


def test_a_made_up_count_of_works_is_found_the_same_way():
    line = "完成青禾街、白鹭湾2个老旧小区改造，推进3处公园提升和两座桥梁新建"
    fast = items._measure_finditer(line)
    assert len(fast) == 3
    assert _all(fast) == _all(items._COUNT_NEEDLE_RE.finditer(line))


# The first lead of a plan's level (一是…): searched for only in the lines holding 一是, 一要 or 第一.
def _first_lead_plain(line: str):
    lead = items._keyed_search(items._LEAD_RE, items._LEAD_KEYS, line)
    return lead if lead is not None and re.match("第?一", lead.group("num")) else None


def _same_first_lead(line: str) -> None:
    fast, plain = items._first_lead(line), _first_lead_plain(line)
    assert (fast and (fast.span(), fast.groups())) == (plain and (plain.span(), plain.groups())), line


def test_the_first_lead_is_what_the_plain_search_finds_on_the_fixtures():
    found = 0
    for s in SIMPLE:
        for line in s.split("\n"):
            _same_first_lead(line)
            found += items._first_lead(line) is not None
    assert found > 0


LEAD_PIECES = st.lists(
    st.sampled_from(
        [
            *"一二三十是要第，,。；;：:、 \t求",
            "一是",
            "二是",
            "一要",
            "一要求",
            "第一，",
            "第二、",
            "全力推进青禾新城",
            "紫藤",
        ]
    ),
    max_size=30,
).map("".join)


@FAST
@given(LEAD_PIECES)
def test_the_first_lead_is_what_the_plain_search_finds_on_generated_text(line):
    _same_first_lead(line)


def test_a_made_up_plan_line_opens_its_leads():
    assert items._first_lead("今年，一是全力推进青禾新城建设；二是办好紫藤书院") is not None
    assert items._first_lead("二是办好紫藤书院，一是另说") is None
