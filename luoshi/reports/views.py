"""Report pages: list, upload or paste, viewer with highlighted facts, exports, comparison, delete."""

from __future__ import annotations

import json

from django.contrib import messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.core.paginator import Paginator
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_http_methods

from luoshi.org.home import panel
from luoshi.org.scoping import require_roles, scope_of, visible_towns
from luoshi.reports import selectors, services
from luoshi.reports.forms import ReportUploadForm
from luoshi.reports.models import Fact, Report


def _crumbs(*tail):
    return [(_("首页"), "/"), (_("工作报告"), reverse("reports:list")), *tail]


@require_roles(*selectors.READ_ROLES)
@require_GET
def report_list(request: HttpRequest) -> HttpResponse:
    town, year = request.GET.get("town", ""), request.GET.get("year", "")
    reports = selectors.report_list(request.user, town=town, year=year)
    page = Paginator(reports, 20).get_page(request.GET.get("page"))
    for report in page.object_list:
        report.deletable = selectors.can_delete(request.user, report)
    return render(
        request,
        "reports/report_list.html",
        {
            "page_obj": page,
            "towns": visible_towns(request.user).order_by("code"),
            "years": selectors.report_years(request.user),
            "town": town,
            "year": year,
            "can_upload": selectors.can_upload(request.user),
            "can_see_deleted": scope_of(request.user).has(*selectors.DELETE_ROLES),
            "compare_max": selectors.COMPARE_MAX,
            "breadcrumbs": [(_("首页"), "/"), (_("工作报告"), None)],
        },
    )


@require_roles(*selectors.UPLOAD_ROLES)
@require_http_methods(["GET", "POST"])
def report_new(request: HttpRequest) -> HttpResponse:
    bound = (request.POST, request.FILES) if request.method == "POST" else (None, None)
    form = ReportUploadForm(*bound, user=request.user)
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        if "data" in data:
            upload = services.upload_create(
                user=request.user, name=data["source_name"], data=data["data"], town=data.get("town")
            )
            return redirect("reports:upload", pk=upload.pk)
        report, created = services.report_store(
            parsed=data["parsed"],
            town=data["town"],
            uploaded_by=request.user,
            source_name=data["source_name"],
        )
        return _stored(request, report, created)
    return render(
        request, "reports/report_new.html", {"form": form, "breadcrumbs": _crumbs((_("上传报告"), None))}
    )


def _stored(request: HttpRequest, report, created: bool) -> HttpResponse:
    n = report.facts.count()
    if created:
        messages.success(
            request, _("已读取新报告「%(title)s」，识别出 %(n)d 条数据。") % {"title": report, "n": n}
        )
    else:
        messages.info(request, _("该报告已存在，已用本次读取结果更新，识别出 %(n)d 条数据。") % {"n": n})
    url = reverse("reports:detail", args=[report.pk])
    if request.htmx:
        return HttpResponse(headers={"HX-Redirect": url})
    return redirect(url)


@require_roles(*selectors.UPLOAD_ROLES)
@require_GET
def report_upload(request: HttpRequest, pk: int) -> HttpResponse:
    """The uploader's view of a file the worker reads: waiting, refused (why), or on to the report."""
    upload = selectors.upload_get(request.user, pk)
    if upload.status == upload.Status.DONE and upload.report_id:
        return _stored(request, upload.report, upload.created_report)
    context = {
        "upload": upload,
        "breadcrumbs": _crumbs((_("上传报告"), reverse("reports:new")), (upload, None)),
    }
    return render(request, "reports/report_upload.html", context)


@require_roles(*selectors.READ_ROLES)
@require_GET
def report_detail(request: HttpRequest, pk: int) -> HttpResponse:
    report = selectors.report_get(request.user, pk)
    flt = selectors.FactFilter.from_params(request.GET)
    context = {"report": report, "facts": selectors.fact_rows(report, flt), "flt": flt}
    if request.htmx and request.htmx.target == "fact-table":
        return render(request, "reports/partials/fact_table.html", context)
    all_facts = list(report.facts.all())
    context.update(
        text=selectors.highlighted_text(report, all_facts),
        total=len(all_facts),
        counts={k: sum(f.kind == k for f in all_facts) for k in Fact.Kind.values},
        part_choices=Fact.Part.choices,
        kind_choices=Fact.Kind.choices,
        measure_choices=Fact.Measure.choices,
        can_delete=selectors.can_delete(request.user, report),
        previous=selectors.previous_report(request.user, report),
        warnings=selectors.describe_warnings(report.warnings),
        breadcrumbs=_crumbs((report.title, None)),
    )
    return render(request, "reports/report_detail.html", context)


