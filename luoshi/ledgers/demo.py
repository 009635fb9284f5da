"""Demo ledgers in the demo county: street lights, farmland parcels, 人居环境 of every village,
households with family points, river sections (河长制) and forest sections (林长制). Idempotent (keyed by item numbers)."""

from __future__ import annotations

import datetime as dt

from django.db import transaction
from django.utils import timezone

from luoshi.cases.models import CaseType, RoutingRule
from luoshi.ledgers import services
from luoshi.ledgers.models import Inspection, Item, RegisterType, RuleBook, ScoreSheet
from luoshi.org.models import Unit

# case type → the unit that handles its problems (派单规则)
ROUTES = {
    "facility_fault": "yjb",
    "parcel_fix": "nyb",
    "living_env": "hbb",
    "river_forest": "hbb",
    "forest_issue": "zrzy",
}
CONTRACTORS = ["青岚照明工程公司", "云溪电力服务队"]
CLEANERS = ["洁美保洁公司", "绿源环境公司"]
HOUSEHOLDS = ["王建国", "李秀英", "张志强", "刘桂兰", "陈伟", "杨丽", "赵刚", "黄美玲"]
RULES = [("参加义务劳动", 5), ("庭院整洁（美丽庭院）", 10), ("孝老爱亲", 10), ("垃圾分类不达标", -5)]


def _photo():
    """A stand-in photo (a JPEG header): demo inspections that fail need one."""
    from django.core.files.uploadedfile import SimpleUploadedFile

    return SimpleUploadedFile("现场照片", b"\xff\xd8\xff\xe0" + b"\x00" * 64, content_type="image/jpeg")


def _item(ctx, code, number, village, **kw):
    rt = RegisterType.objects.get(code=code)
    found = Item.objects.filter(register_type=rt, town=village.town, number=number).first()
    if found:
        return found
    return services.item_save(
        actor=ctx.users["admin"], register_type=rt, number=number, village=village, **kw
    )


