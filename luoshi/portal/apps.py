from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class PortalConfig(AppConfig):
    """The public portal (政务公开): pages, open data and API without login, behind one privacy allow-list."""

    name = "luoshi.portal"
    label = "portal"
    verbose_name = _("政务公开")

    def ready(self) -> None:
        from luoshi.org.navigation import NavItem, register
        from luoshi.portal.selectors import MANAGERS

        register(NavItem("portal", _("政务公开"), "portal:index", None, public=True))
        register(NavItem("portal_manage", _("公开管理"), "portal:manage", frozenset(MANAGERS)))
