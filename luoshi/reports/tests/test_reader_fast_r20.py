"""Shortcuts of the twentieth round's speed pass, each checked against the plain way it replaces."""

from __future__ import annotations

import pytest

from luoshi.reports.reader import factcheck

pycrfsuite = pytest.importorskip("pycrfsuite")


@pytest.mark.parametrize("path", [factcheck.MODEL_PATH, factcheck.MIX_PATH])
def test_the_dump_read_by_splits_gives_what_info_gives(path):
    if not path.exists():
        pytest.skip(f"no {path.name}")
    t = pycrfsuite.Tagger()
    t.open(str(path))
    info = t.info()
    labels, features = factcheck._dumped(t)
    assert labels == list(info.labels)
    assert list(features.items()) == list(info.state_features.items())


def test_the_dump_reader_keeps_odd_attributes(tmp_path):
    """Attributes holding the separators the lines are split at (": ", ") ", "-->") read as info reads them."""
    trainer = pycrfsuite.Trainer(verbose=False)
    odd = ["a|r2=: ", "a|l3=) x", "a|ag=->", "t|w= = {", "a|m0=}"]
    for i in range(6):
        trainer.append([[odd[i % len(odd)], "bias"]], ["keep" if i % 2 else "flip"])
    model = tmp_path / "odd.crfsuite"
    trainer.train(str(model))
    t = pycrfsuite.Tagger()
    t.open(str(model))
    info = t.info()
    labels, features = factcheck._dumped(t)
    assert labels == list(info.labels)
    assert list(features.items()) == list(info.state_features.items())
    assert factcheck.read_model(model) is not None


def test_the_three_label_sums_are_the_plain_loops_floats():
    """``Model.probabilities`` unrolls its loop for three labels: the same floats as the plain loop."""
    model = factcheck.tagger()
    if model is None:
        pytest.skip("no facts model")
    rows = []
    for kind, table in model.weights.items():
        names = list(table)
        for i in range(0, len(names), 7):
            rows.append(("target" if kind == "t" else "actual", [*names[i : i + 40], "unknown"]))
    for kind, row in rows:
        table = model.weights.get(kind[:1], {})
        plain = factcheck._sums(table, row, len(model.labels))
        top = max(plain)
        e = [factcheck.math.exp(x - top) for x in plain]
        z = sum(e)
        assert model.probabilities(row, kind) == {
            label: x / z for label, x in zip(model.labels, e, strict=True)
        }
