"""Facts: conventions and general rules from the tenth round's training openings, each on a made-up
text.

None of these sentences is copied from a real report; each reproduces only the *kind* of phrase
the reader read otherwise than the annotators.
"""

from __future__ import annotations

from luoshi.reports.tests.test_reader_r4_facts import _facts


def _rows(body: str):
    return [(f.metric, f.value, f.unit, f.measure, f.kind) for f in _facts(body, plan="")]


def _values(body: str):
    return [(f.value, f.unit) for f in _facts(body, plan="")]


# --- numbers that are no facts -------------------------------------------------------------------


def test_the_tasks_or_campaigns_a_slogan_names_are_not_counted():
    assert _values("全县上下齐心协力，集中精力办成两件大事。") == []
    assert _values("今年是实现两个率先的关键之年。") == []
    assert _values("打赢三个百日攻坚硬仗，项目全面提速。") == []
    # a count of things done stays a count
    assert _values("全年办成民生实事十件，建成文化广场两个。") == [(10, "件"), (2, "个")]


def test_a_later_phase_of_a_named_works_is_part_of_its_name():
    assert _values("青禾热电三期建成投产，四期设备进场安装，城北水厂五期改扩建启动。") == []
    # a count of phases held, after a verb, is still a count
    assert _values("举办农技培训班12期。") == [(12, "期")]


def test_a_distance_that_bounds_a_zone_belongs_to_the_metric():
    assert _values("完成化工园区800米卫生防护距离内住户搬迁。") == []
    assert _values("清理河道两侧30米范围内垃圾堆放点。") == []
    # a length built is an amount
    assert _values("新建污水管网1200米，硬化道路3.5公里。") == [(1200, "米"), (3.5, "公里")]


def test_long_names_before_their_count_are_restated_by_it():
    text = "推进青禾新型建材科技产业园、松岭智能装备制造基地、白石国际文化旅游度假区3个重点项目。"
    assert _values(text) == []
    text = "引进甲乙生物医药研发中心、丙丁精密机械制造项目等2个项目。"
    assert _values(text) == []


# --- the metric ----------------------------------------------------------------------------------


def test_a_total_after_a_new_count_is_the_total_of_the_same_thing():
    rows = _rows("全年新增规上工业企业12家、总数达96家。")
    assert [(m, v) for m, v, *_ in rows] == [("新增规上工业企业", 12), ("新增规上工业企业总数", 96)]


def test_grown_to_names_nothing_the_start_value_did_not():
    rows = _rows("家庭农场从38家发展到85家。")
    assert [(m, v) for m, v, *_ in rows] == [("家庭农场", 38), ("家庭农场", 85)]


def test_plots_of_land_are_counted_by_fu():
    rows = _rows("完成园区内6幅地块收储，总面积180亩。")
    assert [(v, u) for _, v, u, *_ in rows] == [(6, "幅"), (180, "亩")]
    assert rows[1][0].endswith("总面积") and "地块收储" in rows[1][0]


def test_the_places_a_town_is_ranked_among_are_no_count():
    assert _values("财政收入总量和增速均居松岭七个乡镇前列。") == []
    assert _values("新建村级活动场所七个，位居全县前列。") == [(7, "个")]


def test_an_amount_a_named_thing_costs_is_named_by_the_thing():
    rows = _rows("全年引进总投资8亿元的青禾新能源电池项目，投资3亿元的松岭康养中心建设进展顺利。")
    assert [(m, v) for m, v, *_ in rows] == [
        ("青禾新能源电池项目总投资", 800000000),
        ("松岭康养中心投资", 300000000),
    ]
