"""The desk at work: registering an enterprise, a visit from a phone that raises a problem (a 企业诉求
case counted in 帮助企业解决问题), imported figures moving the town's indicator and the bound plan
target, and the demo's warnings finding exactly the enterprises built to trip them."""

from __future__ import annotations

import datetime as dt
import re

import pytest
from django.utils import timezone

from luoshi.accounts import periods, registry
from luoshi.accounts import selectors as acc
from luoshi.accounts.models import Indicator
from luoshi.cases import services as case_services
from luoshi.cases.models import Status
from luoshi.economy import demo, selectors
from luoshi.economy import warnings as rules
from luoshi.economy.models import Enterprise, EnterpriseCase, MeterAccount, ScaleFlag, Visit
from luoshi.economy.tests.conftest import code_for, report_stats, xlsx
from luoshi.org.models import Unit
from luoshi.plans import services as plan_services
from luoshi.plans.models import Item


def test_registering_an_enterprise_checks_its_code_and_records_flags_and_meters(org, client_for):
    c = client_for("jingfa")
    data = {
        "town": org.towns[0].pk,
        "credit_code": code_for(5)[:-1] + ("0" if code_for(5)[-1] != "0" else "1"),
        "name": "云溪新材料有限公司",
        "industry": "C2929",
        "scale": "industry",
        "scale_since": "2025-01-01",
        "meters": "A1, A2",
    }
    resp = c.post("/economy/enterprises/new/", data)
    assert resp.status_code == 400 and "校验位不正确" in resp.content.decode()
    assert not Enterprise.objects.exists()
    resp = c.post("/economy/enterprises/new/", {**data, "credit_code": code_for(5).lower()})
    assert resp.status_code == 302
    ent = Enterprise.objects.get()
    assert ent.credit_code == code_for(5) and ent.desk == Unit.objects.get(town=org.towns[0], code="jfb")
    assert list(ScaleFlag.objects.values_list("scale", "since")) == [("industry", dt.date(2025, 1, 1))]
    assert sorted(MeterAccount.objects.values_list("account", flat=True)) == ["A1", "A2"]
    resp = c.post("/economy/enterprises/new/", {**data, "credit_code": code_for(5), "meters": ""})
    assert resp.status_code == 400 and "已登记" in resp.content.decode()


def test_the_town_office_cannot_register_enterprises(org, client_for):
    assert client_for("office").get("/economy/enterprises/new/").status_code == 403


def test_a_visit_logged_from_a_phone_turns_a_problem_into_a_counted_enterprise_case(econ, org, client_for):
    c = client_for("jingfa")
    ent = econ[0]
    form = c.get(f"/economy/enterprises/{ent.pk}/visit/").content.decode()
    assert 'type="date"' in form and "problem_category" in form
    resp = c.post(
        f"/economy/enterprises/{ent.pk}/visit/",
        {
            "visited_on": timezone.localdate().isoformat(),
            "kind": "routine",
            "note": "生产正常",
            "problem": "扩产需新增用地20亩",
            "problem_category": "land",
        },
    )
    assert resp.status_code == 302
    visit = Visit.objects.get()
    link = EnterpriseCase.objects.get()
    assert link.visit == visit and link.origin == "problem"
    case = link.case
    assert case.case_type.code == "enterprise" and case.category.code == "land" and case.town == ent.town
    assert case.content == "扩产需新增用地20亩" and case.status == Status.RECEIVED

    now = timezone.now()
    start = timezone.make_aware(dt.datetime(now.year, 1, 1))
    assert registry.compute("cases-enterprise-solved", ent.town, start, now, now).value == 0
    jfb = Unit.objects.get(town=ent.town, code="jfb")
    case = case_services.case_dispatch(case=case, actor=org.users["office"], unit=jfb)
    case = case_services.case_sign(case=case, actor=org.users["unit_jfb"])
    case_services.case_resolve(case=case, actor=org.users["unit_jfb"], reply="已协调用地指标。")
    now = timezone.now()
    assert registry.compute("cases-enterprise-solved", ent.town, start, now, now).value == 1
    page = c.get(f"/economy/enterprises/{ent.pk}/").content.decode()
    assert case.number in page and "生产正常" in page


def test_a_visit_in_the_future_is_refused_naming_the_field(econ, client_for):
    resp = client_for("jingfa").post(
        f"/economy/enterprises/{econ[0].pk}/visit/",
        {"visited_on": (timezone.localdate() + dt.timedelta(days=2)).isoformat(), "kind": "routine"},
    )
    assert resp.status_code == 400 and "不能晚于今天" in resp.content.decode()
    assert not Visit.objects.exists()


