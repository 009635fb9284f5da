"""Scores come from the indicators; a published result cannot change; who may see what."""

from __future__ import annotations

import io

import pytest
from django.db import connection, transaction
from django.urls import reverse
from openpyxl import load_workbook

from luoshi.county import selectors, services
from luoshi.county.models import ResultRow
from luoshi.org.appendonly import AppendOnlyError

pytestmark = pytest.mark.django_db


def rows_of(result):
    return {r.town.name: r for r in result.rows.select_related("town")}


def test_scores_are_computed_from_the_indicator_values(org, scheme):
    result = services.result_compute(scheme=scheme, by=org.users["county"])
    rows = rows_of(result)
    # 云溪: 60 × 1.8/2 = 54; petitions 75 % of 100 → 40 × 0.75 = 30
    assert rows["云溪镇"].base == pytest.approx(84.0)
    # 白鹭: 60 × min(1.2, 1.2) = 72; no petitions → no value → 0
    assert rows["白鹭街道"].base == pytest.approx(72.0)
    lines = {d["indicator"]: d for d in rows["云溪镇"].detail["lines"]}
    assert lines["cases-petition-on-time"]["value"] == 75.0
    assert lines["budget-revenue"]["period"].endswith("-01")
    assert rows["云溪镇"].rank == 1 and rows["白鹭街道"].rank == 2  # both 一类 by default


def test_bonus_needs_its_document_and_a_veto_sets_the_result(org, scheme, yunxi):
    county = org.users["county"]
    with pytest.raises(services.CountyError) as exc:
        services.adjustment_add(
            scheme=scheme, town=yunxi, kind="bonus", points=2, reason="省级表彰", by=county
        )
    assert exc.value.field == "document"
    services.adjustment_add(scheme=scheme, town=yunxi, kind="veto", reason="发生较大安全生产事故", by=county)
    rows = rows_of(services.result_compute(scheme=scheme, by=county))
    assert rows["云溪镇"].vetoed and not rows["云溪镇"].passed and rows["云溪镇"].rank is None
    assert rows["白鹭街道"].rank == 1


def test_a_town_cannot_write_the_scheme(org, scheme, yunxi):
    for persona in ("office", "leader", "deputy"):
        with pytest.raises(services.CountyError):
            services.adjustment_add(
                scheme=scheme,
                town=yunxi,
                kind="bonus",
                points=5,
                reason="自评",
                document="无",
                by=org.users[persona],
            )
        with pytest.raises(services.CountyError):
            services.result_compute(scheme=scheme, by=org.users[persona])


def test_editing_a_published_scheme_cannot_change_the_published_result(org, scheme, yunxi):
    """The attack: after publication, change the weight (service), add a bonus, or rewrite the stored
    score (ORM and plain SQL). The service refuses; a new version leaves the old result as it was;
    the stored rows refuse UPDATE down to the database."""
    county = org.users["county"]
    result = services.result_compute(scheme=scheme, by=county)
    services.result_publish(result=result, by=county)
    before = {r.town_id: (r.total, r.detail) for r in result.rows.all()}
    line = scheme.lines.first()
    scheme.refresh_from_db()
    stale_draft = services.result_compute(scheme=scheme, by=county)
    with pytest.raises(services.CountyError):
        services.line_update(line=line, weight=99, by=county)
    with pytest.raises(services.CountyError):
        services.adjustment_add(
            scheme=scheme, town=yunxi, kind="deduction", points=10, reason="通报批评", by=county
        )
    v2 = services.scheme_revise(scheme=scheme, by=county)
    services.line_update(line=v2.lines.get(indicator=line.indicator), weight=55, by=county)
    services.result_compute(scheme=v2, by=county)
    result.refresh_from_db()
    assert {r.town_id: (r.total, r.detail) for r in result.rows.all()} == before
    assert result.scheme_id == scheme.pk and scheme.lines.get(pk=line.pk).weight == 60
    row = result.rows.first()
    row.total = 100
    with pytest.raises(AppendOnlyError):
        row.save()
    table = ResultRow._meta.db_table
    with pytest.raises(Exception), transaction.atomic():  # noqa: B017 - the database's own refusal
        with connection.cursor() as cur:
            cur.execute(f"UPDATE {table} SET total = 100 WHERE id = %s", [row.pk])
    assert ResultRow.objects.get(pk=row.pk).total == before[row.town_id][0]
    # a draft of the old version cannot be published any more: the county publishes the current one
    with pytest.raises(services.CountyError):
        services.result_publish(result=stale_draft, by=county)


