"""Plan texts (a report's 安排 part, a year's 国民经济和社会发展计划, a 工作要点 or 工作目标 without a
review, a news item of a plan, an account of a year's works): the thirteenth round's rules for their
metadata and the kinds of their numbers, each on a made-up text.

The sentences are invented; no place, project or figure is taken from a real report.
"""

from __future__ import annotations

from luoshi.reports.reader import parse


def _meta(text: str):
    return parse(text, text_only=True).meta


def _kinds(text: str):
    return [(f.value, f.kind) for f in parse(text, text_only=True).facts]


# --- the place of a notice that hands on a plan -------------------------------------------------


def test_a_city_whose_name_ends_in_a_suffix_character_is_named_whole():
    text = (
        "青乡市人民政府关于印发青乡市2024年国民经济和社会发展计划的通知\n"
        "各县(市)、区人民政府,市人民政府各部门:\n"
        "《青乡市2024年国民经济和社会发展计划》已经市十五届人大三次会议审议通过,现印发给你们。\n"
    )
    meta = _meta(text)
    assert (meta.jurisdiction, meta.level) == ("青乡市", "city")


# --- a plan with no review: its year, its part, the kinds of its numbers ----------------------------


def test_a_year_then_its_subject_that_will_act_plans_that_year():
    text = (
        "青禾镇2026年工作\n"
        "2026年,青禾镇将按照县委部署,计划新建道路12公里,预计新增就业岗位300个。"
        "同时,抓好粮食生产,粮食播种面积稳定在5万亩,年末生猪存栏2万头。\n"
    )
    meta = _meta(text)
    assert (meta.review_year, meta.plan_year) == (None, 2026)
    assert _kinds(text) == [(12, "target"), (300, "target"), (50000, "target"), (20000, "target")]


def test_a_heading_of_the_main_work_targets_is_a_plan_part():
    text = (
        "青禾镇主要工作目标\n"
        "2027年,青禾镇将在县委的领导下,全力建设生态旅游区。实施道路提升工程,"
        "总投资5000万元,新硬化道路8万平方米以上,全面完成3000亩高标准农田建设。\n"
    )
    report = parse(text, text_only=True)
    assert [(s.heading, s.part) for s in report.sections] == [("青禾镇主要工作目标", "plan")]
    assert report.meta.plan_year == 2027
    assert {f.kind for f in report.facts} == {"target"}


def test_an_anonymised_town_that_names_itself_is_a_town():
    text = (
        "市级重点镇主要工作目标\n"
        "xx镇是市政府确定的重点镇,2027年,xx镇将在县委的领导下,全力建设市级生态旅游区。"
        "新建道路6公里,改造农田2000亩。\n"
    )
    assert _meta(text).level == "town"


# --- a document site's notice ---------------------------------------------------------------------


def test_a_document_sites_numbered_notice_is_furniture():
    text = (
        "温馨提示:\n"
        "1. 部分文件查看预览时可能显示异常,文件下载后无此问题,请放心下载。\n"
        "2. 本文档由用户上传,版权归属用户。如对本文档版权有争议请及时联系客服。\n"
        "青禾镇2026年工作要点\n"
        "2026年,青禾镇将重点推进道路建设,新建道路10公里。\n"
    )
    report = parse(text, text_only=True)
    assert "本文档" not in report.text
    assert report.meta.plan_year == 2026
    assert [(f.value, f.kind) for f in report.facts] == [(10, "target")]


# --- a congress's news: the year told of first, then the one planned ----------------------------------


def test_a_congress_news_item_reviews_the_year_it_tells_of_and_plans_the_next():
    text = (
        "1月20日上午,青禾省十五届人大三次会议开幕。省长李青山作政府工作报告。\n"
        "报告指出:\n"
        "●2030年全省地区生产总值达到5.2万亿元、增长5.1%;\n"
        "2031年全省经济社会发展\n有这些目标\n"
        "报告提出,今年经济社会发展的主要预期目标是:地区生产总值增长5%左右。\n"
    )
    meta = _meta(text)
    assert (meta.review_year, meta.plan_year) == (2030, 2031)
    assert meta.delivered_on == "2031-01-20"


