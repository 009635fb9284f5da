"""Exports (公示, the county's national-system file) and the payment import: the only ways personal
data leaves or enters the ledgers in bulk. Each export is logged in ``ExportLog``."""

from __future__ import annotations

from django.contrib import messages
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_http_methods

from luoshi.assistance import exports, forms, imports, services
from luoshi.assistance import selectors as sel
from luoshi.assistance.models import ExportLog
from luoshi.lib import import_views
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


class _PaymentImport(import_views.ImportFlow):
    kind = "assistance_payments"
    upload_template = "assistance/import_upload.html"
    check_template = "assistance/import_check.html"
    check_url = "assistance:import_check"
    form_class = forms.ImportUploadForm

    def upload_context(self, request, form, **kw):
        return {"form": form, "columns": imports.COLUMNS, "breadcrumbs": _crumbs(_("导入救助发放"))}

    def dry_run(self, request, token, state, **kw):
        rows, problems = imports.check(import_views.read_first_sheet(token), request.user)
        return import_views.DryRun(rows, problems, {"breadcrumbs": _crumbs(_("检查结果"))})

    def commit(self, request, token, state, result, **kw):
        try:
            return imports.commit(result.rows, by=request.user, source=state.get("filename", ""))
        except imports.RowError as exc:
            raise import_views.Refused(exc.message, exc.row) from exc

    def committed(self, request, state, done, **kw):
        messages.success(request, _("已导入 %(n)d 条发放记录。") % {"n": done})
        return redirect("assistance:list")

    def finished(self, request, state, **kw):
        return redirect("assistance:list")


_payment_import = _PaymentImport()
import_upload = _payment_import.upload_view(require_roles(*sel.PAYMENT_ENTERERS))
import_check = _payment_import.check_view(require_roles(*sel.PAYMENT_ENTERERS))
import_commit = _payment_import.commit_view(require_roles(*sel.PAYMENT_ENTERERS))
