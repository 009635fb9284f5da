"""The county's assessment of its towns (综合考核, DOMAIN.md §10.3) and quarterly competitions.

A ``Scheme`` (one year, or one quarter for a 季度竞赛) assigns each town a category, lists indicator
lines from the catalogue (``luoshi.accounts``) with weights, groups and a scoring rule, and carries
the bonus points, deductions and veto items of each town. Scores are never typed: a ``Result`` is a
snapshot computed from the indicator values, its ``ResultRow`` rows are append-only down to the
database (``luoshi.org.appendonly``), and publishing it freezes the scheme version; a change after
that is a new version (``services.scheme_revise``). See docs/county.md.
"""

from __future__ import annotations

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords

from luoshi.accounts.models import Indicator
from luoshi.county import scoring
from luoshi.org.models import County, Town
from luoshi.org.scoping import ScopePaths

USER = settings.AUTH_USER_MODEL


class Category(models.IntegerChoices):
    FIRST = 1, _("一类乡镇")
    SECOND = 2, _("二类乡镇")
    THIRD = 3, _("三类乡镇")


class Group(models.TextChoices):
    ECONOMY = "economy", _("经济发展")
    PARTY = "party", _("党的建设")
    RURAL = "rural", _("乡村振兴")
    ECOLOGY = "ecology", _("生态环境")
    SAFETY = "safety", _("安全稳定")
    LIVELIHOOD = "livelihood", _("民生保障")


class Rule(models.TextChoices):
    RATIO = scoring.RATIO, _("完成率计分（权重×完成率，封顶）")
    RANK = scoring.RANK, _("类内排名计分")
    THRESHOLD = scoring.THRESHOLD, _("分档计分")
    PASSFAIL = scoring.PASSFAIL, _("达标计分")


class Scheme(models.Model):
    class Kind(models.TextChoices):
        ANNUAL = "annual", _("年度综合考核")
        QUARTER = "quarter", _("季度竞赛")

    county = models.ForeignKey(County, on_delete=models.PROTECT, related_name="+", verbose_name=_("县"))
    name = models.CharField(_("方案名称"), max_length=100)
    kind = models.CharField(_("类型"), max_length=10, choices=Kind.choices, default=Kind.ANNUAL)
    year = models.PositiveSmallIntegerField(_("年度"))
    quarter = models.PositiveSmallIntegerField(_("季度"), default=0, help_text=_("季度竞赛填 1–4。"))
    version = models.PositiveSmallIntegerField(_("版本"), default=1)
    previous = models.OneToOneField(
        "self",
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="next_version",
        verbose_name=_("上一版本"),
    )
    pass_score = models.FloatField(_("合格分"), default=60)
    bonus_cap = models.FloatField(_("加分上限"), null=True, blank=True)
    objection_days = models.PositiveSmallIntegerField(
        _("异议期(工作日)"), default=5, help_text=_("结果公布后可提出异议的工作日数；公布前随时可提。")
    )
    document = models.CharField(_("方案文件"), max_length=200, blank=True)
    frozen_at = models.DateTimeField(_("冻结时间"), null=True, blank=True)
    created_by = models.ForeignKey(USER, null=True, on_delete=models.SET_NULL, related_name="+")
    created_at = models.DateTimeField(_("创建时间"), auto_now_add=True)
    history = HistoricalRecords()

    scope_paths = ScopePaths(county="county_id")

    class Meta:
        verbose_name = _("考核方案")
        verbose_name_plural = _("考核方案")
        ordering = ["-year", "-quarter", "name", "-version"]

    def __str__(self) -> str:
        return f"{self.name}（v{self.version}）"

    @property
    def frozen(self) -> bool:
        return self.frozen_at is not None

    @property
    def is_current(self) -> bool:
        return not hasattr(self, "next_version")

    def clean(self) -> None:
        if self.kind == self.Kind.QUARTER and not 1 <= self.quarter <= 4:
            raise ValidationError({"quarter": _("季度竞赛须指定第1–4季度。")})
        if self.kind == self.Kind.ANNUAL and self.quarter:
            raise ValidationError({"quarter": _("年度考核不指定季度。")})


