"""Co-handling units (协办单位): chosen at 派单, their staff may open the case and give an opinion, find
it in their 协办 queue, and the case never appears in their (or anyone's) other lists."""

from __future__ import annotations

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.db import connection
from django.test.utils import CaptureQueriesContext

from luoshi.cases import selectors, services, workflow
from luoshi.cases.models import Case, CaseAssist, CaseEvent, EventKind, Status
from luoshi.org.models import RoleAssignment, Unit, User
from luoshi.org.roles import Role
from luoshi.org.scoping import scope_of, visible

pytestmark = pytest.mark.django_db

PNG = b"\x89PNG\r\n\x1a\n" + b"\0" * 64


def unit_staff(username: str, *units: Unit) -> User:
    user = User.objects.create_user(username=username, password="x-long-password-1", full_name=username)
    for unit in units:
        RoleAssignment.objects.create(user=user, role=Role.UNIT, unit=unit)
    return user


@pytest.fixture
def zzzx_staff(places):
    """Staff of 综治中心: in most tests neither the lead nor a co-unit."""
    return unit_staff("zzzx_staff", places["zzzx"])


@pytest.fixture
def assisted(make_case, users, places):
    """A case led by 应急管理办 (persona "unit") with 经发办 (persona "unit_jfb") co-handling."""
    case = make_case(title="协办测试：路灯不亮")
    return services.case_dispatch(
        case=case, actor=users["office"], unit=places["yjb"], assist_units=[places["jfb"]]
    )


def numbers(user, queue: str) -> list[str]:
    return [c.number for c in selectors.case_list(user, {"queue": queue})]


# --- dispatch ---------------------------------------------------------------------------------


def test_dispatch_records_the_co_units_and_names_them_in_the_timeline(make_case, users, places):
    case = services.case_dispatch(
        case=make_case(),
        actor=users["office"],
        unit=places["yjb"],
        assist_units=[places["zzzx"], places["jfb"], places["jfb"]],
    )
    assert case.status == Status.DISPATCHED and case.unit == places["yjb"]
    rows = list(CaseAssist.objects.filter(case=case).order_by("unit_id"))
    assert [a.unit for a in rows] == sorted([places["jfb"], places["zzzx"]], key=lambda u: u.pk)
    assert all(a.added_by == users["office"] and a.answered_at is None and a.opinion == "" for a in rows)
    event = case.events.get(kind=EventKind.DISPATCH)
    assert event.data["assist_units"] == [{"id": a.unit_id, "name": a.unit.name} for a in rows]
    # audited: one creation record per co-unit, by the dispatcher
    records = CaseAssist.history.filter(case_id=case.pk)
    assert records.count() == 2
    assert {(r.history_type, r.history_user_id) for r in records} == {("+", users["office"].pk)}


def test_a_dispatch_without_co_units_records_none(make_case, users, places):
    case = services.case_dispatch(case=make_case(), actor=users["office"], unit=places["yjb"])
    assert not CaseAssist.objects.filter(case=case).exists()
    assert "assist_units" not in case.events.get(kind=EventKind.DISPATCH).data


def test_a_co_unit_must_be_an_active_unit_of_the_town_and_not_the_lead(make_case, users, places):
    case = make_case()
    with pytest.raises(services.Invalid) as other_town:
        services.case_dispatch(
            case=case, actor=users["office"], unit=places["yjb"], assist_units=[places["bailu_dzb"]]
        )
    assert "assist_units" in other_town.value.errors and "本乡镇" in other_town.value.message
    with pytest.raises(services.Invalid) as lead:
        services.case_dispatch(
            case=case, actor=users["office"], unit=places["yjb"], assist_units=[places["jfb"], places["yjb"]]
        )
    assert "assist_units" in lead.value.errors and places["yjb"].name in lead.value.errors["assist_units"]
    Unit.objects.filter(pk=places["zzzx"].pk).update(is_active=False)
    places["zzzx"].refresh_from_db()
    with pytest.raises(services.Invalid) as inactive:
        services.case_dispatch(
            case=case, actor=users["office"], unit=places["yjb"], assist_units=[places["zzzx"]]
        )
    assert "assist_units" in inactive.value.errors
    case.refresh_from_db()
    assert case.status == Status.RECEIVED and case.unit is None
    assert not CaseAssist.objects.filter(case=case).exists()


