"""Metadata and sections of kinds of text the fourth blind corpus showed the reader missing (issue 18).

Every sentence here is made up; each reproduces only the *kind* of phrase or layout that failed.
"""

from __future__ import annotations

from luoshi.reports.reader import parse


def _meta(text: str):
    return parse(text, text_only=True).meta


def _speaker(text: str):
    meta = _meta(text)
    return meta.speaker_title, meta.speaker


# --- the speaker of a news story, named with the office he holds in the government ---


def test_news_speaker_with_the_government_before_the_title():
    text = "3月2日上午，青禾省第九届人民代表大会第四次会议上，青禾省人民政府省长李青山作《政府工作报告》。\n"
    assert _speaker(text) == ("省长", "李青山")


def test_news_speaker_with_a_party_post_and_the_government_before_the_title():
    text = (
        "5月8日，松岭县第六届人民代表大会第二次会议开幕。县委副书记、县人民政府县长赵明远代表县人民政府"
        "向大会作《政府工作报告》。\n"
    )
    assert _speaker(text) == ("县长", "赵明远")


def test_news_speaker_after_a_verb_of_the_meeting():
    held = "1月9日，青禾镇第五届人民代表大会第三次会议召开。会议由镇长周一帆向大会作政府工作报告。\n"
    assert _speaker(held) == ("镇长", "周一帆")
    heard = "大会听取了镇长周一帆代表青禾镇人民政府所作的政府工作报告。\n"
    assert _speaker(heard) == ("镇长", "周一帆")
    this_town = "青禾镇第五届人民代表大会第一次会议召开。\n该镇镇长周一帆所作的政府工作报告回顾了过去五年。\n"
    assert _speaker(this_town) == ("镇长", "周一帆")


def test_news_speaker_who_reports_the_work_to_the_congress():
    text = "青禾县第九届人民代表大会第二次会议开幕。\n县长孙立行代表青禾县人民政府向大会报告工作。\n"
    assert _speaker(text) == ("县长", "孙立行")


def test_news_speaker_named_before_the_meeting_he_spoke_at():
    text = (
        "2023年2月6日，区长钱立新在青禾市松岭区第三届人民代表大会第二次会议上，代表松岭区人民政府"
        "向大会作政府工作，报告全文如下。\n各位代表：\n一、2022年工作回顾\n全年新建公园3个。\n"
    )
    meta = _meta(text)
    assert (meta.speaker_title, meta.speaker, meta.delivered_on) == ("区长", "钱立新", "2023-02-06")


def test_news_speaker_of_a_street_office():
    text = "松岭街道第二届居民代表会议第一次会议召开。街道办事处主任吴佳作政府工作报告。\n"
    assert _speaker(text) == ("主任", "吴佳")
    # the chair of a congress giving its own report is no speaker of the government's
    chair = "松岭县第二届人民代表大会第一次会议召开。县人大常委会主任吴佳作人大常委会工作报告。\n"
    assert _speaker(chair) == (None, None)


# --- the date and the speaker on one header line ---


def test_a_header_line_of_the_date_and_the_name():
    text = "政府工作报告\n2019年11月4日 周一帆\n（青禾乡第七届人民代表大会第一次会议上）\n各位代表：\n"
    meta = _meta(text)
    assert (meta.delivered_on, meta.speaker) == ("2019-11-04", "周一帆")
    dated_page = "2025年02月10日 星期一\n"
    assert _meta(dated_page).speaker is None


# --- the place of a news story of the congress ---


def test_a_place_that_convenes_its_congress():
    text = "5月6日上午，青禾县松岭镇组织召开第十二届人民代表大会第五次会议，会议应到代表60名。\n"
    meta = _meta(text)
    assert (meta.jurisdiction, meta.level, meta.parent) == ("松岭镇", "town", "青禾县")
    headline = "松岭镇召开第十二届人民代表大会第五次会议\n会议听取了政府工作报告。\n"
    assert _meta(headline).jurisdiction == "松岭镇"


def test_a_congress_that_opened_in_triumph():
    text = "近日，松岭镇第十二届人民代表大会第五次会议胜利召开，全镇40名代表参加了会议。\n"
    assert _meta(text).jurisdiction == "松岭镇"


def test_a_site_menu_word_is_not_part_of_the_headline_place():
    text = "首页\n\n青禾县十六届人大二次会议开幕\n\n来源：青禾日报\n青禾县第十六届人民代表大会第二次会议今日开幕。\n"
    assert (_meta(text).jurisdiction, _meta(text).level) == ("青禾县", "county")


# --- the years and the day of a news story ---


