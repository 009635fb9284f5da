"""The assessment API, read as an attacker would: other towns, drafts, no login, write methods."""

from __future__ import annotations

import pytest
from django.urls import reverse

from luoshi.county import services

pytestmark = pytest.mark.django_db


def test_schemes_list_and_one_scheme_with_its_lines(org, scheme, client_for):
    for persona in ("county", "office", "leader", "deputy"):
        listed = client_for(persona).get("/api/county/schemes")
        assert listed.status_code == 200
        assert [s["id"] for s in listed.json()] == [scheme.pk]
    one = client_for("office").get(f"/api/county/schemes/{scheme.pk}").json()
    assert one["name"] == "年度综合考核" and one["current"] is True
    assert {(ln["indicator"], ln["weight"]) for ln in one["lines"]} == {
        ("budget-revenue", 60.0),
        ("cases-petition-on-time", 40.0),
    }
    assert {t["town"] for t in one["towns"]} == {"云溪镇", "白鹭街道"}
    assert client_for("office").get("/api/county/schemes/999999").status_code == 404


def test_an_earlier_version_of_a_scheme_is_the_countys_record_only(org, scheme, client_for):
    county = org.users["county"]
    services.result_publish(result=services.result_compute(scheme=scheme, by=county), by=county)
    v2 = services.scheme_revise(scheme=scheme, by=county)
    assert {s["id"] for s in client_for("county").get("/api/county/schemes").json()} == {scheme.pk, v2.pk}
    assert [s["id"] for s in client_for("office").get("/api/county/schemes").json()] == [v2.pk]
    assert client_for("office").get(f"/api/county/schemes/{scheme.pk}").status_code == 404
    assert client_for("county").get(f"/api/county/schemes/{scheme.pk}").status_code == 200


def test_results_rank_within_category_drafts_for_the_county_only(org, scheme, yunxi, bailu, client_for):
    county = org.users["county"]
    draft = services.result_compute(scheme=scheme, by=county)
    url = f"/api/county/schemes/{scheme.pk}/results"
    got = client_for("county").get(url).json()
    assert [r["id"] for r in got] == [draft.pk] and got[0]["published_at"] is None
    # both towns are 一类 (the fixture): one category, 云溪 84 before 白鹭 72
    (cat,) = got[0]["categories"]
    assert [(t["town"], t["rank"]) for t in cat["towns"]] == [("云溪镇", 1), ("白鹭街道", 2)]
    for persona in ("office", "office_b", "deputy", "leader"):
        assert client_for(persona).get(url).json() == []  # an unpublished result does not exist for them
        assert client_for(persona).get(f"/api/county/results/{draft.pk}").status_code == 404
        assert client_for(persona).get(f"/api/county/results/{draft.pk}/towns/{yunxi.pk}").status_code == 404
    services.result_publish(result=draft, by=county)
    published = client_for("office_b").get(url).json()
    assert published[0]["published_at"] and published[0]["categories"][0]["towns"][1]["town"] == "白鹭街道"


def test_a_towns_breakdown_links_each_value_to_its_provenance(org, scheme, yunxi, bailu, client_for):
    county = org.users["county"]
    result = services.result_compute(scheme=scheme, by=county)
    services.result_publish(result=result, by=county)
    row = client_for("county").get(f"/api/county/schemes/{scheme.pk}/results").json()[0]["categories"][0]
    breakdown = client_for("office").get(row["towns"][0]["breakdown"])
    assert breakdown.status_code == 200
    body = breakdown.json()
    assert body["town"] == "云溪镇" and body["total"] == pytest.approx(84.0)
    lines = {ln["indicator"]: ln for ln in body["lines"]}
    assert lines["cases-petition-on-time"]["value"] == 75.0
    link = lines["cases-petition-on-time"]["provenance"]
    assert link.startswith(
        reverse("accounts:provenance", args=["cases-petition-on-time", yunxi.pk, "2000"])[:-5]
    )
    page = client_for("office").get(link)
    assert page.status_code == 200  # the provenance page opens for the town that reads the value
    live = client_for("office").get(f"/api/county/schemes/{scheme.pk}/towns/{yunxi.pk}/scores").json()
    assert all(ln["provenance"] for ln in live["lines"])


def test_a_town_user_cannot_read_another_towns_live_breakdown(org, scheme, yunxi, bailu, client_for):
    scores = f"/api/county/schemes/{scheme.pk}/towns/{{}}/scores"
    assert client_for("office").get(scores.format(yunxi.pk)).status_code == 200
    assert client_for("office").get(scores.format(bailu.pk)).status_code == 404
    assert client_for("office_b").get(scores.format(yunxi.pk)).status_code == 404
    assert client_for("county").get(scores.format(bailu.pk)).status_code == 200


def test_anonymous_and_staff_without_a_reading_role_are_refused(org, scheme, client, client_for):
    result = services.result_compute(scheme=scheme, by=org.users["county"])
    services.result_publish(result=result, by=org.users["county"])
    urls = [
        "/api/county/schemes",
        f"/api/county/schemes/{scheme.pk}",
        f"/api/county/schemes/{scheme.pk}/results",
        f"/api/county/results/{result.pk}",
    ]
    for url in urls:
        assert client.get(url).status_code == 401
        assert client_for("village").get(url).status_code in (403, 404)
        assert client_for("grid").get(url).status_code in (403, 404)


def test_no_write_method_exists(org, scheme, client_for):
    county = client_for("county")
    result = services.result_compute(scheme=scheme, by=org.users["county"])
    for url in (
        "/api/county/schemes",
        f"/api/county/schemes/{scheme.pk}",
        f"/api/county/schemes/{scheme.pk}/results",
        f"/api/county/results/{result.pk}",
        f"/api/county/results/{result.pk}/towns/{result.rows.first().town_id}",
    ):
        for method in ("post", "put", "patch", "delete"):
            response = getattr(county, method)(url, data="{}", content_type="application/json")
            assert response.status_code in (403, 405), (method, url, response.status_code)
    result.refresh_from_db()
    assert result.published_at is None
