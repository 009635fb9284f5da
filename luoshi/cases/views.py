"""Case pages: work queues, intake, detail with htmx transition forms, attachments, export, KPIs, public pages.

Thin views: scoped lookup (``selectors.get_case`` → 404 outside scope), one form, one service call.
"""

from __future__ import annotations

import datetime as dt

from django.conf import settings
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.paginator import Paginator
from django.http import FileResponse, Http404, HttpRequest, HttpResponse, QueryDict
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy as _l
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_GET, require_http_methods, require_POST

from luoshi.cases import config, exports, fragments, kpis, rollup, selectors, services, workflow
from luoshi.cases.forms import (
    AttachmentForm,
    CaseCreateForm,
    FeedbackForm,
    PublicCaseForm,
    SuggestionForm,
    transition_form,
)
from luoshi.cases.models import AttachmentKind, Case, CaseType
from luoshi.lib import ratelimit
from luoshi.lib.masking import mask_name, mask_phone, mask_text
from luoshi.lib.params import BadParameter, date_param
from luoshi.org.audit import history_url
from luoshi.org.models import Grid, Unit, Village
from luoshi.org.navigation import ALL_STAFF
from luoshi.org.replica import reading_replica
from luoshi.org.roles import Role
from luoshi.org.scoping import require_roles, scope_of, visible, visible_towns

PAGE_SIZE = 25
SORT_OPTIONS = [
    ("-received", _l("受理时间↓")),
    ("received", _l("受理时间↑")),
    ("due", _l("截止时间↑")),
    ("-due", _l("截止时间↓")),
]
KPI_ROLES = (Role.COUNTY, Role.LEADER, Role.OFFICE, Role.UNIT)


def _crumbs(*items):
    return [(_("首页"), "/"), (_("案件办理"), reverse("cases:list")), *items]


def _list_params(request: HttpRequest) -> dict:
    params = request.GET.dict()
    params.setdefault("queue", selectors.default_queue(request.user))
    return params


@login_required
@require_GET
def case_list(request: HttpRequest) -> HttpResponse:
    params = _list_params(request)
    if selectors.is_case_number(params.get("q")):
        params["queue"] = "all"  # a typed case number is looked up in every queue, not just the tab
    now = timezone.now()
    work = selectors.work_queues(request.user)
    counts = selectors.queue_counts(request.user, now, keys=work)
    qs, param_errors = _filtered_list(request.user, params, now)
    paginator = Paginator(qs.values(*selectors.ROW_FIELDS), PAGE_SIZE)
    if selectors.is_plain_queue(params) and params["queue"] in counts:
        paginator.count = counts[params["queue"]]  # the badge already counted this queue
    page = paginator.get_page(params.get("page"))
    page.object_list = selectors.case_rows(page.object_list, now)
    if not selectors.sees_phone_numbers(request.user):
        for row in page.object_list:
            row.title = mask_text(row.title)
    scope = scope_of(request.user)
    units = config.active_units(None if scope.is_admin else scope.member_town_ids)
    return render(
        request,
        "cases/list.html",
        {
            "page_obj": page,
            "params": params,
            "param_errors": param_errors,
            "queue_label": str(selectors.QUEUES.get(params["queue"], selectors.QUEUES["all"]).label),
            # a search or filter inside one queue: offer the same search over all of them
            "all_queues_query": _all_queues_query(params),
            "queue_tabs": _queue_tabs(work, counts, params["queue"]),
            "sorts": selectors.SORTS,
            "type_options": [(t.code, t.name) for t in config.active_case_types()],
            "sort_options": SORT_OPTIONS,
            "unit_options": [(str(u.pk), f"{u.town.name}·{u.name}") for u in units],
            "village_options": [
                (str(pk), name)
                for pk, name in visible(Village, request.user).order_by("code").values_list("pk", "name")
            ],
            "can_bulk": scope.has(Role.OFFICE, Role.UNIT, Role.LEADER),
            "kpi_label": kpis.SPECS[params["kpi"]].label if params.get("kpi") in kpis.SPECS else "",
            "breadcrumbs": _crumbs(),
        },
        status=400 if param_errors else 200,
    )


