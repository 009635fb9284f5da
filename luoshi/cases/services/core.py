"""Shared by every phase: errors, the clock, locking, authorisation through the workflow table,
required fields and the commit of a change with its timeline entry."""

from __future__ import annotations

import datetime as dt
import logging
import sys

from django.utils.translation import gettext as _

from luoshi.cases import sla, workflow
from luoshi.cases.models import (
    AttachmentKind,
    Case,
    CaseEvent,
    EventKind,
)
from luoshi.org.models import RoleAssignment, User
from luoshi.org.roles import Role
from luoshi.org.scoping import scope_of

log = logging.getLogger(__name__)


ALLOWED_UPLOAD_TYPES = {
    "image/jpeg": "jpg",
    "image/png": "png",
    "image/webp": "webp",
    "application/pdf": "pdf",
    "application/vnd.openxmlformats-officedocument.wordprocessingml.document": "docx",
    "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet": "xlsx",
}
# Escalate (提级督办) when a case has been reopened or passed among units this often (DOMAIN §1).
ESCALATE_AFTER = 3


class CaseError(Exception):
    """A refused write, with a message fit for the user and optional per-field errors."""

    def __init__(self, message: str, errors: dict[str, str] | None = None):
        super().__init__(message)
        self.message = message
        self.errors = errors or {}


class NotAllowed(CaseError):
    """The actor may not do this (role, scope) or the case is not in a state where it can be done."""


class Invalid(CaseError):
    """Required information is missing or wrong."""


class Conflict(CaseError):
    """Someone else changed the case since the user loaded it (optimistic locking)."""


# ---------------------------------------------------------------------------------------------
# helpers


def _now() -> dt.datetime:
    """The package's clock (``luoshi.cases.services._now``), looked up when called: patching that
    one name (tests) moves the clock of every phase."""
    return sys.modules["luoshi.cases.services"]._now()


def _label(actor: User | None, fallback: str = "") -> str:
    return str(actor) if actor else (fallback or _("系统"))


def _lock(case: Case, version: int | None) -> Case:
    fresh = Case.objects.select_for_update().select_related("case_type", "town").get(pk=case.pk)
    if version is not None and fresh.version != int(version):
        raise Conflict(
            _("该案件已被他人更新（当前版本 %(current)s，您看到的是版本 %(seen)s），请刷新后重试。")
            % {"current": fresh.version, "seen": version}
        )
    return fresh


def _authorize(case: Case, actor: User | None, name: str, why: str = "") -> workflow.Transition:
    """Refuse unless the step applies to the case now and the actor may fire it. ``why`` is the
    precise reason to give, instead of the status, when the step does not apply (only to an actor
    who may fire it: others learn nothing more than before)."""
    t = workflow.TRANSITIONS[name]
    kinds = workflow.actor_kinds(case, scope_of(actor)) if actor else {workflow.Actor.PUBLIC}
    if not workflow.applies_to(t, case):
        if why and kinds.intersection(t.actors):
            raise NotAllowed(why)
        raise NotAllowed(
            _("案件当前为「%(status)s」，不能%(action)s。") % {"status": case.status_label, "action": t.label}
        )
    if not kinds.intersection(t.actors):
        raise NotAllowed(_("您无权对该案件执行「%(action)s」。") % {"action": t.label})
    return t


def _field_present(case: Case, name: str, values: dict) -> bool:
    if name in values:
        v = values[name]
        return v not in (None, "") and v != []
    if name.startswith("details."):
        return bool((case.details or {}).get(name.split(".", 1)[1]))
    if name in ("photos_before", "photos_after"):
        kind = AttachmentKind.BEFORE if name == "photos_before" else AttachmentKind.AFTER
        return case.pk is not None and case.attachments.filter(kind=kind).exists()
    value = getattr(case, name, None)
    return value not in (None, "")


