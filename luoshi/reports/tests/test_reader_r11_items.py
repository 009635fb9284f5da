"""Named items, eleventh round (rules): a key task is named by the first clause of its heading.

Every sentence here is made up for its test (invented places); none comes from a report.
"""

from __future__ import annotations

from luoshi.reports.tests.test_reader_r4_items import _items

# --- a task is named by its first clause -----------------------------------------------------------

# The convention (docs/reader-items.md): the name is the heading's first clause, up to the first
# ，；。: — a comma typed half-width (",", common in copies of reports) ends it too.
PLAN_HEADINGS = """\
二、2031年工作安排
今年全镇经济社会发展的主要预期目标是：一般公共预算收入增长5%以上。围绕上述目标，重点抓好以下工作：
（一）聚力茶旅融合,持续壮大特色产业。办好采茶节，新建游客驿站两处。
（二）聚力河湖清水，持续改善人居环境。完成十条河沟清淤。
"""


def test_a_task_is_named_by_the_first_clause_of_its_heading_whatever_its_comma():
    items = _items(PLAN_HEADINGS, "task")
    assert [i.name for i in items] == ["聚力茶旅融合", "聚力河湖清水"]
    assert items[0].quote.startswith("（一）聚力茶旅融合,持续壮大特色产业")  # (the quote keeps the heading)


def test_a_lead_is_named_up_to_its_first_comma_and_a_short_clause_stands():
    text = "明年，我们将重点抓好三项工作：一是强基础，夯实农田水利；二是优环境，整治村庄面貌。\n"
    assert [i.name for i in _items(text, "task")] == ["强基础", "优环境"]
