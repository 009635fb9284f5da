"""Reads: scoped access to plans and their parts, derived statuses, roll-ups, board, timeline, dispatch."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field

from django.db.models import Prefetch, Q, QuerySet
from django.utils import timezone
from django.utils.translation import gettext as _

from luoshi.accounts import matching
from luoshi.accounts.selectors import bound_figures, catalogue_for_town, figure_time_progress
from luoshi.org.models import Town, User
from luoshi.org.roles import Role
from luoshi.org.scoping import get_visible_or_404, scope_of, visible
from luoshi.org.selectors import calendar_overrides
from luoshi.plans import livelihood as machine
from luoshi.plans import status as st
from luoshi.plans import voting
from luoshi.plans.models import (
    Item,
    LivelihoodProject,
    LivelihoodRound,
    Milestone,
    Phase,
    Plan,
    Project,
    Update,
)
from luoshi.reports.models import Fact, Report, ReportItem

READERS = (Role.COUNTY, Role.LEADER, Role.OFFICE, Role.UNIT, Role.DEPUTY)
STAFF_READERS = (Role.COUNTY, Role.LEADER, Role.OFFICE, Role.UNIT)
MANAGERS = (Role.OFFICE, Role.LEADER)
REPORTERS = (Role.OFFICE, Role.LEADER, Role.UNIT)


# --- Access -----------------------------------------------------------------------------------------


def plans_for(user) -> QuerySet[Plan]:
    return visible(Plan, user).select_related("town")


def plan_for(user, pk: int) -> Plan:
    return get_visible_or_404(Plan.objects.select_related("town"), user, pk=pk)


def item_for(user, pk: int) -> Item:
    return get_visible_or_404(
        Item.objects.select_related("plan__town", "owner_unit", "leader", "parent"), user, pk=pk
    )


def project_for(user, pk: int) -> Project:
    return get_visible_or_404(
        Project.objects.select_related("plan__town", "owner_unit", "leader"), user, pk=pk
    )


def round_for(user, pk: int) -> LivelihoodRound:
    return get_visible_or_404(LivelihoodRound.objects.select_related("plan__town"), user, pk=pk)


def livelihood_for(user, pk: int) -> LivelihoodProject:
    return get_visible_or_404(
        LivelihoodProject.objects.select_related("round__plan__town", "owner_unit"), user, pk=pk
    )


def milestone_for(user, pk: int) -> Milestone:
    return get_visible_or_404(
        Milestone.objects.select_related("plan", "item", "project", "livelihood"), user, pk=pk
    )


def update_for(user, pk: int) -> Update:
    return get_visible_or_404(
        Update.objects.select_related("plan", "item", "project", "livelihood"), user, pk=pk
    )


def can_manage(user, plan: Plan) -> bool:
    """Town leaders and office staff of the plan's town (and admins) shape the plan."""
    s = scope_of(user)
    return s.is_admin or (s.has(*MANAGERS) and plan.town_id in s.town_ids)


def can_report(user, plan: Plan, owner_unit_id: int | None) -> bool:
    """Managers, or staff of the responsible unit, record progress."""
    s = scope_of(user)
    return can_manage(user, plan) or (Role.UNIT in s.roles and owner_unit_id in s.unit_ids)


def owner_of(obj) -> tuple[Plan, int | None]:
    """(plan, responsible unit id) of an item, project, livelihood project, milestone or update."""
    if isinstance(obj, (Milestone, Update)):
        obj = obj.item or obj.project or obj.livelihood
    if isinstance(obj, LivelihoodProject):
        return obj.round.plan, obj.owner_unit_id
    return obj.plan, obj.owner_unit_id


def town_deputies(town: Town) -> QuerySet[User]:
    return User.objects.filter(roles__role=Role.DEPUTY, roles__town=town, is_active=True).distinct()


def importable_reports(user, town: Town) -> QuerySet[Report]:
    return visible(Report, user).filter(town=town).order_by("-plan_year", "-created_at")


# --- Derived status -------------------------------------------------------------------------------


def _milestones(obj) -> tuple[st.MilestoneFact, ...]:
    return tuple(st.MilestoneFact(m.planned_date, m.actual_date) for m in obj.milestones.all())


