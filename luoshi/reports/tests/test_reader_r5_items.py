"""Named items, fifth round: kinds of phrase and layout met on never-seen text.

Every sentence here is made up for its test; none comes from a report.
"""

from __future__ import annotations

from luoshi.reports.tests.test_reader_r4_items import _items, _names

# --- livelihood --------------------------------------------------------------------------------

# A short heading naming the 实事项目 over short lines, one work each, with a remark in brackets
# and a check mark before some of them.
ROSTER = """\
青禾区2030年政府实事项目安排
发布时间：2030-02-01
政府实事项目事关群众切身利益。下面一起来看看今年的实事项目安排！
实事项目
（标注*的项目为市级实事项目）
完成40台老旧住宅电梯加装、6家社区食堂改造
*为9个小区新增电动汽车充电桩
新增就业3000人
*新建12公里滨河绿道
新建、更新80个健身点
*8家社区托育点
"""


def test_short_lines_under_a_livelihood_heading_are_its_entries():
    names = _names(ROSTER, "livelihood")
    assert names[:2] == ["老旧住宅电梯加装", "社区食堂改造"]
    assert "为9个小区新增电动汽车充电桩" in names
    assert "滨河绿道" in names and "社区托育点" in names
    assert "新建" not in names  # a verb of the next object, no object of its own
    assert any("健身点" in n for n in names)


def test_short_lines_naming_no_work_are_no_roster():
    text = "青禾区政务网\n民生实事\n政务公开\n办事服务\n互动交流\n走进青禾\n"
    assert _names(text, "livelihood") == []


# A table of projects whose cells the cleaner ran into one line: the 项目名称 column names them.
TABLE = (
    "青禾县2030年民生实事项目清单\n"
    "|青禾县2030年民生实事项目清单 ||||序号 |项目名称 |建设地点 |建设内容 |投资(万元) ||"
    "1 |青禾县城区幼儿园扩建项目 |城关镇 |扩建甲园、乙园等园舍。 |500 ||"
    "2 |柳溪河堤加固工程 |柳溪镇 |加固河堤3公里、新建护栏。 |800 ||"
    "3 |青禾县乡村卫生室提升项目 |各乡镇 |改造卫生室20所。 |300\n"
)


def test_the_name_column_of_a_run_in_table_names_its_projects():
    assert _names(TABLE, "livelihood") == [
        "青禾县城区幼儿园扩建项目",
        "柳溪河堤加固工程",
        "青禾县乡村卫生室提升项目",
    ]
    assert _names(TABLE, "project") == []


def test_a_notice_naming_its_livelihood_projects_in_a_document_title_introduces_no_list():
    text = (
        "青禾县人民政府关于印发青禾县2030年民生实事项目的通知各乡镇人民政府，县政府各部门、直属单位：\n"
        "《青禾县2030年民生实事项目》已经县人民代表大会审议通过，现印发给你们，请认真组织实施，确保按时完成。\n"
    )
    assert _names(text, "livelihood") == []


def test_an_inline_list_set_apart_by_semicolons_reads_each_entry_as_a_line():
    text = (
        "记者从县人代会上获悉，今年青禾县将办好八件民生实事。这八件民生实事分别是：完成柳溪大道2.5公里拓宽改造工程；"
        "完成城西片区棚户区改造300套，建成保障性住房200套；解决甲村、乙村等村1万人的饮水不安全问题；"
        "实施东关小学等12所薄弱学校改造项目，改造校舍1万平方米；实施“护眼亮睛”项目，为3000名学生免费筛查视力；"
        "全面启动居民大病保险工作，有效提高保障水平。\n"
    )
    names = _names(text, "livelihood")
    assert names == [
        "柳溪大道2.5公里拓宽改造工程",
        "城西片区棚户区改造",
        "保障性住房",
        "饮水不安全问题",
        "薄弱学校改造项目",
        "护眼亮睛”项目",
        "居民大病保险工作",
    ]


