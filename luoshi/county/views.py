"""County assessment and dashboard pages: thin views over ``selectors``, ``dashboard`` and ``services``."""

from __future__ import annotations

from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.core.paginator import Paginator
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.safestring import mark_safe
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_http_methods, require_POST

from luoshi.county import dashboard as dash
from luoshi.county import exports, forms, services
from luoshi.county import selectors as sel
from luoshi.county.models import Category, Group, Line, Objection, Scheme
from luoshi.lib.params import int_param
from luoshi.org.replica import reading_replica
from luoshi.org.roles import Role
from luoshi.org.scoping import require_roles
from luoshi.plans import selectors as plans_sel
from luoshi.plans import status as st
from luoshi.plans.models import Project

BOARD_PAGE = 50


def _crumbs(*tail):
    return [(_("首页"), "/"), (_("综合考核"), reverse("county:schemes"))] + list(tail)


def _county_scheme(request, pk) -> Scheme:
    scheme = sel.scheme_for(request.user, pk)
    if not sel.is_county(request.user):
        raise Http404("not found")
    return scheme


def _fail(request, exc: services.CountyError):
    messages.error(request, exc.message)


@require_roles(*sel.READERS)
@require_GET
def schemes(request: HttpRequest) -> HttpResponse:
    county = sel.is_county(request.user)
    own = sel.own_town_ids(request.user)
    rows = []
    for scheme in sel.schemes_for(request.user).select_related("county"):
        if not county and not scheme.is_current:
            continue
        results = sel.results_for(request.user).filter(scheme=scheme)
        my_towns = list(scheme.towns.filter(town_id__in=own).select_related("town")) if own else []
        rows.append({"scheme": scheme, "results": list(results[:5]), "my_towns": my_towns})
    return render(
        request,
        "county/schemes.html",
        {"rows": rows, "is_county": county, "breadcrumbs": _crumbs()},
    )


@require_roles(Role.COUNTY)
@require_GET
def scheme_detail(request: HttpRequest, pk: int) -> HttpResponse:
    scheme = _county_scheme(request, pk)
    board = sel.live_scores(scheme)
    return render(
        request,
        "county/scheme.html",
        {
            "scheme": scheme,
            "board": board,
            "scores": [(ts, board.towns[ts.town]) for ts in board.scores],
            "lines": board.lines,
            "groups": dict(Group.choices),
            "results": scheme.results.all()[:20],
            "adjustments": scheme.adjustments.select_related("town"),
            "objections": scheme.objections.select_related("town", "line__indicator"),
            "form": forms.AdjustmentForm(scheme=scheme),
            "editable": scheme.is_current and not scheme.frozen,
            "weight_total": sel.weight_total(scheme),
            "full_marks": services.FULL_MARKS,
            "town_categories": sel.town_categories(scheme),
            "category_choices": [(0, _("不参加"))] + [(c.value, c.label) for c in Category],
            "breadcrumbs": _crumbs((str(scheme), None)),
        },
    )


def _form_error(form, exc: services.CountyError) -> None:
    form.add_error(exc.field if exc.field in form.fields else None, exc.message)


def _scheme_crumbs(scheme, label):
    return _crumbs((str(scheme), reverse("county:scheme", args=[scheme.pk])), (label, None))


@require_roles(Role.COUNTY)
@require_http_methods(["GET", "POST"])
def scheme_new(request: HttpRequest) -> HttpResponse:
    county = sel.county_of(request.user)
    form = forms.SchemeForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            scheme = services.scheme_create(county=county, by=request.user, **form.cleaned_data)
        except services.CountyError as exc:
            _form_error(form, exc)
        else:
            messages.success(request, _("方案已创建，请添加考核指标并设置乡镇类别。"))
            return redirect("county:scheme", scheme.pk)
    return render(
        request,
        "county/scheme_form.html",
        {"form": form, "breadcrumbs": _crumbs((_("新建方案"), None))},
        status=400 if form.errors else 200,
    )


