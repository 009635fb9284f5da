"""A month in which only some enterprises have reported must not look like a collapse: not on the
dashboard, not in the API, not in the indicators nor in the plan target bound to them (tester W1).

The ``econ`` fixture's three 云溪镇 enterprises report 1000万元 every month; here two of them have not
reported last month's output yet."""

from __future__ import annotations

import datetime as dt
import re

import pytest

from luoshi.accounts import periods
from luoshi.accounts import selectors as acc
from luoshi.accounts.models import Indicator
from luoshi.economy import coverage, selectors
from luoshi.economy import warnings as rules
from luoshi.economy.models import Enterprise, MonthlyReturn
from luoshi.plans import selectors as plan_selectors
from luoshi.plans import services as plan_services
from luoshi.plans.models import Item

JAN, FEB, MAR, APR = (dt.date(2026, m, 1) for m in (1, 2, 3, 4))


def _always(_e, _m) -> bool:
    return True


# --- the rule, on its own ----------------------------------------------------------------------------


def test_a_month_with_fewer_reports_than_the_month_before_is_not_complete():
    values = {JAN: {1: 10, 2: 10, 3: 10}, FEB: {1: 11}}
    assert coverage.filed(values, FEB, {1, 2, 3}, _always) == coverage.Filed(1, 3)
    assert not coverage.filed(values, FEB, {1, 2, 3}, _always).complete
    assert coverage.last_complete(values, FEB, {1, 2, 3}, _always) == JAN


def test_an_enterprise_that_left_the_register_or_lost_its_flag_is_not_due():
    values = {JAN: {1: 10, 2: 10, 3: 10}, FEB: {1: 11}}
    assert coverage.filed(values, FEB, {1, 3}, lambda e, m: e != 3).complete  # 2 left, 3 lost its flag


def test_an_enterprise_that_stopped_reporting_holds_up_one_month_only():
    values = {JAN: {1: 10, 2: 10}, FEB: {1: 10}, MAR: {1: 10}}
    assert not coverage.filed(values, FEB, {1, 2}, _always).complete
    assert coverage.filed(values, MAR, {1, 2}, _always).complete
    assert coverage.last_complete(values, MAR, {1, 2}, _always) == MAR


def test_a_feed_that_sent_nothing_yet_leaves_its_months_out_rather_than_counting_them_empty():
    values = {JAN: {1: 10, 2: 10}, FEB: {}, MAR: {}}
    assert coverage.filed(values, MAR, {1, 2}, _always) is None
    assert coverage.last_complete(values, MAR, {1, 2}, _always) == JAN


def test_changes_compare_the_same_enterprises_in_both_months():
    values = {JAN: {1: 100, 2: 100, 3: 100}, FEB: {1: 110}, APR: {9: 5}}
    assert coverage.change(values, FEB, JAN) == pytest.approx(10.0)  # not −63 %
    assert coverage.change(values, APR, JAN) is None  # nobody in both


# --- the dashboard and its API -----------------------------------------------------------------------


@pytest.fixture
def partial(econ, last_month):
    """Last month's output of two of 云溪镇's three enterprises has not arrived yet."""
    MonthlyReturn.objects.filter(enterprise__in=econ[1:3], month=last_month).update(output=None)
    return econ


def _row(body: str, metric: str) -> str:
    return re.search(rf'data-metric="{metric}">(.*?)</tr>', body, re.S)[1]


def _cells(row: str) -> list[str]:
    return [re.sub(r"<[^>]+>", " ", c).split() for c in re.findall(r"<td>(.*?)</td>", row, re.S)]


@pytest.mark.parametrize("persona", ["leader", "jingfa", "office", "county"])
def test_an_incomplete_month_is_marked_and_shows_no_collapse(partial, org, client_for, last_month, persona):
    yunxi = org.towns[0]
    body = client_for(persona).get(f"/economy/?town={yunxi.pk}&month={last_month:%Y-%m}").content.decode()
    summary = body[body.index('data-testid="summary"') :]
    cells = _cells(_row(summary, "output"))
    value, mom, yoy, cum, cum_yoy = cells[1:6]
    assert mom == ["+0.0%"] and yoy == ["+0.0%"]  # the one firm against itself, not −66.7 %
    assert value[0] == "1,000" and "已报送 1/3 家" in " ".join(value)  # as reported so far, and marked
    if last_month.month > 1:
        months = last_month.month - 1
        assert cum[0] == f"{3000 * months:,}" and f"1-{months}月" in cum
        assert cum_yoy == ["+0.0%"]
    else:  # January: no complete month this year yet
        assert cum[0] == "—" and cum_yoy == ["—"]
    # a complete figure of the same month is not marked
    assert "已报送" not in _row(summary, "kwh")


