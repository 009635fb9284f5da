"""End to end in a real browser: a project from a template with a promised 投产 date, the backward
schedule confirmed, a milestone dragged on the wall chart with its successors moving, a weekly update
with a problem, a dispatch meeting turning it into a decision task, the task closed, and the slippage
against the baseline shown."""

from __future__ import annotations

import datetime as dt
import os
import re

import pytest

from luoshi.org.demo import load_org
from luoshi.org.testing import browser_login
from luoshi.plans import services

pytestmark = pytest.mark.django_db(transaction=True)
SHOTS = os.environ.get("LUOSHI_SHOTS", "/tmp/projects-shots")
os.makedirs(SHOTS, exist_ok=True)


def test_template_schedule_drag_update_meeting_decision_and_slippage(page, live_server):
    from luoshi.plans.models import Decision, Milestone, Update

    ctx = load_org()
    year = dt.date.today().year
    plan = services.plan_create(town=ctx.towns[0], year=year, by=ctx.users["office"])
    page.on("dialog", lambda d: d.accept())
    page.set_viewport_size({"width": 1600, "height": 1000})
    browser_login(page, live_server, "office")

    # 1. A project, then the industrial template backwards from 投产 on the last day of next year.
    page.goto(f"{live_server.url}/plans/{plan.pk}/projects/new/")
    page.fill("input[name=name]", "新能源电池项目")
    page.click("main button[type=submit]")
    page.click("[data-testid=schedule-link]")
    page.select_option("select[name=template]", "industrial")
    page.select_option("select[name=mode]", "backward")
    page.select_option("select[name=anchor]", "production")
    page.fill("input[name=on]", f"{year + 1}-12-31")
    page.click("text=预览排期")
    preview = page.locator("[data-testid=schedule-preview] tbody tr")
    assert preview.count() == 8 and f"{year + 1}-12-31" in preview.last.inner_text()
    page.screenshot(path=f"{SHOTS}/schedule-preview.png", full_page=True)
    page.click("text=确认排期并设为基线")
    assert page.locator("[data-testid=project-slip]").inner_text().strip() == "较基线 +0 个工作日"

    # 2. On the wall chart, drag 主体完工 three weeks later: the preview lists its successors.
    permit = Milestone.objects.get(project__name="新能源电池项目", step="structure")
    before = {m.step: m.planned_date for m in Milestone.objects.filter(project=permit.project)}
    page.goto(f"{live_server.url}/plans/{plan.pk}/gantt/?group=leader")
    page.screenshot(path=f"{SHOTS}/wall-before.png", full_page=True)
    handle = page.locator(f"a.ms-edit[data-ms='{permit.pk}']")
    box = handle.bounding_box()
    ppd = float(page.locator("svg.wallchart").get_attribute("data-ppd"))
    scale = box["width"] / 10  # the diamond is 10 SVG units wide
    x, y = box["x"] + box["width"] / 2, box["y"] + box["height"] / 2
    page.mouse.move(x, y)
    page.mouse.down()
    page.mouse.move(x + 10, y, steps=2)
    page.mouse.move(x + 21 * ppd * scale, y, steps=5)
    page.mouse.up()
    page.wait_for_url(re.compile(r"/move/\?date="))
    moved = page.locator("[data-testid=move-preview] tbody").inner_text()
    for name in ("主体完工", "设备安装", "投产"):
        assert name in moved
    assert "签约" not in moved and "施工许可" not in moved
    page.screenshot(path=f"{SHOTS}/move-preview.png", full_page=True)
    page.click("text=确认调整")
    page.wait_for_url(re.compile(r"/gantt/\?group=leader"))
    after = {m.step: m.planned_date for m in Milestone.objects.filter(project=permit.project)}
    assert after["structure"] > before["structure"] and after["production"] > before["production"]
    assert after["sign"] == before["sign"] and after["start"] == before["start"]
    slip_label = page.locator("svg.wallchart text.slip-late")
    assert slip_label.count() == 1 and int(slip_label.get_attribute("data-slip")) >= 10
    page.screenshot(path=f"{SHOTS}/wall-after.png", full_page=True)

    # Keyboard: the same milestone is a focusable link leading to the move form.
    page.locator(f"a.ms-edit[data-ms='{permit.pk}']").focus()
    page.keyboard.press("Enter")
    page.wait_for_url(re.compile(rf"/milestones/{permit.pk}/move/"))
    assert page.locator("[data-testid=move-form] input[name=date]").count() == 1

    # 3. A weekly update with a problem that needs help.
    page.goto(f"{live_server.url}/plans/projects/{permit.project_id}/")
    page.fill("[data-testid=update-form] textarea[name=text]", "厂房基础施工中")
    page.fill("[data-testid=update-form] input[name=problem]", "施工用电未接通")
    page.fill("[data-testid=update-form] input[name=help_from]", "县供电公司")
    page.check("[data-testid=update-form] input[name=needs_help]")
    page.click("[data-testid=update-form] button[type=submit]")
    update = Update.objects.get(problem="施工用电未接通")

    # 4. The dispatch meeting: the problem is on the agenda and becomes a decision task.
    page.click("[data-tab=meetings]")
    page.click("text=召开调度会")
    page.fill("[data-testid=meeting-form] input[name=chair]", "镇长 林晓")
    page.click("[data-testid=meeting-form] button[type=submit]")
    assert "施工用电未接通" in page.inner_text("[data-testid=problems]")
    assert "新能源电池项目" in page.inner_text("[data-testid=behind]")
    form = page.locator(f"[data-testid=decide-{update.pk}]")
    page.locator("[data-testid=problems] summary").click()
    form.locator("textarea[name=text]").fill("协调县供电公司一周内接通施工用电")
    form.locator("select[name=owner_unit]").select_option(label="经发办")
    form.locator("button[type=submit]").click()
    assert "协调县供电公司一周内接通施工用电" in page.inner_text("[data-testid=decisions]")
    page.screenshot(path=f"{SHOTS}/meeting.png", full_page=True)

    # 5. The task is closed; the problem is resolved with it.
    row = page.locator("[data-testid=decisions] tr[data-decision]")
    row.locator("input[name=done_note]").fill("已接通施工用电")
    row.locator("button:has-text('办结')").click()
    assert "已办结" in page.inner_text("[data-testid=decisions]")
    assert Decision.objects.get().done_on and Update.objects.get(pk=update.pk).resolved_on
    page.click("text=会议纪要（打印）")
    assert "协调县供电公司一周内接通施工用电" in page.inner_text("[data-testid=minutes]")
    page.screenshot(path=f"{SHOTS}/minutes.png", full_page=True)

    # 6. The project shows its slippage against the baseline.
    page.goto(f"{live_server.url}/plans/projects/{permit.project_id}/")
    slip = page.locator("[data-testid=project-slip]").inner_text()
    assert re.search(r"较基线 \+(\d+) 个工作日", slip) and int(re.search(r"\+(\d+)", slip).group(1)) >= 10
    assert page.locator("tr[data-step=production] [data-slip] .badge.bad").count() == 1
    page.screenshot(path=f"{SHOTS}/project-slippage.png", full_page=True)


