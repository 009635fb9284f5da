"""Indicator pages: the catalogue, one indicator, a value's provenance, entering and importing values."""

from __future__ import annotations

from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.http import FileResponse, Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_http_methods

from luoshi.accounts import forms, imports, periods, services
from luoshi.accounts import selectors as sel
from luoshi.accounts.models import Source
from luoshi.lib import import_views
from luoshi.org.roles import Role
from luoshi.org.scoping import require_roles, scope_of

MANAGERS = (Role.OFFICE, Role.LEADER)


def _crumbs(*tail):
    """The trail; a crumb is a label, or a (label, url) pair for one that links."""
    crumbs = [t if isinstance(t, tuple) else (t, None) for t in tail]
    return [(_("首页"), "/"), (_("指标库"), reverse("accounts:catalogue")), *crumbs]


def _year(request) -> int:
    text = request.GET.get("year", "")
    year = int(text) if text.isdecimal() else timezone.localdate().year
    return year if 2000 <= year <= 2100 else timezone.localdate().year


@require_roles(*sel.READERS)
@require_GET
def catalogue(request: HttpRequest) -> HttpResponse:
    towns = sel.towns_for(request.user)
    town_id = request.GET.get("town", "")
    town = towns.filter(pk=int(town_id)).first() if town_id.isdecimal() else towns.first()
    year = _year(request)
    source = request.GET.get("source", "")
    q = request.GET.get("q", "").strip()
    indicators = sel.indicators_for(request.user).filter(is_active=True)
    if source in Source.values:
        indicators = indicators.filter(source=source)
    if q:
        indicators = indicators.filter(name__icontains=q) | indicators.filter(code__icontains=q)
    now = timezone.now()
    rows = [
        (i, sel.latest_in_year(i, town, year, now) if town else None)
        for i in indicators.order_by("source", "code")
    ]
    s = scope_of(request.user)
    return render(
        request,
        "accounts/catalogue.html",
        {
            "rows": rows,
            "towns": towns,
            "town": town,
            "year": year,
            "source": source,
            "q": q,
            "sources": Source.choices,
            "can_enter": s.has(*sel.ENTERERS),
            "can_add": s.has(*MANAGERS),
            "breadcrumbs": _crumbs(),
        },
    )


@require_roles(*sel.READERS)
@require_GET
def indicator_detail(request: HttpRequest, code: str) -> HttpResponse:
    indicator = sel.indicator_for(request.user, code)
    year = _year(request)
    now = timezone.now()
    towns = sel.towns_for(request.user)
    if indicator.town_id:
        towns = towns.filter(pk=indicator.town_id)
    figures = [sel.latest_in_year(indicator, t, year, now) for t in towns]
    return render(
        request,
        "accounts/indicator.html",
        {
            "indicator": indicator,
            "figures": figures,
            "versions": indicator.history.select_related("history_user").order_by("-history_date")[:20],
            "year": year,
            "can_enter": scope_of(request.user).has(*sel.ENTERERS) and not indicator.is_computed,
            "breadcrumbs": _crumbs(indicator.name),
        },
    )


@require_roles(*sel.READERS)
@require_GET
def provenance(request: HttpRequest, code: str, town: int, period: str) -> HttpResponse:
    indicator = sel.indicator_for(request.user, code)
    town_obj = sel.town_for(request.user, town)
    try:
        p = periods.parse(period)
    except periods.PeriodError as exc:
        raise Http404("bad period") from exc
    fig = sel.figure(indicator, town_obj, p)
    prov = sel.provenance(request.user, fig, request.GET.get("page"))
    return render(
        request,
        "accounts/provenance.html",
        {
            "fig": fig,
            "prov": prov,
            "indicator": indicator,
            "town": town_obj,
            "can_enter": sel.can_enter(request.user, indicator, town_obj),
            "breadcrumbs": _crumbs(
                (indicator.name, reverse("accounts:indicator", args=[indicator.code])),
                f"{town_obj} {fig.period_display}",
            ),
        },
    )