@transaction.atomic
def load(ctx, progress=lambda msg: None) -> None:
    now = timezone.now()
    for town in ctx.towns:
        for code, unit_code in ROUTES.items():
            RoutingRule.objects.get_or_create(
                town=town,
                case_type=CaseType.objects.get(code=code),
                category=None,
                village=None,
                defaults={"unit": Unit.objects.get(town=town, code=unit_code)},
            )
    yunxi = ctx.towns[0]
    villages = list(yunxi.villages.order_by("code"))
    # street lights: 30 numbered lights along the town's roads, patrolled this month
    lights = []
    for n in range(1, 31):
        v = villages[n % len(villages)]
        lights.append(
            _item(
                ctx,
                "streetlight",
                f"YX-LD-{n:03d}",
                v,
                grid=v.grids.order_by("code").first(),
                name=f"{v.name}主路{n}号灯",
                owner=f"{v.name}主路",
                maintainer=CONTRACTORS[n % 2],
                latitude=f"{28.1 + n * 0.001:.6f}",
                longitude=f"{113.0 + n * 0.001:.6f}",
                attributes={"power": "太阳能" if n % 3 else "市电", "watts": 60},
            )
        )
    patrol = ScoreSheet.objects.get(code="light-patrol", is_current=True)
    if not Inspection.objects.filter(sheet_code=patrol.code).exists():
        failing = patrol.criteria.first()
        for n, light in enumerate(lights[:20]):
            services.inspection_submit(
                actor=ctx.users["unit"],
                item=light,
                sheet=patrol,
                failed=[failing.pk] if n in (4, 13) else [],
                photos=[_photo()] if n in (4, 13) else [],
                note="",
            )
    # farmland parcels (图斑)
    for n in range(1, 11):
        v = villages[1 + n % (len(villages) - 1)]
        _item(
            ctx,
            "parcel",
            f"TB-2026-{n:03d}",
            v,
            name=f"{v.name}{n}组",
            owner=f"承包户{n}",
            maintainer=f"{v.name}村委会",
            polygon=[[113.01 + n * 0.01, 28.1], [113.02 + n * 0.01, 28.1], [113.02 + n * 0.01, 28.11]],
            attributes={
                "area_mu": 1.5 + n,
                "cause": ["撂荒", "非农化", "非粮化"][n % 3],
                "deadline": "2026-10-31",
            },
        )
    # 人居环境: every village of both towns, scored this month and last month
    env = ScoreSheet.objects.get(code="living-env", is_current=True)
    criteria = list(env.criteria.all())
    for town in ctx.towns:
        for i, v in enumerate(town.villages.order_by("code")):
            item = _item(
                ctx, "village_env", v.code, v, name=v.name, owner=f"{v.name}书记", maintainer=CLEANERS[i % 2]
            )
            for months_back in (1, 0):
                at = now - dt.timedelta(days=31 * months_back)
                if Inspection.objects.filter(
                    item=item, sheet_code=env.code, inspected_at__month=at.month
                ).exists():
                    continue
                failed = [criteria[(i + months_back) % 5].pk] if (i + months_back) % 3 == 0 else []
                services.inspection_submit(
                    actor=ctx.users["office"] if town == yunxi else ctx.users["office_b"],
                    item=item,
                    sheet=env,
                    failed=failed,
                    photos=[_photo()] if failed else [],
                    at=at,
                    note="" if not failed else "抽查发现",
                )
    # households and family points in the first two villages
    for v, recorder, approver in (
        (villages[0], ctx.users["village"], ctx.users["office"]),
        (villages[1], ctx.users["village2"], ctx.users["office"]),
    ):
        homes = [
            _item(
                ctx,
                "household",
                f"{v.code[-3:]}-{n:02d}",
                v,
                name=f"{name}户",
                owner=name,
                maintainer=str(recorder),
            )
            for n, name in enumerate(HOUSEHOLDS, start=1)
        ]
        if RuleBook.objects.filter(village=v).exists():
            continue
        book = services.rulebook_record(
            actor=recorder,
            village=v,
            title=f"{v.name}家庭文明积分评分细则",
            assembly=f"{v.name}村民代表会议",
            assembly_date=dt.date(now.year, 1, 15),
            attendance=35,
            votes_for=33,
            rules=RULES,
        )
        rules = list(book.rules.all())
        for n, home in enumerate(homes):
            for rule in rules[: 1 + n % 3]:
                event = services.point_event_record(
                    actor=recorder,
                    household=home,
                    rule=rule,
                    happened_on=now.date(),
                    evidence="村务公开栏公示照片",
                )
                if n % 4 != 3:
                    services.point_event_decide(actor=approver, event=event, approve=True)
        services.redemption_record(actor=recorder, household=homes[2], points=10, goods="洗衣粉两袋")
    # 河长制: river sections with their chiefs, patrolled this month (one finds dumping)
    rivers = [
        _item(
            ctx,
            "river",
            f"HZ-{n + 1:02d}",
            villages[n + 1],
            name=name,
            owner=f"{villages[n + 1].name}河长",
            maintainer="镇生态环境办",
            attributes={"level": level, "length_km": 2.5 + n},
        )
        for n, (name, level) in enumerate(
            [("云溪河上游段", "镇级"), ("云溪河下游段", "镇级"), ("桃坞水库", "村级")]
        )
    ]
    _patrol(ctx, "river-patrol", rivers[:2], fail_at=1)
    # 林长制: forest sections (林班/小班) with their 林长 and 护林员, patrolled this month
    forests = [
        _item(
            ctx,
            "forest",
            f"LB-{n + 1:02d}-{n + 3:02d}",
            villages[1 + n % (len(villages) - 1)],
            name=name,
            owner=chief,
            maintainer=ranger,
            attributes={"level": level, "area_mu": area, "forest_kind": kind},
        )
        for n, (name, chief, ranger, level, area, kind) in enumerate(
            [
                ("高坪林区", "镇长 周明", "护林员 罗大山", "乡级林长", 3200, "公益林"),
                ("桃坞后山", "村支书 李国华", "护林员 陈小林", "村级林长", 860, "商品林"),
                ("青岚岭", "村主任 王志", "护林员 刘青", "村级林长", 1240, "天然林"),
            ]
        )
    ]
    _patrol(ctx, "forest-patrol", forests[:2], fail_at=None)


def _patrol(ctx, code, items, fail_at):
    """This month's patrols of ``items`` by the town office; the one at ``fail_at`` finds a problem."""
    sheet = ScoreSheet.objects.get(code=code, is_current=True)
    if Inspection.objects.filter(sheet_code=code).exists():
        return
    first = sheet.criteria.order_by("order").first()
    for n, item in enumerate(items):
        services.inspection_submit(
            actor=ctx.users["office"],
            item=item,
            sheet=sheet,
            failed=[first.pk] if n == fail_at else [],
            photos=[_photo()] if n == fail_at else [],
            note="巡查发现问题" if n == fail_at else "",
        )