def _filtered_list(user, params: dict, now) -> tuple:
    """The list's query and the filter values it could not use (``{name: message}``): a bad value is
    dropped from ``params`` and named under its field, so the page keeps its form and navigation."""
    errors: dict[str, str] = {}
    for _attempt in range(len(selectors.FILTER_PARAMS) + 1):
        try:
            return selectors.case_list(user, params, now).select_related(None), errors
        except BadParameter as exc:
            if exc.name in errors or not params.get(exc.name):
                raise
            errors[exc.name] = exc.message
            params[exc.name] = ""
    raise AssertionError("unreachable")  # pragma: no cover - each round drops one parameter


def _all_queues_query(params: dict) -> str:
    """The query string of the same filters over 全部, or "" when the list is 全部 or unfiltered."""
    if params.get("queue") == "all" or selectors.is_plain_queue(params):
        return ""
    query = QueryDict(mutable=True)
    query.update({k: v for k, v in params.items() if k not in ("queue", "page") and v})
    query["queue"] = "all"
    return query.urlencode()


def _queue_tabs(work: list[str], counts: dict[str, int], current: str) -> list[tuple]:
    """(key, label, badge count or None, badge class) of each tab: the user's work queues with their
    counts, then the common ones (and the current queue if it is neither); overdue/near-due coloured."""
    alarm = {"overdue": " bad", "near_due": " warn"}
    keys = [*work, *(k for k in selectors.COMMON_QUEUES if k not in work)]
    if current in selectors.QUEUES and current not in keys:
        keys.insert(len(work), current)
    return [
        (
            key,
            str(selectors.QUEUES[key].label),
            counts.get(key),
            alarm.get(key, "") if counts.get(key) else "",
        )
        for key in keys
    ]


@login_required
@require_GET
@never_cache  # full phone numbers for the roles that call back (docs/privacy.md)
def case_export(request: HttpRequest) -> HttpResponse:
    """The filtered list as .xlsx: the same scoped query as the page; phones masked unless the role needs them."""
    qs = selectors.case_list(request.user, _list_params(request))
    data = exports.cases_xlsx(qs, show_phone=selectors.sees_phone_numbers(request.user))
    name = f"cases-{timezone.localdate():%Y%m%d}.xlsx"
    response = HttpResponse(
        data, content_type="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
    )
    response["Content-Disposition"] = f'attachment; filename="{name}"'
    return response


@require_roles(*ALL_STAFF)
@require_http_methods(["GET", "POST"])
def case_new(request: HttpRequest) -> HttpResponse:
    form = CaseCreateForm(request.POST or None, user=request.user, initial=_intake_initial(request.user))
    if request.method == "POST" and form.is_valid():
        data = {k: v for k, v in form.cleaned_data.items() if not k.startswith("details_")}
        try:
            case = services.case_create(
                actor=request.user, details=form.details(), **{**data, "channel": (data["channel"] or None)}
            )
        except services.CaseError as exc:
            _form_errors(form, exc)
        else:
            messages.success(request, _("已受理，编号 %(n)s。") % {"n": case.number})
            return redirect(case)
    return render(request, "cases/new.html", {"form": form, "breadcrumbs": _crumbs((_("登记案件"), None))})


@require_roles(Role.DEPUTY)
@require_http_methods(["GET", "POST"])
def suggestion_new(request: HttpRequest) -> HttpResponse:
    """提出代表建议: a deputy's phone-first form (title, category, content, co-signing deputies)."""
    form = SuggestionForm(request.POST or None, user=request.user)
    if request.method == "POST" and form.is_valid():
        try:
            case = services.suggestion_file(actor=request.user, **form.cleaned_data)
        except services.CaseError as exc:
            _form_errors(form, exc)
        else:
            messages.success(request, _("建议已提交，编号 %(n)s。") % {"n": case.number})
            return redirect(case)
    return render(
        request,
        "cases/suggestion_new.html",
        {"form": form, "breadcrumbs": [(_("首页"), "/"), (_("提出建议"), None)]},
    )


@login_required
@require_POST
def suggestion_rate(request: HttpRequest, pk: int) -> HttpResponse:
    """The deputy rates the reply from their home page (the same service as 回访评价); back home."""
    case = selectors.get_case(request.user, pk)
    form = transition_form("feedback", case, request.POST)
    if not form.is_valid():
        messages.error(request, _("请选择评价。"))
        return redirect("home")
    try:
        services.case_feedback(case=case, actor=request.user, **form.cleaned_data)
    except services.CaseError as exc:
        messages.error(request, exc.message)
    else:
        messages.success(request, _("评价已提交：%(n)s。") % {"n": case.number})
    return redirect("home")


