"""Round 18, wave 2 (metadata): where a place named in a news line starts (not at the day and hour before
it), the year an opening over a first review heading tells ("2030年以来，…", "…，2030年青禾街道在…领导下"),
and the speaker of a report whose title names its place and year ("镇长李青山所作的《青禾镇2030年政府工作报告》").

Every sentence here is made up for its test (invented places); none comes from a report.
"""

from luoshi.reports.reader import parse


def _meta(text: str):
    return parse(text, text_only=True).meta


# --- the day and hour before a place ------------------------------------------------------------------


def test_the_day_and_hour_before_a_place_are_no_part_of_it():
    text = (
        "新闻\n\n1月9日上午\n\n青禾市第九届人民代表大会第三次会议\n\n在市会展中心开幕\n\n"
        "市长李青山\n\n代表青禾市政府作政府工作报告\n\n"
        "2030年，全市地区生产总值增长6%。2031年，全市地区生产总值预期增长5.5%。\n"
    )
    meta = _meta(text)
    assert meta.jurisdiction == "青禾市"


def test_a_place_after_a_full_date_keeps_its_county_and_city():
    text = (
        "政府工作报告——在2030年12月29日松岭市青禾县第十八届人民代表大会第六次会议上\n"
        "县长 李青山\n各位代表：\n现在，我代表县政府向大会报告工作，请予审议。\n"
        "一、2030年工作回顾\n全县地区生产总值增长6%。\n二、2031年工作安排\n全县地区生产总值增长5%左右。\n"
    )
    meta = _meta(text)
    assert meta.jurisdiction == "青禾县"
    assert meta.parent == "松岭市"


def test_a_place_starting_with_the_sun_character_keeps_it():
    # (a place whose name starts with 日 loses nothing: only a day's number before 日 is the day)
    text = (
        "政府工作报告——在日青县第五届人民代表大会第二次会议上\n县长 李青山\n各位代表：\n"
        "一、2030年工作回顾\n全县地区生产总值增长6%。\n二、2031年工作安排\n全县地区生产总值增长5%左右。\n"
    )
    assert _meta(text).jurisdiction == "日青县"


# --- the year an opening over a first review heading tells ------------------------------------------

BODY = "一、抓项目稳增长，经济运行稳中向好\n街道完成固定资产投资12.5亿元，同比增长8%。新引进企业36家。\n"


def test_a_year_led_through_since_its_start_is_the_year_reviewed():
    text = (
        "2030年以来，在区委、区政府的正确领导下，青禾街道统筹推进各项工作。一年来，我们抓好了以下工作：\n"
        + BODY
    )
    meta = _meta(text)
    assert meta.review_year == 2030


def test_a_year_before_the_place_led_by_its_superiors_is_the_year_reviewed():
    text = "时光不停步，2030年青禾街道在区委、区政府的正确领导下，坚持稳中求进，各项事业有序发展。\n" + BODY
    meta = _meta(text)
    assert meta.review_year == 2030


def test_a_year_since_which_a_plan_runs_is_no_year_reviewed():
    # (the year of a plan's start told in a sentence that leads nothing: no year reviewed from it)
    text = "自2030年以来，松岭街道的规划一直在修编之中。\n" + BODY
    meta = _meta(text)
    assert meta.review_year != 2030


# --- the speaker of a report whose title names its place and year ------------------------------------

NEWS = (
    "青禾镇第三届人民代表大会第五次会议召开\n"
    "1月8日，青禾镇第三届人民代表大会第五次会议召开，应到代表58名，实到52名。\n"
    "会上听取审议了镇党委副书记、镇长李青山所作的{title}。\n"
)


def test_the_speaker_of_a_title_with_place_and_year():
    meta = _meta(NEWS.format(title="《青禾镇2030年政府工作报告》"))
    assert (meta.speaker_title, meta.speaker) == ("镇长", "李青山")


def test_the_speaker_of_a_half_years_report_titled_with_its_government():
    meta = _meta(NEWS.format(title="《青禾镇人民政府2031年上半年工作报告》（以下简称《报告》）"))
    assert (meta.speaker_title, meta.speaker) == ("镇长", "李青山")


