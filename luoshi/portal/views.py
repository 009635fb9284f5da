"""Portal pages. Public ones need no login and read only through ``selectors`` (policy-filtered dicts);
the management page (publish indicators and reports, review disclosure documents) is for town staff."""

from __future__ import annotations

import io
import json
from functools import wraps

from django.conf import settings
from django.contrib import messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.core.serializers.json import DjangoJSONEncoder
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.cache import patch_cache_control
from django.utils.http import content_disposition_header
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_http_methods, require_POST

from luoshi.cases.services import CaseError, case_create
from luoshi.lib import ratelimit
from luoshi.lib.export import csv_writer
from luoshi.lib.params import int_param
from luoshi.org.replica import reading_replica
from luoshi.org.scoping import require_roles, visible
from luoshi.portal import selectors, services
from luoshi.portal.forms import DisclosureRequestForm, DocumentForm
from luoshi.portal.models import DisclosureDocument


def public_page(view):
    """A public page may be kept by browsers and shared caches for five minutes, as seen by a visitor
    without a login. Signed-in staff get the same page with their name, menu and CSRF token in it:
    that copy is ``private``, never stored by a shared cache."""

    @wraps(view)
    def wrapped(request, *args, **kwargs):
        response = view(request, *args, **kwargs)
        if request.user.is_authenticated:
            patch_cache_control(response, private=True, max_age=0)
        else:
            patch_cache_control(response, public=True, max_age=300)
        return response

    return wrapped


def _crumbs(area=None, *tail):
    out = [(_("政务公开"), reverse("portal:index"))]
    if area is not None:
        out.append((area.name, reverse("portal:area", args=[area.code]) if tail else None))
    return [*out, *tail]


def _page(request, template, area, title, **context):
    crumbs = _crumbs(area, (title, None)) if area is not None else _crumbs()
    return render(
        request, f"portal/{template}", {"area": area, "title": title, "breadcrumbs": crumbs, **context}
    )


@require_GET
@public_page
def index(request: HttpRequest) -> HttpResponse:
    return render(request, "portal/index.html", {"areas": selectors.areas(), "breadcrumbs": _crumbs()})


@require_GET
@public_page
def area(request: HttpRequest, code: str) -> HttpResponse:
    a = selectors.area_or_404(code)
    context = {
        "area": a,
        "reports": selectors.report_list(a),
        "datasets": selectors.datasets().values(),
        "breadcrumbs": _crumbs(a),
    }
    return render(request, "portal/area.html", context)


@require_GET
@public_page
def report(request: HttpRequest, pk: int) -> HttpResponse:
    r = selectors.report_or_404(pk)
    a = selectors.area_or_404(r.town.code)
    view = selectors.report_view(r)
    return _page(request, "report.html", a, view["report"]["title"], **view)


@require_GET
@public_page
def targets(request: HttpRequest, code: str) -> HttpResponse:
    a = selectors.area_or_404(code)
    context = {"targets": selectors.target_rows(a), "indicators": selectors.indicator_rows(a)}
    return _page(request, "targets.html", a, _("年度目标"), **context)


@require_GET
@public_page
def projects(request: HttpRequest, code: str) -> HttpResponse:
    a = selectors.area_or_404(code)
    return _page(request, "projects.html", a, _("重点项目"), projects=selectors.project_rows(a))


@require_GET
@public_page
def livelihood(request: HttpRequest, code: str) -> HttpResponse:
    a = selectors.area_or_404(code)
    return _page(request, "livelihood.html", a, _("民生实事"), rounds=selectors.livelihood(a))


@require_GET
@public_page
def cases(request: HttpRequest, code: str) -> HttpResponse:
    a = selectors.area_or_404(code)
    this_year = timezone.localdate().year
    year = int_param(request.GET.get("year"), "year") or this_year
    year = year if this_year - 5 <= year <= this_year else this_year
    with reading_replica():
        stats = selectors.case_stats(a, year)
    context = {
        "stats": stats,
        "public_cases": selectors.public_case_rows(a),
        "years": range(this_year, this_year - 3, -1),
        "k": selectors.suppress.K,
    }
    return _page(request, "cases.html", a, _("诉求办理"), **context)


@require_GET
@public_page
def disclosure(request: HttpRequest, code: str) -> HttpResponse:
    a = selectors.area_or_404(code)
    year = timezone.localdate().year
    context = {"items": selectors.catalogue(a), "annual": selectors.disclosure_report(a, year - 1)}
    return _page(request, "disclosure.html", a, _("主动公开目录"), **context)


