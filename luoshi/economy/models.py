"""The economy desk (经济运行研判): the enterprise register, monthly returns from the feeds, the view log,
visits and the cases they raise. See docs/economy.md and DOMAIN.md §8, §11.7.

Per-enterprise figures are confidential: every enterprise-level model is scoped to the town's
leaders and the staff of its economy office (``Enterprise.desk``, 经发办) only, through
``ScopePaths(leader_town=…, unit=…)``; everybody else sees the town's totals as indicators.
"""

from __future__ import annotations

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords

from luoshi.economy import credit_code
from luoshi.org.models import County, Grid, Town, Unit, Village
from luoshi.org.scoping import ScopePaths

USER = settings.AUTH_USER_MODEL

# (field, label, unit): the figures of a monthly return, in this order everywhere (pages, import, API).
METRICS = [
    ("kwh", _("用电量"), _("千瓦时")),
    ("employment", _("用工人数"), _("人")),
    ("output", _("工业总产值"), _("万元")),
    ("sales", _("主营业务收入"), _("万元")),
    ("taxable_sales", _("应税销售"), _("万元")),
    ("tax", _("入库税金"), _("万元")),
    ("investment", _("投资"), _("万元")),
]
METRIC_FIELDS = [m[0] for m in METRICS]


class Scale(models.TextChoices):
    """Statistical scale flags (“四上”企业)."""

    INDUSTRY = "industry", _("规上工业")
    TRADE = "trade", _("限上商贸")
    SERVICE = "service", _("规上服务业")
    CONSTRUCTION = "construction", _("资质内建筑业")


class FeedSource(models.TextChoices):
    GRID = "grid", _("供电公司")
    TAX = "tax", _("税务部门")
    STATS = "stats", _("统计部门")
    SOCIAL = "social", _("社保部门")
    SELF = "self", _("企业自报")


def _validate_credit_code(value: str) -> None:
    try:
        credit_code.validate(value)
    except credit_code.CreditCodeError as exc:
        raise ValidationError(
            {
                "length": _("统一社会信用代码应为18位。"),
                "format": _("统一社会信用代码含有不允许的字符。"),
                "checksum": _("统一社会信用代码校验位不正确。"),
            }[exc.reason]
        ) from exc


def _validate_industry(value: str) -> None:
    import re

    if not re.fullmatch(r"[A-T]?\d{2,4}", value or ""):
        raise ValidationError(_("行业代码应为 GB/T 4754 的门类字母加2至4位数字，例如 C3311 或 3311。"))


class Enterprise(models.Model):
    credit_code = models.CharField(
        _("统一社会信用代码"), max_length=18, unique=True, validators=[_validate_credit_code]
    )
    name = models.CharField(_("企业名称"), max_length=100)
    industry = models.CharField(
        _("行业代码"), max_length=5, validators=[_validate_industry], help_text=_("GB/T 4754，例如 C3311。")
    )
    town = models.ForeignKey(Town, on_delete=models.PROTECT, related_name="+", verbose_name=_("乡镇"))
    village = models.ForeignKey(
        Village, null=True, blank=True, on_delete=models.PROTECT, related_name="+", verbose_name=_("村(社区)")
    )
    grid = models.ForeignKey(
        Grid, null=True, blank=True, on_delete=models.PROTECT, related_name="+", verbose_name=_("网格")
    )
    desk = models.ForeignKey(
        Unit,
        on_delete=models.PROTECT,
        related_name="+",
        verbose_name=_("主管站所"),
        help_text=_("本镇经发办：其人员和镇领导可查看该企业的数据。"),
    )
    address = models.CharField(_("地址"), max_length=200, blank=True)
    contact_name = models.CharField(_("联系人"), max_length=50, blank=True)
    contact_phone = models.CharField(_("联系电话"), max_length=20, blank=True)
    is_active = models.BooleanField(_("在库"), default=True)
    created_at = models.DateTimeField(_("登记时间"), default=timezone.now)
    # The key project this enterprise came from (投产/入库, ``services.project_enterprise_link``).
    project = models.OneToOneField(
        "plans.Project",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="enterprise",
        verbose_name=_("来源项目"),
    )
    history = HistoricalRecords()

    scope_paths = ScopePaths(leader_town="town_id", unit="desk_id")

    class Meta:
        verbose_name = _("企业")
        verbose_name_plural = _("企业名录")
        ordering = ["town", "name"]
        indexes = [models.Index(fields=["town", "name"], name="enterprise_town_name")]

    def __str__(self) -> str:
        return self.name

    def clean(self) -> None:
        self.credit_code = credit_code.normalize(self.credit_code)
        if self.village_id and self.village.town_id != self.town_id:
            raise ValidationError({"village": _("村(社区)不属于所选乡镇。")})
        if self.grid_id and self.grid.village.town_id != self.town_id:
            raise ValidationError({"grid": _("网格不属于所选乡镇。")})
        if self.desk_id and self.desk.town_id != self.town_id:
            raise ValidationError({"desk": _("主管站所不属于所选乡镇。")})


