"""Template schedules, moving milestones with their successors, baselines, slippage and the wall chart."""

from __future__ import annotations

import datetime as dt
import re

import pytest
from django.core.cache import cache
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from luoshi.lib.workdays import is_workday
from luoshi.plans import scheduling, services
from luoshi.plans.models import Milestone, MilestoneLink
from luoshi.plans.services import PlanError

D = dt.date


@pytest.fixture
def project(plan, units, org):
    return services.project_create(
        plan=plan, name="新材料产业园项目", owner_unit=units["jfb"], leader=org.users["leader"]
    )


@pytest.fixture
def scheduled(project, plan, org):
    """The industrial template laid out backwards from 投产 by the end of next year (spans two years)."""
    scheduling.project_schedule_apply(
        project=project,
        template="industrial",
        mode="backward",
        on=D(plan.year + 1, 12, 31),
        anchor="production",
        by=org.users["office"],
    )
    return project


def _ms(project, step):
    return Milestone.objects.get(project=project, step=step)


def test_confirming_a_backward_schedule_creates_linked_milestones_with_their_baseline(scheduled, plan):
    ms = list(scheduled.milestones.order_by("seq"))
    assert [m.step for m in ms] == [
        "sign", "register", "land", "permit", "start", "structure", "equipment", "production",
    ]  # fmt: skip
    production = _ms(scheduled, "production")
    assert production.planned_date <= D(plan.year + 1, 12, 31) and is_workday(production.planned_date)
    assert all(m.baseline_date == m.planned_date and m.baseline_start == m.planned_start for m in ms)
    assert (
        MilestoneLink.objects.filter(succ__project=scheduled).count() == 8
    )  # 7 in the chain + land∥register
    scheduled.refresh_from_db()
    assert scheduled.baselined_at and scheduled.template == "industrial"
    rows, slip = scheduling.project_schedule(scheduled, D(plan.year, 1, 2))
    assert slip == 0 and {r.slip for r in rows} == {0}


def test_a_template_cannot_be_applied_twice(scheduled, org):
    with pytest.raises(PlanError):
        scheduling.project_schedule_apply(
            project=scheduled, template="industrial", mode="forward", on=D(2026, 1, 5), by=org.users["office"]
        )


def test_unknown_template_or_anchor_is_refused(project):
    with pytest.raises(PlanError):
        scheduling.template_plan("nope", "backward", D(2026, 6, 30))
    with pytest.raises(PlanError):
        scheduling.template_plan("public_works", "backward", D(2026, 6, 30), anchor="production")


def test_moving_a_milestone_later_moves_its_successors_and_slippage_shows(scheduled, org, plan):
    permit = _ms(scheduled, "permit")
    later = permit.planned_date + dt.timedelta(days=21)
    preview = scheduling.milestone_move_preview(permit, later)
    assert Milestone.objects.get(pk=permit.pk).planned_date == permit.planned_date  # preview saves nothing
    moved = {mv.milestone.step for mv in preview}
    assert moved == {"permit", "start", "structure", "equipment", "production"}
    scheduling.milestone_move(milestone=permit, new_date=later, by=org.users["office"])
    production = _ms(scheduled, "production")
    assert production.planned_date > production.baseline_date
    _rows, slip = scheduling.project_schedule(scheduled, D(plan.year, 1, 2))
    assert slip >= 14  # three calendar weeks is at least 14 working days
    assert _ms(scheduled, "sign").planned_date == _ms(scheduled, "sign").baseline_date


def test_moving_before_a_predecessor_is_refused_naming_it(scheduled, org):
    permit = _ms(scheduled, "permit")
    with pytest.raises(PlanError, match="前置节点“(注册|供地/摘牌)”"):
        scheduling.milestone_move(
            milestone=permit, new_date=_ms(scheduled, "land").planned_date, by=org.users["office"]
        )
    assert Milestone.objects.get(pk=permit.pk).planned_date == permit.planned_date