@require_roles(*selectors.READ_ROLES)
@require_GET
def report_export(request: HttpRequest, pk: int, fmt: str) -> HttpResponse:
    """Facts as CSV / Excel (Chinese headers and labels; ``?labels=codes`` for field names and codes) or JSON."""
    report = selectors.report_get(request.user, pk)
    facts = selectors.report_facts(report, selectors.FactFilter.from_params(request.GET))
    codes = request.GET.get("labels") == "codes"
    stem = f"report-{report.pk}-facts"
    if fmt == "csv":
        body = selectors.report_csv(report, facts, codes=codes)
        response = HttpResponse(body, content_type="text/csv; charset=utf-8")
    elif fmt == "xlsx":
        response = HttpResponse(selectors.report_xlsx(report, facts, codes=codes), content_type=XLSX)
    else:
        body = json.dumps(selectors.report_json(report, facts), ensure_ascii=False, indent=2)
        response = HttpResponse(body, content_type="application/json; charset=utf-8")
    response["Content-Disposition"] = f'attachment; filename="{stem}.{fmt}"'
    return response


XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"


@require_roles(*selectors.READ_ROLES)
@require_GET
def report_compare(request: HttpRequest) -> HttpResponse:
    """Two to six reports side by side (?ids=1&ids=2), facts matched by metric; ?format=csv exports it."""
    as_csv = request.GET.get("format") == "csv"
    try:
        ids = selectors.parse_compare_ids(request.GET.getlist("ids"))
    except ValueError as exc:
        return _compare_refused(request, str(exc), as_csv=as_csv, status=400)
    reports = selectors.compare_reports(request.user, ids)  # 404 if any is outside the user's scope
    if len(reports) < 2:
        message = _("请至少选择两份报告进行对比。")
        return _compare_refused(request, message, as_csv=as_csv, status=400 if as_csv else 200)
    flt = selectors.FactFilter.from_params(request.GET)
    table = selectors.compare_table(reports, flt)
    if as_csv:
        response = HttpResponse(
            selectors.compare_csv(reports, table["rows"]), content_type="text/csv; charset=utf-8"
        )
        response["Content-Disposition"] = f'attachment; filename="compare-{"-".join(map(str, ids))}.csv"'
        return response
    query = request.GET.copy()
    query["format"] = "csv"
    context = {
        **table,
        "view_rows": selectors.compare_view_rows(reports, table["rows"]),
        "width": 1 + 2 * len(reports),  # metric, measure, a column per report, a change column between
        "flt": flt,
        "csv_query": query.urlencode(),
        "part_choices": Fact.Part.choices,
        "measure_choices": Fact.Measure.choices,
        "breadcrumbs": _crumbs((_("对比报告"), None)),
    }
    return render(request, "reports/report_compare.html", context)


def _compare_refused(request: HttpRequest, message: str, *, as_csv: bool, status: int) -> HttpResponse:
    if as_csv:
        return HttpResponse(message, status=status, content_type="text/plain; charset=utf-8")
    context = {"error": message, "breadcrumbs": _crumbs((_("对比报告"), None))}
    return render(request, "reports/report_compare.html", context, status=status)


@require_roles(*selectors.DELETE_ROLES)
@require_http_methods(["GET", "POST"])
def report_delete(request: HttpRequest, pk: int) -> HttpResponse:
    report = selectors.report_get(request.user, pk)
    if not selectors.can_delete(request.user, report):
        raise PermissionDenied
    published = services.is_published(report)
    if request.method == "POST":
        title = str(report)
        try:
            services.report_delete(report=report, user=request.user)
        except ValidationError as exc:
            messages.error(request, " ".join(exc.messages))
            return redirect("reports:delete", pk=report.pk)
        messages.success(request, _("已删除报告「%(title)s」。") % {"title": title})
        return redirect("reports:list")
    context = {
        "report": report,
        "fact_count": report.facts.count(),
        "published": published,
        "breadcrumbs": _crumbs((_("删除"), None)),
    }
    return render(request, "reports/report_confirm_delete.html", context)


@require_roles(*selectors.DELETE_ROLES)
@require_GET
def report_deleted_list(request: HttpRequest) -> HttpResponse:
    """The reports deleted in the user's towns: who deleted which, when; each with its history."""
    page = Paginator(selectors.deleted_reports(request.user), 50).get_page(request.GET.get("page"))
    context = {"page_obj": page, "breadcrumbs": _crumbs((_("已删除的报告"), None))}
    return render(request, "reports/report_deleted_list.html", context)


@require_roles(*selectors.DELETE_ROLES)
@require_GET
def report_deleted_history(request: HttpRequest, pk: int) -> HttpResponse:
    """The change history of a deleted report (its text is gone; its record is not)."""
    deleted, rows = selectors.deleted_report_history(request.user, pk)
    crumbs = _crumbs((_("已删除的报告"), reverse("reports:deleted")), (deleted.title, None))
    return render(
        request,
        "org/history.html",
        {
            "object": deleted.title,
            "rows": rows,
            "model_name": Report._meta.verbose_name,
            "breadcrumbs": crumbs,
        },
    )


@panel(30)
def home_panel(request: HttpRequest, scope) -> dict | None:
    """Home page: the latest reports the user may read, and the way to add one."""
    if not scope.has(*selectors.READ_ROLES):
        return None
    reports = selectors.report_list(request.user)
    return {
        "key": "reports",
        "title": _("政府工作报告"),
        "template": "reports/partials/home_panel.html",
        "reports": reports[:4],
        "count": reports.count(),
        "can_upload": scope.has(*selectors.UPLOAD_ROLES),
    }
