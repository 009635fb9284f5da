"""Named items, sixteenth round: key tasks.

A plan digest that lists its targets first and its tasks after them; a site's catalogue table over a
plan, whose bullets are no entries of it; a task named with a quotation that closes at its end.

Every sentence here is made up for its test (invented places and years); none comes from a report.
"""

from __future__ import annotations

from luoshi.reports.tests.test_reader_r4_items import _items, _names

TARGETS_THEN_TASKS = (
    "两会速览｜2032年青禾这样干\n"
    "1月9日，青禾省第九届人民代表大会第三次会议开幕，省长代表省政府作政府工作报告。\n"
    "报告对今年的重点工作作出部署。\n"
    "\n"
    "全年经济社会发展主要预期目标\n"
    "\n"
    "●地区生产总值增长5.5%以上\n"
    "\n"
    "●城镇新增就业60万人以上\n"
    "\n"
    "●居民消费价格涨幅3%左右\n"
    "\n"
    "●全面完成国家下达的节能降碳目标\n"
    "\n"
    "重点做好八个方面工作\n"
    "\n"
    "1.全力稳住经济基本盘\n"
    "\n"
    "2.加快建设现代产业体系\n"
    "\n"
    "3.深入推进城乡融合发展\n"
    "\n"
    "4.用心办好群众身边实事\n"
    "\n"
    "5.守牢安全发展“三条底线”\n"
)


def test_a_list_after_the_targets_list_in_another_style_holds_the_tasks():
    names = _names(TARGETS_THEN_TASKS, "task")
    assert names[:4] == [
        "全力稳住经济基本盘",
        "加快建设现代产业体系",
        "深入推进城乡融合发展",
        "用心办好群众身边实事",
    ], names
    assert all(i.part == "plan" for i in _items(TARGETS_THEN_TASKS, "task"))


def test_the_targets_list_itself_gives_no_task():
    names = _names(TARGETS_THEN_TASKS, "task")
    assert not any("增长" in n or "就业" in n or "涨幅" in n for n in names), names


def test_a_task_whose_name_ends_in_a_quotation_keeps_it_closed():
    names = _names(TARGETS_THEN_TASKS, "task")
    assert "守牢安全发展“三条底线”" in names, names


def test_a_list_right_under_an_entry_of_the_targets_stays_theirs():
    text = (
        "青禾县2032年工作要点\n"
        "今年全县经济社会发展的主要预期目标\n"
        "1.经济发展目标\n"
        "●粮食生产保持稳定\n"
        "●外贸外资稳中提质\n"
        "2.民生保障目标\n"
        "●城乡居民收入同步增长\n"
    )
    assert _names(text, "task") == []


def test_a_lower_list_under_a_task_of_another_style_stays_no_task():
    text = (
        "二、2032年工作安排\n"
        "（一）聚力产业发展，壮大经济实力。\n"
        "1.推进柳湾园区扩容。\n"
        "2.办好两场招商推介会。\n"
        "（二）聚力乡村振兴，建设和美乡村。\n"
    )
    assert _names(text, "task") == ["聚力产业发展", "聚力乡村振兴"]


CATALOGUE = (
    "• 索 引 号:11370000/2032-00012\n"
    "  • 主题分类:镇街年度计划\n"
    "  • 发布机构:青禾镇\n"
    "  • 成文时间:2032年03月02日\n"
    "  • 文  号:\n"
    "  • 发文时间:2032年03月05日\n"
    "  • 标  题:青禾镇2032年工作要点\n"
    "  • 效力状态:有效\n"
    "\n"
    "青禾镇2032年工作要点\n"
    "\n"
    "今年将重点抓好以下工作：\n"
    "\n"
    "（一）聚力产业发展，在壮大园区上求突破。\n"
    "\n"
    "加快柳湾园区基础配套，全力招引新材料企业。\n"
    "\n"
    "（二）聚力乡村振兴，在和美乡村上见成效。\n"
)


def test_a_sites_catalogue_table_over_a_plan_gives_no_task():
    names = _names(CATALOGUE, "task")
    assert not any(n in names for n in ("主题分类", "成文时间", "发文时间", "效力状态", "发布机构")), names


def test_the_plans_own_headings_under_a_catalogue_table_are_its_tasks():
    assert _names(CATALOGUE, "task") == ["聚力产业发展", "聚力乡村振兴"]


def test_a_catalogue_table_without_bullets_gives_no_task_either():
    text = CATALOGUE.replace("• ", "")
    assert _names(text, "task") == ["聚力产业发展", "聚力乡村振兴"]


def test_a_bulleted_plan_after_its_title_still_gives_its_tasks():
    text = (
        "青禾镇2032年工作要点\n"
        "今年将重点抓好以下工作：\n"
        "• 聚力产业发展，壮大园区经济。\n"
        "• 聚力乡村振兴，建设和美乡村。\n"
    )
    assert _names(text, "task") == ["聚力产业发展", "聚力乡村振兴"]
