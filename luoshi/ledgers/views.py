"""Ledger pages: registers, an item and its history, the phone inspection form, 销号, rankings, points."""

from __future__ import annotations

import datetime as dt

from django.contrib import messages
from django.core.paginator import Paginator
from django.http import Http404, HttpRequest, HttpResponse, JsonResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_http_methods, require_POST

from luoshi.ledgers import exports, imports, layouts, services
from luoshi.ledgers import labels as labels_
from luoshi.ledgers import selectors as sel
from luoshi.ledgers.models import PointEvent, RegisterType
from luoshi.lib import import_views
from luoshi.lib.params import int_param
from luoshi.org.navigation import ALL_STAFF
from luoshi.org.roles import Role
from luoshi.org.scoping import get_visible_or_404, require_roles, visible_towns

STAFF = tuple(ALL_STAFF)
PAGE_SIZE = 50
COUNT_CAP = 1000  # register pages count (and page through) at most this many rows: filters narrow it
POINT_KEEPERS = (Role.VILLAGE, Role.OFFICE, Role.LEADER)


def _crumbs(*tail):
    return [(_("首页"), "/"), (_("台账与巡查"), reverse("ledgers:index"))] + list(tail)


def _register(code: str) -> RegisterType:
    return get_object_or_404(RegisterType, code=code, is_active=True)


@require_roles(*STAFF)
@require_GET
def index(request: HttpRequest) -> HttpResponse:
    types = list(sel.register_types())
    for t in types:
        t.visible_count = sel.items(request.user, t).count()
    return render(
        request,
        "ledgers/index.html",
        {"types": types, "sheets": sel.current_sheets(), "breadcrumbs": _crumbs()},
    )


@require_roles(*STAFF)
@require_GET
def register(request: HttpRequest, code: str) -> HttpResponse:
    rt = _register(code)
    q = request.GET.get("q", "").strip()[:40]
    village = int_param(request.GET.get("village"), "village")
    qs = sel.items(request.user, rt, q=q, village=village)
    if request.GET.get("format") == "csv":
        return exports.register_csv(rt, qs)
    if request.GET.get("format") == "xlsx":
        return _xlsx(request, rt, qs)
    rows = qs.values("pk", "number", "name", "village__name", "owner", "maintainer")  # no model objects
    paginator = Paginator(rows, PAGE_SIZE)
    # bounded: a town may register tens of thousands of lights; counting them all on every page view
    # costs more than the page itself, so the count stops at COUNT_CAP and the pages with it
    paginator.count = qs.order_by()[:COUNT_CAP].count()
    page = paginator.get_page(request.GET.get("page"))
    layout = rt.layout or {}
    sheet = sel.current_sheet(layout["sheet"]) if layout.get("rows") == "inspections" else None
    return render(
        request,
        "ledgers/register.html",
        {
            "rt": rt,
            "page_obj": page,
            "capped": paginator.count >= COUNT_CAP,
            "item_base": reverse("ledgers:item", args=[0])[:-2],  # one reverse() instead of one per row
            "q": q,
            "export_title": layout.get("title") or rt.name,
            "export_periods": sel.periods_of(sheet, timezone.localdate()),
            "breadcrumbs": _crumbs((rt.name, None)),
        },
    )


def _xlsx(request, rt, qs) -> HttpResponse:
    """The register in the layout its ledger is kept in (``RegisterType.layout``)."""
    period = request.GET.get("period", "").strip()[:8]
    towns = visible_towns(request.user).order_by("code").values_list("name", flat=True)[:3]
    body = layouts.workbook(
        rt, qs, request.user, town_label="、".join(towns), period=period, today=timezone.localdate()
    )
    response = HttpResponse(
        body, content_type="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
    )
    name = f"{rt.code}-{period}.xlsx" if period else f"{rt.code}.xlsx"
    response["Content-Disposition"] = f'attachment; filename="{name}"'
    return response


@require_roles(*STAFF)
@require_GET
def labels(request: HttpRequest, code: str) -> HttpResponse:
    """Printable A4 sheet of QR labels (the item's URL, with its number after ``#n=``) for posting on
    lamp posts, river sections, forest plots: scanned by the inspection form or any phone camera."""
    rt = _register(code)
    q = request.GET.get("q", "").strip()[:40]
    village = int_param(request.GET.get("village"), "village")
    page = Paginator(sel.items(request.user, rt, q=q, village=village), labels_.PER_PAGE).get_page(
        request.GET.get("page")
    )
    return render(
        request,
        "ledgers/labels.html",
        {
            "rt": rt,
            "page_obj": page,
            "q": q,
            "labels": labels_.labels(request, page.object_list),
            "breadcrumbs": _crumbs(
                (rt.name, reverse("ledgers:register", args=[rt.code])), (_("二维码标签"), None)
            ),
        },
    )


