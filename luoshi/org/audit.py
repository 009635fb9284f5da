"""Audit trail on top of django-simple-history: readable rows of who changed which field, when.

The history page shows what the object's own page shows, no more: each model with history says who
may open its history (``register_history(allowed=...)``; by default every staff member who can see
the object, never a deputy-only user: it is a staff page) and whether a reader sees its personal
data masked (``masked=...``; by default masked for everyone). A masked reader gets the object's name,
every text value of the diff and the change reasons through ``luoshi.lib.masking`` (phone fields as
``mask_phone``, ID-number fields as ``mask_id_number``, free text as ``mask_text``).
"""

from __future__ import annotations

import json
from collections.abc import Callable
from dataclasses import dataclass

from django.db import models
from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from luoshi.lib.masking import mask_id_number, mask_phone, mask_text

_TYPE_LABEL = {"+": _("创建"), "~": _("修改"), "-": _("删除")}

Rule = Callable[[object, models.Model], bool]


@dataclass(frozen=True)
class HistoryRule:
    masked: Rule | None = None  # None: masked for every reader
    allowed: Rule | None = None  # None: every staff member who can see the object


_RULES: dict[type, HistoryRule] = {}


def register_history(model: type, *, masked: Rule | None = None, allowed: Rule | None = None) -> None:
    """Declare, from the app's ``AppConfig.ready()``, the decisions of ``model``'s own page: who sees
    its personal data in full (``masked(user, obj)`` False) and who may open its history."""
    _RULES[model] = HistoryRule(masked=masked, allowed=allowed)


def history_masked(user, obj) -> bool:
    rule = _RULES.get(type(obj))
    return True if rule is None or rule.masked is None else bool(rule.masked(user, obj))


def may_see_history(user, obj) -> bool:
    from luoshi.org.scoping import scope_of

    if not scope_of(user).is_staff_member:
        return False
    rule = _RULES.get(type(obj))
    return rule is None or rule.allowed is None or bool(rule.allowed(user, obj))


def history_url(obj) -> str:
    return reverse("history", args=[obj._meta.app_label, obj._meta.model_name, obj.pk])


def mask_value(field_name: str, value: str) -> str:
    """A text value as a masked reader sees it: phone and ID-number fields masked whole, other text
    with every phone-like and ID number in it masked."""
    if "phone" in field_name:
        return mask_phone(value)
    if "id_number" in field_name:
        return mask_id_number(value)
    return mask_text(value)


class _Labels:
    """Display values of a diff: choices' labels, 是/否, the names of related rows (read once each)."""

    def __init__(self, user, masked: bool):
        self.user = user
        self.masked = masked
        self._related: dict[tuple[type, object], str] = {}

    def __call__(self, field: models.Field, value):
        if value is None or value == "":
            return None
        if field.choices:
            out = str(dict(field.flatchoices).get(value, value))
        elif isinstance(field, models.BooleanField):
            return str(_("是") if value else _("否"))
        elif field.is_relation and (field.many_to_one or field.one_to_one):
            out = self._related_label(field.related_model, value)
        elif isinstance(value, dict | list):
            out = json.dumps(value, ensure_ascii=False)
        elif isinstance(value, str):
            out = value
        else:
            return value  # dates, numbers: the template formats them
        return mask_value(field.name, out) if self.masked else out

    def _related_label(self, model: type, pk) -> str:
        key = (model, pk)
        if key not in self._related:
            from luoshi.org.scoping import visible

            qs = model._default_manager.filter(pk=pk)
            # a scoped domain row outside the reader's scope keeps its number only (org's own
            # reference rows — towns, villages, units — and users are named)
            if hasattr(model, "scope_paths") and model._meta.app_label != "org":
                qs = visible(qs, self.user)
            obj = qs.first()
            self._related[key] = str(obj) if obj is not None else f"#{pk}"
        return self._related[key]


def history_rows(obj, limit: int = 200, *, user=None, masked: bool = True) -> list[dict]:
    """Newest first; each row lists the fields that changed from the previous record, as labels
    (``masked``: personal data masked as on the object's page for ``user``)."""
    return records_rows(obj.history.all(), obj._meta.model, limit, user=user, masked=masked)


def records_rows(history, model, limit: int = 200, *, user=None, masked: bool = True) -> list[dict]:
    """``history_rows`` of one object's history records (``history``: a queryset of them), also
    when the object itself is gone (a deleted report's records)."""
    records = list(
        history.select_related("history_user").order_by("-history_date", "-history_id")[: limit + 1]
    )
    label = _Labels(user, masked)
    rows = []
    for i, rec in enumerate(records[:limit]):
        prev = records[i + 1] if i + 1 < len(records) else None
        changes = []
        if prev is not None and rec.history_type == "~":
            delta = rec.diff_against(prev)
            for change in delta.changes:
                field = model._meta.get_field(change.field)
                changes.append(
                    {
                        "field": str(field.verbose_name),
                        "old": label(field, change.old),
                        "new": label(field, change.new),
                    }
                )
        reason = getattr(rec, "history_change_reason", None)
        rows.append(
            {
                "when": rec.history_date,
                "who": rec.history_user,
                "type": _TYPE_LABEL.get(rec.history_type, rec.history_type),
                "reason": mask_text(reason) if masked and reason else reason,
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
