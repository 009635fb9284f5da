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
