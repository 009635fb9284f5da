"""The indicator catalogue (指标库): every number has one definition and exactly one source.

* ``computed``: Luoshi computes it from its own records; the row names a registry entry
  (``luoshi.accounts.registry``) and no value can be typed for it.
* ``reported``: a statistic entered or imported per period with its source document
  (统计局 monthly return, 财政所 ledger, a superior's notice).
* ``manual``: only where neither exists; each value needs a note or a file as evidence.

Rows without a town form the county-wide catalogue shared by all towns; a town adds its own only
when none fits. See docs/accounts.md.
"""

from __future__ import annotations

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords

from luoshi.accounts import periods
from luoshi.org.models import Town
from luoshi.org.scoping import ScopePaths

USER = settings.AUTH_USER_MODEL


class Source(models.TextChoices):
    COMPUTED = "computed", _("系统计算")
    REPORTED = "reported", _("统计报送")
    MANUAL = "manual", _("人工填报（附佐证）")


class PeriodKind(models.TextChoices):
    MONTH = periods.MONTH, _("月度")
    QUARTER = periods.QUARTER, _("季度")
    YEAR = periods.YEAR, _("年度")


class Level(models.TextChoices):
    VILLAGE = "village", _("村级")
    TOWN = "town", _("镇级")
    COUNTY = "county", _("县级")


class Measure(models.TextChoices):
    LEVEL = "level", _("总量")
    GROWTH = "growth", _("增速")
    RATE = "rate", _("比率")


class Indicator(models.Model):
    code = models.SlugField(_("指标代码"), max_length=60, unique=True)
    name = models.CharField(_("指标名称"), max_length=100)
    aliases = models.JSONField(
        _("别名"), default=list, blank=True, help_text=_("报告和报表中的其他叫法，用于匹配。")
    )
    unit = models.CharField(_("计量单位"), max_length=20, blank=True)
    measure = models.CharField(_("度量"), max_length=10, choices=Measure.choices, default=Measure.LEVEL)
    definition = models.TextField(_("口径定义"))
    version = models.CharField(_("口径版本"), max_length=20, default="2026.1")
    period = models.CharField(
        _("统计周期"), max_length=10, choices=PeriodKind.choices, default=PeriodKind.MONTH
    )
    cumulative = models.BooleanField(_("累计值(1-N月)"), default=True)
    level = models.CharField(_("层级"), max_length=10, choices=Level.choices, default=Level.TOWN)
    source = models.CharField(_("数据来源"), max_length=10, choices=Source.choices)
    computation = models.CharField(
        _("计算规则"), max_length=60, blank=True, help_text=_("系统计算指标对应的计算规则代码。")
    )
    source_body = models.CharField(
        _("报送/主管单位"), max_length=60, blank=True, help_text=_("例如：县统计局、镇财政所。")
    )
    unit_code = models.CharField(
        _("镇内填报站所代码"),
        max_length=20,
        blank=True,
        help_text=_(
            "该站所人员可填报本镇此指标的数值（如 jfb 经发办、czs 财政所）；留空则仅党政办、镇领导可填报。"
        ),
    )
    town = models.ForeignKey(
        Town,
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="indicators",
        verbose_name=_("镇自建"),
        help_text=_("留空为全县共用指标。"),
    )
    is_active = models.BooleanField(_("启用"), default=True)
    history = HistoricalRecords()

    class Meta:
        verbose_name = _("指标")
        verbose_name_plural = _("指标库")
        ordering = ["code"]
        constraints = [
            models.CheckConstraint(
                condition=(Q(source="computed") & ~Q(computation=""))
                | (~Q(source="computed") & Q(computation="")),
                name="indicator_computation_iff_computed",
            ),
        ]

    def __str__(self) -> str:
        return self.name

    @property
    def is_computed(self) -> bool:
        return self.source == Source.COMPUTED

    def clean(self) -> None:
        from luoshi.accounts.registry import REGISTRY

        if self.source == Source.COMPUTED:
            if self.computation not in REGISTRY:
                raise ValidationError({"computation": _("没有这个计算规则。")})
        elif self.computation:
            raise ValidationError({"computation": _("只有系统计算的指标才有计算规则。")})
        if not isinstance(self.aliases, list) or not all(isinstance(a, str) for a in self.aliases):
            raise ValidationError({"aliases": _("别名须为文字列表。")})


def evidence_path(instance, filename: str) -> str:
    return f"accounts/evidence/{instance.town_id}/{filename}"


class IndicatorValue(models.Model):
    """A reported or manual value of one indicator for one town and period. Re-entering a value
    updates this row; django-simple-history keeps every earlier value with who entered it and when."""

    indicator = models.ForeignKey(
        Indicator, on_delete=models.PROTECT, related_name="values", verbose_name=_("指标")
    )
    town = models.ForeignKey(Town, on_delete=models.PROTECT, related_name="+", verbose_name=_("乡镇"))
    period = models.CharField(_("统计期"), max_length=10)
    value = models.FloatField(_("数值"))
    source_document = models.CharField(
        _("来源文件"), max_length=300, blank=True, help_text=_("例如：县统计局《2026年1-9月统计月报》。")
    )
    evidence = models.FileField(_("佐证材料"), upload_to=evidence_path, blank=True)
    note = models.TextField(_("说明"), blank=True)
    definition_version = models.CharField(_("口径版本"), max_length=20)
    entered_by = models.ForeignKey(
        USER, null=True, on_delete=models.SET_NULL, related_name="+", verbose_name=_("填报人")
    )
    entered_at = models.DateTimeField(_("填报时间"))
    history = HistoricalRecords()

    scope_paths = ScopePaths(
        county="town__county_id", town="town_id", unit_town="town_id", deputy_town="town_id"
    )

    class Meta:
        verbose_name = _("指标数值")
        verbose_name_plural = _("指标数值")
        ordering = ["indicator", "town", "-period"]
        constraints = [
            models.UniqueConstraint(fields=["indicator", "town", "period"], name="indicator_value_once"),
        ]

    def __str__(self) -> str:
        return f"{self.indicator} {self.period}: {self.value:g}"

    @property
    def parsed_period(self) -> periods.Period:
        return periods.parse(self.period)

    def clean(self) -> None:
        if self.indicator_id and self.indicator.is_computed:
            raise ValidationError({"value": _("该指标由系统根据业务记录计算，不能填报数值。")})
