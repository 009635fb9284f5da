"""The official result table (考核结果表) as Excel and Word, from the stored result rows only.

Every text cell goes through ``luoshi.lib.export.safe_cell`` (a town or reason starting with ``=``
is never a formula). Only towns, never staff, are ranked.
"""

from __future__ import annotations

import io

from django.utils.translation import gettext as _
from openpyxl import Workbook
from openpyxl.styles import Font

from luoshi.county.models import Adjustment, Category, Result
from luoshi.lib.export import safe_row


def _title(result: Result) -> str:
    return _("%(name)s 结果表（v%(v)s）") % {"name": result.scheme.name, "v": result.scheme.version}


def table(result: Result) -> tuple[list[str], list[list]]:
    """Header and rows of the official table: category, rank, town, score parts, total, verdict."""
    header = [
        _("类别"),
        _("类内排名"),
        _("乡镇"),
        _("指标得分"),
        _("加分"),
        _("扣分"),
        _("总分"),
        _("结论"),
    ]
    rows = []
    for r in result.rows.select_related("town").order_by("category", "vetoed", "rank", "town__code"):
        verdict = _("一票否决") if r.vetoed else (_("合格") if r.passed else _("不合格"))
        rows.append(
            [
                str(Category(r.category).label),
                r.rank if r.rank is not None else "—",
                r.town.name,
                r.base,
                r.bonus,
                r.deduction,
                r.total,
                verdict,
            ]
        )
    return header, rows


def xlsx(result: Result) -> bytes:
    header, rows = table(result)
    wb = Workbook()
    ws = wb.active
    ws.title = _("考核结果")
    ws.append(safe_row([_title(result)]))
    ws["A1"].font = Font(bold=True, size=14)
    status = (
        _("已公布 %(t)s") % {"t": f"{result.published_at:%Y-%m-%d}"}
        if result.published
        else _("未公布（草稿）")
    )
    ws.append(safe_row([_("计算时间"), f"{result.computed_at:%Y-%m-%d %H:%M}", status]))
    ws.append(safe_row(header))
    for row in rows:
        ws.append(safe_row(row))
    # second sheet: every line of every town
    detail = wb.create_sheet(_("得分明细"))
    detail.append(
        safe_row([_("乡镇"), _("指标"), _("分值"), _("实际值"), _("目标值"), _("完成率"), _("得分")])
    )
    for r in result.rows.select_related("town").order_by("category", "town__code"):
        for line in r.detail.get("lines", []):
            detail.append(
                safe_row(
                    [
                        r.town.name,
                        line["name"],
                        line["weight"],
                        line["value"],
                        line["target"],
                        line["completion"],
                        line["score"],
                    ]
                )
            )
        for a in r.detail.get("adjustments", []):
            detail.append(
                safe_row(
                    [
                        r.town.name,
                        f"{Adjustment.Kind(a['kind']).label}：{a['reason']}",
                        None,
                        a["points"],
                        a["document"],
                    ]
                )
            )
    out = io.BytesIO()
    wb.save(out)
    return out.getvalue()


def docx(result: Result) -> bytes:
    from docx import Document

    header, rows = table(result)
    doc = Document()
    doc.add_heading(_title(result), level=1)
    if result.published:
        doc.add_paragraph(_("公布时间：%(t)s") % {"t": f"{result.published_at:%Y-%m-%d}"})
    else:
        doc.add_paragraph(_("未公布（草稿）"))
    t = doc.add_table(rows=1, cols=len(header))
    t.style = "Table Grid"
    for cell, text in zip(t.rows[0].cells, header, strict=True):
        cell.text = str(text)
    for row in rows:
        cells = t.add_row().cells
        for cell, value in zip(cells, row, strict=True):
            cell.text = "" if value is None else (f"{value:g}" if isinstance(value, float) else str(value))
    out = io.BytesIO()
    doc.save(out)
    return out.getvalue()
