"""Every write of the ledgers: items, inspections (and the cases they open), 销号, points.

Each function is keyword-only, atomic, validates and names the field it refuses, and leaves its
audit trail through django-simple-history (``_history_user``).
"""

from __future__ import annotations

import datetime as dt
from decimal import Decimal, InvalidOperation

from django.db import IntegrityError, transaction
from django.db.models import Sum
from django.utils import timezone
from django.utils.translation import gettext as _

from luoshi.cases import workflow
from luoshi.cases.models import AttachmentKind, Case, Status
from luoshi.cases.services import attachment_add, case_create, case_resolve, case_verify
from luoshi.cases.services.core import CaseError
from luoshi.ledgers import periods, rollup
from luoshi.ledgers.models import (
    EventState,
    Inspection,
    Item,
    Kind,
    Mark,
    Photo,
    PointEvent,
    PointRule,
    Problem,
    Redemption,
    RegisterType,
    RuleBook,
    ScoreSheet,
)
from luoshi.org.models import Grid, Town, User, Village
from luoshi.org.roles import Role
from luoshi.org.scoping import is_visible, scope_of

PHOTO_TYPES = {"image/jpeg": b"\xff\xd8\xff", "image/png": b"\x89PNG", "image/webp": b"RIFF"}
MAX_PHOTO_BYTES = 10 * 1024 * 1024


class LedgerError(Exception):
    """A refused write; ``message`` is fit to show, ``fields`` names what was wrong."""

    def __init__(self, message: str, fields: dict | None = None):
        super().__init__(message)
        self.message = message
        self.fields = fields or {}


def _staff(actor: User) -> None:
    if not scope_of(actor).is_staff_member:
        raise LedgerError(_("您无权操作台账。"))


def _check_photo(file, field: str = "photos") -> None:
    content_type = (getattr(file, "content_type", "") or "").split(";")[0].strip()
    if content_type not in PHOTO_TYPES:
        raise LedgerError(_("照片只能是 JPG、PNG 或 WebP 图片。"), {field: _("类型不支持")})
    if (getattr(file, "size", 0) or 0) > MAX_PHOTO_BYTES:
        raise LedgerError(_("照片过大（上限 10 MB）。"), {field: _("文件过大")})
    file.seek(0)
    head = file.read(4)
    file.seek(0)
    if not head.startswith(PHOTO_TYPES[content_type]):
        raise LedgerError(_("照片内容与类型不符。"), {field: _("类型不符")})


def _decimal(value, field: str, label: str) -> Decimal | None:
    if value in (None, ""):
        return None
    try:
        d = Decimal(str(value))
    except InvalidOperation as exc:
        raise LedgerError(_("%(f)s不是数字。") % {"f": label}, {field: _("不是数字")}) from exc
    if not d.is_finite() or abs(d) > 180:
        raise LedgerError(_("%(f)s超出范围。") % {"f": label}, {field: _("超出范围")})
    return d.quantize(Decimal("0.000001"))


# --- items -----------------------------------------------------------------------------------------


def clean_attributes(register_type: RegisterType, values: dict) -> dict:
    """The item's attributes as the type declares them: numbers as numbers, choices from the list."""
    out = {}
    for spec in register_type.attributes or []:
        value = attribute_value(spec, values.get(spec["key"]))
        if value is not None:
            out[spec["key"]] = value
    return out


def attribute_value(spec: dict, raw):
    """One declared attribute's value (None when empty and optional); a LedgerError names it."""
    key, label = spec["key"], spec["label"]
    raw = "" if raw is None else str(raw).strip()
    if not raw:
        if spec.get("required"):
            raise LedgerError(_("请填写“%(l)s”。") % {"l": label}, {f"attr_{key}": _("此项为必填项。")})
        return None
    kind = spec.get("type", "text")
    if kind == "number":
        try:
            number = float(raw)
        except ValueError as exc:
            raise LedgerError(_("“%(l)s”应为数字。") % {"l": label}, {f"attr_{key}": _("不是数字")}) from exc
        if number != number or abs(number) > 1e12:
            raise LedgerError(_("“%(l)s”超出范围。") % {"l": label}, {f"attr_{key}": _("超出范围")})
        return number
    if kind == "choice":
        if raw not in spec.get("choices", []):
            raise LedgerError(
                _("“%(l)s”只能是：%(c)s") % {"l": label, "c": "、".join(spec.get("choices", []))},
                {f"attr_{key}": _("无效选项")},
            )
        return raw
    return raw[:200]