def test_the_speaker_of_a_year_and_town_government_report_unbracketed():
    text = (
        "1月6日，青禾县松岭镇第二届人民代表大会第十次会议在镇会议室召开。\n"
        "第一次全体会议上，镇长李青山作2030年镇政府工作报告。\n"
    )
    meta = _meta(text)
    assert (meta.speaker_title, meta.speaker) == ("镇长", "李青山")


def test_the_head_of_an_autonomous_regions_government():
    text = (
        "1月15日上午，青禾自治区第十一届人民代表大会第一次会议开幕。自治区人民政府主席李青山作政府工作报告，"
        "从过去五年工作回顾、2031年工作安排两部分进行了阐述。\n"
    )
    meta = _meta(text)
    assert (meta.speaker_title, meta.speaker) == ("主席", "李青山")


def test_a_report_of_the_congress_is_no_governments():
    # (the chair of the congress who gives the congress's own report is no speaker of the government's)
    meta = _meta(
        NEWS.format(title="《青禾镇2030年人大工作报告》").replace("镇党委副书记、镇长", "镇人大主席")
    )
    assert meta.speaker != "李青山"


# --- a year's review heading run in after a sentence, in a page joined into one line --------------------


def _headings(text: str):
    return [(s.heading, s.part) for s in parse(text, text_only=True).sections]


JOINED = (
    "青禾镇人民政府工作报告 ——2031年1月8日在青禾镇第五届人民代表大会第三次会议上 镇长 李青山 "
    "各位代表： 现在，我代表青禾镇人民政府，向大会报告工作，请予审议。 {head}{after}，我们坚持稳中求进，"
    "全镇完成固定资产投资12.5亿元，同比增长8%；新引进企业36家，实现税收4.2亿元，同比增长5%。"
)


def test_a_years_review_run_in_after_a_sentence_is_a_section():
    assert _headings(JOINED.format(head="2030年工作回顾 ", after="2030年")) == [("2030年工作回顾", "review")]
    assert _headings(JOINED.format(head="2030年工作回顾 ", after="刚刚过去的2030年")) == [
        ("2030年工作回顾", "review")
    ]


def test_a_sentence_that_opens_with_a_years_plan_is_no_section():
    text = JOINED.format(head="", after="2031年工作安排如下") + "一是抓项目。二是抓招商。"
    assert _headings(text) == []


# --- an excerpt that opens in its review's last words, its first heading the plan's ----------------------

TAIL = (
    "成绩来之不易，我们清醒地认识到，青禾发展还面临一些困难和问题：产业结构不优，"
    "公共服务还有短板。我们将直面问题，认真加以解决。\n"
)


def test_an_excerpt_opening_in_the_reviews_tail_keeps_its_plan_heading():
    text = (
        TAIL
        + "二、2031年重点工作任务\n2031年，全县地区生产总值预期增长6%左右。\n三、加强政府自身建设\n严格依法行政。\n"
    )
    assert _headings(text)[0] == ("二、2031年重点工作任务", "plan")


def test_a_second_heading_that_plans_nothing_after_the_tail_is_no_section():
    # (a chapter's second point, "二、…工作成效", after the tail of a paragraph: not the plan's part)
    text = TAIL + "二、抓好民生实事，群众获得感持续增强\n全县新增就业岗位3200个。\n"
    assert _headings(text) == []


def test_a_plan_word_in_the_first_paragraphs_is_no_plans_title():
    # (the "title" of a passage without one is its first lines: a sentence's 安排 there plans nothing)
    text = (
        "时光不停步，2030年青禾街道在区委、区政府的正确领导下，坚持稳中求进，各项事业有序发展。\n"
        "一年来，我们主要做了以下几个方面的工作。\n"
        "疫情防控有力，迅速成立工作专班，连夜调度安排。\n" + BODY
    )
    assert _meta(text).review_year == 2030


def test_a_years_review_with_its_periods_is_a_section():
    text = (
        "青禾镇2031年政府工作报告\n2030年工作及“十五五”时期发展回顾\n一年来，全镇完成固定资产投资12.5亿元，"
        "同比增长8%。\n2031年工作计划\n全镇地区生产总值预期增长6%左右。\n"
    )
    assert _headings(text) == [("2030年工作及“十五五”时期发展回顾", "review"), ("2031年工作计划", "plan")]
