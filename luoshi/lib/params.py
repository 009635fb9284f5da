"""Reading filter values from query strings: every page, export and API filter uses these, so a date
or number the database cannot take is refused with the parameter's name instead of failing deep
inside a query (``9999-12-31`` plus one day overflows, ``0001-01-01`` cannot be converted to UTC,
SQLite refuses integers past 64 bits).

``BadParameter`` is turned into a 400 naming the parameter by ``luoshi.lib.middleware.bad_parameter``
(pages) and into a 422 by the JSON API's handler (``luoshi/api.py``).
"""

from __future__ import annotations

import datetime as dt

from django.utils.translation import gettext as _

# Dates outside this range are refused: no record of a township government is older, and both ends
# leave room for any day arithmetic and time-zone conversion the filters do.
MIN_DATE = dt.date(1900, 1, 1)
MAX_DATE = dt.date(2199, 12, 31)
# The largest integer SQLite and PostgreSQL (bigint) columns hold.
BIGINT_MAX = 2**63 - 1


class BadParameter(ValueError):
    """A query parameter that cannot be used; ``name`` is the parameter, ``message`` says why."""

    def __init__(self, name: str, message: str):
        super().__init__(f"{name}: {message}")
        self.name = name
        self.message = message


def in_date_range(day: dt.date) -> bool:
    return MIN_DATE <= day <= MAX_DATE


def date_param(value, name: str) -> dt.date | None:
    """An ISO date (``2026-03-01``) or None when empty; anything else is a BadParameter."""
    text = str(value or "").strip()
    if not text:
        return None
    try:
        day = dt.date.fromisoformat(text)
    except ValueError:
        raise BadParameter(name, _("不是有效的日期（应为 2026-03-01 格式）")) from None
    if not in_date_range(day):
        raise BadParameter(name, _("日期超出范围（%(lo)s 至 %(hi)s）") % {"lo": MIN_DATE, "hi": MAX_DATE})
    return day


def int_param(value, name: str) -> int | None:
    """A whole number a database column can hold, or None when empty; anything else is a BadParameter."""
    text = str(value if value is not None else "").strip()
    if not text:
        return None
    try:
        number = int(text)
    except ValueError:
        raise BadParameter(name, _("不是有效的整数")) from None
    if not -BIGINT_MAX <= number <= BIGINT_MAX:
        raise BadParameter(name, _("数值超出范围"))
    return number
