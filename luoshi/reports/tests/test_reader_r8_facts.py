"""Facts: general rules from the eighth round's training openings, each on a made-up text.

None of these sentences is copied from a real report; each reproduces only the *kind* of phrase
or layout the reader got wrong.
"""

from __future__ import annotations

from luoshi.reports.tests.test_reader_r4_facts import _facts


def _rows(body: str):
    return [(f.metric, f.value, f.unit, f.measure, f.kind) for f in _facts(body, plan="")]


# --- what grew ---------------------------------------------------------------------------------


def test_an_average_yearly_growth_after_an_amount_is_the_amounts_growth():
    rows = _rows("五年来，全县工业总产值累计完成86.4亿元，年均增长7.2%；税收收入3.1亿元,年均增长5%。")
    assert [(m, v, meas) for m, v, _, meas, _ in rows] == [
        ("工业总产值", 8640000000, "level"),
        ("工业总产值年均增长", 7.2, "growth"),
        ("税收收入", 310000000, "level"),
        ("税收收入年均增长", 5, "growth"),
    ]
    # 人均 stays whole at the end of what is measured
    assert _rows("农民人均达到16300元。")[0][0] == "农民人均"


def test_an_average_growth_after_a_count_in_a_list_is_the_amounts():
    rows = _rows("全县生产总值达到820亿元，五年跨过2个百亿元台阶、年均增长5.5%。")
    assert [(m, v, u) for m, v, u, _, _ in rows] == [
        ("生产总值", 82000000000, "元"),
        ("五年百亿元台阶", 2, "个"),
        ("生产总值年均增长", 5.5, "%"),
    ]
    # with no amount before it, the count is all there is to name it
    assert _rows("新建公园2个、年均增长5%。")[-1][0] == "新建公园年均增长"


def test_a_condition_of_the_comparison_names_nothing():
    rows = _rows("一般公共预算收入28.8亿元（剔除留抵退税因素后增长8.1%），税收收入20亿元。")
    assert rows[1][:4] == ("一般公共预算收入", 8.1, "%", "growth")
    assert _rows("税收收入20亿元，扣除疫情因素影响后增长3%。")[-1][0] == "税收收入"


# --- units and what is no fact ----------------------------------------------------------------


def test_businesses_counted_in_ten_thousands_without_a_measure_word():
    rows = _rows("全县市场主体总量突破32万，新登记经营主体1.2万。")
    assert [(m, v, u) for m, v, u, _, _ in rows] == [
        ("市场主体总量", 320000, "个"),
        ("新登记经营主体", 12000, "个"),
    ]
    # money for them stays money
    assert _rows("发放扶持市场主体资金2万。")[0][2] == "元"


def test_a_move_in_a_ranking_is_no_count():
    assert _rows("全省百强县排名比上年再进一位，新增企业3家。") == [("新增企业", 3, "家", "level", "actual")]
    assert _rows("综合排名前进了5位。") == []
    assert _rows("录取新生300名。")[0][1:3] == (300, "名")


def test_the_noun_after_a_count_ends_where_its_predicate_starts():
    rows = _rows("全市800余名医护人员先后支援甲城、乙城等地区。")
    assert rows == [("医护人员", 800, "名", "level", "actual")]
    # a list before 等 still gives the noun after it
    assert _rows("建成10个青禾、松岭等示范村。")[0][0].endswith("示范村")


def test_a_year_broken_by_a_space_is_still_a_year():
    rows = _rows("外贸出口总额4980万美元，是20 11年的4倍。")
    assert [(m, v, u) for m, v, u, _, _ in rows] == [
        ("外贸出口总额", 49800000, "美元"),
        ("外贸出口总额", 4, "倍"),
    ]
