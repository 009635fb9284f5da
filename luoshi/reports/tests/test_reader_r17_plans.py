"""Round 17: facts and sections of plan texts (news digests of a report's plan, plan parts, yearly
plans): which numbers are targets and which tell of a year already past, and the headings of a digest.

Every sentence here is made up for its test (invented places); none comes from a report.
"""

from luoshi.reports.reader import parse


def _parsed(text: str):
    return parse(text, text_only=True)


def _kinds(text: str) -> dict[float, str]:
    return {f.value: f.kind for f in _parsed(text).facts}


# --- a digest of a year's plan that first tells how the year before went -----------------------------

PLAN_NEWS = (
    "本报记者 王青 报道 2月3日，青山省省长李禾在省政府工作报告中指出，预计青山2030年全省生产总值"
    "增长4.2%左右，地方财政收入增长7.3%，主要指标好于预期。\n\n"
    "2031年青山省经济社会发展的主要预期目标是：全省生产总值增长5.5%左右，固定资产投资增长8%以上。\n\n"
    "2030年柳湾新区完成投资增长17%，新区建设取得重要进展。2031年青山将争取40家企业总部落户柳湾新区。\n"
)


def test_a_year_before_the_plan_told_in_a_digest_of_the_plan_is_actual():
    kinds = _kinds(PLAN_NEWS)
    assert kinds[4.2] == "actual" and kinds[7.3] == "actual"  # (预计 of a year already past)
    assert kinds[17] == "actual"
    assert kinds[5.5] == "target" and kinds[8] == "target" and kinds[40] == "target"


# --- the headings of a news digest of a report's plan ------------------------------------------------

DIGEST = (
    "2031年青禾区要做什么？政府工作报告这样安排\n\n"
    "2031-01-20 09:00 来源：青禾日报\n\n"
    "本报讯 1月20日，青禾区第五届人民代表大会第三次会议开幕。区政府工作报告对2031年全区的主要工作进行了安排。\n\n"
    "青禾区第五届人民代表大会第三次会议现场。\n\n"
    "全力服务柳湾新城建设\n\n"
    "加快柳湾大道二期、城东污水处理厂等一批重点项目征收工作，完善新城路网结构，推动新城产城融合发展。\n\n"
    "推动重大项目早日落地\n\n"
    "推动柳湾大桥等20个项目竣工，保障城北安置房等86个续建项目加快推进，推动一批产业项目年内开工。\n\n"
    "激发夜间消费活力，打造沿河商业街区，推出柳湾“渔火节”等活"
)


def test_short_lines_between_paragraphs_of_a_plan_digest_are_its_plan_headings():
    sections = _parsed(DIGEST).sections
    assert [(s.heading, s.part) for s in sections] == [
        ("全力服务柳湾新城建设", "plan"),
        ("推动重大项目早日落地", "plan"),
    ]


def test_one_such_line_or_a_story_that_sets_out_no_plan_has_no_headings():
    one = DIGEST.replace("推动重大项目早日落地", "推动重大项目早日落地。")
    assert _parsed(one).sections == []
    story = DIGEST.replace("对2031年全区的主要工作进行了安排", "听取了各位代表的意见").replace(
        "这样安排", "审议通过"
    )
    assert _parsed(story).sections == []


def test_a_digests_labels_of_what_was_done_and_what_is_to_be_done_are_its_parts():
    text = (
        "省政府工作报告“三农”要点\n发布时间：2031-02-01\n\n回头看\n\n新建高标准农田80万亩\n\n新改建农村公路3000公里\n\n"
        "怎么干\n\n新建高标准农田60万亩以上\n"
    )
    assert [(s.heading, s.part) for s in _parsed(text).sections] == [("回头看", "review"), ("怎么干", "plan")]


def test_an_excerpt_under_a_heading_of_the_years_targets_plans_and_reviews_nothing():
    text = (
        "政府工作报告\n\n王青在青禾市五届人大三次会议上的政府工作报告（摘登）\n\n2031年01月15日 来源：青禾日报\n\n"
        "2031年全区发展总体要求和主要目标\n\n"
        "今年经济社会发展的主要预期目标是：地区生产总值增长6%左右，固定资产投资增长7%左右，城镇新增就业3.2万人。\n"
    )
    report = _parsed(text)
    assert [(s.heading, s.part) for s in report.sections] == [("2031年全区发展总体要求和主要目标", "plan")]
    assert (report.meta.review_year, report.meta.plan_year) == (None, 2031)
    assert {f.kind for f in report.facts} == {"target"}


