"""Metadata of congress stories: kinds of phrase the sixteenth round's second wave showed the reader reading
otherwise than the annotators, each on a made-up text.

None of these sentences is copied from a real text; places, people and years are invented.
"""

from __future__ import annotations

from luoshi.reports.tests.test_reader_r4_meta import _meta

# --- a congress story of the report on a half year's work ---------------------------------------------------

_HALF_YEAR_STORY = (
    "松岭镇六届人大三次会议顺利闭幕\n发布日期：2031-07-22\n"
    "7月20日，松岭镇第六届人民代表大会第三次会议在镇文化中心举行，出席代表80人。\n"
    "会上，青禾区园区工委书记、园区主任、松岭镇党委副书记、镇长周明川作了《半年度政府工作报告》，"
    "报告回顾了上半年的各项工作，提出了下半年的目标任务。上半年，全镇完成固定资产投资3.2亿元，同比增长6.5%。\n"
)


def test_the_speaker_of_a_half_year_report_after_several_posts():
    meta = _meta(_HALF_YEAR_STORY)
    assert (meta.speaker_title, meta.speaker) == ("镇长", "周明川")


def test_the_speaker_of_a_report_on_the_first_half_year_named_in_brackets():
    text = (
        "白石镇开好六届人大二次会议\n发布时间：2031-07-26\n更多\n"
        "7月25日，白石镇第六届人民代表大会第二次会议举行，大会听取《白石镇上半年工作情况报告》"
        "和《2030年度财政决算报告》。\n"
        "镇长李青山代表白石镇人民政府向大会作《白石镇上半年工作情况报告》。上半年，全镇税收总额12.6亿元，"
        "同比增长8.2%。\n"
    )
    meta = _meta(text)
    assert (meta.speaker_title, meta.speaker) == ("镇长", "李青山")
    assert (meta.review_year, meta.plan_year) == (2031, None)


def test_a_story_of_a_half_year_report_plans_no_year():
    meta = _meta(_HALF_YEAR_STORY)
    assert meta.review_year == 2031
    assert meta.plan_year is None
    # the story of a whole year's report still plans the next
    whole = _HALF_YEAR_STORY.replace("7月20日", "1月20日").replace(
        "发布日期：2031-07-22", "发布日期：2031-01-22"
    )
    whole = whole.replace("《半年度政府工作报告》", "《政府工作报告》").replace("上半年", "2030年")
    assert _meta(whole).plan_year is not None


def test_a_finance_report_in_brackets_names_no_speaker_of_the_work_report():
    text = (
        "白石镇召开六届人大二次会议\n"
        "7月25日，白石镇第六届人民代表大会第二次会议举行。\n"
        "副镇长李青山向大会作《镇2030年度财政决算报告》。\n"
    )
    assert _meta(text).speaker is None


# --- a web table's borders around a title ----------------------------------------------------------------------


def test_a_title_in_a_web_table_s_borders_still_names_the_place():
    text = (
        "2031年松岭县人民政府工作报告 | ||||\n|\n||||\n"
        "——在松岭县第十二届人民代表大会第四次会议上 代县长 周明川 各位代表：我代表县政府作报告。"
        "一、2030年工作回顾 全县生产总值达到94.2亿元，增长5.6%。\n"
    )
    meta = _meta(text)
    assert (meta.jurisdiction, meta.level) == ("松岭县", "county")


def test_a_menu_between_bars_is_still_furniture():
    from luoshi.reports.reader.clean import _is_furniture

    menu = "首页 | 政务公开 | 新闻中心 | 互动交流"
    assert _is_furniture(menu, menu) == "menu or metadata table"
    framed = "| 首页 | 政务公开 | 新闻中心 |"
    assert _is_furniture(framed, framed) == "menu or metadata table"
    title = "2031年松岭县人民政府工作报告 | ||||"
    assert _is_furniture(title, title) is None


# --- a congress that examines the draft of a five-year plan ---------------------------------------------------


def test_a_congress_examining_a_five_year_plan_s_draft_plans_its_first_year():
    text = (
        "县十二届人大五次会议在青溪隆重开幕\n周明川作政府工作报告\n"
        "审查松岭县第十五个五年规划纲要草案\n"
        "2月25日下午，松岭县第十二届人大第五次会议在县剧院开幕。\n"
        "县长周明川作政府工作报告。报告指出，过去五年，全县生产总值每年平均增长5.8%，"
        "农民收入由2020年的15000元增加到19000元。\n"
    )
    meta = _meta(text)
    assert (meta.review_year, meta.plan_year) == (2025, 2026)
    # the same with the period's short name
    short = text.replace("第十五个五年规划纲要草案", "“十五五”规划纲要（草案）")
    assert (_meta(short).review_year, _meta(short).plan_year) == (2025, 2026)


def test_a_five_year_plan_s_draft_sets_no_year_outside_a_congress():
    text = "松岭县召开座谈会，就第十五个五年规划纲要草案征求意见。2020年以来，全县新建道路40公里。\n"
    meta = _meta(text)
    assert meta.meeting is None and meta.plan_year != 2026
