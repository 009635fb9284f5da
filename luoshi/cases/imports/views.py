"""Ledger import pages: upload → column mapping → dry run (every problem) → commit (all or nothing).

Office staff (党政办) and admins only; the town is one the user works for. An import in progress
lives in ``DATA_DIR/imports/<token>/`` (the file and a small state), so any server process can
continue it and report the commit's progress.
"""

from __future__ import annotations

import secrets
import shutil

from django.http import Http404, HttpRequest, HttpResponse, JsonResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_http_methods, require_POST

from luoshi.cases.imports import importer
from luoshi.cases.imports.forms import MappingForm, UploadForm, importable_towns
from luoshi.cases.imports.models import ImportMapping
from luoshi.cases.models import CaseType
from luoshi.org.roles import Role
from luoshi.org.scoping import require_roles


def _crumbs(*items):
    return [
        (_("首页"), "/"),
        (_("案件办理"), reverse("cases:list")),
        (_("台账导入"), reverse("cases_import:upload")),
        *items,
    ]


def _job(request: HttpRequest, token: str):
    """The import's state, only for the user who started it, in a town they may still import into."""
    state = importer.load_state(token)
    if not state or state["user_id"] != request.user.pk:
        raise Http404
    town = importable_towns(request.user).filter(pk=state["town_id"]).first()
    if town is None:
        raise Http404
    return state, town, CaseType.objects.get(pk=state["case_type_id"])


@require_roles(Role.OFFICE)
@require_http_methods(["GET", "POST"])
def upload(request: HttpRequest) -> HttpResponse:
    form = UploadForm(request.POST or None, request.FILES or None, user=request.user)
    if request.method == "POST" and form.is_valid():
        token = secrets.token_urlsafe(16)
        folder = importer.workdir(token)
        folder.mkdir(parents=True)
        with open(folder / "upload.xlsx", "wb") as out:
            for chunk in form.cleaned_data["file"].chunks():
                out.write(chunk)
        try:
            sheet = importer.read_sheet(folder / "upload.xlsx")
        except importer.ImportError_ as exc:
            shutil.rmtree(folder, ignore_errors=True)
            form.add_error("file", str(exc))
        else:
            town, case_type = form.cleaned_data["town"], form.cleaned_data["case_type"]
            remembered = ImportMapping.objects.filter(town=town, case_type=case_type).first()
            state = {
                "user_id": request.user.pk,
                "town_id": town.pk,
                "case_type_id": case_type.pk,
                "filename": form.cleaned_data["file"].name[:200],
                "headers": sheet.headers,
                "rows": len(sheet.rows),
                "mapping": importer.suggest_mapping(
                    sheet.headers, remembered.columns if remembered else None
                ),
                "remembered": bool(remembered),
            }
            importer.save_state(token, state)
            return redirect("cases_import:mapping", token=token)
    return render(
        request,
        "cases/imports/upload.html",
        {"form": form, "breadcrumbs": _crumbs()},
        status=400 if form.errors else 200,
    )


@require_roles(Role.OFFICE)
@require_http_methods(["GET", "POST"])
def mapping(request: HttpRequest, token: str) -> HttpResponse:
    state, town, case_type = _job(request, token)
    form = MappingForm(request.POST or None, headers=state["headers"], initial=state["mapping"])
    if request.method == "POST" and form.is_valid():
        state["mapping"] = {k: v for k, v in form.cleaned_data.items() if v}
        importer.save_state(token, state)
        obj, _created = ImportMapping.objects.get_or_create(town=town, case_type=case_type)
        obj.columns, obj.updated_by = state["mapping"], request.user
        obj._history_user = request.user
        obj.save()
        return redirect("cases_import:check", token=token)
    ctx = {"form": form, "state": state, "town": town, "case_type": case_type, "token": token}
    return render(request, "cases/imports/mapping.html", {**ctx, "breadcrumbs": _crumbs((_("列对应"), None))})


def _dry_run(token: str, state: dict, town, case_type):
    sheet = importer.read_sheet(importer.workdir(token) / "upload.xlsx")
    return importer.check(sheet, state["mapping"], town=town, case_type=case_type)


@require_roles(Role.OFFICE)
@require_GET
def check(request: HttpRequest, token: str) -> HttpResponse:
    state, town, case_type = _job(request, token)
    records, problems = _dry_run(token, state, town, case_type)
    ctx = {"state": state, "town": town, "case_type": case_type, "token": token, "records": records}
    ctx.update(problems=problems, breadcrumbs=_crumbs((_("检查结果"), None)))
    return render(request, "cases/imports/check.html", ctx)


@require_roles(Role.OFFICE)
@require_POST
def commit(request: HttpRequest, token: str) -> HttpResponse:
    state, town, case_type = _job(request, token)
    if state.get("done"):
        return render(request, "cases/imports/done.html", {"state": state, "breadcrumbs": _crumbs()})
    records, problems = _dry_run(token, state, town, case_type)
    ctx = {"state": state, "town": town, "case_type": case_type, "token": token, "records": records}
    if problems:
        ctx.update(problems=problems, breadcrumbs=_crumbs((_("检查结果"), None)))
        return render(request, "cases/imports/check.html", ctx, status=400)

    def progress(done: int, total: int) -> None:
        importer.save_state(token, {**state, "progress": [done, total]})

    try:
        created = importer.commit(
            records, town=town, case_type=case_type, actor=request.user, progress=progress
        )
    except importer.RowError as exc:
        importer.save_state(token, {**state, "progress": None})
        ctx["problems"] = [importer.Problem(exc.row, "", "", exc.message)]
        ctx["rolled_back"] = True
        return render(request, "cases/imports/check.html", {**ctx, "breadcrumbs": _crumbs()}, status=400)
    state.update(done=len(created), progress=[len(created), len(created)])
    importer.save_state(token, state)
    (importer.workdir(token) / "upload.xlsx").unlink(missing_ok=True)
    return render(
        request,
        "cases/imports/done.html",
        {"state": state, "town": town, "case_type": case_type, "breadcrumbs": _crumbs()},
    )


@require_roles(Role.OFFICE)
@require_GET
def progress(request: HttpRequest, token: str) -> JsonResponse:
    state, _town, _type = _job(request, token)
    done, total = state.get("progress") or (0, state.get("rows", 0))
    return JsonResponse({"done": done, "total": total, "finished": bool(state.get("done"))})
