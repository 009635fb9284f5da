"""Named items, sixteenth round, second wave (projects): the members of a family of programmes counted by
their number ("实施A工程、B工程等“十大工程”", "扩消费六大工程") and kinds of road before their mileage open
to traffic ("高速公路、农村公路通车里程") name no works, so they are no projects; a workshop or a building
named with the work done to it ("启动X车间建设", "建成Y大楼") is a facility like a school or a plant.

Every sentence here is made up for its test (invented places); none comes from a report.
"""

from __future__ import annotations

from luoshi.reports.tests.test_reader_r4_items import _names

REVIEW = "一、2031年工作回顾\n"
PLAN = "二、2032年工作安排\n"


def test_the_members_of_a_counted_family_of_programmes_are_no_projects():
    text = (
        PLAN + "青禾市将着力实施安居乐业工程、绿水青山工程、文旅兴市工程、数字赋能工程等“四大工程”，"
        "推动高质量发展。\n"
    )
    assert _names(text, "project") == []


def test_a_family_of_programmes_without_quotation_marks_is_no_project():
    text = PLAN + "青禾市将统筹推进强基础三大工程，加快柳湾物流园建设。\n"
    assert _names(text, "project") == ["柳湾物流园"]


def test_works_listed_before_key_projects_counted_stay_projects():
    text = PLAN + "青禾市将加快柳湾水库工程、禾州大桥工程等十个重点工程建设。\n"
    names = _names(text, "project")
    assert "柳湾水库工程" in names


def test_kinds_of_road_before_their_mileage_are_no_projects():
    text = REVIEW + "过去一年，青禾市路网加快成形，高速公路、农村公路通车里程稳步增加。\n"
    assert _names(text, "project") == []


def test_a_road_class_of_a_whole_province_before_its_mileage_is_no_project():
    text = REVIEW + "过去一年，全省高速公路通车里程达到5000公里，禾州绕城高速建成通车。\n"
    assert _names(text, "project") == ["禾州绕城高速"]


def test_a_workshop_started_is_a_project():
    text = PLAN + "青禾镇将启动柳湾食品包装车间建设，培育市场主体50家。\n"
    assert _names(text, "project") == ["柳湾食品包装车间建设"]


def test_a_building_completed_is_a_project():
    text = REVIEW + "过去一年，我们新建禾丰政务服务大楼，新增窗口80个。\n"
    assert _names(text, "project") == ["禾丰政务服务大楼"]


def test_a_workshop_named_as_an_honour_is_no_project():
    text = REVIEW + "过去一年，禾丰制药认定省数字化车间，获评省级专精特新企业。\n"
    assert _names(text, "project") == []
