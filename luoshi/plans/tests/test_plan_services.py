"""Plans, items and projects: report import, derived status and roll-ups through the real services."""

from __future__ import annotations

import datetime as dt

import pytest

from luoshi.plans import selectors, services
from luoshi.plans.models import Item, Project
from luoshi.plans.services import PlanError
from luoshi.plans.status import Status
from luoshi.reports.models import Fact, Report


def make_report(town, year):
    report = Report.objects.create(
        town=town, title=f"{year}年政府工作报告", content_hash=f"h{year}", text="……", plan_year=year
    )
    rows = [
        ("plan", "target", "growth", "地区生产总值", 6, "%", "", "", "地区生产总值增长6%以上"),
        (
            "plan",
            "target",
            "level",
            "一般公共预算收入",
            1.46,
            "亿元",
            "",
            "确保",
            "一般公共预算收入确保1.46亿元",
        ),
        ("plan", "target", "level", "工业应税销售", 65, "亿元", "", "力争", "工业应税销售力争65亿元"),
        ("review", "actual", "level", "固定资产投资", 7.1, "亿元", "", "", "完成固定资产投资7.1亿元"),
    ]
    for seq, (part, kind, measure, metric, value, unit, approx, commitment, quote) in enumerate(rows):
        Fact.objects.create(
            report=report,
            seq=seq,
            part=part,
            kind=kind,
            measure=measure,
            metric=metric,
            value=value,
            unit=unit,
            approx=approx,
            commitment=commitment,
            year=year,
            quote=quote,
            start=0,
            end=1,
        )
    return report


def _accept_all(proposals):
    return [
        {
            k: p[k]
            for k in ("fact", "name", "measure", "target_value", "unit", "qualifier", "area", "owner_unit")
        }
        for p in proposals
        if not p["linked"]
    ]


def test_report_targets_are_proposed_but_nothing_is_created_without_confirmation(plan):
    report = make_report(plan.town, plan.year)
    proposals = selectors.report_proposals(plan, report)
    assert [p["name"] for p in proposals] == ["地区生产总值", "一般公共预算收入", "工业应税销售"]
    assert proposals[1]["qualifier"] == "确保" and proposals[0]["measure"] == "growth"
    assert not plan.items.exists()


def test_accepted_proposals_become_items_linked_to_their_source_sentence(plan, org):
    report = make_report(plan.town, plan.year)
    accepted = _accept_all(selectors.report_proposals(plan, report))
    accepted[0]["name"] = "地区生产总值（GDP）"  # edited by the user
    created = services.report_import(plan=plan, accepted=accepted[:2], by=org.users["office"])
    assert len(created) == 2
    gdp = plan.items.get(name="地区生产总值（GDP）")
    assert gdp.source_fact.metric == "地区生产总值" and gdp.source_quote == "地区生产总值增长6%以上"
    assert gdp.history.first().history_user == org.users["office"]


def test_importing_twice_does_not_duplicate(plan, org):
    report = make_report(plan.town, plan.year)
    services.report_import(plan=plan, accepted=_accept_all(selectors.report_proposals(plan, report)), by=None)
    again = selectors.report_proposals(plan, report)
    assert all(p["linked"] for p in again)
    services.report_import(plan=plan, accepted=[{k: p[k] for k in ("fact", "name")} for p in again], by=None)
    assert plan.items.count() == 3


def test_a_report_from_another_town_cannot_be_imported(plan, org):
    other = make_report(org.towns[1], plan.year)
    with pytest.raises(PlanError):
        services.report_import(plan=plan, accepted=[{"fact": other.facts.first(), "name": "x"}], by=None)


def test_item_tree_rolls_progress_up_by_weight_with_override_beside(plan, units):
    task = services.item_create(
        plan=plan,
        kind=Item.Kind.TASK,
        name="园区扩容",
        owner_unit=units["jfb"],
        start_date=dt.date(plan.year, 1, 1),
        deadline=dt.date(plan.year, 12, 31),
    )
    a = services.item_create(plan=plan, parent=task, name="征地", weight=3, owner_unit=units["jfb"])
    b = services.item_create(plan=plan, parent=task, name="厂房", weight=1, owner_unit=units["jfb"])
    today = dt.date(plan.year, 7, 1)
    services.update_create(owner=a, date=today, text="完成", progress=100)
    services.update_create(owner=b, date=today, text="进行中", progress=20)
    services.item_override(item=b, progress=60, reason="县里已认可进度", by=None)
    [root] = selectors.item_tree(plan, today)
    assert root.progress == pytest.approx(90)  # (100*3 + 60*1) / 4, the override is used upward
    child_b = next(c for c in root.children if c.obj.pk == b.pk)
    assert child_b.progress == 20 and child_b.override == 60
    with pytest.raises(PlanError, match="理由"):
        services.item_override(item=b, progress=70, reason="", by=None)


def test_rollups_group_items_by_unit_and_by_leader(plan, units, org):
    services.item_create(plan=plan, name="A", owner_unit=units["jfb"], leader=org.users["leader"])
    services.item_create(plan=plan, name="B", owner_unit=units["nyb"])
    groups = selectors.rollups(selectors.item_tree(plan))
    assert {g.key for g in groups["unit"]} == {"经发办", "农业农村办"}
    assert {g.key for g in groups["leader"]} == {"镇长 林晓", "—"}


def test_a_problem_needing_help_turns_a_project_from_on_track_to_at_risk(plan, units):
    today = dt.date.today()
    p = services.project_create(
        plan=plan,
        name="光伏项目",
        owner_unit=units["jfb"],
        start_date=today - dt.timedelta(days=30),
        deadline=today + dt.timedelta(days=30),
    )
    services.update_create(owner=p, date=today, text="桩基完成", progress=55)
    row = selectors.project_row(selectors.project_queryset(plan).get(pk=p.pk), today)
    assert row.status == Status.ON_TRACK
    services.update_create(
        owner=p,
        date=today,
        text="停工",
        progress=55,
        problem="用地指标未落实",
        needs_help=True,
        help_from="县自然资源局",
    )
    row = selectors.project_row(selectors.project_queryset(plan).get(pk=p.pk), today)
    assert row.status == Status.AT_RISK


def test_project_stages_keep_their_dates_in_order_and_set_the_current_stage(plan):
    p = services.project_create(plan=plan, name="储能项目")
    services.project_stage_set(project=p, stage="lead", date=dt.date(2026, 1, 5))
    services.project_stage_set(project=p, stage="signed", date=dt.date(2026, 3, 5))
    assert Project.objects.get(pk=p.pk).stage == "signed"
    with pytest.raises(PlanError):
        services.project_stage_set(project=p, stage="negotiating", date=dt.date(2026, 4, 1))
    funnel = selectors.funnel(plan)
    assert funnel[0]["reached"] == 1 and funnel[2]["reached"] == 1 and funnel[3]["reached"] == 0


def test_a_target_behind_time_progress_is_at_risk(plan, units):
    t = services.item_create(
        plan=plan,
        kind=Item.Kind.TARGET,
        name="财政收入",
        measure="level",
        target_value=100,
        unit="万元",
        owner_unit=units["czs"],
    )
    services.update_create(owner=t, date=dt.date(plan.year, 7, 1), text="上半年", actual_value=20)
    [row] = selectors.item_tree(plan, dt.date(plan.year, 7, 2))
    assert row.status == Status.AT_RISK and row.progress == 20


def test_item_owner_unit_must_belong_to_the_plans_town(plan, org):
    other_unit = org.towns[1].units.first()
    with pytest.raises(PlanError):
        services.item_create(plan=plan, name="X", owner_unit=other_unit)
