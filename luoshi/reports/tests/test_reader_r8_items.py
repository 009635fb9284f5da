"""Named items, eighth round: what a report opening names as a project, and what it does not.

Every sentence here is made up for its test (invented places and firms); none comes from a report.
"""

from __future__ import annotations

from luoshi.reports.tests.test_reader_r4_items import _names

# --- not projects: designations, posts, classes, sentence fragments ---------------------------


def test_every_entry_of_a_list_after_a_designation_verb_is_an_honour():
    text = "去年，全镇相继创成全国茶园品牌示范区、省级卫生镇、省级康养风情小镇。"
    assert _names(text, "project") == []


def test_a_place_that_gets_onto_a_list_of_designations_is_no_project():
    text = "云岭小镇顺利入围省级特色小镇培育名单，白鹭工业园区获批省级高新技术产业园区。"
    assert _names(text, "project") == []


def test_promoted_or_chosen_as_a_designation_is_no_project():
    text = "青杉镇晋升为国家农业可持续发展示范区，成功获选省级现代农业产业园。"
    assert _names(text, "project") == []


def test_an_office_named_with_its_head_is_a_post_not_a_works():
    text = "县人民医院院长张某、县文化服务中心主任李某参加了会议。"
    assert _names(text, "project") == []


def test_a_count_before_or_after_a_kind_of_works_makes_it_a_class():
    text = "完成26处老旧小区整治工程，新建普惠性幼儿园2所，建成西瓜示范基地5万亩，十大签约项目的前期手续陆续启动。"
    assert _names(text, "project") == []


def test_adverbs_and_planning_verbs_are_not_part_of_the_name():
    text = "平稳有序地推进青溪风情小镇建设，高标准规划建设青龙工业园，精准谋划项目，建立重点民间投资项目库。"
    names = _names(text, "project")
    assert "青溪风情小镇" in names and "青龙工业园" in names
    assert not any("地推进" in n or "规划" in n or "谋划" in n or "民间投资" in n for n in names)


def test_places_listed_as_context_after_a_lead_or_before_a_class_of_places():
    text = "紧扣枫林水库、鹤鸣湖湿地公园发展全域旅游，抓好居民小区、桃源农贸市场等重点场所防疫。"
    assert _names(text, "project") == []


def test_a_demonstration_zone_of_a_level_is_a_designation():
    text = "青川镇牵头创建的国家农村产业融合发展示范园顺利通过验收，继续创建省级现代农业示范区。"
    assert _names(text, "project") == []


def test_the_central_part_of_a_town_is_no_centre_built():
    text = "积极融入县里的区域产业中心城市建设，环青湖中心城区建设提速，推进青禾县文化中心建设。"
    assert _names(text, "project") == ["青禾县文化中心"]


def test_a_named_works_still_counts_beside_the_new_exclusions():
    text = "加快建设云杉大道，白鹭生物医药产业园建成投产。"
    names = _names(text, "project")
    assert "云杉大道" in names and "白鹭生物医药产业园" in names


# --- projects: companies, stage verbs, facilities, named works before a count -----------------


def test_companies_brought_in_by_their_full_name_are_projects():
    text = "今年引进青禾市云山机械制造有限公司，引进丰源金属材料集团，引进专业运营公司。"
    names = _names(text, "project")
    assert "青禾市云山机械制造有限公司" in names and "丰源金属材料集团" in names
    assert not any("运营公司" in n for n in names)  # a kind of company, none named


def test_names_that_a_count_of_companies_closes_are_projects_even_apart_by_commas():
    text = "目前园区已入驻云达物流，青平物流2家企业。"
    names = _names(text, "project")
    assert "云达物流" in names and "青平物流" in names


def test_more_stage_verbs_name_their_subjects():
    text = (
        "翠湖大学青禾校区一期主体结构基本封顶，云峰广场焕新开业，云兴科技等10家企业先后试产，"
        "瑞丰新材料6条产线投入生产，青岭光伏电站并网发电。"
    )
    names = _names(text, "project")
    for name in ("翠湖大学青禾校区一期", "云峰广场", "云兴科技", "瑞丰新材料", "青岭光伏电站"):
        assert name in names, name


def test_railways_airports_power_stations_pipelines_and_laboratories_are_facilities():
    text = "加快建设青禾铁路，新建白鹭机场航站楼，投资12亿元的青峰电站二期建设顺利，建成青禾品种试验站。"
    names = _names(text, "project")
    assert "青禾铁路" in names and any(n.startswith("青峰电站") for n in names)
    assert any(n.startswith("白鹭机场") for n in names) and "青禾品种试验站" in names


