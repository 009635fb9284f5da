"""In a real browser on a phone (390 × 844): a deputy files a suggestion with a co-signer from their
home page, the office assigns it and the unit replies (through the services), and the deputy rates
the reply from home, one-handed: no horizontal scrolling, the main button within thumb reach."""

from __future__ import annotations

import importlib
import os

import pytest

from luoshi.org.demo import load_org
from luoshi.org.testing import browser_login

pytestmark = pytest.mark.django_db(transaction=True, serialized_rollback=True)

SHOTS = os.environ.get("CASES_SCREENSHOTS", "/tmp/cases-shots")
PHONE = {"width": 390, "height": 844}


def seed_case_types():
    """Transactional tests start from a flushed database: put the seeded case types back."""
    from django.apps import apps

    importlib.import_module("luoshi.cases.migrations.0002_seed_case_types").seed(apps, None)
    importlib.import_module("luoshi.cases.migrations.0017_deputy_suggestions").mark_suggestion_type(
        apps, None
    )


def shot(page, name):
    os.makedirs(SHOTS, exist_ok=True)
    page.screenshot(path=f"{SHOTS}/{name}.png", full_page=True)


def fits_the_screen(page) -> bool:
    return page.evaluate("document.documentElement.scrollWidth <= window.innerWidth")


def test_deputy_files_follows_and_rates_a_suggestion_on_a_phone(page, live_server):
    ctx = load_org()
    seed_case_types()
    from luoshi.cases import services
    from luoshi.cases.models import Case, Outcome, Status
    from luoshi.org.models import RoleAssignment, Unit, User
    from luoshi.org.roles import Role

    yunxi = ctx.towns[0]
    cosigner = User.objects.create_user(username="deputy_b", password="x", full_name="代表 王强")
    RoleAssignment.objects.create(user=cosigner, role=Role.DEPUTY, town=yunxi)

    page.set_viewport_size(PHONE)
    browser_login(page, live_server, "deputy")
    page.goto(f"{live_server.url}/")
    panel = page.locator("[data-panel=deputy]")
    assert "您还没有提出或附议的建议。" in panel.inner_text()
    assert fits_the_screen(page)
    shot(page, "deputy-01-home-empty")

    # 1. file a suggestion with a co-signer
    panel.locator("[data-testid=new-suggestion]").click()
    page.wait_for_url("**/cases/suggestions/new/")
    page.fill("input[name=title]", "关于增设镇区公交站点的建议")
    page.select_option("select[name=category]", label="城乡建设")
    page.fill(
        "textarea[name=content]",
        "新建小区入住居民较多，最近的公交站点步行需二十分钟，建议在小区东门增设站点。",
    )
    page.locator("[data-testid=cosigners] label", has_text="代表 王强").click()
    button = page.locator("button.thumb")
    box = button.bounding_box()
    assert box["height"] >= 44 and box["width"] >= 0.8 * PHONE["width"]  # a large target
    assert fits_the_screen(page)
    shot(page, "deputy-02-form")
    button.click()
    page.wait_for_url("**/cases/*/")
    case = Case.objects.get(title="关于增设镇区公交站点的建议")
    assert list(case.cosigners.values_list("deputy__username", flat=True)) == ["deputy_b"]
    assert "代表 王强" in page.locator("[data-testid=cosigners]").inner_text()
    assert fits_the_screen(page)
    shot(page, "deputy-03-detail")

    # 2. the office assigns it (交办), the unit replies (A/B/C) — through the services
    jfb = Unit.objects.get(town=yunxi, code="jfb")
    case = services.case_dispatch(case=case, actor=ctx.users["office"], unit=jfb, note="经主席团交办。")
    page.goto(f"{live_server.url}/")
    due = page.locator("[data-panel=deputy] [data-testid=due]").inner_text()
    assert case.due_at.astimezone().strftime("%Y-%m-%d") in due
    shot(page, "deputy-04-home-handling")
    case = services.case_sign(case=case, actor=ctx.users["unit_jfb"])
    services.case_resolve(
        case=case,
        actor=ctx.users["unit_jfb"],
        reply="已与公交公司协商，东门站点将于下月启用。",
        outcome=Outcome.RESOLVED,
    )

    # 3. the deputy rates the reply from home
    page.goto(f"{live_server.url}/")
    card = page.locator(f"[data-testid=to-rate] form[data-case='{case.pk}']")
    assert "A类：已解决" in card.inner_text()
    assert fits_the_screen(page)
    shot(page, "deputy-05-home-to-rate")
    choice = card.locator("label.tap", has_text="基本满意")
    assert choice.bounding_box()["height"] >= 44
    choice.click()
    card.locator("button[type=submit]").click()
    page.wait_for_url(f"{live_server.url}/")
    assert "评价已提交" in page.locator(".messages").inner_text()
    shot(page, "deputy-06-home-rated")
    case.refresh_from_db()
    assert case.status == Status.CLOSED and case.rating == "basic" and case.rating_channel == "deputy"
    assert "暂无待您评价的答复。" in page.locator("[data-panel=deputy]").inner_text()
