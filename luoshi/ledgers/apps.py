from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class LedgersConfig(AppConfig):
    """Registers (台账) of places and things, inspections on score sheets, problems as cases, points."""

    name = "luoshi.ledgers"
    label = "ledgers"
    verbose_name = _("台账")

    def ready(self) -> None:
        from luoshi.ledgers import indicators  # noqa: F401 - registers 亮灯率 with the indicator registry
        from luoshi.org.navigation import ALL_STAFF, NavItem, register

        register(NavItem("ledgers", _("台账与巡查"), "ledgers:index", ALL_STAFF))
