"""The desk's roll-ups as computed indicators (``luoshi.accounts.registry``): a plan target, the report
writer or the county assessment bound to one of these reads the sum of the enterprises' monthly
returns, never a retyped number. Registered here when the app is ready (``EconomyConfig.ready``); the catalogue rows are seeded by
migration ``economy.0003_indicators`` (and ``accounts.services.catalogue_sync``).

A figure of a cumulative period covers its months 1..N (a month is counted when it begins inside
the period). The records behind it are the enterprises counted; the provenance page lists them only
to the users who may open them (the town's leaders and economy office), others see a count.
"""

from __future__ import annotations

import datetime as dt

from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from luoshi.accounts import registry
from luoshi.economy import selectors
from luoshi.economy.models import Enterprise, MonthlyReturn, Scale

VERSION = "2026.1"


def _months(start: dt.datetime, end: dt.datetime) -> tuple[dt.date, dt.date]:
    """First and last month beginning in [start, end)."""
    first = selectors.month_start(start.date())
    if first < start.date():
        first = selectors.add_months(first, 1)
    last = selectors.month_start((end - dt.timedelta(microseconds=1)).date())
    return first, last


def _counted(town, first, last) -> Q:
    return Q(
        pk__in=selectors.with_scale(
            MonthlyReturn.objects.filter(town=town, month__gte=first, month__lte=last), Scale.INDUSTRY
        ).values("enterprise_id")
    )


def _through(town, field: str, first: dt.date, last: dt.date) -> tuple[dt.date | None, str]:
    """The last complete month of ``field`` in first..last (``coverage``) and, in words, which month
    that is and which later months are left out because not every enterprise has reported yet."""
    firm = selectors.firms([town], selectors.add_months(last, -13), last, Scale.INDUSTRY, [field])[town.pk]
    through = firm.last_complete(field, last)
    if through is not None and through < first:
        through = None
    later = sorted(
        m for m in firm.values[field] if m <= last and (through is None or m > through) and m >= first
    )
    parts = []
    if through is not None:
        parts.append(_("按报送齐全的月份计，截至%(y)s年%(m)s月。") % {"y": through.year, "m": through.month})
    for m in later:
        f = firm.filed(field, m)
        if f is not None and not f.complete:
            parts.append(
                _("%(y)s年%(m)s月已报送 %(r)s/%(d)s 家，未计入。")
                % {"y": m.year, "m": m.month, "r": f.reported, "d": f.due}
            )
    return through, " ".join(str(p) for p in parts)


def _sum(field: str, divisor: float) -> callable:
    def compute(town, start, end, now) -> registry.Result:
        first, last = _months(start, end)
        through, note = _through(town, field, first, last) if first <= last else (None, "")
        total = selectors.cumulative(town, field, first, through) if through is not None else None
        records = (
            Enterprise.objects.filter(_counted(town, first, through)).order_by("name")
            if through is not None
            else Enterprise.objects.none()
        )
        return registry.Result(
            value=None if total is None else round(total / divisor, 4),
            numerator=total,
            denominator=None,
            version=VERSION,
            definition="",
            model="enterprise",
            records=records,
            exclusions=note,
            through=through,
        )

    return compute


def _growth(field: str) -> callable:
    def compute(town, start, end, now) -> registry.Result:
        first, last = _months(start, end)
        # compare the same months, up to the last one every enterprise has reported
        through, note = _through(town, field, first, last) if first <= last else (None, "")
        now_total = selectors.cumulative(town, field, first, through) if through is not None else None
        before = (
            selectors.cumulative(
                town, field, selectors.add_months(first, -12), selectors.add_months(through, -12)
            )
            if through is not None
            else None
        )
        value = None if now_total is None or not before else round((now_total - before) / before * 100, 2)
        return registry.Result(
            value=value,
            numerator=now_total,
            denominator=before,
            version=VERSION,
            definition="",
            model="enterprise",
            records=(
                Enterprise.objects.filter(_counted(town, first, through)).order_by("name")
                if through is not None
                else Enterprise.objects.none()
            ),
            exclusions=note,
            through=through,
        )

    return compute


# key, label, unit, definition, compute
ENTRIES = [
    (
        "economy-output",
        _("监测企业工业总产值"),
        "亿元",
        _("本镇在库规上工业企业月度工业总产值（万元）1-N月之和 ÷ 10000；企业须在当月持有规上工业标志。"),
        _sum("output", 10000),
    ),
    (
        "economy-output-growth",
        _("监测企业工业总产值增速"),
        "%",
        _(
            "1-N月规上工业总产值与上年同期（同一批月份）之比减一；分子为本期累计、分母为上年同期累计（万元）。"
        ),
        _growth("output"),
    ),
    (
        "economy-taxable-sales",
        _("监测企业应税销售"),
        "亿元",
        _("本镇在库规上工业企业月度应税销售（万元）1-N月之和 ÷ 10000。"),
        _sum("taxable_sales", 10000),
    ),
    (
        "economy-kwh",
        _("监测企业用电量"),
        "万千瓦时",
        _("本镇在库规上工业企业月度用电量（千瓦时，供电公司户号数据）1-N月之和 ÷ 10000。"),
        _sum("kwh", 10000),
    ),
    (
        "economy-tax",
        _("监测企业入库税金"),
        "万元",
        _("本镇在库规上工业企业月度入库税金（万元）1-N月之和。"),
        _sum("tax", 1),
    ),
]

# Names and aliases must not repeat a reported indicator's (规上工业总产值, 工业应税销售 are the
# statistics bureau's figures; these are the desk's own sums of the enterprises' returns).
ALIASES = {
    "economy-output": ["企业月报工业总产值"],
    "economy-output-growth": ["企业月报工业总产值增速"],
    "economy-taxable-sales": ["企业月报应税销售"],
    "economy-kwh": ["企业用电量", "工业用电量"],
    "economy-tax": ["企业入库税金"],
    "cases-enterprise-solved": ["解决企业问题", "为企业解决问题", "帮助企业解决问题数"],
}
for _key, _label, _unit, _definition, _compute in ENTRIES:
    registry.register(_key, _label, _unit, VERSION, _definition, _compute, aliases=ALIASES[_key])

# 帮助企业解决问题: 企业诉求 cases resolved in the period, counted by the case engine's own KPI.
registry.register(
    "cases-enterprise-solved",
    _("帮助企业解决问题"),
    "个",
    registry.kpis.DEFINITION_VERSION,
    _("企业诉求（走访中企业提出的问题）在统计期内办结的件数，按案件“办结率”口径的分子计。"),
    registry._case_kpi("enterprise", "completion", count=True),
    aliases=ALIASES["cases-enterprise-solved"],
)

CODES = [e[0] for e in ENTRIES] + ["cases-enterprise-solved"]
registry.register_records("enterprise", Enterprise, "economy:enterprise")
