"""Numbers written out in Chinese, thresholds, days, kinds and qualifiers as written.

Every sentence here was written for these tests (a made-up 桂溪镇 and its county); each
block covers one general rule of how work reports are written.
"""

from __future__ import annotations

import pytest

from luoshi.reports.reader import parse
from luoshi.reports.reader.numbers import chinese_numeral

HEAD = (
    "桂溪镇人民政府工作报告\n——2024年1月20日在桂溪镇第五届人民代表大会第四次会议上\n镇长 程远航\n各位代表：\n"
)
REVIEW = "一、2023年工作回顾\n"
PLAN = "二、2024年工作安排\n"


def facts_of(review: str = "", plan: str = ""):
    text = HEAD + REVIEW + review + "\n" + PLAN + plan + "\n"
    return parse(text, text_only=True).facts


def rows(facts):
    return [(f.value, f.unit, f.kind, f.measure) for f in facts]


@pytest.mark.parametrize(
    ("numeral", "value"),
    [
        ("一千零八十六", 1086),
        ("两千三百", 2300),
        ("两千三", 2300),
        ("十二万", 120000),
        ("三十五", 35),
        ("十八点六", 18.6),
        ("零点五", 0.5),
        ("一点二亿", 120000000),
        ("四点五万", 45000),
        ("一万二千", 12000),
        ("百", 100),
    ],
)
def test_chinese_numerals(numeral, value):
    assert float(chinese_numeral(numeral)) == pytest.approx(value)


@pytest.mark.parametrize("numeral", ["一二", "二〇二三", "万", "点五", "三点"])
def test_not_chinese_numerals(numeral):
    assert chinese_numeral(numeral) is None


def test_percentages_written_out():
    facts = facts_of(
        "全镇农民人均纯收入同比增长百分之六点四；垃圾分类覆盖率达到百分之百；"
        "学前教育入园率百分之九十七点五，群众安全感百分之九十以上；全年火灾事故同比下降百分之十二。",
        "农民人均纯收入增长百分之六左右；卫生厕所普及率提高到百分之八十五以上；失业率控制在百分之三以内。",
    )
    assert rows(facts) == [
        (6.4, "%", "actual", "growth"),
        (100, "%", "actual", "rate"),
        (97.5, "%", "actual", "rate"),
        (90, "%", "actual", "rate"),
        (-12, "%", "actual", "growth"),
        (6, "%", "target", "growth"),
        (85, "%", "target", "rate"),
        (3, "%", "target", "rate"),
    ]
    assert [f.approx for f in facts] == [None, "达", None, "以上", None, "左右", "以上", "以内"]
    assert facts[1].metric == "垃圾分类覆盖率"
    assert facts[4].metric == "火灾事故"


def test_chinese_decimals_and_compound_measure_words():
    facts = facts_of(
        "完成招商引资二点六亿元，修建机耕道九点四公里、排水沟一千五百米；"
        "接待研学游客八万人次，举办农技讲座三十二场次；新打机井七口，办理惠农贷款八十五笔，"
        "排查化解纠纷六十七起，举办电商培训班三期。"
    )
    assert [(f.metric, f.value, f.unit) for f in facts] == [
        ("招商引资", 260000000, "元"),
        ("修建机耕道", 9.4, "公里"),
        ("排水沟", 1500, "米"),
        ("接待研学游客", 80000, "人次"),
        ("举办农技讲座", 32, "场次"),
        ("新打机井", 7, "口"),
        ("办理惠农贷款", 85, "笔"),
        ("排查化解纠纷", 67, "起"),
        ("举办电商培训班", 3, "期"),
    ]


def test_chinese_numeral_ge_counts_but_not_named_sets():
    facts = facts_of(
        "牢固树立“四个意识”，坚定四个自信，做到两个维护；全镇九个行政村全部通客车，"
        "其中产值过亿元的村达到两个。重点从三个方面推进改革，连续三个季度排名靠前。",
        "新建日间照料中心一个，完成三个村的污水管网改造，示范村力争达到五个。",
    )
    assert [(f.value, f.unit, f.kind) for f in facts] == [
        (9, "个", "actual"),
        (2, "个", "actual"),
        (1, "个", "target"),
        (3, "个", "target"),
        (5, "个", "target"),
    ]
    assert facts[0].metric.startswith("行政村")
    assert "照料中心" in facts[2].metric


def test_phases_and_articles_are_not_counts():
    facts = facts_of(
        "建成污水处理厂二期，启动三期工程，改造二次供水设施，形成一批特色产业，下一步抓好一件大事；"
        "推动五个振兴，落实两个责任，做到三个不放松；四套班子齐抓共管，统筹五位一体，"
        "优化三次产业结构，实现两个全覆盖。"
    )
    assert facts == []


def test_a_money_bound_before_a_counted_noun_is_a_threshold():
    facts = facts_of(
        "全镇村集体经济收入全部超过二十万元，其中超过一百万元的村有三个；年纳税超过500万元的企业达到4家。"
    )
    assert [(f.value, f.unit) for f in facts] == [(200000, "元"), (3, "个"), (4, "家")]
    assert "一百万元" in facts[1].metric and "500万元" in facts[2].metric
    # an amount that the counted things add up to is a fact, not a bound
    facts = facts_of("总投资达12亿元的5个重点项目全部开工。")
    assert [(f.value, f.unit) for f in facts] == [(1200000000, "元"), (5, "个")]


