"""Named items: key projects, livelihood projects and key tasks (made-up report text).

These pin the rules: the reader's learned labeller, which judges some kinds in passages and report
openings, is turned off for this module in conftest.py (its output moves with its training data; ``test_reader_labeller``)."""

from __future__ import annotations

from luoshi.cli import main
from luoshi.reports.reader import parse

REPORT = """\
青禾镇2025年政府工作报告
一、2024年工作回顾
项目建设提速。投资3.2亿元的青禾新材料产业园项目顺利开工，白石河综合治理工程竣工验收。
积极对接绿源食品、云杉科技、北斗物流等在谈项目。
去年确定的5项民生实事全部完成。
二、2025年工作安排
（一）聚焦产业升级，壮大镇域经济
一是做强主导产业。加快推进青禾新材料产业园项目建设，力争引进项目6个。
二是优化营商环境。
（二）办好民生实事，增进群众福祉
今年拟办民生实事：实施东街老旧小区改造工程，建设中心幼儿园扩建项目。
推进“千万工程”，实施一批重点项目。
三、加强政府自身建设
"""


def _items(kind):
    report = parse(REPORT, text_only=True)
    return [i for i in report.items if i.kind == kind]


def test_projects_carry_their_name_stage_investment_part_and_year():
    projects = {i.name: i for i in _items("project") if i.part == "review"}
    park = projects["青禾新材料产业园项目"]
    assert park.stage == "开工" and park.investment == 320000000.0
    assert park.part == "review" and park.year == 2024
    assert projects["白石河综合治理工程"].stage == "竣工"
    assert {"绿源食品", "云杉科技", "北斗物流"} <= set(projects)  # each name of "A、B、C等在谈项目"
    plan = [i for i in _items("project") if i.part == "plan"]
    assert [i.name for i in plan] == ["青禾新材料产业园项目"] and plan[0].year == 2025


def test_classes_of_projects_and_slogans_are_not_projects():
    names = {i.name for i in parse(REPORT, text_only=True).items}
    assert not names & {"千万工程", "重点项目", "一批重点项目", "项目"}


def test_livelihood_projects_but_not_their_count():
    names = [i.name for i in _items("livelihood")]
    assert "东街老旧小区改造工程" in names and "中心幼儿园扩建项目" in names
    assert not any("5项民生实事" in n for n in names)  # a count of them is not one of them


def test_key_tasks_are_the_first_level_of_the_plan_parts_numbering():
    tasks = [i.name for i in _items("task")]
    # (一)/(二) are the first level; the 一是… leads inside (一) are lower and not tasks.
    assert tasks == ["聚焦产业升级", "办好民生实事", "加强政府自身建设"]
    assert all(i.part == "plan" and i.year == 2025 for i in _items("task"))


LEADS = """\
松岭镇2026年政府工作报告
一、2025年工作回顾
一是稳住了工业基本盘。二是补齐了农村短板。
二、2026年工作安排
一是壮大林下经济。发展菌菇种植，（一）建设菌棚，（二）建设烘干房。
二是提升集镇品质。
各位代表！
"""


def test_leads_are_tasks_when_they_are_the_plan_parts_first_level():
    report = parse(LEADS, text_only=True)
    tasks = [i.name for i in report.items if i.kind == "task"]
    assert tasks == ["壮大林下经济", "提升集镇品质"]  # not the review part's leads


NOTICE = """\
关于2026年度民生实事项目票决结果的公告
经镇人民代表大会票决，2026年民生实事项目如下：
一、便民服务
（一）新建2个村级养老服务站；
（二）改造集镇农贸市场；
二、道路桥梁
（一）完成河东路、河西路、滨江路提升改造；
（二）新、改建乡村公厕8座。
特此公告。
"""


