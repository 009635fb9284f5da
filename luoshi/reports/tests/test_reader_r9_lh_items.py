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
    assert tasks == ["抓实项目建设", "抓细招商引资"]


def test_a_lone_plan_heading_without_a_list_under_it_is_the_task():
    text = "明年，我们将锚定目标，奋力开创新局面。\n一、深化改革创新，增强发展动能\n要加快推进在建工程，确保早日见效。\n"
    tasks = _names(text, "task")
    assert tasks == ["深化改革创新"]


def test_the_last_two_works_of_a_list_joined_by_he_are_two_entries():
    text = "今年的民生实事项目包括：乡村卫生室改造、村级养老驿站建设和农村公厕提升。\n"
    names = _names(text, "livelihood")
    assert {"乡村卫生室改造", "村级养老驿站建设", "农村公厕提升"} <= set(names)


def test_and_below_after_a_quantity_is_no_join():
    text = "今年民生实事如下：\n1、改造10千伏及以下线路30千米、配电台区50个。\n"
    assert not [n for n in _names(text, "livelihood") if n.startswith("以下")]


def test_an_age_or_a_time_opening_an_entry_is_part_of_its_name():
    text = "今年民生实事如下：\n1、新增3岁以下婴幼儿托位800个；\n2、打造15分钟便民生活圈6个。\n"
    names = _names(text, "livelihood")
    assert "3岁以下婴幼儿托位" in names and "15分钟便民生活圈" in names


def test_the_tally_of_a_vote_on_the_livelihood_projects_names_them():
    text = (
        "“青石镇敬老院改扩建项目赞成48票，反对0票，弃权1票；镇区路灯更新工程赞成票49票……”"
        "当天，镇人代会对3项民生实事进行了票决。\n"
    )
    names = _names(text, "livelihood")
    assert "青石镇敬老院改扩建项目" in names and "镇区路灯更新工程" in names


def test_the_tally_of_an_election_names_no_work():
    text = "大会以赞成票56票选举产生了新一届镇长，会议期间代表们还提出了12件议案。\n"
    assert _names(text, "livelihood") == []


def test_a_number_alone_on_its_line_heads_the_task_on_the_next_line():
    text = (
        "青岭街道2026年工作计划\n"
        "一、\n"
        "稳字当头，推动经济提质增效\n"
        "坚持项目为先，扩大有效投资。\n"
        "二、\n"
        "民生为本，提升群众幸福指数\n"
        "办好家门口的小事。\n"
    )
    assert _names(text, "task") == ["稳字当头", "民生为本"]


def test_a_passage_opening_at_a_later_numbered_heading_sets_no_task_level_from_it():
    text = "明年要抓好以下工作。\n（七）守牢安全底线，建设平安乡村。要开展隐患排查。\n（八）加强自身建设。\n"
    assert "守牢安全底线，建设平安乡村" not in _names(text, "task")


def test_an_inline_list_of_fields_ends_at_deng_fangmian():
    text = (
        "今年的民生实事主要涉及：学校食堂改造、村道硬化、农贸市场提升等方面，件件贴近群众，处处体现关怀。\n"
    )
    names = _names(text, "livelihood")
    assert {"学校食堂改造", "村道硬化", "农贸市场提升"} <= set(names)
    assert not [n for n in names if "贴近" in n or "关怀" in n]


def test_works_named_before_deng_yipi_livelihood_projects_are_entries():
    text = "去年，“美丽庭院”、农村改厕等一批省定、县定民生实事全部完成，群众满意度明显提高。\n"
    names = _names(text, "livelihood")
    assert any("美丽庭院" in n for n in names) and "农村改厕" in names


def test_two_verbs_joined_by_ji_before_a_work_are_both_stripped():
    text = "今年民生实事如下：\n1、新增及优化调整乡村公交线路20条；\n2、新建城区公厕8座。\n"
    assert "乡村公交线路" in _names(text, "livelihood")


def test_a_last_work_with_its_own_verb_before_deng_leaves_the_works_before_it():
    text = "今年民生实事如下：\n1、改造乡村公交站台30个、新增小区充电桩等便民设施200处。\n"
    names = _names(text, "livelihood")
    assert "乡村公交站台" in names


def test_plain_lines_after_a_line_that_opens_the_livelihood_projects_are_entries():
    text = (
        "2026年民生实事票决结果公布\n"
        "经票决，以下3个项目当选为2026年民生实事项目：\n"
        "城区停车场建设项目\n"
        "乡村卫生室标准化建设\n"
        "老年食堂建设\n"
    )
    assert _names(text, "livelihood") == ["城区停车场建设项目", "乡村卫生室标准化建设", "老年食堂建设"]
