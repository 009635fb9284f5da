"""Metadata of passages and plan texts: kinds of phrase and layout the sixteenth round's training texts
showed the reader reading otherwise than the annotators, each on a made-up text.

None of these sentences is copied from a real text; places, people and years are invented.
"""

from __future__ import annotations

from luoshi.reports.tests.test_reader_r4_meta import _meta

# --- "YYYY年是…，做好今年工作…": the sentence that opens a plan names the year planned -------------------

_NOTICE = (
    "4月2日，青溪盟行政公署下达青溪盟2031年经济社会发展年度计划。\n"
    "计划提出，继续把产业招商作为全盟一号工程，推动新材料产业集聚发展。\n"
    "青溪盟行政公署关于下达青溪盟2031年经济社会发展年度计划的通知\n"
    "各旗县人民政府，盟各委、办、局：\n"
    "《青溪盟2031年经济社会发展年度计划》已经盟人大工作委员会九届三次会议审议通过，现予下达，请认真贯彻实施。\n"
    "青溪盟行政公署\n2031年4月2日\n（此件公开发布）\n"
    "2031年是推进产业转型的攻坚之年，也是落实五年规划的冲刺之年，做好今年工作责任重大。"
    "要围绕落实盟委2030年第五次全体会议部署，全盟地区生产总值增长6%左右，新建标准化厂房20万平方米。\n"
)


def test_the_year_of_this_year_s_work_is_planned_not_the_year_before_a_notice_s_day():
    meta = _meta(_NOTICE)
    assert (meta.review_year, meta.plan_year) == (None, 2031)


def test_a_congress_story_that_opens_a_plan_so_reviews_the_year_before():
    text = (
        "一图读懂2031年松岭县政府工作报告\n"
        "1月16日，松岭县第十二届人民代表大会第七次会议召开。松岭县政府工作报告指出，"
        "2031年是深化改革的关键之年，也是松岭加快发展的重要之年，做好今年政府工作意义重大。\n"
        "松岭将聚焦产业升级、城乡融合、民生保障三大方面，奋力推动高质量发展。\n"
        "砥砺前行的2030年\n过去一年，松岭县新建农村公路45公里，新增城镇就业3200人。\n"
    )
    meta = _meta(text)
    assert (meta.review_year, meta.plan_year, meta.delivered_on) == (2030, 2031, "2031-01-16")


def test_a_plan_year_opening_sentence_without_this_year_s_work_is_no_plan_year():
    # (an opening "YYYY年是…" that goes on to what was done stays the year reviewed)
    text = (
        "政府工作报告\n——2031年1月8日在白石镇第七届人民代表大会第六次会议上\n镇长 周明川\n各位代表：\n"
        "2030年是本届政府承上启下的一年。一年来，全镇新建村级道路12公里，完成固定资产投资2.3亿元。\n"
    )
    meta = _meta(text)
    assert (meta.review_year, meta.plan_year) == (2030, 2031)


# --- a congress story whose first year is told with its results -----------------------------------------


def test_a_congress_story_reviews_the_year_first_told_with_its_results():
    text = (
        "1月21日上午，青禾省第九届人民代表大会第一次会议在省会开幕，省长李青山作《政府工作报告》。"
        "报告回顾了过去五年的成就，并部署了今后五年的任务。\n"
        "报告的主要内容有：\n"
        "综合实力方面：2030年全省生产总值达3.2万亿元；财政收入达到2410亿元。\n"
    )
    meta = _meta(text)
    assert (meta.review_year, meta.plan_year, meta.delivered_on) == (2030, 2031, "2031-01-21")
    # a year told with what is to be done stays the year planned
    planned = text.replace(
        "2030年全省生产总值达3.2万亿元；财政收入达到2410亿元", "2031年全省生产总值将增长5%左右"
    )
    assert _meta(planned).plan_year == 2031


# --- a page's date before the story's own day -------------------------------------------------------------


def test_the_story_s_own_day_wins_over_the_page_s_date_before_it():
    text = (
        "青禾晚报 2031年01月15日\n"
        "1月14日上午，青禾省第九届人民代表大会第二次会议隆重开幕。省长李青山向大会作政府工作报告。\n"
        "2031年是攻坚之年。全年主要预期目标建议如下：\n地区生产总值增长5%以上\n城镇新增就业80万人以上\n"
    )
    assert _meta(text).delivered_on == "2031-01-14"
    # the page's date when it is the day of the congress's first sentence
    same = "2031年1月14日上午，青禾省第九届人民代表大会第二次会议隆重开幕。省长李青山作政府工作报告。\n"
    assert _meta(same).delivered_on == "2031-01-14"


# --- the last line of a document's title is no speaker --------------------------------------------------


def test_the_last_line_of_a_plan_s_title_is_no_speaker():
    text = (
        "青禾省人民政府关于印发《2031年省〈政府工作报告〉重点工作分工方案》的通知\n"
        "各市人民政府，省政府各部门：\n"
        "《2031年省〈政府工作报告〉重点工作分工方案》已经省政府九届二次全体会议审议通过，现印发给你们。\n"
        "青禾省人民政府\n2031年2月6日\n"
        "2031年省《政府工作报告》重点工作\n分工方案\n"
        "一、主要预期目标\n1.地区生产总值增长5.5%左右。\n牵头单位：省发展改革委\n"
    )
    meta = _meta(text)
    assert (meta.speaker, meta.speaker_title) == (None, None)
    for word in ("实施方案", "工作要点", "行动计划"):
        assert _meta(text.replace("\n分工方案\n", f"\n{word}\n")).speaker is None


# --- a page titled as the report itself reviews the year before ----------------------------------------

_SITE_TITLE = "网站导航\n\n(青禾省)松岭市人民政府工作报告(2031年3月20日)\n\n"


def test_an_excerpt_of_a_report_s_review_under_its_own_title_reviews_the_year_before():
    body = (
        "  （四）注重招商引资，发展后劲持续增强。举办系列招商活动，签约项目126个，总投资820亿元。"
        "重点工程完成投资310亿元，年度计划投资完成率115%。\n"
    )
    meta = _meta(_SITE_TITLE + body)
    assert (meta.review_year, meta.plan_year) == (2030, 2031)


def test_an_excerpt_of_a_report_s_plan_under_its_own_title_reviews_nothing():
    body = (
        "  二、2031年重点工作\n\n"
        "  2031年是五年规划收官之年。我们将加快建设现代产业体系，新建标准化厂房30万平方米，新增城镇就业1.2万人。\n"
    )
    meta = _meta(_SITE_TITLE + body)
    assert (meta.review_year, meta.plan_year) == (None, 2031)


def test_an_excerpt_told_in_the_verbs_of_a_plan_under_the_report_s_title_reviews_nothing():
    # (no numbered heading above it: its verbs of a plan outnumber its marks of what was done)
    body = (
        "  展望新的一年，我们信心十足。信心来自政策机遇，上级支持松岭发展的力度将持续加大；"
        "信心来自坚实基础，多年来取得的成绩为发展积蓄了力量。"
        "我们要加快建设现代产业体系，推动新材料产业集聚发展，着力打造三个百亿级园区，"
        "新增规上工业企业30家，新建标准化厂房30万平方米。\n"
    )
    meta = _meta(_SITE_TITLE + body)
    assert meta.review_year is None
