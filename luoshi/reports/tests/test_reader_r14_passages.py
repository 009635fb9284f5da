"""Passages (news pages about a congress or a report, and excerpts of a report's body), fourteenth
round: kinds of passage the reader read otherwise than the annotators, each on a made-up text.

None of these sentences is copied from a real report or page; each reproduces only the *kind* of
text that failed.
"""

from __future__ import annotations

from luoshi.reports.reader import parse


def _parsed(text: str):
    return parse(text, text_only=True)


_PARTS_LISTED = (
    "青禾省第九届人民代表大会第三次会议今天开幕，省长李明作政府工作报告。\n"
    "报告共有两个部分\n"
    "一、2030年工作回顾\n"
    "二、2031年目标任务和重点工作\n"
    "看成绩\n"
    "全省地区生产总值增长6.1%，城乡居民收入增长7.2%。\n"
    "(一)产业升级步伐加快。新落地亿元以上项目48个，高新技术企业达到900家。\n"
    "(二)民生保障更加有力。城镇新增就业12万人。\n"
)


def test_a_list_of_the_parts_then_the_body_reads_the_first_part():
    doc = _parsed(_PARTS_LISTED)
    assert [s.part for s in doc.sections] == ["review", "plan"]
    kinds = {f.value: (f.kind, f.part) for f in doc.facts}
    for value in (6.1, 7.2, 48, 900, 120_000):
        assert kinds[value] == ("actual", "review"), value


def test_the_review_s_numbered_lines_after_a_list_of_parts_are_no_tasks():
    names = [i.name for i in _parsed(_PARTS_LISTED).items if i.kind == "task"]
    assert names == []


def test_a_plan_heading_followed_by_its_body_stays_a_plan():
    text = "一、2030年工作回顾\n全镇新建村道12公里。\n二、2031年工作安排\n全镇计划新建村道15公里。\n"
    kinds = {f.value: f.kind for f in _parsed(text).facts}
    assert kinds == {12: "actual", 15: "target"}


def test_a_counted_set_of_tasks_in_a_news_page_gives_each_clause_as_a_task():
    text = (
        "青禾省第九届人民代表大会第三次会议开幕，省长李明作政府工作报告。\n"
        "李明说，今年重点抓好六个方面工作：扩大有效需求，稳住经济大盘；壮大先进制造业，夯实实体经济根基；"
        "深化改革开放，激发市场活力；推进城乡融合，建设宜居乡村；守牢安全底线，维护社会稳定；"
        "办好民生实事，增进人民福祉。\n"
    )
    names = [i.name for i in _parsed(text).items if i.kind == "task"]
    assert len(names) == 6
    assert names[0].startswith("扩大有效需求") and names[-1].startswith("办好民生实事")


def test_a_counted_set_of_results_is_no_list_of_tasks():
    text = (
        "青禾镇人民代表大会召开。\n"
        "去年全镇重点做了三个方面工作：建成了污水处理站，改善了人居环境；新修了村道，方便了群众出行；"
        "引进了企业，增加了就业岗位。\n"
    )
    assert [i for i in _parsed(text).items if i.kind == "task"] == []


_VOTE_HELD = (
    "2月9日，青禾镇第五届人民代表大会第二次会议召开，镇长王芳作政府工作报告。\n"
    "会议应到代表58人，实到代表55人，另有镇村干部共18人列席会议。"
    "会议审议通过了政府工作报告，并票决产生2031年镇级民生实事项目5项。\n"
    "今年全镇将新建文化广场3处。\n"
)


def test_who_sat_in_is_the_meeting_s_record_and_what_was_voted_is_the_year_s_to_do():
    kinds = {f.value: f.kind for f in _parsed(_VOTE_HELD).facts}
    assert kinds[18] == "actual"  # 18人列席会议
    # 票决产生…项目5项: a count voted for a year is its target (docs/reader-conventions.md)
    assert kinds[5] == "target"
    assert kinds[3] == "target"  # what the plan says is to come


def test_a_vote_told_in_an_earlier_sentence_leaves_the_plan_s_counts_alone():
    text = (
        "青禾镇第五届人民代表大会第二次会议票决产生了今年的民生实事。\n"
        "今年全镇将新建村级卫生室4个，改造农村公路12公里。\n"
    )
    kinds = {f.value: f.kind for f in _parsed(text).facts}
    assert kinds[4] == "target" and kinds[12] == "target"


def test_a_figure_printed_alone_on_its_line_is_no_fact():
    text = (
        "青禾街道经济发展亮点纷呈\n"
        "去年，青禾街道各项工作稳步推进。\n"
        "1850亩\n"
        "街道全年推动完成旧厂房整理1850亩，关停低效企业120家。\n"
        "9个\n"
        "全年新引进亿元以上项目9个。\n"
    )
    quotes = [f.quote for f in _parsed(text).facts]
    assert "1850亩" not in quotes and "9个" not in quotes
    assert sorted(f.value for f in _parsed(text).facts) == [9, 120, 1850]


