"""Home panel of the assistance ledgers: what is late or waiting, as counts that link to the list
(households past the identification limit, entries waiting for the national system)."""

from __future__ import annotations

from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from luoshi.assistance import selectors
from luoshi.org.home import panel


@panel(45)
def assistance_panel(request, scope):
    if scope.is_admin or not scope.has("office", "leader", "county"):
        return None
    overdue = selectors.overdue_count(request.user)
    waiting = selectors.national_queue(request.user).count()
    if not overdue and not waiting:
        return None
    return {
        "key": "assistance",
        "title": _("防返贫监测"),
        "template": "assistance/partials/home_panel.html",
        "overdue": overdue,
        "waiting": waiting,
        "overdue_url": reverse("assistance:list") + "?overdue=1",
        "queue_url": reverse("assistance:national_queue"),
    }
