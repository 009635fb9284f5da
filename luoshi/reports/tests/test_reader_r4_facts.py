"""Facts: general rules from the fourth blind round (issue 18), each on a made-up text.

None of these sentences is copied from a real report; each reproduces only the *kind* of phrase
or layout the reader got wrong on never-seen text.
"""

from __future__ import annotations

from luoshi.reports.reader import parse

REVIEW = "一、2024年工作回顾\n"
PLAN = "\n二、2025年工作安排\n力争新建公园4个。\n"


def _facts(body: str, *, plan: str = PLAN):
    return parse(REVIEW + body + plan, text_only=True).facts


def _rows(body: str, *, plan: str = PLAN):
    return [(f.metric, f.value, f.unit, f.measure, f.kind) for f in _facts(body, plan=plan)]


def _values(body: str) -> list[float]:
    return [f.value for f in _facts(body, plan="")]


# --- which numbers count -------------------------------------------------------------------


def test_a_move_in_a_ranking_is_no_count():
    assert _values("全县综合考核排全市第5位，比上年前进2位，比前年上升3名。") == []


def test_ge_before_a_verb_that_closes_the_clause_names_a_slogan():
    assert _values("全镇上下聚焦两个提升，抓好三个落实，奋力争先。") == []
    # a count of things named after the verb stays a fact
    assert _values("新建三个示范园区。") == [3]


def test_reports_heard_by_the_congress_are_its_agenda_not_a_count_of_work():
    assert _values("与会代表审议三项报告。") == []


def test_titled_names_before_deng_and_their_count_restate_a_list():
    text = "大会审议通过了《甲乙丙计划》、《丁戊规划》和《己庚方案》等三个文件。"
    assert _values(text) == []


def test_a_numeral_inside_a_listed_name_does_not_hide_the_restated_list():
    assert _values("园区内青禾、百川、万通、启明四家企业运行平稳。") == []
    # a list with its own counts stays a list of facts
    assert _values("示范村两个、先进村三个。") == [2, 3]


def test_a_speed_rating_inside_the_name_of_a_product_is_no_fact():
    assert _values("某某厂时速350公里新型列车即将下线，全年完成产值12亿元。") == [1_200_000_000]
    # a distance built stays one
    assert _values("新建公路35公里。") == [35]


def test_a_count_of_trains_with_lie():
    rows = _rows("两列城际列车投入运营。", plan="")
    assert rows and rows[0][1:3] == (2, "列")
    assert _values("3列入省级名录。") == []


def test_people_counted_without_ren_before_a_noun_of_people():
    rows = _rows("帮助近3000农村劳动力实现转移就业，慰问困难群众500余户。", plan="")
    assert rows[0][1:3] == (3000, "人")
    # a year before a noun of people is no count, nor a hotline's number
    assert _values("2024年农民人均纯收入稳步提高，12345群众热线运行良好。") == []


def test_a_decimal_cut_off_at_the_end_of_an_opening_keeps_its_value():
    text = REVIEW + "全镇完成财政收入3.2亿元，同比提高6.5"
    facts = parse(text, text_only=True).facts
    last = facts[-1]
    assert (last.value, last.unit, last.measure, last.metric) == (6.5, None, "growth", "财政收入")
    text = REVIEW + "全镇新建公园3个，工业总产值28.6"
    last = parse(text, text_only=True).facts[-1]
    assert (last.value, last.unit, last.measure) == (28.6, None, "level")
    # a whole number at the end (a rank, a code, a count cut from its noun) is left out
    assert [f.value for f in parse(REVIEW + "全镇新建公园3个，在全市考核的12", text_only=True).facts] == [3]


# --- units and measures ----------------------------------------------------------------------


def test_percentage_points_written_once_after_a_list_of_two():
    rows = _rows("税收和非税收入分别增长8.1%、7.3%，分别提高2.2个、1.4个百分点。", plan="")
    assert [(v, u, m) for _, v, u, m, _ in rows[2:]] == [
        (2.2, "个百分点", "growth"),
        (1.4, "个百分点", "growth"),
    ]
    assert [metric for metric, *_ in rows[2:]] == ["税收收入", "非税收入"]


def test_a_multiple_of_the_year_before_is_a_growth_named_after_its_subject():
    rows = _rows("果汁产量8.2万吨、销量7.9万吨，分别是上年的2.1倍、1.8倍。", plan="")
    assert [(m, v, meas) for m, v, _, meas, _ in rows[2:]] == [
        ("果汁产量", 2.1, "growth"),
        ("销量", 1.8, "growth"),
    ]
    rows = _rows("电动车产量是2023年的3倍。", plan="")
    assert rows == [("电动车产量", 3, "倍", "growth", "actual")]


