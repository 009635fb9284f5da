"""Secret polls (vote and satisfaction evaluation): configure, open (the code, shown once), ballot, seal, reset.

The round code and a voter's tracker are shown in the response to the POST that creates them, never put in
a redirect, a message or the session; those responses are ``no-store``. Error reports filter the POST.
"Find my ballot" posts the tracker too: never in a URL (query string, path, ``Referer``), where the web
server's access log, the browser's history and the next page's request would keep it.
"""

from __future__ import annotations

from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.cache import never_cache
from django.views.decorators.debug import sensitive_post_parameters
from django.views.decorators.http import require_http_methods, require_POST

from luoshi.org.roles import Role
from luoshi.org.scoping import get_visible_or_404, require_roles
from luoshi.plans import forms, polls, services
from luoshi.plans import selectors as sel
from luoshi.plans.models import Poll
from luoshi.plans.selectors import MANAGERS, READERS
from luoshi.plans.views.common import check_manage, crumbs, run
from luoshi.plans.views.livelihood import render_round


def _poll(request, pk: int) -> Poll:
    return get_visible_or_404(Poll.objects.select_related("round__plan__town", "chair"), request.user, pk=pk)


@require_roles(*MANAGERS)
@require_POST
def poll_configure(request: HttpRequest, pk: int) -> HttpResponse:
    p = _poll(request, pk)
    check_manage(request, p.round.plan)
    form = forms.PollConfigForm(request.POST, deputies=sel.town_deputies(p.round.plan.town))
    if form.is_valid():
        run(request, polls.poll_configure, _("已保存。"), poll=p, **form.cleaned_data)
    else:
        messages.error(request, _("请选择主持人并填写法定人数。"))
    return redirect("plans:round", p.round.plan_id)


@require_roles(Role.DEPUTY)
@require_POST
@never_cache
def poll_open(request: HttpRequest, pk: int) -> HttpResponse:
    """The chair opens the poll and sees the round code once (with a print button)."""
    p = _poll(request, pk)
    try:
        code = polls.poll_open(poll=p, by=request.user)
    except services.PlanError as exc:
        messages.error(request, str(exc))
        return redirect("plans:round", p.round.plan_id)
    return render(
        request,
        "plans/poll_code.html",
        {"poll": p, "code": polls.secret.group(code), "breadcrumbs": crumbs(p.round.plan, _("会议码"))},
    )


@sensitive_post_parameters()
@require_roles(Role.DEPUTY)
@require_http_methods(["GET", "POST"])
@never_cache
def poll_ballot(request: HttpRequest, pk: int) -> HttpResponse:
    """A deputy's secret ballot; the answer to a cast is the receipt with the tracker, shown once."""
    p = _poll(request, pk)
    if not request.user.roles.filter(role=Role.DEPUTY, town=p.round.plan.town).exists():
        raise PermissionDenied
    view = polls.poll_view(p, request.user)
    form = forms.BallotForm(request.POST or None, items=view.items, options=view.options)
    if request.method == "POST" and form.is_valid():
        try:
            tracker = polls.ballot_cast(poll=p, deputy=request.user, choices=form.choices())
        except services.PlanError as exc:
            messages.error(request, str(exc))
            return redirect("plans:round", p.round.plan_id)
        return render(
            request,
            "plans/ballot_receipt.html",
            {"poll": p, "tracker": tracker, "breadcrumbs": crumbs(p.round.plan, _("选票追踪码"))},
        )
    return render(
        request,
        "plans/ballot.html",
        {
            "poll": p,
            "round": p.round,
            "form": form,
            "v": view,
            "breadcrumbs": crumbs(p.round.plan, _("无记名表决")),
        },
    )


@sensitive_post_parameters("tracker")
@require_roles(*READERS)
@require_POST
@never_cache
def poll_find(request: HttpRequest, pk: int) -> HttpResponse:
    """Find a tracker among a sealed poll's published ballots: the round page, with the answer."""
    p = _poll(request, pk)
    return render_round(
        request, sel.plan_for(request.user, p.round.plan_id), find={p.pk: request.POST.get("tracker", "")}
    )


@sensitive_post_parameters("code")
@require_roles(Role.DEPUTY, *MANAGERS)
@require_POST
def poll_seal(request: HttpRequest, pk: int) -> HttpResponse:
    p = _poll(request, pk)
    form = forms.SealForm(request.POST)
    if not form.is_valid():
        messages.error(request, _("请输入会议码。"))
    else:
        run(
            request,
            polls.poll_seal,
            _("表决已结束，结果已封存并公布。"),
            poll=p,
            code=form.cleaned_data["code"],
        )
    return redirect("plans:round", p.round.plan_id)


@require_roles(*MANAGERS)
@require_POST
def poll_reset(request: HttpRequest, pk: int) -> HttpResponse:
    p = _poll(request, pk)
    check_manage(request, p.round.plan)
    form = forms.ResetForm(request.POST)
    if form.is_valid():
        run(
            request,
            polls.poll_reset,
            _("已作废，请主持人重新开启表决。"),
            poll=p,
            reason=form.cleaned_data["reason"],
        )
    else:
        messages.error(request, _("作废重开必须写明理由。"))
    return redirect("plans:round", p.round.plan_id)
