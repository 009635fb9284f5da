"""A small assessment over the demo organisation: two towns, a reported and a computed indicator."""

from __future__ import annotations

import datetime as dt

import pytest
from django.utils import timezone

from luoshi.accounts import services as acc_services
from luoshi.accounts.models import Indicator
from luoshi.cases import rollup
from luoshi.cases import services as case_services
from luoshi.cases.models import Case, Status
from luoshi.county import services

YEAR = timezone.localdate().year


@pytest.fixture
def yunxi(org):
    return org.towns[0]


@pytest.fixture
def bailu(org):
    return org.towns[1]


@pytest.fixture
def scheme(org, yunxi, bailu):
    """2 lines: 一般公共预算收入 (reported, target 2 亿元, weight 60) and 信访按期办结率 (computed,
    target 100 %, weight 40); values: 云溪 1.8 亿元, 白鹭 2.4 亿元; 云溪 petitions 3 of 4 on time."""
    county_user = org.users["county"]
    s = services.scheme_create(county=org.county, name="年度综合考核", year=YEAR, by=county_user)
    services.line_add(
        scheme=s,
        indicator=Indicator.objects.get(code="budget-revenue"),
        group="economy",
        weight=60,
        target=2,
        cap=1.2,
        by=county_user,
    )
    services.line_add(
        scheme=s,
        indicator=Indicator.objects.get(code="cases-petition-on-time"),
        group="safety",
        weight=40,
        target=100,
        cap=1.0,
        by=county_user,
    )
    period = f"{YEAR}-01"
    for town, value in ((yunxi, 1.8), (bailu, 2.4)):
        acc_services.value_record(
            indicator=Indicator.objects.get(code="budget-revenue"),
            town=town,
            period=period,
            value=value,
            source_document="镇财政所收入台账",
        )
    for i, on_time in enumerate([True, True, True, False]):
        case = case_services.case_create(
            case_type="petition",
            title=f"信访{i}",
            content="反映补偿款问题。",
            actor=org.users["office"],
            town=yunxi,
            contact_name="王建国",
            contact_phone="13812345678",
            received_at=timezone.now() - dt.timedelta(hours=2),
        )
        Case.objects.filter(pk=case.pk).update(
            status=Status.CLOSED, resolved_at=timezone.now(), resolved_on_time=on_time
        )
    rollup.rebuild()  # the updates above bypass Case.save(), as bulk loads do
    return s
