"""Reads of the ledgers: registers, an item's history, rankings on outcomes, household points.

Rankings compare villages, contractors (管护单位) and households by the scores and points their
records earned — never staff by how much they did.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from django.db.models import F, FloatField, OuterRef, Q, QuerySet, Subquery, Sum
from django.db.models.functions import Cast, Coalesce

from luoshi.cases import workflow
from luoshi.ledgers import periods
from luoshi.ledgers.models import (
    EventState,
    Item,
    Kind,
    PointEvent,
    PointRule,
    Problem,
    Redemption,
    RegisterType,
    RuleBook,
    ScoreRollup,
    ScoreSheet,
)
from luoshi.org.models import Village
from luoshi.org.scoping import get_visible_or_404, scope_of, visible, visible_towns


def register_types() -> QuerySet:
    return RegisterType.objects.filter(is_active=True)


def items(user, register_type: RegisterType, *, q: str = "", village: int | None = None) -> QuerySet:
    qs = visible(Item.objects.filter(register_type=register_type, is_active=True), user)
    if q:
        qs = qs.filter(Q(number__icontains=q) | Q(name__icontains=q) | Q(owner__icontains=q))
    if village:
        qs = qs.filter(village_id=village)
    return qs.select_related("village", "town").order_by("town_id", "number")


def get_item(user, pk: int) -> Item:
    return get_visible_or_404(
        Item.objects.select_related("register_type", "town", "village", "grid"), user, pk=pk
    )


def item_by_number(user, register_type: RegisterType, number: str) -> Item | None:
    """The item a phone user typed or scanned (the number painted on the lamp post)."""
    found = list(items(user, register_type).filter(number=number.strip())[:2])
    return found[0] if len(found) == 1 else None


def current_sheet(code: str) -> ScoreSheet | None:
    return ScoreSheet.objects.filter(code=code, is_current=True).select_related("register_type").first()


def current_sheets() -> QuerySet:
    return ScoreSheet.objects.filter(is_current=True, register_type__is_active=True).select_related(
        "register_type"
    )


@dataclass
class HistoryRow:
    kind: str  # "inspection" | "problem"
    at: object
    obj: object


def item_history(item: Item) -> list[HistoryRow]:
    """Inspections and the cases opened on the item, newest first (the item's visibility covers both)."""
    rows = [
        HistoryRow("inspection", i.inspected_at, i)
        for i in item.inspections.select_related("sheet", "inspector")[:50]
    ]
    for p in item.problems.select_related("case__case_type", "criterion")[:50]:
        p.status_label = workflow.internal_label(p.case.case_type, p.case.status)
        p.closed = p.case.stage == "closed"
        rows.append(HistoryRow("problem", p.case.received_at, p))
    return sorted(rows, key=lambda r: r.at, reverse=True)


def open_problems(item: Item) -> list[Problem]:
    return [p for p in item.problems.select_related("case") if p.case.stage != "closed"]


def ranking_towns(user) -> QuerySet:
    """Rankings are published (红黑榜): every staff member of a town sees its villages' ranking."""
    return visible_towns(user) if scope_of(user).is_staff_member else visible_towns(user).none()


def _scores(qs):
    """Mean 百分制 score, inspections and failures per group, from the roll-up (a few rows per period)."""
    return qs.annotate(n=Sum("inspections"), total=Sum("percent_sum"), failed=Sum("failed")).annotate(
        score=Cast("total", FloatField()) / F("n")
    )


def village_ranking(user, sheet_code: str, period: str, town_ids: list[int]) -> list[dict]:
    """Villages by their mean score (百分制) on the sheet in the period, best first."""
    rows = _scores(
        ScoreRollup.objects.filter(
            town_id__in=town_ids, sheet_code=sheet_code, period=period, village__isnull=False
        ).values("village_id", "village__name", "town__name")
    ).order_by("-score", "village__name")
    return _ranked(rows)


def contractor_ranking(user, sheet_code: str, period: str, town_ids: list[int]) -> list[dict]:
    rows = _scores(
        ScoreRollup.objects.filter(town_id__in=town_ids, sheet_code=sheet_code, period=period)
        .exclude(contractor="")
        .values("contractor")
    ).order_by("-score", "contractor")
    return _ranked(rows)


def _ranked(rows) -> list[dict]:
    out, last, rank = [], None, 0
    for i, r in enumerate(rows, start=1):
        if r["score"] != last:
            rank, last = i, r["score"]
        out.append({**r, "rank": rank, "score": round(float(r["score"]), 1)})
    return out


def periods_of(sheet: ScoreSheet | None, today) -> list[str]:
    """The sheet's last 24 periods up to today, newest first (computed: no scan of the inspections)."""
    if sheet is None or not sheet.period:
        return []
    keys, day = [], today
    while len(keys) < 24:
        key = periods.key(sheet.period, day)
        if key not in keys:
            keys.append(key)
        day = day.replace(day=1) - dt.timedelta(days=1)
        if sheet.period == periods.YEAR and len(keys) >= 5:
            break
    return keys


# --- points -------------------------------------------------------------------------------------------


def point_villages(user) -> QuerySet:
    """Villages whose points the user keeps: a cadre's own village, every village of a town's staff."""
    scope = scope_of(user)
    if scope.is_admin:
        return Village.objects.all()
    return Village.objects.filter(Q(town_id__in=scope.town_ids) | Q(id__in=scope.village_ids))


def with_balances(qs: QuerySet) -> QuerySet:
    """Household items with ``earned`` (approved points) and ``spent`` (redeemed) annotated."""
    earned = Coalesce(Sum("point_events__points", filter=Q(point_events__state=EventState.APPROVED)), 0)
    spent = (
        Redemption.objects.filter(household_id=OuterRef("pk"))
        .values("household_id")
        .annotate(s=Sum("points"))
        .values("s")
    )
    return qs.annotate(earned=earned, spent=Coalesce(Subquery(spent), 0))


def households(user, village: Village) -> QuerySet:
    """The village's household accounts with their balances (approved points − redemptions)."""
    return with_balances(
        visible(
            Item.objects.filter(register_type__kind=Kind.HOUSEHOLD, village=village, is_active=True), user
        )
    ).order_by("number")


def household_ranking(user, village: Village) -> list:
    rows = list(households(user, village))
    for r in rows:
        r.points = r.earned - r.spent
    rows.sort(key=lambda r: (-r.points, r.number))
    return rows


def current_rules(village: Village) -> QuerySet:
    book = RuleBook.objects.filter(village=village, is_current=True).first()
    return PointRule.objects.filter(book=book) if book else PointRule.objects.none()


def current_book(village: Village) -> RuleBook | None:
    return RuleBook.objects.filter(village=village, is_current=True).first()


def pending_events(user, village: Village) -> QuerySet:
    return visible(PointEvent.objects.filter(village=village, state=EventState.PENDING), user).select_related(
        "household", "rule", "recorded_by"
    )


def recent_events(user, village: Village) -> QuerySet:
    return visible(PointEvent.objects.filter(village=village), user).select_related(
        "household", "rule", "recorded_by", "decided_by"
    )[:30]
