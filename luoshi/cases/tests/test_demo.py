"""The demo backlog: a year of varied cases per town, consistent with the workflow, fast and idempotent."""

from __future__ import annotations

import time

import pytest

from luoshi.cases import demo, kpis
from luoshi.cases.models import Case, CaseEvent

pytestmark = pytest.mark.django_db


def test_demo_loads_a_year_of_cases_per_town_quickly_and_only_once(org):
    started = time.monotonic()
    demo.load(org, progress=lambda msg: None)
    elapsed = time.monotonic() - started
    total = Case.objects.count()
    assert total > 1500
    assert elapsed < 30
    for town in org.towns:
        assert Case.objects.filter(town=town).count() > 700
    assert Case.objects.values("case_type").distinct().count() == 8
    assert Case.objects.filter(overdue=True).exists()
    assert Case.objects.filter(rating="unsatisfied").exists()
    assert Case.objects.filter(status="dispatched", unit__code="yjb", town=org.towns[0]).exists()
    assert CaseEvent.objects.filter(case__in=Case.objects.all()[:50]).count() >= 50
    # figures come out plausible, not 100% everywhere
    rate = kpis.on_time_rate(Case.objects.all()).rate
    assert 60 < rate < 100
    demo.load(org, progress=lambda msg: None)
    assert Case.objects.count() == total
