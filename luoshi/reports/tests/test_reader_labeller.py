"""The learned item labeller: units, labels, training round trip and the reader's output with it
(made-up text only)."""

from __future__ import annotations

import json

import pytest

from luoshi.cli import main
from luoshi.reports.reader import labeller, parse

pycrfsuite = pytest.importorskip("pycrfsuite")

NOTICE = """\
白沙乡2026年民生实事项目公告
经乡人民代表大会票决，2026年办理以下民生实事：
1、新建松岭小学食堂，硬化白沙村至松岭村道路，完成北湾村饮水管网改造。
2、扩建乡卫生院门诊楼。
3、更换上街、中街、下街三条街道的路灯。
4、在各村建设农家书屋。
"""

PLAN = """\
2026年，我乡将重点抓好以下工作：
一是壮大特色产业。扩大高山茶园面积，培育两家加工企业，提高茶叶品牌知名度。
二是改善人居环境。推进垃圾分类，整治村内沟渠，美化主要道路两侧。
三是提升公共服务。办好乡村学校，完善医疗服务，让群众就近看病。
"""


def _items(text):
    return parse(text, text_only=True).items


def test_units_are_clauses_with_their_offsets_and_list_markers():
    text = "（一）修缮西门古桥，铺设步道、栈道。\n二是植树。"
    cut = labeller.units(text)
    assert [u.text for u in cut] == ["修缮西门古桥", "铺设步道", "栈道", "植树"]
    assert all(text[u.start : u.end] == u.text for u in cut)
    assert [u.marker for u in cut] == ["pcn", "", "", "lead"]
    assert [u.sep_after for u in cut] == ["，", "、", "。", "。"]


def test_gold_names_become_begin_and_inside_labels_of_the_units_they_cover():
    text = "修缮西门古桥，更换上街、下街路灯。"
    cut = labeller.units(text)
    quote = "更换上街、下街路灯"
    gold = [{"name": quote, "kind": "livelihood", "quote": quote, "start": 7, "end": 7 + len(quote)}]
    assert labeller.labels_from_gold(cut, gold) == ["O", "B-livelihood", "I-livelihood"]


@pytest.mark.skipif(not labeller.MODEL_PATH.exists(), reason="no trained model in the package")
def test_the_models_items_are_sliced_from_the_text_and_each_span_has_one_kind():
    """(Which items the model finds in a made-up list moves with its training data and is not pinned;
    that each is a clean slice of the text, and no span is given two kinds, is.)"""
    for text in (NOTICE * 2, PLAN * 2, NOTICE + PLAN):
        r = _reading(text)
        found = labeller.judged(r, None, labeller.KINDS)
        assert found == sorted(found, key=lambda i: i.start)
        for i in found:
            assert r.text[i.start : i.end] == i.quote and i.name and i.name in i.quote
        spans = {(i.start, i.name): i.kind for i in found}
        assert len(spans) == len({(i.start, i.name, i.kind) for i in found})


def test_a_plan_passage_gives_its_first_level_leads_as_tasks():
    tasks = [i.name for i in _items(PLAN) if i.kind == "task"]
    assert [t.strip("。") for t in tasks] == ["壮大特色产业", "改善人居环境", "提升公共服务"]


def _reading(text):
    with labeller.recording() as seen:
        parse(text, text_only=True)
    return seen[0]


def test_the_model_decides_its_kinds_in_passages_and_openings_and_never_in_a_long_report():
    passage = _reading(NOTICE * 2)
    assert labeller.decided(passage.simple, passage.sections) == labeller.LEARNED
    # livelihood items too, in passages and openings (held out on the tenth round's gold)
    assert "livelihood" in labeller.LEARNED and "livelihood" in labeller.LEARNED_ELSEWHERE
    opening = _reading("一、工作回顾\n" + NOTICE + "二、2026年工作安排\n" + PLAN)
    assert opening.sections and len(opening.simple) <= labeller.MAX_HEADED
    assert labeller.decided(opening.simple, opening.sections) == labeller.LEARNED_ELSEWHERE
    report = _reading("一、工作回顾\n" + NOTICE * 40)
    assert len(report.simple) > labeller.MAX_HEADED
    assert labeller.decided(report.simple, report.sections) == ()
    short = _reading("新建松岭小学食堂。")
    assert labeller.decided(short.simple, short.sections) == ()