@require_roles(Role.COUNTY)
@require_http_methods(["GET", "POST"])
def scheme_edit(request: HttpRequest, pk: int) -> HttpResponse:
    scheme = _county_scheme(request, pk)
    form = forms.SchemeForm(request.POST or None, instance=scheme, editing=True)
    if request.method == "POST" and form.is_valid():
        try:
            services.scheme_update(scheme=scheme, by=request.user, **form.cleaned_data)
        except services.CountyError as exc:
            _form_error(form, exc)
        else:
            return redirect("county:scheme", scheme.pk)
    return render(
        request,
        "county/scheme_form.html",
        {"form": form, "scheme": scheme, "breadcrumbs": _scheme_crumbs(scheme, _("方案设置"))},
        status=400 if form.errors else 200,
    )


@require_roles(Role.COUNTY)
@require_POST
def scheme_delete(request: HttpRequest, pk: int) -> HttpResponse:
    scheme = _county_scheme(request, pk)
    try:
        services.scheme_delete(scheme=scheme, by=request.user)
    except services.CountyError as exc:
        _fail(request, exc)
        return redirect("county:scheme", scheme.pk)
    messages.success(request, _("方案“%(s)s”已删除。") % {"s": scheme})
    return redirect("county:schemes")


@require_roles(Role.COUNTY)
@require_POST
def scheme_towns(request: HttpRequest, pk: int) -> HttpResponse:
    """Categories of the county's towns in one form: 1–3, or 0 for not taking part."""
    scheme = _county_scheme(request, pk)
    categories = {}
    for town in sel.county_towns(scheme):
        value = int_param(request.POST.get(f"cat_{town.pk}"), f"cat_{town.pk}")
        if value is not None:
            categories[town] = value
    try:
        services.scheme_set_towns(scheme=scheme, categories=categories, by=request.user)
    except services.CountyError as exc:
        _fail(request, exc)
    else:
        messages.success(request, _("乡镇类别已保存。"))
    return redirect("county:scheme", scheme.pk)


@require_roles(Role.COUNTY)
@require_http_methods(["GET", "POST"])
def line_form(request: HttpRequest, pk: int, line: int | None = None) -> HttpResponse:
    """Add a line, or change one (its indicator stays: another indicator is another line)."""
    scheme = _county_scheme(request, pk)
    line_obj = sel.line_of(scheme, line) if line is not None else None
    form = forms.LineForm(request.POST or None, line=line_obj)
    if request.method == "POST" and form.is_valid():
        try:
            if line_obj is None:
                services.line_add(
                    scheme=scheme,
                    indicator=form.cleaned_data["indicator"],
                    by=request.user,
                    **form.service_fields(),
                )
            else:
                services.line_update(line=line_obj, by=request.user, **form.service_fields())
        except services.CountyError as exc:
            _form_error(form, exc)
        else:
            return redirect(reverse("county:scheme", args=[scheme.pk]) + "#lines")
    return render(
        request,
        "county/line_form.html",
        {
            "form": form,
            "scheme": scheme,
            "line": line_obj,
            "used": sel.weight_total(scheme, excluding=line_obj),
            "breadcrumbs": _scheme_crumbs(scheme, _("修改考核指标") if line_obj else _("添加考核指标")),
        },
        status=400 if form.errors else 200,
    )


@require_roles(Role.COUNTY)
@require_POST
def line_delete(request: HttpRequest, pk: int, line: int) -> HttpResponse:
    scheme = _county_scheme(request, pk)
    try:
        services.line_remove(line=sel.line_of(scheme, line), by=request.user)
    except services.CountyError as exc:
        _fail(request, exc)
    return redirect(reverse("county:scheme", args=[scheme.pk]) + "#lines")


@require_roles(Role.COUNTY)
@require_POST
def adjustment_delete(request: HttpRequest, pk: int, adjustment: int) -> HttpResponse:
    scheme = _county_scheme(request, pk)
    adj = scheme.adjustments.filter(pk=int_param(adjustment, "adjustment")).first()
    if adj is None:
        raise Http404("not found")
    try:
        services.adjustment_remove(adjustment=adj, by=request.user)
    except services.CountyError as exc:
        _fail(request, exc)
    return redirect(reverse("county:scheme", args=[scheme.pk]) + "#adjustments")


@require_roles(Role.COUNTY)
@require_POST
def scheme_revise(request: HttpRequest, pk: int) -> HttpResponse:
    scheme = _county_scheme(request, pk)
    try:
        new = services.scheme_revise(scheme=scheme, by=request.user)
    except services.CountyError as exc:
        _fail(request, exc)
        return redirect("county:scheme", scheme.pk)
    messages.success(request, _("已生成新版本 v%(v)s，可继续修改。") % {"v": new.version})
    return redirect("county:scheme", new.pk)