def test_a_numbered_livelihood_list_gives_its_leaf_entries_one_object_each():
    report = parse(NOTICE, text_only=True)
    names = [i.name for i in report.items if i.kind == "livelihood"]
    assert "村级养老服务站" in names and "集镇农贸市场" in names
    assert {"河东路", "河西路"} <= set(names) and any(n.startswith("滨江路") for n in names)
    assert any("乡村公厕" in n for n in names)  # "新、改建…" stays one object
    assert not {"便民服务", "道路桥梁"} & set(names)  # category headings of the nested list
    assert not [i for i in report.items if i.kind != "livelihood"]  # entries are not also projects or tasks


INLINE = """\
云岭县2026年政府工作报告
二、2026年工作安排
今年重点办好十件民生实事，分别是：实施城北片区供水管网改造工程、新建“幸福食堂”12个（含农村助餐点）、建设县体育公园。
"""


def test_an_inline_livelihood_list_is_split_outside_brackets():
    names = [i.name for i in parse(INLINE, text_only=True).items if i.kind == "livelihood"]
    assert names[0] == "城北片区供水管网改造工程"
    assert "幸福食堂" in names and "县体育公园" in names  # the count and its remark are not the name
    assert len(names) == 3


def test_items_quote_is_the_text_at_their_offsets_and_survive_json():
    report = parse(REPORT, text_only=True)
    assert report.items
    for item in report.items:
        assert report.text[item.start : item.end] == item.quote and item.name in item.quote
    data = report.to_dict(include_text=True)
    assert data["items"][0].keys() >= {"name", "kind", "part", "year", "quote", "start", "end", "stage"}
    assert type(report).from_dict(data).items == report.items


def test_items_csv_output(tmp_path, capsys):
    path = tmp_path / "青禾镇.txt"
    path.write_text(REPORT, encoding="utf-8")
    assert main(["parse", str(path), "--format", "items-csv"]) == 0
    rows = capsys.readouterr().out.splitlines()
    assert rows[0].startswith("doc,name,kind,part,year,quote,start,end,stage,investment")
    assert any(",task,plan,2025," in r for r in rows)


PROJECTS = """\
柏溪镇2026年政府工作报告
一、2025年工作回顾
引进青松包装、白鹭电子等企业落户园区。蓝鲸物流、远帆印务等一批企业荣获市优秀企业称号。
建成西河大桥，完成北环路拓宽改造。新建烘干中心项目3个。依托东湖湿地公园发展乡村旅游。
金穗米业正式投产。
"""


def test_projects_by_kind_of_phrase_not_by_suffix_alone():
    names = {i.name for i in parse(PROJECTS, text_only=True).items if i.kind == "project"}
    assert {"青松包装", "白鹭电子"} <= names  # companies that came
    assert not {"蓝鲸物流", "远帆印务"} & names  # companies honoured
    assert "西河大桥" in names and any(n.startswith("北环路") for n in names)  # named facilities
    assert "金穗米业" in names  # the subject of a stage verb
    assert not any("烘干中心" in n for n in names)  # a class, counted right after its name
    assert not any("东湖湿地公园" in n for n in names)  # context, not a project


PROGRESS = """\
石门乡2026年为民办实事项目进展情况报告
各位代表：
现将今年为民办实事项目进展情况报告如下，请予审议。
一、集镇污水管网改造工程
管网已铺设三公里，完成全年任务的六成，预计十月底完工。
二、中心小学食堂建设项目
主体已封顶，正在内部装修。
"""


def test_a_report_on_its_livelihood_projects_lists_them_by_its_headings():
    report = parse(PROGRESS, text_only=True)
    names = [i.name for i in report.items if i.kind == "livelihood"]
    assert names == ["集镇污水管网改造工程", "中心小学食堂建设项目"]
    assert not [i for i in report.items if i.kind != "livelihood"]


def test_pinyin_injected_after_characters_does_not_hide_items_and_names_keep_it():
    noisy = "".join(f"{c}(xiàng)" if c == "项" else c for c in NOTICE)  # a mirror site's noise
    names = [i.name for i in parse(noisy, text_only=True).items if i.kind == "livelihood"]
    assert "村级养老服务站" in names and "集镇农贸市场" in names
    report = parse(noisy, text_only=True)
    for item in report.items:
        assert report.text[item.start : item.end] == item.quote and item.name in item.quote


