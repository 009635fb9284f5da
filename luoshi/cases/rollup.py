"""The KPI roll-up (``CaseMonthlyStat``) and the KPI page's figures computed from it.

Every KPI of ``luoshi.cases.kpis`` is a ratio of sums of per-case **measures** over the cohort (cases
received in the period, without merged or cancelled ones, of the types reporting the KPI):

    n            1 per cohort case                          completion / mediation / rectification den.
    resolved     resolved_at set                            completion num, callback, solved, avg_time den.
    on_time      resolved and resolved_on_time              on_time num
    reviewed     resolved and reviewed_at set               callback num
    rated        rating given                               satisfaction den
    satisfied    rating 满意 or 基本满意                     satisfaction num
    mediated     resolved with outcome 已解决                mediation num, solved num
    rectified    closed, outcome 已解决, verified            rectification num
    undated      not resolved and no due_at (clock not started)
    duration_us  resolved_at − received_at (µs) if resolved avg_time num
    overdue_open not resolved and due_at < now              on_time den = resolved + overdue_open
                 = n − resolved − undated − (open cases whose due_at is still ahead, counted live)

All but ``overdue_open`` are fixed by the row itself, so they are summed per town × month × type ×
unit × village in ``CaseMonthlyStat``: ``Case.save()`` moves a row's contribution (a delta upsert in
the same transaction, nothing when no measure changes; into one of a few striped rows of the cell,
folded back by ``compact()`` in the clock sweep), a deletion removes it, and ``rebuild()``
(``manage.py cases_rollup``) recomputes it from the case table after bulk loads that bypass
``save()``. ``overdue_open`` depends on the clock: the open cases whose due time is still ahead are
counted live from the case table (an index-only range of a partial index on unresolved cases).

``report()`` answers the KPI page: whole months from the roll-up, partial months at either end of
the period from the case table (or from the roll-up when no case of the scope falls in the
uncovered part of that month), plus the cases the user sees only as their reporter. The result is
exactly ``kpis.all_kpis`` / ``kpis.breakdown`` over the same scoped, filtered cases (tested on random
cases). The per-case lists behind each figure still come from the case table (``kpis.filter_for``).
"""

from __future__ import annotations

import datetime as dt
import functools
import random
import threading
from collections import defaultdict
from contextlib import ContextDecorator

from django.db import connection, transaction
from django.db.models import Count, DurationField, ExpressionWrapper, F, Q, QuerySet, Sum
from django.db.models.functions import TruncMonth
from django.db.models.signals import post_delete
from django.utils import timezone

from luoshi.cases import config, kpis
from luoshi.cases.models import (
    ROLLUP_FIELDS,
    Case,
    CaseMonthlyStat,
    CaseType,
    Outcome,
    Rating,
    Status,
    rollup_snapshot,
)
from luoshi.cases.workflow import EXCLUDED_STATUSES
from luoshi.org import fastinsert
from luoshi.org.models import Town, Unit, Village
from luoshi.org.scoping import scope_of

MEASURES = (
    "n",
    "resolved",
    "on_time",
    "reviewed",
    "rated",
    "satisfied",
    "mediated",
    "rectified",
    "undated",
    "duration_us",
)
_ZERO = (0,) * len(MEASURES)
_SATISFIED = (Rating.SATISFIED, Rating.BASIC)
_ONE_US = dt.timedelta(microseconds=1)


def _tz():
    return timezone.get_default_timezone()


def month_of(when: dt.datetime) -> dt.date:
    return timezone.localtime(when, _tz()).date().replace(day=1)


# ---------------------------------------------------------------------------------------------
# one case's contribution, and keeping the table current


