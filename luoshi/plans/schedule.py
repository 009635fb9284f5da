"""Working-day scheduling of milestone steps (倒排工期): backward, forward, moves and slippage.

Pure: no Django. Steps form a DAG joined by finish-to-start links with a lag in working days. A step
of ``duration`` working days occupies ``duration`` working days from its start to its finish (both
counted); a successor starts on the working day after ``lag`` further working days have passed since
its predecessor finished, so every step ends before its successors start. Holidays and 调休 come from
``luoshi.lib.workdays`` with the caller's overrides.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Mapping
from dataclasses import dataclass

from luoshi.lib.workdays import Overrides, add_workdays, is_workday

ONE = dt.timedelta(days=1)


class ScheduleError(ValueError):
    """The steps cannot be scheduled (a cycle, an unknown predecessor, a move before a predecessor)."""

    def __init__(self, message: str, step: str = ""):
        super().__init__(message)
        self.step = step


@dataclass(frozen=True)
class Step:
    key: str
    name: str
    duration: int  # working days, at least 1
    preds: tuple[tuple[str, int], ...] = ()  # (predecessor key, lag in working days)


@dataclass(frozen=True)
class Slot:
    start: dt.date
    finish: dt.date


# --- Working-day arithmetic ----------------------------------------------------------------------


def sub_workdays(day: dt.date, n: int, overrides: Overrides) -> dt.date:
    """The date ``n`` working days before ``day``; ``n == 0`` moves ``day`` back to a working day."""
    if n <= 0:
        while not is_workday(day, overrides):
            day -= ONE
        return day
    counted = 0
    while counted < n:
        day -= ONE
        if is_workday(day, overrides):
            counted += 1
    return day


def finish_of(start: dt.date, duration: int, overrides: Overrides) -> dt.date:
    start = add_workdays(start, 0, overrides)
    return add_workdays(start, max(duration, 1) - 1, overrides)


def start_of(finish: dt.date, duration: int, overrides: Overrides) -> dt.date:
    finish = sub_workdays(finish, 0, overrides)
    return sub_workdays(finish, max(duration, 1) - 1, overrides)


def earliest_start(pred_finish: dt.date, lag: int, overrides: Overrides) -> dt.date:
    """The first day a successor may start: the working day after ``lag`` working days of waiting."""
    return add_workdays(pred_finish, 1 + max(lag, 0), overrides)


def latest_finish(succ_start: dt.date, lag: int, overrides: Overrides) -> dt.date:
    return sub_workdays(succ_start, 1 + max(lag, 0), overrides)


class WorkdayIndex:
    """Working days counted once over a range, so slippage of thousands of milestones is a subtraction."""

    def __init__(self, start: dt.date, end: dt.date, overrides: Overrides):
        self.start, self.end, self.overrides = start, end, overrides
        self._cum: list[int] = []
        total, day = 0, start
        while day <= end:
            total += is_workday(day, overrides)
            self._cum.append(total)
            day += ONE

    def between(self, a: dt.date, b: dt.date) -> int:
        """Working days in (a, b]; negative when b < a (as ``luoshi.lib.workdays.workdays_between``)."""
        if not (self.start <= a <= self.end and self.start <= b <= self.end):
            from luoshi.lib.workdays import workdays_between

            return workdays_between(a, b, self.overrides)
        return self._cum[(b - self.start).days] - self._cum[(a - self.start).days]


# --- The DAG -------------------------------------------------------------------------------------


def topo_order(steps: Iterable[Step]) -> list[Step]:
    """Steps with every predecessor before its successors; refuses cycles and unknown predecessors."""
    steps = list(steps)
    by_key = {s.key: s for s in steps}
    for s in steps:
        for p, _lag in s.preds:
            if p not in by_key:
                raise ScheduleError(f"unknown predecessor {p!r} of {s.key!r}", s.key)
    order: list[Step] = []
    state: dict[str, int] = {}  # 1 visiting, 2 done

    def visit(s: Step) -> None:
        mark = state.get(s.key)
        if mark == 2:
            return
        if mark == 1:
            raise ScheduleError(f"cycle through {s.key!r}", s.key)
        state[s.key] = 1
        for p, _lag in s.preds:
            visit(by_key[p])
        state[s.key] = 2
        order.append(s)

    for s in steps:
        visit(s)
    return order


def successors(steps: Iterable[Step]) -> dict[str, list[tuple[str, int]]]:
    out: dict[str, list[tuple[str, int]]] = {}
    for s in steps:
        out.setdefault(s.key, [])
        for p, lag in s.preds:
            out.setdefault(p, []).append((s.key, lag))
    return out


def ancestors(steps: Iterable[Step], key: str) -> set[str]:
    by_key = {s.key: s for s in steps}
    seen: set[str] = set()
    todo = [key]
    while todo:
        k = todo.pop()
        for p, _lag in by_key[k].preds:
            if p not in seen:
                seen.add(p)
                todo.append(p)
    return seen


def descendants(steps: Iterable[Step], key: str) -> set[str]:
    succ = successors(steps)
    seen: set[str] = set()
    todo = [key]
    while todo:
        for s, _lag in succ.get(todo.pop(), []):
            if s not in seen:
                seen.add(s)
                todo.append(s)
    return seen


# --- Scheduling ----------------------------------------------------------------------------------


def forward(
    steps: Iterable[Step],
    start: dt.date,
    overrides: Overrides,
    fixed: Mapping[str, Slot] | None = None,
) -> dict[str, Slot]:
    """As early as possible from ``start``; steps in ``fixed`` keep their slots."""
    out: dict[str, Slot] = dict(fixed or {})
    for s in topo_order(steps):
        if s.key in out:
            continue
        begin = add_workdays(start, 0, overrides)
        for p, lag in s.preds:
            begin = max(begin, earliest_start(out[p].finish, lag, overrides))
        out[s.key] = Slot(begin, finish_of(begin, s.duration, overrides))
    return out


def backward(steps: Iterable[Step], anchor: str, promised: dt.date, overrides: Overrides) -> dict[str, Slot]:
    """倒排: ``anchor`` finishes on the last working day on or before ``promised``.

    The anchor and everything it depends on are laid out as late as possible; the steps after the
    anchor (e.g. 投产 after 开工 when 开工 is promised) and any branch not leading to it are laid out
    forward from there.
    """
    steps = list(steps)
    by_key = {s.key: s for s in steps}
    if anchor not in by_key:
        raise ScheduleError(f"unknown anchor {anchor!r}", anchor)
    order = topo_order(steps)
    before = ancestors(steps, anchor) | {anchor}
    succ = successors(steps)
    out: dict[str, Slot] = {}
    for s in reversed(order):
        if s.key not in before:
            continue
        if s.key == anchor:
            finish = sub_workdays(promised, 0, overrides)
        else:
            finish = min(latest_finish(out[k].start, lag, overrides) for k, lag in succ[s.key] if k in before)
        out[s.key] = Slot(start_of(finish, s.duration, overrides), finish)
    earliest = min(slot.start for slot in out.values())
    return forward(steps, earliest, overrides, fixed=out)


def move(
    steps: Iterable[Step],
    slots: Mapping[str, Slot],
    key: str,
    new_finish: dt.date,
    overrides: Overrides,
    locked: Iterable[str] = (),
) -> dict[str, Slot]:
    """Move ``key`` to finish on ``new_finish`` (duration kept); successors are pushed as far as needed.

    Returns only the steps whose slot changes (the preview). A successor keeps its slot while it
    still starts after its predecessors (slack is kept); a locked (already done) step never moves.
    Moving a step before its own predecessors allow is refused, naming the predecessor.
    """
    steps = list(steps)
    by_key = {s.key: s for s in steps}
    step = by_key[key]
    current = dict(slots)
    new = Slot(start_of(new_finish, step.duration, overrides), sub_workdays(new_finish, 0, overrides))
    for p, lag in step.preds:
        allowed = earliest_start(current[p].finish, lag, overrides)
        if new.start < allowed:
            raise ScheduleError(f"before predecessor {p!r} allows {allowed}", p)
    current[key] = new
    locked = set(locked)
    touched = descendants(steps, key)
    for s in topo_order(steps):
        if s.key not in touched or s.key in locked:
            continue
        need = max(earliest_start(current[p].finish, lag, overrides) for p, lag in s.preds)
        if current[s.key].start < need:
            current[s.key] = Slot(need, finish_of(need, s.duration, overrides))
    return {k: v for k, v in current.items() if slots.get(k) != v}


def slippage(
    baseline: dt.date | None,
    planned: dt.date,
    actual: dt.date | None,
    today: dt.date,
    between,
) -> int | None:
    """Working days late against the baseline (negative: early); None without a baseline.

    A done milestone is judged by its actual date; an open one by its planned date, or by today
    once that planned date has passed (it cannot finish earlier than today any more).
    ``between(a, b)`` counts working days in (a, b] (``WorkdayIndex.between`` or ``workdays_between``).
    """
    if baseline is None:
        return None
    if actual is not None:
        return between(baseline, actual)
    return between(baseline, max(planned, today))