def test_the_summary_api_says_how_many_have_reported_and_which_months_are_counted(
    partial, org, client_for, last_month
):
    yunxi = org.towns[0]
    c = client_for("office")
    data = c.get(
        f"/api/economy/towns/{yunxi.pk}/summary?year={last_month.year}&month={last_month.month}"
    ).json()
    line = next(x for x in data["lines"] if x["field"] == "output")
    assert (line["value"], line["reported"], line["due"]) == (1000, 1, 3)
    assert line["yoy"] == pytest.approx(0) and line["mom"] == pytest.approx(0)
    kwh = next(x for x in data["lines"] if x["field"] == "kwh")
    assert (kwh["reported"], kwh["due"], kwh["through"]) == (3, 3, f"{last_month:%Y-%m-%d}")
    if last_month.month > 1:
        assert line["through"] == f"{rules.add_months(last_month, -1):%Y-%m-%d}"
        assert line["cumulative"] == 3000 * (last_month.month - 1) and line["cumulative_yoy"] == 0


def test_an_enterprise_leaving_the_register_does_not_hold_up_the_month(partial, org, client_for, last_month):
    Enterprise.objects.filter(pk__in=[e.pk for e in partial[1:3]]).update(is_active=False)
    (s,) = selectors._summaries([org.towns[0]], last_month, "industry")
    line = next(x for x in s.lines if x.field == "output")
    assert (line.reported, line.due, line.incomplete, line.through) == (1, 1, False, last_month)


# --- the indicators and the plan target bound to them -----------------------------------------------


def test_the_indicators_count_the_complete_months_only_and_say_which(partial, org, client_for, last_month):
    yunxi = org.towns[0]
    year = last_month.year
    if last_month.month == 1:
        pytest.skip("in January no month of the year is complete in this fixture")
    done = last_month.month - 1
    output = acc.figure(
        Indicator.objects.get(code="economy-output"), yunxi, periods.Period(year, periods.YEAR)
    )
    assert output.value == pytest.approx(3000 * done / 10000)
    assert output.result.through == dt.date(year, done, 1)
    assert f"截至{year}年{done}月" in output.result.exclusions
    assert f"{year}年{last_month.month}月已报送 1/3 家，未计入" in output.result.exclusions
    growth = acc.figure(
        Indicator.objects.get(code="economy-output-growth"), yunxi, periods.Period(year, periods.YEAR)
    )
    assert growth.value == pytest.approx(0.0)  # not a fall of a fifth
    assert growth.numerator == growth.denominator == 3000 * done
    page = client_for("office").get(output.url).content.decode()
    assert "已报送 1/3 家，未计入" in page
    # a complete figure of the same months runs to last month
    kwh = acc.figure(Indicator.objects.get(code="economy-kwh"), yunxi, periods.Period(year, periods.YEAR))
    assert kwh.result.through == last_month and "未计入" not in kwh.result.exclusions


def test_a_plan_target_bound_to_the_indicator_is_judged_on_the_complete_months(
    partial, org, client_for, last_month
):
    yunxi = org.towns[0]
    year = last_month.year
    if last_month.month == 1:
        pytest.skip("in January no month of the year is complete in this fixture")
    done = last_month.month - 1
    plan = plan_services.plan_create(town=yunxi, year=year, title="计划", by=org.users["office"])
    item = plan_services.item_create(
        plan=plan,
        by=org.users["office"],
        kind=Item.Kind.TARGET,
        name="规上工业总产值",
        measure="level",
        target_value=3.6,  # 3000万元 × 12 months
        unit="亿元",
        indicator=Indicator.objects.get(code="economy-output"),
    )
    (row,) = [r for r in plan_selectors.item_tree(plan) if r.obj.pk == item.pk]
    assert row.actual == pytest.approx(3000 * done / 10000)
    assert row.time_progress == pytest.approx(done / 12)  # the months counted, not today's share
    assert row.status == "on_track"
    page = client_for("office").get(f"/plans/items/{item.pk}/").content.decode()
    assert f"计至{year}年{done}月" in page
