"""API keys for Open311 POST, one set per town; only a SHA-256 digest of each key is stored.

The model belongs to the ``cases`` app (``app_label``) but lives here, beside the code that uses
it; ``luoshi.cases.models`` imports it at the bottom, so it is registered whenever the app's
models are (independently of the URLconf).
"""

from __future__ import annotations

import hashlib
import secrets

from django.db import models
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords

from luoshi.org.models import Town
from luoshi.org.scoping import ScopePaths

KEY_PREFIX_LEN = 8
DEFAULT_RATE_PER_MINUTE = 60


def digest(raw: str) -> str:
    return hashlib.sha256(raw.encode("utf-8")).hexdigest()


class Open311Key(models.Model):
    """One client (a WeChat mini-program, a county platform …) allowed to POST requests to one town."""

    town = models.ForeignKey(Town, on_delete=models.CASCADE, related_name="+", verbose_name=_("乡镇"))
    label = models.CharField(_("调用方"), max_length=100)
    prefix = models.CharField(_("密钥前缀"), max_length=KEY_PREFIX_LEN, db_index=True)
    key_hash = models.CharField(_("密钥摘要"), max_length=64, unique=True)
    is_active = models.BooleanField(_("启用"), default=True)
    created_at = models.DateTimeField(_("创建时间"), auto_now_add=True)
    last_used_at = models.DateTimeField(_("最近使用"), null=True, blank=True)
    rate_per_minute = models.PositiveIntegerField(
        _("每分钟提交上限"),
        default=DEFAULT_RATE_PER_MINUTE,
        help_text=_("该密钥每分钟最多可提交的案件数，超出时返回 429；0 表示不限。"),
    )
    history = HistoricalRecords(excluded_fields=["last_used_at"])

    scope_paths = ScopePaths(county="town__county_id", town="town_id")

    class Meta:
        app_label = "cases"
        verbose_name = _("Open311 接口密钥")
        verbose_name_plural = _("Open311 接口密钥")
        ordering = ["town", "label"]

    def __str__(self) -> str:
        return f"{self.town} · {self.label} · {self.prefix}…"

    @staticmethod
    def new_raw_key() -> str:
        return secrets.token_urlsafe(32)
