"""Round 16, second wave: numbers of facts in passages and plan texts (bare powers of ten held above a
floor, people counted by a bare 万)."""

from luoshi.reports.reader import numbers, parse


def _facts(text: str) -> list[tuple[float, str | None, str]]:
    return [(f.value, f.unit, f.kind) for f in parse(text, text_only=True).facts]


def _tokens(text: str) -> list[tuple[float, str | None]]:
    return [(t.value, t.unit) for t in numbers.scan(text)]


# --- a bare power of ten held above: 稳定在百亿元以上 ------------------------------------------------


def test_a_bare_power_of_ten_held_above_is_a_floor_in_figures():
    assert _tokens("青禾开发区营收稳定在百亿元以上。") == [(1e10, "元")]
    assert _tokens("全县蔬菜产量保持在百万吨以上。") == [(1e6, "吨")]
    assert _tokens("松岭园区产值維持在千亿元以上。") == [(1e11, "元")]


def test_a_plan_s_floor_held_above_is_a_target():
    text = (
        "青禾市2031年政府工作目标\n"
        "2031年主要预期目标：全市产值增长6%左右，茶叶和水果产量都要稳定在百万吨以上，"
        "开发区营收稳定在百亿元以上。\n"
    )
    facts = _facts(text)
    assert (1e6, "吨", "target") in facts
    assert (1e10, "元", "target") in facts


def test_a_bare_power_of_ten_without_its_floor_or_its_unit_stays_no_number():
    assert _tokens("全县产值保持在百亿元的水平。") == []  # no 以上: a manner of speaking
    assert _tokens("用户数量稳定在百万以上。") == []  # no unit: what it counts is not said
    assert _tokens("青禾镇上百万元的项目。") == []  # 上百万 names no number


# --- people counted by a bare 万 ------------------------------------------------------------------


def test_people_after_three_modifiers_are_counted_in_persons():
    facts = _facts("现行标准下青禾省6.5万建档立卡农村贫困人口全部脱贫。")
    assert facts == [(65000, "人", "actual")]


def test_pupils_after_a_bare_wan_are_people_not_money():
    facts = _facts("2031年，松岭市将为120万中小学生开展视力筛查。")
    assert [(v, u) for v, u, _ in facts] == [(1200000, "人")]
    assert [u for _, u, _ in _facts("全县3.2万小学生参加了体质测试。")] == ["人"]


def test_money_before_a_verb_for_people_stays_money():
    assert [u for _, u, _ in _facts("青禾县投入300万帮助中小学生改善午餐。")] == ["元"]


def test_young_people_drawn_to_a_city_are_counted_in_persons():
    facts = _facts("2030年，松岭市全年新增4.5万青年来松岭就业创业。")
    assert [(v, u) for v, u, _ in facts] == [(45000, "人")]