class SchemeTown(models.Model):
    """A town taking part, with its category (一类/二类/三类): rankings are within a category."""

    scheme = models.ForeignKey(Scheme, on_delete=models.CASCADE, related_name="towns", verbose_name=_("方案"))
    town = models.ForeignKey(Town, on_delete=models.PROTECT, related_name="+", verbose_name=_("乡镇"))
    category = models.PositiveSmallIntegerField(_("类别"), choices=Category.choices, default=Category.FIRST)
    history = HistoricalRecords()

    class Meta:
        verbose_name = _("参评乡镇")
        verbose_name_plural = _("参评乡镇")
        ordering = ["category", "town__code"]
        constraints = [models.UniqueConstraint(fields=["scheme", "town"], name="scheme_town_once")]

    def __str__(self) -> str:
        return f"{self.town} · {self.get_category_display()}"


class Line(models.Model):
    """One indicator of the scheme: its group, weight, scoring rule and target (per category if set)."""

    scheme = models.ForeignKey(Scheme, on_delete=models.CASCADE, related_name="lines", verbose_name=_("方案"))
    group = models.CharField(_("类别"), max_length=12, choices=Group.choices)
    indicator = models.ForeignKey(
        Indicator, on_delete=models.PROTECT, related_name="+", verbose_name=_("指标")
    )
    weight = models.FloatField(_("分值(权重)"))
    rule = models.CharField(_("计分规则"), max_length=10, choices=Rule.choices, default=Rule.RATIO)
    target = models.FloatField(_("目标值"), null=True, blank=True)
    targets = models.JSONField(
        _("分类目标值"), default=dict, blank=True, help_text=_('按乡镇类别，例如 {"1": 8, "2": 6, "3": 5}。')
    )
    cap = models.FloatField(_("完成率封顶"), default=1.2)
    lower_is_better = models.BooleanField(_("越低越好"), default=False)
    thresholds = models.JSONField(
        _("分档"),
        default=list,
        blank=True,
        help_text=_("例如 [[1.0, 1.0], [0.9, 0.8]]：完成率达到即得该比例分值。"),
    )
    order = models.PositiveSmallIntegerField(_("排序"), default=0)
    history = HistoricalRecords()

    class Meta:
        verbose_name = _("考核指标")
        verbose_name_plural = _("考核指标")
        ordering = ["order", "id"]

    def __str__(self) -> str:
        return f"{self.get_group_display()} · {self.indicator}"

    def target_for(self, category: int) -> float | None:
        value = (self.targets or {}).get(str(category))
        return float(value) if value is not None else self.target

    def spec(self) -> scoring.LineSpec:
        return scoring.LineSpec(
            key=self.pk,
            weight=self.weight,
            rule=self.rule,
            cap=self.cap,
            lower_is_better=self.lower_is_better,
            thresholds=tuple((float(a), float(b)) for a, b in (self.thresholds or [])),
        )


class Adjustment(models.Model):
    """加分 (with the document granting it), 扣分 (with its reason) or 一票否决 of one town."""

    class Kind(models.TextChoices):
        BONUS = "bonus", _("加分")
        DEDUCTION = "deduction", _("扣分")
        VETO = "veto", _("一票否决")

    scheme = models.ForeignKey(
        Scheme, on_delete=models.CASCADE, related_name="adjustments", verbose_name=_("方案")
    )
    town = models.ForeignKey(Town, on_delete=models.PROTECT, related_name="+", verbose_name=_("乡镇"))
    kind = models.CharField(_("类型"), max_length=10, choices=Kind.choices)
    points = models.FloatField(_("分值"), default=0)
    reason = models.CharField(_("事由"), max_length=300)
    document = models.CharField(_("依据文件"), max_length=200, blank=True)
    created_by = models.ForeignKey(USER, null=True, on_delete=models.SET_NULL, related_name="+")
    created_at = models.DateTimeField(_("登记时间"), auto_now_add=True)
    history = HistoricalRecords()

    class Meta:
        verbose_name = _("加减分与否决")
        verbose_name_plural = _("加减分与否决")
        ordering = ["town__code", "kind", "id"]

    def __str__(self) -> str:
        return f"{self.town} · {self.get_kind_display()} {self.points:g}"


