"""End to end as the issue's "done means": the county leader opens the dashboard, sees the towns side
by side, opens a town's assessment, follows a score to its cases and publishes the ranking; a town
office user sees its own scores and files an objection."""

from __future__ import annotations

import re

import pytest

from luoshi.org.testing import browser_login, nav_link

pytestmark = pytest.mark.django_db(transaction=True)  # _reference_data puts back the seeded rows
SHOTS = "/tmp/county-shots"
MY_SHOTS = "/work/shots/countyops"


@pytest.fixture(autouse=True)
def _reference_data(transactional_db):
    """Transactional tests run after others have flushed the database: put back what migrations seed
    (case types, the objection type, the indicator catalogue), each step idempotent."""
    import importlib

    from django.apps import apps

    from luoshi.accounts.services import catalogue_sync

    importlib.import_module("luoshi.cases.migrations.0002_seed_case_types").seed(apps, None)
    importlib.import_module("luoshi.county.migrations.0002_objection_case_type").add_type(apps, None)
    catalogue_sync()


def test_county_dashboard_assessment_publication_and_objection(page, live_server, scheme, yunxi):
    page.on("dialog", lambda d: d.accept())
    browser_login(page, live_server, "county")

    # the dashboard: towns side by side, a chart drawn from the embedded data
    nav_link(page, "county_dashboard").click()
    kpis = page.locator("[data-testid=town-kpis]")
    assert "云溪镇" in kpis.inner_text() and "白鹭街道" in kpis.inner_text()
    page.wait_for_selector("#town-chart canvas")
    page.screenshot(path=f"{SHOTS}/dashboard.png", full_page=True)

    # the assessment: live scores, a town's breakdown, a score followed to its cases
    nav_link(page, "county").click()
    page.click(f"text={scheme}")
    assert "云溪镇" in page.locator("[data-testid=live-scores]").inner_text()
    page.click("[data-testid=live-scores] >> text=云溪镇")
    page.screenshot(path=f"{SHOTS}/town-county-view.png", full_page=True)
    page.click("[data-testid=town-lines] >> text=75.0%")
    page.wait_for_url(re.compile(r"/indicators/cases-petition-on-time/"))
    records = page.locator("[data-testid=records] a")
    assert records.count() == 4
    records.first.click()
    page.wait_for_url(re.compile(r"/cases/\d+/"))
    assert "信访" in page.content()

    # compute and publish the ranking
    page.goto(f"{live_server.url}/county/schemes/{scheme.pk}/")
    page.click("[data-testid=compute]")
    page.wait_for_url(re.compile(r"/county/results/\d+/"))
    assert page.locator("[data-testid=draft]").count() == 1
    page.click("[data-testid=publish]")
    page.wait_for_selector("[data-testid=published]")
    ranking = page.locator("[data-testid=ranking]").inner_text()
    assert ranking.index("云溪镇") < ranking.index("白鹭街道")
    page.screenshot(path=f"{SHOTS}/result-published.png", full_page=True)

    # the town office: its own scores, then an objection
    browser_login(page, live_server, "office")
    nav_link(page, "county").click()
    page.click("[data-testid=my-scores]")
    assert "84.00" in page.locator("[data-testid=base]").inner_text()
    assert page.locator("[data-testid=published-link]").count() == 1
    page.locator("[data-testid=object]").first.click()
    page.fill("textarea[name=text]", "1月入库数漏计了一笔土地出让收入，请核实。")
    page.click("[data-testid=submit-objection]")
    page.wait_for_url(re.compile(r"/county/objections/\d+/"))
    assert page.locator("[data-testid=state]").inner_text() == "待答复"
    page.screenshot(path=f"{SHOTS}/objection.png", full_page=True)


def test_county_staff_build_a_small_scheme_in_the_browser_and_compute_it(
    page, live_server, scheme, yunxi, bailu
):
    """New scheme → categories → two lines (one refused for passing 100 points, then fixed) → a line
    deleted after confirming → a bonus → results computed: the towns ranked within their category."""
    from luoshi.accounts.models import Indicator

    revenue = Indicator.objects.get(code="budget-revenue")
    petition = Indicator.objects.get(code="cases-petition-on-time")
    dialogs = []
    page.on("dialog", lambda d: (dialogs.append(d.message), d.accept()))
    browser_login(page, live_server, "county")
    nav_link(page, "county").click()
    page.click("[data-testid=new-scheme]")
    page.fill("input[name=name]", "2026年度重点工作专项考核")
    page.fill("input[name=year]", "2026")
    page.fill("input[name=document]", "青岚县委办〔2026〕12号")
    page.screenshot(path=f"{MY_SHOTS}/scheme-new.png", full_page=True)
    page.click("[data-testid=save-scheme]")
    page.wait_for_url(re.compile(r"/county/schemes/\d+/$"))
    assert "请添加考核指标" in page.locator(".messages").inner_text()

    page.select_option(f"select[name=cat_{bailu.pk}]", "2")
    page.click("[data-testid=save-categories]")
    assert page.locator(f"select[name=cat_{bailu.pk}]").input_value() == "2"

    def add_line(indicator, weight, target, group="economy"):
        page.click("[data-testid=add-line]")
        page.select_option("select[name=indicator]", str(indicator.pk))
        page.select_option("select[name=group]", group)
        page.fill("input[name=weight]", weight)
        page.fill("input[name=target]", target)
        page.click("[data-testid=save-line]")

    add_line(revenue, "70", "2")
    add_line(petition, "40", "100", group="safety")  # 110 points: refused, the form stays
    assert "不能超过 100 分" in page.locator("[data-testid=line-form]").inner_text()
    page.fill("input[name=weight]", "30")
    page.click("[data-testid=save-line]")
    page.wait_for_url(re.compile(r"/county/schemes/\d+/#lines$"))
    assert page.locator("[data-testid=weight-total]").inner_text().startswith("分值合计 100 / 100")
    assert page.locator("[data-testid=lines] tbody tr").count() == 2

    page.locator("[data-testid=delete-line]").last.click()
    page.wait_for_load_state()
    assert dialogs and "删除" in dialogs[-1]
    assert page.locator("[data-testid=lines] tbody tr").count() == 1
    add_line(petition, "30", "100", group="safety")

    page.click("text=登记加分、扣分或一票否决")
    page.select_option("select[name=town]", str(bailu.pk))
    page.select_option("select[name=kind]", "bonus")
    page.fill("input[name=points]", "2")
    page.fill("input[name=reason]", "获评省级文明乡镇")
    page.fill("input[name=document]", "省文明委〔2026〕2号")
    page.click("form[action$='/adjustments/'] button[type=submit]")
    assert "获评省级文明乡镇" in page.locator("[data-testid=adjustments]").inner_text()
    page.screenshot(path=f"{MY_SHOTS}/scheme-built.png", full_page=True)

    page.click("[data-testid=compute]")
    page.wait_for_url(re.compile(r"/county/results/\d+/"))
    first, second = page.locator("[data-testid=ranking]").all_inner_texts()  # one table per category
    assert "云溪镇" in first and "白鹭街道" in second
    page.screenshot(path=f"{MY_SHOTS}/scheme-result.png", full_page=True)

    # the same pages on a phone: no sideways scrolling of the page itself
    page.set_viewport_size({"width": 390, "height": 844})
    page.go_back()
    page.goto(page.url.split("/county/")[0] + "/county/")
    page.click("[data-testid=new-scheme]")
    assert page.evaluate("document.documentElement.scrollWidth") <= 390
    page.screenshot(path=f"{MY_SHOTS}/scheme-new-phone.png", full_page=True)
