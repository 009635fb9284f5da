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
    text = "云岭小镇以优异成绩入围省级特色小镇创建名单，白鹭工业园区获批省级高新技术产业园区。"
    assert _names(text, "project") == []


def test_promoted_or_chosen_as_a_designation_is_no_project():
    text = "青杉镇晋升为国家农业可持续发展示范区，成功获选省级现代农业产业园。"
    assert _names(text, "project") == []


def test_an_office_named_with_its_head_is_a_post_not_a_works():
    text = "县人民医院院长张某、县文化服务中心主任李某参加了会议。"
    assert _names(text, "project") == []


def test_a_count_before_or_after_a_kind_of_works_makes_it_a_class():
    text = "完成26处老旧小区整治工程，新建普惠性幼儿园2所，建成西瓜示范基地5万亩，十大签约项目前期工作全面启动。"
    assert _names(text, "project") == []


def test_adverbs_and_planning_verbs_are_not_part_of_the_name():
    text = "平稳有序地推进青溪风情小镇建设，高标准规划建设青龙工业园，精准谋划项目，建立重点民间投资项目库。"
    names = _names(text, "project")
    assert "青溪风情小镇" in names and "青龙工业园" in names
    assert not any("地推进" in n or "规划" in n or "谋划" in n or "民间投资" in n for n in names)


def test_places_listed_as_context_after_a_lead_or_before_a_class_of_places():
    text = "紧扣枫林水库、鹤鸣湖湿地公园发展全域旅游，抓好居民小区、桃源农贸市场等重点场所防疫。"
    assert _names(text, "project") == []


def test_a_named_works_still_counts_beside_the_new_exclusions():
    text = "加快建设云杉大道，白鹭生物医药产业园建成投产。"
    names = _names(text, "project")
    assert "云杉大道" in names and "白鹭生物医药产业园" in names
