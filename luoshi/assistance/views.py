"""Pages of the assistance ledgers. Every household is fetched through ``selectors.get_household``
(404 outside scope); sensitive fields are shown masked, and in full only in the response to a
stated reason (``services.field_reveal``, logged)."""

from __future__ import annotations

from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.core.paginator import Paginator
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_http_methods, require_POST

from luoshi.assistance import exports, forms, services, workflow
from luoshi.assistance import selectors as sel
from luoshi.assistance.models import Household, Member, NationalEntry, Payment, Status, effective_incomes
from luoshi.lib.masking import mask_id_number, mask_phone, mask_text
from luoshi.lib.params import int_param
from luoshi.org.models import Grid, User, Village
from luoshi.org.roles import Role
from luoshi.org.scoping import require_roles, scope_of, visible


def step_label(name: str) -> str:
    t = workflow.TRANSITIONS.get(name)
    return str(t.label) if t else _("发现上报")


def _crumbs(*tail):
    return [(_("首页"), "/"), (_("防返贫监测"), reverse("assistance:list"))] + [(t, None) for t in tail]


@require_roles(*sel.READERS)
@require_GET
def household_list(request: HttpRequest) -> HttpResponse:
    qs = sel.households_for(request.user).order_by("status", "-flagged_at", "id")
    status = request.GET.get("status", "")
    if status in Status.values:
        qs = qs.filter(status=status)
    overdue = request.GET.get("overdue") == "1"
    if overdue:
        qs = qs.filter(status__in=workflow.IDENTIFYING, overdue_noted_at__isnull=False)
    page = Paginator(qs, 50).get_page(int_param(request.GET.get("page"), "page") or 1)
    today = timezone.localdate()
    return render(
        request,
        "assistance/list.html",
        {
            "page": page,
            "status": status,
            "overdue": overdue,
            "statuses": Status.choices,
            "today": today,
            "proposals": sel.eligible_for_elimination(request.user, today),
            "can_flag": scope_of(request.user).has(*sel.FLAGGERS),
            "can_queue": scope_of(request.user).has(*sel.QUEUE_ROLES),
            "breadcrumbs": _crumbs(),
        },
    )


def _detail_context(request, h: Household, **extra) -> dict:
    scope = scope_of(request.user)
    kinds = workflow.actor_kinds(h, scope)
    today = timezone.localdate()
    members = list(h.members.order_by("id"))
    for m in members:
        m.id_masked = mask_id_number(m.id_number)
    ctx = {
        "h": h,
        "head_id_masked": mask_id_number(h.head_id_number),
        "phone_masked": mask_phone(h.phone),
        "members": members,
        "steps": [
            (st, step_label(st.transition)) for st in h.steps.select_related("by").order_by("at", "id")
        ],
        "measures": h.measures.select_related("cadre").order_by("-started_on", "-id"),
        "visits": [
            (v, mask_text(v.note)) for v in h.visits.select_related("by").order_by("-visited_on", "-id")
        ],
        "incomes": _income_months(h),
        "payments": _payments(h),
        "sync_status": sel.sync_status(h),
        "actions": [(t, forms.NoteForm()) for t in workflow.allowed(h, scope)],
        "conditions": sel.elimination_check(h, today)
        if h.status in (Status.ASSISTING, *workflow.ELIMINATING)
        else [],
        "overdue": h.identify_overdue(today),
        "can_reveal": sel.can_reveal(request.user, h),
        "can_work": bool(kinds & {workflow.Actor.VILLAGE, workflow.Actor.GRID, workflow.Actor.TOWN}),
        "can_measure": bool(kinds & {workflow.Actor.VILLAGE, workflow.Actor.TOWN})
        and h.status in workflow.MONITORED,
        "can_pay": workflow.Actor.TOWN in kinds,
        "member_form": forms.MemberForm(),
        "income_form": forms.IncomeForm(),
        "payment_form": forms.PaymentForm(),
        "income_correct_form": forms.IncomeCorrectForm(),
        "measure_form": forms.MeasureForm(cadres=_cadres(h)),
        "revealed": None,
        "breadcrumbs": _crumbs(h.number),
    }
    ctx.update(extra)
    return ctx


