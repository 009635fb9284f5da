"""The case lifecycle, declared once: statuses, transitions, who may fire each, what each requires.

Services (``luoshi.cases.services``) enforce this table; views and the API only ask it which
actions to offer. Drawn in ``docs/cases.md``.

    受理 received ─派单→ dispatched ─签收→ in_progress ─办结(答复/整改完成/化解)→ resolved
    resolved ─核查(若需要)/回访评价→ closed (满意/基本满意) | in_progress (不满意 → 重办)
    dispatched|in_progress ─退单→ returned ─派单(改派)→ …
    in_progress ─挂起→ suspended ─恢复→ (previous)       clock paused while suspended
    any open ─合并→ merged;  ─撤销→ cancelled;  延期 at most once;  催办 / 督办 any time while open
"""

from __future__ import annotations

from dataclasses import dataclass, field

from django.utils.translation import gettext_lazy as _

from luoshi.cases.models import Case, CaseType, EventKind, Stage, Status
from luoshi.org.roles import Role
from luoshi.org.scoping import Scope


@dataclass(frozen=True)
class StatusInfo:
    stage: str
    public: str  # label on the public tracking page (已受理 / 办理中 / 已办结)


STATUSES: dict[str, StatusInfo] = {
    Status.RECEIVED: StatusInfo(Stage.OPEN, _("已受理")),
    Status.RETURNED: StatusInfo(Stage.OPEN, _("已受理")),
    Status.DISPATCHED: StatusInfo(Stage.OPEN, _("办理中")),
    Status.IN_PROGRESS: StatusInfo(Stage.OPEN, _("办理中")),
    Status.SUSPENDED: StatusInfo(Stage.PAUSED, _("办理中")),
    Status.RESOLVED: StatusInfo(Stage.RESOLVED, _("已办结")),
    Status.CLOSED: StatusInfo(Stage.CLOSED, _("已办结")),
    Status.MERGED: StatusInfo(Stage.CLOSED, _("已合并办理")),
    Status.CANCELLED: StatusInfo(Stage.CLOSED, _("已撤销")),
}

OPEN_STATUSES = [s for s, info in STATUSES.items() if info.stage == Stage.OPEN]
ACTIVE_STATUSES = [s for s, info in STATUSES.items() if info.stage in (Stage.OPEN, Stage.PAUSED)]
# Cases that never count in KPIs (duplicates folded into another case, withdrawn ones).
EXCLUDED_STATUSES = [Status.MERGED, Status.CANCELLED]


def stage_of(status: str) -> str:
    return STATUSES[status].stage


def internal_label(case_type: CaseType | None, status: str) -> str:
    custom = ((case_type.status_labels or {}).get(status) or {}).get("internal") if case_type else None
    return custom or str(Status(status).label)


def public_label(case_type: CaseType | None, status: str) -> str:
    custom = ((case_type.status_labels or {}).get(status) or {}).get("public") if case_type else None
    return custom or str(STATUSES[status].public)


class Actor:
    """Who may fire a transition, relative to the case (role + scope)."""

    DISPATCHER = "dispatcher"  # 党政办 / 综治中心 staff or a leader of the case's town
    LEADER = "leader"  # a leader of the case's town
    HANDLER = "handler"  # staff of the lead unit, or the person the case is assigned to
    VERIFIER = "verifier"  # the grid worker of the case's grid, or the reporter
    PUBLIC = "public"  # the person who raised it, through the tracking code (no login)


def actor_kinds(case: Case, scope: Scope) -> set[str]:
    """Which actor kinds ``scope`` is for this case."""
    kinds: set[str] = set()
    if scope.is_admin:
        return {Actor.DISPATCHER, Actor.LEADER, Actor.HANDLER, Actor.VERIFIER}
    if case.town_id in scope.town_ids and scope.has(Role.OFFICE, Role.LEADER):
        kinds.add(Actor.DISPATCHER)
    if case.town_id in scope.town_ids and scope.has(Role.LEADER):
        kinds.add(Actor.LEADER)
    if (case.unit_id and case.unit_id in scope.unit_ids) or (
        case.handler_id and case.handler_id == scope.user_id
    ):
        kinds.add(Actor.HANDLER)
    if (case.grid_id and case.grid_id in scope.grid_ids) or (
        case.reporter_id and case.reporter_id == scope.user_id
    ):
        kinds.add(Actor.VERIFIER)
    return kinds


@dataclass(frozen=True)
class Transition:
    name: str
    label: str
    sources: tuple[str, ...]
    actors: tuple[str, ...]
    event: str
    target: str | None = None  # None: decided by the service (e.g. feedback → closed or reopened)
    requires: tuple[str, ...] = ()  # form fields always required (type-specific ones come from CaseType)
    type_flag: str | None = None  # CaseType boolean that must be true for the step to exist
    changes_status: bool = True
    extra: dict = field(default_factory=dict)


# Intake (受理) is not a transition of an existing case; its always-required fields live here.
CREATE_REQUIRES: tuple[str, ...] = ("title", "content")

_OPEN_WORK = (Status.DISPATCHED, Status.IN_PROGRESS)