def test_an_improvement_in_percent_is_a_growth():
    rows = _rows("水环境质量指数改善4.2%。", plan="")
    assert rows == [("水环境质量指数", 4.2, "%", "growth", "actual")]


# --- metric ------------------------------------------------------------------------------------


def test_a_change_in_points_after_a_rate_is_named_after_the_rate():
    rows = _rows("服务业占比达到55.2%，同比提高1.3个百分点。", plan="")
    assert rows[1][:4] == ("服务业占比", 1.3, "个百分点", "growth")
    # a named thing that moved keeps its own name
    rows = _rows("全年增速回落0.5个百分点。", plan="")
    assert rows[0][0].startswith("增速")


def test_two_counts_in_different_units_share_the_noun_after_the_second():
    rows = _rows("36个村通过验收，5120户、16300人搬入新居。", plan="")
    assert [(m, v, u) for m, v, u, *_ in rows[1:]] == [("搬入新居", 5120, "户"), ("搬入新居", 16300, "人")]


def test_a_bare_head_noun_takes_the_subject_of_the_fact_before():
    rows = _rows("全年地区生产总值增长6.1%，总量跨过500亿元大关，达到512.3亿元。", plan="")
    assert [m for m, *_ in rows] == ["地区生产总值", "地区生产总值总量", "地区生产总值总量"]


# --- kind ----------------------------------------------------------------------------------------


def test_a_plan_of_work_written_in_the_review_part_is_a_target():
    facts = _facts("年初谋划重点项目40个，全年计划新建项目32个，目前已开工28个。")
    assert [(f.value, f.kind, f.commitment) for f in facts[:3]] == [
        (40, "actual", None),
        (32, "target", "计划"),
        (28, "actual", None),
    ]
    # done as planned is a result
    facts = _facts("按计划完成投资5亿元。")
    assert (facts[0].value, facts[0].kind) == (500_000_000, "actual")


def test_people_after_a_modifier_of_who_they_are_are_people_not_money():
    rows = _rows("将12万农村困难群众纳入救助，为3万重点优抚对象体检，为80万人口解决饮水问题。", plan="")
    assert [(v, u) for _, v, u, *_ in rows] == [(120_000, "人"), (30_000, "人"), (800_000, "人")]
    # a verb between the amount and the people: money spent for them
    rows = _rows("投入300万元帮助困难群众。", plan="")
    assert rows[0][1:3] == (3_000_000, "元")


def test_an_output_rate_before_a_facility_name_is_part_of_the_name():
    assert _values("某某县年产500万件电子元件制造项目开工。") == []
    # built by the town, the output rate still names the line (docs/reader-conventions.md)
    assert _values("新建年产500万颗芯片生产线。") == []
    # an output capacity told as such is what it did
    rows = _rows("新增年产能500万颗。", plan="")
    assert rows[0][1:3] == (5_000_000, "颗")


def test_the_size_of_a_team_game_and_numbered_village_teams_are_names():
    assert _values("建成5人制足球场，对石桥村4队、5队农房进行改造。") == []


def test_a_done_verb_or_a_look_back_under_a_plan_heading_is_a_result():
    plan = "\n二、2025年工作安排\n"
    body = (
        "五年来，我们把招商作为重要举措，先后引进了企业45家，落实了项目62个，完成投资1.2亿元。"
        "这五年，园区新增门店90余家。为了完成任务，新建公园5个。过去一年，全镇新增企业12家，今年要新增企业15家。"
    )
    facts = parse(REVIEW + "全年新建公园3个。" + plan + body, text_only=True).facts
    kinds = {f.value: f.kind for f in facts if f.part == "plan"}
    assert kinds == {
        45: "actual",
        62: "actual",
        120_000_000: "actual",
        90: "actual",
        5: "target",
        12: "actual",
        15: "target",
    }


def test_words_of_going_down_to_a_level_leave_the_metric_whole():
    rows = _rows("细颗粒物平均浓度下降至29微克/立方米，完成年度计划的108%，发生率降低到0.4%。", plan="")
    assert [m for m, *_ in rows] == ["细颗粒物平均浓度", "年度计划", "发生率"]


def test_a_range_with_the_multiplier_on_both_ends_shares_the_unit():
    rows = _rows("景区年接待量达到8万-10万人次。", plan="")
    assert [(v, u) for _, v, u, *_ in rows] == [(80_000, "人次"), (100_000, "人次")]


def test_a_change_against_a_base_is_named_after_the_subject_before():
    rows = _rows("存款余额达到16.2亿元，较年初增加1.4亿元，比上年同期净增2亿元。", plan="")
    assert [m for m, *_ in rows] == ["存款余额"] * 3


