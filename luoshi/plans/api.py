"""Plans API: a thin second interface over the same selectors and services (session auth, CSRF)."""

from __future__ import annotations

import datetime as dt

from django.core.exceptions import PermissionDenied
from django.http import HttpRequest
from django.utils import timezone
from ninja import Router, Schema
from ninja.errors import HttpError

from luoshi.lib.schema import Id, InSchema, Year
from luoshi.org.roles import Role
from luoshi.org.scoping import get_visible_or_404, scope_of
from luoshi.plans import polls, services
from luoshi.plans import selectors as sel
from luoshi.plans.models import Poll

router = Router(tags=["plans"])


def _roles(request, *roles):
    if not scope_of(request.user).has(*roles):
        raise PermissionDenied


class PlanOut(Schema):
    id: int
    town: str
    year: int
    title: str


class ItemOut(Schema):
    id: int
    parent_id: int | None
    kind: str
    area: str
    name: str
    target: str
    actual_value: float | None  # the bound indicator's value when ``indicator`` is set
    indicator: str | None = None
    actual_override: float | None = None
    progress: float | None
    progress_override: float | None
    status: str
    owner_unit: str | None
    source_fact_id: int | None


class ProjectOut(Schema):
    id: int
    kind: str
    name: str
    investment: float
    stage: str
    status: str
    progress: float | None


class UpdateIn(InSchema):
    date: dt.date | None = None
    text: str
    progress: float | None = None
    actual_value: float | None = None
    problem: str = ""
    needs_help: bool = False
    help_from: str = ""


class BallotIn(InSchema):
    choices: dict[str, str]


class VerifyOut(Schema):
    ok: bool
    stored_hash: str
    computed_hash: str
    problems: list[str]


class Ok(Schema):
    ok: bool
    message: str = ""


class CastOut(Schema):
    ok: bool
    tracker: str


class TallyOut(Schema):
    item_id: int
    name: str
    counts: dict[str, int]


class PublishedOut(Schema):
    tracker: str
    nonce: str
    choices: dict[str, str]


class PollOut(Schema):
    """Before sealing: how many took part, who, and the quorum. Tallies and ballots only once sealed."""

    id: int
    kind: str
    round_id: int
    opened: bool
    sealed: bool
    expected: int
    quorum: int
    voted: int
    quorum_reached: bool
    voters: list[str]
    seal_hash: str = ""
    rule: str = ""
    tallies: list[TallyOut] = []
    ballots: list[PublishedOut] = []
    recount_ok: bool | None = None


@router.get("/plans", response=list[PlanOut])
def plans(request: HttpRequest, year: Year | None = None):
    _roles(request, *sel.READERS)
    qs = sel.plans_for(request.user)
    if year:
        qs = qs.filter(year=year)
    return [{"id": p.id, "town": p.town.name, "year": p.year, "title": p.title} for p in qs[:200]]


@router.get("/plans/{plan_id}/items", response=list[ItemOut])
def items(request: HttpRequest, plan_id: Id):
    _roles(request, *sel.READERS)
    plan = sel.plan_for(request.user, plan_id)
    rows = sel.flatten(sel.item_tree(plan, timezone.localdate()))
    return [
        {
            "id": r.obj.id,
            "parent_id": r.obj.parent_id,
            "kind": r.obj.kind,
            "area": r.obj.area,
            "name": r.obj.name,
            "target": r.obj.target_label,
            "actual_value": r.actual,
            "indicator": r.obj.indicator.code if r.obj.indicator_id else None,
            "actual_override": r.obj.actual_override,
            "progress": r.progress,
            "progress_override": r.obj.progress_override,
            "status": str(r.status),
            "owner_unit": r.obj.owner_unit.name if r.obj.owner_unit else None,
            "source_fact_id": r.obj.source_fact_id,
        }
        for r in rows
    ]