def test_a_news_story_that_says_which_year_was_summed_up():
    text = (
        "2月20日，松岭镇第十二届人民代表大会第五次会议在镇政府会议室召开。\n"
        "会上，镇长周一帆对我镇2021年以来政府工作情况进行了全面回顾，并提出了下一步的工作打算。\n"
    )
    meta = _meta(text)
    assert (meta.review_year, meta.plan_year, meta.delivered_on) == (2021, 2022, "2022-02-20")


def test_a_news_digest_quoting_the_report_on_the_year_reviewed():
    text = (
        "1月18日上午，青禾省第九届人民代表大会第三次会议上，省长李青山作《政府工作报告》。\n"
        "《政府工作报告》指出，2022年青禾全省财政总收入达到560亿元。\n"
    )
    meta = _meta(text)
    assert (meta.review_year, meta.plan_year, meta.delivered_on) == (2022, 2023, "2023-01-18")
    plan = text.replace("2022年青禾全省财政总收入达到", "2023年青禾将力争财政总收入达到")
    assert _meta(plan).review_year is None


def test_a_news_story_dated_in_full_in_its_first_sentence():
    text = "2024年1月23日上午，青禾县第十八届人民代表大会第三次会议在县会议中心开幕。\n"
    assert _meta(text).delivered_on == "2024-01-23"


def test_a_page_dateline_with_slashes_gives_the_year_of_the_news_day():
    text = "发布时间：2021/01/15\n1月14日，松岭镇第十二届人民代表大会第五次会议召开。\n"
    assert _meta(text).delivered_on == "2021-01-14"


def test_a_report_delivered_mid_year_reviews_that_year_and_plans_none():
    text = (
        "——2024年8月12日在松岭镇第十二届人民代表大会第六次会议上\n镇长 周一帆\n各位代表：\n"
        "今年以来，全镇上下奋力拼搏。\n一、稳中有进，经济运行平稳\n新建公园3个。\n"
    )
    meta = _meta(text)
    assert (meta.review_year, meta.plan_year) == (2024, None)
    spring = text.replace("2024年8月12日", "2024年2月12日").replace("今年以来", "过去一年")
    assert (_meta(spring).review_year, _meta(spring).plan_year) == (2023, 2024)


# --- sections ---


def test_unnumbered_headings_of_a_new_terms_review():
    text = (
        "各位代表：\n认真回顾过去五年的成绩\n一、经济实力明显增强\n五年来新建公园30个。\n"
        "二、民生保障更加有力\n新增就业岗位1200个。\n"
    )
    sections = parse(text, text_only=True).sections
    assert [(s.heading, s.part) for s in sections] == [("认真回顾过去五年的成绩", "review")]


# --- header layouts ---

_BODY = "\n各位代表：\n一、2023年工作回顾\n全年新建公园3个。\n二、2024年工作安排\n新建公园4个。\n"


def test_a_header_line_that_ends_with_the_date_after_the_speaker():
    text = (
        "松岭县政府工作报告\n——在松岭县第九届人民代表大会第二次会议上 松岭县人民政府县长 赵明远 2024年1月12日"
        + _BODY
    )
    meta = _meta(text)
    assert (meta.speaker_title, meta.speaker, meta.delivered_on) == ("县长", "赵明远", "2024-01-12")


def test_a_meeting_held_at_a_place_written_with_yu_or_without_di():
    yu = "政府工作报告\n——2024年1月12日于松岭县第九届人民代表大会第二次会议上\n县长 赵明远" + _BODY
    assert (_meta(yu).jurisdiction, _meta(yu).delivered_on) == ("松岭县", "2024-01-12")
    short = "政府工作报告\n2024年1月12日在松岭县九届人大二次会议上\n县长 赵明远" + _BODY
    assert _meta(short).jurisdiction == "松岭县"


def test_the_title_on_its_own_line_above_the_name():
    text = (
        "政府工作报告\n——2024年1月12日在松岭县第九届人民代表大会第二次会议上\n松岭县人民政府代县长\n赵明远"
        + _BODY
    )
    assert _speaker(text) == ("代县长", "赵明远")


def test_news_speaker_who_speaks_at_the_meeting_or_while_reporting():
    opening = "1月12日，松岭县第九届人民代表大会第二次会议开幕。"
    assert _speaker(opening + "县长赵明远在会上作政府工作报告。\n") == ("县长", "赵明远")
    assert _speaker(opening + "县长赵明远在作政府工作报告时说，全县新建公园3个。\n") == ("县长", "赵明远")


def test_news_speaker_without_a_title_delegated_by_the_government():
    text = "1月12日上午，松岭县第九届人民代表大会第二次会议开幕。赵明远代表县人民政府作政府工作报告。\n"
    assert _speaker(text) == (None, "赵明远")


def test_a_news_story_that_says_the_report_reviewed_a_year():
    text = "松岭县九届人大二次会议开幕\n县长赵明远作政府工作报告。报告回顾了2023年的工作。\n"
    meta = _meta(text)
    assert (meta.review_year, meta.plan_year) == (2023, 2024)


