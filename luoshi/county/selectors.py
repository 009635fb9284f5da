"""Reads of the assessment: who may open what, the live scores of a scheme, stored results.

County staff (and admins) read everything of their county: schemes, drafts and published results,
objections. A town's leaders and office read their own town's live scores (as soon as values
exist) and, once published, the ranking; deputies read published rankings of their town's county.
An unpublished result does not exist for anyone but the county (404).
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field

from django.db.models import QuerySet
from django.http import Http404
from django.utils import timezone

from luoshi.accounts import periods
from luoshi.accounts import selectors as acc
from luoshi.accounts.models import IndicatorValue
from luoshi.county import scoring
from luoshi.county.models import Adjustment, Line, Objection, Result, Scheme
from luoshi.org.models import County, Town
from luoshi.org.roles import Role
from luoshi.org.scoping import get_visible_or_404, scope_of, visible

COUNTY_ROLES = (Role.COUNTY,)
TOWN_ROLES = (Role.LEADER, Role.OFFICE)
READERS = (Role.COUNTY, Role.LEADER, Role.OFFICE, Role.DEPUTY)


# --- access -------------------------------------------------------------------------------------------


def is_county(user) -> bool:
    s = scope_of(user)
    return s.is_admin or bool(s.county_ids)


def own_town_ids(user) -> set[int]:
    """Towns whose own scores the user reads (leaders and office staff of that town)."""
    s = scope_of(user)
    return set(s.town_ids) if s.has(*TOWN_ROLES) and not s.is_admin else set()


def _reader_county_ids(user) -> set[int]:
    s = scope_of(user)
    town_ids = set(s.town_ids) | set(s.deputy_town_ids)
    ids = set(s.county_ids)
    if town_ids:
        ids |= set(Town.objects.filter(pk__in=town_ids).values_list("county_id", flat=True))
    return ids


def schemes_for(user) -> QuerySet[Scheme]:
    """County staff: every scheme of the county; towns and deputies: their county's schemes (what
    they may see inside each is decided per page)."""
    s = scope_of(user)
    if s.is_admin:
        return Scheme.objects.all()
    if not s.has(*READERS):
        return Scheme.objects.none()
    return Scheme.objects.filter(county_id__in=_reader_county_ids(user))


def scheme_for(user, pk) -> Scheme:
    try:
        return schemes_for(user).get(pk=int(pk))
    except (Scheme.DoesNotExist, TypeError, ValueError) as exc:
        raise Http404("not found") from exc


def county_of(user) -> County:
    """The county a county staff member (or an admin) creates schemes for."""
    s = scope_of(user)
    qs = County.objects.all() if s.is_admin else County.objects.filter(pk__in=s.county_ids)
    county = qs.order_by("pk").first()
    if county is None:
        raise Http404("not found")
    return county


def county_towns(scheme: Scheme) -> QuerySet[Town]:
    return Town.objects.filter(county_id=scheme.county_id).order_by("code")


def town_categories(scheme: Scheme) -> list[tuple[Town, int]]:
    """Every town of the scheme's county with its category (0: not taking part)."""
    cats = dict(scheme.towns.values_list("town_id", "category"))
    return [(t, cats.get(t.pk, 0)) for t in county_towns(scheme)]


def line_of(scheme: Scheme, pk) -> Line:
    line = Line.objects.select_related("indicator").filter(scheme=scheme, pk=pk).first()
    if line is None:
        raise Http404("not found")
    return line


def weight_total(scheme: Scheme, excluding: Line | None = None) -> float:
    qs = scheme.lines.all()
    if excluding is not None:
        qs = qs.exclude(pk=excluding.pk)
    return round(sum(qs.values_list("weight", flat=True)), 4)


def results_for(user) -> QuerySet[Result]:
    """Drafts only for the county; published results for the county's towns and deputies."""
    if is_county(user):
        return visible(Result, user)
    if not scope_of(user).has(*READERS):
        return Result.objects.none()
    return Result.objects.filter(scheme__county_id__in=_reader_county_ids(user), published_at__isnull=False)


def result_for(user, pk) -> Result:
    try:
        return results_for(user).select_related("scheme").get(pk=int(pk))
    except (Result.DoesNotExist, TypeError, ValueError) as exc:
        raise Http404("not found") from exc


def objection_for(user, pk) -> Objection:
    return get_visible_or_404(
        Objection.objects.select_related("scheme", "line__indicator", "town", "case"), user, pk=pk
    )


def town_in_scheme(user, scheme: Scheme, town_pk) -> Town:
    """A town of the scheme whose live scores the user may read: any for the county, their own for a town."""
    try:
        town = Town.objects.get(pk=int(town_pk), county_id=scheme.county_id)
    except (Town.DoesNotExist, TypeError, ValueError) as exc:
        raise Http404("not found") from exc
    if not (is_county(user) or town.pk in own_town_ids(user)):
        raise Http404("not found")
    if not scheme.towns.filter(town=town).exists():
        raise Http404("not found")
    return town


# --- figures ------------------------------------------------------------------------------------------


