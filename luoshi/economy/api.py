"""Economy API: town totals for every reader of the town; the register, one enterprise's returns and
the warnings only for its town's leaders and economy office (404 for anyone else), every
per-enterprise read logged like the page."""

from __future__ import annotations

import datetime as dt
from typing import Annotated

from django.core.exceptions import PermissionDenied
from django.http import Http404, HttpRequest
from ninja import Field, Router, Schema

from luoshi.accounts.selectors import READERS
from luoshi.economy import access
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


@router.get("/towns/{town_id}/summary", response=SummaryOut)
def town_summary(
    request: HttpRequest,
    town_id: Id,
    year: YearParam = None,
    month: MonthParam = None,
    scale: Annotated[str, Field(max_length=20)] = "industry",
):
    """A town's totals for a month (latest with data by default): 当月, 环比, 同比, 1–N月累计, 累计同比."""
    _reader(request)
    town = access.reader_towns(request.user).filter(pk=town_id).first()
    if town is None:
        raise Http404("not found")
    scale_value = scale if scale in Scale.values else None
    if year and month:
        when = dt.date(year, month, 1)
    else:
        when = sel.latest_month([town]) or dt.date.today().replace(day=1)
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
