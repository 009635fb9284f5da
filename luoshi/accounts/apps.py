from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class AccountsConfig(AppConfig):
    """The indicator catalogue (指标库) and the provenance of every figure."""

    name = "luoshi.accounts"
    label = "accounts"
    verbose_name = _("指标库")

    def ready(self) -> None:
        from luoshi.accounts.selectors import READERS
        from luoshi.org.navigation import NavItem, register

        register(NavItem("accounts", _("指标库"), "accounts:catalogue", frozenset(READERS)))
