"""Reads for stored reports: scoped lists, the fact table's filters, the highlighted text, exports, comparison."""

from __future__ import annotations

import io
import re
from dataclasses import dataclass

from django.db.models import Count, Q, QuerySet
from django.http import Http404
from django.utils.html import escape
from django.utils.safestring import SafeString, mark_safe
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy as _l
from openpyxl import Workbook

from luoshi.lib.export import csv_writer, safe_row
from luoshi.org.audit import records_rows
from luoshi.org.roles import Role
from luoshi.org.scoping import get_visible_or_404, scope_of, scope_q, visible
from luoshi.reports import compare
from luoshi.reports.models import Fact, Report, ReportUpload

# Who may use which part of the reports pages.
UPLOAD_ROLES = (Role.OFFICE, Role.LEADER, Role.UNIT, Role.COUNTY)
READ_ROLES = (*UPLOAD_ROLES, Role.DEPUTY)
DELETE_ROLES = (Role.OFFICE,)

FACT_SORTS = {
    "seq": ("seq",),
    "metric": ("metric", "seq"),
    "-metric": ("-metric", "seq"),
    "value": ("value", "seq"),
    "-value": ("-value", "seq"),
}


def report_list(user, *, town: str = "", year: str = "") -> QuerySet[Report]:
    qs = visible(Report, user).select_related("town").annotate(fact_count=Count("facts"))
    if town.isdecimal():
        qs = qs.filter(town_id=int(town))
    if year.isdecimal():
        qs = qs.filter(Q(plan_year=int(year)) | Q(review_year=int(year)))
    return qs.order_by("-plan_year", "town__code", "-updated_at")


def report_years(user) -> list[int]:
    years = visible(Report, user).exclude(plan_year=None).values_list("plan_year", flat=True)
    return sorted(set(years), reverse=True)


def report_get(user, pk: int) -> Report:
    """The one way to fetch a report: 404 outside the user's scope."""
    return get_visible_or_404(Report.objects.select_related("town", "uploaded_by"), user, pk=pk)


def upload_get(user, pk: int) -> ReportUpload:
    """An upload is its uploader's alone (404 for anyone else, admins included: it may not be a report)."""
    upload = ReportUpload.objects.select_related("report").filter(pk=pk, uploaded_by=user).first()
    if upload is None:
        raise Http404
    return upload


def can_upload(user) -> bool:
    return scope_of(user).has(*UPLOAD_ROLES)


def _deleted_records(user) -> QuerySet:
    """History records of reports in the user's scope (``scope_q`` of ``Report``: the history rows
    carry the same town and uploader columns)."""
    q = scope_q(Report, scope_of(user))
    history = Report.history.all()
    return history if q is None else history.filter(q)


def deleted_reports(user) -> QuerySet:
    """The deletion records (history type ``-``) of reports in the user's scope, newest first."""
    return (
        _deleted_records(user)
        .filter(history_type="-")
        .select_related("town", "history_user")
        .order_by("-history_date", "-history_id")
    )


def deleted_report_history(user, pk: int) -> tuple[object, list[dict]]:
    """A deleted report's deletion record and its history rows; 404 unless the report was deleted
    and lies in the user's scope (a report that still exists has its own history page)."""
    deleted = deleted_reports(user).filter(id=pk).first()
    if deleted is None or Report.objects.filter(pk=pk).exists():
        raise Http404("not found")
    return deleted, records_rows(_deleted_records(user).filter(id=pk), Report, user=user)


def can_delete(user, report: Report) -> bool:
    scope = scope_of(user)
    return scope.is_admin or (Role.OFFICE in scope.roles and report.town_id in scope.town_ids)


@dataclass(frozen=True)
class FactFilter:
    part: str = ""
    kind: str = ""
    measure: str = ""
    q: str = ""
    sort: str = "seq"

    @classmethod
    def from_params(cls, params) -> FactFilter:
        def pick(key, choices):
            value = params.get(key, "")
            return value if value in choices else ""

        sort = params.get("sort", "seq")
        return cls(
            part=pick("part", Fact.Part.values),
            kind=pick("kind", Fact.Kind.values),
            measure=pick("measure", Fact.Measure.values),
            q=params.get("q", "").strip()[:100],
            sort=sort if sort in FACT_SORTS else "seq",
        )

    @property
    def active(self) -> bool:
        return bool(self.part or self.kind or self.measure or self.q)


def report_facts(report: Report, flt: FactFilter | None = None) -> QuerySet[Fact]:
    flt = flt or FactFilter()
    qs = report.facts.all()
    for field in ("part", "kind", "measure"):
        if getattr(flt, field):
            qs = qs.filter(**{field: getattr(flt, field)})
    if flt.q:
        qs = qs.filter(Q(metric__icontains=flt.q) | Q(quote__icontains=flt.q))
    return qs.order_by(*FACT_SORTS[flt.sort])


