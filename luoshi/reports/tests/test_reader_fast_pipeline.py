"""The cheap ways around parsing give what the plain ways give.

``luoshi parse`` spends part of its time outside the reading proper: starting the process (compiling
the reader's patterns), writing each report's JSON line, cleaning the text and finding its header.
Each shortcut there is checked here against the plain way, on the fixtures and on generated input.
"""

from __future__ import annotations

import ast
import json
import math
import re
from collections import Counter
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import luoshi.reports.reader as reader_package
from luoshi.reports import cli
from luoshi.reports.reader import (
    Fact,
    Item,
    Meta,
    ParsedReport,
    Removed,
    Section,
    clean,
    parse,
    structure,
)
from luoshi.reports.reader.chars import CJK, has_traditional
from luoshi.reports.reader.clean import normalise
from luoshi.reports.reader.t2s_table import TRADITIONAL
from luoshi.reports.tests.test_reader_fast_paths import glued_watermark_plain

HERE = Path(__file__).parent
FILES = sorted((HERE / "fixtures").glob("*.txt")) + sorted((HERE / "holdout").glob("*.txt"))
TEXTS = [p.read_text(encoding="utf-8") for p in FILES]
REPORTS = [parse(text.encode("utf-8"), name=p.name) for p, text in zip(FILES, TEXTS, strict=True)]


# --- the JSON line: orjson where it writes what json writes -----------------------------------------


def _plain_line(report: ParsedReport, path: str) -> bytes:
    data = report.to_dict()
    data["path"] = path
    return (json.dumps(data, ensure_ascii=False, separators=(",", ":")) + "\n").encode()


def test_json_lines_of_the_fixtures_are_the_plain_ones():
    assert cli._orjson_module() is not None  # a dependency: the fast way is what is tested
    for report, path in zip(REPORTS, FILES, strict=True):
        assert cli._json_line(report, str(path)) == _plain_line(report, str(path))


def test_the_model_holds_floats_only_where_the_json_line_checks_them():
    """``cli._orjson_safe`` looks at a fact's value and an item's investment: a new float field
    elsewhere would need looking at too. (Read from the source: a compiled model's dataclass fields
    carry no union types.)"""
    tree = ast.parse((Path(reader_package.__file__).parent / "model.py").read_text(encoding="utf-8"))
    floats = {
        (node.name, stmt.target.id)
        for node in tree.body
        if isinstance(node, ast.ClassDef)
        and node.name in {"Meta", "Section", "Fact", "Item", "Removed", "ParsedReport"}
        for stmt in node.body
        if isinstance(stmt, ast.AnnAssign)
        and isinstance(stmt.target, ast.Name)
        and "float" in ast.unparse(stmt.annotation)
    }
    assert floats == {("Fact", "value"), ("Item", "investment")}


NUMBERS = [
    0,
    0.0,
    -0.0,
    1,
    12.5,
    1e-4,
    9.99e-5,
    3.574e-05,
    -2.5e-07,
    1e-9,
    4e-10,
    5e-324,
    1e15,
    1e16,
    1.5e16,
    1e22,
    1.7976931348623157e308,
    2**63 - 1,
    2**64,
    -(2**63) - 1,
    10**30,
    math.inf,
    -math.inf,
    math.nan,
]


def _report(values: list, investments: list, texts: list[str]) -> ParsedReport:
    text = "".join(texts) or "某镇"
    facts = [
        Fact("plan", "target", "level", t, v, "元", None, None, 2025, t, 0, 1)
        for v, t in zip(values, (texts or ["某镇"]) * len(values), strict=False)
    ]
    items = [
        Item(t, "project", "plan", 2025, t, 0, 1, None, v)
        for v, t in zip(investments, texts or ["x"] * 9, strict=False)
    ]
    return ParsedReport(
        doc="某镇.txt",
        meta=Meta(jurisdiction="某镇", level="town", review_year=2024, plan_year=2025),
        sections=[Section("一、过去一年工作回顾", "review", 0, 5)],
        facts=facts,
        text=text,
        removed=[Removed(t, "furniture") for t in texts],
        warnings=[f"note: {t}" for t in texts],
        items=items,
    )


def _both(report: ParsedReport) -> tuple:
    results = []
    for way in (cli._json_line, _plain_line):
        try:
            results.append(way(report, "某/路径.txt"))
        except Exception as exc:  # noqa: BLE001 - an error is an outcome to compare too
            results.append(type(exc))
    return tuple(results)