@require_GET
@public_page
def document(request: HttpRequest, pk: int) -> HttpResponse:
    doc = selectors.document_or_404(pk)
    return _page(request, "document.html", None, doc["title"], doc=doc)


@require_GET
@public_page
def document_docx(request: HttpRequest, pk: int) -> HttpResponse:
    """A published document as .docx in the official layout (the annual report is printed and filed)."""
    from luoshi.portal.annual import docx_blocks
    from luoshi.reports.writer.docx import write

    doc = selectors.document_or_404(pk)
    data = write(docx_blocks(doc["title"], doc["body"]), title=doc["title"])
    response = HttpResponse(
        data, content_type="application/vnd.openxmlformats-officedocument.wordprocessingml.document"
    )
    response["Content-Disposition"] = content_disposition_header(True, f"{doc['title']}.docx")
    return response


@require_GET
@public_page
def download(request: HttpRequest, code: str, key: str, fmt: str) -> HttpResponse:
    """One dataset of one area as CSV (UTF-8 with BOM, Chinese headers) or JSON."""
    a = selectors.area_or_404(code)
    ds = selectors.dataset_or_404(key)
    name = f"{a.code}-{ds.key}-{timezone.localdate():%Y%m%d}"
    if fmt == "json":
        body = {
            "area": {"code": a.code, "name": a.name},
            "dataset": ds.key,
            "title": str(ds.title),
            "fields": [{"key": k, "label": str(label)} for k, label in ds.columns],
            "rows": [{k: r.get(k) for k, _l in ds.columns} for r in ds.rows(a)],
        }
        text = json.dumps(body, ensure_ascii=False, cls=DjangoJSONEncoder, indent=1)
        resp = HttpResponse(text, content_type="application/json; charset=utf-8")
    else:
        header, rows = selectors.dataset_table(a, ds)
        buf = io.StringIO()
        buf.write("\ufeff")  # BOM: Excel and WPS open UTF-8 as such
        writer = csv_writer(buf)
        writer.writerow(header)
        writer.writerows(rows)
        resp = HttpResponse(buf.getvalue(), content_type="text/csv; charset=utf-8")
    resp["Content-Disposition"] = f'attachment; filename="{name}.{fmt}"'
    return resp


# --- Staff: what the town publishes ---------------------------------------------------------------


@require_roles(*selectors.MANAGERS)
@require_GET
def manage(request: HttpRequest) -> HttpResponse:
    towns = selectors.managed_towns(request.user)
    town = selectors.managed_town(request.user, request.GET.get("town"), towns)
    year = int_param(request.GET.get("annual"), "annual")
    # 起草年度报告: the new-document form pre-filled with the annual report drafted from the records
    initial = selectors.annual_draft(town, year) if town is not None and year is not None else None
    context = {
        "towns": towns,
        "town": town,
        "form": DocumentForm(user=request.user, initial=initial),
        "annual_years": selectors.annual_years(),
        "annual_year": year,
        "breadcrumbs": [(_("首页"), "/"), (_("公开管理"), None)],
        **selectors.manage_context(request.user, town),
    }
    return render(request, "portal/manage.html", context)


def _back(request, town_id=None):
    url = reverse("portal:manage")
    return redirect(f"{url}?town={town_id}" if town_id else url)


@require_roles(*selectors.MANAGERS)
@require_POST
def manage_publish(request: HttpRequest) -> HttpResponse:
    """Publish or take down an indicator or a report (``what`` = indicator | report)."""
    town = selectors.managed_town(
        request.user, request.POST.get("town"), selectors.managed_towns(request.user)
    )
    if town is None:
        return _back(request)
    public = request.POST.get("public") == "1"
    pk = int_param(request.POST.get("pk"), "pk")
    what = "report" if request.POST.get("what") == "report" else "indicator"
    if what == "report":
        obj = selectors.manageable_report(request.user, town, pk)
    else:
        obj = selectors.manageable_indicator(town, pk)
    if public and request.POST.get("confirm") != "1":
        hidden = {"town": town.pk, "what": what, "pk": pk, "public": "1"}
        return _confirm(
            request, selectors.publish_preview(town, obj), reverse("portal:manage_publish"), hidden
        )
    if what == "report":
        services.report_publish(report=obj, public=public, by=request.user)
    else:
        services.indicator_publish(town=town, indicator=obj, public=public, by=request.user)
    messages.success(request, _("已公开。") if public else _("已取消公开。"))
    return _back(request, town.pk)


