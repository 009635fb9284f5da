"""Metadata of kinds of text the fourth blind corpus's second half showed the reader missing (issue 18).

Every sentence here is made up; each reproduces only the *kind* of phrase or layout that failed.
"""

from __future__ import annotations

from luoshi.reports.reader import parse
from luoshi.reports.tests.test_reader_r4_meta import _meta

# --- places ---


def test_an_autonomous_region_is_a_province_not_a_district():
    text = "政府工作报告\n——在青雪自治区第九届人民代表大会第二次会议上\n各位代表：\n现在，我代表青雪自治区人民政府向大会报告工作。\n"
    meta = _meta(text)
    assert (meta.jurisdiction, meta.level) == ("青雪自治区", "province")


def test_a_bare_autonomous_county_is_named_by_its_header_line():
    text = (
        "政府工作报告\n（2024年2月3日在自治县九届人大三次会议上）\n青禾苗族自治县人民政府县长 李青山\n"
        "各位代表：\n现在，我代表自治县人民政府向大会报告工作，请予审议。\n"
    )
    meta = _meta(text)
    assert (meta.jurisdiction, meta.level) == ("青禾苗族自治县", "county")
    assert (meta.speaker_title, meta.speaker) == ("县长", "李青山")


def test_a_chain_of_divisions_names_the_place_and_its_parent():
    text = (
        "近日，青禾省松岭市白石县青山镇的人大代表齐聚一堂，共商发展大计。代表们表示，2026年，将继续推进乡村振兴。\n"
        "本次人代会听取了《政府工作报告》《2025年镇财政预算执行情况和2026年财政预算草案的报告》。\n"
    )
    meta = _meta(text)
    assert (meta.jurisdiction, meta.level, meta.parent) == ("青山镇", "town", "白石县")
    # a congress news story whose first year is one to come: that year planned, the one before reviewed
    assert (meta.review_year, meta.plan_year) == (2025, 2026)


# --- a site's watermark glued to the header's lines ---


def test_a_watermark_at_line_ends_hides_neither_speaker_nor_meeting():
    text = (
        "（青禾省）2023年松岭市人民政府工作报告（全文）\n"
        "2023年1月12日在松岭市第九届人民代表大会58K\n第三次会议上58K\n代市长周一帆58K\n各位代表：58K\n"
        "现在，我代表市人民政府向大会报告工作。58K\n"
    )
    meta = _meta(text)
    assert (meta.speaker_title, meta.speaker) == ("代市长", "周一帆")
    assert meta.meeting == "第九届人民代表大会第三次会议"


def test_an_autonomous_regions_chairman_is_its_speaker():
    text = (
        "政府工作报告\n——2024年1月8日在青雪自治区第九届人民代表大会第二次会议上\n自治区主席 李青山\n"
        "各位代表：\n现在，我代表自治区人民政府向大会报告工作。\n"
    )
    meta = _meta(text)
    assert (meta.speaker_title, meta.speaker) == ("自治区主席", "李青山")


# --- years ---


def test_a_title_year_of_a_government_report_is_the_plan_not_a_dominant_year():
    text = (
        "2024年松岭县人民政府工作报告\n2024年松岭县人民政府工作报告\n"
        "各位代表：\n现在，我代表县人民政府向大会报告工作。\n一、过去五年政府工作回顾\n"
        "过去五年，是松岭县发展史上极不平凡的五年。\n"
    )
    meta = _meta(text)
    assert (meta.review_year, meta.plan_year) == (2023, 2024)


def test_a_period_after_the_review_heading_is_not_the_year_reviewed():
    text = (
        "政府工作报告\n2021年11月20日在青禾县第十届人民代表大会第一次会议上\n县长 李青山\n各位代表：\n"
        "现在，我代表县人民政府向大会报告工作。\n一、本届政府工作回顾\n2017年以来，面对复杂形势，我们攻坚克难。\n"
    )
    assert _meta(text).review_year == 2021


def test_a_five_year_review_measured_against_its_base_year():
    text = (
        "各位代表：\n现在，我代表区人民政府向大会报告工作。\n一、过去五年工作回顾\n"
        "过去的五年，是青禾区发展很不平凡的五年。地区生产总值达到820亿元，是2015年的1.6倍；"
        "一般公共预算收入达到61亿元，是2015年的1.4倍。\n"
    )
    meta = _meta(text)
    assert (meta.review_year, meta.plan_year) == (2020, 2021)


