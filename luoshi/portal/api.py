"""The open-data API (``/api/portal/``): no login, read only, the same datasets and the same privacy
allow-list (``luoshi.portal.policy``) as the pages and downloads."""

from __future__ import annotations

from typing import Annotated, Any

from django.http import HttpRequest
from ninja import Field, Path, Router, Schema

from luoshi.portal import selectors

router = Router(tags=["portal"])

AreaCode = Annotated[str, Field(pattern=r"^\d{6,12}$", max_length=12)]
DatasetKey = Annotated[str, Field(pattern=r"^[a-z-]{1,30}$", max_length=30)]


class AreaOut(Schema):
    code: str
    name: str
    is_county: bool
    towns: list[str]


class FieldOut(Schema):
    key: str
    label: str


class DatasetInfo(Schema):
    key: str
    title: str
    fields: list[FieldOut]


class DatasetOut(Schema):
    area: AreaOut
    dataset: str
    title: str
    fields: list[FieldOut]
    rows: list[dict[str, Any]]


class DocumentOut(Schema):
    pk: int
    title: str
    published_at: Any


class CatalogueItemOut(Schema):
    pk: int
    category: str
    title: str
    basis: str
    owner: str
    deadline: str
    channel: str
    documents: list[DocumentOut]


def _area(a: selectors.Area) -> dict:
    return {"code": a.code, "name": a.name, "is_county": a.is_county, "towns": [t.name for t in a.towns]}


def _info(ds: selectors.Dataset) -> dict:
    return {
        "key": ds.key,
        "title": str(ds.title),
        "fields": [{"key": k, "label": str(label)} for k, label in ds.columns],
    }


@router.get("/areas", response=list[AreaOut], auth=None)
def areas(request: HttpRequest):
    """The county and its towns: the areas every dataset is published for."""
    return [_area(a) for a in selectors.areas()]


@router.get("/datasets", response=list[DatasetInfo], auth=None)
def datasets(request: HttpRequest):
    """The datasets, with their fields (the privacy allow-list's public fields and derived figures)."""
    return [_info(ds) for ds in selectors.datasets().values()]


@router.get("/areas/{code}/datasets/{key}", response=DatasetOut, auth=None)
def dataset(request: HttpRequest, code: Path[AreaCode], key: Path[DatasetKey]):
    """One dataset of one area (rows keyed by field; small case-statistics cells are null)."""
    a = selectors.area_or_404(code)
    ds = selectors.dataset_or_404(key)
    rows = [{k: r.get(k) for k, _l in ds.columns} for r in ds.rows(a)]
    return {**_info(ds), "dataset": ds.key, "area": _area(a), "rows": rows}


@router.get("/areas/{code}/catalogue", response=list[CatalogueItemOut], auth=None)
def catalogue(request: HttpRequest, code: Path[AreaCode]):
    """The area's 主动公开目录 and the reviewed documents published under each item."""
    return selectors.catalogue(selectors.area_or_404(code))
