"""Projects: list, detail, stages; the 挂图作战 timeline, the pipeline funnel, the weekly dispatch, report import."""

from __future__ import annotations

from decimal import Decimal

from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.core.paginator import Paginator
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_http_methods, require_POST

from luoshi.accounts.selectors import catalogue_for_town
from luoshi.economy.services import EconomyError, project_enterprise_confirm
from luoshi.lib.params import int_param
from luoshi.org.scoping import get_visible_or_404, require_roles
from luoshi.plans import enterprise, escalation, forms, meetings, scheduling, services
from luoshi.plans import selectors as sel
from luoshi.plans import status as st
from luoshi.plans.models import Area, Item, Project
from luoshi.plans.selectors import MANAGERS, READERS, REPORTERS, STAFF_READERS
from luoshi.plans.views.common import check_manage, check_report, crumbs, run
from luoshi.reports.models import Report


def _project_rows(request, plan):
    qs, filters = project_filters(request, sel.project_queryset(plan))
    rows = [sel.project_row(p, timezone.localdate()) for p in qs]
    return [r for r in rows if not filters["status"] or r.status == filters["status"]], filters


def project_filters(request, qs):
    """The list filters from the address (the status filter is applied to the derived rows)."""
    kind, stage, unit, q = (request.GET.get(k, "").strip() for k in ("kind", "stage", "unit", "q"))
    if kind:
        qs = qs.filter(kind=kind)
    if stage:
        qs = qs.filter(stage=stage)
    if unit.isdecimal():
        qs = qs.filter(owner_unit_id=int(unit))
    if q:
        qs = qs.filter(name__icontains=q)
    status = request.GET.get("status", "")
    return qs, {"kind": kind, "stage": stage, "unit": unit, "q": q, "status": status}


@require_roles(*READERS)
@require_GET
def project_list(request: HttpRequest, pk: int) -> HttpResponse:
    plan = sel.plan_for(request.user, pk)
    rows, filters = _project_rows(request, plan)
    page = Paginator(rows, 25).get_page(request.GET.get("page"))
    return render(
        request,
        "plans/projects.html",
        {
            "plan": plan,
            "page_obj": page,
            "filters": filters,
            "kinds": Project.Kind.choices,
            "stages": Project.Stage.choices,
            "units": plan.town.units.all(),
            "status_choices": [(s.value, sel.status_label(s)) for s in st.Status],
            "can_manage": sel.can_manage(request.user, plan),
            "breadcrumbs": crumbs(plan, _("重点项目")),
        },
    )


@require_roles(*MANAGERS)
@require_http_methods(["GET", "POST"])
def project_create(request: HttpRequest, pk: int) -> HttpResponse:
    plan = sel.plan_for(request.user, pk)
    check_manage(request, plan)
    form = forms.ProjectForm(request.POST or None, plan=plan)
    if request.method == "POST" and form.is_valid():
        project = run(request, services.project_create, _("已添加项目。"), plan=plan, **form.cleaned_data)
        if project:
            return redirect("plans:project", project.pk)
    return render(
        request,
        "plans/form.html",
        {"form": form, "title": _("添加项目"), "breadcrumbs": crumbs(plan, _("添加项目"))},
    )


@require_roles(*MANAGERS)
@require_http_methods(["GET", "POST"])
def project_edit(request: HttpRequest, pk: int) -> HttpResponse:
    project = sel.project_for(request.user, pk)
    check_manage(request, project.plan)
    # The form gets its own copy: validating a ModelForm writes into its instance, and the
    # service must see the project as stored to validate stage order and record the change.
    form = forms.ProjectForm(
        request.POST or None, plan=project.plan, instance=sel.project_for(request.user, pk)
    )
    if request.method == "POST" and form.is_valid():
        if run(request, services.project_edit, _("已保存。"), project=project, **form.cleaned_data):
            return redirect("plans:project", project.pk)
    return render(
        request,
        "plans/form.html",
        {
            "form": form,
            "title": _("编辑：%(n)s") % {"n": project},
            "breadcrumbs": crumbs(project.plan, str(project)),
        },
    )


