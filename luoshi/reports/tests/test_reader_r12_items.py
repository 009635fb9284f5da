"""Named items, twelfth round (rules): the 民生实事 counted after their names with the place and the
year between; a text on the key projects and the 民生实事 together; classes of projects and the
slogans of seeking them; headings of a text on its 民生实事; no key task in the review part.

Every sentence here is made up for its test (invented places); none comes from a report.
"""

from __future__ import annotations

from luoshi.reports.tests.test_reader_r4_items import _items, _names

# --- the count of the 民生实事 after their names, the place and the year between -------------------


def test_works_named_before_a_count_of_the_livelihood_projects_with_the_place_and_year_between():
    text = "会上，经全体代表投票表决，确定了助餐扩面、公交畅行、饮水提质、村道亮化4项青禾镇2031年民生实事项目。\n"
    items = _items(text, "livelihood")
    assert [i.name for i in items] == ["助餐扩面", "公交畅行", "饮水提质", "村道亮化"]


def test_works_named_before_a_count_with_the_year_only_between():
    text = "代表们票决产生了柳溪桥重建和敬老院扩建2项2031年度民生实事。\n"
    assert _names(text, "livelihood") == ["柳溪桥重建", "敬老院扩建"]


# --- a text on the key projects beside the 民生实事 ------------------------------------------------

KEY_WORKS_AND_LIVELIHOOD = """\
代表视察重点工程和民生实事
本报讯 代表们先后来到青禾新材料扩产项目、柳岸智能装备项目建设现场。
"""


def test_a_title_naming_key_works_beside_the_livelihood_projects_leaves_the_projects_projects():
    assert _names(KEY_WORKS_AND_LIVELIHOOD, "project") == ["青禾新材料扩产项目", "柳岸智能装备项目"]
    assert _names(KEY_WORKS_AND_LIVELIHOOD, "livelihood") == []


def test_a_title_on_the_livelihood_projects_alone_still_makes_its_works_livelihood():
    text = "代表视察民生实事项目\n本报讯 代表们先后来到青禾新材料扩产项目、柳岸智能装备项目建设现场。\n"
    assert _names(text, "project") == []
    assert _names(text, "livelihood") == ["青禾新材料扩产项目", "柳岸智能装备项目"]


def test_livelihood_works_named_in_passing_beside_projects_open_no_livelihood_paragraph():
    text = (
        "一、2030年工作回顾\n"
        "全年一批标志性项目、重要民生工程加快推进。青禾大道拓宽改造完工，柳岸污水处理厂二期工程竣工投用。\n"
    )
    assert _names(text, "livelihood") == []
    assert "柳岸污水处理厂二期工程" in _names(text, "project")
    assert not any("民生工程" in n or "标志性" in n for n in _names(text, "project"))


def test_a_paragraph_on_the_livelihood_projects_keeps_its_works_livelihood():
    text = (
        "一、2030年工作回顾\n全年十件民生实事全面完成。青禾大道拓宽改造完工，柳岸敬老院扩建工程竣工投用。\n"
    )
    assert "柳岸敬老院扩建工程" in _names(text, "livelihood")


# --- classes of projects, and the slogans of seeking them --------------------------------------------


def test_the_slogans_of_seeking_projects_name_none():
    text = (
        "二、2031年工作安排\n聚焦立足长远谋项目、紧盯龙头引项目、优化环境争项目，全年新开工亿元项目20个。\n"
    )
    assert _names(text, "project") == []


def test_a_class_of_projects_after_a_particle_or_a_verb_names_none():
    text = (
        "一、2030年工作回顾\n"
        "特别是新建项目、民间投资项目都比上年明显增加，重点项目建设提速。\n"
        "新签约招商引资项目6个。受连日降雨影响，导致项目进度滞后。\n"
    )
    assert _names(text, "project") == []


def test_a_named_project_beside_the_classes_stands():
    text = "一、2030年工作回顾\n特别是新建项目增加较多，青禾光伏储能项目建成投产。\n"
    assert _names(text, "project") == ["青禾光伏储能项目"]


