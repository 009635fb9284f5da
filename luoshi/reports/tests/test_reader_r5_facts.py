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
    rows = _rows("全区生产总值年均增长9.6%，分别高于全国全省4.1和1.8个百分点。")
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
    rows = _rows("进出口贸易实现恢复性增长，增速达到4.6%。")
    assert rows == [("进出口贸易实现恢复性增长", 4.6, "%", "growth", "actual")]
    assert _rows("森林覆盖率提高到62.5%。")[0][3] == "rate"


def test_a_planned_growth_told_as_the_value_of_a_target():
    text = "青禾市十届人大三次会议今天开幕，市长作报告称，2025年青禾市地区生产总值增长的预期目标为6%左右。"
    facts = parse(text, text_only=True).facts
    assert [(f.metric, f.value, f.unit, f.measure, f.kind, f.approx) for f in facts] == [
        ("青禾市地区生产总值", 6, "%", "growth", "target", "左右")
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
    rows = _rows("光电信息、新材料和生物医药两大主导产业产值分别增长15%和25%。")
    assert [(m, v) for m, v, *_ in rows] == [("光电信息", 15), ("新材料和生物医药两大主导产业产值", 25)]


def test_a_list_hard_wrapped_after_its_dun():
    rows = _rows("三次产业加速突破。光电信息、\n新材料和生物医药两大主导产业产值分别增长15%和25%。")
    assert rows[0][:2] == ("光电信息", 15)
