"""Named items, eighteenth round (wave 2): a plan digest's work areas, and what is no task.

A digest counts its areas as 工程 or 行动 too, and ten or more of them ("十二项行动"); the 等 and the
quotation marks around the list are no part of a name, and a promise earlier in the sentence (before a
semicolon) sets the list for the year. What a party secretary sets out at the congress ("一是要…") is a
speech's requirements, not the government's plan.

Every sentence here is made up for its test (invented places and years); none comes from a report.
"""

from __future__ import annotations

from luoshi.reports.tests.test_reader_r4_items import _names

PROGRAMMES = (
    "青禾县两会闭幕\n"
    "记者从青禾县两会上了解到，今年全县经济平稳。\n"
    "为了实现目标，青禾县将坚持稳中求进；补齐产业短板，全力实施茶园提质、园区扩容、山乡畅通、"
    "和美乡村等四大工程。\n"
    "会议选举产生了新一届县人民政府领导班子。\n"
)

ACTIONS = (
    "松岭乡人代会召开\n"
    "乡长在报告中说：“2031年，松岭乡将围绕一条主线，实施‘茶叶增收、林下养殖、道路提升、村庄整治、"
    "学校扩建、医疗便民、文旅融合、数字乡村、平安松岭、清廉机关、营商优化、就业帮扶’十二项行动，"
    "努力开创新局面。”\n"
    "会议审议通过了各项决议。\n"
)

SPEECH_CLAUSES = (
    "松岭乡人民代表大会第二次会议召开\n"
    "7月9日，松岭乡人民代表大会第二次会议召开。\n"
    "乡党委书记周岚在会上指出，上半年各项工作总体符合预期。全乡上下要认清形势、把握要求，奋力实现新突破；"
    "广大党员干部要树立形象、干出成绩，为全乡发展作出贡献；要充分发挥代表作用，进一步提升履职能力。\n"
)

GOVERNMENT_LEADS = (
    "青禾镇人民代表大会第五次会议召开\n"
    "7月2日，青禾镇人民代表大会第五次会议召开，镇党委书记林青在会上强调要凝心聚力。\n"
    "镇长王川作政府工作报告，报告提出，下半年镇政府将抓好三项重点工作：一是做强茶叶加工；二是改善山区交通；"
    "三是办好民生实事。\n"
)


def test_a_digests_counted_programmes_are_its_tasks_without_their_deng():
    assert _names(PROGRAMMES, "task") == ["茶园提质", "园区扩容", "山乡畅通", "和美乡村"]


def test_twelve_actions_in_quotation_marks_are_twelve_tasks():
    names = _names(ACTIONS, "task")
    assert len(names) == 12
    assert names[0] == "茶叶增收" and names[-1] == "就业帮扶"


def test_a_party_secretarys_clauses_at_the_congress_are_no_tasks():
    assert _names(SPEECH_CLAUSES, "task") == []


def test_the_government_reports_leads_after_a_secretarys_words_are_tasks():
    assert _names(GOVERNMENT_LEADS, "task") == ["做强茶叶加工", "改善山区交通", "办好民生实事"]
