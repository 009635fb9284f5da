"""Registers of typed items (台账), versioned score sheets, inspections, problems and household points.

One mechanism for the town's many ledgers (DOMAIN §11.1, §11.3–§11.6): a register type is data
(like a case type) declaring its item attributes and the case type its problems become; items
carry an identifier, a place and an owner or maintainer; inspections score an item on one
version of a score sheet; failed fault criteria become cases linked to the item (``Problem``).
Household points (家庭积分制) use items of a household register as accounts.
"""

from __future__ import annotations

import uuid

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models
from django.db.models import F, Q
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords

from luoshi.org.models import Grid, Town, Village
from luoshi.org.scoping import ScopePaths


class Kind(models.TextChoices):
    FACILITY = "facility", _("公共设施")
    PARCEL = "parcel", _("耕地地块/图斑")
    VILLAGE = "village", _("村庄")
    HOUSEHOLD = "household", _("农户")
    SECTION = "section", _("河段/林区")


class PeriodKind(models.TextChoices):
    NONE = "", _("不分期")
    MONTH = "month", _("每月")
    QUARTER = "quarter", _("每季度")
    YEAR = "year", _("每年")


ATTRIBUTE_TYPES = ("text", "number", "choice")


class RegisterType(models.Model):
    """A kind of ledger (路灯台账, 图斑台账, 人居环境, 农户, 河段林区) and the attributes its items carry."""

    code = models.SlugField(_("代码"), max_length=30, unique=True)
    name = models.CharField(_("名称"), max_length=50)
    kind = models.CharField(_("类别"), max_length=10, choices=Kind.choices)
    number_label = models.CharField(_("编号名称"), max_length=20, default="编号")
    owner_label = models.CharField(_("责任人名称"), max_length=20, default="责任人")
    maintainer_label = models.CharField(_("管护方名称"), max_length=20, default="管护单位")
    attributes = models.JSONField(
        _("属性"),
        default=list,
        blank=True,
        help_text=_(
            '例如 [{"key": "power", "label": "供电方式", "type": "choice", "choices": ["市电", "太阳能"]}]。'
        ),
    )
    case_type = models.ForeignKey(
        "cases.CaseType",
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="+",
        verbose_name=_("问题转案件类型"),
    )
    layout = models.JSONField(
        _("Excel 台账版式"),
        default=dict,
        blank=True,
        help_text=_("导出 Excel 时的标题、列（表头、取值、列宽）和合并表头，见 ledgers/layouts.py。"),
    )
    sort_order = models.PositiveSmallIntegerField(_("排序"), default=100)
    is_active = models.BooleanField(_("启用"), default=True)
    history = HistoricalRecords()

    class Meta:
        verbose_name = _("台账类型")
        verbose_name_plural = _("台账类型")
        ordering = ["sort_order", "code"]

    def __str__(self) -> str:
        return self.name

    def clean(self) -> None:
        problems = attribute_spec_problems(self.attributes)
        if problems:
            raise ValidationError({"attributes": problems})


def attribute_spec_problems(spec) -> list[str]:
    """Why a declared attribute list is unusable (empty when it is fine)."""
    if not isinstance(spec, list):
        return [str(_("属性必须是列表。"))]
    out, seen = [], set()
    for i, a in enumerate(spec, start=1):
        if not isinstance(a, dict) or not a.get("key") or not a.get("label"):
            out.append(str(_("第 %(i)s 个属性缺少 key 或 label。") % {"i": i}))
            continue
        if a.get("type", "text") not in ATTRIBUTE_TYPES:
            out.append(str(_("属性“%(l)s”的类型无效。") % {"l": a["label"]}))
        if a["key"] in seen:
            out.append(str(_("属性“%(l)s”重复。") % {"l": a["label"]}))
        seen.add(a["key"])
    return out


ITEM_SCOPE = ScopePaths(
    county="town__county_id",
    town="town_id",
    village="village_id",
    grid="grid_id",
    grid_village="village_id",
    unit_town="town_id",
)


