from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class EconomyConfig(AppConfig):
    """The economy desk (经济运行研判): enterprises, monthly returns, warnings, visits."""

    name = "luoshi.economy"
    label = "economy"
    verbose_name = _("经济运行")

    def ready(self) -> None:
        from luoshi.accounts.selectors import READERS
        from luoshi.economy import home, indicators  # noqa: F401 - registers computed indicators and the panel
        from luoshi.org.navigation import NavItem, register

        register(NavItem("economy", _("经济运行"), "economy:dashboard", frozenset(READERS)))
