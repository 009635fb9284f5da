"""Writes to the organisation model."""

from __future__ import annotations

import datetime as dt

from django.db import transaction
from django.db.models import F, Q
from django.dispatch import Signal
from django.utils import timezone
from django.utils.translation import gettext as _

from luoshi.org.models import (
    CalendarDay,
    CalendarYear,
    County,
    Grid,
    RoleAssignment,
    Town,
    Unit,
    User,
    Village,
)
from luoshi.org.roles import ROLE_ANCHOR, Role
from luoshi.org.selectors import forget_confirmed_years


def _anchor(role: Role, code: str | None):
    field = ROLE_ANCHOR[role]
    if field is None:
        return {}
    if not code:
        raise ValueError(f"role {role.value} needs --scope (the code of its {field})")
    if field == "unit":
        town_code, _, unit_code = code.partition(":")
        unit = Unit.objects.filter(town__code=town_code, code=unit_code).first()
        if unit is None:
            raise ValueError(f"no unit {unit_code!r} in town {town_code!r} (use TOWNCODE:UNITCODE)")
        return {"unit": unit}
    model = {"county": County, "town": Town, "village": Village, "grid": Grid}[field]
    obj = model.objects.filter(code=code).first()
    if obj is None:
        raise ValueError(f"no {field} with code {code!r}")
    return {field: obj}


@transaction.atomic
def user_create_with_role(
    *, username: str, password: str, role: str, full_name: str = "", place_code: str | None = None
) -> User:
    """Create a person with one role anchored at a place; raises ValueError with a readable reason."""
    if User.objects.filter(username=username).exists():
        raise ValueError(f"user {username!r} already exists")
    role_enum = Role(role)
    anchor = _anchor(role_enum, place_code)
    user = User.objects.create_user(username=username, password=password, full_name=full_name)
    if role_enum == Role.ADMIN:
        user.is_staff = user.is_superuser = True
        user.save(update_fields=["is_staff", "is_superuser"])
    RoleAssignment.objects.create(user=user, role=role_enum, **anchor)
    return user


# ---------------------------------------------------------------------------------------------
# The holiday calendar (放假 / 调休 days entered by the county, ``CalendarDay`` and ``CalendarYear``)

# Sent inside the writing transaction after days of the calendar changed: ``year`` (the notice year
# whose recomputation progress is shown) and the first and last changed dates. The cases app
# recomputes the deadlines of open cases across them (``luoshi.cases.deadlines``) after commit.
calendar_changed = Signal()


class CalendarError(ValueError):
    """Refused calendar input; ``field`` names the form field (or row) at fault."""

    def __init__(self, message: str, field: str | None = None):
        super().__init__(message)
        self.message = message
        self.field = field


def _calendar_year_row(year: int) -> CalendarYear:
    if not 2000 <= year <= 2100:
        raise CalendarError(_("年份须在 2000 至 2100 之间。"), "year")
    row, _created = CalendarYear.objects.select_for_update().get_or_create(year=year)
    return row


def _calendar_changed(row: CalendarYear, dates: set[dt.date]) -> None:
    """Mark the year's recomputation queued and tell the cases app which dates changed."""
    if not dates:
        return
    values = {
        "recompute_state": CalendarYear.Recompute.QUEUED,
        "recompute_total": 0,
        "recompute_done": 0,
        "recompute_moved": 0,
        "recompute_at": timezone.now(),
    }
    CalendarYear.objects.filter(pk=row.pk).update(**values)  # progress is not audited (no history row)
    for name, value in values.items():
        setattr(row, name, value)
    calendar_changed.send(sender=CalendarYear, year=row.year, start=min(dates), end=max(dates))


def _write_day(day: CalendarDay, actor: User | None, *, delete: bool = False) -> None:
    day._history_user = actor
    if delete:
        day.delete()
    else:
        day.full_clean(validate_unique=False)
        day.save()


