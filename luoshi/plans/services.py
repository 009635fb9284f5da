"""Every write to plans goes through here: keyword-only, atomic, validated, audited (django-simple-history).

Views, the API and the demo loader call these functions; none of them writes models directly.
``PlanError`` carries a reason fit to show to the user.
"""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

from django.db import transaction
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext as _

from luoshi.org.models import Town, Unit, User
from luoshi.org.roles import Role
from luoshi.org.scoping import scope_of
from luoshi.plans import livelihood as machine
from luoshi.plans import voting
from luoshi.plans.models import (
    Item,
    LivelihoodProject,
    LivelihoodRound,
    Milestone,
    PaperCandidateTally,
    PaperTally,
    Phase,
    PhaseEntry,
    Plan,
    Project,
    ProjectStage,
    Proposal,
    Update,
    VoteOverride,
)
from luoshi.reports.models import Fact, ReportItem


class PlanError(Exception):
    """A refused write, with a reason for the user."""


def _by(obj, user):
    """Outside a request the history middleware cannot know the user; tell simple-history directly."""
    if user is not None:
        obj._history_user = user
    return obj


def _require(cond: bool, message: str) -> None:
    if not cond:
        raise PlanError(message)


def _round_allows(r: LivelihoodRound, action: str) -> None:
    _require(
        Phase(r.phase) in machine.ACTIONS[action],
        _("当前阶段（%(phase)s）不能进行此操作。") % {"phase": r.get_phase_display()},
    )


# --- Plans and items ----------------------------------------------------------------------------

ITEM_FIELDS = {
    "kind",
    "area",
    "name",
    "measure",
    "unit",
    "target_value",
    "qualifier",
    "owner_unit",
    "leader",
    "start_date",
    "deadline",
    "weight",
    "parent",
    "order",
    "indicator",
}


@transaction.atomic
def plan_create(
    *, town: Town, year: int, title: str = "", time_progress: str = "months", by: User | None = None
) -> Plan:
    _require(2000 <= year <= 2100, _("年度不正确。"))
    _require(time_progress in Plan.TimeProgress.values, _("序时进度算法不正确。"))
    _require(
        not Plan.objects.filter(town=town, year=year).exists(),
        _("%(town)s %(year)d 年度计划已存在。") % {"town": town, "year": year},
    )
    plan = _by(
        Plan(
            town=town,
            year=year,
            title=title or _("%(town)s%(year)d年度工作计划") % {"town": town, "year": year},
            created_by=by,
            time_progress=time_progress,
        ),
        by,
    )
    plan.save()
    return plan


@transaction.atomic
def plan_set_time_progress(*, plan: Plan, time_progress: str, by: User | None = None) -> Plan:
    """Choose how the plan's 序时进度 is counted (months or working days); recorded in its history."""
    _require(time_progress in Plan.TimeProgress.values, _("序时进度算法不正确。"))
    plan.time_progress = time_progress
    _by(plan, by).save(update_fields=["time_progress"])
    return plan


def _check_item(plan: Plan, fields: dict) -> None:
    unit = fields.get("owner_unit")
    _require(unit is None or unit.town_id == plan.town_id, _("牵头单位必须属于本镇。"))
    parent = fields.get("parent")
    _require(parent is None or parent.plan_id == plan.id, _("上级事项必须属于同一计划。"))
    weight = fields.get("weight", 1.0)
    _require(weight is None or weight >= 0, _("权重不能为负数。"))
    if fields.get("start_date") and fields.get("deadline"):
        _require(fields["start_date"] <= fields["deadline"], _("开始日期不能晚于完成时限。"))
    _require(bool((fields.get("name") or "").strip()), _("名称不能为空。"))
    indicator = fields.get("indicator")
    _require(
        indicator is None or indicator.town_id in (None, plan.town_id),
        _("对应指标必须是全县共用或本镇自建的指标。"),
    )


