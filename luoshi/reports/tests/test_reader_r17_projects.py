"""Named items, seventeenth round (projects): what a report names that is no project — the members of a
development layout ("一城（A）、两园（B、C）、三区（…）").

Every sentence here is made up for its test (invented places); none comes from a report.
"""

from __future__ import annotations

from luoshi.reports.tests.test_reader_r4_items import _names

PLAN = "二、2032年工作安排\n"


def test_the_members_of_a_development_layout_are_no_projects():
    text = (
        PLAN + "新的一年，青禾镇将按照一城（柳湾古城）、两园（禾州遗址公园、青禾轻工产业园）、"
        "三区（北部研学体验区，中部休闲度假区，南部农业示范区）的布局，推动全镇高质量发展。\n"
    )
    assert _names(text, "project") == []


def test_one_counted_kind_in_brackets_is_no_layout():
    text = PLAN + "新的一年，青禾镇将建成两园（禾州遗址公园）配套道路，推进青禾轻工产业园二期工程建设。\n"
    assert "青禾轻工产业园" in _names(text, "project")


REVIEW = "一、2031年工作回顾\n"


def test_a_kind_of_projects_with_its_count_is_no_project():
    text = REVIEW + "过去一年，青禾县积极争取上级支持，申报水利配套项目36个、新增省级补助项目12个。\n"
    assert _names(text, "project") == []


def test_projects_said_to_land_name_none():
    text = REVIEW + "过去一年，青禾县招商引资成效明显，推动一批外迁项目落地，重大项目高效落地。\n"
    assert _names(text, "project") == []


def test_a_named_project_that_lands_stays():
    text = REVIEW + "过去一年，青禾县招商引资成效明显，柳湾光伏发电项目落地投产。\n"
    assert _names(text, "project") == ["柳湾光伏发电项目"]


def test_a_kind_of_road_rebuilt_is_no_project():
    text = REVIEW + "过去一年，青禾县交通条件持续改善，新建改建农村公路320公里、桥梁1200延米。\n"
    assert _names(text, "project") == []


def test_a_study_session_is_no_middle_school():
    text = REVIEW + "过去一年，青禾镇加强自身建设，开展党委理论学习中心组集中学习12次。\n"
    assert _names(text, "project") == []


def test_a_base_named_for_what_it_yields_is_no_project():
    text = (
        REVIEW + "过去一年，青禾镇农业稳中有进。柳湾农业800亩种植基地水稻产量再创新高，"
        "禾州牧业养殖基地、东岭肉牛养殖基地年出栏量逐年上升。\n"
    )
    assert _names(text, "project") == []


def test_a_base_started_stays_a_project():
    text = REVIEW + "过去一年，青禾镇农业稳中有进。禾州牧业养殖基地开工建设，建成后年产值可达2亿元。\n"
    assert _names(text, "project") == ["禾州牧业养殖基地"]


PLAN_YEAR = "二、2032年工作安排\n"


def test_metro_lines_extended_or_linked_on_are_projects():
    text = (
        PLAN_YEAR + "加快区域互联互通。争取青禾2号线北连柳湾8号线，柳湾12号线延长至禾州、7号线延长至东岭。\n"
    )
    assert _names(text, "project") == ["青禾2号线", "柳湾12号线", "7号线"]


def test_a_line_coded_by_a_letter_and_one_digit_is_a_project():
    text = PLAN_YEAR + "加快交通设施建设，推进K3线、柳湾高铁等重大工程建设进度。\n"
    assert _names(text, "project") == ["K3线", "柳湾高铁"]


def test_companies_listed_among_those_settled_are_projects():
    text = (
        REVIEW + "过去一年，青禾镇工业经济稳步增长，落户园区企业18家，其中，柳湾新材、禾州精工、"
        "东岭电子等亿元级企业6家。\n"
    )
    assert _names(text, "project") == ["柳湾新材", "禾州精工", "东岭电子"]


def test_companies_listed_for_their_taxes_are_no_projects():
    text = (
        REVIEW + "过去一年，青禾镇工业经济稳步增长，柳湾新材、禾州精工、东岭电子等亿元级企业纳税持续增长。\n"
    )
    assert _names(text, "project") == []


def test_kinds_and_sizes_of_works_name_none():
    text = (
        REVIEW + "过去一年，青禾县社会事业全面进步，新建中小学、幼儿园12所，建设200亩蔬菜种植基地，"
        "将帮办服务拓展至全部政府投资项目。\n"
    )
    assert _names(text, "project") == []


def test_a_water_section_named_by_a_bridge_is_no_project():
    text = REVIEW + "过去一年，青禾县生态环境持续改善，确保柳河东岭桥北、禾溪入河口断面水质达Ⅲ类。\n"
    assert _names(text, "project") == []


