"""The learned second opinion on facts: its labels, the training command, the reader's hook, and the
reader without the model (made-up text only)."""

from __future__ import annotations

import json

import pytest

from luoshi.cli import main
from luoshi.reports.reader import factcheck, parse
from luoshi.reports.reader.model import Fact
from luoshi.reports.train_facts import labels

pycrfsuite = pytest.importorskip("pycrfsuite")

# A news passage (no headings) in the future tense: the rules read its numbers as targets.
PASSAGE = """\
青石镇召开人民代表大会，镇长在会上作报告。
今年，青石镇将新建村级活动中心3个，硬化通村道路12公里，改造农村危房40户，新增就业岗位260个。
会议号召全镇干部群众鼓足干劲，奋力完成全年各项任务。
"""
QUOTES = ("村级活动中心3个", "硬化通村道路12公里", "改造农村危房40户", "新增就业岗位260个")
VALUES = ((3, "个"), (12, "公里"), (40, "户"), (260, "个"))
FILLER = (
    "东村",
    "西村",
    "南村",
    "北村",
    "上屯",
    "下屯",
    "河口",
    "山前",
    "岭后",
    "桥头",
    "湾里",
    "坡上",
    "林场",
    "茶园",
    "渡口",
)


def _facts(text):
    return parse(text, text_only=True).facts


def gold_facts(kind, quotes=QUOTES, values=VALUES):
    """Gold facts of ``kind`` for the numbers the ``quotes`` end in (``values``: value and unit)."""
    return [
        {
            "part": "other",
            "kind": kind,
            "measure": "level",
            "metric": q[: -len(str(v)) - len(u)],
            "value": v,
            "unit": u,
        }
        for q, (v, u) in zip(quotes, values, strict=True)
    ]


@pytest.fixture
def no_model(monkeypatch, tmp_path):
    monkeypatch.setattr(factcheck, "MODEL_PATH", tmp_path / "none.crfsuite")
    monkeypatch.setattr(factcheck, "MIX_PATH", tmp_path / "none-mix.crfsuite")
    monkeypatch.setattr(factcheck, "_models", {})


def _corpus(tmp_path, kind, copies=4):
    texts, gold = tmp_path / "texts", tmp_path / "gold"
    texts.mkdir(parents=True)
    gold.mkdir()
    for n in range(copies):
        (texts / f"p{n}.txt").write_text(PASSAGE, encoding="utf-8")
        doc = {"doc": f"p{n}.txt", "meta": {}, "sections": [], "facts": gold_facts(kind)}
        (gold / f"p{n}.json").write_text(json.dumps(doc, ensure_ascii=False), encoding="utf-8")
    return texts, gold


def test_the_rules_read_the_made_up_passage_as_targets(no_model):
    facts = _facts(PASSAGE)
    assert [(f.value, f.unit) for f in facts] == list(VALUES)
    assert {f.kind for f in facts} == {"target"}


def test_labels_say_keep_flip_or_drop_as_the_evaluation_would_match(no_model):
    with factcheck.recording() as seen:
        parse(PASSAGE, text_only=True)
    reading = seen[0]
    assert labels(reading, gold_facts("target")) == ["keep"] * 4
    assert labels(reading, gold_facts("actual")) == ["flip"] * 4
    assert labels(reading, gold_facts("target")[:2]) == ["keep", "keep", "drop", "drop"]
    assert labels(reading, []) == ["drop"] * 4


def test_recording_hands_the_rules_facts_and_one_row_of_features_for_each(no_model):
    with factcheck.recording() as seen:
        report = parse(PASSAGE, text_only=True)
    (reading,) = seen
    assert reading.facts == report.facts
    assert len(reading.rows) == len(reading.facts)
    assert reading.judged
    for row, f in zip(reading.rows, reading.facts, strict=True):
        assert {"bias", "u=" + f.unit, "k=target"} <= set(row)
        # (the model learns each feature beside the rules' kind)
        assert {"t|bias", "t|u=" + f.unit} <= set(factcheck.conjoined(row, f.kind))