@require_roles(*READERS)
@require_GET
def project_detail(request: HttpRequest, pk: int) -> HttpResponse:
    project = sel.project_for(request.user, pk)
    row = sel.project_row(sel.project_queryset(project.plan).get(pk=pk), timezone.localdate())
    dates = {s.stage: s for s in project.stages.all()}
    pipeline = [
        {"value": v, "label": label, "row": dates.get(v), "reached": i <= project.stage_index}
        for i, (v, label) in enumerate(Project.Stage.choices)
    ]
    schedule_rows, slip = scheduling.project_schedule(project, timezone.localdate())
    return render(
        request,
        "plans/project.html",
        {
            "project": project,
            "row": row,
            "schedule": schedule_rows,
            "slip": slip,
            "decisions": meetings.open_decisions(project),
            "pipeline": pipeline,
            "milestones": project.milestones.all(),
            "updates": project.updates.select_related("author", "case"),
            "enterprise": enterprise.panel(request.user, project),
            "owner_kind": "project",
            "today": timezone.localdate(),
            "can_manage": sel.can_manage(request.user, project.plan),
            "can_report": sel.can_report(request.user, project.plan, project.owner_unit_id),
            "stage_form": forms.StageForm(initial={"date": timezone.localdate()}),
            "update_form": forms.UpdateForm(),
            "milestone_form": forms.MilestoneForm(),
            "breadcrumbs": crumbs(project.plan, str(project)),
        },
    )


@require_roles(*REPORTERS)
@require_POST
def project_stage(request: HttpRequest, pk: int) -> HttpResponse:
    project = sel.project_for(request.user, pk)
    check_report(request, project)
    form = forms.StageForm(request.POST)
    if form.is_valid():
        run(request, services.project_stage_set, _("已记录阶段日期。"), project=project, **form.cleaned_data)
    else:
        messages.error(request, _("请选择阶段并填写日期。"))
    return redirect("plans:project", pk)


@require_roles(*READERS)
@require_GET
def funnel(request: HttpRequest, pk: int) -> HttpResponse:
    plan = sel.plan_for(request.user, pk)
    return render(
        request,
        "plans/funnel.html",
        {"plan": plan, "funnel": sel.funnel(plan), "breadcrumbs": crumbs(plan, _("项目推进漏斗"))},
    )


@require_roles(*STAFF_READERS)
@require_GET
def dispatch(request: HttpRequest, pk: int) -> HttpResponse:
    plan = sel.plan_for(request.user, pk)
    today = timezone.localdate()
    return render(
        request,
        "plans/dispatch.html",
        {
            "plan": plan,
            "d": sel.dispatch(plan, today),
            "today": today,
            "breadcrumbs": crumbs(plan, _("每周调度")),
        },
    )


@require_roles(*MANAGERS)
@require_http_methods(["GET", "POST"])
def report_import(request: HttpRequest, pk: int) -> HttpResponse:
    """Propose the report's targets as plan items, and the projects, livelihood projects and key tasks it
    names as projects, livelihood proposals and tasks; only what the user ticks is created."""
    plan = sel.plan_for(request.user, pk)
    check_manage(request, plan)
    reports = sel.importable_reports(request.user, plan.town)
    report_id = request.POST.get("report") or request.GET.get("report")
    report = get_visible_or_404(Report, request.user, pk=report_id, town=plan.town) if report_id else None
    proposals = sel.report_proposals(plan, report) if report else []
    named = sel.item_proposals(plan, report) if report else []
    if request.method == "POST" and report:
        accepted = _accepted(request, plan, proposals)
        items = _accepted_items(request, plan, named)
        created = run(request, services.report_import, plan=plan, accepted=accepted, items=items)
        if created is not None:
            n = len(created) if isinstance(created, list) else 0
            offered = sum(1 for p in proposals if not p["linked"])
            offered += sum(1 for p in named if not p["linked"] and not p["blocked"])
            messages.success(
                request, _("已导入 %(n)d 项，未勾选的 %(m)d 项已舍弃。") % {"n": n, "m": max(0, offered - n)}
            )
            return redirect("plans:board", plan.pk)
    return render(
        request,
        "plans/import.html",
        {
            "plan": plan,
            "reports": reports,
            "report": report,
            "proposals": proposals,
            "named": {
                kind: [p for p in named if p["kind"] == kind] for kind in ("project", "livelihood", "task")
            },
            "stages": Project.Stage.choices,
            "areas": Area.choices,
            "measures": Item.Measure.choices,
            "qualifiers": Item.Qualifier.choices,
            "units": plan.town.units.all(),
            "indicators": catalogue_for_town(plan.town),
            "breadcrumbs": crumbs(plan, _("从工作报告导入")),
        },
    )