def _intake_initial(user) -> dict:
    """Pre-fill from what the system knows: the grid worker's grid and village, the user's town."""
    scope = scope_of(user)
    initial: dict = {}
    if len(scope.member_town_ids) == 1:
        initial["town"] = next(iter(scope.member_town_ids))
    if len(scope.grid_ids) == 1:
        grid = Grid.objects.get(pk=next(iter(scope.grid_ids)))
        initial.update(
            grid=grid.pk, village=grid.village_id, case_type=CaseType.objects.filter(code="grid").first()
        )
    elif len(scope.village_ids) == 1:
        initial["village"] = next(iter(scope.village_ids))
    return initial


def _form_errors(form, exc: services.CaseError) -> None:
    shown = [str(m) for f, m in exc.errors.items() if f in form.fields]
    if str(exc.message) not in shown:  # said under its field already: not a second time on top
        form.add_error(None, exc.message)
    for field, message in exc.errors.items():
        if field in form.fields:
            form.add_error(field, message)


def _action(request: HttpRequest, case: Case, t, form=None, open_: bool = False) -> dict:
    """One action of the panel with its form built (the merge form pays for the duplicate search)."""
    candidates = None
    if form is None:
        candidates = selectors.duplicate_candidates(case, request.user) if t.name == "merge" else None
        form = transition_form(t.name, case, candidates=candidates)
    return {
        "t": t,
        "label": workflow.action_label(t, case),
        "form": form,
        "open": open_,
        "candidates": candidates,
        "replies": selectors.reply_templates(case) if t.name in REPLY_ACTIONS else [],
    }


REPLY_ACTIONS = ("resolve", "self_handle")  # their form offers the 常用回复 (reply templates)


def _panel_context(
    request: HttpRequest,
    case: Case,
    failed: tuple[str, object] | None = None,
    error: str = "",
    opened: str = "",
) -> dict:
    """The case panel. Action forms are built only when shown at once (a failed submission, the one
    action asked for, or the only action): the others load when their button is opened (htmx GET of
    the action's URL, a plain link without JavaScript), so an open case costs about what a closed one does."""
    scope = scope_of(request.user)
    now = timezone.now()
    steps = workflow.available(case, scope, now)
    actions = []
    for t in steps:
        if failed and failed[0] == t.name:
            actions.append(_action(request, case, t, form=failed[1], open_=True))
        elif t.name == opened or len(steps) == 1:
            actions.append(_action(request, case, t, open_=True))
        else:
            actions.append({"t": t, "label": workflow.action_label(t, case), "form": None})
    only_assisting = selectors.only_assisting(case, request.user)
    show_phone = selectors.sees_phone_numbers(request.user) and not only_assisting
    probe = fragments.probe(case)  # read timeline, attachments and co-units only when there are some
    return {
        "case": case,
        "actions": actions,
        "review": workflow.review_summary(case, now),
        "review_events": selectors.review_timeline(case) if case.review_level else [],
        "error": error,
        "timeline_html": fragments.timeline(case, mask=not show_phone, last_event_id=probe.last_event_id),
        "attachments": selectors.case_attachments(case) if probe.has_attachments else [],
        "assists": selectors.case_assists(case) if probe.has_assists else [],
        "cosigners": selectors.case_cosigners(case) if case.case_type.filed_by_deputies else [],
        "phone": case.contact_phone if show_phone else mask_phone(case.contact_phone),
        "mask": not show_phone,  # free text is masked by the same decision as the phone field
        # the upload form's kinds (its markup is in the page: building the form cost a fifth of this)
        "attachment_kinds": AttachmentKind.choices if case.stage != "closed" else None,
        # the audit page checks the plain scope: no link for co-unit staff; it is a staff page
        "history_url": "" if only_assisting or not scope.is_staff_member else history_url(case),
        "now": now,
    }


