"""In a real browser: the economy office imports a month's electricity feed (a dry run with one bad
row, then the corrected file), sees the warning the new month raises, opens the enterprise, logs a
visit from a phone that raises a problem (a 企业诉求 case), imports the statistics feed, and the
town's output indicator and the bound plan target move with it."""

from __future__ import annotations

import datetime as dt
import importlib
import os
import re

import pytest
from django.utils import timezone
from openpyxl import Workbook
from simple_history.utils import bulk_create_with_history

from luoshi.org.demo import load_org
from luoshi.org.testing import browser_login

pytestmark = pytest.mark.django_db(transaction=True, serialized_rollback=True)

SHOTS = os.environ.get("ECONOMY_SCREENSHOTS", "/tmp/economy-shots")


def shot(page, name):
    os.makedirs(SHOTS, exist_ok=True)
    page.screenshot(path=f"{SHOTS}/{name}.png", full_page=True)


def seed():
    """Transactional tests start from a flushed database: put the seeded case types and catalogue back."""
    from django.apps import apps

    from luoshi.accounts.services import catalogue_sync

    importlib.import_module("luoshi.cases.migrations.0002_seed_case_types").seed(apps, None)
    importlib.import_module("luoshi.economy.migrations.0002_case_types").seed(apps, None)
    catalogue_sync()


def write_xlsx(path, header, rows):
    wb = Workbook()
    ws = wb.active
    ws.append(header)
    for r in rows:
        ws.append(r)
    wb.save(path)
    return str(path)


def upload(page, live_server, path, name, source):
    page.goto(f"{live_server.url}/economy/import/")
    page.select_option("select[name=town]", label="云溪镇")
    page.fill("input[name=name]", name)
    page.select_option("select[name=source]", value=source)
    page.set_input_files("input[name=file]", path)
    page.click("[data-testid=upload-form] button[type=submit]")
    page.wait_for_url(re.compile(r"/economy/import/[^/]+/$"))


