"""Every write of the assistance ledgers: ``household_flag``, ``household_transition``,
``member_add``, ``measure_add``, ``visit_record``, ``income_record``, ``income_correct``,
``payment_record``, ``payment_correct``, ``income_line_set``, ``field_reveal``, the export logs,
``national_enter`` (全国系统录入) and ``identify_sweep`` (the 15-day limit). Keyword-only, atomic, authorised
through ``workflow.actor_kinds`` (the household's village, grid, town or county)."""

from __future__ import annotations

import datetime as dt
import re
import secrets
from decimal import Decimal, InvalidOperation

from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from luoshi.assistance import crypto, selectors, workflow
from luoshi.assistance.models import (
    IDENTIFY_DAYS,
    SECURE_FIELDS,
    Category,
    Channel,
    ExportLog,
    FullView,
    Household,
    IncomeLine,
    IncomeRecord,
    Labour,
    Measure,
    MeasureKind,
    Member,
    NationalEntry,
    Payment,
    Programme,
    Relation,
    RiskType,
    Status,
    Step,
    Visit,
    effective_incomes,
)
from luoshi.org.models import Grid, User, Village
from luoshi.org.roles import Role
from luoshi.org.scoping import scope_of

Actor = workflow.Actor


class AssistanceError(Exception):
    def __init__(self, message: str, field: str | None = None):
        super().__init__(message)
        self.message = message
        self.field = field


def _require(ok: bool, message: str, field: str | None = None) -> None:
    if not ok:
        raise AssistanceError(message, field)


def _kinds(household: Household, actor: User) -> set[str]:
    return workflow.actor_kinds(household, scope_of(actor))


def _may_work_on(household: Household, actor: User) -> None:
    _require(
        bool(_kinds(household, actor) & {Actor.VILLAGE, Actor.GRID, Actor.TOWN}),
        _("您无权处理该户。"),
    )


def _id_number(value: str, field: str) -> str:
    v = "".join((value or "").split()).upper()
    _require(not v or bool(re.fullmatch(r"\d{17}[\dX]", v)), _("身份证号格式不正确（18位）。"), field)
    return v


def _step(household: Household, name: str, before: str, actor: User | None, note: str = "") -> None:
    Step.objects.create(
        household=household,
        transition=name,
        from_status=before,
        to_status=household.status,
        by=actor,
        at=timezone.now(),
        note=note,
    )


def _national_open(h: Household, kind: str, reason: str) -> None:
    """Open a 待录入 row for the national system unless one of that kind is open. A change is worth
    re-entering only once the household is in the national system (an entry was made) and while no
    inclusion is still waiting (that one will carry the change)."""
    open_kinds = set(
        h.national_entries.filter(state=NationalEntry.State.PENDING).values_list("kind", flat=True)
    )
    if kind == NationalEntry.Kind.UPDATE and (
        open_kinds or not h.national_entries.filter(state=NationalEntry.State.ENTERED).exists()
    ):
        return
    if kind in open_kinds:
        return
    NationalEntry.objects.create(
        household=h, town_id=h.town_id, kind=kind, reason=str(reason)[:200], opened_at=timezone.now()
    )


NATIONAL_ON = {
    "county_approve": (NationalEntry.Kind.INCLUDE, _("县级审批纳入监测")),
    "elim_approve": (NationalEntry.Kind.ELIMINATE, _("县级审批风险消除")),
}


def _next_number(village: Village) -> str:
    n = Household.objects.filter(village=village).count() + 1
    while True:
        number = f"{village.code}{n:04d}"
        if not Household.objects.filter(number=number).exists():
            return number
        n += 1