def contribution(snap: tuple | None):
    """(cell key, county id, measures) of a case snapshot (``models.rollup_snapshot``); None outside the cohort."""
    if snap is None:
        return None
    (county_id, town_id, village_id, unit_id, type_id, received_at, status) = snap[:7]
    resolved_at, resolved_on_time, reviewed_at, rating, outcome, verified_at, due_at = snap[7:]
    if status in EXCLUDED_STATUSES or received_at is None or town_id is None:
        return None
    resolved = resolved_at is not None
    measures = (
        1,
        int(resolved),
        int(resolved and resolved_on_time is True),
        int(resolved and reviewed_at is not None),
        int(bool(rating)),
        int(rating in _SATISFIED),
        int(resolved and outcome == Outcome.RESOLVED),
        int(status == Status.CLOSED and outcome == Outcome.RESOLVED and verified_at is not None),
        int(not resolved and due_at is None),
        (resolved_at - received_at) // _ONE_US if resolved else 0,
    )
    return (town_id, month_of(received_at), type_id, unit_id or 0, village_id or 0), county_id, measures


_MISSING = object()


def before_save(case: Case):
    """The contribution of the row as it is in the database (None for a new row)."""
    if case._state.adding or case.pk is None:
        return None
    snap = getattr(case, "_rollup_loaded", _MISSING)
    if snap is _MISSING or snap is None:  # built by hand or loaded with deferred fields: ask the database
        row = Case.objects.filter(pk=case.pk).values_list(*ROLLUP_FIELDS).first()
        snap = tuple(row) if row else None
    return contribution(snap)


def after_save(case: Case, before) -> None:
    snap = rollup_snapshot(case)
    case._rollup_loaded = snap
    after = contribution(snap)
    buffer = getattr(_local, "buffer", None)
    if buffer is not None:  # inside deferred(): applied once, at its end
        buffer.append((before, after))
    else:
        apply(before, after)


_local = threading.local()


class deferred(ContextDecorator):
    """Collect the roll-up deltas of the saves inside and apply their sum at the end (on success).

    Used around a service's whole write (e.g. ``case_create``): the cell rows are locked only for
    the last statements of the transaction instead of from the first save, and a case created and
    auto-dispatched in one call moves its cell once. Nested uses join the outermost.
    """

    # State is per thread (the decorator instance is shared by every call and thread).
    def __enter__(self):
        depth = getattr(_local, "depth", 0)
        if depth == 0:
            _local.buffer = []
        _local.depth = depth + 1
        return self

    def __exit__(self, exc_type, exc, tb):
        _local.depth -= 1
        if _local.depth == 0:
            buffer, _local.buffer = _local.buffer, None
            if exc_type is None:
                apply_many(buffer)
        return False


def apply(before, after) -> None:
    """Move a contribution: one upsert per changed cell (none when nothing measured changed)."""
    apply_many([(before, after)])


def apply_many(pairs) -> None:
    deltas: dict[tuple, tuple[int, list[int]]] = {}

    def add(key, county, m, sign):
        have = deltas.get(key)
        m = [sign * x for x in m]
        deltas[key] = (county, m if have is None else [a + b for a, b in zip(have[1], m, strict=True)])

    for before, after in pairs:
        if before is not None:
            add(*before, -1)
        if after is not None:
            add(*after, 1)
    for key in sorted(deltas):  # a fixed order: two transactions never wait on each other's cells
        county, m = deltas[key]
        if any(m):
            _upsert(key, county, m)


# Concurrent writers to one cell (every intake of a busy town, type and month) would otherwise queue
# on its row lock until each other's commit: each write lands on one of SHARDS rows at random.
SHARDS = 8
_CELL = ("town_id", "month", "case_type_id", "unit_id", "village_id")


@functools.cache
def _upsert_sql(vendor: str) -> str:
    qn = connection.ops.quote_name
    table = qn(CaseMonthlyStat._meta.db_table)
    cols = ["month", "county_id", "town_id", "village_id", "unit_id", "case_type_id", "shard", *MEASURES]
    sets = ", ".join(f"{qn(c)} = {table}.{qn(c)} + excluded.{qn(c)}" for c in MEASURES)
    return (
        f"INSERT INTO {table} ({', '.join(qn(c) for c in cols)}) VALUES ({', '.join(['%s'] * len(cols))}) "
        f"ON CONFLICT ({', '.join(qn(c) for c in (*_CELL, 'shard'))}) DO UPDATE SET {sets}"
    )


