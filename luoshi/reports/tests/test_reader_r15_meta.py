"""Metadata of texts that are not report openings (news items, notices, catalogue pages): kinds of
text and phrasings the fifteenth round's training passages and plans showed the reader reading
otherwise than the annotators, each on a made-up text.

None of these sentences is copied from a real text; each reproduces only the *kind* of phrase or
layout that failed.
"""

from __future__ import annotations

from luoshi.reports.reader import parse


def _meta(text: str):
    return parse(text, text_only=True).meta


# --- the place a catalogue page's table names -----------------------------------------------------

_CATALOGUE = (
    "索 引 号: | 000123456/2031-00042 | 信息类别: | 其他 |\n"
    "发布机构: | {office} | 发文日期: | 2031-03-20 |\n"
    "标 题: | 2030年政府工作报告 | ||\n"
    "一、2030年工作回顾\n"
    "2030年，在市委、市政府和镇党委的正确领导下，聚焦市委、市政府“强基提质”工作部署，较好完成年度目标任务。"
    "全年完成固定资产投资3.2亿元，同比增长8.5%。\n"
)


def test_a_table_cell_that_keeps_colon_and_bar_names_the_office():
    meta = _meta(_CATALOGUE.format(office="青溪回族镇"))
    assert (meta.jurisdiction, meta.level) == ("青溪回族镇", "town")


def test_a_table_cell_names_the_street_whole_with_its_district():
    meta = _meta(_CATALOGUE.format(office="松岭区白石街道"))
    assert (meta.jurisdiction, meta.level, meta.parent) == ("白石街道", "town", "松岭区")


def test_a_verb_before_the_superior_s_committee_is_no_parent():
    # "聚焦市委、市政府…部署": 聚焦 is what the town does, not a city called 聚焦市
    assert _meta(_CATALOGUE.format(office="青溪回族镇")).parent is None


# --- the speaker a news item names ------------------------------------------------------------------


def test_a_governor_who_reports_to_the_meeting_named_in_short_form():
    text = (
        "1月22日，青山省省长李明远向省十五届人大三次会议作政府工作报告，要点如下：\n"
        "一、2030年工作回顾\n地区生产总值增长5.1%。\n二、2031年重点工作\n新增城镇就业50万人以上。\n"
    )
    meta = _meta(text)
    assert (meta.speaker_title, meta.speaker) == ("省长", "李明远")


def test_an_autonomous_region_s_head_is_its_chairman():
    text = (
        "青原2031年地区生产总值预期增长5%左右\n来源：本网 时间：2031-02-10\n"
        "本网讯 近日，在青原自治区第十五届人民代表大会第三次会议上，青原自治区主席赵海峰向大会作政府工作报告。"
        "报告提出，2031年全区经济社会发展的主要预期目标是地区生产总值增长5%左右。\n"
    )
    meta = _meta(text)
    assert (meta.speaker_title, meta.speaker) == ("主席", "赵海峰")
    assert meta.jurisdiction == "青原自治区"


# --- the years of a news story without headings -----------------------------------------------------

_DATED_STORY = (
    "松岭街道：{head}\n2031-01-05 09:12 来源：本地新闻\n"
    "2030年，松岭街道在区委、区政府的领导下，{lead}全年新建口袋公园6个，改造老旧小区12个，"
    "实现了辖区环境的明显改善。\n"
)


def test_a_story_of_a_year_past_dated_by_its_page_plans_nothing():
    meta = _meta(_DATED_STORY.format(head="民生实事暖人心", lead="年初以来，"))
    assert (meta.review_year, meta.plan_year) == (2030, None)


def test_a_story_that_writes_the_year_after_still_plans_it():
    text = _DATED_STORY.format(head="民生实事暖人心", lead="年初以来，") + "2031年，松岭街道将新建公园3个。\n"
    meta = _meta(text)
    assert (meta.review_year, meta.plan_year) == (2030, 2031)


def test_a_story_of_a_list_done_told_only_in_marks_of_what_was_done_reviews_its_year():
    # no verb of a plan near its start: 民生实事 in the headline does not make it a list to come
    text = (
        "白石县青禾镇：民生实事铺就幸福路\n2031-01-20 10:05:11 来源：本地网\n"
        "2030年，青禾镇党委政府直面问题，完成了镇区道路提升，已建成文化广场2个，"
        "累计改造农村户厕300户，实现了集镇面貌的明显改善。\n"
    )
    meta = _meta(text)
    assert (meta.review_year, meta.plan_year) == (2030, None)


def test_a_congress_delegation_that_votes_a_list_reviews_the_year_before_when_it_writes_it():
    text = (
        "今天是\n您现在的位置:首页 > 新闻动态 > 街道动态\n东关街道票选2031年民生实事项目\n"
        "来源:本站    发布日期:2031-01-16\n\n"
        "  继去年在本市率先开展街道一级代表票选民生实事项目后，1月14日，参加市十二届人大四次会议的东关街道"
        "代表团召开会议，再次执行这一制度，票选东关街道2031年民生实事项目。\n\n"
        "  会议听取了东关街道2030年民生实事项目完成情况报告。代表们在9件候选项目中差额票选出7件民生实事项目。\n\n"
        "  会议还听取和审议了东关街道2030年度人大工作报告，通报了2030年度财政预算执行情况和2031年财政预算情况。\n"
    )
    meta = _meta(text)
    assert (meta.review_year, meta.plan_year) == (2030, 2031)


