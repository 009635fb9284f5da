"""Named items, nineteenth round: livelihood entries and key tasks.

The main points (主要是) of a list are no promise: the shortcomings a report admits there are no
tasks, while a sentence that does promise (要) still sets its clauses as tasks.

Every sentence here is made up for its test (invented places and years); none comes from a report.
"""

from __future__ import annotations

from luoshi.reports.tests.test_reader_r4_items import _names

SHORTCOMINGS = (
    "（上接第一版）\n"
    "各位代表！过去一年，我们迎难而上，青禾建设迈出了坚实步伐。\n"
    "同时，我们也清醒看到，全镇发展仍面临一些困难。主要是：茶叶加工的链条还不长，品牌带动力较弱；"
    "山区道路通达水平不高，养护资金不足；村级集体经济底子还薄，增收渠道不多；少数干部担当作为不够。"
    "我们将认真对待，切实解决。\n"
    "二、2031年工作安排\n"
    "今年是关键一年，做好今年工作意义重大。\n"
)

PROMISED_CLAUSES = (
    "松岭乡人代会召开\n"
    "会议指出，2031年要延长茶叶加工链条，擦亮茶乡品牌；提升山区道路水平，保障养护资金；"
    "壮大村级集体经济，拓宽增收渠道；锤炼干部担当作为，提振干事精神。\n"
)


AIMED_LIST = (
    "青禾镇今年将办好四项民生实事\n"
    "日前，青禾镇人代会票决产生了今年的民生实事。\n"
    "据介绍，今年四项民生实事包括：方便群众就医，实施镇卫生院扩建工程；改善出行条件，实施山乡公路提升工程；"
    "丰富文化生活，举办第二届茶乡文化节；筑牢安全防线，实现村级消防站全覆盖。\n"
)

WORKS_LIST = (
    "青禾镇今年将办好三项民生实事\n"
    "日前，青禾镇人代会票决产生了今年的民生实事。\n"
    "据介绍，今年三项民生实事包括：新建镇卫生院综合楼，实施山乡公路提升工程；扩建中心小学操场，"
    "实施茶园便道工程；改造农贸市场，实施集镇亮化工程。\n"
)


TARGETED_DIGEST = (
    "青禾镇奋力推进四大工作\n"
    "时间：2031-02-10 来源：青禾新闻\n"
    "今年，青禾镇将全力推进“四大重点”工作，争取实现地区生产总值增长6%；一般公共预算收入增长5%。\n"
    "一是做强茶叶加工，加快推动产业升级。二是聚焦群众期盼，加快推动民生改善。科学谋划和实施为民实事项目，"
    "让群众得到更多实惠。三是聚焦山乡宜居，加快推动环境提升。要深入推进“清河”专项行动、村庄长效管理、集镇建设管理和老街改造工作。"
    "四是聚焦基层治理，加快推动平安建设。\n"
)

REPORTED_DIGEST = (
    "青禾镇去年成绩亮眼\n"
    "时间：2031-02-10 来源：青禾新闻\n"
    "去年，青禾镇地区生产总值增长6%；一般公共预算收入增长5%。\n"
    "一是做强了茶叶加工，产业升级加快。二是改善了群众生活，新建两所幼儿园。三是提升了山乡环境，完成河道保洁。\n"
)


INCLUDED_AREAS = (
    "松岭县第九届人民代表大会第二次会议开幕\n"
    "县长作政府工作报告时提到，2031年，县政府坚持稳中求进，重点做好四个方面工作，包括做强茶叶产业，"
    "夯实发展根基；畅通山乡道路，提升发展品质；改善群众生活，共享发展成果；建设清廉机关，凝聚发展合力。\n"
)

CONGRESS_AREAS = (
    "松岭县第九届人民代表大会第二次会议开幕\n"
    "县人大常委会主任作常委会工作报告时提到，2031年，县人大及其常委会具体做好四方面工作，包括进一步把牢"
    "政治方向；进一步深化基层实践；进一步强化监督实效；进一步加强机关建设。\n"
)


WORK_ON_THEM = (
    "松岭乡人代会召开\n"
    "7月9日，松岭乡人代会召开。\n"
    "会议要求，下半年要全力做好实事项目收尾工作，加快茶旅融合发展，确保村庄保洁常态化，推动社会事业延伸。\n"
)

