"""Project schedules: template → milestones (倒排/顺排), moving a milestone with its successors, baselines.

The arithmetic lives in ``luoshi.plans.schedule`` (pure); this module reads and writes the rows.
Every write is a ``<entity>_<verb>`` service (keyword-only, atomic, validated, audited through history).
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from luoshi.org.models import User
from luoshi.org.selectors import calendar_overrides
from luoshi.plans import schedule as sch
from luoshi.plans.milestone_templates import TEMPLATES
from luoshi.plans.models import Milestone, MilestoneLink, Project
from luoshi.plans.services import PlanError, _by, _require

BACKWARD, FORWARD = "backward", "forward"
# Schedules reach at most this far from the chosen date (a typo of 2206 for 2026 is refused, not looped over).
MAX_SPAN_DAYS = 366 * 10


def overrides(around: dt.date) -> dict[dt.date, bool]:
    """Admin calendar overrides for a window wide enough for any schedule around ``around``."""
    span = dt.timedelta(days=MAX_SPAN_DAYS)
    return calendar_overrides(around - span, around + span)


@dataclass
class PlannedStep:
    step: sch.Step
    slot: sch.Slot
    predecessor_names: list[str]


def template_plan(template: str, mode: str, on: dt.date, anchor: str = "") -> list[PlannedStep]:
    """The template laid out from ``on`` (nothing saved): the schedule shown for confirmation."""
    t = TEMPLATES.get(template)
    _require(t is not None, _("请选择节点模板。"))
    _require(mode in (BACKWARD, FORWARD), _("请选择倒排或顺排。"))
    _require(dt.date(1990, 1, 1) <= on <= dt.date(2150, 12, 31), _("日期超出可排期范围。"))
    ov = overrides(on)
    if mode == BACKWARD:
        anchor = anchor or t.anchor
        _require(any(s.key == anchor for s in t.steps), _("承诺节点不属于该模板。"))
        slots = sch.backward(t.steps, anchor, on, ov)
    else:
        slots = sch.forward(t.steps, on, ov)
    names = {s.key: s.name for s in t.steps}
    return [PlannedStep(s, slots[s.key], [names[p] for p, _lag in s.preds]) for s in t.steps]


@transaction.atomic
def project_schedule_apply(
    *, project: Project, template: str, mode: str, on: dt.date, anchor: str = "", by: User | None = None
) -> list[Milestone]:
    """Confirm a template schedule: its steps become milestones with links, and the baseline is set."""
    project = Project.objects.select_for_update().get(pk=project.pk)
    _require(not project.milestones.exists(), _("该项目已有节点，不能再按模板排期；请在节点上调整。"))
    planned = template_plan(template, mode, on, anchor)
    by_key: dict[str, Milestone] = {}
    for i, p in enumerate(planned):
        m = Milestone(
            plan_id=project.plan_id,
            project=project,
            name=p.step.name,
            step=p.step.key,
            seq=i,
            duration=p.step.duration,
            planned_start=p.slot.start,
            planned_date=p.slot.finish,
            baseline_start=p.slot.start,
            baseline_date=p.slot.finish,
        )
        _by(m, by).save()
        by_key[p.step.key] = m
    for p in planned:
        for pred, lag in p.step.preds:
            _by(MilestoneLink(pred=by_key[pred], succ=by_key[p.step.key], lag=lag), by).save()
    project.template = template
    project.baselined_at = timezone.now()
    project.start_date = project.start_date or planned[0].slot.start
    project.deadline = project.deadline or max(p.slot.finish for p in planned)
    _by(project, by).save(update_fields=["template", "baselined_at", "start_date", "deadline"])
    return list(by_key.values())


@transaction.atomic
def project_baseline_set(*, project: Project, by: User | None = None) -> Project:
    """Keep the current plan of every milestone as the baseline (重新确认基线)."""
    _require(project.milestones.exists(), _("该项目还没有节点。"))
    for m in project.milestones.all():
        m.baseline_start = m.planned_start or m.planned_date
        m.baseline_date = m.planned_date
        _by(m, by).save(update_fields=["baseline_start", "baseline_date"])
    project.baselined_at = timezone.now()
    _by(project, by).save(update_fields=["baselined_at"])
    return project


# --- Moving a milestone ---------------------------------------------------------------------------


def _network(project_id: int):
    """The project's milestones as schedule steps, their current slots and the done (locked) ones."""
    ms = {m.pk: m for m in Milestone.objects.filter(project_id=project_id)}
    preds: dict[int, list[tuple[str, int]]] = {pk: [] for pk in ms}
    for link in MilestoneLink.objects.filter(succ__project_id=project_id):
        preds[link.succ_id].append((str(link.pred_id), link.lag))
    steps = [sch.Step(str(pk), m.name, m.duration, tuple(preds[pk])) for pk, m in ms.items()]
    slots = {str(pk): sch.Slot(m.planned_start or m.planned_date, m.planned_date) for pk, m in ms.items()}
    locked = {str(pk) for pk, m in ms.items() if m.actual_date}
    return ms, steps, slots, locked