@require_roles(*sel.ENTERERS)
@require_http_methods(["GET", "POST"])
def value_new(request: HttpRequest) -> HttpResponse:
    initial = {k: request.GET.get(k) for k in ("town", "period") if request.GET.get(k)}
    form = forms.ValueForm(
        request.POST or None, request.FILES or None, towns=sel.enterable_towns(request.user), initial=initial
    )
    if request.GET.get("indicator") and not request.POST:
        form.initial["indicator"] = (
            form.fields["indicator"].queryset.filter(code=request.GET["indicator"]).first()
        )
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        if not sel.can_enter(request.user, data["indicator"], data["town"]):
            raise PermissionDenied
        try:
            row = services.value_record(
                indicator=data["indicator"],
                town=data["town"],
                period=data["period"],
                value=data["value"],
                source_document=data["source_document"],
                note=data["note"],
                evidence=data["evidence"],
                by=request.user,
            )
        except services.AccountsError as exc:
            form.add_error(exc.field if exc.field in form.fields else None, exc.message)
        else:
            messages.success(request, _("已保存。"))
            return redirect("accounts:provenance", row.indicator.code, row.town_id, row.period)
    return render(
        request,
        "accounts/value_form.html",
        {"form": form, "breadcrumbs": _crumbs(_("填报数值"))},
        status=400 if form.errors else 200,
    )


@require_roles(*sel.READERS)
@require_GET
def evidence(request: HttpRequest, pk: int) -> FileResponse:
    row = sel.value_for(request.user, pk)
    if not row.evidence:
        raise Http404("no file")
    try:
        handle = row.evidence.open("rb")
    except OSError as exc:
        raise Http404("file missing") from exc
    return FileResponse(handle, as_attachment=True, filename=row.evidence.name.rsplit("/", 1)[-1])


@require_roles(*MANAGERS)
@require_http_methods(["GET", "POST"])
def indicator_new(request: HttpRequest) -> HttpResponse:
    """A town adds its own indicator when nothing in the county catalogue fits."""
    s = scope_of(request.user)
    towns = (
        sel.enterable_towns(request.user).filter(pk__in=s.town_ids)
        if not s.is_admin
        else sel.towns_for(request.user)
    )
    form = forms.IndicatorForm(request.POST or None)
    town = towns.first()
    if request.method == "POST" and form.is_valid() and town is not None:
        data = {k: v for k, v in form.cleaned_data.items() if k != "aliases_text"}
        try:
            ind = services.indicator_create(
                town=town, aliases=form.cleaned_data["aliases_text"], by=request.user, **data
            )
        except services.AccountsError as exc:
            form.add_error(exc.field if exc.field in form.fields else None, exc.message)
        else:
            messages.success(request, _("已添加本镇指标。"))
            return redirect("accounts:indicator", ind.code)
    return render(
        request,
        "accounts/indicator_form.html",
        {"form": form, "town": town, "breadcrumbs": _crumbs(_("添加本镇指标"))},
        status=400 if form.errors else 200,
    )


# --- Excel import: upload → dry run (every problem) → commit (all or nothing) ----------------------


class _ValuesImport(import_views.ImportFlow):
    kind = "indicator_values"
    upload_template = "accounts/import_upload.html"
    check_template = "accounts/import_check.html"
    check_url = "accounts:import_check"
    form_class = forms.ImportUploadForm

    def upload_context(self, request, form, **kw):
        return {"form": form, "columns": imports.COLUMNS, "breadcrumbs": _crumbs(_("导入统计数据"))}

    def dry_run(self, request, token, state, **kw):
        rows, problems = imports.check(import_views.read_first_sheet(token), request.user)
        return import_views.DryRun(rows, problems, {"breadcrumbs": _crumbs(_("检查结果"))})

    def commit(self, request, token, state, result, **kw):
        try:
            return imports.commit(result.rows, by=request.user)
        except imports.RowError as exc:
            raise import_views.Refused(exc.message, exc.row) from exc

    def committed(self, request, state, done, **kw):
        messages.success(request, _("已导入 %(n)d 条数值。") % {"n": done})
        return redirect("accounts:catalogue")

    def finished(self, request, state, **kw):
        return redirect("accounts:catalogue")


_values_import = _ValuesImport()
import_upload = _values_import.upload_view(require_roles(*sel.ENTERERS))
import_check = _values_import.check_view(require_roles(*sel.ENTERERS))
import_commit = _values_import.commit_view(require_roles(*sel.ENTERERS))