@transaction.atomic
def item_create(
    *,
    plan: Plan,
    by: User | None = None,
    co_units=(),
    source_fact: Fact | None = None,
    source_item: ReportItem | None = None,
    source_quote: str = "",
    **fields,
) -> Item:
    unknown = set(fields) - ITEM_FIELDS
    _require(not unknown, f"unknown fields {sorted(unknown)}")
    _check_item(plan, fields)
    if fields.get("parent") is not None and "kind" not in fields:
        fields["kind"] = Item.Kind.SUBTASK
    item = _by(
        Item(
            plan=plan, source_fact=source_fact, source_item=source_item, source_quote=source_quote, **fields
        ),
        by,
    )
    if item.indicator_id:
        item.actual_value = None  # the indicator gives the actual
    if item.weight is None:
        item.weight = 1.0
    item.save()
    if co_units:
        item.co_units.set(co_units)
    return item


@transaction.atomic
def item_edit(*, item: Item, by: User | None = None, co_units=None, **fields) -> Item:
    unknown = set(fields) - ITEM_FIELDS
    _require(not unknown, f"unknown fields {sorted(unknown)}")
    merged = {f: getattr(item, f) for f in ITEM_FIELDS} | fields
    _check_item(item.plan, merged)
    parent = merged.get("parent")
    while parent is not None:
        _require(parent.pk != item.pk, _("上级事项不能是它自己或它的下级。"))
        parent = parent.parent
    for k, v in fields.items():
        setattr(item, k, v)
    if item.indicator_id:
        item.actual_value = None  # the indicator gives the actual; typed values stay in the updates' history
    else:
        item.actual_override, item.actual_override_reason = None, ""
    _by(item, by).save()
    if co_units is not None:
        item.co_units.set(co_units)
    return item


@transaction.atomic
def item_delete(*, item: Item, by: User | None = None) -> None:
    _require(not item.children.exists(), _("请先删除其下级事项。"))
    _by(item, by).delete()


@transaction.atomic
def item_override(*, item: Item, progress: float | None, reason: str = "", by: User | None = None) -> Item:
    """Set (or clear, with None) a manual progress figure; it is shown beside the derived one, never instead."""
    if progress is not None:
        _require(0 <= progress <= 100, _("进度须在 0 到 100 之间。"))
        _require(bool(reason.strip()), _("人工调整进度必须填写理由。"))
    item.progress_override = progress
    item.override_reason = reason.strip() if progress is not None else ""
    _by(item, by).save(update_fields=["progress_override", "override_reason"])
    return item


@transaction.atomic
def item_override_actual(
    *, item: Item, value: float | None, reason: str = "", by: User | None = None
) -> Item:
    """Set (or clear) a figure shown beside the bound indicator's value, with its reason; the indicator's
    value stays the item's actual and its provenance is unchanged."""
    _require(item.indicator_id is not None, _("只有对应了指标的事项才能调整实际值。"))
    if value is not None:
        _require(bool(reason.strip()), _("人工调整实际值必须填写理由。"))
    item.actual_override = value
    item.actual_override_reason = reason.strip() if value is not None else ""
    _by(item, by).save(update_fields=["actual_override", "actual_override_reason"])
    return item


@transaction.atomic
def item_complete(*, item: Item, on: dt.date, by: User | None = None) -> Item:
    item.done_on = on
    _by(item, by).save(update_fields=["done_on"])
    return item


# --- Milestones and progress updates -------------------------------------------------------------


def _owner_fields(owner) -> dict:
    if isinstance(owner, Item):
        return {"item": owner, "plan_id": owner.plan_id}
    if isinstance(owner, Project):
        return {"project": owner, "plan_id": owner.plan_id}
    if isinstance(owner, LivelihoodProject):
        _require(owner.adopted is not False, _("未确定的候选项目不进入实施。"))
        return {"livelihood": owner, "plan_id": owner.round.plan_id}
    raise PlanError("unknown owner")


@transaction.atomic
def milestone_create(*, owner, name: str, planned_date: dt.date, by: User | None = None) -> Milestone:
    _require(bool(name.strip()), _("节点名称不能为空。"))
    m = _by(Milestone(name=name.strip(), planned_date=planned_date, **_owner_fields(owner)), by)
    m.save()
    return m


@transaction.atomic
def milestone_complete(
    *, milestone: Milestone, actual_date: dt.date | None, by: User | None = None
) -> Milestone:
    _require(
        actual_date is None or actual_date <= timezone.localdate() + dt.timedelta(days=1),
        _("实际完成日期不能晚于今天。"),
    )
    milestone.actual_date = actual_date
    _by(milestone, by).save(update_fields=["actual_date"])
    return milestone


