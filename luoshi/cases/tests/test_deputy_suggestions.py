"""Deputies as users of the case engine: file a suggestion with co-signers (附议), follow it, rate the reply.

The scoping promises are tested as attacks: another deputy, a co-signer, another town's deputy and
staff, guessed ids of other case types, the page and the API.
"""

from __future__ import annotations

import datetime as dt
import json
from unittest import mock

import pytest
from django.test import Client
from django.utils import timezone

from luoshi.cases import kpis, selectors, services
from luoshi.cases.models import Case, CaseCosigner, EventKind, Outcome, Rating, Status
from luoshi.org.models import RoleAssignment, Town, Unit, User
from luoshi.org.roles import Role

pytestmark = pytest.mark.django_db


def _deputy(username: str, town: Town, name: str) -> User:
    user = User.objects.create_user(username=username, password="x", full_name=name)
    RoleAssignment.objects.create(user=user, role=Role.DEPUTY, town=town)
    return user


@pytest.fixture
def deps(org):
    """Deputies of 云溪镇 (the demo persona ``deputy`` = A, plus B and C) and one of 白鹭街道."""
    yunxi, bailu = org.towns
    return {
        "a": org.users["deputy"],
        "b": _deputy("deputy_b", yunxi, "代表 王强"),
        "c": _deputy("deputy_c", yunxi, "代表 李梅"),
        "bailu": _deputy("deputy_bailu", bailu, "白鹭代表 周洋"),
    }


def _login(user: User) -> Client:
    c = Client()
    c.force_login(user)
    return c


def _file(deputy, cosigners=(), title="关于增设公交站点的建议"):
    return services.suggestion_file(
        actor=deputy,
        title=title,
        content="小区居民出行不便，建议在东门增设公交站点。",
        category="construction",
        cosigners=list(cosigners),
    )


def _reply(case, users, outcome=Outcome.RESOLVED):
    """交办 to 经发办 by the office, 签收 and 书面答复 with an outcome class by its staff."""
    jfb = Unit.objects.get(town=case.town, code="jfb")
    case = services.case_dispatch(case=case, actor=users["office"], unit=jfb)
    case = services.case_sign(case=case, actor=users["unit_jfb"])
    return services.case_resolve(
        case=case, actor=users["unit_jfb"], reply="已列入年度计划，正在实施。", outcome=outcome
    )


def _api(client: Client, method: str, url: str, body: dict | None = None):
    if method == "get":
        return client.get(url)
    return client.post(url, data=json.dumps(body or {}), content_type="application/json")


# ---------------------------------------------------------------------------------------------
# filing


def test_deputy_files_with_two_cosigners_of_the_same_town(deps, users):
    response = _login(deps["a"]).post(
        "/cases/suggestions/new/",
        {
            "title": "关于改善农村饮水水质的建议",
            "content": "部分村组自来水浑浊，建议改造老旧管网。",
            "category": "",
            "cosigners": [deps["b"].pk, deps["c"].pk],
        },
    )
    assert response.status_code == 302
    case = Case.objects.get(title="关于改善农村饮水水质的建议")
    assert response["Location"] == case.get_absolute_url()
    assert case.case_type.code == "suggestion" and case.channel == "deputy"
    assert case.reporter == deps["a"] and case.contact_name == "人大代表 刘芳"
    assert case.town == users["office"].roles.get().town
    assert set(case.cosigners.values_list("deputy_id", flat=True)) == {deps["b"].pk, deps["c"].pk}
    cosign = case.events.get(kind=EventKind.COSIGN)
    assert {c["id"] for c in cosign.data["cosigners"]} == {deps["b"].pk, deps["c"].pk}
    assert CaseCosigner.history.filter(case_id=case.pk).count() == 2  # audited
    # staff see the co-signers on the case page
    page = _login(users["office"]).get(case.get_absolute_url()).content.decode()
    assert "代表 王强" in page and "代表 李梅" in page and 'data-testid="cosigners"' in page


def test_cosigner_from_another_town_is_refused_with_a_field_error(deps):
    client = _login(deps["a"])
    response = client.post(
        "/cases/suggestions/new/",
        {"title": "建议", "content": "内容", "cosigners": [deps["b"].pk, deps["bailu"].pk]},
    )
    assert response.status_code == 200
    assert "cosigners" in response.context["form"].errors
    assert 'data-field-error="cosigners"' in response.content.decode()
    # the form only offers the own town's deputies; the service and the API refuse the others too
    with pytest.raises(services.Invalid) as exc:
        _file(deps["a"], [deps["bailu"]])
    assert "cosigners" in exc.value.errors and "白鹭代表 周洋" in exc.value.message
    api = _api(
        client,
        "post",
        "/api/cases/suggestions",
        {"title": "建议", "content": "内容", "cosigner_ids": [deps["bailu"].pk]},
    )
    assert api.status_code == 422 and "cosigners" in api.json()["errors"]
    # nor a staff member, nor the filer themself
    with pytest.raises(services.Invalid):
        _file(deps["a"], [deps["a"]])
    office = User.objects.get(username="office")
    with pytest.raises(services.Invalid):
        _file(deps["a"], [office])
    assert not Case.objects.filter(case_type__code="suggestion").exists()


