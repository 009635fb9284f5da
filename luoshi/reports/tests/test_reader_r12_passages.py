"""Passages (news items of projects started, of a vote, of a congress): the twelfth round's rules for
the kind of their numbers and for the years they review and plan, each on a made-up text.

The sentences are invented; no place, project or figure is taken from a real report.
"""

from __future__ import annotations

from luoshi.reports.reader import parse
from luoshi.reports.reader.model import Meta, Section
from luoshi.reports.reader.structure import date_a_passage


def _kinds(text: str):
    return [(f.value, f.kind) for f in parse(text, text_only=True).facts]


def _years(text: str):
    meta = parse(text, text_only=True).meta
    return meta.review_year, meta.plan_year


# --- the kind of a number in a news item, by its own sentence -----------------------------------

_PROJECTS = (
    "青禾市重大项目集中开工\n"
    "4月2日，青禾市举行重大项目集中开工仪式，31个项目集中开工，总投资86亿元。\n"
    "今年，青禾市计划实施重点项目420个，总投资960亿元。\n"
    "截至目前，全市已开复工项目150个，完成投资42亿元。\n"
)


def test_a_news_item_tells_a_plan_by_its_plan_words_and_what_was_done_by_its_marks():
    assert _kinds(_PROJECTS) == [
        (31, "actual"),
        (8600000000, "actual"),
        (420, "target"),
        (96000000000, "target"),
        (150, "actual"),
        (4200000000, "actual"),
    ]


def test_the_later_of_a_plan_word_and_a_mark_of_what_was_done_decides():
    text = (
        "青禾市重大项目建设提速\n"
        "今年青禾市计划开工项目300个，截至目前已开工120个。\n"
        "目前已签约项目40个，预计二季度完成投资25亿元。\n"
    )
    assert _kinds(text) == [(300, "target"), (120, "actual"), (40, "actual"), (2500000000, "target")]


def test_a_plan_word_right_after_the_number_makes_it_a_target():
    text = "青禾市重大项目建设提速\n当天，青禾市有18个项目集中开工。5月底前，其余的12个项目也将全部开工。\n"
    assert _kinds(text) == [(18, "actual"), (12, "target")]
    text = "青禾市重大项目建设提速\n全市即将开工的项目还有25个。\n"
    assert _kinds(text) == [(25, "target")]


def test_a_mark_of_what_was_done_holds_for_the_parts_after_a_semicolon():
    text = (
        "青禾市春季项目集中开工\n"
        "本次集中开工项目中，产业类项目14个，总投资52亿元；民生类项目4个，总投资3亿元。\n"
        "今年全市将实施重点项目90个，完成投资40亿元；新开工项目30个以上。\n"
    )
    assert _kinds(text) == [
        (14, "actual"),
        (5200000000, "actual"),
        (4, "actual"),
        (300000000, "actual"),
        (90, "target"),
        (4000000000, "target"),
        (30, "target"),
    ]


def test_a_plan_word_of_a_metric_after_a_semicolon_does_not_carry_over():
    text = (
        "青禾市重点项目集中开工\n"
        "5月6日，集中开工重点项目80个，今年计划完成投资30亿元；市级重点项目50个，今年计划完成投资9亿元。\n"
    )
    assert _kinds(text) == [(80, "actual"), (3000000000, "target"), (50, "actual"), (900000000, "target")]


def test_projects_a_city_lays_out_are_planned():
    text = (
        "青禾市加快产业项目建设\n"
        "青禾市谋划实施一批新兴产业项目，总投资8亿元的青禾数据中心、总投资3亿元的青禾材料产业园等项目正在推进。\n"
    )
    assert _kinds(text) == [(800000000, "target"), (300000000, "target")]


def test_a_headline_the_body_tells_again_gives_facts_of_its_own_too():
    """Each telling of a figure is a fact, a headline's as well as the body's (the sixteenth round's
    annotators, on both halves of its training texts; the twelfth round's dropped the headline's)."""
    text = (
        "青禾市一季度48个重大项目集中开工\n"
        "总投资约360亿元\n"
        "本报讯 近日，青禾市一季度48个重大项目集中开工建设，总投资约360亿元。其中产业项目20个。\n"
    )
    facts = parse(text, text_only=True).facts
    assert [(f.value, f.unit) for f in facts] == [
        (48, "个"),
        (36000000000, "元"),
        (48, "个"),
        (36000000000, "元"),
        (20, "个"),
    ]
    assert facts[0].start < text.index("本报讯") < facts[2].start
    # a headline whose figure the body does not repeat keeps its fact
    text = "青禾市一季度48个重大项目集中开工\n本报讯 近日，青禾市重大项目集中开工建设，总投资约360亿元。\n"
    assert [f.value for f in parse(text, text_only=True).facts] == [48, 36000000000]


