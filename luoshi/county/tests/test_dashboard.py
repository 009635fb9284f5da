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


def _plans_with_bound_targets(towns):
    """A plan per town with targets bound to a reported, a case and a project indicator."""
    from luoshi.accounts.models import Indicator
    from luoshi.plans.models import Item, Plan

    codes = ["budget-revenue", "cases-petition-on-time", "cases-petition-received", "projects-signed-100m"]
    for town in towns:
        plan = Plan.objects.create(town=town, year=timezone.localdate().year, title=f"{town.name}计划")
        for i, code in enumerate(codes):
            Item.objects.create(
                plan=plan,
                name=f"目标{i}",
                measure="rate" if code.endswith("on-time") else "level",
                target_value=100 if code.endswith("on-time") else 2,
                indicator=Indicator.objects.get(code=code),
                order=i,
            )
        Item.objects.create(plan=plan, kind="task", name="重点工作", order=9)


def test_the_plan_section_computes_every_towns_figures_at_once(org, scheme):
    """Plans against 序时进度: the same figures as each plan's own page, and a query count that does
    not grow with the number of towns (bound indicators computed together, from the roll-up)."""
    from luoshi.accounts.selectors import bound_figures
    from luoshi.plans import selectors as plans_sel
    from luoshi.plans.models import Plan

    county = org.users["county"]
    towns = dashboard.county_towns(county)
    _plans_with_bound_targets(towns)
    year, today, now = timezone.localdate().year, timezone.localdate(), timezone.now()
    read = dashboard.kpi_table(county, towns, year, now)["read"]
    lines = dashboard.plan_schedule(towns, year, today, now, read)
    assert len(lines) == len(towns)
    for line in lines:
        plan = Plan.objects.get(pk=line["plan"].pk)
        own = plans_sel.plan_headline(plan, today)  # the plan's own computation, town by town
        assert (line["progress"], line["at_risk"], line["overdue"]) == (
            own["progress"],
            own["at_risk"],
            own["overdue"],
        )
        items = list(plans_sel.item_queryset(plan))
        expected = bound_figures(items, plan.town, year, now)
        got = dashboard.plan_figures(items, year, now, read)
        assert {k: (f.value, f.numerator, f.denominator) for k, f in got.items()} == {
            k: (f.value, f.numerator, f.denominator) for k, f in expected.items()
        }
        assert any(f.value for f in got.values())  # the fixture's petitions and budget count
    with CaptureQueriesContext(connection) as one:
        dashboard.plan_schedule(towns[:1], year, today, now, read)
    with CaptureQueriesContext(connection) as both:
        dashboard.plan_schedule(towns, year, today, now, read)
    assert len(both) == len(one)


def test_the_cached_wall_chart_shows_a_new_key_project_at_once(org):
    """The county's Gantt is cached per process; a project written since is in the next view."""
    from luoshi.plans.models import Plan, Project

    towns = dashboard.county_towns(org.users["county"])
    year, today = timezone.localdate().year, timezone.localdate()
    plan = Plan.objects.create(town=towns[0], year=year, title="计划")
    Project.objects.create(plan=plan, name="老项目", start_date=today, deadline=today)
    first = dashboard.project_board(towns, year, today)["chart"]
    assert dashboard.project_board(towns, year, today)["chart"] == first  # served from the cache
    Project.objects.create(plan=plan, name="新建污水处理厂", start_date=today, deadline=today)
    again = dashboard.project_board(towns, year, today)["chart"]
    assert again["count"] == first["count"] + 1 and "新建污水处理厂" in again["svg"]


def _sections(county):
    towns = dashboard.county_towns(county)
    year, today, now = timezone.localdate().year, timezone.localdate(), timezone.now()
    read = dashboard.kpi_table(county, towns, year, now)["read"]
    return {s.town_id: s for s in dashboard.town_sections(towns, year, today, now, read)}


