"""The system administrator sees personal data masked only, never in full (docs/privacy.md): the
case page, the API and the admin site's case pages (tester S3)."""

from __future__ import annotations

import json

import pytest
from django.urls import reverse

from luoshi.cases import services
from luoshi.cases.models import CaseAssist, CaseEvent

pytestmark = pytest.mark.django_db

CALLER, CALLER_MASKED = "13800138000", "138****8000"
TITLE_PHONE, TITLE_MASKED = "13912345678", "139****5678"
ID_NUMBER, ID_MASKED = "369901199001011234", "369901********1234"
FULL = (CALLER, TITLE_PHONE, ID_NUMBER)


@pytest.fixture
def case(make_case, users, places):
    case = make_case(
        title=f"噪音扰民 {TITLE_PHONE}",
        content=f"邻居王小明，联系电话{TITLE_PHONE}，身份证{ID_NUMBER}",
        contact_phone=CALLER,
        address=f"云溪社区 {TITLE_PHONE}",
    )
    case = services.case_dispatch(
        case=case,
        actor=users["office"],
        unit=places["yjb"],
        assist_units=[places["jfb"]],
        note=f"电话{TITLE_PHONE}",
    )
    return services.case_assist_reply(case=case, actor=users["unit_jfb"], opinion=f"已联系 {TITLE_PHONE}")


def test_admin_sees_the_case_page_and_the_api_masked(case, client_for):
    admin = client_for("admin")
    page = admin.get(reverse("cases:detail", args=[case.pk])).content.decode()
    api = json.dumps(admin.get(f"/api/cases/{case.pk}").json(), ensure_ascii=False)
    listing = json.dumps(admin.get("/api/cases/").json(), ensure_ascii=False)
    for body in (page, api, listing):
        for full in FULL:
            assert full not in body
    assert CALLER_MASKED in page and ID_MASKED in page and TITLE_MASKED in api


def test_admin_site_shows_cases_masked(case, client_for):
    admin = client_for("admin")
    assist = CaseAssist.objects.get(case=case)
    event = CaseEvent.objects.filter(case=case).exclude(note="").first()
    urls = [
        reverse("admin:cases_case_changelist"),
        reverse("admin:cases_case_change", args=[case.pk]),
        reverse("admin:cases_caseassist_changelist"),
        reverse("admin:cases_caseassist_change", args=[assist.pk]),
        reverse("admin:cases_caseevent_changelist"),
        reverse("admin:cases_caseevent_change", args=[event.pk]),
    ]
    for url in urls:
        response = admin.get(url)
        assert response.status_code == 200, url
        body = response.content.decode()
        for full in FULL:
            assert full not in body, (url, full)
    change = admin.get(reverse("admin:cases_case_change", args=[case.pk])).content.decode()
    assert CALLER_MASKED in change and ID_MASKED in change and TITLE_MASKED in change
    # the admin's own history pages would list every past value: they hand over to the masked page
    record = case.history.first()
    for url in (
        reverse("admin:cases_case_history", args=[case.pk]),
        reverse("admin:cases_case_simple_history", args=[case.pk, record.history_id]),
    ):
        response = admin.get(url, follow=True)
        assert response.status_code == 200
        assert TITLE_PHONE not in response.content.decode() and CALLER not in response.content.decode()


def test_admin_cannot_search_cases_by_a_number_in_their_title(case, client_for):
    body = (
        client_for("admin").get(reverse("admin:cases_case_changelist"), {"q": TITLE_PHONE}).content.decode()
    )
    assert case.number not in body
