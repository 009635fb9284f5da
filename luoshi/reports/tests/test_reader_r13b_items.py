"""Named items, thirteenth round, second part (rules): a heading that counts its 民生实事 over short
lines, one of them without its number; entries numbered by a number alone on its line; a byline is
no work.

Every sentence here is made up for its test (invented places); none comes from a report.
"""

from __future__ import annotations

from luoshi.reports.tests.test_reader_r4_items import _names

TALLIED_ROSTER = (
    "3月2日，青禾区人大会议票决产生了2031年度青禾区十大民生实事。涵盖养老、教育、环境等方面内容。\n"
    "十大民生实事项目\n"
    "千名独居老人安装智能烟感\n"
    "30所中小学午休课桌椅更新\n"
    "12个口袋公园建设\n"
    "80公里城市绿道建设提升\n"
    "3万人入住保障性租赁住房\n"
    "文/青禾日报记者:柳眉\n"
    "青禾日报编辑:石川\n"
)


def test_a_counted_heading_keeps_a_roster_line_whose_count_was_lost():
    names = _names(TALLIED_ROSTER, "livelihood")
    assert any("独居老人安装智能烟感" in n for n in names), names
    assert any("口袋公园建设" in n for n in names), names
    assert any("城市绿道建设提升" in n for n in names), names


def test_a_byline_names_no_livelihood_work():
    names = _names(TALLIED_ROSTER, "livelihood")
    assert not any("编辑" in n or "记者" in n for n in names), names


def test_an_uncounted_heading_does_not_take_a_line_of_no_work_sign():
    text = "实事项目\n首页导航栏目\n新建社区食堂5个\n改造老旧小区12个\n新增托育床位300张\n"
    names = _names(text, "livelihood")
    assert not any("首页" in n for n in names), names


LABELLED_PARAGRAPHS = (
    "青禾镇2031年十件民生实事出炉\n"
    "为解决群众急难愁盼问题，青禾镇2031年将集中办好一批民生实事项目。具体安排如下：\n"
    "守护平安家园\n"
    "推进平安小区建设，创建120个平安小区；加强食品安全抽检，全年快检不少于8000批次。\n"
    "提升养老服务水平\n"
    "新建2个社区长者食堂，为300户老人家庭实施适老化改造，扩大居家养老服务覆盖面。\n"
    "改善学校办学条件\n"
    "聚焦公办学校建设，推进北区小学、滨河幼儿园扩建工程，进一步优化教育教学环境。\n"
)


def test_short_labels_over_paragraphs_after_an_opening_line_are_the_entries():
    names = _names(LABELLED_PARAGRAPHS, "livelihood")
    for label in ("守护平安家园", "提升养老服务水平", "改善学校办学条件"):
        assert label in names, (label, names)


def test_a_label_is_no_sentence():
    text = LABELLED_PARAGRAPHS.replace("守护平安家园\n", "守护平安家园，筑牢安全防线\n")
    names = _names(text, "livelihood")
    assert not any(n.startswith("守护平安家园，") for n in names), names


def test_how_many_projects_names_none():
    text = "大多数项目进度符合预期，所有项目均已开工。目前立项项目11个、现有签约项目5个、在谈项目4个。\n"
    assert _names(text, "project") == []


def test_works_listed_for_an_honour_they_won_are_no_projects():
    text = "柳岸广场、青禾大厦等6个项目获评省级节能示范项目。\n"
    assert _names(text, "project") == []
    built = "今年推进青禾商贸综合体、柳岸乡创园等3个项目建设。\n"
    assert _names(built, "project") == ["青禾商贸综合体", "柳岸乡创园"]
