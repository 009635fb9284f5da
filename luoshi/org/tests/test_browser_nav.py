"""The grouped staff menu in a browser: keyboard only on a desktop, the 菜单 button on a phone."""

from __future__ import annotations

import pytest

from luoshi.org.demo import load_org
from luoshi.org.testing import browser_login, nav_link

pytestmark = pytest.mark.django_db(transaction=True)
SHOTS = "/work/shots/countyops"


def test_a_group_opens_and_closes_from_the_keyboard_and_one_stays_open(page, live_server):
    load_org()
    browser_login(page, live_server, "county")
    reports = page.locator("details[data-nav-group=reports]")
    cases = page.locator("details[data-nav-group=cases]")
    assert not page.locator("a[data-nav=accounts]").is_visible()
    page.focus("details[data-nav-group=reports] summary")
    page.keyboard.press("Enter")
    assert reports.get_attribute("open") is not None
    assert page.locator("a[data-nav=accounts]").is_visible()
    page.keyboard.press("Tab")  # into the group's first entry
    assert page.evaluate("document.activeElement.dataset.nav") == "reports"
    page.focus("details[data-nav-group=cases] summary")
    page.keyboard.press("Enter")
    assert cases.get_attribute("open") is not None and reports.get_attribute("open") is None
    page.screenshot(path=f"{SHOTS}/nav-desktop-open.png")
    page.keyboard.press("Escape")
    assert cases.get_attribute("open") is None
    assert page.evaluate("document.activeElement.tagName") == "SUMMARY"
    nav_link(page, "county_dashboard").click()
    page.wait_for_url("**/county/dashboard/")
    summary = page.locator("details[data-nav-group=county] summary")
    assert summary.get_attribute("aria-current") == "true"


def test_on_a_phone_the_menu_folds_behind_one_button(page, live_server):
    load_org()
    page.set_viewport_size({"width": 390, "height": 844})
    browser_login(page, live_server, "office")
    menu, toggle = page.locator("#main-menu"), page.locator("[data-nav-toggle]")
    assert toggle.is_visible() and not menu.is_visible()
    toggle.click()
    assert menu.is_visible() and toggle.get_attribute("aria-expanded") == "true"
    page.locator("details[data-nav-group=cases] summary").click()
    link = page.locator("a[data-nav=cases_kpi]")
    assert link.is_visible()
    box, width = link.bounding_box(), page.viewport_size["width"]
    assert box and box["x"] >= 0 and box["x"] + box["width"] <= width  # opens in place, on screen
    page.screenshot(path=f"{SHOTS}/nav-phone-open.png", full_page=True)
    link.click()
    page.wait_for_url("**/cases/kpi/**")
    assert page.locator("header.site a[data-nav=cases_kpi]").get_attribute("aria-current") == "page"
