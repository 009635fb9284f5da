"""Rebuild the KPI roll-up (``CaseMonthlyStat``) from the case table, or check it against the table."""

from __future__ import annotations

import time

from django.core.management.base import BaseCommand, CommandError

from luoshi.cases import rollup
from luoshi.cases.models import CaseMonthlyStat


def _cells(town_ids) -> dict:
    qs = CaseMonthlyStat.objects.all()
    if town_ids:
        qs = qs.filter(town_id__in=town_ids)
    cells: dict[tuple, list[int]] = {}
    for s in qs:  # a cell may be striped over several rows (``rollup.compact`` folds them)
        key = (s.town_id, s.month, s.case_type_id, s.unit_id, s.village_id)
        have = cells.setdefault(key, [0] * len(rollup.MEASURES))
        for i, m in enumerate(rollup.MEASURES):
            have[i] += getattr(s, m)
    return {key: tuple(m) for key, m in cells.items() if any(m)}


class Command(BaseCommand):
    help = (
        "Rebuild the monthly KPI roll-up from the cases (after loads that bypass Case.save(), e.g. "
        "bulk_create or SQL); --check only reports whether it matches."
    )

    def add_arguments(self, parser):
        parser.add_argument("--town", type=int, action="append", dest="towns", help="town id (repeatable)")
        parser.add_argument("--check", action="store_true", help="compare with a rebuild and roll it back")

    def handle(self, *args, towns=None, check: bool = False, **options):
        from django.db import transaction

        t0 = time.perf_counter()
        if check:
            before = _cells(towns)
            with transaction.atomic():
                rollup.rebuild(town_ids=towns)
                after = _cells(towns)
                transaction.set_rollback(True)
            if before != after:
                diff = len(set(before.items()) ^ set(after.items()))
                raise CommandError(f"the roll-up differs from the cases in {diff} cells; run cases_rollup")
            self.stdout.write(f"roll-up matches the cases ({len(after)} cells)")
            return
        cells = rollup.rebuild(town_ids=towns)
        self.stdout.write(f"rebuilt {cells} cells in {time.perf_counter() - t0:.1f} s")
