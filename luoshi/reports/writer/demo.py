"""Demo: next year's plan for each demo town, so that the demo report has its plan part.

A work report delivered early next year reviews this year and plans the next (DOMAIN.md §10.1); the
plans demo only holds this year's plan. This adds, through ``luoshi.plans.services``, a next-year
plan with the usual targets (raised a little, with their 确保 / 力争 / 左右 as set), six key projects
and a livelihood round whose screened proposals are the candidates the report announces.
Idempotent: a town that already has next year's plan is left alone.
"""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

from django.db import transaction
from django.utils import timezone

from luoshi.org.models import Unit
from luoshi.plans import services
from luoshi.plans.demo import INDUSTRIES, SESSIONS, TARGETS
from luoshi.plans.models import Item, Plan, Project

RAISE = {"level": 1.1, "growth": 1.0, "rate": 1.0}
CANDIDATES = [
    # title, location, budget (万元), unit code
    ("石泉村人居环境整治提升", "石泉村", 180, "nyb"),
    ("镇区停车场及充电桩建设", "镇区", 240, "jfb"),
    ("竹湾村便民服务中心改造", "竹湾村", 90, "shsw"),
    ("中小学校园周边交通安全设施完善", "镇区", 70, "yjb"),
    ("老旧小区雨污分流改造", "镇区", 320, "zrzy"),
    ("村级卫生室标准化建设", "各村", 110, "shsw"),
    ("农村饮水管网延伸", "高坪村", 150, "nyb"),
]


def load(ctx, progress=lambda msg: None) -> None:
    year = timezone.localdate().year + 1
    office = {ctx.towns[0].pk: ctx.users["office"], ctx.towns[1].pk: ctx.users["office_b"]}
    for town in ctx.towns:
        if Plan.objects.filter(town=town, year=year).exists():
            continue
        progress(f"  next year's plan for {town.name} …")
        _load_town(town, year, office[town.pk])


@transaction.atomic
def _load_town(town, year: int, office) -> None:
    plan = services.plan_create(town=town, year=year, by=office)
    units = {u.code: u for u in Unit.objects.filter(town=town)}
    for i, (name, area, measure, target, unit, qual, code, _pace) in enumerate(TARGETS):
        value = round(target * RAISE[measure], 2)
        if unit in ("个", "次", "家", "人"):
            value = float(round(value))
        services.item_create(
            plan=plan,
            by=office,
            kind=Item.Kind.TARGET,
            area=area,
            name=name,
            measure=measure,
            target_value=value,
            unit=unit,
            qualifier=qual,
            owner_unit=units[code],
            order=i,
            deadline=dt.date(year, 12, 31),
        )
    for i in range(6):
        industry, names = INDUSTRIES[i]
        services.project_create(
            plan=plan,
            by=office,
            kind=Project.Kind.KEY,
            name=f"{names[1]}项目",
            industry=industry,
            investment=Decimal([8000, 12000, 20000, 35000, 5000, 15000][i]),
            owner_unit=units["jfb"],
            start_date=dt.date(year, 3 + i, 1),
            deadline=dt.date(year, 12, 28),
        )
    r = services.round_create(
        plan=plan, seats=5, by=office, on=dt.date(year - 1, 9, 10), session_name=SESSIONS.get(town.code, "")
    )
    for title, location, budget, _code in CANDIDATES:
        services.proposal_create(
            round=r,
            title=title,
            source="public",
            location=location,
            estimated_cost=Decimal(budget),
            by=office,
        )
    services.round_advance(round=r, by=office, on=dt.date(year - 1, 10, 20))
    for p in r.proposals.order_by("id"):
        code = next(c[3] for c in CANDIDATES if c[0] == p.title)
        services.proposal_screen(
            proposal=p, accept=True, owner_unit=units[code], by=office, deadline=dt.date(year, 11, 30)
        )