# Qualifiers written after the number (1800余亩, 6%左右); the others come before it (约, 近, 超, 达).
POST_QUALIFIERS = {"余", "多", "以上", "以下", "以内", "左右", "有余"}


def fact_rows(report: Report, flt: FactFilter | None = None) -> list[Fact]:
    """The fact table's rows, each with ``display_value`` (1.36亿元 rather than 136000000 元)."""
    rows = list(report_facts(report, flt))
    for f in rows:
        f.display_value = display_value(f.value, f.unit, f.approx)
    return rows


def display_value(value: float, unit: str, approx: str = "") -> str:
    """The value as the page shows it, with its qualifier on the side it is written: 约3,000亩, 6%左右."""
    text = format_value(value, unit)
    if not approx:
        return text
    return f"{text}{approx}" if approx in POST_QUALIFIERS else f"{approx}{text}"


def format_value(value: float, unit: str) -> str:
    """1.1e8 元 → 1.1亿元; 1.26e7 元 → 1,260万元; 24860 元 → 24,860元; 98.6 % → 98.6%."""
    if unit == "元" and abs(value) >= 1e8:
        return f"{value / 1e8:,.4g}亿元"
    if unit == "元" and abs(value) >= 1e6:
        return f"{value / 1e4:,.6g}万元"
    text = f"{value:,.2f}".rstrip("0").rstrip(".") if value != int(value) else f"{int(value):,}"
    return f"{text}{unit}"


def fact_summary(f: Fact) -> str:
    """What a highlight's tooltip says: the normalised reading of the number."""
    bits = [f"{f.metric}: {f.value:g} {f.unit}".strip()]
    bits.append(f"{f.get_kind_display()} · {f.get_measure_display()} · {f.get_part_display()}")
    if f.approx:
        bits.append(_("约数：%s") % f.approx)
    if f.commitment:
        bits.append(_("承诺：%s") % f.commitment)
    if f.year:
        bits.append(_("年度：%s") % f.year)
    return " | ".join(bits)


def _heading_spans(text: str, sections: list[dict]) -> list[tuple[int, int, int]]:
    """(index, start, end-of-line) of each section heading found in the text."""
    spans = []
    cursor = 0
    for i, sec in enumerate(sections or []):
        start = sec.get("start")
        if not isinstance(start, int) or not 0 <= start < len(text):
            start = text.find(sec.get("heading") or "\0", cursor)
        if start < 0:
            continue
        end = text.find("\n", start)
        spans.append((i, start, len(text) if end < 0 else end))
        cursor = start
    return spans


def highlighted_text(report: Report, facts: list[Fact]) -> SafeString:
    """The report text, escaped, with a <mark> over every fact's quote and anchors for facts and headings.

    Quotes overlap (several facts per sentence), so the text is cut at every quote boundary and each
    piece is marked with all the facts that cover it; the innermost fact decides the colour.
    """
    text = report.text
    n = len(text)
    spans = [(min(f.start, n), min(f.end, n), f) for f in facts if f.end > f.start]
    headings = _heading_spans(text, report.sections)
    anchors: dict[int, list[str]] = {}
    for start, _end, f in spans:
        anchors.setdefault(start, []).append(f"f-{f.seq}")
    for i, start, _end in headings:
        anchors.setdefault(start, []).append(f"sec-{i}")
    cuts = sorted(
        {0, n, *(s for s, _, _ in spans), *(e for _, e, _ in spans)}
        | {p for _, s, e in headings for p in (s, e)}
    )
    out: list[str] = []
    for a, b in zip(cuts, cuts[1:], strict=False):
        out.extend(f'<span class="anchor" id="{name}"></span>' for name in anchors.get(a, []))
        piece = escape(text[a:b])
        covering = [f for s, e, f in spans if s <= a and e >= b]
        if covering:
            inner = min(covering, key=lambda f: (f.end - f.start, f.seq))
            seqs = " ".join(str(f.seq) for f in covering)
            title = escape("\n".join(fact_summary(f) for f in covering))
            piece = (
                f'<mark class="fact k-{inner.kind} m-{inner.measure}" data-f="{seqs}" title="{title}">'
                f"{piece}</mark>"
            )
        if any(s <= a and e >= b for _, s, e in headings):
            piece = f'<strong class="heading">{piece}</strong>'
        out.append(piece)
    return mark_safe("".join(out))  # noqa: S308 — every piece of text above went through escape()