TRANSITIONS: dict[str, Transition] = {
    t.name: t
    for t in [
        Transition(
            "dispatch",
            _("派单"),
            (Status.RECEIVED, Status.RETURNED, *_OPEN_WORK),
            (Actor.DISPATCHER,),
            EventKind.DISPATCH,
            requires=("unit",),
        ),
        Transition(
            "sign",
            _("签收"),
            (Status.DISPATCHED,),
            (Actor.HANDLER,),
            EventKind.SIGN,
            target=Status.IN_PROGRESS,
            type_flag="requires_sign",
        ),
        Transition(
            "return",
            _("退单"),
            _OPEN_WORK,
            (Actor.HANDLER,),
            EventKind.RETURN,
            target=Status.RETURNED,
            requires=("reason",),
        ),
        Transition(
            "progress",
            _("办理进展"),
            (Status.IN_PROGRESS,),
            (Actor.HANDLER, Actor.DISPATCHER),
            EventKind.PROGRESS,
            requires=("note",),
            changes_status=False,
        ),
        Transition(
            "resolve",
            _("办结"),
            (Status.IN_PROGRESS,),
            (Actor.HANDLER,),
            EventKind.RESOLVE,
            target=Status.RESOLVED,
            requires=("reply", "outcome"),
        ),
        Transition(
            "self_handle",
            _("直办/自处置"),
            (Status.RECEIVED,),
            (Actor.DISPATCHER, Actor.VERIFIER),
            EventKind.RESOLVE,
            target=Status.RESOLVED,
            requires=("reply",),
            type_flag="allow_direct",
        ),
        Transition(
            "verify",
            _("核查"),
            (Status.RESOLVED,),
            (Actor.VERIFIER, Actor.DISPATCHER),
            EventKind.VERIFY,
            requires=("passed",),
            type_flag="requires_verification",
        ),
        Transition(
            "feedback",
            _("回访评价"),
            (Status.RESOLVED,),
            (Actor.DISPATCHER, Actor.PUBLIC),
            EventKind.FEEDBACK,
            requires=("rating",),
            type_flag="requires_callback",
        ),
        Transition(
            "close", _("归档"), (Status.RESOLVED,), (Actor.DISPATCHER,), EventKind.CLOSE, target=Status.CLOSED
        ),
        Transition(
            "request_extension",
            _("申请延期"),
            _OPEN_WORK,
            (Actor.HANDLER,),
            EventKind.EXTENSION_REQUEST,
            requires=("days", "reason"),
            changes_status=False,
        ),
        Transition(
            "decide_extension",
            _("延期审批"),
            (*_OPEN_WORK, Status.SUSPENDED),
            (Actor.LEADER, Actor.DISPATCHER),
            EventKind.EXTENSION_DECISION,
            requires=("approve",),
            changes_status=False,
        ),
        Transition(
            "suspend",
            _("挂起"),
            (Status.RECEIVED, *_OPEN_WORK),
            (Actor.DISPATCHER,),
            EventKind.SUSPEND,
            target=Status.SUSPENDED,
            requires=("reason",),
        ),
        Transition("resume", _("恢复办理"), (Status.SUSPENDED,), (Actor.DISPATCHER,), EventKind.RESUME),
        Transition(
            "merge",
            _("合并"),
            (Status.RECEIVED, Status.RETURNED, *_OPEN_WORK, Status.SUSPENDED),
            (Actor.DISPATCHER,),
            EventKind.MERGE,
            target=Status.MERGED,
            requires=("into",),
        ),
        Transition(
            "cancel",
            _("撤销"),
            (Status.RECEIVED, Status.RETURNED, *_OPEN_WORK, Status.SUSPENDED),
            (Actor.DISPATCHER,),
            EventKind.CANCEL,
            target=Status.CANCELLED,
            requires=("reason",),
        ),
        Transition(
            "urge",
            _("催办"),
            (Status.DISPATCHED, Status.IN_PROGRESS, Status.RETURNED, Status.RECEIVED),
            (Actor.DISPATCHER, Actor.LEADER),
            EventKind.URGE,
            changes_status=False,
        ),
        Transition(
            "supervise",
            _("督办"),
            (Status.DISPATCHED, Status.IN_PROGRESS, Status.RETURNED, Status.RECEIVED),
            (Actor.DISPATCHER, Actor.LEADER),
            EventKind.SUPERVISE,
            changes_status=False,
        ),
    ]
}


def applies_to(transition: Transition, case: Case) -> bool:
    """Whether the step exists for this case at all (its type, its current status and flags)."""
    if case.status not in transition.sources:
        return False
    if transition.type_flag and not getattr(case.case_type, transition.type_flag):
        return False
    ct = case.case_type
    if transition.name == "feedback" and ct.requires_verification and not case.verified_at:
        return False
    if transition.name == "verify" and case.verified_at:
        return False
    # Closing without a call-back is allowed (the caller cannot be reached); it lowers 回访率.
    if transition.name == "close" and ct.requires_verification and not case.verified_at:
        return False
    if transition.name == "request_extension" and case.extension_state in ("requested", "approved"):
        return False
    if transition.name == "decide_extension" and case.extension_state != "requested":
        return False
    if transition.name == "supervise" and case.supervised:
        return False
    return True


def allowed(transition: Transition, case: Case, scope: Scope) -> bool:
    return applies_to(transition, case) and bool(actor_kinds(case, scope).intersection(transition.actors))


def available(case: Case, scope: Scope) -> list[Transition]:
    """Transitions ``scope`` may fire on ``case`` now, in table order (what the detail page offers)."""
    return [t for t in TRANSITIONS.values() if allowed(t, case, scope)]
