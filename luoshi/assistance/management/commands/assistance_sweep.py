"""Mark households still being identified after the ~15-day limit (run once; ``luoshi worker`` also
enqueues it periodically)."""

from __future__ import annotations

from django.core.management.base import BaseCommand

from luoshi.assistance import services


class Command(BaseCommand):
    help = "Mark households past the identification limit (识别超期) and tell the town office."

    def handle(self, *args, **options):
        self.stdout.write(f"identification overdue +{services.identify_sweep()}")
