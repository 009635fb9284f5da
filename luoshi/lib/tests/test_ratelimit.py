"""Rate limits count in the database, so every server process counts together.

How it is shown to be shared: on PostgreSQL a real second Python process counts into the same
window as the test process; and (``cases/tests/test_sweep_and_public.py``) the public form's count is
read back with plain SQL and a count written into the table by another writer is honoured.
"""

from __future__ import annotations

import os
import subprocess
import sys

import pytest
from django.db import connection

from luoshi.lib import ratelimit

NOW = 1_800_000_000.0  # the start of an hour window


def _hits(prefix: str) -> int:
    with connection.cursor() as cursor:
        cursor.execute(f"SELECT SUM(hits) FROM {ratelimit.TABLE} WHERE bucket LIKE %s", [prefix + "%"])
        return cursor.fetchone()[0] or 0


@pytest.mark.django_db
def test_hit_counts_per_key_and_window_and_tells_how_long_to_wait():
    assert [ratelimit.hit("k", 2, 60, now=NOW + 15) for _ in range(3)] == [0, 0, 45]
    assert ratelimit.hit("other", 2, 60, now=NOW + 15) == 0
    assert ratelimit.hit("k", 2, 60, now=NOW + 60) == 0  # a new window
    assert ratelimit.hit("k", 0, 60, now=NOW) == 0 and _hits("k:60") == 4  # limit 0: nothing counted


@pytest.mark.django_db
def test_the_occasional_purge_deletes_expired_counters_only(monkeypatch):
    ratelimit.hit("old", 5, 60, now=NOW)  # its window ends at NOW + 60
    monkeypatch.setattr(ratelimit, "CLEANUP_CHANCE", 1.0)
    ratelimit.hit("new", 5, 60, now=NOW + 120)
    assert _hits("old:60") == 0 and _hits("new:60") == 1
    monkeypatch.setattr(ratelimit, "CLEANUP_CHANCE", 0.0)
    ratelimit.hit("old", 5, 60, now=NOW)
    ratelimit.hit("new", 5, 60, now=NOW + 120)
    assert _hits("old:60") == 1 and _hits("new:60") == 2  # no purge: the expired counter stays


@pytest.mark.django_db(transaction=True)
def test_a_second_process_counts_into_the_same_window():
    if connection.vendor != "postgresql":
        pytest.skip("a second process needs a database server (the SQLite test database is in memory)")
    db = connection.settings_dict
    url = f"postgres://{db['USER']}:{db['PASSWORD'] or ''}@{db['HOST'] or '127.0.0.1'}:{db['PORT'] or 5432}/{db['NAME']}"
    code = (
        "import django; django.setup(); from luoshi.lib import ratelimit; "
        f"print([ratelimit.hit('shared', 3, 3600, now={NOW}) for _ in range(2)])"
    )
    env = {**os.environ, "DATABASE_URL": url, "DJANGO_SETTINGS_MODULE": "luoshi.settings", "LUOSHI_DEMO": "1"}
    assert ratelimit.hit("shared", 3, 3600, now=NOW) == 0
    out = subprocess.run([sys.executable, "-c", code], env=env, capture_output=True, text=True, timeout=120)
    assert out.returncode == 0, out.stderr
    assert out.stdout.strip() == "[0, 0]"
    assert ratelimit.hit("shared", 3, 3600, now=NOW) > 0  # 1 here + 2 there + this one = 4 > 3