@transaction.atomic
def update_create(
    *,
    owner,
    date: dt.date,
    text: str,
    progress: float | None = None,
    actual_value: float | None = None,
    problem: str = "",
    needs_help: bool = False,
    help_from: str = "",
    by: User | None = None,
) -> Update:
    """Record progress; for a plan item the latest reported value and percentage are kept on the item too."""
    _require(bool(text.strip()), _("请填写进展情况。"))
    _require(progress is None or 0 <= progress <= 100, _("形象进度须在 0 到 100 之间。"))
    _require(not needs_help or bool(problem.strip()), _("需要协调时请写明存在的问题。"))
    _require(
        actual_value is None or not (isinstance(owner, Item) and owner.indicator_id),
        _("该事项的实际值来自指标“%(i)s”，不能在进展中填报。") % {"i": getattr(owner, "indicator", "")},
    )
    u = _by(
        Update(
            date=date,
            text=text.strip(),
            progress=progress,
            actual_value=actual_value,
            problem=problem.strip(),
            needs_help=needs_help,
            help_from=help_from.strip(),
            author=by,
            **_owner_fields(owner),
        ),
        by,
    )
    u.save()
    if isinstance(owner, Item):
        latest = owner.updates.order_by("-date", "-id").first()
        if latest.pk == u.pk:
            if actual_value is not None:
                owner.actual_value = actual_value
            if progress is not None:
                owner.progress = progress
            _by(owner, by).save(update_fields=["actual_value", "progress"])
    return u


@transaction.atomic
def update_resolve(*, update: Update, on: dt.date, by: User | None = None) -> Update:
    _require(update.needs_help, _("该进展没有待协调的问题。"))
    update.resolved_on = on
    _by(update, by).save(update_fields=["resolved_on"])
    return update


# --- Projects -------------------------------------------------------------------------------------

# The editable fields of a project, in form order (ProjectForm uses the same list).
PROJECT_FIELDS = (
    "kind",
    "name",
    "investor",
    "origin",
    "industry",
    "investment",
    "annual_plan",
    "annual_done",
    "owner_unit",
    "leader",
    "start_date",
    "deadline",
    "target",
    "credit_code",
)


def _link_enterprise(project: Project, by: User | None) -> None:
    """投产/入库 with a credit code links the register's enterprise (else the economy office decides)."""
    from luoshi.economy.services import project_enterprise_link

    project_enterprise_link(project=project, by=by)


@transaction.atomic
def project_create(
    *,
    plan: Plan,
    by: User | None = None,
    stage_dates: dict | None = None,
    source_item: ReportItem | None = None,
    **fields,
) -> Project:
    unknown = set(fields) - set(PROJECT_FIELDS)
    _require(not unknown, f"unknown fields {sorted(unknown)}")
    _require(bool((fields.get("name") or "").strip()), _("项目名称不能为空。"))
    unit = fields.get("owner_unit")
    _require(unit is None or unit.town_id == plan.town_id, _("责任单位必须属于本镇。"))
    fields["credit_code"] = _credit_code(fields.get("credit_code", ""))
    project = _by(Project(plan=plan, source_item=source_item, **fields), by)
    project.save()
    for stage, day in (stage_dates or {}).items():
        project_stage_set(project=project, stage=stage, date=day, by=by)
    return project


@transaction.atomic
def project_edit(*, project: Project, by: User | None = None, **fields) -> Project:
    unknown = set(fields) - set(PROJECT_FIELDS)
    _require(not unknown, f"unknown fields {sorted(unknown)}")
    for k, v in fields.items():
        setattr(project, k, v)
    _require(bool(project.name.strip()), _("项目名称不能为空。"))
    project.credit_code = _credit_code(project.credit_code)
    _by(project, by).save()
    _link_enterprise(project, by)
    return project


def _credit_code(text: str) -> str:
    """Normalised, or refused with the register's own message (length / characters / check character)."""
    from django.core.exceptions import ValidationError

    from luoshi.economy import credit_code
    from luoshi.economy.models import _validate_credit_code

    if not (text or "").strip():
        return ""
    try:
        _validate_credit_code(text)
    except ValidationError as exc:
        raise PlanError(exc.messages[0]) from exc
    return credit_code.normalize(text)


