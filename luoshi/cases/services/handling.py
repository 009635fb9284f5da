"""Handling: 派单, 签收, 退单, 进展, 协办, 办结, 延期, 挂起, 合并, 撤销, 催办, 督办; attachments; the clock sweep."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable

from django.conf import settings
from django.db import transaction
from django.utils.translation import gettext as _

from luoshi.cases import sla, workflow
from luoshi.cases.models import (
    Attachment,
    AttachmentKind,
    Case,
    CaseAssist,
    CaseEvent,
    EventKind,
    ExtensionState,
    Outcome,
    Status,
)
from luoshi.cases.services.core import (
    ALLOWED_UPLOAD_TYPES,
    Invalid,
    NotAllowed,
    _authorize,
    _commit,
    _escalate_if_needed,
    _label,
    _lock,
    _now,
    _require,
    responsible_leader,
)
from luoshi.org.models import Unit, User
from luoshi.org.scoping import scope_of

# ---------------------------------------------------------------------------------------------
# transitions


def _sync_assists(
    case: Case, actor: User | None, lead: Unit, wanted: list[Unit] | None, at: dt.datetime
) -> tuple[list[dict], list[dict]]:
    """Make the case's co-units (协办单位) follow a (re)dispatch to ``lead``: (current, removed) as
    ``{"id", "name"}`` lists, by unit id.

    ``wanted`` is the co-units chosen now (None: keep them as they are). A co-unit that becomes the
    lead is removed; one that has answered is never removed otherwise; the others not chosen are.
    """
    existing = {a.unit_id: a for a in case.assists.select_related("unit")}
    gone = [a for uid, a in existing.items() if uid == lead.pk]
    if wanted is not None:
        keep = {u.pk for u in wanted}
        gone += [a for uid, a in existing.items() if uid != lead.pk and uid not in keep and not a.answered_at]
    for a in gone:
        a._history_user = actor
        a.delete()
        existing.pop(a.unit_id)
    for u in wanted or ():
        if u.pk not in existing:
            a = CaseAssist(case=case, unit=u, added_at=at, added_by=actor)
            a._history_user = actor
            a.save()
            existing[u.pk] = a

    def named(rows):
        return [{"id": a.unit_id, "name": a.unit.name} for a in sorted(rows, key=lambda a: a.unit_id)]

    return named(existing.values()), named(gone)


def _dispatch(
    case: Case,
    actor: User | None,
    unit: Unit,
    *,
    note: str = "",
    at: dt.datetime | None = None,
    assist_units: list[Unit] | None = None,
) -> Case:
    previous = case.status
    rerouting = previous in (Status.DISPATCHED, Status.IN_PROGRESS)
    old_unit = case.unit_id
    now = at or _now()
    # A case dispatched for the first time without co-units has none to look at (intake stays lean).
    assists = (
        _sync_assists(case, actor, unit, assist_units, now)
        if assist_units or case.dispatch_count
        else ([], [])
    )
    case.unit = unit
    case.handler = None
    case.dispatched_at = now
    case.dispatch_count += 1
    if case.case_type.requires_sign:
        case.status = Status.DISPATCHED
        case.signed_at = None
    else:
        case.status = Status.IN_PROGRESS
    sla.apply(case)
    kind = EventKind.REROUTE if (rerouting or previous == Status.RETURNED or old_unit) else EventKind.DISPATCH
    _escalate_if_needed(case, actor)
    data = {
        "unit": unit.pk,
        "unit_name": unit.name,
        "from_unit": old_unit,
        "routed_unit": case.routed_unit_id,
        "override": bool(case.routed_unit_id and case.routed_unit_id != unit.pk),
    }
    current, removed = assists
    if current or removed:
        data["assist_units"] = current
    if removed:
        data["assist_removed"] = removed
    _commit(case, actor, kind, from_status=previous, note=note, public=True, at=now, data=data)
    return case


def _check_assist_units(case: Case, lead: Unit, assist_units: Iterable[Unit] | None) -> list[Unit] | None:
    """The chosen co-units, once each: active units of the case's town other than the lead."""
    if assist_units is None:
        return None
    chosen = list({u.pk: u for u in assist_units if u is not None}.values())
    if any(u.town_id != case.town_id or not u.is_active for u in chosen):
        raise Invalid(_("协办单位只能是本乡镇启用的站所。"), {"assist_units": _("站所无效")})
    if any(u.pk == lead.pk for u in chosen):
        raise Invalid(
            _("承办站所不能同时是协办单位。"),
            {"assist_units": _("不能包含承办站所「%(unit)s」") % {"unit": lead.name}},
        )
    return chosen