@transaction.atomic
def household_flag(
    *,
    actor: User,
    village: Village,
    head_name: str,
    category: str,
    channel: str,
    risk_type: str,
    grid: Grid | None = None,
    head_id_number: str = "",
    phone: str = "",
    risk_note: str = "",
    note: str = "",
    at: dt.datetime | None = None,
) -> Household:
    """识别: a household at risk enters the workflow (flagged), with the ~15-day identification limit."""
    scope = scope_of(actor)
    _require(bool(head_name.strip()), _("请填写户主姓名。"), "head_name")
    _require(category in Category.values, _("请选择监测对象类型。"), "category")
    _require(channel in Channel.values, _("请选择识别渠道。"), "channel")
    _require(risk_type in RiskType.values, _("请选择风险类型。"), "risk_type")
    _require(grid is None or grid.village_id == village.pk, _("网格不属于该村(社区)。"), "grid")
    if scope.grid_ids and not (village.pk in scope.village_ids or village.town_id in scope.town_ids):
        _require(grid is not None and grid.pk in scope.grid_ids, _("只能在本网格内发现上报。"), "grid")
    _require(
        village.pk in scope.village_ids
        or village.town_id in scope.town_ids
        or (grid is not None and grid.pk in scope.grid_ids),
        _("您无权在该村(社区)识别监测户。"),
        "village",
    )
    id_number = _id_number(head_id_number, "head_id_number")
    at = at or timezone.now()
    h = Household(
        town_id=village.town_id,
        village=village,
        grid=grid,
        number=_next_number(village),
        head_name=head_name.strip()[:30],
        head_id_number=id_number,
        head_id_hash=crypto.lookup_hash(id_number),
        phone=(phone or "").strip()[:20],
        category=category,
        channel=channel,
        risk_type=risk_type,
        risk_note=risk_note.strip(),
        flagged_at=at,
        identify_due=timezone.localtime(at).date() + dt.timedelta(days=IDENTIFY_DAYS),
        flagged_by=actor,
    )
    h._history_user = actor
    h.save()
    if id_number:
        Member.objects.create(
            household=h,
            name=h.head_name,
            relation=Relation.HEAD,
            id_number=id_number,
            id_hash=h.head_id_hash,
            birth_year=int(id_number[6:10]) if len(id_number) == 18 else None,
        )
    Step.objects.create(household=h, transition="flag", to_status=h.status, by=actor, at=at, note=note)
    return h


@transaction.atomic
def household_transition(*, name: str, household: Household, actor: User, note: str = "") -> Household:
    t = workflow.TRANSITIONS.get(name)
    _require(t is not None, _("未知的操作。"))
    h = Household.objects.select_for_update().get(pk=household.pk)
    _require(h.status in t.sources, _("当前状态下不能执行“%(t)s”。") % {"t": t.label})
    _require(bool(_kinds(h, actor) & set(t.actors)), _("您无权执行“%(t)s”。") % {"t": t.label})
    _require(not t.note_label or bool(note.strip()), _("请填写%(f)s。") % {"f": t.note_label}, "note")
    today = timezone.localdate()
    if t.check_elimination:
        unmet = [c.label for c in selectors.elimination_check(h, today) if not c.met]
        _require(not unmet, _("尚不符合风险消除条件：%(c)s") % {"c": "；".join(str(u) for u in unmet)})
    before = h.status
    h.status = t.target
    if t.target == Status.MONITORED:
        h.approved_on = today
    if t.target == Status.ELIMINATED:
        h.eliminated_on = today
    if name == "reflag":
        now = timezone.now()
        h.flagged_at, h.identify_due = now, today + dt.timedelta(days=IDENTIFY_DAYS)
        h.approved_on = h.eliminated_on = h.overdue_noted_at = None
        h.times_flagged += 1
    h._history_user = actor
    h.save()
    _step(h, name, before, actor, note.strip())
    if name in NATIONAL_ON:
        kind, reason = NATIONAL_ON[name]
        _national_open(h, kind, reason)
    return h


@transaction.atomic
def member_add(
    *,
    actor: User,
    household: Household,
    name: str,
    relation: str,
    id_number: str = "",
    birth_year: int | None = None,
    labour: str = Labour.FULL,
    is_student: bool = False,
    health: str = "",
    disability: str = "",
) -> Member:
    _may_work_on(household, actor)
    _require(bool(name.strip()), _("请填写姓名。"), "name")
    _require(relation in Relation.values, _("请选择与户主关系。"), "relation")
    _require(labour in Labour.values, _("请选择劳动能力。"), "labour")
    v = _id_number(id_number, "id_number")
    _require(
        birth_year is None or 1900 <= birth_year <= timezone.localdate().year,
        _("出生年份不正确。"),
        "birth_year",
    )
    m = Member(
        household=household,
        name=name.strip()[:30],
        relation=relation,
        id_number=v,
        id_hash=crypto.lookup_hash(v),
        birth_year=birth_year or (int(v[6:10]) if len(v) == 18 else None),
        labour=labour,
        is_student=is_student,
        health=health.strip(),
        disability=disability.strip(),
    )
    m._history_user = actor
    m.save()
    _national_open(household, NationalEntry.Kind.UPDATE, _("新增家庭成员"))
    return m