def _latest(updates, attr: str):
    for u in updates:  # newest first (model ordering)
        value = getattr(u, attr)
        if value is not None:
            return value
    return None


def work_facts(obj, start=None, deadline=None, done_on=None) -> st.WorkFacts:
    updates = [(u.date, u.progress, u.is_open_problem) for u in obj.updates.all()]
    return facts_from(_milestones(obj), updates, start, deadline, done_on)


def facts_from(
    ms: tuple[st.MilestoneFact, ...], updates, start=None, deadline=None, done_on=None
) -> st.WorkFacts:
    """``updates``: (date, progress, is open problem), newest first (the model ordering)."""
    progress = next((pr for _d, pr, _o in updates if pr is not None), None)
    if progress is None:
        progress = st.milestone_progress(ms)
    return st.WorkFacts(
        start=start,
        deadline=deadline,
        progress=progress,
        done_on=done_on,
        milestones=ms,
        last_update=updates[0][0] if updates else None,
        open_problem=any(o for _d, _p, o in updates),
    )


@dataclass
class Row:
    obj: object
    status: st.Status | None  # None: a candidate not elected has no implementation status
    progress: float | None  # derived 0..100
    override: float | None = None
    depth: int = 0
    children: list[Row] = field(default_factory=list)
    time_progress: float | None = None
    not_elected: bool = False
    figure: object = None  # the bound indicator's value (luoshi.accounts.selectors.Figure)

    @property
    def actual(self) -> float | None:
        """The actual shown: the bound indicator's value, else the latest typed one."""
        if self.figure is not None:
            return self.figure.value
        return getattr(self.obj, "actual_value", None)

    @property
    def status_label(self) -> str:
        return _("未当选") if self.not_elected else status_label(self.status)


def status_label(s) -> str:
    return _(st.LABELS[st.Status(s)]) if s else ""


def plan_time_progress(plan: Plan, today: dt.date, method: str | None = None) -> float:
    """序时进度 of the plan on ``today`` by the plan's chosen method (months or working days)."""
    method = method or plan.time_progress or Plan.TimeProgress.MONTHS
    overrides = (
        calendar_overrides(dt.date(plan.year, 1, 1), dt.date(plan.year, 12, 31))
        if method == "workdays"
        else {}
    )
    return st.time_progress(plan.year, today, method=method, overrides=overrides)


def item_own(item: Item, today: dt.date, tp: float, fig=None) -> tuple[st.Status, float | None]:
    """An item's own status and progress (before roll-up). ``fig``: the bound indicator's figure
    (``luoshi.accounts``), which then gives the actual and, for a cumulative statistic, 序时进度."""
    year_end = dt.date(item.plan.year, 12, 31)
    if item.kind == Item.Kind.TARGET and item.measure and item.target_value is not None:
        if item.indicator_id:
            actual = fig.value if fig else None
            tp = figure_time_progress(fig) if fig and figure_time_progress(fig) is not None else tp
        else:
            actual = _latest(list(item.updates.all()), "actual_value")
            if actual is None:
                actual = item.actual_value
        s = st.target_status(
            target=item.target_value,
            actual=actual,
            measure=item.measure,
            time_progress=tp,
            today=today,
            deadline=item.deadline or year_end,
            done=bool(item.done_on),
        )
        completion = st.target_completion(item.target_value, actual, item.measure)
        return s, None if completion is None else min(completion, 1.0) * 100
    facts = work_facts(
        item,
        start=item.start_date or dt.date(item.plan.year, 1, 1),
        deadline=item.deadline or year_end,
        done_on=item.done_on,
    )
    s = st.work_status(facts, today)
    return s, 100.0 if s == st.Status.DONE else facts.progress


def item_queryset(plan: Plan) -> QuerySet[Item]:
    return plan.items.select_related(
        "owner_unit", "leader", "plan", "source_fact", "indicator"
    ).prefetch_related("milestones", "updates", "co_units")