class Item(models.Model):
    """One thing in a register: a numbered lamp post, a parcel, a village, a household, a river section."""

    register_type = models.ForeignKey(
        RegisterType, on_delete=models.PROTECT, related_name="items", verbose_name=_("台账类型")
    )
    town = models.ForeignKey(Town, on_delete=models.PROTECT, related_name="+", verbose_name=_("乡镇"))
    village = models.ForeignKey(
        Village, null=True, blank=True, on_delete=models.PROTECT, related_name="+", verbose_name=_("村(社区)")
    )
    grid = models.ForeignKey(
        Grid, null=True, blank=True, on_delete=models.PROTECT, related_name="+", verbose_name=_("网格")
    )
    number = models.CharField(_("编号"), max_length=40)
    name = models.CharField(_("名称"), max_length=100, blank=True)
    latitude = models.DecimalField(_("纬度"), max_digits=9, decimal_places=6, null=True, blank=True)
    longitude = models.DecimalField(_("经度"), max_digits=9, decimal_places=6, null=True, blank=True)
    polygon = models.JSONField(_("范围(多边形)"), null=True, blank=True)
    owner = models.CharField(_("责任人"), max_length=100, blank=True)
    maintainer = models.CharField(_("管护单位"), max_length=100, blank=True)
    attributes = models.JSONField(_("属性"), default=dict, blank=True)
    is_active = models.BooleanField(_("在册"), default=True)
    created_at = models.DateTimeField(_("登记时间"), auto_now_add=True)
    history = HistoricalRecords()

    scope_paths = ITEM_SCOPE

    class Meta:
        verbose_name = _("台账对象")
        verbose_name_plural = _("台账对象")
        ordering = ["register_type", "town", "number"]
        constraints = [
            models.UniqueConstraint(
                fields=["register_type", "town", "number"], name="ledger_item_number_unique"
            )
        ]
        indexes = [models.Index(fields=["town", "register_type", "village"], name="ledger_item_place")]

    def __str__(self) -> str:
        return f"{self.number} {self.name}".strip()


class ScoreSheet(models.Model):
    """One version of a score sheet (评分表). A used version never changes: a new version is published."""

    register_type = models.ForeignKey(
        RegisterType, on_delete=models.PROTECT, related_name="sheets", verbose_name=_("台账类型")
    )
    code = models.SlugField(_("代码"), max_length=30)
    version = models.PositiveSmallIntegerField(_("版本"), default=1)
    name = models.CharField(_("名称"), max_length=60)
    period = models.CharField(
        _("检查周期"), max_length=10, choices=PeriodKind.choices, blank=True, default=""
    )
    once_per_period = models.BooleanField(_("每期每对象限查一次"), default=False)
    due_per_period = models.PositiveSmallIntegerField(
        _("每期应巡查次数"),
        default=0,
        help_text=_("每个对象每期应巡查几次（巡查完成率的分母）；0 表示不考核。"),
    )
    pass_mark = models.DecimalField(_("合格分(百分制)"), max_digits=5, decimal_places=1, default=60)
    is_current = models.BooleanField(_("现行版本"), default=True)
    created_at = models.DateTimeField(_("发布时间"), auto_now_add=True)
    history = HistoricalRecords()

    class Meta:
        verbose_name = _("评分表")
        verbose_name_plural = _("评分表")
        ordering = ["register_type", "code", "-version"]
        constraints = [
            models.UniqueConstraint(fields=["code", "version"], name="ledger_sheet_version_unique")
        ]

    def __str__(self) -> str:
        return f"{self.name} v{self.version}"

    @property
    def max_points(self):
        return sum(c.points for c in self.criteria.all())


class Criterion(models.Model):
    """One line of a score sheet: what is checked, its points, how it is judged, what evidence it needs."""

    sheet = models.ForeignKey(
        ScoreSheet, on_delete=models.CASCADE, related_name="criteria", verbose_name=_("评分表")
    )
    order = models.PositiveSmallIntegerField(_("序号"), default=1)
    text = models.CharField(_("检查项目"), max_length=100)
    points = models.DecimalField(_("分值"), max_digits=5, decimal_places=1, default=1)
    rule = models.CharField(_("评分标准"), max_length=200, blank=True)
    evidence_required = models.BooleanField(_("不合格须拍照"), default=False)
    is_fault = models.BooleanField(_("不合格即立案"), default=False)
    history = HistoricalRecords()

    class Meta:
        verbose_name = _("评分项")
        verbose_name_plural = _("评分项")
        ordering = ["sheet", "order"]

    def __str__(self) -> str:
        return self.text


