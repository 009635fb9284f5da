"""Metadata of kinds of header the ninth round's training openings showed the reader missing.

Every sentence here is made up; each reproduces only the *kind* of phrase or layout that failed.
"""

from __future__ import annotations

from luoshi.reports.tests.test_reader_r4_meta import _meta, _speaker

_BODY = "一、2024年工作回顾\n2024年，街道上下齐心协力，新建公园3个。\n"


def test_a_report_put_out_the_year_after_its_review_plans_that_year():
    text = "松岭街道2024年工作报告\n发布时间 | 2025-01-20 |\n" + _BODY
    meta = _meta(text)
    assert (meta.review_year, meta.plan_year) == (2024, 2025)
    # without a date nothing says which year it plans
    assert _meta("松岭街道2024年工作报告\n" + _BODY).plan_year is None


def test_the_office_that_put_the_page_out_names_the_place():
    text = (
        "索引号 | 1234/2025-001 | 成文日期 | 2025-02-11 |\n发布机构 | 松岭街道 | 分类 | 工作报告 |\n" + _BODY
    )
    assert (_meta(text).jurisdiction, _meta(text).level) == ("松岭街道", "town")
    office = "发布机构: 青禾区政府办 发文日期: 2025-01-08\n" + _BODY.replace("街道", "全区")
    assert _meta(office).jurisdiction == "青禾区"


def test_a_semicolon_typed_for_the_colon_between_title_and_name():
    text = "2025年1月9日在青禾县第八届人民代表大会第四次会议上县长;李青山各位代表：现在，我代表县人民政府报告工作。\n"
    assert _speaker(text) == ("县长", "李青山")


def test_a_title_alone_under_the_meeting_line():
    text = "青禾区人民政府工作报告\n——2025年1月9日在青禾区第五届人民代表大会第三次会议上\n\n青禾区区长\n\n各位代表：\n"
    assert _speaker(text) == ("区长", None)


def test_a_watermark_glued_after_a_bracket_hides_no_speaker():
    header = (
        "松岭区人民政府工作报告Qz7\nQz7\n(2025年1月9日在松岭区第五届人大第三次会议第一次全体会议上)Qz7松岭区人民政府代区长李青山Qz7\n"
        "Qz7\n各位代表:Qz7\n现在,我代表区政府向大会作工作报告。Qz7\n"
    )
    assert _speaker(header) == ("代区长", "李青山")


def test_a_date_run_together_without_its_day_mark_and_a_meeting_without_numbers():
    text = "──20250108在区第九届人民代表大会第次会议上\n\n区长 李青山\n\n各位代表：\n"
    meta = _meta(text)
    assert (meta.delivered_on, meta.meeting) == ("2025-01-08", "第九届人民代表大会第次会议")


def test_a_lake_named_like_a_district_is_no_mention_of_it():
    text = (
        "区长 李青山\n各位代表：\n现在，我代表区人民政府，向大会报告工作。\n一、2024年工作回顾\n"
        "完成梁子湖湿地保护规划，梁子湖生态旅游规划同步开展。区人大、区政协监督有力。\n"
    )
    assert _meta(text).jurisdiction is None


def test_a_city_only_in_a_quoted_name_is_no_parent():
    text = (
        "各位代表：\n现在，我代表肇州县人民政府，向大会报告工作。\n一、2024年工作回顾\n"
        "在市委、市政府和县委的坚强领导下，货运班列“大庆号”开行20列。\n"
    )
    assert _meta(text).parent is None
    # written outside quotes it is
    assert _meta(text.replace("货运班列“大庆号”", "大庆货运班列")).parent == "大庆市"
