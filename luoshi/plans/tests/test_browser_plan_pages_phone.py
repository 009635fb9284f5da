"""The livelihood round (民生实事票决) and the other plan pages on a phone (390 px), in Chinese and
English: their tables scroll inside a box, the page itself never scrolls sideways (tester's U4:
409 px in Chinese, 751 px in English before)."""

from __future__ import annotations

import pytest

from luoshi.org.demo import load_org
from luoshi.org.testing import browser_login
from luoshi.plans import demo as plans_demo
from luoshi.plans.models import Plan

pytestmark = pytest.mark.django_db(transaction=True)

PHONE = {"width": 390, "height": 844}
PAGES = ("livelihood/", "", "projects/", "dispatch/", "meetings/")


@pytest.mark.parametrize("locale", ["zh-CN", "en-US"])
def test_plan_pages_fit_a_phone_in_both_languages(live_server, browser, locale):
    ctx = load_org()
    plans_demo.load(ctx)
    plan = Plan.objects.filter(town=ctx.towns[0], livelihood__isnull=False).order_by("-year").first()
    context = browser.new_context(locale=locale, viewport=PHONE)
    page = context.new_page()
    try:
        browser_login(page, live_server, "office")
        for suffix in PAGES:
            page.goto(f"{live_server.url}/plans/{plan.pk}/{suffix}")
            page.wait_for_load_state()
            width = page.evaluate("[document.documentElement.scrollWidth, window.innerWidth]")
            assert width[0] <= width[1], (suffix, locale, width)
        page.goto(f"{live_server.url}/plans/{plan.pk}/livelihood/")
        assert page.locator("[data-testid=candidates-wrap] table").count() == 1
        assert page.locator("[data-testid=proposals-wrap] table").count() == 1
    finally:
        context.close()
