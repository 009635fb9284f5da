"""Demo cases: a year of invented, realistic cases for each demo town, bulk-created (fast, seeded, idempotent).

Rows are written with ``bulk_create`` and consistent timestamps, due times and timeline entries,
as the services would have left them; no history rows are written for the demo backlog.
"""

from __future__ import annotations

import datetime as dt
import random

from django.db import transaction
from django.utils import timezone

from luoshi.cases import config, rollup, sla, workflow
from luoshi.cases.models import (
    Case,
    CaseEvent,
    CaseType,
    EventKind,
    Outcome,
    Priority,
    Rating,
    ReviewDecision,
    ReviewState,
    RoutingRule,
    SlaPolicy,
    Status,
    new_case_number,
)
from luoshi.org.models import Unit
from luoshi.org.selectors import calendar_overrides

SEED = 20260301
CASES_PER_DAY = 4.2  # per town

TYPE_WEIGHTS = [
    ("hotline", 30),
    ("grid", 28),
    ("public", 12),
    ("assigned", 8),
    ("dispute", 9),
    ("hazard", 7),
    ("petition", 3),
    ("suggestion", 3),
]

# category → unit code (the town's routing rules); anything else goes to 综治中心
CATEGORY_UNITS = {
    "env": "hbb",
    "ecology": "hbb",
    "sanitation": "hbb",
    "agri": "nyb",
    "land": "zrzy",
    "building": "zrzy",
    "urban": "zrzy",
    "construction": "zrzy",
    "labour": "shsw",
    "social": "shsw",
    "livelihood": "shsw",
    "service": "shsw",
    "market": "jfb",
    "economy": "jfb",
    "safety": "yjb",
    "general": "yjb",
    "major": "yjb",
    "facility": "jfb",
    "road": "jfb",
    "traffic": "jfb",
    "utility": "jfb",
    "consult": "dzb",
}
TYPE_UNITS = {"suggestion": "rdb", "petition": "zzzx", "dispute": "zzzx", "hazard": "yjb"}

