"""Demo plans for the demo towns: ~20 targets, key tasks with sub-tasks, 30 projects, a completed livelihood vote.

All content is invented. Dates are relative to today's year so statuses look alive whenever the demo
is loaded. Idempotent: a town that already has this year's plan is left alone. Every write goes
through ``luoshi.plans.services``.
"""

from __future__ import annotations

import datetime as dt
import random
from decimal import Decimal

from django.db import transaction
from django.utils import timezone

from luoshi.accounts.models import Indicator
from luoshi.accounts.services import catalogue_sync
from luoshi.org.demo import _demo_password_hash
from luoshi.org.models import RoleAssignment, Unit, User
from luoshi.org.roles import Role
from luoshi.plans import meetings, polls, scheduling, services
from luoshi.plans.models import Item, LivelihoodRound, Plan, Project, Update

# name, area, measure, target, unit, qualifier, unit code, pace (actual ÷ expected-by-now)
TARGETS = [
    ("地区生产总值", "economy", "growth", 6, "%", "以上", "jfb", 1.0),
    ("一般公共预算收入", "economy", "level", 1.2, "亿元", "确保", "czs", 1.05),
    ("工业应税销售", "economy", "level", 45, "亿元", "力争", "jfb", 0.93),
    ("规上工业总产值", "economy", "growth", 8, "%", "左右", "jfb", 0.8),
    ("社会消费品零售总额", "economy", "growth", 6.5, "%", "", "jfb", 1.02),
    ("新增规上工业企业", "economy", "level", 3, "家", "不少于", "jfb", 0.7),
    ("完成固定资产投资", "projects", "level", 8.5, "亿元", "", "jfb", 0.98),
    ("签约亿元以上项目", "projects", "level", 5, "个", "确保", "jfb", 1.1),
    ("实际到账外资", "projects", "level", 800, "万美元", "", "jfb", 0.6),
    ("外出招商", "projects", "level", 12, "次", "不少于", "jfb", 1.2),
    ("新建高标准农田", "rural", "level", 5000, "亩", "", "nyb", 0.9),
    ("粮食播种面积", "rural", "level", 3.2, "万亩", "", "nyb", 1.0),
    ("村集体经营性收入超30万元的村", "rural", "level", 6, "个", "", "nyb", 0.75),
    ("空气质量优良天数比率", "ecology", "rate", 85, "%", "以上", "hbb", 1.01),
    ("国省控断面水质达标率", "ecology", "rate", 100, "%", "", "hbb", 1.0),
    ("新增造林绿化", "ecology", "level", 300, "亩", "", "zrzy", 0.5),
    ("城镇新增就业", "livelihood", "level", 600, "人", "", "shsw", 1.08),
    ("城乡居民医保参保率", "livelihood", "rate", 98, "%", "以上", "shsw", 0.99),
    ("安全隐患整改率", "safety", "rate", 100, "%", "", "yjb", 0.97),
    ("信访事项按期办结率", "safety", "rate", 95, "%", "以上", "zzzx", 1.0),
]

# target name → indicator code (luoshi.accounts catalogue): the actual comes from the indicator — computed
# from the records, or reported with its source (values loaded by luoshi.accounts.demo) — never typed here.
INDICATORS = {
    "地区生产总值": "gdp-growth",
    "一般公共预算收入": "budget-revenue",
    "工业应税销售": "industrial-taxable-sales",
    "规上工业总产值": "above-scale-output-growth",
    "社会消费品零售总额": "retail-sales-growth",
    "新增规上工业企业": "new-above-scale-enterprises",
    "完成固定资产投资": "fixed-asset-investment",
    "签约亿元以上项目": "projects-signed-100m",
    "实际到账外资": "fdi-paid-in",
    "外出招商": "investment-trips",
    "新建高标准农田": "high-standard-farmland",
    "粮食播种面积": "grain-area",
    "村集体经营性收入超30万元的村": "village-collective-300k",
    "空气质量优良天数比率": "air-quality",
    "国省控断面水质达标率": "water-quality",
    "新增造林绿化": "afforestation",
    "城镇新增就业": "new-jobs",
    "城乡居民医保参保率": "medical-insurance-rate",
    "安全隐患整改率": "cases-hazard-rectification",
    "信访事项按期办结率": "cases-petition-on-time",
}

