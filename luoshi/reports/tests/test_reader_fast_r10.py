"""The tenth round's shortcuts give what the plain way gives.

Three of them: the number patterns' optional tails made possessive (a pattern whose every group after
the numeral is optional never comes back into one), the needles of three item rules found by one search
of the whole text instead of one per line, and the title's street-office pattern tried only before a
政府. Each test runs the shortcut and the plain way side by side on the fixtures and on generated text.
"""

from __future__ import annotations

import re
from pathlib import Path

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from luoshi.reports.reader import items, numbers, structure
from luoshi.reports.reader.chars import simplify

HERE = Path(__file__).parent
TEXTS = [p.read_text(encoding="utf-8") for p in sorted((HERE / "fixtures").glob("*.txt"))]
TEXTS += [p.read_text(encoding="utf-8") for p in sorted((HERE / "holdout").glob("*.txt"))]
SIMPLE = [simplify(text) for text in TEXTS]
FAST = settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])


def _all(matches) -> list:
    return [(m.span(), m.groups()) for m in matches]


# Numbers: the plain patterns are the same sources with every possessive ?+ made a plain ?.
def _plain(pattern: re.Pattern) -> re.Pattern:
    assert ")?+" in pattern.pattern
    return re.compile(pattern.pattern.replace(")?+", ")?"))


NUMBER_PIECES = st.lists(
    st.sampled_from(
        [
            *"0123456789.,-~至到余多几万亿千百十元人个户亩米吨%‰/以上下左右及内约近两三五七九点",
            "平方米",
            "个百分点",
        ]
        + [
            "万元",
            "亿元",
            "人次",
            "公里",
            "群众",
            "人民币",
            "名单",
            "期间",
            "左右",
            "以上",
            "之多",
            "3.5",
            "2,500",
            "12",
        ]
    ),
    max_size=30,
).map("".join)


def test_the_possessive_number_tails_match_as_the_plain_ones_on_the_fixtures():
    found = 0
    for pattern in (numbers.ARABIC_RE, numbers.CN_RE):
        plain = _plain(pattern)
        for s in SIMPLE:
            fast = _all(pattern.finditer(s))
            assert fast == _all(plain.finditer(s))
            found += len(fast)
    assert found > 100


@FAST
@given(NUMBER_PIECES)
def test_the_possessive_number_tails_match_as_the_plain_ones_on_generated_text(s):
    for pattern in (numbers.ARABIC_RE, numbers.CN_RE):
        plain = _plain(pattern)
        assert _all(pattern.finditer(s)) == _all(plain.finditer(s))
        for at in range(len(s)):
            fast, slow = pattern.match(s, at), plain.match(s, at)
            assert (fast and (fast.span(), fast.groups())) == (slow and (slow.span(), slow.groups()))


# Item needles: one search of the whole text, split by line, is each line's own finditer.
NEEDLES = [(items._PROJECT_END_RE, False), (items._FACILITY_END_RE, True), (items._STAGE_WORD_RE, False)]
ITEM_PIECES = st.lists(
    st.sampled_from(
        [
            *"，,。；;：:、“”的了和及与\n \t路桥园区场街道",
            "项目",
            "工程",
            "产业园",
            "示范园区",
            "公园",
            "幼儿园",
            "东路",
        ]
        + [
            "铁路",
            "小区",
            "广场",
            "市场",
            "水库",
            "签约",
            "投产",
            "加快建设",
            "有序推进",
            "正式",
            "开工",
            "柳河",
            "新建",
        ]
    ),
    max_size=50,
).map("".join)


def _lines(simple: str) -> list[tuple[int, str]]:
    return list(items._lines(simple))


def _check_line_hits(simple: str) -> int:
    lines = _lines(simple)
    found = 0
    for needle, ends in NEEDLES:
        hits = items._line_hits(needle, simple, lines, ends=ends)
        assert len(hits) == len(lines)
        for (_, line), got in zip(lines, hits, strict=True):
            assert got == [m.end() if ends else m.start() for m in needle.finditer(line)], line
            found += len(got)
    project_ends = items._line_hits(items._PROJECT_END_RE, simple, lines)
    stage_words = items._line_hits(items._STAGE_WORD_RE, simple, lines)
    for (_, line), at_ends, at_words in zip(lines, project_ends, stage_words, strict=True):
        fast = items._runs_finditer_at(items._PROJECT_RE, line, items._PROJECT_STOP_RE, at_ends)
        assert _all(fast) == _all(items._PROJECT_RE.finditer(line)), line
        fast = items._clause_match_at(items._SUBJECT_RE, line, items._clause_starts(line, at_words))
        assert _all(fast) == _all(items._SUBJECT_RE.finditer(line)), line
    return found


def test_line_hits_are_each_lines_own_finditer_on_the_fixtures():
    assert sum(_check_line_hits(s) for s in SIMPLE) > 50


@FAST
@given(ITEM_PIECES)
def test_line_hits_are_each_lines_own_finditer_on_generated_text(simple):
    _check_line_hits(simple)


# The title's street office: tried before each 政府 only.
OFFICE_PIECES = st.lists(
    st.sampled_from(
        [
            *"，。“”、（）届 市县区镇乡",
            "松岭市",
            "白石区",
            "柳河",
            "人民政府",
            "政府",
            "街道",
            "办事处",
            "自治县",
            "苏木",
        ]
        + ["关于", "工作", "报告", "2025年", "第十届", "柳河镇", "人民代表大会", "北坡乡"]
    ),
    max_size=40,
).map("".join)


