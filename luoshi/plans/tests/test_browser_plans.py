"""End to end in a real browser: report targets into a plan, a deputies' vote to sealed results, and
project progress turning a status from on track to at risk."""

from __future__ import annotations

import datetime as dt
import re

import pytest

from luoshi.org.demo import load_org
from luoshi.org.testing import browser_login, nav_link
from luoshi.plans import services
from luoshi.plans.demo import _deputies
from luoshi.plans.models import Poll
from luoshi.reports.models import Fact, Report, ReportItem

from .test_browser_vote import cast, name_chair, open_as_chair, seal_as_chair

pytestmark = pytest.mark.django_db(transaction=True)
SHOTS = "/tmp"


def _report(town, year):
    report = Report.objects.create(
        town=town, title=f"云溪镇{year}年政府工作报告", content_hash="e2e", text="……", plan_year=year
    )
    facts = [
        ("growth", "地区生产总值", 6, "%", "", "地区生产总值增长6%以上"),
        ("level", "一般公共预算收入", 1.46, "亿元", "确保", "一般公共预算收入确保1.46亿元"),
        ("level", "外出招商", 12, "次", "不少于", "全年外出招商不少于12次"),
    ]
    for seq, (measure, metric, value, unit, commitment, quote) in enumerate(facts):
        Fact.objects.create(
            report=report,
            seq=seq,
            part="plan",
            kind="target",
            measure=measure,
            metric=metric,
            value=value,
            unit=unit,
            commitment=commitment,
            year=year,
            quote=quote,
            start=0,
            end=1,
        )
    named = [  # (kind, name, stage, investment in 元, quote)
        ("project", "云溪光伏电站项目", "开工", 2.4e8, "确保总投资2.4亿元的云溪光伏电站项目年内开工"),
        ("livelihood", "镇区公厕改造", "", None, "实施镇区公厕改造等民生实事"),
        ("task", "壮大镇域经济", "", None, "（一）壮大镇域经济"),
    ]
    for seq, (kind, name, stage, investment, quote) in enumerate(named, start=1):
        ReportItem.objects.create(
            report=report,
            seq=seq,
            kind=kind,
            part="plan",
            year=year,
            name=name,
            stage=stage,
            investment=investment,
            quote=quote,
            start=0,
            end=len(quote),
        )
    return report


