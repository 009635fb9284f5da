"""The case engine's data: configurable case types, SLA policies, routing rules, cases and their timeline.

Everything that differs between a 12345 hotline order, a grid event, a petition, a dispute, a
hazard or a deputy's suggestion is *data* on ``CaseType`` / ``Category`` / ``SlaPolicy``; the
lifecycle itself is declared once in ``luoshi.cases.workflow`` and enforced by ``services``.
Timestamps and due times are columns so that KPIs are plain queries (see ``kpis``).
"""

from __future__ import annotations

import datetime as dt
import secrets
import unicodedata

from django.conf import settings
from django.db import models, transaction
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy
from simple_history.models import HistoricalRecords

from luoshi.lib import ratelimit
from luoshi.org import fastinsert
from luoshi.org.models import County, Grid, Town, Unit, Village
from luoshi.org.scoping import ScopePaths


class Stage(models.TextChoices):
    """The fixed semantic category of a status: clocks and KPIs key off this, never off labels."""

    OPEN = "open", _("处理中")
    PAUSED = "paused", _("已暂停")
    RESOLVED = "resolved", _("已办结")
    CLOSED = "closed", _("已关闭")


class Status(models.TextChoices):
    """Internal statuses (finer staff steps). Their stage and public label live in ``workflow.STATUSES``."""

    RECEIVED = "received", _("待派单")
    DISPATCHED = "dispatched", _("待签收")
    RETURNED = "returned", _("已退单")
    IN_PROGRESS = "in_progress", _("办理中")
    SUSPENDED = "suspended", _("已挂起")
    RESOLVED = "resolved", _("已办结待回访")
    CLOSED = "closed", _("已归档")
    MERGED = "merged", _("已合并")
    CANCELLED = "cancelled", _("已撤销")


class DayBasis(models.TextChoices):
    WORKDAYS = "workdays", _("工作日")
    CALENDAR = "calendar", _("自然日")


class ClockStart(models.TextChoices):
    RECEIVED = "received", _("受理时起算")
    DISPATCHED = "dispatched", _("派单时起算")
    SIGNED = "signed", _("签收时起算")


class Priority(models.TextChoices):
    NORMAL = "normal", _("一般")
    URGENT = "urgent", _("紧急")


class Channel(models.TextChoices):
    HOTLINE = "hotline", _("12345热线")
    PLATFORM = "platform", _("上级平台交办")
    GRID = "grid", _("网格员上报")
    VISIT = "visit", _("来访")
    LETTER = "letter", _("来信")
    PHONE = "phone", _("来电")
    ONLINE = "online", _("网上提交")
    OPEN311 = "open311", _("Open311")
    DEPUTY = "deputy", _("代表提出")
    INSPECTION = "inspection", _("检查发现")
    OTHER = "other", _("其他")


class Rating(models.TextChoices):
    SATISFIED = "satisfied", _("满意")
    BASIC = "basic", _("基本满意")
    UNSATISFIED = "unsatisfied", _("不满意")


class Outcome(models.TextChoices):
    """Result class at 办结 (A/B/C for suggestions; 化解 / 未化解 for disputes; 整改到位 for hazards)."""

    RESOLVED = "resolved", _("已解决")
    PARTLY = "partly", _("正在解决")
    UNRESOLVED = "unresolved", _("暂不能解决")


class ExtensionState(models.TextChoices):
    NONE = "", _("未申请")
    REQUESTED = "requested", _("待审批")
    APPROVED = "approved", _("已批准")
    REJECTED = "rejected", _("未批准")


class ReviewLevel(models.IntegerChoices):
    """How far a petition's review chain went (信访工作条例: 复查, then 复核, then final)."""

    NONE = 0, _("未申请")
    REVIEW = 1, _("复查")
    REREVIEW = 2, _("复核")


class ReviewState(models.TextChoices):
    NONE = "", _("未申请")
    REQUESTED = "requested", _("待决定")
    DECIDED = "decided", _("已决定")


class ReviewDecision(models.TextChoices):
    """What the higher body decided on a 复查 / 复核 request."""

    UPHOLD = "uphold", pgettext_lazy("review decision", "维持")
    REVOKE = "revoke", pgettext_lazy("review decision", "撤销")  # not the 撤销 (withdraw) of a case
    CHANGE = "change", pgettext_lazy("review decision", "变更")


