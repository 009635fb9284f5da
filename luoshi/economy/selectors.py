"""Reads of the economy desk: town totals (同比, 环比, 1–N月累计, 序时进度) and the warnings.

Totals are sums over ``MonthlyReturn`` rows of a town (one indexed range read per page); the
computed indicators (``luoshi/economy/indicators.py``) call the same ``cumulative`` function, so the
desk, the indicator catalogue and a bound plan target show one figure.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field

from django.db.models import Count, Exists, Max, OuterRef, Q, QuerySet, Subquery, Sum

from luoshi.economy import coverage, memo
from luoshi.economy import warnings as rules
from luoshi.economy.models import (
    METRIC_FIELDS,
    METRICS,
    Enterprise,
    EnterpriseCase,
    MonthlyReturn,
    Scale,
    ScaleFlag,
    Thresholds,
)
from luoshi.org.models import Town

add_months = rules.add_months


def month_start(day: dt.date) -> dt.date:
    return dt.date(day.year, day.month, 1)


def with_scale(qs: QuerySet[MonthlyReturn], scale: str | None) -> QuerySet[MonthlyReturn]:
    """Returns of enterprises holding ``scale`` in that month (flag started on or before the month's
    first day and not ended before it); ``None``: every monitored enterprise."""
    if not scale:
        return qs
    flags = ScaleFlag.objects.filter(
        enterprise_id=OuterRef("enterprise_id"), scale=scale, since__lte=OuterRef("month")
    ).filter(Q(until__isnull=True) | Q(until__gte=OuterRef("month")))
    return qs.filter(Exists(flags))


def monthly_totals(
    towns, first: dt.date, last: dt.date, scale: str | None = Scale.INDUSTRY
) -> dict[tuple[int, dt.date], dict[str, float | None]]:
    """(town id, month) → metric → the sum over the town's enterprises, for months first..last."""
    qs = with_scale(MonthlyReturn.objects.filter(town__in=towns, month__gte=first, month__lte=last), scale)
    rows = qs.values("town_id", "month").annotate(**{f: Sum(f) for f in METRIC_FIELDS}).order_by()
    return {(r["town_id"], r["month"]): {f: r[f] for f in METRIC_FIELDS} for r in rows}


def cumulative(
    town: Town, field_name: str, first: dt.date, last: dt.date, scale=Scale.INDUSTRY
) -> float | None:
    """Sum of one figure over months first..last (inclusive) for the town; None when nothing is reported."""
    qs = with_scale(MonthlyReturn.objects.filter(town=town, month__gte=first, month__lte=last), scale)
    return qs.aggregate(s=Sum(field_name))["s"]


@dataclass
class Firms:
    """One town's per-enterprise figures over a few months, what ``coverage`` judges them by."""

    values: dict[str, dict[dt.date, dict[int, float]]]  # field → month → enterprise → figure
    active: set[int]  # enterprises in the register
    flags: dict[int, list[tuple[dt.date, dt.date | None]]] | None  # None: every enterprise counts

    def flagged(self, enterprise: int, month: dt.date) -> bool:
        if self.flags is None:
            return True
        return any(s <= month and (u is None or u >= month) for s, u in self.flags.get(enterprise, ()))

    def filed(self, field_name: str, month: dt.date) -> coverage.Filed | None:
        return coverage.filed(self.values[field_name], month, self.active, self.flagged)

    def last_complete(self, field_name: str, upto: dt.date) -> dt.date | None:
        return coverage.last_complete(self.values[field_name], upto, self.active, self.flagged)

    def change(self, field_name: str, now: dt.date, before: dt.date) -> float | None:
        return coverage.change(self.values[field_name], now, before)


def firms(
    towns, first: dt.date, last: dt.date, scale: str | None = Scale.INDUSTRY, fields=METRIC_FIELDS
) -> dict[int, Firms]:
    """town id → its enterprises' figures for months first..last (those holding ``scale`` then)."""
    towns = list(towns)
    out = {t.pk: Firms({f: {} for f in fields}, set(), {} if scale else None) for t in towns}
    qs = with_scale(MonthlyReturn.objects.filter(town__in=towns, month__gte=first, month__lte=last), scale)
    for town_id, ent, month, *figures in qs.values_list(
        "town_id", "enterprise_id", "month", *fields
    ).order_by():
        values = out[town_id].values
        for f, v in zip(fields, figures, strict=True):
            if v is not None:
                values[f].setdefault(month, {})[ent] = v
    for town_id, ent in Enterprise.objects.filter(town__in=towns, is_active=True).values_list(
        "town_id", "pk"
    ):
        out[town_id].active.add(ent)
    if scale:
        for town_id, ent, since, until in ScaleFlag.objects.filter(
            enterprise__town__in=towns, scale=scale
        ).values_list("enterprise__town_id", "enterprise_id", "since", "until"):
            out[town_id].flags.setdefault(ent, []).append((since, until))
    return out


