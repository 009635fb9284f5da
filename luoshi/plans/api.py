"""Plans API: a thin second interface over the same selectors and services (session auth, CSRF)."""

from __future__ import annotations

import datetime as dt

from django.core.exceptions import PermissionDenied
from django.http import HttpRequest
from django.utils import timezone
from ninja import Field, Router, Schema
from ninja.errors import HttpError

from luoshi.lib.masking import mask_text
from luoshi.lib.schema import Id, InSchema, Year
from luoshi.org.models import Unit, User
from luoshi.org.roles import Role
from luoshi.org.scoping import get_visible_or_404, scope_of
from luoshi.plans import escalation, meetings, polls, scheduling, services, wallchart
from luoshi.plans import selectors as sel
from luoshi.plans import status as st
from luoshi.plans.models import Decision, Meeting, Poll

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


# --- Schedules, the wall chart, dispatch meetings, escalation (same selectors and services) -------------


def _manage(request, plan) -> None:
    if not sel.can_manage(request.user, plan):
        raise PermissionDenied


def _service(fn, *args, **kwargs):
    try:
        return fn(*args, **kwargs)
    except services.PlanError as exc:
        raise HttpError(400, str(exc)) from exc


class MilestoneOut(Schema):
    id: int
    name: str
    step: str
    seq: int
    duration: int
    start: dt.date
    planned_date: dt.date
    baseline_start: dt.date | None
    baseline_date: dt.date | None
    actual_date: dt.date | None
    predecessors: list[str]
    slip: int | None


class ProjectDetailOut(ProjectOut):
    plan_id: int
    template: str
    start_date: dt.date | None
    deadline: dt.date | None
    baselined_at: dt.datetime | None
    slip: int | None
    milestones: list[MilestoneOut]


class ScheduleIn(InSchema):
    template: str = Field(max_length=20)
    mode: str = Field("backward", pattern="^(backward|forward)$")
    on: dt.date
    anchor: str = Field("", max_length=30)
    apply: bool = False


class StepOut(Schema):
    step: str
    name: str
    duration: int
    start: dt.date
    finish: dt.date
    predecessors: list[str]


class ScheduleOut(Schema):
    applied: bool
    steps: list[StepOut]


class MoveIn(InSchema):
    date: dt.date
    apply: bool = False


class MoveOut(Schema):
    milestone: int
    name: str
    old_finish: dt.date
    new_start: dt.date
    new_finish: dt.date
    shift_workdays: int


class MovesOut(Schema):
    applied: bool
    moves: list[MoveOut]


class MeetingIn(InSchema):
    date: dt.date
    title: str = Field("", max_length=200)
    leader_id: Id | None = None
    unit_id: Id | None = None
    chair: str = Field("", max_length=100)
    attendees: str = Field("", max_length=2000)


class MeetingOut(Schema):
    id: int
    plan_id: int
    date: dt.date
    title: str
    leader: str | None
    unit: str | None


class DecisionOut(Schema):
    id: int
    meeting_id: int
    project_id: int | None
    update_id: int | None
    text: str
    owner_unit: str
    deadline: dt.date
    done_on: dt.date | None
    done_note: str


class ProblemOut(Schema):
    update_id: int
    project_id: int | None
    problem: str
    help_from: str
    date: dt.date
    case_id: int | None
    county_reply: str | None


class AgendaOut(MeetingOut):
    behind: list[dict]
    due: list[dict]
    problems: list[ProblemOut]
    carried: list[DecisionOut]
    decisions: list[DecisionOut]


class DecisionIn(InSchema):
    text: str = Field(min_length=1, max_length=2000)
    owner_unit_id: Id
    deadline: dt.date
    project_id: Id | None = None
    update_id: Id | None = None


class CloseIn(InSchema):
    note: str = Field("", max_length=300)


class EscalateIn(InSchema):
    text: str = Field("", max_length=2000)


class EscalateOut(Schema):
    update_id: int
    case_id: int
    case_number: str
    due_at: dt.datetime | None


def _milestones(project) -> tuple[list[dict], int | None]:
    rows, slip = scheduling.project_schedule(project, timezone.localdate())
    return [
        {
            "id": r.milestone.pk,
            "name": r.milestone.name,
            "step": r.milestone.step,
            "seq": r.milestone.seq,
            "duration": r.milestone.duration,
            "start": r.start,
            "planned_date": r.milestone.planned_date,
            "baseline_start": r.milestone.baseline_start,
            "baseline_date": r.milestone.baseline_date,
            "actual_date": r.milestone.actual_date,
            "predecessors": r.predecessors,
            "slip": r.slip,
        }
        for r in rows
    ], slip