def test_a_sentence_of_the_story_ends_the_header_before_a_site_word():
    text = (
        "松岭镇第九届人民代表大会第二次会议召开\n12月10日，松岭镇第九届人民代表大会第二次会议召开。\n热点\n"
    )
    assert _meta(text).speaker is None


# --- years named only by what is to be done, titles of a plan, numerals ---


def test_a_year_written_only_for_what_is_planned_is_the_plan_year():
    text = (
        "3月6日，松岭街道第一届议事代表大会第二次会议召开。代表们投票选出2024年八项民生实事项目。"
        "2024年民生实事项目包括新建公园4个。\n"
    )
    meta = _meta(text)
    # (a news item of the coming year's list has no review part: SCHEMA's review_year is null)
    assert (meta.review_year, meta.plan_year, meta.delivered_on) == (None, 2024, "2024-03-06")
    reviewed = "街道把招商引资放在首位。2022年街道完成税收8600万元；2022年完成投资12亿元。\n"
    assert (_meta(reviewed).review_year, _meta(reviewed).plan_year) == (2022, None)


def test_a_title_of_the_years_work_points_is_a_plan():
    meta = _meta("松岭镇2025年工作要点\n2025年，全镇将新建公园4个。\n")
    assert (meta.jurisdiction, meta.review_year, meta.plan_year) == ("松岭镇", None, 2025)


def test_a_news_outlet_named_as_the_source_is_no_jurisdiction():
    text = "松岭县以重点工作促发展\n发表时间：2024-03-18 来源：青禾市新闻传媒中心\n3月16日，九个重点项目集中亮相。\n"
    assert _meta(text).jurisdiction != "青禾市"
    office = "来源：松岭县人民政府\n全县新建公园3个。\n"
    assert _meta(office).jurisdiction == "松岭县"


def test_headings_with_years_in_chinese_numerals():
    text = "政府工作报告\n各位代表：\n一、二〇二三年工作回顾\n新建公园3个。\n二、二〇二四年工作安排\n新建公园4个。\n"
    assert (_meta(text).review_year, _meta(text).plan_year) == (2023, 2024)


def test_a_news_day_without_its_month_takes_the_pages_dateline():
    text = "发布时间：2024年02月01日\n30日，松岭县第九届人民代表大会第二次会议闭幕。\n"
    assert _meta(text).delivered_on == "2024-01-30"
    today = "2024-01-23 来源：松岭日报\n今日（23日）上午，松岭县第九届人民代表大会第二次会议开幕。\n"
    assert _meta(today).delivered_on == "2024-01-23"


def test_a_header_line_of_the_government_or_of_the_speakers_office_names_the_place():
    body = "各位代表：\n现在，我代表县人民政府向大会报告工作。\n一、2023年工作回顾\n新建公园3个。\n"
    assert _meta("政府工作报告\n松岭县人民政府\n（2024年1月12日）\n" + body).jurisdiction == "松岭县"
    assert _meta("松岭县人民政府县长赵明远\n（2024年1月12日）\n" + body).jurisdiction == "松岭县"
    assert _meta("松岭县县长 赵明远\n（2024年1月12日）\n" + body).jurisdiction == "松岭县"
    # a party committee issuing with the government is not part of the place
    joint = "政府工作报告\n中共松岭县委 松岭县人民政府\n（2024年1月12日）\n" + body
    assert _meta(joint).jurisdiction == "松岭县"
    # a name before the title is no place ("赵明远市长" is not 赵明远市)
    assert _meta("赵明远市长作政府工作报告\n" + body).jurisdiction is None


def test_a_short_meeting_name_with_di_before_the_session_or_a_plenary_after_it():
    body = "\n县长 赵明远\n各位代表：\n一、2023年工作回顾\n新建公园3个。\n"
    di = "政府工作报告\n——2024年1月12日在县九届人大第二次会议上" + body
    assert _meta(di).meeting == "九届人大第二次会议"
    plenary = "政府工作报告\n——2024年1月12日在松岭县九届人大二次会议第一次全体会议上" + body
    assert _meta(plenary).meeting == "九届人大二次会议"


def test_a_delivery_date_written_in_figures():
    body = "\n县长 赵明远\n各位代表：\n一、2023年工作回顾\n新建公园3个。\n"
    assert _meta("政府工作报告\n（2024.1.12）" + body).delivered_on == "2024-01-12"
    assert (
        _meta("政府工作报告\n——2024-01-12在松岭县第九届人民代表大会第二次会议上" + body).delivered_on
        == "2024-01-12"
    )
    # a page's publishing date is no delivery
    assert _meta("发布时间：2024-01-15\n政府工作报告" + body).delivered_on is None


