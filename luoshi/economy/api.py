"""Economy API: town totals for every reader of the town; the register, one enterprise's returns and
the warnings only for its town's leaders and economy office (404 for anyone else), every
per-enterprise read logged like the page.

The nowcast (用电估算产值) follows the pages' rules: a town's and each industry's sums to every reader
of the town (a part of fewer than three enterprises hidden from all but the desk, with the same
secondary suppression as the dashboard); each enterprise's estimate only to the desk, every
enterprise returned logged in ``EnterpriseView``; no value where the back-test error is too large."""

from __future__ import annotations

import datetime as dt
from typing import Annotated

from django.core.exceptions import PermissionDenied
from django.http import Http404, HttpRequest
from ninja import Field, Router, Schema

from luoshi.accounts.selectors import READERS
from luoshi.economy import access, nowcast_town
from luoshi.economy import nowcast as nowcast_fit
from luoshi.economy import selectors as sel
from luoshi.economy.models import METRIC_FIELDS, EnterpriseView, Scale
from luoshi.lib.schema import Id, Page
from luoshi.org.scoping import scope_of

router = Router(tags=["economy"])

YearParam = Annotated[int | None, Field(ge=2000, le=2100)]
MonthParam = Annotated[int | None, Field(ge=1, le=12)]


class EconomyLineOut(Schema):
    field: str
    label: str
    unit: str
    value: float | None
    mom: float | None
    yoy: float | None
    cumulative: float | None
    cumulative_yoy: float | None
    reported: int | None  # enterprises with the figure this month, of …
    due: int | None  # … those due to report it; fewer: the month is not complete
    through: dt.date | None  # the last (complete) month the cumulative figures count


class SummaryOut(Schema):
    town_id: int
    month: str
    time_progress: float
    lines: list[EconomyLineOut]


class EnterpriseOut(Schema):
    id: int
    name: str
    credit_code: str
    industry: str
    town_id: int


class ReturnOut(Schema):
    month: str
    kwh: float | None
    employment: float | None
    output: float | None
    sales: float | None
    taxable_sales: float | None
    tax: float | None
    investment: float | None
    sources: dict
    revised: list[str]


class EnterpriseDetailOut(EnterpriseOut):
    returns: list[ReturnOut]


class WarningOut(Schema):
    enterprise_id: int
    kind: str
    month: str
    message: str
    task_case_id: int | None


def _reader(request: HttpRequest) -> None:
    if not scope_of(request.user).has(*READERS):
        raise PermissionDenied


def _town_month(request: HttpRequest, town_id: int, year, month, scale: str):
    """The town (404 outside the reader's towns), the month asked for or the latest with data, the scale."""
    _reader(request)
    town = access.reader_towns(request.user).filter(pk=town_id).first()
    if town is None:
        raise Http404("not found")
    scale_value = scale if scale in Scale.values else None
    if year and month:
        return town, dt.date(year, month, 1), scale_value
    return town, sel.latest_month([town]) or dt.date.today().replace(day=1), scale_value


@router.get("/towns/{town_id}/summary", response=SummaryOut)
def town_summary(
    request: HttpRequest,
    town_id: Id,
    year: YearParam = None,
    month: MonthParam = None,
    scale: Annotated[str, Field(max_length=20)] = "industry",
):
    """A town's totals for a month (latest with data by default): 当月, 环比, 同比, 1–N月累计, 累计同比."""
    town, when, scale_value = _town_month(request, town_id, year, month, scale)
    s = sel.summaries([town], when, scale_value)[0]
    return {
        "town_id": town.pk,
        "month": f"{when:%Y-%m}",
        "time_progress": s.time_progress,
        "lines": [line.__dict__ for line in s.lines],
    }


@router.get("/enterprises", response=list[EnterpriseOut])
def list_enterprises(request: HttpRequest, page: Page = 1):
    """The register (no figures), 100 per page; only for the town's leaders and economy office."""
    if not access.is_desk(request.user):
        raise PermissionDenied
    qs = access.enterprises_for(request.user).order_by("pk")
    return list(qs[(page - 1) * 100 : page * 100])


@router.get("/enterprises/{enterprise_id}", response=EnterpriseDetailOut)
def enterprise_detail(request: HttpRequest, enterprise_id: Id):
    """One enterprise with its last 24 months (logged as an API view)."""
    ent = access.enterprise_for(request.user, enterprise_id, channel=EnterpriseView.Channel.API)
    returns = [
        {
            "month": f"{r.month:%Y-%m}",
            **{f: getattr(r, f) for f in METRIC_FIELDS},
            "sources": r.sources,
            "revised": r.revised,
        }
        for r in sel.returns_of(ent)
    ]
    return {
        "id": ent.pk,
        "name": ent.name,
        "credit_code": ent.credit_code,
        "industry": ent.industry,
        "town_id": ent.town_id,
        "returns": returns,
    }


@router.get("/towns/{town_id}/warnings", response=list[WarningOut])
def town_warnings(request: HttpRequest, town_id: Id):
    """The town's current warnings (each in words with its numbers); desk only."""
    town = access.desk_towns(request.user).filter(pk=town_id).first()
    if town is None:
        raise Http404("not found")
    return [
        {
            "enterprise_id": f.enterprise.pk,
            "kind": f.warning.kind,
            "month": f"{f.warning.month:%Y-%m}",
            "message": f.warning.message,
            "task_case_id": f.task.case_id if f.task else None,
        }
        for f in sel.town_warnings(town)
    ]