class Inspection(models.Model):
    """One check of one item on one sheet version (巡查 / 检查 / 考核)."""

    item = models.ForeignKey(
        Item, on_delete=models.PROTECT, related_name="inspections", verbose_name=_("对象")
    )
    sheet = models.ForeignKey(
        ScoreSheet, on_delete=models.PROTECT, related_name="+", verbose_name=_("评分表")
    )
    sheet_code = models.SlugField(max_length=30)  # the sheet across versions: one per period spans them
    period = models.CharField(_("周期"), max_length=8, blank=True)
    once = models.BooleanField(default=False)
    # Copied from the item when inspected: rankings group by them without a join.
    town = models.ForeignKey(Town, on_delete=models.PROTECT, related_name="+", verbose_name=_("乡镇"))
    village = models.ForeignKey(
        Village, null=True, blank=True, on_delete=models.PROTECT, related_name="+", verbose_name=_("村(社区)")
    )
    grid = models.ForeignKey(
        Grid, null=True, blank=True, on_delete=models.PROTECT, related_name="+", verbose_name=_("网格")
    )
    contractor = models.CharField(_("管护单位"), max_length=100, blank=True)
    inspector = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+", verbose_name=_("检查人")
    )
    inspected_at = models.DateTimeField(_("检查时间"))
    score = models.DecimalField(_("得分"), max_digits=6, decimal_places=1)
    max_score = models.DecimalField(_("满分"), max_digits=6, decimal_places=1)
    percent = models.DecimalField(_("百分制得分"), max_digits=5, decimal_places=1)
    passed = models.BooleanField(_("合格"))
    note = models.CharField(_("备注"), max_length=500, blank=True)
    latitude = models.DecimalField(_("纬度"), max_digits=9, decimal_places=6, null=True, blank=True)
    longitude = models.DecimalField(_("经度"), max_digits=9, decimal_places=6, null=True, blank=True)
    client_token = models.UUIDField(_("提交标识"), default=uuid.uuid4, unique=True)
    history = HistoricalRecords()

    scope_paths = ITEM_SCOPE

    class Meta:
        verbose_name = _("检查记录")
        verbose_name_plural = _("检查记录")
        ordering = ["-inspected_at"]
        constraints = [
            models.UniqueConstraint(
                fields=["item", "sheet_code", "period"], condition=Q(once=True), name="ledger_once_per_period"
            ),
            models.CheckConstraint(condition=Q(score__lte=F("max_score")), name="ledger_score_within_max"),
        ]
        indexes = [
            # covering (PostgreSQL): the rankings aggregate a town's period from the index alone
            models.Index(
                fields=["town", "sheet_code", "period", "village"],
                include=["percent", "passed", "contractor"],
                name="ledger_rank_village",
            ),
            models.Index(fields=["item", "-inspected_at"], name="ledger_item_history"),
        ]

    def __str__(self) -> str:
        return f"{self.item} {self.period}"


class ScoreRollup(models.Model):
    """Inspections summed per town, sheet, period, village and maintainer (count, 百分制 total, failures).

    ``services.inspection_submit`` adds each inspection in the same transaction, so a ranking reads a
    few dozen rows instead of aggregating a month's inspections on every request; ``rollup.rebuild``
    recomputes it from the inspections (after a bulk load). Not audited: it is derived data.
    """

    town = models.ForeignKey(Town, on_delete=models.CASCADE, related_name="+")
    sheet_code = models.SlugField(max_length=30)
    period = models.CharField(max_length=8, blank=True)
    village = models.ForeignKey(Village, null=True, blank=True, on_delete=models.CASCADE, related_name="+")
    contractor = models.CharField(max_length=100, blank=True)
    inspections = models.PositiveIntegerField(default=0)
    percent_sum = models.DecimalField(max_digits=14, decimal_places=1, default=0)
    failed = models.PositiveIntegerField(default=0)

    class Meta:
        verbose_name = _("检查得分汇总")
        verbose_name_plural = _("检查得分汇总")
        constraints = [
            models.UniqueConstraint(
                fields=["town", "sheet_code", "period", "village", "contractor"], name="ledger_rollup_key"
            )
        ]

    def __str__(self) -> str:
        return f"{self.sheet_code} {self.period} {self.village_id} {self.contractor}"


