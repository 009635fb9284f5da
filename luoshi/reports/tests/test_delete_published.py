"""Deleting a report (tester D1): a report on the public portal is not deleted behind the public's
back — it must be taken down on the portal first —, the delete button is a danger action, and what
the confirmation promises holds: the deleted report's history stays reachable by its office."""

from __future__ import annotations

import pytest
from django.core.exceptions import ValidationError
from django.db.models import ProtectedError
from django.test import Client
from django.urls import reverse

from luoshi.portal import services as portal_services
from luoshi.portal.models import PublishedReport
from luoshi.reports import services
from luoshi.reports.models import Fact, Report
from luoshi.reports.tests.test_web_reports import store


@pytest.fixture
def published(org):
    report = store(org)
    portal_services.report_publish(report=report, public=True, by=org.users["office"])
    return report


def test_a_published_report_is_not_deleted_from_the_confirmation_page(published, org, client_for):
    c = client_for("office")
    url = reverse("reports:delete", args=[published.pk])
    page = c.get(url).content.decode()
    assert "已在政务公开发布" in page and 'data-testid="confirm-delete"' not in page
    assert f'href="/portal/manage/?town={published.town_id}"' in page
    resp = c.post(url, follow=True)
    assert "请先在政务公开管理中撤下" in resp.content.decode()
    assert Report.objects.filter(pk=published.pk).exists() and Fact.objects.filter(report=published).exists()
    assert PublishedReport.objects.filter(report=published).exists()
    assert Client().get(reverse("portal:report", args=[published.pk])).status_code == 200


def test_the_service_and_the_database_refuse_too(published, org):
    with pytest.raises(ValidationError):
        services.report_delete(report=published, user=org.users["office"])
    with pytest.raises(ProtectedError):  # the admin, a script: the publication protects its report
        Report.objects.get(pk=published.pk).delete()
    assert Report.objects.filter(pk=published.pk).exists()


def test_once_taken_down_it_is_deleted_with_a_danger_button(published, org, client_for):
    portal_services.report_publish(report=published, public=False, by=org.users["office"])
    c = client_for("office")
    url = reverse("reports:delete", args=[published.pk])
    page = c.get(url).content.decode()
    assert '<button type="submit" class="danger" data-testid="confirm-delete">' in page
    assert "已删除的报告" in page
    c.post(url)
    assert not Report.objects.filter(pk=published.pk).exists()
    assert Client().get(reverse("portal:report", args=[published.pk])).status_code == 404


def test_the_danger_style_exists():
    from django.contrib.staticfiles import finders

    css = open(finders.find("css/luoshi.css"), encoding="utf-8").read()
    assert "button.danger" in css and "#b71c1c" in css.split("button.danger", 1)[1].split("}", 1)[0]


def test_the_deleted_reports_history_stays_reachable_by_its_office(org, client_for):
    report = store(org)
    pk, title = report.pk, report.title
    office = client_for("office")
    office.post(reverse("reports:delete", args=[pk]))
    assert not Report.objects.filter(pk=pk).exists()
    listing = office.get(reverse("reports:list")).content.decode()
    assert reverse("reports:deleted") in listing
    deleted = office.get(reverse("reports:deleted")).content.decode()
    assert title in deleted and org.users["office"].full_name in deleted
    history = office.get(reverse("reports:deleted_history", args=[pk]))
    body = history.content.decode()
    assert history.status_code == 200 and title in body and "删除" in body and "创建" in body


def test_another_towns_office_and_other_roles_do_not_see_it(org, client_for):
    report = store(org)
    pk, title = report.pk, report.title
    client_for("office").post(reverse("reports:delete", args=[pk]))
    other = client_for("office_b")
    assert title not in other.get(reverse("reports:deleted")).content.decode()
    assert other.get(reverse("reports:deleted_history", args=[pk])).status_code == 404
    for persona in ("leader", "deputy", "grid", "village"):
        c = client_for(persona)
        assert c.get(reverse("reports:deleted")).status_code == 403
        assert c.get(reverse("reports:deleted_history", args=[pk])).status_code == 403
    anonymous = Client().get(reverse("reports:deleted"))
    assert anonymous.status_code == 302 and "/login" in anonymous["Location"]


def test_a_live_report_has_no_deleted_history_page(org, client_for):
    report = store(org)
    assert client_for("office").get(reverse("reports:deleted_history", args=[report.pk])).status_code == 404
