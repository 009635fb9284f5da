"""Metadata of openings and news stories: kinds of phrase and layout the seventeenth round's training
texts showed the reader reading otherwise than the annotators, each on a made-up text.

None of these sentences is copied from a real text; places, people and years are invented.
"""

from __future__ import annotations

from luoshi.reports.tests.test_reader_r4_meta import _meta

# --- a deputy head who gives the report: "副镇长" is the speaker's title --------------------------------


def test_a_line_of_offices_joined_by_commas_gives_the_government_s_title():
    text = (
        "2031年政府工作报告\n——2031年3月9日在青柳镇第九届人民代表大会第四次会议上\n"
        "镇党委委员、副镇长、派出所所长 林知远\n各位代表：\n"
        "现在，我代表镇人民政府向大会作政府工作报告。\n一、2030年工作回顾\n全镇新修道路12公里。\n"
    )
    meta = _meta(text)
    assert (meta.speaker_title, meta.speaker) == ("副镇长", "林知远")


def test_a_deputy_head_named_in_a_news_story_of_the_congress():
    text = (
        "11月20日上午，松岭县白桦乡第八届人民代表大会第三次会议在乡政府礼堂开幕。"
        "会议由乡党委书记罗明主持，副乡长韩雪松同志作政府工作报告，乡人大主席作人大主席团工作报告。\n"
        "韩雪松在报告中表示，2030年全乡新建蔬菜大棚60座。\n"
    )
    meta = _meta(text)
    assert (meta.speaker_title, meta.speaker) == ("副乡长", "韩雪松")


# --- a headline that names the speaker: "…在…会议上的政府工作报告（摘要）" ------------------------------------


def test_a_headline_names_the_speaker_before_the_meeting():
    text = (
        "两会专题\n\n韩冬青在青柳市九届人大四次会议上的政府工作报告（摘要）\n\n"
        "2031年02月03日 来源：青柳日报\n\n2030年工作回顾\n\n全市地区生产总值增长5.2%。\n"
    )
    meta = _meta(text)
    assert (meta.speaker_title, meta.speaker) == (None, "韩冬青")
    assert meta.meeting == "九届人大四次会议"


def test_the_head_whose_report_the_congress_adopted_is_the_speaker():
    text = (
        "2月3日，青川省第九届人民代表大会第五次会议表决通过了省长周慕白所作的政府工作报告，"
        "今年全省将继续办好十件民生实事。\n其中包括：新建农村公路3000公里；改造农村危房2万户。\n"
    )
    meta = _meta(text)
    assert (meta.speaker_title, meta.speaker) == ("省长", "周慕白")


def test_a_caption_run_into_the_one_before_still_names_the_speaker():
    text = (
        "3月2日，青柳镇第十届人民代表大会第二次会议开幕。大会听取和审议了政府工作报告、人大主席团工作报告。 "
        "镇党委书记苏晴主持大会 镇党委副书记、镇长顾长安作青柳镇人民政府工作报告 2030年工作亮点 "
        "一是产业稳步发展。二是乡村面貌焕新。\n"
    )
    meta = _meta(text)
    assert (meta.speaker_title, meta.speaker) == ("镇长", "顾长安")


def test_a_speaker_named_bare_takes_the_title_the_story_gave_before():
    text = (
        "1月8日上午，青柳镇第十届人民代表大会第六次会议召开。\n"
        "镇党委书记苏晴，镇党委副书记、镇长顾长安等镇领导出席会议。\n"
        "顾长安向大会作《政府工作报告》，回顾去年工作，提出今年目标。\n"
    )
    meta = _meta(text)
    assert (meta.speaker_title, meta.speaker) == ("镇长", "顾长安")


# --- parent: a verb before 市委 is no city -----------------------------------------------------------------


def test_a_verb_before_the_city_s_committee_is_no_parent():
    text = (
        "2031年青柳镇政府工作安排\n来源：本网\n"
        "今年是实施五年规划的关键一年。根据镇党代会提出的总体思路，结合市委、市政府工作部署，"
        "镇政府将重点抓好以下工作：新建厂房5万平方米，引进项目12个。\n"
    )
    meta = _meta(text)
    assert meta.jurisdiction == "青柳镇"
    assert meta.parent is None


# --- a catalogue's publisher field: the whole chain up to the next field ---------------------------------


