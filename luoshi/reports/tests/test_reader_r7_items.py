"""Named items, seventh round: livelihood lists split into their separate works.

Every sentence here is made up for its test; none comes from a report.
"""

from __future__ import annotations

import pytest

from luoshi.reports.tests.test_reader_r4_items import _names

# --- livelihood: classes that hold their works after 包括 -------------------------------------

# Labelled classes, one a line, each listing its works after 包括 and closing with a count.
CLASSES = """\
青禾市今年将办好6类40件民生实事

本报讯 青禾市政府昨天公布了今年的为民办实事计划。

这6类40件实事分别为：

绿色家园工程：包括南湖湿地修复、东郊垃圾中转站改建、北溪沿岸截污管网等8项。

便捷出行工程：包括环城慢行道建设、镇村公交站亭更新等5项。
"""


def test_a_class_labelled_over_its_works_gives_the_works():
    names = _names(CLASSES, "livelihood")
    assert "南湖湿地修复" in names and "东郊垃圾中转站改建" in names
    assert "北溪沿岸截污管网" in names and "镇村公交站亭更新" in names
    assert "绿色家园工程" not in names and "便捷出行工程" not in names  # classes, not works


# A count of classes that introduces the lists after it, in one paragraph (一是…类，包括…；二是…).
COUNTED = (
    "2031年度民生实事项目已于3月印发，共包括三大类12个项目，总投资5.2亿元。"
    "一是出行改善类，包括西门立交改造、学校周边接送车位增设等4个项目；"
    "二是公共服务类，包括儿童医院急诊楼扩容、社区书屋提档等5个项目；"
    "三是安全保障类，包括老旧燃气管道更换、高层住宅消防栓维修等3个项目。\n"
)


def test_counted_classes_give_the_works_they_hold():
    names = _names(COUNTED, "livelihood")
    assert "西门立交改造" in names and "学校周边接送车位增设" in names
    assert "儿童医院急诊楼扩容" in names and "高层住宅消防栓维修" in names
    assert not any("大类" in n for n in names)  # the count heads the lists, it is no entry


def test_a_work_with_its_places_after_including_stays_one_entry():
    text = "今年的民生实事如下：\n1、改造老旧小区，包括东风小区、红旗小区、桂园小区。\n2、新建城北公园。\n"
    names = _names(text, "livelihood")
    assert "东风小区" not in names  # not a class: the places qualify one work
    assert any("城北公园" in n for n in names)


# --- livelihood: a title's headings that are classes over numbered works ---------------------

NESTED = """\
青禾区2032年实事项目

一、教育体育方面

1、新建3所小学。

2、改造城东体育馆。

二、养老医疗方面

3、新增500张养老床位。

4、建成区妇幼保健院新院。
"""


def test_class_headings_under_a_title_give_their_numbered_works():
    names = _names(NESTED, "livelihood")
    assert any("小学" in n for n in names) and any("城东体育馆" in n for n in names)
    assert any("养老床位" in n for n in names) and any("妇幼保健院" in n for n in names)
    assert not any("方面" in n for n in names)  # headings of classes, not works


def test_class_headings_after_a_dated_title_give_their_numbered_works():
    text = NESTED.replace("实事项目\n", "实事项目\n\n本地新闻 2032-01-05 08:00\n", 1)
    names = _names(text, "livelihood")
    assert any("小学" in n for n in names) and any("妇幼保健院" in n for n in names)
    assert not any("方面" in n for n in names)


def test_headings_without_works_under_them_stay_the_entries():
    text = "青禾区2032年实事项目\n\n一、新建城西污水处理厂\n\n二、改造南门菜市场\n"
    names = _names(text, "livelihood")
    assert any("城西污水处理厂" in n for n in names) and any("南门菜市场" in n for n in names)


# --- livelihood: short class headings over paragraphs of works --------------------------------

CLASSED = """\
青禾区人代会闭幕
2月3日，青禾区第九届人民代表大会第二次会议投票确定了2033年民生实事项目。
学校建设
建成城南实验小学，缓解片区入学压力；完成河西中学操场翻新，改善学生运动条件。
道路交通
打通滨江支路断头路，方便居民出行；新建两座人行天桥。
"""


def test_class_headings_over_paragraphs_give_each_work():
    names = _names(CLASSED, "livelihood")
    assert any("城南实验小学" in n for n in names) and any("河西中学操场翻新" in n for n in names)
    assert any("滨江支路断头路" in n for n in names) and any("人行天桥" in n for n in names)
    assert "学校建设" not in names and "道路交通" not in names