@transaction.atomic
def measure_add(
    *, actor: User, household: Household, kind: str, description: str, cadre: User, started_on: dt.date
) -> Measure:
    """帮扶措施 with its 帮扶责任人; the first one moves a new monitored household to 帮扶中."""
    h = Household.objects.select_for_update().get(pk=household.pk)
    _require(
        bool(_kinds(h, actor) & {Actor.VILLAGE, Actor.TOWN}), _("只有本村干部或镇党政办可以落实帮扶措施。")
    )
    _require(h.status in (*workflow.MONITORED,), _("只有已纳入监测的户才能落实帮扶措施。"))
    _require(kind in MeasureKind.values, _("请选择措施类型。"), "kind")
    _require(bool(description.strip()), _("请填写措施内容。"), "description")
    _require(
        cadre.roles.filter(town_id=h.town_id).exists()
        or cadre.roles.filter(village__town_id=h.town_id).exists()
        or cadre.roles.filter(grid__village__town_id=h.town_id).exists()
        or cadre.roles.filter(unit__town_id=h.town_id).exists(),
        _("帮扶责任人须为本镇干部。"),
        "cadre",
    )
    m = Measure(
        household=h,
        kind=kind,
        description=description.strip()[:300],
        cadre=cadre,
        started_on=started_on,
        created_by=actor,
    )
    m._history_user = actor
    m.save()
    h.cadre = cadre
    before = h.status
    if h.status == Status.MONITORED:
        h.status = Status.ASSISTING
    h._history_user = actor
    h.save()
    if before != h.status:
        _step(h, "start_assistance", before, actor, m.description)
    _national_open(h, NationalEntry.Kind.UPDATE, _("新增帮扶措施"))
    return m


@transaction.atomic
def visit_record(
    *, actor: User, household: Household, visited_on: dt.date, note: str, **found: bool
) -> Visit:
    """走访: what the visit found about 三保障, water and rigid expenses becomes the household's state."""
    _may_work_on(household, actor)
    _require(bool(note.strip()), _("请填写走访情况。"), "note")
    _require(visited_on <= timezone.localdate(), _("走访日期不能晚于今天。"), "visited_on")
    keys = (*SECURE_FIELDS, "rigid_expenses_resolved")
    _require(set(found) <= set(keys), "unknown finding")
    v = Visit(household=household, visited_on=visited_on, by=actor, note=note.strip()[:2000], **found)
    v._history_user = actor
    v.save()
    h = Household.objects.select_for_update().get(pk=household.pk)
    for k in keys:
        setattr(h, k, bool(found.get(k)))
    h._history_user = actor
    h.save()
    return v


def _money(value, field: str) -> Decimal:
    try:
        d = Decimal(str(value).replace(",", "").strip())
    except (InvalidOperation, ValueError):
        raise AssistanceError(_("金额“%(v)s”不是数字。") % {"v": value}, field) from None
    _require(d.is_finite() and Decimal(0) <= d < Decimal("100000000"), _("金额超出范围。"), field)
    return d.quantize(Decimal("0.01"))


def month_start(value: dt.date) -> dt.date:
    return value.replace(day=1)


@transaction.atomic
def income_record(
    *, actor: User, household: Household, month: dt.date, amount, sources: str = ""
) -> IncomeRecord:
    _may_work_on(household, actor)
    month = month_start(month)
    _require(month <= timezone.localdate(), _("月份不能晚于本月。"), "month")
    _require(
        not IncomeRecord.objects.filter(household=household, month=month).exists(),
        _("%(m)s 的收入已登记。") % {"m": f"{month:%Y-%m}"},
        "month",
    )
    r = IncomeRecord(
        household=household,
        month=month,
        amount=_money(amount, "amount"),
        sources=sources.strip(),
        recorded_by=actor,
        recorded_at=timezone.now(),
    )
    r._history_user = actor
    r.save()
    _national_open(household, NationalEntry.Kind.UPDATE, _("登记收入"))
    return r


def _reason(reason: str) -> str:
    reason = " ".join((reason or "").split())
    _require(len(reason) >= 4, _("请说明更正原因（至少4个字）。"), "reason")
    return reason[:200]