@transaction.atomic
def case_dispatch(
    *,
    case: Case,
    actor: User,
    unit: Unit,
    version: int | None = None,
    note: str = "",
    assist_units: Iterable[Unit] | None = None,
) -> Case:
    """派单 (or 改派 when already dispatched): give the case to a lead unit (主办) of its town, and
    optionally co-handling units (协办单位, ``assist_units``), also of its town.

    On re-dispatch the chosen co-units are added and the unchosen ones removed, except those that
    have answered (kept) and the new lead unit (removed). ``assist_units=None`` leaves the co-units
    as they are (bulk dispatch, callers that do not choose them); only a co-unit that becomes the
    lead is removed then.
    """
    case = _lock(case, version)
    _authorize(case, actor, "dispatch")
    if unit is None:
        raise Invalid(_("请选择承办站所。"), {"unit": _("此项为必填项。")})
    if unit.town_id != case.town_id or not unit.is_active:
        raise Invalid(_("只能派给本乡镇启用的站所。"), {"unit": _("站所无效")})
    _require(case, "dispatch", {"unit": unit})
    chosen = _check_assist_units(case, unit, assist_units)
    return _dispatch(case, actor, unit, note=note, assist_units=chosen)


@transaction.atomic
def case_assist_reply(*, case: Case, actor: User, opinion: str, version: int | None = None) -> Case:
    """协办意见: staff of a co-handling unit give their unit's opinion to the lead unit (the case's
    status does not change). It is kept on the unit's ``CaseAssist`` row (a later one replaces it;
    each stays in the timeline); a user of several co-units answers for the first by unit id."""
    case = _lock(case, version)
    _authorize(case, actor, "assist_reply")
    opinion = (opinion or "").strip()
    _require(case, "assist_reply", {"opinion": opinion})
    units = sorted(scope_of(actor).unit_ids)
    assist = case.assists.select_related("unit").filter(unit_id__in=units).order_by("unit_id").first()
    if assist is None:  # pragma: no cover - _authorize found it, under the case's row lock
        raise NotAllowed(_("您所在的站所不是该案件的协办单位。"))
    now = _now()
    assist.opinion = opinion
    assist.answered_at = now
    assist.answered_by = actor
    assist._history_user = actor
    assist.save()
    _commit(
        case,
        actor,
        EventKind.ASSIST,
        from_status=case.status,
        note=opinion,
        at=now,
        data={"assist_unit": assist.unit_id, "assist_unit_name": assist.unit.name},
    )
    return case


@transaction.atomic
def case_sign(*, case: Case, actor: User, version: int | None = None, note: str = "") -> Case:
    """签收: the lead unit accepts the case; the clock starts here for types that count from sign-for."""
    case = _lock(case, version)
    _authorize(case, actor, "sign")
    previous = case.status
    case.status = Status.IN_PROGRESS
    case.signed_at = _now()
    sla.apply(case)
    _commit(
        case,
        actor,
        EventKind.SIGN,
        from_status=previous,
        note=note,
        public=True,
        data={"late": bool(case.sign_due_at and case.signed_at > case.sign_due_at)},
    )
    return case


@transaction.atomic
def case_return(*, case: Case, actor: User, reason: str, version: int | None = None) -> Case:
    """退单: the unit sends the case back to the dispatcher with a reason (属地不符, 职能不符 …)."""
    case = _lock(case, version)
    _authorize(case, actor, "return")
    _require(case, "return", {"reason": reason})
    previous = case.status
    case.status = Status.RETURNED
    case.return_count += 1
    case.last_return_reason = reason[:300]
    _commit(case, actor, EventKind.RETURN, from_status=previous, note=reason, data={"unit": case.unit_id})
    return case


@transaction.atomic
def case_progress(
    *, case: Case, actor: User, note: str, note_public: bool = False, version: int | None = None
) -> Case:
    """办理进展: record contact with the caller or a step taken; the first one is the first response."""
    case = _lock(case, version)
    _authorize(case, actor, "progress")
    _require(case, "progress", {"note": note})
    if case.first_response_at is None:
        case.first_response_at = _now()
    _commit(case, actor, EventKind.PROGRESS, from_status=case.status, note=note, note_public=note_public)
    return case


