from django.urls import NoReverseMatch, reverse

from luoshi.org.navigation import items_for
from luoshi.org.scoping import scope_of


def navigation(request):
    """Navigation entries the current user may use, and their scope, for the base layout."""
    user = getattr(request, "user", None)
    authenticated = bool(user and user.is_authenticated)
    scope = scope_of(user)
    items = []
    for item in items_for(scope, authenticated):
        try:
            url = reverse(item.url_name)
        except NoReverseMatch:
            continue
        active = request.path == url or (url != "/" and request.path.startswith(url))
        items.append({"key": item.key, "label": item.label, "url": url, "active": active})
    return {"nav_items": items, "scope": scope}
