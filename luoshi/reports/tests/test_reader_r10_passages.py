"""Passages (a part of a report or a news item about one, without its headings): the tenth round's
rules for what a passage plans, each on a made-up text.

None of these sentences is copied from a real report; each reproduces only the *kind* of passage
the reader got wrong.
"""

from __future__ import annotations

from luoshi.reports.reader import parse


def _kinds(text: str):
    return [(f.value, f.unit, f.kind) for f in parse(text, text_only=True).facts]


def test_a_voted_list_of_a_coming_year_is_planned():
    text = (
        "青禾县票决产生2031年度八项民生实事项目\n"
        "本报讯 1月9日，在青禾县七届人大三次会议上，186名人大代表以无记名投票方式，"
        "从11个候选项目中票决产生8项民生实事。\n"
        "一是新建农贸市场3个，二是改造城区供水管网26公里，三是增设公共停车泊位900个。\n"
    )
    kinds = _kinds(text)
    assert (3, "个", "target") in kinds
    assert (26, "公里", "target") in kinds
    assert (900, "个", "target") in kinds
    # who voted and what they chose from is the meeting's record
    assert (186, "名", "actual") in kinds
    assert (11, "个", "actual") in kinds


def test_a_news_digest_of_what_a_report_proposes_is_planned():
    text = (
        "松岭市人民代表大会开幕 市长作政府工作报告\n"
        "报告指出，松岭市2031年要加快补齐交通短板，新开通公交线路9条，改造提升农村公路140公里，"
        "建成换乘枢纽2座。\n"
    )
    assert [k for *_, k in _kinds(text)] == ["target"] * 3


def test_a_plan_document_under_a_dated_title_is_planned():
    text = (
        "石岭区2031年政府工作报告重点工作分工方案\n"
        "为确保完成报告确定的目标任务，现制定分工方案如下。\n"
        "扩大有效投资。实施区级重点项目58个，全年完成投资120亿元。\n"
    )
    assert [k for *_, k in _kinds(text)] == ["target", "target"]


def test_a_report_on_a_finished_list_stays_done():
    text = (
        "石岭区2030年民生实事项目完成情况\n"
        "2030年，区政府确定的民生实事项目已全部完成。新建农贸市场3个，改造城区供水管网26公里。\n"
    )
    assert [k for *_, k in _kinds(text)] == ["actual", "actual"]


def test_numbered_items_of_a_voted_list_are_parts_of_the_plan():
    text = (
        "松岭镇2031年度民生实事项目正式出炉\n"
        "一、农贸市场建设工程\n"
        "新建农贸市场3个，配套公共厕所5座。\n"
        "二、供水管网改造工程\n"
        "改造老旧供水管网26公里。\n"
    )
    assert [k for *_, k in _kinds(text)] == ["target"] * 3
    # a heading that says review stays the review's
    done = text.replace("一、农贸市场建设工程", "一、2030年工作回顾").replace("二、", "二、2031年工作安排 ")
    assert [k for *_, k in _kinds(done)][:2] == ["actual", "actual"]


def test_a_passage_told_in_the_verbs_of_a_plan_is_planned():
    text = (
        "加快建设现代物流园区，推动冷链仓储扩容，力争新建冷库4座。着力打造特色街区，加大招商力度，"
        "深化园区改革，强化要素保障，全力争创省级示范区，大力发展夜间经济，启动智慧停车项目，新增泊位600个，"
        "实现园区营收增长15%。\n"
    )
    assert [k for *_, k in _kinds(text)] == ["target", "target", "target"]
    # the same tasks told as done are not
    done = "建成现代物流园区，冷链仓储扩容完成，新建冷库4座，较上年增加2座，新增泊位600个。\n"
    assert {k for *_, k in _kinds(done)} == {"actual"}


def test_a_published_list_plans_the_year_it_names_and_reviews_none():
    text = (
        "关于下达青禾县2031年民生实事项目的通知\n"
        "各乡镇、县直各单位：现将项目下达给你们，请抓好落实。\n"
        "一是新建农贸市场3个。\n"
    )
    meta = parse(text, text_only=True).meta
    assert (meta.review_year, meta.plan_year) == (None, 2031)


def test_a_plan_that_promises_to_report_its_progress_is_still_a_plan():
    text = (
        "松岭市今年将实施9项民心工程\n"
        "市人大代表投票确定了今年的民心工程，市政府将逐项分解，定期公布进展情况，接受代表监督。\n"
        "新建社区食堂12个，改造背街小巷40条。\n"
    )
    assert [k for *_, k in _kinds(text)][-2:] == ["target", "target"]


def test_an_account_of_a_years_list_plans_nothing():
    text = (
        "松岭县2030年民生实事项目推进情况\n"
        "发布时间：2031-01-10 来源：松岭县人民政府\n"
        "2030年，全县12个民生实事项目全部开工，累计完成投资8.6亿元。\n"
    )
    meta = parse(text, text_only=True).meta
    assert (meta.review_year, meta.plan_year) == (2030, None)
