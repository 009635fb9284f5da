"""End to end as the issue's "done means": the county leader opens the dashboard, sees the towns side
by side, opens a town's assessment, follows a score to its cases and publishes the ranking; a town
office user sees its own scores and files an objection."""

from __future__ import annotations

import re

import pytest

from luoshi.org.testing import browser_login

pytestmark = pytest.mark.django_db(transaction=True)  # _reference_data puts back the seeded rows
SHOTS = "/tmp/county-shots"


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
    page.click("a[data-nav=county_dashboard]")
    kpis = page.locator("[data-testid=town-kpis]")
    assert "云溪镇" in kpis.inner_text() and "白鹭街道" in kpis.inner_text()
    page.wait_for_selector("#town-chart canvas")
    page.screenshot(path=f"{SHOTS}/dashboard.png", full_page=True)

    # the assessment: live scores, a town's breakdown, a score followed to its cases
    page.click("a[data-nav=county]")
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
    page.click("a[data-nav=county]")
    page.click("[data-testid=my-scores]")
    assert "84.00" in page.locator("[data-testid=base]").inner_text()
    assert page.locator("[data-testid=published-link]").count() == 1
    page.locator("[data-testid=object]").first.click()
    page.fill("textarea[name=text]", "1月入库数漏计了一笔土地出让收入，请核实。")
    page.click("[data-testid=submit-objection]")
    page.wait_for_url(re.compile(r"/county/objections/\d+/"))
    assert page.locator("[data-testid=state]").inner_text() == "待答复"
    page.screenshot(path=f"{SHOTS}/objection.png", full_page=True)
