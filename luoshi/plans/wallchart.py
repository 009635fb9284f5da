"""The 挂图作战 wall chart as server-rendered SVG: every year the projects span, grouped, with baselines.

Built as one string (no per-element template rendering) so 600 projects with 8,000 milestones render
well inside the page budget (bench/bench_wallchart.py). Names are escaped here; the result is marked
safe by the view. Editors get each milestone as a link to its move form (keyboard) that
``plans/wallchart.js`` also lets them drag; readers get the same picture without links.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import struct
import threading
import zlib
from dataclasses import dataclass, field
from html import escape

from django.core.cache import cache
from django.db import connection
from django.urls import reverse
from django.utils.cache import patch_vary_headers
from django.utils.translation import get_language, gettext_lazy
from django.utils.translation import gettext as _

from luoshi.plans import schedule as sch
from luoshi.plans import selectors as sel
from luoshi.plans.models import Milestone, MilestoneLink, Project, Update
from luoshi.plans.scheduling import overrides

LABEL_W, ROW_H, HEAD_H, TIMELINE_W = 280, 24, 40, 1400
GROUPS = {
    "leader": gettext_lazy("按挂钩领导"),
    "unit": gettext_lazy("按责任单位"),
    "stage": gettext_lazy("按阶段"),
}
MAX_YEARS = 10
CACHE_SECONDS = 300


@dataclass
class Line:
    row: sel.Row
    milestones: list = field(default_factory=list)
    slip: int | None = None


class _Names(dict):
    """Escaped milestone names, each escaped once (templates repeat the same step names)."""

    def __missing__(self, key: str) -> str:
        value = self[key] = escape(key)
        return value


def _url(name: str, pk: int) -> str:
    """``reverse`` once per name: thousands of calls would cost more than the rest of the chart."""
    head, tail = _URLS.get(name) or _URLS.setdefault(
        name, tuple(reverse(name, args=[987654321]).split("987654321"))
    )
    return f"{head}{pk}{tail}"


_URLS: dict[str, tuple[str, ...]] = {}


def _group_key(p: Project, group: str) -> tuple:
    if group == "leader":
        return (str(p.leader),) if p.leader else ("",)
    if group == "unit":
        return (str(p.owner_unit),) if p.owner_unit else ("",)
    if group == "stage":
        return (p.stage_index, p.get_stage_display())
    return ("",)


def _range(lines: list[Line], today: dt.date, year: int) -> tuple[dt.date, dt.date]:
    days = [today]
    for ln in lines:
        p = ln.row.obj
        days += [d for d in (p.start_date, p.deadline) if d]
        for m in ln.milestones:
            days += [
                d
                for d in (m.planned_start, m.planned_date, m.baseline_start, m.baseline_date, m.actual_date)
                if d
            ]
    lo, hi = min(days + [dt.date(year, 1, 1)]), max(days + [dt.date(year, 12, 31)])
    lo_year = max(lo.year, hi.year - MAX_YEARS + 1)
    return dt.date(lo_year, 1, 1), dt.date(hi.year, 12, 31)


def chart(plan, projects, filters: dict, today: dt.date, *, group: str = "", editable: bool = False) -> dict:
    """The chart, cached per plan, filters, role and language until any project, milestone, link or
    update changes (every write leaves a history row, so the newest history ids are the version)."""
    key = (
        "plans:wall:"
        + hashlib.sha256(
            repr(
                (plan.pk, sorted(filters.items()), group, editable, get_language(), today, _version())
            ).encode()
        ).hexdigest()
    )
    cached = cache.get(key)
    if cached is None:
        with _BUILDING:  # one build at a time per process: threads missing together wait for the first
            cached = cache.get(key)
            if cached is None:
                cached = _build_cached(plan, projects, today, filters, group, editable, key)
    return cached


_BUILDING = threading.Lock()


def _build_cached(plan, projects, today, filters, group, editable, key) -> dict:
    cached = build(plan, projects, today, status=filters.get("status", ""), group=group, editable=editable)
    # Kept as UTF-8 bytes: the page splices them in (``splice``) instead of passing 2.3 MB of text
    # through the template engine, which copied it at every block and encoded it again.
    cached["svg"] = cached["svg"].encode()
    cached["svg_z"] = _deflate(cached["svg"], level=6)
    cache.set(key, cached, CACHE_SECONDS)
    return cached


MARK = "<!--wallchart-svg-->"
_GZIP_HEADER = b"\x1f\x8b\x08\x00\x00\x00\x00\x00\x00\xff"  # RFC 1952: deflate, no name, no mtime


def _deflate(data: bytes, *, level: int, final: bool = False) -> bytes:
    """A raw deflate piece from a fresh compressor, ended on a byte boundary (sync flush) so pieces
    concatenate into one valid stream; ``final`` ends the stream."""
    c = zlib.compressobj(level, zlib.DEFLATED, -15)
    return c.compress(data) + c.flush(zlib.Z_FINISH if final else zlib.Z_SYNC_FLUSH)


def splice(request, response, chart: dict):
    """Put the chart where the template rendered ``MARK`` (once, in ``div.wall``).

    A browser that accepts gzip gets the page gzipped with the chart's deflate piece compressed once
    per chart version (2.3 MB → about a tenth, and no per-request compression). The rest of the page
    (CSRF token, the reflected search text) goes in *stored* (uncompressed) deflate blocks, so its
    length reveals nothing about secrets (no BREACH oracle)."""
    head, found, tail = response.content.partition(MARK.encode())
    if not found:
        return response
    svg = chart["svg"]
    if "gzip" not in request.headers.get("Accept-Encoding", "") or response.has_header("Content-Encoding"):
        response.content = b"".join((head, svg, tail))
        return response
    crc = zlib.crc32(tail, zlib.crc32(svg, zlib.crc32(head)))
    size = (len(head) + len(svg) + len(tail)) & 0xFFFFFFFF
    response.content = b"".join(
        (
            _GZIP_HEADER,
            _deflate(head, level=0),
            chart["svg_z"],
            _deflate(tail, level=0, final=True),
            struct.pack("<II", crc, size),
        )
    )
    response["Content-Encoding"] = "gzip"
    patch_vary_headers(response, ("Accept-Encoding",))
    return response


def projects_of(plan):
    """The plan's projects with only the columns the chart reads (600 full rows with their leader
    and unit cost more to build as model instances than the rest of the chart)."""
    return plan.projects.select_related("owner_unit", "leader").only(
        "id", "plan_id", "kind", "name", "stage", "start_date", "deadline",
        "owner_unit__id", "owner_unit__name", "leader__id", "leader__full_name", "leader__username",
    )  # fmt: skip


def _version() -> tuple:
    """The newest history id and row id of each table the chart reads, in one statement (every
    request asks; eight separate aggregates cost eight round trips)."""
    models = (Milestone, MilestoneLink, Project, Update)
    parts = [f"(SELECT MAX(history_id) FROM {m.history.model._meta.db_table})" for m in models]
    parts += [f"(SELECT MAX(id) FROM {m._meta.db_table})" for m in models]
    with connection.cursor() as cur:
        cur.execute("SELECT " + ", ".join(parts))
        return tuple(cur.fetchone())


@dataclass
class Collected:
    lines: list[Line]
    start: dt.date
    end: dt.date
    links: dict[int, list[tuple[int, int]]]
    slips: dict[int, int | None]


def collect(plan, projects, today: dt.date, *, status: str = "", group: str = "") -> Collected:
    """The chart's data for the given (already scoped and filtered) projects: rows with milestones as
    tuples, links, slippage per milestone and project, the years spanned. Shared by the SVG, the API
    and the CLI export."""
    projects = list(projects)
    ids = [p.pk for p in projects]
    milestones: dict[int, list] = {}
    for m in (
        Milestone.objects.filter(project_id__in=ids)
        .order_by("project_id", "seq", "planned_date", "id")
        .values_list(*MS_FIELDS, named=True)
    ):
        milestones.setdefault(m.project_id, []).append(m)
    rows = sel.project_rows_light(projects, milestones, today)
    if status:
        rows = [r for r in rows if r.status == status]
    links: dict[int, list[tuple[int, int]]] = {}
    for pred, succ, lag in MilestoneLink.objects.filter(succ__plan_id=plan.pk).values_list(
        "pred_id", "succ_id", "lag"
    ):
        links.setdefault(succ, []).append((pred, lag))
    lines = [Line(r, milestones.get(r.obj.pk, [])) for r in rows]
    start, end = _range(lines, today, plan.year)
    index = sch.WorkdayIndex(start - dt.timedelta(days=1), end, overrides(today))
    slips: dict[int, int | None] = {}
    for ln in lines:
        worst = None
        for m in ln.milestones:
            slip = sch.slippage(
                m.baseline_date, m.planned_date, m.actual_date, today, lambda a, b: _between(index, a, b)
            )
            slips[m.id] = slip
            if slip is not None and (worst is None or slip > worst):
                worst = slip
        ln.slip = worst
    lines.sort(key=lambda ln: (_group_key(ln.row.obj, group), ln.row.obj.start_date or end, ln.row.obj.pk))
    return Collected(lines, start, end, links, slips)


def build(
    plan, projects, today: dt.date, *, status: str = "", group: str = "", editable: bool = False
) -> dict:
    """The chart for the given (already scoped and filtered) projects: SVG text plus figures."""
    c = collect(plan, projects, today, status=status, group=group)
    svg = _svg(c.lines, c.start, c.end, today, group, editable, c.links, c.slips)
    behind = sum(1 for ln in c.lines if ln.slip and ln.slip > 0)
    return {"svg": svg, "start": c.start, "end": c.end, "count": len(c.lines), "behind": behind}


def _iso(d: dt.date | None) -> str | None:
    return d.isoformat() if d else None


def data(plan, projects, today: dt.date, *, status: str = "", group: str = "") -> dict:
    """The wall chart as plain data (JSON-ready): what the picture shows, for scripts and other tools."""
    c = collect(plan, projects, today, status=status, group=group)
    out = []
    for ln in c.lines:
        p = ln.row.obj
        out.append(
            {
                "id": p.pk,
                "name": p.name,
                "group": str(_group_key(p, group)[-1]) if group else "",
                "stage": p.stage,
                "status": str(ln.row.status or ""),
                "progress": ln.row.progress,
                "leader": str(p.leader) if p.leader_id else "",
                "unit": str(p.owner_unit) if p.owner_unit_id else "",
                "start_date": _iso(p.start_date),
                "deadline": _iso(p.deadline),
                "slip": ln.slip,
                "milestones": [
                    {
                        "id": m.id,
                        "name": m.name,
                        "seq": m.seq,
                        "planned_start": _iso(m.planned_start),
                        "planned_date": _iso(m.planned_date),
                        "baseline_start": _iso(m.baseline_start),
                        "baseline_date": _iso(m.baseline_date),
                        "actual_date": _iso(m.actual_date),
                        "slip": c.slips.get(m.id),
                        "predecessors": [{"id": pred, "lag": lag} for pred, lag in c.links.get(m.id, ())],
                    }
                    for m in ln.milestones
                ],
            }
        )
    return {
        "plan": {"id": plan.pk, "town": plan.town.name, "year": plan.year, "title": plan.title},
        "today": today.isoformat(),
        "start": c.start.isoformat(),
        "end": c.end.isoformat(),
        "projects": out,
    }


CSV_HEADER = (
    "project_id", "project", "group", "stage", "status", "project_slip", "milestone_id", "milestone", "seq",
    "planned_start", "planned_date", "baseline_start", "baseline_date", "actual_date", "slip", "predecessors",
)  # fmt: skip


def csv_rows(chart_data: dict):
    """One row per milestone (a project without milestones: one row with the milestone columns empty)."""
    for p in chart_data["projects"]:
        head = (p["id"], p["name"], p["group"], p["stage"], p["status"], p["slip"])
        if not p["milestones"]:
            yield head + ("",) * 10
        for m in p["milestones"]:
            preds = " ".join(f"{x['id']}+{x['lag']}" for x in m["predecessors"])
            yield head + (
                m["id"], m["name"], m["seq"], m["planned_start"], m["planned_date"], m["baseline_start"],
                m["baseline_date"], m["actual_date"], m["slip"], preds,
            )  # fmt: skip


MS_FIELDS = (
    "id", "project_id", "name", "seq", "planned_start", "planned_date", "actual_date", "baseline_start", "baseline_date",
)  # fmt: skip


def _between(index: sch.WorkdayIndex, a: dt.date, b: dt.date) -> int:
    a = min(max(a, index.start), index.end)
    b = min(max(b, index.start), index.end)
    return index.between(a, b)


def _svg(lines, start, end, today, group, editable, links, slips) -> str:
    days = (end - start).days + 1
    ppd = TIMELINE_W / days

    xs: dict[dt.date, float] = {}

    def x(d: dt.date) -> float:
        v = xs.get(d)
        if v is None:
            v = xs[d] = round(LABEL_W + min(max((d - start).days, 0), days) * ppd, 1)
        return v

    groups = []
    prev = None
    for ln in lines:
        key = _group_key(ln.row.obj, group)
        if group and key != prev:
            groups.append(key)
            prev = key
    height = HEAD_H + ROW_H * (len(lines) + len(groups)) + 4
    width = LABEL_W + TIMELINE_W + 8
    out = [
        f'<svg xmlns="http://www.w3.org/2000/svg" class="wallchart" width="{width}" height="{height}" '
        f'viewBox="0 0 {width} {height}" role="img" aria-label="{escape(_("挂图作战"))}" '
        f'data-origin="{start.isoformat()}" data-ppd="{ppd:.5f}">'
    ]
    # Year and month grid
    for yr in range(start.year, end.year + 1):
        for mo in range(1, 13):
            d = dt.date(yr, mo, 1)
            cls = "grid-year" if mo == 1 else "grid-month"
            out.append(f'<line class="{cls}" x1="{x(d)}" y1="{HEAD_H - 14}" x2="{x(d)}" y2="{height}"/>')
            if mo == 1:
                out.append(f'<text class="year" x="{x(d) + 3}" y="14">{yr}</text>')
            if ppd * 30 > 18:
                out.append(f'<text class="month" x="{x(d) + 2}" y="{HEAD_H - 4}">{mo}</text>')
    # Escaped once here; names are escaped once each (``_Names``), dates need no escaping.
    texts = (
        _("%(name)s：计划 %(planned)s"),
        _("基线 %(date)s"),
        _("实际 %(date)s"),
        _("偏差 %(n)+d 个工作日"),
    )
    tips = tuple(escape(t) for t in texts) + (_Names(),)
    y = HEAD_H
    prev = None
    for ln in lines:
        p = ln.row.obj
        key = _group_key(p, group)
        if group and key != prev:
            label = key[-1] or _("未指定")
            out.append(f'<rect class="group" x="0" y="{y}" width="{width}" height="{ROW_H}"/>')
            out.append(f'<text class="group-label" x="6" y="{y + 16}">{escape(str(label))}</text>')
            y += ROW_H
            prev = key
        out.append(_row(ln, p, y, x, today, editable, links, slips, tips))
        y += ROW_H
    if start <= today <= end:
        out.append(f'<line class="today" x1="{x(today)}" y1="{HEAD_H - 14}" x2="{x(today)}" y2="{height}"/>')
    out.append("</svg>")
    return "".join(out)


def _row(ln, p, y, x, today, editable, links, slips, tips) -> str:
    """One project's row; hot (8,000 milestones per page), so plain f-strings and few lookups."""
    tip_ms, tip_base, tip_actual, tip_slip, names = tips
    ms = ln.milestones
    out = [f'<g class="proj" data-project="{p.pk}">']
    out.append(
        f'<a href="{_url("plans:project", p.pk)}"><text class="name" x="6" y="{y + 16}">{escape(p.name[:22])}</text></a>'
    )
    if ln.slip is not None:
        cls = "slip-late" if ln.slip > 0 else "slip-ok"
        out.append(
            f'<text class="{cls}" x="{LABEL_W - 6}" y="{y + 16}" text-anchor="end" data-slip="{ln.slip}">'
            f"{ln.slip:+d}</text>"
        )
    starts = [m.planned_start or m.planned_date for m in ms]
    ends = [m.planned_date for m in ms]
    plan_lo = min(starts + ([p.start_date] if p.start_date else []), default=None)
    plan_hi = max(ends + ([p.deadline] if p.deadline else []), default=None)
    if plan_lo and plan_hi:
        out.append(
            f'<rect class="plan {ln.row.status or ""}" x="{x(plan_lo)}" y="{y + 4}" '
            f'width="{max(x(plan_hi) - x(plan_lo), 2):.1f}" height="9"/>'
        )
    base = [m for m in ms if m.baseline_date]
    if base:
        lo = min(m.baseline_start or m.baseline_date for m in base)
        hi = max(m.baseline_date for m in base)
        out.append(
            f'<rect class="base" x="{x(lo)}" y="{y + 18}" width="{max(x(hi) - x(lo), 2):.1f}" height="3"/>'
        )
    done = [m.actual_date for m in ms if m.actual_date]
    if done and plan_lo:
        out.append(
            f'<rect class="actual" x="{x(plan_lo)}" y="{y + 14}" '
            f'width="{max(x(max(done)) - x(plan_lo), 2):.1f}" height="3"/>'
        )
    pos = {m.id: x(m.planned_date) for m in ms}
    for m in ms:
        for pred, _lag in links.get(m.id, ()):
            x1 = pos.get(pred)
            if x1 is not None:
                x2 = pos[m.id]
                out.append(f'<path class="dep" d="M{x1} {y + 8}C{x1} {y - 3} {x2} {y - 3} {x2} {y + 8}"/>')
    top, tick_lo, tick_hi = y + 3, y + 16, y + 23
    for m in ms:
        cx = pos[m.id]
        planned = m.planned_date
        state = "done" if m.actual_date else ("late" if planned < today else "open")
        tip = tip_ms % {"name": names[m.name], "planned": planned}
        if m.baseline_date:
            tip += "，" + tip_base % {"date": m.baseline_date}
            if m.baseline_date != planned:
                bx = x(m.baseline_date)
                out.append(f'<line class="base-tick" x1="{bx}" y1="{tick_lo}" x2="{bx}" y2="{tick_hi}"/>')
        if m.actual_date:
            tip += "，" + tip_actual % {"date": m.actual_date}
        slip = slips.get(m.id)
        if slip:
            tip += "，" + tip_slip % {"n": slip}
        shape = f'<path class="ms {state}" d="M{cx} {top}l5 5-5 5-5-5z"><title>{tip}</title></path>'
        if editable and not m.actual_date:
            out.append(
                f'<a class="ms-edit" href="{_url("plans:milestone_move", m.id)}" data-ms="{m.id}" '
                f'data-finish="{planned}">{shape}</a>'
            )
        else:
            out.append(shape)
    out.append("</g>")
    return "".join(out)
