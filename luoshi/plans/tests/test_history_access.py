"""A plan item's change history is linked for the plan's managers only: the URL says the same, and
what it shows of a phone number is masked (tester S1)."""

from __future__ import annotations

import pytest

from luoshi.org.audit import history_url
from luoshi.plans import services

pytestmark = pytest.mark.django_db


@pytest.fixture
def item(plan, units):
    item = services.item_create(plan=plan, name="隐患整改", owner_unit=units["yjb"])
    item.name = "隐患整改（联系人13912345678）"
    item.save()
    return item


@pytest.mark.parametrize("persona", ["office", "leader"])
def test_the_plans_managers_open_its_items_history(item, client_for, persona):
    response = client_for(persona).get(history_url(item))
    body = response.content.decode()
    assert response.status_code == 200 and "隐患整改" in body
    assert "13912345678" not in body and "139****5678" in body  # masked unless the plan's app says otherwise


@pytest.mark.parametrize("persona", ["county", "unit", "village", "deputy"])
def test_readers_without_the_link_get_no_history(item, client_for, persona):
    assert client_for(persona).get(history_url(item)).status_code in (403, 404)


def test_the_other_towns_office_gets_404(item, client_for):
    assert client_for("office_b").get(history_url(item)).status_code == 404
