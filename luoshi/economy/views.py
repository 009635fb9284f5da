"""Pages of the economy desk: the dashboard (totals for every reader, warnings for the desk), the
enterprise register and card (logged), visits from a phone, warnings turned into tasks, feed import."""

from __future__ import annotations

import datetime as dt
import hashlib
import io

from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.core.paginator import Paginator
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import get_language
from django.utils.translation import gettext as _
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_GET, require_http_methods, require_POST

from luoshi.accounts.selectors import READERS
from luoshi.economy import access, forms, imports, memo, nowcast_town, services
from luoshi.economy import nowcast as nowcast_fit
from luoshi.economy import selectors as sel
from luoshi.economy import warnings as rules
from luoshi.economy.models import METRICS, EnterpriseView, Feed, Scale
from luoshi.lib import import_views, sheets
from luoshi.lib.export import csv_writer
from luoshi.lib.masking import mask_phone
from luoshi.lib.params import BadParameter
from luoshi.org.roles import Role
from luoshi.org.scoping import require_roles

DESK_ROLES = (Role.LEADER, Role.UNIT)


def _crumbs(*tail):
    """Home / 经济运行 / each of ``tail`` (a label, or a (label, url) pair)."""
    head = [(_("首页"), "/"), (_("经济运行"), reverse("economy:dashboard"))]
    return head + [t if isinstance(t, tuple) else (t, None) for t in tail]


def _month_param(value, name: str = "month") -> dt.date | None:
    text = str(value or "").strip()
    if not text:
        return None
    try:
        year, month = (int(p) for p in text.split("-"))
        day = dt.date(year, month, 1)
    except ValueError:
        raise BadParameter(name, _("不是有效的月份（应为 2026-03 格式）")) from None
    if not 2000 <= day.year <= 2100:
        raise BadParameter(name, _("月份超出范围"))
    return day


def _desk_only(request) -> None:
    if not access.is_desk(request.user):
        raise PermissionDenied


@require_roles(*READERS)
@require_GET
def dashboard(request: HttpRequest) -> HttpResponse:
    towns = list(access.reader_towns(request.user).order_by("code"))
    town_id = request.GET.get("town", "")
    if town_id.isdecimal() and len(town_id) < 10:
        town = next((t for t in towns if t.pk == int(town_id)), None)
    else:
        town = towns[0] if towns else None
    scale = request.GET.get("scale", Scale.INDUSTRY)
    scale = scale if scale in Scale.values else None
    read = sel.stamps(towns)  # one query: the default month and the totals' cache keys
    month = _month_param(request.GET.get("month")) or max(read.months.values(), default=None)
    month = month or timezone.localdate().replace(day=1)
    county = sel.summaries(towns, month, scale, read=read) if len(towns) > 1 else []
    summary = next((s for s in county if s.town == town), None)
    if summary is None and town is not None:
        summary = sel.summaries([town], month, scale, read=read)[0]
    desk = town is not None and access.desk_towns(request.user).filter(pk=town.pk).exists()
    state = sel.town_state(town) if town is not None else None  # the warnings' and nowcast's keys
    warnings_key = sel.warnings_key(town, state) if desk else None
    flagged = sel.town_warnings(town, key=warnings_key) if warnings_key else []
    nowcast = _nowcast_html(town, month, scale, desk, state) if town is not None else ""
    return render(
        request,
        "economy/dashboard.html",
        {
            "towns": towns,
            "town": town,
            "month": month,
            "scale": scale or "",
            "scales": Scale.choices,
            "county": county,
            "summary": summary,
            "desk": desk,
            "flagged": flagged,
            "warning_rows": _warning_rows(warnings_key, flagged) if desk else "",
            "chart": summary.series if summary else [],
            "nowcast_block": nowcast,
            "county_rows": _county_rows(towns, county, month, scale, read) if len(county) > 1 else "",
            "breadcrumbs": _crumbs(),
        },
    )