def test_feed_import_warning_visit_problem_and_the_target_moving(page, live_server, tmp_path):
    ctx = load_org()
    seed()
    from luoshi.accounts import selectors as acc
    from luoshi.accounts.models import Indicator
    from luoshi.economy import services
    from luoshi.economy import warnings as rules
    from luoshi.economy.models import EnterpriseCase, MonthlyReturn, Scale
    from luoshi.economy.tests.conftest import code_for
    from luoshi.plans import services as plan_services
    from luoshi.plans.models import Item

    yunxi = ctx.towns[0]
    jingfa = ctx.users["unit_jfb"]
    last = rules.add_months(timezone.localdate().replace(day=1), -1)
    ents = [
        services.enterprise_create(
            by=jingfa,
            town=yunxi,
            credit_code_text=code_for(i + 1),
            name=name,
            industry="C3484",
            contact_name="王经理",
            contact_phone="13912345678",
            scales=[(Scale.INDUSTRY, dt.date(2018, 1, 1))],
        )
        for i, name in enumerate(["云溪恒达机械有限公司", "云溪瑞丰新材料有限公司", "云溪宏图纺织有限公司"])
    ]
    rows = []
    for n, ent in enumerate(ents):  # 24 months up to the month before last; the third stops a month earlier
        for k in range(1 + (n == 2), 25):
            month = rules.add_months(last, -k)
            rows.append(
                MonthlyReturn(enterprise=ent, town=yunxi, month=month, kwh=500_000, output=1000, sales=1000)
            )
    bulk_create_with_history(rows, MonthlyReturn)
    plan = plan_services.plan_create(town=yunxi, year=last.year, title="年度计划", by=ctx.users["office"])
    item = plan_services.item_create(
        plan=plan,
        by=ctx.users["office"],
        kind=Item.Kind.TARGET,
        name="规上工业总产值",
        measure="level",
        target_value=5,
        unit="亿元",
        indicator=Indicator.objects.get(code="economy-output"),
    )
    before = acc.bound_figures([item], yunxi, last.year)[item.pk]

    # 1. the economy office imports the grid company's sheet for last month: one bad row first
    browser_login(page, live_server, "jingfa")
    header = ["统一社会信用代码", "月份", "用电量（千瓦时）"]
    good = [[code_for(1), f"{last:%Y-%m}", 480000], [code_for(2), f"{last:%Y年%m月}", 510000]]
    wrong = code_for(9)[:-1] + ("0" if code_for(9)[-1] != "0" else "1")  # a wrong check character
    bad = good + [[wrong, f"{last:%Y-%m}", 1]]
    upload(page, live_server, write_xlsx(tmp_path / "bad.xlsx", header, bad), "供电公司月度用电", "grid")
    assert page.locator("[data-testid=problem-count]").is_visible()
    problems = page.locator("[data-testid=problems]").inner_text()
    assert re.search(r"^4\s", problems, re.M) and wrong in problems
    assert page.locator("[data-testid=commit]").count() == 0
    shot(page, "01-dry-run-bad-row")
    assert not MonthlyReturn.objects.filter(month=last).exists()

    upload(page, live_server, write_xlsx(tmp_path / "good.xlsx", header, good), "供电公司月度用电", "grid")
    assert "2 条企业月度数据全部通过检查" in page.locator("[data-testid=ready]").inner_text()
    shot(page, "02-dry-run-clean")
    page.click("[data-testid=commit]")
    page.wait_for_url(re.compile(r"/economy/\?town="))
    assert MonthlyReturn.objects.filter(month=last).count() == 2

    # 2. the new month shows the third enterprise has stopped reporting, explained in words
    warnings = page.locator("[data-testid=warnings]")
    assert "云溪宏图纺织有限公司" in warnings.inner_text() and "未报送" in warnings.inner_text()
    shot(page, "03-dashboard-warnings")

    # 3. open it, and from a phone log a visit that raises a problem
    page.set_viewport_size({"width": 390, "height": 844})
    warnings.locator("a", has_text="云溪宏图纺织有限公司").click()
    page.wait_for_url(re.compile(r"/economy/enterprises/\d+/$"))
    assert page.locator("[data-testid=enterprise-name]").inner_text() == "云溪宏图纺织有限公司"
    assert "139****5678" in page.content()
    shot(page, "04-enterprise-phone")
    page.click("[data-testid=log-visit]")
    page.fill("textarea[name=note]", "企业反映订单减少，近两月停产检修。")
    page.fill("textarea[name=problem]", "检修后复产需办理环评变更手续，请协调。")
    page.select_option("select[name=problem_category]", label="审批手续")
    shot(page, "05-visit-form-phone")
    page.click("[data-testid=visit-form] button[type=submit]")
    page.wait_for_url(re.compile(r"/economy/enterprises/\d+/$"))
    link = EnterpriseCase.objects.get()
    assert link.case.case_type.code == "enterprise" and link.case.category.name == "审批手续"
    assert link.case.number in page.locator("[data-testid=enterprise-cases]").inner_text()
    assert "近两月停产检修" in page.locator("[data-testid=visits]").inner_text()
    shot(page, "06-visit-logged-phone")

    # 4. the statistics feed brings last month's output: the indicator and the plan target move
    page.set_viewport_size({"width": 1280, "height": 900})
    stats = [[code_for(1), f"{last:%Y-%m}", 1300], [code_for(2), f"{last:%Y-%m}", 1200]]
    path = write_xlsx(tmp_path / "stats.xlsx", ["统一社会信用代码", "月份", "工业总产值"], stats)
    upload(page, live_server, path, "统计局月报", "stats")
    page.click("[data-testid=commit]")
    page.wait_for_url(re.compile(r"/economy/\?town="))
    after = acc.bound_figures([item], yunxi, last.year)[item.pk]
    # last month is complete now (the third enterprise stopped the month before, which held that
    # month up, test_completeness.py): the target counts every month of the year up to last month
    counted = MonthlyReturn.objects.filter(town=yunxi, month__year=last.year, month__lte=last)
    assert after.value == pytest.approx(sum(r.output or 0 for r in counted) / 10000)
    assert after.value > (before.value or 0) and after.result.through == last

    browser_login(page, live_server, "leader")
    page.goto(f"{live_server.url}/plans/{plan.pk}/")
    actual = page.locator(f"tr[data-item='{item.pk}'] [data-testid=actual]").inner_text()
    assert actual == after.display != before.display
    shot(page, "07-plan-target-moved")
