"""Round 18: named projects — a generation number inside a name, fields of work listed before 等.

Every sentence here is made up for its test (invented places); none comes from a report.
"""

from luoshi.reports.reader import parse

HEAD = "青禾县2031年政府工作报告\n一、2030年工作回顾\n全县生产总值增长6%。\n二、2031年工作安排\n"


def _projects(text: str):
    return [i.name for i in parse(text, text_only=True).items if i.kind == "project"]


# --- a number that names the works, not a count ------------------------------------------------------


def test_a_generation_number_stays_in_a_listed_name():
    names = _projects(HEAD + "加快实施松岭第 6.5 代面板生产线、青禾储能电池基地等在建项目。\n")
    assert names == ["松岭第6.5代面板生产线", "青禾储能电池基地"]


def test_a_count_in_a_listed_name_still_drops_it():
    names = _projects(HEAD + "加快实施新建3条生产线、青禾储能电池基地等在建项目。\n")
    assert names == ["青禾储能电池基地"]


# --- fields of work listed before 等, a class of projects ---------------------------------------------


def test_fields_of_work_before_a_class_of_projects_are_no_names():
    names = _projects(HEAD + "谋划储备交通、水利、能源、园区配套等一批重大基础设施项目。\n")
    assert names == []


def test_names_before_a_class_of_projects_are_kept():
    names = _projects(HEAD + "加快推进松岭大桥、青禾物流园、柳湾污水处理厂等重大项目。\n")
    assert names == ["松岭大桥", "青禾物流园", "柳湾污水处理厂"]


def test_two_short_company_names_before_enterprises_are_kept():
    names = _projects(HEAD + "成功引进青禾、松岭等企业。\n")
    assert names == ["青禾", "松岭"]  # (a list of companies is not read as fields)


# --- the entries of one list share the labeller's verdict ----------------------------------------------

from luoshi.reports.reader.items import _with_listed  # noqa: E402
from luoshi.reports.reader.model import Item  # noqa: E402

_LISTED = "加快推进青禾花园、松岭广场、北河大桥等重点工程"


def _item(name: str, quote: str = _LISTED, kind: str = "project") -> Item:
    return Item(name, kind, "plan", 2031, quote, 100, 100 + len(quote))


def test_an_entry_the_labeller_left_out_of_a_kept_list_comes_back():
    rules = [_item("青禾花园"), _item("松岭广场"), _item("北河大桥")]
    kept = _with_listed(rules[1:], rules)
    assert [i.name for i in kept] == ["青禾花园", "松岭广场", "北河大桥"]


def test_a_list_the_labeller_dropped_whole_stays_dropped():
    rules = [_item("青禾花园"), _item("松岭广场")]
    assert _with_listed([], rules) == []


def test_a_name_that_is_no_entry_of_the_list_stays_dropped():
    quote = "建成青禾花园，松岭广场、北河大桥投用"
    rules = [_item("青禾花园", quote), _item("松岭广场", quote), _item("北河大桥", quote)]
    kept = _with_listed(rules[1:], rules)
    assert [i.name for i in kept] == ["松岭广场", "北河大桥"]


def test_an_entry_of_another_kind_does_not_bring_a_project_back():
    rules = [_item("青禾花园"), _item("松岭广场", kind="livelihood")]
    kept = _with_listed(rules[1:], rules)
    assert [i.name for i in kept] == ["松岭广场"]


# --- a verb inside a sentence about projects: the name starts after it --------------------------------


def test_projects_started_in_good_time_name_none():
    assert _projects(HEAD + "建成松岭农贸市场，适时启动项目二次招商。\n") == ["松岭农贸市场"]


def test_resources_pooled_for_key_projects_name_none():
    assert _projects(HEAD + "做好要素供给，统筹资金保障县级重点项目建设。\n") == []


def test_a_name_starts_after_the_verb_that_secures_it():
    assert _projects(HEAD + "做好要素供给，集中力量保障松岭大道项目建设。\n") == ["松岭大道项目"]


def test_a_launch_area_and_housing_keep_their_names():
    names = _projects(HEAD + "建成青禾新城启动区项目，开工松岭保障房项目。\n")
    assert names == ["青禾新城启动区项目", "松岭保障房项目"]


# --- a list that ends on a kind of facility: its entries are named works --------------------------------

REVIEW = "青禾县2031年政府工作报告\n一、2030年工作回顾\n全县经济平稳"


def test_a_road_listed_before_a_batch_of_roads_is_named():
    assert _projects(REVIEW + "。松岭东路等一批镇村道路完成改造提升。\n") == ["松岭东路"]


def test_plants_counted_as_workshops_are_named():
    names = _projects(REVIEW + "，建成青禾服装厂和松岭食品公司2个帮扶车间。\n")
    assert names == ["青禾服装厂", "松岭食品公司"]


def test_kinds_of_road_before_roads_name_none():
    assert _projects(REVIEW + "，新修通村道路、产业道路等农村道路40公里。\n") == []


# --- a run the labeller names itself: a quantity before the works names none ----------------------------


def test_a_run_opening_with_a_quantity_names_no_work():
    from luoshi.reports.reader.labeller import decode, units

    simple = "建成48.5公里污水管网、松岭水厂。\n"
    cut = units(simple)
    labels = ["B-project" if "公里" in u.text else "O" for u in cut]
    assert decode(simple, simple, cut, labels, [], lambda pos: ("review", 2030)) == []
    labels = ["B-project" if "水厂" in u.text else "O" for u in cut]
    out = decode(simple, simple, cut, labels, [], lambda pos: ("review", 2030))
    assert [i.name for i in out] == ["松岭水厂"]


def test_a_run_opening_with_a_numbered_school_keeps_its_name():
    from luoshi.reports.reader.labeller import decode, units

    simple = "推进75中改扩建。\n"
    cut = units(simple)
    out = decode(simple, simple, cut, ["B-project"] * len(cut), [], lambda pos: ("plan", 2031))
    assert [i.name for i in out] == ["75中改扩建"]