def item_tree(plan: Plan, today: dt.date | None = None, items=None, figures=None) -> list[Row]:
    """Items as a tree of Rows with derived status and weighted roll-up (override kept beside).

    ``items`` and ``figures`` (item id → bound indicator's figure): when the caller read them for
    many plans at once (the county dashboard)."""
    today = today or timezone.localdate()
    tp = plan_time_progress(plan, today)
    items = list(items if items is not None else item_queryset(plan))
    if figures is None:
        figures = bound_figures(items, plan.town, plan.year)
    nodes: dict[int, st.Node] = {}
    rows: dict[int, Row] = {}
    for it in items:
        fig = figures.get(it.pk)
        s, p = item_own(it, today, tp, fig)
        nodes[it.pk] = st.Node(
            key=it.pk,
            weight=it.weight,
            progress=p,
            status=s,
            override=it.progress_override,
            own_reported=bool(it.done_on or it.updates.all() or it.milestones.all()),
        )
        own_tp = figure_time_progress(fig) if fig else None
        rows[it.pk] = Row(
            obj=it,
            status=s,
            progress=p,
            override=it.progress_override,
            time_progress=tp if own_tp is None else own_tp,
            figure=fig,
        )
    roots = []
    for it in items:
        if it.parent_id and it.parent_id in nodes:
            nodes[it.parent_id].children.append(nodes[it.pk])
            rows[it.parent_id].children.append(rows[it.pk])
        else:
            roots.append(it.pk)
    for pk in roots:
        st.rollup(nodes[pk])
    for pk, node in nodes.items():
        rows[pk].progress = node.derived_progress
        rows[pk].status = node.derived_status or rows[pk].status
    return [rows[pk] for pk in roots]


def flatten(rows: list[Row], depth: int = 0) -> list[Row]:
    out = []
    for r in rows:
        r.depth = depth
        out.append(r)
        out.extend(flatten(r.children, depth + 1))
    return out


def project_queryset(plan: Plan) -> QuerySet[Project]:
    return plan.projects.select_related("owner_unit", "leader").prefetch_related(
        "milestones", "updates", "stages"
    )


# The stage at which a project counts as done: a key project (construction) when completed (竣工),
# an investment project when it produces (投产).
DONE_STAGE = {Project.Kind.KEY: Project.Stage.COMPLETED, Project.Kind.INVESTMENT: Project.Stage.PRODUCING}


def project_stage_done(p: Project) -> bool:
    stages = list(Project.Stage.values)
    done_at = DONE_STAGE.get(p.kind, Project.Stage.ATTAINED)
    return bool(p.stage) and stages.index(p.stage) >= stages.index(done_at)


def project_row(p: Project, today: dt.date) -> Row:
    return _project_row(p, work_facts(p, start=p.start_date, deadline=p.deadline, done_on=None), today)


def _project_row(p: Project, facts: st.WorkFacts, today: dt.date) -> Row:
    s = st.project_status(facts, today, stage_done=project_stage_done(p))
    return Row(obj=p, status=s, progress=100.0 if s == st.Status.DONE else facts.progress)


def project_rows_light(projects, milestones: dict[int, list], today: dt.date) -> list[Row]:
    """Project rows for many projects at once without model instances per milestone or update.

    ``milestones`` maps project id → rows with ``planned_date`` and ``actual_date`` (any objects);
    updates are read here as plain tuples. Same status rules as ``project_row``.
    """
    ids = [p.pk for p in projects]
    updates: dict[int, list] = {}
    for pid, day, progress, needs_help, resolved in (
        Update.objects.filter(project_id__in=ids)
        .order_by("-date", "-id")
        .values_list("project_id", "date", "progress", "needs_help", "resolved_on")
    ):
        updates.setdefault(pid, []).append((day, progress, needs_help and resolved is None))
    rows = []
    for p in projects:
        ms = tuple(st.MilestoneFact(m.planned_date, m.actual_date) for m in milestones.get(p.pk, ()))
        facts = facts_from(ms, updates.get(p.pk, []), p.start_date, p.deadline)
        rows.append(_project_row(p, facts, today))
    return rows


