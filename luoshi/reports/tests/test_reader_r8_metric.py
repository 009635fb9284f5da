"""Facts: how the metric phrase is cut, rules from the eighth round's training openings.

Each test is a made-up sentence (invented places and figures) reproducing only the *kind* of
phrasing whose metric the reader cut wrongly on never-seen report openings.
"""

from __future__ import annotations

from luoshi.reports.reader import parse

REVIEW = "一、2024年工作回顾\n"


def _rows(body: str):
    return [(f.metric, f.value, f.unit, f.measure) for f in parse(REVIEW + body, text_only=True).facts]


# --- a growth with no subject of its own ------------------------------------------------------


def test_an_average_yearly_growth_takes_the_subject_before():
    rows = _rows("五年来，全县地区生产总值达到386亿元，年均增长6.4%。")
    assert rows == [
        ("地区生产总值", 38600000000, "元", "level"),
        ("地区生产总值年均增长", 6.4, "%", "growth"),
    ]
    # the same after a comparable-prices basis, and in its own clause of a list
    rows = _rows("固定资产投资52亿元，可比年均增长8.1%；社会消费品零售总额91亿元，年均增长7%。")
    assert [m for m, *_ in rows] == [
        "固定资产投资",
        "固定资产投资年均增长",
        "社会消费品零售总额",
        "社会消费品零售总额年均增长",
    ]


def test_an_average_yearly_growth_with_its_own_subject_keeps_it():
    assert _rows("全镇财政收入年均增长9.2%。") == [("财政收入", 9.2, "%", "growth")]


def test_a_growth_after_excluded_factors_is_the_growth_of_the_amount_before():
    rows = _rows("全市一般公共预算收入41.2亿元（剔除留抵退税因素后增长6.3%），税收占比78%。")
    assert rows[1] == ("一般公共预算收入", 6.3, "%", "growth")
    rows = _rows("区级财政收入扣除政策性减收因素影响后增长4.5%。")
    assert rows == [("区级财政收入", 4.5, "%", "growth")]


def test_a_growth_after_steps_passed_is_the_growth_of_the_amount():
    rows = _rows("全市生产总值达到8100亿元，五年跨过2个千亿元台阶、年均增长6.1%。")
    assert [(v, u) for _, v, u, _ in rows] == [(810000000000, "元"), (2, "个"), (6.1, "%")]
    assert rows[1][0].endswith("千亿元台阶")  # (the steps' noun ends before the 、)
    assert rows[2][0] == "生产总值年均增长"


# --- words around the subject ------------------------------------------------------------------


def test_a_looking_back_time_phrase_is_not_part_of_the_metric():
    assert _rows("五年来全镇累计接待游客320万人次。")[0][0] == "接待游客"
    assert _rows("过去五年，柳溪乡新建村级公路86公里。")[0][0] == "柳溪乡新建村级公路"
    assert _rows("两年来新建学校3所。")[0][0] == "新建学校"


def test_a_noun_after_the_number_ends_at_its_verb_not_at_a_later_deng():
    rows = _rows("800余名医护人员先后支援甲县、乙县等地区。")
    assert rows == [("医护人员", 800, "名", "level")]
    # a 等 inside the noun still gives its head
    assert _rows("引进华新、远达等企业12家。")[0][0] == "企业"


# --- units and what is no count ------------------------------------------------------------------


def test_a_bare_wan_after_market_entities_counts_them():
    assert _rows("全市市场主体总量突破85万。") == [("市场主体总量", 850000, "个", "level")]
    # money stays money
    assert _rows("扶持市场主体资金3000万。")[0][2] == "元"


def test_a_further_move_in_a_ranking_is_no_count():
    assert _rows("全县综合考核排名比上年再进一位，新引进企业6家。") == [("新引进企业", 6, "家", "level")]


def test_a_plan_period_before_a_growth_names_nothing():
    rows = _rows("全旗生产总值完成28.4亿元，“十三五”时期年均增长3.3%。")
    assert rows[1] == ("生产总值年均增长", 3.3, "%", "growth")