@login_required
@require_GET
@never_cache  # full phone numbers for the roles that call back (docs/privacy.md)
def case_detail(request: HttpRequest, pk: int) -> HttpResponse:
    case = selectors.get_case(request.user, pk)
    ctx = _panel_context(request, case)
    ctx["breadcrumbs"] = _crumbs((case.number, None))
    return render(request, "cases/detail.html", ctx)


@login_required
@require_GET
@never_cache  # full phone numbers for the roles that call back (docs/privacy.md)
def action_form(request: HttpRequest, pk: int, name: str) -> HttpResponse:
    """One action's form, when its button is opened: the fragment for htmx, else the case page with
    that form open. 404 for a step the user may not take on this case now (as the POST refuses it)."""
    case = selectors.get_case(request.user, pk)
    step = next((t for t in workflow.available(case, scope_of(request.user)) if t.name == name), None)
    if step is None:
        raise Http404
    if request.htmx:
        ctx = {"case": case, "a": _action(request, case, step, open_=True)}
        return render(request, "cases/partials/action_form.html", ctx)
    ctx = _panel_context(request, case, opened=name)
    ctx["breadcrumbs"] = _crumbs((case.number, None))
    return render(request, "cases/detail.html", ctx)


@login_required
@require_http_methods(["GET", "POST"])
@never_cache  # full phone numbers for the roles that call back (docs/privacy.md)
def case_action(request: HttpRequest, pk: int, name: str) -> HttpResponse:
    if request.method == "GET":
        return action_form(request, pk, name)
    case = selectors.get_case(request.user, pk)
    if name not in workflow.TRANSITIONS:
        raise Http404
    form = transition_form(name, case, request.POST)
    error, status = "", 200
    if form.is_valid():
        try:
            services.case_transition(
                name=name,
                case=case,
                actor=request.user,
                **_service_kwargs(name, form.cleaned_data, request.user),
            )
        except services.CaseError as exc:
            error, status = exc.message, _STATUS.get(type(exc), 400)
            _form_errors(form, exc)
    else:
        error, status = _("请检查填写的内容。"), 400
    if not request.htmx:
        (messages.error if error else messages.success)(
            request, error or _("已%(a)s。") % {"a": workflow.TRANSITIONS[name].label}
        )
        return redirect(case)
    case = selectors.get_case(request.user, pk)
    ctx = _panel_context(request, case, failed=(name, form) if error else None, error=error)
    ctx["done"] = "" if error else workflow.TRANSITIONS[name].label
    return render(request, "cases/partials/panel.html", ctx, status=status)


_STATUS = {services.NotAllowed: 403, services.Conflict: 409, services.Invalid: 400}


def _service_kwargs(name: str, data: dict, user) -> dict:
    kwargs = dict(data)
    if name == "merge":
        # a typed number wins over the picked candidate; either way only a case the user can see
        typed, picked = (kwargs.pop("into") or "").strip(), (kwargs.pop("candidate", "") or "").strip()
        number = typed or picked
        kwargs["into"] = selectors.base_queryset(user).filter(number=number).first() if number else None
    if name == "feedback":
        kwargs["channel"] = "phone"
    return kwargs


@login_required
@require_POST
def attachment_upload(request: HttpRequest, pk: int) -> HttpResponse:
    case = selectors.get_case(request.user, pk)
    form = AttachmentForm(request.POST, request.FILES)
    if form.is_valid():
        try:
            services.attachment_add(
                case=case, actor=request.user, file=form.cleaned_data["file"], kind=form.cleaned_data["kind"]
            )
            messages.success(request, _("附件已上传。"))
        except services.CaseError as exc:
            messages.error(request, exc.message)
    else:  # say what is wrong with the file: none chosen, or an empty one
        messages.error(
            request, next(iter(form.errors.get("file") or form.errors.get("kind") or [_("请选择文件。")]))
        )
    return redirect(case)


@login_required
@require_GET
def attachment_download(request: HttpRequest, pk: int) -> FileResponse:
    """Files are served only here, after the scope check on their case (never from MEDIA_URL)."""
    att = selectors.get_attachment(request.user, pk)
    inline = att.content_type.startswith("image/") or att.content_type == "application/pdf"
    response = FileResponse(
        att.file.open("rb"), content_type=att.content_type, as_attachment=not inline, filename=att.name
    )
    response["X-Content-Type-Options"] = "nosniff"
    return response


