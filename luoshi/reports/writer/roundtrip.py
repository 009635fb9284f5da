"""The round trip: does the report reader find, in the written report, every number the writer put in?

Pure: no Django. ``check`` takes the number fields a report quotes (``compose.quoted_fields``) and the
reader's facts (``luoshi.reports.reader`` output, objects or dicts) and pairs them one to one: a
field is found when an unused fact has the same part, year and unit and the same value (in the
reader's units: money in 元, 万 folded). What is not found is returned, with the reason.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from luoshi.reports.writer.compose import Field


@dataclass
class Miss:
    field: Field
    expected: tuple[float, str]
    near: str  # the closest fact the reader did report for that value, if any


def _get(fact: Any, name: str) -> Any:
    return fact.get(name) if isinstance(fact, dict) else getattr(fact, name, None)


def _same(a: float, b: float) -> bool:
    return abs(a - b) <= 1e-6 * max(1.0, abs(a), abs(b))


def check(fields: list[Field], facts: list[Any]) -> list[Miss]:
    used: set[int] = set()
    misses = []
    for f in fields:
        exp = f.expected()
        if exp is None:
            continue
        value, unit = exp
        hit = None
        near = ""
        for i, fact in enumerate(facts):
            if i in used or not _same(float(_get(fact, "value")), value):
                continue
            if (
                (_get(fact, "unit") or "") == unit
                and _get(fact, "part") == f.part
                and _get(fact, "year") == f.year
            ):
                hit = i
                break
            near = near or (
                f"{_get(fact, 'part')}/{_get(fact, 'year')}/{_get(fact, 'value')}{_get(fact, 'unit') or ''}"
                f" “{_get(fact, 'quote')}”"
            )
        if hit is None:
            misses.append(Miss(field=f, expected=exp, near=near))
        else:
            used.add(hit)
    return misses