def scheme_period(scheme: Scheme) -> periods.Period:
    if scheme.kind == Scheme.Kind.QUARTER and scheme.quarter:
        return periods.Period(scheme.year, periods.QUARTER, scheme.quarter)
    return periods.Period(scheme.year, periods.YEAR)


def line_figure(line: Line, town: Town, scheme: Scheme, now: dt.datetime | None = None, rows=None):
    """The figure a line scores: computed → the scheme's period up to now; stored → the latest value
    of the year that does not reach past the period (a quarter competition reads up to its quarter)."""
    period = scheme_period(scheme)
    indicator = line.indicator
    if indicator.is_computed:
        if period.kind == periods.YEAR:
            return acc.latest_in_year(indicator, town, scheme.year, now)
        return acc.figure(indicator, town, period, now)
    if rows is None:
        rows = IndicatorValue.objects.filter(
            indicator=indicator, town=town, period__startswith=f"{scheme.year}"
        )
    kept = []
    for row in rows:
        try:
            p = periods.parse(row.period)
        except periods.PeriodError:
            continue
        if p.year == scheme.year and p.last_month <= period.last_month:
            kept.append(row)
    return acc.latest_in_year(indicator, town, scheme.year, now, kept)


@dataclass
class Board:
    """A scheme scored now: every line × town figure and the scores (the same arithmetic a result stores)."""

    scheme: Scheme
    lines: list[Line]
    towns: dict[int, Town]
    categories: dict[int, int]
    figures: dict[tuple[int, int], object]
    adjustments: dict[int, list[Adjustment]] = field(default_factory=dict)
    scores: list[scoring.TownScore] = field(default_factory=list)

    def detail(self, ts: scoring.TownScore) -> dict:
        """A town's breakdown as stored in a result row (plain JSON: names, values, provenance keys)."""
        out = []
        by_key = {ls.key: ls for ls in ts.lines}
        for line in self.lines:
            ls = by_key[line.pk]
            fig = self.figures[(line.pk, ts.town)]
            out.append(
                {
                    "line": line.pk,
                    "group": line.group,
                    "indicator": line.indicator.code,
                    "name": line.indicator.name,
                    "unit": line.indicator.unit,
                    "weight": line.weight,
                    "rule": line.rule,
                    "value": ls.value,
                    "display": fig.display,
                    "target": ls.target,
                    "completion": None if ls.completion is None else round(ls.completion, 4),
                    "score": ls.score,
                    "missing": ls.missing,
                    "period": fig.period.key,
                    "version": fig.version,
                }
            )
        adjustments = [
            {"kind": a.kind, "points": a.points, "reason": a.reason, "document": a.document}
            for a in self.adjustments.get(ts.town, [])
        ]
        return {"lines": out, "adjustments": adjustments, "vetoes": list(ts.vetoes)}


def live_scores(scheme: Scheme, now: dt.datetime | None = None, town_ids: set[int] | None = None) -> Board:
    """Score the scheme now from the indicator values (``town_ids``: only these towns' figures are
    computed, e.g. a town's own page; rank rules then see only them, so such a board shows no ranks)."""
    now = now or timezone.now()
    lines = list(scheme.lines.select_related("indicator").order_by("order", "id"))
    members = list(scheme.towns.select_related("town"))
    if town_ids is not None:
        members = [m for m in members if m.town_id in town_ids]
    towns = {m.town_id: m.town for m in members}
    categories = {m.town_id: m.category for m in members}
    stored: dict[tuple[int, int], list] = {}
    for row in IndicatorValue.objects.filter(
        town_id__in=list(towns),
        indicator_id__in=[line.indicator_id for line in lines],
        period__startswith=f"{scheme.year}",
    ):
        stored.setdefault((row.indicator_id, row.town_id), []).append(row)
    figures = {}
    for line in lines:
        for town_id, town in towns.items():
            figures[(line.pk, town_id)] = line_figure(
                line, town, scheme, now, stored.get((line.indicator_id, town_id), [])
            )
    adjustments: dict[int, list[Adjustment]] = {}
    for a in scheme.adjustments.filter(town_id__in=list(towns)):
        adjustments.setdefault(a.town_id, []).append(a)
    inputs = []
    for town_id in towns:
        adj = adjustments.get(town_id, [])
        cat = categories[town_id]
        inputs.append(
            scoring.TownInput(
                town=town_id,
                category=cat,
                values={line.pk: figures[(line.pk, town_id)].value for line in lines},
                targets={line.pk: line.target_for(cat) for line in lines},
                bonus=sum(a.points for a in adj if a.kind == Adjustment.Kind.BONUS),
                deduction=sum(a.points for a in adj if a.kind == Adjustment.Kind.DEDUCTION),
                vetoes=tuple(a.reason for a in adj if a.kind == Adjustment.Kind.VETO),
            )
        )
    board = Board(scheme, lines, towns, categories, figures, adjustments)
    board.scores = scoring.score(
        [line.spec() for line in lines], inputs, pass_score=scheme.pass_score, bonus_cap=scheme.bonus_cap
    )
    return board


def provenance_url(detail_line: dict, town_id: int) -> str:
    from django.urls import reverse

    return reverse("accounts:provenance", args=[detail_line["indicator"], town_id, detail_line["period"]])
