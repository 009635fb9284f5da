"""Named items, sixteenth round (projects): transport works named as opened to use or pushed faster
("X高铁开通运营", "A线、B高速二期加速推动", "X国道改造Y段全线贯通"), and the members of a named set counted
in quotation marks ("A、B、C三大“X”问题", "落实“六个工程”"), which are no projects.

Every sentence here is made up for its test (invented places); none comes from a report.
"""

from __future__ import annotations

from luoshi.reports.tests.test_reader_r4_items import _items, _names

REVIEW = "一、2031年工作回顾\n"


def test_a_railway_opened_to_traffic_is_a_project():
    text = REVIEW + "过去一年，青禾市交通建设提速。市域铁路青柳线开通运营，柳湾高铁开通运营。\n"
    assert _names(text, "project") == ["市域铁路青柳线", "柳湾高铁"]
    assert all(i.stage == "开通" and i.part == "review" for i in _items(text, "project"))


def test_a_hotline_opened_is_no_project():
    text = REVIEW + "过去一年，青禾市便民服务不断完善。政务服务热线开通运营，办件量稳步增加。\n"
    assert _names(text, "project") == []


def test_a_road_named_by_its_number_opened_through_is_a_project():
    text = REVIEW + "过去一年，青禾市交通建设提速。东湖大道延长线和318国道改造柳湾段全线贯通。\n"
    assert _names(text, "project") == ["东湖大道延长线", "318国道改造柳湾段"]


def test_works_pushed_faster_are_projects_with_their_phase():
    text = REVIEW + "过去一年，青禾市交通建设提速。柳湾机场快线、禾州高速二期加速推动。\n"
    assert _names(text, "project") == ["柳湾机场快线", "禾州高速二期"]


def test_a_policy_pushed_faster_is_no_project():
    text = REVIEW + "过去一年，青禾市各项改革有序开展。乡村振兴加速推动，营商环境持续优化。\n"
    assert _names(text, "project") == []


def test_a_works_opened_to_use_stays_in_a_passage():
    text = (
        "青禾市召开交通建设推进会。会议指出，过去一年全市交通建设取得新进展，柳湾高铁开通运营，"
        "禾州绕城高速全线贯通，城乡路网不断完善。会议要求，各地要压实责任，抓好安全生产，"
        "确保重点工作按期完成。会议还对冬季道路养护、农村客运和交通执法等工作作了部署，"
        "要求各级各部门提高站位，强化协作，以更实的举措推动交通运输事业高质量发展。\n"
    )
    names = _names(text, "project")
    assert "柳湾高铁" in names and "禾州绕城高速" in names


def test_the_members_of_a_set_counted_in_quotation_marks_are_no_projects():
    text = (
        REVIEW + "过去一年，梳理棚户区改造收尾、土地开发、市政重点工程三大“硬骨头”问题120个，已解决98个。\n"
    )
    assert _names(text, "project") == []


def test_a_count_that_opens_a_quoted_set_lists_nothing():
    text = (
        "二、2032年工作安排\n"
        "实现这些目标，一定要抓好部署的贯彻落实，精心组织、跟进落实柳湾省委提出的“六个工程”，真抓实干。\n"
    )
    assert _names(text, "project") == []


def test_projects_counted_without_quotation_marks_are_still_named():
    text = REVIEW + "过去一年，东湖大桥、柳湾污水处理厂等三个重点工程顺利完工。\n"
    assert _names(text, "project") == ["东湖大桥", "柳湾污水处理厂"]


def test_a_works_after_a_verb_and_le_is_a_project():
    text = REVIEW + "过去一年，我镇新建了柳湾泵站，确保了青禾生活垃圾焚烧发电工程如期推进。\n"
    assert _names(text, "project") == ["柳湾泵站", "青禾生活垃圾焚烧发电工程"]


def test_a_plan_after_a_verb_and_le_is_no_facility():
    text = REVIEW + "过去一年，我镇完成了村庄规划编制，确保了各项工作顺利推进。\n"
    assert _names(text, "project") == []


def test_a_list_before_a_count_of_aspects_names_no_works():
    text = REVIEW + "过去一年，投入800万元，从道路管网、街区风貌和文化传承三个方面加强集镇建设。\n"
    assert _names(text, "project") == []


def test_a_list_before_a_count_of_estates_still_names_them():
    text = REVIEW + "过去一年，完成东湖小区、西坪小区两个小区改造。\n"
    assert _names(text, "project") == ["东湖小区", "西坪小区"]


def test_a_list_of_fields_before_many_aspects_names_no_projects():
    text = (
        "二、2032年工作安排\n全年工作涉及园区提质、路网加密、老城改造及环境整治等多方面的重点项目和举措。\n"
    )
    assert _names(text, "project") == []


def test_a_national_designation_after_a_place_is_no_project():
    text = REVIEW + "过去一年，青禾柑橘国家地理标志保护示范区、柳湾国家自主创新示范区加快建设。\n"
    assert _names(text, "project") == []


def test_a_national_park_after_a_place_is_still_a_project():
    text = REVIEW + "过去一年，东湖国家湿地公园、西坪国家现代农业示范区项目顺利推进。\n"
    assert _names(text, "project") == ["东湖国家湿地公园", "西坪国家现代农业示范区项目"]


def test_the_facilities_listed_before_a_facility_are_projects_too():
    text = REVIEW + "过去一年，青禾大道和柳园街等干道的管网改造和路面整修完成。\n"
    assert _names(text, "project") == ["青禾大道", "柳园街"]


def test_a_kind_of_facility_before_a_facility_is_no_project():
    text = REVIEW + "过去一年，农村公路和柳园街改造完成。\n"
    assert _names(text, "project") == ["柳园街改造"]
