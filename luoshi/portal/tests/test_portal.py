"""Portal pages and services: what anonymous visitors see, who publishes, the review step, and the
依申请公开 case type's 20 + 20 working-day timer."""

from __future__ import annotations

import json

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.test import Client
from django.utils import timezone

from luoshi.portal import services
from luoshi.portal.models import DisclosureItem, DocState, PublishedIndicator, PublishedReport

pytestmark = pytest.mark.django_db


@pytest.fixture
def item(org):
    return DisclosureItem.objects.create(
        county=org.county,
        town=org.towns[0],
        category="财政",
        title="预算",
        basis="条例",
        owner="财政所",
        deadline="20日",
        channel="网站",
    )


def test_a_document_is_public_only_after_someone_else_reviews_it(org, item):
    office, leader = org.users["office"], org.users["leader"]
    doc = services.document_create(item=item, title="预算报告", body="正文甲乙丙", by=office)
    anon = Client()
    assert anon.get(f"/portal/documents/{doc.pk}/").status_code == 404
    doc = services.document_move(document=doc, action="submit", by=office)
    with pytest.raises(ValidationError):
        services.document_move(document=doc, action="publish", by=office)  # the author cannot review
    assert anon.get(f"/portal/documents/{doc.pk}/").status_code == 404
    doc = services.document_move(document=doc, action="publish", by=leader)
    assert doc.state == DocState.PUBLISHED and doc.reviewed_by == leader
    assert "正文甲乙丙" in anon.get(f"/portal/documents/{doc.pk}/").content.decode()
    services.document_move(document=doc, action="withdraw", by=leader)
    assert anon.get(f"/portal/documents/{doc.pk}/").status_code == 404


def test_another_towns_office_cannot_publish_or_review(org, item):
    doc = services.document_create(item=item, title="预算报告", body="正文", by=org.users["office"])
    doc = services.document_move(document=doc, action="submit", by=org.users["office"])
    with pytest.raises(PermissionDenied):
        services.document_move(document=doc, action="publish", by=org.users["office_b"])
    resp = Client()
    resp.force_login(org.users["office_b"])
    assert resp.post(f"/portal/manage/documents/{doc.pk}/publish/").status_code == 404
    from luoshi.accounts.models import Indicator

    with pytest.raises(PermissionDenied):
        services.indicator_publish(
            town=org.towns[0], indicator=Indicator.objects.first(), public=True, by=org.users["office_b"]
        )
    assert not PublishedIndicator.objects.exists()


def test_the_management_page_is_for_town_offices_and_leaders(client_for):
    for persona, code in (("office", 200), ("leader", 200), ("unit", 403), ("grid", 403), ("deputy", 403)):
        assert client_for(persona).get("/portal/manage/").status_code == code, persona
    assert Client().get("/portal/manage/").status_code == 302
    assert client_for("office").get("/portal/manage/?town=999999").status_code == 404


def test_an_indicator_is_not_public_until_the_town_publishes_it(client_for, org):
    from luoshi.accounts.models import Indicator

    ind = Indicator.objects.filter(town__isnull=True, source="reported").first()
    town = org.towns[0]
    url = f"/api/portal/areas/{town.code}/datasets/indicators"
    assert json.loads(Client().get(url).content)["rows"] == []
    resp = client_for("office").post(
        "/portal/manage/publish/",
        {"town": town.pk, "what": "indicator", "pk": ind.pk, "public": "1", "confirm": "1"},
    )
    assert resp.status_code == 302
    rows = json.loads(Client().get(url).content)["rows"]
    assert [r["name"] for r in rows] == [ind.name]
    assert set(rows[0]) == {"town", "code", "name", "unit", "period", "value"}


def test_pages_and_downloads_answer_without_login_and_unknown_areas_are_404(org):
    anon = Client()
    town = org.towns[0]
    for path in ("", "targets/", "projects/", "livelihood/", "cases/", "disclosure/"):
        assert anon.get(f"/portal/{town.code}/{path}").status_code == 200, path
    assert anon.get("/portal/999999999/").status_code == 404
    assert anon.get(f"/portal/{town.code}/data/nope.csv").status_code == 404
    assert anon.get(f"/portal/{town.code}/cases/?year=abc").status_code == 400
    resp = anon.get(f"/portal/{town.code}/data/case-stats.csv")
    assert resp.content.startswith("\ufeff".encode()) and "受理件数" in resp.content.decode("utf-8-sig")
    assert anon.get("/api/portal/areas/abc/datasets/facts").status_code == 422


