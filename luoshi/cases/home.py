"""Home-page panels: the user's work queues with counts (待签收, 办理中, 临期, 超期, 退单 …); a deputy's
suggestions and the replies awaiting their rating."""

from __future__ import annotations

from django.urls import reverse
from django.utils.translation import gettext as _

from luoshi.cases import selectors
from luoshi.cases.models import Rating
from luoshi.org.home import panel
from luoshi.org.roles import Role


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


@panel(10)
def deputy_panel(request, scope):
    """人大代表: replies awaiting their rating first, then their suggestions with status and due date."""
    if not scope.has(Role.DEPUTY) or scope.is_admin:
        return None
    rows = selectors.deputy_suggestions(request.user)
    to_rate = [r for r in rows if r.to_rate]
    return {
        "key": "deputy",
        "title": _("我的代表建议"),
        "template": "cases/partials/deputy_panel.html",
        "to_rate": to_rate,
        "ratings": Rating.choices,  # the form posts feedback-rating/-reason/-version to cases:rate
        "mine": [r for r in rows if not r.to_rate],
        "new_url": reverse("cases:suggestion_new"),
        "list_url": reverse("cases:list") + "?queue=suggestions",
    }
