"""Case KPIs, exactly as DOMAIN.md defines them, as plain queries over case rows.

Every KPI is computed over a **cohort**: the cases *received* in the period (受理时间在统计期内),
excluding merged duplicates and withdrawn cases (合并、撤销), restricted to the case types whose
``CaseType.kpis`` list the KPI. Each result carries numerator, denominator, rate, the definition
text and the exclusions, so a published "100%" can be reproduced (DOMAIN §12.3). The same ``Q``
objects filter the case list behind each figure (``?kpi=<key>&part=num|den``).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from dataclasses import dataclass

from django.db.models import Count, DurationField, ExpressionWrapper, F, Q, QuerySet, Sum
from django.db.models.functions import TruncMonth
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from luoshi.cases.models import CaseType, Outcome, Rating, Status
from luoshi.cases.workflow import EXCLUDED_STATUSES

DEFINITION_VERSION = "2026.1"


@dataclass(frozen=True)
class KpiSpec:
    key: str
    label: str
    definition: str
    denominator: Callable[[dt.datetime], Q]
    numerator: Callable[[dt.datetime], Q]
    percent: bool = True


@dataclass
class KpiValue:
    key: str
    label: str
    numerator: float
    denominator: int
    rate: float | None  # percent (0–100) for rates; days for average handling time
    definition: str
    exclusions: str
    percent: bool = True
    version: str = DEFINITION_VERSION

    @property
    def display(self) -> str:
        if self.rate is None:
            return "—"
        return f"{self.rate:.1f}%" if self.percent else f"{self.rate:.1f}"


_RESOLVED = Q(resolved_at__isnull=False)

SPECS: dict[str, KpiSpec] = {
    s.key: s
    for s in [
        KpiSpec(
            "on_time",
            _("按期办结率"),
            _(
                "在办结时限（含批准的延期、扣除挂起时间）内办结的件数 ÷ 应办结件数（已办结或已过办结时限的件数）。"
            ),
            denominator=lambda now: _RESOLVED | Q(due_at__lt=now),
            numerator=lambda now: _RESOLVED & Q(resolved_on_time=True),
        ),
        KpiSpec(
            "completion",
            _("办结率"),
            _("已办结件数 ÷ 受理件数。"),
            denominator=lambda now: Q(),
            numerator=lambda now: _RESOLVED,
        ),
        KpiSpec(
            "callback",
            _("回访率"),
            _("已回访评价件数 ÷ 已办结件数。"),
            denominator=lambda now: _RESOLVED,
            numerator=lambda now: _RESOLVED & Q(reviewed_at__isnull=False),
        ),
        KpiSpec(
            "satisfaction",
            _("满意率"),
            _("（满意 + 基本满意）÷ 有效评价件数。"),
            denominator=lambda now: ~Q(rating=""),
            numerator=lambda now: Q(rating__in=[Rating.SATISFIED, Rating.BASIC]),
        ),
        KpiSpec(
            "mediation",
            _("化解率"),
            _("调处化解的矛盾纠纷件数 ÷ 登记的矛盾纠纷件数。"),
            denominator=lambda now: Q(),
            numerator=lambda now: _RESOLVED & Q(outcome=Outcome.RESOLVED),
        ),
        KpiSpec(
            "solved",
            _("解决率"),
            _("办理结论为「已解决」（代表建议A类）的件数 ÷ 已办结（已答复）件数。"),
            denominator=lambda now: _RESOLVED,
            numerator=lambda now: _RESOLVED & Q(outcome=Outcome.RESOLVED),
        ),
        KpiSpec(
            "rectification",
            _("整改销号率"),
            _("整改到位并复查销号的隐患件数 ÷ 登记的隐患件数。"),
            denominator=lambda now: Q(),
            numerator=lambda now: Q(
                status=Status.CLOSED, outcome=Outcome.RESOLVED, verified_at__isnull=False
            ),
        ),
        KpiSpec(
            "avg_time",
            _("平均办理时长(天)"),
            _("已办结案件从受理到办结的自然日时长之和 ÷ 已办结件数。"),
            denominator=lambda now: _RESOLVED,
            numerator=lambda now: _RESOLVED,
            percent=False,
        ),
    ]
}
EXCLUSIONS = _("不计入：已合并的重复件、已撤销件；仅统计指标适用的案件类型。")


def types_reporting(key: str) -> list[int]:
    return [ct.pk for ct in CaseType.objects.all() if key in (ct.kpis or [])]


def cohort(cases: QuerySet, start: dt.datetime | None = None, end: dt.datetime | None = None) -> QuerySet:
    """Cases received in [start, end), without merged or cancelled ones."""
    qs = cases.exclude(status__in=EXCLUDED_STATUSES)
    if start:
        qs = qs.filter(received_at__gte=start)
    if end:
        qs = qs.filter(received_at__lt=end)
    return qs


def filter_for(key: str, part: str, now: dt.datetime | None = None) -> Q:
    """The filter for a KPI's denominator (``part="den"``) or numerator (``"num"``), applied to a cohort."""
    spec = SPECS[key]
    now = now or timezone.now()
    base = Q(case_type_id__in=types_reporting(key)) & ~Q(status__in=EXCLUDED_STATUSES)
    if part == "num":
        return base & spec.denominator(now) & spec.numerator(now)
    return base & spec.denominator(now)


