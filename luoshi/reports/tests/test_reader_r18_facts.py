"""Facts: where a metric starts and ends, kinds of phrase the eighteenth round's training texts showed
the reader reading otherwise than the annotators, each on a made-up text.

None of these sentences is copied from a real report; each reproduces only the *kind* of phrase
that failed.
"""

from __future__ import annotations

from luoshi.reports.reader import parse

_REVIEW = "一、2030年工作回顾\n"
_PLAN = "二、2031年工作安排\n"


def _metrics(text: str) -> dict[float, str]:
    return {f.value: f.metric for f in parse(text, text_only=True).facts}


def test_the_goal_phrase_before_a_planned_growth_is_no_part_of_the_metric():
    text = _REVIEW + "全年完成财政收入3000万元。\n" + _PLAN + "今年主要预期目标是地区生产总值增长6.5%以上。\n"
    got = _metrics(text)
    assert got[6.5] == "地区生产总值"
    text = _REVIEW + "全年完成财政收入3000万元。\n" + _PLAN + "预期目标为农民人均可支配收入增长7%。\n"
    assert _metrics(text)[7] == "农民人均可支配收入"


def test_a_count_and_the_money_of_the_same_things_share_their_noun():
    text = _REVIEW + "青禾镇储备项目20个，实施6个、80万元的乡村振兴重点项目。\n"
    got = _metrics(text)
    assert "乡村振兴重点项目" in got[6]  # (not the bare verb 实施)
    assert got[800_000] == "乡村振兴重点项目"
    # money not followed by 的 names nothing after it: the count keeps its own words
    text = _REVIEW + "松岭乡新修道路5条、投资200万元，群众出行更加便利。\n"
    got = _metrics(text)
    assert got[5].endswith("新修道路")


def test_a_cut_off_date_before_the_number_is_no_metric():
    text = _REVIEW + "松岭乡一般公共预算收入稳步增长，截至11月完成2400万元。\n"
    assert "截至" not in _metrics(text)[24_000_000]
    text = _REVIEW + "青禾镇营商环境持续优化，截至十月底新增市场主体120户。\n"
    assert _metrics(text)[120] == "新增市场主体"


# (wave 2) the kind of a number in a text without headings, read from the passage it goes on telling;
# counts that name a set or restate the names before them
_LEAD = (
    "青禾网松城1月27日电 (记者李青)27日,青禾省第九届人民代表大会第四次会议在松城开幕,"
    "青禾省省长王青作政府工作报告。他介绍,2026年青禾将开展土壤改良,推动农机农艺融合增效,"
    "新建和改造农田12万亩,粮食总产9亿斤以上。\n\n"
)


def _kinds_years(text: str) -> dict[float, tuple[str, int | None]]:
    return {f.value: (f.kind, f.year) for f in parse(text, text_only=True).facts}


def test_a_plan_told_once_goes_on_in_the_sentences_after_it():
    text = (
        _LEAD
        + "在做好特色产业方面,加快发展茶叶、中药材等8个特色产业。\n\n"
        + "同时,新建改建农村公路340公里;接续推进文体活动。\n"
    )
    got = _kinds_years(text)
    assert got[120_000] == ("target", 2026)
    assert got[8] == ("target", 2026)
    assert got[340] == ("target", 2026)


def test_a_sentence_that_tells_what_was_done_takes_no_kind_from_the_plan_before_it():
    text = (
        _LEAD
        + "过去一年,全省新建改建农村公路340公里。\n\n"
        + "同时,全省已建成文化广场90个;接续推进文体活动。\n"
    )
    got = _kinds_years(text)
    assert got[120_000] == ("target", 2026)
    assert got[340][0] == "actual"
    assert got[90][0] == "actual"


def _values(text: str) -> list[float]:
    return [f.value for f in parse(text, text_only=True).facts]


def test_a_numeral_set_a_work_keeps_to_is_no_count():
    assert _values(_REVIEW + "松岭乡严格落实四项监测手段，年度内新增监测户12户。\n") == [12]
    assert _values(_REVIEW + "青禾镇结合三个年活动，新建村级公园6个。\n") == [6]
    # a count the verb does not frame stays one
    assert 3 in _values(_REVIEW + "青禾镇新建三个村级公园。\n")


def test_a_count_that_restates_names_in_a_quote_within_a_quote_is_no_fact():
    text = _PLAN + "全年实施‘产业提质、乡村振兴、城镇更新、民生改善’四项行动，新建道路9条。\n"
    assert _values(text) == [9]
    # the count of fewer names than it counts is a fact
    text = _PLAN + "全年实施‘产业提质、乡村振兴’等四项行动，新建道路9条。\n"
    assert 4 in _values(text)


def test_a_listed_name_may_hold_and_within_it():
    text = (
        _PLAN + "重点从壮大特色产业、推进城乡融合和协调发展、加强基层治理等3个方面进行安排，新建道路9条。\n"
    )
    assert _values(text) == [9]


def test_a_paragraph_that_opens_with_a_year_before_the_plan_tells_what_was_done_that_year():
    text = (
        "记者从青禾县两会上了解到，今年，青禾县将聚焦共同富裕目标，持续改善民生，奋力建设富裕明朗的新青禾。\n\n"
        "2030年，青禾县县域实力不断增强，产业升级步伐加快，开创了青禾发展新局面。"
        "全县生产总值完成80.5亿元，固定资产投资完成30.2亿元。"
        "青禾县今年的《政府工作报告》中确定了全县2031年经济社会发展预期目标。\n"
    )
    got = _kinds_years(text)
    assert got[8_050_000_000] == ("actual", 2030)
    assert got[3_020_000_000] == ("actual", 2030)


def test_the_deputies_counted_by_wei_at_the_meeting_are_its_record():
    text = (
        "1月8日，青禾镇第三届人民代表大会第五次会议在镇会议中心召开。58位镇人大代表出席会议。\n"
        "第一次全体会议上，镇长李青作2030年镇政府工作报告。\n"
    )
    assert _kinds_years(text)[58][0] == "actual"


def test_the_parts_of_a_total_told_as_done_are_done_under_a_plan_heading_too():
    plan = _REVIEW + "全年完成财政收入3000万元。\n" + _PLAN
    got = _kinds_years(
        plan + "会议期间，代表们共提出了建议15条，其中产业发展8条、城乡建设4条、社会事业3条。\n"
    )
    assert [got[v][0] for v in (15, 8, 4, 3)] == ["actual"] * 4
    # the parts of a planned total stay planned
    got = _kinds_years(plan + "全年计划实施项目15个，其中产业项目9个、民生项目6个。\n")
    assert [got[v][0] for v in (15, 9, 6)] == ["target"] * 3


def test_a_name_may_hold_a_digit_in_a_list_its_count_restates():
    text = _REVIEW + "全力抓好项目服务，松岭职教中心、12中改扩建、青禾卫生院三个项目全部建成。\n"
    assert 3 not in _values(text)
    # numbers with their measure words in the list are facts of their own
    text = _REVIEW + "创建示范村1个、先进村2个，共3个。\n"
    assert {1, 2} <= set(_values(text))