@require_roles(Role.COUNTY)
@require_POST
def result_compute(request: HttpRequest, pk: int) -> HttpResponse:
    scheme = _county_scheme(request, pk)
    try:
        result = services.result_compute(scheme=scheme, by=request.user)
    except services.CountyError as exc:
        _fail(request, exc)
        return redirect("county:scheme", scheme.pk)
    return redirect("county:result", result.pk)


@require_roles(Role.COUNTY)
@require_POST
def adjustment_add(request: HttpRequest, pk: int) -> HttpResponse:
    scheme = _county_scheme(request, pk)
    form = forms.AdjustmentForm(request.POST, scheme=scheme)
    if not form.is_valid():
        field, errors = next(iter(form.errors.items()))
        label = form.fields[field].label if field in form.fields else field
        messages.error(request, f"{label}：{errors[0]}")
        return redirect("county:scheme", scheme.pk)
    try:
        services.adjustment_add(
            scheme=scheme, by=request.user, **{k: v for k, v in form.cleaned_data.items()}
        )
    except services.CountyError as exc:
        _fail(request, exc)
    return redirect("county:scheme", scheme.pk)


@require_roles(Role.COUNTY, Role.LEADER, Role.OFFICE)
@require_GET
def town_scores(request: HttpRequest, pk: int, town: int) -> HttpResponse:
    """A town's scores now, line by line with provenance (the town sees its own as soon as they exist)."""
    scheme = sel.scheme_for(request.user, pk)
    town_obj = sel.town_in_scheme(request.user, scheme, town)
    board = sel.live_scores(scheme, town_ids={town_obj.pk})
    ts = board.scores[0]
    detail = board.detail(ts)
    for d in detail["lines"]:
        d["url"] = sel.provenance_url(d, town_obj.pk)
        d["group_label"] = Group(d["group"]).label
    return render(
        request,
        "county/town.html",
        {
            "scheme": scheme,
            "town": town_obj,
            "ts": ts,
            "detail": detail,
            "objections": Objection.objects.filter(scheme=scheme, town=town_obj).select_related(
                "line__indicator", "case"
            ),
            "can_object": town_obj.pk in sel.own_town_ids(request.user) and scheme.is_current,
            "window_end": services.objection_window_end(scheme),
            "published": sel.results_for(request.user)
            .filter(scheme=scheme, published_at__isnull=False)
            .first(),
            "breadcrumbs": _crumbs((str(scheme), reverse("county:schemes")), (town_obj.name, None)),
        },
    )


@require_roles(Role.LEADER, Role.OFFICE)
@require_http_methods(["GET", "POST"])
def objection_new(request: HttpRequest, pk: int, town: int, line: int) -> HttpResponse:
    scheme = sel.scheme_for(request.user, pk)
    town_obj = sel.town_in_scheme(request.user, scheme, town)
    if town_obj.pk not in sel.own_town_ids(request.user):
        raise Http404("not found")
    line_obj = Line.objects.select_related("indicator").filter(scheme=scheme, pk=line).first()
    if line_obj is None:
        raise Http404("not found")
    fig = sel.line_figure(line_obj, town_obj, scheme)
    form = forms.ObjectionForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            obj = services.objection_file(
                scheme=scheme, line=line_obj, town=town_obj, text=form.cleaned_data["text"], by=request.user
            )
        except services.CountyError as exc:
            form.add_error(exc.field if exc.field in form.fields else None, exc.message)
        else:
            messages.success(request, _("异议已提交，案件编号 %(n)s。") % {"n": obj.case.number})
            return redirect("county:objection", obj.pk)
    return render(
        request,
        "county/objection_form.html",
        {
            "scheme": scheme,
            "town": town_obj,
            "line": line_obj,
            "fig": fig,
            "form": form,
            "breadcrumbs": _crumbs(
                (str(scheme), reverse("county:schemes")),
                (town_obj.name, reverse("county:town", args=[scheme.pk, town_obj.pk])),
                (_("提出异议"), None),
            ),
        },
    )