RUNNING_WORKS = (
    "松岭乡人代会召开\n"
    "7月9日，松岭乡人代会召开。\n"
    "会议要求，下半年要全力办好民生实事，新建松岭乡敬老院，改造山乡客运站，让群众得到实惠。\n"
)


NOTICE_MATTERS = (
    "各村、镇直各单位：\n"
    "经镇政府同意，现将《青禾镇2031年重点工作任务分解》印发给你们，请认真对照，抓好落实。\n"
    "一、压实责任，闭环管理。各单位要对照任务清单，逐项细化职责，制定推进方案。\n"
    "二、紧盯节点，动态调度。各单位要紧盯关键指标和序时进度，每月报送进展。\n"
    "三、协同发力，联动增效。牵头单位要统筹协调，配合单位要主动对接。\n"
    "附件：青禾镇2031年重点工作任务分解\n"
)

NOTICE_PLAN = (
    "各村、镇直各单位：\n"
    "现将《青禾镇2031年工作要点》印发给你们，请认真贯彻执行。\n"
    "青禾镇人民政府\n"
    "2031年2月1日\n"
    "青禾镇2031年工作要点\n"
    "2031年是关键一年，全镇将坚持稳中求进。\n"
    "一、做强茶叶产业，推动经济平稳运行\n"
    "扩大茶园面积，办好茶叶加工园区。\n"
    "二、畅通山乡道路，提升城乡面貌\n"
    "完成山乡公路提升，推进集镇改造。\n"
    "三、增进民生福祉，提高群众获得感\n"
    "新建镇敬老院，改造镇卫生院。\n"
)

NOTICE_OF_LIVELIHOOD = (
    "松岭县人民政府办公室关于印发2031年民生实事项目任务分解方案的通知\n"
    "各乡镇人民政府，县级各部门：\n"
    "根据县人代会票决结果，确定2031年实施12项重点民生实事项目，现将有关事宜通知如下：\n"
    "一、明确目标任务。各牵头部门要细化工作方案，确保早日动工、按期完工。\n"
    "二、强化部门协同。各职能部门要主动配合、积极支持，凝聚工作合力。\n"
    "三、严格督查考核。县政府督查室要定期开展跟踪督查，年底严格民生实事工作考核。\n"
)


YEAR_BEFORE_COUNT = (
    "青禾镇人代会召开\n"
    "在青禾镇人代会上，代表们以高度的责任感和使命感票选出2031年五个民生实事项目，有力推动青禾发展。\n"
)

NAMED_BEFORE_COUNT = (
    "青禾镇人代会召开\n会前，代表们视察了青禾镇敬老院和山乡客运站2个民生实事项目，有力推动青禾发展。\n"
)


ANNOUNCED_LINES = (
    "青禾县政府工作报告极简版\n"
    "一、2030年工作回顾\n"
    "茶叶产量迈上新台阶\n"
    "山乡公路实现村村通\n"
    "二、今后五年重点把握以下几点\n"
    "聚焦茶乡振兴使命任务\n"
    "坚定不移推动产业提质增效\n"
    "更好满足群众美好生活需要\n"
    "三、2031年部分重点工作\n"
    "消费：办好茶乡文化节；落实带薪休假制度\n"
    "投资：推进山乡公路提升工程\n"
    "创新：建设茶叶研发中心\n"
)

NAMED_HEADING_LINES = (
    "青禾县政府工作报告极简版\n"
    "一、2030年工作回顾\n"
    "茶叶产量迈上新台阶\n"
    "二、坚定不移推动产业提质增效\n"
    "扩大茶园种植面积\n"
    "办好茶叶加工园区\n"
    "培育茶叶龙头企业\n"
)


VOTED_PROPOSALS = (
    "青禾镇人代会胜利召开\n"
    "青禾镇提交本次会议票决的2031年民生实事候选项目共5项，应选3项，经过代表投票表决，分别确定：1.关于青禾村"
    "安装路灯的建议；2.关于松岭村通组道路硬化的建议；3.关于修缮山乡文化站的建议等三个项目为青禾镇2031年民生项目。\n"
)

