"""Figures the ledgers produce for the indicator registry (``luoshi.accounts.registry``), registered
when the app is ready (``LedgersConfig.ready``).

亮灯率 (DOMAIN §11.4) = working ÷ total street lights of the town at the end of the period. A light is
"not working" while it has a fault case (from a patrol, a resident or 12345, linked as a ``Problem``)
received before the end and not yet closed (销号) by then: the figure follows the case records and
is never typed.
"""

from __future__ import annotations

from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from luoshi.accounts import registry
from luoshi.ledgers.models import Item, Kind, Problem

LIGHTS_REGISTER = "streetlight"
VERSION = "2026.1"


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
    return registry.Result(
        value=round(100 * working / total, 1) if total else None,
        numerator=working,
        denominator=total,
        version=VERSION,
        definition="",
        model="ledger_item",
        records=total_qs.order_by("number"),
        counted=working_qs,
    )


registry.register(
    "ledgers-lights-on",
    _("亮灯率"),
    "%",
    VERSION,
    _("统计期末在册路灯中，没有未销号故障的盏数 ÷ 在册路灯总数。"),
    lights_on,
    aliases=["亮灯率", "路灯亮灯率"],
)
registry.register_records("ledger_item", Item, "ledgers:item")
