from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class CountyConfig(AppConfig):
    """The county's assessment of its towns (综合考核) and its cross-town dashboard."""

    name = "luoshi.county"
    label = "county"
    verbose_name = _("县级考核与看板")

    def ready(self) -> None:
        from luoshi.county.selectors import READERS
        from luoshi.org.navigation import NavItem, register
        from luoshi.org.roles import Role

        register(NavItem("county_dashboard", _("全县看板"), "county:dashboard", frozenset({Role.COUNTY})))
        register(NavItem("county", _("综合考核"), "county:schemes", frozenset(READERS)))
