from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class AssistanceConfig(AppConfig):
    """Monitoring to prevent return to poverty (防返贫监测) and social-assistance payments."""

    name = "luoshi.assistance"
    label = "assistance"
    verbose_name = _("防返贫监测与救助")

    def ready(self) -> None:
        from luoshi.assistance import crypto, home, indicators  # noqa: F401 - registers the panel and indicators
        from luoshi.assistance.selectors import READERS
        from luoshi.org.navigation import NavItem, register

        crypto.check_keys()  # production refuses to start with a missing or malformed key
        register(NavItem("assistance", _("防返贫监测"), "assistance:list", frozenset(READERS)))
