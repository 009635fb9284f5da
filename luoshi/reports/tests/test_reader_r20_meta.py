"""Round 20: metadata of report openings, plan texts and news stories — the place of a town under a
county-level city or a site's name, a county-level city or a county named in passing, a headline's
phrase before the place, the years and day of congress stories, the speaker named in a news story.

The sentences are invented for these tests. Where a rule checks the official list of divisions the
places are real divisions (格尔木市, 武安市, 平乡县, 大关县, 和硕县); the rest are made up.
"""

from __future__ import annotations

from luoshi.reports.reader import parse, structure


def _meta(text: str):
    return parse(text, text_only=True).meta


# --- the place ---------------------------------------------------------------------------------------------


def test_a_headline_phrase_before_a_dash_is_no_part_of_the_place():
    text = (
        "在新起点上开创青禾发展新局面 ——青禾镇第16届人民代表大会第2次会议胜利召开\n"
        "5月27日，青禾镇召开第16届人民代表大会第2次会议。镇长李青山向大会作政府工作报告。\n"
    )
    assert _meta(text).jurisdiction == "青禾镇"
    # (a place written without a headline before it is read as before)
    assert _meta(text.replace("在新起点上开创青禾发展新局面 ——", "")).jurisdiction == "青禾镇"


_IN_PASSING_COUNTY = (
    "2030年，是{own}发展历程中极不平凡的一年。全县上下在县委的坚强领导下，在县人大、县政协的监督支持下，"
    "真抓实干。\n地区生产总值达到556.4亿元，首次突破500亿元大关；规模以上工业总产值突破1000亿元大关。"
    "县人大代表和县政协委员提出建议56件。\n"
)


def test_a_word_after_a_figure_is_no_county_named_in_passing():
    # "突破500亿元大关": 大关 is no mention of 大关县; the county names itself once, "是平乡发展历程中"
    meta = _meta(_IN_PASSING_COUNTY.format(own="平乡"))
    assert (meta.jurisdiction, meta.level) == ("平乡", "county")


def test_a_county_short_name_used_twice_is_still_read():
    text = _IN_PASSING_COUNTY.format(own="大关") + "建设新大关，让大关人民过上好日子。\n"
    assert _meta(text).jurisdiction == "大关县"


def test_a_county_level_city_named_in_passing_is_a_county():
    text = (
        "政府工作报告\n——2030年3月31日在市八届人大六次会议上\n市长 李青山\n各位代表：\n"
        "现在，我代表市政府，向大会报告工作，请予审议。\n一、2029年工作回顾\n"
        "过去一年，是格尔木经济社会发展极不平凡的一年，格尔木各族人民团结奋斗，全市地区生产总值增长8.2%。\n"
    )
    meta = _meta(text)
    assert (meta.jurisdiction, meta.level) == ("格尔木市", "county")


def test_a_prefecture_city_named_in_passing_stays_a_city():
    text = (
        "政府工作报告\n——2030年3月31日在市八届人大六次会议上\n市长 李青山\n各位代表：\n"
        "现在，我代表市政府，向大会报告工作，请予审议。\n一、2029年工作回顾\n"
        "过去一年，是安庆经济社会发展极不平凡的一年，安庆人民团结奋斗，全市地区生产总值增长8.2%。\n"
    )
    meta = _meta(text)
    assert (meta.jurisdiction, meta.level) == ("安庆市", "city")


def test_a_town_written_after_its_county_level_city_is_the_news_place():
    text = (
        "武安市太和镇第十届人民代表大会第二次会议于2030年6月10日以差额票决方式决定，以下项目为太和镇人民政府"
        "2030年度十大民生实事项目：\n一、太和镇中心小学改扩建工程。\n二、太和镇农村道路改造工程。\n"
        "三、武安工业城水环境综合治理工程。\n现予公告。\n"
    )
    meta = _meta(text)
    assert (meta.jurisdiction, meta.level, meta.parent) == ("太和镇", "town", "武安市")


def test_a_county_level_city_s_own_news_stays_its_own():
    text = (
        "武安市召开民生实事项目推进会\n"
        "6月10日，武安市召开民生实事项目推进会。武安市今年的十件民生实事进展顺利，其中武安市太和镇中心小学"
        "改扩建工程已完工。武安市将加快推进其余项目。\n"
    )
    assert _meta(text).jurisdiction == "武安市"