def _reject_nul(values: dict) -> None:
    """Text with a NUL character cannot be stored (PostgreSQL refuses it): say which field, do not fail."""
    texts = {n: v for n, v in values.items() if isinstance(v, str)}
    for name, value in values.items():
        if isinstance(value, dict):  # details: one level of free-form fields
            texts.update({f"{name}.{k}": v for k, v in value.items() if isinstance(v, str)})
    bad = {n: _("不能包含空字符（NUL）。") for n, v in texts.items() if "\x00" in v}
    if bad:
        raise Invalid(
            _("输入含有无法保存的空字符（NUL）：%(fields)s")
            % {"fields": "、".join(_field_label(n) for n in bad)},
            bad,
        )


def _require(case: Case, step: str, values: dict) -> None:
    """The step's fields from the workflow table plus those the case type adds for it."""
    _reject_nul(values)
    base = workflow.TRANSITIONS[step].requires if step in workflow.TRANSITIONS else workflow.CREATE_REQUIRES
    names = list(dict.fromkeys([*base, *case.case_type.required_for(step)]))
    if step in ("resolve", "self_handle") and case.case_type.requires_photos:
        names.append("photos_after")
    missing = {n: _("此项为必填项。") for n in names if not _field_present(case, n, values)}
    if missing:
        raise Invalid(
            _("请补全必填信息：%(fields)s") % {"fields": "、".join(_field_label(n) for n in missing)}, missing
        )


def _field_label(name: str) -> str:
    labels = {
        "reason": _("理由"),
        "note": _("说明"),
        "photos_before": _("整改前照片"),
        "photos_after": _("整改后照片"),
        "days": _("延期天数"),
        "approve": _("审批意见"),
        "passed": _("核查结论"),
        "into": _("合并至"),
        "rating": _("评价"),
        "decision": _("复查/复核结论"),
        "opinion": _("协办意见"),
        "assist_units": _("协办单位"),
    }
    if name in labels:
        return str(labels[name])
    if name.startswith("details."):
        return name.split(".", 1)[1]
    try:
        return str(Case._meta.get_field(name).verbose_name)
    except Exception:  # noqa: BLE001 - unknown names are shown as they are
        return name


def _commit(
    case: Case,
    actor: User | None,
    kind: str,
    *,
    from_status: str,
    note: str = "",
    data: dict | None = None,
    public: bool = False,
    note_public: bool = False,
    actor_label: str = "",
    at: dt.datetime | None = None,
) -> CaseEvent:
    case.stage = workflow.stage_of(case.status)
    case.version += 1
    sla.refresh_flags(case, now=_now())
    case._history_user = actor
    case.save()
    return CaseEvent.objects.create(
        case=case,
        kind=kind,
        at=at or _now(),
        actor=actor,
        actor_label=_label(actor, actor_label),
        from_status=from_status,
        to_status=case.status,
        note=note,
        data=data or {},
        public=public,
        note_public=bool(note_public and note),
    )


def responsible_leader(case: Case) -> User | None:
    """The town leader whose portfolio (分管) holds the case's unit; else any leader of the town."""
    leaders = RoleAssignment.objects.filter(role=Role.LEADER, town_id=case.town_id).select_related("user")
    if case.unit_id:
        own = leaders.filter(portfolio=case.unit_id).first()
        if own:
            return own.user
    first = leaders.order_by("id").first()
    return first.user if first else None


def _escalate_if_needed(case: Case, actor: User | None) -> None:
    if case.supervised or (case.reopen_count < ESCALATE_AFTER and case.dispatch_count < ESCALATE_AFTER):
        return
    case.supervised = True
    case.escalated_to = responsible_leader(case)
    CaseEvent.objects.create(
        case=case,
        kind=EventKind.SUPERVISE,
        at=_now(),
        actor=None,
        actor_label=_("系统"),
        from_status=case.status,
        to_status=case.status,
        note=_("重办或改派达 %(n)s 次，自动提级督办。") % {"n": ESCALATE_AFTER},
        data={"escalated_to": case.escalated_to_id},
    )
