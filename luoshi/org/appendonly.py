"""Append-only audit: history rows and case timeline entries are never changed or deleted.

Three layers, so that neither the admin, nor code, nor plain SQL can rewrite the record:

* admin: ``ReadOnlyAdminMixin`` (no add/change/delete) on timeline admins, no deletion of users
  or cases whose records would go with them;
* model: ``pre_save`` on an existing row and ``pre_delete`` (which ``QuerySet.delete()`` and
  cascades also send) raise ``AppendOnlyError`` for every append-only model;
* database: a trigger on each append-only table refuses ``UPDATE`` and ``DELETE`` (PostgreSQL:
  a PL/pgSQL function; SQLite: ``RAISE(ABORT)`` guarded by a function only our connections
  define, so any other client fails closed). ``post_migrate`` installs them idempotently, for
  every table including ones added later.

Append-only models: every django-simple-history ``Historical*`` model and those named in
``APPEND_ONLY`` (the case timeline, the admin site's log). Tables in ``FILL_ONCE`` (the sign-in
log) keep their rows and may only have empty columns filled. Tables in ``KEEP_ROWS`` may be updated (a household changes
state) but their rows are never deleted: the same function guards them with a DELETE-only trigger. The one way round is ``audit_bypass(reason)``, logged, and
used only by the ``flush`` command (emptying a database: test teardown, a fresh demo).
"""

from __future__ import annotations

import logging
from contextlib import contextmanager

from django.apps import apps
from django.db import connections, transaction
from django.db.models.signals import pre_delete, pre_save
from simple_history.models import HistoricalChanges

log = logging.getLogger(__name__)

# Append-only tables that have no simple-history (their rows are the record themselves).
APPEND_ONLY = [
    "cases.CaseEvent",
    "county.ResultRow",
    "assistance.Step",
    "assistance.FullView",
    "assistance.ExportLog",
    "economy.EnterpriseView",
    "admin.LogEntry",  # what the administrator did in the admin site (django_admin_log)
]
# Tables whose rows are updated but never deleted (records kept for good, DOMAIN.md §9).
KEEP_ROWS = [
    "assistance.Household",
    "assistance.Member",
    "assistance.IncomeRecord",
    "assistance.Measure",
    "assistance.Visit",
    "assistance.Payment",
    "assistance.NationalEntry",
]
# The sign-in log (axes ``AccessLog``, one row per sign-in): never deleted, and an update may only
# fill the named columns while they are empty (axes stamps ``logout_time`` at sign-out). The
# failure counters (``AccessAttempt``) are not a record: axes deletes them on success, on expiry
# and when an administrator lifts a lockout. ``AccessFailureLog`` is pruned by axes itself (per
# username beyond ``AXES_ACCESS_FAILURE_LOG_PER_USER_LIMIT``) and is no audit record either.
FILL_ONCE = {"axes.AccessLog": ("logout_time",)}
TRIGGER = "luoshi_append_only"
FILL_TRIGGER = "luoshi_fill_once"
KEEP_TRIGGER = "luoshi_keep_rows"
_PG_SETTING = "luoshi.audit_bypass"


class AppendOnlyError(Exception):
    """An audit or timeline row was about to be changed or deleted."""


def append_only_models() -> list:
    models = [m for m in apps.get_models() if issubclass(m, HistoricalChanges)]
    models += [apps.get_model(label) for label in APPEND_ONLY if _installed(label)]
    return models


def keep_rows_models() -> list:
    """Models whose rows are never deleted (``KEEP_ROWS`` and the fill-once tables)."""
    return [apps.get_model(label) for label in [*KEEP_ROWS, *FILL_ONCE] if _installed(label)]


def fill_once_models() -> list[tuple]:
    """(model, columns that an update may fill while empty) of every installed fill-once table."""
    out = []
    for label, names in FILL_ONCE.items():
        if _installed(label):
            model = apps.get_model(label)
            out.append((model, [model._meta.get_field(n).column for n in names]))
    return out


def _installed(label: str) -> bool:
    try:
        apps.get_model(label)
    except LookupError:
        return False
    return True


def _bypassed(using: str | None) -> bool:
    return bool(getattr(connections[using or "default"], "luoshi_audit_bypass", False))


@contextmanager
def audit_bypass(reason: str, using: str = "default"):
    """Allow deleting append-only rows inside this block (one transaction), and log that it happened."""
    conn = connections[using]
    log.warning("append-only audit tables unlocked on %s: %s", using, reason)
    with transaction.atomic(using=using):
        if conn.vendor == "postgresql":
            with conn.cursor() as cursor:
                cursor.execute("SELECT set_config(%s, 'on', true)", [_PG_SETTING])
        conn.luoshi_audit_bypass = True
        try:
            yield
        finally:
            conn.luoshi_audit_bypass = False
            if conn.vendor == "postgresql" and not conn.needs_rollback:
                with conn.cursor() as cursor:
                    cursor.execute("SELECT set_config(%s, 'off', true)", [_PG_SETTING])


# --- model layer --------------------------------------------------------------------------------


def _refuse_change(sender, instance, raw=False, using=None, **kwargs):
    if not instance._state.adding and not raw and not _bypassed(using):
        raise AppendOnlyError(f"{sender._meta.label} is append-only: row {instance.pk} cannot be changed")