def test_redispatch_keeps_answered_co_units_and_drops_one_that_becomes_the_lead(make_case, users, places):
    nyb = Unit.objects.get(town=places["yunxi"], code="nyb")
    hbb = Unit.objects.get(town=places["yunxi"], code="hbb")
    case = services.case_dispatch(
        case=make_case(),
        actor=users["office"],
        unit=places["yjb"],
        assist_units=[places["jfb"], places["zzzx"], nyb],
    )
    services.case_assist_reply(case=case, actor=users["unit_jfb"], opinion="同意配合，已安排人员。")

    def co_units(case):
        return set(CaseAssist.objects.filter(case=case).values_list("unit__code", flat=True))

    # no choice given (bulk dispatch, callers that do not choose): the co-units stay
    case = services.case_dispatch(case=case, actor=users["office"], unit=places["yjb"])
    assert co_units(case) == {"jfb", "zzzx", "nyb"}
    # adding one keeps the others chosen again
    case = services.case_dispatch(
        case=case,
        actor=users["office"],
        unit=places["yjb"],
        assist_units=[places["jfb"], places["zzzx"], nyb, hbb],
    )
    assert co_units(case) == {"jfb", "zzzx", "nyb", "hbb"}
    # 改派 to 综治中心, choosing none: the answered 经发办 stays, the new lead and the unanswered others go
    case = services.case_dispatch(case=case, actor=users["office"], unit=places["zzzx"], assist_units=[])
    assert case.unit == places["zzzx"] and co_units(case) == {"jfb"}
    event = case.events.filter(kind=EventKind.REROUTE).latest("id")
    assert event.data["assist_units"] == [{"id": places["jfb"].pk, "name": places["jfb"].name}]
    assert {u["id"] for u in event.data["assist_removed"]} == {places["zzzx"].pk, nyb.pk, hbb.pk}
    # the answered co-unit becomes the lead: no longer a co-unit
    case = services.case_dispatch(case=case, actor=users["office"], unit=places["jfb"], assist_units=[])
    assert case.unit == places["jfb"] and co_units(case) == set()
    deleted = CaseAssist.history.filter(case_id=case.pk, unit_id=places["jfb"].pk, history_type="-")
    assert deleted.get().history_user == users["office"]


def test_the_first_dispatch_of_a_new_case_does_not_look_for_co_units(make_case, users, places):
    case = make_case()
    with CaptureQueriesContext(connection) as ctx:
        services.case_dispatch(case=case, actor=users["office"], unit=places["yjb"])
    assert not any("caseassist" in q["sql"].lower() for q in ctx.captured_queries)


# --- who may open the case -------------------------------------------------------------------


def test_co_unit_staff_open_the_case_and_its_attachments_but_other_units_get_404(
    client_for, assisted, users, zzzx_staff
):
    att = services.attachment_add(
        case=assisted,
        actor=users["office"],
        file=SimpleUploadedFile("现场.png", PNG, content_type="image/png"),
    )
    jfb = client_for("unit_jfb")
    page = jfb.get(f"/cases/{assisted.pk}/")
    assert page.status_code == 200
    body = page.content.decode()
    assert 'data-testid="assists"' in body and "经发办" in body and "待回复" in body
    assert 'data-action="assist_reply"' in body and 'data-action="sign"' not in body
    assert "/history/cases/case/" not in body  # the audit page checks the plain scope: no dead link
    # a co-unit gives its opinion to the lead unit and does not call the person back: masked phone
    assert "13812345678" not in body and "138****5678" in body
    assert jfb.get(f"/cases/attachments/{att.pk}/").status_code == 200
    api = jfb.get(f"/api/cases/{assisted.pk}").json()
    assert api["actions"] == ["assist_reply"]
    assert [a["unit"] for a in api["assists"]] == ["经发办"]
    assert api["contact_phone"] == "138****5678"

    other = client_for("zzzx_staff")
    assert other.get(f"/cases/{assisted.pk}/").status_code == 404
    assert other.get(f"/api/cases/{assisted.pk}").status_code == 404
    assert other.get(f"/cases/attachments/{att.pk}/").status_code == 404
    assert (
        other.post(f"/cases/{assisted.pk}/act/assist_reply/", {"assist_reply-opinion": "x"}).status_code
        == 404
    )
    # the lead unit and the office still see the audit link and the full number
    lead = client_for("unit").get(f"/cases/{assisted.pk}/").content.decode()
    assert "/history/cases/case/" in lead and "13812345678" in lead
    assert client_for("unit").get(f"/api/cases/{assisted.pk}").json()["contact_phone"] == "13812345678"


