"""Deadlines across a year the calendar package does not know: the warning, and the recomputation once
the year's holidays are entered (issue: a case received 2026-12-28 with 15 working days was due
2027-01-18, New Year's Day counted as a working day)."""

from __future__ import annotations

import datetime as dt
from unittest import mock

import pytest
from django.urls import reverse
from django.utils import timezone

from luoshi.cases import deadlines, rollup, services
from luoshi.cases.models import Case, CaseEvent, EventKind, SlaPolicy, Status
from luoshi.cases.tests.test_rollup import _cells
from luoshi.lib.holidays_notice import parse_notice
from luoshi.lib.tests.test_holidays_notice import NOTICE_2027
from luoshi.lib.workdays import year_is_official
from luoshi.org import services as org_services
from luoshi.org.models import CalendarYear

pytestmark = pytest.mark.django_db


def at(y, m, d, hh=10):
    return timezone.make_aware(dt.datetime(y, m, d, hh, 0))


def local_day(value):
    return timezone.localtime(value).date()


@pytest.fixture(autouse=True)
def _immediate_tasks(settings):
    settings.TASKS = {"default": {"BACKEND": "django_tasks.backends.immediate.ImmediateBackend"}}


@pytest.fixture
def fifteen_days(places):
    """群众反映 in 云溪镇: 15 working days from receipt (the issue's example)."""
    return SlaPolicy.objects.create(
        case_type_id=Case._meta.get_field("case_type").related_model.objects.get(code="public").pk,
        town=places["yunxi"],
        day_basis="workdays",
        clock_starts="received",
        resolution_days=15,
        near_due_days=1,
    )


def received(make_case, when, **kw):
    return make_case("public", received_at=when, **kw)


def enter_2027(actor, django_capture_on_commit_callbacks):
    notice = parse_notice(NOTICE_2027, 2027)
    with django_capture_on_commit_callbacks(execute=True):
        return org_services.calendar_year_replace(
            year=2027, days=[(d.date, d.is_workday, d.name) for d in notice.days], actor=actor
        )


def test_the_issue_example_is_provisional_before_and_right_after_2027_is_entered(
    make_case, fifteen_days, users, django_capture_on_commit_callbacks
):
    assert not year_is_official(2027)
    case = received(make_case, at(2026, 12, 28))
    assert local_day(case.due_at) == dt.date(2027, 1, 18)  # New Year's Day counted as a working day
    assert deadlines.provisional_years(case) == [2027]

    row, changed = enter_2027(users["county"], django_capture_on_commit_callbacks)

    case.refresh_from_db()
    # 12-29, 12-30, 12-31, [01-01..01-03 off], 01-04 … 01-19 is the 15th working day
    assert local_day(case.due_at) == dt.date(2027, 1, 19)
    assert case.warn_at == case.due_at - dt.timedelta(days=1)
    assert deadlines.provisional_years(case) == []
    (event,) = CaseEvent.objects.filter(case=case, kind=EventKind.DEADLINE_RECOMPUTED)
    assert "2027-01-18" in event.note and "2027-01-19" in event.note
    assert event.data["old_due_at"].startswith("2027-01-18") and event.data["due_at"].startswith("2027-01-19")
    row.refresh_from_db()
    assert (row.recompute_state, row.recompute_total, row.recompute_done, row.recompute_moved) == (
        "done",
        1,
        1,
        1,
    )
    # the case's audit history records the new deadline too
    assert local_day(case.history.first().due_at) == dt.date(2027, 1, 19)


def test_recompute_moves_open_cases_once_each_and_leaves_closed_and_unrelated_ones(
    make_case, fifteen_days, users, places, django_capture_on_commit_callbacks
):
    open_a = received(make_case, at(2026, 12, 28))
    open_b = received(make_case, at(2026, 12, 21))  # due 2027-01-11 before, 01-12 after
    suspended = received(make_case, at(2026, 12, 22))
    services.case_dispatch(case=suspended, actor=users["office"], unit=places["yjb"])
    services.case_sign(case=suspended, actor=users["unit"])
    suspended = services.case_suspend(case=suspended, actor=users["office"], reason="等待鉴定")
    closed = received(make_case, at(2026, 12, 28))
    services.case_dispatch(case=closed, actor=users["office"], unit=places["yjb"])
    services.case_sign(case=closed, actor=users["unit"])
    closed = services.case_resolve(case=closed, actor=users["unit"], reply="路灯已修复。")
    assert closed.status == Status.RESOLVED
    earlier = received(make_case, at(2026, 11, 2))  # due in November: never crosses 2027
    before = {c.pk: Case.objects.get(pk=c.pk).due_at for c in (open_a, open_b, suspended, closed, earlier)}

    enter_2027(users["county"], django_capture_on_commit_callbacks)

    after = {pk: Case.objects.get(pk=pk).due_at for pk in before}
    for moved in (open_a, open_b, suspended):
        assert after[moved.pk] - before[moved.pk] == dt.timedelta(days=1), moved
        assert CaseEvent.objects.filter(case_id=moved.pk, kind=EventKind.DEADLINE_RECOMPUTED).count() == 1
    for kept in (closed, earlier):
        assert after[kept.pk] == before[kept.pk]
        assert not CaseEvent.objects.filter(case_id=kept.pk, kind=EventKind.DEADLINE_RECOMPUTED).exists()

    # the KPI roll-up (kept by Case.save(), which the batch update bypasses) still equals a rebuild
    incremental = _cells()
    rollup.rebuild()
    assert _cells() == incremental

    # entering the same schedule again changes no date: nothing recomputed, no second entry
    enter_2027(users["county"], django_capture_on_commit_callbacks)
    assert CaseEvent.objects.filter(kind=EventKind.DEADLINE_RECOMPUTED).count() == 3


