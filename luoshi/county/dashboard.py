"""The county's cross-town dashboard: every figure by town side by side, each linking to its records.

Case KPIs come from the roll-up (``luoshi.cases.rollup.report_cells`` grouped by town and by month:
no scan of the case table per town); reported indicators from one query over their values; the
overdue counts and the ten oldest overdue cases from the partial index on live cases by due time.
Plans, key projects and livelihood projects reuse the plans app's derived status.
"""

from __future__ import annotations

import datetime as dt
import hashlib
from collections import defaultdict
from dataclasses import dataclass
from types import SimpleNamespace
from urllib.parse import urlencode

from django.core.cache import cache
from django.db.models import Count, Sum
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import get_language

from luoshi.accounts import periods, registry
from luoshi.accounts import selectors as acc
from luoshi.accounts.models import Indicator, IndicatorValue, Source
from luoshi.cases import config, kpis, rollup
from luoshi.cases.models import Case, CaseMonthlyStat
from luoshi.cases.workflow import OPEN_STATUSES
from luoshi.org.models import Town
from luoshi.org.scoping import scope_of
from luoshi.plans import selectors as plans_sel
from luoshi.plans import status as st
from luoshi.plans import wallchart
from luoshi.plans.models import Item, LivelihoodProject, Plan, Project

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
        return {"keys": [], "rows": [], "months": [], "volume": {}, "on_time": [], "read": None}
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
        # what the roll-up gave, by town and case type, for the plans' case indicators (plan_schedule)
        "read": Cells(cells, overdue, start, end),
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


@dataclass(frozen=True)
class Cells:
    """The KPI roll-up cells (by town and case type) of [start, end) that ``kpi_table`` read."""

    cells: dict
    overdue: dict
    start: dt.datetime
    end: dt.datetime


def _case_entries() -> dict[str, tuple[str, str | None, bool]]:
    """Registry keys of the case figures → (case type code, KPI key or None for 受理数, count?)."""
    out: dict[str, tuple[str, str | None, bool]] = {
        key: (type_code, kpi, count) for key, type_code, kpi, _l, _u, count in registry.CASE_ENTRIES
    }
    out.update({key: (type_code, None, True) for key, type_code, _l, _u in registry.RECEIVED_ENTRIES})
    return out


def plan_figures(items, year: int, now: dt.datetime, read: Cells | None) -> dict[int, acc.Figure]:
    """item id → its bound indicator's figure (what ``accounts.selectors.bound_figures`` gives one
    plan), for every town's plan at once: stored values in one query; case figures from the roll-up
    cells the KPI table read; registry entries with a grouped form (``compute.many``) in one query
    each. Only the rest is computed town by town."""
    bound = [it for it in items if it.indicator_id]
    period = periods.Period(year, periods.YEAR)
    towns = {it.plan.town_id: it.plan.town for it in bound}
    stored: dict[tuple[int, int], list] = defaultdict(list)
    for row in IndicatorValue.objects.filter(
        town_id__in=list(towns),
        period__startswith=f"{year}",
        indicator_id__in={it.indicator_id for it in bound if not it.indicator.is_computed},
    ).select_related("entered_by"):
        stored[(row.indicator_id, row.town_id)].append(row)
    cases = _case_entries()
    type_ids = {t.code: pk for pk, t in config.case_types_by_id().items()}
    grouped: dict[str, dict[int, float]] = {}
    figures: dict[tuple[int, int], acc.Figure] = {}
    out = {}
    for it in bound:
        ind, town = it.indicator, towns[it.plan.town_id]
        key = (ind.pk, town.pk)
        if key not in figures:
            figures[key] = _figure(
                ind, town, period, now, read, stored.get(key, []), cases, type_ids, grouped
            )
        out[it.pk] = figures[key]
    return out


def _figure(ind, town, period, now, read, rows, cases, type_ids, grouped) -> acc.Figure:
    if not ind.is_computed:
        return acc.latest_in_year(ind, town, period.year, now, rows)
    start = _aware(period.start(ind.cumulative))
    end = min(_aware(period.end()), now)
    entry = registry.REGISTRY[ind.computation]
    many = getattr(entry.compute, "many", None)
    if end <= start or not (
        (ind.computation in cases and read and (read.start, read.end) == (start, end)) or many
    ):
        return acc.figure(ind, town, period, now)
    cut = end if end < _aware(period.end()) else None
    if ind.computation in cases and read and (read.start, read.end) == (start, end):
        type_code, kpi, count = cases[ind.computation]
        type_id = type_ids.get(type_code)
        if kpi is None:
            n = rollup.group_count(read.cells, town.pk, type_id)
            return acc.Figure(ind, town, period, float(n), entry.version, n, None, cut_at=cut)
        v = rollup.group_value(read.cells, read.overdue, kpi, town.pk, type_id)
        value = float(v.numerator) if count else v.rate
        return acc.Figure(ind, town, period, value, entry.version, v.numerator, v.denominator, cut_at=cut)
    if ind.computation not in grouped:
        grouped[ind.computation] = many(Town.objects.filter(county_id=town.county_id), start, end, now)
    n = grouped[ind.computation].get(town.pk, 0.0)
    return acc.Figure(ind, town, period, n, entry.version, n, None, cut_at=cut)


def plan_schedule(towns, year: int, today: dt.date, now: dt.datetime | None = None, read=None) -> list[dict]:
    """Each town's plan of the year against its 序时进度; ``behind`` when more than the tolerance late.

    Every town's plan items are read together (one query and its prefetches) and their bound
    indicators computed together (``plan_figures``): the query count does not grow with the towns."""
    now = now or timezone.now()
    plans = (
        Plan.objects.filter(town__in=towns, year=year).select_related("town").order_by("town__code", "-id")
    )
    latest: dict[int, Plan] = {}
    for plan in plans:
        latest.setdefault(plan.town_id, plan)
    items = list(
        Item.objects.filter(plan__in=list(latest.values()))
        .select_related("owner_unit", "leader", "plan__town", "source_fact", "indicator")
        .prefetch_related("milestones", "updates", "co_units")
    )
    figures = plan_figures(items, year, now, read)
    by_plan: dict[int, list] = defaultdict(list)
    for it in items:
        by_plan[it.plan_id].append(it)
    out = []
    for plan in latest.values():
        h = plans_sel.plan_headline(plan, today, items=by_plan[plan.pk], figures=figures)
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
    return {"rows": rows, "chart": _wall_chart(towns, year, today, [r.obj for r in rows])}


def _wall_chart(towns, year: int, today: dt.date, projects) -> dict:
    """The plans wall chart over every town's key projects (no plan of its own: no dependency arcs),
    cached like a plan's chart (``plans.wallchart.chart``): per towns, year, day and language, until
    any project, milestone, link or update is written (the newest ids are part of the key)."""
    key = (
        "county:wall:"
        + hashlib.sha256(
            repr((sorted(t.pk for t in towns), year, get_language(), today, wallchart._version())).encode()
        ).hexdigest()
    )
    chart = cache.get(key)
    if chart is None:
        chart = wallchart.build(SimpleNamespace(pk=None, year=year), projects, today)
        cache.set(key, chart, wallchart.CACHE_SECONDS)
    return chart


def period_label(year: int) -> str:
    return periods.Period(year, periods.YEAR).label()