PLACES = ["村口", "文化广场", "菜市场", "小学门口", "老街", "桥头", "卫生室旁", "村委会旁", "河堤", "停车场"]
TEXTS = {
    "hotline": [
        ("{v}{p}路灯不亮", "市民来电反映，{v}{p}一带路灯已经坏了一个多星期，晚上出行不安全，希望尽快维修。"),
        ("咨询城乡居民医保缴费", "来电人咨询今年城乡居民医保缴费标准和截止时间，家中老人如何代缴。"),
        ("{v}{p}噪音扰民", "来电人反映{v}{p}附近有人夜间施工，噪音很大，影响休息，请相关部门处理。"),
        ("反映自来水水压低", "来电人反映{v}一带最近自来水水压很低，高峰时段几乎没水，请核实处理。"),
        ("投诉{p}商户占道经营", "来电人投诉{v}{p}多家商户占道摆摊，车辆通行困难。"),
        ("咨询农村建房审批", "来电人咨询在自家宅基地翻建房屋需要办理哪些手续、到哪里办理。"),
    ],
    "grid": [
        ("{p}垃圾堆积", "巡查发现{v}{p}生活垃圾堆积未及时清运，有异味。"),
        ("{p}井盖破损", "巡查发现{v}{p}一处窨井盖破损，存在行人踩空隐患，已设置临时警示。"),
        ("疑似违章搭建", "巡查发现{v}一户村民在院外搭建彩钢棚，疑似未经审批。"),
        ("独居老人需关注", "走访发现{v}一位独居老人近期身体不适，生活不便，需要联系帮扶。"),
        ("邻里因排水沟起争执", "巡查中获悉{v}两户村民因排水沟走向发生口角，需及时介入调解。"),
    ],
    "public": [
        ("{p}道路坑洼", "{v}{p}道路有好几个大坑，下雨天积水严重，电动车经过很危险。"),
        ("小区停电频繁", "最近一个月{v}经常停电，每次好几个小时，冰箱里的东西都坏了。"),
        ("{p}流浪狗伤人", "{v}{p}有几条流浪狗，已经追咬过小孩，希望处理。"),
    ],
    "assigned": [
        ("县平台交办：河道漂浮物清理", "县指挥联动平台交办：{v}段河道漂浮物较多，请于时限内清理并反馈。"),
        ("县平台交办：秸秆焚烧巡查", "县平台交办：群众举报{v}附近有焚烧秸秆现象，请核实处置。"),
        ("县平台交办：企业欠薪线索", "县平台转来线索：{v}某加工厂拖欠农民工工资，请核实并督促支付。"),
    ],
    "dispute": [
        ("宅基地边界纠纷", "{v}两户村民因宅基地边界划分发生争执，双方各执一词，申请调解。"),
        ("土地流转租金纠纷", "{v}村民与种植大户就土地流转租金支付时间发生纠纷。"),
        ("赡养老人纠纷", "{v}一位老人反映子女不履行赡养义务，申请村调委会调解。"),
        ("装修漏水赔偿纠纷", "{v}楼上住户装修导致楼下漏水，双方就赔偿金额协商不成。"),
    ],
    "hazard": [
        ("{p}小餐馆液化气瓶未固定", "检查发现{v}{p}一家小餐馆液化气瓶未固定、无报警装置。"),
        ("加工厂消防通道堵塞", "检查发现{v}一家竹木加工厂消防通道堆放杂物，灭火器过期。"),
        ("{p}临水区域缺少警示牌", "汛期检查发现{v}{p}临水区域无防溺水警示牌和救生设施。"),
        ("自建房违规改建经营", "排查发现{v}一处自建房擅自改建为出租房，疏散通道不足。"),
    ],
    "petition": [
        ("反映征地补偿款未到位", "来访人反映{v}道路拓宽征地补偿款至今未足额发放，要求尽快兑现。"),
        ("反映低保认定不公", "来信人反映{v}低保户认定不公开、不公平，要求复核。"),
    ],
    "suggestion": [
        ("关于加快{v}农村公路提档升级的建议", "{v}通组公路路面窄、破损多，建议纳入年度提档升级计划。"),
        ("关于建设{v}老年食堂的建议", "{v}留守老人多，建议利用闲置村小建设老年食堂。"),
        ("关于增设{p}公交站点的建议", "群众出行不便，建议在{v}{p}增设公交站点并配建候车亭。"),
    ],
}
REPLIES = {
    "default": [
        "已安排人员现场处理完毕，并电话告知诉求人，诉求人表示认可。",
        "经核实情况属实，已协调相关单位整改到位，后续将加强日常巡查。",
        "已向诉求人详细解释相关政策，并告知办理渠道和所需材料。",
    ],
    "dispute": [
        "经村调委会两次调解，双方达成书面调解协议，已履行完毕。",
        "经司法所、村调委会联合调解，双方各退一步达成和解。",
    ],
    "hazard": ["已下达整改通知书，经营者已按“五定”要求整改到位，复查合格。"],
    "suggestion": [
        "该建议已列入明年重点项目计划，资金已初步落实，将分步实施。",
        "经研究，已协调交通部门实施，预计年内完工。",
    ],
}
SURNAMES = "王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐"
GIVEN = [
    "建国",
    "秀英",
    "桂兰",
    "志强",
    "海燕",
    "国华",
    "丽娟",
    "文斌",
    "春梅",
    "德明",
    "小红",
    "金凤",
    "永红",
    "卫东",
]
FIVE_FIXES = {
    "responsible": "经营者本人",
    "measures": "立即整改，完善设施",
    "funds": "经营者自筹",
    "deadline_note": "限期整改",
    "contingency": "整改期间暂停相关作业",
}


def _routing(town, units: dict[str, Unit], types: dict[str, CaseType]) -> None:
    if RoutingRule.objects.filter(town=town).exists():
        return
    rules = [RoutingRule(town=town, unit=units["zzzx"])]
    for code, unit_code in TYPE_UNITS.items():
        rules.append(RoutingRule(town=town, case_type=types[code], unit=units[unit_code]))
    for ct in types.values():
        for cat in ct.categories.all():
            if cat.code in CATEGORY_UNITS and ct.code not in TYPE_UNITS:
                rules.append(
                    RoutingRule(town=town, case_type=ct, category=cat, unit=units[CATEGORY_UNITS[cat.code]])
                )
    RoutingRule.objects.bulk_create(rules)
    config.clear()  # bulk_create sends no signal


