"""County assessment API: read-only, over the same selectors as the pages (unpublished results and
other towns' live scores are 404 exactly as there).

    GET /api/county/schemes                                  schemes (towns and deputies: current ones)
    GET /api/county/schemes/{id}                             one scheme with its lines
    GET /api/county/schemes/{id}/results                     its results, ranked within each category
    GET /api/county/schemes/{id}/towns/{town}/scores         a town's live breakdown
    GET /api/county/results/{id}                             a stored result, every town's breakdown
    GET /api/county/results/{id}/towns/{town}                one town's stored breakdown

Every line of a breakdown carries ``provenance``: the page listing the records behind its value.
No write method: computing and publishing stay on the pages (with their confirmations)."""

from __future__ import annotations

from django.core.exceptions import PermissionDenied
from django.http import Http404, HttpRequest
from django.urls import reverse
from ninja import Router, Schema

from luoshi.county import selectors as sel
from luoshi.county.models import Category, ResultRow
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
    provenance: str  # the page of the records behind the value


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


def _row(row) -> dict:
    """One town's stored result row with its lines, as every result endpoint gives it."""
    return {
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
        "lines": _lines(row.detail, row.town_id),
    }


def _lines(detail: dict, town_id: int) -> list[dict]:
    return [
        {
            "provenance": sel.provenance_url(d, town_id),
            **{
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
            },
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
        _row(row)
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
        "lines": _lines(board.detail(ts), town.pk),
    }


class SchemeOut(Schema):
    id: int
    name: str
    kind: str
    year: int
    quarter: int
    version: int
    current: bool
    frozen: bool
    pass_score: float
    document: str


class SchemeLineOut(Schema):
    id: int
    group: str
    indicator: str
    name: str
    unit: str
    weight: float
    rule: str
    target: float | None
    targets: dict
    cap: float
    lower_is_better: bool


class SchemeDetailOut(SchemeOut):
    lines: list[SchemeLineOut]
    towns: list[dict]


class TownRankOut(Schema):
    town_id: int
    town: str
    total: float
    rank: int | None
    passed: bool
    vetoed: bool
    breakdown: str  # this town's breakdown in the API


class CategoryOut(Schema):
    category: int
    label: str
    towns: list[TownRankOut]


class ResultSummaryOut(Schema):
    id: int
    computed_at: str
    published_at: str | None
    digest: str
    categories: list[CategoryOut]


def _scheme(s) -> dict:
    return {
        "id": s.pk,
        "name": s.name,
        "kind": s.kind,
        "year": s.year,
        "quarter": s.quarter,
        "version": s.version,
        "current": s.is_current,
        "frozen": s.frozen,
        "pass_score": s.pass_score,
        "document": s.document,
    }


def _readable_scheme(request, scheme_id):
    """The scheme as the pages show it: the county every version, the towns and deputies the current
    ones (an earlier version is the county's own record)."""
    _require(request, *sel.READERS)
    scheme = sel.scheme_for(request.user, scheme_id)
    if not sel.is_county(request.user) and not scheme.is_current:
        raise Http404("not found")
    return scheme


@router.get("/schemes", response=list[SchemeOut])
def schemes(request: HttpRequest):
    """The assessment schemes the user may read."""
    _require(request, *sel.READERS)
    county = sel.is_county(request.user)
    rows = sel.schemes_for(request.user).select_related("next_version").order_by("-year", "name", "-version")
    return [_scheme(s) for s in rows if county or s.is_current]


@router.get("/schemes/{scheme_id}", response=SchemeDetailOut)
def scheme(request: HttpRequest, scheme_id: Id):
    """One scheme with its lines (indicator, group, weight, rule, targets) and its towns' categories."""
    s = _readable_scheme(request, scheme_id)
    lines = [
        {
            "id": line.pk,
            "group": line.group,
            "indicator": line.indicator.code,
            "name": line.indicator.name,
            "unit": line.indicator.unit,
            "weight": line.weight,
            "rule": line.rule,
            "target": line.target,
            "targets": line.targets or {},
            "cap": line.cap,
            "lower_is_better": line.lower_is_better,
        }
        for line in s.lines.select_related("indicator").order_by("order", "id")
    ]
    towns = [
        {"town_id": m.town_id, "town": m.town.name, "category": m.category}
        for m in s.towns.select_related("town")
    ]
    return {**_scheme(s), "lines": lines, "towns": towns}


@router.get("/schemes/{scheme_id}/results", response=list[ResultSummaryOut])
def scheme_results(request: HttpRequest, scheme_id: Id):
    """The scheme's stored results, newest first, each ranked within its categories (drafts only for
    the county; the towns and deputies see published ones)."""
    s = _readable_scheme(request, scheme_id)
    results = list(sel.results_for(request.user).filter(scheme=s).order_by("-computed_at", "-id"))
    rows_by: dict[int, list] = {}
    for row in (
        ResultRow.objects.filter(result__in=results)
        .select_related("town")
        .order_by("category", "vetoed", "rank", "town__code")
    ):
        rows_by.setdefault(row.result_id, []).append(row)
    labels = dict(Category.choices)
    out = []
    for r in results:
        cats: dict[int, list] = {}
        for row in rows_by.get(r.pk, []):
            cats.setdefault(row.category, []).append(
                {
                    "town_id": row.town_id,
                    "town": row.town.name,
                    "total": row.total,
                    "rank": row.rank,
                    "passed": row.passed,
                    "vetoed": row.vetoed,
                    "breakdown": reverse("api:result_town", args=[r.pk, row.town_id]),
                }
            )
        out.append(
            {
                "id": r.pk,
                "computed_at": r.computed_at.isoformat(),
                "published_at": r.published_at.isoformat() if r.published_at else None,
                "digest": r.digest,
                "categories": [
                    {"category": c, "label": str(labels.get(c, c)), "towns": towns}
                    for c, towns in cats.items()
                ],
            }
        )
    return out


@router.get("/results/{result_id}/towns/{town_id}", response=TownScoreOut, url_name="result_town")
def result_town(request: HttpRequest, result_id: Id, town_id: Id):
    """One town's stored breakdown of a result: each line's value, target, completion and score with
    the link to its provenance."""
    _require(request, *sel.READERS)
    r = sel.result_for(request.user, result_id)
    row = r.rows.select_related("town").filter(town_id=town_id).first()
    if row is None:
        raise Http404("not found")
    return _row(row)