def _mark_resolved(case: Case, reply: str, outcome: str) -> None:
    now = _now()
    case.status = Status.RESOLVED
    case.reply = reply
    case.outcome = outcome
    case.resolved_at = now
    case.first_response_at = case.first_response_at or now
    # no clock yet (answered on the spot before dispatch) counts as on time
    case.resolved_on_time = True if case.due_at is None else now <= case.due_at
    case.verified_at = None


@transaction.atomic
def case_resolve(
    *,
    case: Case,
    actor: User,
    reply: str,
    outcome: str = Outcome.RESOLVED,
    details: dict | None = None,
    note_public: bool = False,
    version: int | None = None,
) -> Case:
    """办结 (答复 / 整改完成 / 化解): the handler records the result; the case waits for 核查 / 回访."""
    case = _lock(case, version)
    _authorize(case, actor, "resolve")
    if outcome and outcome not in Outcome.values:
        raise Invalid(_("办理结论无效。"), {"outcome": _("无效")})
    if details:
        case.details = {**(case.details or {}), **details}
    _require(case, "resolve", {"reply": reply, "outcome": outcome})
    previous = case.status
    _mark_resolved(case, reply, outcome)
    _commit(
        case,
        actor,
        EventKind.RESOLVE,
        from_status=previous,
        note=reply,
        public=True,
        note_public=note_public,
        data={"outcome": outcome, "on_time": case.resolved_on_time},
    )
    return case


@transaction.atomic
def case_self_handle(
    *, case: Case, actor: User, reply: str, note_public: bool = False, version: int | None = None
) -> Case:
    """直办 / 自处置: a consultation answered on the spot, or a grid event the grid worker fixed himself."""
    case = _lock(case, version)
    _authorize(case, actor, "self_handle")
    _require(case, "self_handle", {"reply": reply})
    previous = case.status
    _mark_resolved(case, reply, Outcome.RESOLVED)
    _commit(
        case,
        actor,
        EventKind.RESOLVE,
        from_status=previous,
        note=reply,
        public=True,
        note_public=note_public,
        data={"outcome": Outcome.RESOLVED, "direct": True},
    )
    return case


@transaction.atomic
def case_request_extension(
    *, case: Case, actor: User, days: int, reason: str, version: int | None = None
) -> Case:
    """申请延期: before the deadline, with reasons; at most one extension per case."""
    case = _lock(case, version)
    _authorize(case, actor, "request_extension")
    _require(case, "request_extension", {"days": days, "reason": reason})
    limit = sla.max_extension(case)
    if limit <= 0:
        raise NotAllowed(_("该类案件不允许延期。"))
    if not 1 <= int(days) <= limit:
        raise Invalid(_("延期天数应为 1 至 %(n)s 天。") % {"n": limit}, {"days": _("超出范围")})
    if case.due_at and _now() > case.due_at:
        raise NotAllowed(_("已超期，不能再申请延期。"))
    case.extension_state = ExtensionState.REQUESTED
    case.extension_days = 0
    case.extension_reason = reason[:300]
    _commit(
        case,
        actor,
        EventKind.EXTENSION_REQUEST,
        from_status=case.status,
        note=reason,
        data={"days": int(days)},
    )
    return case


@transaction.atomic
def case_decide_extension(
    *, case: Case, actor: User, approve: bool, note: str = "", version: int | None = None
) -> Case:
    """延期审批: a town leader (or the office) approves or rejects the pending request."""
    case = _lock(case, version)
    _authorize(case, actor, "decide_extension")
    request = case.events.filter(kind=EventKind.EXTENSION_REQUEST).order_by("-at", "-id").first()
    days = int((request.data or {}).get("days", 0)) if request else 0
    if approve:
        case.extension_state = ExtensionState.APPROVED
        case.extension_days = days
        sla.apply(case)
    else:
        case.extension_state = ExtensionState.REJECTED
    _commit(
        case,
        actor,
        EventKind.EXTENSION_DECISION,
        from_status=case.status,
        note=note,
        public=bool(approve),
        data={
            "approved": bool(approve),
            "days": days,
            "due_at": case.due_at.isoformat() if case.due_at else None,
        },
    )
    return case


@transaction.atomic
def case_suspend(
    *, case: Case, actor: User, reason: str, note_public: bool = False, version: int | None = None
) -> Case:
    """挂起: stop the clock (e.g. waiting for a court ruling or the caller's material), with a reason."""
    case = _lock(case, version)
    _authorize(case, actor, "suspend")
    _require(case, "suspend", {"reason": reason})
    previous = case.status
    case.status_before_suspend = previous
    case.status = Status.SUSPENDED
    case.suspended_at = _now()
    _commit(
        case,
        actor,
        EventKind.SUSPEND,
        from_status=previous,
        note=reason,
        public=True,
        note_public=note_public,
    )
    return case


