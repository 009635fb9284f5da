"""Dispatch meetings: the agenda from what needs deciding, decisions tracked to done and carried over."""

from __future__ import annotations

import datetime as dt

import pytest
from django.urls import reverse
from django.utils import timezone

from luoshi.plans import meetings, scheduling, services
from luoshi.plans.models import Decision, Milestone, Update
from luoshi.plans.services import PlanError


@pytest.fixture
def setup(plan, units, org):
    today = timezone.localdate()
    office = org.users["office"]
    p = services.project_create(
        plan=plan, name="智能装备项目", owner_unit=units["jfb"], leader=org.users["leader"]
    )
    scheduling.project_schedule_apply(
        project=p, template="livelihood", mode="forward", on=today - dt.timedelta(days=30), by=office
    )
    late = p.milestones.order_by("seq").first()
    scheduling.milestone_move(milestone=late, new_date=late.planned_date + dt.timedelta(days=14), by=office)
    u = services.update_create(
        owner=p,
        date=today,
        text="土建推进",
        problem="施工用电未接通",
        needs_help=True,
        help_from="县供电公司",
        by=office,
    )
    other = services.project_create(plan=plan, name="别的单位项目", owner_unit=units["nyb"])
    services.update_create(owner=other, date=today, text="x", problem="缺资金", needs_help=True, by=office)
    return {"project": p, "update": u, "today": today, "office": office, "other": other}


def test_agenda_lists_projects_behind_baseline_due_milestones_and_open_problems(setup, plan, org):
    m = meetings.meeting_create(plan=plan, date=setup["today"], by=setup["office"])
    a = meetings.agenda(m)
    assert [(p.name, slip > 0) for p, slip in a.behind] == [("智能装备项目", True)]
    assert {u.problem for u in a.problems} == {"施工用电未接通", "缺资金"}
    assert all(setup["today"] <= ms.planned_date <= setup["today"] + dt.timedelta(days=14) for ms in a.due)
    # a leader's meeting only sees that leader's projects
    m2 = meetings.meeting_create(
        plan=plan, date=setup["today"], leader=org.users["leader"], by=setup["office"]
    )
    assert {u.problem for u in meetings.agenda(m2).problems} == {"施工用电未接通"}


def test_a_decision_is_carried_to_later_meetings_until_closed_and_closing_resolves_the_problem(
    setup, plan, units
):
    today, office = setup["today"], setup["office"]
    first = meetings.meeting_create(plan=plan, date=today - dt.timedelta(days=7), by=office)
    d = meetings.decision_create(
        meeting=first,
        text="协调县供电公司一周内接通施工用电",
        owner_unit=units["jfb"],
        deadline=today + dt.timedelta(days=3),
        update=setup["update"],
        by=office,
    )
    assert d.project == setup["project"]
    second = meetings.meeting_create(plan=plan, date=today, by=office)
    assert [x.pk for x in meetings.agenda(second).carried] == [d.pk]
    meetings.decision_close(decision=d, on=today, note="已接通", by=office)
    assert Update.objects.get(pk=setup["update"].pk).resolved_on == today
    # still listed (closed) at the meeting of that day, gone from any later one
    third = meetings.meeting_create(plan=plan, date=today + dt.timedelta(days=7), by=office)
    assert meetings.agenda(third).carried == []
    with pytest.raises(PlanError):
        meetings.decision_close(decision=d, on=today, note="again", by=office)


def test_decision_input_is_checked(setup, plan, org):
    m = meetings.meeting_create(plan=plan, date=setup["today"], by=setup["office"])
    from luoshi.org.models import Unit

    foreign = Unit.objects.exclude(town=plan.town).first()
    with pytest.raises(PlanError):
        meetings.decision_create(meeting=m, text="x", owner_unit=foreign, deadline=setup["today"])
    with pytest.raises(PlanError):
        meetings.decision_create(
            meeting=m,
            text="x",
            owner_unit=setup["project"].owner_unit,
            deadline=setup["today"] - dt.timedelta(days=1),
        )
    with pytest.raises(PlanError):
        meetings.decision_create(
            meeting=m, text="  ", owner_unit=setup["project"].owner_unit, deadline=setup["today"]
        )