@require_roles(Role.COUNTY, Role.LEADER, Role.OFFICE)
@require_http_methods(["GET", "POST"])
def objection_detail(request: HttpRequest, pk: int) -> HttpResponse:
    obj = sel.objection_for(request.user, pk)
    county = sel.is_county(request.user)
    form = forms.DecisionForm(request.POST or None)
    if request.method == "POST":
        if not county:
            raise PermissionDenied
        if form.is_valid():
            try:
                services.objection_decide(
                    objection=obj,
                    upheld=form.cleaned_data["upheld"],
                    answer=form.cleaned_data["answer"],
                    by=request.user,
                )
            except services.CountyError as exc:
                form.add_error(None, exc.message)
            else:
                return redirect("county:objection", obj.pk)
    return render(
        request,
        "county/objection.html",
        {
            "obj": obj,
            "form": form if county and obj.state == Objection.State.OPEN else None,
            "breadcrumbs": _crumbs((str(obj.scheme), reverse("county:schemes")), (_("考核异议"), None)),
        },
    )


def _result_groups(result):
    rows = list(result.rows.select_related("town").order_by("category", "vetoed", "rank", "town__code"))
    groups: dict[int, list] = {}
    for r in rows:
        groups.setdefault(r.category, []).append(r)
    return groups


@require_roles(*sel.READERS)
@require_GET
def result_detail(request: HttpRequest, pk: int) -> HttpResponse:
    result = sel.result_for(request.user, pk)
    county = sel.is_county(request.user)
    return render(
        request,
        "county/result.html",
        {
            "result": result,
            "groups": _result_groups(result),
            "is_county": county,
            "breadcrumbs": _crumbs((str(result.scheme), reverse("county:schemes")), (_("考核结果"), None)),
        },
    )


@require_roles(Role.COUNTY)
@require_POST
def result_publish(request: HttpRequest, pk: int) -> HttpResponse:
    result = sel.result_for(request.user, pk)
    try:
        services.result_publish(result=result, by=request.user)
    except services.CountyError as exc:
        _fail(request, exc)
    else:
        messages.success(request, _("考核结果已公布。"))
    return redirect("county:result", result.pk)


@require_roles(*sel.READERS)
@require_GET
def result_town(request: HttpRequest, pk: int, town: int) -> HttpResponse:
    result = sel.result_for(request.user, pk)
    row = result.rows.select_related("town").filter(town_id=int_param(town, "town")).first()
    if row is None:
        raise Http404("not found")
    lines = []
    for d in row.detail.get("lines", []):
        lines.append({**d, "url": sel.provenance_url(d, row.town_id), "group_label": Group(d["group"]).label})
    return render(
        request,
        "county/result_town.html",
        {
            "result": result,
            "row": row,
            "lines": lines,
            "adjustments": row.detail.get("adjustments", []),
            "breadcrumbs": _crumbs((str(result.scheme), reverse("county:schemes")), (row.town.name, None)),
        },
    )


def _download(content: bytes, name: str, content_type: str) -> HttpResponse:
    resp = HttpResponse(content, content_type=content_type)
    resp["Content-Disposition"] = f'attachment; filename="{name}"'
    return resp


@require_roles(*sel.READERS)
@require_GET
def result_xlsx(request: HttpRequest, pk: int) -> HttpResponse:
    result = sel.result_for(request.user, pk)
    return _download(
        exports.xlsx(result),
        f"assessment-{result.pk}.xlsx",
        "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
    )


@require_roles(*sel.READERS)
@require_GET
def result_docx(request: HttpRequest, pk: int) -> HttpResponse:
    result = sel.result_for(request.user, pk)
    return _download(
        exports.docx(result),
        f"assessment-{result.pk}.docx",
        "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
    )


def _year(request) -> int:
    year = int_param(request.GET.get("year"), "year") or timezone.localdate().year
    return year if 2000 <= year <= 2100 else timezone.localdate().year


