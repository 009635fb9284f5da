"""Home-page panels by role. Apps register a panel function; the home page shows those that return content.

A panel function takes (request, scope) and returns None (not for this user) or a dict with
``title``, ``template`` (rendered with the dict as context) and any values it needs.
"""

from __future__ import annotations

from collections.abc import Callable

PANELS: list[tuple[int, Callable]] = []


def panel(order: int = 50):
    def decorator(fn):
        PANELS.append((order, fn))
        PANELS.sort(key=lambda item: item[0])
        return fn

    return decorator


def panels_for(request, scope) -> list[dict]:
    out = []
    for _order, fn in PANELS:
        result = fn(request, scope)
        if result:
            out.append(result)
    return out
