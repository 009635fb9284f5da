"""Reads: work queues, filters, search and single-case access, always through scoping."""

from __future__ import annotations

import dataclasses
import datetime as dt

from django.db.models import Count, Q, QuerySet
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from luoshi.cases import kpis, workflow
from luoshi.cases.models import Case, CaseEvent, CaseType, Status
from luoshi.org.roles import Role
from luoshi.org.scoping import get_visible_or_404, scope_of, scope_q, visible

# queue key → (label, filter builder(now))
QUEUES: dict[str, tuple[str, object]] = {
    "active": (_("在办"), lambda now: Q(status__in=workflow.ACTIVE_STATUSES)),
    "to_dispatch": (_("待派单"), lambda now: Q(status=Status.RECEIVED)),
    "returned": (_("退单待处理"), lambda now: Q(status=Status.RETURNED)),
    "to_sign": (_("待签收"), lambda now: Q(status=Status.DISPATCHED)),
    "in_progress": (_("办理中"), lambda now: Q(status=Status.IN_PROGRESS)),
    "near_due": (
        _("临期"),
        lambda now: Q(status__in=workflow.OPEN_STATUSES, warn_at__lte=now, due_at__gte=now),
    ),
    "overdue": (_("超期"), lambda now: Q(status__in=workflow.OPEN_STATUSES, due_at__lt=now)),
    "to_review": (_("待核查/回访"), lambda now: Q(status=Status.RESOLVED)),
    "suspended": (_("已挂起"), lambda now: Q(status=Status.SUSPENDED)),
    "done": (_("已办结"), lambda now: Q(status=Status.CLOSED)),
    "all": (_("全部"), lambda now: Q()),
}

SORTS = {
    "received": "received_at",
    "-received": "-received_at",
    "due": "due_at",
    "-due": "-due_at",
    "number": "number",
    "-number": "-number",
    "status": "status",
    "-status": "-status",
}


def default_queue(user) -> str:
    scope = scope_of(user)
    if scope.has(Role.OFFICE):
        return "to_dispatch"
    if scope.has(Role.UNIT):
        return "to_sign"
    return "active"


def base_queryset(user) -> QuerySet:
    return visible(Case, user).select_related("case_type", "category", "town", "village", "unit")


def case_list(user, params: dict, now: dt.datetime | None = None) -> QuerySet:
    """The scoped case list for a queue and filters (the same query serves the page, export and API)."""
    now = now or timezone.now()
    qs = base_queryset(user)
    queue = params.get("queue") or "all"
    if queue in QUEUES:
        qs = qs.filter(QUEUES[queue][1](now))
    qs = apply_filters(qs, params, now)
    sort = SORTS.get(params.get("sort") or "", "-received_at")
    return qs.order_by(sort, "-id")


def _int(value) -> int | None:
    try:
        return int(value)
    except (TypeError, ValueError):
        return None


def _date(value) -> dt.datetime | None:
    if not value:
        return None
    try:
        day = dt.date.fromisoformat(str(value))
    except ValueError:
        return None
    return timezone.make_aware(dt.datetime.combine(day, dt.time.min))


def apply_filters(qs: QuerySet, params: dict, now: dt.datetime) -> QuerySet:
    if params.get("type"):
        qs = qs.filter(case_type__code=params["type"])
    if _int(params.get("type_id")):
        qs = qs.filter(case_type_id=_int(params["type_id"]))
    if _int(params.get("category")):
        qs = qs.filter(category_id=_int(params["category"]))
    if params.get("status") in Status.values:
        qs = qs.filter(status=params["status"])
    if _int(params.get("unit")):
        qs = qs.filter(unit_id=_int(params["unit"]))
    if _int(params.get("village")):
        qs = qs.filter(village_id=_int(params["village"]))
    if _int(params.get("town")):
        qs = qs.filter(town_id=_int(params["town"]))
    if params.get("priority"):
        qs = qs.filter(priority=params["priority"])
    start, end = _date(params.get("received_from")), _date(params.get("received_to"))
    if start:
        qs = qs.filter(received_at__gte=start)
    if end:
        qs = qs.filter(received_at__lt=end + dt.timedelta(days=1))
    if params.get("month"):  # a KPI month bucket, "2026-03"
        try:
            first = dt.date.fromisoformat(params["month"] + "-01")
            nxt = (first.replace(day=28) + dt.timedelta(days=4)).replace(day=1)
            qs = qs.filter(received_at__gte=_date(first.isoformat()), received_at__lt=_date(nxt.isoformat()))
        except ValueError:
            pass
    if params.get("kpi") in kpis.SPECS:
        qs = qs.filter(kpis.filter_for(params["kpi"], params.get("part", "den"), now))
    q = (params.get("q") or "").strip()
    if q:
        qs = qs.filter(
            Q(number__icontains=q) | Q(title__icontains=q) | Q(content__icontains=q) | Q(address__icontains=q)
        )
    return qs


COUNTED_QUEUES = ["to_dispatch", "returned", "to_sign", "in_progress", "near_due", "overdue", "to_review"]
# Every counted queue holds only open or resolved cases: restricting the count to them lets the
# (unit|town|village, status) indexes pick the few thousand live rows instead of all the scope's cases.
COUNTED_STATUSES = [*workflow.OPEN_STATUSES, Status.RESOLVED]


def queue_counts(user, now: dt.datetime | None = None) -> dict[str, int]:
    """The badge counts of the work queues.

    Counted in two parts, the scope's own columns (town/unit/village/grid: an index-only scan of
    ``case_unit_status_due`` / ``case_town_status_due``) and the cases the user sees only as their
    reporter; one query with ``OR reporter_id`` would have to visit every row in the table.
    """
    now = now or timezone.now()
    counts = {k: Count("status", filter=QUEUES[k][1](now)) for k in COUNTED_QUEUES}  # indexed column
    live = Case.objects.filter(status__in=COUNTED_STATUSES).order_by()
    scope = scope_of(user)
    columns = scope_q(Case, dataclasses.replace(scope, user_id=None))  # without the owner clause
    if columns is None:  # admin: everything
        return live.aggregate(**counts)
    out = live.filter(columns).aggregate(**counts)
    if scope.user_id:
        own = live.filter(reporter_id=scope.user_id).exclude(columns).aggregate(**counts)
        out = {k: (out[k] or 0) + (own[k] or 0) for k in COUNTED_QUEUES}
    return out


def get_case(user, pk: int) -> Case:
    """The one way pages and the API fetch a case: 404 outside the user's scope."""
    return get_visible_or_404(
        Case.objects.select_related(
            "case_type",
            "category",
            "town",
            "village",
            "grid",
            "unit",
            "reporter",
            "handler",
            "merged_into",
            "escalated_to",
        ),
        user,
        pk=pk,
    )


def case_by_tracking_code(code: str) -> Case | None:
    if not code or len(code) > 32:
        return None
    return Case.objects.select_related("case_type", "town", "unit").filter(tracking_code=code).first()


def timeline(case: Case, public_only: bool = False) -> QuerySet:
    qs = CaseEvent.objects.filter(case=case).select_related("actor").order_by("at", "id")
    return qs.filter(public=True) if public_only else qs


def active_types() -> QuerySet:
    return CaseType.objects.filter(is_active=True).prefetch_related("categories")


def sees_phone_numbers(user) -> bool:
    """Dispatchers and handlers call people back; others see masked numbers (PIPL)."""
    return scope_of(user).has(Role.OFFICE, Role.LEADER, Role.UNIT)