def test_only_deputies_file_suggestions_and_only_for_their_own_town(deps, users, org):
    yunxi, bailu = org.towns
    assert _login(users["office"]).get("/cases/suggestions/new/").status_code == 403
    with pytest.raises(services.NotAllowed):
        services.suggestion_file(actor=users["office"], title="t", content="c")
    client = _login(deps["a"])
    api = _api(client, "post", "/api/cases/suggestions", {"title": "t", "content": "c", "town_id": bailu.pk})
    assert api.status_code == 403
    # a deputy may register no other case type (the generic intake refuses it)
    api = _api(client, "post", "/api/cases/", {"case_type": "hotline", "title": "t", "content": "c"})
    assert api.status_code == 403
    ok = _api(
        client,
        "post",
        "/api/cases/suggestions",
        {"title": "API 建议", "content": "c", "cosigner_ids": [deps["c"].pk]},
    )
    assert ok.status_code == 201 and ok.json()["cosigners"] == ["代表 李梅"]


# ---------------------------------------------------------------------------------------------
# scoping (attacks)


def test_deputy_list_shows_exactly_the_suggestions_they_filed_or_cosign(deps, users, make_case):
    own = _file(deps["a"], title="A 的建议")
    cosigned = _file(deps["b"], [deps["a"]], title="B 的建议，A 附议")
    others = _file(deps["b"], [deps["c"]], title="B 的建议，C 附议")
    bailu = _file(deps["bailu"], title="白鹭的建议")
    hotline = make_case("hotline", title="热线工单")
    mine = {own.pk, cosigned.pk}
    client = _login(deps["a"])
    for queue in ("", "suggestions", "all", "active", "mine"):
        response = client.get(f"/cases/?queue={queue}" if queue else "/cases/")
        ids = {row.id for row in response.context["page_obj"].object_list}
        assert ids <= mine, queue
    assert {r.id for r in _login(deps["a"]).get("/cases/").context["page_obj"].object_list} == mine
    api = _api(client, "get", "/api/cases/?queue=all").json()
    assert {item["id"] for item in api["items"]} == mine
    assert {r["id"] for r in _api(client, "get", "/api/cases/suggestions/mine").json()} == mine
    for case in (others, bailu, hotline):
        assert case.pk not in {r.id for r in selectors.deputy_suggestions(deps["a"])}


def test_deputy_cannot_open_or_rate_another_deputys_suggestion_or_any_other_case(deps, users, make_case):
    theirs = _reply(_file(deps["b"]), users)
    bailu = _file(deps["bailu"])
    hotline = make_case("hotline")
    petition = make_case("petition")
    client = _login(deps["a"])
    for case in (theirs, bailu, hotline, petition):
        assert client.get(f"/cases/{case.pk}/").status_code == 404
        assert _api(client, "get", f"/api/cases/{case.pk}").status_code == 404
        rated = _api(client, "post", f"/api/cases/{case.pk}/transitions/feedback", {"rating": "satisfied"})
        assert rated.status_code == 404
        post = client.post(
            f"/cases/{case.pk}/rate/", {"feedback-rating": "satisfied", "feedback-version": case.version}
        )
        assert post.status_code == 404
    # guessing ids: every case id that is not theirs is a 404
    mine = {_file(deps["a"]).pk}
    for pk in Case.objects.exclude(pk__in=mine).values_list("pk", flat=True):
        assert client.get(f"/cases/{pk}/").status_code == 404
    theirs.refresh_from_db()
    assert theirs.rating == "" and theirs.status == Status.RESOLVED


def test_cosigner_can_open_but_not_rate(deps, users):
    case = _reply(_file(deps["a"], [deps["b"]]), users)
    client = _login(deps["b"])
    page = client.get(f"/cases/{case.pk}/")
    assert page.status_code == 200
    assert 'data-action="feedback"' not in page.content.decode()
    assert (
        _api(
            client, "post", f"/api/cases/{case.pk}/transitions/feedback", {"rating": "satisfied"}
        ).status_code
        == 403
    )
    client.post(f"/cases/{case.pk}/rate/", {"feedback-rating": "satisfied", "feedback-version": case.version})
    with pytest.raises(services.NotAllowed):
        services.case_feedback(case=case, actor=deps["b"], rating=Rating.SATISFIED)
    case.refresh_from_db()
    assert case.rating == "" and case.status == Status.RESOLVED
    assert not [r for r in selectors.deputy_suggestions(deps["b"]) if r.to_rate]


