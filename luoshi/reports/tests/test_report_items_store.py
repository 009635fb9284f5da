"""A stored report keeps the reader's named items (projects, livelihood projects, tasks) beside its facts."""

from __future__ import annotations

from luoshi.reports import services
from luoshi.reports.models import ReportItem

TEXT = """\
杏林镇2026年政府工作报告
一、2025年工作回顾
投资1.5亿元的杏林冷链物流园项目建成投用。
二、2026年工作安排
（一）做强园区经济
加快推进总投资2亿元的杏林智能装备产业园项目建设，确保年内开工。
今年拟办民生实事：实施西街雨污分流改造工程。
"""


def _store(org, text=TEXT):
    parsed = services.read_source(source=text.encode("utf-8"), name="x.txt")
    report, _ = services.report_store(
        parsed=parsed, town=org.towns[0], uploaded_by=org.users["office"], source_name="x.txt"
    )
    return report


def test_the_reader_items_are_stored_with_their_quotes_and_offsets(org):
    report = _store(org)
    items = list(report.items.all())
    assert {i.kind for i in items} == {"project", "livelihood", "task"}
    park = report.items.get(kind="project", part="plan")
    assert park.name == "杏林智能装备产业园项目" and park.investment == 2e8 and park.year == 2026
    assert report.items.filter(kind="project", part="review", year=2025).exists()
    assert report.items.filter(kind="livelihood", name="西街雨污分流改造工程").exists()
    for item in items:
        assert item.quote and report.text[item.start : item.end] == item.quote
    assert [i.seq for i in items] == list(range(1, len(items) + 1))


def test_reading_the_report_again_replaces_its_items(org):
    first = _store(org)
    ReportItem.objects.filter(report=first).update(name="stale")
    again = _store(org)
    assert again.pk == first.pk
    assert not again.items.filter(name="stale").exists() and again.items.exists()
