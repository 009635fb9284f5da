"""Single-row INSERTs with a statement built once per model, for the hottest write paths.

``Model.save()`` rebuilds its INSERT statement (and walks signals and save hooks) for every row;
creating a case writes three rows (the case, its history record, its first timeline entry), which
made Django's save machinery the largest cost of an intake. ``insert(obj)`` writes the same
row — each field's ``pre_save`` (``auto_now_add``…) and ``get_db_prep_save`` as Django applies
them — with a cached statement, and sends no ``pre_save``/``post_save`` signals: callers are
models whose creation nobody else listens to, and they write their audit record themselves
(``insert_history``).
"""

from __future__ import annotations

from django.conf import settings
from django.db import connections, router
from django.db.models import Model
from django.utils import timezone

_statements: dict[tuple, tuple[str, list, bool]] = {}


def _statement(model: type[Model], using: str, with_pk: bool) -> tuple[str, list, bool]:
    key = (model, using, with_pk)
    hit = _statements.get(key)
    if hit is not None:
        return hit
    conn = connections[using]
    meta = model._meta
    fields = [f for f in meta.local_concrete_fields if not getattr(f, "generated", False)]
    if not with_pk:
        fields = [f for f in fields if f is not meta.auto_field]
    qn = conn.ops.quote_name
    returning = not with_pk and conn.features.can_return_columns_from_insert
    sql = (
        f"INSERT INTO {qn(meta.db_table)} ({', '.join(qn(f.column) for f in fields)}) "
        f"VALUES ({', '.join(['%s'] * len(fields))})"
        + (f" RETURNING {qn(meta.pk.column)}" if returning else "")
    )
    _statements[key] = hit = (sql, fields, returning)
    return hit


def is_plain_insert(obj: Model, args: tuple, kwargs: dict) -> bool:
    """True for ``save()`` / ``objects.create()`` of a new row without a chosen pk or field list."""
    return obj._state.adding and obj.pk is None and not args and set(kwargs) <= {"force_insert", "using"}


def insert(obj: Model, using: str | None = None) -> Model:
    """INSERT ``obj`` as a new row and set its primary key (no signals are sent)."""
    model = type(obj)
    using = using or router.db_for_write(model, instance=obj)
    prepared: dict[str, object] = {}
    pk = _execute(model, using, obj.pk is not None, lambda f: f.pre_save(obj, True), prepared)
    if pk is not None:
        setattr(obj, model._meta.pk.attname, pk)
        prepared[model._meta.pk.attname] = pk
    obj._state.adding = False
    obj._state.db = using
    obj._fastinsert_prepared = prepared  # the history record reuses the converted values
    return obj


def _execute(model: type[Model], using: str, with_pk: bool, value_of, prepared: dict | None = None) -> object:
    """Run the model's INSERT; ``prepared`` (attname → database value) is used and filled in."""
    conn = connections[using]
    sql, fields, returning = _statement(model, using, with_pk)
    known = prepared if prepared is not None else {}
    params = []
    for f in fields:
        if f.attname not in known:
            known[f.attname] = f.get_db_prep_save(value_of(f), connection=conn)
        params.append(known[f.attname])
    with conn.cursor() as cur:
        cur.execute(sql, params)
        if with_pk:
            return None
        if returning:
            return cur.fetchone()[0]
        return conn.ops.last_insert_id(cur, model._meta.db_table, model._meta.pk.column)


_included: dict[type, list] = {}


def insert_history(records, instance: Model, history_type: str = "+") -> object:
    """Write the django-simple-history record of ``instance`` as its ``post_save`` handler would.

    ``records`` is the model's ``HistoricalRecords`` object; the user and change reason come from
    its own lookups (``instance._history_user``, the request of ``HistoryRequestMiddleware``). The
    record is written from the instance's values without building a historical model instance.
    Returns the record's id (None when history is switched off for the instance).
    """
    if not getattr(settings, "SIMPLE_HISTORY_ENABLED", True) or hasattr(instance, "skip_history_when_saving"):
        return None
    history_model = getattr(type(instance), records.manager_name).model
    user = records.get_history_user(instance)
    fields = _included.get(history_model)
    if fields is None:
        fields = _included[history_model] = records.fields_included(instance)
    values = {f.attname: getattr(instance, f.attname) for f in fields}
    values.update(
        history_date=getattr(instance, "_history_date", None) or timezone.now(),
        history_type=history_type,
        history_user_id=getattr(user, "pk", None),
        history_change_reason=records.get_change_reason_for_object(instance, history_type, None),
    )
    # The copied columns have the instance's field types: reuse what ``insert`` just converted.
    copied = getattr(instance, "_fastinsert_prepared", None) or {}
    prepared = {name: copied[name] for name in values if name in copied}
    return _execute(
        history_model, instance._state.db or "default", False, lambda f: values[f.attname], prepared
    )