# --- a text on its 民生实事: its headings are entries, not tasks --------------------------------------

LIVELIHOOD_HEADINGS = """\
青禾镇2031年十大民生实事出炉，你最关注哪一件？
1月8日，青禾镇人民代表大会票决产生了青禾镇2031年民生实事项目，涉及“小病快治”进村、村道亮化等项目。
照片_0108.jpg
接下来，青禾镇将着力办好10项民生实事。
下面一起看看
今年当选的民生实事有哪些
↓↓
一、“小病快治”进村。
为各村卫生室配齐常用药品，开展送医下乡。
二、村道亮化。
为主干村道安装路灯，夜间出行更安全。
三、校园“焕新工程”。
对镇中心小学围墙和操场进行整体改造。
"""


def test_the_headings_of_a_text_on_its_livelihood_projects_are_entries_not_tasks():
    assert _names(LIVELIHOOD_HEADINGS, "task") == []
    names = _names(LIVELIHOOD_HEADINGS, "livelihood")
    for entry in ("小病快治", "村道亮化", "焕新工程"):
        assert any(entry in n for n in names), (entry, names)


# --- no key task in the review part -------------------------------------------------------------

# A copy cut off in the middle of the review: the last lead, left without its full stop, is no task.
CUT_REVIEW = (
    "青禾镇2030年工作报告及2031年工作计划\n\n一、2030年工作回顾\n\n"
    "2030年是青禾镇加快发展的关键之年。一年来，我们稳中求进，始终坚持发展为第一要务。"
    "全镇生产总值从2029年的5.1亿元增长至2030年的5.6亿元。一是经济活力持续增强。在项目建设中，狠抓招商引资，"
    "新签约项目3个。二是茶旅融合提速"
)


def test_a_lead_of_the_review_part_is_no_task():
    assert _items(CUT_REVIEW, "task") == []


REVIEW_LEADS = """\
一、2030年工作回顾
过去一年，我们主要做了以下工作：一是稳住工业基本盘，规上产值增长8%；二是做优茶旅融合，游客量翻番。
二、2031年工作安排
今年重点抓好以下工作：一是壮大特色产业，新建茶叶加工厂一座；二是改善人居环境，完成河道清淤。
"""


def test_the_leads_of_the_plan_part_stay_tasks_beside_a_review_with_leads():
    tasks = _items(REVIEW_LEADS, "task")
    assert [t.name for t in tasks] == ["壮大特色产业", "改善人居环境"]
    assert all(t.part == "plan" for t in tasks)


# --- companies and works named before 等 --------------------------------------------------------


def test_names_listed_before_deng_and_a_stage_verb_are_projects():
    text = "一、2030年工作回顾\n全年新引进企业12家，青禾科技、柳岸新材等顺利投产。\n"
    assert _names(text, "project") == ["青禾科技", "柳岸新材"]


def test_names_before_deng_and_a_class_of_industrial_projects_are_projects():
    text = "二、2031年工作安排\n招商引资成效明显，力争落户青禾新材、柳岸电子等产业项目超30个。\n"
    names = _names(text, "project")
    assert len(names) == 2 and names[0].endswith("青禾新材") and names[1] == "柳岸电子"


def test_fields_listed_before_deng_and_industries_stay_context():
    text = "二、2031年工作安排\n在电子信息、装备制造等产业领域招引项目，全年签约亿元项目10个。\n"
    assert _names(text, "project") == []


# --- a campus is part of the works' name ----------------------------------------------------------


def test_a_hospitals_or_schools_campus_is_part_of_the_name():
    text = "二、2031年工作安排\n加快建设青禾医院东湖院区、柳岸医院城北院区二期，开工建设东湖中学新校区。\n"
    assert _names(text, "project") == ["青禾医院东湖院区", "柳岸医院城北院区二期", "东湖中学新校区"]
