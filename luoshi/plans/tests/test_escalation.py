"""请示上级协调: a project's problem escalated to the county, answered in the case engine, the reply
shown back on the project, the update and the dispatch agenda; the attacks on it."""

from __future__ import annotations

import datetime as dt

import pytest
from django.db import connection
from django.urls import reverse
from django.utils import timezone

from luoshi.cases import services as case_services
from luoshi.cases.models import Case
from luoshi.plans import escalation, meetings, services
from luoshi.plans.models import Update
from luoshi.plans.services import PlanError


@pytest.fixture
def problem(plan, units, org):
    p = services.project_create(plan=plan, name="新材料产业园项目", owner_unit=units["jfb"])
    u = services.update_create(
        owner=p,
        date=timezone.localdate(),
        text="主体施工",
        problem="110千伏线路迁改需县供电公司协调",
        needs_help=True,
        help_from="县供电公司",
        by=org.users["office"],
    )
    return u


def _escalate(client, update, text="请县里协调供电公司"):
    return client.post(reverse("plans:update_escalate", args=[update.pk]), {"text": text})


def test_the_office_escalates_a_problem_which_becomes_a_county_case_with_a_deadline(problem, client_for, org):
    resp = _escalate(client_for("office"), problem)
    assert resp.status_code == 302
    problem.refresh_from_db()
    case = problem.case
    assert case.case_type.code == escalation.CASE_TYPE and case.town_id == problem.plan.town_id
    assert "110千伏线路迁改" in case.content and "请县里协调供电公司" in case.content
    # 10 working days from filing (SLA policy seeded with the type), so at least 12 calendar days
    assert case.due_at is not None and case.due_at - case.received_at >= dt.timedelta(days=12)
    # escalating twice is refused
    with pytest.raises(PlanError):
        escalation.update_escalate(update=problem, by=org.users["leader"])


def test_the_county_replies_in_the_case_engine_and_the_reply_returns_to_the_project(problem, client_for, org):
    _escalate(client_for("office"), problem)
    problem.refresh_from_db()
    case = problem.case
    # the town cannot answer its own request
    with pytest.raises(case_services.CaseError):
        case_services.case_self_handle(case=case, actor=org.users["office"], reply="自己答复")
    page = client_for("office").get(reverse("plans:project", args=[problem.project_id]))
    assert "等待县里答复" in page.content.decode()
    # the county answers through the case page's 直办 action (the case engine's own view)
    resp = client_for("county").post(
        reverse("cases:action", args=[case.pk, "self_handle"]),
        {
            "self_handle-reply": "已协调县供电公司，本月20日前完成迁改。联系人电话13912345678",
            "self_handle-version": case.version,
        },
    )
    assert resp.status_code == 302
    case.refresh_from_db()
    assert case.resolved_at is not None
    body = client_for("office").get(reverse("plans:project", args=[problem.project_id])).content.decode()
    assert "县里已答复" in body and "本月20日前完成迁改" in body
    assert "13912345678" not in body and "139****5678" in body  # numbers in the reply masked
    # on the next dispatch meeting's agenda until the town marks the problem resolved
    m = meetings.meeting_create(plan=problem.plan, date=timezone.localdate(), by=org.users["office"])
    agenda = meetings.agenda(m)
    assert [u.pk for u in agenda.problems if u.project_id == problem.project_id] == [problem.pk]
    meeting_page = client_for("leader").get(reverse("plans:meeting", args=[m.pk])).content.decode()
    assert "本月20日前完成迁改" in meeting_page
    services.update_resolve(update=problem, on=timezone.localdate(), by=org.users["office"])
    assert problem.pk not in [u.pk for u in meetings.agenda(m).problems]


@pytest.mark.parametrize("who", ["unit", "deputy", "county"])
def test_only_the_towns_leaders_and_office_escalate(problem, client_for, who):
    resp = _escalate(client_for(who), problem)
    assert resp.status_code == 403
    assert Update.objects.get(pk=problem.pk).case_id is None


def test_a_village_cadre_cannot_escalate_nor_see(problem, client_for, org):
    assert _escalate(client_for("village"), problem).status_code == 403
    with pytest.raises(PlanError):
        escalation.update_escalate(update=problem, by=org.users["village"])
    assert Update.objects.get(pk=problem.pk).case_id is None


def test_another_town_can_neither_escalate_nor_see_the_case(problem, client_for, org):
    assert _escalate(client_for("office_b"), problem).status_code == 404
    with pytest.raises(PlanError):
        escalation.update_escalate(update=problem, by=org.users["office_b"])
    _escalate(client_for("office"), problem)
    problem.refresh_from_db()
    other = client_for("office_b")
    assert other.get(reverse("cases:detail", args=[problem.case_id])).status_code == 404
    assert other.get(reverse("plans:project", args=[problem.project_id])).status_code == 404
    resp = other.post(
        reverse("cases:action", args=[problem.case_id, "self_handle"]),
        {"self_handle-reply": "x", "self_handle-version": 1},
    )
    assert resp.status_code == 404
    assert Case.objects.get(pk=problem.case_id).resolved_at is None


def test_anonymous_gets_nothing(problem, client, client_for):
    _escalate(client_for("office"), problem)
    problem.refresh_from_db()
    for url in (
        reverse("plans:update_escalate", args=[problem.pk]),
        reverse("cases:detail", args=[problem.case_id]),
        reverse("plans:project", args=[problem.project_id]),
    ):
        resp = client.get(url)
        assert resp.status_code in (302, 405) and b"110" not in resp.content


def test_only_open_problems_are_escalated(problem, org):
    office = org.users["office"]
    plain = services.update_create(owner=problem.project, date=timezone.localdate(), text="正常", by=office)
    with pytest.raises(PlanError):
        escalation.update_escalate(update=plain, by=office)
    services.update_resolve(update=problem, on=timezone.localdate(), by=office)
    with pytest.raises(PlanError):
        escalation.update_escalate(update=problem, by=office)


def test_the_link_is_one_row_per_case_in_plain_sql(problem, org):
    escalation.update_escalate(update=problem, by=org.users["office"])
    with connection.cursor() as cur:
        cur.execute("select count(*) from plans_update where case_id is not null")
        assert cur.fetchone()[0] == 1