def test_the_publisher_field_names_the_town_with_its_district():
    text = (
        "索 引 号: 1234-5/2031-00017 分类: 规划计划\n"
        "发布机构: 松岭区白桦镇 发文日期: 2031年02月11日\n"
        "名  称: 2030年政府工作报告及2031年重点工作计划\n\n"
        "一、2030年工作回顾\n\n全镇农民人均纯收入增长6.1%。\n"
    )
    meta = _meta(text)
    assert (meta.jurisdiction, meta.level, meta.parent) == ("白桦镇", "town", "松岭区")


# --- a street's summary that names its party committee first --------------------------------------------


def test_the_street_office_after_its_party_committee_is_the_jurisdiction():
    text = (
        "2030年，是五年规划承上启下的一年。一年来，白桦街党工委、白桦街道办事处在区委、区政府的正确领导下，"
        "积极融入湾区发展，扎实推进各项工作。\n一、经济稳中有进\n2030年，白桦街完成固定资产投资8.2亿元。\n"
    )
    meta = _meta(text)
    assert (meta.jurisdiction, meta.level) == ("白桦街道", "town")
    assert meta.parent is None  # (融入湾区: a region, no division)


def test_a_city_named_only_in_the_site_s_breadcrumb_is_no_parent():
    text = (
        "青川资讯网> 资讯中心> 政府工作报告> 松岭市政府工作报告>正文\n政府工作报告\n"
        "——在白桦镇第九届人民代表大会第一次会议上\n林知远\n（2030年11月20日）\n各位代表：\n"
        "一、过去五年工作回顾\n过去的五年，在市委、市政府和镇党委的坚强领导下，全镇新建厂房8万平方米。\n"
    )
    meta = _meta(text)
    assert meta.jurisdiction == "白桦镇"
    assert meta.parent is None


# --- years: a report titled with the year it reviews, heard where the next year's list is voted ----------


def test_a_report_titled_with_its_year_heard_with_the_next_year_s_list_reviews_that_year():
    text = (
        "白桦镇人大票决出今年民生实事\n\n青川日报 2031-03-20\n\n"
        "近日，白桦镇第九届人民代表大会第三次会议召开，听取和审议了《白桦镇2030年政府工作报告》"
        "《白桦镇2030年财政预算执行情况和2031年财政预算（草案）的报告》，并票决了白桦镇2031年民生实事项目。\n"
        "会议指出，去年全镇较好地完成了各项目标任务。\n"
    )
    meta = _meta(text)
    assert (meta.review_year, meta.plan_year) == (2030, 2031)


def test_a_congress_story_reviews_the_year_it_tells_with_results_after_a_comma():
    text = (
        "3月1日上午，白桦镇第九届人民代表大会第四次会议召开。\n"
        "镇长林知远向大会作《政府工作报告》，回顾去年工作，提出今年目标。2030年，白桦镇坚持稳中求进，"
        "发展动能持续增强。2030年，白桦镇全年实现地区生产总值61.2亿元。2031年白桦镇将围绕产业升级，"
        "奋力谱写2031年高质量发展新篇章。\n"
    )
    meta = _meta(text)
    assert (meta.review_year, meta.plan_year) == (2030, 2031)
    assert meta.delivered_on == "2031-03-01"


# --- a banner's story of its townships' congresses: 苏木镇 is a kind of place ----------------------------


def test_the_townships_of_a_banner_are_no_town():
    text = (
        "年初以来，青草旗12个苏木镇人代会陆续召开，会议依法完成了各项任务。\n"
        "青草旗人大常委会事先派人到各苏木镇指导筹备，各苏木镇按程序把会开好。\n"
        "代表们纷纷表示，要为青草旗高质量发展贡献力量。\n"
    )
    meta = _meta(text)
    assert (meta.jurisdiction, meta.level) == ("青草旗", "county")


def test_a_congress_that_hears_the_account_of_a_year_s_list_reviews_that_year():
    text = (
        "开年后青草旗的苏木镇人代会陆续召开，代表们审议了政府工作报告和"
        "2030年民生实事项目完成情况报告，票决产生了2031年度民生实事项目。\n"
        "代表们纷纷表示，要为青草旗高质量发展贡献力量。\n"
    )
    meta = _meta(text)
    assert (meta.review_year, meta.plan_year) == (2030, 2031)


# --- an excerpt of a report's review plans nothing said --------------------------------------------------


def test_an_excerpt_of_the_review_plans_no_year():
    text = (
        "两会专题\n\n韩冬青在青柳市九届人大四次会议上的政府工作报告（摘登）\n\n"
        "2031年02月03日 来源：青柳日报\n\n2030年 工作回顾\n\n"
        "这一年，我们稳中求进，地区生产总值增长5.2%，一般公共预算收入完成210.4亿元。\n"
    )
    meta = _meta(text)
    assert (meta.review_year, meta.plan_year) == (2030, None)


