"""The page flow every Excel import shares: upload → dry run (every problem, nothing written) → commit
(all or nothing), on the jobs of ``luoshi.lib.sheets``.

An app subclasses ``ImportFlow`` with its checker, its commit service, its templates and URL names,
and routes to ``upload_view()``, ``check_view()`` and (when the commit has its own URL)
``commit_view()``; the views keep the app's own role check. What stays the same everywhere lives
here once: a job opens only for its uploader and its kind (404 otherwise), a finished job does not
run twice, a sheet with problems is never committed (400 with the problems), a refusal during the
commit rolls back and is shown as a problem, and the upload is removed once imported.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field

from django import forms
from django.contrib import messages
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.http import require_http_methods

from luoshi.lib import sheets


class UploadForm(forms.Form):
    file = forms.FileField(
        label=gettext_lazy("Excel 文件（.xlsx）"), error_messages={"required": gettext_lazy("请选择文件。")}
    )


@dataclass
class DryRun:
    """What the checker found: the rows it would write and every problem (Excel row, column, why)."""

    rows: list
    problems: list[sheets.Problem]
    context: dict = field(default_factory=dict)  # more for the check page's template


class Refused(Exception):
    """The commit service refused a row (the transaction rolled back); ``row`` 0 when not a row's fault."""

    def __init__(self, message: str, row: int = 0):
        super().__init__(message)
        self.message, self.row = message, row


class ImportFlow:
    kind = ""  # the job kind: a token of another kind of import opens nothing
    upload_template = ""
    check_template = ""
    check_url = ""  # URL name of the check page; it takes ``token`` and the URL's own arguments
    form_class: type[forms.Form] = UploadForm
    read_on_upload = True  # open the sheet at upload, so an unreadable file is a form error at once
    commit_on_check_post = False  # the check page's POST commits (no separate commit URL)

    # --- what an app configures ---------------------------------------------------------------

    def job_kind(self, request: HttpRequest, **kw) -> str:
        return self.kind

    def upload_form(self, request: HttpRequest, **kw) -> forms.Form:
        return self.form_class(request.POST or None, request.FILES or None)

    def upload_context(self, request: HttpRequest, form, **kw) -> dict:
        return {"form": form}

    def new_state(self, request: HttpRequest, form, **kw) -> dict:
        """What the job remembers besides its owner, kind and file name."""
        return {}

    def dry_run(self, request: HttpRequest, token: str, state: dict, **kw) -> DryRun:
        raise NotImplementedError

    def check_context(self, request: HttpRequest, token: str, state: dict, result: DryRun, **kw) -> dict:
        return {
            "state": state,
            "token": token,
            "rows": result.rows,
            "problems": result.problems,
            **result.context,
        }

    def commit(self, request: HttpRequest, token: str, state: dict, result: DryRun, **kw):
        """Write every row in one transaction (raise ``Refused`` to show a refusal); returns what the
        job records as done (a count)."""
        raise NotImplementedError

    def refused_context(self, ctx: dict, exc: Refused) -> dict:
        """The check page after a refused commit: the refusal shown as a problem, nothing written."""
        ctx.update(problems=[sheets.Problem(exc.row, "", "", exc.message)], rolled_back=True)
        return ctx

    def committed(self, request: HttpRequest, state: dict, done, **kw) -> HttpResponse:
        """Where to go after a commit (usually with a success message)."""
        raise NotImplementedError

    def finished(self, request: HttpRequest, state: dict, **kw) -> HttpResponse:
        """Where a job already imported sends its user."""
        raise NotImplementedError

    def check_post(self, request: HttpRequest, token: str, state: dict, **kw) -> HttpResponse:
        """A POST to the check page when it does not commit (e.g. the user chose other columns)."""
        raise Http404("no such action")

    # --- the flow ---------------------------------------------------------------------------------

    def job(self, request: HttpRequest, token: str, **kw) -> dict:
        state = sheets.owned_job(token, user_id=request.user.pk, kind=self.job_kind(request, **kw))
        if state is None:
            raise Http404("no such import")
        return state

    def upload(self, request: HttpRequest, **kw) -> HttpResponse:
        form = self.upload_form(request, **kw)
        if request.method == "POST" and form.is_valid():
            upload = form.cleaned_data["file"]
            state = {
                "user_id": request.user.pk,
                "kind": self.job_kind(request, **kw),
                "filename": upload.name[:200],
                **self.new_state(request, form, **kw),
            }
            token = sheets.new_job(upload, state)
            try:
                if self.read_on_upload:
                    sheets.read_sheet(sheets.workdir(token) / "upload.xlsx")
            except sheets.SheetError as exc:
                form.add_error("file", str(exc))
            else:
                return redirect(self.check_url, token=token, **kw)
        return render(
            request,
            self.upload_template,
            self.upload_context(request, form, **kw),
            status=400 if form.errors else 200,
        )

    def check(self, request: HttpRequest, token: str, **kw) -> HttpResponse:
        state = self.job(request, token, **kw)
        if request.method == "POST" and not self.commit_on_check_post:
            return self.check_post(request, token, state, **kw)
        if request.method == "POST":
            return self._commit(request, token, state, **kw)
        if state.get("done") is not None:
            return self.finished(request, state, **kw)
        result = self.dry_run(request, token, state, **kw)
        return render(request, self.check_template, self.check_context(request, token, state, result, **kw))

    def commit_post(self, request: HttpRequest, token: str, **kw) -> HttpResponse:
        return self._commit(request, token, self.job(request, token, **kw), **kw)

    def _commit(self, request: HttpRequest, token: str, state: dict, **kw) -> HttpResponse:
        if state.get("done") is not None:
            messages.info(request, _("该文件已导入。"))
            return self.finished(request, state, **kw)
        result = self.dry_run(request, token, state, **kw)  # check again: the records may have changed
        if result.problems:
            ctx = self.check_context(request, token, state, result, **kw)
            return render(request, self.check_template, ctx, status=400)
        try:
            done = self.commit(request, token, state, result, **kw)
        except Refused as exc:
            ctx = self.refused_context(self.check_context(request, token, state, result, **kw), exc)
            return render(request, self.check_template, ctx, status=400)
        state["done"] = done
        sheets.save_state(token, state)
        (sheets.workdir(token) / "upload.xlsx").unlink(missing_ok=True)
        return self.committed(request, state, done, **kw)

    # --- views to route to, behind the app's own role check ------------------------------------------

    def upload_view(self, *guards: Callable) -> Callable:
        return _guarded(require_http_methods(["GET", "POST"])(self.upload), guards)

    def check_view(self, *guards: Callable) -> Callable:
        methods = ["GET", "POST"] if self.commit_on_check_post or _overrides(self, "check_post") else ["GET"]
        return _guarded(require_http_methods(methods)(self.check), guards)

    def commit_view(self, *guards: Callable) -> Callable:
        return _guarded(require_http_methods(["POST"])(self.commit_post), guards)


def _overrides(flow: ImportFlow, name: str) -> bool:
    return getattr(type(flow), name) is not getattr(ImportFlow, name)


def _guarded(view: Callable, guards) -> Callable:
    for guard in reversed(guards):
        view = guard(view)
    return view


def read_first_sheet(token: str) -> sheets.Sheet:
    """The job's upload; a job whose file is gone (imported, or cleaned up) is not found."""
    try:
        return sheets.read_sheet(sheets.workdir(token) / "upload.xlsx")
    except sheets.SheetError as exc:
        raise Http404("file gone") from exc
