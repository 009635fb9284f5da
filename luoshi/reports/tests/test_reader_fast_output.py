"""Shortcuts of the reader's cleaning, header and output, each against the plain way.

Each result class has a ``flat`` method listing its fields by hand (compiled, a native function
building one dict): it must give what ``dataclasses.asdict`` gives, key for key and in field order, so
that ``ParsedReport.to_dict`` and the JSON lines of ``luoshi parse`` stay as they were.
"""

from __future__ import annotations

import dataclasses
import json
import re
from collections import Counter
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from luoshi.reports.reader import Fact, Item, Meta, ParsedReport, Removed, clean, divisions, parse, structure
from luoshi.reports.reader.chars import has_traditional
from luoshi.reports.reader.model import Section
from luoshi.reports.reader.t2s_table import TRADITIONAL
from luoshi.reports.tests.test_reader_fast_paths import glued_watermark_plain

FIXTURES = Path(__file__).parent / "fixtures"

# one value per field, all different, so that a field read from another's attribute shows
INSTANCES = [
    Meta("青禾县", "county", "松岭市", 2024, 2025, "第三次会议", "2025-01-08", "王明", "县长"),
    Meta(),
    Section("二、今年工作安排", "plan", 120, 128),
    Fact("plan", "target", "growth", "地区生产总值", 6.5, "%", "左右", "力争", 2025, "增长6.5%左右", 10, 20),
    Fact("review", "actual", "level", "粮食产量", 12, "万吨", None, None, None, "产量12万吨", 3, 9),
    Item("滨河公园", "project", "plan", 2025, "建成滨河公园", 3, 7, "建成", 1.5e8),
    Item("小区改造", "livelihood", "review", None, "改造小区", 1, 5),
    Removed("分享到：微信", "site furniture (分享到)"),
]


@pytest.mark.parametrize("obj", INSTANCES, ids=lambda o: type(o).__name__)
def test_flat_is_asdict_in_field_order(obj):
    flat = obj.flat()
    expected = dataclasses.asdict(obj)
    assert flat == expected
    assert list(flat) == [f.name for f in dataclasses.fields(obj)]


def test_every_result_class_flattens_every_field():
    for cls in (Meta, Section, Fact, Item, Removed):
        assert any(type(o) is cls for o in INSTANCES), cls


def test_to_dict_is_the_fields_of_each_part():
    text = (
        "青禾县人民政府工作报告\n各位代表：\n现在，我代表县人民政府向大会报告工作。\n"
        "一、过去一年工作回顾\n全县地区生产总值增长6.5%，建成滨河公园。\n"
        "二、今年工作安排\n力争地区生产总值增长7%左右，新建学校2所。\n"
    )
    report = parse(text, text_only=True)
    data = report.to_dict(include_text=True)
    assert data["meta"] == dataclasses.asdict(report.meta)
    assert data["sections"] == [dataclasses.asdict(s) for s in report.sections]
    assert data["facts"] == [dataclasses.asdict(f) for f in report.facts]
    assert data["items"] == [dataclasses.asdict(i) for i in report.items]
    assert data["removed"] == [dataclasses.asdict(r) for r in report.removed]
    assert list(data) == ["doc", "meta", "sections", "facts", "items", "warnings", "removed", "text"]
    assert report.facts  # (the sentences above hold facts: the comparison is not of empty lists)
    again = ParsedReport.from_dict(json.loads(json.dumps(data, ensure_ascii=False)))
    assert again.to_dict(include_text=True) == data


# --- cleaning: the Latin runs of a text without rare characters, from the scan that looked for them ---

LATIN_PIECES = [
    "青禾县",
    "GDP",
    "PM2.5",
    "Qk7",
    "jīng",
    "ǚ",
    "á",
    "5G",
    "km",
    " ",
    "\n",
    "。",
    "A",
    "z",
    "-",
    "é",
]
RARE_PIECES = ["國", "\u3000", "％", "\t", "Ａ", "\x0c"]


def _runs_plain(text: str) -> str:
    return "\n".join(clean._LATIN_RE.findall(text))