@require_roles(*STAFF)
@require_GET
def item(request: HttpRequest, pk: int) -> HttpResponse:
    obj = sel.get_item(request.user, pk)
    rt = obj.register_type
    attrs = [(a["label"], obj.attributes.get(a["key"], "")) for a in rt.attributes or []]
    return render(
        request,
        "ledgers/item.html",
        {
            "item": obj,
            "rt": rt,
            "attrs": attrs,
            "history": sel.item_history(obj),
            "open_problems": sel.open_problems(obj),
            "sheets": rt.sheets.filter(is_current=True),
            "breadcrumbs": _crumbs(
                (rt.name, reverse("ledgers:register", args=[rt.code])), (obj.number, None)
            ),
        },
    )


@require_roles(*STAFF)
@require_POST
def problem_close(request: HttpRequest, pk: int, problem: int) -> HttpResponse:
    obj = sel.get_item(request.user, pk)
    p = get_object_or_404(obj.problems.select_related("case__case_type"), pk=problem)
    try:
        case = services.problem_close(
            actor=request.user,
            problem=p,
            photo=request.FILES.get("photo"),
            reply=request.POST.get("reply", ""),
        )
    except services.LedgerError as exc:
        messages.error(request, exc.message)
    else:
        messages.success(request, _("已销号。") if case.stage == "closed" else _("已整改，待复查销号。"))
    return redirect("ledgers:item", pk=obj.pk)


@require_roles(*STAFF)
@require_http_methods(["GET", "POST"])
def inspect(request: HttpRequest, code: str) -> HttpResponse:
    """The phone form: type or pick the item number, tick what fails, add photos; a draft survives a
    lost connection in the browser (static/ledgers/inspect.js) and is sent again with the same token."""
    sheet = sel.current_sheet(code)
    if sheet is None:
        raise Http404("no such sheet")
    errors: dict = {}
    done = None
    if request.method == "POST":
        number = request.POST.get("number", "")[:40]
        target = sel.item_by_number(request.user, sheet.register_type, number) if number.strip() else None
        try:
            if target is None:
                raise services.LedgerError(
                    _("找不到编号为“%(n)s”的对象。") % {"n": number.strip()}, {"number": _("编号不存在")}
                )
            failed = [int(f) for f in request.POST.getlist("failed") if f.isdecimal() and len(f) < 12]
            done = services.inspection_submit(
                actor=request.user,
                item=target,
                sheet=sheet,
                failed=failed,
                photos=request.FILES.getlist("photos"),
                note=request.POST.get("note", ""),
                latitude=request.POST.get("latitude") or None,
                longitude=request.POST.get("longitude") or None,
                client_token=_token(request.POST.get("client_token", "")),
            )
        except services.LedgerError as exc:
            errors = {"message": exc.message, **exc.fields}
        if request.headers.get("X-Requested-With") == "fetch":
            if errors:
                return JsonResponse({"ok": False, "error": errors["message"]}, status=400)
            message = _("%(n)s 已提交：%(s)s / %(m)s 分。") % {
                "n": done.item.number,
                "s": done.score,
                "m": done.max_score,
            }
            if done.problems.exists():
                message += _("不合格项已转为案件。")
            return JsonResponse({"ok": True, "message": message})
    return render(
        request,
        "ledgers/inspect.html",
        {
            "sheet": sheet,
            "criteria": sheet.criteria.all(),
            "errors": errors,
            "done": done,
            "known": sel.items(request.user, sheet.register_type).values_list("number", flat=True)[:300],
            "breadcrumbs": _crumbs((sheet.name, None)),
        },
        status=400 if errors else 200,
    )


def _token(text: str):
    import uuid

    try:
        return uuid.UUID(text) if text else None
    except ValueError:
        return None


@require_roles(*STAFF)
@require_GET
def ranking(request: HttpRequest) -> HttpResponse:
    sheets_ = list(sel.current_sheets().exclude(register_type__kind="household"))
    code = request.GET.get("sheet") or (sheets_[0].code if sheets_ else "")
    town_ids = list(sel.ranking_towns(request.user).values_list("id", flat=True))
    periods = sel.periods_of(next((s for s in sheets_ if s.code == code), None), timezone.localdate())
    period = request.GET.get("period", "")[:8] or (periods[0] if periods else "")
    return render(
        request,
        "ledgers/ranking.html",
        {
            "sheets": sheets_,
            "code": code,
            "periods": periods,
            "period": period,
            "villages": sel.village_ranking(request.user, code, period, town_ids),
            "contractors": sel.contractor_ranking(request.user, code, period, town_ids),
            "breadcrumbs": _crumbs((_("排名"), None)),
        },
    )


# --- household points ---------------------------------------------------------------------------------


def _village(request, village_id: int | None):
    villages = sel.point_villages(request.user)
    if village_id is None:
        first = villages.order_by("code").first()
        if first is None:
            raise Http404("no village")
        return first, villages
    return get_object_or_404(villages, pk=village_id), villages


