"""Metadata: conventions and kinds of header the tenth round's training openings showed the reader
missing.

Every sentence here is made up; each reproduces only the *kind* of phrase or layout that failed.
"""

from __future__ import annotations

from luoshi.reports.tests.test_reader_r4_meta import _meta, _speaker

_REVIEW = "一、2023年工作回顾\n2023年，松岭街道在区委的坚强领导下，新建口袋公园3个。\n"


def test_an_opening_that_stops_in_its_review_plans_the_year_after():
    meta = _meta("相关链接:\n" + _REVIEW)
    assert (meta.review_year, meta.plan_year) == (2023, 2024)
    # a page titled as that year's summary plans no year of its own
    assert _meta("松岭街道2023年工作总结\n" + _REVIEW).plan_year is None


def test_a_superior_with_a_longer_name_is_named_whole():
    text = (
        "一、2023年工作回顾\n2023年，在鄂托克前旗委、旗人民政府的坚强领导下，青禾镇新建公园3个。"
        "按照鄂托克前旗人民政府统一部署，完成道路改造2条。\n"
    )
    assert _meta(text).parent == "鄂托克前旗"


def test_a_province_in_brackets_before_a_city_government_title():
    text = "网站导航\n(湖南省)青禾市人民政府工作报告\n——2031年2月9日在青禾市第九届人民代表大会第三次会议上\n"
    meta = _meta(text)
    assert (meta.jurisdiction, meta.level, meta.parent) == ("青禾市", "city", "湖南省")


def test_a_nominee_for_the_office_and_a_page_button_above_the_name():
    text = (
        "政府工作报告\n——在青禾镇第四届人民代表大会第二次会议上\n来源:青禾镇人民政府\n保存\n"
        "青禾镇党委副书记、镇长提名人选  李青山\n各位代表：\n"
    )
    assert _speaker(text) == ("镇长提名人选", "李青山")


def test_a_half_year_report_to_the_congress_still_plans_no_year():
    text = "松岭镇半年工作报告\n——2023年7月8日在松岭镇人民代表大会上\n各位代表：\n一、2023年上半年工作回顾\n新建公园3个。\n"
    assert _meta(text).plan_year is None


_VOTE_NEWS = (
    "青禾县第九届人民代表大会第三次会议票决产生2026年八件民生实事\n"
    "3月2日，青禾县第九届人民代表大会第三次会议举行，代表们投票选出2026年八件民生实事项目。"
    "2026年，全县将新建口袋公园12个，改造农村公路40公里。\n"
)


def test_a_passage_that_only_plans_reviews_no_year():
    # the schema's review_year is the year of a review part: a news item of a coming year's list has none
    meta = _meta(_VOTE_NEWS)
    assert (meta.review_year, meta.plan_year) == (None, 2026)
    # a heading of a coming year's task placed first is no review either
    tasks = (
        "青禾县第九届人民代表大会第三次会议票决产生2026年十件民生实事\n一、2026年村道提升工程\n"
        "在9个乡镇改造村道30公里，安装路灯800盏。\n二、城区供水管网改造工程\n改造供水管网25公里。\n"
    )
    assert (_meta(tasks).review_year, _meta(tasks).plan_year) == (None, 2026)


def test_a_passage_with_words_of_a_review_or_to_the_deputies_keeps_its_year():
    reviewed = _VOTE_NEWS.replace("举行，", "举行，县长在报告中回顾了过去一年的工作，")
    assert (_meta(reviewed).review_year, _meta(reviewed).plan_year) == (2025, 2026)
    speech = _VOTE_NEWS.replace("3月2日", "各位代表：\n3月2日")
    assert _meta(speech).review_year == 2025


def test_an_account_of_a_year_done_that_plans_nothing_keeps_its_year():
    # (no heading and no word of a review, but it tells of a year past and plans none)
    text = (
        "青禾县2025年民生实事项目完成情况\n2025年，青禾县新建口袋公园12个，改造农村公路40公里，均已完成。\n"
    )
    assert (_meta(text).review_year, _meta(text).plan_year) == (2025, None)


def test_a_site_title_with_the_province_in_brackets_and_no_meeting_line():
    # (a part of the report under the site's title: no line of the meeting names the place)
    body = "\n  二、2026年主要目标和重点工作\n  加快乡村振兴，打造20个示范村。\n"
    meta = _meta("网站导航\n(湖南省)岳阳市平江县人民政府工作报告(2026年1月9日)" + body)
    assert (meta.jurisdiction, meta.level, meta.parent) == ("平江县", "county", "岳阳市")
    meta = _meta("网站导航\n(湖南)岳阳市人民政府工作报告(2026年)" + body)
    assert (meta.jurisdiction, meta.level) == ("岳阳市", "city")


def test_a_news_headline_of_a_list_names_the_place():
    body = "\n来源：某某网\n3月5日，代表们投票选出十件实事，新建口袋公园12个。\n"
    meta = _meta("平江县人大代表票决2026年十件民生实事" + body)
    assert (meta.jurisdiction, meta.level) == ("平江县", "county")
    assert _meta("2026年松岭区政府实事项目公布" + body).jurisdiction == "松岭区"
    # the place whole (not 白石市 of 白石市镇), and no 今年 before it
    assert _meta("白石市镇十件民生实事项目出炉" + body).jurisdiction == "白石市镇"
    assert _meta("今年岳阳市十件民生实事出炉" + body).jurisdiction != "今年岳阳市"
