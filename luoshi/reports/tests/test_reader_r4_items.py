"""Named items, fourth round: kinds of phrase and layout found on never-seen text.

Every sentence here is made up for its test; none comes from a report.
"""

from __future__ import annotations

from luoshi.reports.reader import parse


def _items(text: str, kind: str | None = None) -> list:
    return [i for i in parse(text, text_only=True).items if kind is None or i.kind == kind]


def _names(text: str, kind: str | None = None) -> list[str]:
    return [i.name for i in _items(text, kind)]


# --- tasks -------------------------------------------------------------------------------------

LOST_FIRST_NUMBER = """\
明年的工作，我们的打算是：稳住基本盘，力争村集体收入翻一番。
抓实招商引资，壮大园区规模。要盯紧长三角客商，办好两场推介会。
2、抓细河湖管护，守护一江清水。要落实河长巡河制度。
3、抓牢养老托幼，兜住民生底线。要新办两家托育点。
"""


def test_a_numbered_plan_list_whose_first_number_is_lost_starts_at_the_paragraph_before_2():
    assert _names(LOST_FIRST_NUMBER, "task") == [
        "抓实招商引资",
        "抓细河湖管护",
        "抓牢养老托幼",
    ]


def test_a_paragraph_ending_in_a_colon_before_2_is_no_lost_entry():
    text = "明年打算办好下面几件事：\n2、做大茶旅融合，叫响山乡名片。\n3、做精林下经济，拓宽致富门路。\n"
    assert not any("几件事" in t for t in _names(text, "task"))


SEMICOLON_TASKS = """\
石岗乡召开人代会
代表们审议了乡政府工作报告。
新的一年，石岗乡要紧盯产业链条，打响山货品牌；紧盯生态修复，守护青山绿水；依托古村古道、山水风光，紧盯“全域旅游”，做活乡村经济；紧盯教育医疗，补齐公共服务，确保全乡人心安定，奋力开创石岗发展新局面。
"""


def test_one_promising_sentence_of_semicolon_clauses_gives_one_task_per_clause():
    tasks = _names(SEMICOLON_TASKS, "task")
    assert tasks[:3] == [
        "紧盯产业链条",
        "紧盯生态修复",
        "依托古村古道、山水风光",
    ]
    # the last clause keeps no more comma pieces than the widest other clause (three)
    assert tasks[3] == "紧盯教育医疗"


def test_clauses_after_a_colon_that_names_this_years_work_are_tasks():
    text = (
        "会议听取审议了几个报告，部署了今年三项攻坚任务：强基础，夯实农田水利；优环境，整治人居面貌；"
        "兴文化，擦亮非遗招牌。大会选举了乡长。\n"
    )
    assert _names(text, "task") == ["强基础", "优环境", "兴文化"]


def test_semicolon_clauses_that_report_results_are_not_tasks():
    text = "过去一年的亮点表现为：招商引资捷报频传；特色农业量质齐升；社会治理平稳有序；干部作风明显转变。\n"
    assert _names(text, "task") == []
    done = "明年要巩固成果，前年已办成三件大事；去年完成了河道清淤；今年取得了新进展。\n"
    assert _names(done, "task") == []


def test_semicolon_clauses_with_numbers_are_targets_not_tasks():
    text = "明年将力争财政收入增长5%；新栽果树300亩；确保新增就业120人。\n"
    assert _names(text, "task") == []


def test_a_heading_that_states_a_result_reached_is_no_task():
    text = (
        "某乡2025年前三季度工作情况\n"
        "今年以来，全乡上下一心，各项工作推进有力。\n"
        "一、多方发力抓农业，粮食生产成效显著\n"
        "1.夏粮再获丰收。收获小麦1.2万亩。\n"
        "二、盯紧短板抓整改，人居环境持续改善\n"
        "1.改厕任务完成。改造户厕300户。\n"
    )
    assert _names(text, "task") == []


def test_yi_yao_er_yao_leads_of_a_plan_are_tasks_like_yi_shi():
    text = (
        "新的一年，我们将重点抓好三个方面工作。一要狠抓项目建设，增强发展后劲。"
        "二要做强特色产业，拓宽增收渠道。三要提升治理水平，守牢安全底线。\n"
    )
    assert _names(text, "task") == ["狠抓项目建设", "做强特色产业", "提升治理水平"]
    assert _names("会议要求，一要求真务实。\n", "task") == []


# --- projects ----------------------------------------------------------------------------------