@given(st.lists(st.sampled_from(LATIN_PIECES + RARE_PIECES), max_size=30))
@settings(max_examples=400, deadline=None)
def test_rare_characters_collects_the_latin_runs(pieces):
    raw = "".join(pieces)
    expected = (clean._FULLWIDTH_RE.search(raw) is not None, has_traditional(raw))
    assert clean.rare_characters(raw) == expected
    assert clean._latin_runs(raw) == _runs_plain(raw)
    other = raw + "x"  # (another text: its own runs, not the ones kept)
    assert clean._latin_runs(other) == _runs_plain(other)
    if expected == (False, False):
        assert clean._KNOWN_RUNS == (raw, _runs_plain(raw))


def test_rare_characters_collects_the_latin_runs_on_the_fixtures():
    for path in sorted(FIXTURES.glob("*.txt")):
        raw = path.read_text(encoding="utf-8")
        clean.rare_characters(raw)
        assert clean._latin_runs(raw) == _runs_plain(raw)


def test_latin_or_rare_pattern_opens_with_every_character_of_both_kinds():
    for c in clean._LATIN_CHARS | set(clean._FULLWIDTH_MAP) | set(TRADITIONAL[:50]):
        m = clean._LATIN_OR_RARE_RE.search("青禾" + c + "县")
        assert m is not None and m.start() == 2, repr(c)


# --- structure: a header with fewer than three ASCII letters holds no watermark ---------------------


@given(st.text(alphabet=st.sampled_from(list("Qk7aZ青禾县 \n。，ｇé")), max_size=60))
@settings(max_examples=400, deadline=None)
def test_ascii_letters_counts_them(s):
    assert structure._ascii_letters(s) == len(re.findall("[A-Za-z]", s))


@given(
    st.lists(
        st.sampled_from(["新建道路", "Qk7", "Q", "k", "7", "\n", " ", "。", "ab", "县长李明"]), max_size=40
    )
)
@settings(max_examples=400, deadline=None)
def test_unmarked_gate_is_the_plain_way(pieces):
    text = "".join(pieces)
    head = text[:3000]
    tokens = [t for t in structure._LINE_END_TOKEN_RE.findall(head) if re.search("[A-Za-z]", t)]
    if structure._ascii_letters(head) < 3:
        assert len(tokens) < 3  # (no token three times: nothing to blank)
        assert structure._unmarked(text, text) == (text, text)


# --- cleaning: mixed-case watermark tokens looked for with three lower-case letters at least ---------


def _watermark_plain(text: str) -> str | None:
    """``_watermark`` as it was: the mixed tokens counted whenever the text has a lower-case letter."""
    latin = clean._latin_runs(text)
    counts = Counter(clean._WATERMARK_CANDIDATE_RE.findall(latin))
    if clean._LOWER_RE.search(latin):
        counts.update(
            t
            for t in clean._ALNUM_END_RE.findall(text)
            if 3 <= len(t) <= 5 and not t.isdigit() and not t.isupper()
        )
    return glued_watermark_plain(text, counts)


@given(
    st.lists(
        st.sampled_from(["新建道路", "。", "Qk7", "Qk7 ", "XYZ", "k", "m2 ", "\n", " ", "县", "ab1"]),
        max_size=40,
    )
)
@settings(max_examples=500, deadline=None)
def test_watermark_gate_is_the_plain_way(pieces):
    text = "".join(pieces)
    assert clean._watermark(text) == _watermark_plain(text)


# --- structure: a title's street office, a parent before the place's name -----------------------------


@given(
    st.lists(
        st.sampled_from(
            ["青禾市", "人民政府", "政府", "松岭", "街道", "镇", "乡", "办事处", "工作报告", "，", "2024年"]
        ),
        max_size=14,
    )
)
@settings(max_examples=500, deadline=None)
def test_title_office_needs_one_of_its_endings(pieces):
    line = "".join(pieces)
    m = structure._title_office(line)
    if m is not None:
        assert any(end in line for end in structure._OFFICE_ENDS)
        assert "办事处" in line or line.count("政府") > 1