def _confirm(request, preview: dict, action: str, hidden: dict) -> HttpResponse:
    """Publishing is confirmed on a page of its own (so also without JavaScript): a POST without
    ``confirm=1`` shows what would become public and to whom, and publishes nothing."""
    context = {
        "preview": preview,
        "action": action,
        "hidden": hidden.items(),
        "cancel": reverse("portal:manage") + (f"?town={preview['town'].pk}" if preview["town"] else ""),
        "breadcrumbs": [(_("首页"), "/"), (_("公开管理"), reverse("portal:manage")), (_("确认公开"), None)],
    }
    return render(request, "portal/confirm_publish.html", context)


@require_roles(*selectors.MANAGERS)
@require_POST
def document_new(request: HttpRequest) -> HttpResponse:
    form = DocumentForm(request.POST, user=request.user)
    if form.is_valid():
        try:
            services.document_create(by=request.user, **form.cleaned_data)
        except ValidationError as exc:
            messages.error(request, "；".join(exc.messages))
        else:
            messages.success(request, _("已保存草稿。"))
        item = form.cleaned_data["item"]
        return _back(request, item.town_id)
    messages.error(
        request, "；".join(f"{form.fields[k].label}：{' '.join(v)}" for k, v in form.errors.items())
    )
    return _back(request)


@require_roles(*selectors.MANAGERS)
@require_POST
def document_action(request: HttpRequest, pk: int, action: str) -> HttpResponse:
    doc = get_object_or_404(visible(DisclosureDocument, request.user).select_related("item"), pk=pk)
    if action == "publish" and request.POST.get("confirm") != "1":
        if not services.can_manage_item(request.user, doc.item):
            raise PermissionDenied
        return _confirm(request, selectors.publish_preview(doc.item.town, doc), request.path, {})
    try:
        services.document_move(
            document=doc, action=action, by=request.user, note=request.POST.get("note", "")
        )
    except ValidationError as exc:
        messages.error(request, "；".join(exc.messages))
    else:
        messages.success(request, _("已处理。"))
    return _back(request, doc.item.town_id)


@require_http_methods(["GET", "POST"])
def disclosure_request(request: HttpRequest) -> HttpResponse:
    """依申请公开 without login: a case of the ``disclosure`` type (20 + 20 working days), tracked by code."""
    form = DisclosureRequestForm(request.POST or None)
    context = {"form": form, "breadcrumbs": _crumbs(None, (_("申请政府信息公开"), None))}
    if request.method == "POST" and form.is_valid():
        wait = ratelimit.hit(
            f"public_new:{ratelimit.client_ip(request)}", settings.PUBLIC_FORM_PER_HOUR, 3600
        )
        if wait:
            form.add_error(None, _("提交过于频繁，请一小时后再试。"))
            response = render(request, "portal/request.html", context, status=429)
            response["Retry-After"] = str(wait)
            return response
        data = {k: v for k, v in form.cleaned_data.items() if k != "website"}
        if form.cleaned_data.get("website"):
            return redirect("portal:request")
        try:
            case = case_create(
                case_type=selectors.DISCLOSURE_TYPE,
                actor=None,
                actor_label=_("申请人（网上提交）"),
                channel="online",
                category="info",
                **data,
            )
        except CaseError as exc:
            form.add_error(None, str(exc))
        else:
            return redirect(reverse("cases:track", args=[case.tracking_code]) + "?new=1")
    return render(request, "portal/request.html", context)


# Similar-case look-ups a client may make per hour (one per change of the description).
SIMILAR_PER_HOUR = 120


@require_POST
def similar(request: HttpRequest) -> HttpResponse:
    """相似诉求 while the resident fills in the public form (htmx): up to 3 published cases alike,
    rate-limited per client. POST, so the draft text never lands in URLs or access logs."""
    wait = ratelimit.hit(f"portal_similar:{ratelimit.client_ip(request)}", SIMILAR_PER_HOUR, 3600)
    if wait:
        response = render(request, "portal/partials/similar.html", {"limited": True}, status=429)
        response["Retry-After"] = str(wait)
        return response
    post = request.POST
    matches = selectors.similar_published(
        town=post.get("town", ""),
        village=post.get("village", ""),
        category=post.get("category", ""),
        title=post.get("title", "")[:100],
        content=post.get("content", "")[:2000],
    )
    return render(request, "portal/partials/similar.html", {"matches": matches})
