"""Demo statistics: reported values (with their source document) and manual values (with a note) for
the demo plans' targets bound to such indicators. Computed indicators need nothing: their figures
come from the demo cases and projects. Idempotent: a value already entered is left alone.

All figures are invented, following each target's pace in ``luoshi.plans.demo.TARGETS``.
"""

from __future__ import annotations

import random

from django.db import transaction
from django.utils import timezone

from luoshi.accounts import periods, services
from luoshi.accounts.models import IndicatorValue, Source
from luoshi.plans.demo import TARGETS
from luoshi.plans.models import Item, Plan

COUNTED = ("个", "次", "家", "人", "户")


def _period(kind: str, cumulative: bool, today) -> periods.Period | None:
    """The latest complete period of this year (a non-cumulative annual figure: the year so far)."""
    done = today.month - 1
    if kind == periods.MONTH:
        return periods.Period(today.year, periods.MONTH, done) if done else None
    if kind == periods.QUARTER:
        return periods.Period(today.year, periods.QUARTER, done // 3) if done >= 3 else None
    return None if cumulative else periods.Period(today.year, periods.YEAR)


def load(ctx, progress=lambda msg: None) -> None:
    services.catalogue_sync()
    today = timezone.localdate()
    office = {ctx.towns[0].pk: ctx.users["office"], ctx.towns[1].pk: ctx.users["office_b"]}
    pace = {name: (target, p) for name, _a, _m, target, _u, _q, _c, p in TARGETS}
    for n, town in enumerate(ctx.towns):
        plan = Plan.objects.filter(town=town, year=today.year).first()
        if plan is None:
            continue
        progress(f"  indicator values for {town.name} …")
        _load_town(plan, office[town.pk], today, pace, random.Random(2000 + n))


@transaction.atomic
def _load_town(plan: Plan, by, today, pace, rnd: random.Random) -> None:
    items = plan.items.filter(indicator__isnull=False).exclude(indicator__source=Source.COMPUTED)
    for item in items.select_related("indicator").order_by("order"):
        ind = item.indicator
        p = _period(ind.period, ind.cumulative, today)
        if p is None or item.name not in pace:
            continue
        if IndicatorValue.objects.filter(indicator=ind, town=plan.town, period=p.key).exists():
            continue
        target, speed = pace[item.name]
        if item.measure == Item.Measure.LEVEL:
            share = p.elapsed_share() if ind.cumulative else (today.month - 1) / 12
            value = round(target * max(share, 0.04) * speed * rnd.uniform(0.97, 1.03), 2)
        else:
            value = round(target * speed, 2)
        if ind.unit in COUNTED:
            value = float(round(value))
        label = p.label(ind.cumulative)
        services.value_record(
            indicator=ind,
            town=plan.town,
            period=p.key,
            value=value,
            source_document=f"{ind.source_body}《{label}{ind.name}统计》"
            if ind.source == Source.REPORTED
            else "",
            note=f"{ind.source_body}{label}工作台账：累计 {value:g}{ind.unit}。"
            if ind.source == Source.MANUAL
            else "",
            by=by,
        )
