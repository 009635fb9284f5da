"""Background work for cases: the clock sweep (临期 / 超期 flags), as a django-tasks task.

Thin wrapper over ``services.cases_sweep``; ``luoshi worker`` (django_tasks_db ``db_worker``) runs
it when enqueued, and the ``cases_sweep`` management command runs or enqueues it periodically.
"""

from __future__ import annotations

from django_tasks import task

from luoshi.cases import services


@task()
def sweep_case_clocks(town_ids: list[int] | None = None) -> dict[str, int]:
    return services.cases_sweep(town_ids=town_ids)
