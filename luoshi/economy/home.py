"""Home panel for the town's leaders and economy office: how many warnings wait, per town."""

from __future__ import annotations

from django.urls import reverse
from django.utils.translation import gettext as _

from luoshi.economy import access, selectors
from luoshi.org.home import panel


@panel(40)
def economy_panel(request, scope):
    if scope.is_admin or not scope.has("leader", "unit"):
        return None
    towns = list(access.desk_towns(request.user)[:3])
    if not towns:
        return None
    url = reverse("economy:dashboard")
    rows = [{"town": t, "count": len(selectors.town_warnings(t)), "url": f"{url}?town={t.pk}"} for t in towns]
    return {
        "key": "economy",
        "title": _("经济运行预警"),
        "template": "economy/partials/home_panel.html",
        "rows": rows,
        "import_url": reverse("economy:import"),
    }
