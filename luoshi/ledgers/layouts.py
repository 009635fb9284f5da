"""Excel exports in the layout each ledger is kept in (路灯巡查台账, 图斑核查台账, 人居环境检查记录表 …).

A layout is data on the register type (``RegisterType.layout``, seeded by migration): a title, what a
row is (an item, an inspection of one sheet, or a household's points), the columns with their header,
value and width, and header groups merged over several columns. The sheet is written with openpyxl:
the title row and a line naming town, period and date merged across, then a two-row header where a
grouped column has its group above it and an ungrouped one is merged over both rows. Every cell goes
through ``luoshi.lib.export.safe_cell`` (no text runs as a formula).

Column values: ``seq``; the item's ``number``, ``name``, ``town``, ``village``, ``owner``,
``maintainer``, ``latitude``, ``longitude``, ``attr:<key>``; an inspection's ``date``, ``inspector``,
``score``, ``percent``, ``result``, ``note``, ``failed`` (the failed criteria), ``mark:<n>`` (points of
criterion n), ``ok:<n>`` (√ or × for criterion n), ``problem`` (its cases and their state),
``closed_on`` (when the last was 销号) — on a register of items with a ``sheet``, these read the item's
latest inspection on it; a household's ``earned``, ``spent``, ``balance``.
"""

from __future__ import annotations

import io

from django.db.models import Prefetch
from django.utils.translation import gettext as _
from openpyxl import Workbook
from openpyxl.styles import Alignment, Border, Font, Side
from openpyxl.utils import get_column_letter

from luoshi.ledgers.models import Inspection, Mark, Problem
from luoshi.lib.export import safe_cell

MAX_ROWS = 20000
ROW_KINDS = ("items", "inspections", "households")
ITEM_VALUES = {"seq", "number", "name", "town", "village", "owner", "maintainer", "latitude", "longitude"}
INSPECTION_VALUES = {
    "date",
    "inspector",
    "score",
    "percent",
    "result",
    "note",
    "failed",
    "problem",
    "closed_on",
}
HOUSEHOLD_VALUES = {"earned", "spent", "balance"}


def default_layout(rt) -> dict:
    """The plain register (the CSV's columns) for a type without a declared layout."""
    cols = [
        {"label": _("序号"), "value": "seq", "width": 6},
        {"label": rt.number_label, "value": "number", "width": 14},
        {"label": _("名称"), "value": "name", "width": 20},
        {"label": _("村(社区)"), "value": "village", "width": 12},
        {"label": rt.owner_label, "value": "owner", "width": 14},
        {"label": rt.maintainer_label, "value": "maintainer", "width": 16},
    ]
    cols += [{"label": a["label"], "value": f"attr:{a['key']}", "width": 12} for a in rt.attributes or []]
    return {"title": rt.name, "rows": "items", "columns": cols, "groups": []}


def layout_problems(layout: dict) -> list[str]:
    """Why a declared layout cannot be written (empty when it is fine)."""
    if not isinstance(layout, dict) or layout.get("rows") not in ROW_KINDS:
        return [_("版式须声明 rows（items、inspections 或 households）。")]
    cols = layout.get("columns")
    if not isinstance(cols, list) or not cols:
        return [_("版式至少需要一列。")]
    checks = layout["rows"] == "inspections" or bool(layout.get("sheet"))
    allowed = ITEM_VALUES | (INSPECTION_VALUES if checks else set())
    allowed |= HOUSEHOLD_VALUES if layout["rows"] == "households" else set()
    out = []
    for i, c in enumerate(cols, start=1):
        value = c.get("value", "") if isinstance(c, dict) else ""
        ok = value in allowed or value.startswith("attr:")
        kind, _sep, n = value.partition(":")
        ok = ok or (checks and kind in ("mark", "ok") and n.isdecimal())
        if not ok or not c.get("label"):
            out.append(_("第 %(i)s 列的表头或取值无效。") % {"i": i})
    for g in layout.get("groups", []):
        if not (1 <= g.get("first", 0) <= g.get("last", 0) <= len(cols)):
            out.append(_("表头分组“%(g)s”的列范围无效。") % {"g": g.get("label", "")})
    if layout["rows"] == "inspections" and not layout.get("sheet"):
        out.append(_("检查记录版式须指明评分表（sheet）。"))
    return out


def _item_value(item, value: str):
    if value.startswith("attr:"):
        return item.attributes.get(value[5:], "")
    if value == "town":
        return item.town.name
    if value == "village":
        return item.village.name if item.village_id else ""
    if value in ("latitude", "longitude"):
        v = getattr(item, value)
        return float(v) if v is not None else ""
    return getattr(item, value, "")


def _inspection_value(insp, value: str):
    if value == "date":
        return insp.inspected_at.date()
    if value == "inspector":
        return insp.inspector.get_full_name() or insp.inspector.username
    if value in ("score", "percent"):
        return float(getattr(insp, value))
    if value == "result":
        return _("合格") if insp.passed else _("不合格")
    if value == "note":
        return insp.note
    if value == "failed":
        return "、".join(m.criterion.text for m in insp.marks.all() if not m.ok)
    if value.startswith(("mark:", "ok:")):
        n = int(value.split(":")[1])
        mark = next((m for m in insp.marks.all() if m.criterion.order == n), None)
        if mark is None:
            return ""
        return float(mark.points) if value.startswith("mark:") else ("√" if mark.ok else "×")
    if value == "problem":
        return "；".join(f"{p.case.number} {_case_state(p.case)}" for p in insp.problems.all())
    if value == "closed_on":
        closed = [p.case.closed_at for p in insp.problems.all() if p.case.closed_at]
        return max(closed).date() if closed else ""
    return _item_value(insp.item, value)


