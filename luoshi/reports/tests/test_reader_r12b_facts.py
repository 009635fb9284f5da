"""Facts: kinds of phrase the twelfth round's development texts still showed the reader reading
otherwise than the annotators (second pass), each on a made-up text.

None of these sentences is copied from a real report; each reproduces only the *kind* of phrase
that failed.
"""

from __future__ import annotations

from luoshi.reports.reader import facts, parse


def _facts(text: str):
    return [(f.value, f.unit, f.kind, f.measure) for f in parse(text, text_only=True).facts]


_NEWS_HEAD = "青禾市重大项目集中开工\n发布时间：2031-04-08\n"


def test_a_phase_before_a_plant_s_capacity_is_part_of_the_project_s_name():
    text = (
        _NEWS_HEAD
        + "4月8日，青禾市12个重大项目集中开工。其中，青禾热电厂二期2×350MW扩建工程项目总投资30亿元。\n"
    )
    values = [f[0] for f in _facts(text)]
    assert 12 in values and 3_000_000_000 in values
    assert 2 not in values  # 二期: the phase of a named works


def test_three_phases_before_a_capacity_are_no_count():
    text = _NEWS_HEAD + "4月8日，青禾市12个重大项目集中开工，青禾电厂三期2×660MW扩建工程项目同日开工。\n"
    assert [f[0] for f in _facts(text)] == [12]


def test_a_hundred_per_cent_spoken_as_baifenbai_is_a_rate():
    text = "一、2030年工作回顾\n2030年，东坡地块征收实现320户百分百签约，完成年度任务。\n"
    facts = _facts(text)
    assert (320, "户", "actual", "level") in facts
    assert (100, "%", "actual", "rate") in facts


def test_baifenbai_is_not_read_inside_other_words():
    text = "一、2030年工作回顾\n2030年，全区新建百分制考核体系，完成征收320户。\n"
    assert [f[0] for f in _facts(text)] == [320]


def test_a_planned_sum_named_after_a_conjunction_is_a_noun_not_a_plan():
    text = (
        _NEWS_HEAD + "4月8日，青禾市推动实施重点项目共计300个；其中工业项目的数量和计划投资都超过一半，"
        "新兴产业项目达120个。\n"
    )
    kinds = {f[0]: f[2] for f in _facts(text)}
    assert kinds[300] == "actual"
    assert kinds[120] == "actual"  # 和计划投资: a sum named, no commitment


def test_a_plan_word_after_a_conjunction_still_counts_in_its_own_clause():
    text = _NEWS_HEAD + "4月8日，青禾市集中开工项目12个。今年全市计划实施重点项目300个。\n"
    kinds = {f[0]: f[2] for f in _facts(text)}
    assert kinds == {12: "actual", 300: "target"}


def _kind_after_semicolon(sentence: str, number: str):
    """The kind ``facts._passage_kind`` gives ``number`` in the part of ``sentence`` after its ；."""
    s = "4月8日，青禾市12个重大项目集中开工。" + sentence
    part = s.index("；") + 1
    at = s.index(number, part)
    return facts._passage_kind(s, part, at, at + len(number), len(s))


def test_will_at_the_head_of_a_sentence_governs_its_part_after_a_semicolon():
    sentence = "今年该市将实施重点项目120项，总投资500亿元；新开工项目40个以上。"
    assert _kind_after_semicolon(sentence, "40个") == ("target", "")


def test_a_plan_word_that_names_a_metric_is_not_carried_over_a_semicolon():
    sentence = "年度计划投资超过800亿元；新兴产业项目达到95个。"
    assert _kind_after_semicolon(sentence, "95个") is None


def test_a_done_mark_before_the_semicolon_still_makes_the_part_actual():
    sentence = "截至目前，已开复工项目80个；续建项目30个。"
    assert _kind_after_semicolon(sentence, "30个") == ("actual", "")


def test_a_bound_with_its_equivalent_in_brackets_is_part_of_the_metric():
    text = "二、2031年工作安排\n全年新签约5亿元（8000万美元）以上项目40个，引进外资2亿元。\n"
    facts = _facts(text)
    values = [f[0] for f in facts]
    assert 40 in values and 200_000_000 in values
    assert 500_000_000 not in values and 80_000_000 not in values


def test_an_amount_with_its_equivalent_in_brackets_and_no_bound_stays_a_fact():
    text = "二、2031年工作安排\n全年实际利用外资5亿元（8000万美元），新签约项目40个。\n"
    values = [f[0] for f in _facts(text)]
    assert 500_000_000 in values and 40 in values


# --- the level of a text that never names its place -------------------------------------------


def _level(text: str):
    return parse(text, text_only=True).meta.level


def test_a_plan_excerpt_that_says_all_the_district_once_is_a_county_level_text():
    text = "2031年全区经济社会发展主要预期目标是：地区生产总值增长6%，固定资产投资增长8%。\n"
    assert _level(text) == "county"


def test_a_news_item_that_names_the_city_s_congress_and_government_is_a_city_s():
    text = "1月12日，记者从市十二届人大三次会议上获悉，今年，市政府将集中办好8件民生实事。\n"
    assert _level(text) == "city"


def test_a_text_that_speaks_of_two_kinds_of_place_once_each_has_no_level():
    text = (
        "2031年全区经济社会发展主要预期目标是：地区生产总值增长6%，增速力争居全市第一方阵，市政府考核优秀。\n"
    )
    assert _level(text) is None
