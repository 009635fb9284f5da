"""Demo households: a few per village of the demo county, in several workflow states, with members,
measures, visits, incomes and payments. Invented people; ID numbers use the demo county's region
code. Idempotent: a village that already has households is skipped."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

from django.utils import timezone

from luoshi.assistance import services
from luoshi.assistance.models import Household, IncomeLine
from luoshi.org.models import RoleAssignment
from luoshi.org.roles import Role

HEADS = [
    "周长根",
    "吴桂芳",
    "郑福生",
    "王秀英",
    "冯德旺",
    "陈玉兰",
    "褚金水",
    "卫春花",
    "蒋有田",
    "沈三妹",
    "韩水生",
]
STEPS = [
    ("verify", "village"),
    ("appraise", "village"),
    ("publicise", "village"),
    ("town_review", "town"),
    ("county_approve", "county"),
]


def _id(n: int, year: int) -> str:
    body = f"369901{year}0{(n % 9) + 1}1{n % 10}{(n * 37) % 1000:03d}"
    weights = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2]
    check = "10X98765432"[sum(int(c) * w for c, w in zip(body, weights, strict=True)) % 11]
    return body + check


def load(ctx, progress=lambda msg: None) -> None:
    for year, amount in ((2025, "6600"), (2026, "6900")):
        IncomeLine.objects.get_or_create(
            province_code=ctx.county.code[:2],
            year=year,
            defaults={"province_name": "示范省", "amount": Decimal(amount)},
        )
    county = ctx.users["county"]
    today = timezone.localdate()
    n = 0
    for town in ctx.towns:
        town_user = RoleAssignment.objects.filter(town=town, role=Role.OFFICE).first().user
        for vi, village in enumerate(town.villages.order_by("code")):
            if Household.objects.filter(village=village).exists():
                continue
            cadre = RoleAssignment.objects.filter(village=village, role=Role.VILLAGE).first()
            actor = cadre.user if cadre else town_user
            grid = village.grids.order_by("code").first()
            for k in range(2 if town == ctx.towns[0] else 1):
                n += 1
                h = services.household_flag(
                    actor=actor,
                    village=village,
                    grid=grid,
                    head_name=HEADS[n % len(HEADS)],
                    head_id_number=_id(n, 1950 + (n * 7) % 40),
                    phone=f"139{n:04d}{(n * 4111) % 10000:04d}",
                    category=["marginal", "sudden", "unstable"][n % 3],
                    channel=["cadre", "self", "department"][n % 3],
                    risk_type=["illness", "disaster", "schooling", "accident"][n % 4],
                    risk_note="家庭主要劳动力患病，医疗支出较大",
                    note="网格员走访发现",
                )
                services.member_add(
                    actor=actor, household=h, name=h.head_name[0] + "小" + "禾苗松"[k], relation="child",
                    id_number=_id(n + 50, 2010), is_student=True, health="健康",
                )  # fmt: skip
                users = {"village": actor, "town": town_user, "county": county}
                # steps taken (0 = just flagged … 5 = monitored and assisted); appraisal is the village's,
                # so villages without a cadre account stop after 核实
                depth = [[5, 3], [4, 2]][vi][k] if cadre and vi < 2 and k < 2 else (vi + k) % 2
                for name, who in STEPS[:depth]:
                    h = services.household_transition(name=name, household=h, actor=users[who], note="同意")
                if depth == 5:
                    services.measure_add(
                        actor=town_user, household=h, kind="employment", description="安排公益性岗位（保洁员）",
                        cadre=actor, started_on=today,
                    )  # fmt: skip
                    for back in range(1, 7):
                        month = (today.replace(day=1) - dt.timedelta(days=28 * back)).replace(day=1)
                        if not h.incomes.filter(month=month).exists():
                            services.income_record(
                                actor=actor, household=h, month=month, amount="1300", sources="公益性岗位工资"
                            )
                    services.payment_record(
                        actor=town_user, household=h, programme="dibao", month=today.replace(day=1),
                        amount="650", persons=2, source="民政台账",
                    )  # fmt: skip
    progress(f"assistance: {n} households")