def _per_town_newest(towns, field_name: str) -> dict[int, object]:
    """town id → the newest ``field_name`` of its returns, one index probe per town (a GROUP BY MAX
    over every town's rows read them all)."""
    ids = [t.pk for t in towns] if not isinstance(towns, QuerySet) else towns.values("pk")
    newest = (
        MonthlyReturn.objects.filter(town=OuterRef("pk")).order_by(f"-{field_name}").values(field_name)[:1]
    )
    return {
        pk: m
        for pk, m in Town.objects.filter(pk__in=ids).annotate(m=Subquery(newest)).values_list("pk", "m")
        if m
    }


@dataclass(frozen=True)
class Stamps:
    """Per town its newest return's month and change, and the newest scale-flag history row: what
    the default month and the cached totals' keys are made of, read in one query."""

    months: dict[int, dt.date]
    updated: dict[int, dt.datetime]
    flags: int | None


def stamps(towns) -> Stamps:
    """``Stamps`` of ``towns`` (a list or a queryset): one index probe per town and field."""
    ids = [t.pk for t in towns] if not isinstance(towns, QuerySet) else towns.values("pk")
    newest = MonthlyReturn.objects.filter(town=OuterRef("pk"))
    flag = ScaleFlag.history.order_by("-history_id").values("history_id")[:1]
    rows = list(
        Town.objects.filter(pk__in=ids)
        .annotate(
            m=Subquery(newest.order_by("-month").values("month")[:1]),
            u=Subquery(newest.order_by("-updated_at").values("updated_at")[:1]),
            f=Subquery(flag),
        )
        .values_list("pk", "m", "u", "f")
    )
    return Stamps(
        {pk: m for pk, m, _u, _f in rows if m},
        {pk: u for pk, _m, u, _f in rows if u},
        rows[0][3] if rows else ScaleFlag.history.aggregate(m=Max("history_id"))["m"],
    )


@dataclass(frozen=True)
class TownState:
    """What one town's cached warnings and nowcast are computed from, read in two queries (the
    county's ``Thresholds`` row, and the rest together)."""

    newest: dt.datetime | None  # the newest change of a return
    enterprises: int
    active: int
    task: int | None  # the newest case made of a warning (or visit) of the town
    enterprise_history: int | None
    flag_history: int | None
    thresholds: Thresholds | None


def town_state(town: Town) -> TownState:
    ents = Enterprise.objects.filter(town=OuterRef("pk")).order_by().values("town")
    row = (
        Town.objects.filter(pk=town.pk)
        .annotate(
            newest=Subquery(
                MonthlyReturn.objects.filter(town=OuterRef("pk"))
                .order_by("-updated_at")
                .values("updated_at")[:1]
            ),
            n=Subquery(ents.annotate(c=Count("id")).values("c")),
            a=Subquery(ents.filter(is_active=True).annotate(c=Count("id")).values("c")),
            task=Subquery(
                EnterpriseCase.objects.filter(enterprise__town=OuterRef("pk"))
                .order_by("-id")
                .values("id")[:1]
            ),
            eh=Subquery(Enterprise.history.order_by("-history_id").values("history_id")[:1]),
            fh=Subquery(ScaleFlag.history.order_by("-history_id").values("history_id")[:1]),
        )
        .values("newest", "n", "a", "task", "eh", "fh")
        .get()
    )
    return TownState(
        row["newest"],
        row["n"] or 0,
        row["a"] or 0,
        row["task"],
        row["eh"],
        row["fh"],
        Thresholds.objects.filter(county_id=town.county_id).first(),
    )


def latest_month(towns) -> dt.date | None:
    """The newest month any return of these towns has (read from the (town, month) index)."""
    return max(_per_town_newest(towns, "month").values(), default=None)


def _change(now, before) -> float | None:
    if now is None or not before:
        return None
    return (now - before) / before * 100


