"""Demo enterprises: 60 per town with 36 months of returns ending last month.

Trends (5–12 % a year), seasonality (the Spring Festival dip in February, a December peak) and
a little noise; in each town exactly five enterprises are made to trip one warning each
(``SPECIAL``), and ``tests/test_desk.py`` checks that the warnings find those and no more. The
statistics of the last month have arrived for a third of the enterprises only (``stats_arrived``):
the desk's nowcast estimates the others' output from electricity, but for three whose electricity
follows output loosely (``NOISY``), whose estimates are suppressed. The
plan targets 工业应税销售 and 规上工业总产值 are bound to the desk's computed indicators. Idempotent.
"""

from __future__ import annotations

import datetime as dt
import random

from django.db import transaction
from django.utils import timezone
from simple_history.utils import bulk_create_with_history

from luoshi.economy import credit_code, services
from luoshi.economy import warnings as rules
from luoshi.economy.models import Enterprise, MeterAccount, MonthlyReturn, Scale, ScaleFlag, Visit
from luoshi.org.models import Grid

PER_TOWN = 60
MONTHS = 36
BRANDS = [
    "恒达",
    "鑫源",
    "华美",
    "永盛",
    "金桥",
    "瑞丰",
    "天成",
    "宏图",
    "博远",
    "正泰",
    "汇通",
    "隆基",
    "新越",
    "振华",
    "嘉禾",
]
TRADES = [
    ("精密机械", "C3484"),
    ("新材料", "C2929"),
    ("纺织", "C1713"),
    ("食品", "C1499"),
    ("电子", "C3971"),
    ("包装", "C2231"),
    ("化工", "C2614"),
    ("建材", "C3021"),
    ("五金", "C3389"),
    ("家具", "C2110"),
    ("光伏", "C3825"),
    ("汽配", "C3670"),
]
SEASON = [0.96, 0.74, 1.0, 1.01, 1.02, 1.03, 0.99, 0.98, 1.02, 1.03, 1.05, 1.12]
# index → the warning it is built to raise (all are industrial enterprises)
SPECIAL = {
    3: rules.KWH_DROP,
    7: rules.DECLINE,
    11: rules.THRESHOLD,
    15: rules.EMPLOYMENT,
    19: rules.STALE,
}
# the nowcast (用电估算产值): these industrial enterprises book output in lumps (when large orders
# ship) while their plants run evenly, so electricity does not tell their month's output: their
# back-test error is too large and their estimates are not shown
NOISY = {23, 31, 43}


def stats_arrived(i: int) -> bool:
    """Whether the statistics bureau's figures of the last month (output, revenue) have arrived for
    enterprise ``i``: for a third of them and those built to trip a warning; the others have only
    electricity, staff and tax so far, and the desk estimates their output from electricity."""
    return i % 3 == 0 or i in SPECIAL


def _code(town_index: int, i: int, town_code: str) -> str:
    first17 = f"91{town_code[:6]}{town_index + 1}{i + 1:08d}"
    return first17 + credit_code.check_character(first17)


def _scale(i: int) -> str:
    return Scale.INDUSTRY if i < 48 else (Scale.TRADE if i < 55 else Scale.SERVICE)


def load(ctx, progress=lambda msg: None) -> None:
    today = timezone.localdate()
    last = rules.add_months(today.replace(day=1), -1)
    for n, town in enumerate(ctx.towns):
        if Enterprise.objects.filter(town=town).exists():
            continue
        progress(f"  enterprises and returns for {town.name} …")
        _load_town(ctx, n, town, last, random.Random(5000 + n), random.Random(9000 + n))
    _bind_targets(ctx, today.year)