def test_office_holds_a_meeting_and_records_a_decision_from_a_problem_in_the_pages(
    client_for, setup, plan, units
):
    c = client_for("office")
    r = c.post(
        reverse("plans:meetings", args=[plan.pk]), {"date": setup["today"].isoformat(), "chair": "镇长 林晓"}
    )
    assert r.status_code == 302
    url = r["Location"]
    page = c.get(url).text
    assert "施工用电未接通" in page and "智能装备项目" in page
    mid = int(url.rstrip("/").split("/")[-1])
    r = c.post(
        reverse("plans:decision_create", args=[mid]),
        {
            "text": "请县供电公司接电",
            "owner_unit": units["jfb"].pk,
            "deadline": (setup["today"] + dt.timedelta(days=5)).isoformat(),
            "update": setup["update"].pk,
            "project": setup["project"].pk,
        },
    )
    assert r.status_code == 302 and Decision.objects.filter(update=setup["update"]).count() == 1
    minutes = c.get(reverse("plans:meeting_print", args=[mid])).text
    assert "会议纪要" in minutes and "请县供电公司接电" in minutes and "镇长 林晓" in minutes


def test_unit_staff_close_their_units_decisions_only(client_for, setup, plan, units):
    m = meetings.meeting_create(plan=plan, date=setup["today"], by=setup["office"])
    mine = meetings.decision_create(meeting=m, text="a", owner_unit=units["jfb"], deadline=setup["today"])
    theirs = meetings.decision_create(meeting=m, text="b", owner_unit=units["nyb"], deadline=setup["today"])
    c = client_for("unit_jfb")
    assert c.post(reverse("plans:decision_close", args=[theirs.pk]), {"done_note": "x"}).status_code == 403
    assert c.post(reverse("plans:decision_close", args=[mine.pk]), {"done_note": "办好了"}).status_code == 302
    assert Decision.objects.get(pk=mine.pk).done_on and not Decision.objects.get(pk=theirs.pk).done_on


def test_outsiders_cannot_see_or_touch_meetings(client_for, setup, plan, units):
    m = meetings.meeting_create(plan=plan, date=setup["today"], by=setup["office"])
    d = meetings.decision_create(meeting=m, text="a", owner_unit=units["jfb"], deadline=setup["today"])
    for who, code in (("office_b", 404), ("deputy", 403), ("village", 403)):
        c = client_for(who)
        assert c.get(reverse("plans:meeting", args=[m.pk])).status_code == code
        assert c.get(reverse("plans:meeting_print", args=[m.pk])).status_code == code
        assert c.post(reverse("plans:decision_close", args=[d.pk]), {"done_note": "x"}).status_code == code
        assert c.post(reverse("plans:decision_create", args=[m.pk]), {"text": "x"}).status_code == code
    # unit staff read the meeting but may not record decisions or create meetings
    c = client_for("unit_jfb")
    assert c.get(reverse("plans:meeting", args=[m.pk])).status_code == 200
    assert c.post(reverse("plans:decision_create", args=[m.pk]), {"text": "x"}).status_code == 403
    assert c.post(reverse("plans:meetings", args=[plan.pk]), {"date": "2026-01-05"}).status_code == 403
    assert Decision.objects.filter(meeting=m).count() == 1 and not Decision.objects.get(pk=d.pk).done_on


def test_bad_meeting_and_decision_input_names_the_field(client_for, setup, plan):
    c = client_for("office")
    r = c.post(reverse("plans:meetings", args=[plan.pk]), {"date": "not-a-date"})
    assert r.status_code == 200 and "errorlist" in r.text
    m = meetings.meeting_create(plan=plan, date=setup["today"], by=setup["office"])
    r = c.post(
        reverse("plans:decision_create", args=[m.pk]), {"text": "x", "update": "99999999999"}, follow=True
    )
    assert r.status_code == 200 and "责任单位" in r.text
    assert Milestone.objects.filter(project=setup["project"]).exists()
