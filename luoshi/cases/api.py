"""Staff JSON API for cases: a second thin interface over the same selectors and services.

Mounted at ``/api/cases/``. Outside the user's scope a case is a 404; refusals are 403 (not
allowed), 409 (stale ``version``) or 422 (missing/invalid input) with ``detail`` and ``errors``.
"""

from __future__ import annotations

import datetime as dt

from django.core.paginator import Paginator
from django.http import HttpRequest
from django.shortcuts import get_object_or_404
from django.utils import timezone
from django.utils.translation import gettext as _
from ninja import Query, Router, Schema
from ninja.responses import Status

from luoshi.cases import selectors, services, workflow
from luoshi.cases.models import Case, CaseType
from luoshi.lib.masking import mask_if, mask_phone
from luoshi.lib.schema import Count, Id, InSchema, Page
from luoshi.org.models import Grid, Town, Unit, User, Village
from luoshi.org.scoping import get_visible_or_404, scope_of, visible

router = Router(tags=["cases"])


class CaseOut(Schema):
    id: int
    number: str
    title: str
    case_type: str
    case_type_name: str
    category: str | None
    priority: str
    status: str
    status_label: str
    stage: str
    clock: str
    town: str
    village: str | None
    unit: str | None
    contact_phone: str
    received_at: dt.datetime
    due_at: dt.datetime | None
    resolved_at: dt.datetime | None
    version: int


class EventOut(Schema):
    kind: str
    label: str
    at: dt.datetime
    actor: str
    note: str
    note_public: bool
    from_status: str
    to_status: str


class AssistOut(Schema):
    unit_id: int
    unit: str
    opinion: str
    answered_at: dt.datetime | None


class CaseDetailOut(CaseOut):
    content: str
    address: str
    channel: str
    reply: str
    outcome: str
    outcome_label: str
    rating: str
    details: dict
    actions: list[str]
    assists: list[AssistOut]
    cosigners: list[str]
    timeline: list[EventOut]


class CasePage(Schema):
    count: int
    page: int
    pages: int
    items: list[CaseOut]


class CaseIn(InSchema):
    case_type: str
    title: str
    content: str
    category: str | None = None
    priority: str = "normal"
    channel: str | None = None
    town_id: Id | None = None
    village_id: Id | None = None
    grid_id: Id | None = None
    address: str = ""
    contact_name: str = ""
    contact_phone: str = ""
    external_no: str = ""
    details: dict = {}


class SuggestionIn(InSchema):
    """提出代表建议: co-signers (附议) are deputies of the same town, by user id."""

    title: str
    content: str
    category: str | None = None
    town_id: Id | None = None
    cosigner_ids: list[Id] = []


class SuggestionOut(Schema):
    id: int
    number: str
    title: str
    status: str
    status_label: str
    received_at: dt.datetime
    due_at: dt.datetime | None
    clock: str
    outcome: str
    outcome_label: str
    rating: str
    cosigned: bool
    to_rate: bool
    version: int


class TransitionIn(InSchema):
    version: int | None = None
    unit_id: Id | None = None
    assist_units: list[Id] | None = None  # co-unit ids at dispatch (None: leave them as they are)
    note: str = ""
    note_public: bool = False  # publish the note/reply on the tracking page and in Open311
    reason: str = ""
    reply: str = ""
    outcome: str = "resolved"
    passed: bool | None = None
    rating: str = ""
    days: int | None = None
    approve: bool | None = None
    into_number: str = ""
    requester: str = ""
    decision: str = ""
    opinion: str = ""


class DuplicateOut(Schema):
    id: int
    number: str
    title: str
    village: str
    received_at: dt.datetime
    status_label: str
    score: float
    reasons: list[str]


class ErrorOut(Schema):
    detail: str
    errors: dict = {}


class ListFilters(InSchema):
    queue: str = "all"
    q: str = ""
    type: str = ""
    status: str = ""
    unit: Id | None = None
    village: Id | None = None
    received_from: str = ""
    received_to: str = ""
    sort: str = ""
    page: Page = 1
    page_size: Count = 50


class TypeOut(Schema):
    code: str
    name: str
    categories: list[dict]


