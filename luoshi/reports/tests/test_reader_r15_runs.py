"""Runs and clauses bounded by reading characters' codes in place (``items._run_start``,
``items._run_end``): the same bounds as the regex searches they stand for, ``.*`` then the stop class
matched up to a position, and the stop class searched from it (made-up lines only)."""

from __future__ import annotations

import re

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from luoshi.reports.reader import items

FAST = settings(max_examples=400, deadline=None, suppress_health_check=[HealthCheck.too_slow])
STOPS = [
    items._PROJECT_STOP_RE,
    items._LIST_STOP_RE,
    items._FACILITY_STOP_RE,
    items._CLAUSE_STOP_RE,
    items._CLAUSE_END_RE,
]
LINES = st.lists(
    st.sampled_from([*"，,。；;：:\n、“”的了和及与 a1", "柳溪", "青禾桥", "𠀀", "建设"]), max_size=30
).map("".join)


def _check(line: str) -> None:
    for stop in STOPS:
        codes = items._before(stop)
        back = re.compile("(?s:.*)" + stop.pattern)
        for at in range(-1, len(line) + 2):
            m = back.match(line, 0, at)
            assert items._run_start(codes, line, at) == (m.end() if m else 0), (stop.pattern, line, at)
            hit = re.compile(stop.pattern).search(line, at)
            assert items._run_end(codes, line, at) == (hit.start() if hit else len(line)), (line, at)


def test_made_up_lines():
    for line in ("", "，", "柳溪镇建设青禾桥，完成了白鹭路；推进“和美”小区\n改造", "𠀀的𠀁", "abc"):
        _check(line)
    assert items._run_end(items._CLAUSE_END_CODES, "甲乙，丙", 0) == 2
    assert items._run_start(items._CLAUSE_MARK_CODES, "甲，乙：丙", 4) == 4


@FAST
@given(LINES)
def test_generated_lines(line):
    _check(line)


def test_clause_bounds_are_the_nearest_marks():
    line = "一是新建柳溪大桥，改造青禾路；二是完成白鹭湾公园：建成投用。"
    for a in range(len(line) + 1):
        for b in range(a, len(line) + 1):
            left = max(line.rfind(c, 0, a) for c in "，,。；;：:") + 1
            ends = [k for k in (line.find(c, b) for c in "，,。；;") if k >= 0]
            assert items._clause(line, a, b) == (left, min(ends) if ends else len(line))
