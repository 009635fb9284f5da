"""Fixed-window limits on anonymous and machine writes (the public case form, Open311 POST).

The counters live in one database table (``luoshi_ratecounter``, declared as
``luoshi.cases.models.RateCounter``), so every server process and every host on the same database
counts together: with 2 workers the public form allows its 10 an hour, not 20. One statement counts
an attempt (``INSERT … ON CONFLICT DO UPDATE … RETURNING``, atomic on PostgreSQL and SQLite ≥ 3.35),
so concurrent requests cannot lose a count. The limit is a brake on floods, not an identity check.
"""

from __future__ import annotations

import math
import random
import time

from django.conf import settings
from django.db import connection

TABLE = "luoshi_ratecounter"
BUCKET_LEN = 200
CLEANUP_CHANCE = 0.01  # about one attempt in a hundred deletes the expired counters

_UPSERT = (
    f"INSERT INTO {TABLE} (bucket, expires_at, hits) VALUES (%s, %s, 1) "
    f"ON CONFLICT (bucket) DO UPDATE SET hits = {TABLE}.hits + 1 RETURNING hits"
)


def client_ip(request) -> str:
    """The client's address: ``REMOTE_ADDR``, or, behind ``settings.PROXY_COUNT`` reverse proxies that
    append to ``X-Forwarded-For``, the address the outermost of them saw."""
    proxies = getattr(settings, "PROXY_COUNT", 0)
    if proxies > 0:
        hops = [h.strip() for h in request.META.get("HTTP_X_FORWARDED_FOR", "").split(",") if h.strip()]
        if len(hops) >= proxies:
            return hops[-proxies]
    return request.META.get("REMOTE_ADDR", "")


def hit(key: str, limit: int, window_seconds: int, *, now: float | None = None) -> int:
    """Count one attempt for ``key`` in the current window.

    Returns 0 while at most ``limit`` attempts were made in the window, else the seconds until the
    window ends (for ``Retry-After``). ``limit`` 0 or less: no limit, nothing counted.
    """
    if limit <= 0:
        return 0
    now = time.time() if now is None else now
    window = int(now // window_seconds)
    ends = (window + 1) * window_seconds
    bucket = f"{key}:{window_seconds}:{window}"[:BUCKET_LEN]
    with connection.cursor() as cursor:
        cursor.execute(_UPSERT, [bucket, ends])
        count = cursor.fetchone()[0]
        if random.random() < CLEANUP_CHANCE:
            cursor.execute(f"DELETE FROM {TABLE} WHERE expires_at < %s", [int(now)])
    return 0 if count <= limit else max(1, math.ceil(ends - now))


def allow(key: str, limit: int, window_seconds: int) -> bool:
    """Count one attempt for ``key`` in the current window; False once more than ``limit`` were made."""
    return hit(key, limit, window_seconds) == 0


def exceeded(key: str, limit: int, window_seconds: int, *, now: float | None = None) -> bool:
    """Whether ``key`` made more than ``limit`` attempts in the current window (counts nothing)."""
    if limit <= 0:
        return False
    now = time.time() if now is None else now
    window = int(now // window_seconds)
    bucket = f"{key}:{window_seconds}:{window}"[:BUCKET_LEN]
    with connection.cursor() as cursor:
        cursor.execute(f"SELECT hits FROM {TABLE} WHERE bucket = %s", [bucket])
        row = cursor.fetchone()
    return bool(row) and row[0] > limit
