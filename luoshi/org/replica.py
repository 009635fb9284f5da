"""Read-only report and dashboard queries on a PostgreSQL streaming replica (``DATABASE_REPLICA_URL``).

Only code marked with ``reading_replica()`` reads from the replica; every other read, and every write
whatever the marking, goes to the primary. A blanket "all reads to the replica" rule would break
read-your-writes (a user saves a case and the next page, read from a replica a few hundred
milliseconds behind, does not show it). Marked pages therefore show figures as of the replica's
last replayed transaction (docs/county.md, "Replica").

Sign-in, sessions, roles and the lock-out counters are always read on the primary even inside a
marked block: a role revoked a moment ago must not still open a page on a lagging replica.
"""

from __future__ import annotations

import contextlib
from contextvars import ContextVar

from django.conf import settings

REPLICA = "replica"
PRIMARY = "default"

# Apps and models whose reads decide who may do what: never from a replica.
_PRIMARY_APPS = frozenset({"auth", "sessions", "axes", "admin", "contenttypes", "django_tasks_database"})
_PRIMARY_MODELS = frozenset({("org", "user"), ("org", "roleassignment")})

_reading: ContextVar[bool] = ContextVar("luoshi_reading_replica", default=False)


class reading_replica(contextlib.ContextDecorator):
    """Mark a block (or a function, as a decorator) whose queries only read and may be slightly stale."""

    def _recreate_cm(self):
        # A decorated function may run in several threads at once: each call gets its own token.
        return type(self)()

    def __enter__(self):
        self._token = _reading.set(True)
        return self

    def __exit__(self, *exc):
        _reading.reset(self._token)
        return False


def replica_configured() -> bool:
    return REPLICA in settings.DATABASES


def _primary_only(model) -> bool:
    if model is None:
        return True
    meta = model._meta
    return meta.app_label in _PRIMARY_APPS or (meta.app_label, meta.model_name) in _PRIMARY_MODELS


class ReplicaRouter:
    """Marked reads to ``replica`` when it is configured; everything else to ``default``."""

    def db_for_read(self, model, **hints):
        if _reading.get() and replica_configured() and not _primary_only(model):
            return REPLICA
        return PRIMARY

    def db_for_write(self, model, **hints):
        return PRIMARY

    def allow_relation(self, obj1, obj2, **hints):
        # Both aliases hold the same rows (one is a copy of the other).
        return True

    def allow_migrate(self, db, app_label, model_name=None, **hints):
        # A hot standby is read-only: it gets the schema by replaying the primary's WAL.
        return db == PRIMARY