def test_a_manner_clause_and_a_count_of_beneficiaries_name_no_work():
    text = (
        "2030年青禾区民生实事候选项目\n"
        "1. 推进农村供水提标工程建设，新增受益人口2万人。\n"
        "2. 按照“路面平整、标线规范、绿化美观”三项标准，完成6个片区综合整治。\n"
        "3. 改造提升公厕8座，施划临时停车位40个，打通3条断头路。\n"
    )
    names = _names(text, "livelihood")
    assert names == ["农村供水提标工程建设", "片区综合整治", "公厕", "临时停车位", "断头路"]


def test_quoted_full_names_of_projects_in_a_livelihood_passage():
    text = (
        "近年来，柳溪镇人大扎实开展民生实事项目票决工作。一是项目征集多渠道。利用公告栏发布征集信息。二是项目审议全方位。"
        "召开会议听取汇报。\n"
        "镇本级累计投入300万元，解决由代表票决出的“柳溪镇便民服务大厅改造提升工程”“柳溪镇老街路灯亮化工程”等8件民生实事项目。\n"
    )
    names = _names(text, "livelihood")
    assert "柳溪镇便民服务大厅改造提升工程" in names and "柳溪镇老街路灯亮化工程" in names
    assert not any(n.startswith("项目") for n in names)


def test_two_long_names_joined_by_he_in_an_inline_entry_are_two():
    text = (
        "会议票决了青禾镇2030年民生实事项目，包括打造青禾河滨示范带工程，以及青禾镇文化广场建设工程、"
        "青禾镇柳溪桥改造工程和青禾镇第二幼儿园建设工程。\n"
    )
    names = _names(text, "livelihood")
    assert "青禾镇柳溪桥改造工程" in names and "青禾镇第二幼儿园建设工程" in names
    assert "青禾镇文化广场建设工程" in names


def test_a_paragraph_reporting_its_livelihood_projects_done_introduces_no_numbered_list():
    text = (
        "一、2030年政府工作回顾\n"
        "这一年，主要指标好于预期，卫生城镇创建通过验收，八件为民办实事项目全部如期完成。\n"
        "（一）突出产业转型，现代产业体系加速构建\n"
        "产业发展更有质量，信息经济增加值增长两成。\n"
    )
    assert _names(text, "livelihood") == []


def test_a_congress_news_item_names_no_livelihood_entries_after_its_agenda():
    text = (
        "柳溪镇人民代表大会胜利闭幕\n"
        "大会听取并审议了《政府工作报告》和《2030年民生实事项目办理情况的报告》；无记名票决产生了2031年度民生实事项目，各项议程顺利完成。\n"
        "镇长王某同志代表镇政府向大会做政府工作报告。\n"
        "会议期间，代表们积极建言。\n"
    )
    assert _names(text, "livelihood") == []


# --- tasks -------------------------------------------------------------------------------------


def test_directions_for_the_coming_five_years_are_no_tasks():
    text = (
        "柳溪镇人民代表大会召开\n"
        "镇长作政府工作报告，报告指出，今后五年，是青禾发展的关键时期。一是凝心聚力抓产业，壮大特色经济；"
        "二是凝心聚力优环境，建设美丽乡村；三是凝心聚力惠民生，办好民生实事。\n"
    )
    assert _names(text, "task") == []


def test_the_leads_of_a_plan_paragraph_in_an_interpretation_of_a_report_are_tasks():
    text = (
        "《2030年青禾镇政府工作报告》政策解读\n"
        "一、《报告》起草过程\n"
        "起草组深入各村调研，于2029年12月形成初稿。\n"
        "二、《报告》的主要内容\n"
        "《报告》共分为两个部分：\n"
        "第一部分，2029年工作回顾。《报告》从六个方面总结了成绩。\n"
        "第二部分，2030年的工作安排。重点提出了三个方面重点工作：一是聚焦产业升级，加快经济回升。"
        "二是聚焦城镇更新，建设宜居集镇。三是聚焦民生保障，办好民生实事。\n"
    )
    assert _names(text, "task") == ["聚焦产业升级", "聚焦城镇更新", "聚焦民生保障"]


