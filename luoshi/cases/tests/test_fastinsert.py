"""New cases and timeline entries are written by ``luoshi.org.fastinsert``: the rows must be exactly
what Django's own ``Model.save`` would have written, history record included."""

from __future__ import annotations

import pytest
from django.db import models

from luoshi.cases.models import Case, CaseEvent, new_tracking_code

pytestmark = pytest.mark.django_db

DIFFERENT_BY_NATURE = {
    "id",
    "number",
    "tracking_code",
    "created_at",
    "updated_at",
    "history_id",
    "history_date",
}


def _orm_twin(obj):
    """A copy of ``obj`` written through Django's Model.save (which sends post_save: simple-history)."""
    twin = type(obj).objects.get(pk=obj.pk)
    twin.pk = None
    twin._state.adding = True
    twin._history_user = getattr(obj, "_history_user", None)
    if isinstance(twin, Case):
        twin.number = obj.number[:-1] + ("Z" if obj.number[-1] != "Z" else "Y")
        twin.tracking_code = new_tracking_code()
    models.Model.save(twin)
    return twin


def _same(a: dict, b: dict) -> None:
    for key in a:
        if key not in DIFFERENT_BY_NATURE:
            assert a[key] == b[key], key


def test_a_new_case_row_and_its_history_equal_what_model_save_writes(make_case, users):
    case = make_case(actor=users["office"], contact_phone="13900001111", details={"面积": "3亩"})
    assert case.pk and not case._state.adding
    stored = Case.objects.filter(pk=case.pk).values().get()
    for field in Case._meta.concrete_fields:  # the object in memory is what was stored
        if field.attname not in ("created_at", "updated_at"):
            assert getattr(case, field.attname) == stored[field.attname], field.attname
    twin = _orm_twin(case)
    _same(stored, Case.objects.filter(pk=twin.pk).values().get())

    ours = Case.history.filter(id=case.pk).values().get()  # exactly one record: the creation
    theirs = Case.history.filter(id=twin.pk).values().get()
    assert ours["history_type"] == theirs["history_type"] == "+"
    assert ours["history_user_id"] == users["office"].pk
    _same(ours, theirs)


def test_a_new_timeline_entry_equals_what_model_save_writes(make_case):
    case = make_case()
    entry = CaseEvent.objects.filter(case=case).get()
    twin = _orm_twin(entry)
    _same(
        CaseEvent.objects.filter(pk=entry.pk).values().get(),
        CaseEvent.objects.filter(pk=twin.pk).values().get(),
    )


def test_an_update_still_goes_through_model_save_and_records_a_change(make_case, users):
    case = make_case(actor=users["office"])
    case.title = "改过的标题"
    case._history_user = users["office"]
    case.save()
    kinds = list(
        Case.history.filter(id=case.pk).order_by("history_date").values_list("history_type", flat=True)
    )
    assert kinds == ["+", "~"]
