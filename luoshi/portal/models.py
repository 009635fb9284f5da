"""What a town decided to publish, and the disclosure catalogue (主动公开目录).

Nothing is public by default. A town publishes an indicator (``PublishedIndicator``: its values and the
plan targets bound to it) or a work report (``PublishedReport``: its text and facts); the county's and
each town's catalogue items list what must be disclosed, and a ``DisclosureDocument`` reaches the
portal only after a second person reviewed it (``luoshi.portal.services``). Which *fields* of any of
these (and of projects, livelihood projects and cases) are public is declared once, in
``luoshi.portal.policy``.
"""

from __future__ import annotations

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords

from luoshi.org.models import County, Town
from luoshi.org.scoping import ScopePaths

USER = settings.AUTH_USER_MODEL


class PublishedIndicator(models.Model):
    """A town shows this indicator on its portal (values, and targets bound to it). Default: not public."""

    town = models.ForeignKey(Town, on_delete=models.CASCADE, related_name="+", verbose_name=_("乡镇"))
    indicator = models.ForeignKey(
        "accounts.Indicator", on_delete=models.CASCADE, related_name="+", verbose_name=_("指标")
    )
    published_by = models.ForeignKey(
        USER, null=True, blank=True, on_delete=models.SET_NULL, related_name="+", verbose_name=_("公开人")
    )
    published_at = models.DateTimeField(_("公开时间"), auto_now_add=True)
    history = HistoricalRecords()

    scope_paths = ScopePaths(county="town__county_id", town="town_id")

    class Meta:
        verbose_name = _("公开指标")
        verbose_name_plural = _("公开指标")
        constraints = [models.UniqueConstraint(fields=["town", "indicator"], name="portal_indicator_once")]

    def __str__(self) -> str:
        return f"{self.town} · {self.indicator}"


class PublishedReport(models.Model):
    """A work report the town published on its portal (its text and its facts)."""

    report = models.OneToOneField(
        "reports.Report", on_delete=models.PROTECT, related_name="publication", verbose_name=_("报告")
    )
    published_by = models.ForeignKey(
        USER, null=True, blank=True, on_delete=models.SET_NULL, related_name="+", verbose_name=_("公开人")
    )
    published_at = models.DateTimeField(_("公开时间"), auto_now_add=True)
    history = HistoricalRecords()

    scope_paths = ScopePaths(county="report__town__county_id", town="report__town_id")

    class Meta:
        verbose_name = _("公开报告")
        verbose_name_plural = _("公开报告")

    def __str__(self) -> str:
        return str(self.report)


class DisclosureItem(models.Model):
    """One line of the 主动公开目录: what is disclosed, on what basis, by whom, how soon and where.

    ``town`` empty: an item of the county's own catalogue (edited by county staff)."""

    county = models.ForeignKey(County, on_delete=models.CASCADE, related_name="+", verbose_name=_("县"))
    town = models.ForeignKey(
        Town, null=True, blank=True, on_delete=models.CASCADE, related_name="+", verbose_name=_("乡镇")
    )
    category = models.CharField(_("类别"), max_length=50)
    title = models.CharField(_("公开事项"), max_length=200)
    basis = models.CharField(_("公开依据"), max_length=300)
    owner = models.CharField(_("责任单位"), max_length=100)
    deadline = models.CharField(_("公开时限"), max_length=100)
    channel = models.CharField(_("公开渠道"), max_length=100)
    order = models.PositiveIntegerField(_("排序"), default=0)
    history = HistoricalRecords()

    scope_paths = ScopePaths(county="county_id", town="town_id")

    class Meta:
        verbose_name = _("主动公开事项")
        verbose_name_plural = _("主动公开目录")
        ordering = ["county", "town", "order", "id"]

    def __str__(self) -> str:
        return self.title


class DocState(models.TextChoices):
    """A document's way to the portal; transitions in ``luoshi.portal.services.DOC_TRANSITIONS``."""

    DRAFT = "draft", _("草稿")
    SUBMITTED = "submitted", _("待审核")
    PUBLISHED = "published", _("已公开")
    WITHDRAWN = "withdrawn", _("已撤回")


class DisclosureDocument(models.Model):
    """A document published under a catalogue item, after review by someone other than its author."""

    item = models.ForeignKey(
        DisclosureItem, on_delete=models.CASCADE, related_name="documents", verbose_name=_("公开事项")
    )
    title = models.CharField(_("标题"), max_length=200)
    body = models.TextField(_("正文"))
    state = models.CharField(_("状态"), max_length=10, choices=DocState.choices, default=DocState.DRAFT)
    created_by = models.ForeignKey(USER, on_delete=models.PROTECT, related_name="+", verbose_name=_("起草人"))
    created_at = models.DateTimeField(_("起草时间"), auto_now_add=True)
    reviewed_by = models.ForeignKey(
        USER, null=True, blank=True, on_delete=models.PROTECT, related_name="+", verbose_name=_("审核人")
    )
    review_note = models.CharField(_("审核意见"), max_length=300, blank=True)
    published_at = models.DateTimeField(_("公开时间"), null=True, blank=True)
    history = HistoricalRecords()

    scope_paths = ScopePaths(county="item__county_id", town="item__town_id")

    class Meta:
        verbose_name = _("公开文件")
        verbose_name_plural = _("公开文件")
        ordering = ["-published_at", "-id"]
        constraints = [
            models.CheckConstraint(
                condition=~Q(state="published") | Q(published_at__isnull=False, reviewed_by__isnull=False),
                name="portal_published_doc_was_reviewed",
            )
        ]

    def __str__(self) -> str:
        return self.title