def _same_office(line: str) -> None:
    fast, plain = structure._title_office(line), structure._TITLE_OFFICE_RE.search(line)
    assert (fast and (fast.span(), fast.groups())) == (plain and (plain.span(), plain.groups())), line


def test_title_office_is_the_plain_search_on_the_fixtures():
    for s in SIMPLE:
        for line in s.split("\n")[:40]:
            _same_office(line)
    _same_office("松岭市白石区人民政府柳河街道办事处2025年工作报告")
    assert structure._title_office("松岭市白石区人民政府柳河街道办事处2025年工作报告") is not None
    _same_office("关于松岭市白石区人民政府" + "工作" * 30 + "白石区政府北坡乡人民政府")


@FAST
@given(OFFICE_PIECES)
def test_title_office_is_the_plain_search_on_generated_lines(line):
    _same_office(line)


# Run-in headings: tried only at the numerals after a sentence end or 报告.
HEADING_PIECES = st.lists(
    st.sampled_from(
        [
            *"一二三四五六七八九十。.!?！？；;:：、．，\n 的年工作",
            "报告",
            "报告一",
            "。一、",
            "；二．",
            "：十一、",
        ]
        + ["二是", "三要", "2025", "回顾", "柳河镇", "九."]
    ),
    max_size=40,
).map("".join)


def test_inline_headings_are_the_plain_finditer_on_the_fixtures():
    found = 0
    for s in SIMPLE:
        fast = structure._inline_headings(s)
        assert _all(fast) == _all(structure._INLINE_RE.finditer(s))
        found += len(fast)
    made_up = "柳河镇政府工作报告一、过去一年的工作。二、今年的安排：三、四、"
    assert _all(structure._inline_headings(made_up)) == _all(structure._INLINE_RE.finditer(made_up))
    assert len(structure._inline_headings(made_up)) == 3


@FAST
@given(HEADING_PIECES)
def test_inline_headings_are_the_plain_finditer_on_generated_text(s):
    assert _all(structure._inline_headings(s)) == _all(structure._INLINE_RE.finditer(s))


# Alternatives grouped under their first character: the same matches as the plain alternation.
ENDS_PLAIN = re.compile(
    "(?:项目|工程|产业园区|工业园区|产业园|工业园|科技园区|科技园|文化园|创业园|物流园|园区|基地|示范区|集聚区|聚集区|小镇|综合体|中心|"
    "产业社区|休闲园|示范园(?!区))"
)


def test_by_first_groups_the_alternatives_under_their_first_character():
    assert items._by_first("工程|项目|工业园|工业") == "工(?:程|业园|业)|项目"
    grouped = re.compile(items._PROJECT_END)
    for s in SIMPLE:
        assert _all(grouped.finditer(s)) == _all(ENDS_PLAIN.finditer(s))
    with_more = re.compile(items._PROJECT_END + "+")
    for s in ["产业园区项目工程", "示范园区", "示范园", "工业园区中心小镇", "科技园"]:
        assert _all(with_more.finditer(s)) == _all(re.compile(ENDS_PLAIN.pattern + "+").finditer(s))


@FAST
@given(ITEM_PIECES)
def test_by_first_alternation_matches_as_the_plain_one_on_generated_text(s):
    for suffix in ("", "+", "$"):
        fast = re.compile(items._PROJECT_END + suffix)
        assert _all(fast.finditer(s)) == _all(re.compile(ENDS_PLAIN.pattern + suffix).finditer(s))


# Chinese numerals: tried only where one of their characters stands.
def test_chinese_numerals_from_their_characters_are_the_finditer():
    found = 0
    for s in [*SIMPLE, "两万三千人次，一百二十个村，十八点六公里", "四个意识和两个维护，三五成群"]:
        fast = numbers.matches_from(numbers.CN_RE, s, numbers._CN_DIGITS)
        assert _all(fast) == _all(numbers.CN_RE.finditer(s))
        found += len(fast)
    assert found > 20


@FAST
@given(NUMBER_PIECES)
def test_chinese_numerals_from_their_characters_on_generated_text(s):
    assert _all(numbers.matches_from(numbers.CN_RE, s, numbers._CN_DIGITS)) == _all(numbers.CN_RE.finditer(s))


# A facility's phrase: tried only at a verb's first character or right after 和 or 、.
def _same_opening_search(line: str) -> None:
    firsts, afters = items._FACILITY_OPENS
    for start in range(0, len(line) + 1, 3):
        plain = items._FACILITY_RE.search(line, start)
        fast = items._opening_search(
            items._FACILITY_RE, line, start, len(line) - 1, len(line), firsts, afters
        )
        assert (fast and (fast.span(), fast.groups())) == (plain and (plain.span(), plain.groups())), line


def test_facility_search_at_its_openings_is_the_plain_search():
    for s in SIMPLE:
        for line in s.split("\n"):
            _same_opening_search(line)
    _same_opening_search("完成柳河东路改造，新建北坡公园和白石大桥、松岭路")


@FAST
@given(ITEM_PIECES)
def test_facility_search_at_its_openings_on_generated_lines(line):
    _same_opening_search(line)
