"""Round 19: the part of a plan's first heading — a heading of expected figures, a plan titled as one
above its first heading, the guiding thought of a plan that says it sums up the year past.

Every sentence here is made up for its test (invented places); none comes from a report.
"""

from luoshi.reports.reader import parse


def _parts(text: str) -> list[tuple[str, str]]:
    return [(s.heading, s.part) for s in parse(text, text_only=True).sections]


# --- a heading of expected figures --------------------------------------------------------------------


EXPECTED = (
    "一、{head}\n"
    "地区生产总值增长6%左右，固定资产投资增长8%以上。\n"
    "二、重点工作\n"
    "加快松岭产业园建设，新建道路12公里。\n"
)


def test_a_heading_of_expected_figures_is_planned():
    assert _parts(EXPECTED.format(head="主要预期指标"))[0] == ("一、主要预期指标", "plan")


def test_expected_figures_done_are_reviewed():
    # (what was done by them: 完成情况 is a review's word first)
    assert _parts(EXPECTED.format(head="主要预期指标完成情况"))[0] == ("一、主要预期指标完成情况", "review")


# --- a plan titled as one above its first heading ---------------------------------------------------


TITLED = (
    "{title}\n"
    "{opening}我们要坚持稳中求进，扎实推进松岭镇高质量发展。\n"
    "一、聚力产业兴镇，培育发展新动能\n"
    "新引进项目12个，建成标准厂房3万平方米。\n"
)


def test_a_plan_titled_as_one_opens_in_its_plan():
    text = TITLED.format(title="青禾镇人民政府2031年工作要点", opening="2031年是关键之年。")
    assert _parts(text) == [("一、聚力产业兴镇，培育发展新动能", "plan")]


def test_a_title_over_a_year_past_told_is_no_plan_yet():
    # (the year past told above the heading: its first heading is the review's)
    text = TITLED.format(title="青禾镇人民政府2031年工作要点", opening="过去一年，全镇上下团结奋进。")
    assert _parts(text) == [("一、聚力产业兴镇，培育发展新动能", "review")]


def test_a_title_that_names_no_plan_opens_nothing():
    text = TITLED.format(title="青禾镇人民政府2031年工作报告", opening="2031年是关键之年。")
    assert _parts(text) == [("一、聚力产业兴镇，培育发展新动能", "review")]


# --- the guiding thought of a plan that sums up the year past ---------------------------------------


GUIDED = (
    "2031年是松岭镇加快发展的关键之年。新一年政府工作的指导思想是：坚持稳中求进，{said}，"
    "动员全镇上下实干争先。\n"
    "今年经济社会发展的主要预期目标是：一般公共预算收入增长5%左右，固定资产投资增长10%左右。\n"
    "一、坚持项目为王，壮大实体经济\n"
    "新开工项目8个。\n"
)


def test_summing_up_the_year_past_is_no_review():
    text = GUIDED.format(said="认真总结去年工作，研究部署今年任务")
    assert _parts(text) == [("一、坚持项目为王，壮大实体经济", "plan")]


def test_the_year_past_told_is_a_review():
    text = GUIDED.format(said="去年全镇经济平稳运行")
    assert _parts(text) == [("一、坚持项目为王，壮大实体经济", "review")]


# --- a page's title that opens with its place's name and the year ---------------------------------


PAGE = (
    "• 主题分类：\n政务公开\n• 发布机构：\n青禾镇\n• 成文日期：\n2031-03-20\n"
    "{title}\n"
    "2031年是青禾镇加快发展的关键之年。全年计划新建农村公路8公里，新增就业岗位300个。\n"
)


def test_a_title_with_its_place_and_year_is_no_part():
    assert _parts(PAGE.format(title="青禾镇2031年工作计划")) == []
    assert _parts(PAGE.format(title="青禾镇2031年工作计划\n青禾镇2031年工作计划")) == []


def test_a_heading_of_the_year_without_a_place_is_a_part():
    assert _parts(PAGE.format(title="2031年工作计划")) == [("2031年工作计划", "plan")]


# --- a page's buttons and its place's name on a line of their own are no speaker ---------------------


NEWS_PAGE = (
    "青禾镇第五届人民代表大会第三次会议召开\n"
    "日期：2031-01-12\n"
    "{line}\n"
    "1月12日，青禾镇第五届人民代表大会第三次会议召开，56名代表出席会议。\n"
)


def test_font_size_buttons_are_no_speaker():
    assert parse(NEWS_PAGE.format(line="大中小"), text_only=True).meta.speaker is None
    assert parse(NEWS_PAGE.format(line="标题导航"), text_only=True).meta.speaker is None


def test_the_places_name_alone_is_no_speaker():
    meta = parse(NEWS_PAGE.format(line="青禾"), text_only=True).meta
    assert meta.jurisdiction == "青禾镇"
    assert meta.speaker is None


def test_a_name_on_a_line_of_its_own_is_still_a_speaker():
    text = "青禾县人民政府工作报告\n——2031年1月8日在青禾县第九届人民代表大会第四次会议上\n县长 李松岭\n各位代表：\n"
    meta = parse(text, text_only=True).meta
    assert (meta.speaker_title, meta.speaker) == ("县长", "李松岭")


# --- a site's pinyin after the characters: the headings as the page shows them -----------------------


GLOSSED = (
    "青禾縣人民政府工作報(bào)告\n"
    "——2031年1月8日在青禾縣第九屆人民代表大會(huì)第四次會(huì)議上\n"
    "各位代表：\n"
    "一、2030年工作回顧\n"
    "全縣地區(qū)生產(chǎn)總值增長6%。\n"
    "二、2031年工作安排\n"
    "新建道路12公里。\n"
)


def test_a_glossed_heading_keeps_the_pinyin():
    r = parse(GLOSSED, text_only=True)
    assert [s.heading for s in r.sections] == ["一、2030年工作回顧", "二、2031年工作安排"]
    assert "(jì)" not in r.text  # (the text read is still without it)


def test_a_place_and_a_meeting_are_named_without_the_pinyin():
    r = parse(GLOSSED.replace("青禾縣人民政府", "青禾縣(xiàn)人民政府"), text_only=True)
    assert r.meta.jurisdiction == "青禾縣"
    assert r.meta.meeting == "第九屆人民代表大會第四次會議"
