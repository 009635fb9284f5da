"""The labeller's cheaper ways: a line cut at its separators by reading its characters' codes against a
table (``labeller._cut``), and the units' features converted for crfsuite once for both models
(``labeller._sequence``); each gives what the plain way gives (made-up text only)."""

from __future__ import annotations

import re

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from luoshi.reports.reader import labeller, parse

MARKS = re.compile("[" + re.escape(labeller._SEPS) + '()（）“”"]')


def _plain_cut(line: str) -> list[tuple[int, int, str, str]]:
    """The cut mark by mark, each found by a regex (what ``_cut`` did)."""
    out: list[tuple[int, int, str, str]] = []
    x, depth, quoted, before = 0, 0, False, ""
    for m in MARKS.finditer(line):
        ch, k = m.group(), m.start()
        if ch in "(（":
            depth += 1
        elif ch in ")）":
            depth -= 1
        elif ch == "“":
            quoted = True
        elif ch in '”"':
            quoted = False
        elif depth <= 0 and not quoted:
            if line[x:k].strip():
                out.append((x, k, before, ch))
            x, before = k + 1, ch
    if line[x:].strip():
        out.append((x, len(line), before, ""))
    return out


LINES = st.lists(
    st.sampled_from(
        [*labeller._SEPS, *'()（）“”"', " ", "　", "\t", "柳溪", "建成青禾桥", "1.", "（一）", "a", "𠀀"]
    ),
    max_size=25,
).map("".join)


@settings(max_examples=600, deadline=None)
@given(LINES)
def test_a_line_is_cut_as_mark_by_mark(line):
    assert labeller._cut(line) == _plain_cut(line)


def test_made_up_lines_with_and_without_brackets():
    for line in (
        "一、新建柳溪大桥，改造青禾路；完成　，投用：",
        "推进柳溪（一期、二期）项目，“青禾、白鹭”工程。",
        "“未闭合，引号”后，(半角)括号）多一个，",
        "，，、",
        "",
        "无标点的一行",
    ):
        assert labeller._cut(line) == _plain_cut(line)
    assert labeller._cut("甲，乙；丙") == [(0, 1, "", "，"), (2, 3, "，", "；"), (4, 5, "；", "")]
    assert labeller._cut("甲（乙，丙）丁，戊") == [(0, 7, "", "，"), (8, 9, "，", "")]


class _Fake:
    def __init__(self) -> None:
        self.seen: object = None

    def set(self, rows: object) -> None:
        self.seen = rows


def test_the_rows_go_as_they_are_to_a_tagger_that_is_not_crfsuite_s():
    rows = [["bias", "f1=柳"]]
    assert labeller._sequence(rows, _Fake(), _Fake()) is rows


def test_one_conversion_for_both_models_gives_the_marginals_of_the_rows():
    t, mix = labeller.tagger(), labeller.tagger(labeller.MIX_PATH)
    if t is None or mix is None:
        pytest.skip("no item model")
    text = (
        "柳溪镇2024年政府工作报告\n一、2023年工作回顾\n新建青禾大桥，改造白鹭路。推进柳溪产业园项目建设。\n"
        "二、2024年工作安排\n（一）实施青禾水库除险加固工程；（二）建成白鹭湾公园。\n"
    ) * 3
    readings = []
    with labeller.recording() as found:
        parse(text)
        readings = list(found)
    assert readings
    r = readings[0]
    _, rows = labeller.features(r.simple, r.sections, r.rule_items)
    seq = labeller._sequence(rows, t, mix)
    assert seq is not rows and seq.items() == [dict.fromkeys(row, 1.0) for row in rows]
    best, prob = labeller.mixed(t, mix, rows)
    # the plain way: each model set with the rows as lists
    t.set(rows)
    mix.set(rows)
    for i, p in enumerate(prob):
        want = (1 - labeller.MIX) * t.marginal("O", i)
        if "O" in mix.labels():
            want += labeller.MIX * mix.marginal("O", i)
        assert p["O"] == pytest.approx(want, abs=1e-12)
    assert len(best) == len(rows)
