from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class ReportsConfig(AppConfig):
    name = "luoshi.reports"
    label = "reports"
    verbose_name = _("政府工作报告")

    def ready(self) -> None:
        from luoshi.org.navigation import NavItem, register
        from luoshi.reports import views  # noqa: F401 — registers the home panel
        from luoshi.reports.selectors import READ_ROLES

        register(NavItem("reports", _("工作报告"), "reports:list", frozenset(READ_ROLES)))
        from luoshi.reports.writer.selectors import WRITE_ROLES

        register(NavItem("report-writer", _("撰写报告"), "reports:write", frozenset(WRITE_ROLES)))
