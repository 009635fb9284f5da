"""Plan targets bound to indicators: the actual and 序时进度 come from the indicator, never typed."""

from __future__ import annotations

import datetime as dt

import pytest
from django.urls import reverse
from django.utils import timezone

from luoshi.accounts import matching, services
from luoshi.accounts.models import Indicator
from luoshi.plans import selectors as plan_sel
from luoshi.plans import services as plan_services
from luoshi.plans.models import Item, Update
from luoshi.plans.tests.test_plan_services import make_report

pytestmark = pytest.mark.django_db
YEAR = timezone.localdate().year


def target(plan, office, name, indicator=None, measure="rate", value=95, unit="%"):
    return plan_services.item_create(
        plan=plan,
        by=office,
        kind="target",
        name=name,
        measure=measure,
        target_value=value,
        unit=unit,
        indicator=indicator,
    )


def row_of(plan, item):
    return {r.obj.pk: r for r in plan_sel.flatten(plan_sel.item_tree(plan))}[item.pk]


def test_a_bound_target_shows_the_case_engines_figure_with_a_provenance_link(
    org, plan, petitions, ind, client_for
):
    petitions([True, True, True, True, True, False])
    item = target(plan, org.users["office"], "信访事项按期办结率", ind("cases-petition-on-time"))
    body = client_for("office").get(reverse("plans:board", args=[plan.pk])).content.decode()
    cell = body[body.index(f'data-item="{item.pk}"') :].split("</tr>")[0]
    assert "83.3%" in cell and "95" not in cell.split("<td>")[3]
    assert f'href="/indicators/cases-petition-on-time/{plan.town_id}/{YEAR}/"' in cell
    page = client_for("deputy").get(reverse("plans:item", args=[item.pk])).content.decode()
    assert 'data-testid="provenance-link"' in page and "83.3%" in page
    assert row_of(plan, item).actual == 83.3


def test_a_typed_actual_is_refused_for_a_bound_target(org, plan, ind, client_for):
    item = target(plan, org.users["office"], "信访事项按期办结率", ind("cases-petition-on-time"))
    with pytest.raises(plan_services.PlanError):
        plan_services.update_create(owner=item, date=timezone.localdate(), text="95%", actual_value=95)
    resp = client_for("office").post(
        reverse("plans:update_create", args=["item", item.pk]),
        {"date": timezone.localdate().isoformat(), "text": "本月办结率95%", "actual_value": "95"},
    )
    assert resp.status_code == 302
    assert not Update.objects.filter(item=item).exists()
    page = client_for("office").get(reverse("plans:item", args=[item.pk])).content.decode()
    assert 'name="actual_value"' not in page  # the form does not even offer it
    # progress text without a number is still fine
    plan_services.update_create(owner=item, date=timezone.localdate(), text="开展积案化解")
    assert Item.objects.get(pk=item.pk).actual_value is None


def test_binding_an_item_that_had_a_typed_actual_drops_it(org, plan, ind):
    office = org.users["office"]
    item = target(plan, office, "安全隐患整改率", value=100)
    plan_services.update_create(
        owner=item, date=timezone.localdate(), text="整改97%", actual_value=97, by=office
    )
    assert Item.objects.get(pk=item.pk).actual_value == 97
    plan_services.item_edit(item=item, indicator=ind("cases-hazard-rectification"), by=office)
    item.refresh_from_db()
    assert item.actual_value is None
    assert row_of(plan, item).actual is None  # no hazards yet: nothing, not the typed 97


def test_an_override_needs_a_reason_and_is_shown_beside_the_computed_value(
    org, plan, petitions, ind, client_for
):
    petitions([True, False])
    office = org.users["office"]
    item = target(plan, office, "信访事项按期办结率", ind("cases-petition-on-time"))
    with pytest.raises(plan_services.PlanError):
        plan_services.item_override_actual(item=item, value=95, reason=" ", by=office)
    c = client_for("office")
    c.post(
        reverse("plans:item_override_actual", args=[item.pk]), {"value": "95", "reason": "县信访局通报口径"}
    )
    item.refresh_from_db()
    assert item.actual_override == 95 and item.actual_override_reason == "县信访局通报口径"
    page = c.get(reverse("plans:item", args=[item.pk])).content.decode()
    assert "50.0%" in page and 'data-testid="actual-override"' in page and "县信访局通报口径" in page
    assert row_of(plan, item).actual == 50.0  # the status still judges the computed figure
    assert (
        client_for("deputy")
        .post(reverse("plans:item_override_actual", args=[item.pk]), {"value": "99", "reason": "x"})
        .status_code
        == 403
    )
    unbound = target(plan, office, "自定义", None)
    with pytest.raises(plan_services.PlanError):
        plan_services.item_override_actual(item=unbound, value=1, reason="x", by=office)