@transaction.atomic
def case_resume(
    *, case: Case, actor: User, note: str = "", note_public: bool = False, version: int | None = None
) -> Case:
    """恢复办理: the paused time is added to the limits (on the policy's day basis) and the due time moves."""
    case = _lock(case, version)
    _authorize(case, actor, "resume")
    previous = case.status
    now = _now()
    started = case.suspended_at or now
    paused_days = sla.days_between(started, now, sla.basis_of(case))
    case.paused_seconds += int((now - started).total_seconds())
    case.paused_days += paused_days
    case.suspended_at = None
    case.status = case.status_before_suspend or Status.IN_PROGRESS
    case.status_before_suspend = ""
    sla.apply(case)
    _commit(
        case,
        actor,
        EventKind.RESUME,
        from_status=previous,
        note=note,
        public=True,
        note_public=note_public,
        data={"paused_days": paused_days, "due_at": case.due_at.isoformat() if case.due_at else None},
    )
    return case


@transaction.atomic
def case_merge(*, case: Case, actor: User, into: Case, version: int | None = None, note: str = "") -> Case:
    """合并 (并单): fold a duplicate into another open case of the same town; the duplicate stops counting."""
    case = _lock(case, version)
    _authorize(case, actor, "merge")
    if into is None or into.pk == case.pk:
        raise Invalid(_("请选择要合并到的另一件案件。"), {"into": _("无效")})
    if into.town_id != case.town_id or into.status in workflow.EXCLUDED_STATUSES:
        raise Invalid(_("只能合并到本乡镇未撤销、未合并的案件。"), {"into": _("无效")})
    previous = case.status
    case.status = Status.MERGED
    case.merged_into = into
    case.closed_at = _now()
    _commit(
        case,
        actor,
        EventKind.MERGE,
        from_status=previous,
        note=note,
        public=True,
        data={"into": into.pk, "into_number": into.number},
    )
    CaseEvent.objects.create(
        case=into,
        kind=EventKind.MERGE,
        at=_now(),
        actor=actor,
        actor_label=_label(actor),
        from_status=into.status,
        to_status=into.status,
        note=_("合并了重复案件 %(n)s") % {"n": case.number},
        data={"merged": case.pk},
    )
    return case


@transaction.atomic
def case_cancel(*, case: Case, actor: User, reason: str, version: int | None = None) -> Case:
    """撤销: withdrawn by the caller or registered by mistake; excluded from KPIs."""
    case = _lock(case, version)
    _authorize(case, actor, "cancel")
    _require(case, "cancel", {"reason": reason})
    previous = case.status
    case.status = Status.CANCELLED
    case.closed_at = _now()
    _commit(case, actor, EventKind.CANCEL, from_status=previous, note=reason, public=True)
    return case


@transaction.atomic
def case_urge(*, case: Case, actor: User, note: str = "", version: int | None = None) -> Case:
    """催办: a reminder to the handling unit."""
    case = _lock(case, version)
    _authorize(case, actor, "urge")
    case.urge_count += 1
    _commit(case, actor, EventKind.URGE, from_status=case.status, note=note, data={"count": case.urge_count})
    return case


@transaction.atomic
def case_supervise(*, case: Case, actor: User, note: str = "", version: int | None = None) -> Case:
    """督办: formal supervision, escalated to the leader whose portfolio holds the case's unit."""
    case = _lock(case, version)
    _authorize(case, actor, "supervise")
    case.supervised = True
    case.escalated_to = responsible_leader(case)
    _commit(
        case,
        actor,
        EventKind.SUPERVISE,
        from_status=case.status,
        note=note,
        data={
            "escalated_to": case.escalated_to_id,
            "leader": str(case.escalated_to) if case.escalated_to else "",
        },
    )
    return case


# ---------------------------------------------------------------------------------------------
# attachments