@transaction.atomic
def calendar_year_replace(
    *, year: int, days: list[tuple[dt.date, bool, str]], actor: User, notice_text: str = ""
) -> tuple[CalendarYear, int]:
    """Save a year's schedule in one go (from the pasted notice), replacing the days entered for it.

    ``days`` are (date, is_workday, note); dates must be in ``year`` or, for a 元旦 range or make-up
    day across New Year, in the adjacent days of the year before or after. Every entered day of
    ``year`` not in ``days`` is removed. Marks the year confirmed and returns it with the number of
    dates that changed (their cases' deadlines are recomputed after commit).
    """
    row = _calendar_year_row(year)
    wanted: dict[dt.date, tuple[bool, str]] = {}
    for date, is_workday, note in days:
        if not (dt.date(year - 1, 12, 1) <= date <= dt.date(year + 1, 1, 31)):
            raise CalendarError(
                _("%(date)s 不属于 %(year)s 年的安排。") % {"date": date, "year": year}, "days"
            )
        if date in wanted and wanted[date][0] != is_workday:
            raise CalendarError(_("%(date)s 同时列为放假和上班。") % {"date": date}, "days")
        wanted[date] = (bool(is_workday), (note or "")[:100])
    if not wanted:
        raise CalendarError(_("没有可保存的日期。"), "days")
    existing = {
        d.date: d
        for d in CalendarDay.objects.select_for_update().filter(Q(date__year=year) | Q(date__in=list(wanted)))
    }
    changed: set[dt.date] = set()
    for date, day in existing.items():
        if date not in wanted:
            _write_day(day, actor, delete=True)
            changed.add(date)
    for date, (is_workday, note) in wanted.items():
        day = existing.get(date)
        if day is None:
            day = CalendarDay(date=date)
        elif day.is_workday == is_workday and day.note == note:
            continue
        if day.pk is None or day.is_workday != is_workday:
            changed.add(date)
        day.is_workday, day.note = is_workday, note
        _write_day(day, actor)
    row.confirmed_at, row.confirmed_by = timezone.now(), actor
    if notice_text:
        row.notice_text = notice_text
    row._history_user = actor
    row.save()
    forget_confirmed_years()
    _calendar_changed(row, changed)
    return row, len(changed)


@transaction.atomic
def calendar_day_set(*, date: dt.date, is_workday: bool, note: str = "", actor: User) -> CalendarDay:
    """Add or change one day (the manual editor); the deadlines across it are recomputed."""
    row = _calendar_year_row(date.year)
    day = CalendarDay.objects.select_for_update().filter(date=date).first() or CalendarDay(date=date)
    moved = day.pk is None or day.is_workday != is_workday
    day.is_workday, day.note = bool(is_workday), (note or "")[:100]
    _write_day(day, actor)
    _calendar_changed(row, {date} if moved else set())
    return day


@transaction.atomic
def calendar_day_remove(*, date: dt.date, actor: User) -> None:
    """Remove one entered day (it follows the calendar package, or the weekend, again)."""
    row = _calendar_year_row(date.year)
    day = CalendarDay.objects.select_for_update().filter(date=date).first()
    if day is None:
        raise CalendarError(_("%(date)s 没有录入过。") % {"date": date}, "date")
    _write_day(day, actor, delete=True)
    _calendar_changed(row, {date})


@transaction.atomic
def calendar_year_confirm(*, year: int, actor: User, confirmed: bool = True) -> CalendarYear:
    """Mark a year's entered days complete (or not): deadlines across it stop (or start) being provisional."""
    row = _calendar_year_row(year)
    if confirmed and not CalendarDay.objects.filter(date__year=year).exists():
        raise CalendarError(_("%(year)s 年还没有录入任何日期。") % {"year": year}, "year")
    row.confirmed_at = timezone.now() if confirmed else None
    row.confirmed_by = actor if confirmed else None
    row._history_user = actor
    row.save()
    forget_confirmed_years()
    return row


def calendar_recompute_progress(
    *, year: int, state: str, total: int | None = None, done: int = 0, moved: int = 0
):
    """Progress of a recomputation, written by the background task (counters, not audited)."""
    values: dict = {"recompute_state": state, "recompute_at": timezone.now()}
    if total is not None:
        values.update(recompute_total=total, recompute_done=0, recompute_moved=0)
    if done or moved:
        values.update(recompute_done=F("recompute_done") + done, recompute_moved=F("recompute_moved") + moved)
    CalendarYear.objects.filter(year=year).update(**values)
