"""Named items, sixteenth round (livelihood): a table of the 民生实事 laid out a row to a line ("序号 | 实事项目
名称 | 完成情况 |" over "1 | 新增N个X | …") gives one entry per row, named from its column of names; "A、B及C等N项
民生实事" names three entries, 及 joining the last two as 和 does.

Every sentence here is made up for its test (invented places and years); none comes from a report.
"""

from __future__ import annotations

from luoshi.reports.reader.clean import normalise
from luoshi.reports.tests.test_reader_r4_items import _items, _names

TABLE = (
    "青禾市2031年为民办实事项目进展顺利，欢迎市民参与满意度评议。\n"
    "2031年青禾市为民办实事项目完成情况\n"
    "序号 | 实事项目名称 | 完成情况 | 占全年计划 |\n"
    "1 | 新增1200张养老床位 | 1350 | 112% |\n"
    "改建600张认知障碍照护床位 | 640 | 107% | |\n"
    "2 | 新增12个社区老年助餐点 | 15 | 125% |\n"
    "3 | 打造40条无障碍公交线路 | 41 | 102% |\n"
    "4 | 为150户困难家庭进行“暖居工程”居室改造 | 160 |\n"
)


def test_each_row_of_a_table_of_the_livelihood_projects_is_an_entry():
    names = _names(TABLE, "livelihood")
    assert names[:4] == ["养老床位", "认知障碍照护床位", "社区老年助餐点", "无障碍公交线路"], names
    assert len(names) == 5 and "“暖居工程”居室改造" in names[4], names


def test_a_row_that_goes_on_a_merged_serial_number_is_an_entry_of_its_own():
    quotes = [i.quote for i in _items(TABLE, "livelihood")]
    assert quotes[1] == "改建600张认知障碍照护床位", quotes


def test_the_header_row_and_the_figures_are_no_entries():
    names = _names(TABLE)
    assert not any("|" in n or "序号" in n or "名称" in n for n in names), names
    assert not any(n[:1].isdigit() for n in names), names


def test_the_table_of_the_livelihood_projects_is_kept_by_the_cleaner():
    text, _removed = normalise(TABLE)
    assert "1 | 新增1200张养老床位 | 1350 | 112% |" in text
    assert "改建600张认知障碍照护床位 | 640 | 107% | |" in text


def test_a_title_that_names_the_livelihood_projects_makes_a_table_of_names_theirs():
    text = TABLE.replace("实事项目名称", "项目名称")
    assert _names(text, "livelihood")[:2] == ["养老床位", "认知障碍照护床位"]


def test_a_table_of_names_under_no_livelihood_title_is_still_furniture():
    text = (
        "青禾市2031年部门信息公开目录\n"
        "序号 | 名称 | 发布机构 | 日期 |\n"
        "1 | 年度预算公开说明 | 青禾市财政局 | 2031-01-05 |\n"
        "2 | 政务服务事项清单 | 青禾市政务服务中心 | 2031-01-06 |\n"
    )
    cleaned, _removed = normalise(text)
    assert "年度预算公开说明" not in cleaned
    assert _names(text, "livelihood") == []


def test_a_menu_line_after_a_livelihood_title_is_no_table():
    text, _removed = normalise("青禾区民生实事专栏\n首页 | 新闻动态 | 通知公告 | 民生实事 |\n")
    assert "新闻动态" not in text


def test_a_table_of_the_livelihood_projects_ends_at_the_first_line_without_cells():
    text = TABLE + "截至10月底，上述项目均已提前完成全年目标。\n"
    assert len(_names(text, "livelihood")) == 5, _names(text, "livelihood")


VOTED = "青溪乡人大主席团确定了全乡饮水管网改造、柳坪村河堤加固及石岭村便民桥新建等3项民生实事项目，并将于年底前完成。\n"


def test_ji_joins_the_last_two_works_named_before_the_count_of_the_livelihood_projects():
    assert _names(VOTED, "livelihood") == ["全乡饮水管网改造", "柳坪村河堤加固", "石岭村便民桥新建"]


def test_he_joins_them_as_before():
    text = VOTED.replace("及", "和")
    assert _names(text, "livelihood") == ["全乡饮水管网改造", "柳坪村河堤加固", "石岭村便民桥新建"]


def test_ji_inside_a_name_that_is_no_join_stays():
    text = "青溪乡人大主席团确定了全乡饮水管网改造、柳坪村涉及农田的沟渠疏浚等2项民生实事项目。\n"
    assert _names(text, "livelihood") == ["全乡饮水管网改造", "柳坪村涉及农田的沟渠疏浚"]


def test_two_phrases_joined_by_ji_alone_before_the_count_are_not_split():
    text = "2030年工作回顾\n过去一年，全乡圆满完成了年初确定的各项任务及代表选定的4件民生实事。\n"
    assert _names(text, "livelihood") == []