# --- an account of a year's works so far ------------------------------------------------------------


def test_an_account_of_the_year_so_far_reviews_it():
    text = (
        "2029年,我县重点工程项目共20项,总投资300亿元,当年计划投资40亿元。\n"
        "截止目前,这些工程总体推进有序,全年累计完成投资45亿元,投资完成率达110%。\n"
    )
    meta = _meta(text)
    assert (meta.review_year, meta.plan_year) == (2029, None)


def test_an_account_of_a_plans_progress_tells_what_was_done():
    text = (
        "青禾镇2026年度重点工作计划三季度执行情况\n"
        "序号\n重点工作\n完成情况\n"
        "1\n水库工程\n推进移民安置工作。\n安置进度达75%。\n"
        "2\n美丽城镇建设\n按照时间节点开展项目建设。\n12个项目完成投资2400万元。\n"
    )
    meta = _meta(text)
    assert (meta.review_year, meta.plan_year) == (None, 2026)
    assert _kinds(text) == [(75, "actual"), (12, "actual"), (24000000, "actual")]


# --- the place of a plan that names it once -------------------------------------------------------


def test_a_plan_that_names_its_place_once_in_the_close_of_its_general_requirements():
    text = (
        "2026年发展目标和重点工作\n"
        "今年政府工作的总体要求是:坚持稳中求进工作总基调,全力推动县域经济高质量发展,"
        "为建设美丽家园贡献桐庐力量。\n"
        "2026年主要预期目标是:地区生产总值增长6%左右,全县一般公共预算收入增长5%左右。\n"
    )
    meta = _meta(text)
    assert (meta.jurisdiction, meta.level) == ("桐庐", "county")


def test_a_plan_that_cites_a_document_of_its_own_government():
    text = (
        "为抓好2026年全县茶叶工作,特提出如下意见:\n"
        "一、目标任务\n2026年,全县种植茶叶3.2万亩。\n"
        "二、主要政策\n各乡镇要严格落实《婺源县人民政府办公室关于加强茶园保护的通知》要求,全县统筹推进。\n"
    )
    meta = _meta(text)
    assert (meta.jurisdiction, meta.level) == ("婺源县", "county")


def test_two_places_so_named_name_none():
    text = (
        "2026年发展目标和重点工作\n"
        "对于桐庐来说,今年是关键之年。全县上下要为建设美丽家园贡献婺源力量。\n"
        "全县地区生产总值增长6%左右。\n"
    )
    assert _meta(text).jurisdiction is None


# --- a bar that the things counted pass -------------------------------------------------------------


def test_an_amount_that_the_things_counted_pass_is_no_fact():
    text = (
        "青禾镇2026年工作要点\n"
        "2026年,青禾镇将壮大村级集体经济,新增4个村集体收入超过20万元。"
        "力争实现30%的村集体年收入超50万元。\n"
    )
    assert [(f.value, f.unit) for f in parse(text, text_only=True).facts] == [(4, "个"), (30, "%")]
    # (an amount a single subject passes, or that all of them pass, stays a fact)
    text = "青禾镇2026年工作要点\n2026年,青禾镇将壮大集体经济,确保8个村集体收入全部超过30万元。\n"
    assert [(f.value, f.unit) for f in parse(text, text_only=True).facts] == [(8, "个"), (300000, "元")]
    text = "青禾镇2026年工作要点\n2026年,青禾镇将壮大集体经济,全镇村集体收入总额超过800万元。\n"
    assert [(f.value, f.unit) for f in parse(text, text_only=True).facts] == [(8000000, "元")]


# --- a target given, then explained ---------------------------------------------------------------


def test_the_sentence_that_explains_a_target_restates_it():
    text = (
        "二、2026年工作安排\n"
        "经济社会发展主要预期目标是:地区生产总值增长5%左右,一般公共预算收入增长4%。\n"
        "确定经济增长5%左右的预期目标,主要是兼顾需要和可能。今年要实现增长6%的目标,新建学校3所。\n"
    )
    assert [(f.value, f.unit) for f in parse(text, text_only=True).facts] == [
        (5, "%"),
        (4, "%"),
        (6, "%"),
        (3, "所"),
    ]


