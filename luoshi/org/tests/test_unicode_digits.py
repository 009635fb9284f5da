"""Numbers in query strings and forms: ``str.isdigit()`` is true for superscript digits (``²``), which
``int()`` refuses, so pages that checked with it and then converted answered 500. A number read for
a filter or a form is checked with ``isdecimal()``, the digits ``int()`` takes."""

from __future__ import annotations

import pytest

from luoshi.plans import services

SUP = "%C2%B2"  # "²"


@pytest.fixture
def plan(org):
    return services.plan_create(town=org.towns[0], year=2026, title="云溪镇2026年度工作计划")


@pytest.mark.parametrize(
    "url",
    [
        f"/indicators/?year={SUP}",
        f"/indicators/?town={SUP}",
        f"/plans/?year={SUP}",
        f"/reports/?town={SUP}&year={SUP}",
    ],
)
def test_a_superscript_digit_in_a_filter_is_ignored_not_a_500(plan, client_for, url):
    assert client_for("office").get(url).status_code == 200


def test_the_project_list_ignores_a_superscript_unit(plan, client_for):
    assert client_for("office").get(f"/plans/{plan.pk}/projects/?unit={SUP}").status_code == 200


def test_a_fullwidth_year_still_filters(plan, client_for):
    fullwidth = "".join(chr(0xFF10 + int(d)) for d in str(plan.year))  # ２０２６
    page = client_for("office").get("/plans/", {"year": fullwidth})
    assert page.status_code == 200 and plan.title in page.content.decode()


def test_household_points_refuse_a_superscript_household_with_a_message(org, client_for):
    resp = client_for("village").post("/ledgers/points/", {"action": "record", "household": "²"})
    assert resp.status_code == 302


def test_the_public_similar_prompt_ignores_a_superscript_town(org, client):
    resp = client.post("/portal/similar/", {"town": "²", "title": "路灯不亮", "content": "村口路灯"})
    assert resp.status_code == 200


def test_the_economy_desk_ignores_a_superscript_town(org, client_for):
    for persona in ("leader", "county"):
        assert client_for(persona).get(f"/economy/?town={SUP}").status_code == 200


def test_bulk_case_actions_ignore_superscript_and_overlong_ids(org, client_for):
    resp = client_for("unit").post("/cases/bulk/", {"action": "sign", "ids": ["²", "9" * 30, "1²"]})
    assert resp.status_code in (200, 302)
