"""Dispatch meetings (调度会): the agenda from what needs deciding, decisions tracked to done.

The agenda of a meeting is computed for its date and scope (the town, a leader's or a unit's
projects): projects behind their baseline, milestones due in the next two weeks, problems raised in
updates and still open, and decisions of earlier meetings still open on that date (carried over until
closed). Decisions are rows (``Decision``) with an owner unit and a deadline.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from django.db import transaction
from django.db.models import Q, QuerySet
from django.utils import timezone
from django.utils.translation import gettext as _

from luoshi.org.models import Unit, User
from luoshi.plans import schedule as sch
from luoshi.plans import selectors as sel
from luoshi.plans import services
from luoshi.plans.models import Decision, Meeting, Milestone, Plan, Project, Update
from luoshi.plans.scheduling import overrides
from luoshi.plans.services import _by, _require

DUE_WINDOW = dt.timedelta(days=14)


def meeting_projects(meeting: Meeting) -> QuerySet[Project]:
    qs = sel.project_queryset(meeting.plan)
    if meeting.leader_id:
        qs = qs.filter(leader_id=meeting.leader_id)
    if meeting.unit_id:
        qs = qs.filter(owner_unit_id=meeting.unit_id)
    return qs


def project_slips(projects, today: dt.date) -> dict[int, int]:
    """Each project's slippage (its worst milestone's, working days) from prefetched milestones."""
    ms = [m for p in projects for m in p.milestones.all() if m.baseline_date]
    if not ms:
        return {}
    dates = [d for m in ms for d in (m.baseline_date, m.planned_date, m.actual_date) if d] + [today]
    index = sch.WorkdayIndex(min(dates), max(dates), overrides(today))
    out: dict[int, int] = {}
    for m in ms:
        slip = sch.slippage(m.baseline_date, m.planned_date, m.actual_date, today, index.between)
        out[m.project_id] = max(out.get(m.project_id, slip), slip)
    return out


@dataclass
class Agenda:
    behind: list[tuple[Project, int]]
    due: list[Milestone]
    problems: list[Update]
    carried: list[Decision]
    decisions: list[Decision]


def agenda(meeting: Meeting) -> Agenda:
    on = meeting.date
    projects = list(meeting_projects(meeting))
    ids = [p.pk for p in projects]
    slips = project_slips(projects, on)
    behind = sorted(((p, slips[p.pk]) for p in projects if slips.get(p.pk, 0) > 0), key=lambda t: -t[1])
    due = list(
        Milestone.objects.filter(
            project_id__in=ids,
            actual_date__isnull=True,
            planned_date__gte=on,
            planned_date__lte=on + DUE_WINDOW,
        )
        .select_related("project")
        .order_by("planned_date", "id")
    )
    problems = list(
        Update.objects.filter(project_id__in=ids, needs_help=True, resolved_on__isnull=True, date__lte=on)
        .select_related("project__owner_unit", "case")
        .prefetch_related("decisions")
        .order_by("date", "id")
    )
    carried = list(
        Decision.objects.filter(meeting__plan=meeting.plan, meeting__date__lt=on)
        .filter(Q(done_on__isnull=True) | Q(done_on__gte=on))
        .filter(Q(project__isnull=True) | Q(project_id__in=ids))
        .select_related("meeting", "project", "owner_unit", "owner")
        .order_by("deadline", "id")
    )
    decisions = list(meeting.decisions.select_related("project", "owner_unit", "owner", "update"))
    return Agenda(behind, due, problems, carried, decisions)


def open_decisions(project: Project) -> QuerySet[Decision]:
    return project.decisions.filter(done_on__isnull=True).select_related("meeting", "owner_unit")


# --- Writes --------------------------------------------------------------------------------------


@transaction.atomic
def meeting_create(
    *,
    plan: Plan,
    date: dt.date,
    title: str = "",
    leader: User | None = None,
    unit: Unit | None = None,
    chair: str = "",
    attendees: str = "",
    by: User | None = None,
) -> Meeting:
    _require(unit is None or unit.town_id == plan.town_id, _("责任单位必须属于本镇。"))
    _require(
        leader is None or leader.roles.filter(town_id=plan.town_id).exists(),
        _("分管领导必须是本镇人员。"),
    )
    title = title.strip() or _("%(d)s 重点项目调度会") % {"d": date.strftime("%Y-%m-%d")}
    m = Meeting(
        plan=plan,
        date=date,
        title=title,
        leader=leader,
        unit=unit,
        chair=chair.strip(),
        attendees=attendees.strip(),
        created_by=by,
    )
    _by(m, by).save()
    return m


@transaction.atomic
def meeting_minutes_set(
    *, meeting: Meeting, summary: str, chair: str = "", attendees: str = "", by: User | None = None
) -> Meeting:
    meeting.summary, meeting.chair, meeting.attendees = summary.strip(), chair.strip(), attendees.strip()
    _by(meeting, by).save(update_fields=["summary", "chair", "attendees"])
    return meeting


@transaction.atomic
def decision_create(
    *,
    meeting: Meeting,
    text: str,
    owner_unit: Unit,
    deadline: dt.date,
    project: Project | None = None,
    update: Update | None = None,
    owner: User | None = None,
    by: User | None = None,
) -> Decision:
    """Record a decision as a task; made from a raised problem it names that update and its project."""
    _require(bool(text.strip()), _("请填写议定事项。"))
    _require(
        owner_unit is not None and owner_unit.town_id == meeting.plan.town_id, _("责任单位必须属于本镇。")
    )
    _require(deadline >= meeting.date, _("完成时限不能早于会议日期。"))
    if update is not None:
        _require(update.plan_id == meeting.plan_id and update.project_id, _("该问题不属于本计划的项目。"))
        project = project or update.project
    _require(project is None or project.plan_id == meeting.plan_id, _("该项目不属于本计划。"))
    d = Decision(
        meeting=meeting,
        project=project,
        update=update,
        text=text.strip(),
        owner_unit=owner_unit,
        owner=owner,
        deadline=deadline,
    )
    _by(d, by).save()
    return d


@transaction.atomic
def decision_close(*, decision: Decision, on: dt.date, note: str = "", by: User | None = None) -> Decision:
    """Close a decision (办结); the problem it answered is marked resolved on the same day."""
    decision = Decision.objects.select_for_update().get(pk=decision.pk)
    _require(decision.done_on is None, _("该事项已办结。"))
    _require(bool(note.strip()), _("请填写办理结果。"))
    _require(on >= decision.meeting.date, _("完成日期不能早于会议日期。"))
    _require(on <= timezone.localdate() + dt.timedelta(days=1), _("完成日期不能晚于今天。"))
    decision.done_on, decision.done_note = on, note.strip()
    _by(decision, by).save(update_fields=["done_on", "done_note"])
    if decision.update_id and decision.update.is_open_problem:
        services.update_resolve(update=decision.update, on=on, by=by)
    return decision
