"""A town's output of a month, nowcast (用电估算产值): the reported figures where the statistics
have arrived, plus estimates from electricity (``luoshi.economy.nowcast``) where only kWh has, kept
apart and summed for the town and per GB/T 4754 section.

Only for the desk's pages: nothing here writes a return or an indicator value (an estimate is not a
statistic). The enterprises counted are those of the town with a return in the month, holding the
dashboard's scale flag then, that report output (this month or in the months the model reads).

A town's nowcast changes only with its returns, the register, the scale flags or the county's
limits; it is cached under a key made of those (indexed aggregates), so the dashboard does not refit
every enterprise on each request.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field

from django.db.models import Max

from luoshi.economy import memo, nowcast
from luoshi.economy.models import Enterprise, MonthlyReturn, Thresholds
from luoshi.economy.selectors import TownState, add_months, town_state, with_scale
from luoshi.portal import suppress

MIN_GROUP = 3  # a sum of fewer enterprises is shown only to the desk (统计保密: no one firm's figure)


def limits_for(town, state: TownState | None = None) -> nowcast.Limits:
    """The county's nowcast setting (``Thresholds``), or the defaults."""
    row = state.thresholds if state else Thresholds.objects.filter(county_id=town.county_id).first()
    if row is None:
        return nowcast.Limits()
    return nowcast.Limits(max_error_pct=row.nowcast_max_error_pct, min_months=row.nowcast_min_months)


@dataclass
class Row:
    """One enterprise of the month: its reported output, or its estimate (shown or not, with why)."""

    enterprise_id: int
    name: str
    industry: str
    section: str
    kwh: float | None
    reported: float | None
    estimate: nowcast.Estimate | None  # None when the output is reported

    @property
    def status(self) -> str:
        return "reported" if self.estimate is None else self.estimate.status


@dataclass
class Part:
    """A sum over enterprises: reported, estimated (with the back-test error of the sum), and those
    with electricity but no estimate shown."""

    reported: float = 0.0
    reported_n: int = 0
    estimated: float = 0.0
    estimated_n: int = 0
    error_pct: float | None = None
    missing_n: int = 0  # kWh but no estimate shown (error too large, too little history, …)
    missing_kwh: float = 0.0
    last_year: float | None = None  # the same enterprises' reported output a year earlier
    last_year_n: int = 0  # how many of them reported then
    estimates: list[nowcast.Estimate] = field(default_factory=list, repr=False)

    @property
    def total(self) -> float:
        return self.reported + self.estimated

    @property
    def n(self) -> int:
        return self.reported_n + self.estimated_n

    @property
    def yoy(self) -> float | None:
        """Against the same enterprises a year earlier; None unless every one of them reported then."""
        if not self.last_year or self.last_year_n != self.n:
            return None
        return (self.total - self.last_year) / self.last_year * 100

    def add(self, row: Row, last_year: float | None) -> None:
        if row.estimate is None:
            self.reported += row.reported or 0
            self.reported_n += 1
        elif row.estimate.shown:
            self.estimated += row.estimate.value or 0
            self.estimated_n += 1
            self.estimates.append(row.estimate)
        else:
            self.missing_n += 1
            self.missing_kwh += row.kwh or 0
            return
        if last_year is not None:
            self.last_year = (self.last_year or 0) + last_year
            self.last_year_n += 1

    def finish(self) -> None:
        self.error_pct = nowcast.group_error(self.estimates) if self.estimates else None


@dataclass
class TownNowcast:
    town_id: int
    month: dt.date
    limits: nowcast.Limits
    total: Part
    sections: list[tuple[str, Part]]  # (GB/T 4754 section letter, its sum)
    rows: list[Row]

    @property
    def has_estimates(self) -> bool:
        return self.total.estimated_n > 0 or self.total.missing_n > 0


def nowcast_key(town, month: dt.date, scale: str | None, state: TownState) -> str:
    """The cache key of the town's nowcast: its newest return, the register's and the flags' newest
    history rows and the county's limits."""
    newest = state.newest.isoformat() if state.newest else "-"
    stamp = f"{newest}:{state.enterprise_history}:{state.flag_history}"
    limits = limits_for(town, state)
    return f"economy:nowcast:{town.pk}:{month:%Y-%m}:{scale}:{stamp}:{hash(limits)}".replace(" ", "_")


