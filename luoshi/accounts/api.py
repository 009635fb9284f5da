"""Indicators API: the catalogue and one value with its provenance, over the same selectors."""

from __future__ import annotations

from django.core.exceptions import PermissionDenied
from django.http import Http404, HttpRequest
from ninja import Router, Schema

from luoshi.accounts import periods
from luoshi.accounts import selectors as sel
from luoshi.org.scoping import scope_of

router = Router(tags=["accounts"])


class IndicatorOut(Schema):
    code: str
    name: str
    aliases: list[str]
    unit: str
    measure: str
    definition: str
    version: str
    period: str
    cumulative: bool
    level: str
    source: str
    computation: str
    source_body: str
    town_id: int | None


class RecordOut(Schema):
    id: int
    counted: bool


class ValueOut(Schema):
    indicator: str
    town_id: int
    period: str
    period_label: str  # Chinese, as a report quotes it
    period_display: str  # in the request's language, for people
    value: float | None
    numerator: float | None
    denominator: float | None
    source: str
    definition: str
    version: str
    # computed: the records behind it that the caller may open, and how many they may not
    record_model: str | None = None
    records: list[RecordOut] = []
    records_total: int = 0
    records_hidden: int = 0
    # reported / manual: where the number comes from
    source_document: str | None = None
    note: str | None = None
    entered_by: str | None = None
    entered_at: str | None = None


def _reader(request: HttpRequest) -> None:
    if not scope_of(request.user).has(*sel.READERS):
        raise PermissionDenied


@router.get("/indicators", response=list[IndicatorOut])
def list_indicators(request: HttpRequest, source: str = ""):
    _reader(request)
    qs = sel.indicators_for(request.user).filter(is_active=True)
    if source:
        qs = qs.filter(source=source)
    return list(qs)


@router.get("/indicators/{code}/values/{town_id}/{period}", response=ValueOut)
def get_value(request: HttpRequest, code: str, town_id: int, period: str, page: int = 1):
    """The value for a town and period with its provenance (records paginated, 200 per page)."""
    _reader(request)
    indicator = sel.indicator_for(request.user, code)
    town = sel.town_for(request.user, town_id)
    try:
        p = periods.parse(period)
    except periods.PeriodError as exc:
        raise Http404("bad period") from exc
    fig = sel.figure(indicator, town, p)
    prov = sel.provenance(request.user, fig, page, per_page=200)
    out = {
        "indicator": indicator.code,
        "town_id": town.pk,
        "period": p.key,
        "period_label": fig.period_label,
        "period_display": fig.period_display,
        "value": fig.value,
        "numerator": fig.numerator,
        "denominator": fig.denominator,
        "source": indicator.source,
        "definition": fig.result.definition if fig.result else indicator.definition,
        "version": fig.version,
    }
    if fig.result is not None:
        out.update(
            record_model=fig.result.model,
            records=[{"id": o.pk, "counted": o.pk in prov.counted_ids} for o in prov.page.object_list],
            records_total=prov.total,
            records_hidden=prov.hidden,
        )
    elif fig.row is not None:
        out.update(
            source_document=fig.row.source_document,
            note=fig.row.note,
            entered_by=str(fig.row.entered_by) if fig.row.entered_by else None,
            entered_at=fig.row.entered_at.isoformat(),
        )
    return out