class _Clock:
    """Policies and calendar loaded once; due times computed like ``sla.apply`` without a query per case."""

    def __init__(self, start: dt.date, end: dt.date):
        self.overrides = calendar_overrides(start - dt.timedelta(days=10), end + dt.timedelta(days=400))
        self.policies: dict = {}

    def policy(self, ct, cat, priority) -> SlaPolicy:
        key = (ct.pk, cat.pk if cat else None, priority)
        if key not in self.policies:
            self.policies[key] = sla.policy_for(case_type=ct, category=cat, priority=priority)
        return self.policies[key]

    def add(self, start, days, basis):
        return sla.add_days(start, days, basis, self.overrides)


@transaction.atomic
def load(ctx, progress=lambda msg: None) -> None:
    rng = random.Random(SEED)
    types = {ct.code: ct for ct in CaseType.objects.prefetch_related("categories")}
    if len(types) < len(TYPE_WEIGHTS):
        return
    now = timezone.now()
    today = timezone.localdate()
    clock = _Clock(today - dt.timedelta(days=366), today)
    for town in ctx.towns:
        if CaseEvent.objects.filter(case__town=town, kind=EventKind.CREATE, data__demo=True).exists():
            continue
        units = {u.code: u for u in Unit.objects.filter(town=town)}
        _routing(town, units, types)
        villages = list(town.villages.prefetch_related("grids"))
        grid_users = (
            {ra.grid_id: ra.user for ra in ctx.users["grid"].roles.all()} if "grid" in ctx.users else {}
        )
        cases, plans = [], []
        for offset in range(365, -1, -1):
            day = today - dt.timedelta(days=offset)
            n = (
                rng.choices([2, 3, 4, 5, 6, 7], weights=[1, 3, 4, 3, 2, 1])[0]
                if day.weekday() < 5
                else rng.randint(0, 2)
            )
            for _ in range(n):
                case, plan = _make(rng, town, day, villages, units, types, clock, grid_users)
                if case.received_at > now:
                    continue
                cases.append(case)
                plans.append(plan)
        events = []
        for case, plan in zip(cases, plans, strict=True):
            events += _finish(rng, case, plan, clock, now)
        events += _petition_reviews(cases, now)
        Case.objects.bulk_create(cases, batch_size=500)
        for e in events:  # the cases have their ids now
            e.case_id = e.case.pk
        CaseEvent.objects.bulk_create(events, batch_size=1000)
        rollup.rebuild(town_ids=[town.pk])  # bulk_create bypasses Case.save(): recompute the KPI roll-up
        progress(f"  {town.name}: {len(cases)} cases, {len(events)} timeline entries")
        if town == ctx.towns[0] and {"office", "unit", "grid"} <= set(ctx.users):
            _persona_backlog(rng, ctx, units)
        if town == ctx.towns[0] and {"office", "deputy", "unit_jfb"} <= set(ctx.users) and "jfb" in units:
            _deputy_backlog(ctx, units["jfb"])