@pytest.mark.parametrize("value", NUMBERS)
def test_json_line_numbers(value):
    fast, plain = _both(_report([value], [], ["某镇道路"]))
    assert fast == plain
    if isinstance(value, float) and value in (12.5, 1e16):
        assert cli._orjson_safe(_report([value], [], []))
    fast, plain = _both(_report([1], [value if isinstance(value, float) else float(value)], ["某路"]))
    assert fast == plain


STRINGS = st.text(
    alphabet=st.one_of(
        st.characters(codec="utf-8"),
        st.sampled_from('\u2028\u2029\x00\x1f\x7f"\\/\n\r\t\b\f\ue000\U0001f600某镇路'),
    ),
    max_size=12,
)


@given(
    st.lists(st.one_of(st.integers(), st.floats(allow_nan=True, allow_infinity=True)), max_size=4),
    st.lists(st.floats(allow_nan=True, allow_infinity=True), max_size=3),
    st.lists(STRINGS, max_size=4),
)
@settings(max_examples=300, deadline=None)
def test_json_lines_of_generated_reports(values, investments, texts):
    fast, plain = _both(_report(values, investments, texts))
    assert fast == plain


def test_a_lone_surrogate_fails_as_it_did():
    fast, plain = _both(_report([1], [], ["某\ud800镇"]))
    assert fast is plain is UnicodeEncodeError


# --- cleaning: traditional characters looked for once, Latin letters found in one pass --------------


def _everything(report: ParsedReport) -> str:
    return json.dumps(report.to_dict(include_text=True), ensure_ascii=False)


def _parse_plain(data: bytes, name: str, monkeypatch) -> ParsedReport:
    """``parse`` simplifying every text as it did before (as if the input held traditional
    characters), and cleaning looking for full-width forms itself."""
    with monkeypatch.context() as m:
        m.setattr(reader_package, "rare_characters", lambda text: (None, True))
        return parse(data, name=name)


TRADITIONAL_PIECES = [
    "國",
    "發展",
    "經濟",
    "鎮",
    "&#22283;",
    "&#26371;",
    "& #22283;",
    "&ldquo;",
    "&nbsp;",
    "&amp;",
    "&#12345678;",
    "ā",
    "（jīng）",
    "经(jì)",
    ";;三农;;",
    "ＡＢＣ",
    "１２",
    "\u3000",
    "\ufeff",
]
REPORT_PIECES = [
    "青禾镇人民政府工作报告\n",
    "各位代表：\n",
    "一、2024年工作回顾\n",
    "二、2025年工作安排\n",
    "全镇完成地区生产总值12.5亿元，增长6%。",
    "新建道路3公里。\n",
    "镇长 李青山\n",
    "BNC",
    "GDP",
    "Qw7 ",
    "\n",
    "。",
]


def test_parse_with_one_look_for_traditional_characters_is_the_plain_parse(monkeypatch):
    for path, text in zip(FILES, TEXTS, strict=True):
        for variant in (text, text.replace("国", "國"), text.replace("元", "&#20803;"), "&#22283;" + text):
            data = variant.encode("utf-8")
            assert _everything(parse(data, name=path.name)) == _everything(
                _parse_plain(data, path.name, monkeypatch)
            )


@given(st.lists(st.sampled_from(TRADITIONAL_PIECES + REPORT_PIECES), max_size=30))
@settings(max_examples=150, deadline=None)
def test_parse_with_one_look_for_traditional_characters_on_generated_text(pieces):
    data = "".join(pieces).encode("utf-8")
    with pytest.MonkeyPatch.context() as mp:
        plain = _everything(_parse_plain(data, "x.txt", mp))
    assert _everything(parse(data, name="x.txt")) == plain


@given(st.lists(st.sampled_from(TRADITIONAL_PIECES[4:] + REPORT_PIECES), max_size=30))
@settings(max_examples=150, deadline=None)
def test_cleaning_adds_no_traditional_character_but_by_a_numeric_entity(pieces):
    raw = "".join(pieces)
    if "&#" in raw or has_traditional(raw):
        return
    text, removed = normalise(raw, traditional=False)
    assert not has_traditional(text)
    assert (text, removed) == normalise(raw)


def _watermark_plain(text: str) -> str | None:
    """The watermark token as found before, with searches over the whole text."""
    counts = Counter(clean._WATERMARK_CANDIDATE_RE.findall(text))
    if re.search("[a-z]", text):
        counts.update(
            t
            for t in clean._ALNUM_END_RE.findall(text)
            if 3 <= len(t) <= 5 and not t.isdigit() and not t.isupper()
        )
    return glued_watermark_plain(text, counts)


