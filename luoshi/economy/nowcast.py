"""Nowcast: an enterprise's output of a month estimated from its electricity use, before the
statistics arrive (issue 15 item 5).

The model is the plainest that back-tests well on the demo and on real series with a base load:
output ≈ a + b·kWh, fitted by least squares (``statistics.linear_regression``) on the enterprise's
own months that have both figures, at most ``window`` (24) of them, before the month estimated.
A series with no spread in kWh (the same reading every month) gets the proportional fit
output ≈ b·kWh instead.

Every estimate carries its error on past months: for each of the last ``backtest_months`` (12)
months with both figures, the model is fitted on the months before that one only, the month is
predicted and compared with what was reported; the mean absolute percentage error (MAPE) of those
predictions is the estimate's error. An estimate whose error exceeds the county's limit is not shown
(status ``suppressed``); too little history gives no estimate either, with the reason in words.

An estimate is not a statistic: nothing here writes a return or an indicator value. Pure (no
database); gettext only for the explanations.
"""

from __future__ import annotations

import datetime as dt
import statistics
from dataclasses import dataclass, field

from django.utils.translation import gettext as _

OK, SUPPRESSED, SHORT, NO_KWH, UNFIT = "ok", "suppressed", "short", "no_kwh", "unfit"
STATUSES = (OK, SUPPRESSED, SHORT, UNFIT, NO_KWH)


def status_labels() -> dict[str, str]:
    return {
        OK: _("已估算"),
        SUPPRESSED: _("误差过大，不估算"),
        SHORT: _("历史数据不足"),
        UNFIT: _("用电与产值关系不成立"),
        NO_KWH: _("本月无用电数据"),
    }


@dataclass(frozen=True)
class Limits:
    """The county's setting (``max_error_pct``, ``min_months``) and the fixed shape of the method."""

    max_error_pct: float = 10.0  # back-test MAPE above this: nothing shown
    min_months: int = 12  # months with both figures a fit needs
    window: int = 24  # a fit uses at most this many most recent months
    backtest_months: int = 12  # months predicted in the back-test
    min_backtest: int = 6  # back-test predictions an error needs


@dataclass(frozen=True)
class Fit:
    intercept: float
    slope: float  # 万元 per kWh
    months: int  # months the fit used

    def predict(self, kwh: float) -> float:
        return self.intercept + self.slope * kwh


@dataclass
class Estimate:
    """The nowcast of one enterprise-month. ``value`` is set only when ``status`` is OK."""

    month: dt.date
    status: str
    kwh: float | None = None
    value: float | None = None  # 万元
    error_pct: float | None = None  # back-test MAPE
    fit: Fit | None = None
    history: int = 0  # months before ``month`` with both figures
    backtest: list[tuple[dt.date, float, float]] = field(default_factory=list)  # (month, predicted, reported)
    limits: Limits = field(default_factory=Limits)

    @property
    def shown(self) -> bool:
        return self.status == OK

    def explain(self) -> str:
        """The estimate in words, with its numbers (or why there is none)."""
        lim = self.limits
        if self.status == NO_KWH:
            return _("本月尚无用电数据，无法估算。")
        if self.status == SHORT:
            return _(
                "该企业此前仅有%(n)s个月同时有用电和产值数据，至少需要%(need)s个月（拟合%(fit)s个月并逐月回测%(bt)s个月），暂不估算。"
            ) % {
                "n": self.history,
                "need": lim.min_months + lim.min_backtest,
                "fit": lim.min_months,
                "bt": lim.min_backtest,
            }
        if self.status == UNFIT:
            return _(
                "按该企业用电与产值的历史关系推算，本月用电%(kwh)s万千瓦时对应的产值不为正数，关系不成立，不估算。"
            ) % {"kwh": _wan(self.kwh)}
        if self.status == SUPPRESSED:
            return _(
                "按用电估算产值在过去%(k)s个月的回测平均误差为%(err)s%%，超过允许的%(limit)s%%，不显示估算值。"
            ) % {
                "k": len(self.backtest),
                "err": f"{self.error_pct:.1f}",
                "limit": f"{lim.max_error_pct:g}",
            }
        assert self.fit is not None and self.value is not None and self.error_pct is not None
        return _(
            "按该企业近%(n)s个月用电与产值关系估算（产值 ≈ %(a)s + %(b)s × 用电万千瓦时）：本月用电%(kwh)s万千瓦时 → "
            "产值约%(y)s万元，回测平均误差%(err)s%%（近%(k)s个月逐月回测）。"
        ) % {
            "n": self.fit.months,
            "a": f"{self.fit.intercept:,.1f}",
            "b": f"{self.fit.slope * 10000:,.2f}",
            "kwh": _wan(self.kwh),
            "y": f"{self.value:,.0f}",
            "err": f"{self.error_pct:.1f}",
            "k": len(self.backtest),
        }


def _wan(kwh: float | None) -> str:
    return "—" if kwh is None else f"{kwh / 10000:,.1f}"


def fit(points: list[tuple[float, float]]) -> Fit | None:
    """Least squares output ≈ a + b·kWh over (kWh, output) pairs; the proportional fit when every
    kWh is the same; None when nothing can be fitted (no pairs, or no electricity at all)."""
    if not points:
        return None
    xs = [p[0] for p in points]
    ys = [p[1] for p in points]
    if len(points) >= 3 and max(xs) > min(xs):
        slope, intercept = statistics.linear_regression(xs, ys)
        return Fit(intercept, slope, len(points))
    if not any(xs):
        return None
    slope, _zero = statistics.linear_regression(xs, ys, proportional=True)
    return Fit(0.0, slope, len(points))


