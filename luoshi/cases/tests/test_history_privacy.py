"""The change history (变更记录) shows a case as its own page does: every phone and ID number masked
for the readers who see the case masked, by URL as well as by the link; deputies, who get no link,
get no page; and the diff speaks in labels, not codes and ids (tester S1, S3, U5)."""

from __future__ import annotations

import pytest
from django.test import Client

from luoshi.cases import services
from luoshi.cases.models import Case
from luoshi.org.audit import history_url
from luoshi.org.models import RoleAssignment, User
from luoshi.org.roles import Role

pytestmark = pytest.mark.django_db

TITLE_PHONE, TITLE_MASKED = "13912345678", "139****5678"
CALLER, CALLER_MASKED = "13800138000", "138****8000"
NEW_CALLER, NEW_CALLER_MASKED = "13600001111", "136****1111"
REPLY_PHONE, REPLY_PHONE_MASKED = "13700001111", "137****1111"
REPLY_ID, REPLY_ID_MASKED = "369901198502023456", "369901********3456"
ADDRESS_ID = "369901199001011234"
LANDLINE = "0571-88889999"
FULL_VALUES = (TITLE_PHONE, CALLER, NEW_CALLER, REPLY_PHONE, REPLY_ID, ADDRESS_ID, LANDLINE)


@pytest.fixture
def case(make_case, users):
    """The tester's case: numbers in the title, the caller's phone changed, then handled directly
    with a reply that names a phone and an ID number; the address and a change reason hold more."""
    case = make_case(
        "hotline", title=f"噪音扰民 {TITLE_PHONE}", contact_phone=CALLER, address="云溪社区3栋2单元501室"
    )
    case = Case.objects.get(pk=case.pk)
    case.contact_phone = NEW_CALLER
    case.address = f"云溪社区3栋 身份证{ADDRESS_ID} 座机{LANDLINE}"
    case._change_reason = f"来电人更正电话 {NEW_CALLER}"
    case.save()
    return services.case_self_handle(
        case=case, actor=users["office"], reply=f"已联系业主李四（{REPLY_PHONE}），身份证{REPLY_ID}，已停工。"
    )


def _history(client: Client, obj) -> tuple[int, str]:
    response = client.get(history_url(obj))
    return response.status_code, response.content.decode()


@pytest.mark.parametrize("persona", ["county", "village", "admin"])
def test_readers_who_see_the_case_masked_see_its_history_masked(case, client_for, persona):
    status, body = _history(client_for(persona), case)
    assert status == 200
    for full in FULL_VALUES:
        assert full not in body, full
    # the heading and the breadcrumb (the case's name), the phone field's old and new value, the
    # reply, the address and the change reason: all there, masked
    assert body.count(f"噪音扰民 {TITLE_MASKED}") >= 2
    for masked in (
        CALLER_MASKED,
        NEW_CALLER_MASKED,
        REPLY_PHONE_MASKED,
        REPLY_ID_MASKED,
        "369901********1234",
    ):
        assert masked in body, masked
    assert f"来电人更正电话 {NEW_CALLER_MASKED}" in body
    # the case page of the same reader agrees
    page = client_for(persona).get(f"/cases/{case.pk}/").content.decode()
    assert TITLE_PHONE not in page and REPLY_ID not in page


def test_the_town_office_sees_the_history_in_full(case, client_for):
    status, body = _history(client_for("office"), case)
    assert status == 200
    for full in (TITLE_PHONE, CALLER, NEW_CALLER, REPLY_PHONE, REPLY_ID, ADDRESS_ID):
        assert full in body


def test_staff_of_the_lead_unit_see_the_history_in_full(make_case, client_for, users, places):
    case = services.case_dispatch(
        case=make_case(title=f"回电 {TITLE_PHONE}"), actor=users["office"], unit=places["yjb"]
    )
    case = services.case_sign(case=case, actor=users["unit"], note="已签收")
    case.contact_phone = NEW_CALLER
    case.save()
    status, body = _history(client_for("unit"), case)
    assert status == 200 and TITLE_PHONE in body and NEW_CALLER in body


def test_a_deputy_gets_no_history_of_a_suggestion_they_filed_or_cosign(org, users):
    b = User.objects.create_user(username="deputy_b2", password="x", full_name="代表 王强")
    RoleAssignment.objects.create(user=b, role=Role.DEPUTY, town=org.towns[0])
    suggestion = services.suggestion_file(
        actor=users["deputy"],
        title=f"关于增设公交站点的建议 {TITLE_PHONE}",
        content="小区居民出行不便。",
        category="construction",
        cosigners=[b],
    )
    for deputy in (users["deputy"], b):
        c = Client()
        c.force_login(deputy)
        assert c.get(f"/cases/{suggestion.pk}/").status_code == 200  # they may open the suggestion
        status, body = _history(c, suggestion)
        assert status == 403 and TITLE_PHONE not in body
    assert _history(Client(), suggestion)[0] == 302  # anonymous: to the sign-in page


def test_co_unit_staff_get_no_history_by_url(co_handled_case, client_for):
    status, _body = _history(client_for("unit_jfb"), co_handled_case)
    assert status == 404  # the audit page keeps the plain scope, as the missing link says


def test_history_shows_labels_names_and_yes_no_instead_of_codes_and_ids(
    case, make_case, client_for, users, places
):
    _status, body = _history(client_for("office"), case)
    assert '办理结论：<span class="diff-old">—</span> → <span class="diff-new">已解决</span>' in body
    assert '→ <span class="diff-new">是</span>' in body or '→ <span class="diff-new">否</span>' in body
    assert '<span class="diff-new">resolved</span>' not in body
    assert '<span class="diff-new">True</span>' not in body
    dispatched = services.case_dispatch(case=make_case(), actor=users["office"], unit=places["yjb"])
    _status, body = _history(client_for("office"), dispatched)
    assert f'<span class="diff-new">{places["yjb"].name}</span>' in body
    assert f'<span class="diff-new">{places["yjb"].pk}</span>' not in body


def test_english_history_labels_the_reply_and_the_outcome_apart(case, client_for):
    c = client_for("office")
    c.post("/i18n/setlang/", {"language": "en", "next": "/"})
    _status, body = _history(c, case)
    assert (
        f'Handling result：<span class="diff-old">—</span> → <span class="diff-new">已联系业主李四（{REPLY_PHONE}'
        in body
    )
    assert 'Outcome：<span class="diff-old">—</span>' in body


def test_pages_with_full_numbers_are_never_cached(case, client_for):
    """The office sees the caller's number in full: no copy may stay in a browser's cache (S5)."""
    c = client_for("office")
    for url in (history_url(case), f"/cases/{case.pk}/", f"/api/cases/{case.pk}", "/api/cases/"):
        response = c.get(url)
        assert response.status_code == 200 and "no-store" in response.get("Cache-Control", ""), url