LATIN_PIECES = [
    "BNC",
    "BN",
    "ABCDEFG",
    "GDP",
    "Qw7",
    "2kF",
    "kW",
    "ā",
    "ǚ",
    "A",
    "中",
    "。",
    " ",
    "\n",
    "1",
    "ＡＢ",
]


@given(st.lists(st.sampled_from(LATIN_PIECES), max_size=40))
@settings(max_examples=300, deadline=None)
def test_watermark_from_the_latin_runs(pieces):
    text = "".join(pieces)
    latin = clean._latin_runs(text)
    assert clean._WATERMARK_CANDIDATE_RE.findall(latin) == clean._WATERMARK_CANDIDATE_RE.findall(text)
    assert (clean._TONED_RE.search(latin) is None) == (clean._TONED_RE.search(text) is None)
    assert (re.search("[a-z]", latin) is None) == (re.search("[a-z]", text) is None)
    assert clean._watermark(text, latin) == _watermark_plain(text)


def test_watermark_from_the_latin_runs_on_the_fixtures():
    for text in TEXTS:
        for sample in (text, "\n".join(p + "Qw7 " if p else p for p in text.split("\n"))):
            assert clean._watermark(sample, clean._latin_runs(sample)) == _watermark_plain(sample)


# --- the header: patterns opening with a class the regex engine scans for ---------------------------

_OLD_DATE = (
    r"(?P<y>\d{4}|[〇○零一二三四五六七八九]{4})年(?P<m>\d{1,2}|[一二三四五六七八九十]{1,3})月"
    r"(?P<d>\d{1,2}|[一二三四五六七八九十]{1,3})日"
)
_OLD_DASH = r"(?:——|—|[（(])"
_OLD_SPEAKER_BEFORE_DATE = (
    rf"(?P<title>(?:代理|代|常务副|副)?(?:镇|乡|县|区|旗|市|州|盟|省)长|(?:代理|代|副)?主任)"
    rf"(?P<name>[{CJK}·]{{2,4}})[（(]\d{{4}}年"
)


def _old(pattern: re.Pattern) -> re.Pattern:
    """The pattern as it was written before its opening was made scannable."""
    source = pattern.pattern.replace(structure._DATE, _OLD_DATE).replace(structure._DASH, _OLD_DASH)
    return re.compile(source, pattern.flags)


def _found(rx: re.Pattern, s: str) -> list:
    return [(m.span(), m.groups()) for m in rx.finditer(s)]


DATE_PATTERNS = [
    *structure._DELIVERED_RES,
    structure._GLUED_DATE_RE,
    structure._DATE_LINE_RE,
    structure._DATE_NAME_LINE_RE,
    structure._CONVENED_RE,
]
DATE_PIECES = [
    "2024",
    "二〇二五",
    "二○二四",
    "２０２４",
    "年",
    "1",
    "12",
    "十二",
    "月",
    "8",
    "日",
    "——",
    "—",
    "-",
    "（",
    "(",
    "）",
    "在",
    "于",
    "2024.1.10",
    "2024-01-10",
    "，",
    "李青山",
    "县长",
    "常务副县长",
    "代理镇长",
    "主任",
    "会议上",
    "第十五届人民代表大会",
    "第三次会议",
    "顺利召开",
    "2025228日",
    "\n",
    "。",
]


def test_date_patterns_find_what_they_found_with_alternatives_first():
    assert structure._DATE != _OLD_DATE
    for rx in DATE_PATTERNS:
        old = _old(rx)
        assert old.pattern != rx.pattern or rx is structure._DATE_NAME_LINE_RE
        for text in TEXTS:
            head = re.sub(r"\s+", "", text[:3000])
            assert _found(rx, head) == _found(old, head)
            for line in text[:3000].split("\n"):
                assert _found(rx, line) == _found(old, line)


@given(st.lists(st.sampled_from(DATE_PIECES), max_size=16))
@settings(max_examples=400, deadline=None)
def test_date_patterns_on_generated_text(pieces):
    s = "".join(pieces)
    for rx in DATE_PATTERNS:
        assert _found(rx, s) == _found(_old(rx), s)
    old = re.compile(_OLD_SPEAKER_BEFORE_DATE)
    assert _found(structure._SPEAKER_BEFORE_DATE_RE, s) == _found(old, s)