def test_rebaselining_keeps_the_current_plan(scheduled, org):
    permit = _ms(scheduled, "permit")
    scheduling.milestone_move(milestone=permit, new_date=permit.planned_date + dt.timedelta(days=7), by=None)
    scheduling.project_baseline_set(project=scheduled, by=org.users["office"])
    assert all(m.baseline_date == m.planned_date for m in scheduled.milestones.all())


# --- Views: who may do what ------------------------------------------------------------------------


def test_office_previews_then_confirms_a_schedule_in_the_page(client_for, project, plan):
    c = client_for("office")
    url = reverse("plans:project_schedule", args=[project.pk])
    params = {
        "template": "industrial",
        "mode": "backward",
        "anchor": "production",
        "on": f"{plan.year}-12-31",
    }
    r = c.get(url, params)
    assert r.status_code == 200 and "设备安装" in r.text and not project.milestones.exists()
    r = c.post(url, {**params, "confirm": "1"})
    assert r.status_code == 302 and project.milestones.count() == 8


def test_bad_schedule_input_is_a_form_error_not_a_500(client_for, project):
    r = client_for("office").get(
        reverse("plans:project_schedule", args=[project.pk]), {"template": "x", "on": "2026-13-45"}
    )
    assert r.status_code == 200 and "errorlist" in r.text


def test_move_page_previews_successors_and_confirm_saves(client_for, scheduled):
    c = client_for("leader")
    start = _ms(scheduled, "start")
    url = reverse("plans:milestone_move", args=[start.pk])
    new = (start.planned_date + dt.timedelta(days=10)).isoformat()
    r = c.get(url, {"date": new})
    assert r.status_code == 200 and "主体完工" in r.text and "投产" in r.text
    r = c.post(url, {"date": new, "confirm": "1"})
    assert r.status_code == 302
    assert _ms(scheduled, "production").planned_date > _ms(scheduled, "production").baseline_date


def test_move_page_with_a_bad_date_is_400_naming_it(client_for, scheduled):
    r = client_for("office").get(
        reverse("plans:milestone_move", args=[_ms(scheduled, "start").pk]), {"date": "31/12/2026"}
    )
    assert r.status_code == 400 and "date" in r.text


@pytest.mark.parametrize("who,code", [("unit_jfb", 403), ("deputy", 403), ("county", 403), ("office_b", 403)])
def test_only_town_editors_may_schedule_move_or_rebaseline(client_for, scheduled, who, code):
    c = client_for(who)
    m = _ms(scheduled, "start")
    before = m.planned_date
    for url in (
        reverse("plans:project_schedule", args=[scheduled.pk]),
        reverse("plans:milestone_move", args=[m.pk]) + f"?date={before + dt.timedelta(days=30)}",
    ):
        assert c.get(url).status_code in (code, 404)
    r = c.post(
        reverse("plans:milestone_move", args=[m.pk]), {"date": before + dt.timedelta(days=30), "confirm": 1}
    )
    assert r.status_code in (code, 404)
    assert c.post(reverse("plans:project_baseline", args=[scheduled.pk])).status_code in (code, 404)
    assert Milestone.objects.get(pk=m.pk).planned_date == before


def test_another_towns_office_gets_404_for_the_schedule_and_the_move(client_for, scheduled):
    c = client_for("office_b")
    m = _ms(scheduled, "start")
    assert c.get(reverse("plans:project_schedule", args=[scheduled.pk])).status_code == 404
    r = c.post(reverse("plans:milestone_move", args=[m.pk]), {"date": "2030-01-01", "confirm": 1})
    assert r.status_code == 404
    assert Milestone.objects.get(pk=m.pk).planned_date == m.planned_date


# --- The wall chart --------------------------------------------------------------------------------


def test_wall_chart_spans_every_year_of_the_projects_and_draws_links_baseline_and_today(
    client_for, scheduled, plan
):
    r = client_for("office").get(reverse("plans:gantt", args=[plan.pk]))
    assert r.status_code == 200
    svg = r.text
    assert f">{plan.year}<" in svg and f">{plan.year + 1}<" in svg  # not clipped to the plan year
    assert svg.count('class="dep"') == 8 and 'class="base"' in svg and 'class="today"' in svg
    assert svg.count('class="ms-edit"') == 8  # editors get links to the move form


