"""The staff menu in groups: every entry a user may use appears exactly once, in its group; a group
of one shows as a plain link; the group of the current page is marked; nothing registered is lost."""

from __future__ import annotations

import re

import pytest
from django.urls import reverse

from luoshi.org.navigation import MENU, NAV, grouped

pytestmark = pytest.mark.django_db


def _item(key, active=False):
    return {"key": key, "label": key, "url": f"/{key}/", "active": active}


def test_grouping_keeps_every_entry_once_and_marks_the_active_group():
    items = [_item(k) for k in ("home", "cases", "cases_kpi", "plans", "reports", "accounts")]
    items[4]["active"] = True
    groups = grouped(items + [_item("newapp")])
    flat = [i["key"] for g in groups for i in g["items"]]
    assert sorted(flat) == sorted([i["key"] for i in items] + ["newapp"])
    by = {g["key"]: g for g in groups}
    assert by["home"]["label"] is None and groups[0]["key"] == "home"
    assert by["cases"]["label"] and [i["key"] for i in by["cases"]["items"]] == ["cases", "cases_kpi"]
    assert by["plans"]["label"] is None  # a group of one entry is a plain link
    assert by["reports"]["active"] and not by["cases"]["active"]
    assert groups[-1]["key"] == "newapp"  # an entry no group names still shows


def test_every_registered_entry_has_a_group():
    grouped_keys = {k for _g, _l, members in MENU for k in members}
    assert {item.key for item in NAV} - {"home"} <= grouped_keys


@pytest.mark.parametrize("persona", ["county", "office", "unit", "grid", "deputy", "admin"])
def test_the_page_shows_each_entry_once_and_at_most_nine_top_level_menus(persona, client_for):
    body = client_for(persona).get(reverse("home")).content.decode()
    keys = re.findall(r'data-nav="([\w-]+)"', body.split("</header>", 1)[0])
    assert len(keys) == len(set(keys)) and "home" in keys
    menu = body.split('id="main-menu"', 1)[1].split("</header>", 1)[0]
    assert menu.count('<li class="top">') <= 9  # was one entry per app: up to 17 for county staff


def test_the_current_pages_group_is_marked(client_for):
    body = client_for("county").get(reverse("county:dashboard")).content.decode()
    header = body.split("</header>", 1)[0]
    group = re.search(r'data-nav-group="county">\s*<summary([^>]*)>', header)
    assert group and 'aria-current="true"' in group.group(1)
    assert re.search(r'data-nav="county_dashboard" aria-current="page"', header)
    other = re.search(r'data-nav-group="cases">\s*<summary([^>]*)>', header)
    assert other and "aria-current" not in other.group(1)
