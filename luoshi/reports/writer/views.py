"""Pages of the report writer (/reports/write/) and the accountability table (/reports/accountability/)."""

from __future__ import annotations

from urllib.parse import quote

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_http_methods, require_POST

from luoshi.accounts.selectors import READERS as ACCOUNT_READERS
from luoshi.accounts.selectors import town_for as accounts_town_for
from luoshi.org.audit import history_url
from luoshi.org.scoping import require_roles
from luoshi.reports.accountability import summary
from luoshi.reports.writer import selectors, services
from luoshi.reports.writer.compose import tokens
from luoshi.reports.writer.forms import BlockForm, WriteForm

WRITE_ROLES = selectors.WRITE_ROLES


def _crumbs(*tail):
    return [
        (_("首页"), "/"),
        (_("工作报告"), reverse("reports:list")),
        (_("撰写报告"), reverse("reports:write")),
        *tail,
    ]


def _errors(exc: ValidationError) -> list[str]:
    if hasattr(exc, "message_dict"):
        return [m for msgs in exc.message_dict.values() for m in msgs]
    return list(exc.messages)


@require_roles(*WRITE_ROLES)
@require_http_methods(["GET", "POST"])
def write(request: HttpRequest) -> HttpResponse:
    form = WriteForm(request.POST or None, user=request.user)
    if request.method == "POST" and form.is_valid():
        draft = services.draft_generate(
            town=form.cleaned_data["town"], year=form.cleaned_data["year"], by=request.user
        )
        return redirect("reports:draft", pk=draft.pk)
    drafts = selectors.drafts_for(request.user)[:50]
    return render(
        request,
        "reports/writer/write.html",
        {"form": form, "drafts": drafts, "crumbs": _crumbs()[:-1] + [(_("撰写报告"), "")]},
        status=400 if form.errors else 200,
    )


@require_roles(*WRITE_ROLES)
@require_GET
def draft(request: HttpRequest, pk: int) -> HttpResponse:
    d = selectors.draft_for(request.user, pk)
    return render(
        request,
        "reports/writer/draft.html",
        {
            "draft": d,
            "r": selectors.rendered(d),
            "history": history_url(d),
            "crumbs": _crumbs((f"{d.town.name} {d.year}", "")),
        },
    )


@require_roles(*WRITE_ROLES)
@require_POST
def regenerate(request: HttpRequest, pk: int) -> HttpResponse:
    d = selectors.draft_for(request.user, pk)
    services.draft_generate(town=d.town, year=d.year, by=request.user)
    messages.success(request, _("数字已按最新业务记录刷新，修改过的文字已保留。"))
    return redirect("reports:draft", pk=d.pk)


@require_roles(*WRITE_ROLES)
@require_http_methods(["GET", "POST"])
def block_edit(request: HttpRequest, pk: int, key: str) -> HttpResponse:
    d = selectors.draft_for(request.user, pk)
    block, comp = selectors.block_of(d, key)
    form = BlockForm(request.POST or None, initial={"template": block.template})
    problems: list[str] = []
    if request.method == "POST" and form.is_valid():
        try:
            services.draft_edit(draft=d, key=key, template=form.cleaned_data["template"], by=request.user)
        except ValidationError as exc:
            problems = _errors(exc)
        else:
            return redirect(reverse("reports:draft", args=[d.pk]) + f"#b-{key}")
    fields = [comp.fields[k] for k in dict.fromkeys(tokens(block.template)) if k in comp.fields]
    return render(
        request,
        "reports/writer/block_edit.html",
        {
            "draft": d,
            "block": block,
            "form": form,
            "problems": problems,
            "fields": fields,
            "all_fields": comp.fields.values(),
            "crumbs": _crumbs(
                (f"{d.town.name} {d.year}", reverse("reports:draft", args=[d.pk])), (_("修改文字"), "")
            ),
        },
        status=400 if (problems or form.errors) else 200,
    )


@require_roles(*WRITE_ROLES)
@require_POST
def block_reset(request: HttpRequest, pk: int, key: str) -> HttpResponse:
    d = selectors.draft_for(request.user, pk)
    services.draft_reset(draft=d, key=key, by=request.user)
    return redirect(reverse("reports:draft", args=[d.pk]) + f"#b-{key}")


@require_roles(*WRITE_ROLES)
@require_GET
def draft_docx(request: HttpRequest, pk: int) -> HttpResponse:
    d = selectors.draft_for(request.user, pk)
    response = HttpResponse(
        selectors.docx_bytes(d),
        content_type="application/vnd.openxmlformats-officedocument.wordprocessingml.document",
    )
    response["Content-Disposition"] = f"attachment; filename*=UTF-8''{quote(selectors.docx_name(d))}"
    return response


@require_roles(*ACCOUNT_READERS)
@require_GET
def accountability(request: HttpRequest, town: int) -> HttpResponse:
    t = accounts_town_for(request.user, town)
    from_reports = selectors.report_rows(request.user, t)
    from_records = selectors.record_rows(t)
    years = sorted({r.year for r in from_reports} | {r.row.year for r in from_records}, reverse=True)
    by_year = [
        {
            "year": y,
            "reports": [r for r in from_reports if r.year == y],
            "records": [r for r in from_records if r.row.year == y],
        }
        for y in years
    ]
    return render(
        request,
        "reports/writer/accountability.html",
        {
            "town": t,
            "by_year": by_year,
            "summary_reports": summary(from_reports),
            "summary_records": summary([r.row for r in from_records]),
            "crumbs": [(_("首页"), "/"), (_("工作报告"), reverse("reports:list")), (_("兑现表"), "")],
        },
    )
