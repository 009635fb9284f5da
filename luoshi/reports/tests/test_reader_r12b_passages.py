"""Passages (news items of a congress or a vote), second pass: kinds of text the twelfth round's
development texts showed the reader reading otherwise than the annotators, each on a made-up text.

None of these sentences is copied from a real report; each reproduces only the *kind* of text that
failed.
"""

from __future__ import annotations

from luoshi.reports.reader import parse


def _parsed(text: str):
    return parse(text, text_only=True)


def _kinds(text: str) -> dict[float, str]:
    return {f.value: f.kind for f in _parsed(text).facts}


_CONGRESS_NEWS = (
    "1月12日上午，青禾区第九届人民代表大会第三次会议在区会议中心隆重开幕。\n"
    "区长李明代表区人民政府向大会作《政府工作报告》。\n"
    "报告共分为五个部分：一、2030年工作回顾；二、2031年工作总体安排；三、经济发展的主要任务；"
    "四、社会事业的重点任务；五、政府自身建设的重点内容。\n"
    "李明说，2030年全区经济稳中有进，预计全区生产总值完成256亿元，同比增长6.4%；"
    "一般公共预算收入完成21亿元，增长7.3%。\n"
)


def test_a_news_item_s_summary_of_the_report_s_parts_is_no_heading():
    doc = _parsed(_CONGRESS_NEWS)
    assert doc.sections == []
    kinds = _kinds(_CONGRESS_NEWS)
    # the figures of the year reviewed, estimated (预计) in a congress's news item: actual
    assert kinds[25_600_000_000] == "actual"
    assert kinds[6.4] == "actual"
    assert kinds[2_100_000_000] == "actual"


def test_run_in_headings_followed_by_their_text_are_still_headings():
    text = (
        "青禾镇政府工作报告\n"
        "各位代表：现在，我代表镇人民政府向大会报告工作，请予审议。一、2030年工作回顾。"
        + "过去一年，全镇完成固定资产投资12亿元，新建道路8公里，改造农房120户，"
        + "新增就业岗位300个，各项工作取得新进展。" * 2
        + "二、2031年工作安排。今年全镇力争完成固定资产投资14亿元，新建道路10公里，"
        + "改造农房150户，新增就业岗位350个，推动各项事业再上台阶。"
        + "全镇上下要凝心聚力，真抓实干，确保各项目标任务圆满完成。\n"
    )
    heads = [s.heading for s in _parsed(text).sections]
    assert heads and heads[0].startswith("一、2030年工作回顾")


_TWO_YEARS_NEWS = (
    "记者从1月6日结束的青禾镇第七届人民代表大会第二次会议上获悉，2031年，青禾镇将坚持稳中求进。\n"
    "2030年，青禾镇经济平稳运行，预计完成地区生产总值88亿元、增长5.5%。\n"
    "2031年，青禾镇将确保主要指标增长8%以上。进一步加大招商力度，力争全年新签约亿元项目6个。"
    "全年新开工重点项目4个，新增规模企业3家以上。\n"
)


def test_a_paragraph_opening_with_the_planned_year_is_the_plan():
    doc = _parsed(_TWO_YEARS_NEWS)
    assert (doc.meta.review_year, doc.meta.plan_year) == (2030, 2031)
    by_value = {f.value: f for f in doc.facts}
    assert by_value[8_800_000_000].kind == "actual"  # the paragraph of the year reviewed
    assert by_value[5.5].kind == "actual"
    for value in (6, 4, 3):  # the sentences after the first of the plan year's paragraph
        assert by_value[value].kind == "target"
        assert by_value[value].year == 2031


def test_a_title_with_the_planned_year_opens_no_plan_paragraph():
    text = (
        "2031年青禾镇政府工作报告摘要\n"
        "记者从1月6日结束的青禾镇第七届人民代表大会第二次会议上获悉，2030年，青禾镇经济平稳运行，"
        "新增规模企业5家，新建村道12公里。2031年，青禾镇将力争新增规模企业6家。\n"
    )
    kinds = _kinds(text)
    assert kinds[12] == "actual"


_VOTE_NEWS = (
    "3月2日，青禾镇第三届人民代表大会第五次会议召开，镇人大代表通过无记名投票票决产生了"
    "2031年民生实事项目。\n"
    "大会应到代表52人，实到48人，列席代表6人。根据计票结果，发出表决票48张，收回48张，"
    "当选项目票决率95.8%。\n"
    "今年将实施农村道路提升工程，新建村道15公里。\n"
)


def test_the_ballots_and_roll_call_of_a_vote_are_actual():
    doc = _parsed(_VOTE_NEWS)
    assert doc.meta.plan_year == 2031
    facts = {(f.value, f.unit): f.kind for f in doc.facts}
    assert facts[(48, "人")] == "actual"  # 实到
    assert facts[(6, "人")] == "actual"  # 列席代表
    assert facts[(48, "张")] == "actual"  # the ballots
    assert facts[(95.8, "%")] == "actual"  # 票决率
    assert facts[(15, "公里")] == "target"  # the list voted is to be done


_PROJECTS_NEWS = (
    "青禾县重点项目建设全面铺开\n"
    "3月6日，青禾县物流园二期工程开工建设。3月份投资8.6亿元的7个重点项目已相继开工。\n"
    "青禾县今年确定建设重点项目96个，总投资310亿元。总体来看，今年实施的重点项目比上年多出12个。\n"
)


def test_the_year_s_programme_told_in_the_present_is_a_target():
    facts = {f.value: f.kind for f in _parsed(_PROJECTS_NEWS).facts}
    assert facts[7] == "actual" and facts[860_000_000] == "actual"  # already started
    assert facts[96] == "target" and facts[31_000_000_000] == "target"  # 今年确定建设
    assert facts[12] == "actual"  # "今年实施的重点项目": a noun, no plan word
