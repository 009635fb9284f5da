"""Round 17: facts of openings and passages — round figures restating an amount, a plan's completion
rate, the count of a list a vote chose.

Every sentence here is made up for its test (invented places); none comes from a report.
"""

from luoshi.reports.reader import parse


def _facts(text: str):
    return parse(text, text_only=True).facts


HEAD = "青禾县2031年政府工作报告\n一、2030年工作回顾\n"


# --- a round figure passed right after the amount that passed it ------------------------------------


def test_a_round_figure_in_digits_after_the_amount_says_it_again():
    facts = _facts(HEAD + "全县税收收入完成31.6亿元，首次突破30亿元关口，同比增长7%。\n")
    assert [(f.value, f.unit) for f in facts] == [(3160000000, "元"), (7, "%")]


def test_a_round_figure_in_digits_passed_before_the_amount_is_kept():
    facts = _facts(HEAD + "全县生产总值跨过80亿元大关，达到83.5亿元。\n")
    assert [f.value for f in facts] == [8000000000, 8350000000]


def test_a_round_figure_alone_is_the_fact():
    facts = _facts(HEAD + "柳湾园区工业总产值突破60亿元大关。\n")
    assert [f.value for f in facts] == [6000000000]


# --- what was done of a planned investment ------------------------------------------------------------


def test_the_completion_rate_of_a_planned_investment_is_actual():
    facts = _facts(HEAD + "46个县级重点项目完成投资52亿元，年度计划投资完成率108.3%。\n")
    assert [(f.value, f.kind, f.commitment) for f in facts] == [
        (46, "actual", None),
        (5200000000, "actual", None),
        (108.3, "actual", None),
    ]


def test_a_planned_investment_in_the_review_is_still_a_target():
    facts = _facts(HEAD + "柳湾物流园开工建设，计划总投资6亿元。\n")
    assert [(f.value, f.kind, f.commitment) for f in facts] == [(600000000, "target", "计划")]


# --- the count of a list a vote chose, the list named before its count ----------------------------------

NEWS = "青禾镇召开第五届人民代表大会第三次会议\n"


def test_a_voted_list_named_before_its_count_is_the_years_target():
    facts = _facts(NEWS + "会议听取了政府工作报告，并以投票表决方式通过了青禾镇2031年民生实事项目共4个。\n")
    assert [(f.value, f.kind) for f in facts] == [(4, "target")]


# --- 万 before women counts people ---------------------------------------------------------------------


def test_wan_before_women_of_an_age_counts_people():
    facts = _facts("青禾县2031年政府工作报告\n二、2031年工作安排\n为2.4万农村适龄妇女免费开展健康检查。\n")
    assert [(f.value, f.unit) for f in facts] == [(24000, "人")]


# --- an age range says who is counted, it counts nothing -------------------------------------------------


def test_an_age_range_is_no_fact_and_no_part_of_the_noun():
    facts = _facts(
        "青禾县2031年政府工作报告\n二、2031年工作安排\n为全县3000名35-64岁的群众免费开展眼底病筛查。\n"
    )
    assert [(f.value, f.unit) for f in facts] == [(3000, "名")]
    assert "岁" not in facts[0].metric and "眼底病筛查" in facts[0].metric


# --- who acted together is no count of work --------------------------------------------------------------


def test_departments_acting_together_are_no_fact():
    facts = _facts(HEAD + "柳湾化工园通过省6部门联合认定，新入园企业9家。\n")
    assert [(f.value, f.unit) for f in facts] == [(9, "家")]


def test_a_leaders_visits_are_no_fact():
    facts = _facts(HEAD + "国务院领导三次视察青禾，全县新增就业岗位4200个。\n")
    assert [(f.value, f.unit) for f in facts] == [(4200, "个")]


# --- a line that ends on a rank does not make the next line's number an ordinal -------------------------


def test_a_count_opening_the_line_after_a_rank_is_a_fact():
    facts = _facts(HEAD + "新签约项目履约率位居全市前列\n9个新品种通过省级审定\n")
    assert [(f.value, f.unit) for f in facts] == [(9, "个")]


def test_a_rank_wrapped_over_two_lines_stays_a_rank():
    facts = _facts(HEAD + "全县综合考评位列全市第\n2名，新增市场主体1200户。\n")
    assert [(f.value, f.unit) for f in facts] == [(1200, "户")]


def test_the_works_of_a_voted_list_told_after_it_are_targets():
    facts = _facts(
        NEWS + "会议票决了青禾镇2031年民生实事项目，包括修缮柳湾渡口，新建60座乡村公厕，改造溪口小学操场。\n"
    )
    assert [(f.value, f.kind) for f in facts] == [(60, "target")]


def test_works_a_vote_chose_and_already_done_stay_actual():
    facts = _facts(NEWS + "去年票决的民生实事项目，包括新建60座乡村公厕，已全部完成。\n")
    assert [f.kind for f in facts] == ["actual"]


# --- a growth target named after the number ----------------------------------------------------------------


def test_a_growth_named_a_target_after_its_number_is_a_target():
    facts = _facts(HEAD + "三年来年均增速达6.4%，为实现五年年均6%的增长目标打下了基础。\n")
    assert [(f.value, f.kind) for f in facts] == [(6.4, "actual"), (6, "target")]


# --- the works a later year is given, counted in a news item ------------------------------------------------


def test_the_works_a_later_year_is_given_are_its_targets():
    text = (
        "青禾县2031年政府工作报告审议会召开\n"
        "代表们表示，报告客观回顾了2030年工作。"
        "主任指出，报告提出的2031年工作重点具体务实，6个工作重点，10件民生实事，指明了方向。\n"
    )
    facts = _facts(text)
    assert [(f.value, f.kind, f.year) for f in facts] == [(6, "target", 2031), (10, "target", 2031)]


# --- whence the people counted came is no part of what is counted -------------------------------------------


def test_whence_the_delegates_came_is_not_the_metric():
    facts = _facts(NEWS + "来自全镇各条战线的64名人大代表齐聚一堂，共商柳湾发展大计。\n")
    assert [f.value for f in facts] == [64]
    assert facts[0].metric.startswith("人大代表")


# --- a count of projects followed by their names ----------------------------------------------------------


def test_a_count_of_projects_followed_by_their_names_restates_them():
    facts = _facts(HEAD + "2个县级重点项目柳湾纸业扩建项目、溪口食品技改项目均已建成投产，新增产值3亿元。\n")
    assert [f.value for f in facts] == [300000000]


# --- an amount owned by the last thing of a list closed by 等 -----------------------------------------------


def test_the_amount_of_the_last_named_thing_before_deng_is_its_own():
    facts = _facts(HEAD + "开工建设投资3亿元的柳湾冷链物流园、投资1.2亿元的溪口茶叶加工基地等一批项目。\n")
    assert [f.value for f in facts] == [300000000, 120000000]
    assert "溪口茶叶加工基地" in facts[1].metric


# --- subjects that moved together, each with its own value ---------------------------------------------------


def test_subjects_raised_together_take_their_values_in_order():
    facts = _facts(
        HEAD
        + "城乡低保标准提升至每人每月900元，孤儿基本生活标准、残疾人护理补贴标准同步提升至每人每月1600元、150元。\n"
    )
    assert [(f.value, f.metric) for f in facts][1:] == [
        (1600, "孤儿基本生活标准"),
        (150, "残疾人护理补贴标准"),
    ]
