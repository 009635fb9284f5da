"""Ledgers API: register items and the outcome rankings, over the same selectors as the pages."""

from __future__ import annotations

from django.core.exceptions import PermissionDenied
from django.http import Http404, HttpRequest
from django.shortcuts import get_object_or_404
from ninja import Router, Schema
from ninja.pagination import paginate

from luoshi.ledgers import selectors as sel
from luoshi.ledgers.models import RegisterType
from luoshi.lib.schema import Id, Pagination
from luoshi.org.scoping import scope_of

router = Router(tags=["ledgers"])


class LedgerItemOut(Schema):
    id: int
    number: str
    name: str
    town_id: int
    village_id: int | None
    owner: str
    maintainer: str
    latitude: float | None
    longitude: float | None
    attributes: dict


class RankOut(Schema):
    rank: int
    name: str
    score: float
    inspections: int
    failed: int


def _staff(request: HttpRequest) -> None:
    if not request.user.is_authenticated or not scope_of(request.user).is_staff_member:
        raise PermissionDenied


@router.get("/registers/{code}/items", response=list[LedgerItemOut])
@paginate(Pagination)
def list_items(request: HttpRequest, code: str, q: str = ""):
    _staff(request)
    rt = get_object_or_404(RegisterType, code=code[:30], is_active=True)
    return sel.items(request.user, rt, q=q[:40].replace("\x00", ""))


@router.get("/items/{item_id}", response=LedgerItemOut)
def get_item(request: HttpRequest, item_id: Id):
    _staff(request)
    return sel.get_item(request.user, item_id)


@router.get("/ranking/{sheet_code}/{period}", response=list[RankOut])
def ranking(request: HttpRequest, sheet_code: str, period: str, by: str = "village"):
    """Villages (``by=village``) or maintainers (``by=contractor``) by mean score, best first."""
    _staff(request)
    if by not in ("village", "contractor"):
        raise Http404("by")
    town_ids = list(sel.ranking_towns(request.user).values_list("id", flat=True))
    code, period = sheet_code[:30], period[:8]
    if by == "village":
        rows = sel.village_ranking(request.user, code, period, town_ids)
        name = lambda r: f"{r['town__name']} {r['village__name']}"  # noqa: E731
    else:
        rows = sel.contractor_ranking(request.user, code, period, town_ids)
        name = lambda r: r["contractor"]  # noqa: E731
    return [
        {
            "rank": r["rank"],
            "name": name(r),
            "score": r["score"],
            "inspections": r["n"],
            "failed": r["failed"],
        }
        for r in rows
    ]
