"""The case lifecycle, declared once: statuses, transitions, who may fire each, what each requires.

Services (``luoshi.cases.services``) enforce this table; views and the API only ask it which
actions to offer. Drawn in ``docs/cases.md``.

    受理 received ─派单→ dispatched ─签收→ in_progress ─办结(答复/整改完成/化解)→ resolved
    resolved ─核查(若需要)/回访评价→ closed (满意/基本满意) | in_progress (不满意 → 重办)
    dispatched|in_progress ─退单→ returned ─派单(改派)→ …
    in_progress ─挂起→ suspended ─恢复→ (previous)       clock paused while suspended
    any open ─合并→ merged;  ─撤销→ cancelled;  延期 at most once;  催办 / 督办 any time while open
    dispatched|in_progress: 协办意见 from each co-handling unit (协办单位, chosen at 派单), status unchanged
    deputies' suggestions (``filed_by_deputies``): the filing deputy (proposer) rates the reply (回访评价)
    petitions (``allows_review``), resolved|closed, status unchanged:
        申请复查 (≤30 days after the reply) → 复查决定 → 申请复核 (≤30 days after it) → 复核决定 → final
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field

from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy

from luoshi.cases import sla
from luoshi.cases.models import (
    Case,
    CaseAssist,
    CaseType,
    DayBasis,
    EventKind,
    ReviewDecision,
    ReviewState,
    Stage,
    Status,
)
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
    ASSISTANT = "assistant"  # staff of a co-handling unit (协办单位)
    VERIFIER = "verifier"  # the grid worker of the case's grid, or the reporter
    PUBLIC = "public"  # the person who raised it, through the tracking code (no login)
    PROPOSER = "proposer"  # the deputy who filed it, on types ``filed_by_deputies`` (代表建议)


# Case types a town files with the county, which answers them (考核异议: an objection to an
# assessment value, ``luoshi.county``; 请示上级协调: a key project's problem escalated by the town,
# ``luoshi.plans.escalation``): county staff of the case's county are its dispatcher and
# handler; the town that filed it follows it but cannot answer it itself.
COUNTY_HANDLED_TYPES = frozenset({"objection", "coordination"})


def actor_kinds(case: Case, scope: Scope) -> set[str]:
    """Which actor kinds ``scope`` is for this case."""
    kinds: set[str] = set()
    if scope.is_admin:
        return {Actor.DISPATCHER, Actor.LEADER, Actor.HANDLER, Actor.VERIFIER}
    if case.case_type.code in COUNTY_HANDLED_TYPES:
        return {Actor.DISPATCHER, Actor.HANDLER} if case.county_id in scope.county_ids else set()
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
    if (
        case.reporter_id
        and case.reporter_id == scope.user_id
        and case.town_id in scope.deputy_town_ids
        and case.case_type.filed_by_deputies
    ):
        kinds.add(Actor.PROPOSER)  # not co-signers (附议): only the filing deputy rates the reply
    if (
        scope.unit_ids
        and Actor.HANDLER not in kinds
        and case.pk
        and CaseAssist.objects.filter(case_id=case.pk, unit_id__in=sorted(scope.unit_ids)).exists()
    ):
        kinds.add(Actor.ASSISTANT)
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
            "assist_reply",
            _("协办意见"),
            _OPEN_WORK,
            (Actor.ASSISTANT,),
            EventKind.ASSIST,
            requires=("opinion",),
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
            # the office records a rating given by phone; a deputy rates the reply to their suggestion
            (Actor.DISPATCHER, Actor.PUBLIC, Actor.PROPOSER),
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
        # 信访 review chain (see REVIEW_LEVELS below): the petitioner asks the next-higher body, the
        # town office records the request and, later, that body's decision. The status stays.
        Transition(
            "request_review",
            _("申请复查/复核"),
            (Status.RESOLVED, Status.CLOSED),
            (Actor.DISPATCHER,),
            EventKind.REVIEW_REQUEST,
            requires=("reason",),
            type_flag="allows_review",
            changes_status=False,
        ),
        Transition(
            "record_review_decision",
            _("登记复查/复核决定"),
            (Status.RESOLVED, Status.CLOSED),
            (Actor.DISPATCHER, Actor.LEADER),
            EventKind.REVIEW_DECISION,
            requires=("decision", "note"),
            type_flag="allows_review",
            changes_status=False,
        ),
    ]
}


# ---------------------------------------------------------------------------------------------
# Petition review chain (信访工作条例 2022, DOMAIN §4): after the written reply the petitioner may
# ask for 复查 within 30 days, decided within 30 days; after the 复查 decision, 复核 on the same
# terms; after the 复核 decision the same matter is not accepted again (三级终结). "日" are calendar
# days (DOMAIN §12.1). The chain lives in ``Case.review_*`` columns and timeline entries, not in
# statuses: the town's handling is over (its KPIs keep counting the case as it was resolved), and
# a decision that orders new handling is registered as a new case.


@dataclass(frozen=True)
class ReviewLevelInfo:
    level: int
    label: str  # 复查 / 复核
    request_event: str
    decision_event: str
    after: str  # what the request window counts from


REVIEW_REQUEST_DAYS = 30
REVIEW_DECISION_DAYS = 30
REVIEW_DAY_BASIS = DayBasis.CALENDAR

REVIEW_LEVELS: dict[int, ReviewLevelInfo] = {
    1: ReviewLevelInfo(1, _("复查"), EventKind.REVIEW_REQUEST, EventKind.REVIEW_DECISION, _("书面答复")),
    2: ReviewLevelInfo(
        2,
        _("复核"),
        EventKind.REREVIEW_REQUEST,
        EventKind.REREVIEW_DECISION,
        pgettext_lazy("what the re-review window counts from", "复查决定"),
    ),
}
REVIEW_EVENTS = frozenset(
    e for info in REVIEW_LEVELS.values() for e in (info.request_event, info.decision_event)
)


def review_final(case: Case) -> bool:
    """三级终结: the last level has been decided."""
    return case.review_level >= max(REVIEW_LEVELS) and case.review_state == ReviewState.DECIDED


def review_pending(case: Case) -> bool:
    return case.review_state == ReviewState.REQUESTED


def review_next_level(case: Case) -> ReviewLevelInfo | None:
    """The level a request now would open (None: pending, final, or the type has no review)."""
    if not case.case_type.allows_review or review_pending(case) or review_final(case):
        return None
    return REVIEW_LEVELS.get(case.review_level + 1)


def review_window_end(case: Case) -> dt.datetime | None:
    """The last moment to ask for the next level: the end of the 30th calendar day after the reply
    (复查) or after the 复查 decision (复核)."""
    nxt = review_next_level(case)
    start = case.resolved_at if nxt and nxt.level == 1 else case.review_decided_at
    if nxt is None or start is None:
        return None
    return sla.add_days(start, REVIEW_REQUEST_DAYS, REVIEW_DAY_BASIS)


def review_decision_due(requested_at: dt.datetime) -> dt.datetime:
    return sla.add_days(requested_at, REVIEW_DECISION_DAYS, REVIEW_DAY_BASIS)


def review_refusal(case: Case, now: dt.datetime | None = None) -> str:
    """Why a review request cannot be recorded now ("" when it can), in words for the user.

    Without ``now`` only the chain's state is checked; with it, also the 30-day window.
    """
    if review_final(case):
        return str(_("该信访事项已经复核，不再受理（三级终结）。"))
    if review_pending(case):
        info = REVIEW_LEVELS[case.review_level]
        return str(_("%(level)s申请尚未作出决定，不能再次申请。") % {"level": info.label})
    if now is not None:
        nxt, end = review_next_level(case), review_window_end(case)
        if nxt is not None and end is not None and now > end:
            return str(
                _("已超过申请%(level)s的期限：应自%(after)s之日起%(days)s日内提出（截至%(date)s）。")
                % {
                    "level": nxt.label,
                    "after": nxt.after,
                    "days": REVIEW_REQUEST_DAYS,
                    "date": f"{timezone.localtime(end):%Y-%m-%d}",
                }
            )
    return ""


@dataclass(frozen=True)
class ReviewSummary:
    """What the detail and tracking pages say about the chain."""

    level_label: str  # 复查 / 复核 of the current level, "" before any request
    state: str  # ReviewState value
    decision_label: str
    requested_at: dt.datetime | None
    due_at: dt.datetime | None
    decided_at: dt.datetime | None
    overdue: bool  # pending past its decision deadline
    final: bool
    next_label: str  # 复查 / 复核 the petitioner may still ask for ("" when none)
    next_after: str
    window_end: dt.datetime | None  # until when (None: no further level or the window has passed)


def review_summary(case: Case, now: dt.datetime | None = None) -> ReviewSummary | None:
    """None for case types without review, or before the reply."""
    if not case.case_type.allows_review or case.status not in (Status.RESOLVED, Status.CLOSED):
        return None
    now = now or timezone.now()
    current = REVIEW_LEVELS.get(case.review_level)
    nxt, end = review_next_level(case), review_window_end(case)
    open_window = nxt is not None and end is not None and now <= end
    return ReviewSummary(
        level_label=str(current.label) if current else "",
        state=case.review_state,
        decision_label=str(ReviewDecision(case.review_decision).label) if case.review_decision else "",
        requested_at=case.review_requested_at,
        due_at=case.review_due_at,
        decided_at=case.review_decided_at,
        overdue=review_pending(case) and case.review_due_at is not None and now > case.review_due_at,
        final=review_final(case),
        next_label=str(nxt.label) if open_window else "",
        next_after=str(nxt.after) if open_window else "",
        window_end=end if open_window else None,
    )


def action_label(transition: Transition, case: Case) -> str:
    """The button text: the type's 办结 word, or the review level the step concerns."""
    if transition.name == "resolve":
        return case.case_type.resolve_label
    if transition.name == "feedback" and case.case_type.filed_by_deputies:
        return str(_("评价答复"))
    if transition.name == "request_review":
        nxt = review_next_level(case)
        return str(_("申请%(level)s") % {"level": nxt.label}) if nxt else str(transition.label)
    if transition.name == "record_review_decision" and case.review_level in REVIEW_LEVELS:
        return str(_("登记%(level)s决定") % {"level": REVIEW_LEVELS[case.review_level].label})
    return str(transition.label)


