"""The second opinion on facts from two models: the shipped one and one trained on newer gold alone,
their probabilities mixed (``factcheck.Mixed``, weight ``MIX`` to the newer), made-up text only."""

from __future__ import annotations

import json
import math

import pytest

from luoshi.cli import main
from luoshi.reports.reader import factcheck, parse

pycrfsuite = pytest.importorskip("pycrfsuite")

# A short notice (no headings) in the future tense: the rules read its numbers as targets.
NOTICE = """\
柳溪乡召开人民代表大会，乡长在会上作报告。
今年，柳溪乡将新修灌溉水渠9公里，新建村卫生室4个，改造农村公厕70座。
会议要求全乡上下齐心协力，确保完成全年目标任务。
"""
VALUES = ((9, "公里"), (4, "个"), (70, "座"))


@pytest.fixture
def models(monkeypatch, tmp_path):
    """The second opinion switched on (the other reader tests pin the rules) with model files of the
    test's own: none until it puts them there."""
    monkeypatch.delenv(factcheck.OFF_ENV, raising=False)
    monkeypatch.setattr(factcheck, "MODEL_PATH", tmp_path / "facts.crfsuite")
    monkeypatch.setattr(factcheck, "MIX_PATH", tmp_path / "facts-mix.crfsuite")
    monkeypatch.setattr(factcheck, "_models", {})
    return tmp_path


def _kinds(text=NOTICE):
    facts = parse(text, text_only=True).facts
    assert [(f.value, f.unit) for f in facts] == list(VALUES)
    return {f.kind for f in facts}


def _sure(flip):
    """A model that gives a target ``flip`` as the probability of turning it, nearly all the rest to
    ``keep`` (weights in ``factcheck.LABELS``' order: keep, drop, flip)."""
    return factcheck.Model(factcheck.LABELS, {"t": {"bias": (0.0, -50.0, math.log(flip / (1 - flip)))}})


def test_mixed_probabilities_are_the_two_models_weighed():
    first, second = _sure(0.8), _sure(0.2)
    row = ["bias"]
    assert first.probabilities(row)["flip"] == pytest.approx(0.8)
    mixed = factcheck.Mixed(first, second, 0.25)
    p = mixed.probabilities(row)
    assert p["flip"] == pytest.approx(0.75 * 0.8 + 0.25 * 0.2)
    assert sum(p.values()) == pytest.approx(1.0)
    # an actual fact: neither model has weights for it, each label a third
    assert factcheck.Mixed(first, second, 0.5).probabilities(row, "actual")["flip"] == pytest.approx(1 / 3)


def test_the_opinion_is_the_mix_of_both_models_or_the_one_there_is():
    first, second = _sure(0.8), _sure(0.2)
    assert factcheck.opinion(None, None) is None
    assert factcheck.opinion(first, None) is first
    assert factcheck.opinion(None, second) is second
    both = factcheck.opinion(first, second)
    assert isinstance(both, factcheck.Mixed)
    assert both.weight == factcheck.MIX
    assert factcheck.opinion(first, second, 0.1).weight == 0.1


def test_the_newer_model_holds_back_a_turn_the_shipped_one_alone_would_make(models, monkeypatch):
    assert _kinds() == {"target"}  # (no model file: the rules)
    # the shipped model alone turns the targets (flip 0.8 ≥ FLIP) …
    factcheck._models[factcheck.MODEL_PATH] = _sure(0.8)
    assert _kinds() == {"actual"}
    # … mixed at MIX with a newer model that would keep them, it does not …
    factcheck._models[factcheck.MIX_PATH] = _sure(0.05)
    assert (1 - factcheck.MIX) * 0.8 + factcheck.MIX * 0.05 < factcheck.FLIP
    assert _kinds() == {"target"}
    # … and with one that agrees, it does
    factcheck._models[factcheck.MIX_PATH] = _sure(0.6)
    assert _kinds() == {"actual"}
    # with the second opinion off, neither is asked
    monkeypatch.setenv(factcheck.OFF_ENV, "1")
    assert _kinds() == {"target"}


def test_the_training_command_writes_the_mix_model_the_reader_loads(models, monkeypatch):
    texts, gold = models / "texts", models / "gold"
    texts.mkdir()
    gold.mkdir()
    for n in range(4):
        (texts / f"n{n}.txt").write_text(NOTICE, encoding="utf-8")
        facts = [
            {"part": "other", "kind": "actual", "measure": "level", "metric": m, "value": v, "unit": u}
            for m, (v, u) in zip(("新修灌溉水渠", "新建村卫生室", "改造农村公厕"), VALUES, strict=True)
        ]
        doc = {"doc": f"n{n}.txt", "meta": {}, "sections": [], "facts": facts}
        (gold / f"n{n}.json").write_text(json.dumps(doc, ensure_ascii=False), encoding="utf-8")
    assert main(["train-facts", "--pair", str(texts), str(gold), "--out", str(factcheck.MIX_PATH)]) == 0
    # the mix file alone (no shipped model): it judges, and turns the targets the gold says were done
    assert factcheck.tagger(factcheck.MIX_PATH) is not None
    assert _kinds() == {"actual"}
    monkeypatch.setenv(factcheck.OFF_ENV, "1")
    assert _kinds() == {"target"}


def test_the_reader_ships_both_models():
    assert factcheck.MIX_PATH.name == "facts-mix.crfsuite"
    assert factcheck.read_model(factcheck.MIX_PATH) is not None
    assert factcheck.read_model(factcheck.MODEL_PATH) is not None
    assert 0 < factcheck.MIX < 1