class Mark(models.Model):
    """The judgement of one criterion in one inspection."""

    inspection = models.ForeignKey(
        Inspection, on_delete=models.CASCADE, related_name="marks", verbose_name=_("检查")
    )
    criterion = models.ForeignKey(
        Criterion, on_delete=models.PROTECT, related_name="+", verbose_name=_("评分项")
    )
    ok = models.BooleanField(_("合格"))
    points = models.DecimalField(_("得分"), max_digits=5, decimal_places=1)
    history = HistoricalRecords()

    class Meta:
        verbose_name = _("评分结果")
        verbose_name_plural = _("评分结果")
        ordering = ["inspection", "criterion__order"]

    def __str__(self) -> str:
        return f"{self.criterion_id}: {self.points}"


def photo_path(instance, filename: str) -> str:
    ext = filename.rsplit(".", 1)[-1].lower() if "." in filename else "jpg"
    return f"ledgers/{uuid.uuid4().hex}.{ext}"


class Photo(models.Model):
    """A photo taken during an inspection (geotagged when the phone gave a position)."""

    inspection = models.ForeignKey(
        Inspection, on_delete=models.CASCADE, related_name="photos", verbose_name=_("检查")
    )
    file = models.FileField(_("照片"), upload_to=photo_path)
    latitude = models.DecimalField(_("纬度"), max_digits=9, decimal_places=6, null=True, blank=True)
    longitude = models.DecimalField(_("经度"), max_digits=9, decimal_places=6, null=True, blank=True)
    history = HistoricalRecords()

    class Meta:
        verbose_name = _("检查照片")
        verbose_name_plural = _("检查照片")

    def __str__(self) -> str:
        return self.file.name


class Problem(models.Model):
    """A problem found on an item, handled as a case of the register's case type (整改 → 销号)."""

    item = models.ForeignKey(Item, on_delete=models.PROTECT, related_name="problems", verbose_name=_("对象"))
    inspection = models.ForeignKey(
        Inspection,
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="problems",
        verbose_name=_("检查"),
    )
    criterion = models.ForeignKey(
        Criterion, null=True, blank=True, on_delete=models.PROTECT, related_name="+", verbose_name=_("评分项")
    )
    case = models.OneToOneField(
        "cases.Case", on_delete=models.PROTECT, related_name="ledger_problem", verbose_name=_("案件")
    )
    created_at = models.DateTimeField(_("发现时间"), auto_now_add=True)
    history = HistoricalRecords()

    scope_paths = ScopePaths(
        county="item__town__county_id",
        town="item__town_id",
        village="item__village_id",
        grid="item__grid_id",
        grid_village="item__village_id",
        unit_town="item__town_id",
    )

    class Meta:
        verbose_name = _("发现问题")
        verbose_name_plural = _("发现问题")
        ordering = ["-created_at"]

    def __str__(self) -> str:
        return f"{self.item} · {self.case_id}"


# --- household points (家庭积分制, DOMAIN §11.1) -------------------------------------------------------

VILLAGE_SCOPE = ScopePaths(
    county="town__county_id", town="town_id", village="village_id", grid_village="village_id"
)


class RuleBook(models.Model):
    """A village's scoring rules (积分细则) as approved by its village assembly (村民代表会议)."""

    town = models.ForeignKey(Town, on_delete=models.PROTECT, related_name="+", verbose_name=_("乡镇"))
    village = models.ForeignKey(
        Village, on_delete=models.PROTECT, related_name="+", verbose_name=_("村(社区)")
    )
    title = models.CharField(_("细则名称"), max_length=100)
    assembly = models.CharField(_("表决会议"), max_length=100)
    assembly_date = models.DateField(_("表决日期"))
    attendance = models.PositiveIntegerField(_("到会人数"))
    votes_for = models.PositiveIntegerField(_("赞成票"))
    recorded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+", verbose_name=_("登记人")
    )
    is_current = models.BooleanField(_("现行"), default=True)
    history = HistoricalRecords()

    scope_paths = VILLAGE_SCOPE

    class Meta:
        verbose_name = _("积分细则")
        verbose_name_plural = _("积分细则")
        ordering = ["village", "-assembly_date"]
        constraints = [
            models.CheckConstraint(
                condition=Q(votes_for__lte=F("attendance")), name="ledger_votes_within_attendance"
            )
        ]

    def __str__(self) -> str:
        return self.title


