"""Metadata of openings and news stories, the seventeenth round's second wave: kinds of phrase and layout
the reader read otherwise than the annotators, each on a made-up text.

None of these sentences is copied from a real text; places, people and years are invented.
"""

from __future__ import annotations

from luoshi.reports.reader import structure
from luoshi.reports.tests.test_reader_r4_meta import _meta

# --- the speaker's own government under the place the meeting names ---------------------------------------


def test_a_district_head_under_a_city_s_meeting_line_gives_the_district():
    text = (
        "政府工作报告\n——2031年2月9日在青川市第七届人民代表大会第二次会议上\n"
        "青川市松岭区人民政府区长 韩冬青\n各位代表：\n"
        "现在，我代表区政府，向本次大会报告工作。\n一、2030年工作回顾\n全区新修道路12公里。\n"
    )
    meta = _meta(text)
    assert (meta.jurisdiction, meta.level, meta.parent) == ("松岭区", "county", "青川市")
    assert (meta.speaker_title, meta.speaker) == ("区长", "韩冬青")


def test_a_city_head_under_the_city_s_meeting_line_keeps_the_city():
    text = (
        "政府工作报告\n——2031年2月9日在青川市第七届人民代表大会第二次会议上\n"
        "青川市人民政府市长 韩冬青\n各位代表：\n"
        "现在，我代表市政府，向本次大会报告工作。\n一、2030年工作回顾\n全市新修道路12公里。\n"
    )
    meta = _meta(text)
    assert (meta.jurisdiction, meta.level) == ("青川市", "city")


# --- a run-together date alone on a line under the speaker ------------------------------------------------


def test_a_run_together_date_on_its_own_line_under_a_site_s_furniture():
    text = (
        "首页 >> 公开信息\n索引号: 0001\n发文日期: 2031-04-02\n发布机构: 白桦镇\n信息分类: 工作报告\n"
        "政府工作报告\n发表时间: 2031-04-02\n字体: 大 中 小\n"
        "政府工作报告\n——在白桦镇第八届人民代表大会第二次会议上\n白桦镇人民政府镇长 韩冬青\n"
        "2031318日)\n各位代表：\n现在，我代表镇政府，向本次大会报告工作。\n一、2030年工作回顾\n全镇新修道路12公里。\n"
    )
    meta = _meta(text)
    assert meta.delivered_on == "2031-03-18"


# --- a congress of two days told without its month: no one day the report was given -----------------------


def test_a_congress_of_two_days_gives_no_day_but_its_year():
    text = (
        "白桦镇第四届人民代表大会第二次会议胜利闭幕\n时间：2031-03-02 来源：白桦镇人大\n"
        "27日至28日，白桦镇第四届人民代表大会第二次会议在镇会议中心召开。\n"
        "会上，代表们审议了镇政府工作报告和2030年财政预算执行情况报告。\n"
    )
    meta = _meta(text)
    assert meta.delivered_on is None
    one_day = text.replace("27日至28日", "28日")
    assert _meta(one_day).delivered_on == "2031-02-28"


# --- a story's numbered list of projects: its entries are no sections ---------------------------------------


def test_a_story_s_numbered_list_of_projects_gives_no_sections_but_its_items():
    from luoshi.reports.reader import parse

    text = (
        "1月9日，白桦街道第二届社区代表会议第三次会议召开。会议表决通过了街道2031年度实事项目。\n\n"
        "白桦街道2031年十大实事项目\n\n"
        "一、新建社区食堂2家，为老年人提供助餐服务。\n\n"
        "二、完成3个小区的雨污分流改造。\n\n"
        "三、新增公共停车泊位200个。\n"
    )
    report = parse(text, name="story.txt", text_only=True)
    assert report.sections == []
    assert report.meta.plan_year == 2031


def test_a_report_s_numbered_parts_under_a_line_of_projects_stay_sections():
    from luoshi.reports.reader import parse

    text = (
        "政府工作报告\n各位代表：\n现在，我代表镇政府，向本次大会报告工作。今年我们将办好十件民生实事。\n"
        "一、2030年工作回顾\n全镇新修道路12公里。\n二、2031年工作安排\n新建公园3个。\n"
    )
    report = parse(text, name="report.txt", text_only=True)
    assert [s.heading for s in report.sections] == ["一、2030年工作回顾", "二、2031年工作安排"]


# --- a reporter who learnt the news at a place: the reporter is no part of the parent ----------------------


def test_the_parent_after_where_the_reporter_learnt_the_news():
    text = (
        "青川网消息：2031年3月2日，记者从青川市松岭区2031年民生实事新闻发布会上获悉，"
        "由区人大代表投票选出民生实事10件。\n松岭区委常委、常务副区长李青山介绍，今年将新建公园3个。\n"
        "松岭区将新建学校2所。松岭区将新修道路8公里。\n"
    )
    assert structure._parent("松岭区", "county", text, text, text, text) == "青川市"


# --- a street's council "顺利召开": the place that opens the story's sentence ---------------------------------


def test_a_meeting_that_went_smoothly_names_its_place_and_parent():
    text = (
        "青川网讯 10月9日，青川新区白桦街道第二届议事代表会议第三次会议顺利召开。"
        "与会代表听取了街道工作情况通报，围绕民生实事提出意见建议。\n"
    )
    meta = _meta(text)
    assert (meta.jurisdiction, meta.level, meta.parent) == ("白桦街道", "town", "青川新区")


def test_a_street_that_holds_its_council_names_itself():
    text = (
        "本文约1000字\n\n4月2日，第二届社区代表会议第一次会议在白桦街召开。\n\n"
        "白桦街道举行第二届社区代表会议第一次会议，会议表决通过了街道2031年实事项目。\n"
    )
    meta = _meta(text)
    assert (meta.jurisdiction, meta.level) == ("白桦街道", "town")


# --- "2031年工作总体要求" alone on a line: the plan's heading, no task ------------------------------------------


def test_a_year_s_general_requirements_head_the_plan():
    from luoshi.reports.reader import parse

    text = (
        "政府工作报告\n各位代表：\n现在，我代表镇政府，向本次大会报告工作。\n2030年工作回顾\n全镇新修道路12公里。\n"
        "2031年工作总体要求\n以发展为第一要务，统筹推进各项工作。\n（一）做强特色产业\n新建茶园500亩。\n"
    )
    report = parse(text, name="report.txt", text_only=True)
    assert [(s.heading, s.part) for s in report.sections] == [
        ("2030年工作回顾", "review"),
        ("2031年工作总体要求", "plan"),
    ]
    assert (report.meta.review_year, report.meta.plan_year) == (2030, 2031)
    assert "2031年工作总体要求" not in [item.name for item in report.items]
