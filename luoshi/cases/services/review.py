"""After the reply: 核查, 回访评价 (不满意 → 重办), 归档, and the petition review chain (复查 / 复核)."""

from __future__ import annotations

from django.db import transaction
from django.utils.translation import gettext as _

from luoshi.cases import sla, workflow
from luoshi.cases.models import (
    Case,
    EventKind,
    Rating,
    ReviewDecision,
    ReviewState,
    Status,
)
from luoshi.cases.services.core import (
    Invalid,
    NotAllowed,
    _authorize,
    _commit,
    _escalate_if_needed,
    _lock,
    _now,
    _require,
)
from luoshi.org.models import User
from luoshi.org.scoping import scope_of


def _reopen(case: Case, actor: User | None, reason: str) -> None:
    """重办: back to the handler with a fresh full limit."""
    case.status = Status.IN_PROGRESS
    case.reopen_count += 1
    case.resolved_at = None
    case.resolved_on_time = None
    case.verified_at = None
    case.overdue = False
    sla.apply(case, restart_at=_now())
    _escalate_if_needed(case, actor)


@transaction.atomic
def case_verify(*, case: Case, actor: User, passed: bool, note: str = "", version: int | None = None) -> Case:
    """核查: the reporting grid worker (or the dispatcher) checks the result; a failed check sends it back."""
    case = _lock(case, version)
    _authorize(case, actor, "verify")
    if passed is None:
        raise Invalid(_("请选择核查结论。"), {"passed": _("此项为必填项。")})
    if not passed and not note:
        raise Invalid(_("核查不通过时请说明原因。"), {"note": _("此项为必填项。")})
    previous = case.status
    if passed:
        case.verified_at = _now()
        if not case.case_type.requires_callback:
            case.status = Status.CLOSED
            case.closed_at = case.verified_at
    else:
        _reopen(case, actor, note)
    _commit(
        case,
        actor,
        EventKind.VERIFY,
        from_status=previous,
        note=note,
        public=passed,
        data={"passed": bool(passed)},
    )
    return case


@transaction.atomic
def case_feedback(
    *,
    case: Case,
    rating: str,
    reason: str = "",
    actor: User | None = None,
    channel: str = "phone",
    version: int | None = None,
) -> Case:
    """回访评价: staff record the caller's answer (``channel="phone"``) or the caller rates online
    through the tracking code (``actor=None, channel="online"``). 不满意 reopens per the type's rule."""
    case = _lock(case, version)
    _authorize(case, actor, "feedback")
    if actor is not None and workflow.Actor.PROPOSER in workflow.actor_kinds(case, scope_of(actor)):
        channel = "deputy"  # the deputy rates the reply to their own suggestion (代表评价)
    if rating not in Rating.values:
        raise Invalid(_("请选择评价。"), {"rating": _("此项为必填项。")})
    if rating == Rating.UNSATISFIED and not (reason or "").strip():
        raise Invalid(_("请说明不满意的原因。"), {"reason": _("此项为必填项。")})
    _require(case, "feedback", {"rating": rating})
    previous = case.status
    now = _now()
    case.rating, case.rating_reason, case.rating_channel = rating, (reason or "")[:300], channel
    case.reviewed_at = now
    ct = case.case_type
    reopen = rating == Rating.UNSATISFIED and ct.reopen_on_unsatisfied and case.reopen_count < ct.max_reopens
    if reopen:
        _reopen(case, actor, reason)
    else:
        case.status = Status.CLOSED
        case.closed_at = now
    _commit(
        case,
        actor,
        EventKind.FEEDBACK,
        from_status=previous,
        note=reason,
        public=True,
        actor_label=_("诉求人（网上评价）") if actor is None else "",
        data={"rating": rating, "channel": channel, "reopened": reopen},
    )
    return case


@transaction.atomic
def case_close(
    *, case: Case, actor: User, note: str = "", note_public: bool = False, version: int | None = None
) -> Case:
    """归档 / 销号: close a resolved case (without a call-back when the caller cannot be reached)."""
    case = _lock(case, version)
    _authorize(case, actor, "close")
    _require(case, "close", {"note": note})
    previous = case.status
    case.status = Status.CLOSED
    case.closed_at = _now()
    _commit(
        case, actor, EventKind.CLOSE, from_status=previous, note=note, public=True, note_public=note_public
    )
    return case


@transaction.atomic
def case_request_review(
    *, case: Case, actor: User, reason: str, requester: str = "", version: int | None = None
) -> Case:
    """申请复查 / 复核 (信访): record the petitioner's request for the next level of review.

    复查 within 30 calendar days of the written reply, 复核 within 30 days of the 复查 decision; never
    while a request awaits its decision or after 复核 (三级终结). The higher body's decision is due 30
    days after the request. The case keeps its status and KPI measures (``workflow.REVIEW_LEVELS``).
    """
    case = _lock(case, version)
    _authorize(case, actor, "request_review", why=workflow.review_refusal(case))
    now = _now()
    refusal = workflow.review_refusal(case, now)
    if refusal:
        raise NotAllowed(refusal)
    _require(case, "request_review", {"reason": reason})
    level = workflow.review_next_level(case)
    assert level is not None  # applies_to checked it
    requester = (requester or "").strip()[:50] or case.contact_name
    case.review_level = level.level
    case.review_state = ReviewState.REQUESTED
    case.review_requested_at = now
    case.review_due_at = workflow.review_decision_due(now)
    case.review_decided_at = None
    case.review_decision = ""
    _commit(
        case,
        actor,
        level.request_event,
        from_status=case.status,
        note=reason,
        public=True,
        at=now,
        data={"level": level.level, "requester": requester, "due_at": case.review_due_at.isoformat()},
    )
    return case


@transaction.atomic
def case_record_review_decision(
    *, case: Case, actor: User, decision: str, note: str, version: int | None = None
) -> Case:
    """登记复查 / 复核决定: the next-higher body decided (维持 / 撤销 / 变更); the town office or a
    leader records the decision and its text. After the 复核 decision the matter is final."""
    case = _lock(case, version)
    _authorize(case, actor, "record_review_decision", why=_("没有待决定的复查/复核申请。"))
    if decision and decision not in ReviewDecision.values:
        raise Invalid(_("复查/复核结论无效。"), {"decision": _("无效")})
    _require(case, "record_review_decision", {"decision": decision, "note": note})
    now = _now()
    level = workflow.REVIEW_LEVELS[case.review_level]
    case.review_state = ReviewState.DECIDED
    case.review_decided_at = now
    case.review_decision = decision
    _commit(
        case,
        actor,
        level.decision_event,
        from_status=case.status,
        note=note,
        public=True,
        at=now,
        data={
            "level": level.level,
            "decision": decision,
            "on_time": bool(case.review_due_at and now <= case.review_due_at),
            "final": workflow.review_final(case),
        },
    )
    return case
