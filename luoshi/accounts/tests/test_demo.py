"""The demo plans: no target bound to a computed indicator carries a typed actual, and each shows exactly
the figure the case engine (or the project records) gives for its town and year — the 95 % / 83.3 %
disagreement of the old demo cannot happen."""

from __future__ import annotations

import datetime as dt
import re

import pytest
from django.urls import reverse
from django.utils import timezone

from luoshi.accounts import demo as accounts_demo
from luoshi.accounts.models import IndicatorValue
from luoshi.cases import demo as cases_demo
from luoshi.cases import kpis
from luoshi.cases.models import Case
from luoshi.plans import demo as plans_demo
from luoshi.plans.models import Item, Plan, Project

pytestmark = pytest.mark.django_db

CASE_KPI = {
    "cases-petition-on-time": ("petition", "on_time"),
    "cases-hazard-rectification": ("hazard", "rectification"),
}


def expected(item: Item) -> str:
    """The figure computed here straight from the records, independent of the indicator registry."""
    town, year = item.plan.town, item.plan.year
    code = item.indicator.code
    if code in CASE_KPI:
        type_code, key = CASE_KPI[code]
        start = timezone.make_aware(dt.datetime(year, 1, 1))
        v = kpis.kpi(key, Case.objects.filter(town=town, case_type__code=type_code), start, timezone.now())
        return v.display
    assert code == "projects-signed-100m", code
    n = (
        Project.objects.filter(
            plan__town=town, investment__gte=10000, stages__stage="signed", stages__date__year=year
        )
        .distinct()
        .count()
    )
    return f"{n}个"


def test_demo_targets_take_their_actuals_from_indicators(org, client_for):
    plans_demo.load(org)
    cases_demo.load(org)
    accounts_demo.load(org)
    year = timezone.localdate().year
    bound = Item.objects.filter(plan__year=year, kind="target", indicator__isnull=False)
    assert bound.count() == 2 * len(plans_demo.TARGETS)  # every demo target is bound
    computed = bound.filter(indicator__source="computed").select_related("plan__town", "indicator")
    assert {i.indicator.code for i in computed} == {
        "cases-petition-on-time",
        "cases-hazard-rectification",
        "projects-signed-100m",
    }
    for item in computed:
        assert item.actual_value is None, item
        assert not item.updates.filter(actual_value__isnull=False).exists(), item
    for plan, persona in (
        (Plan.objects.get(town=org.towns[0], year=year), "office"),
        (Plan.objects.get(town=org.towns[1], year=year), "office_b"),
    ):
        body = client_for(persona).get(reverse("plans:board", args=[plan.pk])).content.decode()
        for item in computed.filter(plan=plan):
            cell = re.search(
                rf'<tr data-item="{item.pk}">.*?data-testid="actual"[^>]*>([^<]*)</a>', body, re.S
            )
            assert cell and cell.group(1) == expected(item), (item.name, cell and cell.group(1))
    petition = computed.get(plan__town=org.towns[0], indicator__code="cases-petition-on-time")
    assert expected(petition) not in ("95.0%", "—")  # a figure from the records, not the old typed 95 %
    # reported targets carry their source document, manual ones their note
    values = IndicatorValue.objects.select_related("indicator")
    if timezone.localdate().month > 1:
        assert values.exists()
    for v in values:
        assert v.source_document if v.indicator.source == "reported" else v.note
    # loading again adds nothing
    n = values.count()
    accounts_demo.load(org)
    assert IndicatorValue.objects.count() == n
