"""Facts and metadata: kinds of text the twelfth round's development passages and plans showed the
reader reading otherwise than the annotators, each on a made-up text.

None of these sentences is copied from a real report; each reproduces only the *kind* of phrase or
layout that failed.
"""

from __future__ import annotations

from luoshi.reports.reader import parse


def _kinds(text: str):
    return [(f.value, f.kind, f.commitment) for f in parse(text, text_only=True).facts]


# --- a news item tells of what was done and of what is to come -----------------------------------

_START_OF_WORKS = (
    "青禾市举行重大项目集中开工活动\n发布时间：2031-04-08\n"
    "4月8日，青禾市42个重大项目集中开工，总投资120亿元。今年青禾市计划实施重点项目300个，总投资900亿元。"
    "截至目前，已开复工项目180个，完成投资60亿元。其余的120个项目也将全部开工。下半年还将开工项目50个。"
    "新建道路将近30公里，按计划完成投资20亿元。\n"
)


def test_a_news_item_s_plans_are_targets_and_its_news_is_done():
    assert _kinds(_START_OF_WORKS) == [
        (42, "actual", None),
        (12_000_000_000, "actual", None),
        (300, "target", "计划"),  # 计划 holds to the end of its sentence
        (90_000_000_000, "target", "计划"),
        (180, "actual", None),  # 已: done so far
        (6_000_000_000, "actual", None),
        (120, "target", None),  # "也将" after the number
        (50, "target", None),
        (30, "actual", None),  # 将近 is "nearly", not "will"
        (2_000_000_000, "actual", None),  # 按计划: what was done by the plan
    ]


def test_a_dated_news_item_taken_for_a_review_still_tells_its_prospects():
    text = (
        "青禾区举办2031年重大项目集中开工动员会\n2031年05月20日 来源：青禾日报\n"
        "5月20日上午，青禾区举行2031年重大项目集中开工动员会。截至目前，已开复工2031年老旧小区改造等项目23个，"
        "开复工率82%；预计6月份开复工项目2个，上半年开复工率90%，预计完成投资10亿元。预计全年实现税收5亿元。\n"
    )
    report = parse(text, text_only=True)
    # news of projects under way is dated by the year it tells of, as a plan of that year
    # (test_reader_r12_passages.py); its facts keep the kinds their sentences give
    assert (report.meta.review_year, report.meta.plan_year) == (None, 2031)
    assert [(f.value, f.kind) for f in report.facts] == [
        (23, "actual"),
        (82, "actual"),
        (2, "target"),
        (90, "target"),
        (1_000_000_000, "target"),
        (500_000_000, "actual"),  # 预计全年: an estimate of the year, SCHEMA actual
    ]


def test_a_congress_news_item_s_estimates_are_of_the_year_reviewed():
    text = (
        "青禾县第九届人民代表大会第三次会议开幕\n"
        "2032年1月17日，青禾县第九届人民代表大会第三次会议开幕。县长李青山代表县政府作政府工作报告。"
        "报告说，2031年全县预计生产总值增长5.5%，财政总收入增长11%。\n"
    )
    report = parse(text, text_only=True)
    assert (report.meta.review_year, report.meta.plan_year) == (2031, 2032)
    assert [(f.value, f.kind) for f in report.facts] == [(5.5, "actual"), (11, "actual")]


# --- a year's plan handed on by a notice ----------------------------------------------------------

_PLAN_NOTICE = (
    "青禾市人民政府关于下达2031年国民经济和社会发展计划的通知\n青府发〔2031〕2号\n各区人民政府，市政府各部门：\n"
    "《2031年青禾市国民经济和社会发展计划》已经青禾市第十届人民代表大会第三次会议审议通过，现下达给你们，"
    "请认真组织实施。\n青禾市人民政府\n2031年2月20日\n2031年青禾市国民经济和社会发展计划\n"
    "综合考虑各方面因素，建议主要指标安排如下：\n——地区生产总值增长6%左右；\n——城镇登记失业率控制在5%以内；\n"
    "——新增城镇就业3万人。\n"
)


def test_a_plan_with_no_heading_and_no_review_is_all_targets():
    report = parse(_PLAN_NOTICE, text_only=True)
    assert (report.meta.review_year, report.meta.plan_year) == (None, 2031)
    assert {(f.part, f.kind, f.year) for f in report.facts} == {("plan", "target", 2031)}
    assert [f.value for f in report.facts] == [6, 5, 30000]


