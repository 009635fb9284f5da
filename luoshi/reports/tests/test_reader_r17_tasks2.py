"""Named items, seventeenth round (second wave): key tasks of a plan digest.

A news item on a congress that sums up the year's plan as work areas listed inline (counted after
the list, or closed by 等方面), as a list of work verbs after a promise, or as 一是… leads.

Every sentence here is made up for its test (invented places and years); none comes from a report.
"""

from __future__ import annotations

from luoshi.reports.tests.test_reader_r4_items import _names

# The clause before the list reports the year gone; the list's own clause sets the year ahead. The
# passage is about the 民生实事 too (its title names them), but the areas are the plan's.
AREAS_AFTER_A_REVIEW = (
    "1月9日，柳湾街道第二届社区代表会议召开。会议听取并审议了街道办事处工作报告。\n"
    "\n"
    "会议回顾了2031年柳湾街道在为老服务、环境整治和平安建设等方面的工作，并从夯实“网格治理”"
    "增强凝聚力、做优“社区服务”提高满意度、守住“安全底线”防范风险三个方面明确了2032年街道的主要工作。\n"
    "\n"
    "会议表决通过了街道2032年度实事项目。\n"
    "\n"
    "柳湾街道2032年实事项目\n"
    "\n"
    "一、为高龄独居老人加装烟感报警器。\n"
    "\n"
    "二、改造两处社区菜场。\n"
)

# Areas inside one quotation, set apart by commas, and a count with a word before its noun.
AREAS_IN_ONE_QUOTATION = (
    "北溪镇人代会开幕\n"
    "2月3日，北溪镇第九届人民代表大会第四次会议开幕。\n"
    "2032年，镇政府将紧扣“竹木加工园区扩容，溪岸绿道贯通，集镇老街风貌整治”三大中心任务，"
    "统筹抓好各项工作。\n"
)
COUNT_WITH_A_WORD_BEFORE_ITS_NOUN = (
    "东坪乡召开人代会\n"
    "会议听取了政府工作报告，报告对2031年工作作了回顾。报告指出，2032年，全乡要紧紧围绕"
    "乡党代会确定的思路，更加突出“一园区”“两条线”“一村一景”三个发展重点，实现农民收入明显提高。\n"
)


def test_areas_counted_in_a_clause_that_sets_the_year_ahead_are_tasks_after_a_clause_that_reports():
    assert _names(AREAS_AFTER_A_REVIEW, "task") == [
        "夯实“网格治理”增强凝聚力",
        "做优“社区服务”提高满意度",
        "守住“安全底线”防范风险",
    ]


def test_areas_listed_inside_one_quotation_and_counted_after_it_are_tasks():
    assert _names(AREAS_IN_ONE_QUOTATION, "task") == ["竹木加工园区扩容", "溪岸绿道贯通", "集镇老街风貌整治"]


def test_a_count_of_areas_may_hold_a_word_before_its_noun_and_aim_at_a_result():
    assert _names(COUNT_WITH_A_WORD_BEFORE_ITS_NOUN, "task") == ["一园区", "两条线", "一村一景"]


# Areas closed by 等 instead of a count, in a passage that reports the plan set out.
AREAS_CLOSED_BY_DENG = (
    "石门乡召开第六届人民代表大会第二次会议\n"
    "2月6日，石门乡第六届人民代表大会第二次会议召开。\n"
    "会议认真回顾了2031年全乡各项工作，就茶旅融合、人居环境整治、集镇提质和基层治理等方面"
    "对2032年全乡工作任务进行了安排部署。\n"
)
# The same list, promised at the end of a news item without saying the plan set it: none.
AREAS_CLOSED_BY_DENG_PROMISED = (
    "石门乡召开第六届人民代表大会第二次会议\n"
    "2月6日，石门乡第六届人民代表大会第二次会议召开。\n"
    "接下来，石门乡将全面抓实茶旅融合、人居环境整治、集镇提质和基层治理等重点工作，推动全乡发展。\n"
)


def test_areas_closed_by_deng_that_the_plan_is_said_to_set_are_tasks():
    assert _names(AREAS_CLOSED_BY_DENG, "task") == ["茶旅融合", "人居环境整治", "集镇提质", "基层治理"]


def test_areas_closed_by_deng_in_a_promise_alone_are_no_tasks():
    assert _names(AREAS_CLOSED_BY_DENG_PROMISED, "task") == []


