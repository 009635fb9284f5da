"""Named items, seventeenth round: key tasks and livelihood items.

A news item on a congress that sums up the year's plan as a list of work areas counted right after
it, inline or in quotation marks; an excerpt of the plan whose subheadings stand alone between its
paragraphs.

Every sentence here is made up for its test (invented places and years); none comes from a report.
"""

from __future__ import annotations

from luoshi.reports.tests.test_reader_r4_items import _names

COUNTED_AREAS = (
    "青禾镇召开第五届人民代表大会第三次会议\n"
    "3月2日，青禾镇第五届人民代表大会第三次会议在镇政府礼堂开幕，镇长作政府工作报告。\n"
    "报告回顾了过去一年的工作，全镇地区生产总值达到18.6亿元，同比增长6.1%，新增市场主体320户。"
    "2031年，青禾镇将坚持稳中求进，重点抓好果蔬深加工扩能、河谷文旅融合、集镇功能完善和"
    "山区养老服务四个方面，为全县发展多作贡献。\n"
    "会议选举产生了新一届镇人大主席团成员。\n"
)

QUOTED_AREAS = (
    "松岭乡人代会闭幕\n"
    "1月18日，松岭乡第三届人民代表大会第六次会议闭幕。\n"
    "乡政府工作报告从“壮大茶叶产业，建设富民强乡”“改善村容村貌，打造宜居家园”"
    "“兜牢民生底线，办好群众急事”三个方面对2030年工作进行了部署。\n"
    "会议还审查批准了财政预算报告。\n"
)

REVIEWED_AREAS = (
    "白石镇召开人代会\n"
    "2月9日，白石镇第七届人民代表大会第二次会议召开。\n"
    "一年来，白石镇着力打好库区移民安置、河道清淤和旧街改造三场硬仗，各项工作取得新成效。\n"
    "会议听取了镇长所作的政府工作报告。\n"
)


def test_a_counted_list_of_work_areas_in_a_plan_digest_gives_one_task_each():
    assert _names(COUNTED_AREAS, "task") == [
        "果蔬深加工扩能",
        "河谷文旅融合",
        "集镇功能完善",
        "山区养老服务",
    ]


def test_quoted_work_areas_counted_before_the_plan_they_set_are_tasks_named_by_their_first_clause():
    assert _names(QUOTED_AREAS, "task") == ["壮大茶叶产业", "改善村容村貌", "兜牢民生底线"]


def test_counted_areas_reported_done_are_no_tasks():
    assert _names(REVIEWED_AREAS, "task") == []


SUBHEADED_EXCERPT = (
    "2033年桐川区要干什么？报告这样安排\n"
    "\n"
    "桐川新闻网2月3日讯 2月3日，桐川区第四届人民代表大会第二次会议开幕，政府工作报告对今年的主要工作进行了安排。\n"
    "\n"
    "桐川区第四届人民代表大会第二次会议现场。\n"
    "\n"
    "加快老港片区更新改造\n"
    "\n"
    "推进旧码头仓储区整体搬迁，完成滨水步道贯通，引导沿街商铺统一改造招牌，让老港片区成为市民休闲的好去处。\n"
    "\n"
    "培育数字服务新业态\n"
    "\n"
    "支持本地软件企业承接政务外包，建设区级数据标注基地，办好第二届桐川数字创意周，吸引更多青年人才来区创业。\n"
    "\n"
    "提升社区养老服务水平\n"
    "\n"
    "每个街道建成一处综合养老服务中心，推广家庭养老床位，为独居老人安装紧急呼叫设备。\n"
)


def test_subheadings_standing_alone_in_a_plan_excerpt_are_tasks():
    assert _names(SUBHEADED_EXCERPT, "task") == [
        "加快老港片区更新改造",
        "培育数字服务新业态",
        "提升社区养老服务水平",
    ]


ANNOUNCED_LEADS = (
    "石门乡召开人代会\n"
    "2月5日，石门乡第六届人民代表大会第四次会议召开，乡长作政府工作报告。\n"
    "报告回顾了去年的工作，全乡农业总产值增长4.2%，新修机耕道12公里。\n"
    "报告提出，2034年石门乡要紧扣强村富民目标，重点做好以下四方面工作：一是做强高山蔬菜产业，"
    "扩大订单种植面积；二是改善农村人居环境，持续开展村庄清洁行动；三是办好教育医疗等民生事业，"
    "守住安全底线；四是加强政府自身建设，提升为民服务水平。\n"
    "会议还选举了乡人大主席团成员。\n"
)


def test_every_lead_a_head_announces_is_a_task():
    assert _names(ANNOUNCED_LEADS, "task") == [
        "做强高山蔬菜产业",
        "改善农村人居环境",
        "办好教育医疗等民生事业",
        "加强政府自身建设",
    ]


