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
