from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class OrgConfig(AppConfig):
    name = "luoshi.org"
    label = "org"
    verbose_name = _("组织与人员")

    def ready(self) -> None:
        from luoshi.org import signals
        from luoshi.org.admin_names import name_third_party_apps
        from luoshi.org.audit import reuse_history_manager_classes

        signals.connect()
        reuse_history_manager_classes()
        name_third_party_apps()