@login_required
@require_POST
def case_bulk(request: HttpRequest) -> HttpResponse:
    """批量签收 / 批量派单 / 批量催办 on the selected cases the user can see; each through its service."""
    action = request.POST.get("action", "")
    if action not in ("sign", "dispatch", "urge"):
        raise Http404
    ids = [int(i) for i in request.POST.getlist("ids") if i.isdecimal() and len(i) < 19]
    nxt = request.POST.get("next", "")
    nxt = nxt if nxt.startswith("/cases/") else reverse("cases:list")
    if not ids:
        messages.error(request, _("请先勾选案件。"))
        return redirect(nxt)
    cases = list(selectors.base_queryset(request.user).filter(pk__in=ids))
    kwargs = {}
    if action == "dispatch":
        unit = Unit.objects.filter(
            pk=request.POST.get("unit") or 0, town__in=visible_towns(request.user)
        ).first()
        if unit is None:
            messages.error(request, _("请选择承办站所。"))
            return redirect(nxt)
        kwargs["unit"] = unit
    done, failed = services.case_bulk(name=action, cases=cases, actor=request.user, **kwargs)
    messages.success(request, _("已处理 %(n)s 件。") % {"n": len(done)})
    for case, reason in failed[:10]:
        messages.warning(request, f"{case.number}: {reason}")
    return redirect(nxt)


def _period(params: dict) -> tuple[dt.date, dt.date]:
    today = timezone.localdate()
    start = date_param(params.get("from"), "from") or today.replace(month=1, day=1)
    end = date_param(params.get("to"), "to") or today
    return start, max(start, end)


@require_roles(*KPI_ROLES)
@require_GET
@reading_replica()
def kpi_page(request: HttpRequest) -> HttpResponse:
    params = request.GET.dict()
    start, end = _period(params)
    by = params.get("by") if params.get("by") in ("unit", "village", "type", "month") else "month"
    key = params.get("kpi") if params.get("kpi") in kpis.SPECS else "on_time"
    lo = timezone.make_aware(dt.datetime.combine(start, dt.time.min))
    hi = timezone.make_aware(dt.datetime.combine(end + dt.timedelta(days=1), dt.time.min))
    list_query = f"received_from={start}&received_to={end}&queue=all" + "".join(
        f"&{k}={params[k]}" for k in ("town", "type") if params.get(k)
    )
    # Whole months from the KPI roll-up, the rest from the case table: equal to kpis.all_kpis /
    # kpis.breakdown over the scoped, filtered cases (luoshi.cases.rollup).
    values, rows = rollup.report(
        user=request.user,
        start=lo,
        end=hi,
        key=key,
        by=by,
        town=params.get("town"),
        type_code=params.get("type"),
    )
    for r in rows:
        base = f"{reverse('cases:list')}?{list_query}&kpi={key}&{by if by != 'type' else 'type_id'}={r['id']}"
        r["num_url"], r["den_url"] = base + "&part=num", base + "&part=den"
    return render(
        request,
        "cases/kpi.html",
        {
            "values": values,
            "rows": rows,
            "by": by,
            "key": key,
            "spec": kpis.SPECS[key],
            "specs": kpis.SPECS,
            "start": start,
            "end": end,
            "params": params,
            "list_query": list_query,
            "chart": {
                "labels": [str(r["name"]) for r in rows],
                "values": [r["rate"] for r in rows],
                "name": str(kpis.SPECS[key].label),
            },
            "towns": visible_towns(request.user),
            "types": CaseType.objects.filter(is_active=True),
            "breadcrumbs": _crumbs((_("办理指标"), None)),
        },
    )


# ---------------------------------------------------------------------------------------------
# public pages (no login)