def test_an_excerpt_that_names_the_year_ahead_still_plans_it():
    text = (
        "（原标题：《政府工作报告》解读一：2030年工作回顾）\n"
        "这一年，全县新建农村公路32公里。2031年，全县将新建农村公路40公里。\n"
    )
    meta = _meta(text)
    assert meta.plan_year == 2031


def test_a_party_secretary_who_gives_the_street_s_report_is_the_speaker_without_a_title():
    text = (
        "白桦街道召开第二届居民代表大会\n"
        "3月5日，松岭区白桦街道召开第二届居民代表大会，辖区各类代表180人出席。\n"
        "会上，全体代表听取了白桦街道党工委副书记周南星作的《白桦街道2030年工作报告》。"
        "2030年，街道地区生产总值完成98.1亿元。\n"
    )
    meta = _meta(text)
    assert (meta.speaker_title, meta.speaker) == (None, "周南星")


def test_the_city_whose_congress_standing_committee_attends_a_town_s_congress_is_its_parent():
    text = (
        "1月20日，白桦镇第九届人民代表大会第五次会议胜利召开。松岭市人大常委会副主任方远莅临指导。"
        "大会听取和审议了政府工作报告。镇党委副书记、镇长林知远作白桦镇人民政府工作报告。\n"
    )
    meta = _meta(text)
    assert (meta.jurisdiction, meta.parent) == ("白桦镇", "松岭市")


def test_a_congress_late_in_the_year_hears_the_report_of_the_year_it_ends():
    text = (
        "12月18日，白桦镇第九届人民代表大会第六次会议在镇政府礼堂隆重开幕。\n"
        "会议听取、审议并表决通过了《白桦镇2030年人民政府工作报告》。报告回顾了过去一年全镇经济社会发展取得的成就。\n"
        "报告明确了新一年政府工作的总体要求和重点任务。\n"
    )
    meta = _meta(text)
    assert (meta.review_year, meta.plan_year) == (2030, 2031)
    assert meta.delivered_on == "2030-12-18"


def test_a_street_assembly_that_adopts_next_year_s_list_plans_that_year():
    text = (
        "白桦街道召开居民代表、商户代表大会\n"
        "3月5日，松岭区白桦街道召开居民代表、商户代表大会（以下称“两代会”），辖区各类代表180人出席。\n"
        "会上，全体代表听取了白桦街道党工委副书记周南星作的《白桦街道2030年工作报告》。"
        "2030年是白桦街道发展中极不平凡的一年。一年来，街道稳中求进，较好地完成了全年任务。\n"
        "全年，街道地区生产总值完成98.1亿元，同比增长5.2%。\n"
        "随后，现场表决通过了《白桦街道2031年民生实事》。\n"
    )
    meta = _meta(text)
    assert (meta.review_year, meta.plan_year) == (2030, 2031)


def test_a_page_of_captions_under_year_lines_reviews_the_first_and_plans_the_next():
    text = (
        "省政府工作报告“林业”看点\n栏目：部门新闻 发布时间：2031-02-02\n\n看成绩\n\n"
        "2030年\n\n完成造林面积120万亩\n\n新建森林公园8个\n\n"
        "2031年\n\n看目标\n\n完成造林面积100万亩以上\n\n新建国家储备林50万亩\n"
    )
    meta = _meta(text)
    assert (meta.review_year, meta.plan_year) == (2030, 2031)


# --- a story of a district's own congress on the district's site ----------------------------------------


def test_a_story_of_the_district_s_congress_on_its_site_is_the_district_s():
    text = (
        "主办：青川省松岭市白石区人民政府 © 版权所有\n承办：白石区人民政府办公室\n"
        "3月20日上午，区人大常委会主任方远参加区九届人大二次会议第五代表团（青柳镇、白桦镇）分团会议，"
        "与代表们一同审议政府工作报告。\n来自青柳镇和白桦镇的代表们表示，青柳镇、白桦镇要立足实际，"
        "白桦镇和青柳镇要抓好项目建设。\n"
    )
    meta = _meta(text)
    assert (meta.jurisdiction, meta.level, meta.parent) == ("白石区", "county", "松岭市")
    assert meta.meeting == "九届人大二次会议"  # (named by one of its delegations)
    assert meta.delivered_on is None  # (the delegation's day)
