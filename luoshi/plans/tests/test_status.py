"""Derived status: pure functions, no database."""

from __future__ import annotations

import datetime as dt

from luoshi.plans import status as st
from luoshi.plans.status import MilestoneFact, Node, Status, WorkFacts

D = dt.date


def test_time_progress_counts_whole_months_elapsed():
    assert st.time_progress(2026, D(2026, 7, 10)) == 6 / 12
    assert st.time_progress(2026, D(2026, 1, 20)) == 0
    assert st.time_progress(2025, D(2026, 1, 1)) == 1.0
    assert st.time_progress(2027, D(2026, 1, 1)) == 0.0


def test_time_progress_by_working_days_respects_overrides():
    plain = st.time_progress(2026, D(2026, 7, 1), method="workdays")
    assert 0.45 < plain < 0.55
    shifted = st.time_progress(2026, D(2026, 7, 1), method="workdays", overrides={D(2026, 6, 30): False})
    assert shifted < plain


def test_level_target_ahead_of_time_progress_is_on_track():
    s = st.target_status(
        target=100,
        actual=52,
        measure="level",
        time_progress=0.5,
        today=D(2026, 7, 1),
        deadline=D(2026, 12, 31),
    )
    assert s == Status.ON_TRACK


def test_level_target_behind_time_progress_is_at_risk():
    s = st.target_status(
        target=100,
        actual=30,
        measure="level",
        time_progress=0.5,
        today=D(2026, 7, 1),
        deadline=D(2026, 12, 31),
    )
    assert s == Status.AT_RISK


def test_level_target_reached_is_done_and_missed_after_deadline_is_overdue():
    kw = {"target": 100, "measure": "level", "time_progress": 1.0, "deadline": D(2026, 12, 31)}
    assert st.target_status(actual=101, today=D(2026, 11, 1), **kw) == Status.DONE
    assert st.target_status(actual=90, today=D(2027, 1, 5), **kw) == Status.OVERDUE


def test_growth_target_is_judged_against_the_promised_rate_not_time():
    kw = {
        "target": 6,
        "measure": "growth",
        "time_progress": 0.25,
        "today": D(2026, 4, 1),
        "deadline": D(2026, 12, 31),
    }
    assert st.target_status(actual=6.1, **kw) == Status.ON_TRACK
    assert st.target_status(actual=4.0, **kw) == Status.AT_RISK


def test_target_without_any_report_is_not_started_early_and_at_risk_later():
    kw = {"target": 10, "actual": None, "measure": "level", "deadline": D(2026, 12, 31)}
    assert st.target_status(time_progress=0.1, today=D(2026, 2, 1), **kw) == Status.NOT_STARTED
    assert st.target_status(time_progress=0.5, today=D(2026, 7, 1), **kw) == Status.AT_RISK


def test_work_in_future_is_not_started():
    f = WorkFacts(start=D(2026, 9, 1), deadline=D(2026, 12, 1))
    assert st.work_status(f, D(2026, 7, 1)) == Status.NOT_STARTED


def test_work_keeping_pace_with_its_span_is_on_track():
    f = WorkFacts(start=D(2026, 1, 1), deadline=D(2026, 12, 31), progress=50, last_update=D(2026, 6, 28))
    assert st.work_status(f, D(2026, 7, 1)) == Status.ON_TRACK


def test_open_problem_needing_help_turns_work_at_risk():
    f = WorkFacts(
        start=D(2026, 1, 1),
        deadline=D(2026, 12, 31),
        progress=50,
        last_update=D(2026, 6, 28),
        open_problem=True,
    )
    assert st.work_status(f, D(2026, 7, 1)) == Status.AT_RISK


def test_missed_milestone_turns_work_at_risk():
    f = WorkFacts(
        start=D(2026, 1, 1),
        deadline=D(2026, 12, 31),
        progress=60,
        last_update=D(2026, 6, 28),
        milestones=(MilestoneFact(D(2026, 6, 1)),),
    )
    assert st.work_status(f, D(2026, 7, 1)) == Status.AT_RISK


