"""The nowcast on the desk: the town's and each industry's output split into reported and 估算 with
the back-test error beside each estimate; per-enterprise estimates only for the town's leaders and
economy office (each one shown is logged); the county's error limit; nothing written as a statistic;
and the demo's enterprises estimated, but for the noisy ones."""

from __future__ import annotations

import datetime as dt

import pytest

from luoshi.accounts import registry
from luoshi.economy import demo, imports, nowcast, nowcast_town, services
from luoshi.economy import warnings as rules
from luoshi.economy.models import Enterprise, EnterpriseView, MonthlyReturn, Scale, Thresholds
from luoshi.economy.tests.conftest import GOOD, NOISY, REPORTED


def test_the_town_nowcast_adds_estimates_to_reported_figures_kept_apart(nc, org, last_month):
    got = nowcast_town.town_nowcast(org.towns[0], last_month, Scale.INDUSTRY)
    by_pk = {r.enterprise_id: r for r in got.rows}
    assert {by_pk[nc[i].pk].status for i in GOOD} == {nowcast.OK}
    assert by_pk[nc[3].pk].status == nowcast.SUPPRESSED and by_pk[nc[3].pk].estimate.value is None
    assert {by_pk[nc[i].pk].status for i in REPORTED} == {"reported"}
    t = got.total
    assert (t.reported_n, t.estimated_n, t.missing_n) == (3, 3, 1)
    reported = sum(MonthlyReturn.objects.get(enterprise=nc[i], month=last_month).output for i in REPORTED)
    assert t.reported == pytest.approx(reported)
    assert t.estimated == pytest.approx(sum(by_pk[nc[i].pk].estimate.value for i in GOOD))
    truth = sum(80 + 0.002 * by_pk[nc[i].pk].kwh for i in GOOD)
    assert t.estimated == pytest.approx(truth, rel=0.02)
    assert 0 <= t.error_pct < 2 and t.missing_kwh == by_pk[nc[3].pk].kwh
    assert [letter for letter, _p in got.sections] == ["C"]
    year_ago = rules.add_months(last_month, -12)
    before = sum(MonthlyReturn.objects.get(enterprise=nc[i], month=year_ago).output for i in GOOD + REPORTED)
    assert t.yoy == pytest.approx((t.total - before) / before * 100)  # the same six enterprises


def test_the_desk_sees_the_split_the_error_and_each_enterprise(nc, org, client_for, last_month):
    got = nowcast_town.town_nowcast(org.towns[0], last_month, Scale.INDUSTRY)
    page = client_for("leader").get(f"/economy/?town={org.towns[0].pk}").content.decode()
    assert 'data-testid="nowcast"' in page and "估算" in page
    t = got.total
    assert f"约{t.estimated:,.0f}" in page and f"{t.error_pct:.1f}%" in page
    assert f"按用电估算3家约{t.estimated:,.0f}万元（估算，回测平均误差{t.error_pct:.1f}%）" in page
    assert "另有1家只有用电数据" in page and 'data-testid="nowcast-detail"' in page

    c = client_for("jingfa")
    resp = c.get(f"/economy/nowcast/?town={org.towns[0].pk}")
    body = resp.content.decode()
    assert resp.status_code == 200
    good = next(r for r in got.rows if r.enterprise_id == nc[0].pk).estimate
    assert good.explain() in body and f"约{good.value:,.0f}" in body
    assert "误差过大，不估算" in body and "超过允许的10%" in body
    assert body.count('data-status="ok"') == 3 and body.count('data-status="reported"') == 3
    logged = set(
        EnterpriseView.objects.filter(user=org.users["unit_jfb"]).values_list("enterprise_id", flat=True)
    )
    assert logged == {e.pk for e in nc[:7]}
    noisy = c.get(f"/economy/nowcast/?town={org.towns[0].pk}&status=suppressed").content.decode()
    assert nc[3].name in noisy and nc[0].name not in noisy


