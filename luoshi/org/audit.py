"""Audit trail on top of django-simple-history: readable rows of who changed which field, when."""

from __future__ import annotations

from django.urls import reverse
from django.utils.translation import gettext_lazy as _

_TYPE_LABEL = {"+": _("创建"), "~": _("修改"), "-": _("删除")}


def history_url(obj) -> str:
    return reverse("history", args=[obj._meta.app_label, obj._meta.model_name, obj.pk])


def history_rows(obj, limit: int = 200) -> list[dict]:
    """Newest first; each row lists the fields that changed from the previous record."""
    return records_rows(obj.history.all(), obj._meta.model, limit)


def records_rows(history, model, limit: int = 200) -> list[dict]:
    """``history_rows`` of one object's history records (``history``: a queryset of them), also
    when the object itself is gone (a deleted report's records)."""
    records = list(
        history.select_related("history_user").order_by("-history_date", "-history_id")[: limit + 1]
    )
    rows = []
    for i, rec in enumerate(records[:limit]):
        prev = records[i + 1] if i + 1 < len(records) else None
        changes = []
        if prev is not None and rec.history_type == "~":
            delta = rec.diff_against(prev)
            for change in delta.changes:
                field = model._meta.get_field(change.field)
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


def reuse_history_manager_classes() -> None:
    """Build each model's ``history`` manager class once instead of on every access.

    django-simple-history's ``HistoryDescriptor.__get__`` calls ``Manager.from_queryset`` (a new
    class, built with ``inspect.getmembers``) each time ``obj.history`` is read, and it reads it
    for every historical record it writes: about a tenth of the CPU of creating a case. The class
    depends only on the descriptor, so it is built once per descriptor and reused.
    """
    from simple_history.manager import HistoryDescriptor

    if getattr(HistoryDescriptor, "_luoshi_reuses_class", False):
        return

    def __get__(self, instance, owner):
        manager_class = self.__dict__.get("_manager_class")
        if manager_class is None:
            manager_class = self._manager_class = self.manager_class.from_queryset(self.queryset_class)
        return manager_class(self.model, instance)

    HistoryDescriptor.__get__ = __get__
    HistoryDescriptor._luoshi_reuses_class = True
