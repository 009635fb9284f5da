"""Plan board, items, progress and milestones."""

from __future__ import annotations

from django.contrib import messages
from django.core.paginator import Paginator
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_http_methods, require_POST

from luoshi.org.scoping import require_roles, scope_of, visible_towns
from luoshi.plans import exports, forms, services
from luoshi.plans import selectors as sel
from luoshi.plans import status as st
from luoshi.plans.models import Area, Item
from luoshi.plans.selectors import MANAGERS, READERS, REPORTERS
from luoshi.plans.views.common import back, check_manage, check_report, crumbs, run

# --- Plans ---------------------------------------------------------------------------------------------


@require_roles(*READERS)
@require_GET
def index(request: HttpRequest) -> HttpResponse:
    plans = sel.plans_for(request.user)
    year = request.GET.get("year", "")
    if year.isdecimal():
        plans = plans.filter(year=int(year))
    page = Paginator(plans, 20).get_page(request.GET.get("page"))
    can_create = scope_of(request.user).has(*MANAGERS)
    return render(
        request,
        "plans/index.html",
        {"page_obj": page, "year": year, "can_create": can_create, "breadcrumbs": crumbs()},
    )


@require_roles(*MANAGERS)
@require_http_methods(["GET", "POST"])
def plan_create(request: HttpRequest) -> HttpResponse:
    s = scope_of(request.user)
    towns = (
        visible_towns(request.user) if s.is_admin else visible_towns(request.user).filter(id__in=s.town_ids)
    )
    form = forms.PlanForm(request.POST or None, towns=towns)
    if request.method == "POST" and form.is_valid():
        plan = run(request, services.plan_create, _("已创建年度计划。"), **form.cleaned_data)
        if plan:
            return redirect("plans:board", plan.pk)
    return render(
        request,
        "plans/form.html",
        {"form": form, "title": _("新建年度计划"), "breadcrumbs": crumbs(None, _("新建"))},
    )


@require_roles(*READERS)
@require_GET
def board(request: HttpRequest, pk: int) -> HttpResponse:
    plan = sel.plan_for(request.user, pk)
    today = timezone.localdate()
    rows = sel.flatten(sel.item_tree(plan, today))
    area, status, unit = (request.GET.get(k, "") for k in ("area", "status", "unit"))
    shown = [
        r
        for r in rows
        if (not area or r.obj.area == area)
        and (not status or r.status == status)
        and (not unit or str(r.obj.owner_unit_id) == unit)
    ]
    areas = [(a, [r for r in shown if r.obj.area == a.value]) for a in Area]
    ctx = {
        "plan": plan,
        "areas": [(a, rs) for a, rs in areas if rs],
        "counts": sel.status_counts(rows),
        "rollups": sel.rollups(sel.item_tree(plan, today)),
        "tp": sel.plan_time_progress(plan, today),
        "tp_choices": plan.TimeProgress.choices,
        "filters": {"area": area, "status": status, "unit": unit},
        "area_choices": Area.choices,
        "status_choices": [(s.value, sel.status_label(s)) for s in st.Status],
        "units": plan.town.units.all(),
        "can_manage": sel.can_manage(request.user, plan),
        "total": len(rows),
        "shown": len(shown),
        "breadcrumbs": crumbs(plan),
    }
    template = "plans/partials/board_areas.html" if request.htmx else "plans/board.html"
    return render(request, template, ctx)


@require_roles(*MANAGERS)
@require_POST
def plan_time_progress(request: HttpRequest, pk: int) -> HttpResponse:
    """Switch the plan's 序时进度 between months and working days (from the board)."""
    plan = sel.plan_for(request.user, pk)
    check_manage(request, plan)
    form = forms.TimeProgressForm(request.POST)
    if form.is_valid():
        run(
            request,
            services.plan_set_time_progress,
            _("已更改序时进度算法。"),
            plan=plan,
            **form.cleaned_data,
        )
    else:
        messages.error(request, _("序时进度算法不正确。"))
    return redirect("plans:board", plan.pk)


