"""Pages and API of the catalogue: who may read which town's figures and who may enter them (attacks)."""

from __future__ import annotations

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.utils import timezone

from luoshi.accounts import services
from luoshi.accounts.models import IndicatorValue

pytestmark = pytest.mark.django_db
YEAR = timezone.localdate().year
PERIOD = f"{YEAR}-01"


@pytest.fixture
def revenue(org, yunxi, ind):
    return services.value_record(
        indicator=ind("budget-revenue"),
        town=yunxi,
        period=PERIOD,
        value=0.12,
        source_document="镇财政所1月收入台账",
        by=org.users["office"],
    )


def prov(code, town, period=str(YEAR)):
    return f"/indicators/{code}/{town.pk}/{period}/"


def test_anonymous_is_sent_to_the_login_page(client, yunxi):
    for url in (
        "/indicators/",
        "/indicators/gdp/",
        prov("gdp", yunxi),
        "/indicators/values/new/",
        "/indicators/import/",
    ):
        resp = client.get(url)
        assert resp.status_code == 302 and resp["Location"].startswith("/accounts/login/"), url
    assert client.get("/api/accounts/indicators").status_code == 401


def test_village_cadres_and_grid_workers_have_no_indicator_pages(client_for, yunxi):
    for persona in ("village", "grid"):
        c = client_for(persona)
        assert c.get("/indicators/").status_code == 403
        assert c.get(prov("cases-petition-on-time", yunxi)).status_code == 403
        assert c.get("/api/accounts/indicators").status_code == 403


def test_another_towns_provenance_is_a_404_on_the_page_and_in_the_api(client_for, yunxi, revenue, petitions):
    petitions([True, False])
    c = client_for("office_b")
    assert c.get(prov("cases-petition-on-time", yunxi)).status_code == 404
    assert c.get(prov("budget-revenue", yunxi, PERIOD)).status_code == 404
    assert c.get(f"/api/accounts/indicators/budget-revenue/values/{yunxi.pk}/{PERIOD}").status_code == 404
    assert (
        c.get(f"/api/accounts/indicators/cases-petition-on-time/values/{yunxi.pk}/{YEAR}").status_code == 404
    )
    body = c.get("/indicators/budget-revenue/").content.decode()
    assert "云溪镇" not in body and "0.12" not in body


def test_the_county_reads_every_town(client_for, yunxi, bailu, revenue):
    c = client_for("county")
    assert c.get(prov("budget-revenue", yunxi, PERIOD)).status_code == 200
    assert c.get(prov("budget-revenue", bailu, PERIOD)).status_code == 200
    body = c.get("/indicators/budget-revenue/").content.decode()
    assert "云溪镇" in body and "白鹭街道" in body


def test_a_reported_value_shows_its_source_and_who_entered_it(client_for, yunxi, revenue):
    body = client_for("leader").get(prov("budget-revenue", yunxi, PERIOD)).content.decode()
    assert "镇财政所1月收入台账" in body and "0.12亿元" in body and "党政办 陈静" in body


def test_records_the_user_may_not_open_are_only_counted(client_for, org, yunxi, petitions):
    cases = petitions([True, True, False])
    office = client_for("office").get(prov("cases-petition-on-time", yunxi)).content.decode()
    for case in cases:
        assert f'href="/cases/{case.pk}/"' in office
    deputy = client_for("deputy").get(prov("cases-petition-on-time", yunxi))
    assert deputy.status_code == 200
    body = deputy.content.decode()
    assert "66.7%" in body  # the figure itself is public to the town's deputies
    assert 'data-testid="hidden-count"' in body and "其中 3 条您无权查看" in body
    for case in cases:
        assert f"/cases/{case.pk}/" not in body and case.number not in body
    api = (
        client_for("deputy")
        .get(f"/api/accounts/indicators/cases-petition-on-time/values/{yunxi.pk}/{YEAR}")
        .json()
    )
    assert (
        api["value"] == 66.7
        and api["records"] == []
        and api["records_hidden"] == 3
        and api["records_total"] == 3
    )
    api = (
        client_for("office")
        .get(f"/api/accounts/indicators/cases-petition-on-time/values/{yunxi.pk}/{YEAR}")
        .json()
    )
    assert sorted(r["id"] for r in api["records"]) == sorted(c.pk for c in cases)
    assert sum(r["counted"] for r in api["records"]) == 2


def test_deputies_read_but_cannot_enter(client_for, yunxi, ind):
    c = client_for("deputy")
    assert c.get("/indicators/").status_code == 200
    assert c.get("/indicators/values/new/").status_code == 403
    resp = c.post("/indicators/values/new/", _form(ind("gdp"), yunxi))
    assert resp.status_code == 403 and not IndicatorValue.objects.exists()
    assert c.get("/indicators/import/").status_code == 403


def _form(indicator, town, **kw):
    return {
        "indicator": indicator.pk,
        "town": town.pk,
        "period": f"{YEAR}-Q1",
        "value": "3.5",
        "source_document": "县统计局一季度通报",
        "note": "",
        **kw,
    }


