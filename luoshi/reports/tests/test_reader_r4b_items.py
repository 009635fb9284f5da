"""Named items, fourth round, half B: kinds of phrase and layout found on never-seen text.

Every sentence here is made up for its test; none comes from a report.
"""

from __future__ import annotations

from luoshi.reports.reader import parse
from luoshi.reports.tests.test_reader_r4_items import _names

# --- tasks -------------------------------------------------------------------------------------

# A plan that opens with its first lead: nothing before "一是" says plan or review, the text decides.
OPENS_WITH_LEAD = """\
一是做强茶叶产业。茶业兴，则山村兴。明年，我乡将新辟茶园八百亩，力争建成两条加工线。
二是抓实河道管护。我们将落实巡河制度，确保河水常清。
"""


def test_a_text_that_opens_with_its_first_lead_is_a_plan_when_its_words_promise():
    assert _names(OPENS_WITH_LEAD, "task") == ["做强茶叶产业", "抓实河道管护"]


def test_a_text_that_opens_with_its_first_lead_is_a_review_when_its_words_report():
    text = (
        "一是茶叶产业做强了。去年新辟茶园八百亩，已建成两条加工线，产值同比增长一成。\n"
        "二是河道管护抓实了。巡河制度已经落实，河水常清。\n"
    )
    assert _names(text, "task") == []


# A preamble that neither promises nor reports before "一、" headings: the text decides.
NEUTRAL_PREAMBLE = """\
新的一年是乡村振兴的关键一年，做好全年工作意义重大。全乡工作的总体要求是：坚持稳中求进，统筹发展和安全。
一、实施茶旅融合工程，持续壮大特色产业
要办好采茶节，新建游客驿站两处，力争接待游客翻番。
二、实施河湖清水工程，持续改善人居环境
要完成十条河沟清淤，建好三座污水站。
"""


def test_headings_after_a_neutral_preamble_are_tasks_when_the_text_promises():
    assert _names(NEUTRAL_PREAMBLE, "task") == [
        "实施茶旅融合工程",
        "实施河湖清水工程",
    ]


# Tasks written as sentences after a head that names them.
SENTENCE_TASKS = """\
青禾乡召开人民代表大会
近日，青禾乡人民代表大会召开。
今年主要工作任务是：以绣花功夫推进集镇改造，着力打造宜居家园。以钉钉子精神推动茶业升级，着力打造富民产业。以改革思路盘活集体资产，着力打造增收引擎。
会议还选举了乡人大主席。
"""


def test_sentences_after_a_head_that_names_the_tasks_are_tasks():
    assert _names(SENTENCE_TASKS, "task") == [
        "以绣花功夫推进集镇改造",
        "以钉钉子精神推动茶业升级",
        "以改革思路盘活集体资产",
    ]


def test_sentences_after_such_a_head_that_report_are_no_tasks():
    text = "去年完成的主要任务是：集镇改造完成了。茶业升级已见成效。集体资产盘活了一批。\n"
    assert _names(text, "task") == []


# A plan whose paragraphs open with a short label of their topic and a colon.
LABELLED_PLAN = """\
青禾街道2031年工作计划
宣传工作：围绕中心工作，办好社区宣传栏，讲好邻里故事，每季度出一期街道简报。
安全工作：落实网格巡查制度，排查燃气隐患，开展消防演练，守住安全底线不放松。
"""


def test_paragraphs_of_a_plan_that_open_with_a_topic_label_are_tasks():
    assert _names(LABELLED_PLAN, "task") == ["宣传工作", "安全工作"]


def test_a_single_label_or_a_label_of_the_plan_itself_is_no_task():
    text = "青禾街道2031年工作计划\n工作目标：围绕中心工作，办好社区宣传栏，讲好邻里故事，多出简报。\n"
    text += "安全工作：落实网格巡查制度，排查燃气隐患，开展消防演练，守住安全底线不放松。\n"
    assert _names(text, "task") == []


# --- projects ----------------------------------------------------------------------------------


