"""The units' features converted for crfsuite once for both models (``labeller._sequence``): the
marginals are those of the rows set as lists (made-up text only)."""

from __future__ import annotations

import pytest

from luoshi.reports.reader import labeller, parse


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