@pytest.mark.skipif(not labeller.MODEL_PATH.exists(), reason="no trained model in the package")
def test_the_reader_keeps_the_rules_items_of_the_kinds_the_model_does_not_decide():
    for text in ("一、工作回顾\n" + NOTICE.replace("民生实事", "重点工程") * 40, NOTICE * 2, PLAN * 2):
        r = _reading(text)
        found = labeller.relabel(r.text, r.simple, r.sections, r.rule_items, r.part_year)
        kinds = labeller.decided(r.simple, r.sections)
        if not kinds:
            assert found is r.rule_items
        assert [i for i in found if i.kind not in kinds] == [i for i in r.rule_items if i.kind not in kinds]
        assert all(r.text[i.start : i.end] == i.quote and i.name in i.quote for i in found)


def test_each_feature_group_adds_its_own_features():
    text = "2026年办理以下民生实事：\n1、新建松岭小学食堂3所。\n2、扩建乡卫生院门诊楼。\n"
    r = _reading(text)
    _cut, base = labeller.features(r.simple, r.sections, r.rule_items, groups=())
    for group, prefix in [
        ("bi", "b="),
        ("chars", "sh="),
        ("qty", "cnt"),
        ("nbr", "-1:nf2="),
        ("marks", "pm="),
        ("shape", "rep="),
        ("head", "hb="),
    ]:
        _cut, rows = labeller.features(r.simple, r.sections, r.rule_items, groups=(group,))
        assert not any(x.startswith(prefix) for row in base for x in row)
        assert any(x.startswith(prefix) for row in rows for x in row), group
        assert all(set(b) <= set(row) for b, row in zip(base, rows, strict=True))


def test_training_on_made_up_gold_writes_a_model_that_loads_and_labels(tmp_path):
    texts, gold = tmp_path / "texts", tmp_path / "gold"
    texts.mkdir()
    gold.mkdir()
    (texts / "n.txt").write_text(NOTICE, encoding="utf-8")
    works = ["新建松岭小学食堂", "硬化白沙村至松岭村道路", "完成北湾村饮水管网改造", "扩建乡卫生院门诊楼"]
    items = [
        {
            "name": w[2:],
            "kind": "livelihood",
            "part": "plan",
            "year": 2026,
            "quote": w,
            "start": NOTICE.index(w),
        }
        for w in works
    ]
    for item in items:
        item["end"] = item["start"] + len(item["quote"])
    (gold / "n.items.json").write_text(json.dumps({"doc": "n", "items": items}, ensure_ascii=False), "utf-8")
    model = tmp_path / "m.crfsuite"
    assert main(["train-items", str(texts), str(gold), "--out", str(model)]) == 0
    assert model.stat().st_size > 0
    with labeller.recording() as seen:
        parse(NOTICE, text_only=True)
    r = seen[0]
    found = labeller.judged(seen[0], model, labeller.KINDS)
    assert {"松岭小学食堂", "乡卫生院门诊楼"} <= {i.name for i in found if i.kind == "livelihood"}
    assert all(r.text[i.start : i.end] == i.quote and i.name in i.quote for i in found)
    # several corpus folders (each with texts/ and gold/) train one model
    (tmp_path / "c2" / "texts").mkdir(parents=True)
    (tmp_path / "c2" / "gold").mkdir()
    (tmp_path / "c2" / "texts" / "p.txt").write_text(PLAN, encoding="utf-8")
    tasks = ["壮大特色产业", "改善人居环境", "提升公共服务"]
    plan_items = [
        {"name": t, "kind": "task", "part": "plan", "year": 2026, "quote": t, "start": PLAN.index(t)}
        for t in tasks
    ]
    for item in plan_items:
        item["end"] = item["start"] + len(item["quote"])
    (tmp_path / "c2" / "gold" / "p.items.json").write_text(
        json.dumps({"doc": "p", "items": plan_items}, ensure_ascii=False), "utf-8"
    )
    (tmp_path / "c1").mkdir()
    texts.rename(tmp_path / "c1" / "texts")
    gold.rename(tmp_path / "c1" / "gold")
    model.unlink()
    args = [
        "train-items",
        "--corpus",
        str(tmp_path / "c1"),
        "--corpus",
        str(tmp_path / "c2"),
        "--out",
        str(model),
    ]
    assert main(args) == 0
    assert model.stat().st_size > 0
    assert main(["train-items", str(tmp_path / "c1" / "texts"), "--out", str(model)]) == 2


