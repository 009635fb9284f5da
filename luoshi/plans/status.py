"""Derived status: pure functions from dates, milestones, progress and actual values. No Django models.

Rules (documented in docs/plans.md):

* 序时进度 (time progress) for year ``y`` on ``today``: months fully elapsed ÷ 12, or working days
  elapsed ÷ working days of the year (``luoshi.lib.workdays``).
* A numeric target compares completion (actual ÷ target) with time progress; a growth or rate target
  compares the reported rate with the promised one directly (rates are already year-to-date).
* A task or project compares its reported progress with the share of its own span (start → deadline)
  that has elapsed; a missed milestone or an open problem needing help makes it *at risk*; a passed
  deadline without completion makes it *overdue*.
* A parent's progress is the weighted mean of its children; it is done when all children are done,
  otherwise its status is the worst child status (and its own, when it has reports of its own).
  A manual override is carried beside the derived value and never replaces it.
* A project is done when its stage says so (``project_status``): 100 % reported on a project still
  在谈 is progress, not completion.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass, field
from enum import StrEnum

from django.utils.translation import gettext_noop

from luoshi.lib import workdays

# Behind schedule by more than this (fraction of the whole) → at risk.
TOLERANCE = 0.05
# No progress report for this many days while work is under way → at risk (stale).
STALE_DAYS = 30


class Status(StrEnum):
    NOT_STARTED = "not_started"
    ON_TRACK = "on_track"
    AT_RISK = "at_risk"
    OVERDUE = "overdue"
    DONE = "done"


# How bad a status is, for roll-ups (the worst child decides the parent).
SEVERITY = {Status.DONE: 0, Status.NOT_STARTED: 1, Status.ON_TRACK: 2, Status.AT_RISK: 3, Status.OVERDUE: 4}

# Source-language labels, marked for the catalogue; translated where shown (``selectors.status_label``).
LABELS = {
    Status.NOT_STARTED: gettext_noop("未开始"),
    Status.ON_TRACK: gettext_noop("正常推进"),
    Status.AT_RISK: gettext_noop("滞后预警"),
    Status.OVERDUE: gettext_noop("逾期"),
    Status.DONE: gettext_noop("已完成"),
}


def time_progress(
    year: int, today: dt.date, *, method: str = "months", overrides: Mapping[dt.date, bool] | None = None
) -> float:
    """序时进度 of ``year`` on ``today`` as a fraction 0..1."""
    if today.year < year:
        return 0.0
    if today.year > year:
        return 1.0
    if method == "months":
        return (today.month - 1) / 12
    if method == "workdays":
        start = dt.date(year - 1, 12, 31)
        total = workdays.workdays_between(start, dt.date(year, 12, 31), overrides or {})
        done = workdays.workdays_between(start, today, overrides or {})
        return done / total if total else 0.0
    raise ValueError(f"unknown method {method!r}")


def span_progress(start: dt.date | None, end: dt.date | None, today: dt.date) -> float | None:
    """Share of the span start → end elapsed on ``today`` (0..1), None without both dates."""
    if not start or not end or end <= start:
        return None
    if today <= start:
        return 0.0
    if today >= end:
        return 1.0
    return (today - start).days / (end - start).days


@dataclass(frozen=True)
class MilestoneFact:
    planned: dt.date
    actual: dt.date | None = None

    def status(self, today: dt.date) -> Status:
        if self.actual:
            return Status.DONE
        if self.planned < today:
            return Status.OVERDUE
        return Status.NOT_STARTED


def target_completion(target: float | None, actual: float | None, measure: str) -> float | None:
    """Completion 0..∞ of a numeric target; None when it cannot be computed."""
    if target is None or actual is None:
        return None
    if target == 0:
        return 1.0 if actual >= 0 else 0.0
    return actual / target


def target_status(
    *,
    target: float | None,
    actual: float | None,
    measure: str,
    time_progress: float,
    today: dt.date,
    deadline: dt.date | None,
    done: bool = False,
    tolerance: float = TOLERANCE,
) -> Status:
    """Status of a numeric target (指标) against 序时进度 (level) or directly (growth, rate)."""
    if done:
        return Status.DONE
    completion = target_completion(target, actual, measure)
    overdue = deadline is not None and today > deadline
    if completion is None:
        if overdue:
            return Status.OVERDUE
        return Status.NOT_STARTED if time_progress < 0.25 else Status.AT_RISK
    if measure == "level":
        if completion >= 1:
            return Status.DONE
        expected = time_progress
    else:
        # A rate is judged against the promise itself; it is "done" only when the year is over.
        if completion >= 1 and overdue:
            return Status.DONE
        expected = 1.0
    if overdue:
        return Status.OVERDUE
    return Status.ON_TRACK if completion >= expected - tolerance else Status.AT_RISK


@dataclass(frozen=True)
class WorkFacts:
    """What is known about a task, project or livelihood project on a day."""

    start: dt.date | None = None
    deadline: dt.date | None = None
    progress: float | None = None  # reported 0..100
    done_on: dt.date | None = None
    milestones: tuple[MilestoneFact, ...] = ()
    last_update: dt.date | None = None
    open_problem: bool = False


def work_status(
    facts: WorkFacts,
    today: dt.date,
    *,
    tolerance: float = TOLERANCE,
    stale_days: int = STALE_DAYS,
    progress_completes: bool = True,
) -> Status:
    """Status of a task or project from its dates, milestones and reports.

    ``progress_completes=False``: 100 % or all milestones met do not make it done (a project's
    completion comes from its stage); it is then on track until its deadline."""
    ms = facts.milestones
    if facts.done_on or (
        progress_completes
        and ((facts.progress is not None and facts.progress >= 100) or (ms and all(m.actual for m in ms)))
    ):
        return Status.DONE
    if facts.deadline and today > facts.deadline:
        return Status.OVERDUE
    started = bool((facts.progress or 0) > 0 or facts.last_update or any(m.actual for m in ms)) or (
        facts.start is not None and facts.start <= today
    )
    if not started:
        return Status.NOT_STARTED
    if facts.open_problem or any(m.status(today) == Status.OVERDUE for m in ms):
        return Status.AT_RISK
    expected = span_progress(facts.start, facts.deadline, today)
    if expected is not None and facts.progress is not None and facts.progress / 100 < expected - tolerance:
        return Status.AT_RISK
    if facts.last_update and (today - facts.last_update).days > stale_days and (facts.progress or 0) < 100:
        return Status.AT_RISK
    if expected is not None and facts.progress is None and not facts.last_update and expected > 0.25:
        return Status.AT_RISK
    return Status.ON_TRACK


def project_status(facts: WorkFacts, today: dt.date, *, stage_done: bool) -> Status:
    """A project is done when its stage reaches completion for its kind, never on progress alone."""
    if stage_done:
        return Status.DONE
    return work_status(facts, today, progress_completes=False)


def milestone_progress(milestones: Iterable[MilestoneFact]) -> float | None:
    ms = list(milestones)
    if not ms:
        return None
    return 100 * sum(1 for m in ms if m.actual) / len(ms)


def worst(statuses: Iterable[Status]) -> Status | None:
    out = None
    for s in statuses:
        if out is None or SEVERITY[s] > SEVERITY[out]:
            out = s
    return out


def combine(statuses: Iterable[Status]) -> Status | None:
    """A parent's status from its children: all done → done; otherwise the worst that is not done."""
    items = list(statuses)
    if not items:
        return None
    if all(s == Status.DONE for s in items):
        return Status.DONE
    return worst(s for s in items if s != Status.DONE)


