"""Reads: the one access function per object type, the income line, the elimination check, KPIs.

Who sees a household: its village's cadres, its grid's worker, its town's office and leaders
(``ScopePaths`` through ``visible``); the county only the households pending its approval
(``workflow.PENDING_COUNTY``) and, otherwise, aggregates. Everyone else: 404.
"""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

from django.db.models import Count, Q, QuerySet, Sum
from django.http import Http404
from django.utils.translation import gettext_lazy as _

from luoshi.assistance import elimination, workflow
from luoshi.assistance.models import (
    FullView,
    Household,
    IncomeLine,
    NationalEntry,
    Payment,
    Status,
    effective_incomes,
)
from luoshi.org.models import Town
from luoshi.org.roles import Role
from luoshi.org.scoping import scope_of, visible

READERS = (Role.COUNTY, Role.LEADER, Role.OFFICE, Role.VILLAGE, Role.GRID)
FLAGGERS = (Role.VILLAGE, Role.GRID, Role.OFFICE, Role.LEADER)
PAYMENT_ENTERERS = (Role.OFFICE, Role.LEADER)
DPO_ROLES = (Role.OFFICE,)  # the town's data-protection officer sits in 党政办 (docs/privacy.md)
# Sensitive fields a reader may reveal, after a reason: household-level and member-level.
HOUSEHOLD_FIELDS = {"head_id_number", "phone", "risk_note", "rigid_expense", "incomes"}
MEMBER_FIELDS = {"id_number", "health", "disability"}
FIELD_LABELS = {
    "head_id_number": _("户主身份证号"),
    "phone": _("联系电话"),
    "risk_note": _("风险情况说明"),
    "rigid_expense": _("年刚性支出"),
    "incomes": _("收入明细"),
    "id_number": _("身份证号"),
    "health": _("健康状况"),
    "disability": _("残疾情况"),
}


def households_for(user) -> QuerySet:
    qs = visible(Household, user)
    scope = scope_of(user)
    if scope.county_ids and not scope.is_admin:
        pending = Household.objects.filter(
            town__county_id__in=sorted(scope.county_ids), status__in=workflow.PENDING_COUNTY
        )
        qs = Household.objects.filter(Q(pk__in=qs.values("pk")) | Q(pk__in=pending.values("pk")))
    return qs.select_related("village", "town", "grid", "cadre")


def get_household(user, pk: int) -> Household:
    try:
        return households_for(user).get(pk=pk)
    except Household.DoesNotExist as exc:
        raise Http404("not found") from exc


def can_reveal(user, household: Household) -> bool:
    """Full values: the household's village cadres and its town's office/leaders (not grid workers,
    not the county, not admins)."""
    kinds = workflow.actor_kinds(household, scope_of(user))
    return bool(kinds & {workflow.Actor.VILLAGE, workflow.Actor.TOWN})


def province_code(town: Town) -> str:
    return town.county.code[:2]


def line_for(town: Town):
    code = province_code(town)
    lines = dict(IncomeLine.objects.filter(province_code=code).values_list("year", "amount"))
    return lambda year: lines.get(year)


def elimination_check(household: Household, today: dt.date) -> list[elimination.Condition]:
    incomes = {
        month: r.amount
        for month, r in effective_incomes(household.incomes.all()).items()
        if r.amount is not None
    }
    return elimination.conditions(
        today=today,
        incomes=incomes,
        members=household.members.count() or 1,
        line_for=line_for(household.town),
        flags={f: getattr(household, f) for f in (*elimination_flags(),)},
    )


def elimination_flags() -> tuple[str, ...]:
    from luoshi.assistance.models import SECURE_FIELDS

    return (*SECURE_FIELDS, "rigid_expenses_resolved")


def eligible_for_elimination(user, today: dt.date) -> list[Household]:
    """Households being helped whose records now meet every condition: the system proposes them."""
    out = []
    for h in households_for(user).filter(status=Status.ASSISTING).prefetch_related("incomes"):
        if all(c.met for c in elimination_check(h, today)):
            out.append(h)
    return out


def access_log_for(user) -> QuerySet:
    scope = scope_of(user)
    qs = FullView.objects.select_related("user", "household", "member").order_by("-at", "-id")
    if scope.is_admin:
        return qs
    return qs.filter(town_id__in=sorted(scope.town_ids)) if scope.has(*DPO_ROLES) else qs.none()


# --- KPIs (DOMAIN.md §9), from the records ------------------------------------------------------


