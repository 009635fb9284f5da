"""Facts and metadata: kinds of phrase the thirteenth round's development texts showed the reader
reading otherwise than the annotators, each on a made-up text.

None of these sentences is copied from a real report; each reproduces only the *kind* of phrase
that failed.
"""

from __future__ import annotations

from luoshi.reports.reader import numbers, parse


def _parsed(text: str):
    return parse(text, text_only=True)


def _facts(text: str):
    return [(f.value, f.unit, f.kind, f.measure) for f in _parsed(text).facts]


def _metrics(text: str):
    return {f.value: f.metric for f in _parsed(text).facts}


_REVIEW = "一、2030年工作回顾\n"


def test_thousands_set_apart_by_a_space_make_one_number():
    text = _REVIEW + "全年完成固定资产投资2 000万元，新修村道1 250米，发放补贴12 500 000元。\n"
    facts = _facts(text)
    assert (20_000_000, "元", "actual", "level") in facts
    assert (1250, "米", "actual", "level") in facts
    assert (12_500_000, "元", "actual", "level") in facts
    assert len(facts) == 3
    assert _metrics(text)[20_000_000] == "固定资产投资"


def test_a_space_before_the_unit_or_a_short_group_joins_nothing():
    values = [t.value for t in numbers.scan("种植小麦3 5亩，完成2 000 万元")]
    assert 35 not in values and 20_000_000 not in values


def test_numbers_in_the_cells_of_a_table_line_stay_apart():
    values = [t.value for t in numbers.scan("产值 12.5 120 150万元\n税收  90 130 160万元\n")]
    assert 1_500_000 in values and 1_600_000 in values
    assert not any(v > 1e8 for v in values)


def test_a_zero_padded_list_number_before_a_space_opens_no_metric():
    text = _REVIEW + "一是改善人居环境。\n04 新建公厕5座\n05、改造农村户厕120户\n"
    metrics = _metrics(text)
    assert metrics[5] == "新建公厕"
    assert metrics[120] == "改造农村户厕"


def test_a_zero_padded_number_inside_a_line_is_kept():
    text = _REVIEW + "全镇新建公厕5座，其中03号地块2座。\n"
    assert (5, "座", "actual", "level") in _facts(text)


def test_a_congress_news_of_a_term_s_results_reviews_the_year_before():
    text = (
        "青禾省晒出五年成绩单\n2031年01月10日 | 来源：青禾日报\n"
        "1月10日，青禾省第九届人民代表大会第一次会议开幕，省长李青山作政府工作报告。\n"
        "过去五年，全省新建铁路420公里，高新技术企业达到1200家。\n"
    )
    report = _parsed(text)
    assert report.meta.review_year == 2030
    assert {f.kind for f in report.facts} == {"actual"}


def test_the_paragraphs_after_a_plan_year_s_paragraph_tell_the_plan():
    text = (
        "青禾省政府工作报告发布\n2031年01月20日 | 来源：青禾日报\n"
        "1月20日，青禾省第九届人民代表大会第三次会议开幕，省长李青山作政府工作报告。\n"
        "2030年，全省新增城镇就业46万人。\n"
        "2031年，报告部署了全年任务。\n"
        "报告提出了几项重点。\n"
        "扩大有效投资。确保重点项目完成投资600亿元以上，新开工项目120个。\n"
    )
    kinds = {f.value: f.kind for f in _parsed(text).facts}
    assert kinds[460_000] == "actual"
    assert kinds[60_000_000_000] == "target" and kinds[120] == "target"


def test_the_plan_s_paragraphs_end_where_one_looks_back():
    text = (
        "青禾省政府工作报告发布\n2031年01月20日 | 来源：青禾日报\n"
        "1月20日，青禾省第九届人民代表大会第三次会议开幕，省长李青山作政府工作报告。\n"
        "2030年，全省新增城镇就业46万人。\n"
        "2031年，全省将新开工项目120个。\n"
        "过去一年，全省新建口袋公园52个。\n"
    )
    kinds = {f.value: f.kind for f in _parsed(text).facts}
    assert kinds[120] == "target"
    assert kinds[52] == "actual"


_NOTICE = (
    "| 索引号：0000/2030-001 | |\n| 发文机关：青禾镇人民政府 | 主题词：工作计划 |\n"
    "| 标题：青禾镇人民政府2031年工作计划 | |\n"
    "一是壮大村级经济。2031年，全镇共谋划项目3个：\n"
    "（一）甲乙冷链物流项目：总投资650万元，占地40余亩，目前正在办理用地手续。\n"
)


def test_a_notice_s_title_field_names_the_year_it_plans():
    report = _parsed(_NOTICE)
    assert report.meta.plan_year == 2031
    assert {f.kind for f in report.facts} == {"target"}


