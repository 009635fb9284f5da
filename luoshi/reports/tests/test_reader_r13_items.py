"""Named items, thirteenth round (rules): works counted clause by clause in a passage on the 民生实事
("新增30张托育床位，建成2公里步道"), and tasks announced far into a long sentence ("…将着力抓好如下几项
任务：A，B；C，D；…").

Every sentence here is made up for its test (invented places); none comes from a report.
"""

from __future__ import annotations

from luoshi.reports.tests.test_reader_r4_items import _items, _names

COUNTED_WORKS = (
    "青禾区发布2031年十项为民办实事项目\n"
    "本报讯(记者 柳眉)昨天，青禾区公布了今年要办的十项为民办实事项目。按照安排，青禾区将新增120张"
    "托育床位，改建5个社区食堂，为400户独居老人安装烟感报警器；建成3公里滨河步道，建成6座口袋公园、1个社区"
    "健身中心，新增500个就业岗位，完成投资2亿元，建成篮球场4片。\n"
    "代表们表示，这些实事件件贴近群众，希望各部门抓紧推进，早日让居民受益，并请社会各界共同监督。\n"
)


def test_works_counted_in_a_paragraph_on_the_shishi_are_livelihood_entries_named_without_counts():
    names = _names(COUNTED_WORKS, "livelihood")
    for work in ("托育床位", "社区食堂", "烟感报警器", "滨河步道", "口袋公园", "社区健身中心"):
        assert work in names, (work, names)
    assert not any("就业" in n or "投资" in n or "篮球场" in n for n in names), names
    assert not any(any(ch.isdigit() for ch in n) for n in names), names
    assert _names(COUNTED_WORKS, "project") == []


def test_a_work_verb_without_a_count_in_such_a_paragraph_names_no_entry_by_itself():
    text = (
        "柳岸镇2031年民生实事项目已经确定。今年柳岸镇将提升公共服务水平，优化营商环境，完善基层治理体系。\n"
    )
    names = _names(text, "livelihood")
    assert not any(n in ("公共服务水平", "营商环境", "基层治理体系") for n in names), names


def test_counted_works_outside_a_passage_on_the_shishi_are_not_livelihood_entries():
    text = "青禾镇去年经济平稳增长。全镇新增300家市场主体，建成2000亩高标准农田，完成固定资产投资5亿元。\n"
    assert _names(text, "livelihood") == []


TASKS_AHEAD = (
    "青禾镇召开第三届人民代表大会第五次会议\n"
    "会上，代表们听取了镇政府工作报告。报告说，围绕高质量发展这条主线，青禾镇2032年将着力抓好如下几项重点任务："
    "筑牢思想根基，持续深化理论学习；聚力产业升级，培育经济发展新动能；"
    "聚焦乡村振兴，绘就宜居宜业新图景；用心增进民生，回应群众美好期盼；从严改进作风，提升政府服务效能。\n"
    "随后，代表们分组审议了各项报告，并就全镇发展提出了意见和建议，会议完成了各项议程后胜利闭幕。\n"
)


def test_tasks_announced_far_into_a_long_sentence_are_its_semicolon_clauses():
    names = _names(TASKS_AHEAD, "task")
    assert names == ["筑牢思想根基", "聚力产业升级", "聚焦乡村振兴", "用心增进民生", "从严改进作风"], names


def test_the_announced_tasks_need_their_head_far_into_the_sentence():
    text = TASKS_AHEAD.replace("将着力抓好如下几项重点任务：", "持续发力，")
    assert _names(text, "task") == []


# --- marks, project ends, the kind a list's head gives ----------------------------------------------


def test_small_form_semicolons_part_clauses_as_semicolons_do():
    text = (
        "青禾区2032年政府工作报告\n一、2032年工作安排\n"
        "推进城北污水处理厂扩建工程﹔优化营商环境，新引进企业200家﹔完成柳溪湿地保护修复项目。\n"
    )
    names = _names(text, "project")
    assert "城北污水处理厂扩建工程" in names, names
    assert "柳溪湿地保护修复项目" in names, names
    items = _items(text, "project")
    assert all("﹔" not in i.quote for i in items), [i.quote for i in items]
    assert all(i.quote == text[i.start : i.end] for i in items)


def test_a_resort_and_a_camp_are_projects_and_jianhao_leads_no_name():
    text = (
        "青禾县2032年政府工作报告\n一、2032年工作安排\n"
        "坚持文旅融合，建好青禾山国际露营中心，建设柳溪研学营地，打造青禾湖国际旅游度假区。\n"
    )
    names = _names(text, "project")
    for work in ("青禾山国际露营中心", "柳溪研学营地", "青禾湖国际旅游度假区"):
        assert work in names, (work, names)