@require_roles(*READERS)
@require_GET
def plan_print(request: HttpRequest, pk: int) -> HttpResponse:
    plan = sel.plan_for(request.user, pk)
    today = timezone.localdate()
    projects = [sel.project_row(p, today) for p in sel.project_queryset(plan)]
    return render(
        request,
        "plans/print.html",
        {"plan": plan, "rows": sel.flatten(sel.item_tree(plan, today)), "projects": projects, "today": today},
    )


@require_roles(*READERS)
@require_GET
def plan_export(request: HttpRequest, pk: int) -> HttpResponse:
    plan = sel.plan_for(request.user, pk)
    response = HttpResponse(
        exports.plan_workbook(plan, timezone.localdate()),
        content_type="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
    )
    response["Content-Disposition"] = f'attachment; filename="plan-{plan.town.code}-{plan.year}.xlsx"'
    return response


# --- Items -----------------------------------------------------------------------------------------------


@require_roles(*MANAGERS)
@require_http_methods(["GET", "POST"])
def item_create(request: HttpRequest, pk: int) -> HttpResponse:
    plan = sel.plan_for(request.user, pk)
    check_manage(request, plan)
    initial = {"kind": request.GET.get("kind", Item.Kind.TARGET), "parent": request.GET.get("parent")}
    form = forms.ItemForm(request.POST or None, plan=plan, initial=initial)
    if request.method == "POST" and form.is_valid():
        data = dict(form.cleaned_data)
        item = run(
            request, services.item_create, _("已添加。"), plan=plan, co_units=data.pop("co_units"), **data
        )
        if item:
            return redirect("plans:item", item.pk)
    return render(
        request,
        "plans/form.html",
        {"form": form, "title": _("添加计划事项"), "breadcrumbs": crumbs(plan, _("添加事项"))},
    )


@require_roles(*MANAGERS)
@require_http_methods(["GET", "POST"])
def item_edit(request: HttpRequest, pk: int) -> HttpResponse:
    item = sel.item_for(request.user, pk)
    check_manage(request, item.plan)
    form = forms.ItemForm(request.POST or None, plan=item.plan, instance=item)
    if request.method == "POST" and form.is_valid():
        data = {f: form.cleaned_data[f] for f in form.Meta.fields}
        if run(
            request,
            services.item_edit,
            _("已保存。"),
            item=sel.item_for(request.user, pk),
            co_units=data.pop("co_units"),
            **data,
        ):
            return redirect("plans:item", item.pk)
    return render(
        request,
        "plans/form.html",
        {"form": form, "title": _("编辑：%(n)s") % {"n": item}, "breadcrumbs": crumbs(item.plan, str(item))},
    )


@require_roles(*MANAGERS)
@require_http_methods(["GET", "POST"])
def item_delete(request: HttpRequest, pk: int) -> HttpResponse:
    item = sel.item_for(request.user, pk)
    check_manage(request, item.plan)
    if request.method == "POST":
        if run(request, services.item_delete, _("已删除。"), item=item):
            return redirect("plans:board", item.plan_id)
        return redirect("plans:item", item.pk)
    return render(
        request,
        "plans/confirm_delete.html",
        {
            "object": item,
            "cancel": reverse("plans:item", args=[pk]),
            "breadcrumbs": crumbs(item.plan, str(item)),
        },
    )


@require_roles(*READERS)
@require_GET
def item_detail(request: HttpRequest, pk: int) -> HttpResponse:
    item = sel.item_for(request.user, pk)
    today = timezone.localdate()
    rows = {r.obj.pk: r for r in sel.flatten(sel.item_tree(item.plan, today))}
    return render(
        request,
        "plans/item.html",
        {
            "item": item,
            "row": rows.get(item.pk),
            "children": [rows[c.pk] for c in item.children.all() if c.pk in rows],
            "milestones": item.milestones.all(),
            "updates": item.updates.select_related("author"),
            "can_manage": sel.can_manage(request.user, item.plan),
            "can_report": sel.can_report(request.user, item.plan, item.owner_unit_id),
            "update_form": forms.UpdateForm(),
            "milestone_form": forms.MilestoneForm(),
            "override_form": forms.OverrideForm(
                initial={"progress": item.progress_override, "reason": item.override_reason}
            ),
            "owner_kind": "item",
            "today": today,
            "breadcrumbs": crumbs(item.plan, str(item)),
        },
    )


