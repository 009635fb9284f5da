"""The county's cross-town dashboard: every figure by town side by side, each linking to its records.

Case KPIs come from the roll-up (``luoshi.cases.rollup.report_cells`` grouped by town and by month:
no scan of the case table per town); reported indicators from one query over their values; the
overdue counts and the ten oldest overdue cases from the partial index on live cases by due time.
Plans, key projects and livelihood projects reuse the plans app's derived status.
"""

from __future__ import annotations

import datetime as dt
from collections import defaultdict
from types import SimpleNamespace
from urllib.parse import urlencode

from django.db.models import Count, Sum
from django.urls import reverse
from django.utils import timezone

from luoshi.accounts import periods
from luoshi.accounts import selectors as acc
from luoshi.accounts.models import Indicator, IndicatorValue, Source
from luoshi.cases import kpis, rollup
from luoshi.cases.models import Case, CaseMonthlyStat
from luoshi.cases.workflow import OPEN_STATUSES
from luoshi.org.models import Town
from luoshi.org.scoping import scope_of
from luoshi.plans import selectors as plans_sel
from luoshi.plans import status as st
from luoshi.plans import wallchart
from luoshi.plans.models import LivelihoodProject, Plan, Project

ASSIGNED_TYPE = "assigned"  # 上级交办工单
# A plan more than this far behind its 序时进度 (fraction of the year) is "off schedule".
BEHIND = st.TOLERANCE


def county_towns(user):
    s = scope_of(user)
    qs = Town.objects.all() if s.is_admin else Town.objects.filter(county_id__in=s.county_ids)
    return list(qs.order_by("code"))


def _aware(day: dt.date) -> dt.datetime:
    return timezone.make_aware(dt.datetime.combine(day, dt.time.min))


def _case_url(**params) -> str:
    return reverse("cases:list") + "?" + urlencode({k: v for k, v in params.items() if v not in (None, "")})


def kpi_table(user, towns, year: int, now: dt.datetime) -> dict:
    """Towns × case KPIs for the year so far, and the monthly series (case volume per town,
    countywide 按期办结率)."""
    start = _aware(dt.date(year, 1, 1))
    end = min(_aware(dt.date(year + 1, 1, 1)), now)
    if end <= start:
        return {"keys": [], "rows": [], "months": [], "volume": {}, "on_time": []}
    span = {
        "received_from": f"{year}-01-01",
        "received_to": f"{timezone.localtime(end - dt.timedelta(microseconds=1)):%Y-%m-%d}",
    }
    cells, overdue = rollup.report_cells(user=user, start=start, end=end, by="town", now=now)
    keys = list(kpis.SPECS)
    by_key = {k: {r["id"]: r for r in rollup.values_and_rows(cells, overdue, k, "town")[1]} for k in keys}
    volume: dict[int, int] = defaultdict(int)
    for (town_id, _type), m in cells.items():
        volume[town_id] += m[0]
    rows = []
    for town in towns:
        figures = []
        for k in keys:
            r = by_key[k].get(town.pk)
            figures.append(
                {
                    "key": k,
                    "rate": r["rate"] if r else None,
                    "num": r["numerator"] if r else None,
                    "den": r["denominator"] if r else None,
                    "percent": kpis.SPECS[k].percent,
                    "url": _case_url(town=town.pk, kpi=k, part="den", **span),
                }
            )
        rows.append(
            {
                "town": town,
                "cases": volume.get(town.pk, 0),
                "cases_url": _case_url(town=town.pk, **span),
                "kpis": figures,
            }
        )
    # monthly: case volume per town straight from the roll-up table, 按期办结率 countywide
    months = [f"{year}-{m:02d}" for m in range(1, 13) if _aware(dt.date(year, m, 1)) < end]
    stats = CaseMonthlyStat.objects.filter(
        town_id__in=[t.pk for t in towns], month__gte=dt.date(year, 1, 1), month__lt=dt.date(year + 1, 1, 1)
    )
    series: dict[int, dict[str, int]] = defaultdict(dict)
    for r in stats.values("town_id", "month").annotate(n=Sum("n")).order_by():
        series[r["town_id"]][f"{r['month']:%Y-%m}"] = r["n"] or 0
    m_cells, m_overdue = rollup.report_cells(user=user, start=start, end=end, by="month", now=now)
    on_time = {r["id"]: r["rate"] for r in rollup.values_and_rows(m_cells, m_overdue, "on_time", "month")[1]}
    return {
        "keys": [(k, str(kpis.SPECS[k].label)) for k in keys],
        "rows": rows,
        "months": months,
        "volume": {t.pk: [series[t.pk].get(m, 0) for m in months] for t in towns},
        "on_time": [on_time.get(m) for m in months],
    }


