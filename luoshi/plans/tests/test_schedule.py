"""The pure scheduler: backward/forward layout through the working-day calendar, moves, slippage."""

from __future__ import annotations

import datetime as dt

import pytest
from hypothesis import given, settings
from hypothesis import strategies as s

from luoshi.lib.workdays import add_workdays, is_workday, workdays_between
from luoshi.plans import schedule as sch
from luoshi.plans.milestone_templates import TEMPLATES

NONE: dict = {}
D = dt.date


def _steps_ok(steps, slots, ov=NONE):
    """Every step ends before its successors start, with its lag of working days in between."""
    for st in steps:
        slot = slots[st.key]
        assert is_workday(slot.start, ov) and is_workday(slot.finish, ov)
        assert slot.start <= slot.finish
        assert workdays_between(slot.start, slot.finish, ov) == max(st.duration, 1) - 1
        for p, lag in st.preds:
            assert slots[p].finish < slot.start
            assert workdays_between(slots[p].finish, slot.start, ov) >= 1 + lag


@s.composite
def dags(draw):
    """Random DAGs: each step may depend on any earlier one, with small durations and lags."""
    n = draw(s.integers(1, 9))
    steps = []
    for i in range(n):
        preds = draw(s.sets(s.integers(0, i - 1), max_size=3)) if i else set()
        lags = [draw(s.integers(0, 5)) for _ in preds]
        steps.append(
            sch.Step(
                f"s{i}",
                f"step {i}",
                draw(s.integers(1, 30)),
                tuple(zip((f"s{p}" for p in sorted(preds)), lags, strict=True)),
            )
        )
    return steps


dates = s.dates(D(2020, 1, 1), D(2026, 12, 31))


@settings(max_examples=60, deadline=None)
@given(dags(), dates)
def test_forward_schedule_keeps_every_link_and_starts_on_or_after_the_start(steps, start):
    slots = sch.forward(steps, start, NONE)
    _steps_ok(steps, slots)
    assert min(x.start for x in slots.values()) == add_workdays(start, 0)


@settings(max_examples=60, deadline=None)
@given(dags(), dates, s.data())
def test_backward_schedule_ends_the_anchor_on_the_promised_date_and_keeps_every_link(steps, promised, data):
    anchor = data.draw(s.sampled_from([x.key for x in steps]))
    slots = sch.backward(steps, anchor, promised, NONE)
    _steps_ok(steps, slots)
    finish = slots[anchor].finish
    # the last working day on or before the promised date
    assert finish <= promised and is_workday(finish)
    assert all(not is_workday(finish + dt.timedelta(days=k)) for k in range(1, (promised - finish).days + 1))
    # everything the anchor depends on is as late as possible: a tight link to some successor
    for key in sch.ancestors(steps, anchor):
        succ = [
            (k, lag) for k, lag in sch.successors(steps)[key] if k in sch.ancestors(steps, anchor) | {anchor}
        ]
        assert any(slots[key].finish == sch.latest_finish(slots[k].start, lag, NONE) for k, lag in succ)


@settings(max_examples=60, deadline=None)
@given(dags(), dates, s.data())
def test_move_pushes_successors_only_as_needed_and_keeps_every_link(steps, start, data):
    slots = sch.forward(steps, start, NONE)
    key = data.draw(s.sampled_from([x.key for x in steps]))
    shift = data.draw(s.integers(0, 40))
    new_finish = add_workdays(slots[key].finish, shift)
    changed = sch.move(steps, slots, key, new_finish, NONE)
    after = {**slots, **changed}
    _steps_ok(steps, after)
    assert after[key].finish == new_finish
    # only the moved step and its descendants change, and none moves earlier
    assert set(changed) <= sch.descendants(steps, key) | {key}
    assert all(after[k].start >= slots[k].start for k in changed)


