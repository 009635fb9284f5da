"""Compare reports side by side (对比): their facts matched by metric, measure and part.

Pure: no Django. Each report is given as a sequence of facts — dicts (the reader's and the exports'
shape) or objects (``Fact`` rows) with ``part``, ``measure``, ``metric``, ``value``, ``unit`` and,
optionally, ``approx``, ``seq`` and ``quote``. The comparison page and its CSV export both use
:func:`compare`; formatting for display stays with the caller.

Matching is deliberately simple: two facts share a row when their part (回顾 review / 安排 plan /
其他 other), their measure (总量 level / 增速 growth / 比率 rate) and their :func:`metric_key`
are equal. Nothing is guessed beyond the normalisation documented there.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field, replace
from typing import Any

PART_ORDER = ("review", "plan", "other")
MEASURE_ORDER = ("level", "growth", "rate")

# Words that open or close a metric without changing what is measured: 全年完成的“固定资产投资总额”
# is the “固定资产投资” of another year's report. Suffixes are left alone when too little would remain
# (a metric called just 总量 stays 总量).
_PREFIXES = ("全年", "全镇", "全乡", "全街道", "全域")
_SUFFIXES = ("总额", "总量", "总数")
# Qualifiers that do not make a value approximate: 达 (达到, 高达) says the value was reached.
EXACT_QUALIFIERS = frozenset({"达"})
# Bracketed notes: 一般公共预算收入（不含土地出让） is still 一般公共预算收入.
_BRACKETED = re.compile(r"[(\[【〔][^()\[\]【】〔〕]*[)\]】〕]")


def metric_key(metric: str) -> str:
    """The key that matches a metric across reports.

    Steps, in order: NFKC (full-width letters, digits and brackets become half-width) and lower
    case; bracketed notes removed; whitespace, punctuation and control characters removed; then at
    most one prefix of ``_PREFIXES`` and one suffix of ``_SUFFIXES`` stripped, each only when at
    least two characters remain.

    >>> metric_key(" 固定资产投资总额 ")
    '固定资产投资'
    >>> metric_key("一般公共预算收入（不含土地出让）")
    '一般公共预算收入'
    >>> metric_key("ＧＤＰ")
    'gdp'
    """
    text = unicodedata.normalize("NFKC", metric or "").lower()
    text = _BRACKETED.sub("", text)
    text = "".join(ch for ch in text if unicodedata.category(ch)[0] not in "PZC")
    for prefix in _PREFIXES:
        if text.startswith(prefix) and len(text) - len(prefix) >= 2:
            text = text[len(prefix) :]
            break
    for suffix in _SUFFIXES:
        if text.endswith(suffix) and len(text) - len(suffix) >= 2:
            text = text[: -len(suffix)]
            break
    return text


def _get(fact: Any, name: str, default: Any = None) -> Any:
    if isinstance(fact, dict):
        value = fact.get(name, default)
    else:
        value = getattr(fact, name, default)
    return default if value is None else value


@dataclass(frozen=True)
class Cell:
    """One report's fact in a row; ``more`` counts further facts of that report with the same key."""

    fact: Any
    metric: str
    value: float
    unit: str
    approx: str
    seq: int | None
    quote: str
    more: int = 0


@dataclass(frozen=True)
class Change:
    """From one column to the next: ``delta`` in the unit; ``points`` when the unit is % (百分点).

    ``pct`` is the relative change in per cent; None for % units (a relative change of a rate
    says little) and when the earlier value is 0. ``approx``: either value carried a qualifier
    such as 约, 左右 or 以上 (but not 达).
    """

    delta: float
    pct: float | None
    unit: str
    points: bool
    approx: bool


@dataclass
class Row:
    part: str
    measure: str
    key: str
    metric: str  # the first spelling met, in column order
    cells: list[Cell | None]
    changes: list[Change | None] = field(default_factory=list)  # changes[i]: column i → i + 1
    spellings: list[str] = field(default_factory=list)  # every spelling met, first one first

    @property
    def present(self) -> int:
        return sum(c is not None for c in self.cells)

    @property
    def in_all(self) -> bool:
        return self.present == len(self.cells)


def change(a: Cell | None, b: Cell | None) -> Change | None:
    """The change from ``a`` to ``b``, or None when either is missing or their units differ."""
    if a is None or b is None or a.unit != b.unit:
        return None
    delta = b.value - a.value
    points = a.unit == "%"
    pct = None if points or a.value == 0 else delta / abs(a.value) * 100
    approx = any(c.approx and c.approx not in EXACT_QUALIFIERS for c in (a, b))
    return Change(delta=delta, pct=pct, unit=a.unit, points=points, approx=approx)


def _rank(value: str, order: tuple[str, ...]) -> int:
    return order.index(value) if value in order else len(order)


def compare(columns: Sequence[Iterable[Any]]) -> list[Row]:
    """One row per (part, measure, metric key), one cell per column (None where a report lacks it).

    Rows are ordered review first, then plan, then other; within a part by where the metric first
    appears (first column that has it, then its position there), so a metric's level, growth and
    rate rows stay together in that order.
    """
    n = len(columns)
    rows: dict[tuple[str, str, str], Row] = {}
    first_seen: dict[tuple[str, str], tuple[int, int]] = {}
    for col, facts in enumerate(columns):
        for pos, fact in enumerate(facts):
            metric = str(_get(fact, "metric", ""))
            part, measure = str(_get(fact, "part", "other")), str(_get(fact, "measure", "level"))
            key = metric_key(metric) or metric.strip()  # a metric of punctuation only keeps its own row
            row = rows.get((part, measure, key))
            if row is None:
                row = rows[(part, measure, key)] = Row(part, measure, key, metric, [None] * n)
            if metric not in row.spellings:
                row.spellings.append(metric)
            first_seen.setdefault((part, key), (col, pos))
            cell = row.cells[col]
            if cell is not None:  # the first fact of a report stands for it; the rest are counted
                row.cells[col] = replace(cell, more=cell.more + 1)
                continue
            seq = _get(fact, "seq")
            row.cells[col] = Cell(
                fact=fact,
                metric=metric,
                value=float(_get(fact, "value", 0)),
                unit=str(_get(fact, "unit", "")),
                approx=str(_get(fact, "approx", "")),
                seq=int(seq) if seq is not None else None,
                quote=str(_get(fact, "quote", "")),
            )
    for row in rows.values():
        row.changes = [change(row.cells[i], row.cells[i + 1]) for i in range(n - 1)]
    return sorted(
        rows.values(),
        key=lambda r: (
            _rank(r.part, PART_ORDER),
            first_seen[(r.part, r.key)],
            _rank(r.measure, MEASURE_ORDER),
        ),
    )


def filter_rows(rows: Iterable[Row], *, q: str = "", measure: str = "", part: str = "") -> list[Row]:
    """Rows whose metric (any spelling, or the key) contains ``q``, of that measure and part when given."""
    needle = metric_key(q) if q.strip() else ""
    plain = q.strip().lower()
    out = []
    for row in rows:
        if (measure and row.measure != measure) or (part and row.part != part):
            continue
        if plain and not ((needle and needle in row.key) or any(plain in s.lower() for s in row.spellings)):
            continue
        out.append(row)
    return out


def part_counts(facts: Iterable[Any]) -> dict[str, int]:
    """How many facts each part has: {"review": …, "plan": …, "other": …}."""
    counts = dict.fromkeys(PART_ORDER, 0)
    for fact in facts:
        part = str(_get(fact, "part", "other"))
        counts[part if part in counts else "other"] += 1
    return counts