def test_sentence_verbs_about_projects_are_not_part_of_a_name():
    text = (
        "检查组一行深入项目一线，随后查看青松路改造项目推进情况，并听取项目单位汇报。"
        "全乡坚持以项目论英雄，掀起项目攻坚热潮。\n"
    )
    names = _names(text, "project")
    assert "青松路改造项目" in names
    assert not [n for n in names if any(w in n for w in ("深入", "查看", "听取", "坚持", "掀起"))]


def test_a_stage_verbs_subject_led_by_a_preposition_or_an_adverb_is_no_project():
    text = (
        "截至目前，梧桐大道南段于8月下旬开工，路基已成形。滨河步道业已完工，并顺利通车。\n"
        "本季度此次集中签约项目9个，督促其尽快投产。\n"
        "三里村老年食堂拟于10月建成投用。\n"
    )
    names = _names(text, "project")
    assert "三里村老年食堂" in names
    assert not [
        n for n in names if n.startswith(("于", "并", "此次", "促其")) or n.endswith(("旬", "月", "集中"))
    ]


def test_a_time_before_a_stage_verb_is_not_part_of_the_subjects_name():
    text = "截至三季度，各项工作有序开展，东岭生态茶园计划11月份建成投用。\n"
    assert "东岭生态茶园" in _names(text, "project")


def test_a_list_before_a_longer_noun_than_its_tail_word_names_no_projects():
    text = "施工现场，吊车、搅拌车等各类工程机械一字排开。\n"
    assert _names(text, "project") == []


def test_the_same_project_named_twice_in_a_part_is_one_item():
    text = "今年将实施白鹭湾湿地修复工程。白鹭湾湿地修复工程计划投资800万元，年内建成。\n"
    assert _names(text, "project").count("白鹭湾湿地修复工程") == 1


def test_a_street_office_after_a_slogan_is_no_street_facility():
    text = "奋力建设和美、智慧、安居新街道。\n"
    assert _names(text, "project") == []


def test_two_long_names_joined_by_and_before_project_are_two_projects():
    text = "截至6月，续建项目里，万头生猪标准化养殖和北坡农光互补示范项目都已进场施工。\n"
    assert {"万头生猪标准化养殖", "北坡农光互补示范项目"} <= set(_names(text, "project"))
    assert "文化" not in _names("今年将推进文化和旅游融合发展项目。\n", "project")


def test_two_owners_of_one_project_joined_by_and_are_not_split():
    text = "上半年，建成石泉专业合作社和丰禾专业合作社粮食烘干仓储项目。\n"
    assert "石泉专业合作社和丰禾专业合作社粮食烘干仓储项目" in _names(text, "project")


def test_names_listed_with_a_pause_mark_before_a_project_name_are_projects():
    text = "今年以来，持续服务好金穗米业扩能、龙腾热电联产项目，建成白鹭展示馆、青瓷研学中心。\n"
    names = set(_names(text, "project"))
    assert {"金穗米业扩能", "龙腾热电联产项目", "白鹭展示馆", "青瓷研学中心"} <= names
    assert not any(n.startswith(("服务", "建成")) for n in names)
    fields = "今年将统筹推进教育、医疗、养老项目。\n"  # fields, not names
    assert not {"教育", "医疗"} & set(_names(fields, "project"))


def test_the_names_before_a_class_after_deng_are_the_subjects_of_a_stage_verb():
    text = "全域旅游提质增效，青石古镇、云台山庄等一批文旅项目相继开业运营。\n"
    assert {"青石古镇", "云台山庄"} <= set(_names(text, "project"))


def test_projects_of_a_higher_government_given_as_context_before_deng_are_not_projects():
    text = "放眼全局，随着城际铁路、过江通道等一批大工程的加快建设，区位优势将更加凸显。\n"
    assert _names(text, "project") == []


def test_a_meetings_venue_and_classes_of_projects_by_stage_are_not_projects():
    text = (
        "3月2日，东湾乡第九届人民代表大会第四次会议在乡便民服务中心大会议室开幕。\n"
        "会议强调，已完工项目要抓好移交管护，另对去年项目开展群众评议，剩余其他项目年底前全部完成。\n"
    )
    assert _names(text, "project") == []


def test_a_work_followed_by_its_area_or_length_is_a_class_not_a_name():
    text = "全年新建标准化厂房9万平方米，改造高标准农田8000亩，建成柳岸人才公寓项目。\n"
    names = _names(text, "project")
    assert "柳岸人才公寓项目" in names
    assert not {"标准化厂房", "高标准农田"} & set(names)


