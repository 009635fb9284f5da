"""Reads: the one access function per object type, the income line, the elimination check, KPIs.

Who sees a household: its village's cadres, its grid's worker, its town's office and leaders
(``ScopePaths`` through ``visible``); the county only the households pending its approval
(``workflow.PENDING_COUNTY``) and, otherwise, aggregates. Everyone else: 404.
"""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

from django.core.cache import cache
from django.db.models import Count, Max, Q, QuerySet, Subquery, Sum
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
# 全国系统录入: the entries waiting for the national system (the list links to it only for these).
QUEUE_ROLES = (Role.COUNTY, Role.OFFICE, Role.LEADER)
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


def elimination_check(
    household: Household, today: dt.date, *, members: int | None = None, line=None
) -> list[elimination.Condition]:
    incomes = {
        month: r.amount
        for month, r in effective_incomes(household.incomes.all()).items()
        if r.amount is not None
    }
    return elimination.conditions(
        today=today,
        incomes=incomes,
        members=(household.members.count() if members is None else members) or 1,
        line_for=line or line_for(household.town),
        flags={f: getattr(household, f) for f in (*elimination_flags(),)},
    )


def elimination_flags() -> tuple[str, ...]:
    from luoshi.assistance.models import SECURE_FIELDS

    return (*SECURE_FIELDS, "rigid_expenses_resolved")


def eligible_for_elimination(user, today: dt.date) -> list[Household]:
    """Households being helped whose records now meet every condition: the system proposes them.

    Computed per town (``town_proposals``) and kept in the cache as household ids only, under a key of
    the day and the version of the records they come from (``records_version``); what a user gets is
    that list narrowed to the households the user may see (``households_for``), so one town's list
    never reaches another town's user and a cached id is never shown without the access check."""
    visible = households_for(user)
    towns = sorted(
        set(
            visible.filter(status=Status.ASSISTING, **dict.fromkeys(elimination_flags(), True))
            .order_by()
            .values_list("town_id", flat=True)
        )
    )
    if not towns:
        return []
    version = records_version()
    keys = {pk: f"assistance:proposals:{pk}:{today:%Y-%m-%d}:{version}" for pk in towns}
    found = cache.get_many(list(keys.values()))
    ids: set[int] = set()
    fresh = {}
    for pk in towns:
        got = found.get(keys[pk])
        if got is None:
            got = fresh[keys[pk]] = town_proposals(pk, today)
        ids.update(got)
    if fresh:
        cache.set_many(fresh, PROPOSALS_TIMEOUT)
    if not ids:
        return []
    return list(visible.filter(pk__in=sorted(ids)).defer(*SEALED_HOUSEHOLD_FIELDS).order_by("pk"))


# The household's encrypted columns: not read (not decrypted) where a list only names the household.
SEALED_HOUSEHOLD_FIELDS = ("head_id_number", "phone", "risk_note", "rigid_expense")


PROPOSALS_TIMEOUT = 24 * 3600  # the key carries the day anyway


def records_version() -> str:
    """The newest history row of every record the proposals are computed from (households with their
    flags and status, members, incomes, visits, payments, the income lines), in one query of six
    index probes. Any write through the services adds a history row, so it changes this version;
    a write in one town makes every town's list be computed again once (cheap next to a write)."""
    from luoshi.assistance.models import IncomeRecord, Member, Payment, Visit

    models_ = {"h": Household, "m": Member, "i": IncomeRecord, "v": Visit, "p": Payment, "l": IncomeLine}
    row = Town.objects.annotate(
        **{
            k: Subquery(m.history.order_by("-history_id").values("history_id")[:1])
            for k, m in models_.items()
        }
    ).values(*models_)[:1]
    got = next(iter(row), None)
    if got is None:
        return "-"
    return ".".join(str(got[k]) for k in models_)


def town_proposals(town_id: int, today: dt.date) -> list[int]:
    """Ids of the town's households being helped that meet every elimination condition today.

    The flags (三保障, water, rigid expenses) and "an income record in each of the months" are asked
    of the database first, so only the few candidates have their (encrypted) incomes decrypted; the
    income line is read once. The decrypted amounts live only inside this call."""
    from django.db.models import Prefetch

    from luoshi.assistance.models import IncomeRecord

    months = elimination.months_before(today, elimination.MONTHS)
    candidates = (
        Household.objects.filter(
            town_id=town_id, status=Status.ASSISTING, **dict.fromkeys(elimination_flags(), True)
        )
        .select_related("town__county")
        .defer(*SEALED_HOUSEHOLD_FIELDS)
        .annotate(
            n_members=Count("members", distinct=True),
            n_months=Count("incomes__month", filter=Q(incomes__month__in=months), distinct=True),
        )
        .filter(n_months=len(months))
        .prefetch_related(Prefetch("incomes", queryset=IncomeRecord.objects.filter(month__in=months)))
        .order_by("pk")
    )
    line = None
    out = []
    for h in candidates:
        line = line or line_for(h.town)
        if all(c.met for c in elimination_check(h, today, members=h.n_members, line=line)):
            out.append(h.pk)
    return out


def access_log_for(user) -> QuerySet:
    scope = scope_of(user)
    qs = FullView.objects.select_related("user", "household", "member").order_by("-at", "-id")
    if scope.is_admin:
        return qs
    return qs.filter(town_id__in=sorted(scope.town_ids)) if scope.has(*DPO_ROLES) else qs.none()


# --- KPIs (DOMAIN.md §9), from the records ------------------------------------------------------


def kpis(towns, year: int) -> dict:
    """The KPIs of DOMAIN.md §9 over ``towns`` together."""
    return kpis_by_town(towns, year, together=True)[None]