# key task, area, unit code, sub-tasks
TASKS = [
    (
        "推进工业园区扩容提质",
        "projects",
        "jfb",
        ["完成园区二期土地征收", "建成标准厂房4万平方米", "园区污水管网接入"],
    ),
    ("开展规上企业“周周行、家家到”服务", "economy", "jfb", ["建立企业问题清单", "每月召开企业座谈会"]),
    ("实施人居环境整治提升", "rural", "nyb", ["完成农村户厕改造400户", "打造美丽庭院示范户100户"]),
    ("深化矛盾纠纷多元化解", "safety", "zzzx", ["建成村级调解室全覆盖", "开展矛盾纠纷集中排查"]),
    ("推进“高效办成一件事”", "governance", "dzb", ["梳理镇级事项清单", "便民服务中心窗口整合"]),
]

INDUSTRIES = [
    ("新材料", ["年产5000吨高性能改性塑料", "年产2万吨环保涂料", "碳纤维复合材料制品"]),
    ("智能制造", ["年产20万套智能家居配件", "工业机器人减速器生产线", "数控机床精密零部件"]),
    ("新能源", ["分布式光伏发电", "储能电池模组组装", "充换电站建设"]),
    ("农产品加工", ["茶叶精深加工", "预制菜中央厨房", "冷链物流仓储中心"]),
    ("文旅", ["竹湾村民宿集群", "云溪古街文旅街区改造", "高坪露营基地"]),
    ("电子信息", ["柔性电路板生产", "光学镜头模组", "智能传感器封装测试"]),
]
ORIGINS = ["上海", "苏州", "宁波", "深圳", "杭州", "合肥", "本地乡贤", "厦门"]
COMPANY = ["瑞丰", "恒锦", "中科", "启航", "华创", "远拓", "青禾", "鼎新", "博越", "联众"]
PROBLEMS = [
    ("用地指标尚未落实", "县自然资源局"),
    ("高压线迁改需供电公司配合", "县供电公司"),
    ("环评批复待县生态环境局审查", "县生态环境局"),
    ("施工用电增容未完成", "县供电公司"),
    ("企业融资到位慢", "县金融办"),
]

LIVELIHOOD = [
    # title, source, proposer, location, budget (万元), unit code, content
    (
        "桃坞村至石泉村道路提质改造",
        "deputy",
        "代表 刘芳等5人",
        "桃坞村、石泉村",
        420,
        "zrzy",
        "对3.2公里村道拓宽至6米并铺设沥青，增设安全护栏和路灯。",
    ),
    (
        "镇区农贸市场升级改造",
        "public",
        "12345热线群众建议",
        "镇区",
        260,
        "jfb",
        "改造顶棚、排水和摊位，设置农户自产自销区，实现生熟分区。",
    ),
    (
        "高坪村安全饮水巩固提升",
        "unit",
        "农业农村办",
        "高坪村",
        180,
        "nyb",
        "新建蓄水池2座，更换老旧管网6公里，保障312户饮水安全。",
    ),
    (
        "云溪社区居家养老服务中心",
        "deputy",
        "代表 周建国等3人",
        "云溪社区",
        150,
        "shsw",
        "建设助餐点、日间照料室和康复室，为辖区老人提供助餐助洁服务。",
    ),
    (
        "中心小学学生食堂改造",
        "public",
        "家长委员会",
        "镇中心小学",
        120,
        "shsw",
        "扩建食堂就餐区，更新厨房设备，解决学生分批就餐问题。",
    ),
    ("柳塘村公厕新建与改造", "unit", "柳塘村", "柳塘村", 60, "nyb", "新建公厕2座、改造3座，配套无障碍设施。"),
]

SESSIONS = {
    "369901100": "云溪镇第十八届人民代表大会第四次会议",
    "369901200": "白鹭街道居民议事会暨人大工委票决会",
}


def _deputies(town, prefix: str, count: int, first: int, surnames: str) -> list[User]:
    """Demo deputies of a town (the organisation demo creates only one)."""
    out = []
    for i in range(first, first + count):
        user, created = User.objects.get_or_create(
            username=f"{prefix}{i}",
            defaults={"full_name": f"人大代表 {surnames[i % len(surnames)]}{'明华芳军丽强'[i % 6]}"},
        )
        if created:
            user.password = _demo_password_hash()
            user.save(update_fields=["password"])
        RoleAssignment.objects.get_or_create(user=user, role=Role.DEPUTY, town=town)
        out.append(user)
    return out