def test_multiplied_counts_keep_their_measure_word():
    facts = facts_of("全年完成流感疫苗接种3.2万剂次，投放鱼苗12万尾，筹集资金3万人民币。")
    assert [(f.metric, f.value, f.unit) for f in facts] == [
        ("流感疫苗接种", 32000, "剂次"),
        ("投放鱼苗", 120000, "尾"),
        ("筹集资金", 30000, "元"),
    ]


def test_near_a_hundred_is_a_number_but_hundreds_is_not():
    facts = facts_of("开展志愿服务近百场，惠及群众上千人，组织培训数百次，帮扶超千户。")
    assert [(f.value, f.unit, f.approx) for f in facts] == [(100, "场", "近"), (1000, "户", "超")]


def test_a_change_in_a_count_of_days_is_a_level():
    facts = facts_of("全镇空气优良天数同比增加12天，审批时限压缩5天；连续30天开展巡查。")
    assert [(f.value, f.unit, f.measure) for f in facts] == [(12, "天", "level"), (5, "天", "level")]


def test_a_pool_chosen_from_in_the_plan_part_already_exists():
    facts = facts_of(plan="从各村上报的38个项目中遴选确定12个，力争全年建成。")
    assert [(f.value, f.kind) for f in facts] == [(38, "actual"), (12, "target")]
    assert facts[0].metric.endswith("项目")


def test_qualifier_before_a_list_applies_to_each_member():
    facts = facts_of("城镇和农村居民人均可支配收入分别达到41200元和20350元。")
    assert [(f.value, f.approx) for f in facts] == [(41200, "达"), (20350, "达")]


def test_qualifiers_and_commitments_keep_traditional_characters():
    text = (
        "桂溪鎮人民政府工作報告\n各位代表：\n一、2023年工作回顧\n全鎮新增就業達到520人，修復道路30餘公里。\n"
        "二、2024年工作安排\n力爭新增市場主體200戶，確保完成造林1500畝。\n"
    )
    facts = parse(text, text_only=True).facts
    assert [(f.value, f.approx, f.commitment) for f in facts] == [
        (520, "達", None),
        (30, "餘", None),
        (200, None, "力爭"),
        (1500, None, "確保"),
    ]


def test_text_only_never_reads_a_file(tmp_path):
    path = tmp_path / "secret.txt"
    path.write_text("各位代表：完成投资3亿元。", encoding="utf-8")
    assert parse(str(path)).facts  # a one-line str naming a file is read as a path...
    assert parse(str(path), text_only=True).facts == []  # ...but not with text_only
    with pytest.raises(TypeError):
        parse(path, text_only=True)


def test_a_chain_of_counts_shares_its_subject_not_the_predicate():
    facts = facts_of("全镇低保户215户468人全部纳入动态监测，危房改造户33户已全部入住。")
    assert [(f.metric, f.value, f.unit) for f in facts] == [
        ("低保户", 215, "户"),
        ("低保人口", 468, "人"),
        ("危房改造户", 33, "户"),
    ]


def test_a_choice_from_a_pool_is_named_by_its_verb_and_the_pool():
    facts = facts_of("年初共收集群众微心愿80个，经镇人大主席团会议以表决方式从中选定12个。")
    assert [(f.value, f.kind) for f in facts] == [(80, "actual"), (12, "actual")]
    assert facts[1].metric == "选定群众微心愿"
    facts = facts_of(plan="经走访梳理形成备选工程15项，由代表以举手表决方式从中确定8项。")
    assert [f.metric for f in facts] == ["经走访梳理形成备选工程", "确定备选工程"]


@pytest.mark.parametrize(
    ("line", "meeting"),
    [
        ("——2024年1月9日在桂溪街道第三届居民代表会议第二次会议上", "第三届居民代表会议第二次会议"),
        ("——2024年1月9日在桂溪街道第一届议政代表会议第四次会议上", "第一届议政代表会议第四次会议"),
        ("——在桂溪公司第六届职工代表大会第三次会议上", "第六届职工代表大会第三次会议"),
        ("——2024年1月9日在桂溪镇第五届人民代表大会第四次会议上", "第五届人民代表大会第四次会议"),
    ],
)
def test_meetings_of_bodies_other_than_a_congress(line, meeting):
    text = f"桂溪街道工作报告\n{line}\n主任 程远航\n各位代表：\n一、2023年工作回顾\n完成投资3亿元。\n"
    assert parse(text, text_only=True).meta.meeting == meeting


@pytest.mark.parametrize(
    ("sentence", "parent"),
    [
        ("我们在县委、县政府的坚强领导下，全力推进各项工作。", None),
        ("镇政府在县委、县政府的领导下，全力推进各项工作。", None),
        ("办事处在县委、县政府的领导下，积极对接县直各部门。", None),
        ("在河源县委、县政府的坚强领导下，全力推进各项工作。", "河源县"),
    ],
)
def test_a_parent_is_a_place_name_or_nothing(sentence, parent):
    text = "桂溪镇人民政府工作报告\n各位代表：\n一、2023年工作回顾\n" + sentence + "\n"
    assert parse(text, text_only=True).meta.parent == parent


def test_a_count_that_restates_the_names_listed_is_not_a_fact():
    facts = facts_of(
        "全镇辖青石、白果、柳塘、石门4个行政村和1个社区；建成甲坪村、乙坪村两个示范点；"
        "结对帮扶三个联建村（东岭村、西岭村、南岭村），培育示范村1个、先进村2个。"
    )
    assert [(f.value, f.unit) for f in facts] == [(1, "个"), (1, "个"), (2, "个")]
