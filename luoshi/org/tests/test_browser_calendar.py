"""In a real browser: county staff paste the 2027 notice, check the parsed days and confirm them; an open
case due across New Year 2027 loses its 暂定 mark and its deadline moves, with a timeline entry."""

from __future__ import annotations

import datetime as dt
import importlib
import os

import pytest
from django.utils import timezone

from luoshi.lib.tests.test_holidays_notice import NOTICE_2027
from luoshi.org.demo import load_org
from luoshi.org.testing import browser_login, nav_link

pytestmark = pytest.mark.django_db(transaction=True, serialized_rollback=True)

SHOTS = os.environ.get("CALENDAR_SCREENSHOTS", "/tmp/calendar-shots")


def shot(page, name):
    os.makedirs(SHOTS, exist_ok=True)
    page.screenshot(path=f"{SHOTS}/{name}.png", full_page=True)


def open_case_across_new_year(ctx):
    """A 群众反映 case with 15 working days from receipt on 2026-12-28 (the issue's example)."""
    from django.apps import apps

    from luoshi.cases import services
    from luoshi.cases.models import CaseType, SlaPolicy

    importlib.import_module("luoshi.cases.migrations.0002_seed_case_types").seed(apps, None)
    yunxi = ctx.towns[0]
    SlaPolicy.objects.create(
        case_type=CaseType.objects.get(code="public"),
        town=yunxi,
        clock_starts="received",
        resolution_days=15,
        near_due_days=1,
    )
    office = ctx.users["office"]
    return services.case_create(
        case_type="public",
        actor=office,
        title="村口路灯不亮",
        content="桃坞村村口三盏路灯已经一周不亮。",
        village=office.roles.get().town.villages.first(),
        contact_name="王建国",
        contact_phone="13812345678",
        received_at=timezone.make_aware(dt.datetime(2026, 12, 28, 10, 0)),
    )


def test_county_enters_2027_from_the_notice_and_the_case_deadline_moves(page, live_server, settings):
    settings.TASKS = {"default": {"BACKEND": "django_tasks.backends.immediate.ImmediateBackend"}}
    ctx = load_org()
    case = open_case_across_new_year(ctx)

    browser_login(page, live_server, "office")
    page.goto(f"{live_server.url}/cases/{case.pk}/")
    assert page.locator("[data-testid=deadline-provisional]").count() == 1
    assert "2027-01-18" in page.locator("article dl").inner_text()
    shot(page, "case-provisional")
    page.goto(f"{live_server.url}/cases/?queue=all")
    marker = page.locator("tr", has_text=case.number).locator("[data-testid=deadline-provisional]")
    assert marker.count() == 1
    assert marker.get_attribute("title").startswith("2027 年的节假日安排尚未录入")
    shot(page, "queue-provisional")

    browser_login(page, live_server, "county")
    nav_link(page, "calendar").click()
    assert "2027 年节假日安排" in page.locator("h2").inner_text()
    assert "未录入" in page.locator("[data-testid=year-status]").inner_text()
    page.fill("textarea[name=text]", NOTICE_2027)
    page.click("button[value=preview]")
    table = page.locator("[data-testid=preview-table]")
    assert table.locator("tbody tr").count() == 34
    assert "星期六" in table.locator("tr", has_text="2027-02-20").inner_text()
    shot(page, "calendar-preview")

    page.click("[data-testid=confirm-notice]")
    assert "已保存 2027 年的节假日安排" in page.locator(".messages").inner_text()
    assert "已确认" in page.locator("[data-testid=year-status]").inner_text()
    assert "检查 1 件在办案件，1 件截止时间调整" in page.locator("[data-testid=recompute]").inner_text()
    shot(page, "calendar-saved")

    browser_login(page, live_server, "office")
    page.goto(f"{live_server.url}/cases/{case.pk}/")
    assert page.locator("[data-testid=deadline-provisional]").count() == 0
    assert "2027-01-19" in page.locator("article dl").inner_text()
    assert "办结截止由 2027-01-18 改为 2027-01-19" in page.locator("[data-testid=timeline]").inner_text()
    shot(page, "case-recomputed")