@transaction.atomic
def attachment_add(
    *, case: Case, actor: User | None, file, kind: str = AttachmentKind.EVIDENCE
) -> Attachment:
    """Attach a file: only listed types, at most ``settings.MAX_UPLOAD_BYTES``; stored under a random name."""
    if kind not in AttachmentKind.values:
        raise Invalid(_("附件类别无效。"), {"kind": _("无效")})
    if case.stage == "closed":
        raise NotAllowed(_("已关闭的案件不能再上传附件。"))
    if getattr(file, "size", None) == 0:
        raise Invalid(_("文件为空。"), {"file": _("文件为空")})
    size = getattr(file, "size", 0) or 0
    if size > settings.MAX_UPLOAD_BYTES:
        raise Invalid(
            _("文件过大（上限 %(mb)s MB）。") % {"mb": settings.MAX_UPLOAD_BYTES // (1024 * 1024)},
            {"file": _("文件过大")},
        )
    content_type = (getattr(file, "content_type", "") or "").split(";")[0].strip()
    if content_type not in ALLOWED_UPLOAD_TYPES:
        raise Invalid(
            _("不支持的文件类型：仅限图片(JPG/PNG/WebP)、PDF、Word、Excel。"), {"file": _("类型不支持")}
        )
    if not _sniff_ok(file, content_type):
        raise Invalid(_("文件内容与类型不符。"), {"file": _("类型不符")})
    att = Attachment(
        case=case,
        kind=kind,
        name=(getattr(file, "name", "") or "file")[:200],
        content_type=content_type,
        size=size,
        uploaded_by=actor,
    )
    att.file.save(f"upload.{ALLOWED_UPLOAD_TYPES[content_type]}", file, save=False)
    att._history_user = actor
    att.save()
    CaseEvent.objects.create(
        case=case,
        kind=EventKind.ATTACH,
        at=_now(),
        actor=actor,
        actor_label=_label(actor),
        from_status=case.status,
        to_status=case.status,
        note=att.name,
        data={"attachment": att.pk, "kind": kind},
    )
    return att


_MAGIC = {
    "image/jpeg": [b"\xff\xd8\xff"],
    "image/png": [b"\x89PNG"],
    "image/webp": [b"RIFF"],
    "application/pdf": [b"%PDF"],
    "application/vnd.openxmlformats-officedocument.wordprocessingml.document": [b"PK\x03\x04"],
    "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet": [b"PK\x03\x04"],
}


def _sniff_ok(file, content_type: str) -> bool:
    """The declared type must match the file's first bytes (a renamed .exe is not a photo)."""
    pos = file.tell() if hasattr(file, "tell") else 0
    head = file.read(8)
    file.seek(pos)
    return any(head.startswith(m) for m in _MAGIC[content_type])


# ---------------------------------------------------------------------------------------------
# the clock sweep


def cases_sweep(*, now: dt.datetime | None = None, town_ids: Iterable[int] | None = None) -> dict[str, int]:
    """Flag 临期 / 超期 on active cases and add one timeline entry when a case first becomes so.

    Run periodically (``luoshi.cases.tasks.sweep_case_clocks`` or ``manage.py cases_sweep``);
    queues and KPIs compare the due columns directly, so a late sweep only delays the flags.
    """
    now = now or _now()
    qs = Case.objects.filter(status__in=workflow.OPEN_STATUSES, due_at__isnull=False)
    if town_ids is not None:
        qs = qs.filter(town_id__in=list(town_ids))
    counts = {"near_due": 0, "overdue": 0, "cleared": 0}
    events = []
    # newly overdue
    newly_overdue = list(qs.filter(due_at__lt=now, overdue=False).values_list("id", "status"))
    for pk, status in newly_overdue:
        events.append(
            CaseEvent(
                case_id=pk,
                kind=EventKind.OVERDUE,
                at=now,
                actor_label=_("系统"),
                from_status=status,
                to_status=status,
                note=_("已超过办结时限。"),
            )
        )
    counts["overdue"] = qs.filter(pk__in=[p for p, _s in newly_overdue]).update(overdue=True, near_due=False)
    newly_near = list(
        qs.filter(due_at__gte=now, warn_at__lte=now, near_due=False).values_list("id", "status")
    )
    for pk, status in newly_near:
        events.append(
            CaseEvent(
                case_id=pk,
                kind=EventKind.NEAR_DUE,
                at=now,
                actor_label=_("系统"),
                from_status=status,
                to_status=status,
                note=_("即将到期，请抓紧办理。"),
            )
        )
    counts["near_due"] = qs.filter(pk__in=[p for p, _s in newly_near]).update(near_due=True)
    # a deadline moved (extension, resume): clear stale flags
    counts["cleared"] = qs.filter(due_at__gte=now, overdue=True).update(overdue=False) + qs.filter(
        warn_at__gt=now, near_due=True
    ).update(near_due=False)
    CaseEvent.objects.bulk_create(events, batch_size=500)
    return counts
