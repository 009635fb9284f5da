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
