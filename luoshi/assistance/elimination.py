"""Risk-elimination conditions (风险消除), checked from the records (DOMAIN.md §9):

* income stably above the line: each of the last ``MONTHS`` months before ``today`` has an income
  record whose annualised per-capita income (month × 12 ÷ members) is at or above the province's
  line of that month's year;
* large rigid expenses resolved, 三保障 (education, medical care, safe housing) and drinking water
  secured: the latest home visit's findings, copied onto the household.

Pure arithmetic over plain values; ``services`` and ``selectors`` feed it from the models.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from decimal import Decimal

from django.utils.translation import gettext as _

MONTHS = 6


@dataclass(frozen=True)
class Condition:
    label: str
    met: bool
    detail: str = ""


def months_before(today: dt.date, n: int) -> list[dt.date]:
    """The first days of the ``n`` full months before ``today``'s month, latest first."""
    out = []
    y, m = today.year, today.month
    for _i in range(n):
        m -= 1
        if m == 0:
            y, m = y - 1, 12
        out.append(dt.date(y, m, 1))
    return out


def annual_per_capita(monthly_income: Decimal, members: int) -> Decimal:
    return (monthly_income * 12 / max(members, 1)).quantize(Decimal("0.01"))


def conditions(
    *,
    today: dt.date,
    incomes: Mapping[dt.date, Decimal],
    members: int,
    line_for: Callable[[int], Decimal | None],
    flags: Mapping[str, bool],
) -> list[Condition]:
    months = months_before(today, MONTHS)
    below = []
    for month in months:
        line = line_for(month.year)
        amount = incomes.get(month)
        if line is None or amount is None or annual_per_capita(amount, members) < line:
            below.append(month)
    income_ok = not below
    detail = (
        _("近%(n)d个月人均年化收入均不低于监测线") % {"n": MONTHS}
        if income_ok
        else _("未达标或缺记录的月份：%(m)s") % {"m": "、".join(f"{m:%Y-%m}" for m in sorted(below))}
    )
    return [
        Condition(_("收入持续稳定高于监测线（至少6个月）"), income_ok, detail),
        Condition(_("刚性支出问题已解决"), bool(flags.get("rigid_expenses_resolved"))),
        Condition(_("义务教育有保障"), bool(flags.get("education_secured"))),
        Condition(_("基本医疗有保障"), bool(flags.get("medical_secured"))),
        Condition(_("住房安全有保障"), bool(flags.get("housing_secured"))),
        Condition(_("饮水安全有保障"), bool(flags.get("water_secured"))),
    ]
