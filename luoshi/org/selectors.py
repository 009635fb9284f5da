"""Reads shared by every app."""

from __future__ import annotations

import datetime as dt

from django.core.cache import cache

from luoshi.lib import workdays
from luoshi.org.models import CalendarDay, CalendarYear


def calendar_overrides(start: dt.date | None = None, end: dt.date | None = None) -> dict[dt.date, bool]:
    """Admin-entered holidays and make-up workdays, as ``luoshi.lib.workdays`` expects them."""
    qs = CalendarDay.objects.all()
    if start:
        qs = qs.filter(date__gte=start)
    if end:
        qs = qs.filter(date__lte=end)
    return dict(qs.values_list("date", "is_workday"))


# ---------------------------------------------------------------------------------------------
# Which years' holiday schedules are known (every deadline shown on a page asks, so it is cached)

CONFIRMED_YEARS_KEY = "org:calendar:confirmed-years"
CONFIRMED_YEARS_SECONDS = 30


def confirmed_years() -> frozenset[int]:
    """Years whose days an administrator entered and confirmed (``CalendarYear``), cached briefly.

    The process that confirms a year clears the cache at once (``forget_confirmed_years``); other
    processes see the change within ``CONFIRMED_YEARS_SECONDS`` unless the cache is shared.
    """
    years = cache.get(CONFIRMED_YEARS_KEY)
    if years is None:
        years = frozenset(
            CalendarYear.objects.filter(confirmed_at__isnull=False).values_list("year", flat=True)
        )
        cache.set(CONFIRMED_YEARS_KEY, years, CONFIRMED_YEARS_SECONDS)
    return years


def forget_confirmed_years() -> None:
    cache.delete(CONFIRMED_YEARS_KEY)


def year_known(year: int) -> bool:
    """Whether ``year``'s holidays are known: the calendar package has them, or they were confirmed here."""
    return workdays.year_is_official(year) or year in confirmed_years()


def unknown_years(start: dt.date | dt.datetime | None, end: dt.date | dt.datetime | None) -> list[int]:
    """The years from ``start`` to ``end`` (a deadline and the time it was counted from) not known."""
    if start is None or end is None:
        return []
    first, last = sorted((start.year, end.year))
    if all(workdays.year_is_official(y) for y in range(first, last + 1)):
        return []  # the common case, without touching the cache
    return [y for y in range(first, last + 1) if not year_known(y)]
