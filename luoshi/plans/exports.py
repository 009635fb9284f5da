"""Excel export of a plan (openpyxl): targets and tasks with derived status, projects, livelihood projects."""

from __future__ import annotations

import datetime as dt
from io import BytesIO

from django.utils.translation import gettext as _
from openpyxl import Workbook
from openpyxl.styles import Font, PatternFill

from luoshi.lib.export import safe_row
from luoshi.plans import selectors as sel
from luoshi.plans.models import LivelihoodRound, Plan

FILLS = {
    "on_track": "E8F5E9",
    "done": "E8F5E9",
    "at_risk": "FFF3E0",
    "overdue": "FFEBEE",
    "not_started": "E3F2FD",
}


def _sheet(wb, title, header, rows, status_col=None):
    ws = wb.create_sheet(title)
    ws.append(safe_row(header))
    for cell in ws[1]:
        cell.font = Font(bold=True)
    for values, status in rows:
        ws.append(safe_row(values))  # text typed by users never runs as a formula
        if status_col is not None and status in FILLS:
            ws.cell(row=ws.max_row, column=status_col + 1).fill = PatternFill("solid", fgColor=FILLS[status])
    for col in ws.columns:
        width = max(len(str(c.value or "")) for c in col)
        ws.column_dimensions[col[0].column_letter].width = min(max(8, width * 1.6), 60)
    ws.freeze_panes = "A2"


def _pct(v):
    return None if v is None else round(v, 1)


def plan_workbook(plan: Plan, today: dt.date) -> bytes:
    wb = Workbook()
    wb.remove(wb.active)
    rows = sel.flatten(sel.item_tree(plan, today))
    _sheet(
        wb,
        _("指标与重点工作"),
        [
            _("层级"),
            _("类别"),
            _("领域"),
            _("名称"),
            _("目标"),
            _("最新实际值"),
            _("进度(%)"),
            _("人工调整(%)"),
            _("状态"),
            _("牵头单位"),
            _("责任领导"),
            _("完成时限"),
            _("来源原句"),
        ],
        [
            (
                [
                    r.depth,
                    r.obj.get_kind_display(),
                    r.obj.get_area_display(),
                    "　" * r.depth + r.obj.name,
                    r.obj.target_label,
                    r.actual,
                    _pct(r.progress),
                    r.obj.progress_override,
                    sel.status_label(r.status),
                    str(r.obj.owner_unit or ""),
                    str(r.obj.leader or ""),
                    r.obj.deadline,
                    r.obj.source_quote,
                ],
                r.status,
            )
            for r in rows
        ],
        status_col=8,
    )
    projects = [sel.project_row(p, today) for p in sel.project_queryset(plan)]
    _sheet(
        wb,
        _("重点项目"),
        [
            _("类别"),
            _("项目名称"),
            _("投资方"),
            _("产业"),
            _("总投资(万元)"),
            _("年度计划(万元)"),
            _("年度完成(万元)"),
            _("当前阶段"),
            _("状态"),
            _("责任单位"),
            _("挂钩领导"),
            _("计划开始"),
            _("计划完成"),
        ],
        [
            (
                [
                    r.obj.get_kind_display(),
                    r.obj.name,
                    r.obj.investor,
                    r.obj.industry,
                    float(r.obj.investment),
                    float(r.obj.annual_plan) if r.obj.annual_plan is not None else None,
                    float(r.obj.annual_done) if r.obj.annual_done is not None else None,
                    r.obj.get_stage_display(),
                    sel.status_label(r.status),
                    str(r.obj.owner_unit or ""),
                    str(r.obj.leader or ""),
                    r.obj.start_date,
                    r.obj.deadline,
                ],
                r.status,
            )
            for r in projects
        ],
        status_col=8,
    )
    r = LivelihoodRound.objects.filter(plan=plan).first()
    if r:
        cands = sel.round_candidates(r, today)
        _sheet(
            wb,
            _("民生实事"),
            [
                _("项目名称"),
                _("预算(万元)"),
                _("责任单位"),
                _("赞成"),
                _("反对"),
                _("弃权"),
                _("按规则当选"),
                _("最终确定"),
                _("调整理由"),
                _("状态"),
                _("验收日期"),
                _("满意率"),
            ],
            [
                (
                    [
                        c.obj.name,
                        float(c.obj.budget),
                        str(c.obj.owner_unit),
                        c.obj.agree,
                        c.obj.disagree,
                        c.obj.abstain,
                        _yes(c.obj.rule_adopted),
                        _yes(c.obj.adopted),
                        c.obj.override_reason,
                        c.status_label,
                        c.obj.accepted_on,
                        c.obj.satisfaction_rate,
                    ],
                    c.status,
                )
                for c in cands
            ],
            status_col=9,
        )
    out = BytesIO()
    wb.save(out)
    return out.getvalue()


def _yes(v):
    return "" if v is None else (_("是") if v else _("否"))
