"""Fixtures for indicator tests: the demo organisation, a few cases with known outcomes, a plan."""

from __future__ import annotations

import datetime as dt

import pytest
from django.utils import timezone

from luoshi.accounts.models import Indicator
from luoshi.cases import rollup
from luoshi.cases import services as case_services
from luoshi.cases.models import Case, Status
from luoshi.plans import services as plan_services


@pytest.fixture
def yunxi(org):
    return org.towns[0]


@pytest.fixture
def bailu(org):
    return org.towns[1]


@pytest.fixture
def ind():
    """ind("gdp") → the seeded catalogue row."""
    return lambda code: Indicator.objects.get(code=code)


@pytest.fixture
def petitions(org, yunxi):
    """make(on_time=[True, False, None], town=...) → petitions received this year: resolved on time,
    resolved late, or still open (None)."""

    def make(outcomes, town=None):
        out = []
        for i, on_time in enumerate(outcomes):
            case = case_services.case_create(
                case_type="petition",
                title=f"信访事项{i}",
                content="反映土地补偿款未发放到位。",
                actor=org.users["office"] if town is None else None,
                actor_label="" if town is None else "测试",
                town=town or yunxi,
                contact_name="王建国",
                contact_phone="13812345678",
                received_at=timezone.now() - dt.timedelta(days=3),
            )
            if on_time is not None:
                Case.objects.filter(pk=case.pk).update(
                    status=Status.CLOSED, resolved_at=timezone.now(), resolved_on_time=on_time
                )
            out.append(case)
        rollup.rebuild()  # the updates above bypass Case.save(), as bulk loads do
        return out

    return make


@pytest.fixture
def plan(org, yunxi):
    return plan_services.plan_create(town=yunxi, year=timezone.localdate().year, by=org.users["office"])
