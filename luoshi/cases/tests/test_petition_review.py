"""Petition review (信访 复查 → 复核 → 三级终结): 30-day windows, who records what, pages, scoping, KPIs."""

from __future__ import annotations

import datetime as dt
from unittest import mock

import pytest
from django.utils import timezone

from luoshi.cases import kpis, services, workflow
from luoshi.cases.models import Case, CaseEvent, CaseMonthlyStat, EventKind, ReviewState, Status
from luoshi.org.scoping import scope_of

pytestmark = pytest.mark.django_db

T0 = timezone.make_aware(dt.datetime(2025, 6, 2, 10))  # the written reply (办结)


def day(n, hh=10):
    return T0 + dt.timedelta(days=n, hours=hh - 10)


def frozen(when):
    return mock.patch("luoshi.cases.services._now", return_value=when)


@pytest.fixture
def petition(make_case, users, places):
    """A petition answered in writing on T0 and closed (rated 不满意: petitions do not reopen)."""
    with frozen(T0 - dt.timedelta(days=20)):
        case = make_case(
            "petition", title="反映征地补偿款未到位", content="道路拓宽征地补偿款至今未足额发放。"
        )
        case = services.case_dispatch(case=case, actor=users["office"], unit=places["yjb"])
        case = services.case_sign(case=case, actor=users["unit"])
    with frozen(T0):
        case = services.case_resolve(case=case, actor=users["unit"], reply="经核实，补偿款已按标准发放。")
    with frozen(day(1)):
        case = services.case_feedback(case=case, actor=users["office"], rating="unsatisfied", reason="不认可")
    assert case.status == Status.CLOSED
    return case


def request(case, actor, when, reason="对答复不服", **kw):
    with frozen(when):
        return services.case_request_review(case=case, actor=actor, reason=reason, **kw)


def decide(case, actor, when, decision="uphold", note="经复查，维持原答复意见。"):
    with frozen(when):
        return services.case_record_review_decision(case=case, actor=actor, decision=decision, note=note)


def kpi_figures():
    cases = Case.objects.all()
    return (
        [(k.key, k.numerator, k.denominator) for k in kpis.all_kpis(cases, now=day(200))],
        sorted(
            CaseMonthlyStat.objects.values_list(
                "case_type_id", "n", "resolved", "on_time", "rated", "satisfied"
            )
        ),
    )


# --- services --------------------------------------------------------------------------------------


def test_the_full_chain_review_then_re_review_then_final(petition, users):
    before = kpi_figures()
    history = petition.history.count()

    case = request(petition, users["office"], day(10), requester="王建国")
    assert (case.review_level, case.review_state) == (1, ReviewState.REQUESTED)
    assert case.status == Status.CLOSED and case.stage == "closed"  # the town's handling stays done
    assert timezone.localtime(case.review_due_at).date() == dt.date(2025, 7, 12)  # 30 calendar days
    event = case.events.get(kind=EventKind.REVIEW_REQUEST)
    assert event.public and event.note == "对答复不服"
    assert event.data["requester"] == "王建国" and event.data["level"] == 1
    assert event.actor == users["office"]

    case = decide(case, users["leader"], day(30))
    assert case.review_state == ReviewState.DECIDED and case.review_decision == "uphold"
    assert case.events.get(kind=EventKind.REVIEW_DECISION).data["on_time"] is True

    case = request(case, users["office"], day(55), reason="对复查意见不服")  # 25 days after the decision
    assert (case.review_level, case.review_state) == (2, ReviewState.REQUESTED)
    assert case.events.filter(kind=EventKind.REREVIEW_REQUEST).count() == 1
    case = decide(case, users["office"], day(70), decision="change", note="经复核，变更复查意见。")
    assert workflow.review_final(case)
    assert case.events.get(kind=EventKind.REREVIEW_DECISION).data["final"] is True

    assert case.history.count() == history + 4  # every step audited
    assert kpi_figures() == before  # a review does not reopen KPI counting
    assert case.status == Status.CLOSED and case.resolved_at == T0


def test_review_can_be_asked_on_the_last_day_of_the_window(petition, users):
    last = timezone.make_aware(dt.datetime(2025, 7, 2, 23, 30))  # T0 + 30 days, late evening
    assert request(petition, users["office"], last).review_level == 1


def test_review_is_refused_after_30_days(petition, users):
    with pytest.raises(services.NotAllowed) as exc:
        request(petition, users["office"], day(31))
    assert "已超过申请复查的期限" in exc.value.message and "2025-07-02" in exc.value.message
    petition.refresh_from_db()
    assert petition.review_level == 0 and not petition.events.filter(kind=EventKind.REVIEW_REQUEST).exists()