def test_a_count_of_things_to_found_with_a_floor_is_a_fact():
    text = "青禾镇2026年工作要点\n2026年,青禾镇将力争创办8家以上的农民专业合作社,引进5家以上的加工企业。\n"
    assert [(f.value, f.unit, f.approx) for f in parse(text, text_only=True).facts] == [
        (8, "家", "以上"),
        (5, "家", "以上"),
    ]


# --- a plan whose title carries its place and year ------------------------------------------------


def test_a_title_of_key_points_or_of_tasks_names_the_place_and_the_year_planned():
    for title in ("青禾县2030年重点工作要点", "青禾县2030年重点任务安排", "青禾县2030年目标任务"):
        meta = _meta(title + "\n一、主要目标\n地区生产总值增长6%,新建道路20公里。\n")
        assert (meta.jurisdiction, meta.level, meta.review_year, meta.plan_year) == (
            "青禾县",
            "county",
            None,
            2030,
        ), title
    # (a sentence of prose that ends in 安排 names no place)
    meta = _meta("根据州人民政府安排,为做好2030年全县蔬菜生产,现提出以下意见:\n全县种植蔬菜3万亩。\n")
    assert meta.jurisdiction is None


def test_a_news_item_of_a_years_plan_of_projects_tells_targets():
    text = (
        "青禾省2030年重点建设项目计划印发\n"
        "近日,省发展改革委印发《青禾省2030年重点建设项目计划》,共安排省重点建设项目1200个,"
        "年度计划投资1万亿元。其中,新开工项目300个,续建项目900个。\n"
    )
    meta = _meta(text)
    assert (meta.review_year, meta.plan_year) == (None, 2030)
    assert {f.kind for f in parse(text, text_only=True).facts} == {"target"}


def test_a_title_with_the_year_first_or_in_chinese_numerals():
    meta = _meta(
        "2030年青禾县经济社会发展主要目标和重点任务\n一、主要目标\n地区生产总值增长6%左右。\n"
        "二、重点任务\n新建学校2所。\n"
    )
    assert (meta.jurisdiction, meta.level, meta.review_year, meta.plan_year) == (
        "青禾县",
        "county",
        None,
        2030,
    )
    meta = _meta("二〇三〇年松岭乡工作计划\n二〇三〇年,我乡将紧紧围绕县委部署,新建通村公路10公里。\n")
    assert (meta.jurisdiction, meta.level, meta.plan_year) == ("松岭乡", "town", 2030)


def test_a_title_line_that_ends_in_a_plan_word_names_the_place():
    meta = _meta("青禾镇下半年重点工作打算\n一、抓好项目建设。新建道路5公里。\n")
    assert (meta.jurisdiction, meta.level) == ("青禾镇", "town")


def test_a_development_zone_named_in_the_header_governs_as_a_county():
    meta = _meta("今日开发区·特别报道\n2030年目标任务\n实现地区生产总值增长6%以上,工业投资增长10%左右。\n")
    assert (meta.level, meta.plan_year) == ("county", 2030)


def test_a_development_plan_opening_with_the_year_before_is_no_plan_throughout():
    # a 国民经济和社会发展计划 reviews the year before first: its title announces no plan of every number
    text = (
        "青禾省人民政府关于印发《青禾省2030年国民经济和社会发展计划》的通知\n"
        "《青禾省2030年国民经济和社会发展计划》已经省人大会议审议通过，现印发给你们，请认真组织实施。\n"
        "青禾省2030年国民经济和社会发展计划\n"
        "2029年，全省上下坚持稳中求进，经济运行总体平稳。全省地区生产总值增长5.2%，粮食总产量达到300亿斤。\n"
    )
    assert {f.kind for f in parse(text, text_only=True).facts} == {"actual"}