_SITE_PAGE = (
    "武安市人民政府\n首页 >> 新闻动态 >> 乡镇动态\n\n{headline}\n\n日期:2031年01月18日   作者:   来源:\n\n"
    "青禾镇在今年的人民代表大会上，与会代表积极投票，票决选出了10件青禾镇2031年政府重点民生实事。\n"
    "青禾镇集镇区的基础设施改造，计划投资505万元，涉及全镇4000人。\n"
)


def test_a_town_s_headline_under_a_site_s_name_is_the_town_s_news():
    meta = _meta(_SITE_PAGE.format(headline="青禾镇代表票决出10件民生实事"))
    assert (meta.jurisdiction, meta.level, meta.parent) == ("青禾镇", "town", "武安市")


def test_a_site_s_name_over_its_own_headline_stays_the_place():
    meta = _meta(_SITE_PAGE.format(headline="全市代表票决出10件民生实事"))
    assert meta.jurisdiction == "武安市"


def test_a_parent_is_read_without_its_province_s_short_name():
    text = (
        "2031年7月21日上午，在国歌声中，新疆和硕县青禾镇第2届人代会第5次会议胜利召开。\n"
        "镇长李青山向大会作政府工作报告。\n"
    )
    meta = _meta(text)
    assert (meta.jurisdiction, meta.parent) == ("青禾镇", "和硕县")
    assert meta.meeting == "第2届人代会第5次会议"


# --- the meeting -------------------------------------------------------------------------------------------


def test_a_page_s_link_to_the_next_story_names_no_meeting():
    text = (
        "白石镇代表票决出10件民生实事\n日期:2031年01月18日\n"
        "白石镇在今年的人民代表大会上，与会代表票决选出了10件2031年民生实事。\n"
        "下一条：松岭镇第2届人民代表大会第4次会议圆满闭幕\n"
    )
    assert _meta(text).meeting is None
    # (the story's own meeting is still read)
    assert (
        _meta(text.replace("在今年的人民代表大会上", "第5届人民代表大会第3次会议在镇政府召开")).meeting
        is not None
    )


def test_the_meeting_at_which_deputies_voted_before_is_not_the_story_s():
    text = (
        "青禾镇第十七届人民代表大会第九次会议顺利召开\n"
        "11月7日，青禾镇第十七届人民代表大会第九次会议在镇大会议室顺利召开。与会代表对青禾镇第十七届人民代表大会"
        "第八次会议上代表们表决通过的5项民生实事项目落实情况进行视察。\n"
    )
    assert _meta(text).meeting == "第十七届人民代表大会第九次会议"
    # (the meeting at which the report was given is still the one named with 上)
    given = "政府工作报告\n——2031年1月8日在青禾镇第十七届人民代表大会第八次会议上\n各位代表：\n"
    assert _meta(given).meeting == "第十七届人民代表大会第八次会议"


def test_a_news_meeting_with_its_session_s_di():
    text = (
        "2月27日，白石镇23届人民代表大会第7次会议在镇党校召开。全镇人大代表90多人参加会议。\n"
        "会议听取和审议了《2030年白石镇政府工作报告》。\n"
    )
    assert _meta(text).meeting == "23届人民代表大会第7次会议"


def test_a_news_meeting_told_with_the_cppcc_s():
    text = "1月5日至8日，青禾市松岭区五届人大六次会议、政协五届四次会议胜利召开。两会确定了2031年的目标。\n"
    assert _meta(text).meeting == "五届人大六次会议"


def test_pinyin_glosses_with_a_space_are_dropped():
    text = (
        "*月22日上午，青禾市第5屆人民代表大會(huì )第3次會(huì )議隆重開(kāi)幕，代市長(cháng)李青山"
        "向大會(huì )作政府工作報告。\n報告回顧總結了2030年工作。\n"
    )
    meta = _meta(text)
    assert meta.meeting == "第5屆人民代表大會第3次會議"
    assert (meta.speaker_title, meta.speaker) == ("代市長", "李青山")


