"""Single-row INSERTs with a statement built once per model, for the hottest write paths.

``Model.save()`` rebuilds its INSERT statement (and walks signals and save hooks) for every row;
creating a case writes three rows (the case, its history record, its first timeline entry), which
made Django's save machinery the largest cost of an intake. ``insert(obj)`` writes the same
row — each field's ``pre_save`` (``auto_now_add``…) and ``get_db_prep_save`` as Django applies
them — with a cached statement, and sends no ``pre_save``/``post_save`` signals: callers are
models whose creation nobody else listens to, and they write their audit record themselves
(``history=`` or ``insert_history``).

On PostgreSQL the row travels as one JSON parameter read by ``jsonb_populate_record``, and the
history record is copied from the inserted row in the same statement. Binding sixty separate
parameters cost more client CPU than the insert itself: psycopg re-parses statements with more
than 50 parameters on every call and quotes each value in Python. The statement is prepared
(``prepared_cursor``): PostgreSQL parses and plans it once per connection instead of every time,
which halves its cost on the server.
"""

from __future__ import annotations

import datetime as dt
import json
import uuid
from decimal import Decimal

from django.conf import settings
from django.db import connections, router
from django.db.models import Model
from django.utils import timezone

_statements: dict[tuple, tuple[str, list, bool]] = {}
_json_statements: dict[tuple, tuple[str, list] | None] = {}
# A history record's own columns, after the copied ones.
HISTORY_OWN = ("history_date", "history_type", "history_user_id", "history_change_reason")

# Field types whose database values JSON carries losslessly to ``jsonb_populate_record``.
JSON_SAFE_TYPES = {
    "AutoField",
    "BigAutoField",
    "SmallAutoField",
    "BigIntegerField",
    "BooleanField",
    "CharField",
    "DateField",
    "DateTimeField",
    "DecimalField",
    "EmailField",
    "ForeignKey",
    "IntegerField",
    "JSONField",
    "OneToOneField",
    "PositiveBigIntegerField",
    "PositiveIntegerField",
    "PositiveSmallIntegerField",
    "SlugField",
    "SmallIntegerField",
    "TextField",
    "TimeField",
    "URLField",
    "UUIDField",
}


def _fields(model: type[Model], with_pk: bool) -> list:
    meta = model._meta
    fields = [f for f in meta.local_concrete_fields if not getattr(f, "generated", False)]
    return fields if with_pk else [f for f in fields if f is not meta.auto_field]


def _statement(model: type[Model], using: str, with_pk: bool) -> tuple[str, list, bool]:
    key = (model, using, with_pk)
    hit = _statements.get(key)
    if hit is not None:
        return hit
    conn = connections[using]
    meta = model._meta
    fields = _fields(model, with_pk)
    qn = conn.ops.quote_name
    returning = not with_pk and conn.features.can_return_columns_from_insert
    sql = (
        f"INSERT INTO {qn(meta.db_table)} ({', '.join(qn(f.column) for f in fields)}) "
        f"VALUES ({', '.join(['%s'] * len(fields))})"
        + (f" RETURNING {qn(meta.pk.column)}" if returning else "")
    )
    _statements[key] = hit = (sql, fields, returning)
    return hit


def _json_statement(model: type[Model], using: str, records) -> tuple[str, list] | None:
    """The PostgreSQL statement reading the row from one JSON parameter (None: a field type JSON can't carry).

    With ``records`` (a ``HistoricalRecords``) the statement also writes the history record from
    the inserted row; its four own columns follow the JSON as parameters.
    """
    key = (model, using, records)
    if key in _json_statements:
        return _json_statements[key]
    fields = _fields(model, False)
    hit = None
    if all(f.get_internal_type() in JSON_SAFE_TYPES for f in fields):
        qn = connections[using].ops.quote_name
        table, pk = qn(model._meta.db_table), qn(model._meta.pk.column)
        columns = ", ".join(qn(f.column) for f in fields)
        row = f"INSERT INTO {table} ({columns}) SELECT {columns} FROM jsonb_populate_record(NULL::{table}, %s::jsonb)"
        if records is None:
            sql = f"{row} RETURNING {pk}"
        else:
            history = getattr(model, records.manager_name).model._meta
            copied = [(history.get_field(f.name).column, f.column) for f in records.fields_included(model)]
            sql = (
                f"WITH new AS ({row} RETURNING *) "
                f"INSERT INTO {qn(history.db_table)} "
                f"({', '.join([qn(h) for h, _c in copied] + [qn(c) for c in HISTORY_OWN])}) "
                f"SELECT {', '.join(f'new.{qn(c)}' for _h, c in copied)}, %s, %s, %s, %s FROM new "
                f"RETURNING {qn(history.get_field(model._meta.pk.name).column)}"
            )
        hit = (sql, fields)
    _json_statements[key] = hit
    return hit


_preparing_cursor_class = None