def _warning_rows(key: str | None, flagged) -> str:
    """The warnings table's rows, rendered once per version of the town's warnings and language (they
    hold no per-request value: the 转为任务 buttons post the page's one form, ``#warning-task``)."""
    if key is None:
        return render_to_string("economy/partials/warning_rows.html", {"flagged": flagged})
    return memo.get_or_compute(
        f"{key}:rows:{get_language()}",
        lambda: render_to_string("economy/partials/warning_rows.html", {"flagged": flagged}),
    )


def _nowcast_html(town, month, scale, desk: bool, state) -> str:
    """The dashboard's nowcast block as its readers may see it: the desk every sum, others no sum of
    fewer than three enterprises (``nowcast_town.shown``); per-enterprise rows are on their own page.
    Rendered once per version of the town's nowcast, audience and language."""
    key = nowcast_town.nowcast_key(town, month, scale, state)

    def render_block() -> str:
        nc = nowcast_town.town_nowcast(town, month, scale, state=state)
        names = nowcast_fit.section_names()
        total, sections = nowcast_town.shown(nc, desk)
        nowcast = {
            "nc": nc,
            "total": total,
            "sections": [(letter, names[letter], p) for letter, p in sections],
        }
        context = {"nowcast": nowcast, "month": month, "desk": desk, "town": town, "scale": scale or ""}
        return render_to_string("economy/partials/nowcast_summary.html", context)

    return memo.get_or_compute(f"{key}:block:{int(desk)}:{get_language()}", render_block)


def _county_rows(towns, county, month, scale, read) -> str:
    """The county table's rows (every town's totals), rendered once per version of the towns' totals
    and language."""
    version = repr(sorted((t.pk, t.name, read.updated.get(t.pk)) for t in towns))
    digest = hashlib.sha256(version.encode()).hexdigest()[:32]
    key = f"economy:county-rows:{month:%Y-%m}:{scale}:{read.flags}:{digest}:{get_language()}"
    context = {"county": county, "month": month}
    return memo.get_or_compute(key, lambda: render_to_string("economy/partials/county_rows.html", context))


NOWCAST_SORTS = {
    "name": lambda r: r.name,
    "kwh": lambda r: -(r.kwh or 0),
    "value": lambda r: -(r.reported or (r.estimate.value if r.estimate and r.estimate.value else 0)),
    "error": lambda r: (
        r.estimate is None or r.estimate.error_pct is None,
        r.estimate and r.estimate.error_pct,
    ),
}


@require_roles(*DESK_ROLES)
@require_GET
def nowcast_list(request: HttpRequest) -> HttpResponse:
    """Each enterprise's nowcast of a month (desk only; every enterprise shown is logged)."""
    _desk_only(request)
    towns = access.desk_towns(request.user).order_by("code")
    town_id = request.GET.get("town", "")
    town = (
        towns.filter(pk=int(town_id)).first() if town_id.isdecimal() and len(town_id) < 10 else towns.first()
    )
    if town is None:
        raise Http404("not found")
    month = _month_param(request.GET.get("month")) or sel.latest_month([town])
    month = month or timezone.localdate().replace(day=1)
    scale = request.GET.get("scale", Scale.INDUSTRY)
    scale = scale if scale in Scale.values else None
    nc = nowcast_town.town_nowcast(town, month, scale)
    status = request.GET.get("status", "")
    section = request.GET.get("section", "")[:1]
    sort = request.GET.get("sort", "name")
    rows = [
        r
        for r in nc.rows
        if (not status or r.status == status) and (not section or r.section == section.upper())
    ]
    rows.sort(key=NOWCAST_SORTS.get(sort, NOWCAST_SORTS["name"]))
    page = Paginator(rows, 50).get_page(request.GET.get("page"))
    EnterpriseView.objects.bulk_create(
        [
            EnterpriseView(
                user=request.user, enterprise_id=r.enterprise_id, channel=EnterpriseView.Channel.PAGE
            )
            for r in page
        ]
    )
    names = nowcast_fit.section_names()
    return render(
        request,
        "economy/nowcast.html",
        {
            "towns": towns,
            "town": town,
            "month": month,
            "scale": scale or "",
            "scales": Scale.choices,
            "nc": nc,
            "page": page,
            "status": status,
            "statuses": [("reported", _("已报送")), *nowcast_fit.status_labels().items()],
            "section": section.upper(),
            "sections": [(letter, names[letter]) for letter, _p in nc.sections],
            "sort": sort,
            "sorts": [
                ("name", _("按名称")),
                ("kwh", _("按用电量")),
                ("value", _("按产值")),
                ("error", _("按误差")),
            ],
            "breadcrumbs": _crumbs(_("用电估算产值")),
        },
    )