def _place(actor: User, town: Town | None, village: Village | None, grid: Grid | None) -> tuple:
    if grid is not None:
        if village is not None and grid.village_id != village.pk:
            raise LedgerError(_("网格不属于所选村(社区)。"), {"grid": _("网格不属于所选村(社区)。")})
        village = grid.village
    if village is not None:
        if town is not None and village.town_id != town.pk:
            raise LedgerError(_("村(社区)不属于所选乡镇。"), {"village": _("村(社区)不属于所选乡镇。")})
        town = village.town
    if town is None:
        raise LedgerError(_("请选择乡镇。"), {"town": _("此项为必填项。")})
    scope = scope_of(actor)
    ok = scope.is_admin or (
        scope.is_staff_member
        and (
            town.pk in scope.town_ids
            or town.county_id in scope.county_ids
            or (village is not None and village.pk in scope.village_ids)
        )
    )
    if not ok:
        raise LedgerError(_("您不能在该地点登记台账。"))
    return town, village, grid


@transaction.atomic
def item_save(
    *,
    actor: User,
    register_type: RegisterType,
    number: str,
    item: Item | None = None,
    name: str = "",
    town: Town | None = None,
    village: Village | None = None,
    grid: Grid | None = None,
    latitude=None,
    longitude=None,
    polygon=None,
    owner: str = "",
    maintainer: str = "",
    attributes: dict | None = None,
) -> Item:
    """Register an item or change one: town staff anywhere in their town, village cadres in their village."""
    number = (number or "").strip()
    if not number:
        raise LedgerError(_("请填写编号。"), {"number": _("此项为必填项。")})
    if "\x00" in number + name + owner + maintainer:
        raise LedgerError(_("输入含有无法保存的空字符（NUL）。"))
    town, village, grid = _place(actor, town, village, grid)
    if item is not None and (item.register_type_id != register_type.pk or not is_visible(item, actor)):
        raise LedgerError(_("您无权修改该对象。"))
    clash = Item.objects.filter(register_type=register_type, town=town, number=number)
    if item is not None:
        clash = clash.exclude(pk=item.pk)
    if clash.exists():
        raise LedgerError(_("编号“%(n)s”已登记。") % {"n": number}, {"number": _("编号重复")})
    if polygon is not None and not _is_ring(polygon):
        raise LedgerError(_("范围应为经纬度点的列表（至少三个点）。"), {"polygon": _("格式无效")})
    item = item or Item(register_type=register_type)
    item.town, item.village, item.grid = town, village, grid
    item.number, item.name = number[:40], (name or "").strip()[:100]
    item.latitude = _decimal(latitude, "latitude", _("纬度"))
    item.longitude = _decimal(longitude, "longitude", _("经度"))
    item.polygon = polygon
    item.owner, item.maintainer = (owner or "").strip()[:100], (maintainer or "").strip()[:100]
    item.attributes = clean_attributes(register_type, attributes or {})
    item._history_user = actor
    item.save()
    return item


def _is_ring(polygon) -> bool:
    return (
        isinstance(polygon, list)
        and len(polygon) >= 3
        and all(
            isinstance(p, list | tuple) and len(p) == 2 and all(isinstance(c, int | float) for c in p)
            for p in polygon
        )
    )


# --- inspections ----------------------------------------------------------------------------------


def can_inspect(actor: User, item: Item) -> bool:
    """Any staff member who can see the item (deputies cannot: they watch, they do not inspect)."""
    return scope_of(actor).is_staff_member and is_visible(item, actor)