def _income_months(h: Household) -> list[tuple]:
    """The last 12 recorded months, each with whether it was corrected (amounts stay hidden here)."""
    latest = effective_incomes(h.incomes.all())
    return [(m, r.corrects_id is not None) for m, r in sorted(latest.items(), reverse=True)[:12]]


def _payments(h: Household) -> list[dict]:
    """Payments with their corrections applied: the current amount and persons, and each correction."""
    rows = list(h.payments.select_related("entered_by").order_by("-month", "programme", "id"))
    fixes: dict[int, list] = {}
    for p in rows:
        if p.corrects_id:
            fixes.setdefault(p.corrects_id, []).append(p)
    out = []
    for p in rows:
        if p.corrects_id:
            continue
        mine = fixes.get(p.pk, [])
        out.append(
            {
                "p": p,
                "amount": p.amount + sum(c.amount for c in mine),
                "persons": p.persons + sum(c.persons for c in mine),
                "corrections": mine,
            }
        )
    return out[:36]


def _cadres(h: Household):
    return (
        User.objects.filter(is_active=True, roles__village__town_id=h.town_id).distinct()
        | User.objects.filter(
            is_active=True, roles__town_id=h.town_id, roles__role__in=[Role.OFFICE, Role.LEADER]
        ).distinct()
    )


@require_roles(*sel.READERS)
@require_GET
def household_detail(request: HttpRequest, pk: int) -> HttpResponse:
    h = sel.get_household(request.user, pk)
    return render(request, "assistance/detail.html", _detail_context(request, h))


@require_roles(*sel.READERS)
@require_POST
def household_reveal(request: HttpRequest, pk: int) -> HttpResponse:
    h = sel.get_household(request.user, pk)
    form = forms.RevealForm(request.POST)
    if not sel.can_reveal(request.user, h):
        raise PermissionDenied
    if not form.is_valid():
        return render(
            request,
            "assistance/detail.html",
            _detail_context(request, h, reveal_error=_("请说明查看理由。")),
            status=400,
        )
    member = None
    if form.cleaned_data["member"]:
        member = Member.objects.filter(household=h, pk=form.cleaned_data["member"]).first()
        if member is None:
            raise Http404("not found")
    try:
        value = services.field_reveal(
            actor=request.user,
            household=h,
            field=form.cleaned_data["field"],
            reason=form.cleaned_data["reason"],
            member=member,
        )
    except services.AssistanceError as exc:
        return render(
            request,
            "assistance/detail.html",
            _detail_context(request, h, reveal_error=exc.message),
            status=400,
        )
    revealed = {"field": form.cleaned_data["field"], "member": member, "value": value}
    return render(request, "assistance/detail.html", _detail_context(request, h, revealed=revealed))


def _fail(request, h, exc: services.AssistanceError):
    messages.error(request, exc.message)
    return redirect("assistance:detail", pk=h.pk)


@require_roles(*sel.READERS)
@require_POST
def household_act(request: HttpRequest, pk: int, name: str) -> HttpResponse:
    h = sel.get_household(request.user, pk)
    if name not in workflow.TRANSITIONS:
        raise Http404("no such action")
    form = forms.NoteForm(request.POST)
    note = form.cleaned_data["note"] if form.is_valid() else ""
    try:
        services.household_transition(name=name, household=h, actor=request.user, note=note)
    except services.AssistanceError as exc:
        return _fail(request, h, exc)
    messages.success(request, _("已完成：%(t)s") % {"t": workflow.TRANSITIONS[name].label})
    if h.status in workflow.PENDING_COUNTY and not sel.households_for(request.user).filter(pk=h.pk).exists():
        return redirect("assistance:list")
    return redirect("assistance:detail", pk=h.pk)


