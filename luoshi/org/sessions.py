"""The session store (``SESSION_ENGINE``): Django's database store, its read compiled once.

Every signed-in request loads its session row. Django's store reads it through the ORM, which
compiles the same two-condition statement on every request (``bench_cases.py --profile``: the
session and user reads were a fifth of an open case page's CPU, nearly all of it compilation).
Here ``load`` runs that statement compiled once per database alias, with the same meaning: the row
whose key matches and whose expiry lies ahead; a missing or expired row gives a new, empty session
(the key dropped, as Django does). Writes, ``exists`` and the async paths stay Django's.

Sessions made before ``luoshi.org.backends.UserBackend`` replaced ``ModelBackend`` name the old
backend; ``load`` reads that name as the new one (a subclass with the same meaning), so they stay
signed in rather than being signed out once.
"""

from __future__ import annotations

from django.contrib.auth import BACKEND_SESSION_KEY
from django.contrib.sessions.backends.db import SessionStore as DbSessionStore
from django.db import connections, router
from django.utils import timezone

LEGACY_BACKEND = "django.contrib.auth.backends.ModelBackend"
BACKEND = "luoshi.org.backends.UserBackend"

_KEY_SLOT = "luoshi-session-key-slot"  # stands for the key while compiling (real keys are [a-z0-9])
_plans: dict[str, tuple[str, int, int]] = {}  # database alias → (sql, key position, time position)


def _plan(model, db: str) -> tuple[str, int, int]:
    plan = _plans.get(db)
    if plan is None:
        query = (
            model.objects.filter(session_key=_KEY_SLOT, expire_date__gt=timezone.now())
            .values_list("session_data")
            .query
        )
        sql, params = query.get_compiler(using=db).as_sql()
        if len(params) != 2 or _KEY_SLOT not in params:
            raise RuntimeError(f"unexpected session statement: {sql} {params!r}")
        key_at = params.index(_KEY_SLOT)
        plan = _plans[db] = (sql, key_at, 1 - key_at)
    return plan


class SessionStore(DbSessionStore):
    def load(self):
        model = self.model
        db = router.db_for_read(model)
        sql, key_at, time_at = _plan(model, db)
        connection = connections[db]
        params: list = [None, None]
        params[key_at] = self.session_key
        # as the lookup ``expire_date__gt=now`` prepares its value (naive UTC text on SQLite)
        params[time_at] = model._meta.get_field("expire_date").get_db_prep_value(timezone.now(), connection)
        with connection.cursor() as cursor:
            cursor.execute(sql, params)
            row = cursor.fetchone()
        if row is None:
            self._session_key = None
            return {}
        data = self.decode(row[0])
        if data.get(BACKEND_SESSION_KEY) == LEGACY_BACKEND:
            data[BACKEND_SESSION_KEY] = BACKEND
        return data
