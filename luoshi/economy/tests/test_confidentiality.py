"""Per-enterprise figures are confidential: only the town's leaders and economy office (经发办) see them;
everyone else gets the town's totals. Each test is the attack: another unit, the town office, a
village cadre, a grid worker, a deputy, another town, the county, anonymous — through the pages, the
exports, the API, the indicator provenance, a case made of a warning, and plain SQL on the view log.
"""

from __future__ import annotations

import pytest
from django.db import IntegrityError, connection, transaction

from luoshi.economy import services
from luoshi.economy import warnings as rules
from luoshi.economy.models import Enterprise, EnterpriseView, MonthlyReturn
from luoshi.org.appendonly import AppendOnlyError

OUTSIDERS = ["office", "unit", "village", "grid", "deputy", "office_b", "county"]


def urls(ent):
    return [
        f"/economy/enterprises/{ent.pk}/",
        f"/economy/enterprises/{ent.pk}/returns.csv",
        f"/economy/enterprises/{ent.pk}/visit/",
        f"/api/economy/enterprises/{ent.pk}",
        f"/api/economy/towns/{ent.town_id}/warnings",
    ]


@pytest.mark.parametrize("persona", OUTSIDERS)
def test_no_one_but_leaders_and_the_economy_office_opens_an_enterprise(econ, client_for, persona):
    c = client_for(persona)
    ent = econ[0]
    for url in urls(ent):
        resp = c.get(url)
        assert resp.status_code in (403, 404), (persona, url, resp.status_code)
        assert ent.name not in resp.content.decode()
    for url in ("/economy/enterprises/", "/api/economy/enterprises"):
        resp = c.get(url)
        assert resp.status_code in (403, 404) and ent.name not in resp.content.decode()
    assert c.post(
        f"/economy/enterprises/{ent.pk}/task/", {"kind": "stale", "month": "2026-01"}
    ).status_code in (
        403,
        404,
    )
    assert not EnterpriseView.objects.exists()  # nothing was shown, nothing to log


def test_anonymous_gets_the_login_page_or_401(econ, client):
    ent = econ[0]
    for url in urls(ent)[:3] + ["/economy/", "/economy/enterprises/", "/economy/import/"]:
        resp = client.get(url)
        assert resp.status_code == 302 and "/accounts/login/" in resp["Location"], url
    for url in urls(ent)[3:] + ["/api/economy/enterprises", f"/api/economy/towns/{ent.town_id}/summary"]:
        assert client.get(url).status_code == 401, url


@pytest.mark.parametrize("persona", ["leader", "jingfa"])
def test_the_economy_office_and_leaders_see_figures_and_every_view_is_logged(econ, client_for, org, persona):
    c = client_for(persona)
    ent = econ[0]
    page = c.get(f"/economy/enterprises/{ent.pk}/")
    assert page.status_code == 200 and "500,000" in page.content.decode()
    assert "139****5678" in page.content.decode() and "13912345678" not in page.content.decode()
    export = c.get(f"/economy/enterprises/{ent.pk}/returns.csv")
    assert export.status_code == 200 and "500000" in export.content.decode()
    api = c.get(f"/api/economy/enterprises/{ent.pk}")
    assert api.status_code == 200 and api.json()["returns"][0]["kwh"] == 500_000
    user = org.users["unit_jfb" if persona == "jingfa" else persona]
    logged = list(EnterpriseView.objects.filter(user=user, enterprise=ent).values_list("channel", flat=True))
    assert sorted(logged) == ["api", "export", "page"]


def test_the_economy_office_of_one_town_cannot_open_another_towns_enterprise(econ, client_for):
    bailu_ent = econ[3]
    c = client_for("jingfa")
    for url in urls(bailu_ent):
        assert c.get(url).status_code == 404, url
    assert bailu_ent.name not in c.get("/economy/enterprises/").content.decode()
    assert all(e["id"] != bailu_ent.pk for e in c.get("/api/economy/enterprises").json())


@pytest.mark.parametrize("persona", ["office", "unit", "deputy", "county"])
def test_others_see_the_towns_totals_but_no_enterprise(econ, client_for, persona):
    c = client_for(persona)
    body = c.get(f"/economy/?town={econ[0].town_id}").content.decode()
    assert "1,500,000" in body  # three enterprises × 500,000 kWh: the town's total
    for ent in econ:
        assert ent.name not in body
    assert 'data-testid="warnings"' not in body
    summary = c.get(f"/api/economy/towns/{econ[0].town_id}/summary").json()
    assert summary["lines"][0]["value"] == 1_500_000


def test_village_and_grid_get_no_totals_either(econ, client_for):
    for persona in ("village", "grid"):
        assert client_for(persona).get("/economy/").status_code == 403
        assert client_for(persona).get(f"/api/economy/towns/{econ[0].town_id}/summary").status_code == 403


def test_another_towns_totals_are_a_404_in_the_api(econ, client_for):
    assert client_for("office_b").get(f"/api/economy/towns/{econ[0].town_id}/summary").status_code == 404


def test_the_indicator_provenance_counts_but_does_not_list_enterprises_for_others(
    econ, client_for, last_month
):
    url = f"/indicators/economy-output/{econ[0].town_id}/{last_month:%Y-%m}/"
    office = client_for("office").get(url).content.decode()
    assert econ[0].name not in office
    desk = client_for("jingfa").get(url).content.decode()
    assert econ[0].name in desk


def test_a_warning_made_into_a_task_carries_no_figures(econ, org, last_month):
    ent = econ[0]
    MonthlyReturn.objects.filter(enterprise=ent, month=last_month).update(kwh=123_456)
    link = services.warning_task_create(
        by=org.users["unit_jfb"], enterprise=ent, kind=rules.KWH_DROP, month=last_month
    )
    text = link.case.title + link.case.content
    assert ent.name in text
    for figure in ("123", "456", "75.3", "-75", "%"):
        assert figure not in text
    with pytest.raises(services.EconomyError):  # once per warning
        services.warning_task_create(
            by=org.users["unit_jfb"], enterprise=ent, kind=rules.KWH_DROP, month=last_month
        )
    with pytest.raises(services.EconomyError):  # and only by the desk
        services.warning_task_create(
            by=org.users["office"], enterprise=econ[1], kind=rules.KWH_DROP, month=last_month
        )


def _refused_by_database(sql: str) -> bool:
    try:
        with transaction.atomic(), connection.cursor() as cursor:
            cursor.execute(sql)
    except IntegrityError as exc:
        return "append-only" in str(exc)
    return False


def test_the_view_log_is_append_only_down_to_the_database(econ, client_for):
    client_for("jingfa").get(f"/economy/enterprises/{econ[0].pk}/")
    row = EnterpriseView.objects.get()
    with pytest.raises(AppendOnlyError), transaction.atomic():
        row.channel = "api"
        row.save()
    with pytest.raises(AppendOnlyError), transaction.atomic():
        EnterpriseView.objects.all().delete()
    table = EnterpriseView._meta.db_table
    assert _refused_by_database(f"UPDATE {table} SET channel = 'api'")
    assert _refused_by_database(f"DELETE FROM {table}")
    assert EnterpriseView.objects.get().channel == "page"


def test_the_registers_history_is_append_only_too(econ, org):
    table = Enterprise.history.model._meta.db_table
    assert Enterprise.history.count() == 4
    assert _refused_by_database(f"DELETE FROM {table}")
    assert _refused_by_database(f"UPDATE {table} SET name = 'x'")
