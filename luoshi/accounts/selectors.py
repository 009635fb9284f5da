"""Reads: who may see which towns' figures, the catalogue, a value with its provenance, plan bindings.

Values are per town. County staff see every town of their county; town leaders and office staff,
unit staff and deputies (read-only) their own town; village cadres and grid workers have no page.
A record behind a computed figure is listed only when the user may open it (``visible``); the
others are shown as a number.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field

from django.core.paginator import Paginator
from django.db.models import Q, QuerySet
from django.http import Http404
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import get_language

from luoshi.accounts import periods, registry
from luoshi.accounts.models import Indicator, IndicatorValue, Source
from luoshi.lib.quantity import format_amount
from luoshi.org.models import Town, Unit
from luoshi.org.roles import Role
from luoshi.org.scoping import get_visible_or_404, scope_of, visible

READERS = (Role.COUNTY, Role.LEADER, Role.OFFICE, Role.UNIT, Role.DEPUTY)
ENTERERS = (Role.OFFICE, Role.LEADER, Role.UNIT)


# --- Access ---------------------------------------------------------------------------------------------


def towns_for(user) -> QuerySet[Town]:
    """Towns whose figures the user may read."""
    s = scope_of(user)
    if s.is_admin:
        return Town.objects.all()
    return Town.objects.filter(
        Q(county_id__in=s.county_ids) | Q(id__in=s.town_ids | s.unit_town_ids | s.deputy_town_ids)
    )


def town_for(user, pk) -> Town:
    try:
        return towns_for(user).get(pk=int(pk))
    except (Town.DoesNotExist, TypeError, ValueError) as exc:
        raise Http404("not found") from exc


def indicators_for(user) -> QuerySet[Indicator]:
    """The county-wide catalogue plus the indicators of towns the user may read."""
    return Indicator.objects.filter(Q(town__isnull=True) | Q(town__in=towns_for(user))).select_related("town")


def indicator_for(user, code: str) -> Indicator:
    try:
        return indicators_for(user).get(code=code)
    except Indicator.DoesNotExist as exc:
        raise Http404("not found") from exc


def catalogue_for_town(town: Town) -> QuerySet[Indicator]:
    """Active indicators a town's plan may bind: the county-wide ones and the town's own."""
    return Indicator.objects.filter(Q(town__isnull=True) | Q(town=town), is_active=True).order_by(
        "source", "name"
    )


def value_for(user, pk: int) -> IndicatorValue:
    return get_visible_or_404(IndicatorValue.objects.select_related("indicator", "town"), user, pk=pk)


def can_enter(user, indicator: Indicator, town: Town) -> bool:
    """Who may enter a reported or manual value: the town's office staff and leaders, and staff of the
    unit the indicator names (``unit_code``, e.g. 财政所 for budget revenue) in that town. Never for a
    computed indicator, never for another town's own indicator."""
    if indicator.is_computed or (indicator.town_id and indicator.town_id != town.pk):
        return False
    s = scope_of(user)
    if s.is_admin or (s.has(Role.OFFICE, Role.LEADER) and town.pk in s.town_ids):
        return True
    return (
        Role.UNIT in s.roles
        and bool(indicator.unit_code)
        and Unit.objects.filter(pk__in=s.unit_ids, town=town, code=indicator.unit_code).exists()
    )


def enterable_towns(user) -> QuerySet[Town]:
    s = scope_of(user)
    if s.is_admin:
        return Town.objects.all()
    return Town.objects.filter(id__in=s.town_ids | s.unit_town_ids)


# --- Values ---------------------------------------------------------------------------------------------


@dataclass
class Figure:
    """One indicator's value for a town and period, whatever its source, with where it comes from."""

    indicator: Indicator
    town: Town
    period: periods.Period
    value: float | None
    version: str
    numerator: float | None = None
    denominator: float | None = None
    result: registry.Result | None = None  # computed
    row: IndicatorValue | None = None  # reported / manual
    cut_at: dt.datetime | None = None  # computed figures of a running period: counted up to then

    @property
    def url(self) -> str:
        return reverse("accounts:provenance", args=[self.indicator.code, self.town.pk, self.period.key])

    @property
    def period_label(self) -> str:
        """The period in Chinese, as the report writer quotes it (whatever language the page is in)."""
        return self.period.label(self.indicator.cumulative)

    @property
    def period_display(self) -> str:
        """The period as shown on pages and in answers for people: in the active language."""
        return self.period.display(self.indicator.cumulative, get_language() or "zh-hans")

    @property
    def display(self) -> str:
        if self.value is None:
            return "—"
        unit = self.indicator.unit
        if unit == "%":  # as the case KPI pages show a rate
            return f"{self.value:.1f}%"
        return format_amount(self.value, unit)  # one rule for amounts (亿元/万元, no 7.5e+08)


def _aware(day: dt.date) -> dt.datetime:
    return timezone.make_aware(dt.datetime.combine(day, dt.time.min))