@transaction.atomic
def inspection_submit(
    *,
    actor: User,
    item: Item,
    sheet: ScoreSheet,
    failed: set[int] | list[int],
    photos: list | tuple = (),
    note: str = "",
    latitude=None,
    longitude=None,
    client_token=None,
    at: dt.datetime | None = None,
) -> Inspection:
    """Score ``item`` on ``sheet``: every criterion passes except those in ``failed`` (criterion ids).

    Failed fault criteria (``is_fault``) each open a case of the register's case type, linked to the
    item and carrying the photos as before-photos. A retried submission (same ``client_token``, e.g.
    a phone that lost its connection after sending) returns the first inspection instead of a second.
    """
    if client_token:
        existing = Inspection.objects.filter(client_token=client_token).first()
        if existing is not None:
            if existing.inspector_id != actor.pk:
                raise LedgerError(_("提交标识无效。"), {"client_token": _("无效")})
            return existing
    _staff(actor)
    if not is_visible(item, actor) or not can_inspect(actor, item):
        raise LedgerError(_("您无权检查该对象。"))
    if sheet.register_type_id != item.register_type_id or not sheet.is_current:
        raise LedgerError(_("该评分表不适用于该对象。"), {"sheet": _("无效")})
    if "\x00" in (note or ""):
        raise LedgerError(_("输入含有无法保存的空字符（NUL）。"), {"note": _("不能包含空字符（NUL）。")})
    criteria = list(sheet.criteria.all())
    failed = {int(f) for f in failed}
    unknown = failed - {c.pk for c in criteria}
    if unknown:
        raise LedgerError(_("评分项不属于该评分表。"), {"failed": _("无效")})
    for p in photos:
        _check_photo(p)
    missing = [c.text for c in criteria if c.pk in failed and c.evidence_required]
    if missing and not photos:
        raise LedgerError(
            _("以下不合格项须拍照：%(items)s") % {"items": "、".join(missing)},
            {"photos": _("此项为必填项。")},
        )
    at = at or timezone.now()
    period = periods.key(sheet.period, timezone.localtime(at).date())
    once = bool(sheet.once_per_period and period)
    if (
        once
        and Inspection.objects.filter(item=item, sheet_code=sheet.code, period=period, once=True).exists()
    ):
        raise LedgerError(
            _("%(item)s 在 %(period)s 已检查过，每期只能检查一次。")
            % {"item": item.number, "period": period},
            {"item": _("本期已检查")},
        )
    max_score = sum((c.points for c in criteria), Decimal(0))
    score = sum((c.points for c in criteria if c.pk not in failed), Decimal(0))
    percent = (score * 100 / max_score).quantize(Decimal("0.1")) if max_score else Decimal(0)
    inspection = Inspection(
        item=item,
        sheet=sheet,
        sheet_code=sheet.code,
        period=period,
        once=once,
        town_id=item.town_id,
        village_id=item.village_id,
        grid_id=item.grid_id,
        contractor=item.maintainer,
        inspector=actor,
        inspected_at=at,
        score=score,
        max_score=max_score,
        percent=percent,
        passed=percent >= sheet.pass_mark,
        note=(note or "")[:500],
        latitude=_decimal(latitude, "latitude", _("纬度")),
        longitude=_decimal(longitude, "longitude", _("经度")),
    )
    if client_token:
        inspection.client_token = client_token
    inspection._history_user = actor
    try:
        with transaction.atomic():
            inspection.save()
    except IntegrityError as exc:
        # the same draft sent twice at once (a phone retrying as it comes back online): the other
        # request committed it while this one waited on the unique index
        same = Inspection.objects.filter(client_token=inspection.client_token, inspector=actor).first()
        if client_token and same is not None:
            return same
        raise LedgerError(_("该对象本期已检查。"), {"item": _("本期已检查")}) from exc
    marks = [
        Mark(
            inspection=inspection,
            criterion=c,
            ok=c.pk not in failed,
            points=0 if c.pk in failed else c.points,
        )
        for c in criteria
    ]
    Mark.objects.bulk_create(marks)
    rollup.add(inspection)
    for p in photos:
        photo = Photo(inspection=inspection, latitude=inspection.latitude, longitude=inspection.longitude)
        photo.file.save(
            f"photo.{p.name.rsplit('.', 1)[-1].lower() if '.' in p.name else 'jpg'}", p, save=False
        )
        photo._history_user = actor
        photo.save()
    for c in criteria:
        if c.pk in failed and c.is_fault:
            _open_problem(actor, inspection, c, photos)
    return inspection


