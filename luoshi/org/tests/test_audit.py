"""The audit trail keeps working with the reused history manager classes."""

from __future__ import annotations

import pytest

from luoshi.org.models import Village

pytestmark = pytest.mark.django_db


def test_history_managers_are_reused_and_still_bound_to_their_object(org):
    a, b = Village.objects.order_by("code")[:2]
    assert type(a.history) is type(b.history) is type(Village.history)  # built once
    a.name = a.name + "（更名）"
    a.save()
    assert a.history.count() == b.history.count() + 1  # each manager still filters by its own object
    assert a.history.first().name.endswith("（更名）")
    assert {h.id for h in Village.history.all()} >= {a.pk, b.pk}
