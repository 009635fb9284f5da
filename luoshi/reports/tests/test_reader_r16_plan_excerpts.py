"""Sixteenth round: an excerpt of a report that opens at its plan heading under the report's title
("青禾县政府工作报告" over "二、2031年重点工作") reads that heading as its plan part — before, only an
excerpt opening right at the heading did, and a title line above it left the whole text without a part; and
the outlook's sentence of what higher governments will do ("国家将A；我省也将B；…") sets no tasks.

Every sentence here is made up for its test (invented places); none comes from a report.
"""

from __future__ import annotations

import pytest

from luoshi.reports.reader import parse
from luoshi.reports.tests.test_reader_r4_items import _names

BODY = (
    "二、2031年重点工作\n"
    "（一）聚力产业升级，推进柳湾园区扩容，新增规上企业5家。\n"
    "（二）抓实乡村振兴，完成高标准农田3000亩。\n"
    "（三）提升治理效能，建成网格驿站6个。\n"
)


@pytest.mark.parametrize(
    "title",
    ["", "青禾县政府工作报告（摘要）\n", "导航\n(青州省)青禾县人民政府工作报告(2031年2月8日)\n\n  "],
)
def test_an_excerpt_opening_at_its_plan_heading_under_a_title(title):
    report = parse(title + BODY)
    assert [(s.heading, s.part) for s in report.sections] == [("二、2031年重点工作", "plan")]
    assert [(f.value, f.part, f.kind, f.year) for f in report.facts] == [
        (5, "plan", "target", 2031),
        (3000, "plan", "target", 2031),
        (6, "plan", "target", 2031),
    ]
    assert _names(title + BODY, "task") == ["聚力产业升级", "抓实乡村振兴", "提升治理效能"]


@pytest.mark.parametrize(
    "before",
    [
        "全县上下团结一心，取得了新的成绩。\n",  # a sentence: the text is no excerpt opening at the heading
        "各位代表：\n",
        "青禾县政府工作报告摘要，本报记者根据大会材料整理，请读者参阅各部分的详细内容与相关的配套说明材料，"
        "内容涉及全县经济社会发展的方方面面，也包括来年的各项重点工作和主要预期目标以及保障措施\n",  # over 80
    ],
)
def test_a_second_heading_after_more_than_a_title_opens_no_part(before):
    assert parse(before + BODY).sections == []


OUTLOOK = (
    "青禾县2031年政府工作报告\n"
    "一、2030年工作回顾\n"
    "全县生产总值增长6%。\n"
    "二、2031年工作安排\n"
    "展望新的一年，信心来自政策机遇。{subject}将实施更加积极的财政政策和稳健的货币政策；"
    "青州省也将加快畅通融资渠道和降低企业成本；青州城发展上升为全市头号工程，我们将迎来更多发展机遇。\n"
)


def test_what_higher_governments_will_do_is_no_task():
    assert _names(OUTLOOK.format(subject="国家"), "task") == []


def test_the_texts_own_promise_in_the_same_shape_still_sets_tasks():
    names = _names(OUTLOOK.format(subject="我们"), "task")
    assert names[:2] == ["实施更加积极的财政政策和稳健的货币政策", "青州省也将加快畅通融资渠道和降低企业成本"]


ANNOUNCED = (
    "各位代表：\n"
    "{announce}\n"
    "一、聚力产业升级，推进柳湾园区扩容，新增规上企业5家\n"
    "二、抓实乡村振兴，完成高标准农田3000亩\n"
    "三、提升治理效能，建成网格驿站6个\n"
)


@pytest.mark.parametrize(
    "announce", ["重点抓好以下工作：", "我们将着力做好五个方面的工作：", "突出抓好如下重点任务："]
)
def test_headings_under_the_words_that_announce_the_tasks_are_the_plan(announce):
    report = parse(ANNOUNCED.format(announce=announce))
    assert [s.part for s in report.sections] == ["plan", "plan", "plan"]
    assert {(f.part, f.kind) for f in report.facts} == {("plan", "target")}
    assert _names(ANNOUNCED.format(announce=announce), "task") == [
        "聚力产业升级",
        "抓实乡村振兴",
        "提升治理效能",
    ]


def test_the_announcement_after_words_of_the_year_past_opens_no_plan():
    text = ANNOUNCED.format(announce="过去一年，我们重点抓好以下工作：")
    assert [s.part for s in parse(text).sections] == ["review", "review", "review"]
