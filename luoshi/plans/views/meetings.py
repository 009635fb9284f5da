"""Dispatch meetings (调度会): list, agenda with decisions, minutes print view, decision tracking."""

from __future__ import annotations

from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_http_methods, require_POST

from luoshi.org.scoping import get_visible_or_404, require_roles
from luoshi.plans import forms, meetings
from luoshi.plans import selectors as sel
from luoshi.plans.models import Decision, Meeting, Update
from luoshi.plans.selectors import MANAGERS, REPORTERS, STAFF_READERS
from luoshi.plans.views.common import check_manage, crumbs, run


def _meeting(request, pk: int) -> Meeting:
    return get_visible_or_404(
        Meeting.objects.select_related("plan__town", "leader", "unit"), request.user, pk=pk
    )


def _errors(form) -> str:
    return "；".join(
        f"{form.fields[k].label if k in form.fields else k}：{e}" for k, es in form.errors.items() for e in es
    )


@require_roles(*STAFF_READERS)
@require_http_methods(["GET", "POST"])
def meeting_list(request: HttpRequest, pk: int) -> HttpResponse:
    plan = sel.plan_for(request.user, pk)
    can_manage = sel.can_manage(request.user, plan)
    form = forms.MeetingForm(request.POST or None, plan=plan, initial={"date": timezone.localdate()})
    if request.method == "POST":
        check_manage(request, plan)
        if form.is_valid():
            m = run(request, meetings.meeting_create, _("已创建调度会。"), plan=plan, **form.cleaned_data)
            if m:
                return redirect("plans:meeting", m.pk)
    return render(
        request,
        "plans/meetings.html",
        {
            "plan": plan,
            "meetings": plan.meetings.select_related("leader", "unit"),
            "form": form,
            "can_manage": can_manage,
            "breadcrumbs": crumbs(plan, _("调度会")),
        },
    )


def _agenda_context(request, meeting: Meeting) -> dict:
    return {
        "meeting": meeting,
        "plan": meeting.plan,
        "a": meetings.agenda(meeting),
        "today": timezone.localdate(),
    }


@require_roles(*STAFF_READERS)
@require_GET
def meeting_detail(request: HttpRequest, pk: int) -> HttpResponse:
    meeting = _meeting(request, pk)
    ctx = _agenda_context(request, meeting)
    ctx.update(
        {
            "can_manage": sel.can_manage(request.user, meeting.plan),
            "decision_form": forms.DecisionForm(
                plan=meeting.plan, initial={"deadline": meeting.date + meetings.DUE_WINDOW}
            ),
            "minutes_form": forms.MinutesForm(
                initial={"summary": meeting.summary, "chair": meeting.chair, "attendees": meeting.attendees}
            ),
            "breadcrumbs": crumbs(meeting.plan, _("调度会"), str(meeting)),
        }
    )
    return render(request, "plans/meeting.html", ctx)


@require_roles(*STAFF_READERS)
@require_GET
def meeting_print(request: HttpRequest, pk: int) -> HttpResponse:
    """会议纪要 in the official layout: heading, attendance, what was decided, who does it by when."""
    meeting = _meeting(request, pk)
    return render(request, "plans/minutes.html", _agenda_context(request, meeting))


@require_roles(*MANAGERS)
@require_POST
def meeting_minutes(request: HttpRequest, pk: int) -> HttpResponse:
    meeting = _meeting(request, pk)
    check_manage(request, meeting.plan)
    form = forms.MinutesForm(request.POST)
    if form.is_valid():
        run(
            request, meetings.meeting_minutes_set, _("已保存会议纪要。"), meeting=meeting, **form.cleaned_data
        )
    else:
        messages.error(request, _errors(form))
    return redirect("plans:meeting", pk)


@require_roles(*MANAGERS)
@require_POST
def decision_create(request: HttpRequest, pk: int) -> HttpResponse:
    meeting = _meeting(request, pk)
    check_manage(request, meeting.plan)
    form = forms.DecisionForm(request.POST, plan=meeting.plan)
    if form.is_valid():
        data = dict(form.cleaned_data)
        update_id = data.pop("update")
        update = get_visible_or_404(Update, request.user, pk=update_id) if update_id else None
        run(request, meetings.decision_create, _("已记录议定事项。"), meeting=meeting, update=update, **data)
    else:
        messages.error(request, _errors(form))
    return redirect("plans:meeting", pk)


@require_roles(*REPORTERS)
@require_POST
def decision_close(request: HttpRequest, pk: int) -> HttpResponse:
    """The owner unit's staff (or the town office/leader) report the decision done."""
    d = get_visible_or_404(Decision.objects.select_related("meeting__plan", "update"), request.user, pk=pk)
    if not sel.can_report(request.user, d.meeting.plan, d.owner_unit_id):
        raise PermissionDenied
    form = forms.DecisionCloseForm(request.POST)
    if form.is_valid():
        run(
            request,
            meetings.decision_close,
            _("已办结。"),
            decision=d,
            on=timezone.localdate(),
            note=form.cleaned_data["done_note"],
        )
    else:
        messages.error(request, _errors(form))
    nxt = request.POST.get("next", "")
    if nxt.startswith("/") and not nxt.startswith("//"):
        return redirect(nxt)
    return redirect("plans:meeting", d.meeting_id)
