"""Facts: the kind of a number in a text without headings, read from the passage it goes on telling
(the eighteenth round's second wave). Each text is made up; none is copied from a real report."""

from __future__ import annotations

from luoshi.reports.reader import parse

_LEAD = (
    "青禾网松城1月27日电 (记者李青)27日,青禾省第九届人民代表大会第四次会议在松城开幕,"
    "青禾省省长王青作政府工作报告。他介绍,2026年青禾将开展土壤改良,推动农机农艺融合增效,"
    "新建和改造农田12万亩,粮食总产9亿斤以上。\n\n"
)


def _facts(text: str) -> dict[float, tuple[str, int | None]]:
    return {f.value: (f.kind, f.year) for f in parse(text, text_only=True).facts}


def test_a_plan_told_once_goes_on_in_the_sentences_after_it():
    text = (
        _LEAD
        + "在做好特色产业方面,加快发展茶叶、中药材等8个特色产业。\n\n"
        + "同时,新建改建农村公路340公里;接续推进文体活动。\n"
    )
    got = _facts(text)
    assert got[120_000] == ("target", 2026)
    assert got[8] == ("target", 2026)
    assert got[340] == ("target", 2026)


def test_a_sentence_that_tells_what_was_done_takes_no_kind_from_the_plan_before_it():
    text = (
        _LEAD
        + "过去一年,全省新建改建农村公路340公里。\n\n"
        + "同时,全省已建成文化广场90个;接续推进文体活动。\n"
    )
    got = _facts(text)
    assert got[120_000] == ("target", 2026)
    assert got[340][0] == "actual"
    assert got[90][0] == "actual"
