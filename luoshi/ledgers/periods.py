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
