"""Metadata of kinds of header the eighth round's training openings showed the reader missing.

Every sentence here is made up; each reproduces only the *kind* of phrase or layout that failed.
"""

from __future__ import annotations

from luoshi.reports.tests.test_reader_r4_meta import _meta, _speaker

_OPENING = "各位代表：\n现在，我代表县人民政府，向大会报告工作，请予审议。\n一、2024年工作回顾\n"


# --- the speaker ---


def test_the_speaker_named_with_the_day_in_the_titles_brackets():
    text = "青禾省政府工作报告（2025年1月12日 李青山）\n\n" + _OPENING.replace("县", "省")
    meta = _meta(text)
    assert (meta.speaker_title, meta.speaker, meta.delivered_on) == (None, "李青山", "2025-01-12")
    # a line with the title and the name below says more
    titled = "青禾省政府工作报告（2025年1月12日 李青山）\n  省长 李青山\n" + _OPENING.replace("县", "省")
    assert _speaker(titled) == ("省长", "李青山")


def test_a_header_run_into_the_salutation_on_one_line():
    line = "2025年青禾县人民政府工作报告 政 府 工 作 报 告 2025年1月6日在青禾县第十六届人民代表大会第一次会议上 县长 李青山 "
    text = line + "各位代\n" + line + "各位代表：现在，我代表县人民政府向大会报告工作，请予审议。\n"
    assert _speaker(text) == ("县长", "李青山")


# --- the date ---


def test_eight_figures_in_brackets_after_the_title_are_the_day():
    text = "白石镇2025年政府工作报告(20250114)\n" + _OPENING.replace("县", "镇")
    assert _meta(text).delivered_on == "2025-01-14"
    # not a day: no date
    assert _meta(text.replace("20250114", "20251399")).delivered_on is None


def test_the_day_a_report_was_adopted_is_not_the_day_it_was_delivered():
    text = "政府工作报告\n——2025年1月9日青禾县第七届人民代表大会第六次会议通过\n县长 李青山\n" + _OPENING
    meta = _meta(text)
    assert meta.delivered_on is None
    assert (meta.review_year, meta.meeting) == (2024, "第七届人民代表大会第六次会议")
    delivered = text.replace("第六次会议通过", "第六次会议上")
    assert _meta(delivered).delivered_on == "2025-01-09"


# --- the place and its level ---


def test_a_title_naming_a_street_office_under_its_district():
    text = "2024年青禾市松岭区人民政府白石街道办事处工作总结\n\n2024年是不平凡的一年。街道新建公园3个。\n"
    meta = _meta(text)
    assert (meta.jurisdiction, meta.level, meta.parent) == ("白石街道", "town", "松岭区")


def test_a_municipality_ranks_with_the_provinces():
    text = "重庆市人民政府工作报告\n——2031年1月9日在重庆市第九届人民代表大会第二次会议上\n" + _OPENING
    meta = _meta(text)
    assert (meta.jurisdiction, meta.level) == ("重庆市", "province")


def test_a_kind_of_place_in_a_title_is_no_name():
    text = "乡镇年度工作总结和下阶段工作思路\n一、工作总结\n今年，全镇新建公园3个。\n"
    assert _meta(text).jurisdiction is None


# --- the years ---


def test_an_anonymised_year_told_by_its_place_in_the_plan_period():
    text = "某镇工作总结\n一、xxxx年工作总结\nxxxx年是“十四五”的开局之年。一年来，全镇新建公园3个。\n"
    assert _meta(text).review_year == 2021
    closing = text.replace("“十四五”的开局之年", "“十三五”收官之年")
    assert _meta(closing).review_year == 2020


def test_the_year_a_title_names_over_a_five_year_review_is_the_year_planned():
    text = (
        "青禾镇2017政府工作报告\n现在，我代表镇人民政府向大会作报告。\n一、“十二五”工作回顾\n"
        "五年来，全镇新建公园3个。\n"
    )
    meta = _meta(text)
    assert (meta.review_year, meta.plan_year) == (2015, 2017)
    # a title year no later than the year reviewed says nothing of the plan
    assert _meta(text.replace("2017政府", "2015政府")).plan_year == 2016
