"""The reader's written conventions (docs/reader-conventions.md), each tested both ways: what is read, and
what is not read (no fact, or a null field).

None of these sentences is copied from a real text; places, people and years are invented.
"""

from __future__ import annotations

from luoshi.reports.reader import parse

_REVIEW_HEAD = "青禾镇人民政府工作报告\n各位代表：\n一、2030年工作回顾\n"


def _parsed(text: str):
    return parse(text, name="t.txt", text_only=True)


def _facts(text: str) -> list[tuple]:
    return [(f.kind, f.measure, f.value, f.unit, f.year) for f in _parsed(text).facts]


# --- speaker_title: an acting office keeps 代理 --------------------------------------------------------------


def test_an_acting_head_s_title_keeps_daili_under_the_meeting_line():
    text = (
        "政府工作报告\n——在松岭县第九届人民代表大会第二次会议上\n松岭县人民政府代理县长  赵明远\n"
        "各位代表：\n一、2030年工作回顾\n全县财政收入增长5%。\n"
    )
    meta = _parsed(text).meta
    assert (meta.speaker_title, meta.speaker) == ("代理县长", "赵明远")


def test_an_acting_head_in_a_news_story_keeps_daili_and_a_head_keeps_no_party_title():
    story = "2月10日上午，青禾镇第五届人民代表大会第三次会议开幕。代理镇长孙林作政府工作报告。\n"
    assert _parsed(story).meta.speaker_title == "代理镇长"
    head = "2月10日上午，青禾镇第五届人民代表大会第三次会议开幕。镇党委副书记、镇长孙林作政府工作报告。\n"
    assert (_parsed(head).meta.speaker_title, _parsed(head).meta.speaker) == ("镇长", "孙林")


# --- delivered_on: a meeting's span, a closing day, a page's date are no day of delivery ---------------------


def test_a_meeting_s_span_gives_no_day_but_still_its_years():
    text = (
        "松岭乡第五届人民代表大会第三次会议于2031年2月10日至12日召开。代理乡长李红作政府工作报告。"
        "报告指出，2030年全乡实现地区生产总值5亿元。\n"
    )
    meta = _parsed(text).meta
    assert meta.delivered_on is None
    assert (meta.review_year, meta.plan_year) == (2030, 2031)
    # (a span with its month written twice, too)
    assert _parsed(text.replace("10日至12日", "10日至2月12日")).meta.delivered_on is None


def test_a_meeting_held_on_one_day_gives_that_day():
    text = (
        "松岭乡第五届人民代表大会第三次会议于2031年2月10日召开。代理乡长李红作政府工作报告。"
        "报告指出，2030年全乡实现地区生产总值5亿元。\n"
    )
    assert _parsed(text).meta.delivered_on == "2031-02-10"


def test_a_closing_day_gives_no_day_but_an_opening_day_does():
    closing = "松岭镇第三届人民代表大会第四次会议2月12日闭幕。镇长张华作政府工作报告。2030年，全镇财政收入3000万元。\n"
    assert _parsed(closing).meta.delivered_on is None
    opening = (
        "松岭镇第三届人民代表大会第四次会议隆重开幕\n2031年1月8日 来源：松岭县融媒体中心\n"
        "1月6日上午，松岭镇第三届人民代表大会第四次会议开幕。镇长张华作政府工作报告。\n"
    )
    assert _parsed(opening).meta.delivered_on == "2031-01-06"


def test_a_page_s_date_before_its_furniture_is_no_day_of_delivery():
    text = (
        "数字报刊平台\n第03版：要闻\n内容详情 2030年07月22日 返回该版首页\n\n"
        "青禾县松岭镇召开第八届人民代表大会第二次会议\n\n"
        "近日，青禾县松岭镇召开第八届人民代表大会第二次会议。会议听取了镇长杨林同志作的政府工作报告。\n"
    )
    assert _parsed(text).meta.delivered_on is None
    # (the story's own full date is the day)
    dated = text.replace("近日，", "2030年7月20日上午，")
    assert _parsed(dated).meta.delivered_on == "2030-07-20"