def _persona_backlog(rng, ctx, units) -> None:
    """Fresh work in the demo personas' queues, made through the real services (with history)."""
    from luoshi.cases import services

    office, unit, grid = ctx.users["office"], ctx.users["unit"], ctx.users["grid"]
    yjb = units["yjb"]
    village = ctx.users["village"].roles.first().village if "village" in ctx.users else None
    fresh = [
        (
            "hotline",
            "{v}菜市场门口下水道冒水",
            "来电人反映{v}菜市场门口下水道堵塞冒水，路面湿滑，请尽快疏通。",
            "urban",
        ),
        ("public", "{v}健身器材损坏", "{v}文化广场的两台健身器材螺丝松动，老人锻炼有危险。", "other"),
        (
            "hotline",
            "咨询小孩入学报名时间",
            "来电人咨询今年秋季一年级新生报名时间和需要准备的材料。",
            "consult",
        ),
        (
            "hazard",
            "{v}沿街店铺电线私拉乱接",
            "检查发现{v}沿街三家店铺电线私拉乱接、插排串联使用。",
            "general",
        ),
        ("dispute", "{v}停车位占用纠纷", "{v}两户居民因楼下停车位长期被占发生争吵，申请调解。", "neighbour"),
    ]
    callers = [("周女士", "13712345678"), ("陈先生", "13955501234"), ("刘女士", "15866602345")]
    for i, (code, title, content, cat) in enumerate(fresh):
        name = village.name if village else ""
        contact_name, contact_phone = callers[i % len(callers)]
        case = services.case_create(
            case_type=code,
            actor=office,
            village=village,
            category=cat,
            title=title.format(v=name),
            content=content.format(v=name),
            address=f"{name}",
            contact_name=contact_name,
            contact_phone=contact_phone,
            details=dict(FIVE_FIXES) if code == "hazard" else None,
        )
        if i >= 2:  # three of them go to 应急管理办: waiting for sign-for, or already being handled
            case = services.case_dispatch(case=case, actor=office, unit=yjb)
            if i == 4:
                case = services.case_sign(case=case, actor=unit)
                services.case_progress(
                    case=case, actor=unit, note="已与双方当事人电话联系，约定周五上午现场调解。"
                )
    _assisted_backlog(ctx, units, village)
    # Near-duplicates of the first one (并单 candidates in the office's 待派单 queue): the same caller
    # again, and a neighbour through the public form.
    name = village.name if village else ""
    services.case_create(
        case_type="hotline",
        actor=office,
        village=village,
        category="urban",
        title=f"再次反映{name}菜市场门口下水道冒水",
        content=f"来电人再次反映{name}菜市场门口下水道堵塞，污水漫到路面，至今无人处理。",
        address=name,
        contact_name="周女士",
        contact_phone="13712345678",
    )
    services.case_create(
        case_type="public",
        actor=office,
        village=village,
        category="sanitation",
        title=f"{name}菜市场下水道堵了",
        content=f"{name}菜市场门口下水道堵了好几天，污水横流，臭味很大。",
        address=name,
        contact_name="孙先生",
        contact_phone="18900007777",
    )
    services.case_create(
        case_type="grid",
        actor=grid,
        title="垃圾桶满溢未清运",
        content="网格内两处垃圾桶满溢，已两天未清运。",
        category="sanitation",
    )


def _deputy_backlog(ctx, unit: Unit) -> None:
    """The deputy persona's suggestions, through the real services: one 交办 and being handled, one
    answered (B类) and awaiting the deputy's rating on their home page."""
    from luoshi.cases import services

    office, deputy, handler = ctx.users["office"], ctx.users["deputy"], ctx.users["unit_jfb"]
    for title, content, category, answer in [
        (
            "关于增设镇区公交站点的建议",
            "镇区新建小区入住居民较多，最近的公交站点步行需二十分钟，建议在小区东门增设站点。",
            "construction",
            "",
        ),
        (
            "关于改善农村饮水水质的建议",
            "部分村组自来水浑浊、有异味，建议对老旧管网进行改造，并定期公布水质检测结果。",
            "ecology",
            "已将老旧管网改造列入今年计划，首批3个村组已完工，其余村组明年分批实施；水质检测结果每季度公布。",
        ),
    ]:
        case = services.suggestion_file(actor=deputy, title=title, content=content, category=category)
        case = services.case_dispatch(case=case, actor=office, unit=unit, note="经主席团交办。")
        if answer:
            case = services.case_sign(case=case, actor=handler)
            services.case_resolve(case=case, actor=handler, reply=answer, outcome="partly")


# Cases other units lead with 应急管理办 as a co-unit (协办), so the unit persona's 协办 queue has work:
# (type, title, content, category, lead unit, further co-units, 应急管理办's opinion or "").
ASSISTED = [
    (
        "hotline",
        "{v}老街商铺占道经营",
        "来电人反映{v}老街多家商铺把货架摆到人行道上，消防通道被堵，请处理。",
        "market",
        "jfb",
        ["zzzx"],
        "经现场查看，老街 3 处商铺货架占用消防通道，已告知店主限期清理，我办将配合复查。",
    ),
    (
        "public",
        "{v}河堤护栏松动",
        "{v}河堤步道有一段护栏松动，晚上散步的老人孩子多，存在落水危险。",
        "other",
        "jfb",
        [],
        "",
    ),
    (
        "dispute",
        "{v}装修噪音引发邻里纠纷",
        "{v}一户居民装修持续两个月，周末也施工，楼上楼下多次争吵，申请调解。",
        "neighbour",
        "zzzx",
        ["jfb"],
        "",
    ),
]


