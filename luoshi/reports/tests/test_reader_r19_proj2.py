"""Round 19 (wave 2): named projects — the works the deputies voted on, names cut to the work.

Every sentence here is made up for its test (invented places); none comes from a report.
"""

from luoshi.reports.reader import parse

HEAD = "青禾县2031年政府工作报告\n一、2030年工作回顾\n全县生产总值增长6%。\n二、2031年工作安排\n"


def _items(text: str):
    return [(i.name, i.kind) for i in parse(text, text_only=True).items if i.kind != "task"]


# --- the projects the deputies voted on are the 民生实事 -----------------------------------------------


def test_works_of_a_voted_list_are_livelihood_items():
    text = HEAD + (
        "会上，代表对2030年人大代表票决入选项目的完成情况进行测评。"
        "结果显示，实施青禾健康惠民工程、松岭城乡交通畅通工程等项目的测评结果均为满意。\n"
    )
    assert _items(text) == [("青禾健康惠民工程", "livelihood"), ("松岭城乡交通畅通工程", "livelihood")]


def test_the_same_works_without_a_vote_stay_projects():
    text = HEAD + "实施青禾健康惠民工程、松岭城乡交通畅通工程等项目。\n"
    assert _items(text) == [("青禾健康惠民工程", "project"), ("松岭城乡交通畅通工程", "project")]
