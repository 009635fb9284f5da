"""New cases and timeline entries are written by ``luoshi.org.fastinsert``: the rows must be exactly
what Django's own ``Model.save`` would have written, history record included."""

from __future__ import annotations

import pytest
from django.db import models

from luoshi.cases.models import CASE_HISTORY, Case, CaseEvent, new_short_code, new_tracking_code

pytestmark = pytest.mark.django_db

DIFFERENT_BY_NATURE = {
    "id",
    "number",
    "tracking_code",
    "short_code",
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
        twin.short_code = new_short_code()
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


def test_awkward_values_survive_the_json_row_exactly(make_case, users):
    """Quotes, backslashes, newlines, nested JSON, decimals, no village: stored as Model.save stores them."""
    from decimal import Decimal

    details = {"引号": 'a"b\\c', "列表": [1, 2.5, None, True], "嵌套": {"空": {}, "文本": "第一行\n第二行"}}
    case = make_case(
        title='他说："路灯\\坏了"',
        content="第一行\n\t第二行 '单引号' %s %(x)s",
        village=None,
        address="云溪村 3 组",
        latitude=Decimal("28.123456"),
        longitude=Decimal("-113.000001"),
        details=details,
        actor=users["office"],
    )
    stored = Case.objects.filter(pk=case.pk).values().get()
    assert stored["details"] == details
    assert stored["latitude"] == Decimal("28.123456") and stored["longitude"] == Decimal("-113.000001")
    assert stored["content"] == "第一行\n\t第二行 '单引号' %s %(x)s"
    assert stored["village_id"] is None
    twin = _orm_twin(case)
    _same(stored, Case.objects.filter(pk=twin.pk).values().get())
    _same(Case.history.filter(id=case.pk).values().get(), Case.history.filter(id=twin.pk).values().get())


def test_a_case_saved_without_history_writes_no_record(make_case):
    from luoshi.org import fastinsert

    template = make_case()
    case = Case.objects.get(pk=template.pk)
    case.pk = None
    case._state.adding = True
    case.number = template.number[:-1] + ("Z" if template.number[-1] != "Z" else "Y")
    case.tracking_code = new_tracking_code()
    case.short_code = new_short_code()
    case.skip_history_when_saving = True
    fastinsert.insert(case, history=CASE_HISTORY)
    assert case.pk and not Case.history.filter(id=case.pk).exists()


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


def _prepared_case_inserts() -> tuple[int, int]:
    """(statements, executions) of the prepared case insert on this connection."""
    from django.db import connection

    with connection.cursor() as cur:
        cur.execute(
            "SELECT count(*), coalesce(sum(generic_plans + custom_plans), 0) FROM pg_prepared_statements "
            "WHERE statement LIKE %s",
            ['WITH new AS (INSERT INTO "cases_case"%'],
        )
        return tuple(cur.fetchone())


def test_on_postgresql_the_case_insert_is_prepared_once_per_connection(make_case, settings):
    """PostgreSQL parses and plans the insert once; DB_PREPARED_STATEMENTS=0 (a pooling proxy) stops it."""
    from django.db import connection

    if connection.vendor != "postgresql":  # SQLite has no prepared statements: the plain cursor is used
        first, second = make_case(), make_case()
        assert second.pk > first.pk
        return
    make_case()
    statements, runs = _prepared_case_inserts()
    assert statements == 1 and runs >= 1
    make_case(), make_case()
    assert _prepared_case_inserts() == (1, runs + 2)
    settings.PREPARED_STATEMENTS = False
    make_case()
    assert _prepared_case_inserts() == (1, runs + 2)