_DURATION = ExpressionWrapper(F("resolved_at") - F("received_at"), output_field=DurationField())


def kpi(key: str, cases: QuerySet, start=None, end=None, now: dt.datetime | None = None) -> KpiValue:
    """One KPI over ``cases`` (already scoped by the caller) received in [start, end)."""
    spec = SPECS[key]
    now = now or timezone.now()
    qs = cohort(cases, start, end).filter(case_type_id__in=types_reporting(key)).filter(spec.denominator(now))
    if key == "avg_time":
        agg = qs.aggregate(n=Count("id"), total=Sum(_DURATION))
        n = agg["n"] or 0
        days = (agg["total"] or dt.timedelta(0)).total_seconds() / 86400
        return KpiValue(
            key,
            str(spec.label),
            round(days, 2),
            n,
            round(days / n, 2) if n else None,
            str(spec.definition),
            str(EXCLUSIONS),
            percent=False,
        )
    agg = qs.aggregate(den=Count("id"), num=Count("id", filter=spec.numerator(now)))
    den, num = agg["den"] or 0, agg["num"] or 0
    return KpiValue(
        key,
        str(spec.label),
        num,
        den,
        round(100 * num / den, 1) if den else None,
        str(spec.definition),
        str(EXCLUSIONS),
    )


def on_time_rate(cases, start=None, end=None, now=None) -> KpiValue:
    return kpi("on_time", cases, start, end, now)


def completion_rate(cases, start=None, end=None, now=None) -> KpiValue:
    return kpi("completion", cases, start, end, now)


def callback_rate(cases, start=None, end=None, now=None) -> KpiValue:
    return kpi("callback", cases, start, end, now)


def satisfaction_rate(cases, start=None, end=None, now=None) -> KpiValue:
    return kpi("satisfaction", cases, start, end, now)


def mediation_rate(cases, start=None, end=None, now=None) -> KpiValue:
    return kpi("mediation", cases, start, end, now)


def solved_rate(cases, start=None, end=None, now=None) -> KpiValue:
    return kpi("solved", cases, start, end, now)


def rectification_rate(cases, start=None, end=None, now=None) -> KpiValue:
    return kpi("rectification", cases, start, end, now)


def average_handling_days(cases, start=None, end=None, now=None) -> KpiValue:
    return kpi("avg_time", cases, start, end, now)


def all_kpis(cases: QuerySet, start=None, end=None, now=None) -> list[KpiValue]:
    return [kpi(key, cases, start, end, now) for key in SPECS]


BREAKDOWNS = {
    "unit": ("unit_id", "unit__name"),
    "village": ("village_id", "village__name"),
    "type": ("case_type_id", "case_type__name"),
}


def breakdown(key: str, cases: QuerySet, by: str, start=None, end=None, now=None) -> list[dict]:
    """One KPI per unit, village, case type or month: rows of {id, name, numerator, denominator, rate}."""
    spec = SPECS[key]
    now = now or timezone.now()
    qs = cohort(cases, start, end).filter(case_type_id__in=types_reporting(key)).filter(spec.denominator(now))
    if by == "month":
        qs = qs.annotate(month=TruncMonth("received_at", tzinfo=timezone.get_current_timezone()))
        group, name = "month", "month"
    else:
        group, name = BREAKDOWNS[by]
    if key == "avg_time":
        rows = qs.values(group, name).annotate(den=Count("id"), total=Sum(_DURATION)).order_by(group)
        out = []
        for r in rows:
            days = (r["total"] or dt.timedelta(0)).total_seconds() / 86400
            out.append(
                _row(
                    r, group, name, round(days, 2), r["den"], round(days / r["den"], 2) if r["den"] else None
                )
            )
        return out
    rows = (
        qs.values(group, name)
        .annotate(den=Count("id"), num=Count("id", filter=spec.numerator(now)))
        .order_by(group)
    )
    return [
        _row(r, group, name, r["num"], r["den"], round(100 * r["num"] / r["den"], 1) if r["den"] else None)
        for r in rows
    ]


def _row(r: dict, group: str, name: str, num, den, rate) -> dict:
    ident = r[group]
    label = r[name]
    if isinstance(ident, dt.datetime | dt.date):
        label = f"{ident:%Y-%m}"
        ident = label
    return {"id": ident, "name": label or "—", "numerator": num, "denominator": den, "rate": rate}