def test_worked_facilities_at_a_clause_start_and_facilities_joined_by_and():
    text = "杉木镇2026年政府工作报告\n一、2025年工作回顾\n去年，桃源路拓宽改造顺利完工。建成村史馆和乡村振兴展览馆。\n"
    names = {i.name for i in parse(text, text_only=True).items if i.kind == "project"}
    assert any(n.startswith("桃源路") for n in names)
    assert "乡村振兴展览馆" in names


PLAN_NEWS = """\
近日，柳塘街道召开工作会议，提出今年的目标是做好“三件大事”，力争全年各项工作走在全区前列。
这三件大事分别为：一是集镇扩容工程。要抓住交通改善的机遇，拓展发展空间。二是产业升级工程。要扶持现有企业做大做强。三是平安柳塘建设。要织密基层治理网络。
"""


def test_a_passage_on_a_plan_without_headings_has_its_leads_as_tasks_not_projects():
    report = parse(PLAN_NEWS, text_only=True)
    tasks = [i for i in report.items if i.kind == "task"]
    assert [i.name for i in tasks] == ["集镇扩容工程", "产业升级工程", "平安柳塘建设"]
    assert all(i.part == "plan" for i in tasks)
    assert not [i for i in report.items if i.kind == "project"]  # "一是X工程" is the task itself


REVIEW_NEWS = """\
去年，柳塘街道各项工作取得了新成绩，地区生产总值同比增长6%，累计完成投资12亿元。
一是产业升级工程成效明显，新增规上企业5家。二是平安柳塘建设扎实推进，信访总量下降了20%。
"""


def test_leads_of_a_passage_on_what_was_done_are_not_tasks():
    report = parse(REVIEW_NEWS, text_only=True)
    assert not [i for i in report.items if i.kind == "task"]


LIVELIHOOD_NEWS = """\
今年以来，桂山县把群众最关心的民生实事一件件落到实处，交出了一份暖心答卷。
完成青石路、白果街改造工程。道路宽了，出行方便了。
新建城南幼儿园，改建乡镇卫生院2所。孩子们有了新课堂。
建成县城公共停车场3处，优化调整城乡公交线路2条。
随着一件件实事落地，群众的获得感不断增强，将青石路打造成示范路。
"""


def test_paragraphs_after_an_opening_on_livelihood_projects_are_its_entries():
    report = parse(LIVELIHOOD_NEWS, text_only=True)
    names = [i.name for i in report.items if i.kind == "livelihood"]
    assert {"青石路", "城南幼儿园", "乡镇卫生院"} <= set(names)
    assert any(n.startswith("白果街") for n in names) and any("公共停车场" in n for n in names)
    assert any("城乡公交线路" in n for n in names)
    assert not any("道路宽了" in n or "孩子们" in n for n in names)  # only each paragraph's first sentence
    assert len([n for n in names if "青石路" in n]) == 1  # the closing paragraph is not an entry
    assert not [i for i in report.items if i.kind != "livelihood"]


def test_a_name_inside_a_longer_name_of_the_same_kind_is_not_a_second_item():
    text = "石桥镇2026年政府工作报告\n一、2025年工作回顾\n策划实施望江路“滨水长廊”、石桥文创谷等重大项目。\n"
    names = [i.name for i in parse(text, text_only=True).items if i.kind == "project"]
    assert any(n.startswith("望江路“滨水长廊") for n in names) and "石桥文创谷" in names
    assert "望江路" not in names


def test_institutions_that_land_are_projects_but_policies_are_not():
    text = "石桥镇2026年政府工作报告\n一、2025年工作回顾\n去年，省交通职业学院分院落地，惠企政策落地见效。\n"
    names = {i.name for i in parse(text, text_only=True).items if i.kind == "project"}
    assert "省交通职业学院分院" in names and not any("政策" in n for n in names)


