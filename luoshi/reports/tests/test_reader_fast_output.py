"""The reader's output path, written out for speed, against the plain way.

Each result class has a ``flat`` method listing its fields by hand (compiled, a native function
building one dict): it must give what ``dataclasses.asdict`` gives, key for key and in field order, so
that ``ParsedReport.to_dict`` and the JSON lines of ``luoshi parse`` stay as they were.
"""

from __future__ import annotations

import dataclasses
import json

import pytest

from luoshi.reports.reader import Fact, Item, Meta, ParsedReport, Removed, parse
from luoshi.reports.reader.model import Section

# one value per field, all different, so that a field read from another's attribute shows
INSTANCES = [
    Meta("青禾县", "county", "松岭市", 2024, 2025, "第三次会议", "2025-01-08", "王明", "县长"),
    Meta(),
    Section("二、今年工作安排", "plan", 120, 128),
    Fact("plan", "target", "growth", "地区生产总值", 6.5, "%", "左右", "力争", 2025, "增长6.5%左右", 10, 20),
    Fact("review", "actual", "level", "粮食产量", 12, "万吨", None, None, None, "产量12万吨", 3, 9),
    Item("滨河公园", "project", "plan", 2025, "建成滨河公园", 3, 7, "建成", 1.5e8),
    Item("小区改造", "livelihood", "review", None, "改造小区", 1, 5),
    Removed("分享到：微信", "site furniture (分享到)"),
]


@pytest.mark.parametrize("obj", INSTANCES, ids=lambda o: type(o).__name__)
def test_flat_is_asdict_in_field_order(obj):
    flat = obj.flat()
    expected = dataclasses.asdict(obj)
    assert flat == expected
    assert list(flat) == [f.name for f in dataclasses.fields(obj)]


def test_every_result_class_flattens_every_field():
    for cls in (Meta, Section, Fact, Item, Removed):
        assert any(type(o) is cls for o in INSTANCES), cls


def test_to_dict_is_the_fields_of_each_part():
    text = (
        "青禾县人民政府工作报告\n各位代表：\n现在，我代表县人民政府向大会报告工作。\n"
        "一、过去一年工作回顾\n全县地区生产总值增长6.5%，建成滨河公园。\n"
        "二、今年工作安排\n力争地区生产总值增长7%左右，新建学校2所。\n"
    )
    report = parse(text, text_only=True)
    data = report.to_dict(include_text=True)
    assert data["meta"] == dataclasses.asdict(report.meta)
    assert data["sections"] == [dataclasses.asdict(s) for s in report.sections]
    assert data["facts"] == [dataclasses.asdict(f) for f in report.facts]
    assert data["items"] == [dataclasses.asdict(i) for i in report.items]
    assert data["removed"] == [dataclasses.asdict(r) for r in report.removed]
    assert list(data) == ["doc", "meta", "sections", "facts", "items", "warnings", "removed", "text"]
    assert report.facts  # (the sentences above hold facts: the comparison is not of empty lists)
    again = ParsedReport.from_dict(json.loads(json.dumps(data, ensure_ascii=False)))
    assert again.to_dict(include_text=True) == data