def livelihood_row(c: LivelihoodProject, today: dt.date) -> Row:
    if c.adopted is False:  # voted down (or not confirmed): nothing to implement, nothing late
        return Row(obj=c, status=None, progress=None, not_elected=True)
    year_end = dt.date(c.round.plan.year, 12, 31)
    facts = work_facts(c, start=None, deadline=c.deadline or year_end, done_on=c.accepted_on)
    if not facts.milestones and not facts.last_update and c.round.phase in ("announced", "implementing"):
        s = st.Status.NOT_STARTED
    else:
        s = st.work_status(facts, today)
    return Row(obj=c, status=s, progress=100.0 if s == st.Status.DONE else facts.progress)


# --- Roll-ups --------------------------------------------------------------------------------------


def rollups(rows: list[Row]) -> dict[str, list[st.Group]]:
    """By responsible unit and by leader (top-level rows carry their subtree)."""
    flat = [r for r in flatten(rows)]
    by_unit = st.group_by(
        ((r.obj.owner_unit.name if r.obj.owner_unit else "—"), r.status, r.progress, r.obj.weight)
        for r in flat
    )
    by_leader = st.group_by(
        ((str(r.obj.leader) if r.obj.leader else "—"), r.status, r.progress, r.obj.weight) for r in flat
    )
    return {
        "unit": sorted(by_unit, key=lambda g: str(g.key)),
        "leader": sorted(by_leader, key=lambda g: str(g.key)),
    }


def status_counts(rows) -> dict[str, int]:
    out = {s.value: 0 for s in st.Status}
    for r in rows:
        out[st.Status(r.status).value] += 1
    return out


def plan_headline(plan: Plan, today: dt.date, items=None, figures=None) -> dict:
    """One town's line on the county home: its plan, overall progress (weighted over top-level items),
    序时进度 and the items behind or overdue. ``items``/``figures``: as ``item_tree`` takes them."""
    roots = item_tree(plan, today, items=items, figures=figures)
    weighted = [(r.override if r.override is not None else r.progress, r.obj.weight) for r in roots]
    weighted = [(p, w) for p, w in weighted if p is not None and w > 0]
    total = sum(w for _p, w in weighted)
    counts = status_counts(flatten(roots))
    return {
        "plan": plan,
        "progress": sum(p * w for p, w in weighted) / total if total else None,
        "time_progress": plan_time_progress(plan, today),
        "at_risk": counts[st.Status.AT_RISK],
        "overdue": counts[st.Status.OVERDUE],
        "items": sum(counts.values()),
    }


# --- Views of the plan ------------------------------------------------------------------------------


def funnel(plan: Plan) -> list[dict]:
    """Projects that reached at least each stage (a cumulative funnel)."""
    stages = list(Project.Stage)
    counts = {s.value: 0 for s in stages}
    for stage in plan.projects.values_list("stage", flat=True):
        counts[stage] += 1
    out, running = [], 0
    for s in reversed(stages):
        running += counts[s.value]
        out.append({"stage": s.value, "label": s.label, "reached": running, "at": counts[s.value]})
    out.reverse()
    top = out[0]["reached"] or 1
    for row in out:
        row["pct"] = round(100 * row["reached"] / top)
    return out


def week_bounds(today: dt.date) -> tuple[dt.date, dt.date]:
    monday = today - dt.timedelta(days=today.weekday())
    return monday, monday + dt.timedelta(days=6)


def dispatch(plan: Plan, today: dt.date) -> dict:
    """The weekly dispatch: what changed this week, what is blocked, who must act."""
    monday, sunday = week_bounds(today)
    updates = plan.updates.filter(date__gte=monday, date__lte=sunday).select_related(
        "item", "project", "livelihood", "author"
    )
    blocked = plan.updates.filter(needs_help=True, resolved_on__isnull=True).select_related(
        "item__owner_unit", "project__owner_unit", "livelihood__owner_unit"
    )
    tree = flatten(item_tree(plan, today))
    projects = [project_row(p, today) for p in project_queryset(plan)]
    late = [r for r in tree + projects if r.status in (st.Status.AT_RISK, st.Status.OVERDUE)]
    # "本周与下周到期": open milestones planned from this Monday to next Sunday. Those planned before
    # this week are a separate, oldest-first "已逾期" group a dispatcher chases, not "due soon".
    open_milestones = plan.milestones.filter(actual_date__isnull=True).select_related(
        "item", "project", "livelihood"
    )
    due = open_milestones.filter(
        planned_date__gte=monday, planned_date__lte=sunday + dt.timedelta(days=7)
    ).order_by("planned_date")
    overdue = open_milestones.filter(planned_date__lt=monday).order_by("planned_date")
    return {
        "monday": monday,
        "sunday": sunday,
        "updates": updates,
        "blocked": blocked,
        "late": late,
        "due": due,
        "overdue": overdue,
    }


