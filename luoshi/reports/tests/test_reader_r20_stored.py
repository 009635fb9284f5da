"""The item labeller's third model, trained on the rounds' stored training instances: mixed in beside
the second model (``labeller.second``, ``Blend``), and remade byte for byte from the repository."""

from __future__ import annotations

from pathlib import Path

import pytest

from luoshi.cli import main
from luoshi.reports import instances
from luoshi.reports.reader import labeller


class Fixed:
    """A tagger giving each label the same marginal at every unit."""

    def __init__(self, p: dict[str, float]) -> None:
        self.p = p
        self.rows: object = None

    def set(self, rows: object) -> None:
        self.rows = rows

    def labels(self) -> list[str]:
        return list(self.p)

    def marginal(self, label: str, i: int) -> float:
        return self.p[label]


def test_a_blend_is_the_weighted_mean_of_its_two_taggers():
    a = Fixed({"O": 0.8, "B-project": 0.2})
    b = Fixed({"O": 0.4, "B-task": 0.6})
    blend = labeller.Blend(a, 0.25, b, 0.75)
    blend.set([["bias"]])
    assert a.rows == b.rows == [["bias"]]
    assert blend.labels() == ["O", "B-project", "B-task"]
    assert blend.marginal("O", 0) == pytest.approx(0.25 * 0.8 + 0.75 * 0.4)
    # (a label one tagger does not know has probability 0 under it)
    assert blend.marginal("B-task", 0) == pytest.approx(0.75 * 0.6)
    assert blend.marginal("B-project", 0) == pytest.approx(0.25 * 0.2)


def test_the_second_opinion_is_what_files_there_are(monkeypatch, tmp_path):
    mix, stored = tmp_path / "mix.crfsuite", tmp_path / "stored.crfsuite"
    a, b = Fixed({"O": 1.0}), Fixed({"O": 1.0})
    monkeypatch.setitem(labeller._taggers, mix, a)
    monkeypatch.setitem(labeller._taggers, stored, b)
    monkeypatch.setitem(labeller._taggers, tmp_path / "none", None)
    both, weight = labeller.second(mix, stored)
    assert isinstance(both, labeller.Blend) and both.parts == (a, b)
    assert weight == pytest.approx(labeller.MIX + labeller.STORED_MIX)
    assert labeller.second(mix, tmp_path / "none") == (a, labeller.MIX)
    assert labeller.second(None, stored) == (b, labeller.STORED_MIX)
    assert labeller.second(None, None) == (None, 0.0)


def test_the_rows_are_converted_once_for_a_blend_of_crfsuite_taggers():
    t = labeller.tagger()
    if t is None or labeller.tagger(labeller.MIX_PATH) is None:
        pytest.skip("no item models")
    blend = labeller.Blend(labeller.tagger(labeller.MIX_PATH), 0.5, t, 0.5)
    rows = [["bias", "f1=柳"]]
    assert labeller._sequence(rows, t, blend) is not rows
    assert labeller._sequence(rows, t, labeller.Blend(Fixed({"O": 1.0}), 0.5, t, 0.5)) is rows


STORED = Path(instances.__file__).parent / "training"


@pytest.mark.skipif(not labeller.STORED_PATH.exists(), reason="no third model in the package")
def test_the_third_model_is_remade_from_the_stored_rounds(tmp_path):
    pytest.importorskip("pycrfsuite")
    out = tmp_path / "items-stored.crfsuite"
    files = [STORED / "r19-items.jsonl.gz", STORED / "r20-items.jsonl.gz"]
    assert main(["train-items", *(x for f in files for x in ("--instances", str(f))), "--out", str(out)]) == 0
    assert out.read_bytes() == labeller.STORED_PATH.read_bytes()
