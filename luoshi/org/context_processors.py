import re
import secrets

from django.template.loader import render_to_string
from django.urls import NoReverseMatch, get_script_prefix, reverse
from django.utils.html import conditional_escape
from django.utils.safestring import SafeString, mark_safe
from django.utils.translation import get_language

from luoshi.org.navigation import grouped, items_for
from luoshi.org.scoping import scope_of

_urls: dict[tuple[str, str], str | None] = {}
# Rendered main menus. The HTML depends only on what the key holds: the entries shown (key and URL,
# so the role set and the script prefix), which of them is active, and the language of the labels;
# nothing else of the user enters it, so one copy serves everyone with the same entries.
_menus: dict[tuple, str] = {}
MENUS_KEPT = 500  # distinct menus per process (role sets × active entry × language): few in practice

# Rendered site headers (``site_header.html``: language form, user menu), as pieces between the
# per-request values. Its HTML depends on the language, the script prefix, whether someone is signed
# in, their display name and whether they are an administrator — the key — and on three values of
# the request, rendered as marks and filled in on every request: the CSRF token (never cached:
# it is per session), the current path and the main menu. The marks are random per process, so no
# user-supplied text (a display name) can forge one.
_MARK = f"luoshi{secrets.token_hex(12)}"
_SLOTS = ("csrf_token", "next_path", "nav_menu")
_SLOT_RE = re.compile(f"{_MARK}-({'|'.join(_SLOTS)})")
_headers: dict[tuple, list[str]] = {}
HEADERS_KEPT = 5000  # distinct headers per process: one per signed-in display name and language


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


def _header_context(context, csrf_token, next_path, nav_menu) -> dict:
    return {
        "csrf_token": csrf_token,
        "next_path": next_path,
        "nav_menu": nav_menu,
        "user": context.get("user"),
        "scope": context.get("scope"),
    }


def site_header(context) -> SafeString:
    """The site header for the page being rendered in ``context`` (``{% site_header %}``), its
    HTML rendered once per key (see ``_headers``) and the request's values put into it."""
    request = context.get("request")
    token = context.get("csrf_token")
    next_path = request.get_full_path() if request is not None else ""
    nav_menu = context.get("nav_menu", "")
    if not token or str(token) == "NOTPROVIDED":  # no form token to give: rendered as it is
        return render_to_string("site_header.html", _header_context(context, token, next_path, nav_menu))
    user = context.get("user")
    signed_in = bool(getattr(user, "is_authenticated", False))
    key = (
        get_language(),
        get_script_prefix(),
        signed_in,
        str(user) if signed_in else "",
        signed_in and bool(getattr(context.get("scope"), "is_admin", False)),
    )
    pieces = _headers.get(key)
    if pieces is None:
        marks = {name: mark_safe(f"{_MARK}-{name}") for name in _SLOTS}
        html = render_to_string("site_header.html", _header_context(context, **marks))
        pieces = _SLOT_RE.split(html)  # text, slot name, text, slot name, …, text
        if len(_headers) >= HEADERS_KEPT:
            _headers.clear()
        _headers[key] = pieces
    values = {
        "csrf_token": conditional_escape(str(token)),
        "next_path": conditional_escape(next_path),
        "nav_menu": conditional_escape(nav_menu),
    }
    out = [pieces[0]]
    for i in range(1, len(pieces), 2):
        out.append(values[pieces[i]])
        out.append(pieces[i + 1])
    return mark_safe("".join(out))
