"""Facts: general rules from the fourth blind round's second half (issue 18), each on a made-up text.

None of these sentences is copied from a real report; each reproduces only the *kind* of phrase
or layout the reader got wrong on never-seen text.
"""

from __future__ import annotations

from luoshi.reports.reader import parse
from luoshi.reports.tests.test_reader_r4_facts import _facts


def _rows(body: str):
    return [(f.metric, f.value, f.unit, f.measure, f.kind) for f in _facts(body, plan="")]


def _values(body: str) -> list[float]:
    return [f.value for f in _facts(body, plan="")]


# --- a ratio of the three sectors --------------------------------------------------------------
# (r10: two annotators' gold, working apart, leaves the ratio out - the shares are no amounts of
# their own; the rounds before had read them as three shares)


def test_a_three_sector_ratio_is_no_fact():
    assert _rows("三次产业结构由12.5:40.5:47调整为10.2:38.3:51.5。") == []


def test_a_sector_ratio_in_traditional_script_and_over_a_hard_wrapped_line_is_no_fact():
    assert _rows("產業結構持續優化,三次產業比調整為\n9.1︰45.2︰45.7。") == []


def test_a_ratio_beside_a_growth_leaves_the_growth():
    rows = _rows("第三产业增加值增长6.1%，三次产业比为8.4:40.2:51.4。")
    assert [(v, meas) for m, v, u, meas, _ in rows] == [(6.1, "growth")]


# --- an editor's aside --------------------------------------------------------------------------


def test_an_aside_before_the_number_hides_neither_the_growth_nor_the_subject():
    rows = _rows("全年实现地区生产总值88亿元，同比增长（以下简称增长）6.4%。")
    assert ("地区生产总值", 6.4, "%", "growth", "actual") in rows


def test_an_aside_is_no_part_of_a_metric():
    rows = _rows("据初步核算(下同)，全区社会消费品零售总额52亿元，比2020年(下同)增长31.5%。")
    assert all("下同" not in m for m, *_ in rows)
    assert [(m, meas) for m, v, u, meas, _ in rows if v == 31.5] == [("社会消费品零售总额", "growth")]


# --- the measure and unit a metric names ---------------------------------------------------------


def test_a_price_index_in_percent_is_its_rise():
    rows = _rows("物价总体平稳，居民消费价格指数控制在2.5%以内。")
    assert [(m, meas) for m, v, u, meas, _ in rows] == [("居民消费价格指数", "growth")]


def test_a_metric_that_names_person_visits_gives_the_unit():
    assert [(v, u) for _, v, u, *_ in _rows("景区接待游客人次突破320万。")] == [(3200000, "人次")]


def test_people_after_a_short_modifier_are_people_not_money():
    assert [(v, u) for _, v, u, *_ in _rows("帮助2.3万搬迁群众住进新居。")] == [(23000, "人")]
    # a verb between the amount and the people: money spent on them
    assert [u for _, _, u, *_ in _rows("拨付300万帮助群众修缮房屋。")] == ["元"]


def test_an_uncommon_measure_word_of_a_count():
    assert [(v, u) for _, v, u, *_ in _rows("完成坟墓迁移215棺。")] == [(215, "棺")]


# --- which numbers count -------------------------------------------------------------------


def test_the_first_phase_of_a_named_project_is_part_of_its_name():
    assert _values("滨江花园一期、城南商业街等项目顺利交付。") == []


def test_the_battles_and_victories_of_a_slogan_are_no_count():
    assert _values("全县上下打好打赢了两场关键战役，夺取两个胜利。") == []
    # a count of things done stays one
    assert _values("举办招聘会两场。") == [2]


def test_the_field_a_place_is_ranked_in_is_no_count():
    assert _values("工业增速稳居全省86个县市区前列。") == []
    assert _values("工业增速在全省86个县市区中排名第3。") == []


def test_an_amount_naming_a_class_of_big_projects_is_no_amount():
    assert _values("城西文旅综合体实现了全县5亿元大项目零的突破。") == []


def test_a_growth_over_a_named_base_year_inherits_its_subject():
    rows = _rows("全县财政总收入18亿元，比2019年增长36%。")
    assert [(m, meas) for m, v, u, meas, _ in rows if v == 36] == [("财政总收入", "growth")]


# --- kind ------------------------------------------------------------------------------------


def test_this_year_will_in_a_text_reviewing_last_year_is_the_plan_years_target():
    text = "2024年，全市新建学校3所。今年，全市将新建学校5所。\n"
    facts = parse("2025年政府工作报告\n回顾2024年工作\n" + text, text_only=True).facts
    rows = [(f.value, f.kind, f.year) for f in facts]
    assert (3, "actual", 2024) in rows
    assert (5, "target", 2025) in rows


def test_households_before_a_count_of_people_are_the_households_of_those_people():
    rows = _rows("全县1.2万户4.6万脱贫人口稳定增收。")
    assert [(m[:3], v, u) for m, v, u, *_ in rows] == [("脱贫户", 12000, "户"), ("脱贫人", 46000, "人")]


def test_this_year_will_in_a_summary_given_in_the_year_it_reviews_is_that_years_prospect():
    head = "2024年工作总结和2025年工作打算\n（2024年12月20日）\n一、2024年工作回顾\n"
    facts = parse(head + "今年，全镇将完成道路硬化12公里。\n", text_only=True).facts
    assert [(f.value, f.kind, f.year) for f in facts if f.value == 12] == [(12, "target", 2024)]


def test_a_price_index_against_a_hundred_is_a_level():
    rows = _rows("居民消费价格指数为102.1%。")
    assert [meas for _, v, _, meas, _ in rows if v == 102.1] == ["rate"]


def test_a_count_of_things_before_an_ordinal_is_no_field_of_a_ranking():
    assert _values("全市12个项目第一批集中开工。") == [12]
