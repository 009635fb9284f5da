from __future__ import annotations

import pytest

from luoshi.assistance import demo
from luoshi.assistance.models import Household, Status

pytestmark = pytest.mark.django_db


def test_demo_households_in_every_village_and_idempotent(org):
    demo.load(org)
    n = Household.objects.count()
    assert n == 2 * org.towns[0].villages.count() + org.towns[1].villages.count()
    assert Household.objects.filter(status=Status.ASSISTING).exists()
    assert Household.objects.filter(status=Status.FLAGGED).exists()
    demo.load(org)
    assert Household.objects.count() == n
