"""Home-page panel: the user's work queues with counts (待签收, 办理中, 临期, 超期, 退单 …)."""

from __future__ import annotations

from django.urls import reverse
from django.utils.translation import gettext as _

from luoshi.cases import selectors
from luoshi.org.home import panel
from luoshi.org.roles import Role

ROLE_QUEUES = {
    Role.OFFICE: ["to_dispatch", "returned", "to_review", "near_due", "overdue"],
    Role.LEADER: ["near_due", "overdue", "returned"],
    Role.UNIT: ["to_sign", "in_progress", "near_due", "overdue"],
    Role.VILLAGE: ["in_progress", "near_due", "overdue"],
    Role.GRID: ["to_review", "in_progress", "overdue"],
    Role.COUNTY: ["near_due", "overdue"],
}


@panel(20)
def cases_panel(request, scope):
    if not scope.is_staff_member:
        return None
    keys: list[str] = []
    for role, queues in ROLE_QUEUES.items():
        if scope.has(role):
            keys += [q for q in queues if q not in keys]
    counts = selectors.queue_counts(request.user)
    url = reverse("cases:list")
    rows = [
        {"key": k, "label": selectors.QUEUES[k].label, "count": counts.get(k, 0), "url": f"{url}?queue={k}"}
        for k in keys
    ]
    return {
        "key": "cases",
        "title": _("案件办理"),
        "template": "cases/partials/home_panel.html",
        "rows": rows,
        "new_url": reverse("cases:new"),
    }
