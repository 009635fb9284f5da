"""Computed read models kept in the server process's memory, under keys that carry their version.

The desk's totals, warnings and nowcast are cached under keys made of what they are computed from
(the town's newest return, the register's and the flags' newest history row, the county's limits),
so a key never names a stale value. Reading them back from Django's cache unpickles them on every
request (a town's nowcast of 500 enterprises: several ms of CPU); here the object itself is kept in
a small per-process table, and Django's cache holds only a token for it (and the object for other
processes that share the cache). A cleared cache (``cache.clear()``) drops the token, so the object
here is not used again. Objects returned are shared between requests: callers must not change them.
"""

from __future__ import annotations

import threading
import uuid
from collections import OrderedDict
from collections.abc import Callable, Iterable
from typing import Any

from django.core.cache import cache

SIZE = 256  # entries kept per process (a town × month × scale each, per kind); least recently used go
TIMEOUT = 3600

_table: OrderedDict[str, tuple[str, Any]] = OrderedDict()
_lock = threading.Lock()


def _remember(key: str, token: str, value: Any) -> None:
    with _lock:
        _table[key] = (token, value)
        _table.move_to_end(key)
        while len(_table) > SIZE:
            _table.popitem(last=False)


def get_many(keys: Iterable[str]) -> dict[str, Any]:
    """key → value for the keys computed before (by this process or, through the cache, another)."""
    keys = list(keys)
    tokens = cache.get_many(keys)
    found: dict[str, Any] = {}
    elsewhere = []
    for key, token in tokens.items():
        with _lock:
            hit = _table.get(key)
        if hit is not None and hit[0] == token:
            found[key] = hit[1]
        else:
            elsewhere.append(key)
    if elsewhere:
        values = cache.get_many([f"{k}:value" for k in elsewhere])
        for key in elsewhere:
            if f"{key}:value" in values:
                found[key] = values[f"{key}:value"]
                _remember(key, tokens[key], found[key])
    return found


def set_many(values: dict[str, Any]) -> None:
    tokens = {key: uuid.uuid4().hex for key in values}
    cache.set_many({**tokens, **{f"{k}:value": v for k, v in values.items()}}, TIMEOUT)
    for key, value in values.items():
        _remember(key, tokens[key], value)


def get_or_compute(key: str, compute: Callable[[], Any]) -> Any:
    found = get_many([key])
    if key in found:
        return found[key]
    value = compute()
    set_many({key: value})
    return value


def clear() -> None:
    with _lock:
        _table.clear()
