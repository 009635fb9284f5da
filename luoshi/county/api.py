"""County assessment API: read-only, over the same selectors as the pages (unpublished results and
other towns' live scores are 404 exactly as there)."""

from __future__ import annotations

from django.core.exceptions import PermissionDenied
from django.http import Http404, HttpRequest
from ninja import Router, Schema

from luoshi.county import selectors as sel
from luoshi.lib.schema import Id
from luoshi.org.roles import Role
from luoshi.org.scoping import scope_of

router = Router(tags=["county"])


class LineOut(Schema):
    line: int
    indicator: str
    name: str
    group: str
    weight: float
    value: float | None
    target: float | None
    completion: float | None
    score: float
    period: str


class TownScoreOut(Schema):
    town_id: int
    town: str
    category: int
    base: float
    bonus: float
    deduction: float
    total: float
    vetoed: bool
    rank: int | None
    passed: bool
    lines: list[LineOut]


class ResultOut(Schema):
    id: int
    scheme: str
    version: int
    computed_at: str
    published_at: str | None
    digest: str
    rows: list[TownScoreOut]


def _lines(detail: dict) -> list[dict]:
    return [
        {
            k: d[k]
            for k in (
                "line",
                "indicator",
                "name",
                "group",
                "weight",
                "value",
                "target",
                "completion",
                "score",
                "period",
            )
        }
        for d in detail.get("lines", [])
    ]


def _require(request, *roles):
    if not scope_of(request.user).has(*roles):
        raise PermissionDenied


@router.get("/results/{result_id}", response=ResultOut)
def result(request: HttpRequest, result_id: Id):
    """A stored result with every town's breakdown (drafts for the county only)."""
    _require(request, *sel.READERS)
    r = sel.result_for(request.user, result_id)
    rows = [
        {
            "town_id": row.town_id,
            "town": row.town.name,
            "category": row.category,
            "base": row.base,
            "bonus": row.bonus,
            "deduction": row.deduction,
            "total": row.total,
            "vetoed": row.vetoed,
            "rank": row.rank,
            "passed": row.passed,
            "lines": _lines(row.detail),
        }
        for row in r.rows.select_related("town").order_by("category", "vetoed", "rank", "town__code")
    ]
    return {
        "id": r.pk,
        "scheme": r.scheme.name,
        "version": r.scheme.version,
        "computed_at": r.computed_at.isoformat(),
        "published_at": r.published_at.isoformat() if r.published_at else None,
        "digest": r.digest,
        "rows": rows,
    }


@router.get("/schemes/{scheme_id}/towns/{town_id}/scores", response=TownScoreOut)
def town_scores(request: HttpRequest, scheme_id: Id, town_id: Id):
    """A town's live scores (the county: any town; a town's leaders and office: their own)."""
    _require(request, Role.COUNTY, Role.LEADER, Role.OFFICE)
    scheme = sel.scheme_for(request.user, scheme_id)
    town = sel.town_in_scheme(request.user, scheme, town_id)
    board = sel.live_scores(scheme, town_ids={town.pk})
    if not board.scores:
        raise Http404("not found")
    ts = board.scores[0]
    return {
        "town_id": town.pk,
        "town": town.name,
        "category": ts.category,
        "base": ts.base,
        "bonus": ts.bonus,
        "deduction": ts.deduction,
        "total": ts.total,
        "vetoed": ts.vetoed,
        "rank": None,
        "passed": ts.passed,
        "lines": _lines(board.detail(ts)),
    }