@given(
    st.lists(
        st.sampled_from(["青禾", "县", "市", "区", "州", "在", "\n", "松岭镇", "。", "江西省"]), max_size=12
    )
)
@settings(max_examples=500, deadline=None)
def test_parent_before_needs_a_suffix_right_before(pieces):
    s = "".join(pieces)
    for pos in range(len(s) + 1):
        m = structure._PARENT_BEFORE_RE.search(s, max(0, pos - 6), pos)
        if m is not None:
            before = s[max(0, pos - 2) : pos]
            assert before[-1:] in structure._PARENT_ENDS or (
                before[-1:] == "\n" and before[:1] in structure._PARENT_ENDS
            )


def test_parent_found_before_a_place_name():
    text = "各位代表：\n现在，我代表松岭镇人民政府向大会报告工作。\n青禾县松岭镇地处山区。\n"
    meta = parse(text, text_only=True).meta
    assert meta.jurisdiction == "松岭镇"
    assert meta.parent == "青禾县"


def test_division_names_are_the_ones_is_division_knows():
    names = divisions.all_names()
    assert "伊金霍洛旗" in names and "霍洛旗" not in names
    for name in ("伊金霍洛旗", "霍洛旗", "青禾县", "安庆市"):
        assert divisions.is_division(name) == (name in names)


def test_names_at_keeps_the_order_first_seen():
    names, _ = divisions._table()
    for level in ("province", "city", "county"):
        plain: list[str] = []
        for code, name in names.items():
            kind = "province" if code.endswith("0000") else "city" if code.endswith("00") else "county"
            if kind == level and name not in plain:
                plain.append(name)
        assert divisions.names_at(level) == tuple(plain)


# --- sections and speaker: the last character of an unnumbered heading, the characters of a title -----

CLOSINGS = (
    "工作回顾 工作安排 工作计划 工作任务 工作目标 主要工作 政府自身建设 工作总结 工作打算 工作思路 预期目标 "
    "重点工作 主要任务 工作重点 工作 成绩 成就 目标 任务 回顾 过去五年 今后五年的 2024年 今年 明年 的 和 本届政府 "
    "回顾 回眸 回望 2030 2030年 去年 过去一年 成绩单"
).split()


@given(st.lists(st.sampled_from(CLOSINGS + ["青禾", "，", "一"]), min_size=1, max_size=5))
@settings(max_examples=800, deadline=None)
def test_unnumbered_heading_ends_with_one_of_its_last_characters(pieces):
    line = "".join(pieces)
    if structure._UNNUMBERED_RE.match(line):
        assert line[-1] in structure._UNNUMBERED_LAST


def test_unnumbered_last_characters_close_each_heading_word():
    for word in CLOSINGS[:20]:
        assert (
            structure._UNNUMBERED_RE.match("2024年" + word) is None or word[-1] in structure._UNNUMBERED_LAST
        )


TITLE_PIECES = [
    "县长",
    "镇长",
    "代理",
    "副",
    "主任",
    "苏木达",
    "嘎查达",
    "自治区主席",
    "候选人",
    "李青山",
    "：",
    "王",
    "工作",
]


@given(st.lists(st.sampled_from(TITLE_PIECES), min_size=1, max_size=5))
@settings(max_examples=800, deadline=None)
def test_title_holds_one_of_its_characters(pieces):
    line = "".join(pieces)
    if structure._TITLE_RE.search(line):
        assert any(c in line for c in structure._TITLE_CHARS)


# --- cleaning: a line opening with a CJK character is no page number -----------------------------------


def test_page_number_gate_lets_through_every_character_a_page_number_opens_with():
    for code in range(0x3400, 0xA000):
        c = chr(code)
        if c != "第":
            assert not (c in clean._PAGE_FIRST or c.isspace() or c.isdecimal()), hex(code)
    for line in (
        "第3页",
        "第 12 页 共 40 页",
        "- 7 -",
        "12/40",
        "Page 3",
        "3",
        "一、总体要求",
        "第一部分",
        "推进项目建设",
    ):
        plain = clean._PAGE_NUMBER_RE.match(line)
        assert (clean._page_number(line) is None) == (plain is None), line
