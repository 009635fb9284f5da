"""Reads: work queues, filters, search and single-case access, always through scoping."""

from __future__ import annotations

import dataclasses
import datetime as dt
import re

from django.db.models import Count, Q, QuerySet
from django.db.models.functions import Substr
from django.http import Http404
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from luoshi.cases import config, kpis, similar, workflow
from luoshi.cases.models import (
    Attachment,
    Case,
    CaseAssist,
    CaseCosigner,
    CaseEvent,
    CaseType,
    Outcome,
    ReplyTemplate,
    ReviewState,
    Stage,
    Status,
    clock_state,
    normalise_short_code,
)
from luoshi.lib.params import date_param, int_param
from luoshi.org.compiled import CompiledRead
from luoshi.org.roles import Role
from luoshi.org.scoping import Scope, is_visible, scope_of, scope_q, visible


@dataclasses.dataclass(frozen=True)
class Queue:
    """A queue: cases in ``statuses`` (None: any), optionally only those whose clock is ``clock`` now.

    A work queue (``work``) lists what the user's roles put in front of them; the others also list
    what the user sees only as its reporter, and ``mine`` only that. ``assist`` lists, instead of
    the scope, the cases one of the user's units co-handles (协办, from the ``CaseAssist`` table).
    ``where`` is one more condition (served by a partial index: such queues are counted one by one).
    ``proposed`` lists the suggestions (types ``filed_by_deputies``) the user filed or co-signs (附议).
    """

    label: str
    statuses: tuple[str, ...] | None
    clock: str = ""  # "near_due" / "overdue"
    work: bool = True
    mine: bool = False
    assist: bool = False
    where: Q | None = None
    proposed: bool = False


CLOCK_FILTERS = {
    "near_due": lambda now: Q(warn_at__lte=now, due_at__gte=now),
    "overdue": lambda now: Q(due_at__lt=now),
}

