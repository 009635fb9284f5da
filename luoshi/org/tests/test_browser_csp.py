"""In a real browser, under the enforced Content-Security-Policy: the pages with behaviour (select-all,
reply templates, htmx forms and filters, the language switch, ECharts charts, chart bars placed from
data attributes, the report viewer, the API docs) work, and the browser reports no policy violation."""

from __future__ import annotations

import datetime as dt
import importlib
import os
import re
from pathlib import Path

import pytest
from django.apps import apps

from luoshi.cases import services as cases
from luoshi.cases.models import ReplyTemplate
from luoshi.org.demo import load_org
from luoshi.org.models import Unit
from luoshi.org.testing import browser_login
from luoshi.plans import demo as plans_demo
from luoshi.plans.models import LivelihoodRound, Plan
from luoshi.reports import services as reports

pytestmark = pytest.mark.django_db(transaction=True, serialized_rollback=True)

SHOTS = os.environ.get("CSP_SCREENSHOTS", "/tmp/csp-shots")

# Registered before any page script runs, so violations during parsing are caught too.
WATCH_VIOLATIONS = """
window.__cspViolations = [];
document.addEventListener("securitypolicyviolation", (e) => {
  window.__cspViolations.push(`${e.violatedDirective} ${e.blockedURI} ${e.sample || ""}`.trim());
});
"""


class Watch:
    """Collects CSP violation events, console errors and uncaught exceptions of one page."""

    def __init__(self, page):
        self.page = page
        self.console: list[str] = []
        self.errors: list[str] = []
        page.context.add_init_script(WATCH_VIOLATIONS)
        page.on("console", self._console)
        page.on("pageerror", lambda exc: self.errors.append(str(exc)))

    def _console(self, msg):
        if "Content Security Policy" in msg.text:
            self.console.append(msg.text)
        elif msg.type == "error" and not msg.location.get("url", "").endswith("/favicon.ico"):
            self.console.append(msg.text)

    def assert_clean(self, where: str):
        violations = self.page.evaluate("window.__cspViolations || []")
        assert violations == [], f"{where}: CSP violations {violations}"
        assert self.console == [], f"{where}: console errors {self.console}"
        assert self.errors == [], f"{where}: script errors {self.errors}"
        self.page.evaluate("window.__cspViolations = []")


def shot(page, name):
    os.makedirs(SHOTS, exist_ok=True)
    page.screenshot(path=f"{SHOTS}/{name}.png", full_page=True)


def setup_data():
    """The demo organisation and plans, one stored report, and a case the unit is handling."""
    ctx = load_org()
    # Transactional tests start from a flushed database: put the seeded case types back.
    importlib.import_module("luoshi.cases.migrations.0002_seed_case_types").seed(apps, None)
    yunxi = ctx.towns[0]
    office, unit = ctx.users["office"], ctx.users["unit"]
    plans_demo.load(ctx)
    text = (Path(reports.__file__).parent / "demo" / "yunxi_2025.txt").read_text(encoding="utf-8")
    parsed = reports.read_source(source=text.encode("utf-8"), name="yunxi.txt")
    report, _ = reports.report_store(parsed=parsed, town=yunxi, uploaded_by=office, source_name="yunxi.txt")
    made = [
        cases.case_create(
            case_type="public", actor=office, town=yunxi, title=f"路灯不亮 {i}", content="村口路灯坏了。"
        )
        for i in range(4)
    ]
    yjb = Unit.objects.get(town=yunxi, code="yjb")
    for c in made[:2]:
        cases.case_sign(case=cases.case_dispatch(case=c, actor=office, unit=yjb), actor=unit)
    cases.case_resolve(case=made[1], actor=unit, reply="已修复。")  # a bar in the KPI chart
    case = made[0]
    # A template for this town and type: the case page does not list the seeded ones for all towns and
    # types (town=None, case_type=None), because ``__in=[None, …]`` drops the None.
    ReplyTemplate.objects.create(
        town=yunxi, case_type=case.case_type, title="路灯已修复", text="已更换灯具，经夜间检查全部正常点亮。"
    )
    plan = Plan.objects.get(town=yunxi, year=dt.date.today().year)
    return {"plan": plan, "report": report, "case": case}


