"""Every write to a case goes through one function here (``case_<verb>``, keyword-only, atomic).

Each transition: lock the row, check the optimistic-lock ``version`` (when the caller passes the
version it showed the user), check the workflow table (status, case type, actor role + scope),
validate the step's required fields, change the row (audited by simple-history), recompute the
clocks and append a ``CaseEvent`` to the timeline. HTML views, the JSON API, the CLI, tasks and
importers call these functions; nothing else writes cases.

Split by phase: ``intake`` (受理), ``handling`` (派单 … 办结, side actions, attachments, the clock
sweep), ``review`` (核查, 回访评价, 归档, 信访 复查/复核); ``core`` holds what they share. Import from
the package (``from luoshi.cases import services``): every public name is here.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable

from django.utils import timezone
from django.utils.translation import gettext as _

from luoshi.cases.models import Case, Channel
from luoshi.cases.services.core import (
    ALLOWED_UPLOAD_TYPES,
    ESCALATE_AFTER,
    CaseError,
    Conflict,
    Invalid,
    NotAllowed,
    responsible_leader,
)
from luoshi.cases.services.handling import (
    attachment_add,
    case_assist_reply,
    case_cancel,
    case_decide_extension,
    case_dispatch,
    case_merge,
    case_progress,
    case_request_extension,
    case_resolve,
    case_resume,
    case_return,
    case_self_handle,
    case_sign,
    case_supervise,
    case_suspend,
    case_urge,
    cases_sweep,
)
from luoshi.cases.services.intake import case_create, public_case_create, suggestion_file
from luoshi.cases.services.review import (
    case_close,
    case_feedback,
    case_record_review_decision,
    case_request_review,
    case_verify,
)
from luoshi.org.models import User


def _now() -> dt.datetime:
    """The services' clock: one name to patch in tests (``luoshi.cases.services._now``)."""
    return timezone.now()


# Which service each workflow transition name calls (views and the API dispatch through this).
TRANSITION_SERVICES = {
    "dispatch": case_dispatch,
    "sign": case_sign,
    "return": case_return,
    "progress": case_progress,
    "assist_reply": case_assist_reply,
    "resolve": case_resolve,
    "self_handle": case_self_handle,
    "verify": case_verify,
    "feedback": case_feedback,
    "close": case_close,
    "request_extension": case_request_extension,
    "decide_extension": case_decide_extension,
    "suspend": case_suspend,
    "resume": case_resume,
    "merge": case_merge,
    "cancel": case_cancel,
    "urge": case_urge,
    "supervise": case_supervise,
    "request_review": case_request_review,
    "record_review_decision": case_record_review_decision,
}


def case_transition(*, name: str, case: Case, actor: User | None, **kwargs) -> Case:
    """Fire a workflow transition by name (the API's and bulk actions' single entry point)."""
    try:
        service = TRANSITION_SERVICES[name]
    except KeyError as exc:
        raise NotAllowed(_("未知操作：%(name)s") % {"name": name}) from exc
    return service(case=case, actor=actor, **kwargs)


def case_bulk(
    *, name: str, cases: Iterable[Case], actor: User, **kwargs
) -> tuple[list[Case], list[tuple[Case, str]]]:
    """Apply one transition to many cases, each in its own transaction; returns (done, [(case, reason)])."""
    done, failed = [], []
    for case in cases:
        try:
            done.append(case_transition(name=name, case=case, actor=actor, **kwargs))
        except CaseError as exc:
            failed.append((case, exc.message))
    return done, failed


__all__ = [
    "public_case_create",
    "CaseError",
    "NotAllowed",
    "Invalid",
    "Conflict",
    "case_create",
    "suggestion_file",
    "case_dispatch",
    "case_assist_reply",
    "case_sign",
    "case_return",
    "case_progress",
    "case_resolve",
    "case_self_handle",
    "case_verify",
    "case_feedback",
    "case_close",
    "case_request_extension",
    "case_decide_extension",
    "case_suspend",
    "case_resume",
    "case_merge",
    "case_cancel",
    "case_urge",
    "case_supervise",
    "case_request_review",
    "case_record_review_decision",
    "case_transition",
    "case_bulk",
    "attachment_add",
    "cases_sweep",
    "responsible_leader",
    "Channel",
    "ALLOWED_UPLOAD_TYPES",
    "ESCALATE_AFTER",
]