def load(ctx, progress=lambda msg: None) -> None:
    today = timezone.localdate()
    yunxi, bailu = ctx.towns
    _deputies(yunxi, "deputy", 14, 2, "王李张刘陈杨黄赵吴周徐孙马朱")
    _deputies(bailu, "deputyb", 12, 1, "胡郭何高林罗郑梁谢宋唐许")
    office = {yunxi.pk: ctx.users["office"], bailu.pk: ctx.users["office_b"]}
    if not Plan.objects.filter(town=yunxi, year=today.year - 1).exists():
        progress(f"  last year's livelihood evaluation for {yunxi.name} …")
        _open_evaluation(yunxi, ctx.users["office"], ctx, today.year - 1, progress)
    for n, town in enumerate(ctx.towns):
        if Plan.objects.filter(town=town, year=today.year).exists():
            continue
        progress(f"  plan for {town.name} …")
        _load_town(town, office[town.pk], ctx, today, random.Random(1000 + n))


@transaction.atomic
def _load_town(town, office: User, ctx, today: dt.date, rnd: random.Random) -> None:
    year = today.year
    plan = services.plan_create(town=town, year=year, by=office)
    units = {u.code: u for u in Unit.objects.filter(town=town)}
    leader = ctx.users["leader"] if town == ctx.towns[0] else None
    tp = (today.month - 1) / 12
    catalogue_sync()  # the targets bind to catalogue indicators: have them even on a flushed database
    indicators = {i.code: i for i in Indicator.objects.filter(code__in=INDICATORS.values())}
    for i, (name, area, measure, target, unit, qual, code, pace) in enumerate(TARGETS):
        indicator = indicators.get(INDICATORS.get(name, ""))
        item = services.item_create(
            plan=plan,
            by=office,
            kind=Item.Kind.TARGET,
            area=area,
            name=name,
            measure=measure,
            target_value=target,
            unit=unit,
            qualifier=qual,
            owner_unit=units[code],
            leader=leader,
            order=i,
            deadline=dt.date(year, 12, 31),
            weight=2.0 if area == "economy" else 1.0,
            indicator=indicator,
        )
        if indicator is not None or (today.month == 1 and today.day < 15):
            continue
        if measure == "level":
            actual = round(target * max(tp, 0.04) * pace * rnd.uniform(0.97, 1.03), 2)
        else:
            actual = round(target * pace, 2)
        services.update_create(
            owner=item,
            date=today - dt.timedelta(days=rnd.randint(1, 20)),
            by=office,
            text=f"截至上月底完成{actual:g}{unit}。",
            actual_value=actual,
        )
    for i, (name, area, code, subs) in enumerate(TASKS):
        task = services.item_create(
            plan=plan,
            by=office,
            kind=Item.Kind.TASK,
            area=area,
            name=name,
            owner_unit=units[code],
            leader=leader,
            order=100 + i,
            start_date=dt.date(year, 1, 1),
            deadline=dt.date(year, 12, 31),
        )
        for j, sub in enumerate(subs):
            deadline = dt.date(year, min(3 + 3 * (j + i) % 10, 12), 28)
            child = services.item_create(
                plan=plan,
                by=office,
                parent=task,
                area=area,
                name=sub,
                owner_unit=units[code],
                start_date=dt.date(year, 1, 1),
                deadline=deadline,
                weight=1.0 + j,
            )
            half = dt.date(year, max(1, deadline.month - 2), 15)
            m = services.milestone_create(owner=child, name="方案制定", planned_date=half, by=office)
            if half <= today and rnd.random() < 0.8:
                services.milestone_complete(milestone=m, actual_date=half, by=office)
            services.milestone_create(owner=child, name="完成验收", planned_date=deadline, by=office)
            if half <= today:
                pct = min(
                    100,
                    round(
                        100
                        * (today - dt.date(year, 1, 1)).days
                        / max((deadline - dt.date(year, 1, 1)).days, 1)
                        * rnd.uniform(0.7, 1.1)
                    ),
                )
                services.update_create(
                    owner=child,
                    date=today - dt.timedelta(days=rnd.randint(0, 9)),
                    by=office,
                    text="按计划推进。",
                    progress=pct,
                )
    _projects(plan, units, leader, office, today, rnd)
    _meeting(plan, units, office, today)
    _livelihood(plan, town, units, office, ctx, today, rnd)


