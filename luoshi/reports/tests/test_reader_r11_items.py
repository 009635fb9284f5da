"""Named items, eleventh round (rules): a key task is named by the first clause of its heading; a
roster of works one a line; the names a 民生实事 list goes by.

Every sentence here is made up for its test (invented places); none comes from a report.
"""

from __future__ import annotations

from luoshi.reports.reader.clean import normalise
from luoshi.reports.tests.test_reader_r4_items import _items, _names

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


# --- a roster of works, one a line ---------------------------------------------------------------

# A post listing each district's 民生实事 as bare lines set apart by blank lines: long lines without
# a comma or a full stop are names, not a paragraph a PDF wrapped.
ROSTER = """\
青禾市各区2031年民生实事出炉

东湖区

东湖区人民政府

2031年实施民生实事项目4项

柳岸小学教学楼及食堂维修改造项目

翠屏苑小区消防设施维修项目

杏林巷商住楼消防设施维修项目

石桥等3个小区屋顶防水修缮项目

西岭区

西岭区人民政府

2031年实施民生实事项目3项

西岭区城南片区断头路打通工程

西岭区社区养老服务站建设项目

西岭区老旧小区雨污管网改造工程
"""


def test_a_roster_of_long_unpunctuated_lines_is_not_rejoined_as_wrapped_prose():
    text, _ = normalise(ROSTER)
    assert "柳岸小学教学楼及食堂维修改造项目" in text.splitlines()
    assert "西岭区老旧小区雨污管网改造工程" in text.splitlines()


def test_each_line_of_a_roster_of_works_is_a_livelihood_item():
    names = _names(ROSTER, "livelihood")
    for name in (
        "翠屏苑小区消防设施维修项目",
        "西岭区城南片区断头路打通工程",
        "西岭区社区养老服务站建设项目",
    ):
        assert name in names


def test_wrapped_prose_is_still_rejoined():
    prose = "全年新建道路十二条，改造老旧小区九个；新增托育位三百个，建成口袋公园五处；" * 4
    lines = [prose[i : i + 22] for i in range(0, len(prose), 22)]
    text, _ = normalise("一、2030年工作回顾\n" + "\n".join(lines) + "\n")
    assert prose in text.splitlines()


# --- the names a 民生实事 list goes by -------------------------------------------------------------

TEN_ITEMS = """\
青禾县公布改善民生“十项实事”

青禾县向全县人民公布2031年重点办好的“十项实事”。

“十项实事”分别为：新建柳岸路，改造提升杏林大街；建设翠屏湖湿地公园。
"""


def test_a_news_item_titled_by_its_n_xiang_shishi_lists_livelihood_items_not_projects():
    names = _names(TEN_ITEMS, "livelihood")
    assert "柳岸路" in names and "翠屏湖湿地公园" in names
    assert _names(TEN_ITEMS, "project") == []


MINXIN = """\
2031年青禾市十大民心工程揭晓
“青禾市十大民心工程”评选结果日前公布。
☆柳岸片区老旧小区改造工程；
☆翠屏湖湿地公园；
☆西岭区社区养老服务中心；
"""


def test_a_news_item_titled_by_its_minxin_gongcheng_names_livelihood_items_not_projects():
    items = _items(MINXIN)
    names = [i.name for i in items if i.kind == "livelihood"]
    assert "柳岸片区老旧小区改造工程" in names and "西岭区社区养老服务中心" in names
    assert [i.name for i in items if i.kind == "project"] == []
