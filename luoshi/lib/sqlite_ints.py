"""SQLite cannot bind an integer beyond 64 bits: ``Town.objects.get(pk=2**70)`` raises ``OverflowError``
in the driver instead of finding nothing, so any form field or filter that looks up a typed number
(every ``ModelChoiceField``) answered a huge number with a server error. PostgreSQL compares such a
number as ``numeric`` and finds nothing; this makes SQLite do the same, in one place: an integer
outside the 64-bit range is bound as text, which no integer key equals."""

from __future__ import annotations

import sqlite3

from luoshi.lib.params import BIGINT_MAX


def _bind(value: int) -> int | str:
    return value if -BIGINT_MAX - 1 <= value <= BIGINT_MAX else str(value)


def install() -> None:
    sqlite3.register_adapter(int, _bind)