def test_recompute_runs_in_batches_and_counts_progress(make_case, fifteen_days, users):
    cases = [received(make_case, at(2026, 12, 28)) for _ in range(5)]
    CalendarYear.objects.create(year=2027)
    org_services.calendar_day_set(
        date=dt.date(2027, 1, 1), is_workday=False, note="元旦", actor=users["county"]
    )
    counts = deadlines.deadlines_recompute(
        start=dt.date(2027, 1, 1), end=dt.date(2027, 1, 1), year=2027, batch_size=2
    )
    assert counts == {"total": 5, "checked": 5, "moved": 5}
    row = CalendarYear.objects.get(year=2027)
    assert (row.recompute_state, row.recompute_done, row.recompute_moved) == ("done", 5, 5)
    assert all(local_day(Case.objects.get(pk=c.pk).due_at) == dt.date(2027, 1, 19) for c in cases)


def test_removing_a_day_moves_the_deadline_back(
    make_case, fifteen_days, users, django_capture_on_commit_callbacks
):
    case = received(make_case, at(2026, 12, 28))
    with django_capture_on_commit_callbacks(execute=True):
        org_services.calendar_day_set(date=dt.date(2027, 1, 1), is_workday=False, actor=users["county"])
    assert local_day(Case.objects.get(pk=case.pk).due_at) == dt.date(2027, 1, 19)
    with django_capture_on_commit_callbacks(execute=True):
        org_services.calendar_day_remove(date=dt.date(2027, 1, 1), actor=users["county"])
    assert local_day(Case.objects.get(pk=case.pk).due_at) == dt.date(2027, 1, 18)
    assert CaseEvent.objects.filter(case=case, kind=EventKind.DEADLINE_RECOMPUTED).count() == 2


def test_calendar_day_policies_get_no_warning(make_case, fifteen_days):
    petition = make_case("petition", received_at=at(2026, 12, 20))
    public = received(make_case, at(2026, 12, 20))
    petition.due_at = public.due_at  # into 2027 either way; only the working-day one is provisional
    assert deadlines.provisional_years(public) == [2027]
    assert deadlines.provisional_years(petition) == []


def test_warning_on_the_case_page_and_queue_row_until_the_year_is_confirmed(
    make_case, fifteen_days, client_for, users
):
    case = received(make_case, at(2026, 12, 28))
    ordinary = received(make_case, at(2026, 3, 2), title="去年的路灯")  # due within 2026
    office = client_for("office")

    page = office.get(reverse("cases:detail", args=[case.pk])).content.decode()
    assert 'data-testid="deadline-provisional"' in page
    assert "2027 年的节假日安排尚未录入" in page
    page = office.get(reverse("cases:detail", args=[ordinary.pk])).content.decode()
    assert 'data-testid="deadline-provisional"' not in page

    listing = office.get(reverse("cases:list") + "?queue=all").content.decode()
    rows = {line for line in listing.split("<tr>") if case.number in line or ordinary.number in line}
    marked = [r for r in rows if 'data-testid="deadline-provisional"' in r]
    assert len(marked) == 1 and case.number in marked[0]
    assert 'title="2027 年的节假日安排尚未录入' in marked[0]

    # days entered but the year not confirmed complete: still provisional
    org_services.calendar_day_set(date=dt.date(2027, 1, 1), is_workday=False, actor=users["county"])
    assert (
        'data-testid="deadline-provisional"'
        in office.get(reverse("cases:detail", args=[case.pk])).content.decode()
    )
    org_services.calendar_year_confirm(year=2027, actor=users["county"])
    page = office.get(reverse("cases:detail", args=[case.pk])).content.decode()
    assert 'data-testid="deadline-provisional"' not in page


def test_sla_admin_warns_with_the_number_of_provisional_open_deadlines(make_case, fifteen_days, client_for):
    received(make_case, at(2026, 12, 28))
    admin = client_for("admin")
    with mock.patch("django.utils.timezone.localdate", return_value=dt.date(2026, 12, 28)):
        for name in ("admin:cases_slapolicy_changelist", "admin:cases_casetype_changelist"):
            page = admin.get(reverse(name)).content.decode()
            assert "2027 年的节假日安排尚未录入：1 件在办案件" in page, name
            assert reverse("org:calendar_year", args=[2027]) in page
