"""Facts: general rules from the ninth round's training openings, each on a made-up text.

None of these sentences is copied from a real report; each reproduces only the *kind* of phrase
or layout the reader got wrong.
"""

from __future__ import annotations

from luoshi.reports.tests.test_reader_r4_facts import _facts


def _rows(body: str):
    return [(f.metric, f.value, f.unit, f.measure, f.kind) for f in _facts(body, plan="")]


# --- values ------------------------------------------------------------------------------------


def test_a_growth_below_zero_is_a_decrease_of_what_came_before():
    rows = _rows("全镇工业总产值完成8.6亿元，负增长1.2%。")
    assert rows[-1] == ("工业总产值", -1.2, "%", "growth", "actual")


def test_yi_counted_with_ge_is_money():
    rows = _rows("镇级财政收入连续两年每年增加2个亿。")
    assert [(v, u) for _, v, u, *_ in rows] == [(200000000, "元")]
    assert [(v, u) for _, v, u, *_ in _rows("园区税收比上年多了一个亿。")] == [(100000000, "元")]
    # a count of projects of that size stays a count
    sized = _rows("全年引进3个亿元以上项目，两个亿元以上项目开工。")
    assert [(v, u) for _, v, u, *_ in sized] == [(3, "个"), (2, "个")]


def test_an_amount_right_after_a_target_is_the_target():
    rows = _rows("全年完成镇人代会确定目标3亿元的108%。")
    assert [(v, kind) for _, v, _, _, kind in rows] == [(300000000, "target"), (108, "actual")]


# --- numbers that are no facts -------------------------------------------------------------------


def test_a_count_after_a_quoted_list_restates_the_names():
    assert _rows("全力抓好“稳增长、保民生、防风险”三件大事，新建公园2个。")[0][1:3] == (2, "个")
    assert len(_rows("深化“整洁、有序、平安、温馨”等四个小区创建，新建公园2个。")) == 1
    # a count that differs from the names quoted is kept
    assert len(_rows("推进“整洁、有序”等五个小区创建。")) == 1


def test_a_round_figure_in_words_passed_beside_the_amount_restates_it():
    rows = _rows("全镇生产总值完成106.3亿元，首次突破百亿元大关。")
    assert [v for _, v, *_ in rows] == [10630000000]
    # a milestone of its own stays
    assert len(_rows("工业产值突破百亿元大关。")) == 1


def test_a_place_along_a_road_is_no_length():
    rows = _rows("修复了松岭公路18公里处塌方路段，新建道路3公里。")
    assert [(v, u) for _, v, u, *_ in rows] == [(3, "公里")]


def test_the_last_package_of_a_list_closed_by_measures_is_a_name():
    rows = _rows("落实助企纾困12条、外资企业参与园区建设8条等措施，新建厂房2栋。")
    assert [(v, u) for _, v, u, *_ in rows] == [(2, "栋")]


# --- metric phrases ------------------------------------------------------------------------------


def test_the_noun_after_an_amount_stops_before_the_next_amounts_verb():
    rows = _rows("引进投资3亿元的青禾储能电站、投资1.2亿元的松岭物流园。")
    # (the thing first, then what it costs: the tenth round's convention)
    assert rows[0][0] == "青禾储能电站投资" and rows[1][0] == "松岭物流园投资"


def test_the_noun_after_an_amount_stops_before_the_stage_it_reached():
    rows = _rows("占地300亩的青禾湿地公园建成开园。")
    assert rows[0][0] == "占地青禾湿地公园"
    rows = _rows("投资5亿元白石电子元件项目落户园区。")
    assert rows[0][0] == "投资白石电子元件项目"
    # (a floor area right before the work's name is part of the name, no fact: docs/reader-conventions.md)
    assert _rows("2000平方米便民服务中心建成并投入使用。") == []
    # an area told as such measures the thing whatever stage it reached
    assert _rows("建筑面积2000平方米的便民服务中心建成并投入使用。")[0][1:3] == (2000, "平方米")
    # a count of things at a stage keeps the stage
    assert _rows("全年12个项目竣工。")[0][0] == "项目竣工"


def test_what_an_amount_is_used_for_is_not_what_it_measures():
    rows = _rows("流转耕地600亩用于发展高山蔬菜。")
    assert rows[0][:3] == ("流转耕地", 600, "亩")


def test_a_size_in_brackets_after_a_name_measures_the_named_thing():
    rows = _rows("流转土地200亩用于育苗，青禾茶园项目（1500亩）完成规划。")
    assert [(m, v) for m, v, *_ in rows][1] == ("青禾茶园项目", 1500)


def test_what_grew_after_a_basis_left_out_in_the_clause_before():
    rows = _rows("全县规模以上工业增加值剔除价格变动因素，同比增长3.1%。")
    assert rows == [("规模以上工业增加值", 3.1, "%", "growth", "actual")]


def test_a_future_marker_before_the_number_is_no_part_of_the_metric():
    rows = _rows("签约企业青禾电子预计全年产值将超过12亿元。")
    assert rows[0][0].endswith("产值")


def test_a_share_of_a_plan_keeps_the_plan():
    rows = _rows("全年固定资产投资完成县计划的112.5%。")
    assert rows[0][0].endswith("县计划") and rows[0][1:4] == (112.5, "%", "rate")


def test_funds_won_from_above_are_no_commitment():
    rows = _rows("全年对上争取资金860万元。")
    assert "争取资金" in rows[0][0]


def test_the_year_or_months_inside_a_metric_name_no_part_of_it():
    rows = _rows("青禾电子全年营收3.2亿元，松岭大桥项目1-11月份累计完成投资8600万元。")
    assert [m for m, *_ in rows] == ["青禾电子营收", "松岭大桥项目累计完成投资"]
