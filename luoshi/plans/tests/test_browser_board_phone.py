"""The plan board on a phone (390 px): the item tables scroll inside their box, the page does not
scroll sideways, and an item's name is not squeezed to a character or two per line."""

from __future__ import annotations

import datetime as dt

import pytest

from luoshi.org.demo import load_org
from luoshi.org.testing import browser_login
from luoshi.plans import services

pytestmark = pytest.mark.django_db(transaction=True)

PHONE = {"width": 390, "height": 844}


def test_the_plan_board_fits_a_phone_and_keeps_item_names_readable(live_server, page):
    ctx = load_org()
    town = ctx.towns[0]
    plan = services.plan_create(town=town, year=2026, title="云溪镇2026年度工作计划")
    unit = town.units.order_by("code").first()
    leader = ctx.users["leader"]
    for name, value, measure_unit in (("地区生产总值", 6, "%"), ("一般公共预算收入", 1.2, "亿元")):
        services.item_create(
            plan=plan,
            name=name,
            area="economy",
            kind="target",
            measure="level",
            target_value=value,
            unit=measure_unit,
            qualifier="确保",
            owner_unit=unit,
            leader=leader,
            deadline=dt.date(2026, 12, 31),
        )
    page.set_viewport_size(PHONE)
    browser_login(page, live_server, "office")
    page.goto(f"{live_server.url}/plans/{plan.pk}/")
    page.wait_for_selector("section[data-area] table")
    width = page.evaluate("[document.documentElement.scrollWidth, window.innerWidth]")
    assert width[0] <= width[1], width  # the page itself does not scroll sideways
    link = page.locator("section[data-area] td:first-child a", has_text="一般公共预算收入")
    line = float(link.evaluate("a => parseFloat(getComputedStyle(a).lineHeight)"))
    assert link.bounding_box()["height"] <= 2.2 * line  # eight characters: one or two lines, not four


def test_the_indicator_catalogue_fits_a_phone(live_server, page):
    load_org()
    page.set_viewport_size(PHONE)
    browser_login(page, live_server, "office")
    page.goto(f"{live_server.url}/indicators/")
    page.wait_for_selector("[data-testid=catalogue]")
    width = page.evaluate("[document.documentElement.scrollWidth, window.innerWidth]")
    assert width[0] <= width[1], width