def test_those_present_at_a_meeting_keep_their_verb():
    rows = _rows("大会应到代表61名，实到57名。", plan="")
    assert [m for m, *_ in rows] == ["大会应到代表", "实到"]


def test_a_later_year_with_a_word_of_intent_in_a_news_story_is_a_target():
    text = (
        "青禾镇召开人代会\n报告指出，2024年，全镇实现地区生产总值9.6亿元。截至2025年1月，累计建成公园12个。"
        "报告提出，2025年，全镇将力争地区生产总值增长7%以上，新引进项目10个以上。"
    )
    facts = parse(text, text_only=True).facts
    assert [(f.value, f.kind, f.year) for f in facts] == [
        (960_000_000, "actual", 2024),
        (12, "actual", 2024),
        (7, "target", 2025),
        (10, "target", 2025),
    ]


def test_a_deadline_ahead_of_the_year_reviewed_is_a_target():
    facts = _facts("到2026年，全县森林覆盖率达到52%。截至2024年底，累计建成公园12个。", plan="")
    assert [(f.value, f.kind, f.year) for f in facts] == [(52, "target", 2026), (12, "actual", 2024)]


def test_this_year_after_a_year_named_in_the_plan_part_is_the_plan_year():
    plan = "\n二、2025年工作安排\n2024年全县完成投资80亿元，今年要完成投资90亿元。\n"
    facts = _facts("全年新建公园3个。", plan=plan)
    assert [(f.value, f.kind, f.year) for f in facts[1:]] == [
        (8_000_000_000, "actual", 2024),
        (9_000_000_000, "target", 2025),
    ]


def test_a_prospect_keeps_its_noun_without_ke():
    facts = _facts("项目建成后，预计年产值可达5亿元。", plan="")
    assert (facts[0].metric, facts[0].kind) == ("年产值", "target")


def test_a_stage_reached_by_some_of_the_things_before_names_them_at_that_stage():
    rows = _rows("全年实施项目36个，已完成12个。", plan="")
    assert [m for m, *_ in rows] == ["实施项目", "完成实施项目"]


def test_a_verb_ending_in_ji_is_no_and_before_the_number():
    rows = _rows("改造老旧小区4个，惠及126栋、3150户。", plan="")
    assert [(m, v) for m, v, *_ in rows[1:]] == [("惠及", 126), ("惠及", 3150)]


def test_days_held_at_a_level():
    rows = _rows("空气质量优良天数稳定在320天。", plan="")
    assert rows == [("空气质量优良天数", 320, "天", "level", "actual")]


def test_a_web_pages_counters_after_the_text_are_no_facts():
    body = "全年新建公园3个，组织群众浏览展板1200人次，回复群众留言86条。\n相关文档 共有28条评论 1人已下载 5人收藏 已有1523人浏览"
    assert _values(body) == [3, 1200, 86]


def test_per_mille_written_out_and_digits_of_a_growth_are_read_as_such():
    rows = _rows("人口自然增长率控制在千分之四点五以内，工业产值实现两位数增长。", plan="")
    assert rows == [("人口自然增长率", 4.5, "‰", "rate", "actual")]


def test_a_change_against_last_years_end_is_named_after_the_rate_before():
    rows = _rows("城镇化率提高到56%，较上年末提高1.2个百分点。", plan="")
    assert [m for m, *_ in rows] == ["城镇化率", "城镇化率"]


def test_a_statement_of_targets_without_headings_opens_the_plan_that_follows_it():
    text = (
        "2025年某某县政府工作报告要点\n今年主要预期目标是：地区生产总值增长6%；城镇调查失业率控制在5.5%以内。\n"
        "重点抓好以下工作：实施重大项目90个，新增规上工业企业15家。"
    )
    facts = parse(text, text_only=True).facts
    assert [(f.value, f.kind) for f in facts] == [
        (6, "target"),
        (5.5, "target"),
        (90, "target"),
        (15, "target"),
    ]
    # the targets met, as a review says, open nothing
    facts = _facts("全面完成了年初确定的主要预期目标，地区生产总值增长7%，新建公园3个。", plan="")
    assert [(f.value, f.kind) for f in facts] == [(7, "actual"), (3, "actual")]
    facts = _facts("为实现上述目标，今年主要预期目标是：地区生产总值增长6%。", plan="")
    assert [(f.value, f.kind) for f in facts] == [(6, "target")]


def test_a_summarys_closing_plan_for_next_year_is_a_target():
    text = "青禾镇2024年工作总结\n2024年，全镇新建公园3个。明年，我们将力争新建公园5个。"
    facts = parse(text, text_only=True).facts
    assert [(f.metric, f.value, f.kind, f.year) for f in facts] == [
        ("新建公园", 3, "actual", 2024),
        ("新建公园", 5, "target", 2025),
    ]