def test_a_named_work_with_its_length_stays_a_project_and_a_channel_is_no_street_office():
    text = "全年推进清水溪生态河道建设6公里，完成石门渠道清淤。\n"
    names = _names(text, "project")
    assert "清水溪生态河道建设" in names and "石门渠" in names


def test_what_earns_an_honour_is_no_project():
    text = "这一年，村级幸福食堂荣获全县示范食堂称号。\n"
    assert _names(text, "project") == []


def test_the_reports_own_place_before_a_class_of_projects_names_none():
    text = (
        "青禾乡2025年政府工作报告\n一、2024年工作回顾\n去年，青禾农业项目遍地开花，产业项目到户覆盖八成。\n"
    )
    assert _names(text, "project") == []


def test_spaces_of_an_extraction_before_a_name_do_not_hide_its_leading_verbs():
    text = "围绕全年目标 , 加快实施城建项目 , 全面改善人居环境 。\n"
    assert _names(text, "project") == []


def test_a_facility_named_in_quotation_marks_with_the_work_done_to_it_is_a_project():
    text = "今年将盘活红色资源，修缮“将军路”和“渡江桥”，打造“红色研学”品牌。\n"
    names = _names(text, "project")
    assert {"将军路", "渡江桥"} <= set(names)
    assert "红色研学" not in names


def test_rows_of_a_table_of_projects_and_a_forms_name_field_are_projects():
    text = (
        "序号　项目名称　建设内容　总投资\n"
        "1　青禾冷链物流园项目　新建冷库2万平方米　3.5亿元\n"
        "2　南湖片区棚户区改造工程　改造住房800户　2亿元\n"
        "项目名称：白石岭风电场二期\n"
        "3 个村完成改厕\n"
    )
    names = _names(text, "project")
    assert {"青禾冷链物流园项目", "南湖片区棚户区改造工程", "白石岭风电场二期"} <= set(names)
    assert not any(n.startswith("个") for n in names)


# --- livelihood --------------------------------------------------------------------------------


def test_n_items_of_for_the_people_work_introduce_a_list():
    text = (
        "某市八件为民实事年终盘点\n"
        "今年初，市政府向社会承诺了8件为民实事：农村饮水提质工程、城乡居民免费体检、老年助餐服务点建设。\n"
    )
    names = _names(text, "livelihood")
    assert {"农村饮水提质工程", "城乡居民免费体检", "老年助餐服务点建设"} <= set(names)
    assert _names(text, "project") == []


def test_a_news_item_on_the_livelihood_projects_names_works_as_livelihood():
    text = (
        "新城镇民生实事项目接受代表检阅\n"
        "11月2日，镇人大组织代表视察民生实事项目进展。\n"
        "一行人走村入户，实地看了东湖路改造提升、X031线河口至新村段公路建设、中心小学食堂等项目。\n"
    )
    assert _names(text, "project") == []
    assert {"东湖路改造提升", "X031线河口至新村段公路建设"} <= set(_names(text, "livelihood"))


def test_a_congress_news_naming_the_livelihood_projects_in_passing_keeps_its_projects():
    text = (
        "青禾镇召开第十届人民代表大会第三次会议\n"
        "2025-01-10 来源：融媒体中心\n"
        "1月9日，青禾镇召开第十届人民代表大会第三次会议，镇长代表镇政府作工作报告，报告回顾了一年来的工作。\n"
        "全年招商成效明显，签约落地金鹏新材料项目，推动宏达纸业二期项目竣工投产。\n"
        "会议票决产生了2025年民生实事项目。\n"
    )
    assert {"金鹏新材料项目", "宏达纸业二期项目"} <= set(_names(text, "project"))


def test_a_paragraph_naming_the_livelihood_projects_in_passing_turns_to_other_topics():
    text = (
        "过去一年，乡人大共组织专题调研5次，跟踪票决民生实事7件。在招商引资方面，乡人大牵线搭桥，"
        "促成嘉禾精密轴承、百川环保科技等项目签约。\n"
    )
    assert {"嘉禾精密轴承", "百川环保科技"} <= set(_names(text, "project"))
    assert _names(text, "livelihood") == []


