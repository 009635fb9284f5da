"""Deadlines and the holiday calendar: recompute open cases when days change, mark provisional ones.

Working-day deadlines depend on the year's official holidays and make-up days (调休). The
``chinese-calendar`` package stops at the last published year; for a later year the county enters the
State Council's notice on the calendar page (``luoshi.org.calendar_views``). Until then a deadline
counted across that year treats its holidays as working days: ``provisional_years`` says so, and
case pages, queue rows and the SLA admin show it.

When days are entered or changed, ``deadlines_recompute`` recomputes the due columns of every
active (open or suspended) case whose span from receipt to deadline touches the changed dates,
in batches, and adds one timeline entry to each case whose deadline moved. It runs as a background
task (``tasks.recompute_deadlines``), enqueued after the calendar change commits, and reports its
progress on the year's ``CalendarYear`` row. Resolved and closed cases keep the deadline they were
judged against.
"""

from __future__ import annotations

import datetime as dt

from django.db import connection, transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from luoshi.cases import config, sla, workflow
from luoshi.cases.models import Case, CaseEvent, DayBasis, EventKind
from luoshi.org.models import CalendarYear
from luoshi.org.selectors import unknown_years
from luoshi.org.services import calendar_changed, calendar_recompute_progress

BATCH_SIZE = 500
DUE_FIELDS = ["sign_due_at", "response_due_at", "due_at", "warn_at"]


def _start_of(day: dt.date) -> dt.datetime:
    return timezone.make_aware(dt.datetime.combine(day, dt.time.min))


def _end_of(day: dt.date) -> dt.datetime:
    return timezone.make_aware(dt.datetime.combine(day, dt.time.max))


def affected_cases(start: dt.date, end: dt.date):
    """Active cases whose received → due span touches [start, end]: only their deadlines can move.

    A deadline is counted over the days after the clock starts (never before receipt) up to the due
    day, so a case due before ``start`` or received after ``end`` never looked at these days.
    """
    return Case.objects.filter(
        status__in=workflow.ACTIVE_STATUSES,
        due_at__gte=_start_of(start),
        received_at__lte=_end_of(end),
    )


def deadlines_recompute(
    *, start: dt.date, end: dt.date, year: int | None = None, batch_size: int = BATCH_SIZE
) -> dict[str, int]:
    """Recompute the due columns of the cases ``affected_cases`` finds, batch by batch.

    Each batch is its own transaction (rows locked, so a handler's concurrent action either sees
    the new deadline or is waited for); a timeline entry (old → new 办结截止) goes to each case whose
    deadline moved. The case ``version`` is not bumped: nobody's action becomes invalid because of
    a new deadline. ``year`` names the ``CalendarYear`` row that shows the progress.
    """
    config.clear()  # the calendar just changed: this process must not use its cached overrides
    qs = affected_cases(start, end)
    total = qs.count()
    if year is not None:
        calendar_recompute_progress(year=year, state=CalendarYear.Recompute.RUNNING, total=total)
    counts = {"total": total, "checked": 0, "moved": 0}
    last_pk = 0
    try:
        while True:
            ids = list(qs.filter(pk__gt=last_pk).order_by("pk").values_list("pk", flat=True)[:batch_size])
            if not ids:
                break
            last_pk = ids[-1]
            moved = _recompute_batch(ids)
            counts["checked"] += len(ids)
            counts["moved"] += moved
            if year is not None:
                calendar_recompute_progress(
                    year=year, state=CalendarYear.Recompute.RUNNING, done=len(ids), moved=moved
                )
    except Exception:
        if year is not None:
            calendar_recompute_progress(year=year, state=CalendarYear.Recompute.FAILED)
        raise
    if year is not None:
        calendar_recompute_progress(year=year, state=CalendarYear.Recompute.DONE)
    return counts


def _local_day(when: dt.datetime | None) -> str:
    return f"{timezone.localtime(when):%Y-%m-%d}" if when else "—"


