"""SLA clocks: working days with holidays and 调休, calendar days, admin overrides, suspension."""

from __future__ import annotations

import datetime as dt
from unittest import mock

import pytest
from django.utils import timezone

from luoshi.cases import services, sla
from luoshi.cases.models import CaseType, SlaPolicy
from luoshi.org.models import CalendarDay

pytestmark = pytest.mark.django_db


def at(y, m, d, hh=10):
    return timezone.make_aware(dt.datetime(y, m, d, hh, 0))


def local_day(value):
    return timezone.localtime(value).date()


def frozen(when):
    return mock.patch("luoshi.cases.services._now", return_value=when)


def test_five_working_days_skip_the_national_day_holiday_and_count_the_make_up_saturday():
    # 2024-09-30 (Mon). National Day: 10-01..10-07 off; 10-12 (Sat) is a make-up workday.
    due = sla.add_days(at(2024, 9, 30), 5, "workdays")
    # 10-08, 10-09, 10-10, 10-11, 10-12 (调休 Saturday)
    assert local_day(due) == dt.date(2024, 10, 12)
    assert timezone.localtime(due).time() == dt.time(23, 59, 59)


def test_calendar_days_ignore_holidays():
    assert local_day(sla.add_days(at(2024, 9, 30), 5, "calendar")) == dt.date(2024, 10, 5)


def test_a_year_the_package_lacks_uses_weekends_plus_admin_entered_days():
    from luoshi.lib.workdays import year_is_official

    year = 2099
    assert not year_is_official(year)
    start = at(year, 1, 2)  # Friday 2099-01-02
    assert local_day(sla.add_days(start, 1, "workdays")) == dt.date(year, 1, 5)  # Monday
    CalendarDay.objects.create(date=dt.date(year, 1, 5), is_workday=False, note="假")
    CalendarDay.objects.create(date=dt.date(year, 1, 3), is_workday=True, note="调休")
    assert local_day(sla.add_days(start, 1, "workdays")) == dt.date(year, 1, 3)
    assert local_day(sla.add_days(start, 2, "workdays")) == dt.date(year, 1, 6)


def test_the_most_specific_policy_wins(places):
    hotline = CaseType.objects.get(code="hotline")
    consult = hotline.categories.get(code="consult")
    assert sla.policy_for(case_type=hotline).resolution_days == 5
    assert sla.policy_for(case_type=hotline, category=consult).resolution_days == 3
    assert sla.policy_for(case_type=hotline, priority="urgent").resolution_days == 1
    SlaPolicy.objects.create(case_type=hotline, town=places["yunxi"], resolution_days=4)
    assert sla.policy_for(case_type=hotline, town=places["yunxi"]).resolution_days == 4
    assert sla.policy_for(case_type=hotline, town=places["bailu"]).resolution_days == 5


def test_hotline_clock_starts_at_sign_for_over_the_spring_festival(make_case, users, places):
    with frozen(at(2025, 1, 24)):  # Friday before the 2025 Spring Festival
        case = make_case("hotline")
        case = services.case_dispatch(case=case, actor=users["office"], unit=places["yjb"])
        assert case.due_at is None  # the hotline clock starts at sign-for
        assert local_day(case.sign_due_at) == dt.date(2025, 1, 26)  # Sunday 01-26 is a make-up workday
        case = services.case_sign(case=case, actor=users["unit"])
    # workdays after 01-24: 01-26 (调休), 01-27, [01-28..02-04 off], 02-05, 02-06, 02-07
    assert local_day(case.due_at) == dt.date(2025, 2, 7)


def test_petition_counts_calendar_days_from_receipt(make_case):
    with frozen(at(2025, 3, 1)):
        case = make_case("petition")
    assert local_day(case.response_due_at) == dt.date(2025, 3, 16)
    assert local_day(case.due_at) == dt.date(2025, 4, 30)


def test_suspension_stops_the_clock_and_moves_the_due_date(make_case, users, places):
    with frozen(at(2025, 3, 3)):  # Monday
        case = make_case("public")
        case = services.case_dispatch(case=case, actor=users["office"], unit=places["yjb"])
        case = services.case_sign(case=case, actor=users["unit"])
    assert local_day(case.due_at) == dt.date(2025, 3, 12)  # 7 working days
    with frozen(at(2025, 3, 4)):
        case = services.case_suspend(case=case, actor=users["office"], reason="等待检测报告")
    with frozen(at(2025, 3, 11)):  # a week later: 5 working days (03-05..03-11) paused
        case = services.case_resume(case=case, actor=users["office"])
    assert case.paused_days == 5
    assert case.paused_seconds == 7 * 86400
    assert local_day(case.due_at) == dt.date(2025, 3, 19)


def test_overdue_and_near_due_flags_come_from_the_sweep(make_case, users, places):
    with frozen(at(2025, 3, 3)):
        case = make_case("public")
        case = services.case_dispatch(case=case, actor=users["office"], unit=places["yjb"])
    # due 2025-03-12 23:59:59; near-due from 03-11 23:59:59
    counts = services.cases_sweep(now=at(2025, 3, 12, 12))
    case.refresh_from_db()
    assert counts["near_due"] == 1 and case.near_due and not case.overdue
    counts = services.cases_sweep(now=at(2025, 3, 14))
    case.refresh_from_db()
    assert counts["overdue"] == 1 and case.overdue
    assert case.events.filter(kind="overdue").count() == 1
    services.cases_sweep(now=at(2025, 3, 15))
    assert case.events.filter(kind="overdue").count() == 1  # flagged once


def test_late_resolution_is_recorded_as_not_on_time(make_case, users, places):
    with frozen(at(2025, 3, 3)):
        case = make_case("public")
        case = services.case_dispatch(case=case, actor=users["office"], unit=places["yjb"])
        case = services.case_sign(case=case, actor=users["unit"])
    with frozen(at(2025, 3, 20)):
        case = services.case_resolve(case=case, actor=users["unit"], reply="已处理")
    assert case.resolved_on_time is False and case.overdue


def test_extension_cannot_be_requested_after_the_deadline(make_case, users, places):
    with frozen(at(2025, 3, 3)):
        case = make_case("public")
        case = services.case_dispatch(case=case, actor=users["office"], unit=places["yjb"])
        case = services.case_sign(case=case, actor=users["unit"])
    with frozen(at(2025, 3, 20)), pytest.raises(services.NotAllowed):
        services.case_request_extension(case=case, actor=users["unit"], days=2, reason="来不及")
