from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class OrgConfig(AppConfig):
    name = "luoshi.org"
    label = "org"
    verbose_name = _("组织与人员")

    def ready(self) -> None:
        from django.db.backends.signals import connection_created
        from django.db.models.signals import post_migrate

        from luoshi.lib import sqlite_ints
        from luoshi.org import appendonly, signals
        from luoshi.org.admin_names import name_third_party_apps
        from luoshi.org.audit import reuse_history_manager_classes

        signals.connect()
        reuse_history_manager_classes()
        # Audit and timeline rows are append-only down to the database (luoshi/org/appendonly.py).
        appendonly.connect_model_guards()
        connection_created.connect(appendonly.sqlite_connected, dispatch_uid="appendonly-sqlite")
        # post_migrate of this app comes after the whole run of migrations, so every table exists.
        post_migrate.connect(appendonly.post_migrate_install, sender=self, dispatch_uid="appendonly-triggers")
        name_third_party_apps()
        # A number beyond 64 bits in a lookup finds nothing on SQLite too, instead of a driver error.
        sqlite_ints.install()