@router.get("/projects/{project_id}", response=ProjectDetailOut)
def project_detail(request: HttpRequest, project_id: Id):
    _roles(request, *sel.READERS)
    project = sel.project_for(request.user, project_id)
    row = sel.project_row(sel.project_queryset(project.plan).get(pk=project.pk), timezone.localdate())
    ms, slip = _milestones(project)
    return {
        "id": project.pk,
        "plan_id": project.plan_id,
        "kind": project.kind,
        "name": project.name,
        "investment": float(project.investment),
        "stage": project.stage,
        "status": str(row.status),
        "progress": row.progress,
        "template": project.template,
        "start_date": project.start_date,
        "deadline": project.deadline,
        "baselined_at": project.baselined_at,
        "slip": slip,
        "milestones": ms,
    }


@router.get("/projects/{project_id}/milestones", response=list[MilestoneOut])
def project_milestones(request: HttpRequest, project_id: Id):
    _roles(request, *sel.READERS)
    return _milestones(sel.project_for(request.user, project_id))[0]


@router.post("/projects/{project_id}/schedule", response=ScheduleOut)
def project_schedule(request: HttpRequest, project_id: Id, payload: ScheduleIn):
    """The template laid out (倒排/顺排) for confirmation; ``apply`` creates milestones and the baseline."""
    _roles(request, *sel.MANAGERS)
    project = sel.project_for(request.user, project_id)
    _manage(request, project.plan)
    args = {"template": payload.template, "mode": payload.mode, "on": payload.on, "anchor": payload.anchor}
    planned = _service(scheduling.template_plan, **args)
    if payload.apply:
        _service(scheduling.project_schedule_apply, project=project, by=request.user, **args)
    return {
        "applied": payload.apply,
        "steps": [
            {
                "step": p.step.key,
                "name": str(p.step.name),
                "duration": p.step.duration,
                "start": p.slot.start,
                "finish": p.slot.finish,
                "predecessors": p.predecessor_names,
            }
            for p in planned
        ],
    }


@router.post("/projects/{project_id}/baseline", response=Ok)
def project_baseline(request: HttpRequest, project_id: Id):
    _roles(request, *sel.MANAGERS)
    project = sel.project_for(request.user, project_id)
    _manage(request, project.plan)
    _service(scheduling.project_baseline_set, project=project, by=request.user)
    return {"ok": True}


@router.post("/milestones/{milestone_id}/move", response=MovesOut)
def milestone_move(request: HttpRequest, milestone_id: Id, payload: MoveIn):
    """Preview what moves (itself, then pushed successors); ``apply`` saves it. The baseline stays."""
    _roles(request, *sel.MANAGERS)
    m = sel.milestone_for(request.user, milestone_id)
    _manage(request, m.plan)
    if payload.apply:
        moves = _service(scheduling.milestone_move, milestone=m, new_date=payload.date, by=request.user)
    else:
        moves = _service(scheduling.milestone_move_preview, m, payload.date)
    return {"applied": payload.apply, "moves": scheduling.move_rows(moves)}


@router.get("/plans/{plan_id}/wall")
def wall(request: HttpRequest, plan_id: Id, group: str = "", status: str = ""):
    """The 挂图作战 wall chart as data: projects, milestones (plan, baseline, actual), links, slippage."""
    _roles(request, *sel.READERS)
    plan = sel.plan_for(request.user, plan_id)
    if group not in wallchart.GROUPS and group:
        raise HttpError(422, "group: one of leader, unit, stage")
    if status and status not in st.Status.values:
        raise HttpError(422, "status: unknown")
    qs = wallchart.projects_of(plan)
    return wallchart.data(plan, qs, timezone.localdate(), status=status, group=group)


def _meeting_out(m) -> dict:
    return {
        "id": m.pk,
        "plan_id": m.plan_id,
        "date": m.date,
        "title": m.title,
        "leader": str(m.leader) if m.leader_id else None,
        "unit": str(m.unit) if m.unit_id else None,
    }


def _decision_out(d) -> dict:
    return {
        "id": d.pk,
        "meeting_id": d.meeting_id,
        "project_id": d.project_id,
        "update_id": d.update_id,
        "text": d.text,
        "owner_unit": d.owner_unit.name,
        "deadline": d.deadline,
        "done_on": d.done_on,
        "done_note": d.done_note,
    }


