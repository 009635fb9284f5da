"""Inspection periods (月 / 季 / 年) as short keys: pure, Django-free."""

from __future__ import annotations

import datetime as dt

NONE, MONTH, QUARTER, YEAR = "", "month", "quarter", "year"


def key(kind: str, day: dt.date) -> str:
    """The period a day falls in: ``2026-05``, ``2026-Q2``, ``2026``; "" when the sheet has no period."""
    if kind == MONTH:
        return f"{day.year}-{day.month:02d}"
    if kind == QUARTER:
        return f"{day.year}-Q{(day.month - 1) // 3 + 1}"
    if kind == YEAR:
        return str(day.year)
    return ""


def first_day(kind: str, day: dt.date) -> dt.date:
    """The first day of the period ``day`` falls in."""
    if kind == MONTH:
        return day.replace(day=1)
    if kind == QUARTER:
        return dt.date(day.year, (day.month - 1) // 3 * 3 + 1, 1)
    return dt.date(day.year, 1, 1)


def between(kind: str, first: dt.date, last: dt.date) -> list[tuple[str, dt.date, dt.date]]:
    """The periods that overlap the days ``first`` … ``last``: (key, first day, day after the last)."""
    if not kind or last < first:
        return []
    out, day = [], first_day(kind, first)
    step = {MONTH: 1, QUARTER: 3, YEAR: 12}[kind]
    while day <= last:
        months = day.year * 12 + day.month - 1 + step
        after = dt.date(months // 12, months % 12 + 1, 1)
        out.append((key(kind, day), day, after))
        day = after
    return out