class CaseType(models.Model):
    """A kind of case (12345 热线转办工单, 网格事件, 信访事项 …) and its workflow variant, as data."""

    code = models.SlugField(_("代码"), max_length=30, unique=True)
    name = models.CharField(_("名称"), max_length=50)
    description = models.TextField(_("说明"), blank=True)
    is_active = models.BooleanField(_("启用"), default=True)
    sort_order = models.PositiveSmallIntegerField(_("排序"), default=100)
    default_channel = models.CharField(
        _("默认来源渠道"), max_length=12, choices=Channel.choices, default=Channel.OTHER
    )
    resolve_label = models.CharField(
        _("办结动作名称"), max_length=20, default="答复", help_text=_("例如：答复、整改完成、化解。")
    )
    # Workflow variant: which optional steps apply.
    requires_sign = models.BooleanField(_("需签收"), default=True)
    requires_verification = models.BooleanField(_("需核查"), default=False)
    requires_callback = models.BooleanField(_("需回访评价"), default=True)
    requires_photos = models.BooleanField(
        _("需整改前后照片"), default=False, help_text=_("登记时需整改前照片，办结时需整改后照片。")
    )
    allow_direct = models.BooleanField(_("允许直办/自处置"), default=False)
    auto_dispatch = models.BooleanField(_("按规则自动派单"), default=False)
    reopen_on_unsatisfied = models.BooleanField(_("不满意自动重办"), default=True)
    allows_review = models.BooleanField(
        _("可申请复查复核"),
        default=False,
        help_text=_("信访事项：书面答复后30日内可申请复查，复查决定后30日内可申请复核，复核后不再受理。"),
    )
    max_reopens = models.PositiveSmallIntegerField(_("最多重办次数"), default=2)
    filed_by_deputies = models.BooleanField(
        _("由人大代表提出"),
        default=False,
        help_text=_("人大代表建议：本镇代表可登记（可邀请本镇代表附议），并由提出的代表评价答复。"),
    )
    required_fields = models.JSONField(
        _("各步骤必填项"),
        default=dict,
        blank=True,
        help_text=_(
            '按步骤列出必填字段，例如 {"create": ["address"], "resolve": ["reply", "outcome"]}；'
            '"details.xxx" 表示类型专有字段。'
        ),
    )
    status_labels = models.JSONField(
        _("状态名称"),
        default=dict,
        blank=True,
        help_text=_('按状态改名，例如 {"resolved": {"internal": "已化解", "public": "已办结"}}。'),
    )
    detail_fields = models.JSONField(
        _("类型专有字段"),
        default=list,
        blank=True,
        help_text=_('例如 [["measures", "整改措施"], ["funds", "整改资金"]]。'),
    )
    kpis = models.JSONField(
        _("统计指标"), default=list, blank=True, help_text=_("该类型参与的指标代码列表。")
    )
    outcome_labels = models.JSONField(
        _("办理结论名称"),
        default=dict,
        blank=True,
        help_text=_('按结论改名，例如 {"resolved": "A类：已解决"}。'),
    )
    public = models.BooleanField(
        _("公开发布"),
        default=False,
        help_text=_(
            "在 Open311 接口中公开该类型的案件（地址到街路、坐标约百米、姓名和电话打码、仅公开标记为公开的办理说明）。"
            "信访、矛盾纠纷和安全隐患不能公开。"
        ),
    )
    history = HistoricalRecords()

    # Petitions and disputes name private persons and their conflicts, hazards name premises under
    # remediation (DOMAIN §12.4): never published, whatever the flag says (also checked in every
    # public query, so a flag set by SQL cannot publish them).
    NEVER_PUBLIC = frozenset({"petition", "dispute", "hazard"})

    class Meta:
        verbose_name = _("案件类型")
        verbose_name_plural = _("案件类型")
        ordering = ["sort_order", "code"]

    def __str__(self) -> str:
        return self.name

    def required_for(self, step: str) -> list[str]:
        return list((self.required_fields or {}).get(step, []))

    def outcome_label(self, outcome: str) -> str:
        """The type's name for a result class (建议: A类 / B类 / C类), else the common one."""
        if not outcome:
            return ""
        return (self.outcome_labels or {}).get(outcome) or str(Outcome(outcome).label)

    def outcome_choices(self) -> list[tuple[str, str]]:
        return [(value, self.outcome_label(value)) for value in Outcome.values]

    def clean(self) -> None:
        from django.core.exceptions import ValidationError

        if self.public and self.code in self.NEVER_PUBLIC:
            raise ValidationError({"public": _("信访、矛盾纠纷和安全隐患类案件不能公开发布。")})

    @property
    def is_published(self) -> bool:
        return self.public and self.is_active and self.code not in self.NEVER_PUBLIC


class Category(models.Model):
    case_type = models.ForeignKey(
        CaseType, on_delete=models.CASCADE, related_name="categories", verbose_name=_("案件类型")
    )
    code = models.CharField(_("代码"), max_length=30)
    name = models.CharField(_("名称"), max_length=50)
    is_active = models.BooleanField(_("启用"), default=True)
    sort_order = models.PositiveSmallIntegerField(_("排序"), default=100)
    history = HistoricalRecords()

    class Meta:
        verbose_name = _("案件类别")
        verbose_name_plural = _("案件类别")
        ordering = ["case_type", "sort_order", "code"]
        constraints = [
            models.UniqueConstraint(fields=["case_type", "code"], name="category_code_unique_in_type")
        ]

    def __str__(self) -> str:
        return self.name