def _upsert(key: tuple, county: int, m: list[int]) -> None:
    town, month, type_id, unit, village = key
    shard = random.randrange(SHARDS)
    params = [connection.ops.adapt_datefield_value(month), county, town, village, unit, type_id, shard, *m]
    with fastinsert.prepared_cursor(connection) as cur:
        cur.execute(_upsert_sql(connection.vendor), params)


@transaction.atomic
def compact() -> int:
    """Fold every cell's striped rows into its shard 0; returns the number of rows folded.

    Writers wait for the few milliseconds it takes (a table lock, as in ``rebuild``), so no delta
    can slip in between the sum and the delete.
    """
    qn = connection.ops.quote_name
    table = qn(CaseMonthlyStat._meta.db_table)
    cell = ", ".join(qn(c) for c in _CELL)
    measures = ", ".join(qn(c) for c in MEASURES)
    with connection.cursor() as cur:
        if connection.vendor == "postgresql":
            cur.execute(f"LOCK TABLE {table} IN EXCLUSIVE MODE")
        cur.execute(f"SELECT count(*) FROM {table} WHERE {qn('shard')} > 0")
        folded = cur.fetchone()[0]
        if folded:
            cur.execute(
                f"INSERT INTO {table} ({cell}, {qn('county_id')}, {qn('shard')}, {measures}) "
                f"SELECT {cell}, max({qn('county_id')}), 0, {', '.join(f'sum({qn(c)})' for c in MEASURES)} "
                f"FROM {table} WHERE {qn('shard')} > 0 GROUP BY {cell} "
                f"ON CONFLICT ({cell}, {qn('shard')}) DO UPDATE SET "
                + ", ".join(f"{qn(c)} = {table}.{qn(c)} + excluded.{qn(c)}" for c in MEASURES)
            )
            cur.execute(f"DELETE FROM {table} WHERE {qn('shard')} > 0")
    return folded


def _on_delete(sender, instance: Case, **_kwargs) -> None:
    snap = getattr(instance, "_rollup_loaded", None) or rollup_snapshot(instance)
    apply(contribution(snap), None)


post_delete.connect(_on_delete, sender=Case, dispatch_uid="cases-rollup-delete")


# ---------------------------------------------------------------------------------------------
# measures straight from the case table (rebuild, partial months, reporter-only cases)

_RESOLVED = Q(resolved_at__isnull=False)
_DURATION = ExpressionWrapper(F("resolved_at") - F("received_at"), output_field=DurationField())


def _annotations() -> dict:
    return {
        "n": Count("id"),
        "resolved": Count("id", filter=_RESOLVED),
        "on_time": Count("id", filter=_RESOLVED & Q(resolved_on_time=True)),
        "reviewed": Count("id", filter=_RESOLVED & Q(reviewed_at__isnull=False)),
        "rated": Count("id", filter=~Q(rating="")),
        "satisfied": Count("id", filter=Q(rating__in=_SATISFIED)),
        "mediated": Count("id", filter=_RESOLVED & Q(outcome=Outcome.RESOLVED)),
        "rectified": Count(
            "id", filter=Q(status=Status.CLOSED, outcome=Outcome.RESOLVED, verified_at__isnull=False)
        ),
        "undated": Count("id", filter=Q(resolved_at__isnull=True, due_at__isnull=True)),
        "duration": Sum(_DURATION, filter=_RESOLVED),
    }