def test_a_dispatch_s_day_gives_way_to_the_story_s_own_day():
    text = (
        "松岭新闻网（记者 吴林）6月29日电 6月28日，青禾镇第五届人民代表大会第二次会议胜利召开。"
        "镇长陈立作政府工作报告。\n2030年，全镇财政收入3000万元。\n"
    )
    meta = _parsed(text).meta
    assert meta.delivered_on is not None and meta.delivered_on.endswith("-06-28")


# --- parent: only when named -------------------------------------------------------------------------------


def test_a_town_s_county_is_its_parent_only_when_named():
    named = "松岭县青禾镇人民政府工作报告\n各位代表：\n一、2030年工作回顾\n全镇财政收入增长5%。\n"
    assert _parsed(named).meta.parent == "松岭县"
    unnamed = (
        "青禾镇人民政府工作报告\n各位代表：\n一、2030年工作回顾\n在县委县政府的领导下，全镇财政收入增长5%。\n"
    )
    assert _parsed(unnamed).meta.parent is None


def test_some_districts_deputies_name_no_parent():
    text = (
        "青禾镇召开第五届人民代表大会第七次会议\n12月25日，青禾镇召开第五届人民代表大会第七次会议，"
        "部分区人大代表列席会议。会议听取了镇长王林所作的政府工作报告。\n"
    )
    assert _parsed(text).meta.parent is None


# --- a truncated report plans the year after its review year; a year's account plans nothing --------------------------------------------


def test_a_truncated_report_to_the_deputies_plans_the_year_after_its_review():
    text = (
        "青禾镇第五届人民代表大会第三次会议\n各位代表：\n现在，我代表镇人民政府向大会报告工作。\n"
        "一、2030年工作回顾\n2030年，全镇新建道路3条，"
    )
    meta = _parsed(text).meta
    assert (meta.review_year, meta.plan_year) == (2030, 2031)


def test_a_year_account_titled_with_its_review_year_plans_nothing():
    text = (
        "青禾街道2030年工作报告\n2030年，青禾街道较好地完成了各项工作任务。\n"
        "一、2030年主要工作开展情况\n（一）党的建设持续提质。\n全年新建道路3条，"
    )
    meta = _parsed(text).meta
    assert (meta.review_year, meta.plan_year) == (2030, None)


def test_a_text_with_no_review_year_gets_no_plan_year_from_this_rule():
    text = "青禾街道工作报告\n一、主要工作开展情况\n（一）党的建设持续提质。\n全年新建道路3条，"
    meta = _parsed(text).meta
    assert meta.review_year is None and meta.plan_year is None


# --- livelihood projects counted for a year --------------------------------------------------------------


def test_livelihood_projects_promised_or_voted_are_targets_of_the_year_in_either_numerals():
    text = (
        _REVIEW_HEAD + "全镇财政收入增长5%。\n二、2031年工作安排\n"
        "2031年，将办好10件民生实事。经代表票决产生2031年十件民生实事。计划实施八项为民办实事项目。\n"
    )
    facts = _facts(text)
    assert ("target", "level", 10, "件", 2031) in facts
    assert facts.count(("target", "level", 10, "件", 2031)) == 2
    assert ("target", "level", 8, "项", 2031) in facts


def test_a_count_of_livelihood_projects_in_a_bare_title_or_heading_is_no_fact():
    titled = "松岭镇2031年十项为民办实事项目清单\n1.新建松岭小学教学楼\n2.改造乡村道路12公里\n"
    assert [f.value for f in _parsed(titled).facts] == [12]
    headed = (
        _REVIEW_HEAD + "全镇财政收入增长5%。\n二、2031年工作安排\n全镇生产总值增长6%。\n"
        "（三）十件民生实事\n新建青禾小学教学楼。\n2031年十件实事\n1.新建青禾卫生院\n"
    )
    assert [f.value for f in _parsed(headed).facts] == [5, 6]


# --- N个百分点: growth, a change or a gap alike ------------------------------------------------------------


def test_percentage_points_are_growth_whether_a_change_or_a_gap():
    text = _REVIEW_HEAD + "居民收入增速高于全县0.8个百分点，城镇登记失业率下降0.3个百分点。\n"
    assert [(m, v, u) for _, m, v, u, _ in _facts(text)] == [
        ("growth", 0.8, "个百分点"),
        ("growth", -0.3, "个百分点"),
    ]