@transaction.atomic
def project_stage_set(
    *, project: Project, stage: str, date: dt.date, note: str = "", by: User | None = None
) -> Project:
    """Record the date a stage was reached; the current stage is the furthest one with a date."""
    stages = list(Project.Stage.values)
    _require(stage in stages, _("阶段不正确。"))
    idx = stages.index(stage)
    for row in project.stages.all():
        j = stages.index(row.stage)
        if j < idx:
            _require(
                row.date <= date,
                _("“%(s)s”的日期不能早于上一阶段“%(p)s”（%(d)s）。")
                % {"s": Project.Stage(stage).label, "p": Project.Stage(row.stage).label, "d": row.date},
            )
        elif j > idx:
            _require(
                row.date >= date,
                _("“%(s)s”的日期不能晚于下一阶段“%(p)s”（%(d)s）。")
                % {"s": Project.Stage(stage).label, "p": Project.Stage(row.stage).label, "d": row.date},
            )
    row = ProjectStage.objects.filter(project=project, stage=stage).first() or ProjectStage(
        project=project, stage=stage
    )
    row.date, row.note = date, note
    _by(row, by).save()
    furthest = max(stages.index(s) for s in project.stages.values_list("stage", flat=True))
    if project.stage != stages[furthest]:
        project.stage = stages[furthest]
        _by(project, by).save(update_fields=["stage"])
    _link_enterprise(project, by)
    return project


# --- From report to plan --------------------------------------------------------------------------


@transaction.atomic
def report_import(
    *, plan: Plan, accepted: list[dict], items: list[dict] | None = None, by: User | None = None
) -> list:
    """Create what the user accepted from a report: plan items from its targets (each dict: ``fact``
    plus item fields) and, from its named items (each dict: ``item`` plus fields), key projects,
    livelihood proposals and key tasks. All or nothing.

    A fact already linked to an item of this plan is skipped, and so is a named item whose name the
    plan already has (a project, a livelihood proposal or candidate, a task), so importing twice never
    duplicates.
    """
    created: list = []
    for proposal in accepted:
        fact = proposal.pop("fact")
        _require(fact.report.town_id in (None, plan.town_id), _("只能导入本镇的报告。"))
        if Item.objects.filter(plan=plan, source_fact=fact).exists():
            continue
        proposal.setdefault("kind", Item.Kind.TARGET)
        created.append(item_create(plan=plan, by=by, source_fact=fact, source_quote=fact.quote, **proposal))
    for proposal in items or []:
        created.extend(_import_named(plan, dict(proposal), by))
    return created


def _import_named(plan: Plan, proposal: dict, by: User | None) -> list:
    """One named item of a report into the plan (nothing when the plan already has its name)."""
    ri = proposal.pop("item")
    _require(ri.report.town_id in (None, plan.town_id), _("只能导入本镇的报告。"))
    name = (proposal.pop("name", "") or ri.name).strip()
    names = {name, ri.name}
    if ri.kind == "project":
        if plan.projects.filter(Q(name__in=names) | Q(source_item=ri)).exists():
            return []
        promised = proposal.pop("promised", "")
        _require(not promised or promised in Project.Stage.values, _("阶段不正确。"))
        investment = proposal.pop("investment", None)
        _require(investment is None or 0 <= investment < 10**12, _("投资额不正确。"))
        project = project_create(
            plan=plan,
            by=by,
            name=name,
            investment=Decimal(str(investment or 0)),
            kind=Project.Kind.KEY,
            source_item=ri,
            **proposal,
        )
        if promised:  # the stage the report promises, as a milestone due by the year's end
            milestone_create(
                owner=project,
                name=_("年内%(stage)s") % {"stage": Project.Stage(promised).label},
                planned_date=dt.date(plan.year, 12, 31),
                by=by,
            )
        return [project]
    if ri.kind == "livelihood":
        r = LivelihoodRound.objects.select_for_update().filter(plan=plan).first() or round_create(
            plan=plan, by=by
        )
        if (
            r.proposals.filter(Q(title__in=names) | Q(source_item=ri)).exists()
            or r.candidates.filter(Q(name__in=names) | Q(proposal__source_item=ri)).exists()
        ):
            return []
        return [
            proposal_create(
                round=r,
                title=name,
                content=ri.quote,
                source=Proposal.Source.UNIT,
                proposer=_("政府工作报告"),
                source_item=ri,
                by=by,
            )
        ]
    if plan.items.exclude(kind=Item.Kind.TARGET).filter(Q(name__in=names) | Q(source_item=ri)).exists():
        return []
    return [
        item_create(
            plan=plan,
            by=by,
            source_item=ri,
            source_quote=ri.quote,
            kind=Item.Kind.TASK,
            name=name,
            **proposal,
        )
    ]