CONTEXT = """\
溪口镇2026年政府工作报告
一、2025年工作回顾
在智能装备、绿色食品等领域新招引项目8个。全面介绍全年的工作计划、目标任务以及重点项目。
引进蓝湾科技、晨光医疗等生物医药、数字健康项目。充分发挥东湖孵化园、南山创客园等平台作用。
通过老街改造、棚户区改造等系统化改造提升城市品质。持续推动全镇雨污管网改造、路灯改造等工程。
项目建设提速，省能源集团全镇首个分布式储能电站项目开工建设。溪口园区成为全省最大的竹木加工基地。
溪口工业园被纳入省级特色产业园名单中的先进制造产业园。召开工作推进会，深化机关党建成果。
"""


def test_fields_classes_context_and_designations_are_not_projects():
    names = {i.name for i in parse(CONTEXT, text_only=True).items if i.kind == "project"}
    assert {"蓝湾科技", "晨光医疗"} <= names
    assert "分布式储能电站项目" in names  # "全镇首个" is cut off, not the reason to drop it
    unwanted = ["智能装备", "绿色食品", "重点项目", "数字健康项目", "东湖孵化园", "南山创客园"]
    unwanted += ["老街改造", "棚户区改造", "雨污管网改造", "竹木加工基地", "先进制造产业园", "机关党"]
    assert not [n for n in names if any(u in n for u in unwanted)], names


def test_a_list_of_named_works_joined_by_yiji_keeps_each_name():
    text = "溪口镇2026年政府工作报告\n一、2025年工作回顾\n成功引进山茶油精深加工、竹编工坊以及有机茶园等3个项目。\n"
    names = {i.name for i in parse(text, text_only=True).items if i.kind == "project"}
    assert {"山茶油精深加工", "竹编工坊", "有机茶园"} <= names


NUMBERED_AIMS = """\
关于2026年十件实事的通报
今年县政府十件实事共包括10个大项20个子项目，具体内容包括：
1. 加强城乡供水保障，完成北岭水厂扩建，启动3个乡镇供水站建设。
2. 新建城西公园。
"""


def test_an_entry_led_by_an_aim_names_the_works_after_it():
    report = parse(NUMBERED_AIMS, text_only=True)
    names = [i.name for i in report.items if i.kind == "livelihood"]
    assert any(n.startswith("北岭水厂") for n in names) and any("乡镇供水站" in n for n in names)
    assert "城西公园" in names
    assert not any("供水保障" in n or "子项目" in n or "具体内容" in n for n in names)


def test_menu_lines_after_a_short_livelihood_line_are_not_entries():
    text = (
        "民生实事\n进入关怀模式\n网站导航\n2026年民生实事项目如下：\n1.新建城东菜市场。\n2.改造滨河步道。\n"
    )
    names = [i.name for i in parse(text, text_only=True).items if i.kind == "livelihood"]
    assert "城东菜市场" in names and any(n.startswith("滨河步道") for n in names)
    assert not {"进入关怀模式", "网站导航"} & set(names)


def test_a_car_rolling_off_the_line_is_a_project_but_a_circuit_is_not_a_road():
    text = (
        "溪口镇2026年政府工作报告\n一、2025年工作回顾\n星河新能源重卡量产下线。加快宏达电路等本土企业转型。\n"
    )
    names = {i.name for i in parse(text, text_only=True).items if i.kind == "project"}
    assert "星河新能源重卡" in names and not any("电路" in n for n in names)


SPEECH = """\
3月2日，云溪镇召开年度工作会议，镇长在讲话中回顾了去年取得的成绩，全镇生产总值增长了7%。
就如何做好今年的工作，他强调，一是要稳住工业基本盘。要盯紧重点企业。二是抓好项目建设。三是守住安全底线。
"""

LOOKING_BACK = """\
去年，全镇落实“疫情要防住、经济要稳住、发展要安全”要求，办成了一批实事。
一年来，我们抓好三个方面的工作：
（一）突出稳进提质，经济运行平稳。全年财政收入3亿元。
（二）突出品质提升，镇容焕然一新。
"""


def test_the_words_introducing_the_first_lead_tell_a_plan_from_a_review():
    tasks = [i.name for i in parse(SPEECH, text_only=True).items if i.kind == "task"]
    assert tasks == ["要稳住工业基本盘", "抓好项目建设", "守住安全底线"]  # leads after "，他强调，"
    assert not [i for i in parse(LOOKING_BACK, text_only=True).items if i.kind == "task"]