QUEUES: dict[str, Queue] = {
    "active": Queue(_("在办"), tuple(workflow.ACTIVE_STATUSES)),
    "to_dispatch": Queue(_("待派单"), (Status.RECEIVED,)),
    "returned": Queue(_("退单待处理"), (Status.RETURNED,)),
    "to_sign": Queue(_("待签收"), (Status.DISPATCHED,)),
    "in_progress": Queue(_("办理中"), (Status.IN_PROGRESS,)),
    "assist": Queue(_("协办"), tuple(workflow.OPEN_STATUSES), assist=True),
    "near_due": Queue(_("临期"), tuple(workflow.OPEN_STATUSES), "near_due"),
    "overdue": Queue(_("超期"), tuple(workflow.OPEN_STATUSES), "overdue"),
    "to_review": Queue(_("待核查/回访"), (Status.RESOLVED,)),
    # 信访 复查/复核 requested and not yet decided by the higher body (the town office follows them)
    "review_pending": Queue(
        _("复查复核待决定"), (Status.RESOLVED, Status.CLOSED), where=Q(review_state=ReviewState.REQUESTED)
    ),
    # replied "being solved step by step" (建议 B类): kept in sight after the reply and the rating
    "tracking": Queue(_("持续跟踪"), (Status.RESOLVED, Status.CLOSED), where=Q(outcome=Outcome.PARTLY)),
    "suspended": Queue(_("已挂起"), (Status.SUSPENDED,)),
    "suggestions": Queue(_("我的建议"), None, work=False, proposed=True),
    "done": Queue(_("已办结"), (Status.CLOSED,), work=False),
    "mine": Queue(_("我登记的"), None, work=False, mine=True),
    "all": Queue(_("全部"), None, work=False),
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


# The work queues each role works from (home panel and list tabs), most urgent first.
ROLE_QUEUES = {
    Role.OFFICE: [
        "to_dispatch",
        "returned",
        "to_review",
        "near_due",
        "overdue",
        "review_pending",
        "tracking",
    ],
    Role.LEADER: ["near_due", "overdue", "returned"],
    Role.UNIT: ["to_sign", "in_progress", "assist", "near_due", "overdue"],
    Role.VILLAGE: ["in_progress", "near_due", "overdue"],
    Role.GRID: ["to_review", "in_progress", "overdue"],
    Role.COUNTY: ["near_due", "overdue"],
    Role.DEPUTY: ["suggestions"],
}
# Tabs every user has besides their roles' work queues.
COMMON_QUEUES = ["active", "suspended", "done", "mine", "all"]


def work_queues(user) -> list[str]:
    """The work queues of the user's roles (every counted queue for administrators)."""
    scope = scope_of(user)
    if scope.is_admin:
        return list(COUNTED_QUEUES)
    keys: list[str] = []
    for role, queues in ROLE_QUEUES.items():
        if scope.has(role):
            keys += [q for q in queues if q not in keys]
    return keys


def default_queue(user) -> str:
    scope = scope_of(user)
    if scope.has(Role.OFFICE):
        return "to_dispatch"
    if scope.has(Role.UNIT):
        return "to_sign"
    if scope.is_staff_member:
        return "active"
    return "suggestions" if scope.has(Role.DEPUTY) else "mine"


_LIST_RELATED = ("case_type", "category", "town", "village", "unit")


def base_queryset(user, *, as_owner: bool = True) -> QuerySet:
    return visible(Case, user, as_owner=as_owner).select_related(*_LIST_RELATED)


def assisted_cases(user) -> QuerySet:
    """Cases one of the user's units co-handles (协办): a semi-join on the (unit, case) index of
    ``CaseAssist``, never an OR on the scope's filter (which would cost every list its indexes)."""
    unit_ids = sorted(scope_of(user).unit_ids)
    if not unit_ids:
        return Case.objects.none()
    return Case.objects.filter(
        pk__in=CaseAssist.objects.filter(unit_id__in=unit_ids).values("case_id")
    ).select_related(*_LIST_RELATED)


def proposed_by(user) -> Q:
    """Suggestions (types ``filed_by_deputies``) ``user`` filed or co-signs (附议); ANDed to a scoped query."""
    cosigned = CaseCosigner.objects.filter(deputy_id=user.pk).values("case_id")
    return Q(case_type_id__in=config.deputy_type_ids()) & (Q(reporter_id=user.pk) | Q(pk__in=cosigned))


def queue_cases(user, key: str, now: dt.datetime) -> QuerySet:
    """The cases of one queue (``all`` for an unknown key), before the list's filters and sort."""
    queue = QUEUES.get(key, QUEUES["all"])
    qs = assisted_cases(user) if queue.assist else base_queryset(user, as_owner=not queue.work)
    if queue.mine:
        qs = qs.filter(reporter_id=user.pk)
    if queue.proposed:
        qs = qs.filter(proposed_by(user))
    if queue.statuses is not None:
        qs = qs.filter(status__in=queue.statuses)
    if queue.clock:
        qs = qs.filter(CLOCK_FILTERS[queue.clock](now))
    if queue.where is not None:
        qs = qs.filter(queue.where)
    return qs


def case_list(user, params: dict, now: dt.datetime | None = None) -> QuerySet:
    """The scoped case list for a queue and filters (the same query serves the page, export and API)."""
    now = now or timezone.now()
    qs = apply_filters(queue_cases(user, params.get("queue") or "all", now), params, now)
    sort = SORTS.get(params.get("sort") or "", "-received_at")
    return qs.order_by(sort, "-id")


def _int(params: dict, name: str) -> int | None:
    return int_param(params.get(name), name)


def _date(params: dict, name: str) -> dt.datetime | None:
    day = date_param(params.get(name), name)
    return _midnight(day) if day else None


def _midnight(day: dt.date) -> dt.datetime:
    return timezone.make_aware(dt.datetime.combine(day, dt.time.min))


def apply_filters(qs: QuerySet, params: dict, now: dt.datetime) -> QuerySet:
    """The list's filters; a value that cannot be used raises ``BadParameter`` naming it (a 400/422)."""
    if params.get("type"):
        qs = qs.filter(case_type__code=params["type"])
    if _int(params, "type_id"):
        qs = qs.filter(case_type_id=_int(params, "type_id"))
    if _int(params, "category"):
        qs = qs.filter(category_id=_int(params, "category"))
    if params.get("status") in Status.values:
        qs = qs.filter(status=params["status"])
    if _int(params, "unit"):
        qs = qs.filter(unit_id=_int(params, "unit"))
    if _int(params, "village"):
        qs = qs.filter(village_id=_int(params, "village"))
    if _int(params, "town"):
        qs = qs.filter(town_id=_int(params, "town"))
    if params.get("priority"):
        qs = qs.filter(priority=params["priority"])
    start, end = _date(params, "received_from"), _date(params, "received_to")
    if start:
        qs = qs.filter(received_at__gte=start)
    if end:
        qs = qs.filter(received_at__lt=end + dt.timedelta(days=1))
    if params.get("month"):  # a KPI month bucket, "2026-03"
        first = date_param(params["month"] + "-01", "month")
        nxt = (first.replace(day=28) + dt.timedelta(days=4)).replace(day=1)
        qs = qs.filter(received_at__gte=_midnight(first), received_at__lt=_midnight(nxt))
    if params.get("kpi") in kpis.SPECS:
        qs = qs.filter(kpis.filter_for(params["kpi"], params.get("part", "den"), now))
    q = (params.get("q") or "").strip()
    if q:
        qs = qs.filter(
            Q(number__icontains=q) | Q(title__icontains=q) | Q(content__icontains=q) | Q(address__icontains=q)
        )
    return qs


FILTER_PARAMS = (
    "type",
    "type_id",
    "category",
    "status",
    "unit",
    "village",
    "town",
    "priority",
    "received_from",
    "received_to",
    "month",
    "kpi",
    "q",
)


_CASE_NUMBER = re.compile(r"\d{8}-[0-9A-Za-z]{10}")


def is_case_number(text: str | None) -> bool:
    """True for a whole case number as ``new_case_number`` draws it (``20261208-WPD3XS4A7W``)."""
    return bool(_CASE_NUMBER.fullmatch((text or "").strip()))


def is_plain_queue(params: dict) -> bool:
    """True when the list is a whole queue, no filter: its size is then the queue's badge count."""
    return not any((params.get(k) or "").strip() for k in FILTER_PARAMS)


# Work queues with a badge count. Each holds only open or resolved cases: counting just those lets
# the (unit|town|village, status) indexes pick the few thousand live rows, not all the scope's cases.
COUNTED_QUEUES = ["to_dispatch", "returned", "to_sign", "in_progress", "near_due", "overdue", "to_review"]
# Work queues counted by a query of their own (co-handling; a partial index's condition).
SEPARATELY_COUNTED = [k for k, q in QUEUES.items() if q.work and (q.assist or q.where is not None)]


def queue_counts(user, now: dt.datetime | None = None, keys: list[str] | None = None) -> dict[str, int]:
    """The badge counts of work queues (``keys``, default all counted ones): one count per status
    with its near-due and overdue part, plus one count for each separately counted queue named in ``keys``.

    Only the statuses of those queues are counted, so the (unit|town|village|grid, status, due_at,
    warn_at) indexes answer it from the index alone.
    """
    now = now or timezone.now()
    out = {}
    for key in keys or ():  # only when asked for by name
        if key in SEPARATELY_COUNTED:
            out[key] = queue_cases(user, key, now).order_by().count()
    keys = [k for k in (COUNTED_QUEUES if keys is None else keys) if k in COUNTED_QUEUES]
    if not keys:
        return out
    statuses = sorted({s for k in keys for s in QUEUES[k].statuses or ()})
    live = visible(Case.objects.filter(status__in=statuses).order_by(), user, as_owner=False)
    rows = live.values("status").annotate(
        n=Count("status"), **{clock: Count("status", filter=f(now)) for clock, f in CLOCK_FILTERS.items()}
    )
    by_status = {row["status"]: row for row in rows}
    for key in keys:
        queue = QUEUES[key]
        out[key] = sum(by_status[s][queue.clock or "n"] for s in queue.statuses or () if s in by_status)
    return out


# What a list row shows, loaded as plain values: names and labels come from the configuration cache,
# so the page query joins nothing and builds no model instances.
ROW_FIELDS = (
    "id",
    "number",
    "title",
    "case_type_id",
    "village_id",
    "unit_id",
    "status",
    "stage",
    "received_at",
    "due_at",
    "warn_at",
    "resolved_at",
    "resolved_on_time",
    "supervised",
    "urge_count",
)


@dataclasses.dataclass(slots=True)
class CaseRow:
    id: int
    number: str
    title: str
    case_type_id: int
    village_id: int | None
    unit_id: int | None
    status: str
    stage: str
    received_at: dt.datetime
    due_at: dt.datetime | None
    warn_at: dt.datetime | None
    resolved_at: dt.datetime | None
    resolved_on_time: bool | None
    supervised: bool
    urge_count: int
    type_name: str = ""
    village_name: str = ""
    unit_name: str = ""
    status_label: str = ""
    url: str = ""
    received_text: str = ""
    due_text: str = ""
    clock_state: str = ""


def case_rows(values, now: dt.datetime | None = None) -> list[CaseRow]:
    """List rows from ``values(*ROW_FIELDS)`` dicts, with the names, labels and dates the page prints."""
    from django.urls import reverse

    now = now or timezone.now()
    types, villages, units = config.case_types_by_id(), config.village_names(), config.unit_names()
    detail = reverse("cases:detail", args=[0])[:-2]  # "/cases/0/" → "/cases/"
    rows = []
    for v in values:
        row = CaseRow(**v)
        case_type = types.get(row.case_type_id)
        row.type_name = case_type.name if case_type else ""
        row.village_name = villages.get(row.village_id, "") if row.village_id else ""
        row.unit_name = units.get(row.unit_id, "") if row.unit_id else ""
        row.status_label = workflow.internal_label(case_type, row.status)
        row.url = f"{detail}{row.id}/"
        row.received_text = f"{timezone.localtime(row.received_at):%Y-%m-%d %H:%M}"
        row.due_text = f"{timezone.localtime(row.due_at):%Y-%m-%d}" if row.due_at else ""
        row.clock_state = clock_state(row, now)
        rows.append(row)
    return rows


def get_case(user, pk: int) -> Case:
    """The one way pages and the API fetch a case: 404 outside the user's scope.

    Staff of a co-handling unit (协办) may open it too: only here, never in lists (``assisting``).
    """
    # Only the relations every page shows: each join costs PostgreSQL planning time on every view
    # (ten of them took longer to plan than to run; with the case type and category joined, planning
    # took 1.5 ms against 0.4 ms without them at 3M cases). The type and category come from the
    # per-process configuration cache instead (a rename shows within its CACHE_SECONDS in other
    # processes). The rarely set ones (merged into, supervising leader, reporter, handler) load on
    # access, and not at all when empty.
    # The SQL is compiled once per scope (``compiled``): compiling it cost more than running it.
    found = _case_read(scope_of(user), pk)
    if not found:
        raise Http404("not found")
    if len(found) > 1:
        raise Case.MultipleObjectsReturned  # as ``get`` would; cannot happen: the filter is on the primary key
    case = found[0]
    case_type = config.case_types_by_id().get(case.case_type_id)
    if case_type is not None:  # (one made in another process since the cache was filled loads on access)
        case.case_type = case_type
    category = config.categories_by_id().get(case.category_id) if case.category_id else None
    if category is not None:
        case.category = category
    return case


def _case_read_queryset(scope: Scope, pk: int) -> QuerySet:
    """``get_case``'s read: what ``get_visible_or_404(…, assisting=True, pk=pk)`` would run."""
    qs = Case.objects.select_related("town", "village", "grid", "unit")
    q = scope_q(Case, scope, assisting=True)
    if q is not None:
        qs = qs.filter(q)
    if Case.scope_paths.distinct:
        qs = qs.distinct()
    return qs.order_by().filter(pk=pk)[:2]


_case_read = CompiledRead(Case, _case_read_queryset)


def case_attachments(case: Case) -> list[Attachment]:
    """The case's attachments, oldest first (as ``case.attachments.all()``; the SQL compiled once)."""
    return _attachment_read(None, case.pk)


_attachment_read = CompiledRead(Attachment, lambda _key, case_id: Attachment.objects.filter(case_id=case_id))


def get_attachment(user, pk: int) -> Attachment:
    """An attachment of a case the user may open (``get_case``): 404 otherwise."""
    att = Attachment.objects.filter(pk=pk).first()
    if att is None:
        raise Http404("not found")
    att.case = get_case(user, att.case_id)
    return att


def case_assists(case: Case) -> list[CaseAssist]:
    """The case's co-handling units (协办单位) with their opinions, by unit id."""
    return list(case.assists.select_related("unit", "answered_by").order_by("unit_id"))


def case_by_tracking_code(code: str) -> Case | None:
    """The case of a tracking code: the long one from links, or the short one a resident reads out
    or types (any case, with spaces or a hyphen: ``abcd efgh``)."""
    if not code or len(code) > 32:
        return None
    cases = Case.objects.select_related("case_type", "town", "unit")
    short = normalise_short_code(code)
    if short:
        return cases.filter(short_code=short).first()
    return cases.filter(tracking_code=code).first()


def timeline(case: Case, public_only: bool = False) -> QuerySet:
    qs = CaseEvent.objects.filter(case=case).order_by("at", "id")  # pages show ``actor_label``, no join
    # public steps, and any entry whose note staff marked public (公开的办理进展)
    return qs.filter(Q(public=True) | Q(note_public=True)) if public_only else qs


def active_types() -> QuerySet:
    return CaseType.objects.filter(is_active=True).prefetch_related("categories")


def reply_templates(case: Case) -> QuerySet:
    """常用回复 for a case: the county-wide ones (no town) and its town's, general or of its type.

    (``town__in=[None, id]`` would silently drop the None: SQL ``IN`` never matches NULL.)
    """
    return ReplyTemplate.objects.filter(
        Q(town__isnull=True) | Q(town_id=case.town_id),
        Q(case_type__isnull=True) | Q(case_type_id=case.case_type_id),
    )


def sees_phone_numbers(user, case: Case | None = None) -> bool:
    """Dispatchers and handlers call people back; others see masked numbers (PIPL). Co-unit staff
    (协办) give their opinion to the lead unit and do not call back: masked on such a case too.
    The system administrator runs the system and calls nobody back: masked only (docs/privacy.md),
    so the roles actually held decide, not ``Scope.has`` (which lets admins pass every role)."""
    return bool(scope_of(user).roles & {Role.OFFICE, Role.LEADER, Role.UNIT}) and not (
        case is not None and only_assisting(case, user)
    )


def only_assisting(case: Case, user) -> bool:
    """True for staff who open ``case`` only as a co-unit (协办), i.e. outside the plain scope."""
    scope = scope_of(user)
    return bool(scope.unit_ids) and case.unit_id not in scope.unit_ids and not is_visible(case, user)


# ---------------------------------------------------------------------------------------------
# duplicate candidates (重复件) for the merge form


DUPLICATE_WINDOW = dt.timedelta(days=30)
# Rows read on each side of the case's received time, nearest first: the query is two index range
# scans of (town, received_at), never more than 2 × this many rows, however busy the town.
DUPLICATE_SCAN = 100
DUPLICATE_REASONS = {
    "phone": _("同一来电"),
    "village": _("同村"),
    "grid": _("同网格"),
    "category": _("同类别"),
    "title": _("标题相近"),
    "content": _("内容相近"),
}
_DUPLICATE_FIELDS = (
    "id",
    "number",
    "title",
    "head",
    "case_type_id",
    "category_id",
    "village_id",
    "grid_id",
    "contact_phone",
    "received_at",
    "status",
)


@dataclasses.dataclass(frozen=True, slots=True)
class DuplicateCandidate:
    id: int
    number: str
    title: str
    village_name: str
    received_at: dt.datetime
    status_label: str
    score: float
    reasons: tuple[str, ...]  # labels, e.g. ("同村", "同类别", "同一来电", "标题相近")

    @property
    def reasons_text(self) -> str:
        return " · ".join(self.reasons)


def _profile(row) -> similar.Profile:
    return similar.profile(
        village_id=row["village_id"],
        grid_id=row["grid_id"],
        category_id=row["category_id"],
        phone=row["contact_phone"],
        title=row["title"],
        content=row["head"],
    )


def duplicate_candidates(case: Case, user, limit: int = 10) -> list[DuplicateCandidate]:
    """Cases ``user`` may see that look like duplicates of ``case``, most alike first.

    Same town, received within ±30 days, not the case itself, not merged or cancelled; at most
    ``DUPLICATE_SCAN`` rows on either side of its received time are compared (``similar.compare``),
    and only pairs scoring ``similar.MIN_SCORE`` or more are returned. Phones are compared, never
    returned: a "同一来电" reason shows no number.
    """
    at = case.received_at
    rows = (
        visible(Case, user)
        .filter(town_id=case.town_id)
        .exclude(pk=case.pk)
        .exclude(status__in=workflow.EXCLUDED_STATUSES)
        .annotate(head=Substr("content", 1, similar.CONTENT_CHARS))
    )
    before = rows.filter(received_at__gte=at - DUPLICATE_WINDOW, received_at__lte=at).order_by(
        "-received_at", "-id"
    )
    after = rows.filter(received_at__gt=at, received_at__lte=at + DUPLICATE_WINDOW).order_by(
        "received_at", "id"
    )
    mine = similar.profile(
        village_id=case.village_id,
        grid_id=case.grid_id,
        category_id=case.category_id,
        phone=case.contact_phone,
        title=case.title,
        content=case.content,
    )
    scored = []
    for qs in (before, after):
        for row in qs.values(*_DUPLICATE_FIELDS)[:DUPLICATE_SCAN]:
            match = similar.compare(mine, _profile(row))
            if match.is_candidate:
                scored.append((match, row))
    scored.sort(key=lambda mr: (-mr[0].score, abs((mr[1]["received_at"] - at).total_seconds())))
    types, villages = config.case_types_by_id(), config.village_names()
    return [
        DuplicateCandidate(
            id=row["id"],
            number=row["number"],
            title=row["title"],
            village_name=villages.get(row["village_id"], "") if row["village_id"] else "",
            received_at=row["received_at"],
            status_label=workflow.internal_label(types.get(row["case_type_id"]), row["status"]),
            score=match.score,
            reasons=tuple(str(DUPLICATE_REASONS[r]) for r in match.reasons),
        )
        for match, row in scored[:limit]
    ]


def review_timeline(case: Case, public_only: bool = False) -> QuerySet:
    """The petition review chain's timeline entries (复查 / 复核 requests and decisions), oldest first."""
    return timeline(case, public_only).filter(kind__in=workflow.REVIEW_EVENTS)


# ---------------------------------------------------------------------------------------------
# deputies (人大代表): their suggestions, the replies awaiting their rating, co-signers


def case_cosigners(case: Case) -> list[CaseCosigner]:
    """The deputies who co-sign (附议) a suggestion, in the order they were named."""
    return list(case.cosigners.select_related("deputy").order_by("id"))


@dataclasses.dataclass(slots=True)
class SuggestionRow:
    id: int
    number: str
    title: str
    status: str
    status_label: str
    received_at: dt.datetime
    due_at: dt.datetime | None
    outcome: str
    outcome_label: str
    rating: str
    rating_label: str
    cosigned: bool  # the user co-signs it (附议) rather than filed it
    to_rate: bool  # a reply awaits this user's rating
    live: bool  # still being handled (open or suspended): the due date matters
    clock_state: str
    version: int
    url: str


def deputy_suggestions(user, now: dt.datetime | None = None, limit: int = 100) -> list[SuggestionRow]:
    """The suggestions ``user`` filed or co-signs (through the scope): replies awaiting their rating
    first, then open ones by due date, then the rest newest first."""
    now = now or timezone.now()
    scope = scope_of(user)
    feedback = workflow.TRANSITIONS["feedback"]
    cases = (
        visible(Case, user)
        .filter(proposed_by(user))
        .select_related("case_type")
        .order_by("-received_at", "-id")[:limit]
    )
    rows = [
        SuggestionRow(
            id=c.pk,
            number=c.number,
            title=c.title,
            status=c.status,
            status_label=c.status_label,
            received_at=c.received_at,
            due_at=c.due_at,
            outcome=c.outcome,
            outcome_label=c.outcome_label,
            rating=c.rating,
            rating_label=c.get_rating_display() if c.rating else "",
            cosigned=c.reporter_id != user.pk,
            to_rate=workflow.allowed(feedback, c, scope, now)
            and workflow.Actor.PROPOSER in workflow.actor_kinds(c, scope),
            live=c.stage in (Stage.OPEN, Stage.PAUSED),
            clock_state=clock_state(c, now),
            version=c.version,
            url=c.get_absolute_url(),
        )
        for c in cases
    ]
    far = dt.datetime.max.replace(tzinfo=dt.UTC)

    def order(r: SuggestionRow):
        return (not r.to_rate, not r.live, (r.due_at or far) if r.live else far)  # stable: newest first after

    rows.sort(key=order)
    return rows


def detail_items(case: Case) -> list[tuple[str, str]]:
    """A case's type-specific fields (隐患"五定" …) as (label, value), labelled and ordered by the case
    type's ``detail_fields``; a stored key the type no longer defines keeps its key as label."""
    details = case.details if isinstance(case.details, dict) else {}
    labels = dict(case.case_type.detail_fields or ())
    ordered = [k for k in labels if k in details] + [k for k in details if k not in labels]
    return [(labels.get(k, k), str(details[k])) for k in ordered if details[k] not in ("", None)]


def detail_columns() -> list[tuple[str, str]]:
    """(key, label) of every type-specific field any case type defines, for export columns."""
    out: dict[str, str] = {}
    for case_type in config.active_case_types():
        for key, label in case_type.detail_fields or ():
            out.setdefault(key, label)
    return list(out.items())
