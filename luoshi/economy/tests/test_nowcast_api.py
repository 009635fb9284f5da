"""The nowcast's JSON API under the pages' rules, attacked from each side: the town's office staff,
another unit's staff, the county, a leader of the other town, that town's economy office and
anonymous get sums at most (no value of one enterprise, none that subtraction would give away); the
town's leaders and economy office get each enterprise, every one returned logged; no value where the
back-test error is too large."""

from __future__ import annotations

import datetime as dt

import pytest
from simple_history.utils import bulk_create_with_history

from luoshi.economy import services
from luoshi.economy.models import EnterpriseView, MonthlyReturn, Scale
from luoshi.economy.tests.conftest import GOOD, NOISY, REPORTED, _returns, code_for


@pytest.fixture
def power(org, nc, last_month):
    """One estimable enterprise of section D (电力、热力…) in 云溪镇: a part of one firm."""
    ent = services.enterprise_create(
        by=org.users["admin"],
        town=org.towns[0],
        credit_code_text=code_for(300),
        name="估算测试电厂",
        industry="D4411",
        scales=[(Scale.INDUSTRY, dt.date(2018, 1, 1))],
    )
    bulk_create_with_history(_returns(ent, last_month, noise=0.01, reported=False, seed=20), MonthlyReturn)
    return ent


def _url(org, month=None):
    q = f"?year={month.year}&month={month.month}" if month else ""
    return f"/api/economy/towns/{org.towns[0].pk}/nowcast{q}"


def _numbers(obj) -> list[float]:
    """Every number anywhere in a JSON value."""
    if isinstance(obj, bool):
        return []
    if isinstance(obj, int | float):
        return [float(obj)]
    if isinstance(obj, dict):
        return [n for v in obj.values() for n in _numbers(v)]
    if isinstance(obj, list):
        return [n for v in obj for n in _numbers(v)]
    return []


def _one_firm_values(desk_body) -> set[float]:
    """Each enterprise's own figures, as the desk sees them: reported output, estimate, kWh, error."""
    out = set()
    for r in desk_body["enterprises"]:
        for k in ("reported", "estimate", "kwh", "error_pct"):
            if r[k] is not None:
                out.add(round(float(r[k]), 6))
    return out


def test_the_desk_gets_each_enterprise_with_its_error_and_every_one_is_logged(
    nc, power, org, client_for, last_month
):
    c = client_for("jingfa")
    resp = c.get(_url(org, last_month))
    assert resp.status_code == 200
    body = resp.json()
    assert body["desk"] is True and body["month"] == f"{last_month:%Y-%m}"
    rows = {r["enterprise_id"]: r for r in body["enterprises"]}
    assert set(rows) == {e.pk for e in nc[:7]} | {power.pk}  # the town's, not 白鹭's
    for i in GOOD:
        r = rows[nc[i].pk]
        truth = 80 + 0.002 * r["kwh"]  # the fixture's relation
        assert r["status"] == "ok" and r["estimate"] == pytest.approx(truth, rel=0.02)
        assert 0 <= r["error_pct"] < 2 and r["reported"] is None and "估算" in r["explanation"]
    noisy = rows[nc[NOISY[0]].pk]
    assert noisy["status"] == "suppressed" and noisy["estimate"] is None and noisy["error_pct"] > 10
    for i in REPORTED:
        r = rows[nc[i].pk]
        reported = MonthlyReturn.objects.get(enterprise=nc[i], month=last_month).output
        assert r["status"] == "reported" and r["reported"] == pytest.approx(reported)
        assert r["estimate"] is None
    total = body["total"]
    estimated = [r["estimate"] for r in rows.values() if r["estimate"] is not None]
    assert total["estimated_n"] == len(estimated) == 4 and total["estimated"] == pytest.approx(sum(estimated))
    assert total["reported"] == pytest.approx(
        sum(MonthlyReturn.objects.get(enterprise=nc[i], month=last_month).output for i in REPORTED)
    )
    assert total["missing_n"] == 1 and total["missing_kwh"] == noisy["kwh"]  # the desk sees one firm's kWh
    sections = {s["section"]: s for s in body["sections"]}
    assert sections["D"]["estimated"] == pytest.approx(rows[power.pk]["estimate"])
    assert sections["D"]["name"] == "电力、热力、燃气及水生产和供应业"
    logged = list(EnterpriseView.objects.values_list("user_id", "enterprise_id", "channel"))
    assert sorted(logged) == sorted((org.users["unit_jfb"].pk, pk, "api") for pk in rows)
    # a page past the end lists no one and logs no one
    more = c.get(_url(org, last_month) + "&page=2").json()
    assert more["enterprises"] == [] and EnterpriseView.objects.count() == len(rows)