def test_a_notice_s_issuing_office_names_the_place():
    meta = _parsed(_NOTICE).meta
    assert (meta.jurisdiction, meta.level) == ("青禾镇", "town")


def test_land_taken_up_is_no_share_of_the_amount_before():
    text = "二、2031年工作安排\n（一）甲乙冷链物流项目：总投资650万元，占地40亩。\n"
    assert _metrics(text)[40] == "占地"


def test_this_project_is_the_project_its_line_names():
    text = "二、2031年工作安排\n（二）丙丁农机服务中心项目：该项目总投资280万元，占地15亩。\n"
    assert _metrics(text)[2_800_000] == "丙丁农机服务中心项目总投资"


def test_counts_of_names_introduced_by_ji_restate_the_list():
    text = (
        _REVIEW + "推出两个文化品牌（即：甲乙灯会、丙丁庙会）和三条研学线路（即：甲线、乙线、丙线），"
        "全年接待研学学生2.6万人次。\n"
    )
    assert [f[0] for f in _facts(text)] == [26_000]


def test_a_report_s_year_in_brackets_after_its_title():
    text = (
        "（青禾）青禾县人民政府工作报告（2031年）\n"
        "——过去一年，我们着力改善民生。新建养老服务站14个，发放救助资金1.8亿元。\n"
    )
    report = _parsed(text)
    assert (report.meta.review_year, report.meta.plan_year) == (2030, 2031)
    assert {f.kind for f in report.facts} == {"actual"}


def test_a_year_s_list_opened_after_an_account_of_the_year_before_is_planned():
    text = (
        "青禾镇公布八件民生实事\n时间：2031-02-20\n"
        "2月18日，青禾镇第五届人民代表大会第三次会议召开。\n"
        "会上，代表们审议了《2030年民生实事项目完成情况的报告》。\n"
        "据悉，青禾镇2031年八件民生实事分别是：\n"
        "一、改造老旧供水管网6公里；新建村级卫生室4个。\n"
        "二、完成5个村的污水收集试点工作。\n"
    )
    report = _parsed(text)
    assert report.meta.plan_year == 2031
    assert {f.kind for f in report.facts} == {"target"}


def test_a_year_s_list_told_done_stays_an_account():
    text = (
        "青禾镇民生实事办结\n时间：2032-01-15\n"
        "青禾镇2031年八件民生实事分别是：\n"
        "一、改造老旧供水管网6公里，已全部完成。\n"
    )
    assert {f.kind for f in _parsed(text).facts} == {"actual"}


_ACCOUNT = (
    "青禾区2030年民生实事项目完成情况\n"
    "（一）新建口袋公园12个\n新建口袋公园15个，超额完成全年任务。\n"
    "（二）改造背街小巷30条\n改造背街小巷34条，超额完成全年任务。\n"
    "（三）新增公共停车位800个\n新增公共停车位960个，超额完成全年任务。\n"
    "（四）建成社区食堂5家\n建成社区食堂7家，超额完成全年任务。\n"
    "（五）更新老旧电梯40台\n更新老旧电梯46台，超额完成全年任务。\n"
    "（六）新建智慧安防小区10个\n在各街道新建智慧安防小区11个。\n"
)


def test_an_entry_s_heading_over_a_task_passed_states_the_task():
    kinds = {f.value: f.kind for f in _parsed(_ACCOUNT).facts}
    assert kinds[12] == "target" and kinds[15] == "actual"
    assert kinds[30] == "target" and kinds[34] == "actual"
    assert kinds[800] == "target" and kinds[960] == "actual"


def test_every_entry_heading_of_an_account_states_its_task():
    kinds = {f.value: f.kind for f in _parsed(_ACCOUNT).facts}
    assert kinds[10] == "target" and kinds[11] == "actual"


def test_entry_headings_of_a_review_that_passes_no_task_stay_what_was_done():
    text = (
        "青禾区2030年工作总结\n"
        "（一）新建口袋公园12个\n在各街道新建口袋公园，惠及居民3万人。\n"
        "（二）改造背街小巷30条\n改造后路面整洁，群众满意。\n"
    )
    assert {f.kind for f in _parsed(text).facts} == {"actual"}


def test_a_clause_that_ends_many_lines_alike_is_the_text_s_own():
    assert _parsed(_ACCOUNT).text.count("超额完成全年任务") == 5


def test_beds_counted_in_pu_and_visits_in_a_bare_round_number():
    facts = _facts(_REVIEW + "改造农村火炕2.6万余铺，新修道路3公里铺设沥青，景区全年接待游客百万人次。\n")
    assert (26_000, "铺", "actual", "level") in facts
    assert (3, "公里", "actual", "level") in facts
    assert (1_000_000, "人次", "actual", "level") in facts
    assert len(facts) == 3