@pytest.mark.parametrize("persona", ["office", "leader", "office_b", "deputy"])
def test_an_unpublished_result_is_the_countys_only(org, scheme, client_for, persona):
    result = services.result_compute(scheme=scheme, by=org.users["county"])
    for name in ("county:result", "county:result_xlsx", "county:result_docx"):
        assert client_for(persona).get(reverse(name, args=[result.pk])).status_code == 404
    assert client_for("county").get(reverse("county:result", args=[result.pk])).status_code == 200
    schemes = client_for(persona).get(reverse("county:schemes")).content.decode()
    assert reverse("county:result", args=[result.pk]) not in schemes


def test_anonymous_and_village_staff_see_no_result(org, scheme, client, client_for):
    result = services.result_compute(scheme=scheme, by=org.users["county"])
    services.result_publish(result=result, by=org.users["county"])
    resp = client.get(reverse("county:result", args=[result.pk]))
    assert resp.status_code == 302 and "/login/" in resp["Location"]
    for persona in ("village", "grid", "unit"):
        assert client_for(persona).get(reverse("county:result", args=[result.pk])).status_code == 403


def test_a_published_result_is_read_by_the_countys_towns_and_deputies(org, scheme, client_for):
    result = services.result_compute(scheme=scheme, by=org.users["county"])
    services.result_publish(result=result, by=org.users["county"])
    for persona in ("office", "office_b", "deputy"):
        body = client_for(persona).get(reverse("county:result", args=[result.pk])).content.decode()
        assert "云溪镇" in body and "白鹭街道" in body


def test_only_the_county_publishes(org, scheme, client_for):
    result = services.result_compute(scheme=scheme, by=org.users["county"])
    assert client_for("office").post(reverse("county:publish", args=[result.pk])).status_code == 403
    result.refresh_from_db()
    assert not result.published
    client_for("county").post(reverse("county:publish", args=[result.pk]))
    result.refresh_from_db()
    assert result.published


def test_a_town_sees_its_own_live_scores_with_provenance_and_not_another_towns(
    org, scheme, yunxi, bailu, client_for
):
    body = client_for("office").get(reverse("county:town", args=[scheme.pk, yunxi.pk])).content.decode()
    assert f"/indicators/cases-petition-on-time/{yunxi.pk}/" in body
    assert "75.0%" in body
    assert client_for("office").get(reverse("county:town", args=[scheme.pk, bailu.pk])).status_code == 404
    assert client_for("office_b").get(reverse("county:town", args=[scheme.pk, yunxi.pk])).status_code == 404
    assert client_for("deputy").get(reverse("county:town", args=[scheme.pk, yunxi.pk])).status_code == 403
    # the scheme page with every town's live scores is the county's
    assert client_for("office").get(reverse("county:scheme", args=[scheme.pk])).status_code == 403
    assert client_for("county").get(reverse("county:scheme", args=[scheme.pk])).status_code == 200


def test_export_cells_cannot_run_as_formulas(org, scheme, yunxi, client_for):
    county = org.users["county"]
    services.adjustment_add(
        scheme=scheme, town=yunxi, kind="bonus", points=2, reason="=HYPERLINK(1)", document="=cmd", by=county
    )
    result = services.result_compute(scheme=scheme, by=county)
    resp = client_for("county").get(reverse("county:result_xlsx", args=[result.pk]))
    wb = load_workbook(io.BytesIO(resp.content))
    cells = [c.value for row in wb.worksheets[1].iter_rows() for c in row if isinstance(c.value, str)]
    assert any("HYPERLINK" in c for c in cells)
    assert not any(c.startswith("=") for c in cells)
    ranking = [[c.value for c in row] for row in wb.worksheets[0].iter_rows(min_row=4)]
    assert {r[2] for r in ranking} == {"云溪镇", "白鹭街道"}
    doc = client_for("county").get(reverse("county:result_docx", args=[result.pk]))
    assert doc.status_code == 200 and doc.content[:2] == b"PK"


def test_live_scores_agree_with_the_stored_result(org, scheme):
    board = selectors.live_scores(scheme)
    result = services.result_compute(scheme=scheme, by=org.users["county"])
    assert {s.town: s.total for s in board.scores} == {r.town_id: r.total for r in result.rows.all()}


def test_api_keeps_drafts_and_other_towns_hidden(org, scheme, yunxi, bailu, client_for):
    result = services.result_compute(scheme=scheme, by=org.users["county"])
    url = f"/api/county/results/{result.pk}"
    assert client_for("county").get(url).json()["rows"][0]["town"] == "云溪镇"
    for persona in ("office", "deputy", "office_b"):
        assert client_for(persona).get(url).status_code == 404
    scores = f"/api/county/schemes/{scheme.pk}/towns/{{}}/scores"
    assert client_for("office").get(scores.format(yunxi.pk)).json()["base"] == 84.0
    assert client_for("office").get(scores.format(bailu.pk)).status_code == 404
    assert client_for("deputy").get(scores.format(yunxi.pk)).status_code == 403