def test_the_meeting_says_which_year_it_sums_up():
    text = (
        "5月6日，青禾区松岭镇第七届人民代表大会第二次会议召开。\n会议指出，2023年，全镇上下坚持稳中求进，"
        "经济社会持续向好。\n"
    )
    meta = _meta(text)
    assert (meta.review_year, meta.plan_year) == (2023, 2024)


# --- meetings and dates ---


def test_a_body_named_by_its_members():
    text = "11月20日，青禾区松岭街道召开第二届居民代表第三次会议，与会代表审议了多项报告。会上对2025年工作进行认真总结。\n"
    meta = _meta(text)
    assert meta.meeting == "第二届居民代表第三次会议"
    assert (meta.review_year, meta.plan_year) == (2025, 2026)
    assert meta.delivered_on == "2025-11-20"  # (a congress late in the year meets in the year it reviews)


def test_a_news_story_dates_the_meeting_after_naming_it():
    text = (
        "松岭镇第十二届人民代表大会在镇党委的领导下，经过精心筹备，于2019年4月16日顺利召开。"
        "代表们认为，镇政府在2018年的工作中取得了显著成绩。\n"
    )
    meta = _meta(text)
    assert meta.meeting == "第十二届人民代表大会"  # (named without its session)
    assert meta.delivered_on == "2019-04-16"
    assert (meta.review_year, meta.plan_year) == (2018, 2019)


def test_a_meeting_of_several_days_has_no_one_day():
    text = (
        "3月30日至31日，青山镇第五届人民代表大会第六次会议胜利召开。大会听取并审议了镇党委委员、常务副镇长"
        "周一帆同志所作青山镇人民政府工作报告。\n"
    )
    meta = _meta(text)
    assert meta.delivered_on is None
    assert (meta.speaker_title, meta.speaker) == ("常务副镇长", "周一帆")


def test_a_catalogues_line_names_the_speaker_and_the_day():
    text = (
        "2024年松岭县人民政府工作报告\n2024年松岭县人民政府工作报告 制定机关：松岭县人民政府"
        "（主讲人为时任松岭县县长李青山） 2024年2月6日 |\n各位代表：\n现在，我代表县人民政府向大会报告工作。\n"
    )
    meta = _meta(text)
    assert (meta.speaker_title, meta.speaker, meta.delivered_on) == ("县长", "李青山", "2024-02-06")


def test_a_run_together_date_read_only_when_it_reads_one_way():
    head = "青山镇2025年政府工作报告\n——{}日在青山镇第十五届人民代表大会第七次会议上\n镇长候选人 周一帆\n各位代表：\n"
    meta = _meta(head.format("2025227"))
    assert meta.delivered_on == "2025-02-27"
    assert (meta.speaker_title, meta.speaker) == ("镇长候选人", "周一帆")
    assert _meta(head.format("2025112")).delivered_on is None  # (1-12 or 11-2)


def test_an_unnumbered_heading_of_a_years_review_of_more_than_its_work():
    text = (
        "政府工作报告\n各位代表：\n现在，我代表镇人民政府向大会报告工作。\n2025年工作和本届政府回顾\n"
        "一年来，全镇经济稳步增长，完成固定资产投资5亿元。\n2026年工作安排\n今年要坚持稳中求进。\n"
    )
    sections = parse(text, text_only=True).sections
    assert [(s.heading, s.part) for s in sections] == [
        ("2025年工作和本届政府回顾", "review"),
        ("2026年工作安排", "plan"),
    ]


def test_an_autonomous_prefecture_above_a_county_by_its_usual_short_form():
    text = (
        "政府工作报告\n各位代表：\n现在，我代表巴东县人民政府向大会报告工作。\n一、2023年工作回顾\n"
        "一年来，在省委省政府、州委州政府和县委的坚强领导下，我们主动融入全省发展大局，"
        "积极参与恩施州旅游环线建设，全县经济稳步增长。\n"
    )
    meta = _meta(text)
    assert (meta.jurisdiction, meta.parent) == ("巴东县", "恩施州")


def test_a_unit_at_line_ends_is_no_watermark():
    from luoshi.reports.reader.structure import _unmarked

    text = "新建道路12km\n改造管网8km\n铺设光缆30km\n"
    assert _unmarked(text, text) == (text, text)
    marked = "新建道路Qk7\n改造管网Qk7\n铺设光缆Qk7\n"
    assert _unmarked(marked, marked)[0] == "新建道路   \n改造管网   \n铺设光缆   \n"
