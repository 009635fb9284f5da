"""Named items, ninth round: what passages and report openings name as a key project, and what not.

Every sentence here is made up for its test (invented places and firms); none comes from a report.
"""

from __future__ import annotations

from luoshi.reports.reader import items
from luoshi.reports.tests.test_reader_r4_items import _names

# --- not projects: events about projects, classes, posts, places, designations ---------------


def test_verbs_of_an_event_about_projects_leave_no_name_before_them():
    text = "青禾镇组织代表们开展重点项目视察活动，督促重点项目建设，积极探索项目引进新模式，扩大项目储备。"
    assert _names(text, "project") == []


def test_a_batch_of_projects_or_one_project_in_general_is_no_name():
    text = "此次开工项目涉及四大类，一个项目一套班子，市区重点工程项目加快建设，企业大项目竞相上马。"
    assert _names(text, "project") == []


def test_officials_and_ceremonies_are_not_projects():
    text = "县委副书记、县长王某在开工仪式上致辞，市人大常委会副主任李某宣布项目开工。"
    assert _names(text, "project") == []


def test_places_before_and_holders_of_a_list_of_projects_are_not_names():
    text = "县里在青石镇、白沙镇等地举行三场重大项目集中开工仪式。纳入省、市调度的12个重大项目全部开工。"
    assert _names(text, "project") == []


def test_a_study_group_a_central_village_and_a_mechanism_are_not_works():
    text = "开展8次理论学习中心组集体学习，引导搬迁户向中心村集中安置，完善到户增收项目机制。"
    assert _names(text, "project") == []


def test_rectification_items_and_kinds_of_facility_are_classes():
    text = "立行立改项目全部完成，长期整改项目扎实推进，全面完成病险水库除险加固，老旧小区改造工程惠及千户。"
    assert _names(text, "project") == []


def test_a_place_and_its_key_projects_name_none():
    text = "青禾市白石镇重点项目捷报频传，白石镇重大产业项目加快推进。"
    assert _names(text, "project") == []


def test_wishes_ceremonies_and_haste_are_no_stage_of_a_named_project():
    text = (
        "以更大力度服务项目早开工、早投产，重点工业项目集中开竣工活动在两地举行，为青禾加快建成强县贡献力量。"
    )
    assert _names(text, "project") == []


def test_qualities_of_companies_sought_are_not_names():
    text = "积极引进有口碑、有实力的企业落户青禾。"
    assert _names(text, "project") == []


def test_a_political_centre_or_a_sub_centre_is_a_role_not_a_works():
    text = "突出政治中心，深化政治中心区一体化防控，加快城市副中心发展步伐。"
    assert _names(text, "project") == []


def test_projects_taken_as_an_occasion_are_named_elsewhere():
    text = "以青山特钢、东岸智造等项目为契机，带动片区更新。"
    assert _names(text, "project") == []


def test_a_quoted_campaign_before_a_class_of_projects_names_none():
    text = "全省“三个一批”重点项目推进有力，“两山”引进项目86个。"
    assert _names(text, "project") == []


# --- projects: phrasings the rules missed ------------------------------------------------------


def test_a_stage_verb_subject_that_opens_with_a_word_like_total_or_new():
    text = "共享储能电站已开工建设，与蓝海水泥有限公司完成签约，红枫实验室启动建设。"
    names = _names(text, "project")
    assert "共享储能电站" in names and "蓝海水泥有限公司" in names
    assert any(n.startswith("红枫实验室") for n in names)


def test_what_follows_a_description_with_de_names_the_works():
    text = "按照规划，可容纳5000人的青溪社区已开工建设，占地800亩的枫林文化园建成开园。"
    names = _names(text, "project")
    assert "青溪社区" in names and "枫林文化园" in names


def test_metro_lines_keep_their_numbers():
    text = "实施轨道交通9号线、16号线等重大项目。"
    assert _names(text, "project") == ["轨道交通9号线", "16号线"]


def test_a_named_base_with_a_digital_product_is_no_class_but_digital_upgrading_is():
    text = "今年，在青云数字化产品研发生产基地，厂房主体结构封顶。推进企业数字化改造项目。"
    names = _names(text, "project")
    assert "青云数字化产品研发生产基地" in names and not any("改造" in n for n in names)