def test_a_passage_that_plans_its_year_keeps_a_count_of_what_was_done_there_actual():
    # a news item of a vote: the plan year's items are targets, the vote's own record is not
    text = (
        "青禾镇票决产生2031年民生实事项目\n"
        "青禾镇今年将实施民生实事项目8项，新建公厕4座。\n"
        "本次会议召开时，镇政府已收集群众建议65条。\n"
    )
    kinds = dict(_kinds(text))
    assert kinds[4] == "target"
    assert kinds[65] == "actual"


def test_an_estimate_of_a_whole_year_is_no_plan():
    text = "青禾县人代会闭幕\n会上，县长作政府工作报告。预计全年地区生产总值增长6%。\n"
    assert (6, "actual") in _kinds(text)


# --- the years of a news item that plans none -----------------------------------------------------


def test_a_news_item_of_this_years_projects_plans_the_year_it_names():
    assert _years(_PROJECTS.replace("4月2日", "2031年4月2日")) == (None, 2031)


def test_a_news_item_taken_for_a_review_of_its_year_plans_it_instead():
    text = (
        "青禾街道召开议事会\n"
        "青禾街道向社会征集民生实事项目14个，确定2031年民生实事候选项目7个。\n"
        "会议对7个候选项目进行投票，有6个项目入选2031年民生实事项目。\n"
    )
    review, plan = _years(text)
    assert plan == 2031
    assert review is None


def test_a_fragment_of_a_report_that_writes_its_year_again_still_reviews_it():
    # no word of projects or of a list near its start: the year it writes is the one it reviews
    text = "街道把招商引资放在首位。2031年街道完成税收900万元；2031年完成投资3亿元。\n"
    assert _years(text) == (2031, None)


def test_an_account_of_a_years_projects_reviews_it():
    text = (
        "青禾县人大代表视察2031年重点工程\n"
        "12月3日，县人大常委会组织代表视察2031年全县重点工程，代表们实地查看了项目现场。\n"
    )
    assert _years(text) == (2031, None)


def _dated(text: str, **known):
    # the rule alone, on what the reader's other rules left undated (a congress's news whose head
    # names its report's year among a site's menus)
    meta = Meta(**known)
    date_a_passage(meta, text, [], "")
    return meta.review_year, meta.plan_year


def test_a_congress_that_hears_a_years_report_reviews_it_and_plans_the_next():
    text = "近日，青禾镇召开第九届人民代表大会第二次会议，会议听取和审议《2031年政府工作报告》。\n"
    assert _dated(text, meeting="第九届人民代表大会第二次会议") == (2031, 2032)
    # a congress's news naming the year of its list plans that year
    text = "近日，青禾镇召开第九届人民代表大会第二次会议，确定了2032年民生实事项目6项。\n"
    assert _dated(text, meeting="第九届人民代表大会第二次会议") == (None, 2032)
    # a congress's news taken for a review of a year plans the year after it
    assert _dated(text, meeting="第九届人民代表大会第二次会议", review_year=2031) == (2031, 2032)


def test_a_passage_already_dated_or_with_headings_is_left_as_it_is():
    text = "青禾市计划实施重点项目420个。\n"
    assert _dated(text, review_year=2030, plan_year=2031) == (2030, 2031)
    meta = Meta()
    date_a_passage(meta, "2031年青禾市计划实施重点项目420个。\n", [Section("一、项目", "plan", 0, 5)], "")
    assert (meta.review_year, meta.plan_year) == (None, None)


def test_a_passage_taken_for_a_review_but_told_in_the_verbs_of_a_plan_plans_its_year():
    text = "2031年，青禾街道将加快老旧小区改造，力争新增就业300人，确保完成棚户区改造。\n"
    assert _dated(text, review_year=2031) == (None, 2031)
    # told in the marks of what was done, it reviews the year
    text = "2031年，青禾街道完成老旧小区改造，新增就业300人，实现税收增长5%，已建成公园2个。\n"
    assert _dated(text, review_year=2031) == (2031, None)


def test_a_congress_roll_call_is_a_record_of_the_meeting_not_a_target():
    text = (
        "区十九届人大三次会议开幕\n2031-02-02 来源：人大新闻\n"
        "2月1日，青禾区第十九届人民代表大会第三次会议开幕。区长作政府工作报告。\n"
        "大会应到代表269人，实到代表258人，符合法定人数。\n"
    )
    assert _kinds(text) == [(269, "actual"), (258, "actual")]
    # the same counts told as what is to come stay targets
    assert _kinds(text.replace("大会应到代表269人，实到代表258人", "今年计划新增志愿者269人，培训258人")) == [
        (269, "target"),
        (258, "target"),
    ]