def test_headings_on_how_targets_were_met_set_no_tasks():
    text = (
        "关于2030年重点工作上半年完成情况的通报\n"
        "现将有关情况通报如下。\n"
        "一、主要指标任务完成情况\n"
        "（一）全镇主要预期目标完成情况\n"
        "上半年，全镇完成生产总值30亿元，增长8%。\n"
        "（二）其他指标任务完成情况\n"
        "1.引进龙头企业投资项目不少于3个；新开工亿元以上项目10个。\n"
    )
    assert _names(text, "task") == []
    assert _names(text, "project") == []


# --- projects ----------------------------------------------------------------------------------


def test_the_names_after_a_count_of_projects_and_fenbieshi():
    text = (
        "一、1-12月重大投资项目总体情况\n"
        "省重点项目共4项，总投资50亿元，完成投资12亿元。分别是：青禾科技馆新馆、柳溪湖东侧地块“双创”示范园、"
        "青禾新材料单晶硅及其制品项目、青禾市柳溪矿区建材及配套设施项目。\n"
        "（2）计划新开工项目5个，已开工4个。\n"
    )
    assert _names(text, "project") == [
        "青禾科技馆新馆",
        "柳溪湖东侧地块“双创”示范园",
        "青禾新材料单晶硅及其制品项目",
        "青禾市柳溪矿区建材及配套设施项目",
    ]


def test_a_signing_news_item_names_the_projects_listed_not_the_actors():
    text = (
        "柳溪区召开首季重点项目集中签约开工仪式\n"
        "一季度柳溪区签约和开工项目12个，总投资80亿元。主要包括新城商业综合体、青禾研发中心和产业化基地、储能部件制造项目等。\n"
        "龙门街道、柳溪开发区就推动项目建设作交流发言，承诺全程做好要素保障。\n"
    )
    assert _names(text, "project") == ["新城商业综合体", "青禾研发中心和产业化基地", "储能部件制造项目"]


def test_a_list_tallied_by_a_count_of_projects_and_names_with_codes_or_capacities():
    text = (
        "近日，青禾区举行2030年一季度重点项目集中开工活动。此次开工的项目具体包括智慧养殖基地、5G智能制衣、"
        "柳溪2万千瓦分布式光伏等8个现代产业项目；青禾小学新建综合楼、柳溪智慧+酒店建设项目2个公共服务项目；"
        "柳溪河东段综合治理项目3个生态项目。\n"
    )
    names = _names(text, "project")
    assert names == [
        "智慧养殖基地",
        "5G智能制衣",
        "柳溪2万千瓦分布式光伏",
        "青禾小学新建综合楼",
        "柳溪智慧+酒店建设项目",
        "柳溪河东段综合治理项目",
    ]


def test_designations_honours_and_kinds_of_work_are_no_projects():
    text = (
        "一、2030年工作回顾\n"
        "柳溪开发区成为首批国家级创新示范园区。青禾会展中心获批省级服务业标准化试点。"
        "获评省生态文明建设示范县、“美丽农村路”省级示范县。以青禾湖国家湿地公园为品牌，发展生态旅游。"
        "着力抓实交通设施完善、人居环境提升、民生兜底工程等重点工作。"
        "凯华广场、青禾城市之心等综合体开业运营。\n"
    )
    assert _names(text, "project") == ["凯华广场", "青禾城市之心"]


def test_items_sharing_a_list_quote_come_in_the_order_written():
    items = _items(
        "今年重点项目共3个。分别是：青禾科技馆新馆、柳溪物流产业园、青禾大道改造工程。\n", "project"
    )
    assert [i.name for i in items] == ["青禾科技馆新馆", "柳溪物流产业园", "青禾大道改造工程"]


# --- second half: kinds met in the other half of the corpus -----------------------------------


def test_a_review_paragraph_closing_on_its_livelihood_projects_done_introduces_no_list():
    text = (
        "2030年工作回顾\n"
        "过去一年，全镇上下稳中求进，圆满完成了年初确定的目标任务及代表票决的5件民生实事。\n"
        "一、经济发展展现新活力\n"
        "（一）经济运行稳中有进。全年生产总值增长7%。\n"
        "（二）营商环境持续优化。签约招商项目5个。\n"
    )
    assert _names(text, "livelihood") == []


