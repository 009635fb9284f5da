from django.urls import NoReverseMatch, get_script_prefix, reverse

from luoshi.org.navigation import grouped, items_for
from luoshi.org.scoping import scope_of

_urls: dict[tuple[str, str], str | None] = {}


def _url(name: str) -> str | None:
    """The navigation targets never change while the process runs: reverse each once (per prefix)."""
    key = (name, get_script_prefix())
    if key not in _urls:
        try:
            _urls[key] = reverse(name)
        except NoReverseMatch:
            _urls[key] = None
    return _urls[key]


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
    return {"nav_items": items, "nav_groups": grouped(items), "scope": scope}
