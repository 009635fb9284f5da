"""Livelihood projects and key tasks, ninth round: counted 民生实事 over short lines, numbered entries
run into one line, a lone plan heading over its numbered tasks, leaders' requirements, a plan passage
that opens at its second lead.

Every sentence here is made up for its test (invented places); none comes from a report.
"""

from __future__ import annotations

from luoshi.reports.reader import parse
from luoshi.reports.tests.test_reader_r4_items import _names

# --- livelihood ---------------------------------------------------------------------------------

COUNTED_LINES = """\
今年，本县将继续办好6类20项民生实事，覆盖教育、养老、出行等方面，让群众得到更多实惠。
着力改善出行条件
新建乡村公交候车亭30座
改造农村危桥12座
持续提升养老服务
新增社区助餐点15个
建设村级互助养老站8个
"""


def test_a_paragraph_counting_its_livelihood_projects_heads_the_short_lines_under_it():
    names = _names(COUNTED_LINES, "livelihood")
    assert {"乡村公交候车亭", "农村危桥", "社区助餐点", "村级互助养老站"} <= set(names)
    assert not [n for n in names if "出行条件" in n or "养老服务" in n]  # the groups' aims are no entries


def test_short_lines_after_a_paragraph_that_counts_no_livelihood_projects_are_not_entries():
    text = COUNTED_LINES.replace("继续办好6类20项民生实事", "继续办好民生实事")
    assert not {"社区助餐点", "村级互助养老站"} & set(_names(text, "livelihood"))


def test_numbered_entries_run_into_one_line_are_one_entry_each():
    text = (
        "县人代会票决产生了2026年民生实事项目，分别是：\n"
        "(1)城区停车场建设新增停车位500个；(2)老年食堂提升改造15处；(3)农村饮水巩固提升工程惠及2万人。\n"
    )
    names = _names(text, "livelihood")
    assert len(names) == 3
    assert "城区停车场" in names[0] and "老年食堂" in names[1] and "农村饮水" in names[2]


def test_a_size_in_an_entry_is_no_work_and_a_bound_before_a_count_is_no_name():
    text = "今年民生实事项目如下：\n1、新建城东小学，新增建筑面积2万平方米；\n2、完成不少于50个充电桩建设。\n"
    names = _names(text, "livelihood")
    assert "建筑面积" not in names
    assert not [n for n in names if n.startswith("不少于")]


def test_ji_ri_qi_after_the_livelihood_projects_opens_no_list():
    text = "今年全市办成了12项为民办实事项目。即日起至月底，市民可在网上对项目进行评议。\n"
    assert not [n for n in _names(text, "livelihood") if "日起" in n or "评议" in n]


def test_the_time_said_first_in_an_entry_paragraph_is_no_entry():
    text = (
        "乡里的民生实事，件件都连着群众的心。\n"
        "今年，乡里将实施集镇污水管网改造工程，新建村级文化广场2个。\n"
        "年内，乡里还将新建卫生院住院楼，改造乡村道路5公里。\n"
    )
    names = _names(text, "livelihood")
    assert "今年" not in names and "年内" not in names
    assert any("集镇污水管网改造工程" in n for n in names)


def test_a_paragraph_reporting_its_livelihood_projects_done_is_followed_by_no_entries():
    text = (
        "一年来，我们兑现承诺，完成15件民生实事，建成城南幼儿园。\n"
        "这一年，各项社会事业全面进步，文化、体育等工作取得新成效。\n"
        "这一年，我们加强自身建设，依法行政水平不断提升。\n"
    )
    assert not [n for n in _names(text, "livelihood") if n.startswith("这一年")]


# --- tasks --------------------------------------------------------------------------------------


def test_the_requirements_a_leader_sets_out_at_a_meeting_are_tasks():
    text = (
        "会上，镇长肯定了过去一年取得的成绩，并就下阶段工作提出三点要求：一是以产业升级带动镇域发展。要培育特色产业。"
        "二是以环境整治提升集镇面貌。三是以作风转变增强干部担当。\n"
    )
    assert _names(text, "task") == [
        "以产业升级带动镇域发展",
        "以环境整治提升集镇面貌",
        "以作风转变增强干部担当",
    ]


def test_a_plan_passage_that_opens_at_its_second_lead_has_tasks_from_there():
    text = (
        "  二是全力做好招商服务。要建立项目专班，做到专人跟进。\n\n  三是全力抓好要素保障。要盘活闲置土地。\n"
    )
    assert _names(text, "task") == ["全力做好招商服务", "全力抓好要素保障"]


def test_a_second_lead_after_a_first_one_starts_no_task_list_of_its_own():
    text = "去年我们一是建成了文化站。\n二是修好了村道。\n"
    assert _names(text, "task") == []


LONE_HEADING = """\
明年，我们将锚定目标，奋力开创新局面。
一、深化改革创新，增强发展动能
（一）抓实项目建设，扩大有效投资。加快推进在建工程，确保早日见效。
（二）抓细招商引资，壮大产业集群。瞄准重点区域，开展精准招商。
"""


def test_a_lone_plan_heading_over_a_numbered_list_gives_the_list_as_tasks():
    report = parse(LONE_HEADING, text_only=True)
    tasks = [i.name for i in report.items if i.kind == "task"]
    assert tasks == ["抓实项目建设，扩大有效投资", "抓细招商引资，壮大产业集群"]


def test_a_lone_plan_heading_without_a_list_under_it_is_the_task():
    text = "明年，我们将锚定目标，奋力开创新局面。\n一、深化改革创新，增强发展动能\n要加快推进在建工程，确保早日见效。\n"
    tasks = _names(text, "task")
    assert tasks == ["深化改革创新，增强发展动能"]
