"""In a real browser on a phone: breadcrumbs wrap by segment (not one character per line), the public
form's village list follows the chosen town, and the confirmation shows the short tracking code."""

from __future__ import annotations

import importlib
import os

import pytest

from luoshi.org.demo import load_org
from luoshi.org.testing import browser_login

pytestmark = pytest.mark.django_db(transaction=True, serialized_rollback=True)

SHOTS = os.environ.get("UX_SCREENSHOTS", "/tmp/ux-shots")
PHONE = {"width": 360, "height": 780}


def shot(page, name):
    os.makedirs(SHOTS, exist_ok=True)
    page.screenshot(path=f"{SHOTS}/{name}.png", full_page=True)


def seed_case_types():
    """Transactional tests start from a flushed database: put the seeded case types back."""
    from django.apps import apps

    importlib.import_module("luoshi.cases.migrations.0002_seed_case_types").seed(apps, None)


def test_long_breadcrumbs_on_a_phone_wrap_by_segment(live_server, page):
    from luoshi.plans import services

    ctx = load_org()
    plan = services.plan_create(
        town=ctx.towns[0], year=2026, title="云溪镇二〇二六年度经济社会发展主要目标任务与重点工作计划"
    )
    item = services.item_create(plan=plan, name="推进农村人居环境整治提升五年行动收官之年各项重点任务")
    page.set_viewport_size(PHONE)
    browser_login(page, live_server, "office")
    page.goto(f"{live_server.url}/plans/items/{item.pk}/")
    crumbs = page.locator("nav.breadcrumbs")
    shot(page, "breadcrumbs-phone")
    line = float(crumbs.evaluate("e => parseFloat(getComputedStyle(e).lineHeight)"))
    links = crumbs.locator("a")
    for i in range(links.count()):  # a short segment (首页, 年度计划) stays on one line, whole
        link = links.nth(i)
        if len(link.inner_text()) <= 6:
            rects = link.evaluate("a => a.getClientRects().length")
            assert rects == 1 and link.bounding_box()["height"] <= 1.2 * line, link.inner_text()
    assert crumbs.bounding_box()["height"] <= 5 * line  # the whole trail: a few lines, not a column
    page.set_viewport_size({"width": 1280, "height": 900})
    shot(page, "breadcrumbs-desktop")


def test_the_public_form_lists_only_the_chosen_towns_villages_and_gives_a_short_code(live_server, page):
    seed_case_types()
    ctx = load_org()
    page.set_viewport_size(PHONE)
    page.goto(f"{live_server.url}/cases/public/new/")
    village = page.locator("select[name=village]")
    page.select_option("select[name=town]", label=ctx.towns[1].name)
    shown = village.evaluate("s => Array.from(s.options).filter(o => !o.hidden && o.value).map(o => o.text)")
    assert shown and all(name.startswith(ctx.towns[1].name) for name in shown), shown
    page.select_option("select[name=town]", label=ctx.towns[0].name)
    shown = village.evaluate("s => Array.from(s.options).filter(o => !o.hidden && o.value).map(o => o.text)")
    assert shown and all(name.startswith(ctx.towns[0].name) for name in shown), shown
    page.select_option("select[name=village]", label=shown[0])
    page.select_option("select[name=town]", label=ctx.towns[1].name)
    assert village.input_value() == ""  # a village of the other town is cleared
    page.select_option("select[name=town]", label=ctx.towns[0].name)
    page.select_option("select[name=village]", label=shown[0])
    shot(page, "public-form-phone")
    page.fill("input[name=title]", "路灯不亮")
    page.fill("textarea[name=content]", "村口路灯坏了一周。")
    page.fill("input[name=contact_name]", "王建国")
    page.fill("input[name=contact_phone]", "13812345678")
    page.click("[data-testid=submit-public]")
    page.wait_for_selector("[data-testid=short-code]")
    code = page.locator("[data-testid=short-code]").inner_text().strip()
    shot(page, "short-code-phone")
    assert len(code) == 9 and code[4] == "-"
    page.goto(f"{live_server.url}/cases/track/")
    page.fill("input[name=code]", code.lower().replace("-", " "))
    page.click("button[type=submit]")
    page.wait_for_selector("[data-testid=public-status]")
    assert code in page.locator("[data-testid=short-code-line]").inner_text()