def indicator_table(towns, year: int) -> dict:
    """Reported and manual indicators of the county-wide catalogue: each town's latest value of the
    year (one query), linking to its provenance. Computed case indicators are the KPI table above."""
    indicators = list(
        Indicator.objects.filter(town__isnull=True, is_active=True)
        .exclude(source=Source.COMPUTED)
        .order_by("code")
    )
    rows_by: dict[tuple[int, int], list] = defaultdict(list)
    for row in IndicatorValue.objects.filter(
        indicator__in=indicators, town__in=towns, period__startswith=f"{year}"
    ).select_related("indicator", "town"):
        rows_by[(row.indicator_id, row.town_id)].append(row)
    out = []
    for ind in indicators:
        cells = [acc.latest_in_year(ind, t, year, rows=rows_by.get((ind.pk, t.pk), [])) for t in towns]
        if any(f.value is not None for f in cells):
            out.append({"indicator": ind, "figures": cells})
    return {"rows": out}


def overdue_assigned(towns, now: dt.datetime) -> list[dict]:
    """Open 上级交办 cases past their due time, per town (the live-due partial index)."""
    counts = dict(
        Case.objects.filter(
            town__in=towns, status__in=OPEN_STATUSES, due_at__lt=now, case_type__code=ASSIGNED_TYPE
        )
        .values("town_id")
        .annotate(c=Count("id"))
        .values_list("town_id", "c")
    )
    return [
        {
            "town": t,
            "count": counts.get(t.pk, 0),
            "url": _case_url(town=t.pk, type=ASSIGNED_TYPE, queue="overdue"),
        }
        for t in towns
    ]


def oldest_overdue(towns, now: dt.datetime, n: int = 10) -> list[Case]:
    return list(
        Case.objects.filter(town__in=towns, status__in=OPEN_STATUSES, due_at__lt=now)
        .select_related("town", "case_type", "unit")
        .order_by("due_at", "id")[:n]
    )


def plan_schedule(towns, year: int, today: dt.date) -> list[dict]:
    """Each town's plan of the year against its 序时进度; ``behind`` when more than the tolerance late."""
    plans = (
        Plan.objects.filter(town__in=towns, year=year).select_related("town").order_by("town__code", "-id")
    )
    seen, out = set(), []
    for plan in plans:
        if plan.town_id in seen:
            continue
        seen.add(plan.town_id)
        h = plans_sel.plan_headline(plan, today)
        h["behind"] = h["progress"] is not None and h["progress"] / 100 < h["time_progress"] - BEHIND
        out.append(h)
    return out


def livelihood_board(towns, year: int, today: dt.date) -> list:
    qs = (
        LivelihoodProject.objects.filter(round__plan__town__in=towns, round__plan__year=year, adopted=True)
        .select_related("round__plan__town", "owner_unit")
        .prefetch_related("milestones", "updates")
        .order_by("round__plan__town__code", "id")
    )
    return [plans_sel.livelihood_row(c, today) for c in qs]


def project_board(towns, year: int, today: dt.date) -> dict:
    qs = (
        Project.objects.filter(plan__town__in=towns, plan__year=year, kind=Project.Kind.KEY)
        .select_related("plan__town", "owner_unit")
        .prefetch_related("milestones", "updates", "stages")
        .order_by("plan__town__code", "deadline", "id")
    )
    rows = [plans_sel.project_row(p, today) for p in qs]
    # The plans wall chart over every town's key projects (no plan of its own: no dependency arcs).
    chart = wallchart.build(SimpleNamespace(pk=None, year=year), [r.obj for r in rows], today)
    return {"rows": rows, "chart": chart}


def period_label(year: int) -> str:
    return periods.Period(year, periods.YEAR).label()
