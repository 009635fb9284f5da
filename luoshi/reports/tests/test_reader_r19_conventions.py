"""The convention decided in this round (docs/reader-conventions.md, "The meeting's own record"), tested both
ways: the counts a story of the meeting gives of the meeting itself are facts; the meeting's ordinals are not.

None of these sentences is copied from a real text; places, people and years are invented.
"""

from __future__ import annotations

from luoshi.reports.reader import parse

_STORY = (
    "青禾镇第五届人民代表大会第三次会议召开\n\n"
    "3月2日，青禾镇第五届人民代表大会第三次会议开幕。会议应到代表45人，实到42人，符合法定人数。"
    "大会听取了镇长所作的政府工作报告，选举产生镇长1名、副镇长2名。会议收到代表建议12件。\n"
)


def _facts(text: str) -> list[tuple]:
    return [(f.kind, f.value, f.unit) for f in parse(text, name="t.txt", text_only=True).facts]


def test_the_meeting_s_head_counts_elections_and_proposals_are_facts_of_what_happened():
    assert _facts(_STORY) == [
        ("actual", 45, "人"),
        ("actual", 42, "人"),
        ("actual", 1, "名"),
        ("actual", 2, "名"),
        ("actual", 12, "件"),
    ]


def test_the_meeting_s_ordinals_and_the_day_are_no_facts():
    values = {value for _kind, value, _unit in _facts(_STORY)}
    assert not values & {3, 5}  # 第五届, 第三次 and 3月 give nothing (2 is the deputy mayors' count)
    assert _facts("3月2日，青禾镇第五届人民代表大会第三次会议开幕。\n") == []
