"""The only two exports of personal data (docs/privacy.md):

* 公示 (public notice): name, village and decision — nothing else — of the households now in notice;
* the county's file for the national monitoring system (全国防返贫监测信息系统): full fields, for
  county staff only, after a stated reason, logged (``ExportLog``) and watermarked on every page and
  in the file's properties with who exported it, when, and the log's serial.

Every cell goes through ``luoshi.lib.export`` (no formula injection).
"""

from __future__ import annotations

import io

from django.utils import timezone
from django.utils.translation import gettext as _
from openpyxl import Workbook

from luoshi.assistance import workflow
from luoshi.assistance.models import Programme
from luoshi.lib.export import csv_writer, safe_row

PROGRAMMES = Programme.choices
NOTICE_HEADER = ("姓名", "村(社区)", "决定")


def notice_csv(households) -> bytes:
    out = io.StringIO()
    w = csv_writer(out)
    w.writerow([_("姓名"), _("村(社区)"), _("决定")])
    for h in households:
        w.writerow([h.head_name, h.village.name, str(workflow.PUBLIC_NOTICE[h.status])])
    return ("\ufeff" + out.getvalue()).encode("utf-8")


def watermark_text(user, log) -> str:
    who = user.full_name or user.username
    at = timezone.localtime(log.at).strftime("%Y-%m-%d %H:%M")
    return _("导出人：%(who)s（%(u)s） 时间：%(at)s 编号：%(mark)s 仅用于全国防返贫监测信息系统报送") % {
        "who": who,
        "u": user.username,
        "at": at,
        "mark": log.mark,
    }


NATIONAL_COLUMNS = (
    "户编号", "乡镇", "村(社区)", "户主姓名", "户主身份证号", "联系电话", "家庭人口", "监测对象类型", "识别渠道",
    "主要风险类型", "状态", "纳入监测日期", "风险消除日期", "帮扶责任人", "帮扶措施", "成员（姓名/身份证号/劳动能力/健康/残疾）",
)  # fmt: skip


def national_xlsx(households, user, log) -> bytes:
    wb = Workbook()
    ws = wb.active
    ws.title = "监测对象"
    mark = watermark_text(user, log)
    wb.properties.creator = user.username
    wb.properties.description = mark
    wb.properties.keywords = log.mark
    ws.oddHeader.center.text = mark
    ws.oddFooter.center.text = mark
    ws.append([mark])
    ws.append(list(NATIONAL_COLUMNS))
    for h in households:
        members = list(h.members.all())
        ws.append(
            safe_row(
                [
                    h.number,
                    h.town.name,
                    h.village.name,
                    h.head_name,
                    h.head_id_number,
                    h.phone,
                    len(members),
                    h.get_category_display(),
                    h.get_channel_display(),
                    h.get_risk_type_display(),
                    h.get_status_display(),
                    h.approved_on.isoformat() if h.approved_on else "",
                    h.eliminated_on.isoformat() if h.eliminated_on else "",
                    (h.cadre.full_name or h.cadre.username) if h.cadre else "",
                    "；".join(f"{m.get_kind_display()}：{m.description}" for m in h.measures.all()),
                    "；".join(
                        f"{m.name}/{m.id_number}/{m.get_labour_display()}/{m.health or '-'}/{m.disability or '-'}"
                        for m in members
                    ),
                ]
            )
        )
    ws.append([mark])
    out = io.BytesIO()
    wb.save(out)
    return out.getvalue()