# --- From report to plan ------------------------------------------------------------------------------

UNIT_HINTS = [
    ("jfb", ("生产总值", "税", "收入", "投资", "招商", "项目", "销售", "产值", "企业", "外资")),
    ("nyb", ("粮", "农", "耕地", "村集体", "乡村")),
    ("hbb", ("空气", "水质", "环境", "污染", "绿化", "碳")),
    ("shsw", ("就业", "养老", "医保", "教育", "民生", "低保")),
    ("yjb", ("安全", "事故", "隐患")),
    ("zzzx", ("信访", "矛盾", "纠纷")),
]
AREA_HINTS = [
    ("projects", ("投资", "项目", "招商")),
    ("rural", ("粮", "农", "耕地", "村集体", "乡村")),
    ("ecology", ("空气", "水质", "环境", "污染", "绿化")),
    ("livelihood", ("就业", "养老", "医保", "教育", "民生", "居民")),
    ("safety", ("安全", "事故", "信访")),
]


def _guess(metric: str, hints, default):
    for value, words in hints:
        if any(w in metric for w in words):
            return value
    return default


def report_proposals(plan: Plan, report: Report) -> list[dict]:
    """The report's plan-part targets and quantified commitments, proposed as plan items (nothing saved)."""
    facts = report.facts.filter(kind=Fact.Kind.TARGET).exclude(part=Fact.Part.REVIEW).order_by("seq")
    if report.plan_year:
        facts = [f for f in facts if f.year in (None, report.plan_year)]
    linked = set(plan.items.filter(source_fact__isnull=False).values_list("source_fact_id", flat=True))
    units = {u.code: u for u in plan.town.units.all()}
    indicators = list(catalogue_for_town(plan.town))
    out = []
    for f in facts:
        measure = f.measure if f.measure in Item.Measure.values else "level"
        match = matching.suggest(f.metric, measure, indicators)
        out.append(
            {
                "fact": f,
                "linked": f.pk in linked,
                "name": f.metric,
                "measure": measure,
                "target_value": f.value,
                "unit": f.unit,
                "qualifier": (f.commitment or f.approx)
                if (f.commitment or f.approx) in Item.Qualifier.values
                else "",
                "area": _guess(f.metric, AREA_HINTS, "economy"),
                "owner_unit": units.get(_guess(f.metric, UNIT_HINTS, "dzb")),
                "indicator": match.indicator if match else None,
                "indicator_how": match.how if match else "",
            }
        )
    return out


# The stage word the report promises for a project (开工, 竣工…) as a project stage.
PROMISED_STAGES = [
    ("达产", Project.Stage.ATTAINED),
    ("投产", Project.Stage.PRODUCING),
    ("投用", Project.Stage.PRODUCING),
    ("投入使用", Project.Stage.PRODUCING),
    ("竣工", Project.Stage.COMPLETED),
    ("建成", Project.Stage.COMPLETED),
    ("完工", Project.Stage.COMPLETED),
    ("通车", Project.Stage.COMPLETED),
    ("验收", Project.Stage.COMPLETED),
    ("开工", Project.Stage.STARTED),
    ("落地", Project.Stage.REGISTERED),
    ("签约", Project.Stage.SIGNED),
]


def promised_stage(word: str) -> str:
    return next((stage for w, stage in PROMISED_STAGES if w in (word or "")), "")