# --- the speaker -------------------------------------------------------------------------------------------


def test_a_mayor_said_in_the_report():
    text = "市长李青山在报告中说，2030年是青禾发展极不平凡的一年。全市地区生产总值增长5%。\n"
    assert (_meta(text).speaker_title, _meta(text).speaker) == ("市长", "李青山")


def test_a_name_said_again_keeps_the_title_given_first():
    text = (
        "3月3日，白石镇第18届人民代表大会第8次会议召开。镇党委副书记、镇长李青山向大会作政府工作报告。\n"
        "李青山在报告中指出，过去一年全镇地区生产总值增长5%。\n"
    )
    assert (_meta(text).speaker_title, _meta(text).speaker) == ("镇长", "李青山")


# --- the years and the day ---------------------------------------------------------------------------------


def test_a_congress_story_that_reviews_and_sums_up_a_year():
    text = (
        "5月30日，白石镇第18届人民代表大会第6次会议在镇文化中心召开。\n"
        "会议期间，代表们认真听取并审议通过了白石镇《政府工作报告》，全面回顾总结2030年工作成绩并深入部署"
        "2031年工作任务，并投票表决通过了白石镇2031年度民生实事项目共2个。\n"
    )
    meta = _meta(text)
    assert (meta.review_year, meta.plan_year, meta.delivered_on) == (2030, 2031, "2031-05-30")


def test_a_year_s_list_of_any_name_is_planned():
    text = (
        "2031年青川省政府10件惠民实事确定\n"
        "1月18日，记者从省14届人大3次会议上获悉，今年，省政府2031年10件惠民实事正式确定。\n"
        "省政府2031年10件惠民实事具体为：一是稳定和扩大就业，实现城镇新增就业50万人以上。\n"
    )
    meta = _meta(text)
    assert (meta.review_year, meta.plan_year) == (None, 2031)


def test_this_year_told_by_its_place_in_a_five_year_plan():
    text = "市长李青山在报告中说，今年是“十五五”开局起步之年。政府工作总体要求是：坚持稳中求进。\n"
    assert _meta(text).plan_year == 2026
    closing = text.replace("“十五五”开局起步", "“十四五”收官")
    assert _meta(closing).plan_year == 2025


def test_a_story_listing_the_report_s_parts_and_the_day_it_opened_yesterday():
    text = (
        "市21届人大9次会议开幕\n发布时间:2031-01-26\n"
        "青禾市第21届人民代表大会第9次会议昨天上午在青禾礼堂隆重开幕。\n"
        "市长李青山代表市人民政府，向大会作《政府工作报告》。报告共六个部分，包括2030年工作的简要回顾、"
        "2031年工作总体要求和预期目标、全面深化改革扩大开放、加快科技创新推动转型发展等。\n"
    )
    meta = _meta(text)
    assert (meta.review_year, meta.plan_year) == (2030, 2031)
    assert meta.delivered_on == "2031-01-25"
    today = text.replace("昨天上午", "今天上午")
    assert _meta(today).delivered_on == "2031-01-26"


def test_a_congress_that_closed_that_day_gives_no_day_of_delivery():
    text = (
        "2月27日，经过全体代表、列席人员两天的共同努力，白石镇23届人民代表大会第7次会议在镇党校圆满落幕。\n"
        "会议听取和审议了《2030年白石镇政府工作报告》。\n"
    )
    assert _meta(text).delivered_on is None
    opened = text.replace("圆满落幕", "隆重开幕")
    assert _meta(opened).delivered_on is not None


def test_a_story_told_from_a_congress_just_closed_gives_no_day():
    text = (
        "2月11日，记者从刚刚闭幕的松岭县第17届人民代表大会第4次会议上了解到，2031年，松岭县将集中力量办好"
        "十件民生实事。\n这十件民生实事分别是：完成城南片区棚户区改造500套。\n"
    )
    meta = _meta(text)
    assert meta.delivered_on is None
    assert meta.plan_year == 2031


