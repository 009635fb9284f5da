"""Reports API: scoped list and detail, and reading a pasted report — over the same services as the pages."""

# No `from __future__ import annotations`: ninja resolves the paginated view's parameter types
# in its own module, where the bounded types (`Id`, `Year`) are unknown as strings.

import datetime as dt

from django.core.exceptions import ValidationError
from django.http import HttpRequest
from django.utils.translation import gettext as _
from ninja import Field, Router, Schema, Status
from ninja.errors import HttpError
from ninja.pagination import paginate

from luoshi.lib.schema import Id, Pagination, Year
from luoshi.org.scoping import visible_towns
from luoshi.reports import selectors, services

router = Router(tags=["reports"])


class ReportOut(Schema):
    id: int
    title: str
    town_id: int | None
    town: str | None = None
    review_year: int | None
    plan_year: int | None
    source_name: str
    content_hash: str
    fact_count: int = 0
    updated_at: dt.datetime

    @staticmethod
    def resolve_town(obj) -> str | None:
        return obj.town.name if obj.town_id else None


class FactOut(Schema):
    seq: int
    part: str
    kind: str
    measure: str
    metric: str
    value: float
    unit: str
    approx: str
    commitment: str
    year: int | None
    quote: str
    start: int
    end: int


class ReportDetailOut(ReportOut):
    meta: dict
    sections: list[dict]
    warnings: list
    facts: list[FactOut]


class ReportIn(Schema):
    text: str = Field(..., min_length=1, description="报告全文（纯文本或网页源码）")
    town_id: Id | None = Field(None, description="所属乡镇；不填则根据报告内容判断")
    name: str = Field("", max_length=255, description="来源名称")


class StoredOut(Schema):
    created: bool
    report: ReportDetailOut


def _detail(report):
    report.fact_count = report.facts.count()
    return report


@router.get("/", response=list[ReportOut])
@paginate(Pagination, page_size=20)
def report_list(request: HttpRequest, town: Id | None = None, year: Year | None = None):
    return selectors.report_list(request.user, town=str(town or ""), year=str(year or ""))


@router.get("/{int:report_id}", response=ReportDetailOut)
def report_detail(request: HttpRequest, report_id: Id):
    return _detail(selectors.report_get(request.user, report_id))


@router.post("/", response={200: StoredOut, 201: StoredOut})
def report_create(request: HttpRequest, payload: ReportIn):
    if not selectors.can_upload(request.user):
        raise HttpError(403, _("您没有上传报告的权限。"))
    town = None
    if payload.town_id is not None:
        town = visible_towns(request.user).filter(pk=payload.town_id).first()
        if town is None:
            raise HttpError(422, _("所选乡镇不存在或不在您的范围内。"))
    try:
        name = payload.name or "api.txt"
        parsed = services.read_source(source=payload.text.encode("utf-8"), name=name)
        town = services.resolve_town(parsed=parsed, town=town, user=request.user)
    except ValidationError as exc:
        raise HttpError(422, " ".join(exc.messages)) from exc
    report, created = services.report_store(
        parsed=parsed, town=town, uploaded_by=request.user, source_name=name
    )
    return Status(201 if created else 200, {"created": created, "report": _detail(report)})
