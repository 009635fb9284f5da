"""Facts: general rules from the fifth blind round's consensus misses, each on a made-up text.

None of these sentences is copied from a real report; each reproduces only the *kind* of phrase
or layout the reader got wrong on never-seen text where both annotators agreed.
"""

from __future__ import annotations

from luoshi.reports.reader import parse
from luoshi.reports.tests.test_reader_r4_facts import _facts


def _rows(body: str):
    return [(f.metric, f.value, f.unit, f.measure, f.kind) for f in _facts(body, plan="")]


# --- gaps to another place -----------------------------------------------------------------------


def test_a_gap_in_points_to_other_places_is_a_growth():
    rows = _rows("全县工业投资年均增长9.6%，分别高于全国全省4.1和1.8个百分点。")
    assert [(m, v, u, meas) for m, v, u, meas, _ in rows[1:]] == [
        ("高于全国", 4.1, "个百分点", "growth"),
        ("高于全省", 1.8, "个百分点", "growth"),
    ]
    below = _rows("城镇登记失业率2.1%，低于全市0.4个百分点。")
    assert below[-1][1:4] == (-0.4, "个百分点", "growth")


def test_a_multiple_after_a_gap_is_named_after_what_grew():
    rows = _rows("青禾县生产总值年均增长9.6%，高于全省1.8个百分点，是2019年的1.6倍。")
    multiple = [r for r in rows if r[2] == "倍"]
    assert len(multiple) == 1 and "生产总值" in multiple[0][0] and "高于" not in multiple[0][0]


# --- growth told otherwise --------------------------------------------------------------------


def test_a_rate_of_change_that_reaches_a_value_is_a_growth():
    rows = _rows("全县快递业务量稳步回升，增速达到4.6%。")
    assert rows == [("快递业务量稳步回升", 4.6, "%", "growth", "actual")]
    assert _rows("森林覆盖率提高到62.5%。")[0][3] == "rate"


def test_a_planned_growth_told_as_the_value_of_a_target():
    text = "青禾市人代会今天开幕，据政府工作报告，2025年全市规模以上工业增加值增长的预期目标为7%左右。"
    facts = parse(text, text_only=True).facts
    assert [(f.metric, f.value, f.unit, f.measure, f.kind, f.approx) for f in facts] == [
        ("规模以上工业增加值", 7, "%", "growth", "target", "左右")
    ]
    review = _rows("年初确定的城镇居民收入增长目标为7%，实际增长7.5%。")
    assert [(v, meas, kind) for _, v, _, meas, kind in review] == [
        (7, "growth", "target"),
        (7.5, "growth", "actual"),
    ]


# --- units and what is no fact ----------------------------------------------------------------


def test_a_yield_per_mu_keeps_its_unit():
    rows = _rows("水稻单产达到520.5公斤/亩，亩均增收300元/亩，全年产粮1.2万吨。")
    assert [(v, u) for _, v, u, *_ in rows] == [(520.5, "公斤/亩"), (300, "元/亩"), (12000, "吨")]


def test_a_floor_passed_year_after_year_is_no_amount():
    rows = _rows("全县粮食产量连续5年超过30万吨，今年达到32.5万吨。")
    assert [v for _, v, *_ in rows] == [325000]


# --- lists ---------------------------------------------------------------------------------------


def test_a_list_cut_at_dun_with_and_inside_an_item():
    rows = _rows("光电信息、新材料和生物医药两类企业营收分别增长15%和25%。")
    assert [(m, v) for m, v, *_ in rows] == [("光电信息", 15), ("新材料和生物医药两类企业营收", 25)]


def test_a_list_hard_wrapped_after_its_dun():
    rows = _rows("园区企业稳步成长。光电信息、\n新材料和生物医药两类企业营收分别增长15%和25%。")
    assert rows[0][:2] == ("光电信息", 15)


# --- the second half -----------------------------------------------------------------------------


def test_packages_of_measures_named_by_their_articles_are_names():
    rows = _rows(
        "我们落实“双稳”16条、稳就业18条、稳投资16条、支持个体工商户发展22条，全年新建道路12条、新增线路2条。"
    )
    assert [(m, v, u) for m, v, u, *_ in rows] == [("新建道路", 12, "条"), ("新增线路", 2, "条")]
    # one alone, with the noun it counts, stays a count
    assert [v for _, v, *_ in _rows("出台稳就业18条措施。")] == [18]


def test_a_decimal_cut_off_after_a_verb_lost_what_it_counted():
    assert [f.value for f in _facts("全镇新建公园3个，在前期基础上建设12.5", plan="")] == [3]
    # after the name of an amount it keeps its value, as before
    assert [f.value for f in _facts("全镇新建公园3个，工业总产值28.6", plan="")] == [3, 28.6]


def test_two_names_joined_by_and_then_their_count_restate_the_names():
    rows = _rows("围绕青禾材料和远山能源两个市级重点项目做好服务，全年完成产值96.8亿元。")
    assert [v for _, v, *_ in rows] == [9680000000]


def test_a_bare_ten_thousand_after_a_qualifier():
    rows = _rows("家庭农场超万户，近万人参加培训，千家万户受益。")
    assert [(v, u) for _, v, u, *_ in rows] == [(10000, "户"), (10000, "人")]


def test_a_stray_digit_after_a_percent_names_nothing():
    rows = _rows("全县工业产值完成 31.2 亿元，同比增8.25%1\n园区建设有序推进。")
    assert rows[-1][:4] == ("工业产值", 8.25, "%", "growth")


def test_a_table_of_contents_does_not_make_the_review_a_plan():
    text = (
        "一、2024年工作回顾\n（一）发展产业\n（二）改善民生\n二、2025年工作安排\n（一）壮大产业\n（二）办好实事\n"
        "青禾县政府工作报告\n各位代表：\n一、2024年工作回顾\n全县地区生产总值增长6.8%，新建公园3个。\n"
    )
    facts = parse(text, text_only=True).facts
    assert [(f.value, f.part, f.kind) for f in facts] == [(6.8, "review", "actual"), (3, "review", "actual")]