def test_a_growth_after_an_aside_grows_the_amount_before_the_aside():
    rows = _rows("全县一般公共预算收入6200万元（受留抵退税影响减收近900万元），同口径增长10.2%。")
    assert [(m, v) for m, v, *_ in rows] == [
        ("一般公共预算收入", 62000000),
        ("受留抵退税影响减收", 9000000),
        ("一般公共预算收入", 10.2),
    ]


def test_a_verb_between_two_numbers_is_not_the_first_ones_noun():
    rows = _rows("投资1200万元推进860亩高标准农田建设。")
    assert rows[0] == ("投资", 12000000, "元", "level")
    # a noun after the amount still names it
    assert _rows("筹集资金300万元用于道路硬化。")[0][0] == "筹集资金用于道路硬化"


def test_a_rate_of_change_held_over_quarters_is_a_growth():
    rows = _rows("全区经济增速连续8个季度保持在6%以上。")
    assert [(v, u, meas) for _, v, u, meas in rows] == [(6, "%", "growth")]
    assert "经济增速" in rows[0][0]


# --- a shared subject across a 、 list -------------------------------------------------------------


def test_a_dun_inside_the_subject_does_not_cut_the_metric():
    assert _rows("全年新增国家级、省级专精特新企业9家。")[0][0] == "新增国家级、省级专精特新企业"
    assert _rows("有效盘活甲村、乙村闲置厂房3.1万平方米。")[0][0] == "盘活甲村、乙村闲置厂房"
    # a 、 between two facts still cuts: the second has its own subject
    rows = _rows("新建村道12公里、改造危房30户。")
    assert [m for m, *_ in rows] == ["新建村道", "改造危房"]
    # and a list with 分别 still gives each member its value
    rows = _rows("甲工业园、乙产业园建成区面积分别为6.4平方公里、5平方公里。")
    assert [m for m, *_ in rows] == ["甲工业园", "乙产业园建成区面积"]


def test_town_and_country_incomes_listed_without_fenbie():
    rows = _rows("城乡居民人均可支配收入32100元、18400元，分别增长6%、7.5%。")
    assert [m for m, *_ in rows] == [
        "城镇居民人均可支配收入",
        "农村居民人均可支配收入",
        "城镇居民人均可支配收入",
        "农村居民人均可支配收入",
    ]
    # a traditional-character report keeps its script
    rows = _rows("城鄉居民人均可支配收入32100元、18400元。")
    assert [m for m, *_ in rows] == ["城鎮居民人均可支配收入", "農村居民人均可支配收入"]


def test_a_count_before_de_and_a_list_of_generic_work_names_the_things_counted():
    assert _rows("完成3个封控小区的人员转运、物资配送等各项工作。")[0][:3] == ("封控小区", 3, "个")
    # a list of names before 等 still gives the head noun after it
    assert _rows("引进甲、乙等企业12家。")[0][0] == "企业"


def test_a_share_takes_the_subject_whose_share_it_is():
    rows = _rows("教育投入达到5.6亿元，占一般公共预算支出的21%。民生支出12亿元，占比78%。")
    assert [m for m, *_ in rows] == ["教育投入", "教育投入占一般公共预算支出", "民生支出", "民生支出占比"]


def test_a_cap_per_unit_named_as_a_requirement_is_no_count():
    rows = _rows("按照每个网格不超过30户的要求，全镇划分网格56个。")
    assert rows == [("划分网格", 56, "个", "level")]
    # a count after 按照 that is no cap stays a fact
    assert [v for _, v, *_ in _rows("按照要求，全镇新建网格驿站6个。")] == [6]


def test_a_growth_compared_with_last_year_by_what_was_gained_takes_the_subject_before():
    rows = _rows("农民人均纯收入达到1.6万元，比上年增收1100元。粮食总产量52万吨，较上年增产1.2万吨。")
    assert [m for m, *_ in rows] == ["农民人均纯收入", "农民人均纯收入", "粮食总产量", "粮食总产量"]


def test_an_average_yearly_growth_in_a_traditional_report_keeps_its_script():
    rows = _rows("全年實現地區生產總值286億元，年均增長6.1%。")
    assert rows[1][0] == "地區生產總值年均增長"
