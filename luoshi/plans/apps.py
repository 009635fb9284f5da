from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class PlansConfig(AppConfig):
    name = "luoshi.plans"
    label = "plans"
    verbose_name = _("年度计划")

    def ready(self) -> None:
        from luoshi.org.navigation import NavItem, register
        from luoshi.plans import home  # noqa: F401  (registers the home panel)
        from luoshi.plans.selectors import READERS

        register(NavItem("plans", _("年度计划"), "plans:index", frozenset(READERS)))
