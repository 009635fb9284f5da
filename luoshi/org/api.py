"""Organisation API: who am I, and scoped autocomplete of villages and grids."""

from __future__ import annotations

from django.http import HttpRequest
from ninja import Router, Schema

from luoshi.lib.schema import Count, Id
from luoshi.org.models import Grid, Village
from luoshi.org.scoping import scope_of, visible

router = Router(tags=["org"])


class MeOut(Schema):
    username: str
    name: str
    roles: list[str]
    town_ids: list[int]


class PlaceOut(Schema):
    id: int
    code: str
    name: str


@router.get("/me", response=MeOut)
def me(request: HttpRequest):
    scope = scope_of(request.user)
    return {
        "username": request.user.username,
        "name": str(request.user),
        "roles": sorted(scope.roles) + (["admin"] if scope.is_admin and "admin" not in scope.roles else []),
        "town_ids": sorted(scope.member_town_ids),
    }


@router.get("/villages", response=list[PlaceOut])
def villages(request: HttpRequest, q: str = "", limit: Count = 20):
    qs = visible(Village, request.user)
    if q:
        qs = qs.filter(name__icontains=q)
    return list(qs.order_by("code")[: min(limit, 100)])


@router.get("/grids", response=list[PlaceOut])
def grids(request: HttpRequest, q: str = "", village: Id | None = None, limit: Count = 20):
    qs = visible(Grid, request.user)
    if village:
        qs = qs.filter(village_id=village)
    if q:
        qs = qs.filter(name__icontains=q)
    return list(qs.order_by("code")[: min(limit, 100)])