class PointRule(models.Model):
    book = models.ForeignKey(
        RuleBook, on_delete=models.CASCADE, related_name="rules", verbose_name=_("积分细则")
    )
    order = models.PositiveSmallIntegerField(_("序号"), default=1)
    text = models.CharField(_("积分事项"), max_length=100)
    points = models.IntegerField(_("分值"))
    history = HistoricalRecords()

    class Meta:
        verbose_name = _("积分事项")
        verbose_name_plural = _("积分事项")
        ordering = ["book", "order"]

    def __str__(self) -> str:
        return f"{self.text}（{self.points:+d}）"


class EventState(models.TextChoices):
    PENDING = "pending", _("待审核")
    APPROVED = "approved", _("已审核")
    REJECTED = "rejected", _("未通过")


def evidence_path(instance, filename: str) -> str:
    ext = filename.rsplit(".", 1)[-1].lower() if "." in filename else "jpg"
    return f"ledgers/points/{uuid.uuid4().hex}.{ext}"


class PointEvent(models.Model):
    """Points given to (or taken from) a household for one rule, with evidence; counted once approved
    by someone other than the recorder (checked in the service and by the database)."""

    household = models.ForeignKey(
        Item, on_delete=models.PROTECT, related_name="point_events", verbose_name=_("农户")
    )
    town = models.ForeignKey(Town, on_delete=models.PROTECT, related_name="+", verbose_name=_("乡镇"))
    village = models.ForeignKey(
        Village, on_delete=models.PROTECT, related_name="+", verbose_name=_("村(社区)")
    )
    rule = models.ForeignKey(
        PointRule, on_delete=models.PROTECT, related_name="+", verbose_name=_("积分事项")
    )
    points = models.IntegerField(_("积分"))
    happened_on = models.DateField(_("发生日期"))
    evidence = models.CharField(_("佐证说明"), max_length=300)
    evidence_file = models.FileField(_("佐证照片"), upload_to=evidence_path, blank=True)
    recorded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+", verbose_name=_("登记人")
    )
    recorded_at = models.DateTimeField(_("登记时间"), auto_now_add=True)
    state = models.CharField(_("状态"), max_length=10, choices=EventState.choices, default=EventState.PENDING)
    decided_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="+",
        verbose_name=_("审核人"),
    )
    decided_at = models.DateTimeField(_("审核时间"), null=True, blank=True)
    history = HistoricalRecords()

    scope_paths = VILLAGE_SCOPE

    class Meta:
        verbose_name = _("积分记录")
        verbose_name_plural = _("积分记录")
        ordering = ["-recorded_at"]
        constraints = [
            models.CheckConstraint(
                condition=Q(decided_by__isnull=True) | ~Q(decided_by=F("recorded_by")),
                name="ledger_points_four_eyes",
            )
        ]
        indexes = [models.Index(fields=["village", "state"], name="ledger_points_village")]

    def __str__(self) -> str:
        return f"{self.household} {self.points:+d}"


class Redemption(models.Model):
    """Points spent at the 爱心超市 (love supermarket)."""

    household = models.ForeignKey(
        Item, on_delete=models.PROTECT, related_name="redemptions", verbose_name=_("农户")
    )
    town = models.ForeignKey(Town, on_delete=models.PROTECT, related_name="+", verbose_name=_("乡镇"))
    village = models.ForeignKey(
        Village, on_delete=models.PROTECT, related_name="+", verbose_name=_("村(社区)")
    )
    points = models.PositiveIntegerField(_("兑换积分"))
    goods = models.CharField(_("兑换物品"), max_length=100)
    recorded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+", verbose_name=_("登记人")
    )
    recorded_at = models.DateTimeField(_("兑换时间"), auto_now_add=True)
    history = HistoricalRecords()

    scope_paths = VILLAGE_SCOPE

    class Meta:
        verbose_name = _("积分兑换")
        verbose_name_plural = _("积分兑换")
        ordering = ["-recorded_at"]
        constraints = [models.CheckConstraint(condition=Q(points__gt=0), name="ledger_redeem_positive")]

    def __str__(self) -> str:
        return f"{self.household} -{self.points}"
