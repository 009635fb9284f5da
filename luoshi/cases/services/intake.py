"""Intake (受理): registering a case, with its place, routing and clocks."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable

from django.core.files.uploadedfile import SimpleUploadedFile
from django.db import IntegrityError, transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from luoshi.cases import rollup, sla, workflow
from luoshi.cases.models import (
    AttachmentKind,
    Case,
    CaseCosigner,
    CaseEvent,
    CaseType,
    Category,
    Channel,
    EventKind,
    Priority,
    Status,
    new_case_number,
)
from luoshi.cases.routing import route_for
from luoshi.cases.services.core import (
    CaseError,
    Invalid,
    NotAllowed,
    _label,
    _now,
    _reject_nul,
    _require,
)
from luoshi.cases.services.handling import _dispatch, attachment_add
from luoshi.org.models import Grid, RoleAssignment, Town, User, Village
from luoshi.org.roles import Role
from luoshi.org.scoping import ANONYMOUS, scope_of

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


def _check_intake_scope(
    actor: User, town: Town, village: Village | None, grid: Grid | None, case_type: CaseType
) -> None:
    scope = scope_of(actor)
    if scope.is_admin:
        return
    if case_type.filed_by_deputies and town.pk in scope.deputy_town_ids:
        return  # a deputy files a suggestion (代表建议) for the town they were elected in
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
        _check_intake_scope(actor, town, village, grid, ct)
    if priority not in Priority.values:
        raise Invalid(_("紧急程度无效。"), {"priority": _("无效")})
    received = received_at or _now()
    if not channel and actor is not None and ct.default_channel in (Channel.ONLINE, Channel.OPEN311):
        channel = Channel.OTHER  # staff typed it in: never counted as a resident's own online filing
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
# deputies' suggestions (人大代表建议, DOMAIN §5)


def _check_cosigners(actor: User, town: Town, cosigners: list[User]) -> None:
    """附议: only other deputies of the same town; a wrong one is named in a field error."""
    ids = {u.pk for u in cosigners}
    deputies = set(
        RoleAssignment.objects.filter(role=Role.DEPUTY, town=town, user_id__in=ids).values_list(
            "user_id", flat=True
        )
    )
    wrong = [u for u in cosigners if u.pk not in deputies or u.pk == actor.pk]
    if wrong:
        message = _("附议代表须为本镇的其他人大代表：%(names)s") % {"names": "、".join(str(u) for u in wrong)}
        raise Invalid(message, {"cosigners": message})


@transaction.atomic
def suggestion_file(
    *,
    actor: User,
    title: str,
    content: str,
    category: Category | str | None = None,
    town: Town | None = None,
    cosigners: Iterable[User] = (),
    case_type: CaseType | str = "suggestion",
    received_at: dt.datetime | None = None,
) -> Case:
    """提出代表建议: a deputy files a suggestion for their town, optionally co-signed (附议) by other
    deputies of that town. The filer is the case's reporter (and the one who rates the reply);
    co-signers are ``CaseCosigner`` rows and follow it. The lifecycle is the engine's (交办 = 派单)."""
    ct = _resolve_type(case_type)
    if not ct.filed_by_deputies:
        raise Invalid(_("该案件类型不是代表建议。"), {"case_type": _("无效")})
    scope = scope_of(actor)
    if town is None and len(scope.deputy_town_ids) == 1:
        town = Town.objects.get(pk=next(iter(scope.deputy_town_ids)))
    if town is None or town.pk not in scope.deputy_town_ids:
        raise NotAllowed(_("只有本镇的人大代表可以提出代表建议。"))
    cosigners = list({u.pk: u for u in cosigners}.values())
    _check_cosigners(actor, town, cosigners)
    case = case_create(
        case_type=ct,
        title=title,
        content=content,
        actor=actor,
        town=town,
        category=category,
        channel=Channel.DEPUTY,
        contact_name=(actor.full_name or actor.username)[:50],
        received_at=received_at,
    )
    if not cosigners:
        return case
    for deputy in cosigners:
        row = CaseCosigner(case=case, deputy=deputy, added_at=case.received_at)
        row._history_user = actor
        row.save()
    CaseEvent.objects.create(
        case=case,
        kind=EventKind.COSIGN,
        at=case.received_at,
        actor=actor,
        actor_label=_label(actor),
        from_status=case.status,
        to_status=case.status,
        note="、".join(str(u) for u in cosigners),
        data={"cosigners": [{"id": u.pk, "name": str(u)} for u in cosigners]},
        public=True,
    )
    return case


# The key under which a public report records the published case the resident said it repeats
# (the similar-reports prompt's 这是同一个问题): staff see it among the case's details when merging.
SAME_AS_KEY = "居民指认的同一问题"


@transaction.atomic
def public_case_create(
    *,
    town,
    title: str,
    content: str,
    contact_name: str,
    contact_phone: str,
    village=None,
    category=None,
    address: str = "",
    latitude=None,
    longitude=None,
    photo: bytes | None = None,
    same_as: str = "",
    **_ignored,
) -> Case:
    """A resident's report from the public form: the case, and its photo (already re-encoded without
    metadata by ``luoshi.lib.images.clean_photo``) as 整改前照片, in one transaction."""
    details = {}
    if same_as and Case.objects.filter(number=same_as, town=town, case_type__public=True).exists():
        details[SAME_AS_KEY] = same_as
    case = case_create(
        case_type="public",
        actor=None,
        actor_label=_("群众（网上提交）"),
        channel="online",
        town=town,
        village=village,
        category=category,
        title=title,
        content=content,
        address=address,
        contact_name=contact_name,
        contact_phone=contact_phone,
        latitude=latitude,
        longitude=longitude,
        details=details or None,
    )
    if photo:
        upload = SimpleUploadedFile(_("现场照片") + ".jpg", photo, content_type="image/jpeg")
        attachment_add(case=case, actor=None, file=upload, kind=AttachmentKind.BEFORE)
    return case