class ScaleFlag(models.Model):
    """A scale flag with the date it started (入规/入限) and, when it was lost, the date it ended."""

    enterprise = models.ForeignKey(
        Enterprise, on_delete=models.CASCADE, related_name="flags", verbose_name=_("企业")
    )
    scale = models.CharField(_("类别"), max_length=12, choices=Scale.choices)
    since = models.DateField(_("起始日期"))
    until = models.DateField(_("终止日期"), null=True, blank=True)
    history = HistoricalRecords()

    scope_paths = ScopePaths(leader_town="enterprise__town_id", unit="enterprise__desk_id")

    class Meta:
        verbose_name = _("规模标志")
        verbose_name_plural = _("规模标志")
        ordering = ["enterprise", "since"]
        constraints = [
            models.UniqueConstraint(fields=["enterprise", "scale", "since"], name="scale_flag_once"),
        ]

    def __str__(self) -> str:
        return f"{self.get_scale_display()} {self.since:%Y-%m-%d}"


class MeterAccount(models.Model):
    """An electricity meter account (户号) of the grid company, mapped to its enterprise."""

    enterprise = models.ForeignKey(
        Enterprise, on_delete=models.CASCADE, related_name="meters", verbose_name=_("企业")
    )
    account = models.CharField(_("用电户号"), max_length=30, unique=True)
    history = HistoricalRecords()

    scope_paths = ScopePaths(leader_town="enterprise__town_id", unit="enterprise__desk_id")

    class Meta:
        verbose_name = _("用电户号")
        verbose_name_plural = _("用电户号")
        ordering = ["account"]

    def __str__(self) -> str:
        return self.account


class MonthlyReturn(models.Model):
    """One enterprise's figures for one month. Each figure records the feed source it came from
    (``sources``) and whether a later import changed it (``revised``); the earlier values stay in the
    history. ``town`` is copied from the enterprise so the town totals read one index."""

    enterprise = models.ForeignKey(
        Enterprise, on_delete=models.PROTECT, related_name="returns", verbose_name=_("企业")
    )
    town = models.ForeignKey(Town, on_delete=models.PROTECT, related_name="+", verbose_name=_("乡镇"))
    month = models.DateField(_("月份"), help_text=_("该月第一天。"))
    kwh = models.FloatField(_("用电量"), null=True, blank=True)
    employment = models.FloatField(_("用工人数"), null=True, blank=True)
    output = models.FloatField(_("工业总产值"), null=True, blank=True)
    sales = models.FloatField(_("主营业务收入"), null=True, blank=True)
    taxable_sales = models.FloatField(_("应税销售"), null=True, blank=True)
    tax = models.FloatField(_("入库税金"), null=True, blank=True)
    investment = models.FloatField(_("投资"), null=True, blank=True)
    sources = models.JSONField(_("来源"), default=dict, blank=True)
    revised = models.JSONField(_("修订项"), default=list, blank=True)
    updated_at = models.DateTimeField(_("更新时间"), default=timezone.now)
    history = HistoricalRecords()

    scope_paths = ScopePaths(leader_town="town_id", unit="enterprise__desk_id")

    class Meta:
        verbose_name = _("企业月度数据")
        verbose_name_plural = _("企业月度数据")
        ordering = ["enterprise", "-month"]
        constraints = [
            models.UniqueConstraint(fields=["enterprise", "month"], name="monthly_return_once"),
        ]
        indexes = [
            models.Index(fields=["town", "month"], name="monthly_return_town_month"),
            # the newest change of a town's returns: the key of its cached warnings
            models.Index(fields=["town", "updated_at"], name="monthly_return_town_updated"),
        ]

    def __str__(self) -> str:
        return f"{self.enterprise_id} {self.month:%Y-%m}"