def prepared_cursor(conn):
    """A cursor (Django's wrapper: error translation, query logging) whose statements are prepared.

    On PostgreSQL the statement is bound on the server and prepared on first use; psycopg keeps it
    per connection. Django switches automatic preparation off (``prepare_threshold``) because
    transaction-pooling proxies did not support it; ``settings.PREPARED_STATEMENTS = False`` does
    the same here. Elsewhere, when switched off and while queries are logged, this is the ordinary cursor.
    """
    global _preparing_cursor_class
    if (
        conn.vendor != "postgresql"
        or not getattr(settings, "PREPARED_STATEMENTS", True)
        or conn.queries_logged
    ):
        return conn.cursor()  # logged queries (DEBUG, captured in tests) show their values: not prepared
    if _preparing_cursor_class is None:
        from django.db.backends.postgresql.base import ServerBindingCursor

        class PreparingCursor(ServerBindingCursor):
            def execute(self, query, params=None, **kwargs):
                kwargs.setdefault("prepare", True)
                return super().execute(query, params, **kwargs)

        _preparing_cursor_class = PreparingCursor
    conn.ensure_connection()
    conn.validate_thread_sharing()
    return conn.make_cursor(_preparing_cursor_class(conn.connection))


def _json_value(value: object) -> object:
    if isinstance(value, (dt.datetime, dt.date, dt.time)):
        return value.isoformat()
    if isinstance(value, (Decimal, uuid.UUID)):
        return str(value)
    obj = getattr(value, "obj", value)  # psycopg's Json/Jsonb wrapper of a JSONField value
    if obj is not value:
        dumps = getattr(value, "dumps", None)
        return obj if dumps in (None, json.dumps) else json.loads(dumps(obj))
    raise TypeError(f"{type(value).__name__} is not carried as JSON")


def is_plain_insert(obj: Model, args: tuple, kwargs: dict) -> bool:
    """True for ``save()`` / ``objects.create()`` of a new row without a chosen pk or field list."""
    return obj._state.adding and obj.pk is None and not args and set(kwargs) <= {"force_insert", "using"}


def insert(obj: Model, using: str | None = None, history=None) -> Model:
    """INSERT ``obj`` as a new row and set its primary key (no signals are sent).

    ``history``: the model's ``HistoricalRecords``, to write the creation record ("+") as well.
    """
    model = type(obj)
    using = using or router.db_for_write(model, instance=obj)
    if history is not None and not history_enabled(obj):
        history = None
    prepared: dict[str, object] = {}
    conn = connections[using]
    json_sql = (
        _json_statement(model, using, history) if conn.vendor == "postgresql" and obj.pk is None else None
    )
    if json_sql is not None:
        sql, fields = json_sql
        for f in fields:
            prepared[f.attname] = f.get_db_prep_save(f.pre_save(obj, True), connection=conn)
        params: list = [
            json.dumps(
                {f.column: prepared[f.attname] for f in fields}, default=_json_value, ensure_ascii=False
            )
        ]
        if history is not None:
            params += _history_own(history, obj, "+")
        with prepared_cursor(conn) as cur:
            cur.execute(sql, params)
            pk = cur.fetchone()[0]
    else:
        pk = _execute(model, using, obj.pk is not None, lambda f: f.pre_save(obj, True), prepared)
    if pk is not None:
        setattr(obj, model._meta.pk.attname, pk)
        prepared[model._meta.pk.attname] = pk
    obj._state.adding = False
    obj._state.db = using
    obj._fastinsert_prepared = prepared  # the history record reuses the converted values
    if history is not None and json_sql is None:
        insert_history(history, obj, "+")
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


def _history_own(records, instance: Model, history_type: str) -> list:
    """The history record's own columns: date, type, user, change reason."""
    user = records.get_history_user(instance)
    return [
        getattr(instance, "_history_date", None) or timezone.now(),
        history_type,
        getattr(user, "pk", None),
        records.get_change_reason_for_object(instance, history_type, None),
    ]


def insert_history(records, instance: Model, history_type: str = "+") -> object:
    """Write the django-simple-history record of ``instance`` as its ``post_save`` handler would.

    ``records`` is the model's ``HistoricalRecords`` object; the user and change reason come from
    its own lookups (``instance._history_user``, the request of ``HistoryRequestMiddleware``). The
    record is written from the instance's values without building a historical model instance.
    Returns the record's id (None when history is switched off for the instance).
    """
    if not history_enabled(instance):
        return None
    history_model = getattr(type(instance), records.manager_name).model
    fields = _included.get(history_model)
    if fields is None:
        fields = _included[history_model] = records.fields_included(instance)
    values = {f.attname: getattr(instance, f.attname) for f in fields}
    own = _history_own(records, instance, history_type)
    values.update(zip(HISTORY_OWN, own, strict=True))
    # The copied columns have the instance's field types: reuse what ``insert`` just converted.
    copied = getattr(instance, "_fastinsert_prepared", None) or {}
    prepared = {name: copied[name] for name in values if name in copied}
    return _execute(
        history_model, instance._state.db or "default", False, lambda f: values[f.attname], prepared
    )


def history_enabled(instance: Model) -> bool:
    return getattr(settings, "SIMPLE_HISTORY_ENABLED", True) and not hasattr(
        instance, "skip_history_when_saving"
    )