def _assisted_backlog(ctx, units, village) -> None:
    """Fresh cases led by other units with 应急管理办 (and sometimes another unit) co-handling, one
    of them already answered, through the real services."""
    from luoshi.cases import services

    office, unit = ctx.users["office"], ctx.users["unit"]
    name = village.name if village else ""
    for code, title, content, cat, lead, others, opinion in ASSISTED:
        case = services.case_create(
            case_type=code,
            actor=office,
            village=village,
            category=cat,
            title=title.format(v=name),
            content=content.format(v=name),
            address=name,
            contact_name="何先生",
            contact_phone="13600001111",
        )
        case = services.case_dispatch(
            case=case,
            actor=office,
            unit=units[lead],
            assist_units=[units["yjb"], *(units[c] for c in others)],
            note="请协办单位配合处理。",
        )
        if opinion:
            services.case_assist_reply(case=case, actor=unit, opinion=opinion)


# Petition review chains (复查 / 复核) on a few recently answered petitions, as the services would
# record them: (days after the reply the 复查 request came, days to its decision or None while pending,
# then the same for 复核 or None when not asked).
REVIEW_SCENARIOS = [
    ((8, None), None),  # 复查 requested, awaiting the county's decision
    ((6, 21), None),  # 复查 decided: upheld
    ((5, 20), (10, None)),  # 复核 requested after the 复查 decision
    ((4, 18), (9, 22)),  # 复核 decided: final (三级终结)
]
REVIEW_TEXTS = {
    "request": ["对答复中补偿标准的认定不服，申请复查。", "认为答复未回应主要诉求，申请复查。"],
    "decision": "经复查，原答复意见认定事实清楚、适用政策正确、程序合法，予以维持。",
    "rerequest": "对复查意见仍不服，申请复核。",
    "redecision": "经复核，维持复查意见。本信访事项已经复核，不再受理。",
}


def _petition_reviews(cases: list[Case], now: dt.datetime) -> list[CaseEvent]:
    """Give a few closed petitions a review chain (fields + timeline entries); no random draws, so
    the rest of the demo stays as it was."""
    # the newest answers first, those whose petitioner was not satisfied before the others
    petitions = sorted(
        (c for c in cases if c.case_type.allows_review and c.status == Status.CLOSED and c.resolved_at),
        key=lambda c: (c.rating != Rating.SATISFIED, c.resolved_at),
        reverse=True,
    )
    events: list[CaseEvent] = []
    day = dt.timedelta(days=1)
    for n, levels in enumerate(REVIEW_SCENARIOS):
        steps = [s for s in levels if s is not None]
        span = sum(ask + (decide or 1) for ask, decide in steps) * day
        case = next((c for c in petitions if c.resolved_at + span < now), None)
        if case is None:
            continue
        petitions.remove(case)
        at = case.resolved_at
        for level, (ask, decide) in enumerate(steps, start=1):
            info = workflow.REVIEW_LEVELS[level]
            at += ask * day
            case.review_level, case.review_state = level, ReviewState.REQUESTED
            case.review_requested_at, case.review_due_at = at, workflow.review_decision_due(at)
            case.review_decided_at, case.review_decision = None, ""
            reason = REVIEW_TEXTS["request"][n % 2] if level == 1 else REVIEW_TEXTS["rerequest"]
            events.append(
                _review_event(case, info.request_event, at, reason, level=level, requester=case.contact_name)
            )
            if decide is None:
                break
            at += decide * day
            case.review_state, case.review_decided_at = ReviewState.DECIDED, at
            case.review_decision = ReviewDecision.UPHOLD
            text = REVIEW_TEXTS["decision"] if level == 1 else REVIEW_TEXTS["redecision"]
            events.append(
                _review_event(
                    case, info.decision_event, at, text, level=level, decision=ReviewDecision.UPHOLD
                )
            )
    return events


def _review_event(case: Case, kind: str, at: dt.datetime, note: str, **data) -> CaseEvent:
    case.version += 1
    return CaseEvent(
        case=case,
        kind=kind,
        at=at,
        actor_label="党政办",
        from_status=case.status,
        to_status=case.status,
        note=note,
        public=True,
        data=data,
    )


