"""Facts' kind in texts that announce a year's list of works (the twentieth round's plan texts):
the entries of a list made public as the works of a year ("大会公布了…将完成的八件惠民实事",
"集中力量办好8件实事：", "…惠民实事具体为：一是…") are that year's targets, though they say 完成,
建成, 新建 with no future word; a list told as done keeps its facts actual.

None of these sentences is copied from a real text: places and figures are made up.
"""

from __future__ import annotations

from luoshi.reports.reader import parse

# a news item's opening on the congress, long enough that the list stands past the text's head
_MEETING = (
    "青禾市第九届人民代表大会第三次会议今天上午在市会议中心隆重开幕。市人大常委会主任主持大会，"
    "市长代表市人民政府向大会作《政府工作报告》。本次大会应到代表286名，实到代表271名，符合法定人数。"
    "会议听取了市人民政府工作报告，审查了计划报告和预算报告，听取了市人大常委会工作报告。"
    "代表们认真听取报告，一致认为报告实事求是、思路清晰、措施有力，是一个求真务实、催人奋进的好报告。"
    "开幕式上，全体起立，高唱国歌。大会秘书处介绍了会议的日程安排，各代表团分别召开全体会议，"
    "推选代表团团长和副团长，审议大会各项议程。会场内外秩序井然，新闻媒体记者进行了现场采访报道。"
    "青禾市各界群众通过电视直播和网络直播收看了开幕式实况，反响热烈，纷纷表示对新的一年充满信心。"
    "会议期间，各代表团还将分组审议各项报告，代表们将围绕全市发展的重点难点问题积极建言献策。\n"
    "报告指出，2030年，青禾市地区生产总值完成860亿元，增长6.1%，新建城市公园4个。\n"
)


def _facts(text: str):
    return [(f.value, f.kind, f.year) for f in parse(text, text_only=True).facts]


def test_the_works_of_a_list_made_public_at_the_congress_are_targets_of_its_year():
    text = (
        "3月2日，青禾县第九届人民代表大会第三次会议开幕，大会公布了2031年青禾县将完成的八件惠民实事。"
        "1、完成3所乡村学校改扩建 项目内容：新建学生宿舍2栋，改造教学楼1栋。"
        "2、稳定和扩大就业 项目内容：完成农村劳动力转移就业2.6万人以上，新增城镇就业900人以上。\n"
    )
    facts = _facts(text)
    assert (
        (3, "target", 2031) in facts and (26000, "target", 2031) in facts and (900, "target", 2031) in facts
    )
    assert all(kind == "target" for _, kind, _ in facts)


def test_a_year_list_of_hui_min_works_set_out_item_by_item_is_planned():
    text = (
        "2031年青禾省政府8件惠民实事确定\n"
        "青禾省政府2031年8件惠民实事具体为：一是稳定和扩大就业，年度目标为全省城镇新增就业12万人以上，"
        "支持不低于6000人创业。二是实施校园安全工程，对45家校园配餐企业开展现场检查。\n"
    )
    facts = _facts(text)
    assert (120000, "target", 2031) in facts and (6000, "target", 2031) in facts
    assert (45, "target", 2031) in facts


def test_a_list_of_the_year_s_works_past_a_news_item_s_head_is_planned():
    text = (
        _MEETING + "《政府工作报告》提出，2031年，青禾市将紧盯群众最关心的问题，集中力量办好8件实事："
        "建成城东污水处理厂二期工程；新建城区公共厕所20座、农村公厕350座；新增城区停车位1500个以上；"
        "实施老旧小区改造项目23个。\n"
    )
    facts = _facts(text)
    for value in (20, 350, 1500, 23):
        assert (value, "target", 2031) in facts
    # the meeting's own figures and the year reviewed stay what they were
    assert (286, "actual") in [(v, k) for v, k, _ in facts]
    assert (4, "actual") in [(v, k) for v, k, _ in facts]


def test_a_list_of_works_told_as_done_keeps_its_facts_actual():
    text = (
        _MEETING + "2030年，青禾市集中力量办好了8件实事：建成城东污水处理厂二期工程；"
        "新建城区公共厕所20座、农村公厕350座；新增城区停车位1500个。\n"
    )
    facts = _facts(text)
    for value in (20, 350, 1500):
        assert value in [v for v, _, _ in facts]
        assert (value, "target") not in [(v, k) for v, k, _ in facts]