def test_a_growth_pole_promised_is_not_growth_reported():
    text = "会后，街道将聚焦主业，打造全区新的增长极。\n一是抓好招商引资。二是抓好城市更新。\n"
    tasks = [i.name for i in parse(text, text_only=True).items if i.kind == "task"]
    assert tasks == ["抓好招商引资", "抓好城市更新"]


SET_PHRASES = """\
桐溪县2026年政府工作报告
一、2025年工作回顾
全力实施产业提速、城乡提质、生态提优等五大工程。坚持以打造区域物流中心为引领，紧扣建设山区共富示范区重要使命。
持续推动全县背街小巷改造、雨污分流改造等工程。拨付石门水库、青龙渠等项目资金3000万元。
推广东岭村茶叶种植基地“东岭”模式。健全完善项目谋划机制，大力提升项目建设速度。竭力战胜前路上的困难。
去年，四海电机新厂房顺利动工，三江大数据平台成功上线。
"""


def test_set_phrases_principles_money_and_models_are_not_projects():
    names = {i.name for i in parse(SET_PHRASES, text_only=True).items if i.kind == "project"}
    assert any(n.startswith("四海电机") for n in names) and any(n.startswith("三江大数据平台") for n in names)
    unwanted = ["产业提速", "城乡提质", "五大工程", "物流中心", "示范区", "背街小巷", "雨污分流", "石门水库"]
    unwanted += ["青龙渠", "茶叶种植基地", "项目谋划", "提升项目", "前路"]
    assert not [n for n in names if any(u in n for u in unwanted)], names


def test_a_place_name_starting_with_a_numeral_is_not_a_count():
    text = "桐溪县2026年政府工作报告\n一、2025年工作回顾\n去年，三江职业技术学院分校落地，两家企业签约。\n"
    names = {i.name for i in parse(text, text_only=True).items if i.kind == "project"}
    assert "三江职业技术学院分校" in names and not any("两家" in n for n in names)


def test_the_first_name_of_a_list_drops_the_sentence_it_swallowed():
    text = "青山镇人大代表以差额票决的方式选出了村道拓宽项目、集镇污水管网项目等8个项目作为今年的民生实事。\n"
    names = [i.name for i in parse(text, text_only=True).items if i.kind == "livelihood"]
    assert names[:2] == ["村道拓宽项目", "集镇污水管网项目"]


PROBLEMS_THEN_PLAN = """\
青竹镇2025年工作总结
一、主要成效
全镇完成生产总值12亿元，增长了6%。
二、存在问题
产业结构单一。
三、下步重点工作
一是做强特色产业。发展茶叶种植。二是提升集镇品质。改造老街。
"""

KEY_POINTS = """\
青竹镇2026年工作要点
一、做强特色产业
发展茶叶种植，建设青竹茶叶加工园项目。
二、提升集镇品质
改造老街。
"""


def test_headings_naming_problems_or_the_plan_itself_are_not_tasks_but_their_leads_are():
    tasks = [i.name for i in parse(PROBLEMS_THEN_PLAN, text_only=True).items if i.kind == "task"]
    assert tasks == ["做强特色产业", "提升集镇品质"]


def test_a_document_titled_as_a_plan_has_its_first_headings_as_tasks():
    report = parse(KEY_POINTS, text_only=True)
    assert [i.name for i in report.items if i.kind == "task"] == ["做强特色产业", "提升集镇品质"]
    assert all(i.part == "plan" for i in report.items)


def test_works_named_in_the_sentence_after_livelihood_projects_are_entries():
    text = (
        "青竹镇2026年政府工作报告\n二、2026年工作安排\n"
        "今年，我们将继续办好民生实事，新建青竹中心幼儿园，改造集镇供水管网，建设村级养老服务站5个，"
        "让群众共享发展成果。\n"
    )
    names = [i.name for i in parse(text, text_only=True).items if i.kind == "livelihood"]
    assert names == ["青竹中心幼儿园", "集镇供水管网", "村级养老服务站"]  # not the clause after them


