"""Working days in mainland China: weekends, statutory holidays and adjusted workdays (调休).

The ``chinese-calendar`` package carries the State Council's yearly holiday notices; it stops at
the last published year and raises for later ones. Overrides (admin-entered holidays or make-up
workdays, e.g. from a new notice) always win. For a year the package does not cover, weekends plus
the overrides decide, and ``year_is_official`` tells the caller the schedule is provisional so the
admin can be warned (``luoshi.org.selectors.year_known`` also counts the years whose days were
entered and confirmed; ``luoshi.lib.holidays_notice`` reads a pasted notice into days).

Everything here is pure: callers pass the overrides (see ``luoshi.org.selectors.calendar_overrides``).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping
from functools import lru_cache

import chinese_calendar

# date → True (a working day) / False (a day off)
Overrides = Mapping[dt.date, bool]
_EMPTY: dict[dt.date, bool] = {}


@lru_cache(maxsize=64)
def year_is_official(year: int) -> bool:
    """Whether the package holds the official holiday schedule for ``year``."""
    try:
        chinese_calendar.is_workday(dt.date(year, 6, 1))
    except NotImplementedError:
        return False
    return True


def is_workday(day: dt.date, overrides: Overrides = _EMPTY) -> bool:
    if day in overrides:
        return overrides[day]
    if year_is_official(day.year):
        return chinese_calendar.is_workday(day)
    return day.weekday() < 5


def add_workdays(start: dt.date, days: int, overrides: Overrides = _EMPTY) -> dt.date:
    """The date ``days`` working days after ``start`` (start itself not counted).

    A limit of "5 working days" from a Friday before a holiday week lands on the 5th working day
    after it. ``days == 0`` returns ``start`` moved forward to a working day.
    """
    day = start
    if days <= 0:
        while not is_workday(day, overrides):
            day += dt.timedelta(days=1)
        return day
    counted = 0
    while counted < days:
        day += dt.timedelta(days=1)
        if is_workday(day, overrides):
            counted += 1
    return day


def workdays_between(start: dt.date, end: dt.date, overrides: Overrides = _EMPTY) -> int:
    """Working days in the half-open interval (start, end]; negative when end < start."""
    if end < start:
        return -workdays_between(end, start, overrides)
    count = 0
    day = start
    while day < end:
        day += dt.timedelta(days=1)
        if is_workday(day, overrides):
            count += 1
    return count


def missing_official_years(years) -> list[int]:
    return sorted(y for y in set(years) if not year_is_official(y))
