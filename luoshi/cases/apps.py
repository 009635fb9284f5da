from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class CasesConfig(AppConfig):
    name = "luoshi.cases"
    label = "cases"
    verbose_name = _("案件办理")

    def ready(self) -> None:
        from luoshi.cases import config, deadlines, home  # noqa: F401  (home registers the home panel)
        from luoshi.org.navigation import ALL_STAFF, NavItem, register
        from luoshi.org.roles import Role

        register(NavItem("cases", _("案件办理"), "cases:list", ALL_STAFF | {Role.DEPUTY}))
        register(
            NavItem(
                "cases_kpi",
                _("办理指标"),
                "cases:kpi",
                frozenset({Role.COUNTY, Role.LEADER, Role.OFFICE, Role.UNIT}),
            )
        )
        config._connect()
        deadlines.connect()
        register(NavItem("cases_public", _("我要反映"), "cases:public_new", frozenset(), public=True))
        _register_history()


def _register_history() -> None:
    """The history page masks what the case page masks (``selectors.sees_phone_numbers``)."""
    from luoshi.cases import selectors
    from luoshi.cases.models import Attachment, Case, CaseAssist, CaseCosigner
    from luoshi.org.audit import register_history

    register_history(Case, masked=lambda user, case: not selectors.sees_phone_numbers(user, case))
    for model in (CaseAssist, CaseCosigner, Attachment):
        register_history(model, masked=lambda user, row: not selectors.sees_phone_numbers(user, row.case))