def test_unit_staff_enter_only_their_units_indicators(client_for, yunxi, ind):
    # 应急办 staff: budget revenue belongs to 财政所 → refused, nothing written
    resp = client_for("unit").post(
        "/indicators/values/new/", _form(ind("budget-revenue"), yunxi, period=PERIOD)
    )
    assert resp.status_code == 403 and not IndicatorValue.objects.exists()
    # 经发办 staff enter GDP (经发办's indicator) for their own town
    resp = client_for("jingfa").post("/indicators/values/new/", _form(ind("gdp"), yunxi))
    assert resp.status_code == 302
    assert IndicatorValue.objects.get().entered_by.username == "jingfa"


def test_nobody_enters_another_towns_value(client_for, bailu, ind):
    for persona in ("office", "jingfa"):
        resp = client_for(persona).post("/indicators/values/new/", _form(ind("gdp"), bailu))
        assert resp.status_code == 400  # the town is not among the choices
    assert not IndicatorValue.objects.exists()


def test_a_computed_indicator_cannot_be_typed_through_the_form(client_for, yunxi, ind):
    resp = client_for("office").post(
        "/indicators/values/new/", _form(ind("cases-petition-on-time"), yunxi, period=str(YEAR), value="95")
    )
    assert resp.status_code == 400 and not IndicatorValue.objects.exists()


def test_form_errors_name_the_field(client_for, yunxi, ind):
    resp = client_for("office").post("/indicators/values/new/", _form(ind("gdp"), yunxi, source_document=""))
    assert resp.status_code == 400
    assert "统计报送的数值必须注明来源文件" in resp.content.decode()
    resp = client_for("office").post("/indicators/values/new/", _form(ind("gdp"), yunxi, period="明年"))
    assert resp.status_code == 400 and "无法识别的统计期" in resp.content.decode()


def test_evidence_downloads_only_inside_the_scope(client_for, org, yunxi, ind):
    row = services.value_record(
        indicator=ind("investment-trips"),
        town=yunxi,
        period=PERIOD,
        value=2,
        by=org.users["office"],
        evidence=SimpleUploadedFile("trip.txt", b"itinerary"),
    )
    ok = client_for("leader").get(f"/indicators/values/{row.pk}/evidence/")
    assert ok.status_code == 200 and b"".join(ok.streaming_content) == b"itinerary"
    assert client_for("office_b").get(f"/indicators/values/{row.pk}/evidence/").status_code == 404


def test_a_town_adds_its_own_indicator_which_other_towns_do_not_see(client_for, yunxi):
    resp = client_for("office").post(
        "/indicators/new/",
        {
            "code": "yunxi-tea",
            "name": "茶叶产量",
            "unit": "吨",
            "measure": "level",
            "definition": "全镇茶叶产量。",
            "period": "year",
            "source": "reported",
            "source_body": "镇农业农村办",
            "unit_code": "",
            "aliases_text": "茶产量、茶叶",
        },
    )
    assert resp.status_code == 302
    assert client_for("office").get("/indicators/yunxi-tea/").status_code == 200
    assert client_for("office_b").get("/indicators/yunxi-tea/").status_code == 404
    assert "yunxi-tea" not in [
        i["code"] for i in client_for("office_b").get("/api/accounts/indicators").json()
    ]


def test_the_catalogue_lists_values_with_their_provenance_links(client_for, yunxi, revenue, petitions):
    petitions([True, False])
    body = client_for("office").get(f"/indicators/?town={yunxi.pk}").content.decode()
    assert f'href="/indicators/cases-petition-on-time/{yunxi.pk}/{YEAR}/"' in body
    assert "50.0%" in body
    assert f'href="/indicators/budget-revenue/{yunxi.pk}/{PERIOD}/"' in body
    # nonsense parameters never fail
    assert client_for("office").get("/indicators/?town=abc&year=x&source=zz").status_code == 200
    assert client_for("office").get(prov("gdp", yunxi, "2026-13")).status_code == 404
    huge = "9" * 30
    assert client_for("office").get(f"/indicators/?town={huge}&year={huge}").status_code == 200
    assert client_for("office").get(f"/indicators/gdp/{huge}/{YEAR}/").status_code == 404
    assert client_for("office").get(f"/api/accounts/indicators/gdp/values/{huge}/{YEAR}").status_code in (
        404,
        422,
    )
    assert client_for("office").get(f"/indicators/gdp/?year={huge}").status_code == 200


def test_periods_are_shown_in_the_pages_language(client_for, yunxi, revenue):
    from luoshi.org.tests.test_i18n import in_english

    chinese, english = f"{YEAR}年1月", f"Jan {YEAR}"
    c = client_for("leader")
    assert chinese in c.get(prov("budget-revenue", yunxi, PERIOD)).content.decode()
    in_english(c)
    for url in (prov("budget-revenue", yunxi, PERIOD), "/indicators/budget-revenue/"):
        body = c.get(url).content.decode()
        assert english in body and chinese not in body, url
    answer = c.get(f"/api/accounts/indicators/budget-revenue/values/{yunxi.pk}/{PERIOD}").json()
    assert answer["period_display"] == english
    assert answer["period_label"] == chinese  # what a report quotes stays Chinese
