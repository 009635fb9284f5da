"""The demo loader stores two invented reports per demo town and is idempotent."""

from __future__ import annotations

from luoshi.reports import demo
from luoshi.reports.models import Fact, Report


def test_demo_load_is_idempotent(org):
    messages = []
    demo.load(org, messages.append)
    assert Report.objects.count() == 4
    for town in org.towns:
        reports = Report.objects.filter(town=town)
        assert reports.count() == 2
        assert sorted(reports.values_list("plan_year", flat=True)) == [2024, 2025]
        assert all(r.facts.count() > 30 for r in reports)
    facts = Fact.objects.count()
    demo.load(org, messages.append)
    assert Report.objects.count() == 4 and Fact.objects.count() == facts
    assert any(m.strip().startswith("=") for m in messages)


def test_demo_reports_are_readable_and_sized_like_real_ones():
    from luoshi.reports.services import demo_reports

    files = demo_reports()
    assert len(files) == 4
    for _name, path in files:
        text = path.read_text(encoding="utf-8")
        assert 2300 <= len(text) <= 4000
        assert "各位代表" in text and "主要预期目标" in text and "票决" in text
