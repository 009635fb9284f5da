"""Stored work reports and their facts, as read by ``luoshi.reports.reader``.

A report is identified by the hash of its normalised text within its town, so reading the same
report again (even from another container: .docx, PDF, web page) updates it instead of duplicating it.
"""

from __future__ import annotations

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords

from luoshi.org.models import Town
from luoshi.org.scoping import ScopePaths


class Report(models.Model):
    town = models.ForeignKey(
        Town, null=True, blank=True, on_delete=models.PROTECT, related_name="reports", verbose_name=_("乡镇")
    )
    title = models.CharField(_("标题"), max_length=200)
    source_name = models.CharField(_("来源文件"), max_length=255, blank=True)
    content_hash = models.CharField(_("内容指纹"), max_length=64, db_index=True)
    text = models.TextField(_("规范化正文"))
    meta = models.JSONField(_("元数据"), default=dict)
    sections = models.JSONField(_("章节"), default=list)
    removed = models.JSONField(_("已剔除的页面杂项"), default=list)
    warnings = models.JSONField(_("提示"), default=list)
    review_year = models.PositiveSmallIntegerField(_("回顾年度"), null=True, blank=True)
    plan_year = models.PositiveSmallIntegerField(_("计划年度"), null=True, blank=True)
    uploaded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, verbose_name=_("上传人")
    )
    created_at = models.DateTimeField(_("创建时间"), auto_now_add=True)
    updated_at = models.DateTimeField(_("更新时间"), auto_now=True)
    history = HistoricalRecords(excluded_fields=["text"])

    # Reports are read by the town's staff and deputies; the county reads all its towns.
    scope_paths = ScopePaths(
        county="town__county_id",
        town="town_id",
        unit_town="town_id",
        deputy_town="town_id",
        owner="uploaded_by_id",
    )

    class Meta:
        verbose_name = _("政府工作报告")
        verbose_name_plural = _("政府工作报告")
        ordering = ["-plan_year", "town__code"]
        constraints = [
            models.UniqueConstraint(fields=["town", "content_hash"], name="report_unique_text_per_town"),
        ]

    def __str__(self) -> str:
        return self.title


# The rows read out of one report (facts, named items) are seen by whoever may see the report.
OF_A_REPORT = ScopePaths(
    county="report__town__county_id",
    town="report__town_id",
    unit_town="report__town_id",
    deputy_town="report__town_id",
    owner="report__uploaded_by_id",
)


class Fact(models.Model):
    """One quantified fact, tied to its sentence by offsets into ``Report.text``."""

    class Part(models.TextChoices):
        REVIEW = "review", _("回顾")
        PLAN = "plan", _("安排")
        OTHER = "other", _("其他")

    class Kind(models.TextChoices):
        ACTUAL = "actual", _("实绩")
        TARGET = "target", _("目标")

    class Measure(models.TextChoices):
        LEVEL = "level", _("总量")
        GROWTH = "growth", _("增速")
        RATE = "rate", _("比率")

    report = models.ForeignKey(Report, on_delete=models.CASCADE, related_name="facts", verbose_name=_("报告"))
    seq = models.PositiveIntegerField(_("序号"))
    part = models.CharField(_("部分"), max_length=10, choices=Part.choices)
    kind = models.CharField(_("类别"), max_length=10, choices=Kind.choices)
    measure = models.CharField(_("度量"), max_length=10, choices=Measure.choices)
    metric = models.CharField(_("指标"), max_length=200)
    value = models.FloatField(_("数值"))
    unit = models.CharField(_("单位"), max_length=20, blank=True)
    approx = models.CharField(_("约数"), max_length=10, blank=True)
    commitment = models.CharField(_("承诺"), max_length=10, blank=True)
    year = models.PositiveSmallIntegerField(_("年度"), null=True, blank=True)
    quote = models.TextField(_("原句"))
    start = models.PositiveIntegerField(_("起始位置"))
    end = models.PositiveIntegerField(_("结束位置"))

    scope_paths = OF_A_REPORT

    class Meta:
        verbose_name = _("事实")
        verbose_name_plural = _("事实")
        ordering = ["report", "seq"]
        constraints = [models.UniqueConstraint(fields=["report", "seq"], name="fact_unique_seq")]

    def __str__(self) -> str:
        return f"{self.metric} {self.value:g}{self.unit}"


