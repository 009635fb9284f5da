"""The reader on reports written for these tests: metadata, sections and every fact."""

from __future__ import annotations

from luoshi.reports.reader import parse

from .fixtures import FIXTURES, assert_facts


def test_county_report_metadata_and_sections():
    report = parse(FIXTURES / "county_qinghe.txt")
    meta = report.meta
    assert (meta.jurisdiction, meta.level, meta.parent) == ("青禾县", "county", "云岭市")
    assert (meta.review_year, meta.plan_year) == (2023, 2024)
    assert meta.meeting == "第十八届人民代表大会第三次会议"
    assert meta.delivered_on == "2024-01-12"
    assert (meta.speaker, meta.speaker_title) == ("林志远", "县长")
    assert [(s.heading, s.part) for s in report.sections] == [
        ("一、2023年工作回顾", "review"),
        ("二、2024年工作安排", "plan"),
        ("三、加强政府自身建设", "plan"),
    ]
    assert report.warnings == []


COUNTY_FACTS = [
    ("地区生产总值", 28640000000, "元", "actual", "level"),
    ("地区生产总值", 6.1, "%", "actual", "growth"),
    ("一般公共预算收入", 1820000000, "元", "actual", "level"),
    ("一般公共预算收入", 7.5, "%", "actual", "growth"),
    ("规模以上工业增加值", 8.3, "%", "actual", "growth"),
    ("城镇居民人均可支配收入", 41260, "元", "actual", "level"),
    ("农村居民人均可支配收入", 19830, "元", "actual", "level"),
    ("城镇居民人均可支配收入", 5.2, "%", "actual", "growth"),
    ("农村居民人均可支配收入", 7.1, "%", "actual", "growth"),
    ("省市重点项目", 36, "个", "actual", "level"),
    ("投资", 12800000000, "元", "actual", "level"),
    ("亿元以上项目", 24, "个", "actual", "level"),
    ("10亿元以上项目", 3, "个", "actual", "level"),
    ("外出招商", 60, "次", "actual", "level"),
    ("标准厂房", 156000, "平方米", "actual", "level"),
    ("规上工业企业", 27, "家", "actual", "level"),
    ("粮食播种面积", 825000, "亩", "actual", "level"),
    ("高标准农田", 68000, "亩", "actual", "level"),
    ("农村公路", 126, "公里", "actual", "level"),
    ("户厕改造", 3200, "户", "actual", "level"),
    ("水库除险加固", 2, "座", "actual", "level"),
    ("民生支出占一般公共预算支出", 81, "%", "actual", "rate"),
    ("城镇新增就业", 5600, "人", "actual", "level"),
    ("创业担保贷款", 230000000, "元", "actual", "level"),
    ("中小学幼儿园", 12, "所", "actual", "level"),
    ("新增学位", 4800, "个", "actual", "level"),
    ("生产安全事故", 5, "起", "actual", "level"),
    ("死亡", 3, "人", "actual", "level"),
    ("生产安全事故", -37.5, "%", "actual", "growth"),
    ("死亡", -25, "%", "actual", "growth"),
    ("群众满意度", 96.8, "%", "actual", "rate"),
    ("民生实事", 10, "件", "actual", "level"),
    ("地区生产总值", 6, "%", "target", "growth"),
    ("一般公共预算收入", 5, "%", "target", "growth"),
    ("固定资产投资", 15000000000, "元", "target", "level"),
    ("亿元以上项目", 30, "个", "target", "level"),
    ("重点项目", 40, "个", "target", "level"),
    ("标准厂房", 200000, "平方米", "target", "level"),
    ("城镇就业", 5000, "人", "target", "level"),
    ("老旧小区", 18, "个", "target", "level"),
    ("老旧小区", 1260, "户", "target", "level"),
    ("城市书房", 5, "座", "target", "level"),
    ("民生实事项目建议", 42, "件", "actual", "level"),
    ("候选项目", 15, "项", "actual", "level"),
    ("票决确定", 10, "项", "target", "level"),
    ("一般性支出", -10, "%", "target", "growth"),
]


def test_county_report_facts():
    report = parse(FIXTURES / "county_qinghe.txt")
    assert_facts(report, COUNTY_FACTS)