def test_speaker_before_date_pattern_spelt_out_on_the_fixtures():
    old = re.compile(_OLD_SPEAKER_BEFORE_DATE)
    for text in TEXTS:
        head = re.sub(r"\s+", "", text[:3000])
        assert _found(structure._SPEAKER_BEFORE_DATE_RE, head) == _found(old, head)


CHAIN_PIECES = [
    "青禾",
    "省",
    "自治区",
    "松岭",
    "市",
    "州",
    "盟",
    "白石",
    "县",
    "区",
    "旗",
    "镇",
    "乡",
    "街道",
    "的",
    "。",
    "a",
]


@given(st.lists(st.sampled_from(CHAIN_PIECES), max_size=24))
@settings(max_examples=400, deadline=None)
def test_every_division_chain_holds_the_needle(pieces):
    s = "".join(pieces)
    if list(structure._CHAIN_RE.finditer(s, 0, 600)):
        assert structure._CHAIN_NEEDLE_RE.search(s, 0, 600)


def _inline_per_line(simple: str) -> list:
    out, pos = [], 0
    for line in simple.split("\n"):
        start, pos = pos, pos + len(line) + 1
        if len(line) > 20:
            out += [
                (start + m.start(), m.end() - m.start(), m.groups())
                for m in structure._INLINE_RE.finditer(line, 1)
            ]
    return out


def _inline_whole(simple: str) -> list:
    starts, pos = set(), 0
    for line in simple.split("\n"):
        if len(line) > 20:
            starts.update(range(pos, pos + len(line)))
        pos += len(line) + 1
    return [
        (m.start(), m.end() - m.start(), m.groups())
        for m in structure._INLINE_RE.finditer(simple)
        if m.start() in starts
    ]


INLINE_PIECES = [
    "。",
    "：",
    ".",
    "!",
    "报告",
    "一",
    "二",
    "十",
    "十一",
    "、",
    "．",
    "\n",
    "各位代表",
    "工作回顾",
    "年",
    "2024",
]


@given(st.lists(st.sampled_from(INLINE_PIECES), max_size=40))
@settings(max_examples=400, deadline=None)
def test_run_in_headings_found_in_one_pass_are_those_found_line_by_line(pieces):
    s = "".join(pieces)
    assert _inline_whole(s) == _inline_per_line(s)


def test_run_in_headings_in_one_pass_on_the_fixtures():
    for report in REPORTS:
        joined = report.text.replace("\n", "") + "\n" + report.text  # (run-in headings inside long lines)
        for s in (report.text, joined):
            assert _inline_whole(s) == _inline_per_line(s)


@given(
    st.lists(
        st.sampled_from(TRADITIONAL_PIECES + REPORT_PIECES + ["\t", "\x0c", "\r\n", "\xa0"]), max_size=30
    )
)
@settings(max_examples=300, deadline=None)
def test_rare_characters_in_one_scan(pieces):
    raw = "".join(pieces)
    assert clean.rare_characters(raw) == (clean._FULLWIDTH_RE.search(raw) is not None, has_traditional(raw))


def test_rare_characters_in_one_scan_on_the_fixtures():
    assert not set(clean._FULLWIDTH_MAP) & set(TRADITIONAL)
    for text in TEXTS:
        for raw in (
            text,
            text.replace("国", "國"),
            "國" + text,
            text + "\u3000",
            "\t" + text.replace("国", "國"),
        ):
            assert clean.rare_characters(raw) == (
                clean._FULLWIDTH_RE.search(raw) is not None,
                has_traditional(raw),
            )


WHITESPACE = [chr(c) for c in range(0x3100) if chr(c).isspace()]


@given(
    st.lists(
        st.one_of(st.sampled_from(WHITESPACE), st.sampled_from(["某", "镇", "a", "1", "。"])), max_size=30
    )
)
@settings(max_examples=300, deadline=None)
def test_compact_removes_what_the_whitespace_pattern_removes(pieces):
    s = "".join(pieces)
    assert structure._compact(s) == re.sub(r"\s+", "", s)


def test_compact_on_the_fixtures():
    assert [c for c in map(chr, range(0x110000)) if re.fullmatch(r"\s", c)] == [
        c for c in map(chr, range(0x110000)) if c.isspace()
    ]
    for text in TEXTS:
        assert structure._compact(text[:3000]) == re.sub(r"\s+", "", text[:3000])
