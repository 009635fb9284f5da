"""Schedules: template → confirmed baseline, moving a milestone with a preview, the 挂图作战 wall chart."""

from __future__ import annotations

from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.safestring import mark_safe
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_http_methods, require_POST

from luoshi.lib.params import date_param, int_param
from luoshi.org.scoping import require_roles
from luoshi.plans import forms, scheduling, wallchart
from luoshi.plans import selectors as sel
from luoshi.plans import status as st
from luoshi.plans.models import Project
from luoshi.plans.selectors import MANAGERS, READERS
from luoshi.plans.services import PlanError
from luoshi.plans.views.common import check_manage, crumbs, run
from luoshi.plans.views.projects import project_filters


@require_roles(*MANAGERS)
@require_http_methods(["GET", "POST"])
def project_schedule(request: HttpRequest, pk: int) -> HttpResponse:
    """Lay a template out (倒排/顺排), show it for confirmation; POST with ``confirm`` saves the baseline."""
    project = sel.project_for(request.user, pk)
    check_manage(request, project.plan)
    data = request.POST if request.method == "POST" else (request.GET if "on" in request.GET else None)
    form = forms.ScheduleForm(data, initial={"template": project.template or "industrial"})
    planned, error = None, ""
    if form.is_valid():
        try:
            planned = scheduling.template_plan(**form.cleaned_data)
        except PlanError as exc:
            error = str(exc)
        if planned and request.method == "POST":
            ok = run(
                request,
                scheduling.project_schedule_apply,
                _("已按模板排期并确认为基线。"),
                project=project,
                **form.cleaned_data,
            )
            if ok:
                return redirect("plans:project", project.pk)
    return render(
        request,
        "plans/schedule.html",
        {
            "project": project,
            "form": form,
            "planned": planned,
            "error": error,
            "has_milestones": project.milestones.exists(),
            "breadcrumbs": crumbs(project.plan, str(project), _("按模板排期")),
        },
    )


@require_roles(*MANAGERS)
@require_POST
def project_baseline(request: HttpRequest, pk: int) -> HttpResponse:
    project = sel.project_for(request.user, pk)
    check_manage(request, project.plan)
    run(request, scheduling.project_baseline_set, _("已将当前计划确认为新的基线。"), project=project)
    return redirect("plans:project", project.pk)


@require_roles(*MANAGERS)
@require_http_methods(["GET", "POST"])
def milestone_move(request: HttpRequest, pk: int) -> HttpResponse:
    """The keyboard way to reschedule (the wall chart's drag lands here too): preview, then confirm."""
    m = sel.milestone_for(request.user, pk)
    check_manage(request, m.plan)
    day = date_param(request.POST.get("date") or request.GET.get("date"), "date")
    form = forms.MoveForm(initial={"date": day or m.planned_date})
    moves, error = None, ""
    if day:
        try:
            moves = scheduling.milestone_move_preview(m, day)
        except PlanError as exc:
            error = str(exc)
    nxt = request.POST.get("next") or request.GET.get("next") or ""
    nxt = nxt if nxt.startswith("/") and not nxt.startswith("//") else ""
    if request.method == "POST" and moves is not None and request.POST.get("confirm"):
        if run(
            request, scheduling.milestone_move, _("已调整节点，后续节点已顺延。"), milestone=m, new_date=day
        ):
            return redirect(nxt or reverse("plans:project", args=[m.project_id]))
    return render(
        request,
        "plans/move.html",
        {
            "m": m,
            "form": form,
            "day": day,
            "moves": moves,
            "error": error,
            "next": nxt,
            "breadcrumbs": crumbs(m.plan, str(m.project or m), _("调整节点")),
        },
    )


@require_roles(*READERS)
@require_GET
def wall(request: HttpRequest, pk: int) -> HttpResponse:
    """挂图作战: every project of the plan on one multi-year chart, filters and grouping in the URL."""
    plan = sel.plan_for(request.user, pk)
    qs, filters = project_filters(request, wallchart.projects_of(plan))
    leader = int_param(request.GET.get("leader"), "leader")
    if leader:
        qs = qs.filter(leader_id=leader)
    group = request.GET.get("group", "")
    group = group if group in wallchart.GROUPS else ""
    filters.update({"leader": str(leader or ""), "group": group})
    editable = sel.can_manage(request.user, plan)
    chart = wallchart.chart(plan, qs, filters, timezone.localdate(), group=group, editable=editable)
    response = render(
        request,
        "plans/wall.html",
        {
            "plan": plan,
            "chart": chart,
            "svg": mark_safe(wallchart.MARK),  # the chart (every name escaped) is spliced in below
            "filters": filters,
            "editable": editable,
            "groups": list(wallchart.GROUPS.items()),
            "stages": Project.Stage.choices,
            "kinds": Project.Kind.choices,
            "units": plan.town.units.all(),
            "leaders": forms._town_leaders(plan.town),
            "status_choices": [(s.value, sel.status_label(s)) for s in st.Status],
            "breadcrumbs": crumbs(plan, _("挂图作战")),
        },
    )
    return wallchart.splice(request, response, chart)
