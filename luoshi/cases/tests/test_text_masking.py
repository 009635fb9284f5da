"""A phone number written into free text is masked for exactly the readers who see the phone field
masked (``selectors.sees_phone_numbers``): on the case page, in the API and in the export."""

from __future__ import annotations

import io
import json

import pytest
from django.urls import reverse
from openpyxl import load_workbook

from luoshi.cases import services

pytestmark = pytest.mark.django_db

SECRET = "13912345678"
MASKED = "139****5678"


@pytest.fixture
def case(make_case, users, places):
    """A case in 桃坞村 led by 应急管理办 with 经发办 co-handling, a phone number in every text."""
    case = make_case(
        title=f"请回电{SECRET}",
        content=f"邻居电话{SECRET}，身份证430102199001011234",
        address=f"村口小卖部{SECRET}",
    )
    case = services.case_dispatch(
        case=case,
        actor=users["office"],
        unit=places["yjb"],
        assist_units=[places["jfb"]],
        note=f"联系{SECRET}",
    )
    return services.case_sign(case=case, actor=users["unit"], note=f"已联系{SECRET}")


def _page(client, case) -> str:
    return client.get(reverse("cases:detail", args=[case.pk])).content.decode()


def _api(client, case) -> str:
    return json.dumps(client.get(f"/api/cases/{case.pk}").json(), ensure_ascii=False)


def _export(client) -> str:
    resp = client.get(reverse("cases:export"), {"queue": "all"})
    wb = load_workbook(io.BytesIO(resp.content))
    return " ".join(str(c.value) for row in wb.active.iter_rows() for c in row if c.value is not None)


@pytest.mark.parametrize("persona", ["county", "village", "unit_jfb"])
def test_readers_with_the_phone_field_masked_see_numbers_in_text_masked(case, client_for, persona):
    c = client_for(persona)
    page, api = _page(c, case), _api(c, case)
    for body in (page, api):
        assert SECRET not in body and "430102199001011234" not in body
        assert MASKED in body
    assert f"请回电{MASKED}" in page and f"邻居电话{MASKED}" in page
    if persona != "unit_jfb":  # a co-unit finds the case only by opening it, never in lists or exports
        assert SECRET not in _export(c) and f"请回电{MASKED}" in _export(c)


@pytest.mark.parametrize("persona", ["office", "unit"])
def test_readers_who_call_back_see_the_full_text(case, client_for, persona):
    c = client_for(persona)
    assert f"邻居电话{SECRET}" in _page(c, case)
    assert f"邻居电话{SECRET}" in _api(c, case)
    assert f"请回电{SECRET}" in _export(c)


def test_the_list_page_masks_titles_for_the_same_readers(case, client_for):
    url = reverse("cases:list")
    assert SECRET not in client_for("county").get(url, {"queue": "all"}).content.decode()
    assert SECRET in client_for("office").get(url, {"queue": "all"}).content.decode()
