"""Background work of the assistance ledgers: the identification-limit sweep (``services.identify_sweep``),
enqueued periodically by ``luoshi worker`` beside the case-clock sweep."""

from __future__ import annotations

from django_tasks import task

from luoshi.assistance import services


@task()
def sweep_identification() -> dict[str, int]:
    return {"identify_overdue": services.identify_sweep()}