def test_county_report_qualifiers_commitments_and_years():
    facts = parse(FIXTURES / "county_qinghe.txt").facts
    by_quote = {f.quote: f for f in facts}
    assert by_quote["外出招商60余次"].approx == "余"
    assert by_quote["粮食播种面积稳定在82.5万亩以上"].approx == "以上"
    assert by_quote["地区生产总值增长6%左右"].approx == "左右"
    assert by_quote["固定资产投资确保完成150亿元"].commitment == "确保"
    assert by_quote["新开工重点项目40个以上"].commitment == "力争"  # 力争 reaches to the next ；
    assert by_quote["计划新建标准厂房20万平方米"].commitment == "计划"
    assert by_quote["新增城镇就业不少于5000人"].approx == "不少于"
    assert {f.year for f in facts if f.part == "review"} == {2023}
    assert {f.year for f in facts if f.part == "plan"} == {2024}
    assert all(f.commitment is None for f in facts if f.kind == "actual")


def test_street_report_with_numbered_lists():
    report = parse(FIXTURES / "street_liuxi.txt")
    meta = report.meta
    assert (meta.jurisdiction, meta.level, meta.parent) == ("柳溪街道", "town", "河湾区")
    assert (meta.review_year, meta.plan_year, meta.delivered_on) == (2022, 2023, "2023-02-16")
    assert meta.meeting is None  # a 居民代表会议 is not a people's congress session
    assert (meta.speaker, meta.speaker_title) == ("周敏", "主任")
    assert [s.part for s in report.sections] == ["review", "plan"]
    assert_facts(
        report,
        [
            ("税收收入", 346000000, "元", "actual", "level"),
            ("税收收入", 12.4, "%", "actual", "growth"),
            ("新引进企业", 86, "家", "actual", "level"),
            ("总部型企业", 4, "家", "actual", "level"),
            ("老旧小区改造", 9, "个", "actual", "level"),
            ("惠及居民", 2140, "户", "actual", "level"),
            ("停车泊位", 650, "个", "actual", "level"),
            ("违法建设", 12000, "平方米", "actual", "level"),
            ("社区", 14, "个", "actual", "level"),
            ("矛盾纠纷", 318, "件", "actual", "level"),
            ("调解成功率", 98.5, "%", "actual", "rate"),
            ("志愿服务活动", 420, "场次", "actual", "level"),
            ("老人", 1500, "名", "actual", "level"),
            ("社区食堂", 3, "家", "actual", "level"),
            ("服务老人", 600, "人次", "actual", "level"),
            ("税收收入", 380000000, "元", "target", "level"),
            ("新引进企业", 100, "家", "target", "level"),
            ("老旧小区改造", 12, "个", "target", "level"),
            ("停车泊位", 800, "个", "target", "level"),
            ("调解成功率", 98, "%", "target", "rate"),
        ],
    )


def test_traditional_report_keeps_its_characters():
    report = parse(FIXTURES / "township_shimen_traditional.txt")
    meta = report.meta
    assert (meta.jurisdiction, meta.level, meta.parent) == ("石門鄉", "town", "青峰縣")
    assert meta.meeting == "第十九屆人民代表大會第五次會議"
    assert (meta.speaker, meta.speaker_title) == ("陳立德", "鄉長")
    assert (meta.review_year, meta.plan_year) == (2020, 2021)
    assert_facts(
        report,
        [
            ("財政收入", 12600000, "元", "actual", "level"),
            ("財政收入", 9.6, "%", "actual", "growth"),
            ("農民人均可支配收入", 15820, "元", "actual", "level"),
            ("農民人均可支配收入", 8.2, "%", "actual", "growth"),
            ("糧食播種面積", 32000, "畝", "actual", "level"),
            ("總產量", 15000, "噸", "actual", "level"),
            ("茶葉基地", 800, "畝", "actual", "level"),
            ("油茶", 1200, "畝", "actual", "level"),
            ("通組公路", 18, "公里", "actual", "level"),
            ("村道", 42, "條", "actual", "level"),
            ("救助資金", 3600000, "元", "actual", "level"),
            ("困難群眾", 1120, "人次", "actual", "level"),
            ("衛生室", 5, "所", "actual", "level"),
            ("財政收入", 8, "%", "target", "growth"),
            ("農民人均可支配收入", 7, "%", "target", "growth"),
            ("茶葉基地", 1000, "畝", "target", "level"),
            ("危房改造", 60, "戶", "target", "level"),
        ],
    )
    assert report.facts[-1].commitment == "確保"  # as written, like the metric and the unit