def test_the_cached_plan_section_shows_every_kind_of_write_at_once(org, scheme, yunxi, bailu, monkeypatch):
    """Each town's plan section is cached; a progress update, a new key project, a stage reached,
    a reported value and a case that moves a bound figure each show in the next computation, and a
    write in one town's plan recomputes that town's section only."""
    from luoshi.accounts import services as acc_services
    from luoshi.accounts.models import Indicator
    from luoshi.plans import services as plan_services
    from luoshi.plans.models import Item, Plan

    county = org.users["county"]
    _plans_with_bound_targets([yunxi, bailu])
    plan = Plan.objects.get(town=yunxi, year=timezone.localdate().year)
    first = _sections(county)
    assert _sections(county)[yunxi.pk] == first[yunxi.pk]  # the cache gives the same section back
    computed = []
    real = dashboard._sections

    def spy(towns, *args):
        computed.append(sorted(t.pk for t in towns))
        return real(towns, *args)

    monkeypatch.setattr(dashboard, "_sections", spy)
    task = Item.objects.get(plan=plan, kind="task")
    plan_services.update_create(owner=task, date=timezone.localdate(), text="完成一半", progress=50)
    after_update = _sections(county)[yunxi.pk]
    assert after_update.progress != first[yunxi.pk].progress
    assert computed == [[yunxi.pk]]  # 白鹭's section came from the cache
    assert _sections(county)[bailu.pk] == first[bailu.pk] and computed == [[yunxi.pk]]

    project = plan_services.project_create(plan=plan, name="污水处理厂", deadline=timezone.localdate())
    with_project = _sections(county)[yunxi.pk]
    assert with_project.projects_total == first[yunxi.pk].projects_total + 1
    plan_services.project_stage_set(project=project, stage="started", date=timezone.localdate())
    assert _sections(county)[yunxi.pk].stages.get("started", 0) == with_project.stages.get("started", 0) + 1

    # a reported value bound to a target: its figure moves the progress
    before = _sections(county)[bailu.pk]
    acc_services.value_record(
        indicator=Indicator.objects.get(code="budget-revenue"),
        town=bailu,
        period=f"{timezone.localdate().year}-01",
        value=0.1,
        source_document="更正",
    )
    assert _sections(county)[bailu.pk].progress != before.progress

    # a petition received today: the bound 受理数 figure (from the roll-up) moves the section's key
    before = _sections(county)[bailu.pk]
    for i in range(3):
        case_services.case_create(
            case_type="petition",
            title=f"新信访{i}",
            content="反映问题。",
            actor=org.users["office_b"],
            town=bailu,
            contact_name="李四",
            contact_phone="13812345679",
        )
    assert _sections(county)[bailu.pk].progress != before.progress


def test_the_dashboard_summarises_the_boards_and_links_to_them(org, yunxi, client_for):
    from luoshi.plans import services as plan_services
    from luoshi.plans.models import Plan

    today = timezone.localdate()
    plan = Plan.objects.create(town=yunxi, year=today.year, title="计划")
    for i in range(3):
        p = plan_services.project_create(plan=plan, name=f"重点项目{i}", deadline=today)
        if i:
            plan_services.project_stage_set(project=p, stage="signed", date=today)
    client = client_for("county")
    body = client.get(reverse("county:dashboard")).content.decode()
    assert "重点项目0" not in body  # no project rows on the dashboard itself: counts only
    link = f'{reverse("county:projects")}?year={today.year}&amp;town={yunxi.pk}&amp;stage=signed">2<'
    assert link in body
    page = client.get(
        reverse("county:projects"), {"year": today.year, "town": yunxi.pk, "stage": "signed"}
    ).content.decode()
    assert "重点项目1" in page and "重点项目2" in page and "重点项目0" not in page
    assert 'data-testid="gantt"' in page
    # nonsense filters are refused or ignored, never a server error
    assert client.get(reverse("county:projects"), {"town": "x"}).status_code == 400
    assert (
        client.get(reverse("county:projects"), {"stage": "nope", "status": "?", "page": "-1"}).status_code
        == 200
    )
    assert client.get(reverse("county:livelihood"), {"town": "999999", "page": "abc"}).status_code == 200


def test_the_boards_are_for_county_staff_only(org, client_for):
    for name in ("county:projects", "county:livelihood"):
        assert client_for("county").get(reverse(name)).status_code == 200
        for persona in ("office", "leader", "unit"):
            assert client_for(persona).get(reverse(name)).status_code == 403


def test_the_livelihood_board_filters_by_town_and_status(org, yunxi, bailu, client_for):
    """The board's rows carry the plans app's own status rule; town and status filters keep exactly
    the matching ones; the dashboard counts them by status with a link to that list."""
    from decimal import Decimal

    from luoshi.plans import selectors as plans_sel
    from luoshi.plans import services as plan_services
    from luoshi.plans.models import LivelihoodProject, LivelihoodRound, Plan

    today = timezone.localdate()
    for town in (yunxi, bailu):
        plan = Plan.objects.create(town=town, year=today.year, title="计划")
        r = LivelihoodRound.objects.create(plan=plan, phase="implementing")
        unit = town.units.first()
        common = {"round": r, "budget": Decimal(50), "owner_unit": unit}
        done = LivelihoodProject.objects.create(
            name=f"{town.name}已验收", adopted=True, accepted_on=today, **common
        )
        plan_services.update_create(owner=done, date=today, text="已完工验收", progress=100)
        late = LivelihoodProject.objects.create(
            name=f"{town.name}逾期", adopted=True, deadline=today - dt.timedelta(days=30), **common
        )
        plan_services.milestone_create(owner=late, name="开工", planned_date=today - dt.timedelta(days=60))
        LivelihoodProject.objects.create(name=f"{town.name}落选", adopted=False, **common)
    towns = dashboard.county_towns(org.users["county"])
    rows = dashboard.livelihood_rows(towns, today.year, today)
    assert len(rows) == 4  # adopted ones only
    for r in rows:
        assert r.status == plans_sel.livelihood_row(r.obj, today).status
    late = next(r for r in rows if r.obj.name == f"{yunxi.name}逾期")
    done = next(r for r in rows if r.obj.name == f"{yunxi.name}已验收")
    assert late.status != done.status == "done"
    only = dashboard.livelihood_rows(towns, today.year, today, town=yunxi.pk, status=late.status)
    assert [r.obj.name for r in only] == [f"{yunxi.name}逾期"]
    client = client_for("county")
    body = client.get(reverse("county:dashboard")).content.decode()
    assert (
        f'{reverse("county:livelihood")}?year={today.year}&amp;town={yunxi.pk}&amp;status=overdue">1<' in body
    )
    page = client.get(
        reverse("county:livelihood"), {"year": today.year, "town": yunxi.pk, "status": "overdue"}
    ).content.decode()
    assert (
        f"{yunxi.name}逾期" in page and f"{yunxi.name}已验收" not in page and bailu.name + "逾期" not in page
    )