def _row(case: Case, show_phone: bool) -> dict:
    """Phone field and free text masked by the same decision (``selectors.sees_phone_numbers``)."""
    return {
        "id": case.pk,
        "number": case.number,
        "title": mask_if(not show_phone, case.title),
        "case_type": case.case_type.code,
        "case_type_name": case.case_type.name,
        "category": case.category.code if case.category else None,
        "priority": case.priority,
        "status": case.status,
        "status_label": case.status_label,
        "stage": case.stage,
        "clock": case.clock_state,
        "town": case.town.name,
        "village": case.village.name if case.village else None,
        "unit": case.unit.name if case.unit else None,
        "contact_phone": case.contact_phone if show_phone else mask_phone(case.contact_phone),
        "received_at": case.received_at,
        "due_at": case.due_at,
        "resolved_at": case.resolved_at,
        "version": case.version,
    }


def _detail(request: HttpRequest, case: Case) -> dict:
    show_phone = selectors.sees_phone_numbers(request.user, case)
    mask = not show_phone
    out = _row(case, show_phone)
    out.update(
        content=mask_if(mask, case.content),
        address=mask_if(mask, case.address),
        channel=case.channel,
        reply=mask_if(mask, case.reply),
        outcome=case.outcome,
        outcome_label=case.outcome_label,
        rating=case.rating,
        details={k: mask_if(mask, v) if isinstance(v, str) else v for k, v in (case.details or {}).items()},
        actions=[t.name for t in workflow.available(case, scope_of(request.user), timezone.now())],
        assists=[
            {
                "unit_id": a.unit_id,
                "unit": a.unit.name,
                "opinion": mask_if(mask, a.opinion),
                "answered_at": a.answered_at,
            }
            for a in selectors.case_assists(case)
        ],
        cosigners=[str(c.deputy) for c in selectors.case_cosigners(case)],
        timeline=[
            {
                "kind": e.kind,
                "label": e.get_kind_display(),
                "at": e.at,
                "actor": e.actor_label,
                "note": mask_if(mask, e.note),
                "note_public": e.note_public,
                "from_status": e.from_status,
                "to_status": e.to_status,
            }
            for e in selectors.timeline(case)
        ],
    )
    return out


def _error(exc: services.CaseError) -> Status:
    code = {services.NotAllowed: 403, services.Conflict: 409}.get(type(exc), 422)
    return Status(code, {"detail": exc.message, "errors": exc.errors})


@router.get("/", response=CasePage)
def list_cases(request: HttpRequest, filters: Query[ListFilters]):
    params = {k: ("" if v is None else str(v)) for k, v in filters.dict().items()}
    qs = selectors.case_list(request.user, params)
    page = Paginator(qs, max(1, min(filters.page_size, 200))).get_page(filters.page)
    show = selectors.sees_phone_numbers(request.user)
    return {
        "count": page.paginator.count,
        "page": page.number,
        "pages": page.paginator.num_pages,
        "items": [_row(c, show) for c in page.object_list],
    }


@router.get("/types", response=list[TypeOut])
def list_types(request: HttpRequest):
    return [
        {
            "code": t.code,
            "name": t.name,
            "categories": [{"code": c.code, "name": c.name} for c in t.categories.filter(is_active=True)],
        }
        for t in CaseType.objects.filter(is_active=True).prefetch_related("categories")
    ]


@router.get("/suggestions/mine", response=list[SuggestionOut])
def my_suggestions(request: HttpRequest):
    """The suggestions the user filed or co-signs (附议), replies awaiting their rating first."""
    return [
        {
            "id": r.id,
            "number": r.number,
            "title": r.title,
            "status": r.status,
            "status_label": r.status_label,
            "received_at": r.received_at,
            "due_at": r.due_at,
            "clock": r.clock_state,
            "outcome": r.outcome,
            "outcome_label": r.outcome_label,
            "rating": r.rating,
            "cosigned": r.cosigned,
            "to_rate": r.to_rate,
            "version": r.version,
        }
        for r in selectors.deputy_suggestions(request.user)
    ]


@router.post("/suggestions", response={201: CaseDetailOut, 403: ErrorOut, 422: ErrorOut})
def file_suggestion(request: HttpRequest, payload: SuggestionIn):
    """A deputy files a suggestion (the same service as the form). Rate the reply with
    ``POST /{id}/transitions/feedback``."""
    ids = set(payload.cosigner_ids)
    cosigners = list(User.objects.filter(pk__in=ids))
    if len(cosigners) != len(ids):
        return _error(services.Invalid(_("未知的附议代表。"), {"cosigners": _("未知的附议代表。")}))
    town = None
    if payload.town_id is not None:
        town = Town.objects.filter(pk=payload.town_id).first()
        if town is None:
            return _error(services.Invalid(_("未知的乡镇。"), {"town_id": _("未知的乡镇。")}))
    try:
        case = services.suggestion_file(
            actor=request.user,
            title=payload.title,
            content=payload.content,
            category=payload.category,
            town=town,
            cosigners=cosigners,
        )
    except services.CaseError as exc:
        return _error(exc)
    return Status(201, _detail(request, selectors.get_case(request.user, case.pk)))