def test_the_enterprise_page_explains_its_estimate(nc, client_for):
    body = client_for("leader").get(f"/economy/enterprises/{nc[0].pk}/").content.decode()
    assert 'data-testid="enterprise-nowcast" data-status="ok"' in body and "按该企业近24个月" in body
    body = client_for("leader").get(f"/economy/enterprises/{nc[4].pk}/").content.decode()
    assert "enterprise-nowcast" not in body  # reported: nothing to estimate


@pytest.mark.parametrize("persona", ["unit", "office", "deputy", "county", "jingfa_b"])
def test_readers_without_economy_rights_see_sums_but_no_enterprise(
    nc, org, client_for, persona, jingfa_b, last_month
):
    yunxi = org.towns[0]
    got = nowcast_town.town_nowcast(yunxi, last_month, Scale.INDUSTRY)
    c = client_for(persona)
    page = c.get(f"/economy/?town={yunxi.pk}").content.decode()
    for ent in nc[:7]:
        assert ent.name not in page
    assert "按该企业" not in page and "data-status=" not in page and "data-enterprise=" not in page
    assert 'data-testid="nowcast-detail"' not in page
    if persona != "jingfa_b":  # readers of 云溪镇 see its sums; 白鹭's office sees nothing of it
        assert f"约{got.total.estimated:,.0f}" in page and f"{got.total.error_pct:.1f}%" in page
        one_firm = f"用电{got.total.missing_kwh / 10000:,.1f}万千瓦时"
        assert got.total.missing_n == 1 and one_firm not in page
        assert one_firm in client_for("leader").get(f"/economy/?town={yunxi.pk}").content.decode()
    else:
        assert f"{got.total.estimated:,.0f}" not in page
    for url in (
        f"/economy/nowcast/?town={yunxi.pk}",
        "/economy/nowcast/",
        f"/economy/enterprises/{nc[0].pk}/",
    ):
        resp = c.get(url)
        assert resp.status_code in (403, 404) or nc[0].name not in resp.content.decode(), (persona, url)
        if persona != "jingfa_b":
            assert resp.status_code in (403, 404), (persona, url)
    assert not EnterpriseView.objects.filter(enterprise__town=yunxi).exists()


def test_the_other_towns_economy_office_gets_only_its_own_town(nc, org, client_for, jingfa_b):
    c = client_for("jingfa_b")
    body = c.get("/economy/nowcast/").content.decode()
    assert "白鹭估算企业7" in body and "估算测试企业0" not in body
    assert c.get(f"/economy/nowcast/?town={org.towns[0].pk}").status_code == 404


@pytest.mark.parametrize("persona", ["village", "grid"])
def test_village_cadres_and_grid_workers_get_nothing(nc, client_for, persona):
    c = client_for(persona)
    assert c.get("/economy/").status_code == 403
    assert c.get("/economy/nowcast/").status_code == 403


def test_anonymous_is_sent_to_the_login_page(nc, client):
    resp = client.get("/economy/nowcast/")
    assert resp.status_code == 302 and "/accounts/login/" in resp["Location"]


def test_the_county_error_limit_decides_what_is_shown(nc, org, client_for, last_month):
    yunxi = org.towns[0]
    assert nowcast_town.town_nowcast(yunxi, last_month, Scale.INDUSTRY).total.estimated_n == 3
    Thresholds.objects.create(county=yunxi.county, nowcast_max_error_pct=0.01)
    got = nowcast_town.town_nowcast(yunxi, last_month, Scale.INDUSTRY)  # the cached one is not reused
    assert got.total.estimated_n == 0 and got.total.missing_n == 4
    page = client_for("leader").get(f"/economy/?town={yunxi.pk}").content.decode()
    assert "无需估算" in page and "另有4家只有用电数据" in page