# A table of contents over a report cut off in its review: its plan subheadings are no tasks.
CONTENTS_OVER_A_CUT_REVIEW = (
    "一、2031年工作回顾\n"
    "二、2032年目标任务和重点工作\n"
    "（一）壮大高原特色农业\n"
    "（二）提升县城承载能力\n"
    "（三）守牢安全发展底线\n"
    "三、加强政府自身建设\n"
    "2032年云岭县政府工作报告\n"
    "各位代表：\n"
    "现在，我代表县人民政府向大会报告工作，请予审议。\n"
    "一、2031年工作回顾\n"
    "过去的一年，全县地区生产总值增长6.2%，新建高标准农田3.5万亩，新改建农村公路120公里。\n"
)


def test_subheadings_in_a_table_of_contents_over_the_body_are_no_tasks():
    assert _names(CONTENTS_OVER_A_CUT_REVIEW, "task") == []


# One clause of a year's promise listing its works with 、, each a work verb and its object; the
# passage's title names the 民生实事 it also reports.
WORKS_LISTED_IN_ONE_CLAUSE = (
    "河西街道发布2032年实事项目\n"
    "\n"
    "3月2日，河西街道召开2032年社区代表会议，代表们听取了街道办事处工作报告。\n"
    "2032年，街道将以只争朝夕的干劲，深化网格治理改革、提升为老服务能级、完善社区文化设施、"
    "守牢城市运行安全，为建设宜居河西不懈努力。\n"
)
# The key aims of the coming years after 重点实现, no verb of their own.
KEY_AIMS_LISTED = (
    "枫桥镇召开人代会\n"
    "1月5日，枫桥镇第四届人民代表大会第一次会议召开。\n"
    "今后五年，枫桥镇要锚定“工贸强镇”定位，优化三大片区功能布局，重点实现工业经济提档升级、"
    "集镇面貌焕然一新、群众生活殷实富足。\n"
)


def test_a_promised_clause_listing_works_with_dunhao_gives_one_task_each():
    assert _names(WORKS_LISTED_IN_ONE_CLAUSE, "task") == [
        "深化网格治理改革",
        "提升为老服务能级",
        "完善社区文化设施",
        "守牢城市运行安全",
    ]


def test_the_key_aims_listed_after_their_lead_are_tasks():
    assert _names(KEY_AIMS_LISTED, "task") == ["工业经济提档升级", "集镇面貌焕然一新", "群众生活殷实富足"]


# A digest whose only plan is the term's directions, set out as leads after 今后五年.
TERM_LEADS_IN_A_DIGEST = (
    "青屿镇第五届人民代表大会第一次会议闭幕\n"
    "\n"
    "镇长代表镇政府向大会作政府工作报告。报告总结了一年来的工作成效，安排部署未来五年工作计划和"
    "2032年重点工作。报告指出，今后五年是青屿发展的关键时期。我们将始终坚持以人民为中心的发展思想，"
    "朝着共同富裕的目标不懈努力。一是齐心协力强港口，打造海岛物流枢纽；二是齐心协力兴渔业，"
    "培育远洋捕捞新动能；三是齐心协力美海岛，提升海岛人居品质；四是齐心协力优治理，构建平安和谐海岛。\n"
    "\n"
    "会议期间，代表们审议了各项报告。\n"
)


def test_leads_after_the_term_in_a_digest_without_headings_are_tasks():
    assert _names(TERM_LEADS_IN_A_DIGEST, "task") == [
        "齐心协力强港口",
        "齐心协力兴渔业",
        "齐心协力美海岛",
        "齐心协力优治理",
    ]


# One long sentence: its frame first, then pairs of clauses set apart by semicolons, the promise
# far from the sentence's start.
PAIRS_AFTER_A_LONG_FRAME = (
    "兰溪乡召开人代会\n"
    "2032年是实施“十五五”规划的关键之年，兰溪乡将以绿色发展为主题，以产业振兴为主线，"
    "坚持稳中求进工作总基调，重点围绕茶叶提质，进一步拓宽增收渠道；着力补齐短板，进一步改善"
    "人居环境；关注群众所盼，进一步办好民生小事；聚焦基层治理，进一步筑牢平安防线，奋力谱写兰溪新篇章。\n"
)


def test_pairs_of_clauses_after_a_long_frame_give_one_task_each():
    assert _names(PAIRS_AFTER_A_LONG_FRAME, "task") == [
        "重点围绕茶叶提质",
        "着力补齐短板",
        "关注群众所盼",
        "聚焦基层治理",
    ]