class Feed(models.Model):
    """A recurring feed a town imports (供电公司月度用电、税务应税销售 …): its source, the shape it comes
    in and the column mapping last used, so next month's file is read the same way."""

    class Layout(models.TextChoices):
        ROWS = "rows", _("每行一个企业月份（含月份列）")
        SHEETS = "sheets", _("每月一个工作表（表名为月份）")

    class Key(models.TextChoices):
        CREDIT_CODE = "credit_code", _("统一社会信用代码")
        METER = "meter", _("用电户号")

    town = models.ForeignKey(Town, on_delete=models.PROTECT, related_name="+", verbose_name=_("乡镇"))
    name = models.CharField(_("数据源名称"), max_length=60)
    source = models.CharField(_("来源"), max_length=10, choices=FeedSource.choices)
    layout = models.CharField(_("表格形式"), max_length=10, choices=Layout.choices, default=Layout.ROWS)
    key = models.CharField(_("匹配依据"), max_length=12, choices=Key.choices, default=Key.CREDIT_CODE)
    mapping = models.JSONField(_("列对应"), default=dict, blank=True)
    last_imported_at = models.DateTimeField(_("最近导入"), null=True, blank=True)
    history = HistoricalRecords()

    class Meta:
        verbose_name = _("数据源")
        verbose_name_plural = _("数据源")
        ordering = ["town", "name"]
        constraints = [models.UniqueConstraint(fields=["town", "name"], name="feed_name_once_per_town")]

    def __str__(self) -> str:
        return self.name


class Thresholds(models.Model):
    """Early-warning thresholds of one county (预警阈值); a county without a row uses the defaults."""

    county = models.OneToOneField(
        County, on_delete=models.CASCADE, related_name="economy_thresholds", verbose_name=_("县")
    )
    kwh_drop_pct = models.FloatField(_("用电量同比降幅(%)"), default=20)
    output_flat_pct = models.FloatField(
        _("产值“持平”容差(%)"), default=2, help_text=_("产值同比降幅不超过此值视为持平。")
    )
    decline_months = models.PositiveSmallIntegerField(_("连续下降月数"), default=3)
    scale_threshold = models.FloatField(_("规上工业标准(万元)"), default=2000)
    near_margin_pct = models.FloatField(_("临界区间(%)"), default=10)
    employment_drop_pct = models.FloatField(_("用工同比降幅(%)"), default=15)
    stale_months = models.PositiveSmallIntegerField(_("未报送月数"), default=2)
    nowcast_max_error_pct = models.FloatField(
        _("用电估算产值允许误差(%)"),
        default=10,
        validators=[MinValueValidator(0), MaxValueValidator(100)],
        help_text=_("按用电估算产值时，回测平均误差超过此值的企业不显示估算。"),
    )
    nowcast_min_months = models.PositiveSmallIntegerField(
        _("用电估算所需月数"),
        default=12,
        validators=[MinValueValidator(3), MaxValueValidator(24)],
        help_text=_("拟合用电与产值关系至少需要的月数（同时有用电和产值）。"),
    )
    history = HistoricalRecords()

    class Meta:
        verbose_name = _("预警阈值")
        verbose_name_plural = _("预警阈值")

    def __str__(self) -> str:
        return str(self.county)