def town_nowcast(town, month: dt.date, scale: str | None, *, state: TownState | None = None) -> TownNowcast:
    """The town's nowcast of ``month`` within the scale flag ``scale`` (None: every enterprise).
    ``state``: the town's ``selectors.town_state`` when the caller has read it."""
    state = state or town_state(town)
    key = nowcast_key(town, month, scale, state)
    return memo.get_or_compute(key, lambda: _town_nowcast(town, month, scale, limits_for(town, state)))


def _town_nowcast(town, month: dt.date, scale: str | None, limits: nowcast.Limits) -> TownNowcast:
    ids = list(
        with_scale(MonthlyReturn.objects.filter(town=town, month=month), scale).values_list(
            "enterprise_id", flat=True
        )
    )
    first = add_months(month, -(limits.window + limits.backtest_months + 1))
    series: dict[int, dict[dt.date, tuple[float | None, float | None]]] = {pk: {} for pk in ids}
    for pk, m, kwh, output in MonthlyReturn.objects.filter(
        enterprise_id__in=ids, month__gte=first, month__lte=month
    ).values_list("enterprise_id", "month", "kwh", "output"):
        series[pk][m] = (kwh, output)
    sums: dict[str, Part] = {}
    total = Part()
    rows = []
    for pk, name, industry in (
        Enterprise.objects.filter(pk__in=ids).order_by("name").values_list("pk", "name", "industry")
    ):
        s = series[pk]
        if not any(o is not None for _k, o in s.values()):
            continue  # reports no output: not an enterprise whose output is watched
        kwh, reported = s.get(month, (None, None))
        est = None if reported is not None else nowcast.estimate(s, month, limits)
        row = Row(pk, name, industry, nowcast.section_of(industry), kwh, reported, est)
        if est is not None and est.status == nowcast.NO_KWH:
            continue  # neither figure this month: nothing to add or estimate
        rows.append(row)
        before = s.get(add_months(month, -12), (None, None))[1]
        total.add(row, before)
        sums.setdefault(row.section, Part()).add(row, before)
    total.finish()
    for part in sums.values():
        part.finish()
    sections = [(letter, sums[letter]) for letter in sorted(sums, key=lambda x: x or "~")]
    return TownNowcast(town.pk, month, limits, total, sections, rows)


def enterprise_estimate(ent: Enterprise) -> nowcast.Estimate | None:
    """The enterprise's nowcast for the latest month it has electricity but no output for, when that
    month is its newest; None when its newest month's output is reported (or it has no returns)."""
    limits = limits_for(ent.town)
    last = MonthlyReturn.objects.filter(enterprise=ent, kwh__isnull=False).aggregate(m=Max("month"))["m"]
    if last is None:
        return None
    first = add_months(last, -(limits.window + limits.backtest_months + 1))
    series = {
        m: (kwh, output)
        for m, kwh, output in MonthlyReturn.objects.filter(
            enterprise=ent, month__gte=first, month__lte=last
        ).values_list("month", "kwh", "output")
    }
    if series[last][1] is not None or not any(o is not None for _k, o in series.values()):
        return None
    return nowcast.estimate(series, last, limits)


def shown(nc: TownNowcast, desk: bool) -> tuple[dict, list[tuple[str, dict]]]:
    """What a user may see of the town's and the sections' sums: the desk all; others no part summing
    fewer than ``MIN_GROUP`` enterprises, with the portal's secondary suppression (a part that the
    town's figures minus the shown ones would give away is hidden too). Returns (town, sections)."""
    parts = [p for _letter, p in nc.sections]
    hide: set = set()
    hide_kwh: set = set()
    if not desk:
        hide = suppress.hidden_cells([[p.reported_n, p.estimated_n] for p in parts], MIN_GROUP)
        hide_kwh = suppress.hidden_cells([[p.missing_n] for p in parts], MIN_GROUP)
    town = _view(nc.total, ("col", 0) in hide, ("col", 1) in hide, ("all",) in hide, ("col", 0) in hide_kwh)
    sections = [
        (letter, _view(p, (r, 0) in hide, (r, 1) in hide, ("row", r) in hide, (r, 0) in hide_kwh))
        for r, (letter, p) in enumerate(nc.sections)
    ]
    return town, sections


def _view(part: Part, reported: bool, estimated: bool, total: bool, kwh: bool) -> dict:
    return {
        "reported": None if reported else part.reported,
        "reported_n": part.reported_n,
        "estimated": None if estimated else part.estimated,
        "estimated_n": part.estimated_n,
        "error_pct": None if estimated else part.error_pct,
        "total": None if total else part.total,
        "yoy": None if total else part.yoy,
        "missing_n": part.missing_n,
        "missing_kwh": None if kwh else part.missing_kwh,
        "hidden": reported or estimated or total,
    }
