"""Round 19: named projects — a name that opens an event or a predicate names no works.

Every sentence here is made up for its test (invented places); none comes from a report.
"""

from luoshi.reports.reader import parse
from luoshi.reports.reader.items import _named_projects
from luoshi.reports.reader.model import Item

HEAD = "青禾县2031年政府工作报告\n一、2030年工作回顾\n全县生产总值增长6%。\n二、2031年工作安排\n"


def _projects(text: str):
    return [i.name for i in parse(text, text_only=True).items if i.kind == "project"]


def _kept(simple: str, name: str) -> list[str]:
    """What ``_named_projects`` keeps of one project named ``name`` in ``simple`` (its whole quote)."""
    item = Item(name, "project", "review", 2030, simple, 0, len(simple))
    return [i.name for i in _named_projects([item], simple)]


# --- an event's verb or a predicate's modal before the name --------------------------------------------


def test_an_event_held_for_projects_is_no_project():
    assert _kept("举办松岭片区秋季项目集中签约活动", "举办松岭片区秋季项目") == []


def test_a_predicate_on_projects_is_no_project():
    assert _kept("均为林下经济项目", "均为林下经济项目") == []
    assert _kept("要紧盯项目", "要紧盯项目") == []
    assert _kept("更大力度激活本地项目", "更大力度激活本地项目") == []


def test_a_named_works_is_kept():
    assert _kept("青禾冷链物流园项目建成投用", "青禾冷链物流园项目") == ["青禾冷链物流园项目"]
    assert _kept("都江大桥建成通车", "都江大桥") == ["都江大桥"]  # (都 opening a name, no predicate)
    assert _kept("举水河堤加固工程完工", "举水河堤加固工程") == ["举水河堤加固工程"]


def test_a_clause_on_projects_names_none_in_a_report():
    text = HEAD + "新开工项目3个，均为林下经济项目。加快建设松岭冷链物流园。\n"
    names = _projects(text)
    assert "均为林下经济项目" not in names
    assert "松岭冷链物流园" in names