def test_short_lines_over_paragraphs_without_a_livelihood_lead_name_no_entries():
    text = CLASSED.replace("投票确定了2033年民生实事项目", "听取了工作报告")
    assert _names(text, "livelihood") == []


# --- tasks: 一是…二是… leads after the words that set them out --------------------------------

SET_OUT = (
    "镇党委书记在会上回顾了去年的成绩，部署了2034年的重点工作：一是壮大特色种植，拓宽农民增收渠道；"
    "二是补齐集镇短板，改善群众居住环境；三是守牢安全底线，维护社会和谐稳定。\n"
)


def test_leads_after_the_tasks_set_out_are_tasks():
    names = _names(SET_OUT, "task")
    assert names == [
        "壮大特色种植",
        "补齐集镇短板",
        "守牢安全底线",
    ]


def test_leads_after_a_report_of_results_are_no_tasks():
    text = SET_OUT.replace("部署了2034年的重点工作", "回顾了取得的成效")
    assert _names(text, "task") == []


# --- livelihood: short headings that are works, over how each went ---------------------------

REPORTED = """\
记者从县人代会上获悉：
去年县人代会票决的8件民生实事项目已全部完成。
具体如下：
城北雨水泵站建设
完成投资1.2亿元，比计划多用两个月。
老旧供热管网改造
和换热站更新
完成投资0.8亿元，按期完工。
"""


def test_work_headings_over_progress_paragraphs_are_the_entries():
    names = _names(REPORTED, "livelihood")
    assert any("城北雨水泵站" in n for n in names) and any("老旧供热管网改造" in n for n in names)
    assert not any("投资" in n for n in names)


# --- livelihood: couplets and names counted before the 民生实事 -------------------------------

COUPLETS = "青禾州2035年“八件惠民实事”包括：新建托育园所、缓解入托困难；升级乡村公路、方便农产外运；增设夜间门诊、减少候诊时长。\n"


def test_couplets_of_a_work_and_its_aim_are_one_entry_each():
    names = _names(COUPLETS, "livelihood")
    assert "新建托育园所、缓解入托困难" in names and len(names) == 3


# Inline lists of the 民生实事: names before their count, after 分别涉及, of 实事好事项目.
INLINE_LISTS = [
    (
        "上午，代表们察看了东湖社区卫生站和北渠清淤整治2个民生实事项目的建设情况。\n",
        "东湖社区卫生站",
        "北渠清淤整治",
    ),
    (
        "今年全镇实施以“集镇供水扩容、敬老院翻修、村道亮化”为主要内容的3项民生实事工程。\n",
        "集镇供水扩容",
        "村道亮化",
    ),
    (
        "据悉，今年5项镇级民生实事项目分别涉及集镇污水收集、小学食堂扩建、村级卫生室改造等。\n",
        "集镇污水收集",
        "小学食堂扩建",
    ),
    (
        "该镇今年要办的实事好事项目包括：敬老院扩容、农贸市场搬迁、村道硬化等六类工程。\n",
        "敬老院扩容",
        "农贸市场搬迁",
    ),
]


@pytest.mark.parametrize(("text", "first", "second"), INLINE_LISTS)
def test_inline_lists_of_livelihood_projects_are_read(text, first, second):
    names = _names(text, "livelihood")
    assert any(first in n for n in names) and any(second in n for n in names)


# --- livelihood: the class as a whole is no entry ---------------------------------------------


def test_a_list_closed_by_a_count_of_classes_ends_before_it():
    text = "今年镇里的民生实事包括：卫生院改建、渡口码头加固、路灯更换等三大类工程。\n"
    names = _names(text, "livelihood")
    assert any("路灯更换" in n for n in names)
    assert not any("大类" in n for n in names)


def test_a_name_that_is_the_livelihood_class_itself_is_dropped():
    text = "今年的民生实事如下：\n1、扎实推进农村民生工程。\n2、新建城南敬老院。\n"
    names = _names(text, "livelihood")
    assert any("城南敬老院" in n for n in names)
    assert not any("民生工程" in n for n in names)


# --- livelihood: a ；-list wrapped onto the next line --------------------------------------------

WRAPPED = (
    "这8件实事分别为：一是新建城东污水泵站；二是改造西关菜市场；三是加大\n"
    "乡村教师补助力度；四是建成南山森林步道；五是增设公交候车亭。\n"
)


def test_a_livelihood_list_wrapped_onto_the_next_line_goes_on_there():
    names = _names(WRAPPED, "livelihood")
    assert any("城东污水泵站" in n for n in names) and any("南山森林步道" in n for n in names)
    assert any("公交候车亭" in n for n in names)
    assert "加大" not in names  # the entry broken off at the end of the line is no entry of its own
