"""Excel export of a plan (openpyxl): targets and tasks with derived status, projects, livelihood projects."""

from __future__ import annotations

import datetime as dt
from io import BytesIO

from openpyxl import Workbook
from openpyxl.styles import Font, PatternFill

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
    ws.append(header)
    for cell in ws[1]:
        cell.font = Font(bold=True)
    for values, status in rows:
        ws.append(values)
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
        "指标与重点工作",
        [
            "层级",
            "类别",
            "领域",
            "名称",
            "目标",
            "最新实际值",
            "进度(%)",
            "人工调整(%)",
            "状态",
            "牵头单位",
            "责任领导",
            "完成时限",
            "来源原句",
        ],
        [
            (
                [
                    r.depth,
                    r.obj.get_kind_display(),
                    r.obj.get_area_display(),
                    "　" * r.depth + r.obj.name,
                    r.obj.target_label,
                    r.obj.actual_value,
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
        "重点项目",
        [
            "类别",
            "项目名称",
            "投资方",
            "产业",
            "总投资(万元)",
            "年度计划(万元)",
            "年度完成(万元)",
            "当前阶段",
            "状态",
            "责任单位",
            "挂钩领导",
            "计划开始",
            "计划完成",
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
            "民生实事",
            [
                "项目名称",
                "预算(万元)",
                "责任单位",
                "赞成",
                "反对",
                "弃权",
                "按规则当选",
                "最终确定",
                "调整理由",
                "状态",
                "验收日期",
                "满意率",
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
                        sel.status_label(c.status),
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
    return "" if v is None else ("是" if v else "否")
