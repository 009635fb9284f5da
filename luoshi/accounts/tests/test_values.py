"""Reported and manual values: what a value needs, and that a computed indicator takes no typed value."""

from __future__ import annotations

import pytest
from django.core.exceptions import ValidationError
from django.core.files.uploadedfile import SimpleUploadedFile
from django.db import IntegrityError, transaction
from django.utils import timezone

from luoshi.accounts import catalogue, services
from luoshi.accounts.models import Indicator, IndicatorValue
from luoshi.accounts.registry import REGISTRY

pytestmark = pytest.mark.django_db
YEAR = timezone.localdate().year


def test_the_migration_seeds_the_catalogue_with_one_computed_indicator_per_registry_entry():
    codes = set(Indicator.objects.values_list("code", flat=True))
    for code in (
        "gdp",
        "budget-revenue",
        "fixed-asset-investment",
        "above-scale-output",
        "retail-sales",
        "rural-disposable-income",
        "investment-attracted",
        "livelihood-completed",
        "toilet-renovation",
    ):
        assert code in codes
    computed = Indicator.objects.filter(source="computed")
    assert {i.computation for i in computed} == set(REGISTRY)
    assert services.catalogue_sync() == 0  # nothing missing, nothing added twice
    assert len(catalogue.seeds()) == Indicator.objects.count()


def test_a_reported_value_needs_its_source_document(org, yunxi, ind):
    with pytest.raises(services.AccountsError) as exc:
        services.value_record(
            indicator=ind("gdp"), town=yunxi, period=f"{YEAR}-Q1", value=3.2, by=org.users["office"]
        )
    assert exc.value.field == "source_document"
    row = services.value_record(
        indicator=ind("gdp"),
        town=yunxi,
        period=f"{YEAR}年第一季度",
        value=3.2,
        source_document="县统计局《一季度经济运行情况》",
        by=org.users["office"],
    )
    assert row.period == f"{YEAR}-Q1" and row.definition_version == ind("gdp").version
    assert row.entered_by == org.users["office"]


def test_a_manual_value_needs_a_note_or_a_file(org, yunxi, ind):
    trips = ind("investment-trips")
    with pytest.raises(services.AccountsError) as exc:
        services.value_record(
            indicator=trips, town=yunxi, period=f"{YEAR}-01", value=2, by=org.users["office"]
        )
    assert exc.value.field == "note"
    assert (
        services.value_record(
            indicator=trips,
            town=yunxi,
            period=f"{YEAR}-01",
            value=2,
            note="赴苏州、宁波招商，附行程单",
            by=org.users["office"],
        ).value
        == 2
    )
    pdf = SimpleUploadedFile("trip.pdf", b"%PDF-1.4 evidence", content_type="application/pdf")
    row = services.value_record(
        indicator=trips, town=yunxi, period=f"{YEAR}-02", value=3, evidence=pdf, by=org.users["office"]
    )
    assert row.evidence.name.endswith(".pdf")


def test_a_computed_indicator_refuses_a_typed_value_in_the_service_and_the_model(org, yunxi, ind):
    petition = ind("cases-petition-on-time")
    with pytest.raises(services.AccountsError):
        services.value_record(
            indicator=petition,
            town=yunxi,
            period=str(YEAR),
            value=95,
            source_document="手填",
            by=org.users["office"],
        )
    assert not IndicatorValue.objects.exists()
    row = IndicatorValue(
        indicator=petition,
        town=yunxi,
        period=str(YEAR),
        value=95,
        definition_version="x",
        entered_at=timezone.now(),
    )
    with pytest.raises(ValidationError):
        row.full_clean()


def test_the_database_refuses_a_computed_indicator_without_a_computation_and_a_reported_one_with_one():
    with pytest.raises(IntegrityError), transaction.atomic():
        Indicator.objects.create(code="x1", name="x", definition="x", source="computed", computation="")
    with pytest.raises(IntegrityError), transaction.atomic():
        Indicator.objects.create(
            code="x2", name="x", definition="x", source="reported", computation="cases-petition-on-time"
        )


def test_model_validation_names_an_unknown_computation():
    with pytest.raises(ValidationError) as exc:
        Indicator(code="x3", name="x", definition="x", source="computed", computation="nope").full_clean()
    assert "computation" in exc.value.message_dict


@pytest.mark.parametrize(
    "period,field",
    [("next week", "period"), (f"{YEAR + 1}-01", "period"), (f"{YEAR}-03", "period")],
)
def test_bad_periods_are_refused_with_the_field_named(org, yunxi, ind, period, field):
    # grain area is annual: a monthly value is refused; a future or unreadable period too
    with pytest.raises(services.AccountsError) as exc:
        services.value_record(
            indicator=ind("grain-area"),
            town=yunxi,
            period=period,
            value=3.1,
            source_document="县农业农村局",
            by=org.users["office"],
        )
    assert exc.value.field == field


def test_entering_again_corrects_the_value_and_keeps_the_earlier_one_in_the_history(org, yunxi, ind):
    rev = ind("budget-revenue")
    first = services.value_record(
        indicator=rev,
        town=yunxi,
        period=f"{YEAR}-01",
        value=0.11,
        source_document="财政所1月台账",
        by=org.users["office"],
    )
    second = services.value_record(
        indicator=rev,
        town=yunxi,
        period=f"{YEAR}-1",
        value=0.12,
        source_document="财政所1月台账（更正）",
        by=org.users["leader"],
    )
    assert first.pk == second.pk
    assert IndicatorValue.objects.get().value == 0.12
    history = list(
        second.history.order_by("history_date").values_list(
            "value", "source_document", "history_user__username"
        )
    )
    assert history == [(0.11, "财政所1月台账", "office"), (0.12, "财政所1月台账（更正）", "leader")]


def test_another_towns_own_indicator_cannot_get_values_here(org, yunxi, bailu):
    own = services.indicator_create(
        town=bailu,
        code="bailu-tea",
        name="茶叶产量",
        unit="吨",
        definition="白鹭街道茶叶产量。",
        source="reported",
        period="year",
        by=org.users["office_b"],
    )
    with pytest.raises(services.AccountsError) as exc:
        services.value_record(indicator=own, town=yunxi, period=str(YEAR), value=1, source_document="x")
    assert exc.value.field == "town"


def test_a_town_cannot_add_a_computed_indicator(org, yunxi):
    with pytest.raises(services.AccountsError):
        services.indicator_create(
            town=yunxi,
            code="mine",
            name="我的按期办结率",
            definition="x",
            source="computed",
            computation="cases-petition-on-time",
        )
