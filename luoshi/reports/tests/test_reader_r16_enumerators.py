"""Named items, sixteenth round: key tasks under the enumerator styles the earlier rounds did not read —
"1）" (a closing bracket only), "⑴" (one parenthesised character) and "第一，" / "第二，" leads each opening
its own line. Each style counts as a level of its own, so the first level of the plan is still its tasks.

Every sentence here is made up for its test (invented places); none comes from a report.
"""

from __future__ import annotations

import pytest

from luoshi.reports.reader.items import _enum_style
from luoshi.reports.tests.test_reader_r4_items import _items, _names

HEAD = (
    "青禾镇2031年政府工作报告\n"
    "一、2030年工作回顾\n"
    "全镇生产总值达到40亿元，增长6%。\n"
    "二、2031年工作安排\n"
    "2031年，我们将重点抓好以下工作：\n"
)
ENTRIES = (
    "聚力产业升级，推进柳湾园区扩容。",
    "抓实乡村振兴，完成高标准农田3000亩。",
    "提升治理效能，建成网格驿站6个。",
)
NAMES = ["聚力产业升级", "抓实乡村振兴", "提升治理效能"]


def _plan(marks: tuple[str, str, str]) -> str:
    return HEAD + "".join(f"{m}{e}\n" for m, e in zip(marks, ENTRIES, strict=True))


@pytest.mark.parametrize(
    "marks",
    [
        ("1）", "2）", "3）"),
        ("1)", "2)", "3)"),
        ("⑴", "⑵", "⑶"),
        ("第一，", "第二，", "第三，"),
        ("第一、", "第二、", "第三、"),
    ],
)
def test_each_entry_of_the_first_level_is_a_task(marks):
    assert _names(_plan(marks), "task") == NAMES
    assert all(i.part == "plan" and i.year == 2031 for i in _items(_plan(marks), "task"))


@pytest.mark.parametrize("marks", [("1）", "2）", "3）"), ("⑴", "⑵", "⑶"), ("第一，", "第二，", "第三，")])
def test_a_lower_level_of_another_style_inside_a_task_is_no_task(marks):
    text = HEAD + (
        f"（一）聚力产业升级，推进柳湾园区扩容。\n{marks[0]}引进企业，签约项目12个。\n{marks[1]}培育龙头，新增规上企业3家。\n"
        "（二）抓实乡村振兴，完成高标准农田3000亩。\n"
    )
    assert _names(text, "task") == ["聚力产业升级", "抓实乡村振兴"]


def test_a_list_met_first_at_its_second_entry_is_no_level():
    """ "第二，…" with nothing before it is the rest of a sentence, not a list's first entry."""
    text = HEAD + "第二，抓实乡村振兴，完成高标准农田3000亩。\n第三，提升治理效能，建成网格驿站6个。\n"
    assert _names(text, "task") == []


@pytest.mark.parametrize(
    ("line", "style"),
    [
        ("1）引进企业", ("rnum", 2)),
        ("12)引进企业", ("rnum", 3)),
        ("⑴引进企业", ("pcirc", 1)),
        ("⒇引进企业", ("pcirc", 1)),
        ("第一，引进企业", ("lead", 3)),
        ("第十二、引进企业", ("lead", 4)),
        ("一是引进企业", ("lead", 2)),
        ("1.引进企业", ("num", 2)),
    ],
)
def test_the_enumerator_styles(line, style):
    assert _enum_style(line) == style


@pytest.mark.parametrize("line", ["第一季度完成投资3亿元", "第一书记驻村", "2023）", "123）引进"])
def test_words_that_only_look_like_enumerators(line):
    assert _enum_style(line) is None