def test_two_activities_of_one_base_stay_one_name():
    text = "今年，金禾食品研发及生产基地完成主体建设。"
    assert _names(text, "project") == ["金禾食品研发及生产基地"]


def test_phases_of_one_works_after_a_list_keep_the_list():
    text = "引进青松生物、白杨二期、新材料标准厂房一期和二期项目。"
    names = _names(text, "project")
    assert "青松生物" in names and "白杨二期" in names


def test_projects_counted_then_named_without_a_colon_or_in_brackets():
    text = "今年全镇重大签约项目有3个，分别是青峰纺织、明光照明和华德家具。列入县级重点项目2个（青石化纤项目、东坡农业项目）。"
    names = _names(text, "project")
    for name in ("青峰纺织", "明光照明", "华德家具", "青石化纤项目", "东坡农业项目"):
        assert name in names, name


def test_each_entry_of_a_list_of_investments_is_a_project():
    text = "成功引进投资20亿元的青能压缩空气储能、投资2亿元的禾丰番茄全产业链、投资1亿元的云厨中央厨房。"
    names = _names(text, "project")
    assert "禾丰番茄全产业链" in names and "青能压缩空气储能" in names and "云厨中央厨房" in names


def test_a_name_with_a_quoted_brand_inside():
    text = "打造青竹村“枫叶湾”农文旅项目。"
    assert _names(text, "project") == ["青竹村“枫叶湾”农文旅项目"]


def test_a_project_after_a_verb_with_le():
    text = "今年完成了青河5公里处山体滑坡治理项目。"
    assert _names(text, "project") == ["青河5公里处山体滑坡治理项目"]


def test_homes_for_the_old_and_sluices_are_facilities():
    text = "推动白鹭养老院开院运营，启动东港泵闸迁建。"
    names = _names(text, "project")
    assert "白鹭养老院" in names and any(n.startswith("东港泵闸") for n in names)


def test_science_parks_end_a_name():
    text = "今年，青山中关村科技园完成主体建设。"
    assert _names(text, "project") == ["青山中关村科技园"]


def test_the_class_patterns_agree_on_the_new_words():
    for name in ("立行立改项目", "5宗项目", "数字化改造项目", "青云数字化产品基地", "城市化"):
        assert items._is_class(name) == (items._CLASS_RE.search(name) is not None), name


def test_platforms_listed_before_deng_are_not_projects():
    text = "抓好青石区、白沙新区、东湖康养产业示范区等重点平台建设。"
    assert _names(text, "project") == []


def test_the_class_a_named_works_stands_for_is_no_project():
    text = "以青溪口袋公园为代表的生态修复工程稳步实施。"
    assert "生态修复工程" not in _names(text, "project")


def test_a_base_that_becomes_one_chosen_for_a_list_is_a_designation():
    text = "青禾镇白杨蔬菜基地成为全县唯一入选省级示范名单的基地。"
    assert _names(text, "project") == []


def test_poverty_relief_building_and_new_type_projects_are_classes():
    text = "实施了总投资1亿元的扶贫项目，继续推进楼宇园区效能提升，加快推进新型科创园区建设。"
    assert _names(text, "project") == []


def test_works_listed_before_their_preparatory_work_are_projects():
    text = "加快推进青湖机场二跑道、东环高速、南山水库扩容等前期工作，做好征地拆迁、规划设计等前期工作。"
    names = _names(text, "project")
    assert "东环高速" in names and "青湖机场二跑道" in names
    assert "征地拆迁" not in names and "规划设计" not in names


def test_the_fast_guards_hold_the_new_words():
    for line, b in (
        ("学习中心组学习", 4),
        ("向中心村搬迁", 3),
        ("项目机制", 2),
        ("基地成为全县唯一入选的", 2),
    ):
        if items._HONOURED_AFTER_RE.match(line, b):
            assert items._HONOURED_FIRST_RE.search(line, b, b + 9), line
        if items._NOT_A_WORK_AFTER_RE.match(line, b):
            assert line[b : b + 1] in items._NOT_A_WORK_FIRST, line


def test_a_goal_before_a_stage_verb_and_a_stage_before_a_list_are_not_names():
    text = "推动校地招商联动发展·启动建设青禾会客厅。完工投产青石硅材料、白沙科技园三期等5个项目。"
    names = _names(text, "project")
    assert not any("发展" in n or n.startswith("完工") for n in names)
    assert "青石硅材料" in names
