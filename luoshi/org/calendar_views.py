"""The holiday calendar page (节假日安排): a year's days off and make-up working days, for the county.

Pasting the State Council's notice shows the parsed days for confirmation (nothing is saved before
"确认保存"); a manual editor adds or removes single days. Saving goes through the calendar services
in ``luoshi.org.services``, which queue the recomputation of open cases' deadlines; the page polls
its progress. County staff and administrators only: the calendar is the whole county's.
"""

from __future__ import annotations

import datetime as dt

from django.contrib import messages
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_POST

from luoshi.lib import holidays_notice, workdays
from luoshi.org import services
from luoshi.org.forms import DayForm, NoticeForm, RemoveDayForm
from luoshi.org.models import CalendarDay, CalendarYear
from luoshi.org.roles import Role
from luoshi.org.scoping import require_roles
from luoshi.org.selectors import year_known

CALENDAR_ROLES = (Role.ADMIN, Role.COUNTY)
FIRST_YEAR, LAST_YEAR = 2000, 2100


def _check_year(year: int) -> int:
    if not FIRST_YEAR <= year <= LAST_YEAR:
        raise Http404
    return year


def _default_year() -> int:
    this_year = timezone.localdate().year
    return next((y for y in (this_year, this_year + 1) if not year_known(y)), this_year + 1)


def _preview(notice: holidays_notice.Notice) -> dict:
    return {
        "days": notice.days,
        "errors": [(e.line, e.text, _(e.reason) % e.params) for e in notice.errors],
        "holidays": len(notice.holidays),
        "workdays": len(notice.workdays),
    }


def _render(request: HttpRequest, year: int, *, notice_form=None, preview=None, day_form=None, status=200):
    row = CalendarYear.objects.filter(year=year).select_related("confirmed_by").first()
    context = {
        "year": year,
        "years": [year - 1, year + 1],
        "row": row,
        "official": workdays.year_is_official(year),
        "known": year_known(year),
        "days": CalendarDay.objects.filter(date__year=year),
        "notice_form": notice_form or NoticeForm(),
        "preview": preview,
        "day_form": day_form or DayForm(year=year),
        "breadcrumbs": [(_("首页"), "/"), (_("节假日安排"), None)],
    }
    return render(request, "org/calendar.html", context, status=status)


@require_roles(*CALENDAR_ROLES)
@require_GET
def calendar_page(request: HttpRequest, year: int | None = None) -> HttpResponse:
    if year is None:
        asked = request.GET.get("year", "")
        year = int(asked) if asked.isdecimal() and FIRST_YEAR <= int(asked) <= LAST_YEAR else _default_year()
        return redirect("org:calendar_year", year=year)
    return _render(request, _check_year(year))


@require_roles(*CALENDAR_ROLES)
@require_POST
def calendar_notice(request: HttpRequest, year: int) -> HttpResponse:
    """Preview the pasted notice (action=preview), or save what the preview showed (action=confirm)."""
    year = _check_year(year)
    form = NoticeForm(request.POST)
    if not form.is_valid():
        return _render(request, year, notice_form=form, status=400)
    notice = holidays_notice.parse_notice(form.cleaned_data["text"], year)
    if request.POST.get("action") != "confirm" or notice.errors or not notice.days:
        return _render(request, year, notice_form=form, preview=_preview(notice))
    try:
        _row, changed = services.calendar_year_replace(
            year=year,
            days=[(d.date, d.is_workday, d.name) for d in notice.days],
            actor=request.user,
            notice_text=form.cleaned_data["text"],
        )
    except services.CalendarError as exc:
        form.add_error(None, exc.message)
        return _render(request, year, notice_form=form, preview=_preview(notice), status=400)
    messages.success(
        request,
        _("已保存 %(year)s 年的节假日安排（%(n)s 天），有 %(changed)s 个日期变化。")
        % {"year": year, "n": len(notice.days), "changed": changed},
    )
    return redirect("org:calendar_year", year=year)


@require_roles(*CALENDAR_ROLES)
@require_POST
def calendar_day(request: HttpRequest, year: int) -> HttpResponse:
    """Add or change one day (the manual editor)."""
    year = _check_year(year)
    form = DayForm(request.POST, year=year)
    if not form.is_valid():
        return _render(request, year, day_form=form, status=400)
    data = form.cleaned_data
    services.calendar_day_set(
        date=data["date"], is_workday=data["kind"] == "work", note=data["note"], actor=request.user
    )
    messages.success(request, _("已保存 %(date)s。") % {"date": data["date"]})
    return redirect("org:calendar_year", year=year)


@require_roles(*CALENDAR_ROLES)
@require_POST
def calendar_day_remove(request: HttpRequest, year: int) -> HttpResponse:
    year = _check_year(year)
    form = RemoveDayForm(request.POST)
    date: dt.date | None = form.cleaned_data["date"] if form.is_valid() else None
    if date is None or date.year != year:
        messages.error(request, _("请选择 %(year)s 年内已录入的日期。") % {"year": year})
        return redirect("org:calendar_year", year=year)
    try:
        services.calendar_day_remove(date=date, actor=request.user)
    except services.CalendarError as exc:
        messages.error(request, exc.message)
    else:
        messages.success(request, _("已删除 %(date)s。") % {"date": date})
    return redirect("org:calendar_year", year=year)


@require_roles(*CALENDAR_ROLES)
@require_POST
def calendar_confirm(request: HttpRequest, year: int) -> HttpResponse:
    """Mark the year's entered days complete (confirmed=1) or take the confirmation back."""
    year = _check_year(year)
    confirmed = request.POST.get("confirmed") == "1"
    try:
        services.calendar_year_confirm(year=year, actor=request.user, confirmed=confirmed)
    except services.CalendarError as exc:
        messages.error(request, exc.message)
    else:
        messages.success(request, _("已确认。") if confirmed else _("已撤销确认。"))
    return redirect(reverse("org:calendar_year", args=[year]))


@require_roles(*CALENDAR_ROLES)
@require_GET
def calendar_progress(request: HttpRequest, year: int) -> HttpResponse:
    """The recomputation progress (polled by the page while it runs)."""
    row = CalendarYear.objects.filter(year=_check_year(year)).first()
    return render(request, "org/partials/calendar_progress.html", {"row": row, "year": year})
