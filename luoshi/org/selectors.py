"""Reads shared by every app."""

from __future__ import annotations

import datetime as dt

from luoshi.org.models import CalendarDay


def calendar_overrides(start: dt.date | None = None, end: dt.date | None = None) -> dict[dt.date, bool]:
    """Admin-entered holidays and make-up workdays, as ``luoshi.lib.workdays`` expects them."""
    qs = CalendarDay.objects.all()
    if start:
        qs = qs.filter(date__gte=start)
    if end:
        qs = qs.filter(date__lte=end)
    return dict(qs.values_list("date", "is_workday"))