def test_an_account_of_a_year_s_list_keeps_its_facts_actual():
    text = (
        "青禾镇2030年十件民生实事完成情况\n"
        "青禾镇2030年十件民生实事已全部完成：建成镇中心小学教学楼1栋，新建村级文化广场6个，"
        "改造农村公路12公里。\n"
    )
    facts = _facts(text)
    assert {(v, k) for v, k, _ in facts} >= {(6, "actual"), (12, "actual")}
    assert all(kind == "actual" for _, kind, _ in facts)


def test_a_year_s_plan_announced_in_a_news_item_s_head_is_planned():
    text = (
        "青禾省2031年经济社会发展：县域一季一观摩\n"
        "1月16日，青禾省省长在省人民代表大会上作《政府工作报告》时，对全省2031年的发展提出总体目标。"
        "2031年全省地区生产总值将增长5.5%以上，城镇、农村居民收入分别增长6%、7%左右。\n"
        "稳定粮食播种面积，新建高标准农田120万亩。\n"
    )
    facts = _facts(text)
    for value in (5.5, 6, 7, 1200000):
        assert (value, "target", 2031) in facts


def test_a_year_s_growth_told_in_a_news_item_s_head_is_no_plan():
    text = (
        "青禾省2030年经济运行情况发布\n"
        "1月16日，青禾省统计局发布数据，2030年全省地区生产总值增长5.8%，城镇、农村居民收入分别增长6.1%、7.2%。\n"
    )
    facts = _facts(text)
    assert {(v, k) for v, k, _ in facts} >= {(5.8, "actual"), (6.1, "actual"), (7.2, "actual")}


def test_this_year_s_figures_after_weighing_the_factors_are_targets():
    text = (
        "1月20日，青禾市六届人大二次会议开幕，市长作政府工作报告，回顾了2030年工作，对2031年工作进行了安排。\n"
        "2030年青禾市工作回顾\n"
        "2030年，全市生产总值增长5.6%，新建城市公园4个。\n"
        "综合考虑各方面因素，今年全市生产总值增长6%左右，固定资产投资增长8%以上。\n"
    )
    facts = _facts(text)
    assert (6, "target", 2031) in facts and (8, "target", 2031) in facts
    assert (5.6, "actual", 2030) in facts and (4, "actual", 2030) in facts


def test_a_list_of_works_chosen_by_a_vote_told_a_clause_before_is_the_year_s_to_do():
    text = (
        "1月12日，青禾镇十八届人大四次会议召开。会议听取了《2030年民生实事完成情况报告》。"
        "全镇人大代表通过票决的方式，依法选出2031年青禾镇的十项民生实事项目。\n"
    )
    assert (10, "target", 2031) in _facts(text)
    # what a vote chose that is no list of works to do stays a count
    text = "1月12日，青禾镇召开表彰大会。全镇通过投票的方式，评选出2030年度优秀人大代表12名。\n"
    assert (12, "target") not in [(v, k) for v, k, _ in _facts(text)]


def test_the_deputies_who_vote_a_year_s_list_are_counted_as_they_are():
    text = (
        "青禾区2031年十件民生实事出炉\n"
        "在青禾区人代会的全体会议上，286名青禾市青禾区人大代表聚焦群众的新期盼，"
        "票决出2031年十件民生实事。\n"
    )
    facts = _facts(text)
    assert (286, "actual") in [(v, k) for v, k, _ in facts]


def test_a_year_s_list_whose_entries_stand_one_a_line_is_planned_to_its_last_entry():
    text = (
        _MEETING + "会议票决确定了2031年青禾市三件民生实事。\n"
        "一、新建公办幼儿园2所\n"
        "项目内容：新增学位540个。\n"
        "二、改造农村公路30公里\n"
        "三、新增城区停车位1500个\n"
        "会后，代表们实地察看了城东新建的公园4个。\n"
    )
    facts = _facts(text)
    for value in (2, 540, 30, 1500):
        assert (value, "target", 2031) in facts
    # the year reviewed before the list and what the story tells after its last entry stay done
    assert [k for v, k, _ in facts if v == 4] == ["actual", "actual"]
