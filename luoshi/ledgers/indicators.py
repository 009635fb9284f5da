"""Figures the ledgers produce for the indicator registry (``luoshi/accounts/registry.py``).

亮灯率 (DOMAIN §11.4) = working ÷ total street lights of the town at the end of the period. A light is
"not working" while it has a fault case (from a patrol, a resident or 12345, linked as a ``Problem``)
received before the end and not yet closed (销号) by then: the figure follows the case records and
is never typed.

巡查完成率 = patrols done ÷ patrols due: every item registered before a period ends owes the sheet's
``due_per_period`` patrols in each period of the sheet's frequency that overlaps the statistics
window; patrols beyond that in one period do not make up for another.

整改用时 = working days from a ledger problem's case being received to its 销号, over the problems
closed in the window (median and mean).
"""

from __future__ import annotations

import datetime as dt
import statistics
from collections import defaultdict

from django.db.models import Count, Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from luoshi.accounts import registry
from luoshi.ledgers import periods
from luoshi.ledgers.models import Inspection, Item, Kind, Problem, ScoreSheet

LIGHTS_REGISTER = "streetlight"
VERSION = "2026.1"


def _result(**kw):
    return registry.Result(version=VERSION, definition="", **kw)


def lights(town, end):
    return Item.objects.filter(
        town=town, register_type__code=LIGHTS_REGISTER, register_type__kind=Kind.FACILITY, is_active=True
    ).filter(created_at__lt=end)


def faulty_at(town, end):
    """Problems of the town's lights open at ``end``: received before it, not closed (or closed after)."""
    return (
        Problem.objects.filter(
            item__town=town,
            item__register_type__code=LIGHTS_REGISTER,
            case__received_at__lt=end,
        )
        .filter(Q(case__closed_at__isnull=True) | Q(case__closed_at__gte=end))
        .exclude(case__status__in=["merged", "cancelled"])
    )


def lights_on(town, start, end, now):
    end = min(end, now)
    total_qs = lights(town, end)
    working_qs = total_qs.exclude(pk__in=faulty_at(town, end).values("item_id"))
    total, working = total_qs.count(), working_qs.count()
    return _result(
        value=round(100 * working / total, 1) if total else None,
        numerator=working,
        denominator=total,
        model="ledger_item",
        records=total_qs.order_by("number"),
        counted=working_qs,
    )


def patrol_rate(sheet_code: str):
    """巡查完成率 of one patrol sheet (its current version says how often patrols are due)."""

    def compute(town, start, end, now):
        sheet = ScoreSheet.objects.filter(code=sheet_code, is_current=True).first()
        cutoff = min(end, now)
        items = Item.objects.filter(town=town, is_active=True, created_at__lt=cutoff)
        if sheet is None or not sheet.period or not sheet.due_per_period:
            return _result(
                value=None, numerator=None, denominator=None, model="ledger_item", records=items.none()
            )
        items = items.filter(register_type_id=sheet.register_type_id)
        first = timezone.localtime(start).date()
        last = timezone.localtime(cutoff - dt.timedelta(microseconds=1)).date()
        spans = periods.between(sheet.period, first, last)
        registered = dict(items.values_list("pk", "created_at"))
        due = {}  # item → periods it owes patrols in
        for key, _first, after in spans:
            for pk, created in registered.items():
                if timezone.localtime(created).date() < after:
                    due.setdefault(pk, []).append(key)
        done = defaultdict(int)
        rows = (
            Inspection.objects.filter(
                town=town, sheet_code=sheet_code, period__in=[s[0] for s in spans], item_id__in=list(due)
            )
            .values_list("item_id", "period")
            .annotate(n=Count("id"))
        )
        per = sheet.due_per_period
        complete = set(due)
        counted_done = 0
        for pk, key, n in rows:
            if key in due.get(pk, ()):
                done[(pk, key)] = min(n, per)
                counted_done += min(n, per)
        for pk, keys in due.items():
            if any(done[(pk, k)] < per for k in keys):
                complete.discard(pk)
        owed = sum(len(keys) for keys in due.values()) * per
        return _result(
            value=round(100 * counted_done / owed, 1) if owed else None,
            numerator=counted_done,
            denominator=owed,
            model="ledger_item",
            records=items.order_by("number"),
            counted=items.filter(pk__in=complete),
            exclusions=str(_("分子为已完成的巡查次数；对象清单中“计入”的是统计期内每期都巡查足数的对象。")),
        )

    return compute


def _closed_problems(town, start, end, now):
    return (
        Problem.objects.filter(item__town=town, case__closed_at__gte=start, case__closed_at__lt=min(end, now))
        .exclude(case__status__in=["merged", "cancelled"])
        .select_related("case")
    )


def repair_days(how: str):
    """整改用时: working days from receipt to 销号 of the ledger problems closed in the window."""

    def compute(town, start, end, now):
        from luoshi.cases import sla

        problems = list(_closed_problems(town, start, end, now))
        days = [sla.days_between(p.case.received_at, p.case.closed_at, "workdays") for p in problems]
        value = None
        if days:
            value = float(statistics.median(days)) if how == "median" else round(statistics.fmean(days), 1)
        items = Item.objects.filter(pk__in={p.item_id for p in problems}).order_by("number")
        return _result(
            value=value,
            numerator=sum(days) if days else None,
            denominator=len(days) or None,
            model="ledger_item",
            records=items,
        )

    return compute


PATROL_SHEETS = [
    ("streetlight", "light-patrol", _("路灯巡查完成率")),
    ("river", "river-patrol", _("河长巡河完成率")),
    ("forest", "forest-patrol", _("林长巡林完成率")),
]

# (registry key, label, unit, version, definition, compute, aliases), registered here (AppConfig.ready)
ENTRIES = [
    (
        "ledgers-lights-on",
        _("亮灯率"),
        "%",
        VERSION,
        _("统计期末在册路灯中，没有未销号故障的盏数 ÷ 在册路灯总数。"),
        lights_on,
        ("亮灯率", "路灯亮灯率"),
    ),
    *[
        (
            f"ledgers-patrol-rate-{register}",
            label,
            "%",
            VERSION,
            _("统计期内各期每个在册对象应巡查次数之和中已完成的比例（每期超出应查次数的不计）。"),
            patrol_rate(sheet),
            (),
        )
        for register, sheet, label in PATROL_SHEETS
    ],
    (
        "ledgers-repair-days-median",
        _("台账问题整改用时（中位数）"),
        "工作日",
        VERSION,
        _("统计期内销号的台账问题（巡查发现转案件的），从受理到销号的工作日数的中位数。"),
        repair_days("median"),
        (),
    ),
    (
        "ledgers-repair-days-mean",
        _("台账问题整改用时（平均）"),
        "工作日",
        VERSION,
        _("统计期内销号的台账问题（巡查发现转案件的），从受理到销号的工作日数的平均数。"),
        repair_days("mean"),
        (),
    ),
]
for *_entry, _aliases in ENTRIES:
    registry.register(*_entry, aliases=_aliases)
registry.register_records("ledger_item", Item, "ledgers:item")
