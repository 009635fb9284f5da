"""The monitoring workflow as DOMAIN.md §9 lists it, enforced by the table: who may fire each step,
the 15-day identification limit, risk elimination only when the records meet its conditions (six
months above the line, rigid expenses, 三保障 and water), re-flagging; payments as indicators."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal
from unittest import mock

import pytest
from django.utils import timezone

from luoshi.accounts import registry
from luoshi.assistance import selectors, services, workflow
from luoshi.assistance.models import Status
from luoshi.assistance.services import AssistanceError

pytestmark = pytest.mark.django_db


def _identify(h, users):
    for name, actor in [
        ("verify", "grid"),
        ("appraise", "village"),
        ("publicise", "village"),
        ("town_review", "office"),
        ("county_approve", "county"),
    ]:
        h = services.household_transition(name=name, household=h, actor=users[actor], note="同意")
    return h


def test_each_step_only_by_its_actor_and_in_order(world):
    users, a = world["org"].users, world["a"]
    with pytest.raises(AssistanceError):
        services.household_transition(name="appraise", household=a, actor=users["village"], note="x")
    with pytest.raises(AssistanceError):  # another village's cadre
        services.household_transition(name="verify", household=a, actor=users["village2"], note="x")
    with pytest.raises(AssistanceError):  # the county cannot verify
        services.household_transition(name="verify", household=a, actor=users["county"], note="x")
    with pytest.raises(AssistanceError):  # a note is required
        services.household_transition(name="verify", household=a, actor=users["grid"], note=" ")
    a = services.household_transition(name="verify", household=a, actor=users["grid"], note="入户核实属实")
    with pytest.raises(AssistanceError):  # the grid worker does not appraise
        services.household_transition(name="appraise", household=a, actor=users["grid"], note="x")
    a = services.household_transition(name="appraise", household=a, actor=users["village"], note="评议通过")
    a = services.household_transition(
        name="publicise", household=a, actor=users["village"], note="村务公开栏5天"
    )
    with pytest.raises(AssistanceError):  # the other town's office
        services.household_transition(name="town_review", household=a, actor=users["office_b"], note="x")
    a = services.household_transition(name="town_review", household=a, actor=users["office"], note="同意")
    with pytest.raises(AssistanceError):
        services.household_transition(name="county_approve", household=a, actor=users["office"], note="x")
    a = services.household_transition(name="county_approve", household=a, actor=users["county"], note="同意")
    assert a.status == Status.MONITORED and a.approved_on == timezone.localdate()
    assert [s.transition for s in a.steps.all()] == [
        "flag",
        "verify",
        "appraise",
        "publicise",
        "town_review",
        "county_approve",
    ]


def test_identification_limit_is_15_days_and_marked_overdue(world):
    a = world["a"]
    assert a.identify_due == timezone.localtime(a.flagged_at).date() + dt.timedelta(days=15)
    assert not a.identify_overdue(a.identify_due)
    assert a.identify_overdue(a.identify_due + dt.timedelta(days=1))


def test_grid_worker_flags_only_in_own_grid(world):
    org = world["org"]
    vb = org.users["village2"].roles.get().village
    with pytest.raises(AssistanceError):
        services.household_flag(
            actor=org.users["grid"],
            village=vb,
            head_name="某某",
            category="marginal",
            channel="cadre",
            risk_type="illness",
        )


def _month(today, back):
    y, m = today.year, today.month - back
    while m <= 0:
        y, m = y - 1, m + 12
    return dt.date(y, m, 1)


def test_elimination_needs_six_months_above_line_and_secured_guarantees(world):
    org, users = world["org"], world["org"].users
    a = _identify(world["a"], users)
    cadre = users["village"]
    services.measure_add(
        actor=users["office"],
        household=a,
        kind="employment",
        description="公益性岗位",
        cadre=cadre,
        started_on=timezone.localdate(),
    )
    a.refresh_from_db()
    assert a.status == Status.ASSISTING and a.cadre == cadre
    today = timezone.localdate()
    # 1 member (the head): 600 a month = 7200 a year, above the 6200 line; 5 months only
    for back in range(1, 6):
        services.income_record(actor=users["village"], household=a, month=_month(today, back), amount="600")
    services.visit_record(
        actor=users["grid"],
        household=a,
        visited_on=today,
        note="三保障和饮水安全均已落实",
        education_secured=True,
        medical_secured=True,
        housing_secured=True,
        water_secured=True,
        rigid_expenses_resolved=True,
    )
    with pytest.raises(AssistanceError, match="收入"):
        services.household_transition(
            name="propose_elimination", household=a, actor=users["village"], note="拟消除"
        )
    assert selectors.eligible_for_elimination(users["office"], today) == []
    services.income_record(actor=users["village"], household=a, month=_month(today, 6), amount="600")
    assert [h.pk for h in selectors.eligible_for_elimination(users["office"], today)] == [a.pk]
    # a later visit finding water not secured withdraws the proposal
    services.visit_record(
        actor=users["grid"],
        household=a,
        visited_on=today,
        note="水源断供",
        education_secured=True,
        medical_secured=True,
        housing_secured=True,
        rigid_expenses_resolved=True,
    )
    assert selectors.eligible_for_elimination(users["office"], today) == []
    services.visit_record(
        actor=users["grid"],
        household=a,
        visited_on=today,
        note="已通自来水",
        education_secured=True,
        medical_secured=True,
        housing_secured=True,
        water_secured=True,
        rigid_expenses_resolved=True,
    )
    a = services.household_transition(
        name="propose_elimination", household=a, actor=users["village"], note="符合条件"
    )
    for name, actor in [
        ("elim_verify", "grid"),
        ("elim_appraise", "village"),
        ("elim_publicise", "village"),
        ("elim_town_review", "office"),
        ("elim_approve", "county"),
    ]:
        a = services.household_transition(name=name, household=a, actor=users[actor], note="同意")
    assert a.status == Status.ELIMINATED and a.eliminated_on == today
    # re-flagging keeps the record and counts again
    a = services.household_transition(name="reflag", household=a, actor=users["grid"], note="因灾返贫风险")
    assert a.status == Status.FLAGGED and a.times_flagged == 2 and a.eliminated_on is None
    assert a.steps.count() == 1 + 5 + 1 + 1 + 5 + 1
    del org


def test_income_line_is_per_province_and_year(world):
    users = world["org"].users
    with pytest.raises(AssistanceError):
        services.income_line_set(
            actor=users["office"], province_code="36", province_name="示范省", year=2027, amount="6500"
        )
    line = services.income_line_set(
        actor=users["county"], province_code="36", province_name="示范省", year=2027, amount="6500"
    )
    assert selectors.line_for(world["a"].town)(2027) == Decimal("6500.00") == line.amount
    assert selectors.line_for(world["a"].town)(2024) is None


def test_payments_entered_by_the_town_feed_the_programme_indicators(world):
    users, b = world["org"].users, world["b"]
    with pytest.raises(AssistanceError):
        services.payment_record(
            actor=users["village2"], household=b, programme="dibao", month=dt.date(2026, 1, 1), amount="500"
        )
    services.payment_record(
        actor=users["office"],
        household=b,
        programme="dibao",
        month=dt.date(2026, 1, 1),
        amount="500",
        persons=2,
    )
    services.payment_record(
        actor=users["office"],
        household=b,
        programme="dibao",
        month=dt.date(2026, 2, 1),
        amount="520",
        persons=2,
    )
    services.payment_record(
        actor=users["office"], household=b, programme="yulu", month=dt.date(2026, 3, 1), amount="1500"
    )
    with pytest.raises(AssistanceError, match="已登记"):
        services.payment_record(
            actor=users["office"], household=b, programme="dibao", month=dt.date(2026, 1, 15), amount="1"
        )
    tz = timezone.get_current_timezone()
    start, end = dt.datetime(2026, 1, 1, tzinfo=tz), dt.datetime(2027, 1, 1, tzinfo=tz)
    r = registry.compute("assistance-paid-dibao", b.town, start, end, end)
    assert r.numerator == 1020.0 and r.value == 0.102 and r.records.count() == 2
    assert registry.compute("assistance-paid-yulu", b.town, start, end, end).numerator == 1500.0
    assert registry.compute("assistance-paid-dibao", world["c"].town, start, end, end).numerator == 0


def test_new_households_and_coverage_indicators_and_kpis(world):
    users = world["org"].users
    today = timezone.localdate()
    b = _identify_b(world)
    tz = timezone.get_current_timezone()
    start = dt.datetime(today.year, 1, 1, tzinfo=tz)
    end = dt.datetime(today.year + 1, 1, 1, tzinfo=tz)
    assert registry.compute("assistance-new-households", b.town, start, end, end).numerator == 1
    assert registry.compute("assistance-new-people", b.town, start, end, end).numerator == 2
    cov = registry.compute("assistance-measure-coverage", b.town, start, end, end)
    assert (cov.numerator, cov.denominator) == (0, 1)
    services.measure_add(
        actor=users["village2"],
        household=b,
        kind="medical",
        description="大病救助",
        cadre=users["village2"],
        started_on=today,
    )
    cov = registry.compute("assistance-measure-coverage", b.town, start, end, end)
    assert (cov.numerator, cov.denominator, cov.value) == (1, 1, 100.0)
    k = selectors.kpis([b.town], today.year)
    assert (k["new_households"], k["new_people"], k["coverage"], k["identified_on_time"]) == (1, 2, 100.0, 1)


def _identify_b(world):
    users = world["org"].users
    b = world["b"]
    for name, actor in [
        ("verify", "village2"),
        ("appraise", "village2"),
        ("publicise", "village2"),
        ("town_review", "office"),
        ("county_approve", "county"),
    ]:
        b = services.household_transition(name=name, household=b, actor=users[actor], note="同意")
    return b


def test_workflow_table_covers_section_9_states():
    targets = {t.target for t in workflow.TRANSITIONS.values()}
    assert set(Status.values) - {Status.FLAGGED} <= targets
    assert workflow.TRANSITIONS["propose_elimination"].check_elimination
    assert workflow.TRANSITIONS["elim_approve"].check_elimination


@mock.patch("luoshi.assistance.services.timezone.localdate")
def test_income_month_in_future_is_refused(localdate, world):
    localdate.return_value = dt.date(2026, 3, 10)
    with pytest.raises(AssistanceError) as exc:
        services.income_record(
            actor=world["org"].users["office"], household=world["b"], month=dt.date(2026, 4, 1), amount="1"
        )
    assert exc.value.field == "month"