def _row_measures(r: dict) -> tuple:
    total = r["duration"] or dt.timedelta(0)
    return (*(r[k] or 0 for k in MEASURES[:-1]), total // _ONE_US)


@transaction.atomic
def rebuild(*, town_ids=None, case_model=Case, stat_model=CaseMonthlyStat) -> int:
    """Recompute the roll-up (of some towns, or all) from the case table; returns the number of cells.

    ``case_model`` / ``stat_model``: the historical models when called from a migration.
    """
    if connection.vendor == "postgresql":  # writers wait (their deltas apply after the rebuild)
        with connection.cursor() as cur:
            cur.execute(
                f"LOCK TABLE {connection.ops.quote_name(stat_model._meta.db_table)} IN EXCLUSIVE MODE"
            )
    stats = stat_model.objects.all()
    cases = case_model.objects.exclude(status__in=EXCLUDED_STATUSES)
    if town_ids is not None:
        stats, cases = stats.filter(town_id__in=list(town_ids)), cases.filter(town_id__in=list(town_ids))
    stats.delete()
    rows = (
        cases.annotate(m=TruncMonth("received_at", tzinfo=_tz()))
        .values("county_id", "town_id", "case_type_id", "unit_id", "village_id", "m")
        .annotate(**_annotations())
        .order_by()
    )
    objs = []
    for r in rows:
        m = _row_measures(r)
        objs.append(
            stat_model(
                month=timezone.localtime(r["m"], _tz()).date(),
                county_id=r["county_id"],
                town_id=r["town_id"],
                case_type_id=r["case_type_id"],
                unit_id=r["unit_id"] or 0,
                village_id=r["village_id"] or 0,
                **dict(zip(MEASURES, m, strict=True)),
            )
        )
    stat_model.objects.bulk_create(objs, batch_size=1000)
    return len(objs)


# ---------------------------------------------------------------------------------------------
# grouped measures

GROUP_COLUMNS = {"unit": "unit_id", "village": "village_id", "type": "case_type_id", "town": "town_id"}


def _case_cells(qs: QuerySet, by: str | None, pending_at: dt.datetime | None = None):
    """{(group, type id): measures} over a cohort queryset of cases; with ``pending_at`` also
    {(group, type id): open cases not yet due at that time} from the same query."""
    qs = qs.exclude(status__in=EXCLUDED_STATUSES).order_by()
    if by == "month":
        qs = qs.annotate(g=TruncMonth("received_at", tzinfo=timezone.get_current_timezone()))
    elif by:
        qs = qs.annotate(g=F(GROUP_COLUMNS[by]))
    fields = ["g", "case_type_id"] if by else ["case_type_id"]
    annotations = _annotations()
    if pending_at is not None:
        annotations["pending"] = Count("id", filter=Q(resolved_at__isnull=True, due_at__gte=pending_at))
    out: dict[tuple, list[int]] = {}
    pending: dict[tuple, int] = {}
    for r in qs.values(*fields).annotate(**annotations):
        k = (_group(by, r.get("g")), r["case_type_id"])
        out[k] = list(_row_measures(r))
        if pending_at is not None:
            pending[k] = r["pending"]
    return (out, pending) if pending_at is not None else out


def _stat_cells(qs: QuerySet, by: str | None) -> dict[tuple, list[int]]:
    if by == "month":
        fields = ["month", "case_type_id"]
    elif by:
        fields = [GROUP_COLUMNS[by], "case_type_id"] if by != "type" else ["case_type_id"]
    else:
        fields = ["case_type_id"]
    out: dict[tuple, list[int]] = {}
    for r in qs.order_by().values(*fields).annotate(**{k: Sum(k) for k in MEASURES}):
        g = None if not by else r["month"] if by == "month" else r[GROUP_COLUMNS[by]]
        out[(_group(by, g), r["case_type_id"])] = [r[k] or 0 for k in MEASURES]
    return out


def _pending_cells(qs: QuerySet, by: str | None, now: dt.datetime) -> dict[tuple, int]:
    """{(group, type id): open cohort cases whose due time is still ahead} — counted live."""
    qs = qs.exclude(status__in=EXCLUDED_STATUSES).filter(resolved_at__isnull=True).order_by()
    if by == "month":
        qs = qs.annotate(g=TruncMonth("received_at", tzinfo=timezone.get_current_timezone()))
    elif by:
        qs = qs.annotate(g=F(GROUP_COLUMNS[by]))
    fields = ["g", "case_type_id"] if by else ["case_type_id"]
    out: dict[tuple, int] = defaultdict(int)
    for r in qs.filter(due_at__gte=now).values(*fields).annotate(c=Count("*")):
        out[(_group(by, r.get("g")), r["case_type_id"])] += r["c"]
    return out


def _overdue(cells: dict[tuple, list[int]], pending: dict[tuple, int]) -> dict[tuple, int]:
    """Open cohort cases past due = unresolved (n − resolved) − without a due time − due time ahead."""
    n, resolved, undated = _POS_N, _POS_RESOLVED, _POS_UNDATED
    return {k: m[n] - m[resolved] - m[undated] - pending.get(k, 0) for k, m in cells.items()}


def _group(by: str | None, g):
    if by is None:
        return None
    if by == "month":
        return f"{g:%Y-%m}"
    if by == "type" and g is None:
        return None
    return g or None  # roll-up 0 = none


def _merge(into: dict[tuple, list[int]], cells: dict[tuple, list[int]]) -> None:
    for k, m in cells.items():
        have = into.get(k)
        into[k] = list(m) if have is None else [a + b for a, b in zip(have, m, strict=True)]


# ---------------------------------------------------------------------------------------------
# KPIs from measures

_PARTS = {  # key → (numerator measure, denominator measure(s))
    "on_time": ("on_time", ("resolved", "overdue_open")),
    "completion": ("resolved", ("n",)),
    "callback": ("reviewed", ("resolved",)),
    "satisfaction": ("satisfied", ("rated",)),
    "mediation": ("mediated", ("n",)),
    "solved": ("mediated", ("resolved",)),
    "rectification": ("rectified", ("n",)),
    "avg_time": ("duration_us", ("resolved",)),
}
_POS = {k: i for i, k in enumerate(MEASURES)}
_POS_N, _POS_RESOLVED, _POS_UNDATED = _POS["n"], _POS["resolved"], _POS["undated"]


def _num_den(key: str, cells: dict, overdue: dict, types: set[int], group) -> tuple[int, int]:
    num_m, den_ms = _PARTS[key]
    num = den = 0
    for (g, type_id), m in cells.items():
        if g != group or type_id not in types:
            continue
        num += m[_POS[num_m]]
        den += sum(m[_POS[d]] for d in den_ms if d != "overdue_open")
    if "overdue_open" in den_ms:
        den += sum(c for (g, type_id), c in overdue.items() if g == group and type_id in types)
    return num, den


def _value(key: str, num: int, den: int) -> kpis.KpiValue:
    spec = kpis.SPECS[key]
    if key == "avg_time":
        days = dt.timedelta(microseconds=num).total_seconds() / 86400
        rate = round(days / den, 2) if den else None
        return kpis.KpiValue(
            key,
            str(spec.label),
            round(days, 2),
            den,
            rate,
            str(spec.definition),
            str(kpis.EXCLUSIONS),
            percent=False,
        )
    rate = round(100 * num / den, 1) if den else None
    return kpis.KpiValue(key, str(spec.label), num, den, rate, str(spec.definition), str(kpis.EXCLUSIONS))


def _load_types_reporting() -> dict[str, set[int]]:
    out: dict[str, set[int]] = {k: set() for k in kpis.SPECS}
    for pk, keys in CaseType.objects.values_list("pk", "kpis"):
        for k in keys or []:
            if k in out:
                out[k].add(pk)
    return out


def _types_reporting() -> dict[str, set[int]]:
    """{KPI key: ids of the case types reporting it}, cached per process (cleared when a type is saved)."""
    return config._cached("types_reporting", _load_types_reporting)


def _names(by: str, ids) -> dict:
    ids = [i for i in ids if i is not None]
    model = {"unit": Unit, "village": Village, "type": CaseType, "town": Town}.get(by)
    if model is None or not ids:
        return {}
    return dict(model.objects.filter(pk__in=ids).values_list("pk", "name"))


def values_and_rows(cells, overdue, key: str, by: str) -> tuple[list[kpis.KpiValue], list[dict]]:
    types = _types_reporting()
    totals: dict[tuple, list[int]] = {}
    for (_g, type_id), m in cells.items():
        _merge(totals, {(None, type_id): m})
    total_overdue: dict[tuple, int] = defaultdict(int)
    for (_g, type_id), c in overdue.items():
        total_overdue[(None, type_id)] += c
    values = [_value(k, *_num_den(k, totals, total_overdue, types[k], None)) for k in kpis.SPECS]
    groups = {g for g, _t in cells} | {g for g, _t in overdue}
    names = _names(by, groups)
    rows = []
    for g in sorted(groups, key=lambda g: (g is None, g if g is not None else 0)):
        num, den = _num_den(key, cells, overdue, types[key], g)
        if not den:  # like kpis.breakdown: a group appears when it has cases in the denominator
            continue
        v = _value(key, num, den)
        name = g if by == "month" else names.get(g)
        rows.append(
            {"id": g, "name": name or "—", "numerator": v.numerator, "denominator": den, "rate": v.rate}
        )
    return values, rows


def group_value(cells, overdue, key: str, group, type_id: int | None) -> kpis.KpiValue:
    """One KPI of one group over one case type (``kpis.kpi`` over that type's cases of the group),
    from cells ``report_cells`` already read: a caller needing it for many groups reads once."""
    types = _types_reporting()[key] & ({type_id} if type_id is not None else set())
    return _value(key, *_num_den(key, cells, overdue, types, group))


def group_count(cells, group, type_id: int | None) -> int:
    """Cohort cases of one group and case type (``kpis.cohort(...).count()``) from read cells."""
    return sum(m[_POS_N] for (g, t), m in cells.items() if g == group and t == type_id)


def direct(
    cases: QuerySet, key: str, by: str, start, end, now=None
) -> tuple[list[kpis.KpiValue], list[dict]]:
    """``kpis.all_kpis`` + ``kpis.breakdown`` over any case queryset in two grouped queries (no roll-up)."""
    now = now or timezone.now()
    cells, pending = _case_cells(kpis.cohort(cases, start, end), by, pending_at=now)
    return values_and_rows(cells, _overdue(cells, pending), key, by)


# ---------------------------------------------------------------------------------------------
# the KPI page


def _month_start(when: dt.datetime) -> dt.datetime:
    local = timezone.localtime(when, _tz())
    return local.replace(day=1, hour=0, minute=0, second=0, microsecond=0)


def _next_month(m: dt.datetime) -> dt.datetime:
    return timezone.make_aware(dt.datetime(m.year + m.month // 12, m.month % 12 + 1, 1), _tz())


def _scope_parts(user) -> tuple[Q, Q, Q | None] | None:
    """(case filter, roll-up filter, reporter-only case filter or None) of what ``user`` sees, or None
    when the scope cannot be expressed on roll-up columns (grid workers)."""
    scope = scope_of(user)
    if scope.is_admin:
        return Q(), Q(), None
    if scope.grid_ids:
        return None
    case_q = stat_q = Q(pk__in=[])
    for column, ids in (
        ("county_id", scope.county_ids),
        ("town_id", scope.town_ids),
        ("unit_id", scope.unit_ids),
        ("village_id", scope.village_ids),
    ):
        if ids:
            case_q |= Q(**{f"{column}__in": sorted(ids)})
            stat_q |= Q(**{f"{column}__in": sorted(ids)})
    owner_q = (Q(reporter_id=scope.user_id) & ~case_q) if scope.user_id else None
    return case_q, stat_q, owner_q


def report(
    *, user, start: dt.datetime, end: dt.datetime, key: str, by: str, town=None, type_code=None, now=None
) -> tuple[list[kpis.KpiValue], list[dict]]:
    """The KPI page: every KPI over the user's visible cases received in [start, end) (optionally of
    one town / one case type) and ``key`` broken down ``by`` month, unit, village, type or town."""
    cells, overdue = report_cells(
        user=user, start=start, end=end, by=by, town=town, type_code=type_code, now=now
    )
    return values_and_rows(cells, overdue, key, by)


def report_cells(
    *, user, start: dt.datetime, end: dt.datetime, by: str, town=None, type_code=None, now=None
) -> tuple[dict, dict]:
    """The measures behind ``report`` (cells and open overdue counts per group and case type), so a
    caller needing several KPIs per group (the county's towns side by side) reads them once."""
    from luoshi.cases import selectors
    from luoshi.lib.params import int_param
    from luoshi.org.scoping import visible

    now = now or timezone.now()
    filters = {"town": town, "type": type_code}
    parts = _scope_parts(user)
    if parts is None:
        qs = selectors.apply_filters(visible(Case, user), filters, now)
        cells, pending = _case_cells(kpis.cohort(qs, start, end), by, pending_at=now)
        return cells, _overdue(cells, pending)
    case_q, stat_q, owner_q = parts
    town_id = int_param(town, "town")
    if town_id:
        case_q &= Q(town_id=town_id)
        stat_q &= Q(town_id=town_id)
        owner_q = owner_q & Q(town_id=town_id) if owner_q is not None else None
    if type_code:
        type_id = CaseType.objects.filter(code=type_code).values_list("pk", flat=True).first() or 0
        case_q &= Q(case_type_id=type_id)
        stat_q &= Q(case_type_id=type_id)
        owner_q = owner_q & Q(case_type_id=type_id) if owner_q is not None else None
    return _period_cells(case_q, stat_q, owner_q, start=start, end=end, by=by, now=now)


def town_cells(town_id: int, start: dt.datetime, end: dt.datetime, now: dt.datetime) -> tuple[dict, dict]:
    """Every case type's measures and open overdue counts of one town's cohort received in [start, end),
    keyed (None, type id): what the indicator registry reads instead of counting case rows."""
    q = Q(town_id=town_id)
    return _period_cells(q, q, None, start=start, end=end, by=None, now=now)


def cells_kpi(key: str, cells: dict, overdue: dict, type_ids: set[int]) -> kpis.KpiValue:
    """One KPI over the cells of ``type_ids`` (only those reporting it count, as in ``kpis.kpi``)."""
    return _value(key, *_num_den(key, cells, overdue, type_ids & _types_reporting()[key], None))


def cells_count(cells: dict, type_ids: set[int]) -> int:
    """Cohort cases (received, neither merged nor cancelled) of ``type_ids`` in the cells."""
    return sum(m[_POS_N] for (_g, type_id), m in cells.items() if type_id in type_ids)


def _period_cells(
    case_q: Q, stat_q: Q, owner_q: Q | None, *, start: dt.datetime, end: dt.datetime, by, now: dt.datetime
) -> tuple[dict, dict]:
    cases = Case.objects.filter(case_q)

    # whole months [first, last) from the roll-up; the rest of the period from the case table
    first, last = _month_start(start), _month_start(end)
    if first != start:
        head_gap = cases.filter(received_at__gte=first, received_at__lt=start).exists()
        if head_gap:
            first = _next_month(first)
    if last != end:
        tail_end = _next_month(last)
        if not cases.filter(received_at__gte=end, received_at__lt=tail_end).exists():
            last = tail_end
    cells: dict[tuple, list[int]] = {}
    if first < last:
        months = []
        m = first
        while m < last:
            months.append(m.date())
            m = _next_month(m)
        _merge(cells, _stat_cells(CaseMonthlyStat.objects.filter(stat_q, month__in=months), by))
        direct_ranges = [(start, min(first, end)), (max(last, start), end)]
    else:
        direct_ranges = [(start, end)]
    for lo, hi in direct_ranges:
        if lo < hi:
            _merge(cells, _case_cells(cases.filter(received_at__gte=lo, received_at__lt=hi), by))
    # open cases not yet due: live, over the scope's columns (an index-only scan of the partial
    # index ``case_town_unresolved`` for town scopes) and separately over the reporter-only cases
    period = Q(received_at__gte=start, received_at__lt=end)
    pending = _pending_cells(cases.filter(period), by, now)
    if owner_q is not None:  # cases the user sees only as their reporter, straight from the case table
        owner_cells, owner_pending = _case_cells(Case.objects.filter(owner_q, period), by, pending_at=now)
        _merge(cells, owner_cells)
        for k, c in owner_pending.items():
            pending[k] = pending.get(k, 0) + c
    return cells, _overdue(cells, pending)