def test_pages_work_under_the_policy_without_violations(page, live_server):
    data = setup_data()
    plan, report, case = data["plan"], data["report"], data["case"]
    url = live_server.url
    watch = Watch(page)

    # home and the case list: the select-all checkbox ticks and clears every row
    browser_login(page, live_server, "office")
    assert page.locator("html").get_attribute("lang") == "zh-hans"
    watch.assert_clean("home")
    page.goto(f"{url}/cases/")
    boxes = page.locator("input[name=ids]")
    n = boxes.count()
    assert n >= 2
    page.click("[data-testid=check-all]")
    assert all(boxes.nth(i).is_checked() for i in range(n))
    page.click("[data-testid=check-all]")
    assert not any(boxes.nth(i).is_checked() for i in range(n))
    watch.assert_clean("case list")

    # KPIs: ECharts draws on a canvas, and its tooltip (drawn on the canvas too) breaks no rule
    page.goto(f"{url}/cases/kpi/?kpi=completion")  # every received case counts, so the chart has a bar
    chart = page.locator("#kpi-chart")
    chart.locator("canvas").first.wait_for()
    chart.scroll_into_view_if_needed()
    box = chart.bounding_box()
    page.mouse.move(box["x"] + box["width"] / 2, box["y"] + box["height"] * 0.8)
    page.wait_for_timeout(300)
    shot(page, "kpi")
    watch.assert_clean("kpi")

    # the report viewer: a fact row flashes its quote; an htmx filter swaps the fact table
    page.goto(f"{url}/reports/{report.pk}/")
    row = page.locator("[data-testid=fact-table] tbody tr[data-seq]").first
    seq = row.get_attribute("data-seq")
    row.click()
    assert page.locator(f'#report-text mark.flash[data-f~="{seq}"]').count() > 0
    page.select_option("#fact-filters select[name=kind]", "target")
    page.wait_for_function(
        "() => { const r = document.querySelectorAll('[data-testid=fact-table] tbody tr[data-seq]');"
        " return r.length > 0 && [...r].every(x => x.classList.contains('k-target')); }"
    )
    watch.assert_clean("report viewer")

    # the plan board: progress bars take their width from data attributes, also after an htmx filter
    page.goto(f"{url}/plans/{plan.pk}/")
    width_of_bars = (
        "() => [...document.querySelectorAll('#board-areas .bar > span[data-width-pct]')]"
        ".map(s => [parseFloat(s.dataset.widthPct), s.style.width])"
    )
    bars = page.evaluate(width_of_bars)
    assert bars and all(got == f"{want:g}%" for want, got in bars)
    assert any(want > 0 for want, _ in bars)
    page.select_option("form.filters[hx-get] select[name=area]", index=1)
    page.wait_for_url(re.compile(r"area="))
    page.wait_for_function("() => document.querySelectorAll('#board-areas section').length === 1")
    # (the swapped bars are placed on htmx:load, after the swap settles: wait for that, not only the swap)
    page.wait_for_function(
        "() => [...document.querySelectorAll('#board-areas .bar > span[data-width-pct]')]"
        ".some(s => s.style.width !== '')"
    )
    bars = page.evaluate(width_of_bars)
    assert bars and all(got == f"{want:g}%" for want, got in bars)
    watch.assert_clean("plan board")

    # 挂图作战 and the funnel
    page.goto(f"{url}/plans/{plan.pk}/gantt/")
    bars = page.locator(".wall svg rect.plan")
    assert bars.count() > 5
    # the SVG is styled by the static stylesheet (no inline style): bars are filled, not black
    fill = bars.first.evaluate("b => getComputedStyle(b).fill")
    assert fill not in ("", "rgb(0, 0, 0)")
    shot(page, "gantt")
    watch.assert_clean("gantt")
    page.goto(f"{url}/plans/{plan.pk}/funnel/")
    page.locator("#funnel-chart canvas").first.wait_for()
    assert page.locator(".funnel-row .fb").first.evaluate("b => b.style.width") == "100%"
    shot(page, "funnel")
    watch.assert_clean("funnel")

    # data-confirm asks first, and a "cancel" keeps the form from being sent
    phase = LivelihoodRound.objects.get(plan=plan).phase
    page.goto(f"{url}/plans/{plan.pk}/livelihood/")
    asked = []
    page.once("dialog", lambda dialog: (asked.append(dialog.message), dialog.dismiss()))
    page.click("[data-testid=advance-button]")
    page.wait_for_timeout(300)
    assert asked == ["确认进入下一阶段？此操作不可撤回。"]
    assert (
        page.url == f"{url}/plans/{plan.pk}/livelihood/"
        and LivelihoodRound.objects.get(plan=plan).phase == phase
    )
    watch.assert_clean("livelihood round")

    # the API docs use the vendored Swagger UI
    page.goto(f"{url}/api/docs")
    page.locator(".swagger-ui .info").wait_for()
    watch.assert_clean("api docs")

    # the unit picks a reply template, then resolves the case through the htmx form
    browser_login(page, live_server, "unit")
    page.goto(f"{url}/cases/{case.pk}/")
    resolve = page.locator("details[data-action=resolve]")
    if resolve.get_attribute("open") is None:
        resolve.locator("summary").click()
    template = resolve.locator("select[data-fill-textarea] option").nth(1)
    text = template.get_attribute("value")
    assert text
    resolve.locator("select[data-fill-textarea]").select_option(index=1)
    assert resolve.locator("textarea").input_value() == text
    resolve.locator("button[type=submit]").click()
    page.wait_for_selector("[data-testid=status]:has-text('已办结待回访')")
    watch.assert_clean("case detail")

    # the language select submits itself
    page.select_option("select[name=language]", "en")
    page.wait_for_function("() => document.documentElement.lang === 'en'")
    watch.assert_clean("language switch")