def test_the_cached_kpi_table_shows_a_new_case_and_the_clock_at_once(org, scheme, yunxi):
    """The KPI table is cached until a case is written or an open case's due time passes; a hit
    equals what the roll-up gives at that moment."""
    county = org.users["county"]
    towns = dashboard.county_towns(county)
    year, now = timezone.localdate().year, timezone.now()

    def on_time(kpi):
        row = next(r for r in kpi["rows"] if r["town"].pk == yunxi.pk)
        return next(f for f in row["kpis"] if f["key"] == "on_time"), row["cases"]

    first = dashboard.kpi_cached(county, towns, year, now, dashboard.versions())
    with CaptureQueriesContext(connection) as q:
        again = dashboard.kpi_cached(county, towns, year, now, dashboard.versions())
    assert len(q) == 1  # the versions only: the table came from the cache
    assert on_time(again) == on_time(first)

    case = case_services.case_create(
        case_type="petition",
        title="新信访",
        content="反映问题。",
        actor=org.users["office"],
        town=yunxi,
        contact_name="王五",
        contact_phone="13812345670",
    )
    due = now + dt.timedelta(hours=1)
    case.due_at = due  # through save(): the roll-up follows
    case.save()
    now = timezone.now()  # the next view's clock: the case was received before it
    fresh = dashboard.kpi_cached(county, towns, year, now, dashboard.versions())
    assert on_time(fresh)[1] == on_time(first)[1] + 1  # the new case is counted at once

    later = due + dt.timedelta(minutes=1)  # the case is now overdue: 按期办结率's denominator grows
    moved = dashboard.kpi_cached(county, towns, year, later, dashboard.versions())
    direct = dashboard.kpi_table(county, towns, year, later)
    assert on_time(moved) == on_time(direct)
    assert on_time(moved)[0]["den"] == on_time(fresh)[0]["den"] + 1


def test_grouped_forms_of_the_plans_entries_equal_their_town_by_town_figures(org, yunxi, bailu):
    """The registry's grouped forms (``compute.many``) the dashboard reads give each town what the
    entry computes for that town alone: value, numerator and denominator."""
    from decimal import Decimal

    from luoshi.accounts import registry
    from luoshi.org.models import Town
    from luoshi.plans.models import LivelihoodProject, LivelihoodRound, Plan, Project

    today = timezone.localdate()
    plan = Plan.objects.create(town=yunxi, year=today.year, title="计划")
    Project.objects.create(plan=plan, name="甲", annual_done=Decimal(12345))
    Project.objects.create(plan=plan, name="乙", annual_done=Decimal(600))
    Project.objects.create(plan=plan, name="丙")
    r = LivelihoodRound.objects.create(plan=plan, phase="implementing")
    unit = yunxi.units.first()
    for name, adopted, accepted in (("一", True, today), ("二", True, None), ("三", False, None)):
        LivelihoodProject.objects.create(
            round=r, name=name, budget=Decimal(1), owner_unit=unit, adopted=adopted, accepted_on=accepted
        )
    start = timezone.make_aware(dt.datetime(today.year, 1, 1))
    now = timezone.now()
    towns = Town.objects.filter(pk__in=[yunxi.pk, bailu.pk])
    keys = [
        "projects-key-investment-done",
        "projects-key-count",
        "livelihood-adopted",
        "livelihood-completed",
    ]
    for key in keys:
        compute = registry.REGISTRY[key].compute
        many = compute.many(towns, start, now, now)
        for town in (yunxi, bailu):
            one = compute(town, start, now, now)
            got = many.get(town.pk, 0.0)
            value, num, den = got if isinstance(got, tuple) else (got, got, None)
            assert (value, num, den) == (one.value, one.numerator, one.denominator), (key, town.name)
    assert registry.REGISTRY["livelihood-completed"].compute(yunxi, start, now, now).numerator == 1