# --- Livelihood projects and the vote ---------------------------------------------------------------


@transaction.atomic
def round_create(
    *,
    plan: Plan,
    seats: int = 5,
    mode: str = LivelihoodRound.Mode.ELECTRONIC,
    rule: str = LivelihoodRound.Rule.TOP_N_MAJORITY_ALL,
    session_name: str = "",
    deputies_total: int | None = None,
    quorum: int | None = None,
    by: User | None = None,
    on: dt.date | None = None,
) -> LivelihoodRound:
    _require(not LivelihoodRound.objects.filter(plan=plan).exists(), _("本年度已有民生实事票决。"))
    _require(seats >= 1, _("拟确定项目数至少为 1。"))
    r = _by(
        LivelihoodRound(
            plan=plan,
            seats=seats,
            mode=mode,
            rule=rule,
            session_name=session_name,
            deputies_total=deputies_total,
            quorum=quorum,
        ),
        by,
    )
    r.save()
    _by(PhaseEntry(round=r, phase=Phase.COLLECTING, date=on or timezone.localdate(), by=by), by).save()
    return r


@transaction.atomic
def round_configure(*, round: LivelihoodRound, by: User | None = None, **fields) -> LivelihoodRound:
    _require(
        Phase(round.phase) in (Phase.COLLECTING, Phase.SCREENING, Phase.CANDIDATES),
        _("票决开始后不能修改表决方式与规则。"),
    )
    for k in ("seats", "mode", "rule", "session_name", "deputies_total", "quorum"):
        if k in fields:
            setattr(round, k, fields[k])
    _require(round.seats >= 1, _("拟确定项目数至少为 1。"))
    _require(
        not round.quorum or not round.deputies_total or round.quorum <= round.deputies_total,
        _("法定人数不能多于全体代表人数。"),
    )
    _by(round, by).save()
    return round


@transaction.atomic
def round_advance(
    *, round: LivelihoodRound, by: User, note: str = "", on: dt.date | None = None
) -> LivelihoodRound:
    """Move to the next phase of the table in ``luoshi.plans.livelihood``, if its requirements hold."""
    r = LivelihoodRound.objects.select_for_update().get(pk=round.pk)
    step = machine.TRANSITIONS.get(Phase(r.phase))
    _require(step is not None, _("已办结。"))
    _require(scope_of(by).has(*step.roles), _("无权推进此阶段。"))
    problems = machine.blockers(r)
    _require(not problems, "；".join(problems))
    if step.to == Phase.VOTING and r.deputies_total is None:
        from luoshi.plans.selectors import town_deputies

        r.deputies_total = town_deputies(r.plan.town).count()
    r.phase = step.to
    _by(r, by).save()
    _by(PhaseEntry(round=r, phase=step.to, date=on or timezone.localdate(), by=by, note=note), by).save()
    from luoshi.plans import polls

    if step.to == Phase.VOTING and r.mode == LivelihoodRound.Mode.ELECTRONIC:
        polls.poll_create(round=r, kind=polls.Poll.Kind.VOTE, by=by)
    elif step.to == Phase.EVALUATION:
        polls.poll_create(round=r, kind=polls.Poll.Kind.EVALUATION, by=by)
    round.refresh_from_db()
    return r


@transaction.atomic
def proposal_create(*, round: LivelihoodRound, title: str, by: User | None = None, **fields) -> Proposal:
    _round_allows(round, "proposal_create")
    _require(bool(title.strip()), _("建议项目名称不能为空。"))
    p = _by(Proposal(round=round, title=title.strip(), **fields), by)
    p.save()
    return p


