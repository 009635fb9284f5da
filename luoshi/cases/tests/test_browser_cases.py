"""In a real browser: a resident reports a problem, the office dispatches it, the unit signs for it,
handles it and replies, and the resident rates the reply online with the tracking code."""

from __future__ import annotations

import importlib
import os
import re

import pytest

from luoshi.org.demo import load_org
from luoshi.org.testing import browser_login

pytestmark = pytest.mark.django_db(transaction=True, serialized_rollback=True)

SHOTS = os.environ.get("CASES_SCREENSHOTS", "/tmp/cases-shots")


def seed_case_types():
    """Transactional tests start from a flushed database: put the seeded case types back."""
    migration = importlib.import_module("luoshi.cases.migrations.0002_seed_case_types")
    from django.apps import apps

    migration.seed(apps, None)


def shot(page, name):
    os.makedirs(SHOTS, exist_ok=True)
    page.screenshot(path=f"{SHOTS}/{name}.png", full_page=True)


def act(page, name, fill=None):
    page.click(f"details[data-action={name}] > summary")
    form = page.locator(f"details[data-action={name}] form")
    for selector, value in (fill or {}).items():
        el = form.locator(selector)
        if el.evaluate("e => e.tagName") == "SELECT":
            el.select_option(label=value)
        else:
            el.fill(value)
    form.locator("button[type=submit]").click()


def test_public_intake_to_online_feedback(page, live_server):
    ctx = load_org()
    seed_case_types()
    from luoshi.cases.models import Case, RoutingRule
    from luoshi.org.models import Unit

    yunxi = ctx.towns[0]
    RoutingRule.objects.create(town=yunxi, unit=Unit.objects.get(town=yunxi, code="zzzx"))

    # 1. a resident reports without logging in
    page.set_viewport_size({"width": 420, "height": 900})  # a phone
    page.goto(f"{live_server.url}/cases/public/new/")
    page.select_option("select[name=town]", label="云溪镇")
    page.select_option("select[name=village]", label="云溪镇 · 桃坞村")
    page.fill("input[name=title]", "桃坞村桥头路灯不亮")
    page.fill("textarea[name=content]", "桃坞村桥头三盏路灯坏了一周，晚上过桥很危险。")
    page.fill("input[name=address]", "桃坞村桥头")
    page.fill("input[name=contact_name]", "王建国")
    page.fill("input[name=contact_phone]", "13812345678")
    shot(page, "01-public-form")
    page.click("[data-testid=submit-public]")
    page.wait_for_url(re.compile(r"/cases/track/"))
    code = page.locator("[data-testid=tracking-code]").text_content().strip()
    track_url = page.url.split("?")[0]
    assert page.locator("[data-testid=public-status]").inner_text() == "已受理"
    assert "王**" in page.locator("[data-testid=masked-contact]").inner_text()
    shot(page, "02-tracking-new")
    case = Case.objects.get(tracking_code=code)

    # 2. the town office dispatches it to 应急管理办 (htmx form, no page reload)
    page.set_viewport_size({"width": 1280, "height": 900})
    browser_login(page, live_server, "office")
    page.goto(f"{live_server.url}/cases/?queue=to_dispatch")
    shot(page, "03-office-queue")
    page.click(f"text={case.number}")
    act(page, "dispatch", {"select[name=dispatch-unit]": "应急管理办"})
    page.wait_for_selector("[data-testid=status]:has-text('待签收')")
    shot(page, "04-dispatched")

    # 3. the unit signs for it, records progress and replies
    browser_login(page, live_server, "unit")
    page.goto(f"{live_server.url}/cases/")
    assert case.number in page.locator("[data-testid=case-table]").inner_text()
    page.goto(f"{live_server.url}/cases/{case.pk}/")
    act(page, "sign")
    page.wait_for_selector("[data-testid=status]:has-text('办理中')")
    act(page, "progress", {"textarea[name=progress-note]": "已电话联系诉求人，明天上午更换灯具。"})
    page.wait_for_selector(".timeline:has-text('已电话联系诉求人')")
    act(page, "resolve", {"textarea[name=resolve-reply]": "已更换三盏路灯灯具，经夜间检查全部正常点亮。"})
    page.wait_for_selector("[data-testid=status]:has-text('已办结待回访')")
    shot(page, "05-resolved")

    # 4. the resident rates the reply online with the tracking code
    page.context.clear_cookies()
    page.set_viewport_size({"width": 420, "height": 900})
    page.goto(track_url)
    assert "已更换三盏路灯灯具" in page.locator("[data-testid=reply]").inner_text()
    page.check("input[name=rating][value=satisfied]")
    shot(page, "06-feedback-form")
    page.click("[data-testid=submit-feedback]")
    page.wait_for_selector("text=感谢您的评价")
    assert page.locator("[data-testid=public-status]").inner_text() == "已办结"
    shot(page, "07-closed")
    case.refresh_from_db()
    assert case.status == "closed" and case.rating == "satisfied" and case.rating_channel == "online"
    assert list(case.events.values_list("kind", flat=True)) == [
        "create",
        "dispatch",
        "sign",
        "progress",
        "resolve",
        "feedback",
    ]