def _make(rng, town, day, villages, units, types, clock, grid_users):
    code = rng.choices([t for t, _ in TYPE_WEIGHTS], weights=[w for _, w in TYPE_WEIGHTS])[0]
    if code == "suggestion" and day.month not in (2, 3, 4):
        code = "public"
    ct = types[code]
    cats = list(ct.categories.all())
    cat = rng.choice(cats) if cats else None
    village = rng.choice(villages)
    grids = list(village.grids.all())
    grid = rng.choice(grids) if grids else None
    title, content = rng.choice(TEXTS[code])
    place = rng.choice(PLACES)
    received = timezone.make_aware(dt.datetime.combine(day, dt.time(rng.randint(8, 17), rng.randint(0, 59))))
    priority = Priority.URGENT if code == "hotline" and rng.random() < 0.05 else Priority.NORMAL
    name = rng.choice(SURNAMES) + rng.choice(GIVEN)
    case = Case(
        number=new_case_number(timezone.localtime(received)),
        case_type=ct,
        category=cat,
        priority=priority,
        channel=ct.default_channel,
        title=title.format(v=village.name, p=place)[:200],
        content=content.format(v=village.name, p=place),
        address=f"{town.name}{village.name}{place}",
        county_id=town.county_id,
        town=town,
        village=village,
        grid=grid if code == "grid" else None,
        contact_name="" if code in ("grid", "hazard", "assigned") else name,
        contact_phone=""
        if code in ("grid", "hazard", "assigned")
        else f"1{rng.choice('35789')}{rng.randint(0, 10**9 - 1):09d}",
        reporter=grid_users.get(grid.pk) if code == "grid" and grid else None,
        details=dict(FIVE_FIXES) if code == "hazard" else {},
        received_at=received,
        status=Status.RECEIVED,
        routed_unit=units.get(
            TYPE_UNITS.get(code) or CATEGORY_UNITS.get(cat.code if cat else "", "zzzx"), units["zzzx"]
        ),
    )
    fate = rng.random()
    return case, {"fate": fate, "policy": clock.policy(ct, cat, priority)}


