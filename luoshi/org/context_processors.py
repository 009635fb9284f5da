from django.template.loader import render_to_string
from django.urls import NoReverseMatch, get_script_prefix, reverse
from django.utils.translation import get_language

from luoshi.org.navigation import grouped, items_for
from luoshi.org.scoping import scope_of

_urls: dict[tuple[str, str], str | None] = {}
# Rendered main menus. The HTML depends only on what the key holds: the entries shown (key and URL,
# so the role set and the script prefix), which of them is active, and the language of the labels;
# nothing else of the user enters it, so one copy serves everyone with the same entries.
_menus: dict[tuple, str] = {}
MENUS_KEPT = 500  # distinct menus per process (role sets × active entry × language): few in practice


def _url(name: str) -> str | None:
    """The navigation targets never change while the process runs: reverse each once (per prefix)."""
    key = (name, get_script_prefix())
    if key not in _urls:
        try:
            _urls[key] = reverse(name)
        except NoReverseMatch:
            _urls[key] = None
    return _urls[key]


def main_menu(items: list[dict]) -> str:
    """The main menu's HTML for these entries (``nav_menu.html``), rendered once per distinct menu."""
    key = (get_language(), tuple((i["key"], i["url"], i["active"]) for i in items))
    html = _menus.get(key)
    if html is None:
        html = render_to_string("nav_menu.html", {"nav_groups": grouped(items)})
        if len(_menus) >= MENUS_KEPT:
            _menus.clear()
        _menus[key] = html
    return html


def navigation(request):
    """Navigation entries the current user may use, and their scope, for the base layout."""
    user = getattr(request, "user", None)
    authenticated = bool(user and user.is_authenticated)
    scope = scope_of(user)
    items = []
    for item in items_for(scope, authenticated):
        url = _url(item.url_name)
        if url is None:
            continue
        active = request.path == url or (url != "/" and request.path.startswith(url))
        items.append({"key": item.key, "label": item.label, "url": url, "active": active})
    return {"nav_items": items, "nav_menu": main_menu(items), "scope": scope}