def test_opening_through_a_co_unit_is_a_subquery_that_returns_the_case_once(assisted, users, places):
    """A user of two co-units of one case: still one row, and only when a single case is asked for."""
    both = unit_staff("both", places["jfb"], places["zzzx"])
    services.case_dispatch(
        case=assisted, actor=users["office"], unit=places["yjb"], assist_units=[places["jfb"], places["zzzx"]]
    )
    opened = visible(Case.objects.filter(pk=assisted.pk), both, assisting=True)
    assert opened.count() == 1 and "cases_caseassist" in str(opened.query)
    assert selectors.get_case(both, assisted.pk) == assisted
    assert not visible(Case, both).filter(pk=assisted.pk).exists()
    # a user of several co-units answers for the first by unit id
    services.case_assist_reply(case=assisted, actor=both, opinion="两个站所的意见")
    answered = CaseAssist.objects.get(case=assisted, answered_at__isnull=False)
    assert answered.unit_id == min(places["jfb"].pk, places["zzzx"].pk)


def test_actor_kinds_name_co_unit_staff_assistants_but_not_the_lead(assisted, users, zzzx_staff):
    assert workflow.Actor.ASSISTANT in workflow.actor_kinds(assisted, scope_of(users["unit_jfb"]))
    lead = workflow.actor_kinds(assisted, scope_of(users["unit"]))
    assert workflow.Actor.HANDLER in lead and workflow.Actor.ASSISTANT not in lead
    assert workflow.actor_kinds(assisted, scope_of(zzzx_staff)) == set()
    assert workflow.Actor.ASSISTANT not in workflow.actor_kinds(assisted, scope_of(users["admin"]))


# --- queues ----------------------------------------------------------------------------------


def test_a_co_units_lists_stay_on_its_own_cases_and_its_assist_queue_holds_the_co_handled_ones(
    client_for, assisted, make_case, users, places
):
    jfb_user = users["unit_jfb"]
    own = services.case_dispatch(
        case=make_case(title="经发办自己的案件"), actor=users["office"], unit=places["jfb"]
    )
    for queue in ("all", "active", "to_sign", "in_progress", "near_due", "overdue"):
        assert assisted.number not in numbers(jfb_user, queue), queue
    assert own.number in numbers(jfb_user, "all")
    assert numbers(jfb_user, "assist") == [assisted.number]
    # the lists' queries never touch the co-unit table (it would cost them their indexes)
    assert "caseassist" not in str(selectors.case_list(jfb_user, {"queue": "all"}).query).lower()

    # a resolved case is no longer co-handling work
    done = services.case_dispatch(
        case=make_case(title="已办结的协办件"),
        actor=users["office"],
        unit=places["yjb"],
        assist_units=[places["jfb"]],
    )
    done = services.case_sign(case=done, actor=users["unit"])
    services.case_resolve(case=done, actor=users["unit"], reply="已处理")
    assert numbers(jfb_user, "assist") == [assisted.number]

    work = selectors.work_queues(jfb_user)
    assert work[:3] == ["to_sign", "in_progress", "assist"]
    counts = selectors.queue_counts(jfb_user, keys=work)
    assert counts["assist"] == 1 and counts["to_sign"] == 1
    assert "assist" not in selectors.queue_counts(jfb_user)  # only when asked for

    c = client_for("unit_jfb")
    page = c.get("/cases/", {"queue": "assist"}).content.decode()
    assert 'data-queue="assist">协办<span class="badge">1</span>' in page
    assert assisted.number in page
    assert assisted.number not in c.get("/cases/", {"queue": "all"}).content.decode()
    home = c.get("/").content.decode()
    assert 'data-queue="assist"' in home
    api = c.get("/api/cases/", {"queue": "assist"}).json()
    assert [item["id"] for item in api["items"]] == [assisted.pk]
    # the lead unit's and the office's queues are as before
    assert assisted.number in numbers(users["unit"], "to_sign")
    assert numbers(users["unit"], "assist") == []
    assert "assist" not in selectors.work_queues(users["office"])