def test_a_request_for_disclosure_runs_on_twenty_working_days_extendable_by_twenty(org):
    from luoshi.cases import sla
    from luoshi.cases.models import Case

    resp = Client().post(
        "/portal/request/",
        {
            "town": org.towns[0].pk,
            "title": "申请公开道路养护资金",
            "content": "请提供2025年养护资金使用情况",
            "contact_name": "郑一",
            "contact_phone": "13800001111",
        },
    )
    assert resp.status_code == 302 and "/cases/track/" in resp["Location"]
    case = Case.objects.get(case_type__code="disclosure")
    assert case.case_type.public is False
    assert sla.max_extension(case) == 20
    received = timezone.localtime(case.received_at).date()
    from luoshi.lib.workdays import add_workdays

    assert timezone.localtime(case.due_at).date() == add_workdays(received, 20)
    assert (
        Client()
        .get(f"/open311/v2/requests/{case.number}.json?jurisdiction_id={org.towns[0].code}")
        .status_code
        == 404
    )


def test_vote_figures_are_hidden_until_the_round_is_sealed(org):
    from luoshi.plans.demo import load as load_plans
    from luoshi.plans.models import LivelihoodRound
    from luoshi.portal import selectors

    load_plans(org)
    r = LivelihoodRound.objects.filter(plan__town=org.towns[0], plan__year=timezone.localdate().year).first()
    assert r is not None and r.is_sealed
    area = selectors.area_or_404(org.towns[0].code)
    sealed = [c for x in selectors.livelihood(area) for c in x["candidates"]]
    assert any(c["agree"] is not None for c in sealed)
    LivelihoodRound.objects.filter(pk=r.pk).update(seal_hash="")
    unsealed = [c for x in selectors.livelihood(area) if x["year"] == r.plan.year for c in x["candidates"]]
    assert all(c["agree"] is None and c["adopted"] is None for c in unsealed)


def test_publishing_from_the_management_page_waits_for_a_confirmation(client_for, org, item):
    from luoshi.accounts.models import Indicator
    from luoshi.reports.models import Report

    town, office = org.towns[0], client_for("office")
    ind = Indicator.objects.filter(town__isnull=True, source="reported").first()
    report = Report.objects.create(town=town, title="某镇政府工作报告（测试稿）", text="正文")
    doc = services.document_create(item=item, title="预算公开说明", body="正文", by=org.users["leader"])
    doc = services.document_move(document=doc, action="submit", by=org.users["leader"])
    asks = [
        ("/portal/manage/publish/", {"town": town.pk, "what": "indicator", "pk": ind.pk, "public": "1"}),
        ("/portal/manage/publish/", {"town": town.pk, "what": "report", "pk": report.pk, "public": "1"}),
        (f"/portal/manage/documents/{doc.pk}/publish/", {}),
    ]
    for url, data in asks:
        page = office.post(url, data)
        # the page says what becomes public and posts the same fields back with confirm=1
        body = page.content.decode()
        assert page.status_code == 200 and 'name="confirm" value="1"' in body, url
        assert any(name in body for name in (ind.name, report.title, doc.title)), url
    assert not PublishedIndicator.objects.exists()
    assert not PublishedReport.objects.exists()
    doc.refresh_from_db()
    assert doc.state == DocState.SUBMITTED
    for url, data in asks:
        assert office.post(url, {**data, "confirm": "1"}).status_code == 302, url
    assert PublishedIndicator.objects.filter(town=town, indicator=ind).exists()
    assert PublishedReport.objects.filter(report=report).exists()
    doc.refresh_from_db()
    assert doc.state == DocState.PUBLISHED
    # taking down needs no second page (the button asks in the browser): less is public, not more
    office.post(
        "/portal/manage/publish/", {"town": town.pk, "what": "indicator", "pk": ind.pk, "public": "0"}
    )
    assert not PublishedIndicator.objects.exists()


def test_another_towns_office_gets_no_confirmation_page(client_for, org):
    from luoshi.reports.models import Report

    report = Report.objects.create(town=org.towns[0], title="某镇政府工作报告（测试稿）", text="正文")
    other = client_for("office_b")
    resp = other.post(
        "/portal/manage/publish/", {"town": org.towns[0].pk, "what": "report", "pk": report.pk, "public": "1"}
    )
    assert resp.status_code == 404 and report.title not in resp.content.decode()