def test_a_notice_s_day_is_not_the_day_a_report_was_delivered():
    report = parse(_PLAN_NOTICE, text_only=True)
    assert report.meta.meeting == "第十届人民代表大会第三次会议"
    assert report.meta.delivered_on is None
    # a notice that hands on the report itself keeps the day the report says it was delivered on
    text = (
        "青禾市人民政府关于印发政府工作报告的通知\n各乡镇人民政府，市政府各部门：\n现将《政府工作报告》印发给你们。\n"
        "政府工作报告\n——2031年1月9日在青禾市第十届人民代表大会第三次会议上\n青禾市市长 李青山\n各位代表：\n"
        "一、2030年工作回顾\n全年新建道路4条。\n"
    )
    assert parse(text, text_only=True).meta.delivered_on == "2031-01-09"


def test_a_news_page_s_day_is_not_a_delivery_day():
    text = "2031年03月02日\n第05版：要闻\n青禾新区亮出今年任务单\n本报讯 今年青禾新区将新建学校3所，新增绿地20公顷。\n"
    assert parse(text, text_only=True).meta.delivered_on is None
    # a report to the deputies under a date line keeps it
    text = "青禾镇政府工作报告\n2031年2月20日\n各位代表：\n一、2030年工作回顾\n全年新建道路4条。\n"
    assert parse(text, text_only=True).meta.delivered_on == "2031-02-20"


def test_the_meeting_that_adopted_a_plan_is_its_meeting_in_short_form_too():
    text = _PLAN_NOTICE.replace("第十届人民代表大会第三次会议审议通过", "十届人大三次会议审议通过")
    assert parse(text, text_only=True).meta.meeting == "十届人大三次会议"
    # a meeting whose targets were met is no meeting of the text
    text = "青禾镇2030年工作总结\n一、2030年工作回顾\n完成了镇六届人大一次会议确定的目标，新建道路4条。\n"
    assert parse(text, text_only=True).meta.meeting is None


# --- N个以上: a count of what is made, or a threshold of the metric ---------------------------------


def test_a_count_of_things_made_or_held_is_a_fact_with_its_qualifier():
    facts = parse(
        "二、2031年工作安排\n新建300家以上乡村书屋，组织800场以上送戏下乡演出，完成5处以上旧村改造试点。\n",
        text_only=True,
    ).facts
    assert [(f.value, f.unit, f.approx) for f in facts] == [
        (300, "家", "以上"),
        (800, "场", "以上"),
        (5, "处", "以上"),
    ]
    # a threshold in the metric stays no fact: a size (人, 平方米) or no verb of doing right before it
    facts = parse(
        "二、2031年工作安排\n改造3人以上居住出租房120套，引进亿元以上项目5个，100个以上村实现覆盖。\n",
        text_only=True,
    ).facts
    assert [(f.value, f.unit) for f in facts] == [(120, "套"), (5, "个")]


def test_a_dispatch_whose_lead_reports_an_event_is_no_plan_for_its_quoted_promises():
    text = (
        "青禾市重点项目集中开工\n新华社青禾3月2日电 青禾市2日举行春季重点项目集中开工仪式，32个项目集中开工，"
        "总投资96亿元。\n市长表示，将加快推进项目建设，确保全年完成投资300亿元，力争新开工项目100个以上，"
        "要全力做好要素保障，着力优化营商环境，加快审批，推动项目早投产，全力打造一流环境，着力加大服务力度。\n"
    )
    assert _kinds(text) == [
        (32, "actual", None),
        (9_600_000_000, "actual", None),
        (30_000_000_000, "target", "确保"),
        (100, "target", "力争"),
    ]
    # a lead that looks ahead keeps the whole dispatch a plan
    text = text.replace("32个项目集中开工", "今年将有32个项目集中开工")
    assert [f.kind for f in parse(text, text_only=True).facts] == ["target"] * 4


def test_a_plan_s_execution_report_reviews_the_year_it_was_carried_out():
    text = (
        "关于青禾市2031年国民经济和社会发展计划执行情况与2032年国民经济和社会发展计划草案的报告\n"
        "各位代表：\n受市人民政府委托，现将计划执行情况与计划草案提请市十届人大三次会议审议。\n"
        "一、2031年国民经济和社会发展计划执行情况\n全年地区生产总值增长6.5%，新建学校3所。\n"
        "二、2032年国民经济和社会发展计划草案\n地区生产总值增长6%左右，新建学校2所。\n"
    )
    report = parse(text, text_only=True)
    assert [s.part for s in report.sections] == ["review", "plan"]
    assert (report.meta.review_year, report.meta.plan_year) == (2031, 2032)
    assert [(f.value, f.kind, f.year) for f in report.facts] == [
        (6.5, "actual", 2031),
        (3, "actual", 2031),
        (6, "target", 2032),
        (2, "target", 2032),
    ]