def _open_problem(actor: User, inspection: Inspection, criterion, photos) -> Problem:
    item = inspection.item
    ct = item.register_type.case_type
    if ct is None:
        raise LedgerError(_("该台账类型未设置问题转案件类型。"))
    try:
        case = case_create(
            case_type=ct,
            title=f"{item.number} {criterion.text}"[:200],
            content=_("%(type)s %(number)s %(name)s：%(criterion)s不合格。%(note)s")
            % {
                "type": item.register_type.name,
                "number": item.number,
                "name": item.name,
                "criterion": criterion.text,
                "note": inspection.note,
            },
            actor=actor,
            town=item.town,
            village=item.village,
            grid=item.grid,
            address=item.name[:200],
            latitude=item.latitude,
            longitude=item.longitude,
            details={"ledger_item": item.number},
            received_at=inspection.inspected_at,
        )
        for p in photos:
            p.seek(0)
            attachment_add(case=case, actor=actor, file=p, kind=AttachmentKind.BEFORE)
    except CaseError as exc:
        raise LedgerError(str(exc)) from exc
    problem = Problem(item=item, inspection=inspection, criterion=criterion, case=case)
    problem._history_user = actor
    problem.save()
    return problem


@transaction.atomic
def problem_close(*, actor: User, problem: Problem, photo, reply: str) -> Case:
    """整改销号: the repair is shown by an after-photo; the handler resolves the case and, when the actor
    may also check it (the inspector who found it, or the town office), it is checked and closed."""
    if photo is None:
        raise LedgerError(_("销号须上传整改后照片。"), {"photo": _("此项为必填项。")})
    if not (reply or "").strip():
        raise LedgerError(_("请填写整改情况。"), {"reply": _("此项为必填项。")})
    _check_photo(photo, "photo")
    case = problem.case
    try:
        scope = scope_of(actor)
        kinds = workflow.actor_kinds(case, scope)
        if case.status == Status.IN_PROGRESS:
            if workflow.Actor.HANDLER not in kinds:
                raise LedgerError(_("只有承办站所可以整改销号。"))
            attachment_add(case=case, actor=actor, file=photo, kind=AttachmentKind.AFTER)
            case = case_resolve(case=case, actor=actor, reply=reply.strip())
        elif case.status != Status.RESOLVED:
            raise LedgerError(
                _("该问题当前状态为“%(s)s”，不能销号。")
                % {"s": workflow.internal_label(case.case_type, case.status)}
            )
        if case.status == Status.RESOLVED and kinds & {workflow.Actor.VERIFIER, workflow.Actor.DISPATCHER}:
            case = case_verify(case=case, actor=actor, passed=True, note=reply.strip())
    except CaseError as exc:
        raise LedgerError(str(exc)) from exc
    return case


# --- household points -----------------------------------------------------------------------------


def _village_cadre(actor: User, village: Village) -> None:
    scope = scope_of(actor)
    if not (scope.is_admin or village.pk in scope.village_ids or village.town_id in scope.town_ids):
        raise LedgerError(_("只有本村(社区)干部或本镇工作人员可以操作积分。"))


@transaction.atomic
def rulebook_record(
    *,
    actor: User,
    village: Village,
    title: str,
    assembly: str,
    assembly_date: dt.date,
    attendance: int,
    votes_for: int,
    rules: list[tuple[str, int]],
) -> RuleBook:
    """Record the scoring rules a village assembly approved (more than half of those present voted for)."""
    _village_cadre(actor, village)
    if not rules:
        raise LedgerError(_("请至少列出一条积分事项。"), {"rules": _("此项为必填项。")})
    if attendance <= 0 or votes_for < 0 or votes_for > attendance:
        raise LedgerError(_("赞成票不能多于到会人数。"), {"votes_for": _("无效")})
    if votes_for * 2 <= attendance:
        raise LedgerError(_("赞成票未过到会人数半数，细则未获通过。"), {"votes_for": _("未过半数")})
    RuleBook.objects.filter(village=village, is_current=True).update(is_current=False)
    book = RuleBook(
        town=village.town,
        village=village,
        title=title[:100],
        assembly=assembly[:100],
        assembly_date=assembly_date,
        attendance=attendance,
        votes_for=votes_for,
        recorded_by=actor,
    )
    book._history_user = actor
    book.save()
    for i, (text, points) in enumerate(rules, start=1):
        rule = PointRule(book=book, order=i, text=text[:100], points=int(points))
        rule._history_user = actor
        rule.save()
    return book