class SlaPolicy(models.Model):
    """Time limits for a case type, optionally narrowed to a category, a priority and/or a town.

    The most specific active policy wins (town > category > priority > type default); see
    ``luoshi.cases.sla.policy_for``. Limits are whole days on ``day_basis``; a deadline is the end
    of its due day. 0 days = by the end of the same (working) day.
    """

    case_type = models.ForeignKey(
        CaseType, on_delete=models.CASCADE, related_name="policies", verbose_name=_("案件类型")
    )
    category = models.ForeignKey(
        Category,
        null=True,
        blank=True,
        on_delete=models.CASCADE,
        related_name="policies",
        verbose_name=_("类别"),
    )
    priority = models.CharField(_("紧急程度"), max_length=10, choices=Priority.choices, blank=True)
    town = models.ForeignKey(
        Town,
        null=True,
        blank=True,
        on_delete=models.CASCADE,
        related_name="case_policies",
        verbose_name=_("乡镇"),
    )
    day_basis = models.CharField(
        _("计时方式"), max_length=10, choices=DayBasis.choices, default=DayBasis.WORKDAYS
    )
    clock_starts = models.CharField(
        _("起算点"), max_length=12, choices=ClockStart.choices, default=ClockStart.DISPATCHED
    )
    sign_days = models.PositiveSmallIntegerField(_("签收时限(天)"), null=True, blank=True)
    response_days = models.PositiveSmallIntegerField(
        _("首次响应时限(天)"), null=True, blank=True, help_text=_("如信访受理告知 15 日、热线联系诉求人。")
    )
    resolution_days = models.PositiveSmallIntegerField(_("办结时限(天)"))
    near_due_days = models.PositiveSmallIntegerField(_("临期预警(到期前天数)"), default=1)
    max_extension_days = models.PositiveSmallIntegerField(_("最长延期(天)"), default=0)
    is_active = models.BooleanField(_("启用"), default=True)
    note = models.CharField(_("依据"), max_length=200, blank=True)
    history = HistoricalRecords()

    class Meta:
        verbose_name = _("办理时限")
        verbose_name_plural = _("办理时限")
        ordering = ["case_type", "town", "category", "priority"]

    def __str__(self) -> str:
        parts = [str(self.case_type)]
        if self.town_id:
            parts.append(str(self.town))
        if self.category_id:
            parts.append(str(self.category))
        if self.priority:
            parts.append(self.get_priority_display())
        return " · ".join(parts) + f" · {self.resolution_days}{self.get_day_basis_display()}"


class RoutingRule(models.Model):
    """type × category × village → unit, per town. A rule with no type, category or village is the town default."""

    town = models.ForeignKey(
        Town, on_delete=models.CASCADE, related_name="routing_rules", verbose_name=_("乡镇")
    )
    case_type = models.ForeignKey(
        CaseType, null=True, blank=True, on_delete=models.CASCADE, verbose_name=_("案件类型")
    )
    category = models.ForeignKey(
        Category, null=True, blank=True, on_delete=models.CASCADE, verbose_name=_("类别")
    )
    village = models.ForeignKey(
        Village, null=True, blank=True, on_delete=models.CASCADE, verbose_name=_("村(社区)")
    )
    unit = models.ForeignKey(
        Unit, on_delete=models.CASCADE, related_name="routing_rules", verbose_name=_("承办站所")
    )
    is_active = models.BooleanField(_("启用"), default=True)
    history = HistoricalRecords()

    scope_paths = ScopePaths(county="town__county_id", town="town_id", unit="unit_id")

    class Meta:
        verbose_name = _("派单规则")
        verbose_name_plural = _("派单规则")
        ordering = ["town", "case_type", "category", "village"]

    def __str__(self) -> str:
        what = " · ".join(str(x) for x in (self.case_type, self.category, self.village) if x) or _("默认")
        return f"{self.town}: {what} → {self.unit}"


class ReplyTemplate(models.Model):
    """常用回复: reusable reply text, for all towns or one, all types or one."""

    town = models.ForeignKey(Town, null=True, blank=True, on_delete=models.CASCADE, verbose_name=_("乡镇"))
    case_type = models.ForeignKey(
        CaseType, null=True, blank=True, on_delete=models.CASCADE, verbose_name=_("案件类型")
    )
    title = models.CharField(_("标题"), max_length=50)
    text = models.TextField(_("回复内容"))
    history = HistoricalRecords()

    class Meta:
        verbose_name = _("常用回复")
        verbose_name_plural = _("常用回复")
        ordering = ["title"]

    def __str__(self) -> str:
        return self.title


def new_tracking_code() -> str:
    return secrets.token_urlsafe(16)


# Characters a resident can read out over the phone without doubt: no 0/O, 1/I/L.
SHORT_CODE_ALPHABET = "23456789ABCDEFGHJKMNPQRSTUVWXYZ"
SHORT_CODE_LENGTH = 8


def new_short_code() -> str:
    """The tracking code to read out or type (shown as ABCD-EFGH): 8 of 31 characters, about 40 bits.

    It only finds a case (whose personal data the tracking page masks); the long ``tracking_code``
    stays in links. A collision with an existing code is redrawn by ``services.case_create``."""
    return "".join(secrets.choice(SHORT_CODE_ALPHABET) for _ in range(SHORT_CODE_LENGTH))


def normalise_short_code(text: str) -> str | None:
    """What a resident typed (any case, spaces, hyphens, full-width) → the stored code, or None."""
    code = "".join(
        ch for ch in unicodedata.normalize("NFKC", text or "") if not ch.isspace() and ch not in "-_"
    ).upper()
    if len(code) == SHORT_CODE_LENGTH and all(ch in SHORT_CODE_ALPHABET for ch in code):
        return code
    return None


_NUMBER_ALPHABET = "23456789ABCDEFGHJKLMNPQRSTUVWXYZ"