@require_roles(*DESK_ROLES)
@require_GET
def enterprise_list(request: HttpRequest) -> HttpResponse:
    _desk_only(request)
    qs = access.enterprises_for(request.user).prefetch_related("flags")
    q = request.GET.get("q", "").strip()[:50]
    if q:
        qs = qs.filter(name__icontains=q) | qs.filter(credit_code__icontains=q.upper())
    page = Paginator(qs.order_by("town__code", "name"), 50).get_page(request.GET.get("page"))
    return render(
        request,
        "economy/enterprise_list.html",
        {"page": page, "q": q, "breadcrumbs": _crumbs(_("企业名录"))},
    )


@require_roles(*DESK_ROLES)
@require_http_methods(["GET", "POST"])
def enterprise_new(request: HttpRequest) -> HttpResponse:
    _desk_only(request)
    form = forms.EnterpriseForm(request.POST or None, towns=access.desk_towns(request.user))
    if request.method == "POST" and form.is_valid():
        d = form.cleaned_data
        try:
            ent = services.enterprise_create(
                by=request.user,
                town=d["town"],
                credit_code_text=d["credit_code"],
                name=d["name"],
                industry=d["industry"],
                village=d["village"],
                grid=d["grid"],
                address=d["address"],
                contact_name=d["contact_name"],
                contact_phone=d["contact_phone"],
                scales=[(d["scale"], d["scale_since"])] if d["scale"] else [],
                meters=form.meter_list(),
            )
        except services.EconomyError as exc:
            form.add_error(exc.field if exc.field in form.fields else None, exc.message)
        else:
            messages.success(request, _("已登记企业“%(n)s”。") % {"n": ent.name})
            return redirect("economy:enterprise", pk=ent.pk)
    return render(
        request,
        "economy/enterprise_form.html",
        {"form": form, "breadcrumbs": _crumbs(_("登记企业"))},
        status=400 if form.errors else 200,
    )


@require_roles(*DESK_ROLES)
@require_GET
@never_cache  # per-enterprise figures, each opening logged: none kept in a browser cache
def enterprise_detail(request: HttpRequest, pk: int) -> HttpResponse:
    ent = access.enterprise_for(request.user, pk, channel=EnterpriseView.Channel.PAGE)
    returns = sel.returns_of(ent)
    today = timezone.localdate()
    return render(
        request,
        "economy/enterprise.html",
        {
            "ent": ent,
            "phone": mask_phone(ent.contact_phone),
            "flags": ent.flags.all(),
            "current": sel.current_flags(ent, today),
            "meters": ent.meters.all(),
            "metrics": METRICS,
            "returns": [(r, [getattr(r, f) for f, _l, _u in METRICS]) for r in returns],
            "flagged": sel.enterprise_warnings(ent),
            "estimate": nowcast_town.enterprise_estimate(ent),
            "visits": ent.visits.select_related("by")[:20],
            "cases": ent.cases.select_related("case", "case__case_type")[:20],
            "views": EnterpriseView.objects.filter(enterprise=ent).select_related("user")[:10],
            "breadcrumbs": _crumbs(ent.name),
        },
    )


