"""Reads that run on every view (the case page's case, the signed-in user), compiled to SQL once.

Django turns a queryset into SQL each time it is evaluated. For the case read — a hundred columns
of five tables under the reader's scope filter — that compilation cost several times what
PostgreSQL spent running the statement (``bench_cases.py --profile``: about 55 % of ``get_case``,
the execution under 5 %). The SQL of such a read depends only on the model, the relations joined
and the filter built from a key (the reader's ``Scope`` for the case read); the object's id is its
one changing parameter. ``CompiledRead`` compiles the queryset once per key with a placeholder id,
remembers where the placeholder sits among the parameters, and afterwards runs the same SQL with
the real id, turning rows into instances as ``ModelIterable`` does (Django's own related-object
populators and the fields' converters, taken from that first compilation).

What the SQL says is exactly what the ORM would have said for the same key: a change of scope is a
new key (the scope holds every id its filter uses). Plans are kept per thread (each thread has its
own database connection, whose operations the converters are bound to) and per database alias.
"""

from __future__ import annotations

import threading
from collections.abc import Callable, Hashable
from dataclasses import dataclass
from typing import Any

from django.core.exceptions import EmptyResultSet
from django.db import connections, router
from django.db.models import Model, QuerySet
from django.db.models.query import get_related_populators

# Stands for the id while compiling: a value no real parameter has (ids are positive), inside the
# range of any integer key (an out-of-range value would make Django compile an empty result).
SLOT = -2_071_960_319
PLANS_KEPT = 1000  # per thread and read: one per distinct scope of the readers served


@dataclass(frozen=True)
class _Plan:
    sql: str
    params: tuple
    slot: int  # where the id goes in ``params``
    init_list: list[str]
    start: int
    end: int
    populators: list
    converters: list  # (position, converter functions, expression)


_EMPTY = object()  # the key's filter admits nothing: no statement at all (as the ORM)
_ORM = object()  # not compilable with a placeholder: run through the ORM each time


class CompiledRead:
    """One read of ``model`` rows by an id, its SQL compiled once per key.

    ``build(key, slot)`` returns the queryset for ``key`` filtered on the id ``slot``; it must use
    ``slot`` exactly once as a parameter (else the read is not kept and runs through the ORM).
    """

    def __init__(self, model: type[Model], build: Callable[[Hashable, int], QuerySet]):
        self.model = model
        self.build = build
        self._local = threading.local()

    def _plans(self) -> dict:
        plans = getattr(self._local, "plans", None)
        if plans is None:
            plans = self._local.plans = {}
        return plans

    def __call__(self, key: Hashable, value: int) -> list[Any]:
        value = self.model._meta.pk.get_prep_value(value)  # "12" → 12, as a lookup would (else ValueError)
        db = router.db_for_read(self.model)
        plans = self._plans()
        plan = plans.get((db, key))
        if plan is None:
            plan = self._compile(key, db)
            if len(plans) >= PLANS_KEPT:
                plans.clear()
            plans[(db, key)] = plan
        if plan is _ORM:
            return list(self.build(key, value).using(db))
        if plan is _EMPTY:
            return []
        low, high = connections[db].ops.integer_field_range(self.model._meta.pk.get_internal_type())
        if not low <= value <= high:  # as the ORM: no such row (SQLite could not even bind it)
            return []
        params = list(plan.params)
        params[plan.slot] = value
        connection = connections[db]
        with connection.cursor() as cursor:
            cursor.execute(plan.sql, params)
            rows = cursor.fetchall()
        out = []
        for raw in rows:
            row = list(raw)
            for pos, functions, expression in plan.converters:
                v = row[pos]
                for convert in functions:
                    v = convert(v, expression, connection)
                row[pos] = v
            obj = self.model.from_db(db, plan.init_list, row[plan.start : plan.end])
            for populator in plan.populators:
                populator.populate(row, obj)
            out.append(obj)
        return out

    def _compile(self, key: Hashable, db: str) -> _Plan | object:
        query = self.build(key, SLOT).using(db).query
        compiler = query.get_compiler(using=db)
        try:
            sql, params = compiler.as_sql()
        except EmptyResultSet:
            return _EMPTY
        slots = [i for i, p in enumerate(params) if p == SLOT and type(p) is int]
        if len(slots) != 1 or compiler.annotation_col_map or query.extra_select:
            return _ORM
        select, info = compiler.select, compiler.klass_info
        fields = info["select_fields"]
        start, end = fields[0], fields[-1] + 1
        converters = compiler.get_converters([s[0] for s in select[: compiler.col_count]])
        return _Plan(
            sql=sql,
            params=tuple(params),
            slot=slots[0],
            init_list=[f[0].target.attname for f in select[start:end]],
            start=start,
            end=end,
            populators=get_related_populators(info, select, db),
            converters=[(pos, tuple(functions), expr) for pos, (functions, expr) in converters.items()],
        )
