"""Computed indicators give exactly the case engine's and the plans' figures, with the records behind them."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

import pytest
from django.utils import timezone

from luoshi.accounts import periods
from luoshi.accounts import selectors as sel
from luoshi.cases import kpis
from luoshi.cases.models import Case
from luoshi.plans import services as plan_services
from luoshi.plans.models import Project

pytestmark = pytest.mark.django_db
YEAR = timezone.localdate().year


def test_the_petition_on_time_rate_is_the_case_engines_figure_for_the_town_and_year(
    yunxi, bailu, petitions, ind
):
    petitions([True, True, True, True, True, False])
    petitions([False, False], town=bailu)  # another town's cases do not count
    fig = sel.figure(ind("cases-petition-on-time"), yunxi, periods.Period(YEAR, periods.YEAR))
    start = timezone.make_aware(dt.datetime(YEAR, 1, 1))
    engine = kpis.kpi(
        "on_time", Case.objects.filter(town=yunxi, case_type__code="petition"), start, timezone.now()
    )
    assert fig.value == engine.rate == 83.3
    assert (fig.numerator, fig.denominator) == (5, 6)
    assert fig.version == kpis.DEFINITION_VERSION
    assert fig.display == engine.display == "83.3%"
    assert fig.result.records.count() == 6 and fig.result.counted.count() == 5


def test_other_case_types_do_not_leak_into_a_per_type_kpi(org, yunxi, petitions, ind):
    from luoshi.cases import services as case_services

    petitions([True])
    case_services.case_create(case_type="public", title="路灯", content="路灯不亮", actor=org.users["office"])
    fig = sel.figure(ind("cases-petition-on-time"), yunxi, periods.Period(YEAR, periods.YEAR))
    assert fig.denominator == 1


def test_a_period_before_the_cases_counts_nothing(yunxi, petitions, ind):
    petitions([True, False])
    fig = sel.figure(ind("cases-petition-on-time"), yunxi, periods.Period(YEAR - 1, periods.YEAR))
    assert fig.denominator == 0 and fig.value is None and fig.display == "—"


def test_project_counts_follow_the_recorded_stage_dates(org, yunxi, plan, ind):
    office = org.users["office"]
    big = plan_services.project_create(plan=plan, by=office, name="大项目", investment=Decimal(20000))
    small = plan_services.project_create(plan=plan, by=office, name="小项目", investment=Decimal(3000))
    old = plan_services.project_create(plan=plan, by=office, name="去年签约", investment=Decimal(50000))
    today = timezone.localdate()
    for p in (big, small):
        plan_services.project_stage_set(project=p, stage="lead", date=dt.date(YEAR, 1, 1), by=office)
        plan_services.project_stage_set(project=p, stage="signed", date=dt.date(YEAR, 1, 2), by=office)
    plan_services.project_stage_set(project=old, stage="signed", date=dt.date(YEAR - 1, 12, 1), by=office)
    assert today >= dt.date(YEAR, 1, 2) or pytest.skip("needs 2 January")
    fig = sel.figure(ind("projects-signed-100m"), yunxi, periods.Period(YEAR, periods.YEAR))
    assert fig.value == 1
    assert list(fig.result.records) == [big]
    Project.objects.filter(pk=small.pk).update(investment=Decimal(10000))  # exactly 1 亿元 counts
    assert sel.figure(ind("projects-signed-100m"), yunxi, periods.Period(YEAR, periods.YEAR)).value == 2


def test_completed_investment_of_key_projects_is_their_sum_in_yi_yuan(org, yunxi, plan, ind):
    office = org.users["office"]
    for amount in (12000, 3000):
        plan_services.project_create(
            plan=plan, by=office, name=f"P{amount}", kind="key", annual_done=Decimal(amount)
        )
    plan_services.project_create(
        plan=plan, by=office, name="招商", kind="investment", annual_done=Decimal(99999)
    )
    fig = sel.figure(ind("projects-key-investment-done"), yunxi, periods.Period(YEAR, periods.YEAR))
    assert fig.value == 1.5


def test_every_registry_entry_computes_for_an_empty_town(yunxi, ind):
    from luoshi.accounts.registry import REGISTRY

    for key in REGISTRY:
        fig = sel.figure(ind(key), yunxi, periods.Period(YEAR, periods.YEAR))
        assert fig.value in (None, 0.0), key


def test_livelihood_projects_completed_count_the_adopted_ones_accepted(org, yunxi, plan, ind):
    from luoshi.plans.models import LivelihoodProject, LivelihoodRound

    r = LivelihoodRound.objects.create(plan=plan, seats=2)
    unit = yunxi.units.first()
    made = [
        LivelihoodProject.objects.create(
            round=r,
            name=f"项目{i}",
            budget=Decimal(100),
            owner_unit=unit,
            adopted=adopted,
            accepted_on=accepted,
        )
        for i, (adopted, accepted) in enumerate(
            [(True, timezone.localdate()), (True, None), (False, timezone.localdate())]
        )
    ]
    fig = sel.figure(ind("livelihood-completed"), yunxi, periods.Period(YEAR, periods.YEAR))
    assert (fig.value, fig.numerator, fig.denominator) == (1.0, 1, 2)
    assert set(fig.result.records) == set(made[:2]) and list(fig.result.counted) == [made[0]]