def test_the_leader_sees_the_same_and_the_enterprise_endpoint_explains_one(nc, org, client_for):
    c = client_for("leader")
    body = c.get(_url(org)).json()
    assert body["desk"] is True and len(body["enterprises"]) == 7
    one = c.get(f"/api/economy/enterprises/{nc[0].pk}/nowcast").json()
    row = next(r for r in body["enterprises"] if r["enterprise_id"] == nc[0].pk)
    assert one["status"] == "ok" and one["estimate"] == pytest.approx(row["estimate"])
    assert one["explanation"] == row["explanation"]
    assert c.get(f"/api/economy/enterprises/{nc[4].pk}/nowcast").json()["status"] == "reported"
    noisy = c.get(f"/api/economy/enterprises/{nc[3].pk}/nowcast").json()
    assert noisy["status"] == "suppressed" and noisy["estimate"] is None
    assert EnterpriseView.objects.filter(user=org.users["leader"], enterprise=nc[3], channel="api").exists()


@pytest.mark.parametrize("persona", ["office", "unit", "county", "deputy"])
def test_readers_of_the_town_get_sums_but_no_enterprise(nc, power, org, client_for, persona, last_month):
    desk = client_for("jingfa").get(_url(org, last_month)).json()
    before = EnterpriseView.objects.count()
    c = client_for(persona)
    resp = c.get(_url(org, last_month))
    assert resp.status_code == 200, persona
    body = resp.json()
    assert body["desk"] is False and body["enterprises"] is None and body["enterprises_count"] is None
    text = resp.content.decode()
    for ent in [*nc, power]:
        assert ent.name not in text and ent.credit_code not in text
    # no number in the answer is one enterprise's figure …
    singles = _one_firm_values(desk)
    assert not singles & {round(n, 6) for n in _numbers(body)}, persona
    sections = {s["section"]: s for s in body["sections"]}
    t, d, m = body["total"], sections["D"], sections["C"]
    assert d["estimated"] is None and d["total"] is None and d["hidden"] is True  # one firm
    assert t["missing_kwh"] is None  # the one noisy firm's kWh
    # … nor follows from the sums shown: the town's 估算 minus 制造业's would be the power plant's
    assert t["estimated"] is None or m["estimated"] is None
    # the counts and a sum of many are there
    assert t["estimated_n"] == desk["total"]["estimated_n"] and t["total"] == pytest.approx(
        desk["total"]["total"]
    )
    assert EnterpriseView.objects.count() == before  # nothing per enterprise shown, nothing logged
    for e in (nc[0], power):
        r = c.get(f"/api/economy/enterprises/{e.pk}/nowcast")
        assert r.status_code in (403, 404) and e.name not in r.content.decode()
    assert EnterpriseView.objects.count() == before


@pytest.mark.parametrize("persona", ["leader_b", "jingfa_b", "office_b"])
def test_the_other_town_gets_nothing_of_this_one(nc, org, client_for, persona, leader_b, jingfa_b):
    c = client_for(persona)
    resp = c.get(_url(org))
    assert resp.status_code == 404 and nc[0].name not in resp.content.decode()
    r = c.get(f"/api/economy/enterprises/{nc[0].pk}/nowcast")
    assert r.status_code in (403, 404) and nc[0].name not in r.content.decode()
    assert not EnterpriseView.objects.filter(enterprise__town=org.towns[0]).exists()
    own = c.get(f"/api/economy/towns/{org.towns[1].pk}/nowcast")
    assert own.status_code == 200
    if persona in ("leader_b", "jingfa_b"):  # 白鹭's desk: its own three, each logged
        names = {r["name"] for r in own.json()["enterprises"]}
        assert names == {e.name for e in nc[7:]}
        assert EnterpriseView.objects.filter(enterprise__in=nc[7:], channel="api").count() == 3
    else:
        assert own.json()["enterprises"] is None


@pytest.mark.parametrize("persona", ["village", "grid"])
def test_village_cadres_and_grid_workers_get_403(nc, org, client_for, persona):
    c = client_for(persona)
    assert c.get(_url(org)).status_code == 403
    assert c.get(f"/api/economy/enterprises/{nc[0].pk}/nowcast").status_code in (403, 404)
    assert not EnterpriseView.objects.exists()


def test_anonymous_gets_401(nc, org, client):
    assert client.get(_url(org)).status_code == 401
    assert client.get(f"/api/economy/enterprises/{nc[0].pk}/nowcast").status_code == 401
    assert not EnterpriseView.objects.exists()


def test_bad_parameters_are_422_or_404_not_500(nc, org, client_for):
    c = client_for("leader")
    for q in ("?year=1&month=3", "?month=13&year=2026", "?page=0", "?page=x", "?scale=" + "x" * 40):
        assert c.get(_url(org) + q).status_code == 422, q
    assert c.get("/api/economy/towns/99999999/nowcast").status_code == 404
    assert c.get(f"/api/economy/towns/{org.towns[0].pk}/nowcast?scale=nonsense").status_code == 200
