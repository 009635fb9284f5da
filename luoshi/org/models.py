"""The organisation tree (county → town → village → grid; units in each town) and people with roles.

Codes follow GB/T 2260 / GB/T 10114 division codes where known so figures can roll up; a grid
code extends its village code (CJ/T 349).
"""

from __future__ import annotations

from django.contrib.auth.models import AbstractUser
from django.core.exceptions import ValidationError
from django.db import models
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext
from simple_history.models import HistoricalRecords

from luoshi.org.roles import ROLE_ANCHOR, Role
from luoshi.org.scoping import ScopePaths


class County(models.Model):
    code = models.CharField(_("代码"), max_length=12, unique=True)
    name = models.CharField(_("名称"), max_length=50)
    history = HistoricalRecords()

    scope_paths = ScopePaths(county="id")

    class Meta:
        verbose_name = _("县(市、区)")
        verbose_name_plural = _("县(市、区)")
        ordering = ["code"]

    def __str__(self) -> str:
        return self.name


class Town(models.Model):
    class Kind(models.TextChoices):
        TOWN = "town", _("镇")
        TOWNSHIP = "township", _("乡")
        STREET = "street", _("街道")

    county = models.ForeignKey(
        County, on_delete=models.PROTECT, related_name="towns", verbose_name=_("所属县")
    )
    code = models.CharField(_("代码"), max_length=12, unique=True)
    name = models.CharField(_("名称"), max_length=50)
    kind = models.CharField(_("类型"), max_length=10, choices=Kind.choices, default=Kind.TOWN)
    history = HistoricalRecords()

    scope_paths = ScopePaths(county="county_id", town="id", deputy_town="id")

    class Meta:
        verbose_name = _("乡镇(街道)")
        verbose_name_plural = _("乡镇(街道)")
        ordering = ["code"]

    def __str__(self) -> str:
        return self.name


class Village(models.Model):
    class Kind(models.TextChoices):
        VILLAGE = "village", _("村")
        COMMUNITY = "community", _("社区")

    town = models.ForeignKey(
        Town, on_delete=models.PROTECT, related_name="villages", verbose_name=_("所属乡镇")
    )
    code = models.CharField(_("代码"), max_length=15, unique=True)
    name = models.CharField(_("名称"), max_length=50)
    kind = models.CharField(_("类型"), max_length=10, choices=Kind.choices, default=Kind.VILLAGE)
    history = HistoricalRecords()

    scope_paths = ScopePaths(
        county="town__county_id",
        town="town_id",
        village="id",
        unit_town="town_id",
        deputy_town="town_id",
        grid_village="id",
    )

    class Meta:
        verbose_name = _("村(社区)")
        verbose_name_plural = _("村(社区)")
        ordering = ["code"]

    def __str__(self) -> str:
        return self.name


class Grid(models.Model):
    village = models.ForeignKey(
        Village, on_delete=models.PROTECT, related_name="grids", verbose_name=_("所属村(社区)")
    )
    code = models.CharField(_("代码"), max_length=18, unique=True)
    name = models.CharField(_("名称"), max_length=50)
    households = models.PositiveIntegerField(_("户数"), default=0)
    history = HistoricalRecords()

    scope_paths = ScopePaths(
        county="village__town__county_id",
        town="village__town_id",
        village="village_id",
        grid="id",
        unit_town="village__town_id",
    )

    class Meta:
        verbose_name = _("网格")
        verbose_name_plural = _("网格")
        ordering = ["code"]

    def __str__(self) -> str:
        return f"{self.village.name}·{self.name}"


class Unit(models.Model):
    """A town office or station (党政办, 经发办, 应急管理办, 综治中心 …); configurable per town."""

    town = models.ForeignKey(Town, on_delete=models.PROTECT, related_name="units", verbose_name=_("所属乡镇"))
    code = models.CharField(_("代码"), max_length=20)
    name = models.CharField(_("名称"), max_length=50)
    is_active = models.BooleanField(_("启用"), default=True)
    history = HistoricalRecords()

    scope_paths = ScopePaths(county="town__county_id", town="town_id", unit="id")

    class Meta:
        verbose_name = _("站所(部门)")
        verbose_name_plural = _("站所(部门)")
        ordering = ["town", "code"]
        constraints = [models.UniqueConstraint(fields=["town", "code"], name="unit_code_unique_in_town")]

    def __str__(self) -> str:
        return self.name


class User(AbstractUser):
    """A person who signs in. What they may see and do comes from their role assignments."""

    full_name = models.CharField(_("姓名"), max_length=50, blank=True)
    phone = models.CharField(_("手机号"), max_length=20, blank=True)
    # Bumped whenever something that shapes the user's scope changes (their roles, the org tree):
    # the scope cached in the session is reused only while this number is unchanged.
    scope_version = models.PositiveIntegerField(default=0, editable=False)
    history = HistoricalRecords(excluded_fields=["password", "last_login", "scope_version"])

    class Meta:
        verbose_name = _("用户")
        verbose_name_plural = _("用户")

    def __str__(self) -> str:
        return self.full_name or self.username