@require_roles(*DESK_ROLES)
@require_GET
@never_cache
def enterprise_export(request: HttpRequest, pk: int) -> HttpResponse:
    """The enterprise's monthly returns as CSV (logged as an export)."""
    ent = access.enterprise_for(request.user, pk, channel=EnterpriseView.Channel.EXPORT)
    buf = io.StringIO()
    w = csv_writer(buf)
    w.writerow(
        [_("企业名称"), _("统一社会信用代码"), _("月份"), *[str(lbl) for _f, lbl, _u in METRICS], _("修订项")]
    )
    for r in sel.returns_of(ent, months=120):
        w.writerow(
            [
                ent.name,
                ent.credit_code,
                f"{r.month:%Y-%m}",
                *[getattr(r, f) for f, _l, _u in METRICS],
                ",".join(r.revised),
            ]
        )
    resp = HttpResponse("\ufeff" + buf.getvalue(), content_type="text/csv; charset=utf-8")
    resp["Content-Disposition"] = f'attachment; filename="enterprise-{ent.pk}.csv"'
    return resp


@require_roles(*DESK_ROLES)
@require_http_methods(["GET", "POST"])
def visit_new(request: HttpRequest, pk: int) -> HttpResponse:
    ent = access.enterprise_for(request.user, pk, channel=EnterpriseView.Channel.PAGE)
    form = forms.VisitForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        d = form.cleaned_data
        try:
            services.visit_log(
                by=request.user,
                enterprise=ent,
                visited_on=d["visited_on"],
                kind=d["kind"],
                note=d["note"],
                problem=d["problem"],
                problem_category=d["problem_category"],
            )
        except services.EconomyError as exc:
            form.add_error(exc.field if exc.field in form.fields else None, exc.message)
        else:
            messages.success(
                request,
                _("已登记走访，企业反映的问题已登记为企业诉求案件。") if d["problem"] else _("已登记走访。"),
            )
            return redirect("economy:enterprise", pk=ent.pk)
    return render(
        request,
        "economy/visit_form.html",
        {
            "form": form,
            "ent": ent,
            "breadcrumbs": _crumbs((ent.name, reverse("economy:enterprise", args=[ent.pk])), _("登记走访")),
        },
        status=400 if form.errors else 200,
    )


@require_roles(*DESK_ROLES)
@require_POST
def warning_task(request: HttpRequest, pk: int) -> HttpResponse:
    ent = access.enterprise_for(request.user, pk, channel=EnterpriseView.Channel.PAGE)
    kind, month_text = request.POST.get("kind", ""), request.POST.get("month")
    if "warning" in request.POST:  # the dashboard's button: "kind|2026-03"
        kind, _sep, month_text = request.POST["warning"].partition("|")
    month = _month_param(month_text)
    if kind not in rules.KINDS or month is None:
        raise BadParameter("kind", _("预警类型或月份无效"))
    try:
        link = services.warning_task_create(by=request.user, enterprise=ent, kind=kind, month=month)
    except services.EconomyError as exc:
        messages.error(request, exc.message)
    else:
        messages.success(request, _("已转为任务 %(n)s。") % {"n": link.case.number})
    if request.POST.get("next") == "dashboard":
        return redirect(f"{reverse('economy:dashboard')}?town={ent.town_id}")
    return redirect("economy:enterprise", pk=ent.pk)


# --- feed import: upload → dry run (every problem, column mapping) → commit (all or nothing) ----------

JOB_KIND = "economy_feed"