def _post_form(request, pk, form_class, call, **form_kwargs):
    """Shared shape of the small record forms on the household page: validate, call, redirect."""
    h = sel.get_household(request.user, pk)
    form = form_class(request.POST, **({k: v(h) for k, v in form_kwargs.items()}))
    if not form.is_valid():
        field, errors = next(iter(form.errors.items()))
        label = form.fields[field].label if field in form.fields else ""
        messages.error(request, f"{label}：{errors[0]}" if label else errors[0])
        return redirect("assistance:detail", pk=h.pk)
    try:
        call(h, form.cleaned_data)
    except services.AssistanceError as exc:
        return _fail(request, h, exc)
    messages.success(request, _("已保存。"))
    return redirect("assistance:detail", pk=h.pk)


@require_roles(*sel.READERS)
@require_POST
def member_new(request, pk: int):
    return _post_form(
        request, pk, forms.MemberForm, lambda h, d: services.member_add(actor=request.user, household=h, **d)
    )


@require_roles(*sel.READERS)
@require_POST
def measure_new(request, pk: int):
    return _post_form(
        request,
        pk,
        forms.MeasureForm,
        lambda h, d: services.measure_add(actor=request.user, household=h, **d),
        cadres=_cadres,
    )


@require_roles(*sel.READERS)
@require_POST
def income_new(request, pk: int):
    return _post_form(
        request,
        pk,
        forms.IncomeForm,
        lambda h, d: services.income_record(actor=request.user, household=h, **d),
    )


@require_roles(*sel.READERS)
@require_POST
def payment_new(request, pk: int):
    return _post_form(
        request,
        pk,
        forms.PaymentForm,
        lambda h, d: services.payment_record(actor=request.user, household=h, **d),
    )


@require_roles(*sel.READERS)
@require_POST
def income_correct(request, pk: int):
    def call(h, d):
        month = d["month"].replace(day=1)
        record = h.incomes.filter(month=month, corrects__isnull=True).first()
        if record is None:
            raise services.AssistanceError(_("%(m)s 没有收入记录可更正。") % {"m": f"{month:%Y-%m}"}, "month")
        services.income_correct(actor=request.user, record=record, amount=d["amount"], reason=d["reason"])

    return _post_form(request, pk, forms.IncomeCorrectForm, call)


@require_roles(*sel.READERS)
@require_POST
def payment_correct(request, pk: int):
    def call(h, d):
        payment = h.payments.filter(pk=d["payment"], corrects__isnull=True).first()
        if payment is None:
            raise Http404("not found")
        services.payment_correct(
            actor=request.user, payment=payment, amount=d["amount"], persons=d["persons"], reason=d["reason"]
        )

    return _post_form(request, pk, forms.PaymentCorrectForm, call)


@require_roles(*sel.QUEUE_ROLES)
@require_http_methods(["GET", "POST"])
def national_queue(request: HttpRequest) -> HttpResponse:
    """What waits to be entered in the national system; county staff mark what they entered."""
    queue = sel.national_queue(request.user)
    can_enter = bool(scope_of(request.user).county_ids)
    form = forms.NationalEnterForm(request.POST or None, queue=queue)
    if request.method == "POST":
        if not can_enter:
            raise PermissionDenied
        if form.is_valid():
            try:
                n = services.national_enter(
                    actor=request.user,
                    entries=form.cleaned_data["entries"],
                    note=form.cleaned_data["note"],
                    national_no=form.cleaned_data["national_no"],
                )
            except services.AssistanceError as exc:
                form.add_error(exc.field if exc.field in form.fields else None, exc.message)
            else:
                messages.success(request, _("已标记 %(n)d 条为已录入。") % {"n": n})
                return redirect("assistance:national_queue")
    page = Paginator(queue, 50).get_page(int_param(request.GET.get("page"), "page") or 1)
    return render(
        request,
        "assistance/national_queue.html",
        {
            "page": page,
            "form": form,
            "can_enter": can_enter,
            "kinds": NationalEntry.Kind,
            "breadcrumbs": _crumbs(_("全国系统录入")),
        },
        status=400 if form.errors else 200,
    )