def figure(
    indicator: Indicator, town: Town, period: periods.Period, now: dt.datetime | None = None
) -> Figure:
    """The value of ``indicator`` for ``town`` and ``period``: computed from the records, or the stored row."""
    now = now or timezone.now()
    if indicator.is_computed:
        start = _aware(period.start(indicator.cumulative))
        end = min(_aware(period.end()), now)
        if end <= start:
            return Figure(indicator, town, period, None, registry.REGISTRY[indicator.computation].version)
        r = registry.compute(indicator.computation, town, start, end, now)
        return Figure(
            indicator,
            town,
            period,
            r.value,
            r.version,
            r.numerator,
            r.denominator,
            result=r,
            cut_at=end if end < _aware(period.end()) else None,
        )
    row = IndicatorValue.objects.filter(indicator=indicator, town=town, period=period.key).first()
    return Figure(
        indicator,
        town,
        period,
        row.value if row else None,
        row.definition_version if row else indicator.version,
        row=row,
    )


def latest_in_year(
    indicator: Indicator, town: Town, year: int, now: dt.datetime | None = None, rows=None
) -> Figure:
    """What a plan of ``year`` shows: computed → the year so far; stored → the latest period of the year.
    ``rows``: the indicator's stored values of that town and year, when the caller fetched them already."""
    if indicator.is_computed:
        return figure(indicator, town, periods.Period(year, periods.YEAR), now)
    if rows is None:
        rows = IndicatorValue.objects.filter(indicator=indicator, town=town, period__startswith=f"{year}")
    best = None
    for row in rows:
        try:
            p = periods.parse(row.period)
        except periods.PeriodError:
            continue
        if p.year == year and (best is None or (p.last_month, periods.FINENESS[p.kind]) > best[0]):
            best = ((p.last_month, periods.FINENESS[p.kind]), p, row)
    if best is None:
        return Figure(indicator, town, periods.Period(year, periods.YEAR), None, indicator.version)
    _k, p, row = best
    return Figure(indicator, town, p, row.value, row.definition_version, row=row)


# --- Provenance ------------------------------------------------------------------------------------------


@dataclass
class Provenance:
    figure: Figure
    total: int = 0
    hidden: int = 0  # records counted that the user may not open
    page: object = None
    counted_ids: set = field(default_factory=set)
    url_name: str = ""
    history: list = field(default_factory=list)


def provenance(user, fig: Figure, page_number=None, per_page: int = 50) -> Provenance:
    """The records behind a computed figure (the ones the user may open, paginated) or the history of
    a stored one."""
    out = Provenance(figure=fig)
    r = fig.result
    if r is not None:
        model, out.url_name = registry.RECORD_MODELS[r.model]
        records = r.records
        out.total = records.count()
        shown = records.filter(pk__in=visible(model, user).values("pk"))
        n_shown = shown.count()
        out.hidden = out.total - n_shown
        out.page = Paginator(shown, per_page).get_page(page_number)
        if r.counted is not None:
            ids = [o.pk for o in out.page.object_list]
            out.counted_ids = set(r.counted.filter(pk__in=ids).values_list("pk", flat=True))
        else:
            out.counted_ids = {o.pk for o in out.page.object_list}
    elif fig.row is not None:
        out.history = list(fig.row.history.select_related("history_user").order_by("-history_date"))
    return out


# --- Plan binding -------------------------------------------------------------------------------------


def bound_figures(items, town: Town, year: int, now: dt.datetime | None = None) -> dict[int, Figure]:
    """item id → the figure of its bound indicator for the plan's year (each indicator computed once)."""
    now = now or timezone.now()
    bound = [it for it in items if it.indicator_id]
    stored: dict[int, list[IndicatorValue]] = {}
    for row in IndicatorValue.objects.filter(
        town=town, period__startswith=f"{year}", indicator_id__in={it.indicator_id for it in bound}
    ).select_related("entered_by"):
        stored.setdefault(row.indicator_id, []).append(row)
    cache: dict[int, Figure] = {}
    out = {}
    with registry.sharing_case_cells():  # case figures of the town and year read the roll-up once
        for it in bound:
            if it.indicator_id not in cache:
                cache[it.indicator_id] = latest_in_year(
                    it.indicator, town, year, now, stored.get(it.indicator_id, [])
                )
            out[it.pk] = cache[it.indicator_id]
    return out


def figure_time_progress(fig: Figure) -> float | None:
    """序时进度 carried by a stored cumulative value: the share of the year its period reaches.
    None when the plan's own 序时进度 applies (computed figures run up to today)."""
    if fig.row is not None and fig.indicator.cumulative and fig.indicator.source != Source.COMPUTED:
        return fig.period.elapsed_share()
    through = fig.result.through if fig.result is not None else None
    if through is not None and fig.indicator.cumulative and through.year == fig.period.year:
        return through.month / 12  # counted to the end of that month
    return None