def test_a_bare_project_word_after_a_verb_or_preposition_is_no_named_project():
    text = (
        "青禾县春季重大项目集中开工。县领导共同为项目开工奠基，县长宣布项目开工。\n"
        "我县坚持一切围绕项目转，及时解决项目推进中的难题。\n"
        "今年将加快推进青禾冷链物流园项目建设。\n"
    )
    names = _names(text, "project")
    assert not any(n.endswith(("为项目", "宣布项目", "围绕项目", "解决项目")) for n in names)
    assert "青禾冷链物流园项目" in names


# --- livelihood --------------------------------------------------------------------------------

# A news item on the 民生实事 whose entries open with their name and a colon, some of them long.
LABELLED_ENTRIES = """\
青禾街道召开居民议事会
近日，青禾街道召开居民议事会，街道负责人通报了今年的工作安排。
会上，居民代表围绕社区治理踊跃发言。
2031年，青禾街道将实施三件民生实事项目。除河道清淤项目在汛期前完成外，其余项目年底前完成。具体包括：

河道清淤项目：对东溪沿线淤积河段清淤疏浚。

“银龄助餐”关爱项目：开办社区老年食堂，为独居、高龄、失能老人提供助餐、助浴、助医服务，为困难家庭开展适老化改造，为留守儿童实施童心课堂项目，组织志愿者结对帮扶，每月上门探访一次，逢年过节送上慰问品。

全民健身惠民项目：举办广场舞大赛、篮球联赛、象棋比赛、读书分享会等活动不少于二十场，为各社区添置一批健身器材。

路灯维修项目：对背街小巷损坏路灯进行维修。
"""


def test_entries_that_open_with_their_name_and_a_colon_count_however_long():
    assert _names(LABELLED_ENTRIES, "livelihood") == [
        "河道清淤项目",
        "银龄助餐”关爱项目",  # (the add() strips the opening quotation mark of a name)
        "全民健身惠民项目",
        "路灯维修项目",
    ]


def test_a_name_never_starts_with_the_preposition_of_except():
    names = _names(LABELLED_ENTRIES, "livelihood")
    assert not any(n.startswith("除") for n in names)


SAID_AND_REMARK = """\
青禾镇人大票决民生实事
近日，青禾镇人大代表票决产生了2031年的2项民生实事项目：青禾镇文化广场项目、青禾镇污水收集管网项目，共计投入500余万元，均计划于年内完工。
这是本届代表首次票决民生实事项目。投票前，一位代表说道：“民生实事项目连着千家万户，件件都要办实，这一票我要慎重地投！”
"""


def test_an_inline_list_ends_at_its_closing_remark_and_words_said_are_no_list():
    assert _names(SAID_AND_REMARK, "livelihood") == ["青禾镇文化广场项目", "青禾镇污水收集管网项目"]


def test_a_list_whose_class_carries_a_count_and_a_year_is_a_list():
    text = "青禾镇人代会审议了票决办法，票决通过了东岭村至西坡村公路硬化工程、青禾集镇雨污分流改造工程等8项2031年民生实事项目。\n"
    assert _names(text, "livelihood") == ["东岭村至西坡村公路硬化工程", "青禾集镇雨污分流改造工程"]


# --- projects by their cost ----------------------------------------------------------------------


def test_a_facility_introduced_by_its_cost_is_a_project():
    text = "去年，建成总投资3000余万元的青禾水库，总投资800万元的东岭卫生院即将投入使用。\n"
    assert {"青禾水库", "东岭卫生院"} <= set(_names(text, "project"))


def test_a_kind_of_facility_after_its_cost_is_no_project():
    text = "去年，建成总投资3000余万元的农村公路，完成投资200万元的村级小学改造。\n"
    assert _names(text, "project") == []


# --- cleaning: a list's "1、" near the top is no page marker --------------------------------------


def test_a_numbered_list_near_the_top_keeps_its_first_number():
    from luoshi.reports.reader.clean import normalise

    text, removed = normalise(
        "青禾镇2031年工作计划\n1、做强茶叶产业。明年将新辟茶园八百亩。\n2、抓实河道管护。\n"
    )
    assert text.splitlines()[1].startswith("1、做强茶叶产业。")
    assert not any(r.reason.startswith("page marker") for r in removed)
    tasks = [i for i in parse(text, text_only=True).items if i.kind == "task"]
    assert [t.quote for t in tasks] == ["1、做强茶叶产业", "2、抓实河道管护"]