@transaction.atomic
def proposal_screen(
    *,
    proposal: Proposal,
    accept: bool,
    note: str = "",
    budget=None,
    owner_unit: Unit | None = None,
    by: User | None = None,
    **candidate_fields,
) -> LivelihoodProject | None:
    """Screen a proposal: reject it with a reason, or make it a candidate (which needs a budget and a unit)."""
    _round_allows(proposal.round, "proposal_screen")
    _require(proposal.status == Proposal.Status.COLLECTED, _("该建议已筛选。"))
    proposal.screening_note = note
    if not accept:
        _require(bool(note.strip()), _("不予采纳时请写明理由。"))
        proposal.status = Proposal.Status.REJECTED
        _by(proposal, by).save()
        return None
    proposal.status = Proposal.Status.CANDIDATE
    _by(proposal, by).save()
    return candidate_create(
        round=proposal.round,
        proposal=proposal,
        name=proposal.title,
        content=proposal.content,
        budget=budget if budget is not None else proposal.estimated_cost,
        owner_unit=owner_unit,
        by=by,
        **candidate_fields,
    )


@transaction.atomic
def candidate_create(
    *, round: LivelihoodRound, name: str, budget, owner_unit: Unit | None, by: User | None = None, **fields
) -> LivelihoodProject:
    _round_allows(round, "candidate_create")
    _require(bool(name.strip()), _("项目名称不能为空。"))
    _require(budget is not None and budget > 0, _("候选项目必须有预算。"))
    _require(
        owner_unit is not None and owner_unit.town_id == round.plan.town_id,
        _("候选项目必须有本镇的责任单位。"),
    )
    c = _by(
        LivelihoodProject(round=round, name=name.strip(), budget=budget, owner_unit=owner_unit, **fields), by
    )
    c.save()
    return c


def _is_town_deputy(user: User, r: LivelihoodRound) -> bool:
    return user.roles.filter(role=Role.DEPUTY, town_id=r.plan.town_id).exists()


def _paper_rows(tally: PaperTally) -> list[voting.Tally]:
    return [voting.Tally(r.candidate_id, r.agree, r.disagree, r.abstain) for r in tally.rows.all()]


@transaction.atomic
def paper_tally_enter(
    *,
    round: LivelihoodRound,
    issued: int,
    returned: int,
    valid: int,
    invalid: int,
    rows: dict[int, tuple[int, int, int]],
    by: User,
) -> PaperTally:
    """Enter the counted paper ballots; refused with the reasons when the numbers do not reconcile."""
    _require(round.mode == LivelihoodRound.Mode.PAPER, _("本次票决使用电子表决。"))
    _round_allows(round, "paper_tally")
    _require(not round.is_sealed, _("表决结果已封存。"))
    candidate_ids = set(round.candidates.values_list("pk", flat=True))
    _require(set(rows) == candidate_ids, _("请录入每个候选项目的票数。"))
    tallies = [voting.Tally(cid, *counts) for cid, counts in rows.items()]
    names = dict(round.candidates.values_list("pk", "name"))
    errors = voting.reconcile_paper(
        issued=issued, returned=returned, valid=valid, invalid=invalid, rows=tallies, names=names
    )
    _require(not errors, " ".join(errors))
    tally = PaperTally.objects.filter(round=round).first()
    if tally:
        tally.rows.all().delete()
    else:
        tally = PaperTally(round=round)
    tally.issued, tally.returned, tally.valid, tally.invalid = issued, returned, valid, invalid
    tally.entered_by, tally.confirmed_by, tally.confirmed_at = by, None, None
    _by(tally, by).save()
    for t in tallies:
        _by(
            PaperCandidateTally(
                tally=tally, candidate_id=t.candidate, agree=t.agree, disagree=t.disagree, abstain=t.abstain
            ),
            by,
        ).save()
    return tally


@transaction.atomic
def paper_tally_confirm(*, round: LivelihoodRound, by: User) -> PaperTally:
    tally = PaperTally.objects.select_for_update().filter(round=round).first()
    _require(tally is not None, _("尚未录入计票结果。"))
    _require(tally.confirmed_by_id is None, _("计票结果已复核。"))
    _require(tally.entered_by_id != by.pk, _("复核人不能是录入人，请由另一位工作人员复核。"))
    tally.confirmed_by, tally.confirmed_at = by, timezone.now()
    _by(tally, by).save()
    return tally


