"""What a new user tripped over on plan pages: money, qualifiers, statuses, the dispatch list, the county
home panel and the choice of 序时进度."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal
from io import BytesIO

import pytest
from django.urls import reverse
from openpyxl import load_workbook

from luoshi.plans import selectors as sel
from luoshi.plans import services
from luoshi.plans.models import Item, LivelihoodProject, LivelihoodRound, Plan, Project
from luoshi.plans.status import Status

pytestmark = pytest.mark.django_db


@pytest.fixture
def targets(plan, units):
    """Targets as the report reader proposes them: money in yuan, qualifiers as stored."""
    money = services.item_create(
        plan=plan,
        name="固定资产投资",
        measure="level",
        target_value=750_000_000,
        unit="元",
        owner_unit=units["jfb"],
    )
    trips = services.item_create(
        plan=plan,
        name="外出招商",
        measure="level",
        target_value=12,
        unit="次",
        qualifier="不少于",
        owner_unit=units["jfb"],
    )
    services.update_create(owner=money, date=dt.date.today(), text="截至上月", actual_value=325_000_000)
    return money, trips


def test_money_and_qualifiers_read_as_chinese_on_board_print_and_export(plan, targets, client_for):
    c = client_for("office")
    for name in ("plans:board", "plans:print"):
        page = c.get(reverse(name, args=[plan.pk])).content.decode()
        assert "7.5亿元" in page and "3.25亿元" in page, name
        assert "不少于12次" in page, name
        assert "e+08" not in page and "12次不少于" not in page, name
    wb = load_workbook(BytesIO(c.get(reverse("plans:export", args=[plan.pk])).content))
    targets_col = [row[4] for row in wb["指标与重点工作"].iter_rows(min_row=2, values_only=True)]
    assert "7.5亿元" in targets_col and "不少于12次" in targets_col


def test_a_key_task_whose_subtasks_are_all_done_is_done(plan, units):
    today = dt.date(plan.year, 9, 1)
    task = services.item_create(
        plan=plan,
        kind=Item.Kind.TASK,
        name="人居环境整治",
        owner_unit=units["nyb"],
        start_date=dt.date(plan.year, 1, 1),
        deadline=dt.date(plan.year, 12, 31),
    )
    for name in ("改厕", "垃圾分类"):
        child = services.item_create(plan=plan, parent=task, name=name, owner_unit=units["nyb"])
        services.update_create(owner=child, date=dt.date(plan.year, 8, 1), text="完成", progress=100)
    (row,) = sel.item_tree(plan, today)
    assert row.progress == 100
    assert row.status == Status.DONE  # was 滞后预警: the task itself had no report of its own


def test_a_project_still_negotiating_at_100_percent_is_not_done(plan, units):
    today = dt.date.today()
    p = services.project_create(
        plan=plan,
        name="新材料项目",
        kind=Project.Kind.INVESTMENT,
        owner_unit=units["jfb"],
        start_date=today - dt.timedelta(days=60),
        deadline=today + dt.timedelta(days=60),
        stage_dates={"lead": today - dt.timedelta(days=50), "negotiating": today - dt.timedelta(days=20)},
    )
    services.update_create(owner=p, date=today, text="谈判材料已全部报送", progress=100)
    row = sel.project_row(sel.project_queryset(plan).get(pk=p.pk), today)
    assert row.status != Status.DONE and row.status_label != "已完成"
    services.project_stage_set(project=p, stage="producing", date=today)
    row = sel.project_row(sel.project_queryset(plan).get(pk=p.pk), today)
    assert row.status == Status.DONE


def test_a_candidate_not_elected_has_no_implementation_status_in_the_export(plan, units, org, client_for):
    r = services.round_create(plan=plan, seats=1, by=org.users["office"])
    LivelihoodRound.objects.filter(pk=r.pk).update(phase="implementing")
    kw = {"round": r, "owner_unit": units["shsw"], "deadline": dt.date(plan.year, 1, 31)}
    LivelihoodProject.objects.create(name="当选项目", budget=Decimal(100), adopted=True, **kw)
    LivelihoodProject.objects.create(name="落选项目", budget=Decimal(80), adopted=False, **kw)
    rows = {row.obj.name: row for row in sel.round_candidates(r, dt.date(plan.year, 6, 1))}
    assert rows["落选项目"].status is None and rows["落选项目"].status_label == "未当选"
    assert rows["当选项目"].status == Status.NOT_STARTED
    wb = load_workbook(BytesIO(client_for("office").get(reverse("plans:export", args=[plan.pk])).content))
    statuses = {row[0]: row[9] for row in wb["民生实事"].iter_rows(min_row=2, values_only=True)}
    assert statuses == {"当选项目": "未开始", "落选项目": "未当选"}


def test_the_dispatch_lists_only_this_and_next_weeks_milestones_as_due(plan, units, client_for):
    today = dt.date.today()
    monday = today - dt.timedelta(days=today.weekday())
    p = services.project_create(plan=plan, name="光伏项目", owner_unit=units["jfb"])
    services.milestone_create(owner=p, name="一月节点", planned_date=monday - dt.timedelta(days=40))
    services.milestone_create(owner=p, name="本周节点", planned_date=monday + dt.timedelta(days=2))
    services.milestone_create(owner=p, name="下周节点", planned_date=monday + dt.timedelta(days=9))
    services.milestone_create(owner=p, name="远期节点", planned_date=monday + dt.timedelta(days=20))
    d = sel.dispatch(plan, today)
    assert [m.name for m in d["due"]] == ["本周节点", "下周节点"]
    assert [m.name for m in d["overdue"]] == ["一月节点"]
    page = client_for("office").get(reverse("plans:dispatch", args=[plan.pk])).content.decode()
    due = page.split('data-testid="due-milestones"')[1].split("</section>")[0]
    late = page.split('data-testid="overdue-milestones"')[1].split("</section>")[0]
    assert "一月节点" not in due and "本周节点" in due and "一月节点" in late


def test_the_county_home_shows_one_plan_row_per_town(plan, org, units, client_for):
    _yunxi, bailu = org.towns
    other = services.plan_create(town=bailu, year=plan.year)
    services.item_create(plan=other, name="粮食产量", measure="level", target_value=100, unit="吨")
    page = client_for("county").get("/").content.decode()
    table = page.split('data-testid="plan-towns"')[1].split("</table>")[0]
    assert plan.town.name in table and bailu.name in table
    # A town's own staff keep the single-plan panel of their town.
    page = client_for("office").get("/").content.decode()
    assert 'data-testid="plan-towns"' not in page and bailu.name not in page


def test_the_working_day_time_progress_can_be_chosen_by_the_towns_managers(plan, client_for):
    url = reverse("plans:time_progress", args=[plan.pk])
    assert client_for("unit").post(url, {"time_progress": "workdays"}).status_code == 403
    assert client_for("office_b").post(url, {"time_progress": "workdays"}).status_code == 404
    board = client_for("office").get(reverse("plans:board", args=[plan.pk])).content.decode()
    assert 'name="time_progress"' in board and 'value="workdays"' in board
    client_for("office").post(url, {"time_progress": "bogus"})
    plan.refresh_from_db()
    assert plan.time_progress == Plan.TimeProgress.MONTHS
    client_for("office").post(url, {"time_progress": "workdays"})
    plan.refresh_from_db()
    assert plan.time_progress == Plan.TimeProgress.WORKDAYS
    day = dt.date(plan.year, 2, 20)
    assert sel.plan_time_progress(plan, day) == pytest.approx(
        sel.plan_time_progress(plan, day, method="workdays")
    )
    assert sel.plan_time_progress(plan, day) != sel.plan_time_progress(plan, day, method="months")