@transaction.atomic
def _recompute_batch(ids: list[int]) -> int:
    cases = list(
        Case.objects.filter(pk__in=ids, status__in=workflow.ACTIVE_STATUSES)
        .select_related("case_type", "category", "town")
        .select_for_update(of=("self",))
    )
    now = timezone.now()
    changed, events = [], []
    for case in cases:
        before = {name: getattr(case, name) for name in DUE_FIELDS}
        sla.apply(case)
        if all(getattr(case, name) == before[name] for name in DUE_FIELDS):
            continue
        changed.append(case)
        if case.due_at != before["due_at"]:
            events.append(
                CaseEvent(
                    case_id=case.pk,
                    kind=EventKind.DEADLINE_RECOMPUTED,
                    at=now,
                    actor_label=_("系统"),
                    from_status=case.status,
                    to_status=case.status,
                    note=_("节假日安排调整，办结截止由 %(old)s 改为 %(new)s。")
                    % {"old": _local_day(before["due_at"]), "new": _local_day(case.due_at)},
                    data={
                        "old_due_at": before["due_at"].isoformat() if before["due_at"] else None,
                        "due_at": case.due_at.isoformat() if case.due_at else None,
                    },
                )
            )
    if changed:
        _write_due_columns(changed)
        # The audit history gets the new values too, or a later edit would seem to have moved them.
        Case.history.bulk_history_create(changed, default_change_reason="calendar")
        CaseEvent.objects.bulk_create(events, batch_size=BATCH_SIZE)
    return len(events)


def _write_due_columns(cases: list[Case]) -> None:
    """One parameterised UPDATE per case, sent as a batch (``executemany``; psycopg pipelines it).

    ``bulk_update`` builds a CASE WHEN expression per row and field, which cost more than the rest
    of the recomputation. Only due columns change (never whether a case has one), so the KPI roll-up
    that ``Case.save()`` maintains is unaffected.
    """
    ops = connection.ops
    table = ops.quote_name(Case._meta.db_table)
    columns = [Case._meta.get_field(name).column for name in DUE_FIELDS]
    sets = ", ".join(f"{ops.quote_name(c)} = %s" for c in columns)
    sql = f"UPDATE {table} SET {sets} WHERE {ops.quote_name('id')} = %s"  # noqa: S608 - names from _meta
    params = [
        [ops.adapt_datetimefield_value(getattr(c, name)) for name in DUE_FIELDS] + [c.pk] for c in cases
    ]
    with connection.cursor() as cursor:
        cursor.executemany(sql, params)


def _enqueue(sender, *, year: int, start: dt.date, end: dt.date, **_kwargs) -> None:
    from luoshi.cases.tasks import recompute_deadlines

    transaction.on_commit(
        lambda: recompute_deadlines.enqueue(year=year, start=start.isoformat(), end=end.isoformat())
    )


def connect() -> None:
    calendar_changed.connect(_enqueue, sender=CalendarYear, dispatch_uid="cases-deadlines-recompute")


# ---------------------------------------------------------------------------------------------
# provisional deadlines


def _type_counts_workdays(case_type_id: int) -> bool:
    return any(p.day_basis == DayBasis.WORKDAYS for p in config.sla_policies(case_type_id))


def provisional_years(case) -> list[int]:
    """Years without a known holiday schedule that the case's working-day deadline was counted across."""
    if case.due_at is None:
        return []
    years = unknown_years(case.received_at, case.due_at)
    if years and sla.basis_of(case) != DayBasis.WORKDAYS:
        return []
    return years


def row_provisional_years(row) -> list[int]:
    """The same for a list row (``selectors.CaseRow``): the type's policies decide the basis."""
    if row.due_at is None:
        return []
    years = unknown_years(row.received_at, row.due_at)
    if years and not _type_counts_workdays(row.case_type_id):
        return []
    return years


def provisional_text(years: list[int]) -> str:
    return _("%(years)s 年的节假日安排尚未录入，截止时间暂按周末计算，录入后将自动重新计算。") % {
        "years": "、".join(str(y) for y in years)
    }


def unknown_year_counts(today: dt.date | None = None) -> list[tuple[int, int]]:
    """(year, active cases counted across it) for each unknown year from this year to the latest deadline.

    For the SLA admin's warning: which years still need their holidays entered, and how many open
    deadlines are provisional meanwhile.
    """
    from django.db.models import Max

    today = today or timezone.localdate()
    latest = Case.objects.filter(status__in=workflow.ACTIVE_STATUSES).aggregate(m=Max("due_at"))["m"]
    last = max(today.year + 1, timezone.localtime(latest).year if latest else today.year)
    out = []
    for year in unknown_years(dt.date(today.year, 1, 1), dt.date(last, 1, 1)):
        out.append((year, affected_cases(dt.date(year, 1, 1), dt.date(year, 12, 31)).count()))
    return out