def test_a_summary_with_a_part_of_plans_without_a_year_plans_the_next_year():
    text = (
        "松岭镇工作总结\n一、主要工作完成情况\n刚刚过去的2023年，全镇新建公园3个。\n二、存在的问题\n资金不足。\n"
        "三、下一步工作打算\n新建公园4个。\n"
    )
    assert (_meta(text).review_year, _meta(text).plan_year) == (2023, 2024)
    half = "松岭镇2024年上半年工作总结\n一、上半年工作完成情况\n新建公园3个。\n二、下半年工作打算\n新建公园4个。\n"
    assert (_meta(half).review_year, _meta(half).plan_year) == (2024, 2024)
    no_plans = "松岭镇2023年工作总结\n一、主要工作完成情况\n新建公园3个。\n"
    assert _meta(no_plans).plan_year is None


def test_a_later_year_in_a_heading_worded_like_a_review_is_the_plan():
    body = "新建公园3个。\n"
    text = "各位代表：\n一、2023年主要工作\n" + body + "二、2024年主要工作\n" + body
    sections = parse(text, text_only=True).sections
    assert [s.part for s in sections] == ["review", "plan"]
    facts = parse(text, text_only=True).facts
    assert [f.kind for f in facts] == ["actual", "target"]


def test_news_speaker_named_before_the_title_or_after_the_congress_heard_him():
    opening = "1月12日，松岭县第九届人民代表大会第二次会议开幕。"
    assert _speaker(opening + "赵明远县长代表县人民政府作政府工作报告。\n") == ("县长", "赵明远")
    assert _speaker(opening + "大会听取和审议了赵明远县长所作的政府工作报告。\n") == ("县长", "赵明远")
    assert _speaker(opening + "大会审议了县长赵明远代表县人民政府所作的政府工作报告。\n") == (
        "县长",
        "赵明远",
    )
    assert _speaker(opening + "会议听取了赵明远代表县人民政府所作的政府工作报告。\n") == (None, "赵明远")
    assert _speaker(opening + "会议听取了政府工作报告。\n") == (None, None)


def test_news_speaker_of_a_report_named_by_its_year_or_its_title():
    opening = "1月12日，松岭县第九届人民代表大会第二次会议开幕。"
    assert _speaker(opening + "县长赵明远作《2024年政府工作报告》。\n") == ("县长", "赵明远")
    assert _speaker(opening + "县长赵明远作了题为《奋楫笃行谱新篇》的政府工作报告。\n") == ("县长", "赵明远")


def test_the_title_after_a_government_is_not_part_of_the_name():
    text = "1月12日，松岭县第九届人民代表大会第二次会议开幕。县政府县长赵明远作政府工作报告。\n"
    assert _speaker(text) == ("县长", "赵明远")


def test_a_city_named_only_in_a_news_outlets_name_is_no_parent():
    head = "鄱阳县人民政府工作报告\n各位代表：\n在市委、市政府和县委的坚强领导下，全县新建公园3个"
    assert _meta(head + "。上饶日报记者报道。\n").parent is None
    assert _meta(head + "，融入上饶都市区发展。\n").parent == "上饶市"


def test_the_full_name_of_the_meeting_over_a_headlines_short_form():
    text = (
        "在松岭县九届人大二次会议上，县长赵明远作政府工作报告。\n"
        "松岭县第九届人民代表大会第二次会议于1月12日在县会议中心开幕。\n"
    )
    assert _meta(text).meeting == "第九届人民代表大会第二次会议"


def test_a_name_alone_between_the_title_and_the_meeting_line():
    body = "各位代表：\n一、2023年工作回顾\n新建公园3个。\n"
    text = "政府工作报告\n赵明远\n（2024年1月12日在松岭县第九届人民代表大会第二次会议上）\n" + body
    assert _speaker(text) == (None, "赵明远")
    menu = "松岭县政府工作报告\n热点\n正文\n" + body  # (no meeting line follows: a site's words)
    assert _speaker(menu) == (None, None)


def test_news_of_a_congress_that_only_plans_a_year_reviews_none():
    # (SCHEMA: review_year is the year of a review part, and this news item tells only of the plan)
    text = "1月12日，松岭县第九届人民代表大会第二次会议开幕。\n报告提出，2024年，全县将新建公园4个，2024年新增就业岗位1200个。\n"
    assert (_meta(text).review_year, _meta(text).plan_year) == (None, 2024)
    # the year before written as done: the news tells of a year reviewed
    done = text.replace("报告提出，", "报告指出，2023年全县新建公园3个。")
    assert (_meta(done).review_year, _meta(done).plan_year) == (2023, 2024)
    digest = "报告提出，2024年，全县将新建公园4个，2024年新增就业岗位1200个。\n"  # (no congress: a plan only)
    assert (_meta(digest).review_year, _meta(digest).plan_year) == (None, 2024)
