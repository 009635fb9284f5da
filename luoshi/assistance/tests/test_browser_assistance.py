"""In a real browser: a grid worker flags a household after a visit (on a phone), the village
appraises and publicises it (the 公示 export holds only name, village and decision), the town
reviews, the county approves; assistance is recorded; six months of income later the system
proposes risk elimination."""

from __future__ import annotations

import csv
import datetime as dt
import io
import os

import pytest
from django.utils import timezone

from luoshi.assistance.models import Household, IncomeLine, Status
from luoshi.org.demo import load_org
from luoshi.org.testing import browser_login

pytestmark = pytest.mark.django_db(transaction=True, serialized_rollback=True)

SHOTS = os.environ.get("ASSISTANCE_SCREENSHOTS", "/tmp/assistance-shots")


def shot(page, name):
    os.makedirs(SHOTS, exist_ok=True)
    page.screenshot(path=f"{SHOTS}/{name}.png", full_page=True)


def act(page, name, note="同意"):
    form = page.locator(f"form[data-testid=act-{name}]")
    form.locator("textarea[name=note]").fill(note)
    form.locator("button[type=submit]").click()
    page.wait_for_load_state()


def open_form(page, testid):
    form = page.locator(f"form[data-testid={testid}]")
    form.locator("xpath=ancestor::details/summary").click()
    return form


def test_flag_on_a_phone_to_approval_assistance_and_proposed_elimination(page, live_server):
    ctx = load_org()
    IncomeLine.objects.create(province_code="36", province_name="示范省", year=2025, amount=6000)
    IncomeLine.objects.create(province_code="36", province_name="示范省", year=2026, amount=6200)

    # 1. the grid worker, on a phone, flags the household found on a visit
    page.set_viewport_size({"width": 390, "height": 844})
    browser_login(page, live_server, "grid")
    page.goto(f"{live_server.url}/assistance/new/")
    page.fill("input[name=head_name]", "赵守田")
    page.fill("input[name=head_id_number]", "369901198003154417")
    page.fill("input[name=phone]", "13800001111")
    page.select_option("select[name=category]", label="突发严重困难户")
    page.select_option("select[name=risk_type]", label="因病")
    page.fill("textarea[name=note]", "走访发现户主突发脑梗住院，家庭收入骤降。")
    shot(page, "1-grid-flag-phone")
    page.click("form[data-testid=flag-form] button[type=submit]")
    page.wait_for_url("**/assistance/*/")
    h = Household.objects.get()
    assert h.status == Status.FLAGGED and h.grid_id == ctx.users["grid"].roles.get().grid_id
    assert "369901********4417" in page.content() and "369901198003154417" not in page.content()
    act(page, "verify", "入户核实，情况属实")
    shot(page, "2-grid-verified")

    # 2. the village appraises and publicises; the 公示 export has only name, village and decision
    page.set_viewport_size({"width": 1280, "height": 900})
    browser_login(page, live_server, "village")
    page.goto(f"{live_server.url}/assistance/{h.pk}/")
    act(page, "appraise", "村民代表评议通过")
    act(page, "publicise", "村务公开栏公示5天")
    body = page.request.get(f"{live_server.url}/assistance/notice.csv").body().decode("utf-8-sig")
    rows = list(csv.reader(io.StringIO(body)))
    assert rows == [["姓名", "村(社区)", "决定"], ["赵守田", h.village.name, "拟纳入防返贫监测对象"]]

    # 3. the town reviews, 4. the county approves (it sees the household only while pending)
    browser_login(page, live_server, "office")
    page.goto(f"{live_server.url}/assistance/{h.pk}/")
    act(page, "town_review", "同意纳入")
    browser_login(page, live_server, "county")
    page.goto(f"{live_server.url}/assistance/")
    page.click(f"text={h.number}")
    act(page, "county_approve", "同意")
    h.refresh_from_db()
    assert h.status == Status.MONITORED

    # 5. assistance recorded by the town office: a measure with its responsible cadre and a payment
    browser_login(page, live_server, "office")
    page.goto(f"{live_server.url}/assistance/{h.pk}/")
    form = open_form(page, "measure-form")
    form.locator("select[name=kind]").select_option(label="医疗保障与救助")
    form.locator("input[name=description]").fill("申请大病医疗救助，落实医保倾斜")
    form.locator("select[name=cadre]").select_option(index=1)
    form.locator("button[type=submit]").click()
    page.wait_for_load_state()
    form = open_form(page, "payment-form")
    form.locator("select[name=programme]").select_option(label="临时救助")
    form.locator("input[name=month]").fill(timezone.localdate().replace(day=1).isoformat())
    form.locator("input[name=amount]").fill("3000")
    form.locator("button[type=submit]").click()
    page.wait_for_load_state()
    h.refresh_from_db()
    assert h.status == Status.ASSISTING and h.payments.count() == 1 and h.measures.count() == 1

    # 6. six months of income above the line and a visit finding everything secured
    browser_login(page, live_server, "village")
    page.goto(f"{live_server.url}/assistance/{h.pk}/")
    month = timezone.localdate().replace(day=1)
    for _i in range(6):
        month = (month - dt.timedelta(days=1)).replace(day=1)
        form = open_form(page, "income-form")
        form.locator("input[name=month]").fill(month.isoformat())
        form.locator("input[name=amount]").fill("800")
        form.locator("input[name=sources]").fill("务工收入")
        form.locator("button[type=submit]").click()
        page.wait_for_load_state()
    page.goto(f"{live_server.url}/assistance/")
    assert page.locator("[data-testid=proposals]").count() == 0  # the visit is still missing
    page.goto(f"{live_server.url}/assistance/{h.pk}/visits/new/")
    page.fill("textarea[name=note]", "户主康复，已返岗务工；三保障和饮水安全均落实。")
    for name in (
        "education_secured",
        "medical_secured",
        "housing_secured",
        "water_secured",
        "rigid_expenses_resolved",
    ):
        page.check(f"input[name={name}]")
    page.click("form[data-testid=visit-form] button[type=submit]")
    page.wait_for_url(f"**/assistance/{h.pk}/")
    page.goto(f"{live_server.url}/assistance/")
    proposals = page.locator("[data-testid=proposals]")
    assert h.number in proposals.inner_text()
    shot(page, "3-proposed-elimination")
    page.goto(f"{live_server.url}/assistance/{h.pk}/")
    act(page, "propose_elimination", "收入稳定，三保障落实")
    h.refresh_from_db()
    assert h.status == Status.ELIM_PROPOSED
    shot(page, "4-household-page")