# --- 协办意见 ----------------------------------------------------------------------------------


def test_co_unit_staff_give_their_opinion_with_a_timeline_entry_and_history(client_for, assisted, users):
    version = assisted.version
    case = services.case_assist_reply(
        case=assisted,
        actor=users["unit_jfb"],
        opinion="  该路段路灯属经发办管护，已安排维修。 ",
        version=version,
    )
    assert case.status == Status.DISPATCHED and case.version == version + 1
    row = CaseAssist.objects.get(case=case)
    assert row.opinion == "该路段路灯属经发办管护，已安排维修。"
    assert row.answered_by == users["unit_jfb"] and row.answered_at is not None
    event = CaseEvent.objects.get(case=case, kind=EventKind.ASSIST)
    assert event.public is False and event.actor == users["unit_jfb"]
    assert event.data["assist_unit_name"] == "经发办" and event.note == row.opinion
    change = CaseAssist.history.filter(id=row.pk).order_by("history_date", "history_id").last()
    assert change.history_type == "~" and change.history_user == users["unit_jfb"]
    assert change.opinion == row.opinion
    # the lead unit reads it on the case page; the public tracking page does not show it
    body = client_for("unit").get(f"/cases/{case.pk}/").content.decode()
    assert row.opinion in body and "待回复" not in body
    assert row.opinion not in client_for("unit").get(f"/cases/track/{case.tracking_code}/").content.decode()


def test_the_opinion_form_goes_through_the_page(client_for, assisted, users):
    resp = client_for("unit_jfb").post(
        f"/cases/{assisted.pk}/act/assist_reply/",
        {"assist_reply-opinion": "同意，已派人到场。", "assist_reply-version": assisted.version},
        HTTP_HX_REQUEST="true",
    )
    assert resp.status_code == 200 and "同意，已派人到场。" in resp.content.decode()
    assert CaseAssist.objects.get(case=assisted).answered_by == users["unit_jfb"]


def test_the_opinion_is_refused_to_the_lead_unit_and_to_everyone_else(
    client_for, assisted, users, zzzx_staff
):
    for actor in (users["unit"], users["office"], users["leader"], zzzx_staff, users["admin"]):
        with pytest.raises(services.NotAllowed):
            services.case_assist_reply(case=assisted, actor=actor, opinion="意见")
    with pytest.raises(services.Invalid) as empty:
        services.case_assist_reply(case=assisted, actor=users["unit_jfb"], opinion="  ")
    assert "opinion" in empty.value.errors
    lead = client_for("unit").post(
        f"/cases/{assisted.pk}/act/assist_reply/",
        {"assist_reply-opinion": "我是主办", "assist_reply-version": assisted.version},
        HTTP_HX_REQUEST="true",
    )
    assert lead.status_code == 403
    assert not CaseEvent.objects.filter(case=assisted, kind=EventKind.ASSIST).exists()
    assert not CaseAssist.objects.filter(case=assisted, answered_at__isnull=False).exists()
    # no longer open work: no opinion either
    case = services.case_sign(case=assisted, actor=users["unit"])
    case = services.case_resolve(case=case, actor=users["unit"], reply="已修复")
    with pytest.raises(services.NotAllowed):
        services.case_assist_reply(case=case, actor=users["unit_jfb"], opinion="迟到的意见")


