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
        _register_history()


def _register_history() -> None:
    """Items and projects link their history for the plan's managers only: the URL says the same."""
    from luoshi.org.audit import register_history
    from luoshi.plans.models import Item, Project
    from luoshi.plans.selectors import can_manage

    for model in (Item, Project):
        register_history(model, allowed=lambda user, row: can_manage(user, row.plan))
