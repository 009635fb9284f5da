"""Every write to a case goes through one function here (``case_<verb>``, keyword-only, atomic).

Each transition: lock the row, check the optimistic-lock ``version`` (when the caller passes the
version it showed the user), check the workflow table (status, case type, actor role + scope),
validate the step's required fields, change the row (audited by simple-history), recompute the
clocks and append a ``CaseEvent`` to the timeline. HTML views, the JSON API, the CLI, tasks and
importers call these functions; nothing else writes cases.
"""

from __future__ import annotations

import datetime as dt
import logging
from collections.abc import Iterable

from django.conf import settings
from django.db import IntegrityError, transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from luoshi.cases import rollup, sla, workflow
from luoshi.cases.models import (
    Attachment,
    AttachmentKind,
    Case,
    CaseAssist,
    CaseEvent,
    CaseType,
    Category,
    Channel,
    EventKind,
    ExtensionState,
    Outcome,
    Priority,
    Rating,
    ReviewDecision,
    ReviewState,
    Status,
    new_case_number,
)
from luoshi.cases.routing import route_for
from luoshi.org.models import Grid, RoleAssignment, Town, Unit, User, Village
from luoshi.org.roles import Role
from luoshi.org.scoping import ANONYMOUS, scope_of

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
    return timezone.now()


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


# ---------------------------------------------------------------------------------------------
# intake


def _resolve_type(case_type: CaseType | str) -> CaseType:
    if isinstance(case_type, CaseType):
        return case_type
    try:
        return CaseType.objects.get(code=case_type)
    except CaseType.DoesNotExist as exc:
        raise Invalid(
            _("未知的案件类型：%(code)s") % {"code": case_type}, {"case_type": _("未知类型")}
        ) from exc


def _resolve_category(case_type: CaseType, category: Category | str | None) -> Category | None:
    if category is None or category == "":
        return None
    if isinstance(category, Category):
        if category.case_type_id != case_type.pk:
            raise Invalid(_("类别不属于该案件类型。"), {"category": _("类别不属于该案件类型。")})
        return category
    found = Category.objects.filter(case_type=case_type, code=category).first()
    if found is None:
        raise Invalid(_("未知的类别：%(code)s") % {"code": category}, {"category": _("未知类别")})
    return found


def _place(actor: User | None, town: Town | None, village: Village | None, grid: Grid | None):
    """Fill in and check town/village/grid: a grid implies its village, a village its town;
    a grid worker's or village cadre's own place is the default."""
    scope = scope_of(actor) if actor else ANONYMOUS
    if grid is None and village is None and len(scope.grid_ids) == 1 and not scope.town_ids:
        grid = Grid.objects.get(pk=next(iter(scope.grid_ids)))
    if grid is not None:
        if village is not None and grid.village_id != village.pk:
            raise Invalid(_("网格不属于所选村(社区)。"), {"grid": _("网格不属于所选村(社区)。")})
        village = grid.village
    if village is None and len(scope.village_ids) == 1 and not scope.town_ids and town is None:
        village = Village.objects.get(pk=next(iter(scope.village_ids)))
    if village is not None:
        if town is not None and village.town_id != town.pk:
            raise Invalid(_("村(社区)不属于所选乡镇。"), {"village": _("村(社区)不属于所选乡镇。")})
        if town is None:
            town = village.town
    if town is None and len(scope.member_town_ids) == 1:
        town = Town.objects.get(pk=next(iter(scope.member_town_ids)))
    if town is None:
        raise Invalid(_("请选择乡镇。"), {"town": _("此项为必填项。")})
    return town, village, grid


def _check_intake_scope(actor: User, town: Town, village: Village | None, grid: Grid | None) -> None:
    scope = scope_of(actor)
    if scope.is_admin:
        return
    ok = (
        town.pk in scope.town_ids
        or town.county_id in scope.county_ids
        or (scope.unit_ids and town.pk in scope.unit_town_ids)
        or (village is not None and village.pk in scope.village_ids)
        or (grid is not None and grid.pk in scope.grid_ids)
    )
    if not ok or not scope.is_staff_member:
        raise NotAllowed(_("您不能在该地点登记案件。"))


class _NumberTaken(Exception):
    """The drawn case number exists already (50 random bits per day: practically never)."""


def case_create(
    *,
    case_type: CaseType | str,
    title: str,
    content: str,
    actor: User | None = None,
    actor_label: str = "",
    town: Town | None = None,
    village: Village | None = None,
    grid: Grid | None = None,
    category: Category | str | None = None,
    priority: str = Priority.NORMAL,
    channel: str | None = None,
    address: str = "",
    contact_name: str = "",
    contact_phone: str = "",
    details: dict | None = None,
    external_no: str = "",
    latitude=None,
    longitude=None,
    received_at: dt.datetime | None = None,
) -> Case:
    """Register a case (受理). ``actor=None`` means the public form or a system import (``actor_label`` names it).

    Town, village and grid are filled in from each other and from the actor's own place; the
    routing rules suggest a unit (``routed_unit``) and, for types with ``auto_dispatch``, dispatch to it.
    Routing rules and SLA policies come from the per-process cache (``luoshi.cases.config``); the
    insert runs without a savepoint (a number collision rolls the attempt back and draws again).
    """
    params = dict(locals())
    _reject_nul(params)
    for _attempt in range(3):
        try:
            return _case_create(**params)
        except _NumberTaken:
            continue
    raise CaseError(_("编号生成失败，请重试。"))  # pragma: no cover - astronomically unlikely