# The reader's warnings are English "<code>: <detail>" strings; the page says what they mean.
WARNING_LABELS = [
    ("empty", _l("没有读到正文。")),
    ("truncated", _l("正文可能不完整：结尾处断开了。")),
    ("no plan part", _l("没有找到“工作安排”部分，报告可能不完整。")),
    ("no top-level sections", _l("没有识别出一级标题（一、二、三……），章节目录为空。")),
]
UNKNOWN_WARNING = _l("读取时发现格式异常，请核对识别结果。")


def describe_warnings(warnings: list) -> list[str]:
    """What each of the reader's warnings (English, stored as read) means, in the interface language;
    one the table does not know yet gets a general sentence rather than the reader's own wording."""
    out = []
    for w in warnings or []:
        raw = str(w)
        out.append(
            next((str(text) for key, text in WARNING_LABELS if raw.startswith(key)), str(UNKNOWN_WARNING))
        )
    return out


def fact_dict(f: Fact) -> dict:
    return {
        "part": f.part,
        "kind": f.kind,
        "measure": f.measure,
        "metric": f.metric,
        "value": int(f.value) if float(f.value).is_integer() else f.value,
        "unit": f.unit or None,
        "approx": f.approx or None,
        "commitment": f.commitment or None,
        "year": f.year,
        "quote": f.quote,
        "start": f.start,
        "end": f.end,
    }


def report_json(report: Report, facts) -> dict:
    """SCHEMA.md's shape (doc, meta, sections, facts), facts with their offsets into ``text``."""
    return {
        "doc": report.source_name or f"report-{report.pk}",
        "meta": report.meta,
        "sections": report.sections,
        "facts": [fact_dict(f) for f in facts],
    }


CSV_COLUMNS = [
    "seq",
    "part",
    "kind",
    "measure",
    "metric",
    "value",
    "unit",
    "approx",
    "commitment",
    "year",
    "quote",
    "start",
    "end",
]


def fact_table(facts, *, codes: bool = False) -> tuple[list[str], list[list]]:
    """The facts export's header and rows: Chinese headers and labels (部分 回顾, 类别 目标 …) as the
    interface shows them, or with ``codes`` the field names and stored codes of SCHEMA.md."""
    if codes:
        header = list(CSV_COLUMNS)
    else:
        header = [str(Fact._meta.get_field(c).verbose_name) for c in CSV_COLUMNS]
    rows = []
    for f in facts:
        row = fact_dict(f)
        if not codes:
            row.update(part=f.get_part_display(), kind=f.get_kind_display(), measure=f.get_measure_display())
        rows.append([f.seq] + ["" if row[c] is None else row[c] for c in CSV_COLUMNS[1:]])
    return header, rows


def report_csv(report: Report, facts, *, codes: bool = False) -> str:
    """UTF-8 with a byte-order mark, so that Excel opens the Chinese text correctly."""
    header, rows = fact_table(facts, codes=codes)
    buf = io.StringIO()
    buf.write("\ufeff")
    writer = csv_writer(buf)
    writer.writerow(header)
    writer.writerows(rows)
    return buf.getvalue()


def report_xlsx(report: Report, facts, *, codes: bool = False) -> bytes:
    header, rows = fact_table(facts, codes=codes)
    wb = Workbook(write_only=True)
    ws = wb.create_sheet(_("数据"))
    ws.append(safe_row(header))
    for row in rows:
        ws.append(safe_row(row))
    buf = io.BytesIO()
    wb.save(buf)
    return buf.getvalue()


# --- comparing reports (对比) -------------------------------------------------------------------

COMPARE_MAX = 6
_REPORT_ID = re.compile(r"[0-9]{1,18}")


def parse_compare_ids(values: list[str]) -> list[int]:
    """The ids of ``?ids=1&ids=2`` (``ids=1,2`` too), in order, without repeats.

    Raises ValueError with a message for the page when an id is not a number or there are too many.
    """
    ids: list[int] = []
    for raw in values:
        for piece in str(raw).split(","):
            piece = piece.strip()
            if not piece:
                continue
            if not _REPORT_ID.fullmatch(piece):
                raise ValueError(_("“%(value)s”不是有效的报告编号。") % {"value": piece[:20]})
            if int(piece) not in ids:
                ids.append(int(piece))
    if len(ids) > COMPARE_MAX:
        raise ValueError(
            _("一次最多对比 %(max)d 份报告，您选择了 %(n)d 份。") % {"max": COMPARE_MAX, "n": len(ids)}
        )
    return ids


def compare_reports(user, ids: list[int]) -> list[Report]:
    """The reports to compare, oldest first, then by town: 404 if any id is outside the user's scope."""
    found = list(visible(Report, user).select_related("town").filter(pk__in=ids))
    if len(found) != len(set(ids)):
        raise Http404("not found")

    def order(r: Report):
        year = r.plan_year or r.review_year
        return (year is None, year or 0, r.town.code if r.town else "", r.pk)

    return sorted(found, key=order)