def test_the_training_command_writes_a_model_the_hook_then_follows(tmp_path, monkeypatch, no_model):
    texts, gold = _corpus(tmp_path, "actual")
    model = tmp_path / "facts.crfsuite"
    assert main(["train-facts", str(texts), str(gold), "--out", str(model)]) == 0
    assert model.stat().st_size > 0
    # the gold says every one of these facts is actual: the model turns the rules' targets
    monkeypatch.setattr(factcheck, "MODEL_PATH", model)
    facts = _facts(PASSAGE)
    assert [(f.value, f.unit) for f in facts] == list(VALUES)
    assert {f.kind for f in facts} == {"actual"}
    assert all(f.commitment is None for f in facts)
    # … but not with the model switched off, nor in a text longer than the model judges
    long = PASSAGE + "\n".join(f"会议{a}听取了{b}的意见，审议了有关事项。" for a in FILLER for b in FILLER)
    assert len(parse(long, text_only=True).text) > factcheck.MAX_LENGTH
    judged_long = [f.kind for f in _facts(long)]
    monkeypatch.setenv(factcheck.OFF_ENV, "1")
    assert {f.kind for f in _facts(PASSAGE)} == {"target"}
    assert [f.kind for f in _facts(long)] == judged_long
    monkeypatch.delenv(factcheck.OFF_ENV)
    # … nor in a report's own text, to the deputies under its headings
    report = "红枫镇人民政府工作报告\n各位代表：\n一、今年工作安排\n" + PASSAGE
    with factcheck.recording() as seen:
        parse(report, text_only=True)
    assert seen and not seen[0].judged
    assert {f.kind for f in _facts(report)} == {"target"}
    # trained on gold that agrees with the rules, it keeps them as they are
    _corpus(tmp_path / "agree", "target")
    assert main(["train-facts", "--corpus", str(tmp_path / "agree"), "--out", str(model)]) == 0
    assert {f.kind for f in _facts(PASSAGE)} == {"target"}


def test_the_training_command_wants_texts_and_gold(tmp_path):
    assert main(["train-facts", str(tmp_path), "--out", str(tmp_path / "m.crfsuite")]) == 2
    assert main(["train-facts", "--out", str(tmp_path / "m.crfsuite")]) == 2
    (tmp_path / "texts").mkdir()
    (tmp_path / "gold").mkdir()
    assert main(["train-facts", "--pair", str(tmp_path / "texts"), str(tmp_path / "gold")]) == 1


def test_a_model_that_drops_leaves_the_fact_out(no_model):
    def sure(label):
        """A model sure of ``label`` for a target (its rows' features stand beside the rules' kind)."""
        weights = tuple(10.0 if x == label else 0.0 for x in factcheck.LABELS)
        return factcheck.Model(factcheck.LABELS, {"t": {"bias": weights}})

    with factcheck.recording() as seen:
        parse(PASSAGE, text_only=True)
    r = seen[0]
    assert factcheck.apply(sure("keep"), list(r.facts), r.rows) == r.facts
    assert factcheck.apply(sure("drop"), list(r.facts), r.rows, drop=0.5) == []
    # (dropping is off in the reader: held out, it gained nothing over turning kinds alone)
    assert factcheck.apply(sure("drop"), list(r.facts), r.rows) == r.facts
    assert factcheck.Model(factcheck.LABELS, {}).probabilities(["bias"]) == pytest.approx(
        dict.fromkeys(factcheck.LABELS, 1 / 3)
    )


def test_the_model_read_from_its_file_gives_crfsuites_probabilities(tmp_path, no_model):
    texts, gold = _corpus(tmp_path, "actual", copies=2)
    model = tmp_path / "m.crfsuite"
    assert main(["train-facts", str(texts), str(gold), "--out", str(model)]) == 0
    with factcheck.recording() as seen:
        parse(PASSAGE, text_only=True)
    tagger = pycrfsuite.Tagger()
    tagger.open(str(model))
    read = factcheck.read_model(model)
    assert read is not None
    for row, fact in zip(seen[0].rows, seen[0].facts, strict=True):
        tagger.set([factcheck.conjoined(row, fact.kind)])
        p = read.probabilities(row, fact.kind)
        assert p == pytest.approx({x: tagger.marginal(x, 0) for x in tagger.labels()}, abs=1e-5)


def test_without_the_model_file_the_reader_gives_the_rules_facts(no_model):
    assert factcheck.tagger() is None
    assert factcheck.read_model(factcheck.MODEL_PATH) is None
    with factcheck.recording() as seen:
        recorded = parse(PASSAGE, text_only=True).facts
    facts = _facts(PASSAGE)
    assert [(f.kind, f.value, f.metric, f.quote) for f in facts] == [
        (f.kind, f.value, f.metric, f.quote) for f in recorded
    ]
    assert seen and seen[0].facts == recorded


def _fact(kind, year, commitment=None):
    return Fact(
        "other", kind, "level", "通村道路", 12, "公里", None, commitment, year, "通村道路12公里", 0, 8
    )


def test_a_flipped_fact_moves_to_the_year_of_its_new_kind():
    # read as the plan year's target, it was the reviewed year's result
    f = factcheck.flipped(_fact("target", 2031, "力争"), 2030, 2031)
    assert (f.kind, f.year, f.commitment) == ("actual", 2030, None)
    # read as the reviewed year's result, it was the plan year's target
    f = factcheck.flipped(_fact("actual", 2030), 2030, 2031)
    assert (f.kind, f.year) == ("target", 2031)
    # a year of its own (written beside the number), or a text without the other year, stays
    assert factcheck.flipped(_fact("target", 2027), 2030, 2031).year == 2027
    assert factcheck.flipped(_fact("target", 2031), None, 2031).year == 2031
    assert factcheck.flipped(_fact("actual", None), 2030, 2031).year is None
