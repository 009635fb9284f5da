"""Assistance API (read-only): households masked as on the pages, and the KPIs. Full values are
never served here: they need a stated reason on the household page, which logs the view."""

from __future__ import annotations

from django.core.exceptions import PermissionDenied
from django.http import HttpRequest
from ninja import Router, Schema
from ninja.pagination import paginate

from luoshi.assistance import selectors as sel
from luoshi.lib.masking import mask_id_number, mask_phone
from luoshi.lib.schema import Id, Pagination, Year
from luoshi.org.scoping import scope_of

router = Router(tags=["assistance"])


class HouseholdOut(Schema):
    id: int
    number: str
    town_id: int
    village_id: int
    grid_id: int | None
    head_name: str
    head_id_number: str  # masked
    phone: str  # masked
    category: str
    channel: str
    risk_type: str
    status: str
    identify_due: str
    members: int

    @staticmethod
    def resolve_head_id_number(obj) -> str:
        return mask_id_number(obj.head_id_number)

    @staticmethod
    def resolve_phone(obj) -> str:
        return mask_phone(obj.phone)

    @staticmethod
    def resolve_identify_due(obj) -> str:
        return obj.identify_due.isoformat()

    @staticmethod
    def resolve_members(obj) -> int:
        return obj.members.count()


def _reader(request: HttpRequest) -> None:
    if not scope_of(request.user).has(*sel.READERS):
        raise PermissionDenied


@router.get("/households", response=list[HouseholdOut])
@paginate(Pagination, page_size=50)
def list_households(request: HttpRequest):
    _reader(request)
    return sel.households_for(request.user).order_by("id")


@router.get("/households/{household_id}", response=HouseholdOut)
def get_household(request: HttpRequest, household_id: Id):
    _reader(request)
    return sel.get_household(request.user, household_id)


class KpiOut(Schema):
    town_id: int
    year: int
    new_households: int
    new_people: int
    eliminated_households: int
    eliminated_people: int
    monitored: int
    with_measures: int
    coverage: float | None
    reflagged: int
    paid: dict[str, float]


@router.get("/kpis", response=list[KpiOut])
def kpis(request: HttpRequest, year: Year = 2026):
    _reader(request)
    out = []
    towns = list(sel.kpi_towns(request.user))
    by_town = sel.kpis_by_town(towns, year)
    for town in towns:
        k = by_town[town.pk]
        out.append(
            {
                "town_id": town.pk,
                "year": year,
                **{key: k[key] for key in KpiOut.model_fields if key in k and key != "paid"},
                "paid": {p: float(total) for p, (total, _n) in k["paid"].items()},
            }
        )
    return out