def test_a_line_that_names_what_it_counts_keeps_its_fact():
    text = "青禾镇今年主要预期目标\n地区生产总值增长6%以上\n新增就业1200人以上\n"
    assert sorted(f.value for f in _parsed(text).facts) == [6, 1200]


_PROGRESS = (
    "现将《政府工作报告》确定的2031年重点工作前三季度推进情况通报如下：\n"
    "1.新建农村公路80公里，改造危桥6座。前三季度，已建成农村公路52公里，完成危桥改造4座。\n"
    "2.新增城镇就业岗位5000个。截至9月底，全市新增城镇就业岗位4100个。\n"
)


def test_an_entry_of_a_progress_report_states_its_task_before_its_progress():
    kinds = {f.value: f.kind for f in _parsed(_PROGRESS).facts}
    assert kinds[80] == "target" and kinds[6] == "target" and kinds[5000] == "target"
    assert kinds[52] == "actual" and kinds[4] == "actual" and kinds[4100] == "actual"


def test_entries_of_a_plain_account_stay_done():
    text = "青禾镇2030年民生实事办理情况\n1.新建农村公路80公里，改造危桥6座。\n2.新增城镇就业岗位5000个。\n"
    assert {f.kind for f in _parsed(text).facts} == {"actual"}


def test_the_year_a_news_page_says_the_report_summed_up_is_reviewed():
    text = (
        "青禾市第九届人民代表大会第三次会议开幕\n"
        "本报讯 1月12日上午，青禾市第九届人民代表大会第三次会议在市会议中心开幕。\n"
        "市长李明代表市政府作政府工作报告。报告从五个方面总结了2030年青禾市政府工作。\n"
        "报告提出，今年要重点做好六个方面工作：一是扩大有效投资；二是壮大实体经济；三是建设宜居城市。\n"
    )
    meta = _parsed(text).meta
    assert (meta.review_year, meta.plan_year) == (2030, 2031)


def test_a_work_named_again_with_a_word_of_its_stage_is_one_project():
    text = (
        "青禾鎮十年巨變\n"
        "2016年，青禾國際物流港奠基開工。為確保青禾國際物流港順利開工建設，全鎮完成征地拆遷2000畝。\n"
        "2018年，青禾國際物流港建設指揮部落地青禾鎮，青禾鎮迎來發展新機遇。\n"
    )
    projects = [i.name for i in _parsed(text).items if i.kind == "project"]
    assert len(projects) == 1 and projects[0].startswith("青禾國際物流港")


def test_a_digest_s_label_over_the_year_past_heads_a_review():
    text = (
        "青禾省政府工作报告要点速览\n"
        "1月20日，青禾省第九届人民代表大会第三次会议开幕，省长李明作政府工作报告。\n"
        "2031年重点工作\n"
        "扩大有效投资，新开工重点项目300个。\n"
        "去年成绩单\n"
        "全省地区生产总值增长6.1%，新建农村公路2300公里。\n"
    )
    doc = _parsed(text)
    assert [(s.heading, s.part) for s in doc.sections] == [
        ("2031年重点工作", "plan"),
        ("去年成绩单", "review"),
    ]
    kinds = {f.value: f.kind for f in doc.facts}
    assert kinds == {300: "target", 6.1: "actual", 2300: "actual"}


def test_a_year_with_review_written_after_it_heads_a_review():
    text = (
        "青禾省第九届人民代表大会第三次会议开幕，省长李明作政府工作报告。\n"
        "今年预期目标\n"
        "地区生产总值增长5.5%左右。\n"
        "回顾2030\n"
        "全省一般公共预算收入增长7.3%。\n"
    )
    kinds = {f.value: f.kind for f in _parsed(text).facts}
    assert kinds == {5.5: "target", 7.3: "actual"}


_PLAN_THEN_PAST = (
    "青禾市2031年将新建学校20所\n"
    "青禾日报讯 1月15日，青禾市第九届人民代表大会第三次会议开幕。市长李明作政府工作报告时表示，"
    "今年将新建学校20所，改造老旧小区150个。\n"
    "过去一年，全市地区生产总值增长6.2%，完成老旧小区改造132个。\n"
    "在民生方面，全市新建学校15所，新增养老床位800张。\n"
    "李明说，今年还要新增养老床位1000张。\n"
)


def test_a_plan_news_item_that_turns_to_the_year_past_tells_what_was_done():
    facts = {f.value: (f.kind, f.part) for f in _parsed(_PLAN_THEN_PAST).facts}
    assert facts[20] == ("target", "plan") and facts[150] == ("target", "plan")
    for value in (6.2, 132, 15, 800):
        assert facts[value] == ("actual", "review"), value
    assert facts[1000] == ("target", "plan")  # looking ahead again
