"""Early warnings over one enterprise's monthly series, each explained in words with its numbers.

Pure (no Django): a series is ``{month (date, first day): {metric: value or None}}``. The rules
(DOMAIN.md §8, issue 15):

* ``kwh_drop``: electricity use down more than ``kwh_drop_pct`` year on year while reported output
  is flat or up (output down no more than ``output_flat_pct``): production and reports disagree.
* ``decline``: output below the same month a year earlier in each of the last ``decline_months``
  months (year on year, so the Spring Festival dip is not a decline).
* ``threshold``: an above-scale industrial enterprise whose main-business revenue over the last 12
  months is below the 规上 line (20 million yuan) or within ``near_margin_pct`` above it.
* ``employment``: headcount down more than ``employment_drop_pct`` year on year.
* ``stale``: an enterprise that reported in the year before but not in the last ``stale_months``
  months the town has data for.

Each rule looks at the latest month its own figures exist for in the town (``as_of``), so a feed
that arrived for one source only does not silence the others. Django-free but for gettext.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field

from django.utils.translation import gettext as _

KWH_DROP, DECLINE, THRESHOLD, EMPLOYMENT, STALE = "kwh_drop", "decline", "threshold", "employment", "stale"
KINDS = (KWH_DROP, DECLINE, THRESHOLD, EMPLOYMENT, STALE)


def kind_labels() -> dict[str, str]:
    return {
        KWH_DROP: _("用电量下降而产值持平"),
        DECLINE: _("产值连续下降"),
        THRESHOLD: _("临近或低于规上标准"),
        EMPLOYMENT: _("用工大幅减少"),
        STALE: _("停止报送"),
    }


@dataclass(frozen=True)
class Limits:
    kwh_drop_pct: float = 20
    output_flat_pct: float = 2
    decline_months: int = 3
    scale_threshold: float = 2000  # 万元
    near_margin_pct: float = 10
    employment_drop_pct: float = 15
    stale_months: int = 2


@dataclass
class Warning:
    kind: str
    month: dt.date
    message: str  # in words, with the numbers
    numbers: dict = field(default_factory=dict)


def add_months(month: dt.date, n: int) -> dt.date:
    index = month.year * 12 + month.month - 1 + n
    return dt.date(index // 12, index % 12 + 1, 1)


def _get(series: dict, month: dt.date, metric: str):
    row = series.get(month)
    return None if row is None else row.get(metric)


def yoy(series: dict, month: dt.date, metric: str) -> float | None:
    """Year-on-year change in percent, or None without both values (or a zero base)."""
    now, before = _get(series, month, metric), _get(series, add_months(month, -12), metric)
    if now is None or not before:
        return None
    return (now - before) / before * 100


def _pct(x: float) -> str:
    return f"{x:+.1f}%"


def _month(m: dt.date) -> str:
    return _("%(y)s年%(m)s月") % {"y": m.year, "m": m.month}


def _num(x: float) -> str:
    return f"{x:,.0f}"


def check(series: dict, as_of: dict[str, dt.date], limits: Limits, *, industrial: bool) -> list[Warning]:
    """Every warning of one enterprise. ``as_of``: metric → the latest month the town has it for;
    ``"any"`` → the latest month the town has any return for."""
    out: list[Warning] = []
    m = as_of.get("kwh")
    if m is not None:
        kwh, out_yoy = yoy(series, m, "kwh"), yoy(series, m, "output")
        if kwh is not None and out_yoy is not None and kwh < -limits.kwh_drop_pct:
            if out_yoy >= -limits.output_flat_pct:
                out.append(
                    Warning(
                        KWH_DROP,
                        m,
                        _(
                            "%(month)s用电量%(kwh)s千瓦时，同比%(kwh_yoy)s（降幅超过%(limit)s%%），"
                            "而同期工业总产值同比%(output_yoy)s，用电与产值走势不一致，请核实生产和报送情况。"
                        )
                        % {
                            "month": _month(m),
                            "kwh": _num(_get(series, m, "kwh")),
                            "kwh_yoy": _pct(kwh),
                            "limit": f"{limits.kwh_drop_pct:g}",
                            "output_yoy": _pct(out_yoy),
                        },
                        {"kwh_yoy": round(kwh, 1), "output_yoy": round(out_yoy, 1)},
                    )
                )
    m = as_of.get("output")
    if m is not None and limits.decline_months > 0:
        months = [add_months(m, -i) for i in reversed(range(limits.decline_months))]
        changes = [yoy(series, one, "output") for one in months]
        if all(c is not None and c < 0 for c in changes):
            text = ", ".join(f"{_month(one)} {_pct(c)}" for one, c in zip(months, changes, strict=True))
            out.append(
                Warning(
                    DECLINE,
                    m,
                    _("工业总产值连续%(n)s个月同比下降：%(list)s。")
                    % {"n": limits.decline_months, "list": text},
                    {"output_yoy": [round(c, 1) for c in changes]},
                )
            )
    m = as_of.get("sales")
    if m is not None and industrial:
        window = [_get(series, add_months(m, -i), "sales") for i in range(12)]
        if all(v is not None for v in window):
            total = sum(window)
            line = limits.scale_threshold
            if total < line * (1 + limits.near_margin_pct / 100):
                text = (
                    _("近12个月（至%(month)s）主营业务收入%(total)s万元，已低于规上工业标准%(line)s万元。")
                    if total < line
                    else _(
                        "近12个月（至%(month)s）主营业务收入%(total)s万元，接近规上工业标准%(line)s万元，有退库风险。"
                    )
                )
                out.append(
                    Warning(
                        THRESHOLD,
                        m,
                        text % {"month": _month(m), "total": _num(total), "line": _num(line)},
                        {"sales_12m": round(total, 1), "line": line},
                    )
                )
    m = as_of.get("employment")
    if m is not None:
        emp = yoy(series, m, "employment")
        if emp is not None and emp < -limits.employment_drop_pct:
            before = _get(series, add_months(m, -12), "employment")
            out.append(
                Warning(
                    EMPLOYMENT,
                    m,
                    _("%(month)s用工%(now)s人，上年同月%(before)s人，同比%(change)s（降幅超过%(limit)s%%）。")
                    % {
                        "month": _month(m),
                        "now": _num(_get(series, m, "employment")),
                        "before": _num(before),
                        "change": _pct(emp),
                        "limit": f"{limits.employment_drop_pct:g}",
                    },
                    {"employment_yoy": round(emp, 1)},
                )
            )
    m = as_of.get("any")
    if m is not None and limits.stale_months > 0:
        recent = [add_months(m, -i) for i in range(limits.stale_months)]
        earlier = [add_months(m, -i) for i in range(limits.stale_months, limits.stale_months + 12)]
        if not any(one in series for one in recent) and any(one in series for one in earlier):
            last = max(one for one in series if one <= m)
            out.append(
                Warning(
                    STALE,
                    m,
                    _("最近一次报送为%(last)s，已连续%(n)s个月以上未报送（全镇数据已到%(month)s）。")
                    % {"last": _month(last), "n": limits.stale_months, "month": _month(m)},
                    {"last": last.isoformat()},
                )
            )
    return out
