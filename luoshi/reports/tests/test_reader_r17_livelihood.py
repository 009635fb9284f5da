"""Named items, seventeenth round (second wave): livelihood items.

A news item on the year's 民生实事 that sums them up in groups under quoted labels ("“两个新建”"),
each group's paragraph setting out its works one per semicolon.

Every sentence here is made up for its test (invented places and years); none comes from a report.
"""

from __future__ import annotations

from luoshi.reports.tests.test_reader_r4_items import _items, _names

GROUPED_PARAGRAPHS = (
    "柳溪区发布2031年十件民生实事\n"
    "2月20日，记者从柳溪区政府新闻发布会上获悉，经区人民代表大会票决，柳溪区确定了2031年十件民生实事，"
    "可以概括为“两个新建”“两个改善”。\n"
    "“两个新建”，即新建城南社区食堂，为老年人提供助餐服务3万人次；新建河滨步道，全长4公里，沿线增设休憩座椅80处。\n"
    "现场图片 供图 柳溪区融媒体中心\n"
    "“两个改善”，即改善山区道路通行条件，硬化村道12公里；持续关爱独居老人，为200户安装智能烟感报警器。\n"
    "发布会还通报了去年实事的完成情况。\n"
)


def test_paragraphs_under_quoted_group_labels_give_one_entry_per_semicolon_piece_named_by_its_first_clause():
    assert _names(GROUPED_PARAGRAPHS, "livelihood") == [
        "城南社区食堂",
        "河滨步道",
        "改善山区道路通行条件",
        "持续关爱独居老人",
    ]


DEPUTY_QUOTED = (
    "石桥镇票决产生2032年民生实事\n"
    "石桥镇第六届人民代表大会第四次会议票决产生了8件2032年民生实事。\n"
    "镇人大代表、东岭村党支部书记周明说：“票决出的8件民生实事，分别涉及群众关心的道路出行，"
    "供水、医疗、养老和教育等方面，都是大家反复商量后提出的。”\n"
    "会议还审议通过了镇财政预算报告。\n"
)


def test_a_list_inside_the_words_a_deputy_is_quoted_as_saying_gives_no_entries():
    assert _names(DEPUTY_QUOTED, "livelihood") == []


QUOTED_BEFORE_INCLUDED = (
    "枫林街道召开社区代表会议\n"
    "会议听取了街道工作报告，并发布了包括“完成两个小区雨污分流改造、新增800户智能水表、"
    "建成枫林社区睦邻中心”等在内的2031年实事项目安排。\n"
)


def test_works_quoted_before_included_in_the_shi_shi_projects_are_entries_without_their_verbs():
    assert _names(QUOTED_BEFORE_INCLUDED, "livelihood") == [
        "小区雨污分流改造",
        "智能水表",
        "枫林社区睦邻中心",
    ]


AND_AFTER_JI = (
    "青川镇2031年民生实事项目确定\n"
    "经镇人大代表票决，青川镇2031年民生实事项目共4个，分别为村道拓宽工程、河堤加固工程、"
    "农贸市场改造及提升和敬老院消防设施更新项目。\n"
)


def test_he_joins_the_last_two_works_of_a_list_when_ji_joins_two_tasks_of_the_first():
    assert _names(AND_AFTER_JI, "livelihood") == [
        "村道拓宽工程",
        "河堤加固工程",
        "农贸市场改造及提升",
        "敬老院消防设施更新项目",
    ]


ONE_NAMED_FOR_ALL = (
    "云岭县人代会闭幕\n"
    "1月25日，云岭县第九届人民代表大会第三次会议闭幕。报告提出了包括县城老旧管网更新改造等在内的十件民生实事。\n"
    "会议期间，代表们票决选出了《南坪乡村级卫生室标准化建设》等8件南坪乡2032年政府重点民生实事。\n"
)


def test_one_work_named_before_the_count_of_the_min_sheng_shi_shi_is_an_entry():
    assert _names(ONE_NAMED_FOR_ALL, "livelihood") == ["县城老旧管网更新改造", "南坪乡村级卫生室标准化建设"]


FIELDS_BEFORE_COUNT = (
    "2031年，桃源街道确定涵盖养老托育、道路交通、文体设施、社区治理等重点领域共计8项民生实事。"
    "目前，除桃源社区文化活动中心改造工程正在收尾外，其余项目均已完成。\n"
)


def test_fields_listed_before_the_count_of_the_min_sheng_shi_shi_are_no_entries():
    assert "道路交通" not in _names(FIELDS_BEFORE_COUNT, "livelihood")
    assert "文体设施" not in _names(FIELDS_BEFORE_COUNT, "livelihood")


CLASS_BY_EXAMPLE = (
    "据了解，梅园街道2031年十大实事项目包括：\n"
    "一、推进“美丽楼道”建设，实施6个小区内楼道粉刷等美丽家园项目；更新小区路灯120盏。\n"
    "二、新建社区长者食堂1家，为老年人提供助餐服务。\n"
)


def test_a_further_clause_naming_a_class_of_works_by_an_example_is_no_entry():
    names = _names(CLASS_BY_EXAMPLE, "livelihood")
    assert any("美丽楼道" in n for n in names)
    assert "社区长者食堂" in names
    assert not any("美丽家园项目" in n for n in names)


AMONG_QUOTED = (
    "截至一季度，湖滨区2032年24件民生实事已有15件开始实施，其中“湖滨区中小学饮水设备更新”项目已全部完工，"
    "其余9项正有序筹备中。\n"
)


def test_one_of_the_min_sheng_shi_shi_picked_out_in_quotation_marks_after_their_count_is_an_entry():
    assert _names(AMONG_QUOTED, "livelihood") == ["湖滨区中小学饮水设备更新"]


def test_an_entry_under_a_quoted_group_label_is_quoted_up_to_its_semicolon():
    first = _items(GROUPED_PARAGRAPHS, "livelihood")[0]
    assert first.quote == "新建城南社区食堂，为老年人提供助餐服务3万人次"