def test_work_past_deadline_is_overdue_and_all_milestones_done_is_done():
    f = WorkFacts(start=D(2026, 1, 1), deadline=D(2026, 3, 31), progress=80)
    assert st.work_status(f, D(2026, 4, 2)) == Status.OVERDUE
    done = WorkFacts(deadline=D(2026, 3, 31), milestones=(MilestoneFact(D(2026, 3, 1), D(2026, 3, 2)),))
    assert st.work_status(done, D(2026, 4, 2)) == Status.DONE


def test_stale_reports_turn_work_at_risk():
    f = WorkFacts(start=D(2026, 1, 1), deadline=D(2026, 12, 31), progress=50, last_update=D(2026, 4, 1))
    assert st.work_status(f, D(2026, 7, 1)) == Status.AT_RISK


def test_rollup_is_weighted_and_takes_the_worst_child_status():
    parent = Node(
        "p",
        children=[
            Node("a", weight=3, progress=100, status=Status.DONE),
            Node("b", weight=1, progress=20, status=Status.AT_RISK),
        ],
    )
    st.rollup(parent)
    assert parent.derived_progress == 80
    assert parent.derived_status == Status.AT_RISK


def test_override_is_kept_beside_the_derived_value_and_used_by_the_parent():
    child = Node("b", weight=1, progress=20, status=Status.ON_TRACK, override=60)
    parent = Node("p", children=[Node("a", weight=1, progress=100, status=Status.DONE), child])
    st.rollup(parent)
    assert child.derived_progress == 20  # never silently replaced
    assert child.shown_progress == 60
    assert parent.derived_progress == 80


def test_all_done_children_make_a_done_parent():
    parent = Node(
        "p",
        children=[Node("a", progress=100, status=Status.DONE), Node("b", progress=100, status=Status.DONE)],
    )
    assert st.rollup(parent).derived_status == Status.DONE


def test_group_by_counts_statuses_and_weights_progress():
    groups = st.group_by(
        [("经发办", Status.ON_TRACK, 50, 1), ("经发办", Status.AT_RISK, 100, 3), ("农业办", None, None, 1)],
        key=str,
    )
    jfb = next(g for g in groups if g.key == "经发办")
    assert jfb.count == 2 and jfb.progress == 87.5 and jfb.worst == Status.AT_RISK


def test_a_parent_whose_children_are_all_done_is_done_even_if_its_own_facts_lag():
    # A key task with no reports of its own is "at risk" by itself after a quarter of its span.
    parent = Node(
        "p",
        status=Status.AT_RISK,
        own_reported=False,
        children=[Node("a", progress=100, status=Status.DONE), Node("b", progress=100, status=Status.DONE)],
    )
    st.rollup(parent)
    assert parent.derived_progress == 100 and parent.derived_status == Status.DONE


def test_a_parent_without_reports_of_its_own_is_judged_by_its_children():
    parent = Node(
        "p",
        status=Status.AT_RISK,
        own_reported=False,
        children=[
            Node("a", progress=100, status=Status.DONE),
            Node("b", progress=60, status=Status.ON_TRACK),
        ],
    )
    assert st.rollup(parent).derived_status == Status.ON_TRACK
    parent = Node("p", status=Status.AT_RISK, children=[Node("b", progress=60, status=Status.ON_TRACK)])
    assert st.rollup(parent).derived_status == Status.AT_RISK  # its own open problem still counts


def test_a_project_is_done_by_its_stage_not_by_a_full_progress_report():
    facts = WorkFacts(start=D(2026, 1, 1), deadline=D(2026, 12, 31), progress=100, last_update=D(2026, 5, 1))
    assert st.project_status(facts, D(2026, 5, 10), stage_done=False) == Status.ON_TRACK
    assert st.project_status(facts, D(2027, 1, 10), stage_done=False) == Status.OVERDUE
    assert st.project_status(facts, D(2026, 5, 10), stage_done=True) == Status.DONE
    assert st.work_status(facts, D(2026, 5, 10)) == Status.DONE  # tasks still complete on 100 %