@require_roles(*sel.READERS)
@require_http_methods(["GET", "POST"])
def visit_new(request: HttpRequest, pk: int) -> HttpResponse:
    h = sel.get_household(request.user, pk)
    form = forms.VisitForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        d = dict(form.cleaned_data)
        try:
            services.visit_record(
                actor=request.user, household=h, visited_on=d.pop("visited_on"), note=d.pop("note"), **d
            )
        except services.AssistanceError as exc:
            form.add_error(exc.field if exc.field in form.fields else None, exc.message)
        else:
            messages.success(request, _("走访记录已保存。"))
            return redirect("assistance:detail", pk=h.pk)
    return render(
        request,
        "assistance/visit_form.html",
        {"form": form, "h": h, "breadcrumbs": _crumbs(h.number, _("走访"))},
        status=400 if form.errors else 200,
    )


@require_roles(*sel.FLAGGERS)
@require_http_methods(["GET", "POST"])
def household_flag(request: HttpRequest) -> HttpResponse:
    scope = scope_of(request.user)
    villages = visible(Village, request.user).filter(town_id__in=scope.member_town_ids).order_by("code")
    grids = visible(Grid, request.user).order_by("code")
    if scope.grid_ids and not (scope.village_ids or scope.town_ids):
        villages = Village.objects.filter(pk__in=scope.grid_village_ids)
        grids = Grid.objects.filter(pk__in=scope.grid_ids)
    form = forms.FlagForm(request.POST or None, villages=villages, grids=grids)
    if request.method == "POST" and form.is_valid():
        try:
            h = services.household_flag(actor=request.user, **form.cleaned_data)
        except services.AssistanceError as exc:
            form.add_error(exc.field if exc.field in form.fields else None, exc.message)
        else:
            messages.success(request, _("已上报，识别时限至 %(d)s。") % {"d": h.identify_due})
            return redirect("assistance:detail", pk=h.pk)
    return render(
        request,
        "assistance/flag_form.html",
        {"form": form, "breadcrumbs": _crumbs(_("发现上报"))},
        status=400 if form.errors else 200,
    )


@require_roles(*sel.READERS)
@require_GET
def payment_detail(request: HttpRequest, pk: int) -> HttpResponse:
    """Where an indicator's provenance links a payment: its household's page (same scope)."""
    p = Payment.objects.filter(pk=pk).only("household_id").first()
    if p is None:
        raise Http404("not found")
    h = sel.get_household(request.user, p.household_id)
    return redirect("assistance:detail", pk=h.pk)


@require_roles(*sel.DPO_ROLES)
@require_GET
def access_log(request: HttpRequest) -> HttpResponse:
    page = Paginator(sel.access_log_for(request.user), 100).get_page(
        int_param(request.GET.get("page"), "page") or 1
    )
    return render(
        request,
        "assistance/access_log.html",
        {
            "page": page,
            "exports": sel.export_log_for(request.user)[:50],
            "breadcrumbs": _crumbs(_("查看记录")),
        },
    )


@require_roles(*sel.READERS)
@require_GET
def kpi_page(request: HttpRequest) -> HttpResponse:
    year = int_param(request.GET.get("year"), "year") or timezone.localdate().year
    if not 2000 <= year <= 2100:
        year = timezone.localdate().year
    towns = list(sel.kpi_towns(request.user))
    by_town = sel.kpis_by_town(towns, year)
    rows = [(town, by_town[town.pk]) for town in towns]
    return render(
        request,
        "assistance/kpis.html",
        {"rows": rows, "year": year, "programmes": exports.PROGRAMMES, "breadcrumbs": _crumbs(_("监测指标"))},
    )


@require_roles(Role.COUNTY)
@require_http_methods(["GET", "POST"])
def income_lines(request: HttpRequest) -> HttpResponse:
    form = forms.IncomeLineForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            services.income_line_set(actor=request.user, **form.cleaned_data)
        except services.AssistanceError as exc:
            form.add_error(exc.field if exc.field in form.fields else None, exc.message)
        else:
            messages.success(request, _("已保存。"))
            return redirect("assistance:lines")
    from luoshi.assistance.models import IncomeLine

    return render(
        request,
        "assistance/lines.html",
        {
            "form": form,
            "lines": IncomeLine.objects.order_by("-year", "province_code"),
            "breadcrumbs": _crumbs(_("监测收入线")),
        },
        status=400 if form.errors else 200,
    )
