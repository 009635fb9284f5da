"""Named items, fourth round, half B: kinds of phrase and layout found on never-seen text.

Every sentence here is made up for its test; none comes from a report.
"""

from __future__ import annotations

from luoshi.reports.reader import parse


def _items(text: str, kind: str | None = None) -> list:
    return [i for i in parse(text, text_only=True).items if kind is None or i.kind == kind]


def _names(text: str, kind: str | None = None) -> list[str]:
    return [i.name for i in _items(text, kind)]


# --- tasks -------------------------------------------------------------------------------------

# A plan that opens with its first lead: nothing before "一是" says plan or review, the text decides.
OPENS_WITH_LEAD = """\
一是做强茶叶产业。茶业兴，则山村兴。明年，我乡将新辟茶园八百亩，力争建成两条加工线。
二是抓实河道管护。我们将落实巡河制度，确保河水常清。
"""


def test_a_text_that_opens_with_its_first_lead_is_a_plan_when_its_words_promise():
    assert _names(OPENS_WITH_LEAD, "task") == ["做强茶叶产业", "抓实河道管护"]


def test_a_text_that_opens_with_its_first_lead_is_a_review_when_its_words_report():
    text = (
        "一是茶叶产业做强了。去年新辟茶园八百亩，已建成两条加工线，产值同比增长一成。\n"
        "二是河道管护抓实了。巡河制度已经落实，河水常清。\n"
    )
    assert _names(text, "task") == []


# A preamble that neither promises nor reports before "一、" headings: the text decides.
NEUTRAL_PREAMBLE = """\
新的一年是乡村振兴的关键一年，做好全年工作意义重大。全乡工作的总体要求是：坚持稳中求进，统筹发展和安全。
一、实施茶旅融合工程，持续壮大特色产业
要办好采茶节，新建游客驿站两处，力争接待游客翻番。
二、实施河湖清水工程，持续改善人居环境
要完成十条河沟清淤，建好三座污水站。
"""


def test_headings_after_a_neutral_preamble_are_tasks_when_the_text_promises():
    assert _names(NEUTRAL_PREAMBLE, "task") == [
        "实施茶旅融合工程，持续壮大特色产业",
        "实施河湖清水工程，持续改善人居环境",
    ]


# Tasks written as sentences after a head that names them.
SENTENCE_TASKS = """\
青禾乡召开人民代表大会
近日，青禾乡人民代表大会召开。
今年主要工作任务是：以绣花功夫推进集镇改造，着力打造宜居家园。以钉钉子精神推动茶业升级，着力打造富民产业。以改革思路盘活集体资产，着力打造增收引擎。
会议还选举了乡人大主席。
"""


def test_sentences_after_a_head_that_names_the_tasks_are_tasks():
    assert _names(SENTENCE_TASKS, "task") == [
        "以绣花功夫推进集镇改造，着力打造宜居家园",
        "以钉钉子精神推动茶业升级，着力打造富民产业",
        "以改革思路盘活集体资产，着力打造增收引擎",
    ]


def test_sentences_after_such_a_head_that_report_are_no_tasks():
    text = "去年完成的主要任务是：集镇改造完成了。茶业升级已见成效。集体资产盘活了一批。\n"
    assert _names(text, "task") == []


# A plan whose paragraphs open with a short label of their topic and a colon.
LABELLED_PLAN = """\
青禾街道2031年工作计划
宣传工作：围绕中心工作，办好社区宣传栏，讲好邻里故事，每季度出一期街道简报。
安全工作：落实网格巡查制度，排查燃气隐患，开展消防演练，守住安全底线不放松。
"""


def test_paragraphs_of_a_plan_that_open_with_a_topic_label_are_tasks():
    assert _names(LABELLED_PLAN, "task") == ["宣传工作", "安全工作"]


def test_a_single_label_or_a_label_of_the_plan_itself_is_no_task():
    text = "青禾街道2031年工作计划\n工作目标：围绕中心工作，办好社区宣传栏，讲好邻里故事，多出简报。\n"
    text += "安全工作：落实网格巡查制度，排查燃气隐患，开展消防演练，守住安全底线不放松。\n"
    assert _names(text, "task") == []


# --- projects ----------------------------------------------------------------------------------


def test_a_bare_project_word_after_a_verb_or_preposition_is_no_named_project():
    text = (
        "青禾县春季重大项目集中开工。县领导共同为项目开工奠基，县长宣布项目开工。\n"
        "我县坚持一切围绕项目转，及时解决项目推进中的难题。\n"
        "今年将加快推进青禾冷链物流园项目建设。\n"
    )
    names = _names(text, "project")
    assert not any(n.endswith(("为项目", "宣布项目", "围绕项目", "解决项目")) for n in names)
    assert "青禾冷链物流园项目" in names