def test_the_items_schema_is_unchanged():
    data = parse(NOTICE, text_only=True).to_dict(include_text=True)
    assert data["items"]
    for item in data["items"]:
        assert set(item) == {"name", "kind", "part", "year", "quote", "start", "end", "stage", "investment"}
        assert item["kind"] in {"project", "livelihood", "task"}
        assert data["text"][item["start"] : item["end"]] == item["quote"]


def test_without_a_model_the_rules_items_are_returned(tmp_path):
    with labeller.recording() as seen:
        parse(NOTICE, text_only=True)
    r = seen[0]
    assert labeller.judged(r, tmp_path / "none") == r.rule_items


def _gold_file(gold, doc, text, names, kind):
    items = [
        {"name": w, "kind": kind, "part": "plan", "year": 2026, "quote": w, "start": text.index(w)}
        for w in names
    ]
    for item in items:
        item["end"] = item["start"] + len(item["quote"])
    (gold / f"{doc}.items.json").write_text(
        json.dumps({"doc": doc, "items": items}, ensure_ascii=False), "utf-8"
    )


def _corpus(tmp_path):
    texts, gold = tmp_path / "texts", tmp_path / "gold"
    texts.mkdir()
    gold.mkdir()
    (texts / "n.txt").write_text(NOTICE, encoding="utf-8")
    _gold_file(
        gold,
        "n",
        NOTICE,
        ["新建松岭小学食堂", "扩建乡卫生院门诊楼", "更换上街、中街、下街三条街道的路灯"],
        "livelihood",
    )
    (texts / "p.txt").write_text(PLAN, encoding="utf-8")
    _gold_file(gold, "p", PLAN, ["壮大特色产业", "改善人居环境", "提升公共服务"], "task")
    return texts, gold


def test_the_base_models_opinion_is_added_to_each_units_features(tmp_path):
    texts, gold = _corpus(tmp_path)
    base = tmp_path / "base.crfsuite"
    assert main(["train-items", str(texts), str(gold), "--out", str(base)]) == 0
    r = _reading(NOTICE)
    _cut, rows = labeller.features(r.simple, r.sections, r.rule_items)
    t = labeller.tagger(base)
    seen = labeller.opinion(t, rows)
    best = t.tag(rows)
    assert len(seen) == len(rows)
    assert labeller.STACK_KEEP == ("bias",)  # (of its own features, the stacked model reads the bias alone)
    for i, more in enumerate(seen):
        assert more[0] == "bias" and not any(x.startswith(("f2=", "rB=", "m=", "part=")) for x in more)
        added = more[1:]
        assert "s=" + best[i] in added
        assert ("s-1=" + best[i - 1] if i else "s-1=none") in added
        assert ("s+1=" + best[i + 1] if i + 1 < len(rows) else "s+1=none") in added
        assert any(x.startswith("sr=" + best[i] + "|") for x in added)
        if best[i] != "O":  # (the likeliest label is given its probability's bucket)
            assert any(x.startswith("sm=" + best[i] + ":") for x in added)


def test_a_stacked_model_is_trained_over_the_base_model_and_tags_after_it(tmp_path):
    texts, gold = _corpus(tmp_path)
    base, stack = tmp_path / "base.crfsuite", tmp_path / "stack.crfsuite"
    assert main(["train-items", str(texts), str(gold), "--out", str(base)]) == 0
    args = ["train-items", str(texts), str(gold), "--stack", "--base", str(base), "--out", str(stack)]
    assert main(args) == 0
    learnt = pycrfsuite.Tagger()
    learnt.open(str(stack))
    attributes = set(learnt.info().attributes)
    assert any(a.startswith("s=") for a in attributes) and any(a.startswith("sm=") for a in attributes)
    r = _reading(NOTICE + PLAN)
    found = labeller.judged(r, base, labeller.KINDS, stack=stack)
    assert all(r.text[i.start : i.end] == i.quote and i.name in i.quote for i in found)
    # the stacked model decides its kinds; for the others the base model's labels stand
    alone = labeller.judged(r, base, labeller.KINDS)
    assert labeller.STACKED == ("project",)
    others = [i for i in alone if i.kind not in labeller.STACKED]
    assert others and [i for i in found if i.kind not in labeller.STACKED] == others
    # without the stacked model's file, the base model decides alone
    assert labeller.judged(r, base, labeller.KINDS, stack=tmp_path / "none") == alone
    # a stacked model needs its base model
    args = ["train-items", str(texts), str(gold), "--stack", "--base", str(tmp_path / "none")]
    assert main(args) == 2