def test_a_facility_with_the_work_done_to_it_after_dui_jinxing():
    assert "青松路" in _names("融资180万元对青松路进行改造。", "project")
    assert _names("对全镇道路进行改造。", "project") == []  # a kind of facility everywhere


def test_named_works_before_a_count_of_their_class():
    text = "完成东园、西苑2个老旧小区改造，推进金桂公寓、银杏名园等3个老旧小区改造。"
    names = _names(text, "project")
    assert names == ["东园", "西苑", "金桂公寓", "银杏名园"]


def test_a_named_park_of_a_kind_and_an_industrial_community_end_a_project_name():
    text = "加快改造提升青石桥美食休闲园，400亩云杉智能家居产业社区进展顺利，全县累计建成现代农业科技示范园区共15处。"
    names = _names(text, "project")
    assert "青石桥美食休闲园" in names and any(n.endswith("云杉智能家居产业社区") for n in names)
    assert not any("科技示范园" in n for n in names)  # a counted class, and 园区 not cut at 园


def test_a_second_list_of_named_works_after_bing_in_the_same_clause():
    text = "完成东园、西苑2个老旧小区改造并推进金桂公寓、银杏名园等3个老旧小区改造。"
    assert _names(text, "project") == ["东园", "西苑", "金桂公寓", "银杏名园"]


def test_counts_of_facilities_in_a_list_of_works_name_none():
    assert _names("扩建5座水厂、新建10座泵站、改造40公里供水管网。", "project") == []


def test_a_batch_of_a_designation_and_a_level_before_a_class_are_not_names():
    text = "第三批小微企业创业基地评价全省第一，8个省、市、区重点建设项目完成年度计划，挖掘税源项目。"
    assert _names(text, "project") == []


def test_named_estates_before_deng_and_a_class_of_renewal_are_projects():
    text = "白云天、幸福里等城市棚户区改造步伐加快，推进东风路、南湖路等背街小巷整治提升。"
    assert _names(text, "project") == ["白云天", "幸福里", "东风路", "南湖路"]
    assert _names("全面推进全镇、各村等老旧小区改造。", "project") == []


def test_a_road_section_named_by_its_code_is_a_project():
    text = "建成G5511青通段、G0616甘海段，大力实施国道240青城段改建。"
    names = _names(text, "project")
    assert "G5511青通段" in names and "G0616甘海段" in names and "国道240青城段改建" in names


# --- tasks --------------------------------------------------------------------------------------


def test_a_sites_menu_and_counters_in_bullets_are_not_tasks():
    text = (
        "• 帖子\n  • 日志\n  • 用户\n帖子\n  • 2423阅读\n  • 1回复\n\n"
        "青禾镇2026年度民生实事项目出炉\n今年将办好以下实事：\n1、新建青禾文化广场。\n2、改造镇区道路。\n"
    )
    assert _names(text, "task") == []


def test_companies_brought_in_after_de_and_before_what_became_of_them():
    text = "全年新引进企业的云森新能源科技有限公司、广达电子科技有限公司、青祥精密设备有限公司均正式投产。"
    names = _names(text, "project")
    assert names == ["云森新能源科技有限公司", "广达电子科技有限公司", "青祥精密设备有限公司"]


def test_a_company_founded_through_investment_promotion_is_a_project():
    text = "白珠食品公司招商成立青禾源甜农业发展有限责任公司。"
    assert "青禾源甜农业发展有限责任公司" in _names(text, "project")


def test_a_class_below_an_amount_a_phase_alone_and_a_verb_of_focus_name_nothing():
    names = _names("聚力项目建设，5000万以下投资项目16只，完成青粮项目一、二期工程。", "project")
    assert names == ["青粮项目"]


# --- speed: the two list patterns are tried only in the clauses that hold their needle ----------


def test_named_lists_tried_near_their_needle_find_what_the_patterns_find():
    from luoshi.reports.reader import items
    from luoshi.reports.tests.test_reader_fast_items import ALL_LINES

    made_up = [
        "完成东园、西苑2个老旧小区改造并推进金桂公寓、银杏名园等3个老旧小区改造。",
        "白云天、幸福里等城市棚户区改造步伐加快，推进东风路、南湖路等背街小巷整治提升。",
        "扩建5座水厂、新建10座泵站，完成3个小区改造；A、B等小区改造。",
    ]
    found = 0
    for line in [*made_up, *ALL_LINES]:
        for pattern, needle in (
            (items._NAMED_BEFORE_COUNT_RE, items._COUNT_NEEDLE_RE),
            (items._NAMED_BEFORE_CLASS_RE, items._CLASS_NEEDLE_RE),
        ):
            fast = [m.span() for m in items._near_clauses(pattern, line, needle)]
            assert fast == [m.span() for m in pattern.finditer(line)], line
            found += len(fast)
    assert found >= 4