# --- the dispatch form and the API --------------------------------------------------------------


def test_the_dispatch_form_offers_the_towns_units_with_the_current_co_units_ticked(
    client_for, assisted, places
):
    office = client_for("office")
    assert 'data-action="dispatch"' in office.get(f"/cases/{assisted.pk}/").content.decode()
    # the form loads when its button is opened (htmx GET of the action's URL)
    body = office.get(f"/cases/{assisted.pk}/act/dispatch/", HTTP_HX_REQUEST="true").content.decode()
    start = body.index('data-testid="assist-units"')
    form = body[start : body.index("</fieldset>", start)]
    inputs = form.split("<input")[1:]
    offered = {int(i.split('value="')[1].split('"')[0]) for i in inputs}
    town_units = set(Unit.objects.filter(town=places["yunxi"], is_active=True).values_list("pk", flat=True))
    assert offered == town_units and places["bailu_dzb"].pk not in offered
    ticked = [i for i in inputs if " checked" in i.split(">")[0]]
    assert len(ticked) == 1 and f'value="{places["jfb"].pk}"' in ticked[0]


def test_the_dispatch_form_sets_the_co_units(client_for, make_case, places):
    case = make_case()
    resp = client_for("office").post(
        f"/cases/{case.pk}/act/dispatch/",
        {
            "dispatch-unit": places["yjb"].pk,
            "dispatch-assist_units": [places["jfb"].pk, places["zzzx"].pk],
            "dispatch-version": case.version,
        },
        HTTP_HX_REQUEST="true",
    )
    assert resp.status_code == 200
    assert set(CaseAssist.objects.filter(case=case).values_list("unit_id", flat=True)) == {
        places["jfb"].pk,
        places["zzzx"].pk,
    }
    refused = client_for("office").post(
        f"/cases/{case.pk}/act/dispatch/",
        {
            "dispatch-unit": places["jfb"].pk,
            "dispatch-assist_units": [places["jfb"].pk],
            "dispatch-version": case.version + 1,
        },
        HTTP_HX_REQUEST="true",
    )
    assert refused.status_code == 400 and "承办站所不能同时是协办单位" in refused.content.decode()


def test_the_api_dispatches_with_co_units_and_takes_their_opinion(client_for, make_case, places):
    case = make_case()
    office = client_for("office")
    url = f"/api/cases/{case.pk}/transitions/dispatch"
    bad = office.post(
        url,
        {"unit_id": places["yjb"].pk, "assist_units": [places["bailu_dzb"].pk]},
        content_type="application/json",
    )
    assert bad.status_code == 422 and "assist_units" in bad.json()["errors"]
    unknown = office.post(
        url, {"unit_id": places["yjb"].pk, "assist_units": [999999]}, content_type="application/json"
    )
    assert unknown.status_code == 422 and "assist_units" in unknown.json()["errors"]
    ok = office.post(
        url,
        {"unit_id": places["yjb"].pk, "assist_units": [places["jfb"].pk]},
        content_type="application/json",
    )
    assert ok.status_code == 200
    assert [(a["unit"], a["answered_at"]) for a in ok.json()["assists"]] == [("经发办", None)]
    reply = client_for("unit_jfb").post(
        f"/api/cases/{case.pk}/transitions/assist_reply",
        {"opinion": "可以配合"},
        content_type="application/json",
    )
    assert reply.status_code == 200
    assert reply.json()["assists"][0]["opinion"] == "可以配合"
    assert reply.json()["timeline"][-1]["kind"] == "assist"
    lead = client_for("unit").post(
        f"/api/cases/{case.pk}/transitions/assist_reply", {"opinion": "x"}, content_type="application/json"
    )
    assert lead.status_code == 403