def test_progress_on_livelihood_projects_is_not_a_list_of_them():
    text = "青竹镇2026年政府工作报告\n一、2025年工作回顾\n十件民生实事进展顺利，其中8件已经完成，建成社区食堂3个。\n"
    assert not [i for i in parse(text, text_only=True).items if i.kind == "livelihood"]


def test_a_longer_name_from_the_same_start_replaces_the_shorter():
    text = "青竹镇2026年政府工作报告\n一、2025年工作回顾\n项目建设提速，青竹中心幼儿园建成招生。\n"
    names = [i.name for i in parse(text, text_only=True).items if i.kind == "project"]
    assert names == ["青竹中心幼儿园"]


def test_a_list_closed_by_a_count_gives_each_name_but_a_count_alone_gives_none():
    text = (
        "青竹镇2026年政府工作报告\n二、2026年工作安排\n"
        "加快推进上河、中河和下河三个片区棚户区改造项目。新建三个标准厂房项目。\n"
    )
    names = {i.name for i in parse(text, text_only=True).items if i.kind == "project"}
    assert {"上河", "中河", "下河"} <= names
    assert not any(n.startswith("新建") for n in names)


def test_first_second_leads_and_headings_naming_no_part_under_a_promise_are_tasks():
    speech = (
        "会议强调，今年要重点抓好三项工作：第一，做强特色产业；第二，提升集镇品质；第三，守牢安全底线。\n"
    )
    tasks = [i.name for i in parse(speech, text_only=True).items if i.kind == "task"]
    assert tasks == ["做强特色产业", "提升集镇品质", "守牢安全底线"]
    headed = (
        "今年，青竹镇将重点抓好以下工作：\n一、做强特色产业\n发展茶叶种植。\n二、提升集镇品质\n改造老街。\n"
    )
    report = parse(headed, text_only=True)
    assert [i.name for i in report.items if i.kind == "task"] == ["做强特色产业", "提升集镇品质"]
    assert all(i.part == "plan" for i in report.items)


def test_names_after_a_colon_closing_a_clause_on_projects_and_subjects_with_time_words():
    text = (
        "青竹镇2026年政府工作报告\n一、2025年工作回顾\n全年新签约项目3个：青禾食品、绿野农业、山泉饮料。\n"
        "白鹭纺织、远山机械相继建成投产。\n二、2026年工作安排\n确保青禾食品二期年底投产。\n"
    )
    names = [i.name for i in parse(text, text_only=True).items if i.kind == "project"]
    assert names == ["青禾食品", "绿野农业", "山泉饮料", "白鹭纺织", "远山机械", "青禾食品二期"]


def test_a_works_being_built_faster_is_a_project_but_a_campaign_is_not():
    text = "青竹镇2026年政府工作报告\n一、2025年工作回顾\n去年，青竹至云岭高速加快建设，乡村振兴有序推进。\n"
    names = [i.name for i in parse(text, text_only=True).items if i.kind == "project"]
    assert names == ["青竹至云岭高速"]


def test_entries_stating_a_figure_to_reach_are_targets_not_tasks():
    text = (
        "青竹镇2026年政府工作报告\n二、2026年工作安排\n"
        "（一）全镇生产总值增长6.5%左右\n（二）村集体经济收入达到80万元以上\n"
        "（三）做强特色产业，发展茶叶种植\n（四）提升集镇品质，改造老街\n"
    )
    tasks = [i.name for i in parse(text, text_only=True).items if i.kind == "task"]
    assert tasks == ["做强特色产业", "提升集镇品质"]


def test_a_list_under_a_line_naming_the_targets_holds_no_task():
    text = (
        "青竹镇2026年政府工作报告\n二、2026年工作安排\n全镇经济社会发展的主要预期目标\n"
        "（1）镇级财政收入稳中有升。\n（2）空气质量保持稳定。\n"
    )
    assert not [i for i in parse(text, text_only=True).items if i.kind == "task"]