def test_a_plain_percent_stays_a_percent_not_points():
    text = _REVIEW_HEAD + "城镇登记失业率控制在3%以内，财政收入增长6%。\n"
    assert [(m, u) for _, m, _, u, _ in _facts(text)] == [("rate", "%"), ("growth", "%")]


# --- a capacity in a work's name is no fact ----------------------------------------------------------------


def test_a_capacity_in_a_work_s_name_is_no_fact_whatever_verb_comes_before():
    text = (
        _REVIEW_HEAD + "全镇建成110千伏青禾变电站，引进年产30万头生猪养殖项目，"
        "建设2万千瓦分布式光伏项目，投运500千瓦光伏电站。\n"
    )
    assert _facts(text) == []


def test_a_capacity_stated_as_a_result_is_a_fact_and_a_count_of_named_works_too():
    text = _REVIEW_HEAD + "全镇新增产能8万吨，新增光伏装机容量2万千瓦，建成5G基站30个。\n"
    assert [(v, u) for _, _, v, u, _ in _facts(text)] == [(80000, "吨"), (20000, "千瓦"), (30, "个")]


# --- 千瓦/兆瓦/吉瓦 as written ------------------------------------------------------------------------------


def test_power_units_are_kept_as_written_and_not_converted():
    text = _REVIEW_HEAD + "全镇新增风电装机3吉瓦，建成光伏装机5兆瓦，新增分布式光伏2.5万千瓦。\n"
    assert [(v, u) for _, _, v, u, _ in _facts(text)] == [(3, "吉瓦"), (5, "兆瓦"), (25000, "千瓦")]


def test_a_power_figure_without_a_power_unit_is_no_power_fact():
    text = _REVIEW_HEAD + "全镇建成光伏电站2座。\n"
    assert [(v, u) for _, _, v, u, _ in _facts(text)] == [(2, "座")]


# --- a count equal to the names listed right there is no fact -------------------------------------------


def test_a_count_equal_to_the_names_before_or_after_it_is_no_fact():
    before = _REVIEW_HEAD + "甲村、乙村、丙村3个村获评示范村。\n"
    assert _facts(before) == []
    after = _REVIEW_HEAD + "创建省级文明村2个，分别是甲村、乙村。新建公园2个，分别为甲公园和乙公园。\n"
    assert _facts(after) == []


def test_a_count_larger_than_the_names_given_is_a_fact():
    text = (
        _REVIEW_HEAD + "全镇甲村、乙村等5个村完成改造。建成5个美丽乡村，其中甲村、乙村为省级。"
        "创建市级文明村3个，分别是甲村、乙村。\n"
    )
    assert [(v, u) for _, _, v, u, _ in _facts(text)] == [(5, "个"), (5, "个"), (3, "个")]


def test_a_floor_area_right_before_a_work_s_name_is_no_fact():
    text = _REVIEW_HEAD + "新建800平方米堆肥厂，拟建设5300平方米便民市场，1200平方米青禾文化站建成投用。\n"
    assert _facts(text) == []
    # (the count of such works stays a fact)
    counted = _REVIEW_HEAD + "建60平方米垃圾分类间4座。\n"
    assert [(v, u) for _, _, v, u, _ in _facts(counted)] == [(4, "座")]


def test_an_area_of_space_of_a_kind_to_be_built_is_a_fact():
    text = _REVIEW_HEAD + "加快40万平方米标准厂房建设，建成3000平方米标准化车间。\n"
    assert [(v, u) for _, _, v, u, _ in _facts(text)] == [(400000, "平方米"), (3000, "平方米")]


def test_a_floor_area_told_as_such_or_after_the_work_is_a_fact():
    text = (
        _REVIEW_HEAD
        + "新建标准厂房5万平方米，新建建筑面积2000平方米的文化站，改造800平方米屋面，硬化广场2000平方米。\n"
    )
    assert [(v, u) for _, _, v, u, _ in _facts(text)] == [
        (50000, "平方米"),
        (2000, "平方米"),
        (800, "平方米"),
        (2000, "平方米"),
    ]
