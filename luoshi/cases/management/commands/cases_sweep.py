"""Flag near-due and overdue cases now (or enqueue the task, or keep doing it every N seconds)."""

from __future__ import annotations

import time

from django.core.management.base import BaseCommand

from luoshi.cases.tasks import sweep, sweep_case_clocks


class Command(BaseCommand):
    help = "Flag 临期 (near-due) and 超期 (overdue) cases and add timeline entries."

    def add_arguments(self, parser):
        parser.add_argument(
            "--enqueue", action="store_true", help="enqueue the task for `luoshi worker` instead"
        )
        parser.add_argument(
            "--every",
            type=int,
            default=0,
            metavar="SECONDS",
            help="keep running, sweeping every SECONDS (for a container without cron)",
        )

    def handle(self, *args, enqueue: bool = False, every: int = 0, **options):
        while True:
            if enqueue:
                result = sweep_case_clocks.enqueue()
                self.stdout.write(f"enqueued {result.id}")
            else:
                counts = sweep()
                self.stdout.write(
                    f"near_due +{counts['near_due']}, overdue +{counts['overdue']}, cleared {counts['cleared']}, "
                    f"roll-up rows folded {counts['rollup_folded']}"
                )
            if every <= 0:
                return
            time.sleep(every)
