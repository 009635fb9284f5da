"""Facts and metadata: kinds of text the eleventh round's training openings and plan parts showed the
reader reading otherwise than the annotators, each on a made-up text.

None of these sentences is copied from a real report; each reproduces only the *kind* of phrase or
layout that failed.
"""

from __future__ import annotations

from luoshi.reports.reader import parse
from luoshi.reports.tests.test_reader_r4_facts import _facts


def _values(body: str):
    return [(f.value, f.unit) for f in _facts(body, plan="")]


# --- numbers that are no facts -------------------------------------------------------------------


def test_a_count_of_indicators_is_how_they_ranked_not_work_done():
    assert _values("全年12项考核指标中，8项好于预期，其中2项排名全市第一。") == []
    assert _values("6项重点指标增速领跑青禾各县区。") == []
    assert _values("3项民生指标连续两个季度好于全省平均。") == []
    # a count of work after them in the sentence, and a count of projects, stay facts
    assert _values("5项主要指标排在前列，新建项目15项，其中5项已投产。") == [(15, "项"), (5, "项")]


def test_the_size_of_a_list_a_passage_announces_is_a_target_told_once():
    # the headline's count sizes the list; the promise told in the body is the year's target
    # (docs/reader-conventions.md, livelihood projects counted for a year)
    head = "青禾镇2031年将办好8件实事\n发布时间：2031-02-20\n"
    body = "青禾镇人大会议闭幕，2031年镇政府将办好8件实事：\n1.新建公厕4座。\n2.修缮村级道路5条。\n"
    facts = parse(head + body, text_only=True).facts
    assert [(f.value, f.unit, f.kind) for f in facts] == [
        (8, "件", "target"),
        (4, "座", "target"),
        (5, "条", "target"),
    ]
    # a round figure of a programme too long to list stays a target
    body = "青禾镇人大会议闭幕，2031年镇政府将办好200件左右的实事。\n1.新建公厕4座。\n"
    assert [f.value for f in parse(head + body, text_only=True).facts] == [200, 4]


# --- a plan part on its own ----------------------------------------------------------------------

_PLAN_EXCERPT = (
    "2031年是青禾镇实施强镇计划的起步之年。\n"
    "今年全镇的主要预期目标是：财政收入增长5%以上，新建标准厂房8万平方米。\n"
    "一、聚焦招商引资，壮大镇域经济\n"
    "力争引进产业项目20个以上，确保新开工项目开工率100%，年内建成白石路等3条道路。\n"
)


def test_an_excerpt_that_opens_with_the_years_targets_is_all_plan():
    report = parse(_PLAN_EXCERPT, text_only=True)
    assert [s.part for s in report.sections] == ["plan"]
    assert (report.meta.review_year, report.meta.plan_year) == (None, 2031)
    assert {(f.part, f.kind, f.year) for f in report.facts} == {("plan", "target", 2031)}
    assert [f.value for f in report.facts] == [5, 80000, 20, 100, 3]


def test_a_review_before_the_targets_keeps_its_part():
    text = (
        "过去一年，全镇新建道路4条。\n今年全镇的主要预期目标是：财政收入增长5%以上。\n"
        "一、聚焦招商引资，壮大镇域经济\n力争引进产业项目20个以上。\n"
    )
    assert [s.part for s in parse(text, text_only=True).sections] == ["review"]


# --- metadata ------------------------------------------------------------------------------------

_CITY_HEAD = (
    "如皋市人民政府工作报告\n——2031年1月10日在如皋市第十八届人民代表大会第五次会议上\n各位代表：\n"
    "一、2030年工作回顾\n过去一年，市委、市政府团结带领全市人民，{}。\n"
)


def test_a_county_level_city_ranked_among_its_prefectures_units_names_its_parent():
    # (a county-level city's own 市委 is no superior: the prefecture is named where the city is ranked)
    meta = parse(_CITY_HEAD.format("县域经济综合考核居南通第一，科技创新走在南通前列"), text_only=True).meta
    assert (meta.level, meta.parent) == ("county", "南通")
    meta = parse(_CITY_HEAD.format("全面落实南通市工作安排"), text_only=True).meta
    assert meta.parent == "南通市"
    # named nowhere, no parent
    assert parse(_CITY_HEAD.format("经济总量稳步增长"), text_only=True).meta.parent is None