@transaction.atomic
def income_correct(
    *, actor: User, record: IncomeRecord, amount, reason: str, sources: str | None = None
) -> IncomeRecord:
    """更正 a month's income: a new row for the same month that refers to the first one; the month's
    income is now the new row (``models.effective_incomes``). The wrong row stays, with its history."""
    household = record.household
    _may_work_on(household, actor)
    original = record.corrects or record
    latest = models_effective(household)[original.month]
    value = _money(amount, "amount")
    _require(
        value != latest.amount or (sources is not None and sources.strip() != latest.sources),
        _("更正后的数值与现有记录相同。"),
        "amount",
    )
    r = IncomeRecord(
        household=household,
        month=original.month,
        amount=value,
        sources=latest.sources if sources is None else sources.strip(),
        recorded_by=actor,
        recorded_at=timezone.now(),
        corrects=original,
        reason=_reason(reason),
    )
    r._history_user = actor
    r.save()
    _national_open(household, NationalEntry.Kind.UPDATE, _("更正收入"))
    return r


def models_effective(household: Household) -> dict:
    return effective_incomes(household.incomes.all())


@transaction.atomic
def payment_record(
    *,
    actor: User,
    household: Household,
    programme: str,
    month: dt.date,
    amount,
    persons: int = 1,
    source: str = "",
) -> Payment:
    _require(Actor.TOWN in _kinds(household, actor), _("救助发放由镇党政办登记或导入。"))
    _require(programme in Programme.values, _("请选择救助项目。"), "programme")
    month = month_start(month)
    value = _money(amount, "amount")
    _require(value > 0, _("金额必须大于0。"), "amount")
    _require(1 <= persons <= 99, _("享受人数应在1到99之间。"), "persons")
    _require(
        not Payment.objects.filter(household=household, programme=programme, month=month).exists(),
        _("该户%(m)s的%(p)s已登记。") % {"m": f"{month:%Y-%m}", "p": Programme(programme).label},
        "month",
    )
    p = Payment(
        household=household,
        town_id=household.town_id,
        programme=programme,
        month=month,
        amount=value,
        persons=persons,
        source=source.strip()[:120],
        entered_by=actor,
        entered_at=timezone.now(),
    )
    p._history_user = actor
    p.save()
    return p


def payment_current(payment: Payment) -> tuple[Decimal, int]:
    """(amount, persons) of a payment with its corrections applied."""
    from django.db.models import Sum

    agg = Payment.objects.filter(corrects=payment).aggregate(a=Sum("amount"), p=Sum("persons"))
    return payment.amount + (agg["a"] or 0), payment.persons + (agg["p"] or 0)


@transaction.atomic
def payment_correct(
    *, actor: User, payment: Payment, amount, persons: int | None = None, reason: str, source: str = ""
) -> Payment:
    """更正 a payment: a new row holding the difference to the corrected figures (冲红/补差), so sums
    per programme stay plain sums and the original row is never edited."""
    original = Payment.objects.select_for_update().get(pk=(payment.corrects_id or payment.pk))
    _require(Actor.TOWN in _kinds(original.household, actor), _("救助发放由镇党政办登记或更正。"))
    value = _money(amount, "amount")
    _require(value >= 0, _("金额不能为负数。"), "amount")
    cur_amount, cur_persons = payment_current(original)
    persons = cur_persons if persons is None else persons
    _require(0 <= persons <= 99, _("享受人数应在0到99之间。"), "persons")
    _require(value > 0 or persons == 0, _("金额为0（撤销发放）时享受人数应为0。"), "persons")
    d_amount, d_persons = value - cur_amount, persons - cur_persons
    _require(d_amount != 0 or d_persons != 0, _("更正后的数值与现有记录相同。"), "amount")
    p = Payment(
        household=original.household,
        town_id=original.town_id,
        programme=original.programme,
        month=original.month,
        amount=d_amount,
        persons=d_persons,
        source=(source or original.source).strip()[:120],
        entered_by=actor,
        entered_at=timezone.now(),
        corrects=original,
        reason=_reason(reason),
    )
    p._history_user = actor
    p.save()
    _national_open(original.household, NationalEntry.Kind.UPDATE, _("更正救助发放"))
    return p


@transaction.atomic
def income_line_set(*, actor: User, province_code: str, province_name: str, year: int, amount) -> IncomeLine:
    _require(scope_of(actor).has(Role.COUNTY), _("监测收入线由县级设置。"))
    _require(
        len(province_code) == 2 and province_code.isdecimal(), _("省份代码为两位数字。"), "province_code"
    )
    _require(2000 <= year <= 2100, _("年度不正确。"), "year")
    value = _money(amount, "amount")
    _require(value > 0, _("金额必须大于0。"), "amount")
    line = IncomeLine.objects.filter(province_code=province_code, year=year).first() or IncomeLine(
        province_code=province_code, year=year
    )
    line.province_name, line.amount = province_name.strip()[:20] or province_code, value
    line._history_user = actor
    line.save()
    return line


