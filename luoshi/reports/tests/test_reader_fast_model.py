"""The reader's hand-written constructors build what the dataclass-generated ones would.

``Fact``, ``Item``, ``NumberToken`` and the facts module's ``_Item`` are made hundreds of times per
report; compiled, a written ``__init__`` is a native call where the one ``dataclasses`` generates runs
as Python. Each is checked here against its fields: every argument lands in its own field, by position
and by keyword, and a field left out takes its declared default.
"""

from __future__ import annotations

import dataclasses
from typing import Any

import pytest

from luoshi.reports.reader import Fact, Item, facts, labeller, numbers
from luoshi.reports.reader.model import Section

_FACT = Fact(
    "plan", "target", "growth", "地区生产总值", 6.5, "%", "左右", "力争", 2025, "增长6.5%左右", 10, 20
)
# one value per field, all different, so that a field filled from another's argument shows
SAMPLES: dict[type, dict[str, Any]] = {
    Fact: dataclasses.asdict(_FACT),
    Item: {
        "name": "滨河公园",
        "kind": "project",
        "part": "plan",
        "year": 2025,
        "quote": "建成滨河公园",
        "start": 3,
        "end": 7,
        "stage": "建成",
        "investment": 1.5e8,
    },
    numbers.NumberToken: {
        "start": 4,
        "end": 9,
        "value": 2.5,
        "unit": "亿元",
        "unit_span": (7, 9),
        "multiplied": True,
        "approx_after": "以上",
        "hi": 3.5,
        "chinese": False,
        "threshold": True,
        "approx_span": (9, 11),
        "cut": True,
    },
    Section: {"heading": "二、今年工作安排", "part": "plan", "start": 120, "end": 128},
    labeller.Unit: {
        "start": 5,
        "end": 12,
        "text": "新建滨河公园",
        "marker": "cn",
        "line": 3,
        "index": 1,
        "count": 4,
        "sep_before": "，",
        "sep_after": "。",
    },
    facts._Item: {
        "fact": _FACT,
        "sent_start": 1,
        "clause_start": 5,
        "a_raw": "完成投资",
        "listed": True,
        "own_subject": False,
        "approx_before": True,
        "a_span": (5, 9),
    },
}


@pytest.mark.parametrize("cls", list(SAMPLES), ids=lambda cls: cls.__name__)
def test_written_init_fills_each_field_from_its_own_argument(cls):
    values = SAMPLES[cls]
    assert list(values) == [f.name for f in dataclasses.fields(cls)]
    for made in (cls(**values), cls(*values.values())):
        assert {name: getattr(made, name) for name in values} == values
    assert cls(**values) == cls(*values.values())


@pytest.mark.parametrize("cls", list(SAMPLES), ids=lambda cls: cls.__name__)
def test_written_init_gives_the_declared_defaults(cls):
    values = SAMPLES[cls]
    defaulted = [f for f in dataclasses.fields(cls) if f.default is not dataclasses.MISSING]
    required = {name: v for name, v in values.items() if name not in {f.name for f in defaulted}}
    made = cls(**required)
    for f in defaulted:
        assert getattr(made, f.name) == f.default