# --- report openings: the year planned, the meeting and the speaker of the header -------------------


def test_a_report_that_reviews_a_half_year_plans_the_rest_of_that_year():
    text = (
        "政府工作报告\n——2030年8月20日在青禾镇第九届人民代表大会第四次会议上\n青禾镇镇长 李青山\n各位代表：\n"
        "现在，我代表镇人民政府向大会报告工作，请予审议。\n2030年上半年工作回顾\n"
        "2030年上半年，全镇完成固定资产投资1.2亿元，同比增长6.5%。\n"
    )
    meta = _meta(text)
    assert (meta.review_year, meta.plan_year) == (2030, 2030)
    # a whole year reviewed: the next is planned
    meta = _meta(text.replace("上半年", "").replace("8月20日", "1月20日"))
    assert (meta.review_year, meta.plan_year) == (2030, 2031)


def test_a_site_title_s_year_after_the_delivery_is_not_the_year_planned():
    text = (
        "2032年青禾市松岭镇政府工作报告\n政府工作报告\n——在松岭镇第六届人民代表大会第一次会议上\n"
        "松岭镇镇长 李青山\n（2031年3月12日）\n各位代表：\n过去五年的工作回顾\n"
        "五年来，全镇新建道路40公里，新增就业岗位1200个。\n"
    )
    assert _meta(text).plan_year == 2031


def test_a_line_of_the_government_and_a_name_under_the_meeting_names_the_speaker():
    text = (
        "——2030年8月20日在青禾镇第九届人民代表大会第四次会议上\n青禾镇人民政府 李青山\n各位代表：\n"
        "一、2030年上半年工作回顾\n新建公园2个。\n"
    )
    meta = _meta(text)
    assert (meta.speaker_title, meta.speaker) == (None, "李青山")
    # an office of the government is no person
    assert _meta(text.replace("人民政府 李青山", "人民政府 办公室")).speaker is None


def test_the_meeting_the_report_was_given_at_wins_over_a_headline_s():
    text = (
        "青禾镇第九届人大第四次会议材料(3)\n2030年政府工作报告\n——2030年4月2日在青禾镇第九届\n"
        "人民代表大会第四次会议上\n青禾镇镇长 李青山\n各位代表：\n一、2029年工作回顾\n新建公园2个。\n"
    )
    assert _meta(text).meeting == "第九届人民代表大会第四次会议"


# --- the day of a news story is not always the day the report was given ----------------------------


def test_a_story_without_headings_that_names_no_meeting_has_no_day_of_delivery():
    text = (
        "东关街道组织开展2031年社区民生项目评选活动\n\n2031年02月11日\n\n"
        "2月9日，东关街道组织开展社区民生项目评选活动，评选出9个2031年社区优秀项目。\n"
    )
    assert _meta(text).delivered_on is None


# --- the place a headline names ---------------------------------------------------------------------


def test_a_headline_s_chain_of_divisions_names_its_last():
    text = (
        "打开APP\n河北省平山县青禾镇：代表监督民生实事，群众更满意\n2031-09-12 10:20:31\n\n"
        "2031年，青禾镇通过人大代表会议票决出8项民生实事项目，投资60万元提升道路1.5公里。\n"
    )
    meta = _meta(text)
    assert (meta.jurisdiction, meta.level, meta.parent) == ("青禾镇", "town", "平山县")


def test_a_headline_s_place_is_not_extended_by_a_name_that_is_no_division():
    # 青禾路 is no division: the county stays the place
    text = "平山县青禾路改造民生实事项目完工\n2031-09-12\n平山县青禾路改造工程完工，新铺路面2公里。\n"
    assert _meta(text).jurisdiction == "平山县"


def test_a_collection_of_many_places_reports_names_no_place():
    text = "全国各省区市政府工作报告汇编(32篇)(第7/40页)\n大力发展特色产业，新建产业园区3个。\n"
    meta = _meta(text)
    assert meta.jurisdiction != "区市" and meta.parent is None


def test_deputies_who_vote_a_list_and_a_story_that_writes_the_year_before_review_it():
    text = (
        "代表票决2031年民生实事！东关办事处票决制再升级\n\n"
        "3月28日，东关办事处人大工委召开2031年民生实事项目票选会议，市区人大代表从14项候选项目中差额票选出"
        "9项作为东关办事处2031年重点民生实事项目。\n\n"
        "2030年，东关办事处在全区率先开展民生实事人大代表票决制，代表们从120项建议中选出8项。\n"
    )
    meta = _meta(text)
    assert (meta.review_year, meta.plan_year) == (2030, 2031)
    # the year before unwritten: the list's year alone
    meta = _meta(text.replace("2030年，", "此前，"))
    assert (meta.review_year, meta.plan_year) == (None, 2031)


def test_a_county_level_city_s_city_named_where_it_deploys_work_is_its_parent():
    # 海城市 is a county-level city of 鞍山市 in the official list
    text = (
        "海城市人民政府工作报告\n——2030年12月20日在海城市第七届人民代表大会第二次会议上\n市长 李青山\n各位代表：\n"
        "一、2030年工作回顾\n2030年，在市委的坚强领导下，全市完成地区生产总值增长6.1%。省和鞍山市部署的专项行动全面完成。\n"
    )
    assert _meta(text).parent == "鞍山市"
