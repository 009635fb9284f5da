"""Named items, seventeenth round, second wave (projects): more of what a report names that is no
project — events held, reports heard, certificates earned, problems put right, the body that runs a park.

Every sentence here is made up for its test (invented places); none comes from a report.
"""

from __future__ import annotations

from luoshi.reports.tests.test_reader_r4_items import _names

REVIEW = "一、2031年工作回顾\n"
PLAN = "二、2032年工作安排\n"


def test_events_held_and_reports_heard_are_no_projects():
    text = REVIEW + (
        "过去一年，青禾县成功举办柳湾新材料产业招商推介会、禾州文旅融合发展恳谈会、青禾乡村振兴项目推介会，"
        "代表们听取了青禾县禾苗市场服务所和青禾县柳湾社区卫生服务中心工作报告。\n"
    )
    assert _names(text, "project") == []


def test_certificates_problems_and_a_parks_body_are_no_projects():
    text = REVIEW + (
        "过去一年，禾香米业公司取得绿色食品认证、出口基地认证，着力改善柳湾小区河道问题，"
        "青禾轻工产业园区管委会挂牌成立。\n"
    )
    assert _names(text, "project") == []


def test_a_park_built_stays_beside_an_event():
    text = PLAN + "新的一年，青禾县将加快青禾轻工产业园二期工程建设，举办禾州产业招商推介会。\n"
    assert "青禾轻工产业园" in _names(text, "project")


def test_kinds_closed_by_a_counted_set_are_no_projects():
    text = PLAN + "新的一年，青禾镇将全力打造早熟蜜桃、高山茶叶、稻渔共养、林下药材四大特色产业基地。\n"
    assert _names(text, "project") == []


def test_parks_named_before_their_counted_set_stay():
    text = PLAN + "新的一年，青禾县将提升柳湾物流园、禾州科技产业园两大园区承载能力。\n"
    names = _names(text, "project")
    assert "柳湾物流园" in names and "禾州科技产业园" in names


def test_a_kind_of_works_in_counted_places_is_no_project():
    text = REVIEW + "过去一年，建成柳湾等4县垃圾中转站，新建禾州污水处理厂。\n"
    assert _names(text, "project") == ["禾州污水处理厂"]


def test_companies_brought_in_are_named_without_their_standing():
    text = REVIEW + (
        "过去一年，青禾县成功引进新能源电池行业领军企业禾源新能科技、世界500强企业柳湾控股集团、"
        "中国民营企业500强禾州实业集团等12户企业入驻园区投资。\n"
    )
    names = _names(text, "project")
    assert "柳湾控股集团" in names and "禾州实业集团" in names
    assert not any("500强" in n for n in names)


def test_two_words_for_projects_at_large_name_none():
    text = PLAN + "新的一年，青禾县将精准招引一批体量大、带动强的大项目好项目，加快禾州大桥建设。\n"
    assert [n for n in _names(text, "project") if "项目" in n] == []


def test_a_facility_is_named_without_its_floor_area():
    text = REVIEW + "过去一年，青禾镇新建2.4万平方米柳湾电商大楼，建成禾州文化馆。\n"
    assert "柳湾电商大楼" in _names(text, "project")


def test_a_role_given_to_a_place_is_no_project():
    text = PLAN + "新的一年，青禾镇将打造禾州湿地公园西大门，建成柳湾农贸市场。\n"
    names = _names(text, "project")
    assert not any("湿地公园" in n for n in names) and "柳湾农贸市场" in names


def test_a_list_closed_by_its_kind_after_deng_is_no_name():
    text = REVIEW + "过去一年，多路径推进柳一、柳二、禾香里等小区剩余老旧房屋改造，完成禾州大桥加固。\n"
    assert not any("等" in n for n in _names(text, "project"))


def test_a_place_cut_before_the_works_built_there_is_no_name():
    from luoshi.reports.reader.items import _no_project_named

    line = "新的一年，在柳湾街新建敬老院，建成禾州大桥。"
    a = line.index("柳湾街")
    assert _no_project_named(line, a, a + len("柳湾街新建"))
    a = line.index("禾州大桥")
    assert not _no_project_named(line, a, a + len("禾州大桥"))


def test_a_place_said_to_be_better_equipped_is_no_project():
    text = REVIEW + "过去一年，柳湾文旅产业园基础设施更加完善，新建禾州游客服务中心。\n"
    names = _names(text, "project")
    assert "柳湾文旅产业园" not in names


def test_a_road_along_which_work_is_done_is_no_project():
    from luoshi.reports.reader.items import _no_project_named

    line = "集中拆除柳湾地块禾桥路沿线15个违建点位，完成禾桥路改造。"
    a = line.index("柳湾地块")
    assert _no_project_named(line, a, a + len("柳湾地块禾桥"))
    a = line.rindex("禾桥路改造")
    assert not _no_project_named(line, a, a + len("禾桥路改造"))


def test_a_facility_money_is_spent_on_is_a_project():
    text = REVIEW + "过去一年，投入380万元用于柳湾卫生院综合大楼建设，发放助学金20万元。\n"
    assert any(n.startswith("柳湾卫生院") for n in _names(text, "project"))


def test_a_programmes_workshop_and_a_bare_kind_of_plant_are_no_projects():
    from luoshi.reports.reader.items import _no_project_named

    line = "服装厂建成乡村振兴车间，解决务工40人；禾香食品加工厂投产。"
    assert _no_project_named(line, 0, len("服装厂"))
    assert _no_project_named(line, 0, len("服装厂建成乡村振兴车间"))
    a = line.index("禾香")
    assert not _no_project_named(line, a, a + len("禾香食品加工厂"))


def test_two_estates_sharing_their_kind_are_two_works():
    text = REVIEW + "过去一年，完成柳一和禾二小区整新项目，启动青禾整新项目。\n"
    names = _names(text, "project")
    assert "柳一" in names and "禾二小区整新项目" in names


def test_a_short_pair_of_kinds_stays_one_name():
    text = PLAN + "新的一年，加快文化和旅游融合发展示范项目建设。\n"
    assert _names(text, "project") == ["文化和旅游融合发展示范项目"]


def test_a_project_whose_problems_are_solved_stays():
    text = PLAN + "新的一年，协调解决青禾物流园项目建设中的用地问题。\n"
    assert any(n.endswith("青禾物流园项目") for n in _names(text, "project"))
