"""General rules learnt from reports the reader had never seen (issue 18), each on a made-up text.

None of these sentences is copied from a real report; each reproduces only the *shape* that failed.
"""

from __future__ import annotations

from luoshi.reports.reader import parse


def _p(text: str):
    return parse(text, text_only=True)


def _facts(text: str):
    return [(f.metric, f.value, f.unit, f.measure) for f in _p(text).facts]


BODY = "\n一、2024年工作回顾\n全年新建公园3个。\n二、2025年工作安排\n力争新建公园4个。\n"


def test_street_office_report_titled_with_banshichu_names_its_street():
    meta = _p("青石街道办事处工作报告\n" + BODY).meta
    assert (meta.jurisdiction, meta.level) == ("青石街道", "town")


def test_a_work_summary_title_gives_the_reviewed_year():
    meta = _p("青石街道办事处2024年工作总结\n2024年，街道全年新建公园3个，完成老旧小区改造12个。\n").meta
    assert meta.jurisdiction == "青石街道" and meta.review_year == 2024


def test_a_date_written_with_a_white_circle_for_zero():
    meta = _p("政府工作报告\n——二○二五年一月九日在青禾县第八届人民代表大会第三次会议上\n" + BODY).meta
    assert meta.delivered_on == "2025-01-09"


def test_a_delivery_date_whose_nian_and_yue_were_lost():
    meta = _p("政府工作报告\n——2025 1 9 日在县第人民会第会议\n县长 李青山\n各位代表：\n" + BODY).meta
    assert meta.delivered_on == "2025-01-09"


def test_speaker_run_into_the_header_before_the_date():
    text = "2024年青禾县人民政府工作报告——在青禾县第八届人民代表大会第三次会议上县长李青山（2025年1月9日）各位代表：现在，我代表县人民政府作报告。"
    meta = _p(text + BODY).meta
    assert (meta.speaker_title, meta.speaker) == ("县长", "李青山")


def test_a_phrase_glued_to_the_end_of_many_lines_is_a_watermark():
    mark = "q7X某某文库--免费下载"
    lines = [
        "青禾乡政府工作报告",
        "乡长 李青山",
        "各位代表：",
        "一、2024年工作回顾",
        "全年新建公园3个。",
        "完成植树造林200亩。",
    ]
    lines += ["二、2025年工作安排", "力争新建公园4个。"]
    report = _p("\n".join(line + mark for line in lines) + "\n")
    assert mark not in report.text and report.meta.speaker == "李青山"
    assert any("watermark" in r.reason and r.text == mark for r in report.removed)
    assert ("新建公园", 3, "个", "level") in _facts("\n".join(line + mark for line in lines))


def test_rare_measure_word_after_wan():
    assert ("居民用电总量", 7560000, "度", "level") in _facts(
        "一、2024年工作回顾\n全年居民用电总量756万度。\n"
    )


def test_percentage_points_are_an_amount_not_a_rate():
    facts = _facts("一、2024年工作回顾\n全镇生产总值增速高于全县1.5个百分点，三产比重提高2.4个百分点。\n")
    assert [(v, u, m) for _, v, u, m in facts] == [(1.5, "个百分点", "level"), (2.4, "个百分点", "level")]


def test_a_heading_run_into_the_end_of_a_short_paragraph_still_opens_its_part():
    text = (
        "政府工作报告\n镇长李青山\n各位代表：\n现在，我代表镇人民政府向大会报告工作，请予审议。一、2024年工作回顾\n"
        "全年新建公园3个。\n二、2025年工作安排\n力争新建公园4个。\n"
    )
    report = _p(text)
    assert [(s.heading, s.part) for s in report.sections] == [
        ("一、2024年工作回顾", "review"),
        ("二、2025年工作安排", "plan"),
    ]
    assert [(f.kind, f.value) for f in report.facts] == [("actual", 3), ("target", 4)]
    # a run-in "一、" inside a short line that goes on is not a heading
    assert not _p("全镇有三项重点：一、产业发展项目6个，二、民生项目3个。\n").sections


def test_yiqi_together_is_not_one_incident():
    assert _facts("一、2024年工作回顾\n全镇干部群众始终坚持干在一起、想在一起。\n") == []
    facts = _facts("一、2024年工作回顾\n全年大家干在一起，拆除违建三起。\n")
    assert [(v, u) for _, v, u, _ in facts] == [(3, "起")]


def test_a_minus_sign_before_a_percent_is_a_decrease():
    facts = _facts(
        "一、2024年工作回顾\n全年实现生产总值6.1亿元，财政收入2亿元，同比分别-6.5%、-12.3%。规上工业增加值同比-3.5%。\n"
    )
    assert ("生产总值", -6.5, "%", "growth") in facts and ("财政收入", -12.3, "%", "growth") in facts
    assert ("规上工业增加值", -3.5, "%", "growth") in facts
    assert ("项目", 3, "个", "level") in _facts(
        "一、2024年工作回顾\n完成3-5个项目。\n"
    )  # a range, not a sign