@transaction.atomic
def point_event_record(
    *, actor: User, household: Item, rule: PointRule, happened_on: dt.date, evidence: str, evidence_file=None
) -> PointEvent:
    """记分: a cadre records points for a household under the village's current rules, with evidence."""
    if household.register_type.kind != Kind.HOUSEHOLD or household.village is None:
        raise LedgerError(_("只能为农户记分。"), {"household": _("无效")})
    _village_cadre(actor, household.village)
    if not is_visible(household, actor):
        raise LedgerError(_("您无权为该农户记分。"), {"household": _("无效")})
    if rule.book.village_id != household.village_id or not rule.book.is_current:
        raise LedgerError(_("积分事项不属于本村现行细则。"), {"rule": _("无效")})
    if not (evidence or "").strip():
        raise LedgerError(_("请填写佐证说明。"), {"evidence": _("此项为必填项。")})
    if evidence_file is not None:
        _check_photo(evidence_file, "evidence_file")
    event = PointEvent(
        household=household,
        town_id=household.town_id,
        village_id=household.village_id,
        rule=rule,
        points=rule.points,
        happened_on=happened_on,
        evidence=evidence.strip()[:300],
        recorded_by=actor,
    )
    if evidence_file is not None:
        event.evidence_file.save("evidence.jpg", evidence_file, save=False)
    event._history_user = actor
    event.save()
    return event


@transaction.atomic
def point_event_decide(*, actor: User, event: PointEvent, approve: bool) -> PointEvent:
    """审核: someone other than the recorder approves (or rejects) a pending event."""
    event = PointEvent.objects.select_for_update().get(pk=event.pk)
    _village_cadre(actor, event.village)
    if event.recorded_by_id == actor.pk:
        raise LedgerError(_("登记人不能审核自己登记的积分。"))
    if event.state != EventState.PENDING:
        raise LedgerError(_("该积分记录已审核。"))
    event.state = EventState.APPROVED if approve else EventState.REJECTED
    event.decided_by, event.decided_at = actor, timezone.now()
    event._history_user = actor
    event.save()
    return event


def balance(household: Item) -> int:
    earned = PointEvent.objects.filter(household=household, state=EventState.APPROVED).aggregate(
        s=Sum("points")
    )
    spent = Redemption.objects.filter(household=household).aggregate(s=Sum("points"))
    return (earned["s"] or 0) - (spent["s"] or 0)


@transaction.atomic
def redemption_record(*, actor: User, household: Item, points: int, goods: str) -> Redemption:
    """兑换: spend approved points at the 爱心超市; never more than the household's balance."""
    household = Item.objects.select_for_update().get(pk=household.pk)
    if household.register_type.kind != Kind.HOUSEHOLD or household.village is None:
        raise LedgerError(_("只能为农户兑换。"), {"household": _("无效")})
    _village_cadre(actor, household.village)
    if not is_visible(household, actor):
        raise LedgerError(_("您无权为该农户兑换。"), {"household": _("无效")})
    if not isinstance(points, int) or points <= 0:
        raise LedgerError(_("兑换积分须为正整数。"), {"points": _("无效")})
    if not (goods or "").strip():
        raise LedgerError(_("请填写兑换物品。"), {"goods": _("此项为必填项。")})
    available = balance(household)
    if points > available:
        raise LedgerError(
            _("积分不足：可用 %(a)s 分，兑换 %(p)s 分。") % {"a": available, "p": points},
            {"points": _("积分不足")},
        )
    r = Redemption(
        household=household,
        town_id=household.town_id,
        village_id=household.village_id,
        points=points,
        goods=goods.strip()[:100],
        recorded_by=actor,
    )
    r._history_user = actor
    r.save()
    return r


@transaction.atomic
def sheet_publish(*, actor: User, sheet: ScoreSheet, criteria: list[dict], name: str = "") -> ScoreSheet:
    """A new version of a score sheet; the old version stays as the inspections that used it saw it."""
    if not scope_of(actor).is_admin and not scope_of(actor).has(Role.COUNTY):
        raise LedgerError(_("只有县级人员或管理员可以发布评分表。"))
    if not criteria:
        raise LedgerError(_("评分表至少需要一项。"), {"criteria": _("此项为必填项。")})
    latest = ScoreSheet.objects.filter(code=sheet.code).order_by("-version").first()
    ScoreSheet.objects.filter(code=sheet.code).update(is_current=False)
    new = ScoreSheet(
        register_type=sheet.register_type,
        code=sheet.code,
        version=latest.version + 1,
        name=name or sheet.name,
        period=sheet.period,
        once_per_period=sheet.once_per_period,
        pass_mark=sheet.pass_mark,
    )
    new._history_user = actor
    new.save()
    for i, c in enumerate(criteria, start=1):
        new.criteria.create(order=i, **c)
    return new