def vote_record(r: LivelihoodRound) -> tuple[dict[int, voting.Tally], int, dict]:
    """A paper round's sealed record, recomputed from stored rows: tallies, valid ballots, paper totals."""
    tally = PaperTally.objects.filter(round=r).first()
    if tally is None:
        return {}, 0, {}
    paper = {
        "issued": tally.issued,
        "returned": tally.returned,
        "valid": tally.valid,
        "invalid": tally.invalid,
    }
    return {t.candidate: t for t in _paper_rows(tally)}, tally.valid, paper


def round_quorum(r: LivelihoodRound) -> tuple[int, int]:
    """(应到 deputies, 法定人数): the round's figures, or the town's deputy accounts and more than half."""
    from luoshi.plans.selectors import town_deputies

    expected = r.deputies_total or town_deputies(r.plan.town).count()
    return expected, r.quorum or expected // 2 + 1


def apply_tallies(r: LivelihoodRound, tallies: dict[int, voting.Tally], valid: int, by: User | None) -> None:
    """Store each candidate's counts and the adoption rule's result (both sealing paths)."""
    adopted, _warnings = voting.adopt(
        tallies.values(),
        seats=r.seats,
        rule=r.rule,
        deputies_total=r.deputies_total or 0,
        valid_ballots=valid,
    )
    for c in r.candidates.all():
        t = tallies[c.pk]
        c.agree, c.disagree, c.abstain = t.agree, t.disagree, t.abstain
        c.rule_adopted = c.adopted = c.pk in adopted
        _by(c, by).save()


@transaction.atomic
def vote_seal(*, round: LivelihoodRound, by: User) -> LivelihoodRound:
    """Close a paper vote: check the quorum, apply the adoption rule, store the results and a hash over them.

    An electronic vote is sealed by its chair with the round code (``luoshi.plans.polls.poll_seal``).
    """
    r = LivelihoodRound.objects.select_for_update().get(pk=round.pk)
    _round_allows(r, "vote_seal")
    _require(not r.is_sealed, _("表决结果已封存。"))
    _require(
        r.mode == LivelihoodRound.Mode.PAPER, _("电子表决须由主持人输入会议码封存（见本页“无记名表决”）。")
    )
    tally = PaperTally.objects.filter(round=r).first()
    _require(
        tally is not None and tally.confirmed_by_id is not None,
        _("纸质计票结果须经第二人复核后才能封存。"),
    )
    expected, quorum = round_quorum(r)
    _require(
        tally.returned >= quorum,
        _("收回选票 %(n)d 张，未达到法定人数 %(q)d 人（应到 %(m)d 人），不能封存。")
        % {"n": tally.returned, "q": quorum, "m": expected},
    )
    tallies, valid, paper = vote_record(r)
    apply_tallies(r, tallies, valid, by)
    r.seal_hash = voting.seal_digest(round_id=r.pk, mode=r.mode, tallies=tallies.values(), paper=paper)
    r.sealed_at, r.sealed_by = timezone.now(), by
    _by(r, by).save()
    round.refresh_from_db()
    return r


@transaction.atomic
def vote_override(*, candidate: LivelihoodProject, adopted: bool, reason: str, by: User) -> VoteOverride:
    r = candidate.round
    _round_allows(r, "vote_override")
    _require(r.is_sealed, _("表决结果封存后才能调整。"))
    _require(bool(reason.strip()), _("调整票决结果必须写明理由。"))
    _require(candidate.adopted != adopted, _("结果未改变。"))
    o = _by(VoteOverride(round=r, candidate=candidate, adopted=adopted, reason=reason.strip(), by=by), by)
    o.save()
    candidate.adopted, candidate.override_reason = adopted, reason.strip()
    _by(candidate, by).save(update_fields=["adopted", "override_reason"])
    return o


@transaction.atomic
def livelihood_accept(
    *, project: LivelihoodProject, on: dt.date, note: str = "", by: User | None = None
) -> LivelihoodProject:
    _round_allows(project.round, "accept")
    _require(project.adopted is True, _("只有确定实施的项目才能验收。"))
    project.accepted_on, project.acceptance_note = on, note
    _by(project, by).save(update_fields=["accepted_on", "acceptance_note"])
    return project
