"""In a real browser, on the demo: the town leader sees the month's output split into reported and
估算 with the back-test error, opens each enterprise's estimate and the suppressed ones' reasons, on
a desktop and a phone; a deputy sees the town's sums but no enterprise."""

from __future__ import annotations

import importlib
import os
import re

import pytest

from luoshi.org.demo import load_org
from luoshi.org.testing import browser_login

pytestmark = pytest.mark.django_db(transaction=True, serialized_rollback=True)

SHOTS = os.environ.get("ECONOMY_SCREENSHOTS", "/tmp/economy-shots")


def shot(page, name):
    os.makedirs(SHOTS, exist_ok=True)
    page.screenshot(path=f"{SHOTS}/{name}.png", full_page=True)


def test_the_leader_reads_the_nowcast_and_a_deputy_only_its_sums(live_server, page):
    from django.apps import apps

    from luoshi.economy import demo

    importlib.import_module("luoshi.cases.migrations.0002_seed_case_types").seed(apps, None)
    importlib.import_module("luoshi.economy.migrations.0002_case_types").seed(apps, None)
    ctx = load_org()
    demo.load(ctx)

    browser_login(page, live_server, "leader")
    page.goto(f"{live_server.url}/economy/")
    block = page.locator("[data-testid=nowcast]")
    words = block.locator("[data-testid=nowcast-words]").inner_text()
    assert re.search(r"按用电估算26家约[\d,]+万元（估算，回测平均误差\d+\.\d%）", words), words
    assert "另有3家" in words
    assert block.locator("tr[data-nowcast=town] .badge").inner_text() == "估算"
    shot(page, "nowcast-dashboard")

    block.locator("[data-testid=nowcast-detail]").click()
    page.wait_for_url(re.compile(r"/economy/nowcast/"))
    table = page.locator("[data-testid=nowcast-enterprises]")
    assert table.locator("tr[data-status=ok]").count() == 26
    first = table.locator("tr[data-status=ok]").first.inner_text()
    assert "估算" in first and "回测平均误差" in first and "万千瓦时" in first
    shot(page, "nowcast-enterprises")
    page.select_option("select[name=status]", value="suppressed")
    page.wait_for_url(re.compile(r"status=suppressed"))
    assert table.locator("tr[data-status=suppressed]").count() == 3
    assert "超过允许的10%" in table.inner_text()
    shot(page, "nowcast-suppressed")

    page.set_viewport_size({"width": 390, "height": 844})
    page.goto(f"{live_server.url}/economy/")
    shot(page, "nowcast-dashboard-phone")
    page.locator("[data-testid=nowcast-detail]").click()
    page.wait_for_url(re.compile(r"/economy/nowcast/"))
    shot(page, "nowcast-enterprises-phone")

    page.set_viewport_size({"width": 1280, "height": 900})
    browser_login(page, live_server, "deputy")
    page.goto(f"{live_server.url}/economy/")
    block = page.locator("[data-testid=nowcast]")
    assert "按用电估算26家" in block.inner_text()
    assert block.locator("[data-testid=nowcast-detail]").count() == 0
    shot(page, "nowcast-dashboard-deputy")
    assert page.goto(f"{live_server.url}/economy/nowcast/").status == 403
