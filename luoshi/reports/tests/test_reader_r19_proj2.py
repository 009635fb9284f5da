"""Round 19 (wave 2): named projects — the works the deputies voted on, names without the words before the work.

Every sentence here is made up for its test (invented places); none comes from a report.
"""

from luoshi.reports.reader import parse

HEAD = "青禾县2031年政府工作报告\n一、2030年工作回顾\n全县生产总值增长6%。\n二、2031年工作安排\n"


def _items(text: str):
    return [(i.name, i.kind) for i in parse(text, text_only=True).items if i.kind != "task"]


# --- the projects the deputies voted on are the 民生实事 -----------------------------------------------


def test_works_of_a_voted_list_are_livelihood_items():
    text = HEAD + (
        "会上，代表们对2030年由代表票决确定的项目逐一打分。"
        "打分显示，实施青禾健康惠民工程、松岭城乡交通畅通工程等项目的得分都在九十分以上。\n"
    )
    assert _items(text) == [("青禾健康惠民工程", "livelihood"), ("松岭城乡交通畅通工程", "livelihood")]


def test_the_same_works_without_a_vote_stay_projects():
    text = HEAD + "实施青禾健康惠民工程、松岭城乡交通畅通工程等项目。\n"
    assert _items(text) == [("青禾健康惠民工程", "project"), ("松岭城乡交通畅通工程", "project")]


# --- a name without the adverb and verb before it -------------------------------------------------


def _projects(text: str):
    return [i.name for i in parse(text, text_only=True).items if i.kind == "project"]


def test_an_adverb_before_the_verb_is_no_part_of_the_name():
    assert _projects(HEAD + "初步建成青禾农业大数据中心，布局智慧农业。\n") == ["青禾农业大数据中心"]
    names = _projects(HEAD + "稳步推进青禾水乡、松岭度假中心等8个社会投资项目落地。\n")
    assert names == ["青禾水乡", "松岭度假中心"]


def test_the_second_of_two_verbs_is_no_part_of_the_name():
    assert _projects(HEAD + "提升改造青禾公园、松岭公园。\n") == ["青禾公园", "松岭公园"]


def test_a_work_without_a_verb_keeps_its_whole_name():
    assert _projects(HEAD + "加快推进青禾改造提升工程。\n") == ["青禾改造提升工程"]