@dataclass
class Move:
    milestone: Milestone
    old: sch.Slot
    new: sch.Slot
    shift: int  # working days the finish moves (negative: earlier)


def milestone_move_preview(milestone: Milestone, new_date: dt.date) -> list[Move]:
    """What moves if ``milestone`` finishes on ``new_date``: itself first, then pushed successors."""
    _require(milestone.project_id is not None, _("只有项目节点可以联动调整。"))
    _require(milestone.actual_date is None, _("该节点已完成，不能再调整计划日期。"))
    _require(abs((new_date - milestone.planned_date).days) <= MAX_SPAN_DAYS, _("日期超出可排期范围。"))
    ms, steps, slots, locked = _network(milestone.project_id)
    ov = overrides(new_date)
    try:
        changed = sch.move(steps, slots, str(milestone.pk), new_date, ov, locked=locked)
    except sch.ScheduleError as exc:
        pred = ms[int(exc.step)]
        raise PlanError(
            _("“%(m)s”须在前置节点“%(p)s”（%(d)s）完成后开始，不能提前到 %(n)s。")
            % {"m": milestone.name, "p": pred.name, "d": pred.planned_date, "n": new_date}
        ) from exc
    index = sch.WorkdayIndex(
        min([milestone.planned_date, new_date] + [s.finish for s in changed.values()]) - dt.timedelta(days=1),
        max([milestone.planned_date, new_date] + [s.finish for s in changed.values()]),
        ov,
    )
    moves = [
        Move(ms[int(k)], slots[k], new, index.between(slots[k].finish, new.finish))
        for k, new in changed.items()
    ]
    moves.sort(key=lambda mv: (mv.milestone.pk != milestone.pk, mv.new.finish, mv.milestone.seq))
    return moves


def move_rows(moves: list[Move]) -> list[dict]:
    """Moves as plain data (the API and the CLI print the same preview)."""
    return [
        {
            "milestone": mv.milestone.pk,
            "name": mv.milestone.name,
            "old_finish": mv.old.finish.isoformat(),
            "new_start": mv.new.start.isoformat(),
            "new_finish": mv.new.finish.isoformat(),
            "shift_workdays": mv.shift,
        }
        for mv in moves
    ]


@transaction.atomic
def milestone_move(*, milestone: Milestone, new_date: dt.date, by: User | None = None) -> list[Move]:
    """Move a milestone and push its successors (finish-to-start with lag); the baseline stays."""
    Project.objects.select_for_update().filter(pk=milestone.project_id).first()
    milestone = Milestone.objects.get(pk=milestone.pk)
    moves = milestone_move_preview(milestone, new_date)
    for mv in moves:
        mv.milestone.planned_start, mv.milestone.planned_date = mv.new.start, mv.new.finish
        _by(mv.milestone, by).save(update_fields=["planned_start", "planned_date"])
    return moves


# --- Reading: schedule rows with slippage -----------------------------------------------------------


@dataclass
class ScheduleRow:
    milestone: Milestone
    start: dt.date
    predecessors: list[str]
    slip: int | None


def project_schedule(project: Project, today: dt.date) -> tuple[list[ScheduleRow], int | None]:
    """The project's milestones in order with their slippage, and the project's (the worst one's)."""
    ms = list(project.milestones.order_by("seq", "planned_date", "id"))
    if not ms:
        return [], None
    names = {m.pk: m.name for m in ms}
    preds: dict[int, list[str]] = {}
    for link in MilestoneLink.objects.filter(succ__project=project).order_by("pred__seq"):
        preds.setdefault(link.succ_id, []).append(names.get(link.pred_id, ""))
    dates = [d for m in ms for d in (m.baseline_date, m.planned_date, m.actual_date) if d] + [today]
    index = sch.WorkdayIndex(min(dates), max(dates), overrides(today))
    rows = [
        ScheduleRow(
            m,
            m.planned_start or m.planned_date,
            preds.get(m.pk, []),
            sch.slippage(m.baseline_date, m.planned_date, m.actual_date, today, index.between),
        )
        for m in ms
    ]
    slips = [r.slip for r in rows if r.slip is not None]
    return rows, (max(slips) if slips else None)