def new_case_number(when) -> str:
    """A readable number that needs no uniqueness retry: received date + 10 random characters (50 bits).

    Even 100,000 cases received on one day collide with probability ≈ 4 × 10⁻⁶, so the insert runs
    without a savepoint; ``services.case_create`` redraws once only if the outermost transaction is
    its own.
    """
    suffix = "".join(secrets.choice(_NUMBER_ALPHABET) for _ in range(10))
    return f"{when:%Y%m%d}-{suffix}"


HISTORY_UNINDEXED = [
    "number",
    "tracking_code",
    "short_code",
    "case_type",
    "category",
    "county",
    "town",
    "village",
    "grid",
    "routed_unit",
    "unit",
    "handler",
    "reporter",
    "merged_into",
    "escalated_to",
    "received_at",
    "resolved_at",
]
# Kept at module level too: ``Case.save`` writes the creation record itself (``fastinsert.insert``).
CASE_HISTORY = HistoricalRecords(excluded_fields=["updated_at"], no_db_index=HISTORY_UNINDEXED)


# The Case columns the KPI roll-up depends on (see ``luoshi.cases.rollup.contribution``).
ROLLUP_FIELDS = (
    "county_id",
    "town_id",
    "village_id",
    "unit_id",
    "case_type_id",
    "received_at",
    "status",
    "resolved_at",
    "resolved_on_time",
    "reviewed_at",
    "rating",
    "outcome",
    "verified_at",
    "due_at",
)


def rollup_snapshot(case) -> tuple:
    return tuple(getattr(case, f) for f in ROLLUP_FIELDS)


def clock_state(case, now: dt.datetime | None = None) -> str:
    """ "overdue", "near_due", "late" (resolved after the deadline), "ok" or "" (no clock), as of ``now``.

    Takes anything with the case's clock columns, so list rows loaded as plain values share the rule.
    """
    if case.resolved_at:
        return "late" if case.resolved_on_time is False else "ok"
    if case.stage != "open" or case.due_at is None:
        return ""
    now = now or timezone.now()
    if now > case.due_at:
        return "overdue"
    return "near_due" if case.warn_at and now >= case.warn_at else "ok"