@require_http_methods(["GET", "POST"])
def public_new(request: HttpRequest) -> HttpResponse:
    form = PublicCaseForm(request.POST or None, request.FILES or None)
    # the form tells what will be published: only if staff publish the 群众反映 type (Open311)
    ctx = {
        "form": form,
        "published": CaseType.objects.filter(code="public", public=True).exists(),
        "map": public_map(),
    }
    if request.method == "POST" and form.is_valid():
        wait = ratelimit.hit(
            f"public_new:{ratelimit.client_ip(request)}", settings.PUBLIC_FORM_PER_HOUR, 3600
        )
        if wait:
            form.add_error(None, _("提交过于频繁，请一小时后再试；急事请拨打 12345 热线。"))
            response = render(request, "cases/public_new.html", ctx, status=429)
            response["Retry-After"] = str(wait)
            return response
        if form.cleaned_data.get("website"):  # a bot filled the hidden field
            return redirect("cases:public_new")
        try:
            case = services.public_case_create(**form.cleaned_data)
        except services.CaseError as exc:
            _form_errors(form, exc)
        else:
            return redirect(reverse("cases:track", args=[case.tracking_code]) + "?new=1")
    return render(request, "cases/public_new.html", ctx)


def public_map() -> dict | None:
    """The map's settings for intake.js, or None: no tile server configured, no Leaflet, no tiles."""
    if not settings.PORTAL_TILE_URL:
        return None
    lat, lng, zoom = (settings.PORTAL_MAP_CENTER.split(",") + ["", "", ""])[:3]
    return {
        "tiles": settings.PORTAL_TILE_URL,
        "attribution": settings.PORTAL_TILE_ATTRIBUTION,
        "subdomains": settings.PORTAL_TILE_SUBDOMAINS,
        "center": [lat.strip(), lng.strip(), zoom.strip()],
    }


# Unknown tracking codes a client may try per hour before every lookup is refused for the rest of
# the hour: the short code (about 40 bits) must not be guessable by trying codes in bulk.
TRACK_MISSES_PER_HOUR = 20


@require_GET
def track_lookup(request: HttpRequest) -> HttpResponse:
    """The 查询办理进度 box: a resident types the short code (or pastes the long one)."""
    code = request.GET.get("code", "").strip()
    error = ""
    if code:
        key = f"track_miss:{ratelimit.client_ip(request)}"
        if ratelimit.exceeded(key, TRACK_MISSES_PER_HOUR, 3600):
            return render(
                request, "cases/track_lookup.html", {"code": code, "error": _too_many()}, status=429
            )
        case = selectors.case_by_tracking_code(code)
        if case is not None:
            return redirect("cases:track", code=case.tracking_code)
        ratelimit.allow(key, TRACK_MISSES_PER_HOUR, 3600)
        error = _("没有找到该查询码对应的诉求，请核对后重新输入。")
    return render(
        request, "cases/track_lookup.html", {"code": code, "error": error}, status=404 if error else 200
    )


def _too_many() -> str:
    return _("查询过于频繁，请一小时后再试；急事请拨打 12345 热线。")


@require_http_methods(["GET", "POST"])
def track(request: HttpRequest, code: str) -> HttpResponse:
    """Follow a case with its tracking code: public labels, masked personal data, online feedback."""
    key = f"track_miss:{ratelimit.client_ip(request)}"
    if ratelimit.exceeded(key, TRACK_MISSES_PER_HOUR, 3600):
        return HttpResponse(_too_many(), status=429, content_type="text/plain; charset=utf-8")
    case = selectors.case_by_tracking_code(code)
    if case is None:
        ratelimit.allow(key, TRACK_MISSES_PER_HOUR, 3600)
        raise Http404
    can_rate = workflow.applies_to(workflow.TRANSITIONS["feedback"], case)
    form = FeedbackForm(request.POST or None, initial={"version": case.version})
    if request.method == "POST" and can_rate and form.is_valid():
        try:
            services.case_feedback(
                case=case,
                actor=None,
                channel="online",
                rating=form.cleaned_data["rating"],
                reason=form.cleaned_data["reason"],
                version=form.cleaned_data["version"],
            )
        except services.CaseError as exc:
            _form_errors(form, exc)
        else:
            messages.success(request, _("感谢您的评价！"))
            return redirect("cases:track", code=code)
    return render(
        request,
        "cases/track.html",
        {
            "case": case,
            "events": selectors.timeline(case, public_only=True),
            "review": workflow.review_summary(case),
            "review_events": selectors.review_timeline(case, public_only=True) if case.review_level else [],
            "form": form if can_rate else None,
            "name": mask_name(case.contact_name),
            "phone": mask_phone(case.contact_phone),
            "new": request.GET.get("new") == "1",
        },
    )
