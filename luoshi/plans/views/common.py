"""Helpers shared by the plan views: breadcrumbs, permission checks, calling a service."""

from __future__ import annotations

from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.shortcuts import redirect
from django.urls import reverse
from django.utils.translation import gettext as _

from luoshi.plans import selectors as sel
from luoshi.plans import services
from luoshi.plans.models import Plan


def crumbs(plan: Plan | None = None, *tail):
    out = [(_("首页"), "/"), (_("年度计划"), reverse("plans:index"))]
    if plan:
        out.append((str(plan), reverse("plans:board", args=[plan.pk])))
    return out + [(label, None) for label in tail]


def check_manage(request, plan: Plan) -> None:
    if not sel.can_manage(request.user, plan):
        raise PermissionDenied


def check_report(request, obj) -> None:
    plan, unit_id = sel.owner_of(obj)
    if not sel.can_report(request.user, plan, unit_id):
        raise PermissionDenied


def run(request, fn, success: str = "", **kwargs):
    """Call a service; show its refusal as a message. Returns the result or None."""
    try:
        result = fn(by=request.user, **kwargs)
    except services.PlanError as exc:
        messages.error(request, str(exc))
        return None
    if success:
        messages.success(request, success)
    return result if result is not None else True


def back(request, fallback: str):
    nxt = request.POST.get("next", "")
    return redirect(nxt if nxt.startswith("/") and not nxt.startswith("//") else fallback)