def test_a_day_of_the_year_planned_tells_nothing_done():
    # "于2030年6月10日…决定…2030年度十大民生实事": the day of the vote is no account of the year
    text = (
        "武安市太和镇第10届人民代表大会第2次会议于2030年6月10日以差额票决方式决定，以下项目为太和镇人民政府"
        "2030年度十大民生实事项目：\n一、太和镇中心小学改扩建工程。\n二、太和镇农村道路改造工程。\n现予公告。\n"
    )
    assert _meta(text).plan_year == 2030
    # (a year told with what was done in it is still no year only planned)
    assert structure._only_planned("于2030年6月10日决定2030年度民生实事项目。", 2030)
    assert not structure._only_planned("2030年完成投资3亿元。2030年度民生实事项目。", 2030)
    # (a count right after the year is no day: "2030年10件民生实事")
    assert structure._only_planned("会上，2030年10件民生实事正式确定。", 2030)


def test_a_masked_session_and_the_day_after_the_meeting_s_name():
    text = (
        "青禾市第16届人民代表大会**次会议1月21日上午在青禾会议中心开幕，市长李青山代表市政府向大会报告工作。\n"
        "针对2031年重点任务，报告提出，加快推进新城建设。\n"
    )
    meta = _meta(text)
    assert meta.meeting == "第16届人民代表大会**次会议"
    assert meta.delivered_on == "2031-01-21"
    # (a day after the meeting's name that is no opening tells no day of delivery)
    closing = text.replace("1月21日上午在青禾会议中心开幕", "1月25日上午在青禾会议中心闭幕")
    assert _meta(closing).delivered_on is None


def test_a_prefecture_that_speaks_of_itself_as_a_zhou_is_a_city():
    text = (
        "一年来，示范州创建成果巩固，全州经济企稳。\n"
        "我州经济社会发展面临的困难依然突出，全州还有2.1万贫困人口。\n"
    )
    assert _meta(text).level == "city"
    # (a county that names its prefecture in passing is still a county)
    county = text + "全县地区生产总值增长6%，全县新增就业1200人，全县财政收入增长5%。\n"
    assert _meta(county).level == "county"


_TITLED_ONCE = (
    "{title}\n砥砺初心\n2030年，在市委的坚强领导下，在市人大、市政协监督支持下，市人民政府团结带领全市人民"
    "奋力拼搏，全市经济社会呈现出稳中有进的良好态势。全市地区生产总值同比增长7%，与无锡企业签约项目12个。"
    "市人大代表建议全部办结，市政协委员提案办复率100%。\n"
)


def test_a_city_named_once_in_its_title():
    text = _TITLED_ONCE.format(title="奋力开创高质量发展新局面 为建设新安庆而努力奋斗 ——政府工作报告摘登")
    assert (_meta(text).jurisdiction, _meta(text).level) == ("安庆市", "city")
    # (a city named once in the body only is no name of the place)
    untitled = _TITLED_ONCE.format(title="政府工作报告摘登")
    assert _meta(untitled).jurisdiction is None


def test_the_day_a_reporter_learnt_at_the_congress_is_no_day_of_delivery():
    text = (
        "1月18日，记者从省14届人大3次会议上获悉，今年，省政府2031年10件惠民实事正式确定。\n"
        "省政府2031年10件惠民实事具体为：一是稳定和扩大就业，实现城镇新增就业50万人以上。\n"
    )
    assert _meta(text).delivered_on is None
    opened = text.replace(
        "记者从省14届人大3次会议上获悉，今年",
        "青川省第14届人民代表大会第3次会议开幕，省长李青山作政府工作报告。会上",
    )
    assert _meta(opened).delivered_on == "2031-01-18"


def test_the_office_that_gave_the_report_with_no_name():
    text = (
        "2031年1月7日，青禾乡13届人民代表大会第1次会议在乡政府大会议室召开，72名代表参加会议。\n"
        "（图为：青禾乡人民政府代理乡长做《政府工作报告》）\n"
    )
    meta = _meta(text)
    assert (meta.speaker_title, meta.speaker) == ("代理乡长", None)
    # (an office named with its holder is read as before)
    named = text.replace(
        "（图为：青禾乡人民政府代理乡长做《政府工作报告》）",
        "会上，青禾乡代理乡长李青山向大会作政府工作报告。",
    )
    assert (_meta(named).speaker_title, _meta(named).speaker) == ("代理乡长", "李青山")