@dataclass
class Line:
    """One figure of a town for a month: the month, 环比, 同比, 1–N月累计 and its 同比."""

    field: str
    label: str
    unit: str
    value: float | None
    mom: float | None
    yoy: float | None
    cumulative: float | None
    cumulative_yoy: float | None
    cumulative_flow: bool  # a flow (summed over months) or a level (headcount: the month's value)
    reported: int | None = None  # enterprises with the figure this month …
    due: int | None = None  # … of those due to report it (``coverage.filed``)
    through: dt.date | None = None  # the last month the 1–N月 sum counts (the last complete one)
    month_shown: dt.date | None = None

    @property
    def incomplete(self) -> bool:
        return self.reported is not None and self.due is not None and self.reported < self.due

    @property
    def cut_short(self) -> bool:
        """The 1–N月 sum stops before the month shown (that month is not complete yet)."""
        return self.through is not None and self.through != self.month_shown


@dataclass
class Summary:
    town: Town
    month: dt.date
    lines: list[Line]
    series: list[dict] = field(default_factory=list)  # 24 months of totals for the chart
    time_progress: float = 0.0  # 序时进度 of the month: N ÷ 12


LEVELS = {"employment"}  # a headcount is not summed over months


def summaries(
    towns, month: dt.date, scale: str | None = Scale.INDUSTRY, *, read: Stamps | None = None
) -> list[Summary]:
    """Each town's figures for ``month``. A town's summary is cached under a key of its newest return
    and the newest change of any scale flag (``stamps``: one query, or ``read`` when the caller has
    them); the towns missing from the cache are computed together in one query over 24 months."""
    towns = list(towns)
    read = read or stamps(towns)
    keys = {
        t.pk: f"economy:summary:{t.pk}:{month:%Y-%m}:{scale}:{read.updated.get(t.pk)}:{read.flags}".replace(
            " ", "_"
        )
        for t in towns
    }
    cached = memo.get_many(keys.values())
    missing = [t for t in towns if keys[t.pk] not in cached]
    fresh = {s.town.pk: s for s in _summaries(missing, month, scale)} if missing else {}
    if fresh:
        memo.set_many({keys[pk]: s for pk, s in fresh.items()})
    return [fresh.get(t.pk) or cached[keys[t.pk]] for t in towns]


def _summaries(towns: list[Town], month: dt.date, scale: str | None) -> list[Summary]:
    """The month's totals as reported so far, marked with how many enterprises have reported; 环比 and
    同比 over the same enterprises in both months; the 1–N月 sums and their 同比 over the months up to
    the last complete one (``coverage``), so a month still coming in never looks like a fall."""
    first = dt.date(month.year - 1, 1, 1)
    totals = monthly_totals(towns, first, month, scale)
    per_town = firms(towns, add_months(month, -13), month, scale)
    out = []
    for town in towns:
        firm = per_town[town.pk]

        def get(m: dt.date, f: str, town=town):
            return totals.get((town.pk, m), {}).get(f)

        lines = []
        for f, label, unit in METRICS:
            value = get(month, f)
            yoy = firm.change(f, month, add_months(month, -12))
            filed = firm.filed(f, month)
            through = firm.last_complete(f, month)
            if through is not None and through.year != month.year:
                through = None
            if f in LEVELS:
                cum, cum_yoy = value, yoy
            elif through is None:
                cum, cum_yoy = None, None
            else:
                # the same months a year earlier: those this year has the figure for (a feed may lag)
                pairs = [
                    (get(dt.date(month.year, i, 1), f), get(dt.date(month.year - 1, i, 1), f))
                    for i in range(1, through.month + 1)
                ]
                reported = [(now, before) for now, before in pairs if now is not None]
                cum = sum(now for now, _b in reported) if reported else None
                cum_before = sum(b for _n, b in reported if b is not None) if reported else None
                cum_yoy = _change(cum, cum_before)
            lines.append(
                Line(
                    f,
                    str(label),
                    str(unit),
                    value,
                    firm.change(f, month, add_months(month, -1)),
                    yoy,
                    cum,
                    cum_yoy,
                    f not in LEVELS,
                    reported=filed.reported if filed else None,
                    due=filed.due if filed else None,
                    through=through if f not in LEVELS else None,
                    month_shown=month,
                )
            )
        series = [
            {"month": f"{m:%Y-%m}", **{f: get(m, f) for f in METRIC_FIELDS}}
            for m in (add_months(month, -i) for i in reversed(range(24)))
        ]
        out.append(Summary(town, month, lines, series, month.month / 12))
    return out


# --- warnings ---------------------------------------------------------------------------------------