def test_a_reported_statistic_gives_the_actual_and_its_own_time_progress(org, plan, yunxi, ind):
    office = org.users["office"]
    item = target(
        plan, office, "一般公共预算收入", ind("budget-revenue"), measure="level", value=1.2, unit="亿元"
    )
    assert row_of(plan, item).actual is None
    services.value_record(
        indicator=ind("budget-revenue"),
        town=yunxi,
        period=f"{YEAR}-01",
        value=0.05,
        source_document="财政所1月台账",
        by=office,
    )
    if timezone.localdate() >= dt.date(YEAR, 4, 1):
        services.value_record(
            indicator=ind("budget-revenue"),
            town=yunxi,
            period=f"{YEAR}-03",
            value=0.31,
            source_document="财政所3月台账",
            by=office,
        )
        row = row_of(plan, item)
        assert row.actual == 0.31 and row.time_progress == 0.25  # 1-3月累计 → 3/12, not today's date
        assert row.status == "on_track"  # 0.31/1.2 = 26% ≥ 25% − 5 pts
    else:
        assert row_of(plan, item).actual == 0.05


def test_another_towns_indicator_cannot_be_bound(org, plan, bailu):
    own = services.indicator_create(
        town=bailu,
        code="bailu-tea",
        name="茶叶产量",
        definition="x",
        source="reported",
        period="year",
        by=org.users["office_b"],
    )
    with pytest.raises(plan_services.PlanError):
        target(plan, org.users["office"], "茶叶产量", own)


def test_matching_proposes_by_alias_then_by_similarity_and_respects_growth():
    catalogue = list(Indicator.objects.filter(is_active=True))
    assert matching.suggest("全年一般公共预算收入", "level", catalogue).indicator.code == "budget-revenue"
    assert matching.suggest("固定资产投资总额", "level", catalogue).indicator.code == "fixed-asset-investment"
    gdp = matching.suggest("地区生产总值", "growth", catalogue)
    assert gdp.indicator.code == "gdp-growth" and gdp.how == "alias"
    assert matching.suggest("地区生产总值", "level", catalogue).indicator.code == "gdp"
    assert matching.suggest("整改率", "rate", catalogue).indicator.code == "cases-hazard-rectification"
    similar = matching.suggest("信访事项按时办结率", "rate", catalogue)
    assert similar.indicator.code == "cases-petition-on-time" and similar.how == "similar"
    assert matching.suggest("桥梁维修", "level", catalogue) is None


def test_the_report_import_proposes_an_indicator_and_creates_the_binding_the_user_confirms(
    org, plan, yunxi, client_for
):
    report = make_report(yunxi, YEAR)
    c = client_for("office")
    page = c.get(reverse("plans:import", args=[plan.pk]), {"report": report.pk}).content.decode()
    facts = list(report.facts.filter(kind="target").order_by("seq"))
    gdp_growth = Indicator.objects.get(code="gdp-growth")
    revenue = Indicator.objects.get(code="budget-revenue")
    assert f'<option value="{gdp_growth.pk}" selected>' in page
    assert f'<option value="{revenue.pk}" selected>' in page
    data = {"report": report.pk}
    for f, chosen in zip(facts, [gdp_growth.pk, "", revenue.pk], strict=False):
        data.update(
            {
                f"accept_{f.pk}": "1",
                f"name_{f.pk}": f.metric,
                f"measure_{f.pk}": f.measure,
                f"area_{f.pk}": "economy",
                f"indicator_{f.pk}": str(chosen),
            }
        )
    assert c.post(reverse("plans:import", args=[plan.pk]), data).status_code == 302
    bound = dict(plan.items.values_list("source_fact__metric", "indicator__code"))
    assert bound == {"地区生产总值": "gdp-growth", "一般公共预算收入": None, "工业应税销售": "budget-revenue"}


def test_the_plans_api_gives_the_indicators_value_as_the_actual(org, plan, petitions, ind, client_for):
    petitions([True, False, False, False])
    item = target(plan, org.users["office"], "信访事项按期办结率", ind("cases-petition-on-time"))
    rows = client_for("office").get(f"/api/plans/plans/{plan.pk}/items").json()
    row = next(r for r in rows if r["id"] == item.pk)
    assert row["actual_value"] == 25.0 and row["indicator"] == "cases-petition-on-time"
    resp = client_for("office").post(
        f"/api/plans/items/{item.pk}/updates",
        {"text": "95%", "actual_value": 95},
        content_type="application/json",
    )
    assert resp.status_code == 400 and "指标" in resp.json()["detail"]
    assert not Update.objects.filter(item=item).exists()


def test_the_item_form_offers_the_towns_catalogue_and_binds(org, plan, bailu, ind, client_for):
    own = services.indicator_create(
        town=bailu,
        code="bailu-tea",
        name="茶叶产量",
        definition="x",
        source="reported",
        period="year",
        by=org.users["office_b"],
    )
    c = client_for("office")
    page = c.get(reverse("plans:item_create", args=[plan.pk])).content.decode()
    assert "信访事项按期办结率" in page and own.name not in page
    resp = c.post(
        reverse("plans:item_create", args=[plan.pk]),
        {
            "kind": "target",
            "area": "safety",
            "name": "信访按期办结",
            "measure": "rate",
            "target_value": "95",
            "unit": "%",
            "indicator": ind("cases-petition-on-time").pk,
            "weight": "1",
        },
    )
    assert resp.status_code == 302
    assert plan.items.get(name="信访按期办结").indicator.code == "cases-petition-on-time"
    resp = c.post(
        reverse("plans:item_create", args=[plan.pk]),
        {"kind": "target", "area": "economy", "name": "茶", "indicator": own.pk, "weight": "1"},
    )
    assert resp.status_code == 200 and not plan.items.filter(name="茶").exists()  # not a choice
