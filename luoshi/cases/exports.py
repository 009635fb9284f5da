"""Excel export of a case list (openpyxl, write-only so large lists stay light).

Every row goes through ``luoshi.lib.export.safe_row`` (no cell can run as a formula); for a reader
who sees phone numbers masked, the title is masked by the same rule as the phone column.
"""

from __future__ import annotations

import io

from django.utils import timezone
from django.utils.translation import gettext as _
from openpyxl import Workbook

from luoshi.lib.export import safe_row
from luoshi.lib.masking import mask_if, mask_phone

MAX_ROWS = 50_000


def _fmt(value) -> str:
    return timezone.localtime(value).strftime("%Y-%m-%d %H:%M") if value else ""


def cases_xlsx(qs, *, show_phone: bool) -> bytes:
    from luoshi.cases.selectors import detail_columns

    details = detail_columns()  # type-specific fields (隐患"五定" …), one column each
    wb = Workbook(write_only=True)
    ws = wb.create_sheet(_("案件"))
    ws.append(
        safe_row(
            [
                _("编号"),
                _("类型"),
                _("类别"),
                _("标题"),
                _("乡镇"),
                _("村(社区)"),
                _("承办站所"),
                _("状态"),
                _("诉求人"),
                _("联系电话"),
                _("受理时间"),
                _("办结截止"),
                _("办结时间"),
                _("按期办结"),
                _("评价"),
                *(label for _key, label in details),
            ]
        )
    )
    for c in qs.select_related("case_type", "category", "town", "village", "unit")[:MAX_ROWS]:
        ws.append(
            safe_row(
                [
                    c.number,
                    c.case_type.name,
                    c.category.name if c.category else "",
                    mask_if(not show_phone, c.title),
                    c.town.name,
                    c.village.name if c.village else "",
                    c.unit.name if c.unit else "",
                    c.status_label,
                    c.contact_name,
                    c.contact_phone if show_phone else mask_phone(c.contact_phone),
                    _fmt(c.received_at),
                    _fmt(c.due_at),
                    _fmt(c.resolved_at),
                    "" if c.resolved_on_time is None else (_("是") if c.resolved_on_time else _("否")),
                    c.get_rating_display() if c.rating else "",
                    *(
                        mask_if(not show_phone, str((c.details or {}).get(key, "")))
                        if isinstance(c.details, dict)
                        else ""
                        for key, _l in details
                    ),
                ]
            )
        )
    buf = io.BytesIO()
    wb.save(buf)
    return buf.getvalue()
