"""Characters compared in place of one-character patterns give what the patterns give.

Each pattern holding a CJK class costs its compilation when the reader is imported (the regex
compiler walks the class's ranges one code point at a time), so a test of one character, or of two,
is written as comparisons with the class's ranges. Checked here against the patterns they replace.
"""

from __future__ import annotations

import re

from hypothesis import given, settings
from hypothesis import strategies as st

from luoshi.reports.reader import facts, structure
from luoshi.reports.reader.chars import CJK

_CJK_RE = re.compile(f"[{CJK}]")
_HAN_RE = re.compile(r"[\u4e00-\u9fff]")
EDGES = "\u33ff\u3400\u4dbf\u4dc0\u4dff\u4e00\u9fff\ua000\uf8ff\uf900\ufaff\ufb00a1，𠀋"
TEXT = st.text(alphabet=st.sampled_from(EDGES + "镇县市区的了"), max_size=12)


def test_one_character_is_in_the_class_as_the_pattern_says():
    for c in EDGES:
        assert structure._is_cjk(c) == (_CJK_RE.match(c) is not None), hex(ord(c))
        assert ("\u4e00" <= c[:1] <= "\u9fff") == (_HAN_RE.match(c) is not None), hex(ord(c))


@settings(max_examples=300, deadline=None)
@given(TEXT, st.integers(0, 14), st.integers(0, 14))
def test_a_cjk_character_in_a_span_is_found_as_search_finds_it(s, start, end):
    assert facts._has_cjk(s, start, end) == (_CJK_RE.search(s, start, end) is not None)


@settings(max_examples=300, deadline=None)
@given(TEXT)
def test_two_cjk_characters_are_a_pair_as_fullmatch_says(s):
    pair = s[:2]
    if len(pair) == 2:
        both = structure._is_cjk(pair[0]) and structure._is_cjk(pair[1])
        assert both == (re.fullmatch(f"[{CJK}]{{2}}", pair) is not None)
        assert both == (re.fullmatch(f"[{CJK}]+", pair) is not None)


def test_the_lazy_news_patterns_find_what_compiled_ones_find():
    s = "1月27日上午，青禾省第十四届人民代表大会第四次会议开幕。李青山代表省人民政府向大会作政府工作报告。"
    for rx in (structure._OPENING_MEETING_RE, *structure._NEWS_SPEAKER_RES, structure._NEWS_NAME_FIRST_RE):
        plain = re.compile(rx.pattern)
        assert [m.span() for m in rx.finditer(s)] == [m.span() for m in plain.finditer(s)]


OFFICE_PIECES = [
    "青禾区",
    "人民政府",
    "政府",
    "松岭",
    "街道",
    "镇",
    "乡",
    "办事处",
    "2024年",
    "工作报告",
    "，",
    " ",
]


@settings(max_examples=400, deadline=None)
@given(st.lists(st.sampled_from(OFFICE_PIECES), max_size=9).map("".join))
def test_a_title_office_needs_two_governments_or_an_office(line):
    # (the guard before _TITLE_OFFICE_RE in _place_meta: without it the pattern finds nothing)
    if structure._TITLE_OFFICE_RE.search(line):
        assert "办事处" in line or line.count("政府") > 1