# --- nowcast ----------------------------------------------------------------------------------------


class NowcastPartOut(Schema):
    """A sum over enterprises as this user may see it; a hidden figure is null (``hidden`` true)."""

    reported: float | None = Field(description="Σ reported output (万元) of the enterprises reported")
    reported_n: int
    estimated: float | None = Field(description="Σ estimates (万元, 估算) shown")
    estimated_n: int
    error_pct: float | None = Field(description="back-test MAPE of the summed estimates, %")
    total: float | None
    yoy: float | None = Field(description="against the same enterprises' reported output a year earlier, %")
    missing_n: int = Field(description="enterprises with kWh but no estimate shown (not in the total)")
    missing_kwh: float | None
    hidden: bool


class NowcastSectionOut(NowcastPartOut):
    section: str = Field(description="GB/T 4754 section letter (门类)")
    name: str


class NowcastEnterpriseOut(Schema):
    enterprise_id: int
    name: str
    industry: str
    section: str
    status: str = Field(description="reported | ok | suppressed | short | unfit")
    kwh: float | None
    reported: float | None = Field(description="reported output (万元) when the statistics arrived")
    estimate: float | None = Field(description="估算 (万元), only when status is ok")
    error_pct: float | None = Field(description="back-test MAPE of the enterprise's model, %")
    explanation: str


class TownNowcastOut(Schema):
    town_id: int
    month: str
    scale: str | None
    max_error_pct: float
    desk: bool = Field(description="true: this user may see each enterprise (leaders, economy office)")
    total: NowcastPartOut
    sections: list[NowcastSectionOut]
    enterprises: list[NowcastEnterpriseOut] | None = Field(
        description="desk only, 100 a page by name; null for everyone else"
    )
    enterprises_count: int | None


class EnterpriseNowcastOut(Schema):
    enterprise_id: int
    month: str | None
    status: str
    kwh: float | None
    estimate: float | None
    error_pct: float | None
    explanation: str


def _enterprise_row(r: nowcast_town.Row) -> dict:
    est = r.estimate
    return {
        "enterprise_id": r.enterprise_id,
        "name": r.name,
        "industry": r.industry,
        "section": r.section,
        "status": r.status,
        "kwh": r.kwh,
        "reported": r.reported if est is None else None,
        "estimate": est.value if est is not None and est.shown else None,
        "error_pct": est.error_pct if est is not None else None,
        "explanation": est.explain() if est is not None else "",
    }


@router.get("/towns/{town_id}/nowcast", response=TownNowcastOut)
def town_nowcast(
    request: HttpRequest,
    town_id: Id,
    year: YearParam = None,
    month: MonthParam = None,
    scale: Annotated[str, Field(max_length=20)] = "industry",
    page: Page = 1,
):
    """The town's output of a month (latest with data by default): reported + 估算 from electricity,
    per GB/T 4754 section and for the town, each estimate with its back-test error. Sums for every
    reader of the town (small parts hidden from all but the desk); each enterprise only for the
    town's leaders and economy office, every enterprise returned logged as an API view."""
    town, when, scale_value = _town_month(request, town_id, year, month, scale)
    desk = access.desk_towns(request.user).filter(pk=town.pk).exists()
    nc = nowcast_town.town_nowcast(town, when, scale_value)
    total, sections = nowcast_town.shown(nc, desk)
    names = nowcast_fit.section_names()
    enterprises = None
    if desk:
        rows = nc.rows[(page - 1) * 100 : page * 100]  # by name, as computed
        EnterpriseView.objects.bulk_create(
            [
                EnterpriseView(
                    user=request.user, enterprise_id=r.enterprise_id, channel=EnterpriseView.Channel.API
                )
                for r in rows
            ]
        )
        enterprises = [_enterprise_row(r) for r in rows]
    return {
        "town_id": town.pk,
        "month": f"{when:%Y-%m}",
        "scale": scale_value,
        "max_error_pct": nc.limits.max_error_pct,
        "desk": desk,
        "total": total,
        "sections": [{"section": letter, "name": names.get(letter, ""), **p} for letter, p in sections],
        "enterprises": enterprises,
        "enterprises_count": len(nc.rows) if desk else None,
    }


@router.get("/enterprises/{enterprise_id}/nowcast", response=EnterpriseNowcastOut)
def enterprise_nowcast(request: HttpRequest, enterprise_id: Id):
    """One enterprise's estimate of its newest month (when its output is not reported yet), as on its
    page; desk only, logged as an API view. ``status`` is ``reported`` when there is nothing to estimate."""
    ent = access.enterprise_for(request.user, enterprise_id, channel=EnterpriseView.Channel.API)
    est = nowcast_town.enterprise_estimate(ent)
    if est is None:
        return {
            "enterprise_id": ent.pk,
            "month": None,
            "status": "reported",
            "kwh": None,
            "estimate": None,
            "error_pct": None,
            "explanation": "",
        }
    return {
        "enterprise_id": ent.pk,
        "month": f"{est.month:%Y-%m}",
        "status": est.status,
        "kwh": est.kwh,
        "estimate": est.value if est.shown else None,
        "error_pct": est.error_pct,
        "explanation": est.explain(),
    }
