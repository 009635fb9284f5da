"""SLA policy: which limits apply to a case, and the due times they give.

Limits are whole days on the policy's basis (working days through ``luoshi.lib.workdays`` with the
admin-entered ``org.CalendarDay`` overrides, or calendar days). A deadline is the end of its due
day in local time. Suspension stops the clock: the days spent suspended (on the same basis) are
added to every limit when the case resumes, and stored on the case (``paused_days``,
``paused_seconds``).
"""

from __future__ import annotations

import datetime as dt

from django.utils import timezone

from luoshi.cases import config
from luoshi.cases.models import Case, ClockStart, DayBasis, SlaPolicy
from luoshi.lib import workdays


def policy_for(*, case_type, category=None, priority: str = "", town=None) -> SlaPolicy | None:
    """The most specific active policy: town, then category, then priority, beat the type default.

    Policies come from the per-process cache (``luoshi.cases.config``), not from a query per case.
    """
    town_id = town.pk if town else None
    category_id = category.pk if category else None
    best, best_key = None, None
    for p in config.sla_policies(case_type.pk):
        if p.town_id is not None and p.town_id != town_id:
            continue
        if p.category_id is not None and p.category_id != category_id:
            continue
        if p.priority and p.priority != (priority or ""):
            continue
        key = (p.town_id is not None, p.category_id is not None, p.priority != "", -p.pk)
        if best_key is None or key > best_key:
            best, best_key = p, key
    return best


def _local_date(when: dt.datetime) -> dt.date:
    return timezone.localtime(when).date()


def _end_of_day(day: dt.date) -> dt.datetime:
    return timezone.make_aware(dt.datetime.combine(day, dt.time(23, 59, 59)))


def add_days(start: dt.datetime, days: int, basis: str, overrides=None) -> dt.datetime:
    """The end of the day ``days`` days (on ``basis``) after ``start``; start's own day is not counted."""
    day = _local_date(start)
    if basis == DayBasis.WORKDAYS:
        if overrides is None:
            overrides = config.calendar_overrides()
        due = workdays.add_workdays(day, days, overrides)
    else:
        due = day + dt.timedelta(days=days)
    return _end_of_day(due)


def days_between(start: dt.datetime, end: dt.datetime, basis: str, overrides=None) -> int:
    """Days on ``basis`` in the half-open interval (start's day, end's day]."""
    a, b = _local_date(start), _local_date(end)
    if basis == DayBasis.WORKDAYS:
        if overrides is None:
            overrides = config.calendar_overrides()
        return max(0, workdays.workdays_between(a, b, overrides))
    return max(0, (b - a).days)


def clock_start_for(case: Case, policy: SlaPolicy) -> dt.datetime | None:
    return {
        ClockStart.RECEIVED: case.received_at,
        ClockStart.DISPATCHED: case.dispatched_at,
        ClockStart.SIGNED: case.signed_at
        or (case.dispatched_at if not case.case_type.requires_sign else None),
    }[policy.clock_starts]


def apply(case: Case, *, policy: SlaPolicy | None = None, restart_at: dt.datetime | None = None) -> None:
    """(Re)compute the case's due columns in memory from its policy, extension and paused days.

    ``restart_at`` starts a fresh resolution clock (a reopened case gets a new full limit).
    """
    policy = policy or policy_for(
        case_type=case.case_type, category=case.category, priority=case.priority, town=case.town
    )
    if policy is None:
        return
    if restart_at is not None:
        case.clock_started_at = restart_at
    elif case.clock_started_at is None:
        case.clock_started_at = clock_start_for(case, policy)
    basis = policy.day_basis
    if case.dispatched_at and policy.sign_days is not None and case.case_type.requires_sign:
        case.sign_due_at = add_days(case.dispatched_at, policy.sign_days, basis)
    start = case.clock_started_at
    if start is None:
        return
    if policy.response_days is not None:
        case.response_due_at = add_days(case.received_at, policy.response_days + case.paused_days, basis)
    total = policy.resolution_days + case.extension_days + case.paused_days
    case.due_at = add_days(start, total, basis)
    case.warn_at = _warn_time(case.due_at, policy)


def _warn_time(due_at: dt.datetime, policy: SlaPolicy) -> dt.datetime:
    """Start of the near-due window: ``near_due_days`` calendar days before the deadline."""
    return due_at - dt.timedelta(days=policy.near_due_days)


def refresh_flags(case: Case, now: dt.datetime | None = None) -> None:
    """临期 / 超期 as of ``now``. Resolved cases keep whether they finished late; paused ones never tick."""
    now = now or timezone.now()
    if case.resolved_at:
        case.near_due = False
        case.overdue = bool(case.due_at and case.resolved_at > case.due_at)
        return
    if case.status == "suspended" or case.due_at is None or case.stage == "closed":
        case.near_due = False
        case.overdue = bool(case.overdue and case.stage != "closed")
        return
    case.overdue = now > case.due_at
    case.near_due = not case.overdue and case.warn_at is not None and now >= case.warn_at


def max_extension(case: Case) -> int:
    policy = policy_for(
        case_type=case.case_type, category=case.category, priority=case.priority, town=case.town
    )
    return policy.max_extension_days if policy else 0


def basis_of(case: Case) -> str:
    policy = policy_for(
        case_type=case.case_type, category=case.category, priority=case.priority, town=case.town
    )
    return policy.day_basis if policy else DayBasis.CALENDAR
