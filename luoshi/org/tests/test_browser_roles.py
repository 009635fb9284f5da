"""Each role signs in through the real login page and sees its own home page, and not others'."""

from __future__ import annotations

import pytest

from luoshi.org.demo import load_org
from luoshi.org.testing import browser_login

pytestmark = pytest.mark.django_db(transaction=True)

# persona → (text its home page must show, nav keys it must have, nav keys it must not have)
EXPECTED = {
    "admin": ("系统管理员", {"home", "org"}, set()),
    "county": ("县级人员", {"home", "org"}, set()),
    "leader": ("镇领导", {"home", "org"}, set()),
    "office": ("党政办", {"home", "org"}, set()),
    "unit": ("站所人员", {"home", "org"}, set()),
    "village": ("村(社区)干部", {"home", "org"}, set()),
    "grid": ("网格员", {"home", "org"}, set()),
    "deputy": ("人大代表", {"home"}, {"org"}),
}


@pytest.mark.parametrize("persona", list(EXPECTED))
def test_each_role_sees_its_home_page(page, live_server, persona, tmp_path):
    load_org()
    browser_login(page, live_server, persona)
    text, must_have, must_not = EXPECTED[persona]
    assert text in page.locator("[data-testid=roles]").inner_text()
    nav_keys = set(page.locator("ul.main a[data-nav]").evaluate_all("els => els.map(e => e.dataset.nav)"))
    assert must_have <= nav_keys
    assert not (must_not & nav_keys)
    admin_panel = page.locator("[data-panel=admin]")
    county_panel = page.locator("[data-panel=county]")
    assert admin_panel.count() == (1 if persona == "admin" else 0)
    assert county_panel.count() == (1 if persona in {"admin", "county"} else 0)
    if persona == "county":
        assert "白鹭街道" in county_panel.inner_text() and "云溪镇" in county_panel.inner_text()
    page.screenshot(path=str(tmp_path / f"home-{persona}.png"), full_page=True)


def test_wrong_password_shows_error_and_stays_on_login(page, live_server):
    load_org()
    page.goto(f"{live_server.url}/accounts/login/")
    page.fill("input[name=username]", "office")
    page.fill("input[name=password]", "not-the-password")
    page.click("button[type=submit]")
    assert page.locator("[role=alert]").count() == 1
    assert "/accounts/login/" in page.url
