"""Round 16: the kinds and numbers of facts in passages (report excerpts, news readings of a report,
accounts of a plan's progress) and shares written as fractions."""

from luoshi.reports.reader import numbers, parse


def _parsed(text: str):
    return parse(text, text_only=True)


def _kinds(text: str) -> list[tuple[float, str]]:
    return [(f.value, f.kind) for f in _parsed(text).facts]


# --- a report's review passage dated in its title ---------------------------------------------------


REVIEW_EXCERPT = (
    "导航\n\n(青山省)青禾市人民政府工作报告(2031年3月20日)\n\n"
    "  (三)注重招商引资,发展后劲持续增强。举办系列招商活动,签约省外项目86个,总投资320亿元。"
    "58个市重点工程项目完成投资96.5亿元。\n\n"
    "  (四)注重城乡建设,功能品质稳步提升。全市开工改造老旧小区27个,完成清洁取暖改造1.2万户,"
    "PM2.5浓度同比下降3%,新建美丽乡村示范区6个。\n"
)


def test_an_excerpt_of_a_reports_review_without_a_word_of_a_plan_reviews_the_year_before():
    report = _parsed(REVIEW_EXCERPT)
    assert (report.meta.review_year, report.meta.plan_year) == (2030, 2031)
    assert {f.kind for f in report.facts} == {"actual"}
    assert {f.year for f in report.facts} == {2030}
    assert {f.part for f in report.facts} == {"review"}


def test_an_excerpt_that_tells_what_is_to_be_done_stays_a_plan():
    text = (
        "(青山省)青禾市人民政府工作报告(2031年3月20日)\n\n"
        "  (三)加快招商引资,着力增强发展后劲。全年力争签约省外项目90个,确保完成投资100亿元。"
        "大力推进城市更新,开工改造老旧小区30个,完成清洁取暖改造1万户。\n"
    )
    report = _parsed(text)
    assert report.meta.review_year is None
    assert {f.kind for f in report.facts} == {"target"}


# --- a news reading of a report's results ------------------------------------------------------------


def test_an_estimate_in_a_reading_of_a_years_results_is_actual():
    text = (
        "青山省第九届人大二次会议在青禾召开。代省长向大会作政府工作报告。下面一起来看看这份成绩单。\n"
        "经济运行总体平稳\n"
        "预计全省地区生产总值1.6万亿元,增长6%\n"
        "规模以上工业增加值增长7%\n"
        "预计城乡居民人均可支配收入分别增长7.5%左右、8.2%左右\n"
    )
    facts = _parsed(text).facts
    assert [(f.value, f.kind) for f in facts] == [
        (1600000000000, "actual"),
        (6, "actual"),
        (7, "actual"),
        (7.5, "actual"),
        (8.2, "actual"),
    ]
    assert all(f.commitment is None for f in facts)


def test_an_estimate_in_a_news_item_of_a_plan_is_still_a_target():
    text = (
        "青禾市设定今年经济增长目标\n"
        "青禾市政府工作报告提出,今年全市地区生产总值增长5%左右,同时货物进出口总额预计增长3%。\n"
    )
    assert ("target" in {k for _, k in _kinds(text)}) and dict(_kinds(text))[3] == "target"


# --- an account of a plan's progress under a catalogue's table ----------------------------------------


def test_an_account_titled_in_a_catalogue_table_tells_what_was_done_in_the_plan_year():
    text = (
        "青禾县石桥镇人民政府\n"
        "标题: 石桥镇2031年《政府工作报告》重点任务第二季度进展情况\n"
        "索引号: 0000/2031-0001 文号:\n"
        "发文日期: 2031-07-08 发布机构: 石桥镇人民政府\n\n"
        "目标任务\n\n工作进展\n\n"
        "二季度,镇主要负责同志赴外地开展招商活动3次,到位市外资金820万元,新增入库企业12家。\n"
    )
    report = _parsed(text)
    assert [(f.value, f.kind, f.year) for f in report.facts] == [
        (3, "actual", 2031),
        (8200000, "actual", 2031),
        (12, "actual", 2031),
    ]


def test_a_catalogue_title_that_names_no_account_changes_nothing():
    text = (
        "青禾县石桥镇人民政府\n"
        "标题: 石桥镇2031年重点工作安排\n"
        "发文日期: 2031-02-08 发布机构: 石桥镇人民政府\n\n"
        "2031年,全镇将新建村级卫生室4个,改造农村公路12公里。\n"
    )
    assert {k for _, k in _kinds(text)} == {"target"}


# --- shares written as fractions or in tenths ---------------------------------------------------------


def test_a_share_written_as_a_fraction_or_in_tenths_is_a_rate_in_percent():
    text = (
        "2030年成绩单\n"
        "光伏组件产量:增长35%,占全国1/5\n"
        "集成电路产量:增长18.5%,占全国超3成\n"
        "辖区社会消费品零售总额2.4亿元,占全市比重四分之一。\n"
    )
    got = [(f.value, f.unit, f.measure) for f in _parsed(text).facts]
    assert got == [
        (35, "%", "growth"),
        (20, "%", "rate"),
        (18.5, "%", "growth"),
        (30, "%", "rate"),
        (240000000, "元", "level"),
        (25, "%", "rate"),
    ]


def test_a_fraction_or_tenths_without_a_share_before_them_are_no_numbers():
    for text in (
        "完成全年任务的三分之二,建成4成以上村级广场。",  # (no 占, 比重 or 比例 before them)
        "占地面积1.2万平方米,建成后可容纳学生800人。",  # (成 after a verb, not after a numeral)
        "青禾路1/2段改造完工。",
    ):
        assert all(t.unit != "%" for t in numbers.scan(text)), text


def test_a_share_scan_finds_one_third_as_a_rounded_percentage():
    s = "占全镇比重三分之一"
    tokens = numbers.scan(s)
    assert [(s[t.start : t.end], t.value, t.unit) for t in tokens] == [("三分之一", 33.33, "%")]


def test_a_bare_trillion_after_a_qualifier_is_a_number():
    facts = _parsed("2030年,青山省旅游总收入突破万亿元,接待游客8.2亿人次。\n").facts
    assert [(f.value, f.unit, f.approx) for f in facts][0] == (1000000000000, "元", "突破")


def test_a_trillion_in_a_slogan_is_no_number():
    assert all(t.value != 10**12 for t in numbers.scan("实现“三年过万亿”目标"))


# --- the amount of a target named beside it ------------------------------------------------------------


def test_the_amount_of_a_target_set_from_above_or_for_the_year_is_a_target():
    text = (
        "一、2030年工作回顾\n"
        "全区固定资产投资超额完成96亿元市定目标,货物贸易超额完成年度指标2.1亿元,"
        "招商引资到位资金完成8亿元年度目标,新增市场主体1200户。\n"
    )
    assert _kinds(text) == [
        (9600000000, "target"),
        (210000000, "target"),
        (800000000, "target"),
        (1200, "actual"),
    ]


def test_a_goal_stated_with_what_it_measures_is_a_target_in_a_review():
    text = (
        "一、2030年工作回顾\n"
        "青山省“十五五”时期的目标为经济总量跨越8万亿元,2030年全省地区生产总值达到6.1万亿元。\n"
    )
    assert _kinds(text) == [(8000000000000, "target"), (6100000000000, "actual")]


def test_a_goal_met_is_still_what_was_done():
    text = "一、2030年工作回顾\n全年目标全面完成,地区生产总值达到6.1万亿元。\n"
    assert _kinds(text) == [(6100000000000, "actual")]