@dataclass
class Node:
    """One item in the tree: its own derived progress/status, weight, optional override and children."""

    key: object
    weight: float = 1.0
    progress: float | None = None  # 0..100, the item's own derived progress
    status: Status | None = None
    override: float | None = None
    children: list[Node] = field(default_factory=list)
    # Whether the item reported anything itself (updates, milestones, a completion date); a parent
    # that did not is judged by its children alone.
    own_reported: bool = True
    # Filled by rollup():
    derived_progress: float | None = None
    derived_status: Status | None = None

    @property
    def shown_progress(self) -> float | None:
        """What a chart uses: the override if any, else the derived value (both are displayed)."""
        return self.override if self.override is not None else self.derived_progress


def rollup(node: Node) -> Node:
    """Weighted progress and worst status up the tree, in place; returns the node."""
    if not node.children:
        node.derived_progress = node.progress
        node.derived_status = node.status
        return node
    for child in node.children:
        rollup(child)
    weighted = [
        (c.shown_progress, c.weight) for c in node.children if c.shown_progress is not None and c.weight > 0
    ]
    total = sum(w for _, w in weighted)
    node.derived_progress = sum(p * w for p, w in weighted) / total if total else node.progress
    statuses = [c.derived_status for c in node.children if c.derived_status is not None]
    if statuses and all(s == Status.DONE for s in statuses):
        node.derived_status = Status.DONE
        return node
    if node.status is not None and node.own_reported:
        statuses.append(node.status)
    node.derived_status = combine(statuses)
    return node


@dataclass
class Group:
    key: object
    count: int = 0
    by_status: dict[Status, int] = field(default_factory=dict)
    progress: float | None = None

    @property
    def worst(self) -> Status | None:
        return worst(self.by_status)


def group_by(
    rows: Iterable[tuple[object, Status | None, float | None, float]],
    key: Callable[[object], object] | None = None,
) -> list[Group]:
    """Roll up (group key, status, progress, weight) rows: counts per status and weighted mean progress."""
    groups: dict[object, Group] = {}
    sums: dict[object, list[float]] = {}
    for group_key, status, progress, weight in rows:
        g = groups.setdefault(group_key, Group(key=group_key))
        g.count += 1
        if status is not None:
            g.by_status[status] = g.by_status.get(status, 0) + 1
        if progress is not None and weight > 0:
            acc = sums.setdefault(group_key, [0.0, 0.0])
            acc[0] += progress * weight
            acc[1] += weight
    for k, (num, den) in sums.items():
        groups[k].progress = num / den if den else None
    out = list(groups.values())
    if key:
        out.sort(key=lambda g: key(g.key))
    return out