class Case(models.Model):
    # unique through Meta.constraints: a unique=True CharField would also get a LIKE index on PostgreSQL
    number = models.CharField(_("编号"), max_length=24)
    external_no = models.CharField(_("上级平台编号"), max_length=50, blank=True)
    tracking_code = models.CharField(_("查询码"), max_length=32, default=new_tracking_code)
    short_code = models.CharField(_("短查询码"), max_length=8, default=new_short_code)
    case_type = models.ForeignKey(
        CaseType, on_delete=models.PROTECT, related_name="cases", verbose_name=_("类型")
    )
    category = models.ForeignKey(
        Category,
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="cases",
        verbose_name=_("类别"),
    )
    priority = models.CharField(
        _("紧急程度"), max_length=10, choices=Priority.choices, default=Priority.NORMAL
    )
    channel = models.CharField(_("来源渠道"), max_length=12, choices=Channel.choices, default=Channel.OTHER)
    title = models.CharField(_("标题"), max_length=200)
    content = models.TextField(_("诉求内容"))
    address = models.CharField(_("地址"), max_length=200, blank=True)
    latitude = models.DecimalField(_("纬度"), max_digits=9, decimal_places=6, null=True, blank=True)
    longitude = models.DecimalField(_("经度"), max_digits=9, decimal_places=6, null=True, blank=True)
    details = models.JSONField(_("类型专有信息"), default=dict, blank=True)

    # Where it belongs (county is denormalised from town so county scoping needs no join).
    county = models.ForeignKey(County, on_delete=models.PROTECT, related_name="+", verbose_name=_("县"))
    # town, village and unit lead composite indexes (Meta.indexes): no single-column index of their own
    town = models.ForeignKey(
        Town, on_delete=models.PROTECT, related_name="cases", verbose_name=_("乡镇"), db_index=False
    )
    village = models.ForeignKey(
        Village,
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="cases",
        verbose_name=_("村(社区)"),
        db_index=False,
    )
    grid = models.ForeignKey(
        Grid, null=True, blank=True, on_delete=models.PROTECT, related_name="cases", verbose_name=_("网格")
    )
    routed_unit = models.ForeignKey(
        Unit,
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="+",
        verbose_name=_("建议承办站所"),
    )
    unit = models.ForeignKey(
        Unit,
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="cases",
        verbose_name=_("承办站所"),
        db_index=False,
    )
    handler = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        verbose_name=_("经办人"),
        db_index=False,
    )

    # Who raised it.
    reporter = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="reported_cases",
        verbose_name=_("登记人"),
    )
    contact_name = models.CharField(_("诉求人"), max_length=50, blank=True)
    contact_phone = models.CharField(_("联系电话"), max_length=20, blank=True)

    # State.
    status = models.CharField(_("状态"), max_length=12, choices=Status.choices, default=Status.RECEIVED)
    stage = models.CharField(_("阶段"), max_length=10, choices=Stage.choices, default=Stage.OPEN)
    status_before_suspend = models.CharField(max_length=12, choices=Status.choices, blank=True)
    merged_into = models.ForeignKey(
        "self",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="duplicates",
        verbose_name=_("合并至"),
        db_index=False,
    )
    version = models.PositiveIntegerField(_("版本"), default=1)

    # When things happened.
    received_at = models.DateTimeField(_("受理时间"), db_index=True)
    dispatched_at = models.DateTimeField(_("派单时间"), null=True, blank=True)
    signed_at = models.DateTimeField(_("签收时间"), null=True, blank=True)
    first_response_at = models.DateTimeField(_("首次响应时间"), null=True, blank=True)
    resolved_at = models.DateTimeField(_("办结时间"), null=True, blank=True)
    verified_at = models.DateTimeField(_("核查时间"), null=True, blank=True)
    reviewed_at = models.DateTimeField(_("回访时间"), null=True, blank=True)
    closed_at = models.DateTimeField(_("归档时间"), null=True, blank=True)
    suspended_at = models.DateTimeField(_("挂起时间"), null=True, blank=True)
    paused_seconds = models.PositiveBigIntegerField(_("累计暂停(秒)"), default=0)
    paused_days = models.PositiveIntegerField(_("累计暂停(计时天)"), default=0)

    # Clocks (set by ``sla``; kept as columns so KPIs and queues are plain queries).
    clock_started_at = models.DateTimeField(_("起算时间"), null=True, blank=True)
    sign_due_at = models.DateTimeField(_("签收截止"), null=True, blank=True)
    response_due_at = models.DateTimeField(_("响应截止"), null=True, blank=True)
    due_at = models.DateTimeField(_("办结截止"), null=True, blank=True)
    warn_at = models.DateTimeField(_("临期预警时间"), null=True, blank=True)
    resolved_on_time = models.BooleanField(_("按期办结"), null=True, blank=True)
    near_due = models.BooleanField(_("临期"), default=False)
    overdue = models.BooleanField(_("超期"), default=False)

    # Extension (at most one).
    extension_state = models.CharField(
        _("延期"), max_length=10, choices=ExtensionState.choices, default=ExtensionState.NONE, blank=True
    )
    extension_days = models.PositiveSmallIntegerField(_("延期天数"), default=0)
    extension_reason = models.CharField(_("延期理由"), max_length=300, blank=True)

    # Supervision.
    urge_count = models.PositiveSmallIntegerField(_("催办次数"), default=0)
    supervised = models.BooleanField(_("督办"), default=False)
    escalated_to = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        verbose_name=_("提级至"),
        db_index=False,
    )
    return_count = models.PositiveSmallIntegerField(_("退单次数"), default=0)
    dispatch_count = models.PositiveSmallIntegerField(_("派单次数"), default=0)
    reopen_count = models.PositiveSmallIntegerField(_("重办次数"), default=0)
    last_return_reason = models.CharField(_("退单理由"), max_length=300, blank=True)

    # Result and feedback.
    reply = models.TextField(_("办理结果"), blank=True)
    outcome = models.CharField(_("办理结论"), max_length=12, choices=Outcome.choices, blank=True)
    rating = models.CharField(_("评价"), max_length=12, choices=Rating.choices, blank=True)
    rating_reason = models.CharField(_("评价说明"), max_length=300, blank=True)
    rating_channel = models.CharField(_("评价方式"), max_length=10, blank=True)

    # Petition review chain (信访 复查 → 复核, ``workflow.REVIEW_LEVELS``): the level reached and its
    # request and decision; each level's reason and decision text are timeline entries. Not to be
    # confused with ``reviewed_at`` (回访). The case keeps its status meanwhile: none of this is a KPI column.
    review_level = models.PositiveSmallIntegerField(
        _("复查复核级别"), choices=ReviewLevel.choices, default=ReviewLevel.NONE
    )
    review_state = models.CharField(
        _("复查复核状态"), max_length=10, choices=ReviewState.choices, default=ReviewState.NONE, blank=True
    )
    review_requested_at = models.DateTimeField(_("复查复核申请时间"), null=True, blank=True)
    review_due_at = models.DateTimeField(_("复查复核决定期限"), null=True, blank=True)
    review_decided_at = models.DateTimeField(_("复查复核决定时间"), null=True, blank=True)
    review_decision = models.CharField(
        _("复查复核结论"), max_length=10, choices=ReviewDecision.choices, blank=True
    )

    created_at = models.DateTimeField(_("创建时间"), auto_now_add=True)
    updated_at = models.DateTimeField(_("更新时间"), auto_now=True)
    # The history table is read by object (``id``) and date only: no copies of the case's indexes,
    # which would cost every case write two dozen index updates.
    history = CASE_HISTORY

    scope_paths = ScopePaths(
        county="county_id",
        town="town_id",
        village="village_id",
        grid="grid_id",
        unit="unit_id",
        owner="reporter_id",
        assist="assists",  # co-handling units open the case (get_case), lists stay on the columns
        cosigner="cosigners",  # deputies see the suggestions they co-sign (附议)
    )

    class Meta:
        verbose_name = _("案件")
        verbose_name_plural = _("案件")
        ordering = ["-received_at", "-id"]
        indexes = [
            # A queue page is (town|unit, status) newest first: the first 25 rows come straight off the
            # index. The due columns let the badge counts (临期 / 超期) be answered from the index alone.
            models.Index(
                fields=["town", "status", "received_at", "id", "due_at", "warn_at"], name="case_town_queue"
            ),
            models.Index(
                fields=["unit", "status", "received_at", "id", "due_at", "warn_at"], name="case_unit_queue"
            ),
            models.Index(fields=["village", "status"], name="case_village_status"),
            models.Index(fields=["town", "received_at"], name="case_town_received"),
            # Unresolved cohort cases only, with every column the live part of 按期办结率 (open cases
            # not yet due) needs on the KPI page, so PostgreSQL answers it from the index alone.
            models.Index(
                fields=["town", "due_at", "received_at", "case_type", "unit", "village"],
                name="case_town_unresolved",
                condition=models.Q(resolved_at__isnull=True) & ~models.Q(status__in=["merged", "cancelled"]),
            ),
            # The clock sweep: live cases by due time (a few percent of the table).
            models.Index(
                fields=["due_at", "warn_at"],
                name="case_live_due",
                condition=models.Q(status__in=["received", "returned", "dispatched", "in_progress"]),
            ),
            models.Index(fields=["external_no"], name="case_external_no"),
            # Replies "being solved step by step" (建议 B类) that stay tracked after the reply (few per town).
            models.Index(
                fields=["town", "status"],
                name="case_partly_tracked",
                condition=models.Q(outcome="partly"),
            ),
            # 复查/复核 requests awaiting the higher body's decision (a handful per town).
            models.Index(
                fields=["town", "review_due_at"],
                name="case_review_pending",
                condition=models.Q(review_state="requested"),
            ),
            # Mostly empty references: index only the rows that have one (lookups are by value).
            *(
                models.Index(
                    fields=[name], name=f"case_{name}_set", condition=models.Q(**{f"{name}__isnull": False})
                )
                for name in ("handler", "merged_into", "escalated_to")
            ),
        ]
        constraints = [
            models.UniqueConstraint(fields=["number"], name="case_number_unique"),
            models.UniqueConstraint(fields=["tracking_code"], name="case_tracking_code_unique"),
            models.UniqueConstraint(fields=["short_code"], name="case_short_code_unique"),
        ]

    def __str__(self) -> str:
        return f"{self.number} {self.title}"

    def save(self, *args, **kwargs):
        """Save and move the row's KPI roll-up contribution (``luoshi.cases.rollup``) in the same transaction.

        A new case (plain ``save()``) is written by ``fastinsert`` with its history record: intake
        is the hottest write of the platform. Creating a case therefore sends no save signals.
        """
        from luoshi.cases import rollup

        with transaction.atomic(using=kwargs.get("using"), savepoint=False):
            before = rollup.before_save(self)
            if fastinsert.is_plain_insert(self, args, kwargs):
                fastinsert.insert(self, using=kwargs.get("using"), history=CASE_HISTORY)
            else:
                super().save(*args, **kwargs)
            rollup.after_save(self, before)

    def get_absolute_url(self) -> str:
        from django.urls import reverse

        return reverse("cases:detail", args=[self.pk])

    @classmethod
    def from_db(cls, db, field_names, values):
        instance = super().from_db(db, field_names, values)
        # What the row contributes to the KPI roll-up as loaded (None when fields were deferred).
        instance._rollup_loaded = (
            rollup_snapshot(instance) if len(values) == len(cls._meta.concrete_fields) else None
        )
        return instance

    @property
    def status_label(self) -> str:
        from luoshi.cases.workflow import internal_label

        return internal_label(self.case_type, self.status)

    @property
    def clock_state(self) -> str:
        return clock_state(self)

    @property
    def public_label(self) -> str:
        from luoshi.cases.workflow import public_label

        return public_label(self.case_type, self.status)

    @property
    def outcome_label(self) -> str:
        return self.case_type.outcome_label(self.outcome)


