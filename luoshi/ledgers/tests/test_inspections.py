"""Inspections on score sheets, problems as cases, 销号 with an after-photo, 亮灯率, rankings."""

from __future__ import annotations

import datetime as dt

import pytest
from django.db import IntegrityError, transaction
from django.utils import timezone

from luoshi.accounts import registry
from luoshi.cases.models import AttachmentKind, Status
from luoshi.ledgers import selectors, services
from luoshi.ledgers.models import Inspection, Problem, ScoreSheet
from luoshi.ledgers.tests.conftest import photo

pytestmark = pytest.mark.django_db


def _lights_on(town):
    now = timezone.now()
    return registry.compute("ledgers-lights-on", town, now - dt.timedelta(days=30), now, now)


def test_a_failed_light_becomes_a_dispatched_case_and_closing_it_with_a_photo_restores_the_lights_on_rate(
    org, ledgers
):
    patrol = org.users["unit"]
    sheet = ScoreSheet.objects.get(code="light-patrol", is_current=True)
    lit = sheet.criteria.get()
    town = org.towns[0]
    assert _lights_on(town).value == 100.0
    for n, light in enumerate(ledgers["lights"][:3]):
        services.inspection_submit(
            actor=patrol,
            item=light,
            sheet=sheet,
            failed=[lit.pk] if n == 1 else [],
            photos=[photo()] if n == 1 else [],
        )
    problem = Problem.objects.get()
    case = problem.case
    assert problem.item == ledgers["lights"][1]
    assert case.case_type.code == "facility_fault" and case.unit.code == "yjb"
    assert case.status == Status.IN_PROGRESS and case.attachments.filter(kind=AttachmentKind.BEFORE).exists()
    r = _lights_on(town)
    assert (r.numerator, r.denominator, r.value) == (9, 10, 90.0)
    history = selectors.item_history(problem.item)
    assert {h.kind for h in history} == {"inspection", "problem"}

    with pytest.raises(services.LedgerError) as err:
        services.problem_close(actor=patrol, problem=problem, photo=None, reply="已更换灯泡")
    assert "photo" in err.value.fields
    case = services.problem_close(actor=patrol, problem=problem, photo=photo(), reply="已更换灯泡")
    assert case.status == Status.CLOSED and case.attachments.filter(kind=AttachmentKind.AFTER).exists()
    assert _lights_on(town).value == 100.0


def test_one_inspection_per_item_and_period_when_the_sheet_says_so(org, ledgers):
    sheet = ScoreSheet.objects.get(code="light-patrol", is_current=True)
    light = ledgers["lights"][0]
    services.inspection_submit(actor=org.users["unit"], item=light, sheet=sheet, failed=[])
    with pytest.raises(services.LedgerError) as err:
        services.inspection_submit(actor=org.users["office"], item=light, sheet=sheet, failed=[])
    assert "item" in err.value.fields
    # the database refuses it too, whatever the service says
    first = Inspection.objects.get()
    with pytest.raises(IntegrityError), transaction.atomic():
        Inspection.objects.create(
            **{
                f.attname: getattr(first, f.attname)
                for f in Inspection._meta.concrete_fields
                if f.name not in ("id", "client_token")
            }
        )


def test_a_resent_offline_submission_is_recorded_once(org, ledgers):
    import uuid

    sheet = ScoreSheet.objects.get(code="light-patrol", is_current=True)
    token = uuid.uuid4()
    first = services.inspection_submit(
        actor=org.users["unit"], item=ledgers["lights"][0], sheet=sheet, failed=[], client_token=token
    )
    again = services.inspection_submit(
        actor=org.users["unit"], item=ledgers["lights"][0], sheet=sheet, failed=[], client_token=token
    )
    assert first.pk == again.pk and Inspection.objects.count() == 1
    with pytest.raises(services.LedgerError):  # someone else's token is not theirs to replay
        services.inspection_submit(
            actor=org.users["office"], item=ledgers["lights"][0], sheet=sheet, failed=[], client_token=token
        )


def test_a_failed_item_that_needs_evidence_needs_a_photo(org, ledgers):
    sheet = ScoreSheet.objects.get(code="light-patrol", is_current=True)
    with pytest.raises(services.LedgerError) as err:
        services.inspection_submit(
            actor=org.users["unit"], item=ledgers["lights"][0], sheet=sheet, failed=[sheet.criteria.get().pk]
        )
    assert "photos" in err.value.fields and not Inspection.objects.exists()


def test_a_renamed_executable_is_not_a_photo(org, ledgers):
    from django.core.files.uploadedfile import SimpleUploadedFile

    sheet = ScoreSheet.objects.get(code="light-patrol", is_current=True)
    fake = SimpleUploadedFile("p.jpg", b"MZ\x90\x00" * 10, content_type="image/jpeg")
    with pytest.raises(services.LedgerError) as err:
        services.inspection_submit(
            actor=org.users["unit"], item=ledgers["lights"][0], sheet=sheet, failed=[], photos=[fake]
        )
    assert "photos" in err.value.fields


def test_village_ranking_follows_scores_and_a_new_sheet_version_leaves_old_inspections_alone(org, ledgers):
    sheet = ScoreSheet.objects.get(code="living-env", is_current=True)
    crit = list(sheet.criteria.all())
    a, b = ledgers["a"], ledgers["b"]
    services.inspection_submit(
        actor=org.users["office"],
        item=ledgers["env"][a.pk],
        sheet=sheet,
        failed=[crit[0].pk],
        photos=[photo()],
    )
    services.inspection_submit(actor=org.users["office"], item=ledgers["env"][b.pk], sheet=sheet, failed=[])
    period = Inspection.objects.first().period
    town_ids = [org.towns[0].pk]
    ranking = selectors.village_ranking(org.users["office"], "living-env", period, town_ids)
    assert [r["village_id"] for r in ranking] == [b.pk, a.pk]
    assert ranking[0]["score"] == 100.0 and ranking[1]["score"] == 75.0
    assert Problem.objects.get().case.case_type.code == "living_env"

    new = services.sheet_publish(
        actor=org.users["county"],
        sheet=sheet,
        criteria=[{"text": "生活垃圾", "points": 50}, {"text": "污水", "points": 50}],
    )
    assert new.version == 2 and not ScoreSheet.objects.get(pk=sheet.pk).is_current
    old = Inspection.objects.get(village=a)
    assert old.sheet_id == sheet.pk and old.marks.count() == 5
    # a village already scored this period cannot be scored again on the new version either
    with pytest.raises(services.LedgerError):
        services.inspection_submit(actor=org.users["office"], item=ledgers["env"][b.pk], sheet=new, failed=[])


def test_only_county_staff_publish_a_sheet_version(org, ledgers):
    sheet = ScoreSheet.objects.get(code="living-env", is_current=True)
    with pytest.raises(services.LedgerError):
        services.sheet_publish(actor=org.users["office"], sheet=sheet, criteria=[{"text": "x", "points": 1}])
