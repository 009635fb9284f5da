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
from dataclasses import dataclass, field, replace
from types import SimpleNamespace
from urllib.parse import urlencode

from django.core.cache import cache
from django.db import connections, router
from django.db.models import Count, Sum
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import get_language

from luoshi.accounts import periods, registry
from luoshi.accounts import selectors as acc
from luoshi.accounts.models import Indicator, IndicatorValue, Source
from luoshi.cases import config, kpis, rollup
from luoshi.cases.models import Case, CaseMonthlyStat
from luoshi.cases.workflow import EXCLUDED_STATUSES, OPEN_STATUSES
from luoshi.org.models import Town
from luoshi.org.scoping import scope_of
from luoshi.plans import selectors as plans_sel
from luoshi.plans import status as st
from luoshi.plans import wallchart
from luoshi.plans.models import (
    Item,
    LivelihoodProject,
    LivelihoodRound,
    Milestone,
    Plan,
    Project,
    ProjectStage,
    Update,
)

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
    volume: dict[int, int] = defaultdict(int)
    # each town's cells keyed as one group's (None, type id): a KPI of a town reads its own cells only
    own: dict[int, dict] = defaultdict(dict)
    own_overdue: dict[int, dict] = defaultdict(dict)
    for (town_id, type_id), m in cells.items():
        volume[town_id] += m[0]
        own[town_id][(None, type_id)] = m
    for (town_id, type_id), c in overdue.items():
        own_overdue[town_id][(None, type_id)] = c
    # the link of every figure: the case list's address built once, only town and KPI vary
    base = _case_url(**span) + "&"
    rows = []
    for town in towns:
        figures = []
        for k in keys:
            mine = own.get(town.pk, {})
            v = rollup.cells_kpi(k, mine, own_overdue.get(town.pk, {}), {t for _g, t in mine})
            shown = v.denominator > 0  # as the KPI page: a town appears when it has a denominator
            figures.append(
                {
                    "key": k,
                    "rate": v.rate if shown else None,
                    "num": v.numerator if shown else None,
                    "den": v.denominator if shown else None,
                    "percent": kpis.SPECS[k].percent,
                    "url": base + urlencode({"town": town.pk, "kpi": k, "part": "den"}),
                }
            )
        rows.append(
            {
                "town": town,
                "cases": volume.get(town.pk, 0),
                "cases_url": base + urlencode({"town": town.pk}),
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

    @property
    def year_end(self) -> dt.datetime:
        return _aware(dt.date(self.start.year + 1, 1, 1))


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
    got = grouped[ind.computation].get(town.pk, 0.0)
    # a grouped form gives the value, or (value, numerator, denominator) for a ratio or a sum in units
    value, num, den = got if isinstance(got, tuple) else (got, got, None)
    return acc.Figure(ind, town, period, value, entry.version, num, den, cut_at=cut)


def _latest_plans(towns, year: int) -> dict[int, Plan]:
    """town id → its newest plan of the year."""
    latest: dict[int, Plan] = {}
    for plan in (
        Plan.objects.filter(town__in=towns, year=year).select_related("town").order_by("town__code", "-id")
    ):
        latest.setdefault(plan.town_id, plan)
    return latest


def _items_with_figures(plans: list[Plan]):
    """The items of ``plans`` with their plan, town and indicator, read in full (milestones,
    updates): what ``plans.selectors.item_tree`` needs."""
    return list(
        Item.objects.filter(plan__in=plans)
        .select_related("owner_unit", "leader", "plan__town", "source_fact", "indicator")
        .prefetch_related("milestones", "updates", "co_units")
    )


def plan_schedule(towns, year: int, today: dt.date, now: dt.datetime | None = None, read=None) -> list[dict]:
    """Each town's plan of the year against its 序时进度; ``behind`` when more than the tolerance late.

    Every town's plan items are read together (one query and its prefetches) and their bound
    indicators computed together (``plan_figures``): the query count does not grow with the towns.
    Uncached: the dashboard reads the same lines through ``town_sections``."""
    now = now or timezone.now()
    latest = _latest_plans(towns, year)
    items = _items_with_figures(list(latest.values()))
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


# --- Each town's plan section, cached ------------------------------------------------------------------

# Bounds what the versions below cannot see: a queryset ``update()`` on a plan table (no history row,
# no new id), a renamed town and edits of the working-day calendar behind a plan's 序时进度 by
# working days.
SECTION_SECONDS = 600

# Tables whose writes can change a town's plan section. Every create, edit and delete through the
# models writes a history row that names the plan (directly, or through the project or the
# livelihood round): ``plan_versions`` reads the newest one per plan. (Nothing in the application
# bulk-inserts into these tables; a loader that does is seen when the entries expire.)
PLAN_MODELS = (Plan, Item, Project, ProjectStage, Milestone, Update, LivelihoodRound, LivelihoodProject)
# Read by every town's section and by the statistics table: newest history id and id.
SHARED_MODELS = (Indicator, IndicatorValue)

# Tables whose writes can change the KPI table: cases (every save through the model writes a history
# row; new cases a new id) and the roll-up (a rebuild after a bulk load inserts its rows afresh).
CASE_TABLES = (("cases_historicalcase", "history_id"), ("cases_case", "id"), ("cases_casemonthlystat", "id"))
KPI_SECONDS = 3600


@dataclass(frozen=True)
class Versions:
    shared: tuple  # SHARED_MODELS' newest history ids and ids
    cases: tuple  # CASE_TABLES


def versions() -> Versions:
    """One statement of primary-key maxima (an index lookup each): see ``SHARED_MODELS`` and
    ``CASE_TABLES``."""
    parts = [f"(SELECT MAX(history_id) FROM {m.history.model._meta.db_table})" for m in SHARED_MODELS]
    parts += [f"(SELECT MAX(id) FROM {m._meta.db_table})" for m in SHARED_MODELS]
    parts += [f"(SELECT MAX({column}) FROM {table})" for table, column in CASE_TABLES]
    with _cursor() as cur:
        cur.execute("SELECT " + ", ".join(parts))
        row = tuple(cur.fetchone())
    n = len(row) - len(CASE_TABLES)
    return Versions(shared=row[:n], cases=row[n:])


def _cursor():
    # the database the dashboard's own reads go to (the replica inside ``reading_replica``)
    return connections[router.db_for_read(Plan)].cursor()


def _history(model) -> str:
    return model.history.model._meta.db_table


def plan_versions(plan_ids) -> dict[int, tuple]:
    """plan id → the newest history id, table by table (each table numbers its history rows on its
    own), of the plan itself, its items, projects and their stages, milestones, updates, livelihood
    round and projects; in one statement."""
    ids = [int(pk) for pk in plan_ids]
    if not ids:
        return {}
    marks = ", ".join(["%s"] * len(ids))
    project, rnd = Project._meta.db_table, LivelihoodRound._meta.db_table
    selects = [f"SELECT 0, id, MAX(history_id) FROM {_history(Plan)} WHERE id IN ({marks}) GROUP BY id"]
    selects += [
        f"SELECT {n}, plan_id, MAX(history_id) FROM {_history(m)} WHERE plan_id IN ({marks}) GROUP BY plan_id"
        for n, m in enumerate((Item, Project, Milestone, Update, LivelihoodRound), start=1)
    ]
    selects.append(
        f"SELECT 6, p.plan_id, MAX(h.history_id) FROM {_history(ProjectStage)} h JOIN {project} p "
        f"ON p.id = h.project_id WHERE p.plan_id IN ({marks}) GROUP BY p.plan_id"
    )
    selects.append(
        f"SELECT 7, r.plan_id, MAX(h.history_id) FROM {_history(LivelihoodProject)} h JOIN {rnd} r "
        f"ON r.id = h.round_id WHERE r.plan_id IN ({marks}) GROUP BY r.plan_id"
    )
    out: dict[int, list] = {pk: [None] * len(selects) for pk in ids}
    with _cursor() as cur:
        cur.execute(" UNION ALL ".join(selects), ids * len(selects))
        for table, plan_id, newest in cur.fetchall():
            out[plan_id][table] = newest
    return {pk: tuple(v) for pk, v in out.items()}


def _digest(*parts) -> str:
    return hashlib.sha256(repr(parts).encode()).hexdigest()


def sections_key(sections) -> str:
    """One name for the towns' sections together (the template's cached fragment of them)."""
    return _digest(*[(s.town_id, s.key) for s in sections])


def kpi_cached(user, towns, year: int, now: dt.datetime, ver: Versions) -> dict:
    """``kpi_table`` with the overdue assignments and oldest overdue cases, cached until a case or the roll-up is written (``ver.cases``), the day or the
    language changes, or the clock reaches the next due time of an open case of these towns (where
    a case turns overdue and 按期办结率 moves without any write). A hit is therefore what
    ``kpi_table`` would compute now; its ``read`` is re-dated to now for the plans' case figures."""
    s = scope_of(user)
    key = "county:kpi:" + _digest(
        s.is_admin, sorted(s.county_ids), [t.pk for t in towns], year, timezone.localdate(), get_language(),
        ver.cases,
    )  # fmt: skip
    hit = cache.get(key)
    if hit is not None and (hit["until"] is None or now < hit["until"]):
        kpi = hit["kpi"]
        if kpi["read"] is not None:
            kpi["read"] = replace(kpi["read"], end=min(kpi["read"].year_end, now))
        return kpi
    kpi = kpi_table(user, towns, year, now)
    kpi["key"] = _digest(key, now)  # names this computation (the template's cached fragment)
    kpi["chart"] = kpi_chart(kpi, towns)
    kpi["assigned"] = overdue_assigned(towns, now)
    kpi["oldest"] = oldest_overdue(towns, now)
    cache.set(key, {"kpi": kpi, "until": next_due(towns, now)}, KPI_SECONDS)
    return kpi


def next_due(towns, now: dt.datetime) -> dt.datetime | None:
    """The next moment a case of these towns turns overdue by the clock alone: the earliest due time
    still ahead of an unresolved case (按期办结率's live part) or of an open one (the overdue lists)."""
    ahead = (
        Case.objects.filter(town__in=towns, due_at__gte=now)
        .order_by("due_at")
        .values_list("due_at", flat=True)
    )
    times = [
        ahead.filter(resolved_at__isnull=True).exclude(status__in=EXCLUDED_STATUSES).first(),
        ahead.filter(status__in=OPEN_STATUSES).first(),
    ]
    times = [t for t in times if t is not None]
    return min(times) if times else None


def kpi_chart(kpi: dict, towns) -> dict:
    """The ECharts data of the KPI table: each KPI by town, the monthly volume and 按期办结率."""
    return {
        "towns": [t.name for t in towns],
        "kpis": {k: [r["kpis"][i]["rate"] for r in kpi["rows"]] for i, (k, _l) in enumerate(kpi["keys"])},
        "kpi_labels": dict(kpi["keys"]),
        "months": kpi["months"],
        "volume": [{"name": t.name, "data": kpi["volume"].get(t.pk, [])} for t in towns],
        "on_time": kpi["on_time"],
    }


def indicator_cached(towns, year: int, ver: Versions) -> dict:
    """``indicator_table`` as plain cells (link, display, period), cached until an indicator or a
    value is written (``ver.shared`` holds both) or the language changes."""
    key = "county:indicators:" + _digest([t.pk for t in towns], year, get_language(), ver.shared)
    hit = cache.get(key)
    if hit is not None:
        return hit
    table = indicator_table(towns, year)
    out = {
        "key": key,
        "rows": [
            {
                "code": r["indicator"].code,
                "name": r["indicator"].name,
                "cells": [
                    (f.url, f.display, f.period_display) if f.value is not None else None
                    for f in r["figures"]
                ],
            }
            for r in table["rows"]
        ],
    }
    cache.set(key, out, SECTION_SECONDS)
    return out


# Registry entries computed from the plans' own tables (projects, livelihood projects): ``versions``
# covers them.
PLAN_ENTRY_PREFIXES = ("projects-", "livelihood-")


def _town_cells(read) -> dict[int, tuple]:
    """town id → its part of the roll-up cells the KPI table read (what its case figures come from)."""
    out: dict[int, list] = defaultdict(list)
    if read is None:
        return {}
    for (town_id, type_id), m in read.cells.items():
        out[town_id].append((type_id, tuple(m), read.overdue.get((town_id, type_id))))
    return {t: tuple(sorted(v)) for t, v in out.items()}


@dataclass
class Section:
    """One town's plan section of the dashboard: its 序时进度 line and the summaries of its
    livelihood and key projects (plain values: cached)."""

    town_id: int
    plan_id: int | None = None
    progress: float | None = None
    time_progress: float | None = None
    at_risk: int = 0
    overdue: int = 0
    items: int = 0
    behind: bool = False
    key: str = ""  # the cache key it was stored under
    livelihood: dict[str, int] = field(default_factory=dict)  # status → count
    projects: dict[str, int] = field(default_factory=dict)  # status → count
    stages: dict[str, int] = field(default_factory=dict)  # stage → count

    @property
    def livelihood_total(self) -> int:
        return sum(self.livelihood.values())

    @property
    def projects_total(self) -> int:
        return sum(self.projects.values())


def town_sections(towns, year: int, today: dt.date, now: dt.datetime, read=None, ver=None) -> list[Section]:
    """Every town's section, from the cache when nothing it depends on changed.

    The key of a town's section: town, year, day, language, its plan's ``plan_versions`` (any write
    to the plan, its items, projects, stages, milestones, updates, livelihood round or projects),
    ``versions().shared`` (any indicator or indicator value; bulk inserts), the town's part of the case roll-up cells the KPI table read (its case
    figures), and the values of its bound figures of other apps' records (enterprise returns,
    ledgers …), computed on every request. Missing towns are computed together."""
    towns = list(towns)
    ver = ver or versions()
    latest = _latest_plans(towns, year)
    plans = {p.pk: p for p in latest.values()}
    bound = list(
        Item.objects.filter(plan__in=list(plans.values()), indicator__source=Source.COMPUTED)
        .exclude(indicator__computation__in=_own_entries())
        .order_by()
        .values_list("pk", "plan_id", "indicator_id")
    )
    other: dict[int, tuple] = defaultdict(tuple)
    if bound:  # figures of other apps' records (their writes are not in the versions): values in the key
        indicators = Indicator.objects.in_bulk({ind for _pk, _plan, ind in bound})
        light = [
            SimpleNamespace(
                pk=pk, plan_id=plan, plan=plans[plan], indicator_id=ind, indicator=indicators[ind]
            )
            for pk, plan, ind in bound
        ]
        for pk, f in sorted(plan_figures(light, year, now, read).items()):
            other[f.town.pk] += ((pk, f.value, f.period.key),)
    cells = _town_cells(read)
    written = plan_versions(plans)
    lang = get_language()
    keys = {}
    for t in towns:
        plan = latest.get(t.pk)
        mark = (plan.pk, written.get(plan.pk)) if plan else None
        raw = (t.pk, year, today, lang, ver.shared, mark, cells.get(t.pk), other[t.pk])
        keys[t.pk] = "county:section:" + _digest(*raw)
    cached = cache.get_many(list(keys.values()))
    missing = [t for t in towns if keys[t.pk] not in cached]
    fresh = _sections(missing, latest, year, today, now, read) if missing else {}
    for pk, sec in fresh.items():
        sec.key = keys[pk]
    if fresh:
        cache.set_many({keys[pk]: sec for pk, sec in fresh.items()}, SECTION_SECONDS)
    return [fresh.get(t.pk) or cached[keys[t.pk]] for t in towns]


def _own_entries() -> set[str]:
    """Computed indicators whose figures the key covers without computing them: case figures (the
    town's roll-up cells) and those of the plans' own tables (the versions)."""
    return set(_case_entries()) | {k for k in registry.REGISTRY if k.startswith(PLAN_ENTRY_PREFIXES)}


def _sections(towns, latest: dict[int, Plan], year: int, today, now, read) -> dict[int, Section]:
    out = {t.pk: Section(town_id=t.pk) for t in towns}
    plans = [latest[t.pk] for t in towns if t.pk in latest]
    items = _items_with_figures(plans)
    figures = plan_figures(items, year, now, read)
    by_plan: dict[int, list] = defaultdict(list)
    for it in items:
        by_plan[it.plan_id].append(it)
    for plan in plans:
        h = plans_sel.plan_headline(plan, today, items=by_plan[plan.pk], figures=figures)
        s = out[plan.town_id]
        s.plan_id, s.progress, s.time_progress = plan.pk, h["progress"], h["time_progress"]
        s.at_risk, s.overdue, s.items = h["at_risk"], h["overdue"], h["items"]
        s.behind = h["progress"] is not None and h["progress"] / 100 < h["time_progress"] - BEHIND
    for r in livelihood_rows(towns, year, today):
        counts = out[r.obj.round.plan.town_id].livelihood
        counts[r.status] = counts.get(r.status, 0) + 1
    for r in project_rows(towns, year, today):
        s = out[r.obj.plan.town_id]
        s.projects[r.status] = s.projects.get(r.status, 0) + 1
        s.stages[r.obj.stage] = s.stages.get(r.obj.stage, 0) + 1
    return out


# --- The full boards (their own paged pages) ------------------------------------------------------------


def livelihood_queryset(towns, year: int, *, town: int | None = None):
    qs = LivelihoodProject.objects.filter(
        round__plan__town__in=towns, round__plan__year=year, adopted=True
    ).select_related("round__plan__town", "owner_unit")
    if town:
        qs = qs.filter(round__plan__town_id=town)
    return qs.order_by("round__plan__town__code", "id")


def livelihood_rows(towns, year: int, today: dt.date, *, town: int | None = None, status: str = "") -> list:
    """Adopted livelihood projects of every town with their derived status (``status``: only those)."""
    qs = livelihood_queryset(towns, year, town=town).prefetch_related("milestones", "updates")
    rows = [plans_sel.livelihood_row(c, today) for c in qs]
    return [r for r in rows if not status or r.status == status]


def livelihood_board(towns, year: int, today: dt.date) -> list:
    return livelihood_rows(towns, year, today)


def project_queryset(towns, year: int, *, town: int | None = None, stage: str = ""):
    qs = Project.objects.filter(plan__town__in=towns, plan__year=year, kind=Project.Kind.KEY).select_related(
        "plan__town", "owner_unit"
    )
    if town:
        qs = qs.filter(plan__town_id=town)
    if stage:
        qs = qs.filter(stage=stage)
    return qs.order_by("plan__town__code", "deadline", "id")


def project_rows(
    towns, year: int, today: dt.date, *, town: int | None = None, stage: str = "", status: str = ""
) -> list:
    """Key projects of every town with their derived status, milestones and updates read as plain
    rows for all of them at once (``plans.selectors.project_rows_light``)."""
    projects = list(project_queryset(towns, year, town=town, stage=stage))
    milestones: dict[int, list] = defaultdict(list)
    for m in (
        Milestone.objects.filter(project_id__in=[p.pk for p in projects])
        .order_by("project_id", "seq", "planned_date", "id")
        .values_list("project_id", "planned_date", "actual_date", named=True)
    ):
        milestones[m.project_id].append(m)
    rows = plans_sel.project_rows_light(projects, milestones, today)
    return [r for r in rows if not status or r.status == status]


def project_board(towns, year: int, today: dt.date, *, rows=None) -> dict:
    """Key projects of every town and their wall chart (of ``rows`` when given: one page of them)."""
    rows = rows if rows is not None else project_rows(towns, year, today)
    return {"rows": rows, "chart": _wall_chart(towns, year, today, [r.obj for r in rows])}


def _wall_chart(towns, year: int, today: dt.date, projects) -> dict:
    """The plans wall chart over the given key projects of the towns (no plan of its own: no
    dependency arcs), cached like a plan's chart (``plans.wallchart.chart``): per projects, year, day
    and language, until any project, milestone, link or update is written (the newest ids are part
    of the key)."""
    ids = [p.pk for p in projects]
    key = (
        "county:wall:"
        + hashlib.sha256(
            repr(
                (sorted(t.pk for t in towns), ids, year, get_language(), today, wallchart._version())
            ).encode()
        ).hexdigest()
    )
    chart = cache.get(key)
    if chart is None:
        chart = wallchart.build(SimpleNamespace(pk=None, year=year), projects, today)
        cache.set(key, chart, wallchart.CACHE_SECONDS)
    return chart


def period_label(year: int) -> str:
    return periods.Period(year, periods.YEAR).label()
