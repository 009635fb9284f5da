"""Named items, eighteenth round: key tasks.

What is no task: a list after words that name a report's parts or a meeting's agenda, and the list
under a plan heading that names the targets. A plan's tasks written as sentences after their head are
kept whole, whatever the labeller reads of them.

Every sentence here is made up for its test (invented places and years); none comes from a report.
"""

from __future__ import annotations

from luoshi.reports.tests.test_reader_r4_items import _names

OUTLINE = (
    "青禾县召开第九届人民代表大会第四次会议\n"
    "2月3日，青禾县第九届人民代表大会第四次会议开幕，县长代表县人民政府作政府工作报告。"
    "报告分为三个部分：一是2030年工作回顾；二是2031年工作安排；三是全面加强政府自身建设。\n"
    "报告提出，2031年全县将坚持稳中求进，着力建设富美青禾。\n"
)

OUTLINE_LEADS_AS_PLAN = (
    "青禾县召开第九届人民代表大会第四次会议\n"
    "2月3日，青禾县第九届人民代表大会第四次会议开幕，县长代表县人民政府作政府工作报告。"
    "2031年县政府将重点抓好三个方面工作：一是做强茶叶加工产业；二是改善山区交通条件；三是办好民生实事。\n"
    "会议还听取了县人大常委会工作报告。\n"
)

AGENDA = (
    "松岭乡第三届人民代表大会第五次会议召开\n"
    "1月9日，松岭乡第三届人民代表大会第五次会议召开。本次会议将完成各项议程，会议主要议程为：1.听取和审议乡人民政府工作报告；"
    "2.审查乡2030年财政预算执行情况和2031年财政预算草案；3.选举乡人民代表大会主席团成员。\n"
    "会议应到代表46名，实到代表44名。\n"
)

PLAN_WITH_TARGETS = (
    "白石市2031年政府工作报告\n"
    "一、落实2031年经济社会发展总体要求和主要预期目标\n"
    "（一）总体要求：坚持稳中求进，统筹发展和安全，扎实推动全市高质量发展。\n"
    "（二）主要预期目标：地区生产总值增长6%左右，城镇新增就业1.2万人。\n"
)

PLAN_WITH_TASKS = (
    "白石市2031年政府工作报告\n"
    "一、2031年重点工作\n"
    "（一）做强临港制造产业，壮大市场主体。新引进链主企业三家。\n"
    "（二）提升城市品质，建设宜居家园。完成旧城片区整治。\n"
)

SENTENCE_TASKS = (
    "青禾镇2031年政府工作报告摘要\n"
    "一年来，全镇经济运行平稳，各项工作有序推进。\n"
    "主要工作任务是：以奋进姿态推进园区建设，着力夯实产业根基。以创新思路推动茶业转型，着力培育增长新引擎。"
    "以为民情怀推进乡村振兴，着力建设和美乡村。以过硬作风狠抓自身建设，着力优化政务环境。\n"
)


def test_a_list_after_words_naming_the_reports_parts_is_an_outline_not_tasks():
    assert _names(OUTLINE, "task") == []


def test_leads_announced_as_the_years_work_are_still_tasks():
    assert _names(OUTLINE_LEADS_AS_PLAN, "task") == ["做强茶叶加工产业", "改善山区交通条件", "办好民生实事"]


def test_a_meetings_agenda_numbered_inline_holds_no_task():
    assert _names(AGENDA, "task") == []


def test_the_list_under_a_plan_heading_naming_the_targets_holds_no_task():
    assert _names(PLAN_WITH_TARGETS, "task") == []


def test_the_subheadings_under_a_plan_heading_of_the_years_work_are_tasks():
    assert _names(PLAN_WITH_TASKS, "task") == ["做强临港制造产业", "提升城市品质"]


def test_every_sentence_after_the_head_of_the_tasks_is_a_task():
    assert _names(SENTENCE_TASKS, "task") == [
        "以奋进姿态推进园区建设",
        "以创新思路推动茶业转型",
        "以为民情怀推进乡村振兴",
        "以过硬作风狠抓自身建设",
    ]