def test_the_lines_under_a_roster_title_name_one_project_each():
    text = (
        "青禾县二季度重大项目集中开工。县长在仪式上致辞。\n\n开工项目名单\n\n"
        "青禾精工机械有限公司数控机床生产项目\n\n东岭冷链物流有限公司仓储中心建设项目\n\n"
        "以上项目总投资12亿元，达产后年产值可达30亿元。\n"
    )
    names = _names(text, "project")
    assert "青禾精工机械有限公司数控机床生产项目" in names
    assert "东岭冷链物流有限公司仓储中心建设项目" in names
    assert not any(n.startswith("以上项目") for n in names)


def test_a_project_inside_a_task_heading_is_the_task_only():
    text = (
        "2031年工作计划\n今年将抓好以下工作：\n一、实施茶产业提质工程，持续壮大富民产业\n要新辟茶园八百亩。\n"
        "二、实施河湖清水工程，持续改善人居环境\n要完成十条河沟清淤。\n"
    )
    assert _names(text, "project") == []
    assert len(_names(text, "task")) == 2


def test_a_project_after_a_joining_word_and_not_an_event_counted():
    text = "5月8日，青禾县“比拼赛”暨东岭精密铸造项目开工活动举行，这是今年的第三场县级项目开工仪式。\n"
    names = _names(text, "project")
    assert "东岭精密铸造项目" in names
    assert not any(n.startswith("第三场") for n in names)


NUMBERED_SERVICES = """\
2031年青禾县民生实事项目如下：
（1）新建村级公共厕所60座、景区厕所4座，农村户用卫生厕所9000座。
（2）为80户困难家庭实施适老化改造，为3000名农村妇女免费进行健康筛查，为全县70岁以上老人免费体检。
"""


def test_an_entry_goes_on_with_objects_and_their_counts_and_with_services_for_whom():
    names = _names(NUMBERED_SERVICES, "livelihood")
    assert "农村户用卫生厕所" in names
    assert "为3000名农村妇女免费进行健康筛查" in names
    assert "为全县70岁以上老人免费体检" in names


def test_an_aim_led_entry_takes_no_object_of_a_clause_without_a_list_before_it():
    text = "2031年青禾县民生实事项目如下：\n（1）完善便民设施，新增停车位800个，同步建成充电桩120个。\n"
    assert not any("充电桩" in n for n in _names(text, "livelihood"))


def test_names_listed_as_assets_put_to_use_again_are_no_projects():
    text = "东岭民宿、西坡茶园等一批项目建成运营。青禾老粮站、东岭养老中心、西坡小学等一批闲置资产盘活。\n"
    names = _names(text, "project")
    assert "东岭民宿" in names
    assert not {"青禾老粮站", "东岭养老中心", "西坡小学"} & set(names)


def test_projects_named_only_by_their_owner_kind_or_quality_are_a_class():
    text = (
        "今年将着力引进税收贡献大的企业项目，以高质量项目建设引领发展。"
        "根据票决办法和候选项目的得票情况，推动议定项目年内完成。\n"
    )
    names = _names(text)
    assert not {"企业项目", "高质量项目", "候选项目", "议定项目"} & set(names)


def test_a_phrase_of_a_designation_or_a_campaign_is_no_project():
    text = (
        "去年，县工业园被列为省级绿色低碳示范园区，坚决打赢污染防治攻坚战、建成美丽乡村示范区。"
        "加快推进青禾冷链物流园项目。\n"
    )
    names = _names(text, "project")
    assert not [n for n in names if "列为" in n or "打赢" in n]
    assert "青禾冷链物流园项目" in names


def test_a_company_after_a_programme_label_in_quotation_marks_is_the_project():
    text = "去年，“3060”项目青禾精工顺利投产，东岭冷链物流园竣工。\n"
    assert "青禾精工" in _names(text, "project")
