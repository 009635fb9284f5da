"""Metadata of openings and news stories, the seventeenth round's second wave: kinds of phrase and layout
the reader read otherwise than the annotators, each on a made-up text.

None of these sentences is copied from a real text; places, people and years are invented.
"""

from __future__ import annotations

from luoshi.reports.tests.test_reader_r4_meta import _meta

# --- the speaker's own government under the place the meeting names ---------------------------------------


def test_a_district_head_under_a_city_s_meeting_line_gives_the_district():
    text = (
        "政府工作报告\n——2031年2月9日在青川市第七届人民代表大会第二次会议上\n"
        "青川市松岭区人民政府区长 韩冬青\n各位代表：\n"
        "现在，我代表区人民政府，向大会报告工作。\n一、2030年工作回顾\n全区新修道路12公里。\n"
    )
    meta = _meta(text)
    assert (meta.jurisdiction, meta.level, meta.parent) == ("松岭区", "county", "青川市")
    assert (meta.speaker_title, meta.speaker) == ("区长", "韩冬青")


def test_a_city_head_under_the_city_s_meeting_line_keeps_the_city():
    text = (
        "政府工作报告\n——2031年2月9日在青川市第七届人民代表大会第二次会议上\n"
        "青川市人民政府市长 韩冬青\n各位代表：\n"
        "现在，我代表市人民政府，向大会报告工作。\n一、2030年工作回顾\n全市新修道路12公里。\n"
    )
    meta = _meta(text)
    assert (meta.jurisdiction, meta.level) == ("青川市", "city")
