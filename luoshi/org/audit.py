"""Audit trail on top of django-simple-history: readable rows of who changed which field, when."""

from __future__ import annotations

from django.urls import reverse
from django.utils.translation import gettext_lazy as _

_TYPE_LABEL = {"+": _("创建"), "~": _("修改"), "-": _("删除")}


def history_url(obj) -> str:
    return reverse("history", args=[obj._meta.app_label, obj._meta.model_name, obj.pk])


def history_rows(obj, limit: int = 200) -> list[dict]:
    """Newest first; each row lists the fields that changed from the previous record."""
    records = list(
        obj.history.select_related("history_user").order_by("-history_date", "-history_id")[: limit + 1]
    )
    rows = []
    for i, rec in enumerate(records[:limit]):
        prev = records[i + 1] if i + 1 < len(records) else None
        changes = []
        if prev is not None and rec.history_type == "~":
            delta = rec.diff_against(prev)
            for change in delta.changes:
                field = obj._meta.get_field(change.field)
                changes.append({"field": str(field.verbose_name), "old": change.old, "new": change.new})
        rows.append(
            {
                "when": rec.history_date,
                "who": rec.history_user,
                "type": _TYPE_LABEL.get(rec.history_type, rec.history_type),
                "reason": getattr(rec, "history_change_reason", None),
                "changes": changes,
            }
        )
    return rows