def previous_report(user, report: Report) -> Report | None:
    """The same town's report of the year before (by plan year, else review year), if the user may see it."""
    if report.town_id is None:
        return None
    if report.plan_year:
        year_filter = Q(plan_year=report.plan_year - 1)
    elif report.review_year:
        year_filter = Q(review_year=report.review_year - 1)
    else:
        return None
    qs = visible(Report, user).filter(year_filter, town_id=report.town_id).exclude(pk=report.pk)
    return qs.order_by("-updated_at").first()


def format_change(ch: compare.Change) -> dict:
    """What a change cell shows: +1,000亩 (+20%), or +0.5 个百分点 for % values; ≈ when a value was approximate."""
    sign = "+" if ch.delta > 0 else ""
    if ch.points:
        text = _("%(n)s 个百分点") % {"n": sign + format_value(ch.delta, "")}
    else:
        text = sign + format_value(ch.delta, ch.unit)
    pct = "" if ch.pct is None else f"{ch.pct:+.1f}%"
    trend = "up" if ch.delta > 0 else "down" if ch.delta < 0 else "flat"
    return {"text": ("≈" if ch.approx else "") + text, "pct": pct, "trend": trend}


def compare_table(reports: list[Report], flt: FactFilter) -> dict:
    """Everything the comparison page and its CSV need: columns with their counts, all and shown rows."""
    facts: dict[int, list[Fact]] = {r.pk: [] for r in reports}
    for f in Fact.objects.filter(report__in=reports).order_by("report_id", "seq"):
        facts[f.report_id].append(f)
    rows = compare.compare([facts[r.pk] for r in reports])
    columns = [
        {"report": r, "counts": compare.part_counts(facts[r.pk]), "total": len(facts[r.pk])} for r in reports
    ]
    return {
        "columns": columns,
        "all_rows": rows,
        "rows": compare.filter_rows(rows, q=flt.q, measure=flt.measure, part=flt.part),
        "shared": sum(r.in_all for r in rows),
    }


def compare_view_rows(reports: list[Report], rows: list[compare.Row]) -> list[dict]:
    """The rows as the template walks them: per column the cell, its display value and the change into it."""
    # Group headings: the review part holds results, the plan part targets. Plain _() here, since
    # makemessages does not extract the module's _l() strings.
    headings = {
        Fact.Part.REVIEW: _("回顾 · 实绩"),
        Fact.Part.PLAN: _("安排 · 目标"),
        Fact.Part.OTHER: _("其他"),
    }
    measures = dict(Fact.Measure.choices)
    out = []
    for row in rows:
        cols = []
        for i, (report, cell) in enumerate(zip(reports, row.cells, strict=True)):
            ch = row.changes[i - 1] if i else None
            before = row.cells[i - 1] if i else None
            cols.append(
                {
                    "report": report,
                    "cell": cell,
                    "display": display_value(cell.value, cell.unit, cell.approx) if cell else "",
                    "change": format_change(ch) if ch else None,
                    "units_differ": ch is None and cell is not None and before is not None,
                    "first": i == 0,
                }
            )
        out.append(
            {
                "row": row,
                "part_label": headings.get(row.part, row.part),
                "measure_label": measures.get(row.measure, row.measure),
                "cols": cols,
            }
        )
    return out


def _number(value: float | None, digits: int = 6):
    if value is None:
        return ""
    value = round(value, digits)
    return int(value) if float(value).is_integer() else value


def compare_csv(reports: list[Report], rows: list[compare.Row]) -> str:
    """One line per row; per report ``r<id>_value/unit/approx/seq/quote``; per neighbour pair the change.

    UTF-8 with a byte-order mark, like the facts export, so that Excel opens the Chinese text.
    """
    header = ["part", "measure", "metric", "key"]
    for r in reports:
        header += [f"r{r.pk}_{c}" for c in ("value", "unit", "approx", "seq", "quote")]
    pairs = list(zip(reports, reports[1:], strict=False))
    for a, b in pairs:
        header += [f"change_r{a.pk}_r{b.pk}", f"change_r{a.pk}_r{b.pk}_pct"]
    buf = io.StringIO()
    buf.write("\ufeff")
    writer = csv_writer(buf)
    writer.writerow(header)
    for row in rows:
        line = [row.part, row.measure, " / ".join(row.spellings), row.key]
        for cell in row.cells:
            if cell is None:
                line += ["", "", "", "", ""]
            else:
                line += [_number(cell.value), cell.unit, cell.approx, cell.seq or "", cell.quote]
        for ch in row.changes:
            line += ["", ""] if ch is None else [_number(ch.delta), _number(ch.pct, 2)]
        writer.writerow(line)
    return buf.getvalue()
