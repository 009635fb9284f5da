"""The remembered column mapping of a ledger import, per town and case type.

The model belongs to the ``cases`` app (``app_label``) but lives here; ``luoshi.cases.models``
imports it at the bottom, so it is registered whenever the app's models are.
"""

from __future__ import annotations

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords

from luoshi.cases.models import CaseType
from luoshi.org.models import Town
from luoshi.org.scoping import ScopePaths


class ImportMapping(models.Model):
    """Which spreadsheet header feeds which case field: {"title": "标题", "content": "诉求内容", …}."""

    town = models.ForeignKey(Town, on_delete=models.CASCADE, related_name="+", verbose_name=_("乡镇"))
    case_type = models.ForeignKey(
        CaseType, on_delete=models.CASCADE, related_name="+", verbose_name=_("案件类型")
    )
    columns = models.JSONField(_("列对应关系"), default=dict)
    updated_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        verbose_name=_("更新人"),
    )
    updated_at = models.DateTimeField(_("更新时间"), auto_now=True)
    history = HistoricalRecords(excluded_fields=["updated_at"])

    scope_paths = ScopePaths(county="town__county_id", town="town_id")

    class Meta:
        app_label = "cases"
        verbose_name = _("台账导入列对应")
        verbose_name_plural = _("台账导入列对应")
        constraints = [
            models.UniqueConstraint(fields=["town", "case_type"], name="import_mapping_unique_town_type")
        ]

    def __str__(self) -> str:
        return f"{self.town} · {self.case_type}"