def kpis(towns, year: int) -> dict:
    hh = Household.objects.filter(town__in=towns)
    start, end = dt.date(year, 1, 1), dt.date(year, 12, 31)
    new = hh.filter(approved_on__range=(start, end))
    eliminated = hh.filter(eliminated_on__range=(start, end))
    monitored = hh.filter(status__in=workflow.MONITORED)
    with_measures = monitored.filter(measures__isnull=False).distinct()
    reflagged = hh.filter(times_flagged__gt=1, flagged_at__year=year)
    on_time = new.filter(approved_on__lte=models_identify_due())
    paid = (
        Payment.objects.filter(town__in=towns, month__year=year)
        .values("programme")
        .annotate(total=Sum("amount"), persons=Sum("persons"))
    )
    n_monitored = monitored.count()
    return {
        "new_households": new.count(),
        "new_people": new.aggregate(n=Count("members"))["n"] or 0,
        "eliminated_households": eliminated.count(),
        "eliminated_people": eliminated.aggregate(n=Count("members"))["n"] or 0,
        "monitored": n_monitored,
        "with_measures": with_measures.count(),
        "coverage": round(100 * with_measures.count() / n_monitored, 1) if n_monitored else None,
        "reflagged": reflagged.count(),
        "identified_on_time": on_time.count(),
        "paid": {row["programme"]: (row["total"] or Decimal(0), row["persons"] or 0) for row in paid},
        "formerly_poor_income": formerly_poor_income(hh, year),
        "formerly_poor_income_prev": formerly_poor_income(hh, year - 1),
    }


def models_identify_due():
    from django.db.models import F

    return F("identify_due")


def formerly_poor_income(households: QuerySet, year: int) -> Decimal | None:
    """Mean per-capita net income of the year over 脱贫不稳定户 with 12 monthly records (decrypted here:
    the amounts are encrypted at rest, so the sum cannot be done in SQL)."""
    values = []
    for h in households.filter(category="unstable").annotate(n=Count("members", distinct=True)):
        latest = effective_incomes(h.incomes.filter(month__year=year))
        rows = [r.amount for r in latest.values() if r.amount is not None]
        if len(rows) == 12:
            values.append(sum(rows) / max(h.n, 1))
    if not values:
        return None
    return (sum(values) / len(values)).quantize(Decimal("1"))


def export_log_for(user) -> QuerySet:
    from luoshi.assistance.models import ExportLog

    scope = scope_of(user)
    qs = ExportLog.objects.select_related("user", "town").order_by("-at", "-id")
    if scope.is_admin:
        return qs
    return qs.filter(town_id__in=sorted(scope.town_ids)) if scope.has(*DPO_ROLES) else qs.none()


def kpi_towns(user) -> QuerySet:
    from luoshi.org.scoping import visible_towns

    return visible_towns(user).select_related("county").order_by("code")


def notice_rows(user, village_id: int | None = None) -> list[Household]:
    """Households now in public notice (公示) that the user may see, optionally of one village."""
    qs = visible(Household, user).filter(status__in=list(workflow.PUBLIC_NOTICE))
    if village_id:
        qs = qs.filter(village_id=village_id)
    return list(qs.select_related("village").order_by("village__code", "number"))


def national_rows(user) -> QuerySet:
    """The county's monitored and eliminated households for the national system (county staff only)."""
    scope = scope_of(user)
    if not scope.county_ids:
        return Household.objects.none()
    return (
        Household.objects.filter(
            town__county_id__in=sorted(scope.county_ids),
            status__in=[*workflow.MONITORED, Status.ELIMINATED],
        )
        .select_related("town", "village", "cadre")
        .prefetch_related("members", "measures")
        .order_by("town__code", "village__code", "number")
    )


# --- the national system (全国防返贫监测信息系统) --------------------------------------------------


def national_queue(user) -> QuerySet:
    """Open rows to enter in the national system: county staff see their county's; a town's office
    and leaders see their town's (to know what is waiting), others none."""
    scope = scope_of(user)
    qs = NationalEntry.objects.filter(state=NationalEntry.State.PENDING)
    if scope.county_ids and not scope.is_admin:
        qs = qs.filter(town__county_id__in=sorted(scope.county_ids))
    elif scope.has(Role.OFFICE, Role.LEADER):
        qs = qs.filter(town_id__in=sorted(scope.town_ids))
    else:
        return qs.none()
    return qs.select_related("household", "household__village", "town").order_by("opened_at", "id")


def sync_status(household: Household) -> str:
    """待录入 (an inclusion or elimination waits), 需更正 (a change after entry waits), 已录入, or 未纳入."""
    open_kinds = {e.kind for e in household.national_entries.all() if e.state == NationalEntry.State.PENDING}
    if open_kinds - {NationalEntry.Kind.UPDATE}:
        return str(_("待录入"))
    if open_kinds:
        return str(_("需更正"))
    return str(_("已录入")) if household.synced_at else str(_("未录入"))


def overdue_count(user) -> int:
    return (
        households_for(user).filter(status__in=workflow.IDENTIFYING, overdue_noted_at__isnull=False).count()
    )