def test_an_import_moves_the_towns_indicator_and_the_bound_plan_target(econ, org, client_for, last_month):
    """The figure a plan target shows is the sum of the returns: importing a revised month moves it."""
    yunxi = org.towns[0]
    year = last_month.year
    plan = plan_services.plan_create(town=yunxi, year=year, title="计划", by=org.users["office"])
    ind = Indicator.objects.get(code="economy-output")
    item = plan_services.item_create(
        plan=plan,
        by=org.users["office"],
        kind=Item.Kind.TARGET,
        name="规上工业总产值",
        measure="level",
        target_value=5,
        unit="亿元",
        indicator=ind,
    )
    before = acc.bound_figures([item], yunxi, year)[item.pk].value
    months_this_year = last_month.month if last_month.year == year else 0
    assert before == pytest.approx(3 * 1000 * months_this_year / 10000)
    c = client_for("jingfa")
    resp = c.post(
        "/economy/import/",
        {
            "town": yunxi.pk,
            "name": "统计月报",
            "source": "stats",
            "layout": "rows",
            "key": "credit_code",
            "file": xlsx(
                [[code_for(1), f"{last_month:%Y-%m}", 3000]], ["统一社会信用代码", "月份", "工业总产值"]
            ),
        },
    )
    url = resp["Location"]
    assert c.post(url + "commit/").status_code == 302
    after = acc.bound_figures([item], yunxi, year)[item.pk].value
    assert after == pytest.approx(before + 2000 / 10000)
    fig = acc.figure(ind, yunxi, periods.Period(year, periods.MONTH, last_month.month))
    assert fig.value == pytest.approx(after) and fig.result.model == "enterprise"


def test_the_dashboard_shows_year_on_year_and_cumulative_figures(econ, client_for, last_month):
    body = (
        client_for("leader")
        .get(f"/economy/?town={econ[0].town_id}&month={last_month:%Y-%m}")
        .content.decode()
    )
    row = re.search(r'data-metric="output">(.*?)</tr>', body, re.S)[1]
    assert "3,000" in row and "+0.0%" in row
    assert f"{3000 * last_month.month:,}" in row


def test_a_bad_month_parameter_is_a_400_naming_it(econ, client_for):
    resp = client_for("leader").get("/economy/?month=2026-13")
    assert resp.status_code == 400 and "month" in resp.content.decode()


@pytest.fixture
def demo_econ(org):
    demo.load(org)
    return org


def test_the_demo_warnings_find_the_enterprises_built_to_trip_them_and_no_others(demo_econ):
    for town in demo_econ.towns:
        ents = list(Enterprise.objects.filter(town=town).order_by("credit_code"))
        assert len(ents) == 60
        assert selectors.MonthlyReturn.objects.filter(town=town).values("month").distinct().count() == 36
        expected = {(ents[i].pk, kind) for i, kind in demo.SPECIAL.items()}
        found = {(f.enterprise.pk, f.warning.kind) for f in selectors.town_warnings(town)}
        assert found == expected
    assert set(demo.SPECIAL.values()) == set(rules.KINDS)


def test_the_demo_loads_once(demo_econ):
    n = Enterprise.objects.count()
    demo.load(demo_econ)
    assert Enterprise.objects.count() == n == 120


def test_warnings_kept_in_the_cache_follow_an_import_and_a_task(econ, org, last_month):
    from luoshi.economy import imports, services
    from luoshi.economy.models import Feed

    yunxi = org.towns[0]
    assert selectors.town_warnings(yunxi) == []
    feed = services.feed_create(
        by=org.users["unit_jfb"],
        town=yunxi,
        name="电",
        source="grid",
        layout=Feed.Layout.ROWS,
        key="credit_code",
    )
    row = imports.Row(econ[0].pk, last_month, {"kwh": 100_000}, "2")
    imports.commit([row], town=yunxi, feed=feed, by=org.users["unit_jfb"], mapping={})
    (flag,) = selectors.town_warnings(yunxi)
    assert flag.warning.kind == rules.KWH_DROP and flag.task is None
    services.warning_task_create(
        by=org.users["unit_jfb"], enterprise=econ[0], kind=rules.KWH_DROP, month=last_month
    )
    (flag,) = selectors.town_warnings(yunxi)
    assert flag.task is not None


def test_cached_town_totals_follow_an_import(econ, org, last_month):

    yunxi = org.towns[0]

    def output():
        (s,) = selectors.summaries([yunxi], last_month)
        return next(line.value for line in s.lines if line.field == "output")

    assert output() == 3000
    report_stats(org, yunxi, econ[0], last_month, output=1300)
    assert output() == 3300