@require_roles(*MANAGERS)
@require_POST
def item_override(request: HttpRequest, pk: int) -> HttpResponse:
    item = sel.item_for(request.user, pk)
    check_manage(request, item.plan)
    form = forms.OverrideForm(request.POST)
    if form.is_valid():
        run(
            request,
            services.item_override,
            _("已记录人工调整。"),
            item=item,
            progress=form.cleaned_data["progress"],
            reason=form.cleaned_data["reason"],
        )
    else:
        messages.error(request, _("请检查输入。"))
    return redirect("plans:item", item.pk)


@require_roles(*MANAGERS)
@require_POST
def item_override_actual(request: HttpRequest, pk: int) -> HttpResponse:
    item = sel.item_for(request.user, pk)
    check_manage(request, item.plan)
    form = forms.ActualOverrideForm(request.POST)
    if form.is_valid():
        run(
            request,
            services.item_override_actual,
            _("已记录人工调整。"),
            item=item,
            value=form.cleaned_data["value"],
            reason=form.cleaned_data["reason"],
        )
    else:
        messages.error(request, _("请检查输入。"))
    return redirect("plans:item", item.pk)


# --- Progress and milestones (items, projects, livelihood projects) ------------------------------------

OWNER_LOOKUP = {"item": sel.item_for, "project": sel.project_for, "livelihood": sel.livelihood_for}
OWNER_URL = {"item": "plans:item", "project": "plans:project", "livelihood": "plans:livelihood"}


@require_roles(*REPORTERS)
@require_POST
def update_create(request: HttpRequest, kind: str, pk: int) -> HttpResponse:
    owner = OWNER_LOOKUP[kind](request.user, pk)
    check_report(request, owner)
    form = forms.UpdateForm(request.POST)
    if form.is_valid():
        run(request, services.update_create, _("已填报进展。"), owner=owner, **form.cleaned_data)
    else:
        messages.error(request, "；".join(str(e) for errs in form.errors.values() for e in errs))
    return redirect(OWNER_URL[kind], pk)


@require_roles(*REPORTERS)
@require_POST
def update_resolve(request: HttpRequest, pk: int) -> HttpResponse:
    update = sel.update_for(request.user, pk)
    check_report(request, update)
    run(request, services.update_resolve, _("已标记问题解决。"), update=update, on=timezone.localdate())
    return back(request, reverse("plans:dispatch", args=[update.plan_id]))


@require_roles(*REPORTERS)
@require_POST
def milestone_create(request: HttpRequest, kind: str, pk: int) -> HttpResponse:
    owner = OWNER_LOOKUP[kind](request.user, pk)
    check_report(request, owner)
    form = forms.MilestoneForm(request.POST)
    if form.is_valid():
        run(request, services.milestone_create, _("已添加节点。"), owner=owner, **form.cleaned_data)
    else:
        messages.error(request, _("请填写节点名称和计划日期。"))
    return redirect(OWNER_URL[kind], pk)


@require_roles(*REPORTERS)
@require_POST
def milestone_done(request: HttpRequest, pk: int) -> HttpResponse:
    m = sel.milestone_for(request.user, pk)
    check_report(request, m)
    form = forms.MilestoneDoneForm(request.POST)
    day = form.cleaned_data["actual_date"] if form.is_valid() else None
    run(
        request,
        services.milestone_complete,
        _("已更新节点。"),
        milestone=m,
        actual_date=day or (None if request.POST.get("undo") else timezone.localdate()),
    )
    kind = "item" if m.item_id else "project" if m.project_id else "livelihood"
    return redirect(OWNER_URL[kind], m.item_id or m.project_id or m.livelihood_id)