class EventKind(models.TextChoices):
    CREATE = "create", _("受理")
    DISPATCH = "dispatch", _("派单")
    REROUTE = "reroute", _("改派")
    SIGN = "sign", _("签收")
    RETURN = "return", _("退单")
    PROGRESS = "progress", _("办理进展")
    RESOLVE = "resolve", _("办结")
    VERIFY = "verify", _("核查")
    FEEDBACK = "feedback", _("回访评价")
    REOPEN = "reopen", _("重办")
    CLOSE = "close", _("归档")
    EXTENSION_REQUEST = "ext_request", _("申请延期")
    EXTENSION_DECISION = "ext_decide", _("延期审批")
    SUSPEND = "suspend", _("挂起")
    RESUME = "resume", _("恢复办理")
    MERGE = "merge", _("合并")
    CANCEL = "cancel", _("撤销")
    URGE = "urge", _("催办")
    SUPERVISE = "supervise", _("督办")
    NEAR_DUE = "near_due", _("临期预警")
    OVERDUE = "overdue", _("超期")
    ATTACH = "attach", _("上传附件")
    ASSIST = "assist", _("协办意见")
    REVIEW_REQUEST = "review_req", _("申请复查")
    REVIEW_DECISION = "review_dec", _("复查决定")
    REREVIEW_REQUEST = "rereview_req", _("申请复核")
    REREVIEW_DECISION = "rereview_dec", _("复核决定")
    COSIGN = "cosign", _("附议")
    DEADLINE_RECOMPUTED = "deadline", _("节假日调整截止时间")