def test_anonymised_truncated_report():
    report = parse(FIXTURES / "town_anonymised_truncated.txt")
    meta = report.meta
    assert meta.jurisdiction is None and meta.level == "town" and meta.parent is None
    assert (meta.review_year, meta.plan_year) == (2023, 2024)
    assert meta.meeting == "第十届人民代表大会第四次会议"
    assert any(w.startswith("truncated") for w in report.warnings)
    values = [(f.value, f.unit) for f in report.facts]
    # rankings (第三名), thresholds (5000万元以上项目) and names are not facts
    assert (3, "名") not in values and (50000000, "元") not in values
    assert_facts(
        report,
        [
            ("农业总产值", 460000000, "元", "actual", "level"),
            ("农业总产值", 5.8, "%", "actual", "growth"),
            ("村级集体经济收入", 18650000, "元", "actual", "level"),
            ("行政村", 10, "个", "actual", "level"),
            ("行政村", 500000, "元", "actual", "level"),
            ("招引项目", 17, "个", "actual", "level"),
            ("总投资", 2350000000, "元", "actual", "level"),
            ("5000万元以上项目", 6, "个", "actual", "level"),
            ("市场主体", 312, "户", "actual", "level"),
            ("河道沟渠", 86, "公里", "actual", "level"),
            ("危旧房屋", 23000, "平方米", "actual", "level"),
            ("公厕", 11, "座", "actual", "level"),
            ("植树造林", 1500, "亩", "actual", "level"),
            ("森林覆盖率", 62.3, "%", "actual", "rate"),
            ("群众来访", 97, "批次", "actual", "level"),
            ("信访积案", 8, "件", "actual", "level"),
            ("农业总产值", 6, "%", "target", "growth"),
            ("村级集体经济收入", 20000000, "元", "target", "level"),
            ("亿元以上项目", 5, "个", "target", "level"),
        ],
    )


def test_offsets_point_into_the_normalised_text():
    for path in sorted(FIXTURES.glob("*.txt")):
        report = parse(path)
        for fact in report.facts:
            assert report.text[fact.start : fact.end] == fact.quote
        for section in report.sections:
            assert report.text[section.start : section.end] == section.heading


def test_to_dict_has_the_schema_keys_plus_offsets():
    data = parse(FIXTURES / "county_qinghe.txt").to_dict()
    assert {"doc", "meta", "sections", "facts"} <= set(data)
    assert data["doc"] == "county_qinghe.txt"
    assert set(data["meta"]) == {
        "jurisdiction",
        "level",
        "parent",
        "review_year",
        "plan_year",
        "meeting",
        "delivered_on",
        "speaker",
        "speaker_title",
    }
    assert set(data["sections"][0]) == {"heading", "part", "start", "end"}
    assert set(data["facts"][0]) == {
        "part",
        "kind",
        "measure",
        "metric",
        "value",
        "unit",
        "approx",
        "commitment",
        "year",
        "quote",
        "start",
        "end",
    }


def _district_report(name: str, body: str) -> str:
    return (
        "政府工作报告\n"
        f"——2024年1月8日在{name}第五届人民代表大会第四次会议上\n"
        "区长 周明\n各位代表：\n"
        "现在，我代表区人民政府向大会报告工作，请予审议。\n"
        "一、2023年工作回顾\n"
        f"一年来，在市委、市政府和区委的坚强领导下，{body}全区地区生产总值增长5.2%。\n"
        "二、2024年工作安排\n今年全区一般公共预算收入增长5%左右。\n"
    )


def test_a_district_names_its_city_only_in_passing_and_the_division_list_completes_it():
    # 和平区 exists in two cities: the one the report mentions is the parent
    tianjin = parse(_district_report("和平区", "我们主动对接天津港和滨海新区，"), text_only=True)
    assert (tianjin.meta.jurisdiction, tianjin.meta.level, tianjin.meta.parent) == (
        "和平区",
        "county",
        "天津市",
    )
    shenyang = parse(_district_report("和平区", "沈阳故宫周边街区完成改造，"), text_only=True)
    assert shenyang.meta.parent == "沈阳市"
    # a county of a league (盟) mentioned by its short name
    banner = parse(_district_report("正蓝旗", "锡林郭勒草原生态保护持续加强，"), text_only=True)
    assert banner.meta.parent == "锡林郭勒盟"


def test_no_city_is_guessed_when_the_report_does_not_mention_it_or_mentions_two():
    silent = parse(_district_report("和平区", "城市更新持续推进，"), text_only=True)
    assert silent.meta.jurisdiction == "和平区" and silent.meta.parent is None
    both = parse(_district_report("和平区", "与天津、沈阳两地企业签约，"), text_only=True)
    assert both.meta.parent is None
    unknown = parse(_district_report("青岚区", "对接天津港，"), text_only=True)  # not an official division
    assert unknown.meta.jurisdiction == "青岚区" and unknown.meta.parent is None