def _accepted(request, plan, proposals) -> list[dict]:
    """The ticked proposals with the user's edits (each field named ``<field>_<fact id>``)."""
    units = {str(u.pk): u for u in plan.town.units.all()}
    indicators = {str(i.pk): i for i in catalogue_for_town(plan.town)}
    out = []
    for p in proposals:
        fid = p["fact"].pk
        if p["linked"] or request.POST.get(f"accept_{fid}") != "1":
            continue
        get = lambda name, default="", _fid=fid: request.POST.get(f"{name}_{_fid}", default).strip()  # noqa: E731
        try:
            value = float(get("target_value")) if get("target_value") else None
        except ValueError:
            value = p["target_value"]
        out.append(
            {
                "fact": p["fact"],
                "name": get("name") or p["name"],
                "target_value": value,
                "unit": get("unit")[:20],
                "measure": get("measure") if get("measure") in Item.Measure.values else "",
                "qualifier": get("qualifier") if get("qualifier") in Item.Qualifier.values else "",
                "area": get("area") if get("area") in Area.values else Area.ECONOMY,
                "owner_unit": units.get(get("owner_unit")),
                "indicator": indicators.get(get("indicator")),
            }
        )
    return out


def _accepted_items(request, plan, named) -> list[dict]:
    """The ticked named items with the user's edits (each field named ``<field>_i<report item id>``)."""
    units = {str(u.pk): u for u in plan.town.units.all()}
    out = []
    for p in named:
        iid = p["item"].pk
        if p["linked"] or p["blocked"] or request.POST.get(f"accept_i{iid}") != "1":
            continue
        get = lambda name, _iid=iid: request.POST.get(f"{name}_i{_iid}", "").strip()  # noqa: E731
        row = {"item": p["item"], "name": (get("name") or p["name"])[:200]}
        if p["kind"] == "project":
            try:
                investment = Decimal(get("investment")) if get("investment") else None
            except ArithmeticError:
                investment = None
            if investment is not None and not (investment.is_finite() and abs(investment) < 10**12):
                investment = None
            row["investment"] = investment.quantize(Decimal("0.01")) if investment is not None else None
            row["promised"] = get("promised") if get("promised") in Project.Stage.values else ""
            row["owner_unit"] = units.get(get("owner_unit"))
        elif p["kind"] == "task":
            row["area"] = get("area") if get("area") in Area.values else p["area"]
            row["owner_unit"] = units.get(get("owner_unit"))
        out.append(row)
    return out


@require_roles(*MANAGERS)
@require_POST
def update_escalate(request: HttpRequest, pk: int) -> HttpResponse:
    """请示上级协调: the town files an open problem of a project with the county as a case."""
    update = sel.update_for(request.user, pk)
    check_manage(request, update.plan)
    text = request.POST.get("text", "")[:2000]
    done = run(
        request,
        escalation.update_escalate,
        _("已向县里请示协调，答复将显示在本项目。"),
        update=update,
        text=text,
    )
    if done and update.project_id is None:
        return redirect("plans:dispatch", update.plan_id)
    return redirect(reverse("plans:project", args=[update.project_id]) + "#updates")


@require_roles(*STAFF_READERS)
@require_http_methods(["GET", "POST"])
def project_enterprise(request: HttpRequest, pk: int) -> HttpResponse:
    """The economy office settles a project's enterprise: link one of the register or register it."""
    project = sel.project_for(request.user, pk)
    if not enterprise.is_desk_for(request.user, project):
        raise PermissionDenied
    if request.method == "POST":
        ent_id = request.POST.get("enterprise", "")
        ent = None
        if ent_id:
            ent = get_visible_or_404(
                enterprise.Enterprise.objects.all(), request.user, pk=int_param(ent_id, "enterprise") or 0
            )
        try:
            project_enterprise_confirm(
                by=request.user,
                project=project,
                enterprise=ent,
                industry=request.POST.get("industry", "")[:5],
                name=request.POST.get("name", "")[:100].strip(),
            )
        except EconomyError as exc:
            messages.error(request, exc.message)
        else:
            messages.success(request, _("已关联企业名录。"))
    return redirect(reverse("plans:project", args=[project.pk]) + "#enterprise")


@require_roles(*STAFF_READERS)
@require_GET
def enterprise_proposals(request: HttpRequest) -> HttpResponse:
    """Projects at 投产/入库 waiting for the economy office to link or register their enterprise."""
    page = Paginator(enterprise.proposals_for(request.user), 50).get_page(request.GET.get("page"))
    return render(
        request,
        "plans/enterprise_proposals.html",
        {"page_obj": page, "breadcrumbs": crumbs(None, _("待关联企业的项目"))},
    )