class _FeedImport(import_views.ImportFlow):
    """The feed's column mapping is chosen on the check page (its POST remembers it for the job)."""

    kind = JOB_KIND
    upload_template = "economy/import_upload.html"
    check_template = "economy/import_check.html"
    check_url = "economy:import_check"
    read_on_upload = False  # the check page reports an unreadable file with the mapping

    def upload_form(self, request, **kw):
        _desk_only(request)
        return forms.UploadForm(
            request.POST or None,
            request.FILES or None,
            towns=access.desk_towns(request.user),
            feeds=access.feeds_for(request.user),
        )

    def upload_context(self, request, form, **kw):
        return {"form": form, "aliases": imports.METRIC_ALIASES, "breadcrumbs": _crumbs(_("导入月度数据"))}

    def new_state(self, request, form, **kw):
        d = form.cleaned_data
        feed = d["feed"]
        return {
            "town_id": d["town"].pk,
            "feed_id": feed.pk if feed else None,
            "name": (d["name"] or "").strip()[:60],
            "source": feed.source if feed else d["source"] or "grid",
            "layout": feed.layout if feed else d["layout"] or Feed.Layout.ROWS,
            "key": feed.key if feed else d["key"] or Feed.Key.CREDIT_CODE,
            "mapping": feed.mapping if feed else {},
        }

    def dry_run(self, request, token, state, **kw):
        town = access.desk_town_for(request.user, state["town_id"])
        res = imports.check(
            sheets.workdir(token) / "upload.xlsx",
            town=town,
            key=state["key"],
            layout=state["layout"],
            mapping=state.get("mapping") or {},
        )
        return import_views.DryRun(res.rows, res.problems, {"town": town, "res": res})

    def check_context(self, request, token, state, result, **kw):
        return _check_context(state, token, result.context["town"], result.context["res"])

    def check_post(self, request, token, state, **kw):
        """The user chose other columns: remember them for this job."""
        if state.get("done") is not None:
            return self.finished(request, state)
        access.desk_town_for(request.user, state["town_id"])
        fields = ["key", "month", *[f for f, _l, _u in METRICS]]
        state["mapping"] = {
            f: request.POST.get(f"map-{f}", "")[:100] for f in fields if request.POST.get(f"map-{f}")
        }
        sheets.save_state(token, state)
        return redirect("economy:import_check", token=token)

    def commit(self, request, token, state, result, **kw):
        town, res = result.context["town"], result.context["res"]
        try:
            if state.get("feed_id"):
                feed = access.feeds_for(request.user).get(pk=state["feed_id"], town=town)
            else:
                feed = services.feed_create(
                    by=request.user,
                    town=town,
                    name=state["name"],
                    source=state["source"],
                    layout=state["layout"],
                    key=state["key"],
                )
            return imports.commit(
                res.rows, town=town, feed=feed, by=request.user, mapping=imports.feed_mapping(res)
            )
        except (services.EconomyError, Feed.DoesNotExist) as exc:
            raise import_views.Refused(getattr(exc, "message", _("数据源不存在。"))) from exc

    def refused_context(self, ctx, exc):
        ctx["error"] = exc.message
        return ctx

    def committed(self, request, state, done, **kw):
        messages.success(
            request,
            _("已导入：新增 %(c)d 条企业月度数据，更新 %(u)d 条（其中修订 %(r)d 项）。")
            % {"c": done["created"], "u": done["changed"], "r": done["revised"]},
        )
        return redirect(f"{reverse('economy:dashboard')}?town={state['town_id']}")

    def finished(self, request, state, **kw):
        return redirect("economy:dashboard")


_feed_import = _FeedImport()
import_upload = _feed_import.upload_view(require_roles(*DESK_ROLES))
import_check = _feed_import.check_view(require_roles(*DESK_ROLES))
import_commit = _feed_import.commit_view(require_roles(*DESK_ROLES))


def _check_context(state, token, town, res) -> dict:
    fields = [("key", imports.LABELS["key"])]
    if state["layout"] == Feed.Layout.ROWS:
        fields.append(("month", imports.LABELS["month"]))
    fields += [(f, lbl) for f, lbl, _u in METRICS]
    return {
        "state": state,
        "token": token,
        "town": town,
        "res": res,
        "fields": [(f, lbl, res.mapping.get(f, "")) for f, lbl in fields],
        "preview": res.rows[:20],
        "metrics": METRICS,
        "breadcrumbs": _crumbs(_("检查结果")),
    }