def test_re_review_window_counts_from_the_review_decision(petition, users):
    case = decide(request(petition, users["office"], day(5)), users["leader"], day(20))
    with pytest.raises(services.NotAllowed) as exc:
        request(case, users["office"], day(51))
    assert "已超过申请复核的期限" in exc.value.message and "复查决定" in exc.value.message


def test_nothing_more_is_accepted_after_re_review(petition, users):
    case = decide(request(petition, users["office"], day(5)), users["leader"], day(20))
    case = decide(request(case, users["office"], day(25)), users["leader"], day(40))
    with pytest.raises(services.NotAllowed) as exc:
        request(case, users["office"], day(41))
    assert exc.value.message == "该信访事项已经复核，不再受理（三级终结）。"
    assert "request_review" not in [t.name for t in workflow.available(case, scope_of(users["office"]))]


def test_a_second_request_waits_for_the_decision(petition, users):
    case = request(petition, users["office"], day(5))
    with pytest.raises(services.NotAllowed) as exc:
        request(case, users["office"], day(6))
    assert "复查申请尚未作出决定" in exc.value.message


def test_a_decision_needs_a_pending_request_a_valid_result_and_its_text(petition, users):
    with pytest.raises(services.NotAllowed) as exc:
        decide(petition, users["office"], day(5))
    assert exc.value.message == "没有待决定的复查/复核申请。"
    case = request(petition, users["office"], day(5))
    with pytest.raises(services.Invalid):
        decide(case, users["office"], day(6), decision="overturn")
    with pytest.raises(services.Invalid):
        decide(case, users["office"], day(6), note="")


def test_only_petitions_are_reviewed(make_case, users, places):
    case = make_case()
    case = services.case_dispatch(case=case, actor=users["office"], unit=places["yjb"])
    case = services.case_sign(case=case, actor=users["unit"])
    case = services.case_resolve(case=case, actor=users["unit"], reply="已修复")
    with pytest.raises(services.NotAllowed):
        services.case_request_review(case=case, actor=users["office"], reason="不服")


def test_an_unanswered_petition_cannot_be_reviewed(make_case, users):
    case = make_case("petition")
    with pytest.raises(services.NotAllowed) as exc:
        services.case_request_review(case=case, actor=users["office"], reason="不服")
    assert "不能申请复查/复核" in exc.value.message


def test_only_the_town_office_records_requests_and_office_or_leader_decisions(petition, users):
    for who in ("unit", "village", "grid", "deputy", "office_b"):
        with pytest.raises(services.NotAllowed):
            request(petition, users[who], day(5))
    case = request(petition, users["office"], day(5))
    for who in ("unit", "village", "office_b"):
        with pytest.raises(services.NotAllowed) as exc:
            decide(case, users[who], day(6))
        assert "无权" in exc.value.message
    assert decide(case, users["leader"], day(6)).review_state == ReviewState.DECIDED


def test_a_late_decision_is_marked(petition, users):
    case = decide(request(petition, users["office"], day(5)), users["office"], day(40))
    assert case.events.get(kind=EventKind.REVIEW_DECISION).data["on_time"] is False


# --- pages -----------------------------------------------------------------------------------------


def test_the_office_requests_review_on_the_detail_page(client_for, petition):
    c = client_for("office")
    page = c.get(f"/cases/{petition.pk}/").content.decode()
    assert 'data-action="request_review"' not in page  # T0 is long past: the window has closed
    with frozen(day(3)):
        resp = c.post(
            f"/cases/{petition.pk}/act/request_review/",
            {
                "request_review-requester": "王建国",
                "request_review-reason": "补偿标准认定有误",
                "request_review-version": petition.version,
            },
            HTTP_HX_REQUEST="true",
        )
    assert resp.status_code == 200
    body = resp.content.decode()
    assert "复查待决定" in body and "补偿标准认定有误" in body and "王建国" in body
    assert 'data-action="record_review_decision"' in body and "登记复查决定" in body


def test_the_request_form_is_offered_within_the_window(client_for, make_case, users, places):
    case = make_case("petition")
    case = services.case_dispatch(case=case, actor=users["office"], unit=places["yjb"])
    case = services.case_sign(case=case, actor=users["unit"])
    case = services.case_resolve(case=case, actor=users["unit"], reply="已书面答复")
    page = client_for("office").get(f"/cases/{case.pk}/").content.decode()
    assert 'data-action="request_review"' in page and "申请复查" in page
    assert 'data-testid="review-window"' in page
    village_page = client_for("village").get(f"/cases/{case.pk}/").content.decode()
    assert 'data-testid="review"' in village_page and 'data-action="request_review"' not in village_page