def test_report_to_plan_vote_to_seal_and_progress_to_at_risk(page, live_server):
    ctx = load_org()
    yunxi = ctx.towns[0]
    _deputies(yunxi, "deputy", 2, 2, "王李张")  # deputy2, deputy3 (+ deputy = 3 deputies)
    year = dt.date.today().year
    _report(yunxi, year)
    page.on("dialog", lambda d: d.accept())

    # 1. The office creates this year's plan and walks the report's targets into it.
    browser_login(page, live_server, "office")
    nav_link(page, "plans").click()
    page.click("text=新建年度计划")
    page.select_option("select[name=town]", label="云溪镇")
    page.fill("input[name=year]", str(year))
    page.click("main button[type=submit]")
    page.click("[data-testid=import-link]")
    page.select_option("[data-testid=report-select]", label=f"云溪镇{year}年政府工作报告（{year}）")
    page.click("text=读取目标")
    rows = page.locator("[data-testid=import-targets] tbody tr")
    assert rows.count() == 3
    fact_ids = rows.evaluate_all("els => els.map(e => e.dataset.fact)")
    page.uncheck(f"input[name=accept_{fact_ids[2]}]")  # discard 外出招商
    page.fill(f"input[name=name_{fact_ids[0]}]", "地区生产总值增速")
    # The report's named items: its project, livelihood project and task, each with its sentence.
    assert "确保总投资2.4亿元的云溪光伏电站项目年内开工" in page.inner_text("[data-testid=import-projects]")
    assert page.input_value("[data-testid=import-projects] input[name^=investment_i]") == "24000"
    livelihood = page.locator("[data-testid=import-livelihood] tbody tr")
    page.uncheck(f"input[name=accept_i{livelihood.first.get_attribute('data-item')}]")  # left for the vote
    page.fill("[data-testid=import-tasks] input[name^=name_i]", "壮大镇域经济实力")
    page.screenshot(path=f"{SHOTS}/plans-import.png", full_page=True)
    page.click("[data-testid=import-submit]")
    board_url = page.url
    board = page.locator("#board-areas")
    assert "地区生产总值增速" in board.inner_text() and "一般公共预算收入" in board.inner_text()
    assert "外出招商" not in board.inner_text()
    assert "壮大镇域经济实力" in board.inner_text()
    from luoshi.plans.models import LivelihoodRound, Project

    project = Project.objects.get(name="云溪光伏电站项目")
    assert project.investment == 24000 and project.milestones.filter(name__contains="开工").exists()
    assert not LivelihoodRound.objects.exists()  # the unticked livelihood item created nothing
    # Importing again offers nothing new: everything taken is marked as imported.
    page.goto(f"{live_server.url}/plans/{project.plan_id}/import/?report={project.source_item.report_id}")
    assert page.locator("[data-testid=import-projects] .badge.ok").count() == 1
    assert page.locator("[data-testid=import-tasks] .badge.ok").count() == 1
    page.goto(board_url)
    page.screenshot(path=f"{SHOTS}/plans-board.png", full_page=True)
    plan_url = page.url

    # 2. Livelihood projects: collect, screen, candidates, open the vote.
    page.click("[data-tab=livelihood]")
    page.fill("input[name=seats]", "2")
    page.click("[data-testid=round-create]")
    page.screenshot(path=f"{SHOTS}/plans-round-new.png", full_page=True)
    page.click("#proposals summary")
    page.fill("#proposals input[name=title]", "桃坞村道路提质改造")
    page.fill("#proposals input[name=estimated_cost]", "420")
    page.click("#proposals button:has-text('登记')")
    page.click("[data-testid=advance-button]")
    page.select_option("#proposals select[name=owner_unit]", label="自然资源所")
    page.click("#proposals button:has-text('确定')")
    for name, budget, unit in (
        ("农贸市场升级改造", "260", "经发办"),
        ("居家养老服务中心", "150", "社会事务办"),
    ):
        page.click("text=直接添加候选项目")
        page.fill("#candidates input[name=name]", name)
        page.fill("#candidates input[name=budget]", budget)
        page.select_option("#candidates select[name=owner_unit]", label=unit)
        page.click("#candidates button:has-text('添加')")
    page.click("[data-testid=advance-button]")  # → 确定候选
    page.click("[data-testid=advance-button]")  # → 大会票决
    assert "表决进行中" in page.inner_text("#candidates")
    round_url = page.url

    # 3. The office names a chair, who opens the secret vote; three deputies vote; a second attempt is refused.
    name_chair(page, live_server, round_url, quorum=2)
    code = open_as_chair(page, live_server, round_url)
    votes = {
        "deputy": ["agree", "agree", "disagree"],
        "deputy2": ["agree", "disagree", "agree"],
        "deputy3": ["agree", "agree", "abstain"],
    }
    for username, choices in votes.items():
        cast(page, live_server, round_url, username, choices, shot=f"{SHOTS}/plans-ballot.png")
    poll_id = Poll.objects.get(round__plan__town=yunxi, round__plan__year=year, kind="vote").pk
    page.goto(f"{live_server.url}/plans/polls/{poll_id}/ballot/")  # deputy3 tries again
    assert page.locator("[data-testid=already-voted]").count() == 1
    assert page.locator("[data-testid=ballot-form]").count() == 0

    # 4. The chair seals the results with the code; the office re-verifies them.
    seal_as_chair(page, live_server, round_url, code)
    browser_login(page, live_server, "office")
    page.goto(round_url)
    assert "已投票 3 / 应到 3" in page.inner_text("[data-testid=quorum-vote]")
    assert page.locator("[data-testid=sealed]").count() == 1
    page.click("[data-testid=verify]")
    page.wait_for_selector("[data-testid=verify-result]")
    assert "核验通过" in page.inner_text("[data-testid=verify-result]")
    table = page.inner_text("[data-testid=candidates]")
    assert "桃坞村道路提质改造" in table and "确定实施" in table
    page.screenshot(path=f"{SHOTS}/plans-round-sealed.png", full_page=True)

    # 5. A project on track turns at risk when its progress report raises a problem needing help.
    from luoshi.plans.models import Plan

    plan = Plan.objects.get(town=yunxi, year=year)
    today = dt.date.today()
    project = services.project_create(
        plan=plan,
        name="瑞丰智能家居配件项目",
        owner_unit=yunxi.units.get(code="jfb"),
        start_date=today - dt.timedelta(days=60),
        deadline=today + dt.timedelta(days=60),
    )
    services.update_create(owner=project, date=today - dt.timedelta(days=2), text="厂房主体施工", progress=50)
    browser_login(page, live_server, "jingfa")  # 经发办 staff, the responsible unit
    page.goto(f"{live_server.url}/plans/projects/{project.pk}/")
    assert page.inner_text("[data-testid=project-status]") == "正常推进"
    page.click("[data-testid=add-update]")
    form = page.locator("[data-testid=update-form]")
    form.locator("textarea[name=text]").fill("高压线迁改未完成，吊装暂停")
    form.locator("input[name=progress]").fill("52")
    form.locator("input[name=problem]").fill("高压线迁改需供电公司配合")
    form.locator("input[name=help_from]").fill("县供电公司")
    form.locator("input[name=needs_help]").check()
    with page.expect_navigation():
        form.locator("button[type=submit]").click()
    assert page.inner_text("[data-testid=project-status]") == "滞后预警"
    page.screenshot(path=f"{SHOTS}/plans-project-at-risk.png", full_page=True)
    page.goto(plan_url.replace(f"/plans/{plan.pk}/", f"/plans/{plan.pk}/dispatch/"))
    assert "县供电公司" in page.inner_text("[data-testid=blocked]")
    page.screenshot(path=f"{SHOTS}/plans-dispatch.png", full_page=True)


def _round_id(url: str) -> int:
    from luoshi.plans.models import LivelihoodRound

    plan_id = int(re.search(r"/plans/(\d+)/livelihood/", url).group(1))
    return LivelihoodRound.objects.get(plan_id=plan_id).pk


def test_demo_plan_views_render_gantt_funnel_and_board(page, live_server):
    from luoshi.plans import demo
    from luoshi.plans.models import Plan

    ctx = load_org()
    demo.load(ctx)
    plan = Plan.objects.get(town=ctx.towns[0], year=dt.date.today().year)
    browser_login(page, live_server, "leader")
    page.goto(f"{live_server.url}/plans/{plan.pk}/gantt/")
    assert page.locator(".wall svg g.proj").count() == 30
    assert (
        page.locator(".wall svg path.dep").count() > 0 and page.locator(".wall svg line.today").count() == 1
    )
    page.screenshot(path=f"{SHOTS}/plans-gantt.png", full_page=True)
    page.goto(f"{live_server.url}/plans/{plan.pk}/funnel/")
    page.wait_for_selector("#funnel-chart canvas")
    page.screenshot(path=f"{SHOTS}/plans-funnel.png", full_page=True)
    page.goto(f"{live_server.url}/plans/{plan.pk}/")
    assert page.locator("#board-areas tr[data-item]").count() >= 20
    page.screenshot(path=f"{SHOTS}/plans-demo-board.png", full_page=True)