def item_proposals(plan: Plan, report: Report) -> list[dict]:
    """The projects, livelihood projects and key tasks the report names for the plan's year (nothing saved).

    One proposal per kind and name. ``linked`` when the plan already has something imported from that
    item, or of that name (a project, a livelihood proposal or candidate, a task); ``blocked`` (a
    reason) when the livelihood round no longer takes proposals.
    """
    rows = report.items.exclude(part=Fact.Part.REVIEW).order_by("seq")
    if report.plan_year:
        rows = rows.filter(Q(year__isnull=True) | Q(year=report.plan_year))
    tasks = plan.items.exclude(kind=Item.Kind.TARGET)
    have = {  # kind -> (names, source item ids) already in the plan
        "project": (
            set(plan.projects.values_list("name", flat=True)),
            set(plan.projects.values_list("source_item_id", flat=True)),
        ),
        "task": (
            set(tasks.values_list("name", flat=True)),
            set(tasks.values_list("source_item_id", flat=True)),
        ),
        "livelihood": (set(), set()),
    }
    blocked = ""
    r = LivelihoodRound.objects.filter(plan=plan).first()
    if r is not None:
        have["livelihood"] = (
            set(r.proposals.values_list("title", flat=True))
            | set(r.candidates.values_list("name", flat=True)),
            set(r.proposals.values_list("source_item_id", flat=True)),
        )
        if Phase(r.phase) not in machine.ACTIONS["proposal_create"]:
            blocked = _("本年度民生实事票决已过征集阶段（%(phase)s），不能再添加建议。") % {
                "phase": r.get_phase_display()
            }
    units = {u.code: u for u in plan.town.units.all()}
    out, seen = [], set()
    for ri in rows:
        if (ri.kind, ri.name) in seen:
            continue
        seen.add((ri.kind, ri.name))
        text = f"{ri.name} {ri.quote}"
        p = {
            "item": ri,
            "kind": ri.kind,
            "name": ri.name,
            "blocked": "",
            "owner_unit": units.get(_guess(text, UNIT_HINTS, "dzb")),
        }
        names, ids = have.get(ri.kind, (set(), set()))
        p["linked"] = ri.name in names or ri.pk in ids
        if ri.kind == ReportItem.Kind.PROJECT:
            p["promised"] = promised_stage(ri.stage)
            p["investment"] = round(ri.investment / 10000, 2) if ri.investment else None
        elif ri.kind == ReportItem.Kind.LIVELIHOOD:
            p["blocked"] = blocked
        else:
            p["area"] = _guess(text, AREA_HINTS, "economy")
        out.append(p)
    return out


# --- The vote -------------------------------------------------------------------------------------


@dataclass
class Verification:
    ok: bool
    stored_hash: str
    computed_hash: str
    problems: list[str]


def vote_verify(r: LivelihoodRound) -> Verification:
    """Recount a SEALED vote and compare with the seal and the published results.

    Electronic: from the published ballots (``polls.poll_verify``). Paper: from the confirmed tally.
    Before sealing it computes nothing: a digest over the ballots cast so far would give them away.
    """
    if not r.is_sealed:
        return Verification(ok=False, stored_hash="", computed_hash="", problems=[_("表决结果尚未封存。")])
    if r.mode == LivelihoodRound.Mode.ELECTRONIC:
        from luoshi.plans.polls import poll_verify

        poll = r.polls.filter(kind="vote").first()
        if poll is None or not poll.is_sealed:
            return Verification(
                ok=False, stored_hash=r.seal_hash, computed_hash="", problems=[_("未找到封存的电子表决。")]
            )
        problems = poll_verify(poll)
        return Verification(
            ok=not problems,
            stored_hash=poll.seal_hash,
            computed_hash=poll.seal_hash if not problems else "",
            problems=problems,
        )
    from luoshi.plans.services import vote_record

    tallies, _valid, paper = vote_record(r)
    computed = voting.seal_digest(round_id=r.pk, mode=r.mode, tallies=tallies.values(), paper=paper)
    problems = []
    if computed != r.seal_hash:
        problems.append(_("重新计算的指纹与封存指纹不一致：选票或计票记录在封存后被改动。"))
    for c in r.candidates.all():
        t = tallies.get(c.pk)
        if t is None or (c.agree, c.disagree, c.abstain) != (t.agree, t.disagree, t.abstain):
            problems.append(_("“%(name)s”公布的票数与重新计票结果不一致。") % {"name": c.name})
    return Verification(ok=not problems, stored_hash=r.seal_hash, computed_hash=computed, problems=problems)