class EnterpriseView(models.Model):
    """Who looked at which enterprise's figures, when, and through what (page, API, export).
    Append-only (luoshi/org/appendonly.py): neither the admin, code nor SQL can rewrite it."""

    class Channel(models.TextChoices):
        PAGE = "page", _("页面")
        API = "api", _("接口")
        EXPORT = "export", _("导出")

    user = models.ForeignKey(USER, on_delete=models.PROTECT, related_name="+", verbose_name=_("查看人"))
    enterprise = models.ForeignKey(
        Enterprise, on_delete=models.PROTECT, related_name="views", verbose_name=_("企业")
    )
    channel = models.CharField(_("方式"), max_length=10, choices=Channel.choices)
    at = models.DateTimeField(_("时间"), default=timezone.now)

    scope_paths = ScopePaths(leader_town="enterprise__town_id", unit="enterprise__desk_id")

    class Meta:
        verbose_name = _("企业数据查看记录")
        verbose_name_plural = _("企业数据查看记录")
        ordering = ["-at"]
        indexes = [models.Index(fields=["enterprise", "at"], name="enterprise_view_at")]

    def __str__(self) -> str:
        return f"{self.user_id} → {self.enterprise_id} {self.at:%Y-%m-%d %H:%M}"


class Visit(models.Model):
    """An enterprise visit (周周行、家家到 / 企业健康体检), logged briefly, often from a phone."""

    class Kind(models.TextChoices):
        ROUTINE = "routine", _("周周行、家家到")
        CHECKUP = "checkup", _("企业健康体检")
        WARNING = "warning", _("预警核实")
        OTHER = "other", _("其他")

    enterprise = models.ForeignKey(
        Enterprise, on_delete=models.PROTECT, related_name="visits", verbose_name=_("企业")
    )
    visited_on = models.DateField(_("走访日期"))
    kind = models.CharField(_("走访类型"), max_length=10, choices=Kind.choices, default=Kind.ROUTINE)
    note = models.TextField(_("走访情况"), blank=True)
    by = models.ForeignKey(USER, on_delete=models.PROTECT, related_name="+", verbose_name=_("走访人"))
    created_at = models.DateTimeField(_("登记时间"), default=timezone.now)
    history = HistoricalRecords()

    scope_paths = ScopePaths(leader_town="enterprise__town_id", unit="enterprise__desk_id")

    class Meta:
        verbose_name = _("企业走访")
        verbose_name_plural = _("企业走访")
        ordering = ["-visited_on", "-id"]

    def __str__(self) -> str:
        return f"{self.enterprise} {self.visited_on}"


class EnterpriseCase(models.Model):
    """A case about an enterprise: a problem it raised (企业诉求) or a warning turned into a task."""

    class Origin(models.TextChoices):
        PROBLEM = "problem", _("企业诉求")
        WARNING = "warning", _("预警任务")

    enterprise = models.ForeignKey(
        Enterprise, on_delete=models.PROTECT, related_name="cases", verbose_name=_("企业")
    )
    case = models.OneToOneField(
        "cases.Case", on_delete=models.PROTECT, related_name="enterprise_link", verbose_name=_("案件")
    )
    origin = models.CharField(_("来源"), max_length=10, choices=Origin.choices)
    visit = models.ForeignKey(
        Visit, null=True, blank=True, on_delete=models.PROTECT, related_name="cases", verbose_name=_("走访")
    )
    warning_kind = models.CharField(_("预警类型"), max_length=20, blank=True)
    warning_month = models.DateField(_("预警月份"), null=True, blank=True)
    history = HistoricalRecords()

    scope_paths = ScopePaths(leader_town="enterprise__town_id", unit="enterprise__desk_id")

    class Meta:
        verbose_name = _("企业相关案件")
        verbose_name_plural = _("企业相关案件")
        ordering = ["-id"]
        constraints = [
            models.UniqueConstraint(
                fields=["enterprise", "warning_kind", "warning_month"],
                condition=models.Q(origin="warning"),
                name="warning_task_once",
            )
        ]

    def __str__(self) -> str:
        return f"{self.enterprise} · {self.case_id}"
