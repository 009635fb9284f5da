"""Home, organisation pages and the generic audit-history page."""

from __future__ import annotations

from django.apps import apps
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.core.paginator import Paginator
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import render
from django.utils.translation import gettext as _
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_GET

from luoshi.lib.masking import mask_text
from luoshi.org import home as home_panels
from luoshi.org.audit import history_masked, history_rows, may_see_history
from luoshi.org.models import Grid, Village
from luoshi.org.navigation import ALL_STAFF
from luoshi.org.scoping import get_visible_or_404, require_roles, scope_of, visible, visible_towns


@login_required
@require_GET
def home(request: HttpRequest) -> HttpResponse:
    scope = scope_of(request.user)
    assignments = request.user.roles.select_related("county", "town", "village", "grid", "unit")
    return render(
        request,
        "org/home.html",
        {
            "assignments": assignments,
            "panels": home_panels.panels_for(request, scope),
            "towns": visible_towns(request.user),
        },
    )


@require_roles(*ALL_STAFF)
@require_GET
def village_list(request: HttpRequest) -> HttpResponse:
    villages = visible(Village, request.user).select_related("town").order_by("town__code", "code")
    q = request.GET.get("q", "").strip()
    if q:
        villages = villages.filter(name__icontains=q)
    page = Paginator(villages, 50).get_page(request.GET.get("page"))
    grids = visible(Grid, request.user).filter(village__in=[v.id for v in page.object_list])
    by_village: dict[int, list[Grid]] = {}
    for g in grids:
        by_village.setdefault(g.village_id, []).append(g)
    rows = [(v, by_village.get(v.id, [])) for v in page.object_list]
    template = "org/partials/village_table.html" if request.htmx else "org/village_list.html"
    return render(
        request,
        template,
        {
            "rows": rows,
            "page_obj": page,
            "q": q,
            "breadcrumbs": [(_("首页"), "/"), (_("村(社区)与网格"), None)],
        },
    )


@login_required
@require_GET
@never_cache
def history(request: HttpRequest, app_label: str, model_name: str, pk: int) -> HttpResponse:
    """Audit history of any scoped domain object: who changed what, when."""
    try:
        model = apps.get_model(app_label, model_name)
    except LookupError as exc:
        raise Http404 from exc
    if not hasattr(model, "history") or not hasattr(model, "scope_paths"):
        raise Http404
    obj = get_visible_or_404(model, request.user, pk=pk)
    if not may_see_history(request.user, obj):
        raise PermissionDenied  # no link on the object's page (deputies, co-units): none by URL either
    masked = history_masked(request.user, obj)  # the decision of the object's own page
    name = mask_text(str(obj)) if masked else str(obj)
    return render(
        request,
        "org/history.html",
        {
            "object_name": name,
            "rows": history_rows(obj, user=request.user, masked=masked),
            "model_name": model._meta.verbose_name,
            "breadcrumbs": [(_("首页"), "/"), (name, None), (_("变更记录"), None)],
        },
    )