class CaseEvent(models.Model):
    """One timeline entry. Append-only; ``public`` entries appear on the tracking page."""

    case = models.ForeignKey(Case, on_delete=models.CASCADE, related_name="events", verbose_name=_("案件"))
    kind = models.CharField(_("事项"), max_length=12, choices=EventKind.choices)
    at = models.DateTimeField(_("时间"), db_index=True)
    actor = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        verbose_name=_("操作人"),
    )
    actor_label = models.CharField(_("操作方"), max_length=50, blank=True)
    from_status = models.CharField(_("原状态"), max_length=12, choices=Status.choices, blank=True)
    to_status = models.CharField(_("新状态"), max_length=12, choices=Status.choices, blank=True)
    note = models.TextField(_("说明"), blank=True)
    data = models.JSONField(_("数据"), default=dict, blank=True)
    public = models.BooleanField(_("公开"), default=False)
    # ``public`` shows the step (its kind and time) on the tracking page; the note itself is shown
    # there and in Open311 only when staff ticked 公开 when writing it (rating comments never).
    note_public = models.BooleanField(_("说明公开"), default=False)
    # No simple-history: entries are append-only (never edited), so a history row would only copy them.

    scope_paths = ScopePaths(
        county="case__county_id",
        town="case__town_id",
        village="case__village_id",
        grid="case__grid_id",
        unit="case__unit_id",
        owner="case__reporter_id",
    )

    class Meta:
        verbose_name = _("办理记录")
        verbose_name_plural = _("办理记录")
        ordering = ["at", "id"]

    def __str__(self) -> str:
        return f"{self.case_id} {self.get_kind_display()} {self.at:%Y-%m-%d %H:%M}"

    def save(self, *args, **kwargs):
        """New entries (append-only, no history, no listeners) go through ``fastinsert``."""
        if fastinsert.is_plain_insert(self, args, kwargs):
            fastinsert.insert(self, using=kwargs.get("using"))
        else:
            super().save(*args, **kwargs)


class CaseAssist(models.Model):
    """A co-handling unit (协办单位) of a case, beside its lead unit (主办, ``Case.unit``).

    Its staff may open the case (never through lists: ``ScopePaths.assist``) and give their opinion
    (协办意见) to the lead unit. Added and removed by 派单 / 改派 (``services.case_dispatch``); an
    answered one is kept on re-dispatch unless its unit becomes the lead.
    """

    # Both lookups have an index: (case, unit) through the unique constraint, (unit, case) below.
    case = models.ForeignKey(
        Case, on_delete=models.CASCADE, related_name="assists", verbose_name=_("案件"), db_index=False
    )
    unit = models.ForeignKey(
        Unit,
        on_delete=models.PROTECT,
        related_name="case_assists",
        verbose_name=_("协办单位"),
        db_index=False,
    )
    added_at = models.DateTimeField(_("添加时间"), default=timezone.now)
    added_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        verbose_name=_("添加人"),
    )
    opinion = models.TextField(_("协办意见"), blank=True)
    answered_at = models.DateTimeField(_("回复时间"), null=True, blank=True)
    answered_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        verbose_name=_("回复人"),
    )
    history = HistoricalRecords()

    scope_paths = ScopePaths(
        county="case__county_id",
        town="case__town_id",
        village="case__village_id",
        grid="case__grid_id",
        unit=("case__unit_id", "unit_id"),
        owner="case__reporter_id",
    )

    class Meta:
        verbose_name = _("协办单位")
        verbose_name_plural = _("协办单位")
        ordering = ["case_id", "unit_id"]
        constraints = [models.UniqueConstraint(fields=["case", "unit"], name="case_assist_unique")]
        # the 协办 queue and the co-unit scope check: a unit's cases
        indexes = [models.Index(fields=["unit", "case"], name="case_assist_unit")]

    def __str__(self) -> str:
        return f"{self.case_id} · {self.unit}"


class CaseCosigner(models.Model):
    """A deputy co-signing (附议) a suggestion another deputy of the same town filed (``Case.reporter``).

    Co-signers follow the suggestion (it is in their list and they may open it: ``ScopePaths.cosigner``);
    only the filing deputy rates the reply. Written by ``services.suggestion_file``.
    """

    # (case, deputy) through the unique constraint; (deputy, case) below for a deputy's list
    case = models.ForeignKey(
        Case, on_delete=models.CASCADE, related_name="cosigners", verbose_name=_("案件"), db_index=False
    )
    deputy = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.PROTECT,
        related_name="cosigned_cases",
        verbose_name=_("附议代表"),
        db_index=False,
    )
    added_at = models.DateTimeField(_("附议时间"), default=timezone.now)
    history = HistoricalRecords()

    scope_paths = ScopePaths(
        county="case__county_id",
        town="case__town_id",
        unit="case__unit_id",
        owner="deputy_id",
    )

    class Meta:
        verbose_name = _("附议代表")
        verbose_name_plural = _("附议代表")
        ordering = ["case_id", "id"]
        constraints = [models.UniqueConstraint(fields=["case", "deputy"], name="case_cosigner_unique")]
        indexes = [models.Index(fields=["deputy", "case"], name="case_cosigner_deputy")]

    def __str__(self) -> str:
        return f"{self.case_id} · {self.deputy}"