def test_a_deputy_who_lost_the_role_no_longer_sees_what_they_cosigned(deps, users):
    case = _file(deps["a"], [deps["b"]])
    RoleAssignment.objects.filter(user=deps["b"]).delete()
    b = User.objects.get(pk=deps["b"].pk)
    assert _login(b).get(f"/cases/{case.pk}/").status_code == 404


def test_staff_of_another_town_cannot_open_a_suggestion(deps, users):
    case = _file(deps["a"], [deps["b"]])
    client = _login(users["office_b"])
    assert client.get(f"/cases/{case.pk}/").status_code == 404
    assert _api(client, "get", f"/api/cases/{case.pk}").status_code == 404
    # the town's own office sees it, with the co-signer
    assert _login(users["office"]).get(f"/cases/{case.pk}/").status_code == 200


# ---------------------------------------------------------------------------------------------
# rating


def test_unsatisfied_reopens_for_rehandling_with_a_timeline_entry(deps, users):
    case = _reply(_file(deps["a"]), users)
    with pytest.raises(services.Invalid) as exc:  # 不满意 needs a reason
        services.case_feedback(case=case, actor=deps["a"], rating=Rating.UNSATISFIED)
    assert "reason" in exc.value.errors
    response = _login(deps["a"]).post(
        f"/cases/{case.pk}/rate/",
        {"feedback-rating": "unsatisfied", "feedback-reason": "答复不具体", "feedback-version": case.version},
    )
    assert response.status_code == 302 and response["Location"] == "/"
    case.refresh_from_db()
    assert case.status == Status.IN_PROGRESS and case.reopen_count == 1
    assert case.rating == Rating.UNSATISFIED and case.rating_channel == "deputy"
    event = case.events.filter(kind=EventKind.FEEDBACK).get()
    assert event.actor == deps["a"] and event.data["reopened"] is True and event.note == "答复不具体"
    assert case.resolved_at is None and case.due_at > timezone.now()  # a fresh limit for 重办


def test_satisfied_closes_and_rating_twice_is_refused(deps, users):
    case = _reply(_file(deps["a"]), users)
    client = _login(deps["a"])
    ok = _api(
        client,
        "post",
        f"/api/cases/{case.pk}/transitions/feedback",
        {"rating": "satisfied", "version": case.version},
    )
    assert ok.status_code == 200 and ok.json()["status"] == Status.CLOSED
    again = _api(
        client,
        "post",
        f"/api/cases/{case.pk}/transitions/feedback",
        {"rating": "unsatisfied", "reason": "改主意"},
    )
    assert again.status_code == 403
    case.refresh_from_db()
    assert case.status == Status.CLOSED and case.rating == Rating.SATISFIED
    assert case.events.filter(kind=EventKind.FEEDBACK).count() == 1


def test_rating_before_the_reply_is_refused(deps, users):
    case = _file(deps["a"])
    with pytest.raises(services.NotAllowed):
        services.case_feedback(case=case, actor=deps["a"], rating=Rating.SATISFIED)
    jfb = Unit.objects.get(town=case.town, code="jfb")
    case = services.case_dispatch(case=case, actor=users["office"], unit=jfb)
    api = _api(
        _login(deps["a"]), "post", f"/api/cases/{case.pk}/transitions/feedback", {"rating": "satisfied"}
    )
    assert api.status_code == 403
    case.refresh_from_db()
    assert case.rating == "" and case.status == Status.DISPATCHED


def test_office_may_still_record_a_rating_received_by_phone(deps, users):
    case = _reply(_file(deps["a"]), users)
    case = services.case_feedback(case=case, actor=users["office"], rating=Rating.BASIC, channel="phone")
    assert case.status == Status.CLOSED and case.rating_channel == "phone"


def test_b_class_reply_stays_tracked_after_the_rating(deps, users):
    case = _reply(_file(deps["a"]), users, outcome=Outcome.PARTLY)
    case = services.case_feedback(case=case, actor=deps["a"], rating=Rating.BASIC)
    assert case.status == Status.CLOSED
    assert case.outcome_label.startswith("B类")
    tracked = selectors.queue_cases(users["office"], "tracking", timezone.now())
    assert case.pk in set(tracked.values_list("pk", flat=True))
    assert "tracking" in selectors.queue_counts(users["office"], keys=["tracking"])
    home = _login(deps["a"]).get("/").content.decode()
    assert "持续跟踪" in home


