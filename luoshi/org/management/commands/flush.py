"""Django's ``flush``, allowed to empty the append-only audit tables (``luoshi.org.appendonly``).

Emptying a whole database (test teardown, a fresh development instance) is the one legitimate
removal of audit rows; it runs inside ``audit_bypass``, which logs it.
"""

from django.core.management.commands.flush import Command as FlushCommand

from luoshi.org.appendonly import audit_bypass


class Command(FlushCommand):
    def handle(self, **options):
        with audit_bypass("flush: emptying the whole database", using=options["database"]):
            return super().handle(**options)