@router.get("/plans/{plan_id}/projects", response=list[ProjectOut])
def projects(request: HttpRequest, plan_id: Id):
    _roles(request, *sel.READERS)
    plan = sel.plan_for(request.user, plan_id)
    today = timezone.localdate()
    rows = [sel.project_row(p, today) for p in sel.project_queryset(plan)]
    return [
        {
            "id": r.obj.id,
            "kind": r.obj.kind,
            "name": r.obj.name,
            "investment": float(r.obj.investment),
            "stage": r.obj.stage,
            "status": str(r.status),
            "progress": r.progress,
        }
        for r in rows
    ]


@router.post("/{kind}/{pk}/updates", response=Ok)
def update_create(request: HttpRequest, kind: str, pk: Id, payload: UpdateIn):
    _roles(request, *sel.REPORTERS)
    lookup = {"items": sel.item_for, "projects": sel.project_for, "livelihood": sel.livelihood_for}.get(kind)
    if lookup is None:
        raise HttpError(404, "not found")
    owner = lookup(request.user, pk)
    plan, unit_id = sel.owner_of(owner)
    if not sel.can_report(request.user, plan, unit_id):
        raise PermissionDenied
    data = payload.dict()
    data["date"] = data["date"] or timezone.localdate()
    try:
        services.update_create(owner=owner, by=request.user, **data)
    except services.PlanError as exc:
        raise HttpError(400, str(exc)) from exc
    return {"ok": True}


def _cast(request, poll, choices) -> dict:
    try:
        tracker = polls.ballot_cast(poll=poll, deputy=request.user, choices=choices)
    except services.PlanError as exc:
        raise HttpError(400, str(exc)) from exc
    return {"ok": True, "tracker": tracker}


@router.post("/rounds/{round_id}/ballot", response=CastOut)
def ballot(request: HttpRequest, round_id: Id, payload: BallotIn):
    """Cast the deputy's ballot in the round's electronic vote; the answer carries the tracker, once."""
    _roles(request, Role.DEPUTY)
    r = sel.round_for(request.user, round_id)
    poll = r.polls.filter(kind=Poll.Kind.VOTE).first()
    if poll is None:
        raise HttpError(400, "本轮没有电子表决。")
    return _cast(request, poll, payload.choices)


@router.post("/polls/{poll_id}/ballot", response=CastOut)
def poll_ballot(request: HttpRequest, poll_id: Id, payload: BallotIn):
    _roles(request, Role.DEPUTY)
    return _cast(request, get_visible_or_404(Poll.objects.all(), request.user, pk=poll_id), payload.choices)


@router.get("/polls/{poll_id}", response=PollOut)
def poll(request: HttpRequest, poll_id: Id):
    _roles(request, *sel.READERS)
    p = get_visible_or_404(Poll.objects.select_related("round__plan"), request.user, pk=poll_id)
    v = polls.poll_view(p, request.user)
    out = {
        "id": p.pk,
        "kind": p.kind,
        "round_id": p.round_id,
        "opened": bool(p.public_key),
        "sealed": p.is_sealed,
        "expected": p.expected,
        "quorum": p.quorum,
        "voted": v.voted,
        "quorum_reached": v.reached,
        "voters": v.voters,
    }
    if p.is_sealed:
        values = [value for value, _label in v.options]
        ids = [str(i) for i in p.items]
        out |= {
            "seal_hash": p.seal_hash,
            "rule": v.rule,
            "tallies": [
                {"item_id": c.pk, "name": c.name, "counts": dict(zip(values, counts, strict=True))}
                for c, counts in v.tallies
            ],
            "ballots": [
                {
                    "tracker": b.tracker,
                    "nonce": b.nonce,
                    "choices": {i: values[int(ch)] for i, ch in zip(ids, b.choices, strict=True)},
                }
                for b in p.published.order_by("tracker")
            ],
            "recount_ok": not v.problems,
        }
    return out


@router.get("/rounds/{round_id}/verify", response=VerifyOut)
def verify(request: HttpRequest, round_id: Id):
    _roles(request, *sel.READERS)
    v = sel.vote_verify(sel.round_for(request.user, round_id))
    return {
        "ok": v.ok,
        "stored_hash": v.stored_hash,
        "computed_hash": v.computed_hash,
        "problems": v.problems,
    }
