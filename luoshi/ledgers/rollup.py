"""The score roll-up behind the rankings (``ScoreRollup``): one row per town, sheet, period, village
and maintainer, kept by the inspection service and rebuilt from the inspections when needed."""

from __future__ import annotations

from django.db import IntegrityError, connection, transaction
from django.db.models import Count, F, Q, Sum

from luoshi.ledgers.models import Inspection, ScoreRollup


def add(inspection: Inspection) -> None:
    """Count one new inspection (inside the service's transaction).

    An UPDATE of the row first; the first inspection of a key inserts it, and when a concurrent
    request inserted the same key first the unique index refuses ours and the UPDATE is repeated.
    """
    key = {
        "town_id": inspection.town_id,
        "sheet_code": inspection.sheet_code,
        "period": inspection.period,
        "village_id": inspection.village_id,
        "contractor": inspection.contractor,
    }
    failed = 0 if inspection.passed else 1
    change = {
        "inspections": F("inspections") + 1,
        "percent_sum": F("percent_sum") + inspection.percent,
        "failed": F("failed") + failed,
    }
    if ScoreRollup.objects.filter(**key).update(**change):
        return
    try:
        with transaction.atomic():
            ScoreRollup.objects.create(**key, inspections=1, percent_sum=inspection.percent, failed=failed)
    except IntegrityError:
        ScoreRollup.objects.filter(**key).update(**change)


KEY = ("town_id", "sheet_code", "period", "village_id", "contractor")


@transaction.atomic
def rebuild() -> int:
    """Recompute every roll-up row from the inspections (a bulk load wrote them without the service)."""
    ScoreRollup.objects.all().delete()
    rows = (
        Inspection.objects.order_by()
        .values(*KEY)
        .annotate(n=Count("id"), s=Sum("percent"), f=Count("id", filter=Q(passed=False)))
    )
    batch = [
        ScoreRollup(**{k: r[k] for k in KEY}, inspections=r["n"], percent_sum=r["s"], failed=r["f"])
        for r in rows.iterator(chunk_size=5000)
    ]
    ScoreRollup.objects.bulk_create(batch, batch_size=2000)
    if connection.vendor == "postgresql":
        with connection.cursor() as cur:
            cur.execute("ANALYZE ledgers_scorerollup")
    return len(batch)