@transaction.atomic
def _load_town(ctx, n: int, town, last: dt.date, rnd: random.Random, noise: random.Random) -> None:
    desk = services.desk_unit(town)
    grids = list(Grid.objects.filter(village__town=town).order_by("code"))
    prefix = town.name[:2]
    ents = []
    for i in range(PER_TOWN):
        trade, industry = TRADES[i % 12]
        grid = grids[i % len(grids)]
        ents.append(
            Enterprise(
                credit_code=_code(n, i, town.code),
                name=f"{prefix}{BRANDS[i % 15]}{trade}有限公司",
                industry=industry
                if _scale(i) == Scale.INDUSTRY
                else ("F5212" if _scale(i) == Scale.TRADE else "L7212"),
                town=town,
                village=grid.village,
                grid=grid,
                desk=desk,
                address=f"{town.name}{grid.village.name}工业路{i + 1}号",
                contact_name=f"{BRANDS[(i * 7) % 15][0]}经理",
                contact_phone=f"139{n:02d}{i:06d}",
            )
        )
    ents = bulk_create_with_history(ents, Enterprise)
    ents = list(Enterprise.objects.filter(town=town).order_by("credit_code"))
    flags, meters, returns = [], [], []
    first = rules.add_months(last, -(MONTHS - 1))
    for i, ent in enumerate(ents):
        flags.append(ScaleFlag(enterprise=ent, scale=_scale(i), since=dt.date(2018 + i % 5, 1, 1)))
        meters.append(MeterAccount(enterprise=ent, account=f"33{n + 1}{i + 1:07d}"))
        if i % 10 == 9:
            meters.append(MeterAccount(enterprise=ent, account=f"34{n + 1}{i + 1:07d}"))
        growth = rnd.uniform(0.05, 0.12)
        annual = 3200 + min(rnd.expovariate(1 / 5200), 45000)
        if SPECIAL.get(i) == rules.THRESHOLD:  # its last 12 months' revenue lands at about 2080万元
            annual = 2080 / 0.97 / (1 + growth) ** ((MONTHS - 6.5) / 12)
        intensity = rnd.uniform(300, 900)  # kWh per 万元 of output
        staff = rnd.uniform(60, 700)
        industrial = _scale(i) == Scale.INDUSTRY
        for k in range(MONTHS):
            month = rules.add_months(first, k)
            ago = MONTHS - 1 - k  # 0: the last month
            if SPECIAL.get(i) == rules.STALE and ago < 3:
                continue
            trend = (1 + growth) ** (k / 12)
            out = annual / 12 * trend * SEASON[month.month - 1] * rnd.uniform(0.99, 1.01)
            kwh = out * intensity * rnd.uniform(0.99, 1.01)
            if i in NOISY:  # output booked when orders ship, while the plant runs evenly
                out *= noise.uniform(0.5, 1.5)
            emp = staff * (1 + growth / 3) ** (k / 12) * rnd.uniform(0.99, 1.01)
            if SPECIAL.get(i) == rules.DECLINE and ago < 5:
                factor = 0.92 - 0.04 * (4 - ago)
                out, kwh = out * factor, kwh * factor
            if SPECIAL.get(i) == rules.KWH_DROP and ago < 2:
                kwh *= 0.62
            if SPECIAL.get(i) == rules.EMPLOYMENT and ago < 2:
                emp *= 0.74
            sales = out * 0.97 if industrial else out
            late = ago == 0 and not stats_arrived(i)
            returns.append(
                MonthlyReturn(
                    enterprise=ent,
                    town=town,
                    month=month,
                    kwh=round(kwh),
                    employment=round(emp),
                    output=round(out, 1) if industrial and not late else None,
                    sales=None if late else round(sales, 1),
                    taxable_sales=round(sales * 0.92, 1),
                    tax=round(sales * 0.92 * 0.04, 1),
                    investment=round(out * 0.3, 1) if k % 12 == 5 else None,
                    sources={
                        "kwh": "grid",
                        "employment": "social",
                        **({} if late else {"output": "stats", "sales": "stats", "investment": "stats"}),
                        "taxable_sales": "tax",
                        "tax": "tax",
                    },
                )
            )
    ScaleFlag.objects.bulk_create(flags)
    MeterAccount.objects.bulk_create(meters)
    bulk_create_with_history(returns, MonthlyReturn, batch_size=2000)
    desk_user = ctx.users.get("unit_jfb") if n == 0 else None
    leader = ctx.users.get("leader") if n == 0 else None
    if desk_user is not None:
        today = timezone.localdate()
        for j, ent in enumerate(ents[:6]):
            services.visit_log(
                by=desk_user if j % 2 else leader,
                enterprise=ent,
                visited_on=today - dt.timedelta(days=3 + 5 * j),
                kind=Visit.Kind.ROUTINE if j % 3 else Visit.Kind.CHECKUP,
                note="企业生产经营正常，订单饱满。" if j != 2 else "企业反映扩产用地指标紧张。",
                problem="二期扩产项目需新增工业用地约20亩，申请协调用地指标。" if j == 2 else "",
                problem_category="land" if j == 2 else "",
            )


def _bind_targets(ctx, year: int) -> None:
    """Bind the demo plans' 工业应税销售 and 规上工业总产值 targets to the desk's computed indicators."""
    from luoshi.accounts.models import Indicator
    from luoshi.plans import services as plan_services
    from luoshi.plans.models import Item

    bind = {"工业应税销售": "economy-taxable-sales", "规上工业总产值": "economy-output-growth"}
    indicators = {i.code: i for i in Indicator.objects.filter(code__in=bind.values())}
    for item in Item.objects.filter(plan__year=year, plan__town__in=ctx.towns, name__in=bind).select_related(
        "plan"
    ):
        ind = indicators.get(bind[item.name])
        if ind is not None and item.indicator_id != ind.pk:
            plan_services.item_edit(item=item, by=ctx.users.get("office"), indicator=ind)
