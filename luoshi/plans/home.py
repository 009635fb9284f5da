"""Home-page panel: the current plan's status at a glance; a county user gets one row per town."""

from __future__ import annotations

from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _

from luoshi.org.home import panel
from luoshi.plans import selectors as sel


@panel(30)
def plan_panel(request, scope):
    if not scope.has(*sel.READERS):
        return None
    today = timezone.localdate()
    plans = list(sel.plans_for(request.user).filter(year__lte=today.year).order_by("-year", "town__code"))
    if not plans:
        return None
    latest = {}
    for plan in plans:  # the newest plan of each town
        latest.setdefault(plan.town_id, plan)
    if len(latest) > 1:
        return {
            "key": "plans",
            "title": _("各乡镇年度计划"),
            "template": "plans/partials/home_panel_towns.html",
            "towns": [sel.plan_headline(plan, today) for plan in latest.values()],
            "url": reverse("plans:index"),
        }
    plan = plans[0]
    counts = sel.status_counts(sel.flatten(sel.item_tree(plan, today)))
    return {
        "key": "plans",
        "title": _("年度计划：%(p)s") % {"p": plan},
        "template": "plans/partials/home_panel.html",
        "plan": plan,
        "counts": counts,
        "url": reverse("plans:board", args=[plan.pk]),
    }


@panel(25)
def poll_panel(request, scope):
    """A deputy's open votes and evaluations they have not yet taken part in, each with a link."""
    from luoshi.org.roles import Role
    from luoshi.plans.polls import open_polls_for

    if not scope.has(Role.DEPUTY):
        return None
    rows = [
        {"poll": p, "url": reverse("plans:poll_ballot", args=[p.pk])}
        for p in open_polls_for(request.user)
        if p.round.phase in ("voting", "evaluation")
    ]
    if not rows:
        return None
    return {
        "key": "polls",
        "title": _("待您参加的无记名表决"),
        "template": "plans/partials/home_polls.html",
        "rows": rows,
    }