def limits_for(town: Town, state: TownState | None = None) -> rules.Limits:
    row = state.thresholds if state else Thresholds.objects.filter(county_id=town.county_id).first()
    if row is None:
        return rules.Limits()
    return rules.Limits(
        kwh_drop_pct=row.kwh_drop_pct,
        output_flat_pct=row.output_flat_pct,
        decline_months=row.decline_months,
        scale_threshold=row.scale_threshold,
        near_margin_pct=row.near_margin_pct,
        employment_drop_pct=row.employment_drop_pct,
        stale_months=row.stale_months,
    )


@dataclass
class Flagged:
    enterprise: Enterprise
    warning: rules.Warning
    task: EnterpriseCase | None = None

    @property
    def label(self) -> str:
        return rules.kind_labels()[self.warning.kind]


def as_of(town: Town) -> dict[str, dt.date]:
    """metric → the latest month the town has that figure for; ``any`` → any figure."""
    agg = MonthlyReturn.objects.filter(town=town).aggregate(
        any=Max("month"), **{f: Max("month", filter=Q(**{f"{f}__isnull": False})) for f in METRIC_FIELDS}
    )
    return {k: v for k, v in agg.items() if v is not None}


def warnings_key(town: Town, state: TownState | None = None) -> str | None:
    """The cache key of the town's warnings: its newest return, register counts, newest task and
    thresholds (None: the town has no returns)."""
    state = state or town_state(town)
    if state.newest is None:
        return None
    return (
        f"economy:warnings:{town.pk}:{state.newest.isoformat()}:{state.enterprises}:{state.active}:"
        f"{state.task}:{hash(limits_for(town, state))}"
    )


def town_warnings(
    town: Town, enterprises: QuerySet[Enterprise] | None = None, *, key: str | None = None
) -> list[Flagged]:
    """Every warning of the town's monitored enterprises (or of ``enterprises``), with any task made of it.

    A town's warnings change only when its returns, register, tasks or thresholds do: they are kept
    (``memo``) under a key made of those (``warnings_key``, which a caller may pass), so the desk's
    page does not re-read every enterprise's months on each request."""
    if enterprises is not None:
        return _warnings(town, enterprises)
    key = key or warnings_key(town)
    if key is None:
        return []
    return memo.get_or_compute(key, lambda: _warnings(town, None))


def _warnings(town: Town, enterprises: QuerySet[Enterprise] | None) -> list[Flagged]:
    latest = as_of(town)
    if "any" not in latest:
        return []
    limits = limits_for(town)
    # the rules look back at most 14 months (3 months against a year earlier) or stale + 12
    first = add_months(min(latest.values()), -max(15, limits.stale_months + 12))
    ents = enterprises if enterprises is not None else Enterprise.objects.filter(town=town, is_active=True)
    ents = {e.pk: e for e in ents.filter(town=town)}
    series: dict[int, dict] = {pk: {} for pk in ents}
    for r in MonthlyReturn.objects.filter(enterprise_id__in=ents, month__gte=first).values(
        "enterprise_id", "month", *METRIC_FIELDS
    ):
        series[r["enterprise_id"]][r["month"]] = r
    industrial = set(
        ScaleFlag.objects.filter(enterprise_id__in=ents, scale=Scale.INDUSTRY, since__lte=latest["any"])
        .filter(Q(until__isnull=True) | Q(until__gte=latest["any"]))
        .values_list("enterprise_id", flat=True)
    )
    tasks = {
        (t.enterprise_id, t.warning_kind, t.warning_month): t
        for t in EnterpriseCase.objects.filter(enterprise_id__in=ents, origin=EnterpriseCase.Origin.WARNING)
        .select_related("case")
        .only("enterprise_id", "warning_kind", "warning_month", "case__number", "case__id", "case__status")
    }
    out = []
    for pk, ent in ents.items():
        for w in rules.check(series[pk], latest, limits, industrial=pk in industrial):
            out.append(Flagged(ent, w, tasks.get((pk, w.kind, w.month))))
    out.sort(key=lambda f: (rules.KINDS.index(f.warning.kind), f.enterprise.name))
    return out


def enterprise_warnings(ent: Enterprise) -> list[Flagged]:
    return town_warnings(ent.town, Enterprise.objects.filter(pk=ent.pk))


def returns_of(ent: Enterprise, months: int = 24) -> list[MonthlyReturn]:
    last = MonthlyReturn.objects.filter(enterprise=ent).aggregate(m=Max("month"))["m"]
    if last is None:
        return []
    return list(
        MonthlyReturn.objects.filter(enterprise=ent, month__gt=add_months(last, -months)).order_by("-month")
    )


def current_flags(ent: Enterprise, on: dt.date) -> list[ScaleFlag]:
    return [f for f in ent.flags.all() if f.since <= on and (f.until is None or f.until >= on)]