class Result(models.Model):
    """One computation of a scheme: a snapshot (rows append-only), visible to towns once published."""

    scheme = models.ForeignKey(
        Scheme, on_delete=models.PROTECT, related_name="results", verbose_name=_("方案")
    )
    computed_at = models.DateTimeField(_("计算时间"))
    computed_by = models.ForeignKey(USER, null=True, on_delete=models.SET_NULL, related_name="+")
    digest = models.CharField(_("结果指纹"), max_length=64)
    published_at = models.DateTimeField(_("公布时间"), null=True, blank=True)
    published_by = models.ForeignKey(USER, null=True, blank=True, on_delete=models.SET_NULL, related_name="+")
    history = HistoricalRecords()

    scope_paths = ScopePaths(county="scheme__county_id")

    class Meta:
        verbose_name = _("考核结果")
        verbose_name_plural = _("考核结果")
        ordering = ["-computed_at", "-id"]

    def __str__(self) -> str:
        return f"{self.scheme} · {self.computed_at:%Y-%m-%d %H:%M}"

    @property
    def published(self) -> bool:
        return self.published_at is not None


class ResultRow(models.Model):
    """One town's score in a result: never changed or deleted (append-only, also in the database)."""

    result = models.ForeignKey(Result, on_delete=models.PROTECT, related_name="rows", verbose_name=_("结果"))
    town = models.ForeignKey(Town, on_delete=models.PROTECT, related_name="+", verbose_name=_("乡镇"))
    category = models.PositiveSmallIntegerField(_("类别"), choices=Category.choices)
    base = models.FloatField(_("指标得分"))
    bonus = models.FloatField(_("加分"))
    deduction = models.FloatField(_("扣分"))
    total = models.FloatField(_("总分"))
    vetoed = models.BooleanField(_("一票否决"), default=False)
    rank = models.PositiveSmallIntegerField(_("类内排名"), null=True)
    passed = models.BooleanField(_("合格"))
    # per line: line id, indicator code and name, group, weight, value, display, target, completion,
    # score, period key, missing; plus the adjustments counted (kind, points, reason, document)
    detail = models.JSONField(_("明细"), default=dict)

    class Meta:
        verbose_name = _("考核得分")
        verbose_name_plural = _("考核得分")
        ordering = ["category", "vetoed", "rank", "town__code"]
        constraints = [models.UniqueConstraint(fields=["result", "town"], name="result_row_once")]

    def __str__(self) -> str:
        return f"{self.town} {self.total:g}"


class Objection(models.Model):
    """A town's objection (考核异议) to one value, filed as a case of type ``objection`` with its
    deadline; the county upholds or rejects it with a reply."""

    class State(models.TextChoices):
        OPEN = "open", _("待答复")
        UPHELD = "upheld", _("异议成立")
        REJECTED = "rejected", _("异议不成立")

    scheme = models.ForeignKey(
        Scheme, on_delete=models.PROTECT, related_name="objections", verbose_name=_("方案")
    )
    line = models.ForeignKey(Line, on_delete=models.PROTECT, related_name="+", verbose_name=_("考核指标"))
    town = models.ForeignKey(Town, on_delete=models.PROTECT, related_name="+", verbose_name=_("乡镇"))
    value_seen = models.FloatField(_("异议时的数值"), null=True, blank=True)
    text = models.TextField(_("异议理由"))
    case = models.OneToOneField(
        "cases.Case", on_delete=models.PROTECT, related_name="objection", verbose_name=_("异议案件")
    )
    state = models.CharField(_("状态"), max_length=10, choices=State.choices, default=State.OPEN)
    answer = models.TextField(_("答复"), blank=True)
    filed_by = models.ForeignKey(USER, null=True, on_delete=models.SET_NULL, related_name="+")
    filed_at = models.DateTimeField(_("提出时间"))
    decided_by = models.ForeignKey(USER, null=True, blank=True, on_delete=models.SET_NULL, related_name="+")
    decided_at = models.DateTimeField(_("答复时间"), null=True, blank=True)
    history = HistoricalRecords()

    scope_paths = ScopePaths(county="town__county_id", town="town_id")

    class Meta:
        verbose_name = _("考核异议")
        verbose_name_plural = _("考核异议")
        ordering = ["-filed_at", "-id"]

    def __str__(self) -> str:
        return f"{self.town} · {self.line.indicator}"