def _paired(series: dict[dt.date, tuple[float | None, float | None]], before: dt.date) -> list[dt.date]:
    """Months before ``before`` with both kWh and output, oldest first."""
    return sorted(m for m, (k, o) in series.items() if m < before and k is not None and o is not None)


def _fit_before(series, months: list[dt.date], upto: int, limits: Limits) -> Fit | None:
    """Fit on the (at most ``window``) paired months before index ``upto`` of ``months``."""
    used = months[max(0, upto - limits.window) : upto]
    if len(used) < limits.min_months:
        return None
    return fit([series[m] for m in used])  # type: ignore[misc]


def backtest(series, month: dt.date, limits: Limits) -> list[tuple[dt.date, float, float]]:
    """(month, predicted, reported) for each of the last ``backtest_months`` paired months before
    ``month`` whose own fit (on the months before it only) has enough history; months reporting no
    output are skipped (no percentage error of zero)."""
    months = _paired(series, month)
    out = []
    for i in range(max(0, len(months) - limits.backtest_months), len(months)):
        m = months[i]
        kwh, reported = series[m]
        model = _fit_before(series, months, i, limits)
        if model is None or not reported:
            continue
        out.append((m, model.predict(kwh), reported))
    return out


def mape(pairs) -> float | None:
    """Mean absolute percentage error of (predicted, reported) pairs, in percent."""
    pairs = [(p, r) for p, r in pairs if r]
    if not pairs:
        return None
    return sum(abs(p - r) / abs(r) for p, r in pairs) / len(pairs) * 100


def estimate(
    series: dict[dt.date, tuple[float | None, float | None]], month: dt.date, limits: Limits | None = None
) -> Estimate:
    """The nowcast of ``month`` from ``series`` (month → (kWh, output 万元), either may be None)."""
    limits = limits or Limits()
    kwh = (series.get(month) or (None, None))[0]
    months = _paired(series, month)
    est = Estimate(month, NO_KWH, kwh=kwh, history=len(months), limits=limits)
    if kwh is None:
        return est
    est.backtest = backtest(series, month, limits)
    model = _fit_before(series, months, len(months), limits)
    if model is None or len(est.backtest) < limits.min_backtest:
        est.status = SHORT
        return est
    est.fit = model
    est.error_pct = mape((p, r) for _m, p, r in est.backtest)
    value = model.predict(kwh)
    if value <= 0:
        est.status = UNFIT
    elif est.error_pct is None or est.error_pct > limits.max_error_pct:
        est.status = SUPPRESSED
    else:
        est.status, est.value = OK, value
    return est


def group_error(estimates: list[Estimate]) -> float | None:
    """The back-test error of a sum of estimates (a town's or an industry's 估算 part): for each month
    the back-tests share, Σ predicted against Σ reported; the mean of those percentage errors."""
    by_month: dict[dt.date, list[float]] = {}
    for est in estimates:
        for m, p, r in est.backtest:
            acc = by_month.setdefault(m, [0.0, 0.0, 0])
            acc[0] += p
            acc[1] += r
            acc[2] += 1
    full = [(p, r) for p, r, n in by_month.values() if n == len(estimates)]
    return mape(full)


# --- GB/T 4754-2017 sections (门类) by division (大类, the first two digits) -------------------------

SECTIONS = [
    ("A", 1, 5),
    ("B", 6, 12),
    ("C", 13, 43),
    ("D", 44, 46),
    ("E", 47, 50),
    ("F", 51, 52),
    ("G", 53, 60),
    ("H", 61, 62),
    ("I", 63, 65),
    ("J", 66, 69),
    ("K", 70, 70),
    ("L", 71, 72),
    ("M", 73, 75),
    ("N", 76, 79),
    ("O", 80, 82),
    ("P", 83, 83),
    ("Q", 84, 85),
    ("R", 86, 90),
    ("S", 91, 96),
    ("T", 97, 97),
]


def section_names() -> dict[str, str]:
    return {
        "A": _("农、林、牧、渔业"),
        "B": _("采矿业"),
        "C": _("制造业"),
        "D": _("电力、热力、燃气及水生产和供应业"),
        "E": _("建筑业"),
        "F": _("批发和零售业"),
        "G": _("交通运输、仓储和邮政业"),
        "H": _("住宿和餐饮业"),
        "I": _("信息传输、软件和信息技术服务业"),
        "J": _("金融业"),
        "K": _("房地产业"),
        "L": _("租赁和商务服务业"),
        "M": _("科学研究和技术服务业"),
        "N": _("水利、环境和公共设施管理业"),
        "O": _("居民服务、修理和其他服务业"),
        "P": _("教育"),
        "Q": _("卫生和社会工作"),
        "R": _("文化、体育和娱乐业"),
        "S": _("公共管理、社会保障和社会组织"),
        "T": _("国际组织"),
        "": _("行业不明"),
    }


def section_of(industry: str) -> str:
    """The GB/T 4754 section letter of an industry code (``C3484`` or ``3484`` → ``C``); '' if unknown.
    The division decides: a letter that disagrees with the digits is not trusted."""
    code = (industry or "").strip().upper()
    digits = code[1:] if code[:1].isalpha() else code
    if len(digits) >= 2 and digits[:2].isdigit():
        division = int(digits[:2])
        for letter, lo, hi in SECTIONS:
            if lo <= division <= hi:
                return letter
    return ""