def _scheduled(project, i, year, office, today, rnd) -> None:
    """倒排: the industrial template backwards from a promised 投产 (some next year), done up to today,
    one step moved late so the wall chart and the dispatch meeting have slippage to show."""
    promised = dt.date(year + (i % 2), 6 if i % 2 else 12, 30)
    scheduling.project_schedule_apply(
        project=project, template="industrial", mode="backward", on=promised, anchor="production", by=office
    )
    for m in project.milestones.order_by("seq"):
        if m.planned_date > today:
            if i % 6 == 0 and rnd.random() < 0.7:
                scheduling.milestone_move(
                    milestone=m, new_date=m.planned_date + dt.timedelta(days=rnd.randint(10, 30)), by=office
                )
            break
        services.milestone_complete(
            milestone=m,
            actual_date=min(today, m.planned_date + dt.timedelta(days=rnd.randint(-2, 4))),
            by=office,
        )


def _meeting(plan, units, office, today) -> None:
    """Last week's dispatch meeting with its decisions: one closed, one carried to this week."""
    first = meetings.meeting_create(
        plan=plan,
        date=today - dt.timedelta(days=7),
        chair="镇长",
        attendees="分管领导、经发办、自然资源所",
        by=office,
    )
    problems = list(Update.objects.filter(plan=plan, needs_help=True, project__isnull=False)[:2])
    for n, u in enumerate(problems):
        d = meetings.decision_create(
            meeting=first,
            text=f"协调解决：{u.problem}",
            owner_unit=u.project.owner_unit or units["jfb"],
            deadline=today + dt.timedelta(days=7 - 10 * n),
            update=u,
            by=office,
        )
        if n:
            meetings.decision_close(decision=d, on=today - dt.timedelta(days=1), note="已协调到位", by=office)
    meetings.meeting_create(plan=plan, date=today, chair="镇长", by=office)


