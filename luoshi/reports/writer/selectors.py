"""Reads of report drafts: who may write for which towns, a draft as HTML blocks, .docx, round trip.

Drafts are written by the town's leaders and office staff (党政办) and by the county; everyone else
gets a 403 (no role) or a 404 (another town's draft).
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from django.db.models import Q, QuerySet
from django.http import Http404
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _

from luoshi.accounts.selectors import bound_figures
from luoshi.lib.quantity import format_amount
from luoshi.org.models import Town
from luoshi.org.roles import Role
from luoshi.org.scoping import get_visible_or_404, scope_of, visible
from luoshi.plans.models import Item, Plan
from luoshi.reports import accountability
from luoshi.reports.models import Draft, Report
from luoshi.reports.writer import compose, docx, roundtrip

WRITE_ROLES = (Role.COUNTY, Role.LEADER, Role.OFFICE)


def writable_towns(user) -> QuerySet[Town]:
    s = scope_of(user)
    if s.is_admin:
        return Town.objects.all()
    if not s.has(*WRITE_ROLES):
        return Town.objects.none()
    return Town.objects.filter(Q(county_id__in=s.county_ids) | Q(id__in=s.town_ids))


def town_for(user, pk) -> Town:
    try:
        return writable_towns(user).get(pk=int(pk))
    except (Town.DoesNotExist, TypeError, ValueError) as exc:
        raise Http404("not found") from exc


def drafts_for(user) -> QuerySet[Draft]:
    return visible(Draft.objects.select_related("town", "updated_by"), user)


def draft_for(user, pk: int) -> Draft:
    return get_visible_or_404(Draft.objects.select_related("town"), user, pk=pk)


@dataclass
class Shown:
    key: str
    kind: str
    part: str
    segments: list
    edited: bool
    template: str


@dataclass
class Rendered:
    blocks: list[Shown]
    fields: dict
    stale: list[str]
    broken: list[str]
    missing: list[compose.Field]


def rendered(draft: Draft) -> Rendered:
    comp = compose.Composition.from_dict(draft.composition)
    merged = compose.merge(comp, draft.edits)
    blocks = [
        Shown(
            key=b.key,
            kind=b.kind,
            part=b.part,
            segments=compose.segments(b.template, comp.fields),
            edited=b.key in draft.edits,
            template=b.template,
        )
        for b in merged.blocks
    ]
    missing = [f for f in compose.quoted_fields(merged.blocks, comp.fields) if f.missing]
    return Rendered(blocks, comp.fields, merged.stale, merged.broken, missing)


def block_of(draft: Draft, key: str) -> tuple[compose.Block, compose.Composition]:
    comp = compose.Composition.from_dict(draft.composition)
    for b in compose.merge(comp, draft.edits).blocks:
        if b.key == key:
            return b, comp
    raise Http404("no such block")


def plain_blocks(draft: Draft) -> list[tuple[str, str]]:
    comp = compose.Composition.from_dict(draft.composition)
    return [
        (b.kind, compose.render(b.template, comp.fields)) for b in compose.merge(comp, draft.edits).blocks
    ]


def docx_bytes(draft: Draft) -> bytes:
    return docx.write(plain_blocks(draft), title=plain_blocks(draft)[0][1])


def docx_name(draft: Draft) -> str:
    return f"{draft.town.name}{draft.year}年工作报告（草稿v{draft.version}）.docx"


def round_trip(draft: Draft, data: bytes | None = None) -> tuple[list[compose.Field], list[roundtrip.Miss]]:
    """Read the draft's .docx with the report reader: the numbers quoted, and those it did not find."""
    from luoshi.reports.reader import parse

    comp = compose.Composition.from_dict(draft.composition)
    blocks = compose.merge(comp, draft.edits).blocks
    fields = compose.quoted_fields(blocks, comp.fields)
    parsed = parse(data if data is not None else docx_bytes(draft), name="draft.docx")
    return fields, roundtrip.check(fields, parsed.facts)


# --- Accountability (兑现表) of one town ------------------------------------------------------------------


@dataclass
class RecordRow:
    row: accountability.Row
    target_url: str
    result_url: str
    running: bool  # the year is not over: the result is counted up to now


def report_rows(user, town: Town) -> list[accountability.Row]:
    """Year t's targets in the town's stored reports against the next report's results."""
    reports = []
    qs = visible(Report.objects.filter(town=town), user).prefetch_related("facts")
    for rep in qs:
        meta = dict(rep.meta or {}, jurisdiction=town.name)
        meta["review_year"], meta["plan_year"] = rep.review_year, rep.plan_year
        facts = [
            {
                "part": f.part,
                "kind": f.kind,
                "measure": f.measure,
                "metric": f.metric,
                "value": f.value,
                "unit": f.unit,
                "approx": f.approx,
                "commitment": f.commitment,
                "year": f.year,
                "quote": f.quote,
            }
            for f in rep.facts.all()
        ]
        reports.append({"doc": rep.title, "meta": meta, "facts": facts, "id": rep.pk})
    return accountability.table(reports)


def record_rows(town: Town, now: dt.datetime | None = None) -> list[RecordRow]:
    """Each plan's targets against what Luoshi records for that year: the bound indicator's value
    (computed or reported), else the actual typed in the plan's progress updates."""
    now = now or timezone.now()
    out = []
    for plan in Plan.objects.filter(town=town).order_by("year"):
        items = list(
            plan.items.filter(kind=Item.Kind.TARGET, target_value__isnull=False)
            .select_related("indicator")
            .order_by("order", "id")
        )
        figs = bound_figures(items, town, plan.year, now)
        for it in items:
            fig = figs.get(it.pk)
            result_url = fig.url if fig is not None else reverse("plans:item", args=[it.pk])
            if fig is not None:
                value, unit = fig.value, it.indicator.unit
                quote = (
                    f"{fig.display}（{fig.period_label}，{it.indicator.get_source_display()}）"
                    if value is not None
                    else ""
                )
            else:
                value, unit = it.actual_value, it.unit
                quote = (
                    _("%(v)s（计划进度台账）") % {"v": format_amount(value, unit)}
                    if value is not None
                    else ""
                )
            target, tunit = compose.reader_units(it.target_value, it.unit)
            result = None
            if value is not None:
                rv, runit = compose.reader_units(value, unit)
                result = rv if runit == tunit else None
            row = accountability.Row(
                place=town.name,
                year=plan.year,
                metric=it.name,
                measure=it.measure or "level",
                target=target,
                unit=tunit,
                approx=it.qualifier if it.qualifier not in ("确保", "力争") else "",
                commitment=it.qualifier if it.qualifier in ("确保", "力争") else "",
                target_quote=it.source_quote or f"{it.name}{it.target_label}",
                target_doc=plan.title,
                result=result,
                result_quote=quote if result is not None else "",
                result_doc="",
                verdict=accountability.judge(
                    target,
                    result,
                    measure=it.measure or "level",
                    approx=it.qualifier,
                    ceiling=accountability.is_ceiling(it.qualifier, it.source_quote),
                ),
            )
            out.append(
                RecordRow(
                    row=row,
                    target_url=reverse("plans:item", args=[it.pk]),
                    result_url=result_url,
                    running=plan.year >= timezone.localtime(now).year,
                )
            )
    return out