def _refuse_delete(sender, instance, using=None, **kwargs):
    if not _bypassed(using):
        raise AppendOnlyError(f"{sender._meta.label} is append-only: row {instance.pk} cannot be deleted")


def connect_model_guards() -> None:
    for model in append_only_models():
        pre_save.connect(_refuse_change, sender=model, dispatch_uid=f"appendonly-save-{model._meta.label}")
        pre_delete.connect(_refuse_delete, sender=model, dispatch_uid=f"appendonly-del-{model._meta.label}")
    for model in keep_rows_models():
        pre_delete.connect(_refuse_delete, sender=model, dispatch_uid=f"keeprows-del-{model._meta.label}")
    for model, _columns in fill_once_models():  # axes fills them with ``QuerySet.update()``, no save()
        pre_save.connect(_refuse_change, sender=model, dispatch_uid=f"fillonce-save-{model._meta.label}")


# --- database layer -----------------------------------------------------------------------------

_PG_FUNCTION = f"""
CREATE OR REPLACE FUNCTION {TRIGGER}() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    IF coalesce(current_setting('{_PG_SETTING}', true), '') = 'on' THEN
        IF TG_OP = 'DELETE' THEN RETURN OLD; END IF;
        RETURN NEW;
    END IF;
    RAISE EXCEPTION 'append-only table %: % refused', TG_TABLE_NAME, TG_OP USING ERRCODE = 'restrict_violation';
END
$$
"""


def sqlite_connected(sender, connection, **kwargs) -> None:
    """Define the lock function our SQLite triggers call (1: locked, 0: inside ``audit_bypass``)."""
    if connection.vendor == "sqlite":
        connection.connection.create_function(
            "luoshi_audit_locked", 0, lambda: 0 if getattr(connection, "luoshi_audit_bypass", False) else 1
        )


def install_triggers(using: str = "default", **kwargs) -> int:
    """Create the UPDATE/DELETE triggers of every append-only table and the DELETE trigger of every
    kept-rows table (idempotent); returns how many tables are guarded."""
    conn = connections[using]
    existing = set(conn.introspection.table_names())
    tables = sorted({m._meta.db_table for m in append_only_models()} & existing)
    kept = sorted({m._meta.db_table for m in keep_rows_models()} & existing)
    qn = conn.ops.quote_name
    fill = {}  # table → the update it allows: the fill-once columns were empty, nothing else changes
    for model, columns in fill_once_models():
        if model._meta.db_table in existing:
            same = [f.column for f in model._meta.concrete_fields if f.column not in columns]
            eq = " IS NOT DISTINCT FROM " if conn.vendor == "postgresql" else " IS "
            allowed = [f"OLD.{qn(c)} IS NULL" for c in columns] + [
                f"NEW.{qn(c)}{eq}OLD.{qn(c)}" for c in same
            ]
            fill[model._meta.db_table] = " AND ".join(allowed)
    with conn.cursor() as cursor:
        if conn.vendor == "postgresql":
            cursor.execute(_PG_FUNCTION)
            for table in tables:
                cursor.execute(
                    f"CREATE OR REPLACE TRIGGER {TRIGGER} BEFORE UPDATE OR DELETE ON {qn(table)} "
                    f"FOR EACH ROW EXECUTE FUNCTION {TRIGGER}()"
                )
            for table in kept:
                cursor.execute(
                    f"CREATE OR REPLACE TRIGGER {KEEP_TRIGGER} BEFORE DELETE ON {qn(table)} "
                    f"FOR EACH ROW EXECUTE FUNCTION {TRIGGER}()"
                )
            for table, allowed in sorted(fill.items()):
                cursor.execute(
                    f"CREATE OR REPLACE TRIGGER {FILL_TRIGGER} BEFORE UPDATE ON {qn(table)} "
                    f"FOR EACH ROW WHEN (NOT ({allowed})) EXECUTE FUNCTION {TRIGGER}()"
                )
        elif conn.vendor == "sqlite":
            for table in tables:
                for op in ("UPDATE", "DELETE"):
                    cursor.execute(
                        f"CREATE TRIGGER IF NOT EXISTS {qn(f'{TRIGGER}_{op.lower()}_{table}')} BEFORE {op} "
                        f"ON {qn(table)} WHEN luoshi_audit_locked() "
                        f"BEGIN SELECT RAISE(ABORT, 'append-only table {table}: {op} refused'); END"
                    )
            for table in kept:
                cursor.execute(
                    f"CREATE TRIGGER IF NOT EXISTS {qn(f'{KEEP_TRIGGER}_{table}')} BEFORE DELETE "
                    f"ON {qn(table)} WHEN luoshi_audit_locked() "
                    f"BEGIN SELECT RAISE(ABORT, 'rows of {table} are never deleted'); END"
                )
            for table, allowed in sorted(fill.items()):
                cursor.execute(
                    f"CREATE TRIGGER IF NOT EXISTS {qn(f'{FILL_TRIGGER}_{table}')} BEFORE UPDATE "
                    f"ON {qn(table)} WHEN luoshi_audit_locked() AND NOT ({allowed}) "
                    f"BEGIN SELECT RAISE(ABORT, 'rows of {table} are not changed'); END"
                )
        else:
            return 0
    return len(tables) + len(kept)  # fill-once tables are among ``kept``


def post_migrate_install(sender, using="default", **kwargs) -> None:
    install_triggers(using=using)
