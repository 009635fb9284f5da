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


# The staff menu, grouped (案件 / 计划与项目 / 台账 …): group key, label, the entries it holds in order.
# A group the user sees one entry of shows that entry as a plain link; an entry no group names (a new
# app's) shows on its own after the groups, so nothing registered is ever hidden.
MENU: list[tuple[str, str, tuple[str, ...]]] = [
    ("cases", _("案件"), ("cases", "cases_kpi", "cases_public")),
    ("plans", _("计划与项目"), ("plans",)),
    ("ledgers", _("台账"), ("ledgers", "assistance")),
    ("economy", _("经济"), ("economy",)),
    ("reports", _("报告与指标"), ("reports", "report-writer", "accounts")),
    ("county", _("县级"), ("county_dashboard", "county")),
    ("portal", _("政务公开"), ("portal", "portal_manage")),
    ("base", _("基础信息"), ("org", "calendar")),
]


def grouped(items: list[dict]) -> list[dict]:
    """The menu's groups for the entries a user may use (each a dict with ``key`` and ``active``):
    ``{"key", "label", "items", "active"}``, in menu order; home and ungrouped entries stand alone
    (``label`` None)."""
    by_key = {item["key"]: item for item in items}
    placed: set[str] = set()
    out = []
    if "home" in by_key:
        out.append(
            {"key": "home", "label": None, "items": [by_key["home"]], "active": by_key["home"]["active"]}
        )
        placed.add("home")
    for key, label, members in MENU:
        mine = [by_key[m] for m in members if m in by_key]
        placed.update(m["key"] for m in mine)
        if len(mine) == 1:
            out.append({"key": key, "label": None, "items": mine, "active": mine[0]["active"]})
        elif mine:
            out.append({"key": key, "label": label, "items": mine, "active": any(m["active"] for m in mine)})
    for item in items:
        if item["key"] not in placed:
            out.append({"key": item["key"], "label": None, "items": [item], "active": item["active"]})
    return out


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
