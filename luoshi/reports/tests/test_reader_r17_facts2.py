"""Round 17, second wave: facts of openings, plan texts and passages — farm output in 担, a harvest's
increase (增产, 减产) as a growth of what was harvested.

Every sentence here is made up for its test (invented places); none comes from a report.
"""

from luoshi.reports.reader import parse


def _facts(text: str):
    return parse(text, text_only=True).facts


HEAD = "青禾镇2031年政府工作报告\n一、2030年工作回顾\n"


# --- a harvest told in 担 and its increase ------------------------------------------------------------


def test_a_harvest_in_dan_is_a_fact_with_its_unit():
    facts = _facts(HEAD + "全镇今年收获油菜籽935担，新栽果苗1.2万株。\n")
    assert [(f.metric, f.value, f.unit) for f in facts][:1] == [("收获油菜籽", 935, "担")]


def test_a_harvest_s_increase_is_a_growth_of_what_was_harvested():
    facts = _facts(HEAD + "全年收获油菜籽935担，增产12.5%；玉米因旱减产8%。\n")
    got = [(f.metric, f.measure, f.value, f.unit) for f in facts]
    assert got == [
        ("收获油菜籽", "level", 935, "担"),
        ("收获油菜籽", "growth", 12.5, "%"),
        ("玉米因旱", "growth", -8, "%"),
    ]


def test_dan_after_a_chinese_numeral_is_no_unit():
    facts = _facts(HEAD + "干部要敢于担当，全年新修村道12公里。\n")
    assert [(f.value, f.unit) for f in facts] == [(12, "公里")]


# --- the works a vote passed, listed after the sentence that tells the vote ---------------------------

_VOTED = (
    "2031年3月2日，青禾街道第三届社区议事会第二次全体会议开幕，街道主任作工作报告。\n"
    "2030年，街道新建社区食堂4个。\n"
    "会议表决通过了2031年与居民生活密切相关的实事项目。它们是：新建口袋公园3个，改造老旧电梯12部，"
    "为独居老人安装烟感报警器500个。\n"
)


def test_works_listed_after_a_vote_of_the_year_s_works_are_to_be_done():
    facts = _facts(_VOTED)
    got = [(f.value, f.kind, f.year) for f in facts]
    assert got == [(4, "actual", 2030), (3, "target", 2031), (12, "target", 2031), (500, "target", 2031)]


def test_works_listed_after_a_meeting_only_heard_of_stay_as_told():
    facts = _facts(_VOTED.replace("表决通过了", "听取了"))
    assert {f.kind for f in facts} == {"actual"}


def test_works_listed_after_the_vote_but_told_done_stay_done():
    facts = _facts(_VOTED.replace("它们是：", "它们是：目前已"))
    assert [f.kind for f in facts] == ["actual"] * 4


# --- 努力实现 in a news item of the years ahead; 平均 kept whole in the metric ---------------------------

_AHEAD = (
    "青禾镇召开人代会\n"
    "会议确定，今后五年，青禾镇将重点建设两大园区。努力实现经济平均增速达到9%以上，"
    "农民人均可支配收入达到3万元以上。\n"
)


def test_striving_to_reach_looks_ahead_in_a_news_item():
    facts = _facts(_AHEAD)
    assert [(f.value, f.kind) for f in facts] == [(9, "target"), (30000, "target")]


def test_an_average_stays_whole_in_the_metric():
    facts = _facts(HEAD + "全镇经济平均增速达到8%，工业增加值增长9%。\n")
    assert facts[0].metric.endswith("经济平均") and facts[0].measure == "growth"


# --- the higher figure striven for after a growth ------------------------------------------------------


def test_the_figure_striven_for_after_a_growth_is_the_same_growth():
    text = "青禾县2031年政府工作报告\n一、2031年主要目标\n全县生产总值增长6%以上、力争达到7%，财政收入增长5%，森林覆盖率达到62%。\n"
    got = [(f.value, f.measure) for f in _facts(text)]
    assert got == [(6, "growth"), (7, "growth"), (5, "growth"), (62, "rate")]


# --- a page's view counter; works listed in a 实事 programme ------------------------------------------


def test_a_page_s_count_of_views_is_no_fact():
    text = "青禾街道召开社区代表会议\n2031-3-2 09:15发布68次查看\n会议增补了5名社区代表。\n"
    assert [(f.value, f.unit) for f in _facts(text)] == [(5, "名")]


_PROGRAMME = (
    "青禾街道社区代表会议召开\n来自各界的代表120余人参加会议。会议增补了5名社区代表，并发布了包括“建成社区食堂、"
    "新增2400户垃圾分类减量、完成四个小区雨污分流改造项目、推进河道整治”等在内的实事项目安排。\n"
)


