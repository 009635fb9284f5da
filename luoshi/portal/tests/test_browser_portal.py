"""In a real browser on a phone (390 × 844), as an anonymous resident: browse a town's work report and
targets, download its open data and check it holds no personal field, track a case by its short code."""

from __future__ import annotations

import importlib
import os

import pytest

from luoshi.org.demo import load_org
from luoshi.org.testing import nav_link

pytestmark = pytest.mark.django_db(transaction=True)  # seed() puts back the reference rows

SHOTS = os.environ.get("PORTAL_SCREENSHOTS", "/tmp/portal-shots")


def shot(page, name):
    os.makedirs(SHOTS, exist_ok=True)
    page.screenshot(path=f"{SHOTS}/{name}.png", full_page=True)


def seed(ctx):
    """Transactional tests start from a flushed database: put the seeded data back, then the demo."""
    from django.apps import apps

    for name in (
        "luoshi.cases.migrations.0002_seed_case_types",
        "luoshi.portal.migrations.0002_disclosure_request_type",
    ):
        importlib.import_module(name).seed(apps, None)
    for name in ("reports", "plans", "accounts", "portal"):
        importlib.import_module(f"luoshi.{name}.demo").load(ctx)


def test_an_anonymous_resident_on_a_phone_reads_downloads_and_tracks(page, live_server):
    ctx = load_org()
    seed(ctx)
    from luoshi.cases.services import case_create

    case = case_create(
        case_type="public",
        title="桥头路灯不亮",
        content="桥头三盏路灯坏了，电话13812345678。",
        town=ctx.towns[0],
        contact_name="王建国",
        contact_phone="13812345678",
        address="云溪镇桃坞村桥头路5号",
        actor=None,
        actor_label="群众",
    )
    page.set_viewport_size({"width": 390, "height": 844})

    # the portal from the site's menu, then the town
    page.goto(f"{live_server.url}/accounts/login/")
    nav_link(page, "portal").click()
    page.click("text=云溪镇")
    assert page.inner_text("[data-testid=area-name]") == "云溪镇"
    shot(page, "1-town")

    # a work report in the viewer, facts highlighted
    page.click("[data-testid=reports] a >> nth=0")
    assert page.locator("#report-text mark.fact").count() > 5
    assert "镇长" in page.inner_text("#report-text")
    shot(page, "2-report")

    # this year's published targets with progress and 序时进度
    page.click("nav.portal-tabs >> text=年度目标")
    targets = page.locator("[data-testid=targets] > li")
    assert targets.count() > 3
    assert "序时进度" in page.inner_text("[data-testid=targets]")
    shot(page, "3-targets")

    # download the open data: UTF-8 with BOM, Chinese headers, no personal field
    page.click("nav.portal-tabs >> text=概览")
    personal = ["王建国", "13812345678", "桥头路5号", "陈静", "林晓", "13800001111", "office", "leader"]
    for key in ("targets", "projects", "livelihood", "cases", "case-stats"):
        with page.expect_download() as info:
            page.click(f"[data-testid=csv-{key}]")
        raw = open(info.value.path(), "rb").read()
        assert raw.startswith(b"\xef\xbb\xbf"), key
        text = raw.decode("utf-8-sig")
        assert "乡镇" in text.splitlines()[0], key
        leaked = [v for v in personal if v in text]
        assert not leaked, (key, leaked)
    shot(page, "4-downloads")

    # track the case by its short code, read out on the phone
    page.goto(f"{live_server.url}/portal/")
    page.click("[data-testid=track-link]")
    code = case.short_code
    page.fill("input[name=code]", f"{code[:4].lower()}-{code[4:].lower()}")
    page.click("[data-testid=track-lookup] button[type=submit]")
    assert page.inner_text("[data-testid=public-status]")
    assert "13812345678" not in page.content()
    shot(page, "5-track")
    # the page fits the phone: no sideways scrolling of the whole page
    assert page.evaluate("document.documentElement.scrollWidth") <= 390
