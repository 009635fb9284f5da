"""Exports (公示, the county's national-system file) and the payment import: the only ways personal
data leaves or enters the ledgers in bulk. Each export is logged in ``ExportLog``."""

from __future__ import annotations

from django.contrib import messages
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_http_methods, require_POST

from luoshi.assistance import exports, forms, imports, services
from luoshi.assistance import selectors as sel
from luoshi.assistance.models import ExportLog
from luoshi.lib import sheets
from luoshi.lib.params import int_param
from luoshi.org.models import Village
from luoshi.org.roles import Role
from luoshi.org.scoping import get_visible_or_404, require_roles, scope_of

NOTICE_ROLES = (Role.VILLAGE, Role.OFFICE, Role.LEADER)


def _crumbs(*tail):
    return [(_("首页"), "/"), (_("防返贫监测"), reverse("assistance:list"))] + [(t, None) for t in tail]


@require_roles(*NOTICE_ROLES)
@require_GET
def notice_export(request: HttpRequest) -> HttpResponse:
    village_id = int_param(request.GET.get("village"), "village")
    village = get_visible_or_404(Village, request.user, pk=village_id) if village_id else None
    rows = sel.notice_rows(request.user, village.pk if village else None)
    towns = {h.town_id for h in rows}
    services.export_log(
        actor=request.user,
        kind=ExportLog.Kind.NOTICE,
        rows=len(rows),
        town=village.town if village else (rows[0].town if len(towns) == 1 else None),
    )
    response = HttpResponse(exports.notice_csv(rows), content_type="text/csv; charset=utf-8")
    response["Content-Disposition"] = 'attachment; filename="gongshi.csv"'
    return response


@require_roles(Role.COUNTY)
@require_http_methods(["GET", "POST"])
def national_export(request: HttpRequest) -> HttpResponse:
    form = forms.NationalExportForm(request.POST or None)
    scope = scope_of(request.user)
    if request.method == "POST" and form.is_valid() and scope.county_ids:
        rows = list(sel.national_rows(request.user))
        log = services.export_log(
            actor=request.user,
            kind=ExportLog.Kind.NATIONAL,
            rows=len(rows),
            county_id=min(scope.county_ids),
            reason=form.cleaned_data["reason"],
        )
        body = exports.national_xlsx(rows, request.user, log)
        response = HttpResponse(
            body, content_type="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
        )
        stamp = timezone.localtime(log.at).strftime("%Y%m%d%H%M")
        response["Content-Disposition"] = f'attachment; filename="national-{stamp}-{log.mark}.xlsx"'
        return response
    return render(
        request,
        "assistance/national_export.html",
        {
            "form": form,
            "count": sel.national_rows(request.user).count(),
            "breadcrumbs": _crumbs(_("全国系统报送")),
        },
        status=400 if form.errors else 200,
    )


# --- payment import: upload → dry run → commit (all or nothing) ----------------------------------


def _job(request, token: str) -> dict:
    state = sheets.owned_job(token, user_id=request.user.pk, kind="assistance_payments")
    if state is None:
        raise Http404("no such import")
    return state


def _dry_run(request, token: str):
    try:
        sheet = sheets.read_sheet(sheets.workdir(token) / "upload.xlsx")
    except sheets.SheetError as exc:
        raise Http404("file gone") from exc
    return imports.check(sheet, request.user)


@require_roles(*sel.PAYMENT_ENTERERS)
@require_http_methods(["GET", "POST"])
def import_upload(request: HttpRequest) -> HttpResponse:
    form = forms.ImportUploadForm(request.POST or None, request.FILES or None)
    if request.method == "POST" and form.is_valid():
        upload = form.cleaned_data["file"]
        token = sheets.new_job(
            upload, {"user_id": request.user.pk, "kind": "assistance_payments", "filename": upload.name[:200]}
        )
        try:
            sheets.read_sheet(sheets.workdir(token) / "upload.xlsx")
        except sheets.SheetError as exc:
            form.add_error("file", str(exc))
        else:
            return redirect("assistance:import_check", token=token)
    return render(
        request,
        "assistance/import_upload.html",
        {"form": form, "columns": imports.COLUMNS, "breadcrumbs": _crumbs(_("导入救助发放"))},
        status=400 if form.errors else 200,
    )


@require_roles(*sel.PAYMENT_ENTERERS)
@require_GET
def import_check(request: HttpRequest, token: str) -> HttpResponse:
    state = _job(request, token)
    if state.get("done") is not None:
        return redirect("assistance:list")
    rows, problems = _dry_run(request, token)
    return render(
        request,
        "assistance/import_check.html",
        {
            "state": state,
            "token": token,
            "rows": rows,
            "problems": problems,
            "breadcrumbs": _crumbs(_("检查结果")),
        },
    )


@require_roles(*sel.PAYMENT_ENTERERS)
@require_POST
def import_commit(request: HttpRequest, token: str) -> HttpResponse:
    state = _job(request, token)
    if state.get("done") is not None:
        return redirect("assistance:list")
    rows, problems = _dry_run(request, token)
    ctx = {
        "state": state,
        "token": token,
        "rows": rows,
        "problems": problems,
        "breadcrumbs": _crumbs(_("检查结果")),
    }
    if problems:
        return render(request, "assistance/import_check.html", ctx, status=400)
    try:
        n = imports.commit(rows, by=request.user, source=state.get("filename", ""))
    except imports.RowError as exc:
        ctx.update(problems=[sheets.Problem(exc.row, "", "", exc.message)], rolled_back=True)
        return render(request, "assistance/import_check.html", ctx, status=400)
    state["done"] = n
    sheets.save_state(token, state)
    (sheets.workdir(token) / "upload.xlsx").unlink(missing_ok=True)
    messages.success(request, _("已导入 %(n)d 条发放记录。") % {"n": n})
    return redirect("assistance:list")