LIST_IN_THE_NEXT_PARAGRAPH = (
    "2月12日，云溪省第九届人民代表大会第三次会议表决通过政府工作报告，今年全省将继续办好为民办实事。\n"
    "其中面向山区的实事较多，主要有：完成山区农房抗震加固3000户；新建乡村寄宿制学校食堂120所；"
    "改造乡镇卫生院发热门诊80个；为山区学生免费配发校服。\n"
)


def test_a_livelihood_list_in_the_paragraph_after_the_line_naming_the_livelihood_projects():
    names = _names(LIST_IN_THE_NEXT_PARAGRAPH, "livelihood")
    assert names[:3] == ["山区农房抗震加固", "乡村寄宿制学校食堂", "乡镇卫生院发热门诊"], names
    assert len(names) == 4, names


PROMISED_CLAUSES = (
    "柳湾镇召开2035年经济工作会议\n"
    "会上，镇长总结了柳湾镇去年的工作，全镇完成固定资产投资6.3亿元，同比增长9%。\n"
    "2035年，柳湾镇将认真落实县委全会精神，紧扣“生态立镇”定位，推进茶旅产业融合，"
    "加快集镇提质扩容，持续改善农村人居环境，着力提升基层治理水平，为全县发展作出更大贡献。\n"
    "会议还表彰了一批先进村和先进个人。\n"
)


def test_the_work_clauses_of_one_promising_sentence_are_tasks_not_its_framing():
    assert _names(PROMISED_CLAUSES, "task") == [
        "推进茶旅产业融合",
        "加快集镇提质扩容",
        "持续改善农村人居环境",
        "着力提升基层治理水平",
    ]


TRADITIONAL_REVIEW_HEADING = (
    "各位代表：\n"
    "現在，我代表鎮人民政府向大會報告工作，請予審議，並請列席人員提出意見。\n"
    "一、過去一年工作回顧\n"
    "今年我們將堅持穩中求進，要加快茶園提質，要辦好集鎮污水處理，要建成鄉村振興示範帶，"
    "將力爭農民收入增長，要守牢安全底線，將持續改善人居環境。\n"
)


def test_a_review_heading_in_traditional_characters_is_no_task():
    assert _names(TRADITIONAL_REVIEW_HEADING, "task") == []


LONG_PROMISE = (
    "青川市人代会开幕\n"
    "1月20日，青川市第八届人民代表大会第五次会议开幕，市长作政府工作报告。\n"
    "报告回顾了过去一年的工作，全市地区生产总值增长5.2%，城镇新增就业3.1万人。\n"
    "市长提出，新的一年要做强先进制造业，壮大县域经济；深化营商环境改革，激发市场活力；"
    "推进城市更新，提升城市品质；坚持农业农村优先发展，全面推进乡村振兴；"
    "大力发展社会事业，增进民生福祉。\n"
    "会议还审查了计划报告和预算报告。\n"
)


def test_each_clause_of_a_long_promise_is_a_task():
    assert _names(LONG_PROMISE, "task") == [
        "做强先进制造业",
        "深化营商环境改革",
        "推进城市更新",
        "坚持农业农村优先发展",
        "大力发展社会事业",
    ]


LONG_NOTE_IN_A_LIST = (
    "白沙镇2036年十件民生实事候选项目\n"
    "一、道路提升工程\n"
    "1.完成滨河路拓宽改造。\n"
    "2.完成镇区至林场公路修复。\n"
    "二、老人健康服务\n"
    "为全镇六十五岁以上的老人免费开展一次健康体检，建立电子健康档案，对查出慢性病的老人由家庭医生签约跟踪服务，定期上门随访，指导合理用药，减轻老人看病负担，让行动不便的老人在家门口就能享受到方便快捷的基本医疗服务。\n"
    "三、校园安全提升\n"
    "1.完成中心小学围墙改造。\n"
    "2.新建第二中学学生宿舍楼。\n"
)


def test_a_long_note_under_a_heading_does_not_end_the_livelihood_list():
    names = _names(LONG_NOTE_IN_A_LIST, "livelihood")
    assert "中心小学围墙" in "".join(names) and "学生宿舍楼" in "".join(names), names
    assert _names(LONG_NOTE_IN_A_LIST, "task") == []


ENTRY_WITH_ITS_PURPOSE = (
    "2037年红岭镇民生实事项目\n"
    "1.新建红岭镇垃圾转运站，确保生活垃圾日产日清。\n"
    "2.改造镇区供水管网8公里。\n"
    "3.建设镇文化活动中心。\n"
)


def test_a_clause_saying_what_an_entry_is_for_names_no_further_work():
    assert _names(ENTRY_WITH_ITS_PURPOSE, "livelihood") == [
        "红岭镇垃圾转运站",
        "镇区供水管网",
        "镇文化活动中心",
    ]
