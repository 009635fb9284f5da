"""The county dashboard: towns side by side from the roll-up, figures linking to records, county only."""

from __future__ import annotations

import datetime as dt

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone

from luoshi.cases import kpis
from luoshi.cases import services as case_services
from luoshi.cases.models import Case
from luoshi.county import dashboard

pytestmark = pytest.mark.django_db


def test_dashboard_is_for_county_staff_only(org, client, client_for):
    url = reverse("county:dashboard")
    assert client_for("county").get(url).status_code == 200
    for persona in ("office", "leader", "unit", "deputy", "village", "grid"):
        assert client_for(persona).get(url).status_code == 403
    assert client.get(url).status_code == 302


def test_town_kpis_equal_the_case_engines_figures_and_link_to_the_cases(org, scheme, yunxi, client_for):
    year = timezone.localdate().year
    now = timezone.now()
    table = dashboard.kpi_table(org.users["county"], dashboard.county_towns(org.users["county"]), year, now)
    row = next(r for r in table["rows"] if r["town"] == yunxi)
    on_time = next(f for f in row["kpis"] if f["key"] == "on_time")
    start = timezone.make_aware(dt.datetime(year, 1, 1))
    expected = kpis.kpi("on_time", Case.objects.filter(town=yunxi), start, now, now)
    assert on_time["rate"] == expected.rate and on_time["den"] == expected.denominator
    assert f"town={yunxi.pk}" in on_time["url"] and "kpi=on_time" in on_time["url"]
    body = client_for("county").get(reverse("county:dashboard")).content.decode()
    assert "云溪镇" in body and "白鹭街道" in body and 'id="dashboard-data"' in body


def test_overdue_assignments_and_the_oldest_overdue_cases(org, yunxi, bailu):
    county = org.users["county"]
    old = timezone.now() - dt.timedelta(days=60)
    made = []
    for town in (yunxi, yunxi, bailu):
        c = case_services.case_create(
            case_type="assigned",
            title="县交办：整治沿街占道",
            content="限期整改。",
            actor=county,
            town=town,
            received_at=old,
        )
        made.append(c)
    Case.objects.filter(pk__in=[c.pk for c in made]).update(due_at=old + dt.timedelta(days=5))
    towns = dashboard.county_towns(county)
    counts = {r["town"].pk: r["count"] for r in dashboard.overdue_assigned(towns, timezone.now())}
    assert counts[yunxi.pk] == 2 and counts[bailu.pk] == 1
    oldest = dashboard.oldest_overdue(towns, timezone.now())
    assert {c.pk for c in made} <= {c.pk for c in oldest}
    assert [c.due_at for c in oldest] == sorted(c.due_at for c in oldest)


def test_the_kpi_table_reads_the_rollup_not_the_case_table_per_town(org, scheme):
    """The number of queries does not grow with the number of towns."""
    county = org.users["county"]
    towns = dashboard.county_towns(county)
    dashboard.kpi_table(county, towns, timezone.localdate().year, timezone.now())  # warm the type cache
    with CaptureQueriesContext(connection) as one:
        dashboard.kpi_table(county, towns[:1], timezone.localdate().year, timezone.now())
    with CaptureQueriesContext(connection) as both:
        dashboard.kpi_table(county, towns, timezone.localdate().year, timezone.now())
    assert len(both) == len(one)