def test_a_page_titled_with_the_governments_plan_has_no_heading_in_its_title():
    text = (
        "头部\n2031年柳湾镇政府工作安排\n【字体:\n"
        "今年是全面推进乡村振兴的关键一年，镇政府将在镇党委的领导下，重点抓好产业、城镇和民生三方面工作。\n"
    )
    assert _parsed(text).sections == []


# --- an account of a plan's progress: each task set beside what was done of it -----------------------

ACCOUNT = (
    "标题: 柳湾镇2031年《政府工作报告》重点任务第一季度进展情况\n"
    "发布日期:2031-04-10\n\n"
    "目标任务\n\n工作进展、取得成效\n\n"
    "健全招商引资专班工作机制，全年新签约亿元项目5个以上，落地飞地项目2个。\n\n"
    "一季度，镇主要负责同志赴外地开展招商活动3次，到位市外资金420万元，在谈项目7个。\n\n"
    "压实耕地保护责任，新建高标准农田3000亩，确保粮食产量稳中有增。\n\n"
    "完成农田设计单位招标，开展项目区测量。\n"
)


def test_an_accounts_task_paragraphs_are_targets_and_its_progress_actual():
    kinds = _kinds(ACCOUNT)
    assert kinds[5] == "target" and kinds[2] == "target" and kinds[3000] == "target"
    assert kinds[3] == "actual" and kinds[4200000] == "actual" and kinds[7] == "actual"


def test_a_headline_that_states_this_years_goal_in_a_review_and_plan_digest_is_a_target():
    text = (
        "2月20日，青禾市第九届人民代表大会第三次会议开幕。政府工作报告总结了2030年工作成绩、部署了2031年重点工作。\n"
        "锚定发展目标 今年生产总值增长6%以上\n"
        "在刚刚过去的2030年，青禾实现地区生产总值3280亿元，同比增长5.1%。\n"
    )
    kinds = _kinds(text)
    assert kinds[6] == "target"
    assert kinds[328000000000] == "actual" and kinds[5.1] == "actual"


def test_the_peers_a_place_stands_among_in_a_plan_are_there_already():
    text = "一、2031年工作安排\n我们要在全市28个镇街中脱颖而出，必须加力赶超。全年新建标准厂房5万平方米。\n"
    kinds = _kinds(text)
    assert kinds[28] == "actual" and kinds[50000] == "target"


# --- where the counted come from names nothing measured -----------------------------------------------


def test_the_origin_of_the_delegates_is_no_part_of_the_metric():
    text = (
        "1月8日，柳湾镇第十九届人民代表大会第三次会议召开，来自全镇各个行业的58名人大代表出席会议，"
        "来自各村各单位的人大代表90余人参加。会议审议了政府工作报告。\n"
    )
    metrics = {f.value: f.metric for f in _parsed(text).facts}
    assert metrics[58].startswith("人大代表")
    assert metrics[90].startswith("人大代表")


def test_a_capacity_in_gigawatts_or_megawatts_is_a_fact_in_its_unit():
    facts = _parsed("今年，青禾将加快风光基地建设，力争新能源并网装机12GW以上，建成储能电站300MW。\n").facts
    assert [(f.value, f.unit, f.approx) for f in facts] == [(12, "GW", "以上"), (300, "MW", None)]


def test_a_news_items_commitment_word_is_kept_as_written_in_traditional_characters():
    text = "青禾市政府工作報告提出，今年將加快風光基地建設，力爭新能源並網裝機1500萬千瓦以上。\n"
    facts = _parsed(text).facts
    assert [(f.kind, f.commitment) for f in facts] == [("target", "力爭")]


def test_a_units_rating_in_the_name_of_the_works_is_no_capacity_built():
    text = "今年，青禾电厂二期2×350MW扩建工程开工，力争新增光伏装机800MW。\n"
    assert [(f.value, f.unit) for f in _parsed(text).facts] == [(800, "MW")]


def test_a_headingless_digests_targets_are_the_plans_and_its_year_past_the_reviews():
    parts = {f.value: (f.kind, f.part) for f in _parsed(PLAN_NEWS).facts}
    assert parts[4.2] == ("actual", "review") and parts[17] == ("actual", "review")
    assert parts[5.5] == ("target", "plan") and parts[40] == ("target", "plan")


def test_an_account_of_a_plans_progress_tells_of_the_plan_throughout():
    assert {f.part for f in _parsed(ACCOUNT).facts} == {"plan"}