VOTED_INLINE = """\
柳溪街道：居民议事会议出新气象
4月10日，柳溪街道居民议事会召开，票决出了街道2031年民生实事项目的五项内容。
会议最终确定了五项民生实事项目：一是打造社区康复站，为残疾人提供更专业的康复服务；二是创新服务模式，建立社区共享食堂，解决就餐难题；三是推动“红旗党员示范岗”“邻里议事角”等基层阵地建设，完善治理架构；四是开展文明实践活动，提升文明素养；五是优化便民服务中心窗口服务，提高办事效率。
当天，街道办事处主任李某作工作报告。
街道党工委书记张某表示，居民议事会是基层民主的有力举措。
"""


def test_an_inline_list_of_leads_names_its_works_and_the_paragraphs_after_it_none():
    names = _names(VOTED_INLINE, "livelihood")
    assert names == [
        "社区康复站",
        "社区共享食堂",
        "红旗党员示范岗",
        "邻里议事角",
        "文明实践活动",
        "优化便民服务中心窗口服务",
    ]


def test_a_nested_list_keeps_a_heading_without_leaves_not_the_line_under_it():
    text = (
        "2031年为民办实事工作计划的主要内容是：\n"
        "一、实施公交便民工程\n"
        "（一）新购置公交车50辆\n"
        "（二）新建公交站台30个\n"
        "二、实施老城片区改造\n"
        "基本完成3000户老城片区征迁改造\n"
        "三、治理餐桌污染和提升农贸市场\n"
        "（一）治理餐桌污染，建设食品放心工程\n"
        "（二）储备冻猪肉1.5万头\n"
        "四、办好教育\n"
        "（一）新建、改扩建公办幼儿园5所，新增学位900个\n"
        "（二）新建小学3所和初中2所\n"
    )
    names = _names(text, "livelihood")
    assert "实施老城片区改造" in names or "老城片区改造" in names
    assert not any("征迁" in n for n in names)
    assert "食品放心工程" in names and "治理餐桌污染" not in names
    assert "储备冻猪肉" in names
    assert "学位" not in names
    assert "小学" in names and "初中" in names


def test_an_inline_list_closed_by_a_count_of_its_projects_ends_there():
    text = (
        "柳溪街道召开居民议事会\n"
        "会议通报显示，街道民生实事项目进展顺利：充电桩安装、老楼屋面翻新、楼道座椅增设等6个项目已全部完工，"
        "其余3个项目正加紧推进，确保年底前交付。\n"
    )
    assert _names(text, "livelihood") == ["充电桩安装", "老楼屋面翻新", "楼道座椅增设"]


def test_more_kinds_that_are_no_projects():
    text = (
        "一、2030年工作回顾\n"
        "青禾园区列入国家级新型工业化示范基地。镇责任单位项目有20个300万元。新增工业项目供地800亩。"
        "全面建成小康社会的目标如期实现。争取省市各类政策性投资项目。"
        "将柳溪工业园区与青禾市先进制造业示范园区进行融合对接。"
        "协助企业解决子女入学、增设公交站点、完善厂区周边照明等问题。"
        "柳溪街街道办事处主任作《柳溪街街道2030年工作报告》。\n"
    )
    assert _names(text, "project") == []


def test_a_road_of_a_second_phase_with_its_work_started():
    text = "三、2031年工作计划\n青禾大道二期启动建设，柳溪公租房一期主体竣工。\n"
    assert "青禾大道二期启动建设" in _names(text, "project")


def test_a_quoted_campaign_and_a_verb_holding_ji_are_no_projects():
    text = "一、2031年工作安排\n扎实开展“大干实干、抓好项目”活动。开工建设涉及6个村的柳溪水利治理工程。\n"
    assert _names(text, "project") == ["柳溪水利治理工程"]