def test_industrial_template_backward_from_production_on_new_years_eve_2025():
    t = TEMPLATES["industrial"]
    slots = sch.backward(t.steps, "production", D(2025, 12, 31), NONE)
    assert slots["production"].finish == D(2025, 12, 31)  # a Wednesday, a working day
    # 投产 takes 10 working days and follows 设备安装 directly
    assert workdays_between(slots["equipment"].finish, slots["production"].start) == 1
    # registration and land run side by side; the permit waits for both
    assert slots["permit"].start > max(slots["register"].finish, slots["land"].finish)
    assert slots["land"].start >= sch.earliest_start(slots["sign"].finish, 5, NONE)
    assert [x.key for x in sch.topo_order(t.steps)][0] == "sign"


def test_backward_through_the_national_day_holiday_skips_the_holiday_and_counts_the_makeup_saturday():
    # 2025: 10-01..10-08 off, Sunday 09-28 and Saturday 10-11 are working days (调休).
    step = [sch.Step("a", "a", 3)]
    slots = sch.backward(step, "a", D(2025, 10, 8), NONE)
    assert slots["a"].finish == D(2025, 9, 30)
    assert slots["a"].start == D(2025, 9, 28)  # Sunday 9-28 is a make-up working day
    slots = sch.forward(step, D(2025, 10, 1), NONE)
    assert slots["a"].start == D(2025, 10, 9) and slots["a"].finish == D(2025, 10, 11)


def test_admin_overrides_win():
    ov = {D(2025, 6, 30): False}  # a local day off
    slots = sch.backward([sch.Step("a", "a", 1)], "a", D(2025, 6, 30), ov)
    assert slots["a"].finish == D(2025, 6, 27)


def test_a_cycle_or_an_unknown_predecessor_is_refused_naming_the_step():
    with pytest.raises(sch.ScheduleError) as exc:
        sch.topo_order([sch.Step("a", "a", 1, (("b", 0),)), sch.Step("b", "b", 1, (("a", 0),))])
    assert exc.value.step in {"a", "b"}
    with pytest.raises(sch.ScheduleError) as exc:
        sch.topo_order([sch.Step("a", "a", 1, (("zz", 0),))])
    assert exc.value.step == "a"


def test_moving_before_a_predecessor_allows_is_refused_naming_it():
    steps = [sch.Step("a", "a", 5), sch.Step("b", "b", 5, (("a", 2),))]
    slots = sch.forward(steps, D(2025, 3, 3), NONE)
    with pytest.raises(sch.ScheduleError) as exc:
        sch.move(steps, slots, "b", slots["a"].finish, NONE)
    assert exc.value.step == "a"


def test_a_locked_done_step_never_moves_and_slack_is_kept():
    steps = [sch.Step("a", "a", 2), sch.Step("b", "b", 2, (("a", 0),)), sch.Step("c", "c", 2, (("a", 0),))]
    slots = dict(sch.forward(steps, D(2025, 3, 3), NONE))
    slots["c"] = sch.Slot(D(2025, 4, 1), D(2025, 4, 2))  # c has slack
    changed = sch.move(steps, slots, "a", D(2025, 3, 7), NONE, locked={"b"})
    assert set(changed) == {"a"}  # b is done, c still starts after a


def test_slippage_counts_working_days_against_the_baseline():
    between = workdays_between
    base, today = D(2025, 9, 26), D(2025, 10, 13)
    assert sch.slippage(None, base, None, today, between) is None
    assert sch.slippage(base, base, D(2025, 9, 26), today, between) == 0
    # done late across the National Day holiday: 9-28, 9-29, 9-30, 10-9 are working days
    assert sch.slippage(base, base, D(2025, 10, 9), today, between) == 4
    # open and planned in the past: judged by today, not by the stale plan
    assert sch.slippage(base, base, None, D(2025, 9, 30), between) == 3
    # finished early
    assert sch.slippage(base, base, D(2025, 9, 24), today, between) == -2


@settings(max_examples=50, deadline=None)
@given(dates, dates)
def test_workday_index_agrees_with_the_calendar(a, b):
    lo, hi = min(a, b), max(a, b)
    index = sch.WorkdayIndex(lo, hi, NONE)
    assert index.between(a, b) == workdays_between(a, b)