def test_the_whole_place_read_from_a_sentence_names_no_jurisdiction():
    text = (
        "2031年是实现规划目标任务的关键一年，奋力开创现代化甲乙旗建设崭新局面。\n"
        "根据2031年全旗经济社会发展计划，建议主要预期目标确定为：地区生产总值增长6%左右。\n"
    )
    assert _parsed(text).meta.jurisdiction != "全旗"


def test_an_entry_s_number_is_no_list_of_names_before_a_count():
    text = "二、2031年工作安排\n三、完成2个村的污水收集试点工作；新增绿化3000平方米。\n四、甲村、乙村2个村完成改造。\n"
    facts = _parsed(text).facts
    assert {f.value: f.metric for f in facts}[2] == "村的污水收集试点工作"
    assert [f.value for f in facts] == [2, 3000]  # (甲村、乙村2个村: the count restates the names)


def test_a_congress_held_over_days_gives_no_day_but_its_years():
    # (the convention, docs/reader-conventions.md: a meeting's span is no day the report was delivered)
    text = (
        "青禾乡召开第十八届人民代表大会第五次会议\n"
        "青禾乡第十八届人民代表大会第五次会议于2030年12月28日至29日召开。"
        "会上，代表们听取了青禾乡人民政府2030年工作报告。\n"
    )
    meta = _parsed(text).meta
    assert meta.delivered_on is None
    assert (meta.review_year, meta.plan_year) == (2030, 2031)


def test_a_bracketed_district_over_a_passage_names_the_place():
    text = (
        "青禾各区2031年重点工作一览\n2031年01月17日 | 来源：青禾日报\n【甲乙区】\n"
        "甲乙2031年主要预期目标是：地区生产总值增长6%，固定资产投资完成85亿元。\n"
    )
    meta = _parsed(text).meta
    assert (meta.jurisdiction, meta.level) == ("甲乙区", "county")


def test_the_candidates_a_list_is_voted_from_are_counted():
    text = (
        "青禾县票决产生今年10项民生实事\n"
        "2月10日，青禾县第九届人民代表大会第四次会议投票表决了今年要办的10项民生实事。"
        "会前，县政府从群众建议中梳理出20项民生实事候选项目，提交大会票决。\n"
    )
    kinds = {f.value: f.kind for f in _parsed(text).facts}
    assert kinds.get(20) == "actual"


def test_a_dispatch_s_lead_is_no_part_of_a_metric():
    metric = _metrics("青禾新闻网讯(记者李青)全县今年新建乡镇卫生院2所、村级活动场所15个。\n")[2]
    assert metric.endswith("新建乡镇卫生院") and "讯" not in metric


def test_a_subheading_told_again_by_its_paragraph_is_one_fact():
    text = (
        "青禾省政府工作报告解读\n2031年01月20日 | 来源：青禾日报\n"
        "1月20日，青禾省第九届人民代表大会第三次会议开幕。\n"
        "新建学校5所\n"
        "围绕群众所盼，全省今年将新建学校5所，新增学位3000个。\n"
        "新增就业1.2万人\n"
        "全省新增就业1.2万人。\n"
    )
    values = [f.value for f in _parsed(text).facts]
    assert values.count(5) == 1 and values.count(12_000) == 1 and 3000 in values


def test_a_headline_that_ends_on_the_list_done_reviews_its_year():
    text = (
        "民生答卷｜2030年青禾县16项民生实事完成 2031年01月08日\n"
        "2030年青禾县安排的16项民生实事已全部完成，具体情况如下：\n"
        "（一）新建口袋公园12个\n新建口袋公园15个，超额完成全年任务。\n"
    )
    meta = _parsed(text).meta
    assert (meta.review_year, meta.plan_year) == (2030, None)


def test_a_town_led_by_its_party_committee_is_no_province_named_in_passing():
    text = (
        "2030年\n工作回顾\n"
        "过去一年，我们深入学习贯彻总书记考察青海重要讲话精神，在县委、县政府和乡党委的正确领导下，"
        "推动各项事业高质量发展。\n"
        "2030年全乡实现财政收入1.3亿元，农村居民人均可支配收入21900元，同比增长6%。\n"
    )
    meta = _parsed(text).meta
    assert meta.level == "town"
    assert meta.jurisdiction != "青海省"


def test_an_aside_inside_the_noun_does_not_end_it():
    text = _REVIEW + "新增80个公共(含专用)泊位，新建5所（含民办）幼儿园，完成投资3亿元（含社会资本）。\n"
    metrics = _metrics(text)
    assert metrics[80] == "新增公共(含专用)泊位"
    assert metrics[5] == "新建幼儿园"
    assert metrics[300_000_000] == "投资"