def test_a_late_request_through_the_page_is_refused_with_the_reason(client_for, petition):
    with frozen(day(31)):
        resp = client_for("office").post(
            f"/cases/{petition.pk}/act/request_review/",
            {"request_review-reason": "不服", "request_review-version": petition.version},
            HTTP_HX_REQUEST="true",
        )
    assert resp.status_code == 403
    assert "已超过申请复查的期限" in resp.content.decode()
    assert Case.objects.get(pk=petition.pk).review_level == 0


def test_a_final_petition_says_so_on_both_pages(client, client_for, petition, users):
    case = decide(request(petition, users["office"], day(5)), users["leader"], day(20))
    case = decide(request(case, users["office"], day(25)), users["leader"], day(40))
    page = client_for("office").get(f"/cases/{case.pk}/").content.decode()
    assert 'data-testid="review-final"' in page and "已复核，不再受理" in page
    assert 'data-action="request_review"' not in page
    track = client.get(f"/cases/track/{case.tracking_code}/").content.decode()
    assert "已复核，不再受理" in track and "复核决定" in track and "维持" in track


def test_the_tracking_page_shows_the_request_without_the_requester(client, petition, users):
    request(petition, users["office"], day(5), requester="王建国")
    track = client.get(f"/cases/track/{petition.tracking_code}/").content.decode()
    assert "复查待决定" in track and "申请复查" in track and "决定期限 2025-07-07" in track
    assert "王建国" not in track and "王**" in track


def test_the_record_decision_form_through_the_page(client_for, petition, users):
    case = request(petition, users["office"], day(5))
    with frozen(day(9)):
        resp = client_for("leader").post(
            f"/cases/{case.pk}/act/record_review_decision/",
            {
                "record_review_decision-decision": "revoke",
                "record_review_decision-note": "撤销原答复，责成重新办理。",
                "record_review_decision-version": case.version,
            },
        )
    assert resp.status_code == 302
    case.refresh_from_db()
    assert case.review_decision == "revoke" and case.status == Status.CLOSED
    page = client_for("office").get(f"/cases/{case.pk}/").content.decode()
    assert "复查决定：<strong>撤销</strong>" in page


# --- scoping and the API ---------------------------------------------------------------------------


def test_other_villages_and_towns_see_no_review(client_for, petition, users):
    request(petition, users["office"], day(5))
    for persona in ("village2", "office_b"):
        c = client_for(persona)
        assert c.get(f"/cases/{petition.pk}/").status_code == 404
        resp = c.post(
            f"/api/cases/{petition.pk}/transitions/record_review_decision",
            {"decision": "uphold", "note": "x"},
            content_type="application/json",
        )
        assert resp.status_code == 404
    assert not CaseEvent.objects.filter(case=petition, kind=EventKind.REVIEW_DECISION).exists()


def test_the_api_fires_both_steps(client_for, petition):
    c = client_for("office")
    with frozen(day(5)):
        resp = c.post(
            f"/api/cases/{petition.pk}/transitions/request_review",
            {"reason": "不服", "requester": "王建国"},
            content_type="application/json",
        )
    assert resp.status_code == 200 and resp.json()["actions"] == ["record_review_decision"]
    with frozen(day(6)):
        resp = c.post(
            f"/api/cases/{petition.pk}/transitions/record_review_decision",
            {"decision": "uphold", "note": "维持"},
            content_type="application/json",
        )
    assert resp.status_code == 200
    assert [e["kind"] for e in resp.json()["timeline"]][-2:] == ["review_req", "review_dec"]


def test_the_town_office_follows_requests_awaiting_a_decision_in_its_own_queue(petition, users, client_for):
    from luoshi.cases import selectors

    office = users["office"]
    assert selectors.queue_counts(office, keys=["review_pending"]) == {"review_pending": 0}
    request(petition, office, day(10))
    assert [c.pk for c in selectors.case_list(office, {"queue": "review_pending"})] == [petition.pk]
    assert selectors.queue_counts(office, keys=["review_pending"]) == {"review_pending": 1}
    page = client_for("office").get("/cases/?queue=review_pending").content.decode()
    assert petition.number in page and "复查复核待决定" in page
    # another town's office does not see it; once decided it leaves the queue
    assert not selectors.case_list(users["office_b"], {"queue": "review_pending"}).exists()
    decide(Case.objects.get(pk=petition.pk), office, day(30))
    assert selectors.queue_counts(office, keys=["review_pending"]) == {"review_pending": 0}
    assert not selectors.case_list(office, {"queue": "review_pending"}).exists()