@require_roles(Role.COUNTY)
@require_GET
@reading_replica()
def dashboard(request: HttpRequest) -> HttpResponse:
    now = timezone.now()
    year = _year(request)
    today = timezone.localdate()
    towns = dash.county_towns(request.user)
    ver = dash.versions()
    kpi = dash.kpi_cached(request.user, towns, year, now, ver)
    sections = dash.town_sections(towns, year, today, now, kpi["read"], ver)
    return render(
        request,
        "county/dashboard.html",
        {
            "year": year,
            "towns": towns,
            "kpi": kpi,
            "chart": kpi["chart"],
            "indicators": dash.indicator_cached(towns, year, ver),
            **_section_rows(towns, sections, year),
            "assigned": kpi["assigned"],
            "oldest": kpi["oldest"],
            "breadcrumbs": [(_("首页"), "/"), (_("全县看板"), None)],
        },
    )


def _section_rows(towns, sections, year: int) -> dict:
    """The plan, livelihood and project summaries as the template shows them: counts in column
    order, the links built here once rather than by a tag in every cell."""
    statuses = [(s.value, plans_sel.status_label(s)) for s in st.Status]
    stages = Project.Stage.choices
    board = reverse("plans:board", args=[0])
    rows = [
        {
            "town": t,
            "s": s,
            "q": f"?year={year}&town={t.pk}",
            "plan_url": board.replace("/0/", f"/{s.plan_id}/") if s.plan_id else "",
            "livelihood": [(v, s.livelihood.get(v, 0)) for v, _l in statuses],
            "projects": [(v, s.projects.get(v, 0)) for v, _l in statuses],
            "stages": [(v, s.stages.get(v, 0)) for v, _l in stages],
        }
        for t, s in zip(towns, sections, strict=True)
    ]
    return {
        "rows": rows,
        "sections_key": dash.sections_key(sections),
        "plan_rows": [r for r in rows if r["s"].plan_id],
        "statuses": statuses,
        "stages": stages,
        "projects_url": reverse("county:projects"),
        "livelihood_url": reverse("county:livelihood"),
    }


def _board_filters(request, towns, *, stages: bool) -> dict:
    """town / stage / status of a board's address; values that name nothing are dropped."""
    town = int_param(request.GET.get("town"), "town")
    stage = request.GET.get("stage", "").strip()
    status = request.GET.get("status", "").strip()
    return {
        "year": _year(request),
        "town": town if town in {t.pk for t in towns} else None,
        "stage": stage if stages and stage in Project.Stage.values else "",
        "status": status if status in {s.value for s in st.Status} else "",
    }


def _board_context(request, towns, filters, label) -> dict:
    return {
        "towns": towns,
        "filters": filters,
        "statuses": [(s.value, plans_sel.status_label(s)) for s in st.Status],
        "breadcrumbs": [(_("首页"), "/"), (_("全县看板"), reverse("county:dashboard")), (label, None)],
    }


@require_roles(Role.COUNTY)
@require_GET
@reading_replica()
def project_board(request: HttpRequest) -> HttpResponse:
    """Every town's key projects, filtered by town, stage and status, 50 a page with their Gantt."""
    towns = dash.county_towns(request.user)
    f = _board_filters(request, towns, stages=True)
    today = timezone.localdate()
    rows = dash.project_rows(towns, f["year"], today, town=f["town"], stage=f["stage"], status=f["status"])
    page = Paginator(rows, BOARD_PAGE).get_page(request.GET.get("page"))
    chart = dash.project_board(towns, f["year"], today, rows=list(page))["chart"]
    ctx = _board_context(request, towns, f, _("重点项目（全县）"))
    ctx.update(
        {
            "page_obj": page,
            "stages": Project.Stage.choices,
            "wall_svg": mark_safe(chart["svg"]),  # built by plans.wallchart, every name escaped
            "wall_count": chart["count"],
        }
    )
    return render(request, "county/projects.html", ctx)


@require_roles(Role.COUNTY)
@require_GET
@reading_replica()
def livelihood_board(request: HttpRequest) -> HttpResponse:
    """Every town's adopted livelihood projects, filtered by town and status, 50 a page."""
    towns = dash.county_towns(request.user)
    f = _board_filters(request, towns, stages=False)
    rows = dash.livelihood_rows(towns, f["year"], timezone.localdate(), town=f["town"], status=f["status"])
    page = Paginator(rows, BOARD_PAGE).get_page(request.GET.get("page"))
    ctx = _board_context(request, towns, f, _("民生实事（全县）"))
    ctx["page_obj"] = page
    return render(request, "county/livelihood.html", ctx)
