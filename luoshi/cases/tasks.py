"""Background work for cases: the clock sweep (临期 / 超期 flags) and the recomputation of deadlines
after the holiday calendar changed (``deadlines.deadlines_recompute``), as django-tasks tasks.

Thin wrapper over ``services.cases_sweep`` (and ``rollup.compact``, which folds the KPI roll-up's
striped rows); ``luoshi worker`` (django_tasks_db ``db_worker``) runs it when enqueued, and the
``cases_sweep`` management command runs or enqueues it periodically.
"""

from __future__ import annotations

from django_tasks import task

from luoshi.cases import rollup, services


@task()
def sweep_case_clocks(town_ids: list[int] | None = None) -> dict[str, int]:
    return sweep(town_ids)


def sweep(town_ids: list[int] | None = None) -> dict[str, int]:
    counts = services.cases_sweep(town_ids=town_ids)
    counts["rollup_folded"] = rollup.compact()
    return counts


@task()
def recompute_deadlines(year: int, start: str, end: str) -> dict[str, int]:
    """Recompute open cases' deadlines across changed calendar days (enqueued by the calendar page)."""
    import datetime as dt

    from luoshi.cases import deadlines

    return deadlines.deadlines_recompute(
        start=dt.date.fromisoformat(start), end=dt.date.fromisoformat(end), year=year
    )