def vote_warnings(r: LivelihoodRound) -> list[str]:
    """Warnings of the adoption rule (a tie at the last seat), from the sealed, published counts."""
    if not r.is_sealed:
        return []
    tallies = [voting.Tally(c.pk, c.agree or 0, c.disagree or 0, c.abstain or 0) for c in r.candidates.all()]
    valid = r.candidates.first()
    valid = (valid.agree or 0) + (valid.disagree or 0) + (valid.abstain or 0) if valid else 0
    if r.mode == LivelihoodRound.Mode.PAPER and hasattr(r, "paper_tally"):
        valid = r.paper_tally.valid
    _adopted, warnings = voting.adopt(
        tallies, seats=r.seats, rule=r.rule, deputies_total=r.deputies_total or 0, valid_ballots=valid
    )
    return warnings


def round_candidates(r: LivelihoodRound, today: dt.date) -> list[Row]:
    qs = r.candidates.select_related("owner_unit", "leader", "round__plan").prefetch_related(
        "milestones", "updates", Prefetch("overrides")
    )
    return [livelihood_row(c, today) for c in qs]


def livelihood_timeline(c: LivelihoodProject) -> list[dict]:
    """One dated story of a livelihood project: proposal, candidacy, vote, milestones, updates, acceptance."""
    r = c.round
    entries = {e.phase: e.date for e in r.phase_entries.all()}
    events = []

    def add(day, label, detail="", css=""):
        if day:
            events.append({"date": day, "label": label, "detail": detail, "css": css})

    if c.proposal_id:
        add(
            entries.get("collecting"),
            _("征集建议"),
            f"{c.proposal.get_source_display()} {c.proposal.proposer}".strip(),
        )
    add(
        entries.get("candidates"),
        _("列为候选项目"),
        _("预算 %(budget)s 万元，责任单位 %(unit)s") % {"budget": c.budget, "unit": c.owner_unit},
    )
    if r.sealed_at:
        verdict = _("当选") if c.rule_adopted else _("未当选")
        add(
            timezone.localtime(r.sealed_at).date(),
            _("大会票决"),
            _("赞成 %(agree)s，反对 %(disagree)s，弃权 %(abstain)s（%(verdict)s）")
            % {"agree": c.agree, "disagree": c.disagree, "abstain": c.abstain, "verdict": verdict},
            "ok" if c.rule_adopted else "",
        )
    for o in c.overrides.all():
        add(
            timezone.localtime(o.at).date(),
            _("调整票决结果"),
            _("%(decision)s：%(reason)s")
            % {"decision": _("确定实施") if o.adopted else _("不予确定"), "reason": o.reason},
            "warn",
        )
    add(entries.get("announced"), _("结果公布"), r.resolution_no)
    for m in c.milestones.all():
        add(
            m.actual_date or m.planned_date,
            _("节点：%(name)s") % {"name": m.name},
            (
                _("计划 %(planned)s，实际 %(actual)s") % {"planned": m.planned_date, "actual": m.actual_date}
                if m.actual_date
                else _("计划 %(planned)s，未完成") % {"planned": m.planned_date}
            ),
            "ok" if m.actual_date else ("bad" if m.planned_date < timezone.localdate() else "info"),
        )
    for u in c.updates.all():
        add(
            u.date,
            _("进展"),
            u.text + (_("（问题：%(problem)s）") % {"problem": u.problem} if u.problem else ""),
            "warn" if u.is_open_problem else "",
        )
    add(c.accepted_on, _("验收"), c.acceptance_note, "ok")
    if c.eval_satisfied is not None:
        rate = c.satisfaction_rate
        add(
            entries.get("evaluation") or c.accepted_on,
            _("代表满意度测评"),
            _("满意 %(satisfied)s，基本满意 %(basic)s，不满意 %(dissatisfied)s")
            % {"satisfied": c.eval_satisfied, "basic": c.eval_basic, "dissatisfied": c.eval_dissatisfied}
            + (_("，满意率 %(rate)s") % {"rate": f"{rate:.0%}"} if rate is not None else ""),
            "ok",
        )
    return sorted(events, key=lambda e: e["date"])