@transaction.atomic
@rollup.deferred()  # the KPI roll-up cell is updated last, just before the commit
def _case_create(
    *,
    case_type,
    title,
    content,
    actor,
    actor_label,
    town,
    village,
    grid,
    category,
    priority,
    channel,
    address,
    contact_name,
    contact_phone,
    details,
    external_no,
    latitude,
    longitude,
    received_at,
) -> Case:
    ct = _resolve_type(case_type)
    if not ct.is_active:
        raise Invalid(_("该案件类型已停用。"))
    cat = _resolve_category(ct, category)
    town, village, grid = _place(actor, town, village, grid)
    if actor is not None:
        _check_intake_scope(actor, town, village, grid)
    if priority not in Priority.values:
        raise Invalid(_("紧急程度无效。"), {"priority": _("无效")})
    received = received_at or _now()
    case = Case(
        case_type=ct,
        category=cat,
        priority=priority,
        channel=channel or ct.default_channel,
        title=(title or "").strip()[:200],
        content=(content or "").strip(),
        address=address,
        county_id=town.county_id,
        town=town,
        village=village,
        grid=grid,
        reporter=actor,
        contact_name=contact_name,
        contact_phone=contact_phone,
        details=details or {},
        external_no=external_no,
        latitude=latitude,
        longitude=longitude,
        received_at=received,
        status=Status.RECEIVED,
    )
    values = {"title": case.title, "content": case.content}
    _require(case, "create", values)
    case.routed_unit = route_for(town=town, case_type=ct, category=cat, village=village)
    sla.apply(case)
    case.stage = workflow.stage_of(case.status)
    case._history_user = actor
    case.number = new_case_number(timezone.localtime(received))
    try:
        case.save()
    except IntegrityError as exc:
        if "number" in str(exc) or "short_code" in str(exc):  # a drawn code exists already: draw again
            raise _NumberTaken from exc
        raise
    CaseEvent.objects.create(
        case=case,
        kind=EventKind.CREATE,
        at=received,
        actor=actor,
        actor_label=_label(actor, actor_label or _("群众")),
        to_status=case.status,
        note=_("已受理，来源：%(channel)s") % {"channel": Channel(case.channel).label},
        public=True,
        data={"routed_unit": case.routed_unit_id},
    )
    if ct.auto_dispatch and case.routed_unit is not None:
        _dispatch(case, None, case.routed_unit, note=_("按派单规则自动派单"), at=received)
    return case


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
def case_progress(*, case: Case, actor: User, note: str, version: int | None = None) -> Case:
    """办理进展: record contact with the caller or a step taken; the first one is the first response."""
    case = _lock(case, version)
    _authorize(case, actor, "progress")
    _require(case, "progress", {"note": note})
    if case.first_response_at is None:
        case.first_response_at = _now()
    _commit(case, actor, EventKind.PROGRESS, from_status=case.status, note=note)
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
        data={"outcome": outcome, "on_time": case.resolved_on_time},
    )
    return case


@transaction.atomic
def case_self_handle(*, case: Case, actor: User, reply: str, version: int | None = None) -> Case:
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
        data={"outcome": Outcome.RESOLVED, "direct": True},
    )
    return case


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
def case_close(*, case: Case, actor: User, note: str = "", version: int | None = None) -> Case:
    """归档 / 销号: close a resolved case (without a call-back when the caller cannot be reached)."""
    case = _lock(case, version)
    _authorize(case, actor, "close")
    _require(case, "close", {"note": note})
    previous = case.status
    case.status = Status.CLOSED
    case.closed_at = _now()
    _commit(case, actor, EventKind.CLOSE, from_status=previous, note=note, public=True)
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
def case_suspend(*, case: Case, actor: User, reason: str, version: int | None = None) -> Case:
    """挂起: stop the clock (e.g. waiting for a court ruling or the caller's material), with a reason."""
    case = _lock(case, version)
    _authorize(case, actor, "suspend")
    _require(case, "suspend", {"reason": reason})
    previous = case.status
    case.status_before_suspend = previous
    case.status = Status.SUSPENDED
    case.suspended_at = _now()
    _commit(case, actor, EventKind.SUSPEND, from_status=previous, note=reason, public=True)
    return case


@transaction.atomic
def case_resume(*, case: Case, actor: User, note: str = "", version: int | None = None) -> Case:
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


__all__ = [
    "CaseError",
    "NotAllowed",
    "Invalid",
    "Conflict",
    "case_create",
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
]
