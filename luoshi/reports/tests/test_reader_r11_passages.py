"""Passages (news items about a list, a vote, projects started or a year's plan): the eleventh round's
rules for their place, their year and the count of their list, each on a made-up text.

The sentences are invented; the places are real divisions (the reader checks a news item's places
against the official list), none of them a place the round's corpora came from.
"""

from __future__ import annotations

from luoshi.reports.reader import parse


def _meta(text: str):
    return parse(text, text_only=True).meta


def _values(text: str):
    return [(f.value, f.unit) for f in parse(text, text_only=True).facts]


_STARTED = (
    "总投资12亿元，宁晋县6个重点项目集中开工\n"
    "浏览量:1024 | 时间:2030-03-02\n"
    "3月2日上午，宁晋县一季度重点项目集中开工仪式在经济开发区举行，邢台市副市长出席并讲话。\n"
    "据了解，此次开工的6个项目计划总投资12亿元，宁晋县将以项目建设为抓手，推动产业升级。\n"
)


def test_a_news_item_of_projects_started_names_the_county_it_keeps_naming():
    meta = _meta(_STARTED)
    assert (meta.jurisdiction, meta.level) == ("宁晋县", "county")


def test_a_province_named_in_passing_is_not_the_place():
    # (companies named after a municipality, an agency's lede naming the province first)
    text = (
        "来源:某某日报 时间:2030-09-03 08:41\n"
        "某某日报讯 宁晋县2030年第三批重点项目集中开工仪式近日举行，共涉及7个项目，总投资3.8亿元。\n"
        "此次集中开工项目包括北京甲乙科技有限公司生产医疗器械配件、北京丙丁汽车配件有限公司生产智能控制"
        "设备零部件、北京戊己航天科技有限公司生产精密设备等。\n"
        "宁晋县将持续优化营商环境，推动项目早投产、早见效。\n"
    )
    meta = _meta(text)
    assert (meta.jurisdiction, meta.level) == ("宁晋县", "county")
    lede = (
        "中新网石家庄3月2日电 河北省宁晋县2日举行春季重点项目推进会，18个项目集中开工，总投资40亿元。\n"
        "宁晋县常务副县长介绍，本次开工项目涵盖产业、基础设施和社会事业三类。\n"
    )
    assert _meta(lede).jurisdiction == "宁晋县"


def test_a_district_named_after_its_city_is_the_place_and_the_city_its_parent():
    text = (
        "保定市莲池区举办2030年重大项目集中开工活动\n"
        "4月9日上午，保定市举行重大项目集中开工活动，莲池区在新建学校施工现场设立分会场。\n"
        "莲池区委书记通过视频向主会场汇报，今年莲池区计划实施亿元以上项目20个，总投资150亿元。\n"
    )
    meta = _meta(text)
    assert (meta.jurisdiction, meta.level, meta.parent) == ("莲池区", "county", "保定市")


def test_a_headline_place_without_its_suffix_and_a_list_under_a_dateline():
    text = (
        "【要闻】桐庐今年办好8件民生实事\n"
        "来源:某某晚报 • 2030-02-24 09:45:53\n"
        "记者日前从桐庐县召开的“两会”上获悉，今年桐庐县政府将办好8件民生实事。\n"
        "1.新建城区公共停车场2处。\n2.改造农村供水管网30公里。\n3.新建口袋公园6个。\n4.建设养老服务站5个。\n"
        "5.新增普惠托位300个。\n6.改造老旧小区12个。\n7.新建公共厕所20座。\n8.新建充电桩400个。\n"
    )
    meta = _meta(text)
    assert (meta.jurisdiction, meta.level) == ("桐庐县", "county")
    # 今年 under a page dated 2030: the year the list plans
    assert (meta.review_year, meta.plan_year) == (None, 2030)
    # the headline's count sizes the list numbered 1 to 8; the body's promise of it is a target, once
    # (docs/reader-conventions.md, livelihood projects counted for a year)
    values = _values(text)
    assert values.count((8, "件")) == 1
    assert (2, "处") in values and (400, "个") in values


def test_a_list_counted_apart_from_its_entries_and_a_count_that_is_no_list():
    text = (
        "海城市：今年重点办好10件民生实事\n"
        "2030-02-04 来源：某某社\n"
        "记者从海城市政府新闻办获悉，今年海城市将重点办好10件民生实事，解决群众急难愁盼问题。\n"
        "这10件民生实事是：一是新建学校2所；二是改造农村公路80公里；三是新建公园3个；四是建设菜市场4个；"
        "五是新增停车位900个；六是改造供热管网12公里；七是新建公厕15座；八是建设养老食堂6个；"
        "九是新增学位1200个；十是新建体育场地20处。\n"
    )
    values = _values(text)
    assert (10, "件") not in values
    assert (80, "公里") in values and (20, "处") in values
    meta = _meta(text)
    assert (meta.jurisdiction, meta.level, meta.plan_year) == ("海城市", "county", 2030)
    # a count of more works than the list names is a fact ("实施100件左右的民生实事，其中…")
    more = text.replace("重点办好10件民生实事，解决", "实施100件左右的民生实事，重点办好10件，解决")
    assert (100, "件") in _values(more)


def test_a_meeting_place_after_what_was_said_of_the_meeting():
    text = (
        "2030年海城市政府十项民生实事项目公布\n"
        "本报讯 在今天召开的海城市第十五届人民代表大会第二次会议第三次全体会议上，宣布了十项民生实事项目。\n"
        "一、新建城区道路6条；\n"
    )
    meta = _meta(text)
    assert (meta.jurisdiction, meta.level) == ("海城市", "county")
    closed = text.replace("在今天召开的海城市", "从近日闭幕的海城市")
    assert _meta(closed).jurisdiction == "海城市"


def test_a_news_item_of_two_places_named_as_often_names_neither():
    two = "两地项目集中开工\n桐庐县和宁晋县同日举行项目集中开工仪式，桐庐县开工项目8个，宁晋县开工项目6个。\n"
    assert _meta(two).jurisdiction is None