@router.get("/{case_id}", response=CaseDetailOut)
def get_case(request: HttpRequest, case_id: Id):
    return _detail(request, selectors.get_case(request.user, case_id))


@router.get("/{case_id}/duplicates", response=list[DuplicateOut])
def duplicates(request: HttpRequest, case_id: Id, limit: Count = 10):
    """疑似重复件: the merge candidates the detail page offers (only cases the user can see)."""
    case = selectors.get_case(request.user, case_id)
    return [
        {
            "id": c.id,
            "number": c.number,
            "title": c.title,
            "village": c.village_name,
            "received_at": c.received_at,
            "status_label": c.status_label,
            "score": c.score,
            "reasons": list(c.reasons),
        }
        for c in selectors.duplicate_candidates(case, request.user, limit=max(1, min(limit, 50)))
    ]


@router.post("/", response={201: CaseDetailOut, 403: ErrorOut, 422: ErrorOut})
def create_case(request: HttpRequest, payload: CaseIn):
    def place(model, pk):
        return get_visible_or_404(model, request.user, pk=pk) if pk else None

    try:
        case = services.case_create(
            actor=request.user,
            case_type=payload.case_type,
            title=payload.title,
            content=payload.content,
            category=payload.category,
            priority=payload.priority,
            channel=payload.channel,
            town=place(Town, payload.town_id),
            village=place(Village, payload.village_id),
            grid=place(Grid, payload.grid_id),
            address=payload.address,
            contact_name=payload.contact_name,
            contact_phone=payload.contact_phone,
            external_no=payload.external_no,
            details=payload.details,
        )
    except services.CaseError as exc:
        return _error(exc)
    return Status(201, _detail(request, selectors.get_case(request.user, case.pk)))


_ARGS = {
    "dispatch": ("unit", "assist_units", "note"),
    "sign": ("note",),
    "assist_reply": ("opinion",),
    "return": ("reason",),
    "progress": ("note", "note_public"),
    "resolve": ("reply", "outcome", "note_public"),
    "self_handle": ("reply", "note_public"),
    "verify": ("passed", "note"),
    "feedback": ("rating", "reason"),
    "close": ("note", "note_public"),
    "request_extension": ("days", "reason"),
    "decide_extension": ("approve", "note"),
    "suspend": ("reason", "note_public"),
    "resume": ("note", "note_public"),
    "merge": ("into", "note"),
    "cancel": ("reason",),
    "urge": ("note",),
    "supervise": ("note",),
    "request_review": ("reason", "requester"),
    "record_review_decision": ("decision", "note"),
}


@router.post(
    "/{case_id}/transitions/{name}",
    response={200: CaseDetailOut, 403: ErrorOut, 404: ErrorOut, 409: ErrorOut, 422: ErrorOut},
)
def transition(request: HttpRequest, case_id: Id, name: str, payload: TransitionIn):
    case = selectors.get_case(request.user, case_id)
    if name not in _ARGS:
        return Status(404, {"detail": "unknown transition"})
    values = payload.dict()
    kwargs = {"version": payload.version}
    for arg in _ARGS[name]:
        if arg == "unit":
            kwargs["unit"] = (
                get_object_or_404(Unit, pk=payload.unit_id, town_id=case.town_id) if payload.unit_id else None
            )
        elif arg == "assist_units":
            ids = payload.assist_units
            kwargs["assist_units"] = None if ids is None else list(Unit.objects.filter(pk__in=ids))
            if ids is not None and len(kwargs["assist_units"]) != len(set(ids)):
                return _error(services.Invalid(_("未知的协办单位。"), {"assist_units": _("站所无效")}))
        elif arg == "into":
            kwargs["into"] = visible(Case, request.user).filter(number=payload.into_number).first()
        else:
            kwargs[arg] = values[arg]
    if name == "feedback":
        kwargs["channel"] = "phone"
    try:
        services.case_transition(name=name, case=case, actor=request.user, **kwargs)
    except services.CaseError as exc:
        return _error(exc)
    return Status(200, _detail(request, selectors.get_case(request.user, case_id)))