def _projects(plan, units, leader, office, today, rnd) -> None:
    year = plan.year
    stages = list(Project.Stage.values)
    for i in range(30):
        industry, names = INDUSTRIES[i % len(INDUSTRIES)]
        base = names[(i // len(INDUSTRIES)) % len(names)]
        company = COMPANY[i % len(COMPANY)]
        kind = Project.Kind.INVESTMENT if i % 3 else Project.Kind.KEY
        investment = Decimal(rnd.choice([3000, 5000, 8000, 12000, 20000, 35000, 60000]))
        start = dt.date(year, 1 + i % 6, 1 + i % 25)
        deadline = dt.date(year, min(12, start.month + 4 + i % 5), 28)
        project = services.project_create(
            plan=plan,
            by=office,
            kind=kind,
            name=f"{company}{base}项目",
            investor=f"{ORIGINS[i % 8]}{company}科技有限公司",
            origin=ORIGINS[i % 8],
            industry=industry,
            investment=investment,
            annual_plan=(investment * Decimal("0.6")).quantize(Decimal("1")),
            owner_unit=units["jfb"],
            leader=leader,
            start_date=start,
            deadline=deadline,
        )
        reach = [0, 1, 1, 2, 2, 3, 4, 4, 5, 6, 7][i % 11]
        day = dt.date(year - 1, 9, 1) + dt.timedelta(days=i)
        for s in stages[: reach + 1]:
            if day > today:
                break
            services.project_stage_set(project=project, stage=s, date=day, by=office)
            day += dt.timedelta(days=rnd.randint(15, 45))
        if reach >= 4:
            project.annual_done = (project.annual_plan * Decimal(rnd.uniform(0.2, 0.9))).quantize(
                Decimal("1")
            )
            services.project_edit(project=project, annual_done=project.annual_done, by=office)
        if i % 3 == 0:
            _scheduled(project, i, year, office, today, rnd)
            continue
        for k, (label, month) in enumerate(
            [
                ("完成前期手续", start.month),
                ("主体结构封顶", (start.month + deadline.month) // 2),
                ("设备安装调试", deadline.month),
            ]
        ):
            planned = dt.date(year, month, 20)
            m = services.milestone_create(owner=project, name=label, planned_date=planned, by=office)
            if planned <= today and rnd.random() < (0.85 if k == 0 else 0.6):
                services.milestone_complete(
                    milestone=m, actual_date=planned + dt.timedelta(days=rnd.randint(-5, 6)), by=office
                )
        if start <= today:
            problem, helper = PROBLEMS[i % len(PROBLEMS)] if i % 4 == 1 else ("", "")
            services.update_create(
                owner=project,
                date=today - dt.timedelta(days=rnd.randint(0, 6)),
                by=office,
                text=rnd.choice(
                    ["桩基施工完成", "钢结构吊装中", "设备已进场", "正在办理施工许可", "厂房装修收尾"]
                ),
                progress=rnd.randint(10, 90),
                problem=problem,
                needs_help=bool(problem),
                help_from=helper,
            )


def _livelihood(plan, town, units, office, ctx, today, rnd) -> None:
    year = plan.year
    electronic = town == ctx.towns[0]
    r = services.round_create(
        plan=plan,
        seats=5,
        by=office,
        on=dt.date(year - 1, 9, 10),
        session_name=SESSIONS.get(town.code, ""),
        mode=LivelihoodRound.Mode.ELECTRONIC if electronic else LivelihoodRound.Mode.PAPER,
        deputies_total=None if electronic else 38,
    )
    for title, source, proposer, location, budget, _code, content in LIVELIHOOD:
        services.proposal_create(
            round=r,
            title=title,
            source=source,
            proposer=proposer,
            location=location,
            estimated_cost=Decimal(budget),
            content=content,
            by=office,
        )
    services.proposal_create(
        round=r,
        title="镇区建设地下停车场",
        source="public",
        proposer="群众来信",
        estimated_cost=Decimal(3000),
        by=office,
    )
    services.round_advance(round=r, by=office, on=dt.date(year - 1, 10, 20))
    for p in r.proposals.all():
        if p.title == "镇区建设地下停车场":
            services.proposal_screen(
                proposal=p, accept=False, note="投资超出镇级财政承受能力，建议纳入县级规划。", by=office
            )
            continue
        code = next(x[5] for x in LIVELIHOOD if x[0] == p.title)
        services.proposal_screen(
            proposal=p,
            accept=True,
            owner_unit=units[code],
            by=office,
            deadline=dt.date(year, 11, 30),
            funding="镇级财政配套、争取上级补助",
        )
    services.round_advance(round=r, by=office, on=dt.date(year - 1, 12, 5))
    services.round_advance(round=r, by=office, on=dt.date(year, 1, 12), note="提交大会票决")
    candidates = list(r.candidates.order_by("id"))
    if electronic:
        deputies = list(
            User.objects.filter(roles__role=Role.DEPUTY, roles__town=town).distinct().order_by("pk")
        )
        ballots = []
        for _d in deputies:
            choices = {}
            for k, c in enumerate(candidates):
                roll = rnd.random() + (0.25 if k == 5 else 0)
                choices[str(c.pk)] = "agree" if roll < 0.8 else ("disagree" if roll < 0.95 else "abstain")
            ballots.append(choices)
        _secret_poll(r.polls.get(kind="vote"), deputies, ballots, office)
    else:
        rows = {
            c.pk: (34 - 2 * k - (8 if k == 4 else 0), 2 + k, 0 + (k % 2)) for k, c in enumerate(candidates)
        }
        services.paper_tally_enter(round=r, issued=38, returned=37, valid=36, invalid=1, rows=rows, by=office)
        services.paper_tally_confirm(round=r, by=ctx.users["admin"])
        services.vote_seal(round=r, by=office)
    services.round_advance(round=r, by=office, on=dt.date(year, 1, 12), note="表决结果当场公布")
    services.round_advance(round=r, by=office, on=dt.date(year, 2, 1))
    for k, c in enumerate(r.candidates.filter(adopted=True).order_by("id")):
        for label, month in (("完成设计与招标", 3 + k % 2), ("主体工程完工", 7 + k % 3), ("竣工验收", 11)):
            planned = dt.date(year, month, 15)
            m = services.milestone_create(owner=c, name=label, planned_date=planned, by=office)
            if planned <= today and (k != 1 or month < 7):
                services.milestone_complete(
                    milestone=m, actual_date=planned + dt.timedelta(days=k), by=office
                )
        if today >= dt.date(year, 3, 1):
            problem = "管网施工涉及农户青苗补偿，部分农户有异议" if k == 1 else ""
            services.update_create(
                owner=c,
                date=today - dt.timedelta(days=3 + k),
                by=office,
                text="施工队伍已进场，按节点推进。",
                progress=min(95, 20 + 10 * today.month - 5 * k),
                problem=problem,
                needs_help=bool(problem),
                help_from="镇分管领导" if problem else "",
            )


def _secret_poll(poll, deputies, ballots, office, *, seal: bool = True) -> str:
    """Run a secret poll through the services: a deputy chairs, opens it (the code), each votes, the chair seals."""
    chair = deputies[1]
    polls.poll_configure(poll=poll, chair=chair, quorum=poll.quorum, by=office)
    code = polls.poll_open(poll=poll, by=chair)
    for deputy, choices in zip(deputies, ballots, strict=False):
        polls.ballot_cast(poll=poll, deputy=deputy, choices=choices)
    if seal:
        polls.poll_seal(poll=poll, code=code, by=chair)
    return code


@transaction.atomic
def _open_evaluation(town, office: User, ctx, year: int, progress) -> None:
    """Last year's plan of the town with its satisfaction evaluation open: most deputies have rated the
    projects, the ``deputy`` persona has not (their home page lists it). The chair's code is printed once."""
    rnd = random.Random(77)
    units = {u.code: u for u in Unit.objects.filter(town=town)}
    plan = services.plan_create(town=town, year=year, by=office)
    r = services.round_create(
        plan=plan, seats=2, by=office, on=dt.date(year - 1, 9, 10), session_name=SESSIONS.get(town.code, "")
    )
    for title, source, proposer, location, _budget, _code, content in LIVELIHOOD[3:]:
        services.proposal_create(
            round=r,
            title=title,
            source=source,
            proposer=proposer,
            location=location,
            content=content,
            by=office,
        )
    services.round_advance(round=r, by=office, on=dt.date(year - 1, 10, 20))
    for p in r.proposals.order_by("id"):
        _t, _s, _p, _l, budget, code, _c = next(x for x in LIVELIHOOD if x[0] == p.title)
        services.proposal_screen(
            proposal=p, accept=True, budget=Decimal(budget), owner_unit=units[code], by=office
        )
    services.round_advance(round=r, by=office, on=dt.date(year - 1, 12, 5))
    services.round_advance(round=r, by=office, on=dt.date(year, 1, 12), note="提交大会票决")
    deputies = list(User.objects.filter(roles__role=Role.DEPUTY, roles__town=town).distinct().order_by("pk"))
    candidates = list(r.candidates.order_by("id"))
    ballots = [
        {
            str(c.pk): "agree" if rnd.random() < (0.9 - 0.3 * k) else "disagree"
            for k, c in enumerate(candidates)
        }
        for _d in deputies
    ]
    _secret_poll(r.polls.get(kind="vote"), deputies, ballots, office)
    for on in (dt.date(year, 1, 12), dt.date(year, 2, 1), dt.date(year, 11, 20)):
        services.round_advance(round=r, by=office, on=on)
    for c in r.candidates.filter(adopted=True):
        services.livelihood_accept(project=c, on=dt.date(year, 11, 28), note="按期完成，质量合格", by=office)
    services.round_advance(round=r, by=office, on=dt.date(year, 12, 20), note="年终代表满意度测评")
    persona = ctx.users["deputy"]
    raters = [d for d in deputies if d != persona]
    poll = r.polls.get(kind="evaluation")
    ratings = [
        {str(i): rnd.choice(["satisfied", "satisfied", "basic", "dissatisfied"]) for i in poll.items}
        for _d in raters[: len(raters) - 4]
    ]
    code = _secret_poll(poll, raters, ratings, office, seal=False)
    progress(f"  {town.name} {year}: evaluation open, chair {raters[1].username}, round code {code}")