def kpis_by_town(towns, year: int, *, together: bool = False) -> dict:
    """{town id: KPIs} for every town in a fixed number of grouped queries (the county's page lists
    thirty towns); with ``together`` one entry under ``None`` for all of them."""
    ids = [t.pk for t in towns]
    hh = Household.objects.filter(town_id__in=ids)
    start, end = dt.date(year, 1, 1), dt.date(year, 12, 31)
    key = (lambda r: None) if together else (lambda r: r["town_id"])
    group = [] if together else ["town_id"]

    def grouped(qs, **agg) -> dict:
        rows = qs.values(*group).annotate(**agg) if group else [qs.aggregate(**agg)]
        return {key(r): r for r in rows}

    new = grouped(
        hh.filter(approved_on__range=(start, end)), n=Count("id", distinct=True), people=Count("members")
    )
    eliminated = grouped(
        hh.filter(eliminated_on__range=(start, end)), n=Count("id", distinct=True), people=Count("members")
    )
    monitored = grouped(hh.filter(status__in=workflow.MONITORED), n=Count("id"))
    measured = grouped(
        hh.filter(status__in=workflow.MONITORED, measures__isnull=False), n=Count("id", distinct=True)
    )
    reflagged = grouped(hh.filter(times_flagged__gt=1, flagged_at__year=year), n=Count("id"))
    on_time = grouped(
        hh.filter(approved_on__range=(start, end), approved_on__lte=models_identify_due()), n=Count("id")
    )
    paid: dict = {}
    payments = Payment.objects.filter(town_id__in=ids, month__year=year).values(*group, "programme")
    for row in payments.annotate(total=Sum("amount"), persons=Sum("persons")):
        paid.setdefault(key(row), {})[row["programme"]] = (row["total"] or Decimal(0), row["persons"] or 0)
    fpi = formerly_poor_income_values(ids, year)
    fpi_prev = formerly_poor_income_values(ids, year - 1)
    out = {}
    for k in [None] if together else ids:
        scope = ids if together else [k]

        def n(d, field="n", k=k):
            return (d.get(k) or {}).get(field) or 0

        n_monitored, n_measured = n(monitored), n(measured)
        out[k] = {
            "new_households": n(new),
            "new_people": n(new, "people"),
            "eliminated_households": n(eliminated),
            "eliminated_people": n(eliminated, "people"),
            "monitored": n_monitored,
            "with_measures": n_measured,
            "coverage": round(100 * n_measured / n_monitored, 1) if n_monitored else None,
            "reflagged": n(reflagged),
            "identified_on_time": n(on_time),
            "paid": paid.get(k, {}),
            "formerly_poor_income": mean_income([v for t in scope for v in fpi.get(t, [])]),
            "formerly_poor_income_prev": mean_income([v for t in scope for v in fpi_prev.get(t, [])]),
        }
    return out


def models_identify_due():
    from django.db.models import F

    return F("identify_due")


def formerly_poor_income_values(town_ids: list[int], year: int) -> dict[int, list[Decimal]]:
    """{town id: the per-capita net income of the year of each 脱贫不稳定户 with 12 monthly records}.

    The amounts are encrypted at rest, so the mean cannot be taken in SQL. Each town's list is kept
    in the cache under a version read in two grouped queries: its income rows of the year (count,
    highest id — income rows are only ever added, a correction being a new row) and its unstable
    households and their members (count, highest member id). A page view decrypts nothing until
    something it depends on changed."""
    from django.core.cache import cache

    from luoshi.assistance.models import IncomeRecord

    unstable = Household.objects.filter(town_id__in=town_ids, category="unstable")
    incomes = IncomeRecord.objects.filter(household__in=unstable, month__year=year)
    v_in = {
        r["household__town_id"]: (r["n"], r["top"])
        for r in incomes.values("household__town_id").annotate(n=Count("id"), top=Max("id"))
    }
    v_hh = {
        r["town_id"]: (r["n"], r["m"], r["top"])
        for r in unstable.values("town_id").annotate(
            n=Count("id", distinct=True), m=Count("members"), top=Max("members__id")
        )
    }

    def version(*parts) -> str:
        return "-".join(str(p) for p in parts)

    keys = {
        t: f"assistance:fpi:{t}:{year}:{version(*v_in.get(t, ()))}:{version(*v_hh.get(t, ()))}"
        for t in town_ids
    }
    hits = cache.get_many(list(keys.values()))
    out = {t: hits[keys[t]] for t in town_ids if keys[t] in hits}
    missing = [t for t in town_ids if t not in out]
    if missing:
        members = dict(
            unstable.filter(town_id__in=missing)
            .annotate(m=Count("members", distinct=True))
            .values_list("pk", "m")
        )
        by_household: dict[int, list] = {}
        towns: dict[int, int] = {}
        rows = (
            incomes.filter(household__town_id__in=missing).select_related(None).order_by("household_id", "id")
        )
        for r in rows.annotate(town=models_town()):
            by_household.setdefault(r.household_id, []).append(r)
            towns[r.household_id] = r.town
        fresh: dict[int, list[Decimal]] = {t: [] for t in missing}
        for pk, records in by_household.items():
            latest = [r.amount for r in effective_incomes(records).values() if r.amount is not None]
            if len(latest) == 12:
                fresh[towns[pk]].append(sum(latest) / max(members.get(pk, 0), 1))
        cache.set_many({keys[t]: v for t, v in fresh.items()}, 3600)
        out.update(fresh)
    return out


def models_town():
    from django.db.models import F

    return F("household__town_id")


def mean_income(values: list[Decimal]) -> Decimal | None:
    return (sum(values) / len(values)).quantize(Decimal("1")) if values else None


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