def _latest_value(item, value: str):
    """An item row's value: its own field, or one of its latest inspection on the layout's sheet."""
    if value in ITEM_VALUES or value.startswith("attr:"):
        return _item_value(item, value)
    return _inspection_value(item.checks[0], value) if item.checks else ""


def _checks(sheet_code: str, to_attr: str | None = None):
    qs = (
        Inspection.objects.filter(sheet_code=sheet_code)
        .select_related("inspector")
        .prefetch_related(
            Prefetch("marks", queryset=Mark.objects.select_related("criterion")),
            Prefetch("problems", queryset=Problem.objects.select_related("case__case_type")),
        )
        .order_by("-inspected_at", "-id")
    )
    return Prefetch("inspections", queryset=qs, to_attr=to_attr) if to_attr else qs


def _case_state(case) -> str:
    from luoshi.cases import workflow

    return workflow.internal_label(case.case_type, case.status)


def _rows(layout: dict, items_qs, user, period: str):
    """The records a layout lists, as (record, value function) pairs, at most ``MAX_ROWS``."""
    kind = layout["rows"]
    if kind == "inspections":
        from luoshi.org.scoping import visible

        qs = visible(_checks(layout["sheet"]).filter(item__in=items_qs.values("pk")), user)
        if period:
            qs = qs.filter(period=period)
        qs = qs.select_related("item__town", "item__village").order_by("inspected_at", "id")
        return qs[:MAX_ROWS], _inspection_value
    if kind == "households":
        from luoshi.ledgers.selectors import with_balances

        qs = with_balances(items_qs)

        def household_value(h, value):
            if value == "balance":
                return h.earned - h.spent
            return getattr(h, value) if value in HOUSEHOLD_VALUES else _item_value(h, value)

        return qs[:MAX_ROWS], household_value
    if layout.get("sheet"):
        return items_qs.prefetch_related(_checks(layout["sheet"], "checks"))[:MAX_ROWS], _latest_value
    return items_qs[:MAX_ROWS], _item_value


HEAD_ROWS = 4  # title, subtitle, two header rows
THIN = Side(style="thin", color="000000")
BOX = Border(left=THIN, right=THIN, top=THIN, bottom=THIN)
CENTER = Alignment(horizontal="center", vertical="center", wrap_text=True)


def workbook(rt, items_qs, user, *, town_label: str, period: str, today) -> bytes:
    """The register (or its inspections / points) as an .xlsx in the type's declared layout."""
    layout = rt.layout if rt.layout and not layout_problems(rt.layout) else default_layout(rt)
    cols = layout["columns"]
    n = len(cols)
    wb = Workbook()
    ws = wb.active
    ws.title = str(layout.get("title") or rt.name)[:31]
    last = get_column_letter(n)
    ws["A1"] = safe_cell(layout.get("title") or rt.name)
    ws["A1"].font = Font(size=16, bold=True)
    ws["A1"].alignment = CENTER
    ws.merge_cells(f"A1:{last}1")
    ws.row_dimensions[1].height = 30
    parts = [_("乡镇：%(t)s") % {"t": town_label}]
    if period:
        parts.append(_("期间：%(p)s") % {"p": period})
    parts.append(_("导出日期：%(d)s") % {"d": today.isoformat()})
    ws["A2"] = safe_cell("　　".join(parts))
    ws.merge_cells(f"A2:{last}2")
    grouped = {}
    for g in layout.get("groups", []):
        for c in range(g["first"], g["last"] + 1):
            grouped[c] = g
        cell = ws.cell(row=3, column=g["first"], value=safe_cell(g["label"]))
        if g["last"] > g["first"]:
            ws.merge_cells(start_row=3, start_column=g["first"], end_row=3, end_column=g["last"])
    for i, c in enumerate(cols, start=1):
        if i in grouped:
            ws.cell(row=4, column=i, value=safe_cell(c["label"]))
        else:
            ws.cell(row=3, column=i, value=safe_cell(c["label"]))
            ws.merge_cells(start_row=3, start_column=i, end_row=4, end_column=i)
        ws.column_dimensions[get_column_letter(i)].width = c.get("width", 12)
    for row in ws.iter_rows(min_row=3, max_row=4, max_col=n):
        for cell in row:
            cell.font, cell.alignment, cell.border = Font(bold=True), CENTER, BOX
    records, value_of = _rows(layout, items_qs, user, period)
    for seq, rec in enumerate(records, start=1):
        for i, c in enumerate(cols, start=1):
            value = seq if c["value"] == "seq" else value_of(rec, c["value"])
            ws.cell(row=HEAD_ROWS + seq, column=i, value=safe_cell(value)).border = BOX
    ws.freeze_panes = "A5"
    ws.print_title_rows = "3:4"
    ws.page_setup.orientation = "landscape"
    ws.page_setup.paperSize = ws.PAPERSIZE_A4
    ws.page_setup.fitToWidth = 1
    out = io.BytesIO()
    wb.save(out)
    return out.getvalue()