def test_a_camp_inside_a_longer_name_does_not_end_it():
    text = "青禾县2032年政府工作报告\n一、2032年工作安排\n建设青禾营地运动中心。\n"
    assert _names(text, "project") == ["青禾营地运动中心"]


def test_a_list_of_projects_whose_last_entry_names_shishi_stays_a_list_of_projects():
    text = (
        "青禾镇举行重点项目签约活动\n"
        "此次签约落地的4个项目包括：投资1亿元的柳岸智能装备产业项目、投资6000万元的青禾商贸综合体项目、"
        "投资400万元的柳溪村综合楼项目、投资100万元的东坝村等民生实事项目。\n"
        "镇党委书记在活动上致辞，要求各部门强化要素保障，全力推动项目早建成、早投产、早见效，为全年发展添动能。\n"
    )
    names = _names(text, "project")
    for work in ("柳岸智能装备产业项目", "青禾商贸综合体项目", "柳溪村综合楼项目"):
        assert any(work in n for n in names), (work, names)
    assert not any("柳岸智能装备" in n for n in _names(text, "livelihood"))


def test_works_listed_before_zhongdian_minsheng_xiangmu_are_livelihood_entries():
    text = (
        "青禾县2032年政府工作报告\n一、2031年工作回顾\n"
        "城乡面貌持续改善。柳岸小区雨污分流改造、城东农贸市场提升改造、青禾体育公园等重点民生项目有序实施。\n"
    )
    names = _names(text, "livelihood")
    for work in ("柳岸小区雨污分流改造", "城东农贸市场提升改造", "青禾体育公园"):
        assert any(work in n for n in names), (work, names)
    assert not any("青禾体育公园" in n for n in _names(text, "project"))


# --- the labeller: a run of one kind over the rules' items of another ---------------------------------


def test_a_run_of_one_kind_over_rule_items_of_another_keeps_the_rules_items():
    from luoshi.reports.reader.labeller import decode, units
    from luoshi.reports.reader.model import Item

    simple = "签约的项目包括：柳岸智能装备产业项目、青禾商贸综合体项目。\n"
    start = simple.index("柳岸")
    end = start + len("柳岸智能装备产业项目")
    rule = Item("柳岸智能装备产业项目", "project", "other", None, simple[start:end], start, end)
    cut = units(simple)
    labels = ["B-livelihood" if u.start <= start < u.end else "O" for u in cut]
    out = decode(simple, simple, cut, labels, [rule], lambda pos: ("other", None))
    assert [(i.kind, i.name) for i in out] == [("project", "柳岸智能装备产业项目")]
    # (a run with no rule item in it is named from its own words, of the model's kind)
    labels = ["B-livelihood" if "青禾" in u.text else "O" for u in cut]
    out = decode(simple, simple, cut, labels, [rule], lambda pos: ("other", None))
    assert [i.kind for i in out] == ["livelihood"]


# --- captions ------------------------------------------------------------------------------------


def test_a_photos_caption_and_the_place_of_an_event_name_no_work():
    text = (
        "青禾县第二批重点项目集中开工\n"
        "本报讯 昨天上午，青禾县第二批重点项目集中开工活动在县第三中学举行。此次集中开工的柳岸物流园项目、"
        "青禾智能制造产业园项目总投资12亿元，建成后将进一步壮大县域经济实力，带动周边群众就近就业。\n"
        "图为开工现场\n"
        "县领导出席活动并宣布项目开工，施工单位代表作了表态发言，表示将科学组织施工，确保项目早日建成投用。\n"
        "青禾县融媒体中心供图\n"
    )
    names = [i.name for i in _items(text) if i.kind != "task"]
    assert any("柳岸物流园" in n for n in names), names
    assert not any(n.startswith(("图为", "图片")) or "供图" in n or "活动在" in n for n in names), names


def test_a_run_named_as_a_caption_is_no_item():
    from luoshi.reports.reader.labeller import decode, units

    simple = "图为开工现场\n"
    cut = units(simple)
    out = decode(simple, simple, cut, ["B-livelihood"] * len(cut), [], lambda pos: ("other", None))
    assert out == []


def test_a_works_said_to_start_trial_production_is_a_project():
    text = (
        "青禾县2032年政府工作报告\n一、2031年工作回顾\n"
        "工业项目加快推进，柳岸新材料年产5万吨电池隔膜生产线试生产，青禾水厂二期工程试运行。\n"
    )
    names = _names(text, "project")
    assert any("电池隔膜生产线" in n for n in names), names
    assert any("青禾水厂二期工程" in n for n in names), names


def test_a_phase_alone_names_no_project():
    text = "青禾县2032年政府工作报告\n一、2031年工作回顾\n柳岸光伏组件基地一、二期建成投产，青禾大道二期工程开工。\n"
    names = _names(text, "project")
    assert not any(n in ("二期", "二期工程", "一") for n in names), names
    assert any("青禾大道" in n for n in names), names
