"""Main navigation by role. Each app appends its entries here; the base layout shows those the user may use."""

from __future__ import annotations

from dataclasses import dataclass

from django.utils.translation import gettext_lazy as _

from luoshi.org.roles import Role
from luoshi.org.scoping import Scope


@dataclass(frozen=True)
class NavItem:
    key: str
    label: str
    url_name: str
    roles: frozenset[str] | None = None  # None: every signed-in user
    public: bool = False  # shown to anonymous visitors too


ALL_STAFF = frozenset({Role.COUNTY, Role.LEADER, Role.OFFICE, Role.UNIT, Role.VILLAGE, Role.GRID})

NAV: list[NavItem] = [
    NavItem("home", _("首页"), "home"),
    NavItem("org", _("村(社区)与网格"), "village_list", ALL_STAFF),
    NavItem("calendar", _("节假日安排"), "org:calendar", frozenset({Role.ADMIN, Role.COUNTY})),
]


def register(item: NavItem) -> None:
    if all(existing.key != item.key for existing in NAV):
        NAV.append(item)


def items_for(scope: Scope, authenticated: bool) -> list[NavItem]:
    out = []
    for item in NAV:
        if not authenticated:
            if item.public:
                out.append(item)
            continue
        if item.roles is None or scope.has(*item.roles):
            out.append(item)
    return out