def test_check_boxes_mark_the_entries_of_a_livelihood_progress_report():
    text = (
        "一图看懂社区民生实事\n"
        "截至五月底，十项民生实事已有四项提前交账。\n"
        "已完工项目\n"
        "☑南岸社区口袋公园改造工程\n"
        "园内步道、座椅和照明全部更新。\n"
        "☑杏林路西延、松风路北延建设项目\n"
        "杏林路西延已完工，松风路北延正在施工。\n"
    )
    names = _names(text, "livelihood")
    assert {"南岸社区口袋公园改造工程", "杏林路西延", "松风路北延建设项目"} <= set(names)
    assert not any(n.startswith("完工") or n == "已完工项目" for n in names)
    assert _names(text, "project") == []


def test_lines_under_each_heading_of_a_livelihood_progress_report_name_no_projects():
    text = (
        "街道民生实事项目进展情况\n"
        "各项目总体进展顺利。\n"
        "1.背街小巷路灯更新工程\n"
        "梅园路、竹溪路、兰亭北路一带换装节能灯具300盏，已全部亮灯。\n"
        "2.社区助餐点建设项目\n"
        "松涛社区助餐中心已于6月建成投用。\n"
    )
    names = _names(text)
    assert {"背街小巷路灯更新工程", "社区助餐点建设项目"} <= set(names)
    assert not {"梅园路", "竹溪路", "兰亭北路", "松涛社区助餐中心"} & set(names)


def test_lines_describing_a_listed_livelihood_entry_name_no_projects():
    text = (
        "代表们现场投票，确定今年四件民生实事项目为：背街小巷提质、社区食堂扩面、停车泊位扩容、安防设施升级。\n"
        "以背街小巷提质项目为例，将对杏园路、柳巷一带进行路面翻新，同步推进梧桐路立面整治项目建设。\n"
    )
    assert _names(text, "project") == []
    assert _names(text, "livelihood").count("背街小巷提质") == 1


def test_objects_listed_after_a_work_verb_in_a_livelihood_passage_are_entries():
    text = (
        "4、用心办好为民办实事项目。\n"
        "街道坚持每年为民办实事。明年重点建设社区阅览室、老年活动室、便民服务大厅装修扩建、西湖小区环境整治工程。\n"
    )
    names = set(_names(text, "livelihood"))
    assert {"社区阅览室", "老年活动室", "便民服务大厅装修扩建", "西湖小区环境整治工程"} <= names
    done = "镇里落实民生实事，实施了一大批民生工程、解决了一大批群众难题、办成了一大批实事好事。\n"
    assert _names(done, "livelihood") == []


def test_titles_of_documents_in_a_livelihood_passage_are_no_entries():
    text = (
        "大会书面审议了《乡年度财政决算报告》《乡村道建设规划、养护和管理办法》，"
        "还对明年民生实事候选项目进行了投票。\n"
    )
    assert not [n for n in _names(text) if "办法" in n or "报告" in n or "《" in n or "》" in n]


def test_a_kind_of_facility_without_a_proper_name_is_no_project():
    text = "下半年，计划硬化农村公路18公里，推进城镇老旧小区改造，新建桃溪大桥。\n"
    names = _names(text, "project")
    assert "桃溪大桥" in names
    assert not {"农村公路", "城镇老旧小区改造", "老旧小区改造"} & set(names)


def test_a_promise_said_again_at_each_semicolon_clause_is_not_part_of_the_task():
    text = "会议强调，要坚持项目为王，扩大有效投资；要坚持产业立乡，培育特色品牌；要坚持民生优先，兜牢保障底线。\n"
    assert _names(text, "task") == [
        "坚持项目为王",
        "坚持产业立乡",
        "坚持民生优先",
    ]


def test_numbered_tasks_run_into_one_line_after_a_promise_and_a_colon_are_tasks():
    text = (
        "2026年，我们将重点做好以下工作：（一）做强工业园区，壮大实体经济。加快标准化厂房建设。"
        "（二）做优特色农业，促进农民增收。发展林下种植。（三）做实社会治理，守牢安全底线。\n"
    )
    assert _names(text, "task") == [
        "做强工业园区",
        "做优特色农业",
        "做实社会治理",
    ]
    assert _names(text, "project") == []
    done = "去年，我们做了以下工作：1.建成了文化站。2.修好了村道。\n"
    assert _names(done, "task") == []


def test_what_was_done_or_spent_in_a_livelihood_list_is_no_entry():
    text = "今年的民生实事包括：新建城南幼儿园，总投资1.2亿元，开展了入户回访，改造北街菜市场。\n"
    names = _names(text, "livelihood")
    assert {"城南幼儿园", "北街菜市场"} <= set(names)
    assert not [n for n in names if n.startswith(("了", "总投资", "投资"))]