@require_roles(*POINT_KEEPERS)
@require_http_methods(["GET", "POST"])
def points(request: HttpRequest) -> HttpResponse:
    village, villages = _village(request, int_param(request.GET.get("village"), "village"))
    if request.method == "POST":
        try:
            _points_action(request, village)
        except services.LedgerError as exc:
            messages.error(request, exc.message)
        return redirect(f"{reverse('ledgers:points')}?village={village.pk}")
    return render(
        request,
        "ledgers/points.html",
        {
            "village": village,
            "villages": villages,
            "book": sel.current_book(village),
            "rules": sel.current_rules(village),
            "households": sel.household_ranking(request.user, village),
            "pending": sel.pending_events(request.user, village),
            "recent": sel.recent_events(request.user, village),
            "today": dt.date.today().isoformat(),
            "breadcrumbs": _crumbs((_("家庭积分"), None)),
        },
    )


def _points_action(request, village) -> None:
    action = request.POST.get("action")
    if action == "record":
        household = get_visible_or_404(
            sel.households(request.user, village), request.user, pk=_pk(request, "household")
        )
        rule = get_object_or_404(sel.current_rules(village), pk=_pk(request, "rule"))
        try:
            day = dt.date.fromisoformat(request.POST.get("happened_on", ""))
        except ValueError as exc:
            raise services.LedgerError(_("发生日期无效。"), {"happened_on": _("无效")}) from exc
        services.point_event_record(
            actor=request.user,
            household=household,
            rule=rule,
            happened_on=day,
            evidence=request.POST.get("evidence", ""),
            evidence_file=request.FILES.get("evidence_file"),
        )
        messages.success(request, _("已登记，待他人审核。"))
    elif action in ("approve", "reject"):
        event = get_visible_or_404(
            PointEvent.objects.filter(village=village), request.user, pk=_pk(request, "event")
        )
        services.point_event_decide(actor=request.user, event=event, approve=action == "approve")
        messages.success(request, _("已审核。"))
    elif action == "redeem":
        household = get_visible_or_404(
            sel.households(request.user, village), request.user, pk=_pk(request, "household")
        )
        services.redemption_record(
            actor=request.user,
            household=household,
            points=_pk(request, "points"),
            goods=request.POST.get("goods", ""),
        )
        messages.success(request, _("已兑换。"))
    else:
        raise services.LedgerError(_("未知操作。"))


def _pk(request, name: str) -> int:
    text = request.POST.get(name, "")
    if not text.isdecimal() or len(text) > 12:
        labels = {
            "household": _("农户"),
            "rule": _("积分事项"),
            "event": _("积分记录"),
            "points": _("兑换积分"),
        }
        raise services.LedgerError(
            _("请填写%(f)s。") % {"f": labels.get(name, "")}, {name: _("此项为必填项。")}
        )
    return int(text)


@require_roles(*STAFF)
@require_GET
def notice(request: HttpRequest, village: int) -> HttpResponse:
    """公示: household name (户主) and points only, for printing and posting in the village."""
    v = get_visible_or_404(sel.point_villages(request.user), request.user, pk=village)
    rows = [(h.owner or h.name, h.points) for h in sel.household_ranking(request.user, v)]
    return render(request, "ledgers/notice.html", {"village": v, "rows": rows})


# --- Excel import ---------------------------------------------------------------------------------------


class _RegisterImport(import_views.ImportFlow):
    """One register type's items; the check page's POST commits."""

    upload_template = "ledgers/import_upload.html"
    check_template = "ledgers/import_check.html"
    check_url = "ledgers:import_check"
    commit_on_check_post = True

    def job_kind(self, request, code, **kw):
        return f"ledger:{_register(code).code}"

    def upload_context(self, request, form, code, **kw):
        rt = _register(code)
        error = " ".join(e for errors in form.errors.values() for e in errors)
        return {
            "rt": rt,
            "columns": imports.columns(rt),
            "error": error,
            "breadcrumbs": _crumbs((rt.name, None)),
        }

    def dry_run(self, request, token, state, code, **kw):
        rt = _register(code)
        rows, problems = imports.check(import_views.read_first_sheet(token), rt, request.user)
        return import_views.DryRun(rows, problems, {"rt": rt, "breadcrumbs": _crumbs((rt.name, None))})

    def commit(self, request, token, state, result, code, **kw):
        try:
            return imports.commit(result.rows, result.context["rt"], by=request.user)
        except imports.RowError as exc:
            raise import_views.Refused(exc.message, exc.row) from exc

    def committed(self, request, state, done, code, **kw):
        messages.success(request, _("已导入 %(n)d 条。") % {"n": done})
        return redirect("ledgers:register", code=_register(code).code)

    def finished(self, request, state, code, **kw):
        return redirect("ledgers:register", code=_register(code).code)


_register_import = _RegisterImport()
import_upload = _register_import.upload_view(require_roles(Role.OFFICE, Role.LEADER, Role.VILLAGE))
import_check = _register_import.check_view(require_roles(Role.OFFICE, Role.LEADER, Role.VILLAGE))
