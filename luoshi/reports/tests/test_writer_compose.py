"""The pure composer: numbers are fields, edited wording keeps its fields, regenerating keeps edits."""

from __future__ import annotations

from luoshi.reports.writer import compose
from luoshi.reports.writer.compose import Figure, Inputs, Named, Target


def inputs(**kw) -> Inputs:
    base = dict(
        town="云溪镇",
        town_kind="镇",
        review_year=2026,
        plan_year=2027,
        session="云溪镇第十八届人民代表大会第五次会议",
        figures={
            "cases-hotline-received": Figure(
                "cases-hotline-received", "12345工单受理数", 356, "件", url="/p/1"
            ),
            "cases-hotline-on-time": Figure(
                "cases-hotline-on-time", "按期办结率", 82.24, "%", measure="rate", url="/p/2"
            ),
            "projects-key-count": Figure("projects-key-count", "实施重点项目", 0, "个"),
        },
        review_targets=[
            Target(
                "t1",
                "一般公共预算收入",
                "economy",
                1.2,
                "亿元",
                "level",
                "确保",
                result=Figure("budget-revenue", "一般公共预算收入", 1.15, "亿元", url="/p/3"),
            ),
            Target(
                "t2",
                "地区生产总值",
                "economy",
                6,
                "%",
                "growth",
                "以上",
                result=Figure("gdp-growth", "GDP增速", -1.5, "%", "growth", url="/p/4"),
            ),
        ],
        next_targets=[
            Target("n1", "一般公共预算收入", "economy", 1.32, "亿元", "level", "确保"),
            Target("n2", "规上工业总产值", "economy", 8, "%", "growth", "左右"),
        ],
        next_candidates=[Named("c1", "农村饮水管网延伸", "/lv/1", amount=150)],
        next_seats=5,
    )
    base.update(kw)
    return Inputs(**base)


def text_of(comp: compose.Composition) -> str:
    return "\n".join(compose.render(b.template, comp.fields) for b in comp.blocks)


def test_numbers_are_fields_never_digits_in_the_wording():
    comp = compose.compose(inputs())
    for block in comp.blocks:
        wording = compose.TOKEN_RE.sub("", block.template).replace("12345", "")
        assert not compose.DIGITS_RE.search(wording), (block.key, block.template)
    text = text_of(comp)
    assert "一般公共预算收入完成1.15亿元，完成年度目标的95.8%" in text
    assert "地区生产总值下降1.5%" in text  # a negative growth reads 下降, the field keeps -1.5
    assert "12345热线受理工单356件，按期办结率82.2%" in text
    assert "一般公共预算收入确保1.32亿元；规上工业总产值增长8%左右" in text  # commitments as set
    assert "候选项目1项，拟确定5项" in text and "估算投资150万元" in text
    assert "实施重点项目" not in text  # a zero count is not written


def test_each_number_field_says_what_the_reader_must_find():
    comp = compose.compose(inputs())
    share = next(f for f in comp.fields.values() if f.label.endswith("完成年度目标比例"))
    assert (share.part, share.year, share.unit) == ("review", 2026, "%")
    budget = next(f for f in comp.fields.values() if f.url == "/p/3")
    assert budget.expected() == (115000000.0, "元")
    target = next(f for f in comp.fields.values() if f.key.startswith("tgt.") and f.unit == "亿元")
    assert (target.part, target.year, target.expected()) == ("plan", 2027, (132000000.0, "元"))
    assert compose.reader_units(880, "万美元") == (8800000, "美元")
    assert compose.reader_units(3.2, "万亩") == (32000, "亩")


def test_edited_wording_may_move_fields_but_not_type_numbers():
    comp = compose.compose(inputs())
    fields = comp.fields
    tok = "{{ind.cases-hotline-received}}"
    assert compose.check_template(f"全年共受理12345热线工单{tok}。", fields) == []
    assert compose.check_template("全年共受理工单356件。", fields) == [("digits", "356")]
    assert compose.check_template("受理工单３５６件。", fields) == [("digits", "３５６")]  # full-width too
    assert compose.check_template("{{nope}}", fields) == [("unknown", "{{nope}}")]
    assert compose.check_template("  ", fields) == [("empty", "")]
    assert compose.check_template("写错了{{ind.cases-hotline-received}", fields) == [("syntax", "")]


def test_regenerating_keeps_edited_wording_and_refreshes_its_numbers():
    first = compose.compose(inputs())
    key = next(b.key for b in first.blocks if "{{ind.cases-hotline-received}}" in b.template)
    edits = {key: "今年共受理热线工单{{ind.cases-hotline-received}}，群众诉求件件有回音。"}
    figures = dict(inputs().figures)
    figures["cases-hotline-received"] = Figure("cases-hotline-received", "受理数", 400, "件", url="/p/1")
    second = compose.compose(inputs(figures=figures))
    merged = compose.merge(second, edits)
    block = next(b for b in merged.blocks if b.key == key)
    assert compose.render(block.template, second.fields) == "今年共受理热线工单400件，群众诉求件件有回音。"
    assert merged.stale == [] and merged.broken == []


def test_an_edit_whose_block_or_field_vanished_is_reported_not_lost():
    comp = compose.compose(inputs())
    merged = compose.merge(comp, {"review.gone": "旧段落", "review.safety.cases": "{{ind.gone}}"})
    assert merged.stale == ["review.gone"]
    assert merged.broken == ["review.safety.cases"]
    block = next(b for b in merged.blocks if b.key == "review.safety.cases")
    assert "已无此数据" in compose.render(block.template, comp.fields)


def test_composition_survives_json():
    comp = compose.compose(inputs())
    again = compose.Composition.from_dict(comp.to_dict())
    assert text_of(again) == text_of(comp)


def test_a_street_office_reports_as_an_office():
    text = text_of(compose.compose(inputs(town="白鹭街道", town_kind="街道")))
    assert text.startswith("白鹭街道办事处工作报告") and "党工委" in text