def test_an_estimate_is_never_written_as_a_statistic_or_an_indicator(nc, org, client_for, last_month):
    yunxi = org.towns[0]
    client_for("leader").get(f"/economy/?town={yunxi.pk}")
    client_for("leader").get(f"/economy/nowcast/?town={yunxi.pk}")
    assert not MonthlyReturn.objects.filter(
        enterprise__in=[nc[i] for i in GOOD], month=last_month, output__isnull=False
    )
    start = dt.datetime.combine(last_month, dt.time(), tzinfo=dt.UTC)
    end = dt.datetime.combine(rules.add_months(last_month, 1), dt.time(), tzinfo=dt.UTC)
    result = registry.compute("economy-output", yunxi, start, end, end)
    # 3 of the 7 have reported last month: the indicator leaves the month out (test_completeness.py)
    # rather than count the estimates or the partial sum
    assert result.numerator is None and f"{last_month.month}月已报送 3/7 家，未计入" in result.exclusions
    # once the others report, it is the sum of the reported figures, not of the estimates
    by = org.users["unit_jfb"]
    feed = services.feed_create(
        by=by, town=yunxi, name="统计", source="stats", layout="rows", key="credit_code"
    )
    rows = [imports.Row(nc[i].pk, last_month, {"output": 100 + i}, str(i)) for i in (*GOOD, *NOISY)]
    imports.commit(rows, town=yunxi, feed=feed, by=by, mapping={})
    result = registry.compute("economy-output", yunxi, start, end, end)
    reported = sum(MonthlyReturn.objects.get(enterprise=nc[i], month=last_month).output for i in range(7))
    assert result.numerator == pytest.approx(reported)


def test_bad_parameters_are_refused_or_ignored_not_crashed(nc, client_for):
    c = client_for("leader")
    assert c.get("/economy/nowcast/?month=2026-13").status_code == 400
    for q in (
        "town=abc",
        "town=99999999",
        "sort=../../x",
        "status=%00",
        "section=\u2603",
        "page=-1",
        "scale=x",
    ):
        assert c.get(f"/economy/nowcast/?{q}").status_code in (200, 400, 404), q


def test_the_demo_is_estimated_but_for_its_noisy_enterprises(org, last_month):
    demo.load(org)
    for town in org.towns:
        ents = list(Enterprise.objects.filter(town=town).order_by("credit_code"))
        got = nowcast_town.town_nowcast(town, last_month, Scale.INDUSTRY)
        status = {r.enterprise_id: r.status for r in got.rows}
        late = {ents[i].pk for i in range(48) if not demo.stats_arrived(i)}
        assert {pk for pk, s in status.items() if s != "reported"} == late
        assert {pk for pk, s in status.items() if s == nowcast.SUPPRESSED} == {ents[i].pk for i in demo.NOISY}
        assert got.total.estimated_n == len(late) - len(demo.NOISY) > len(late) * 0.8
        assert got.total.error_pct < 2


def _part(reported_n, estimated_n, missing_n=0):
    est = [nowcast.Estimate(dt.date(2026, 11, 1), nowcast.OK, value=100.0) for _ in range(estimated_n)]
    return nowcast_town.Part(
        reported=200.0 * reported_n,
        reported_n=reported_n,
        estimated=100.0 * estimated_n,
        estimated_n=estimated_n,
        missing_n=missing_n,
        missing_kwh=50_000.0 * missing_n,
        estimates=est,
    )


def test_a_sum_of_one_or_two_firms_is_hidden_from_readers_and_not_given_away_by_subtraction():
    c, f = _part(5, 4, 1), _part(0, 1)
    town = _part(5, 5, 1)
    got = nowcast_town.TownNowcast(1, dt.date(2026, 11, 1), nowcast.Limits(), town, [("C", c), ("F", f)], [])
    desk_town, desk_sections = nowcast_town.shown(got, desk=True)
    assert desk_sections[1][1]["estimated"] == 100 and desk_town["missing_kwh"] == 50_000
    reader_town, reader_sections = nowcast_town.shown(got, desk=False)
    shown_c, shown_f = reader_sections[0][1], reader_sections[1][1]
    assert shown_f["estimated"] is None and shown_f["total"] is None  # one firm's estimate
    # the town's 估算 minus 制造业's would be 批发和零售业's one firm: one of them is hidden too
    assert reader_town["estimated"] is None or shown_c["estimated"] is None
    assert shown_c["missing_kwh"] is None and reader_town["missing_kwh"] is None  # one firm's kWh
    assert reader_town["total"] == town.total  # ten firms together