class AttachmentKind(models.TextChoices):
    EVIDENCE = "evidence", _("材料")
    BEFORE = "before", _("整改前照片")
    AFTER = "after", _("整改后照片")
    REPLY = "reply", _("答复函")


def attachment_path(instance, filename: str) -> str:
    # The stored name is random: the original name is kept in the row, never trusted as a path.
    ext = filename.rsplit(".", 1)[-1].lower() if "." in filename else "bin"
    return f"cases/{instance.case_id}/{secrets.token_hex(8)}.{ext[:8]}"


class Attachment(models.Model):
    case = models.ForeignKey(
        Case, on_delete=models.CASCADE, related_name="attachments", verbose_name=_("案件")
    )
    kind = models.CharField(
        _("类别"), max_length=10, choices=AttachmentKind.choices, default=AttachmentKind.EVIDENCE
    )
    file = models.FileField(_("文件"), upload_to=attachment_path)
    name = models.CharField(_("文件名"), max_length=200)
    content_type = models.CharField(_("类型"), max_length=100)
    size = models.PositiveIntegerField(_("大小"))
    uploaded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        verbose_name=_("上传人"),
    )
    uploaded_at = models.DateTimeField(_("上传时间"), auto_now_add=True)
    history = HistoricalRecords()

    scope_paths = ScopePaths(
        county="case__county_id",
        town="case__town_id",
        village="case__village_id",
        grid="case__grid_id",
        unit="case__unit_id",
        owner="case__reporter_id",
    )

    class Meta:
        verbose_name = _("附件")
        verbose_name_plural = _("附件")
        ordering = ["uploaded_at", "id"]

    def __str__(self) -> str:
        return self.name


class CaseMonthlyStat(models.Model):
    """KPI roll-up: the KPI numerators and denominators of one town × month × type × unit × village.

    ``month`` is the first day of the local (``TIME_ZONE``) month of ``received_at``; unit and village
    0 mean "none". Only the KPI cohort counts (merged and cancelled cases do not). Maintained by
    ``Case.save()`` / case deletion as deltas in the same transaction (``luoshi.cases.rollup``) and
    rebuilt from the case table by ``manage.py cases_rollup`` (after bulk loads that bypass ``save``).
    The time-dependent part of 按期办结率 (open cases with a due time still ahead) is never stored.
    """

    month = models.DateField(_("受理月份"))
    county_id = models.IntegerField(_("县"))
    town_id = models.IntegerField(_("乡镇"))
    village_id = models.IntegerField(_("村(社区)"), default=0)
    unit_id = models.IntegerField(_("承办站所"), default=0)
    case_type_id = models.IntegerField(_("类型"))
    n = models.IntegerField(_("受理件数"), default=0)
    resolved = models.IntegerField(_("已办结"), default=0)
    on_time = models.IntegerField(_("按期办结"), default=0)
    reviewed = models.IntegerField(_("已回访"), default=0)
    rated = models.IntegerField(_("有效评价"), default=0)
    satisfied = models.IntegerField(_("满意与基本满意"), default=0)
    mediated = models.IntegerField(_("化解"), default=0)
    rectified = models.IntegerField(_("整改销号"), default=0)
    undated = models.IntegerField(_("未起算的在办件"), default=0)
    duration_us = models.BigIntegerField(_("办理时长合计(微秒)"), default=0)
    # A cell is striped over a few rows so that concurrent writers to one cell do not queue on one row
    # lock; readers sum them and the clock sweep folds them back into shard 0 (``rollup.compact``).
    shard = models.PositiveSmallIntegerField(_("分片"), default=0)

    class Meta:
        verbose_name = _("月度办理统计")
        verbose_name_plural = _("月度办理统计")
        constraints = [
            models.UniqueConstraint(
                fields=["town_id", "month", "case_type_id", "unit_id", "village_id", "shard"],
                name="case_monthly_stat_cell_shard",
            )
        ]

    def __str__(self) -> str:
        return f"{self.town_id} {self.month:%Y-%m} {self.case_type_id}/{self.unit_id}/{self.village_id}: {self.n}"


class RateCounter(models.Model):
    """One fixed-window counter of ``luoshi.lib.ratelimit`` (public form per address, Open311 per key).

    In the database so that every server process counts together; the library updates it with one
    atomic upsert and deletes expired rows now and then.
    """

    bucket = models.CharField(_("计数键"), max_length=ratelimit.BUCKET_LEN, primary_key=True)
    expires_at = models.BigIntegerField(_("窗口结束(Unix 秒)"), db_index=True)
    hits = models.PositiveIntegerField(_("次数"), default=0)

    class Meta:
        db_table = ratelimit.TABLE
        verbose_name = _("限流计数")
        verbose_name_plural = _("限流计数")

    def __str__(self) -> str:
        return f"{self.bucket}: {self.hits}"


# Models declared beside the code that uses them (``app_label = "cases"``): imported here so that
# they are registered whenever the app's models are, not only when the URLconf happens to load.
from luoshi.cases.imports.models import ImportMapping  # noqa: E402, F401
from luoshi.cases.open311.models import Open311Key  # noqa: E402, F401