class RoleAssignment(models.Model):
    """One role of one person, anchored at the level the role works on (see ROLE_ANCHOR)."""

    user = models.ForeignKey(User, on_delete=models.CASCADE, related_name="roles", verbose_name=_("用户"))
    role = models.CharField(_("角色"), max_length=10, choices=Role.choices)
    county = models.ForeignKey(County, null=True, blank=True, on_delete=models.CASCADE, verbose_name=_("县"))
    town = models.ForeignKey(Town, null=True, blank=True, on_delete=models.CASCADE, verbose_name=_("乡镇"))
    village = models.ForeignKey(
        Village, null=True, blank=True, on_delete=models.CASCADE, verbose_name=_("村(社区)")
    )
    grid = models.ForeignKey(Grid, null=True, blank=True, on_delete=models.CASCADE, verbose_name=_("网格"))
    unit = models.ForeignKey(Unit, null=True, blank=True, on_delete=models.CASCADE, verbose_name=_("站所"))
    # A town leader's portfolio (分管): the units they answer for; escalations go to them.
    portfolio = models.ManyToManyField(Unit, blank=True, related_name="leaders", verbose_name=_("分管站所"))
    history = HistoricalRecords()

    class Meta:
        verbose_name = _("角色分配")
        verbose_name_plural = _("角色分配")

    def __str__(self) -> str:
        anchor = self.anchor
        return f"{self.user} · {self.get_role_display()}" + (f" · {anchor}" if anchor else "")

    @property
    def anchor(self):
        field = ROLE_ANCHOR[Role(self.role)]
        return getattr(self, field) if field else None

    def clean(self) -> None:
        field = ROLE_ANCHOR[Role(self.role)]
        if field and getattr(self, f"{field}_id") is None:
            raise ValidationError({field: _("该角色必须指定所属范围。")})


class CalendarDay(models.Model):
    """An admin-entered exception to the working-day calendar (a holiday or a make-up workday, 调休).

    Entered from the State Council's yearly notice when the calendar package does not have that
    year yet, or to correct it; overrides always win over the package.
    """

    date = models.DateField(_("日期"), unique=True)
    is_workday = models.BooleanField(_("是否工作日"), help_text=_("勾选表示调休上班；不勾选表示放假。"))
    note = models.CharField(_("说明"), max_length=100, blank=True)
    history = HistoricalRecords()

    class Meta:
        verbose_name = _("节假日调整")
        verbose_name_plural = _("节假日调整")
        ordering = ["date"]

    def __str__(self) -> str:
        # 班 = working day (a weekend made up), 休 = day off: the calendar's own one-character marks.
        day = pgettext("calendar day", "班") if self.is_workday else pgettext("calendar day", "休")
        return f"{self.date} {day} {self.note}"


class CalendarYear(models.Model):
    """A year whose holiday schedule was entered in Luoshi and confirmed complete by an administrator.

    A year is "known" when the calendar package covers it or when it has a confirmed row here;
    deadlines computed across any other year are provisional and shown with a warning. The row also
    follows the recomputation of open cases' deadlines after the year's days last changed.
    """

    class Recompute(models.TextChoices):
        NONE = "", _("无需重算")
        QUEUED = "queued", _("排队中")
        RUNNING = "running", _("重算中")
        DONE = "done", _("已完成")
        FAILED = "failed", _("失败")

    year = models.PositiveSmallIntegerField(_("年份"), unique=True)
    confirmed_at = models.DateTimeField(_("确认时间"), null=True, blank=True)
    confirmed_by = models.ForeignKey(
        User, null=True, blank=True, on_delete=models.SET_NULL, related_name="+", verbose_name=_("确认人")
    )
    notice_text = models.TextField(_("通知原文"), blank=True)
    recompute_state = models.CharField(
        _("截止时间重算"), max_length=10, choices=Recompute.choices, default=Recompute.NONE, blank=True
    )
    recompute_total = models.PositiveIntegerField(default=0)
    recompute_done = models.PositiveIntegerField(default=0)
    recompute_moved = models.PositiveIntegerField(default=0)
    recompute_at = models.DateTimeField(null=True, blank=True)
    # Progress counters change every batch of a recomputation: not worth a history row each.
    history = HistoricalRecords(
        excluded_fields=[
            "recompute_state",
            "recompute_total",
            "recompute_done",
            "recompute_moved",
            "recompute_at",
        ]
    )

    class Meta:
        verbose_name = _("节假日安排年度")
        verbose_name_plural = _("节假日安排年度")
        ordering = ["year"]

    def __str__(self) -> str:
        return str(self.year)

    @property
    def confirmed(self) -> bool:
        return self.confirmed_at is not None

    @property
    def recompute_percent(self) -> int:
        if not self.recompute_total:
            return 100 if self.recompute_state == self.Recompute.DONE else 0
        return min(100, round(100 * self.recompute_done / self.recompute_total))