def test_wall_chart_is_read_only_for_unit_staff_and_deputies(client_for, scheduled, plan):
    for who in ("unit_jfb", "deputy", "county"):
        r = client_for(who).get(reverse("plans:gantt", args=[plan.pk]))
        assert r.status_code == 200 and "新材料产业园项目" in r.text
        assert "ms-edit" not in r.text and "wallchart.js" not in r.text


def test_wall_chart_groups_and_filters_from_the_address(client_for, scheduled, plan, units):
    services.project_create(
        plan=plan, name="无领导项目", owner_unit=units["nyb"], start_date=D(plan.year, 3, 1)
    )
    c = client_for("office")
    r = c.get(reverse("plans:gantt", args=[plan.pk]), {"group": "leader"})
    assert re.search(r'class="group-label"[^>]*>镇长 林晓<', r.text)  # the name, never the username
    assert re.search(r'class="group-label"[^>]*>未指定<', r.text)
    r = c.get(reverse("plans:gantt", args=[plan.pk]), {"unit": units["nyb"].pk, "group": "unit"})
    assert "无领导项目" in r.text and "新材料产业园项目" not in r.text
    assert c.get(reverse("plans:gantt", args=[plan.pk]), {"leader": "x"}).status_code == 400


def test_wall_chart_escapes_project_and_milestone_names(client_for, plan):
    p = services.project_create(plan=plan, name='<script>alert(1)</script>"&', start_date=D(plan.year, 2, 1))
    services.milestone_create(owner=p, name="<img src=x onerror=alert(2)>", planned_date=D(plan.year, 5, 1))
    r = client_for("office").get(reverse("plans:gantt", args=[plan.pk]))
    assert "<script>alert(1)" not in r.text and "<img src=x" not in r.text
    assert "&lt;script&gt;" in r.text


def test_wall_chart_queries_do_not_grow_with_projects(client_for, plan, org):
    c = client_for("office")
    url = reverse("plans:gantt", args=[plan.pk])

    def add(n):
        for i in range(n):
            p = services.project_create(plan=plan, name=f"项目{i}")
            scheduling.project_schedule_apply(
                project=p, template="livelihood", mode="forward", on=D(plan.year, 3, 2)
            )

    add(2)
    c.get(url)  # the first request also caches the scope in the session
    cache.clear()
    with CaptureQueriesContext(connection) as few:
        c.get(url)
    add(10)
    cache.clear()
    with CaptureQueriesContext(connection) as many:
        c.get(url)
    assert len(many) == len(few)


def test_the_cached_wall_chart_changes_as_soon_as_a_milestone_moves_or_is_done(
    client_for, scheduled, plan, org
):
    c = client_for("office")
    url = reverse("plans:gantt", args=[plan.pk])
    assert 'data-slip="0"' in c.get(url).text
    start = _ms(scheduled, "start")
    scheduling.milestone_move(milestone=start, new_date=start.planned_date + dt.timedelta(days=30), by=None)
    assert 'data-slip="0"' not in c.get(url).text and 'class="slip-late"' in c.get(url).text
    sign = _ms(scheduled, "sign")
    before = c.get(url).text.count('class="ms-edit"')
    services.milestone_complete(milestone=sign, actual_date=D(plan.year, 1, 2), by=org.users["office"])
    assert c.get(url).text.count('class="ms-edit"') == before - 1
    # an editor's cached chart is never served to a reader
    assert "ms-edit" not in client_for("deputy").get(url).text


def test_village_staff_cannot_open_the_wall_chart(client_for, plan):
    assert client_for("village").get(reverse("plans:gantt", args=[plan.pk])).status_code == 403
    assert client_for("office_b").get(reverse("plans:gantt", args=[plan.pk])).status_code == 404