@transaction.atomic
def field_reveal(
    *, actor: User, household: Household, field: str, reason: str, member: Member | None = None
) -> str | list:
    """The full value of one sensitive field, for a reader who needs it and says why; logged first."""
    _require(selectors.can_reveal(actor, household), _("您无权查看完整信息。"))
    reason = " ".join((reason or "").split())
    _require(len(reason) >= 4, _("请说明查看理由（至少4个字）。"), "reason")
    if member is not None:
        _require(
            member.household_id == household.pk and field in selectors.MEMBER_FIELDS,
            _("未知的字段。"),
            "field",
        )
    else:
        _require(field in selectors.HOUSEHOLD_FIELDS, _("未知的字段。"), "field")
    FullView.objects.create(
        user=actor,
        at=timezone.now(),
        household=household,
        town_id=household.town_id,
        member=member,
        field=field,
        reason=reason[:200],
    )
    if member is not None:
        return getattr(member, field) or ""
    if field == "incomes":
        latest = effective_incomes(household.incomes.all())
        return [(m, r.amount, r.sources) for m, r in sorted(latest.items(), reverse=True)]
    value = getattr(household, field)
    return "" if value is None else str(value)


@transaction.atomic
def national_enter(*, actor: User, entries, note: str = "", national_no: str = "") -> int:
    """County staff record that open rows were entered in the national system (step 7 of DOMAIN.md §9);
    the household's ``synced_at`` (and its national code, when given for one household) follow."""
    ids = sorted({e.pk for e in entries})
    _require(bool(ids), _("请选择要标记的记录。"))
    rows = list(
        NationalEntry.objects.select_for_update()
        .filter(pk__in=ids)
        .select_related("household", "household__town")
    )
    _require(len(rows) == len(ids), _("记录不存在。"))
    national_no = "".join((national_no or "").split())[:40]
    _require(
        not national_no or len({r.household_id for r in rows}) == 1,
        _("户编码只能为单户填写。"),
        "national_no",
    )
    now = timezone.now()
    for r in rows:
        _require(Actor.COUNTY in _kinds(r.household, actor), _("全国系统录入由县级工作人员登记。"))
        _require(r.state == NationalEntry.State.PENDING, _("该记录已标记为已录入。"))
        r.state, r.entered_at, r.entered_by, r.note = (
            NationalEntry.State.ENTERED,
            now,
            actor,
            note.strip()[:200],
        )
        r._history_user = actor
        r.save()
    for h in {r.household_id: r.household for r in rows}.values():
        h.synced_at = now
        if national_no:
            h.national_no = national_no
        h._history_user = actor
        h.save(update_fields=["synced_at", "national_no"])
    return len(rows)


@transaction.atomic
def identify_sweep(*, today: dt.date | None = None) -> int:
    """The ~15-day identification limit: a household still being identified after ``identify_due``
    is marked overdue once per round (a step in its record, a count on the town office's home and a
    filter on the list), so the town can press the village and the county sees it."""
    from luoshi.assistance.workflow import IDENTIFYING

    today = today or timezone.localdate()
    now = timezone.now()
    late = list(
        Household.objects.select_for_update()
        .filter(status__in=IDENTIFYING, identify_due__lt=today, overdue_noted_at__isnull=True)
        .order_by("pk")
    )
    for h in late:
        h.overdue_noted_at = now
        h.save(update_fields=["overdue_noted_at"])
        Step.objects.create(
            household=h,
            transition="identify_overdue",
            from_status=h.status,
            to_status=h.status,
            by=None,
            at=now,
            note=_("识别超过时限（%(d)s），已提请镇党政办督办。") % {"d": h.identify_due.isoformat()},
        )
    return len(late)


@transaction.atomic
def export_log(
    *, actor: User, kind: str, rows: int, town=None, county_id: int | None = None, reason: str = ""
) -> ExportLog:
    return ExportLog.objects.create(
        kind=kind,
        user=actor,
        at=timezone.now(),
        town=town,
        county_id=county_id,
        rows=rows,
        reason=reason[:200],
        mark=secrets.token_hex(8),
    )