@router.get("/plans/{plan_id}/meetings", response=list[MeetingOut])
def meeting_list(request: HttpRequest, plan_id: Id):
    _roles(request, *sel.STAFF_READERS)
    plan = sel.plan_for(request.user, plan_id)
    return [_meeting_out(m) for m in plan.meetings.select_related("leader", "unit")[:500]]


@router.post("/plans/{plan_id}/meetings", response=MeetingOut)
def meeting_create(request: HttpRequest, plan_id: Id, payload: MeetingIn):
    _roles(request, *sel.MANAGERS)
    plan = sel.plan_for(request.user, plan_id)
    _manage(request, plan)
    leader = User.objects.filter(pk=payload.leader_id).first() if payload.leader_id else None
    unit = Unit.objects.filter(pk=payload.unit_id).first() if payload.unit_id else None
    if (payload.leader_id and leader is None) or (payload.unit_id and unit is None):
        raise HttpError(400, "leader_id / unit_id: not found")
    m = _service(
        meetings.meeting_create,
        plan=plan,
        date=payload.date,
        title=payload.title,
        leader=leader,
        unit=unit,
        chair=payload.chair,
        attendees=payload.attendees,
        by=request.user,
    )
    return _meeting_out(m)


@router.get("/meetings/{meeting_id}", response=AgendaOut)
def meeting_detail(request: HttpRequest, meeting_id: Id):
    """The meeting with its agenda computed for its date, and its decisions."""
    _roles(request, *sel.STAFF_READERS)
    m = get_visible_or_404(
        Meeting.objects.select_related("plan", "leader", "unit"), request.user, pk=meeting_id
    )
    a = meetings.agenda(m)
    return _meeting_out(m) | {
        "behind": [{"project_id": p.pk, "name": p.name, "slip": slip} for p, slip in a.behind],
        "due": [
            {
                "milestone_id": ms.pk,
                "project_id": ms.project_id,
                "name": ms.name,
                "planned_date": ms.planned_date,
            }
            for ms in a.due
        ],
        "problems": [
            {
                "update_id": u.pk,
                "project_id": u.project_id,
                "problem": u.problem,
                "help_from": u.help_from,
                "date": u.date,
                "case_id": u.case_id,
                "county_reply": mask_text(u.case.reply) if u.case_id and u.case.reply else None,
            }
            for u in a.problems
        ],
        "carried": [_decision_out(d) for d in a.carried],
        "decisions": [_decision_out(d) for d in a.decisions],
    }


@router.post("/meetings/{meeting_id}/decisions", response=DecisionOut)
def decision_create(request: HttpRequest, meeting_id: Id, payload: DecisionIn):
    _roles(request, *sel.MANAGERS)
    m = get_visible_or_404(Meeting.objects.select_related("plan"), request.user, pk=meeting_id)
    _manage(request, m.plan)
    unit = Unit.objects.filter(pk=payload.owner_unit_id, town_id=m.plan.town_id).first()
    if unit is None:
        raise HttpError(400, "owner_unit_id: not a unit of this town")
    project = sel.project_for(request.user, payload.project_id) if payload.project_id else None
    update = sel.update_for(request.user, payload.update_id) if payload.update_id else None
    d = _service(
        meetings.decision_create,
        meeting=m,
        text=payload.text,
        owner_unit=unit,
        deadline=payload.deadline,
        project=project,
        update=update,
        by=request.user,
    )
    return _decision_out(d)


@router.post("/decisions/{decision_id}/close", response=DecisionOut)
def decision_close(request: HttpRequest, decision_id: Id, payload: CloseIn):
    _roles(request, *sel.REPORTERS)
    d = get_visible_or_404(
        Decision.objects.select_related("meeting__plan", "owner_unit", "update"), request.user, pk=decision_id
    )
    if not sel.can_report(request.user, d.meeting.plan, d.owner_unit_id):
        raise PermissionDenied
    d = _service(
        meetings.decision_close, decision=d, on=timezone.localdate(), note=payload.note, by=request.user
    )
    return _decision_out(d)


@router.post("/updates/{update_id}/escalate", response=EscalateOut)
def update_escalate(request: HttpRequest, update_id: Id, payload: EscalateIn):
    """请示上级协调: file the update's open problem with the county (a case it answers)."""
    _roles(request, *sel.MANAGERS)
    u = sel.update_for(request.user, update_id)
    _manage(request, u.plan)
    u = _service(escalation.update_escalate, update=u, text=payload.text, by=request.user)
    return {"update_id": u.pk, "case_id": u.case_id, "case_number": u.case.number, "due_at": u.case.due_at}