def applies_to(transition: Transition, case: Case, now: dt.datetime | None = None) -> bool:
    """Whether the step exists for this case at all (its type, its current status and flags).

    With ``now``, time limits count too (the review request window): pages pass it to offer only
    what will be accepted; services check the time themselves to say why they refuse.
    """
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
    if transition.name == "request_review" and (
        review_next_level(case) is None or review_refusal(case, now) or review_window_end(case) is None
    ):
        return False
    if transition.name == "record_review_decision" and not review_pending(case):
        return False
    return True


def allowed(transition: Transition, case: Case, scope: Scope, now: dt.datetime | None = None) -> bool:
    return applies_to(transition, case, now) and bool(
        actor_kinds(case, scope).intersection(transition.actors)
    )


def available(case: Case, scope: Scope, now: dt.datetime | None = None) -> list[Transition]:
    """Transitions ``scope`` may fire on ``case`` now, in table order (what the detail page offers).

    ``now`` also hides steps whose time limit has passed (see ``applies_to``).
    """
    steps = [t for t in TRANSITIONS.values() if applies_to(t, case, now)]
    if not steps:
        return []
    kinds = actor_kinds(case, scope)  # once: telling a co-unit's staff takes a query
    return [t for t in steps if kinds.intersection(t.actors)]