def test_a_bridge_rebuilt_stays_a_project():
    text = REVIEW + "过去一年，青禾县交通条件持续改善，改造柳河东岭桥，新建禾溪水厂。\n"
    assert _names(text, "project") == ["柳河东岭桥", "禾溪水厂"]


def test_a_project_beside_a_livelihood_item_of_the_same_entry_is_one_too():
    from luoshi.reports.reader.items import _named_projects
    from luoshi.reports.reader.model import Item

    line = "1.完成柳湾小学、禾州小学及东岭中学初中部学校建设，新增学位1200个。"
    quote = line[2:]

    def item(name: str, kind: str) -> Item:
        return Item(name=name, kind=kind, part="plan", year=2032, quote=quote, start=2, end=len(line))

    out = _named_projects(
        [item("柳湾小学", "livelihood"), item("禾州小学", "project"), item("东岭中学初中部", "project")],
        line,
    )
    assert [(i.name, i.kind) for i in out] == [
        ("柳湾小学", "livelihood"),
        ("禾州小学", "livelihood"),
        ("东岭中学初中部", "livelihood"),
    ]


def test_rivers_dredged_by_name_are_projects():
    text = REVIEW + "过去一年，青禾镇水利设施不断完善，全面疏浚柳湾河和东岭溪，新建禾州泵站。\n"
    assert _names(text, "project") == ["柳湾河", "东岭溪", "禾州泵站"]


def test_kinds_of_water_dredged_are_no_projects():
    text = REVIEW + "过去一年，青禾镇水利设施不断完善，全面疏浚河道和山塘，清淤沟渠。\n"
    assert _names(text, "project") == []


def test_surfaced_roads_and_the_pipes_of_a_works_named_before_are_no_other_project():
    text = (
        REVIEW + "过去一年，青禾镇基础设施不断完善，完成年初计划修建的水泥硬化道路和柳湾综合整治项目，"
        "推动投资约2亿元的青禾镇水厂及管网升级改造工程动工建设。\n"
    )
    assert _names(text, "project") == ["柳湾综合整治项目", "青禾镇水厂"]


def test_plants_named_and_relocated_are_projects():
    text = PLAN_YEAR + "加大制造业投资力度，实施柳湾钢铁、禾州化工和东岭纸业整体搬迁改造。\n"
    assert _names(text, "project") == ["柳湾钢铁", "禾州化工", "东岭纸业"]


def test_kinds_relocated_are_no_projects():
    text = PLAN_YEAR + "加快推进城乡建设，实施农村危房和地质灾害点整体搬迁。\n"
    assert _names(text, "project") == []


def test_kinds_listed_as_scenes_of_projects_are_no_projects():
    text = PLAN_YEAR + "加快新能源发展，推进分布式光伏和储能、氢能等场景项目建设。\n"
    assert _names(text, "project") == []


def test_a_sector_and_places_of_trade_are_no_projects():
    text = (
        PLAN_YEAR + "着力把农业建成现代化大产业。持续激发柳湾滨江公园、禾州国际广场、东岭湾等商圈活力，"
        "推动柳湾步行街改造提升。\n"
    )
    assert _names(text, "project") == ["柳湾步行街改造提升"]


def test_the_next_numbered_entry_after_a_livelihood_entry_is_one_too():
    from luoshi.reports.reader.items import _named_projects
    from luoshi.reports.reader.model import Item

    text = "八、增加学位供给\n1.完成柳湾小学扩建。\n2.启动禾州小学运动场改造工程。\n"
    first, second = text.index("1."), text.index("2.")
    out = _named_projects(
        [
            Item(
                name="柳湾小学",
                kind="livelihood",
                part="plan",
                year=2032,
                quote="1.完成柳湾小学扩建。",
                start=first,
                end=first + 11,
            ),
            Item(
                name="启动禾州小学运动场改造工程",
                kind="project",
                part="plan",
                year=2032,
                quote="2.启动禾州小学运动场改造工程。",
                start=second,
                end=second + 17,
            ),
        ],
        text,
    )
    assert [i.kind for i in out] == ["livelihood", "livelihood"]


def test_items_come_in_the_order_their_names_are_written():
    from luoshi.reports.reader.items import _named_projects
    from luoshi.reports.reader.model import Item

    text = "引进投资5亿元的柳湾储能电站、投资3亿元的禾州光伏基地。"

    def item(name: str, quote: str) -> Item:
        at = text.index(quote)
        return Item(
            name=name, kind="project", part="review", year=2031, quote=quote, start=at, end=at + len(quote)
        )

    # (the second name's quote is the whole clause, which opens before the first name's own)
    out = _named_projects(
        [item("禾州光伏基地", text[:-1]), item("柳湾储能电站", "投资5亿元的柳湾储能电站")], text
    )
    assert [i.name for i in out] == ["柳湾储能电站", "禾州光伏基地"]