def test_works_listed_in_a_programme_of_works_are_to_be_done():
    kinds = {f.value: f.kind for f in _facts(_PROGRAMME)}
    assert kinds == {120: "actual", 5: "actual", 2400: "target", 4: "target"}


def test_works_listed_as_done_in_a_programme_stay_done():
    kinds = {f.value: f.kind for f in _facts(_PROGRAMME.replace("包括“", "包括“已"))}
    assert kinds == {120: "actual", 5: "actual", 2400: "actual", 4: "actual"}


# --- a phase in brackets; a page's link to the next item ---------------------------------------------


def test_a_phase_in_brackets_after_a_name_is_no_count():
    text = HEAD + "青禾河道整治项目（一期）完工，新修堤岸3公里。\n青禾小区改造项目(二期)开工。\n"
    assert [(f.value, f.unit) for f in _facts(text)] == [(3, "公里")]


def test_a_link_to_the_next_item_is_no_count():
    text = HEAD + "全镇新修堤岸3公里。\n下一条：青禾镇召开春耕动员会\n上一条：青禾镇举办文艺汇演\n"
    assert [(f.value, f.unit) for f in _facts(text)] == [(3, "公里")]


# --- a rate of change held (增速保持N%) -----------------------------------------------------------------


def test_a_rate_of_change_kept_above_a_figure_is_a_growth():
    text = "青禾县2031年政府工作报告\n一、2031年主要目标\n规上工业产值和服务业营收增速均保持8%以上，森林覆盖率保持62%以上。\n"
    got = [(f.value, f.measure) for f in _facts(text)]
    assert got == [(8, "growth"), (62, "rate")]


# --- 分别 over subjects that name their own measure ---------------------------------------------------


def test_a_rate_and_a_rise_paired_by_fenbie_keep_their_own_measures():
    text = "青禾县2031年政府工作报告\n一、2031年主要目标\n城镇登记失业率、居民消费价格涨幅分别控制在4%和3%以内。\n"
    got = [(f.value, f.measure) for f in _facts(text)]
    assert got == [(4, "rate"), (3, "growth")]


def test_subjects_paired_by_fenbie_with_a_verb_of_change_all_grow():
    text = "青禾县2031年政府工作报告\n一、2031年主要目标\n城镇和农村居民收入分别增长6%和8%。\n"
    assert [f.measure for f in _facts(text)] == ["growth", "growth"]


# --- what a vote chose stays a target whatever the learned second opinion says --------------------------

_VOTE_NEWS = (
    "青禾镇人代会闭幕\n"
    "2月9日，青禾镇第九届人大第七次会议开幕。代表们审议了镇政府工作报告，"
    "审查了2030年财政预算执行情况和2031年财政预算草案的报告。"
    "经过充分讨论，全体代表以举手表决方式通过了有关决议，票决产生了三项2031年民生实事项目。\n"
    "2030年，全镇全年产茶2100担，增产12%。\n"
)


def test_the_count_of_what_a_vote_chose_stays_a_target():
    got = [(f.value, f.kind) for f in _facts(_VOTE_NEWS)]
    assert got == [(3, "target"), (2100, "actual"), (12, "actual")]


# --- a motto of one thing at a time --------------------------------------------------------------------


def test_a_motto_of_one_thing_at_a_time_counts_nothing():
    text = HEAD + "全镇干部抓落实，干一件、成一件，全年办结群众诉求320件，新建服务中心一个。\n"
    assert [(f.value, f.unit) for f in _facts(text)] == [(320, "件"), (1, "个")]


# --- the peers a ranking is among -------------------------------------------------------------------


def test_the_peers_a_ranking_is_among_are_no_count():
    text = HEAD + "青禾镇在全县28个乡镇的营商环境考评中继续位居第一，全年新增市场主体640户。\n"
    assert [(f.value, f.unit) for f in _facts(text)] == [(640, "户")]


def test_a_count_among_which_work_was_done_stays():
    text = HEAD + "在全镇28个行政村中开展环境整治，全年新增市场主体640户。\n"
    assert [f.value for f in _facts(text)] == [28, 640]


# --- the base of a change after the metric --------------------------------------------------------------


def test_the_base_of_a_change_is_no_part_of_the_metric():
    text = HEAD + "新材料产业快速发展，产值较“十四五”末增长86%，存款余额较上年末增长12%。\n"
    assert [f.metric for f in _facts(text)] == ["产值", "存款余额"]