class ReportItem(models.Model):
    """A commitment the report names (a key project, a livelihood project or a key task), with its sentence.

    Read by ``luoshi.reports.reader.items``; replaced together with the facts when the report is read
    again. The report → plan import proposes them as projects, livelihood proposals and tasks.
    """

    class Kind(models.TextChoices):
        PROJECT = "project", _("重点项目")
        LIVELIHOOD = "livelihood", _("民生实事")
        TASK = "task", _("重点工作")

    report = models.ForeignKey(Report, on_delete=models.CASCADE, related_name="items", verbose_name=_("报告"))
    seq = models.PositiveIntegerField(_("序号"))
    kind = models.CharField(_("类别"), max_length=12, choices=Kind.choices)
    part = models.CharField(_("部分"), max_length=10, choices=Fact.Part.choices)
    name = models.CharField(_("名称"), max_length=200)
    year = models.PositiveSmallIntegerField(_("年度"), null=True, blank=True)
    stage = models.CharField(_("阶段"), max_length=20, blank=True)
    investment = models.FloatField(_("投资(元)"), null=True, blank=True)
    quote = models.TextField(_("原句"))
    start = models.PositiveIntegerField(_("起始位置"))
    end = models.PositiveIntegerField(_("结束位置"))

    scope_paths = OF_A_REPORT

    class Meta:
        verbose_name = _("报告所列事项")
        verbose_name_plural = _("报告所列事项")
        ordering = ["report", "seq"]
        constraints = [models.UniqueConstraint(fields=["report", "seq"], name="report_item_unique_seq")]

    def __str__(self) -> str:
        return self.name


class ReportUpload(models.Model):
    """An uploaded file waiting for the worker to read it (the web request only keeps it and enqueues).

    The bytes are dropped once read; what remains says how it went, for the uploader's status page.
    """

    class Status(models.TextChoices):
        PENDING = "pending", _("读取中")
        DONE = "done", _("已读取")
        FAILED = "failed", _("读取失败")

    uploaded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="+", verbose_name=_("上传人")
    )
    town = models.ForeignKey(
        Town, null=True, blank=True, on_delete=models.CASCADE, related_name="+", verbose_name=_("乡镇")
    )
    source_name = models.CharField(_("来源文件"), max_length=255)
    data = models.BinaryField(_("文件内容"), blank=True)
    status = models.CharField(_("状态"), max_length=10, choices=Status.choices, default=Status.PENDING)
    error = models.TextField(_("失败原因"), blank=True)
    report = models.ForeignKey(
        Report, null=True, blank=True, on_delete=models.SET_NULL, related_name="+", verbose_name=_("报告")
    )
    created_report = models.BooleanField(_("新报告"), default=False)
    created_at = models.DateTimeField(_("上传时间"), auto_now_add=True)
    finished_at = models.DateTimeField(_("读取完成时间"), null=True, blank=True)

    class Meta:
        verbose_name = _("待读取的上传")
        verbose_name_plural = _("待读取的上传")

    def __str__(self) -> str:
        return self.source_name


class Draft(models.Model):
    """A work-report draft for a town and the year it reviews, written from the records.

    ``composition`` is what the writer produced last (blocks of wording with ``{{field}}`` tokens and
    the fields' values, ``luoshi.reports.writer.compose``); ``edits`` is the wording the user changed,
    block key → template. Regenerating replaces the composition and keeps the edits; every change is
    a version in the history table.
    """

    town = models.ForeignKey(Town, on_delete=models.PROTECT, related_name="drafts", verbose_name=_("乡镇"))
    year = models.PositiveSmallIntegerField(_("回顾年度"))
    composition = models.JSONField(_("生成内容"), default=dict)
    edits = models.JSONField(_("修改的文字"), default=dict, blank=True)
    version = models.PositiveIntegerField(_("版本"), default=1)
    generated_at = models.DateTimeField(_("数字刷新时间"))
    updated_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        verbose_name=_("最后修改人"),
    )
    updated_at = models.DateTimeField(_("修改时间"), auto_now=True)
    history = HistoricalRecords()

    # Written by the town's leaders and office staff; the county reads and writes all its towns.
    scope_paths = ScopePaths(county="town__county_id", town="town_id")

    class Meta:
        verbose_name = _("工作报告草稿")
        verbose_name_plural = _("工作报告草稿")
        ordering = ["-year", "town__code"]
        constraints = [models.UniqueConstraint(fields=["town", "year"], name="draft_unique_town_year")]

    def __str__(self) -> str:
        return f"{self.town} {self.year}"
