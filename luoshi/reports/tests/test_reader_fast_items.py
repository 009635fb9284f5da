"""The named items' shortcuts give what the plain way gives.

``reader/items.py`` tries its costliest patterns only where a needle says a match may be: where a
facility word ends, in the clauses holding such an end before the work done, and so on. Each test
runs a shortcut and the plain ``finditer`` / ``search`` side by side on the fixtures and on generated
text built from the words the needles key on, so that a change to a pattern that breaks a shortcut's
assumption shows here rather than as a silently different output.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from pathlib import Path

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from luoshi.reports.reader import items
from luoshi.reports.reader.chars import simplify

HERE = Path(__file__).parent
TEXTS = [p.read_text(encoding="utf-8") for p in sorted((HERE / "fixtures").glob("*.txt"))]
TEXTS += [p.read_text(encoding="utf-8") for p in sorted((HERE / "holdout").glob("*.txt"))]
LINES = [line for text in TEXTS for line in simplify(text).split("\n")]

FACILITY_WORDS = items._FACILITY[3:-1].split("|")
WORK_WORDS = items._WORK[3:-1].split("|")

# Made-up prose around the words the shortcuts key on (facility words and their near misses, the
# work done, roads' codes, quotation marks, the marks that end clauses and runs).
PIECES = [
    *"，,。；;：:、“”的了等和及与\n \t",
    *[w for w in FACILITY_WORDS if not w.startswith("[")],
    *WORK_WORDS,
    "东路",
    "思路",
    "道路",
    "出路",
    "新路",
    "全区",
    "园区",
    "街道",
    "渠道",
    "科学",
    "学习",
    "市场主体",
    "4S",
    "S12",
    "X031线",
    "石溪S12线",
    "青禾Y1234线改造",
    "G2",
    "Y1234",
    "局",
    "网",
    "段",
    "推进",
    "完成",
    "提升",
    "升级",
    "引进",
    "建成",
    "以",
    "签约",
    "投产",
    "项目",
    "工程",
    "中心",
    "修缮",
    "青禾",
    "石溪",
]
line_text = st.lists(
    st.one_of(
        st.sampled_from(PIECES), st.text(alphabet="镇村桥路水厂园区新建投资亿元0123456789AS", max_size=4)
    ),
    max_size=40,
).map("".join)
FAST = settings(max_examples=400, deadline=None, suppress_health_check=[HealthCheck.too_slow])

EXTRA = [
    "推进青禾大道拓宽改造，完成石溪小学迁建和“西河桥”修缮，以S12线改造提升带动沿线，引进4S店。",
    "全区园区街道渠道科学学习市场主体思路出路道路，改造“南门广场”、“北岸码头”。",
    "和中学校、安置区、污水处理厂建设，X031线综合整治，提升农贸市场和游步道，Y1234线新建。",
    "完成石溪S12线改造提升，青禾X031线综合整治和G2线扩建；石溪镇Y1234新建。",
]
ALL_LINES = [*LINES, *EXTRA]


def _spans(matches) -> list:
    return [(m.span(), m.groupdict()) for m in matches]


def _ends_plain(line: str) -> list[int]:
    """Every offset at which one of the facility words ends, each word tried at every place."""
    words = [re.compile(w) for w in FACILITY_WORDS]
    return [
        e
        for e in range(1, len(line) + 1)
        if any(w.fullmatch(line, max(0, e - k), e) for w in words for k in range(1, 6))
    ]


def _ends(line: str) -> list[int]:
    return [m.end() for m in items._FACILITY_END_RE.finditer(line)]


def test_facility_ends_are_where_facility_words_end():
    found = 0
    for line in ALL_LINES:
        assert _ends(line) == _ends_plain(line), line
        found += len(_ends(line))
    assert found > 30
    assert max(len(re.findall(r"\[[^\]]*\]|.", w)) for w in FACILITY_WORDS) <= 5  # (the plain way's reach)


@FAST
@given(line_text)
def test_facility_ends_on_generated_lines(line):
    assert _ends(line) == _ends_plain(line)


def _facilities(line: str) -> list[re.Match]:
    return items._facility_finditer(line, _ends(line))


def test_facility_matches_hold_no_stop_character():
    found = 0
    for line in ALL_LINES:
        for m in items._FACILITY_RE.finditer(line):
            assert not items._FACILITY_STOP_RE.search(m.group()), line
            found += 1
    assert found > 5
    # (the parts of the pattern, each free of them: the verbs, the name, the facility and work words)
    words = (items._VERBS + "|" + items._WORK[3:-1]).split("|")
    assert not any(items._FACILITY_STOP_RE.search(w) for w in words)
    for word in FACILITY_WORDS:
        assert word.startswith("[^") or not items._FACILITY_STOP_RE.search(word), word
    assert "(?P<name>[^" + items._FACILITY_STOP_RE.pattern[1:] in items._FACILITY_RE.pattern


def test_facility_matches_from_their_ends_are_finditers_on_the_fixtures():
    found = 0
    for line in ALL_LINES:
        plain = _spans(items._FACILITY_RE.finditer(line))
        assert _spans(_facilities(line)) == plain, line
        found += len(plain)
    assert found > 5


@FAST
@given(line_text)
def test_facility_matches_from_their_ends_on_generated_lines(line):
    assert _spans(_facilities(line)) == _spans(items._FACILITY_RE.finditer(line))


def test_worked_and_quoted_facilities_are_finditers_on_the_fixtures():
    found = 0
    for line in ALL_LINES:
        ends = _ends(line)
        for pattern, fast in (
            (items._WORKED_RE, items._worked_finditer),
            (items._QUOTED_FACILITY_RE, items._quoted_finditer),
        ):
            plain = _spans(pattern.finditer(line))
            assert _spans(fast(line, ends)) == plain, (pattern.pattern, line)
            found += len(plain)
    assert found > 5


@FAST
@given(line_text)
def test_worked_and_quoted_facilities_on_generated_lines(line):
    ends = _ends(line)
    assert _spans(items._worked_finditer(line, ends)) == _spans(items._WORKED_RE.finditer(line))
    assert _spans(items._quoted_finditer(line, ends)) == _spans(items._QUOTED_FACILITY_RE.finditer(line))


def test_clause_starts_are_the_starts_of_the_clauses_holding_the_positions():
    for line in ALL_LINES:
        positions = [k for k, c in enumerate(line) if c not in "，,。；;：:" and k % 7 == 0]
        plain = sorted({max(line.rfind(c, 0, k) for c in "，,。；;：:") + 1 for k in positions})
        assert items._clause_starts(line, positions) == plain, line


def _clause_plain(line: str, a: int, b: int) -> tuple[int, int]:
    left = max(line.rfind(c, 0, a) for c in "，,。；;：:") + 1
    ends = [k for k in (line.find(c, b) for c in "，,。；;") if k >= 0]
    return left, min(ends) if ends else len(line)


def test_clause_bounds_are_the_nearest_marks_on_the_fixtures():
    for line in ALL_LINES:
        for a in range(0, len(line) + 1, 3):
            for b in (a, min(len(line), a + 4)):
                assert items._clause(line, a, b) == _clause_plain(line, a, b), (line, a, b)
            assert items._clause_left(line, a) == _clause_plain(line, a, a)[0]


@FAST
@given(line_text, st.integers(0, 200), st.integers(0, 30))
def test_clause_bounds_on_generated_lines(line, a, width):
    a = min(a, len(line))
    b = min(len(line), a + width)
    assert items._clause(line, a, b) == _clause_plain(line, a, b)


def _enum_style_plain(line: str):
    m = items._ENUM_RE.match(line)
    return None if m is None else (next(k for k, v in m.groupdict().items() if v), m.end())


def test_enum_style_tests_one_character_first_on_the_fixtures():
    found = 0
    heads = ["", " ", "\t", "（一）", "(2)", "十一、", "3.", "３、", "①", "⑳", "一是", "☑", "•", "第一", "x"]
    for line in [*ALL_LINES, *(h + rest for h in heads for rest in ("", "A项目", " 建设"))]:
        assert items._enum_style(line) == _enum_style_plain(line), line
        found += _enum_style_plain(line) is not None
    assert found > 20


@FAST
@given(st.text(alphabet="（()）一二十1２⑤•☑是、.．A 项\t", max_size=8), line_text)
def test_enum_style_on_generated_lines(head, line):
    assert items._enum_style(head + line) == _enum_style_plain(head + line)


@FAST
@given(st.lists(st.tuples(st.integers(0, 60), st.integers(0, 60)), max_size=8), st.integers(-1, 70))
def test_merged_spans_hold_what_the_spans_hold(spans, pos):
    merged = items._merged(spans)
    assert all(a < b for a, b in merged) and all(
        b < c for (_, b), (c, _) in zip(merged, merged[1:], strict=False)
    )
    k = bisect_right([a for a, _ in merged], pos) - 1
    assert (k >= 0 and pos < merged[k][1]) == any(a <= pos < b for a, b in spans)


LIST_LINES = [
    "推进青禾、石溪等3个项目和东坪、西坪两个重点项目，引进A公司、B公司等2025年新签约企业。",
    "新建三个项目，完成五个在谈工程、十个载体；等候区，两个村的项目",
]


def test_list_matches_from_their_needles_are_finditers_on_the_fixtures():
    found = 0
    for line in [*ALL_LINES, *LIST_LINES]:
        plain = _spans(items._LIST_RE.finditer(line))
        assert _spans(items._list_finditer(line)) == plain, line
        found += len(plain)
    assert found > 3


@FAST
@given(line_text)
def test_list_matches_from_their_needles_on_generated_lines(line):
    line = line.replace("园", "等").replace("水", "三个").replace("局", "项目")
    assert _spans(items._list_finditer(line)) == _spans(items._LIST_RE.finditer(line))


def test_list_needles_start_where_the_needle_does_or_one_after():
    # every match of the one-pattern needle holds a match of one of the two (and no more of them)
    for line in [*ALL_LINES, *LIST_LINES]:
        starts = {m.start() for m in items._LIST_NEEDLE_RE.finditer(line)}
        deng = {m.start() for m in items._LIST_NEEDLE_DENG_RE.finditer(line)}
        ge = {m.start() - 1 for m in items._LIST_NEEDLE_GE_RE.finditer(line)}
        assert starts <= deng | ge, line


def test_run_starts_are_after_the_last_stop_before():
    stops = [items._PROJECT_STOP_RE, items._LIST_STOP_RE, items._FACILITY_STOP_RE, items._CLAUSE_STOP_RE]
    assert items._CLAUSE_MARK_CODES == items._before(items._CLAUSE_STOP_RE)
    for stop in stops:
        before = items._before(stop)
        chars = stop.pattern[1:-1].replace("\\n", "\n")
        assert {chr(o) for o in range(len(before)) if before[o] != "\x00"} == set(chars)
        for line in [*ALL_LINES[::7], "", "，", "a\nb，c", "𠀀，𠀁"]:
            for at in range(len(line) + 2):
                plain = max(line.rfind(c, 0, at) for c in chars) + 1
                assert items._run_start(before, line, at) == plain, (stop.pattern, line, at)
                # (what the regex it stands for, ``.*`` then the class matched up to ``at``, gives)
                m = re.compile("(?s:.*)" + stop.pattern).match(line, 0, at)
                assert plain == (m.end() if m else 0)


@FAST
@given(line_text)
def test_runs_and_clause_starts_on_generated_lines(line):
    for pattern, stop, needle in [
        (items._PROJECT_RE, items._PROJECT_STOP_RE, items._PROJECT_END_RE),
        (items._LIST_RE, items._LIST_STOP_RE, items._LIST_NEEDLE_RE),
    ]:
        plain = _spans(pattern.finditer(line))
        assert _spans(items._runs_finditer(pattern, line, stop, needle)) == plain
        needles = [m.start() for m in needle.finditer(line)]
        assert _spans(items._runs_finditer_at(pattern, line, stop, needles)) == plain
    for pattern, key in [(items._SUBJECT_RE, items._STAGE_WORD_RE), (items._WORKED_RE, items._WORK_WORD_RE)]:
        assert _spans(items._clause_finditer(pattern, line, key)) == _spans(pattern.finditer(line))


@FAST
@given(
    st.lists(st.tuples(st.integers(0, 30), st.integers(0, 30)), max_size=12),
    st.integers(0, 30),
    st.integers(0, 30),
)
def test_covers_finds_a_longer_span_as_a_scan_does(spans, a, b):
    covers = items._Covers(spans)
    for x, y in [*spans, (a, b)]:
        plain = any(p <= x and y <= q and q - p > y - x for p, q in spans)
        assert covers.longer(x, y) == plain


CLASS_NAMES = [
    "今年青禾项目",
    "青禾今年项目",
    "3个项目",
    "二十个",
    "12项",
    "科创类",
    "超5亿元",
    "城市化",
    "A项",
    "各村",
    "",
]


def test_is_class_is_the_class_pattern_on_the_fixtures():
    found = 0
    for line in ALL_LINES:
        for name in [*CLASS_NAMES, *(line[k : k + 12] for k in range(0, len(line), 5))]:
            assert items._is_class(name) == (items._CLASS_RE.search(name) is not None), name
            found += items._is_class(name)
    assert found > 50


@FAST
@given(line_text, st.sampled_from(["", "去年", "本年", "3", "十", "现代", "超"]))
def test_is_class_on_generated_names(text, head):
    for name in (head + text, head + text.replace("园", "个").replace("局", "项")):
        assert items._is_class(name) == (items._CLASS_RE.search(name) is not None)


def test_leading_words_tested_by_their_first_character():
    found = 0
    for line in ALL_LINES:
        for k in range(0, len(line), 3):
            name = line[k : k + 10]
            plain = items._LEADING_RE.match(name)
            assert _spans([items._leading(name)] if items._leading(name) else []) == _spans(
                [plain] if plain else []
            )
            found += plain is not None
    assert found > 50
    for word in items._LEADING_RE.pattern[4:-2].split("|"):  # every alternative opens with one of them
        first = word[1:-1] if word.startswith("[") else word[0]
        assert set(first.split("]")[0]) <= items._LEADING_FIRST, word
