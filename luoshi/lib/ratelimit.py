"""Fixed-window limits on anonymous writes (the public case form), counted in Django's cache.

The default cache is local to each server process, so with N workers a client may get up to N
times the limit before every process refuses it; point ``CACHES`` at a shared cache (Redis, the
database) to make it exact. The limit is a brake on floods, not an identity check.
"""

from __future__ import annotations

import time

from django.conf import settings
from django.core.cache import cache


def client_ip(request) -> str:
    """The client's address: ``REMOTE_ADDR``, or, behind ``settings.PROXY_COUNT`` reverse proxies that
    append to ``X-Forwarded-For``, the address the outermost of them saw."""
    proxies = getattr(settings, "PROXY_COUNT", 0)
    if proxies > 0:
        hops = [h.strip() for h in request.META.get("HTTP_X_FORWARDED_FOR", "").split(",") if h.strip()]
        if len(hops) >= proxies:
            return hops[-proxies]
    return request.META.get("REMOTE_ADDR", "")


def allow(key: str, limit: int, window_seconds: int) -> bool:
    """Count one attempt for ``key`` in the current window; False once more than ``limit`` were made."""
    if limit <= 0:
        return True
    bucket = f"ratelimit:{key}:{int(time.time() // window_seconds)}"
    cache.add(bucket, 0, window_seconds + 1)
    try:
        count = cache.incr(bucket)
    except ValueError:  # the entry expired between add and incr
        cache.set(bucket, 1, window_seconds + 1)
        count = 1
    return count <= limit


def exceeded(key: str, limit: int, window_seconds: int) -> bool:
    """Whether ``key`` made more than ``limit`` attempts in the current window (counts nothing)."""
    if limit <= 0:
        return False
    return (cache.get(f"ratelimit:{key}:{int(time.time() // window_seconds)}") or 0) > limit