def _finish(rng, case: Case, plan: dict, clock: _Clock, now: dt.datetime) -> list[CaseEvent]:
    """Walk the case through its lifecycle with plausible timings; returns its timeline."""
    ct, policy, fate = case.case_type, plan["policy"], plan["fate"]
    basis = policy.day_basis
    ev = [
        CaseEvent(
            case=case,
            kind=EventKind.CREATE,
            at=case.received_at,
            actor_label="受理",
            to_status=Status.RECEIVED,
            public=True,
            data={"demo": True},
            note=f"已受理，来源：{case.get_channel_display()}",
        )
    ]
    version = 1

    def step(kind, at, status, note="", public=True, **data):
        nonlocal version
        version += 1
        ev.append(
            CaseEvent(
                case=case,
                kind=kind,
                at=at,
                actor_label=case.unit.name if case.unit else "党政办",
                from_status=case.status,
                to_status=status,
                note=note,
                public=public,
                data=data,
            )
        )
        case.status = status

    age_days = (now - case.received_at).days
    # very recent ones may still wait for dispatch
    if age_days < 2 and fate < 0.35:
        return _settle(case, ev, version, now)
    case.dispatched_at = min(now, case.received_at + dt.timedelta(hours=rng.uniform(0.3, 5)))
    case.unit = case.routed_unit
    case.dispatch_count = 1
    case.status = Status.DISPATCHED if ct.requires_sign else Status.IN_PROGRESS
    if policy.sign_days is not None and ct.requires_sign:
        case.sign_due_at = clock.add(case.dispatched_at, policy.sign_days, basis)
    step(EventKind.DISPATCH, case.dispatched_at, case.status, unit_name=case.unit.name)
    if age_days < 3 and fate < 0.6:
        _clock(case, policy, clock)
        return _settle(case, ev, version, now)
    if ct.requires_sign:
        case.signed_at = min(now, case.dispatched_at + dt.timedelta(hours=rng.uniform(0.5, 20)))
        step(EventKind.SIGN, case.signed_at, Status.IN_PROGRESS)
    _clock(case, policy, clock)
    limit = (case.due_at - case.clock_started_at) if case.due_at else dt.timedelta(days=5)
    # 84% on time, 10% late, 6% still stuck (open, probably overdue)
    share = rng.uniform(0.15, 0.9) if fate < 0.84 else (rng.uniform(1.05, 1.6) if fate < 0.94 else None)
    if share is None and age_days > 60:  # old stragglers were finished late eventually
        share = rng.uniform(1.1, 2.0)
    if share is None:
        if fate > 0.97:
            case.urge_count = 1
            step(EventKind.URGE, min(now, case.due_at or now), case.status, "请抓紧办理", public=False)
        return _settle(case, ev, version, now)
    resolved = case.clock_started_at + limit * share
    case.first_response_at = min(resolved, (case.signed_at or case.dispatched_at) + dt.timedelta(hours=6))
    if resolved > now:
        return _settle(case, ev, version, now)
    case.resolved_at = resolved
    case.resolved_on_time = case.due_at is None or resolved <= case.due_at
    case.reply = rng.choice(REPLIES.get(ct.code, REPLIES["default"]))
    case.outcome = Outcome.RESOLVED
    if ct.code == "dispute" and rng.random() < 0.1:
        case.outcome = Outcome.UNRESOLVED
        case.reply = "经多次调解双方分歧较大，已引导当事人通过诉讼途径解决。"
    if ct.code == "suggestion":
        case.outcome = rng.choice([Outcome.RESOLVED, Outcome.RESOLVED, Outcome.PARTLY, Outcome.UNRESOLVED])
    step(EventKind.RESOLVE, resolved, Status.RESOLVED, case.reply, outcome=case.outcome)
    after = resolved + dt.timedelta(hours=rng.uniform(4, 60))
    if after > now:
        return _settle(case, ev, version, now)
    if ct.requires_verification:
        case.verified_at = after
        step(
            EventKind.VERIFY,
            after,
            Status.CLOSED if not ct.requires_callback else Status.RESOLVED,
            passed=True,
        )
        if not ct.requires_callback:
            case.closed_at = after
            return _settle(case, ev, version, now)
    if ct.requires_callback:
        if rng.random() < 0.06:  # caller not reachable: closed without a call-back
            case.closed_at = after
            step(EventKind.CLOSE, after, Status.CLOSED, "多次回访未接通，按规定归档。")
            return _settle(case, ev, version, now)
        r = rng.random()
        rating = Rating.SATISFIED if r < 0.78 else (Rating.BASIC if r < 0.92 else Rating.UNSATISFIED)
        case.rating, case.reviewed_at, case.rating_channel = rating, after, "phone"
        if rating == Rating.UNSATISFIED:
            case.rating_reason = rng.choice(["问题没有彻底解决", "办理时间太长", "答复不够具体"])
        reopen = rating == Rating.UNSATISFIED and ct.reopen_on_unsatisfied and (now - after).days < 20
        if reopen:
            case.reopen_count = 1
            case.resolved_at = case.resolved_on_time = None
            case.clock_started_at = after
            case.due_at = clock.add(after, policy.resolution_days, basis)
            case.warn_at = case.due_at - dt.timedelta(days=policy.near_due_days)
            step(
                EventKind.FEEDBACK,
                after,
                Status.IN_PROGRESS,
                case.rating_reason,
                rating=rating,
                reopened=True,
            )
            return _settle(case, ev, version, now)
        case.closed_at = after
        step(EventKind.FEEDBACK, after, Status.CLOSED, case.rating_reason, rating=rating)
    else:
        case.closed_at = after
        step(EventKind.CLOSE, after, Status.CLOSED)
    return _settle(case, ev, version, now)


def _clock(case: Case, policy: SlaPolicy, clock: _Clock) -> None:
    start = {
        "received": case.received_at,
        "dispatched": case.dispatched_at,
        "signed": case.signed_at or (case.dispatched_at if not case.case_type.requires_sign else None),
    }[policy.clock_starts]
    if start is None:
        return
    case.clock_started_at = start
    if policy.response_days is not None:
        case.response_due_at = clock.add(case.received_at, policy.response_days, policy.day_basis)
    case.due_at = clock.add(start, policy.resolution_days, policy.day_basis)
    case.warn_at = case.due_at - dt.timedelta(days=policy.near_due_days)


def _settle(case: Case, ev: list[CaseEvent], version: int, now: dt.datetime) -> list[CaseEvent]:
    case.stage = workflow.stage_of(case.status)
    case.version = version
    sla.refresh_flags(case, now)
    if case.overdue and case.stage == "open":
        ev.append(
            CaseEvent(
                case=case,
                kind=EventKind.OVERDUE,
                at=case.due_at,
                actor_label="系统",
                from_status=case.status,
                to_status=case.status,
                note="已超过办结时限。",
            )
        )
    return ev