def test_resolve_form_offers_the_a_b_c_classes(deps, users):
    case = _file(deps["a"])
    jfb = Unit.objects.get(town=case.town, code="jfb")
    case = services.case_sign(
        case=services.case_dispatch(case=case, actor=users["office"], unit=jfb), actor=users["unit_jfb"]
    )
    page = _login(users["unit_jfb"]).get(f"/cases/{case.pk}/act/resolve/").content.decode()
    assert "A类：已解决" in page and "B类：正在解决" in page and "C类：暂不能解决" in page
    with pytest.raises(services.Invalid) as exc:  # the outcome class is required for this type
        services.case_resolve(case=case, actor=users["unit_jfb"], reply="答复", outcome="")
    assert "outcome" in exc.value.errors


# ---------------------------------------------------------------------------------------------
# deadlines and KPIs


def test_reply_is_due_three_months_after_assignment_six_with_an_extension(deps, users):
    day = timezone.make_aware(dt.datetime(2026, 3, 2, 10, 0))
    with mock.patch("luoshi.cases.services._now", return_value=day):
        case = _file(deps["a"])
        assert case.due_at is None  # the clock starts at 交办
        jfb = Unit.objects.get(town=case.town, code="jfb")
        case = services.case_dispatch(case=case, actor=users["office"], unit=jfb)
        assert timezone.localtime(case.due_at).date() == dt.date(2026, 5, 31)  # 90 calendar days
        case = services.case_sign(case=case, actor=users["unit_jfb"])
        case = services.case_request_extension(case=case, actor=users["unit_jfb"], days=90, reason="重大复杂")
        case = services.case_decide_extension(case=case, actor=users["leader"], approve=True)
    assert timezone.localtime(case.due_at).date() == dt.date(2026, 8, 29)  # 180 days
    other = _file(deps["c"])
    other = services.case_dispatch(case=other, actor=users["office"], unit=jfb)
    other = services.case_sign(case=other, actor=users["unit_jfb"])
    with pytest.raises(services.Invalid):  # at most 3 more months (至多延至6个月)
        services.case_request_extension(case=other, actor=users["unit_jfb"], days=91, reason="x")


def test_suggestion_kpis_compute_from_the_records(deps, users):
    a = _reply(_file(deps["a"]), users, Outcome.RESOLVED)
    b = _reply(_file(deps["a"]), users, Outcome.PARTLY)
    c = _reply(_file(deps["a"]), users, Outcome.UNRESOLVED)
    _file(deps["a"])  # not answered yet
    services.case_feedback(case=a, actor=deps["a"], rating=Rating.SATISFIED)
    services.case_feedback(case=b, actor=deps["a"], rating=Rating.BASIC)
    services.case_feedback(case=c, actor=deps["a"], rating=Rating.UNSATISFIED, reason="未解决")  # reopened
    cases = Case.objects.filter(case_type__code="suggestion")
    solved = kpis.solved_rate(cases)  # 解决率 = A ÷ replied; the reopened one is no longer replied
    assert (solved.numerator, solved.denominator) == (1, 2)
    satisfaction = kpis.satisfaction_rate(cases)  # (满意 + 基本满意) ÷ rated
    assert (satisfaction.numerator, satisfaction.denominator) == (2, 3)
    on_time = kpis.on_time_rate(cases)  # 按期答复率: replied in time ÷ replied or past due
    assert (on_time.numerator, on_time.denominator) == (2, 2)
    # the KPI page (roll-up) says the same
    page = _login(users["office"]).get("/cases/kpi/?kpi=solved&by=type&type=suggestion")
    solved_card = next(v for v in page.context["values"] if v.key == "solved")
    assert (solved_card.numerator, solved_card.denominator) == (1, 2)


# ---------------------------------------------------------------------------------------------
# the deputy's home


def test_home_shows_replies_awaiting_rating_first_and_due_dates(deps, users):
    waiting = _reply(_file(deps["a"], title="待评价的建议"), users)
    handling = _file(deps["a"], title="办理中的建议")
    jfb = Unit.objects.get(town=handling.town, code="jfb")
    handling = services.case_dispatch(case=handling, actor=users["office"], unit=jfb)
    _file(deps["b"], [deps["a"]], title="附议的建议")
    response = _login(deps["a"]).get("/")
    html = response.content.decode()
    panel = html[html.index('data-panel="deputy"') :]
    assert panel.index("待评价的建议") < panel.index("办理中的建议")
    assert f'action="/cases/{waiting.pk}/rate/"' in panel
    assert timezone.localtime(handling.due_at).strftime("%Y-%m-%d") in panel
    assert "附议的建议" in panel and "交办后开始计算答复期限" in panel
    assert 'data-testid="new-suggestion"' in panel
    # staff panels are not shown to a deputy
    assert 'data-panel="cases"' not in html


def test_home_empty_state_offers_to_file_one(deps):
    html = _login(deps["c"]).get("/").content.decode()
    assert "您还没有提出或附议的建议。" in html and "暂无待您评价的答复。" in html
    assert 'href="/cases/suggestions/new/"' in html
    assert 'data-panel="deputy"' not in _login(User.objects.get(username="office")).get("/").content.decode()
