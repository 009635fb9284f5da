"""Home-page panel: the user's work queues with counts (待签收, 办理中, 临期, 超期, 退单 …)."""

from __future__ import annotations

from django.urls import reverse
from django.utils.translation import gettext as _

from luoshi.cases import selectors
from luoshi.org.home import panel


@panel(20)
def cases_panel(request, scope):
    if not scope.is_staff_member:
        return None
    keys = selectors.work_queues(request.user)
    counts = selectors.queue_counts(request.user, keys=keys)
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