def test_escalation_round_trip_town_to_county_and_back(page, live_server):
    """A problem raised in an update is escalated to the county (请示上级协调), the county answers it on
    the case page, and the reply shows on the project, on the update and on the next meeting's agenda."""
    import importlib

    from django.apps import apps

    from luoshi.plans.models import Update

    importlib.import_module("luoshi.cases.migrations.0002_seed_case_types").seed(apps, None)
    importlib.import_module("luoshi.plans.migrations.0006_escalation_and_credit_code").add_type(apps, None)
    ctx = load_org()
    today = dt.date.today()
    plan = services.plan_create(town=ctx.towns[0], year=today.year, by=ctx.users["office"])
    project = services.project_create(plan=plan, name="港口物流园项目")
    services.update_create(
        owner=project,
        date=today,
        text="用地报批中",
        problem="用地指标需县里统筹",
        needs_help=True,
        help_from="县自然资源局",
        by=ctx.users["office"],
    )
    page.on("dialog", lambda d: d.accept())
    page.set_viewport_size({"width": 1280, "height": 1000})

    # The town office escalates the problem from the project page.
    browser_login(page, live_server, "office")
    page.goto(f"{live_server.url}/plans/projects/{project.pk}/")
    update = Update.objects.get(problem="用地指标需县里统筹")
    box = page.locator(f"[data-testid=escalate-{update.pk}]")
    box.locator("summary").click()
    box.locator("textarea[name=text]").fill("请县自然资源局统筹新增建设用地指标")
    box.locator("button[type=submit]").click()
    page.wait_for_url(re.compile(rf"/plans/projects/{project.pk}/"))
    assert "等待县里答复" in page.inner_text("#updates")
    update.refresh_from_db()
    case = update.case
    page.screenshot(path=f"{SHOTS}/escalated.png", full_page=True)

    # The county answers through the case engine (直办 on the case page).
    browser_login(page, live_server, "county")
    page.goto(f"{live_server.url}/cases/{case.pk}/")
    assert "用地指标需县里统筹" in page.inner_text("main")
    action = page.locator("[data-action=self_handle]")
    if action.get_attribute("open") is None:
        action.locator("summary").click()
    action.locator("textarea").first.fill("已列入县年度用地计划，下月初下达指标。")
    action.locator("button[type=submit]").click()
    page.wait_for_selector("text=已办结", timeout=10_000)
    page.screenshot(path=f"{SHOTS}/county-answers.png", full_page=True)

    # Back in the town: the reply on the project and on the next dispatch meeting's agenda.
    browser_login(page, live_server, "office")
    page.goto(f"{live_server.url}/plans/projects/{project.pk}/")
    updates = page.inner_text("#updates")
    assert "县里已答复" in updates and "下月初下达指标" in updates
    page.goto(f"{live_server.url}/plans/{plan.pk}/meetings/")
    page.click("text=召开调度会")
    page.click("[data-testid=meeting-form] button[type=submit]")
    problems = page.inner_text("[data-testid=problems]")
    assert "用地指标需县里统筹" in problems and "下月初下达指标" in problems
    page.screenshot(path=f"{SHOTS}/agenda-with-reply.png", full_page=True)
    page.set_viewport_size({"width": 390, "height": 844})
    page.goto(f"{live_server.url}/plans/projects/{project.pk}/#updates")
    page.screenshot(path=f"{SHOTS}/escalation-phone.png", full_page=True)