VOTED_WORKS = (
    "青禾镇人代会胜利召开\n"
    "青禾镇提交本次会议票决的2031年民生实事候选项目共5项，应选3项，经过代表投票表决，分别确定：1.青禾村"
    "安装路灯；2.松岭村通组道路硬化；3.山乡文化站修缮等三个项目为青禾镇2031年民生项目。\n"
)


def test_the_shortcomings_after_main_points_are_no_tasks():
    assert _names(SHORTCOMINGS, "task") == []


def test_clauses_after_a_promise_are_still_tasks():
    assert _names(PROMISED_CLAUSES, "task") == [
        "延长茶叶加工链条",
        "提升山区道路水平",
        "壮大村级集体经济",
        "锤炼干部担当作为",
    ]


def test_an_entry_of_an_aim_and_its_work_is_named_by_the_work():
    assert _names(AIMED_LIST, "livelihood") == [
        "镇卫生院扩建工程",
        "山乡公路提升工程",
        "第二届茶乡文化节",
        "村级消防站全覆盖",
    ]
    assert _names(AIMED_LIST, "task") == []


def test_an_entry_of_two_works_gives_both():
    names = _names(WORKS_LIST, "livelihood")
    assert "镇卫生院综合楼" in names and "山乡公路提升工程" in names


def test_a_digests_rates_after_its_promise_are_targets_its_leads_are_tasks():
    assert _names(TARGETED_DIGEST, "task") == ["做强茶叶加工", "聚焦群众期盼", "聚焦山乡宜居", "聚焦基层治理"]


def test_the_next_lead_ends_the_paragraph_on_the_livelihood_projects():
    assert _names(TARGETED_DIGEST, "livelihood") == []


def test_a_digests_rates_reported_make_its_leads_no_tasks():
    assert _names(REPORTED_DIGEST, "task") == []


def test_areas_counted_then_included_are_the_plans_tasks():
    assert _names(INCLUDED_AREAS, "task") == ["做强茶叶产业", "畅通山乡道路", "改善群众生活", "建设清廉机关"]


def test_the_congress_committees_own_areas_are_no_tasks():
    assert _names(CONGRESS_AREAS, "task") == []


def test_the_work_on_the_livelihood_projects_as_a_whole_names_none_after_it():
    assert _names(WORK_ON_THEM, "livelihood") == []


def test_works_running_after_the_livelihood_projects_are_entries():
    assert _names(RUNNING_WORKS, "livelihood") == ["松岭乡敬老院", "山乡客运站"]


def test_a_notices_own_numbered_requirements_are_no_tasks():
    assert _names(NOTICE_MATTERS, "task") == []


def test_the_plan_a_notice_hands_on_after_its_date_has_its_tasks():
    assert _names(NOTICE_PLAN, "task") == ["做强茶叶产业", "畅通山乡道路", "增进民生福祉"]


def test_a_notices_matters_on_the_livelihood_projects_are_no_entries():
    assert _names(NOTICE_OF_LIVELIHOOD, "livelihood") == []
    assert _names(NOTICE_OF_LIVELIHOOD, "task") == []


def test_a_year_before_the_count_leaves_no_names_before_it():
    assert _names(YEAR_BEFORE_COUNT, "livelihood") == []


def test_works_named_right_before_the_count_are_entries():
    assert _names(NAMED_BEFORE_COUNT, "livelihood") == ["青禾镇敬老院", "山乡客运站"]


def test_the_lines_under_a_heading_that_announces_them_are_the_tasks():
    names = _names(ANNOUNCED_LINES, "task")
    assert names[:3] == ["聚焦茶乡振兴使命任务", "坚定不移推动产业提质增效", "更好满足群众美好生活需要"]
    assert not any("以下几点" in n for n in names)


def test_a_heading_that_names_a_task_is_the_task_not_the_lines_under_it():
    assert _names(NAMED_HEADING_LINES, "task") == ["坚定不移推动产业提质增效"]


def test_proposals_voted_in_are_named_by_their_works_without_their_numbers():
    assert _names(VOTED_PROPOSALS, "livelihood") == ["青禾村安装路灯", "松岭村通组道路硬化", "山乡文化站"]


def test_works_voted_in_are_named_as_written_without_their_numbers():
    assert _names(VOTED_WORKS, "livelihood") == ["青禾村安装路灯", "松岭村通组道路硬化", "山乡文化站修缮"]
