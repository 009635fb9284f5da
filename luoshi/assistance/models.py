"""Monitoring to prevent return to poverty (防返贫动态监测) and social-assistance payments.

Sensitive personal information (ID numbers, phones, health and disability, income details) is held
in ``Encrypted*Field`` columns and left out of the history tables, so no table holds it in clear.
Households and their records are never deleted (``KEEP_ROWS`` in ``luoshi/org/appendonly.py``: a
model guard and a DELETE trigger); a wrong income or payment is corrected by a new row that refers to
it. The workflow's steps, every full view of a sensitive field and every controlled export are
append-only (same module).
"""

from __future__ import annotations

import datetime as dt

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords

from luoshi.assistance.fields import EncryptedDecimalField, EncryptedTextField
from luoshi.lib.masking import mask_name
from luoshi.org.models import Grid, Town, Village
from luoshi.org.scoping import ScopePaths

IDENTIFY_DAYS = 15  # the common local limit from flag to county approval (DOMAIN.md §9)


class IncomeLine(models.Model):
    """The province's monitoring line (防返贫监测收入线): per-capita net income per year, in 元."""

    province_code = models.CharField(_("省份代码"), max_length=2)
    province_name = models.CharField(_("省份"), max_length=20)
    year = models.PositiveSmallIntegerField(_("年度"))
    amount = models.DecimalField(_("监测收入线（元/人·年）"), max_digits=9, decimal_places=2)
    history = HistoricalRecords()

    class Meta:
        verbose_name = _("监测收入线")
        verbose_name_plural = verbose_name
        constraints = [models.UniqueConstraint(fields=["province_code", "year"], name="uniq_income_line")]

    def __str__(self) -> str:
        return f"{self.province_name} {self.year}: {self.amount}"


class Status(models.TextChoices):
    FLAGGED = "flagged", _("待核实")
    VERIFIED = "verified", _("已入户核实")
    APPRAISED = "appraised", _("已民主评议")
    PUBLICISED = "publicised", _("公示中")
    TOWN_REVIEWED = "town_reviewed", _("待县级审批")
    MONITORED = "monitored", _("监测对象")
    ASSISTING = "assisting", _("帮扶中")
    ELIM_PROPOSED = "elim_proposed", _("拟消除风险")
    ELIM_VERIFIED = "elim_verified", _("消除风险已核实")
    ELIM_APPRAISED = "elim_appraised", _("消除风险已评议")
    ELIM_PUBLICISED = "elim_publicised", _("消除风险公示中")
    ELIM_TOWN_REVIEWED = "elim_town_reviewed", _("消除风险待县级审批")
    ELIMINATED = "eliminated", _("风险已消除")
    REJECTED = "rejected", _("不予纳入")


class Category(models.TextChoices):
    UNSTABLE = "unstable", _("脱贫不稳定户")
    MARGINAL = "marginal", _("边缘易致贫户")
    SUDDEN = "sudden", _("突发严重困难户")


class Channel(models.TextChoices):
    SELF = "self", _("农户自主申报")
    CADRE = "cadre", _("干部排查")
    DEPARTMENT = "department", _("部门筛查预警")


class RiskType(models.TextChoices):
    ILLNESS = "illness", _("因病")
    DISABILITY = "disability", _("因残")
    SCHOOLING = "schooling", _("因学")
    DISASTER = "disaster", _("因自然灾害")
    ACCIDENT = "accident", _("因意外事故")
    BUSINESS = "business", _("因产业经营失败")
    EMPLOYMENT = "employment", _("因务工就业不稳")
    LABOUR = "labour", _("缺劳动力")
    OTHER = "other", _("其他")


class Labour(models.TextChoices):
    FULL = "full", _("有劳动力")
    WEAK = "weak", _("弱劳动力")
    NONE = "none", _("无劳动力")


class Housing(models.TextChoices):
    A = "A", _("A级（安全）")
    B = "B", _("B级（基本安全）")
    C = "C", _("C级（局部危险）")
    D = "D", _("D级（整体危险）")


SECURE_FIELDS = ("education_secured", "medical_secured", "housing_secured", "water_secured")


class Household(models.Model):
    """A monitored household (监测户), identified as a whole. The head's name is shown to staff in
    scope (it is published in the 公示 anyway); the ID number and phone only masked unless revealed."""

    town = models.ForeignKey(Town, on_delete=models.PROTECT, related_name="+", verbose_name=_("乡镇"))
    village = models.ForeignKey(
        Village, on_delete=models.PROTECT, related_name="+", verbose_name=_("村(社区)")
    )
    grid = models.ForeignKey(
        Grid, null=True, blank=True, on_delete=models.PROTECT, related_name="+", verbose_name=_("网格")
    )
    number = models.CharField(_("户编号"), max_length=24, unique=True)
    head_name = models.CharField(_("户主姓名"), max_length=30)
    head_id_number = EncryptedTextField(_("户主身份证号"), blank=True)
    head_id_hash = models.CharField(max_length=64, blank=True, db_index=True, editable=False)
    phone = EncryptedTextField(_("联系电话"), blank=True)
    category = models.CharField(_("监测对象类型"), max_length=12, choices=Category.choices)
    channel = models.CharField(_("识别渠道"), max_length=12, choices=Channel.choices)
    risk_type = models.CharField(_("主要风险类型"), max_length=12, choices=RiskType.choices)
    risk_note = EncryptedTextField(_("风险情况说明"), blank=True)
    housing = models.CharField(_("住房安全等级"), max_length=1, choices=Housing.choices, default=Housing.A)
    rigid_expense = EncryptedDecimalField(_("年刚性支出（元）"), blank=True, null=True)
    rigid_expenses_resolved = models.BooleanField(_("刚性支出问题已解决"), default=False)
    education_secured = models.BooleanField(_("义务教育有保障"), default=False)
    medical_secured = models.BooleanField(_("基本医疗有保障"), default=False)
    housing_secured = models.BooleanField(_("住房安全有保障"), default=False)
    water_secured = models.BooleanField(_("饮水安全有保障"), default=False)
    status = models.CharField(_("状态"), max_length=20, choices=Status.choices, default=Status.FLAGGED)
    flagged_at = models.DateTimeField(_("发现时间"))
    identify_due = models.DateField(_("识别时限"))
    approved_on = models.DateField(_("纳入监测日期"), null=True, blank=True)
    eliminated_on = models.DateField(_("风险消除日期"), null=True, blank=True)
    times_flagged = models.PositiveSmallIntegerField(_("识别次数"), default=1)
    cadre = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="+",
        verbose_name=_("帮扶责任人"),
    )
    flagged_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        on_delete=models.PROTECT,
        related_name="+",
        verbose_name=_("发现人"),
    )
    synced_at = models.DateTimeField(_("录入全国系统时间"), null=True, blank=True)
    national_no = models.CharField(_("全国系统户编码"), max_length=40, blank=True)
    # Set by the identification sweep when identify_due passed before county approval (once per round).
    overdue_noted_at = models.DateTimeField(_("识别超期提醒时间"), null=True, blank=True)
    history = HistoricalRecords(excluded_fields=["head_id_number", "phone", "risk_note", "rigid_expense"])

    scope_paths = ScopePaths(town="town", village="village", grid="grid")

    class Meta:
        verbose_name = _("监测户")
        verbose_name_plural = verbose_name
        indexes = [models.Index(fields=["town", "status"]), models.Index(fields=["village", "status"])]

    def __str__(self) -> str:
        return f"{self.number} {self.head_name}"

    @property
    def title(self) -> str:
        """Shown where records are listed for any reader (indicator provenance): masked name."""
        return f"{mask_name(self.head_name)} · {self.village.name}"

    def identify_overdue(self, today: dt.date) -> bool:
        from luoshi.assistance.workflow import IDENTIFYING

        return self.status in IDENTIFYING and today > self.identify_due


class Relation(models.TextChoices):
    HEAD = "head", _("户主")
    SPOUSE = "spouse", _("配偶")
    CHILD = "child", _("子女")
    PARENT = "parent", _("父母")
    GRANDCHILD = "grandchild", _("孙子女")
    OTHER = "other", _("其他")


class Member(models.Model):
    household = models.ForeignKey(Household, on_delete=models.PROTECT, related_name="members")
    name = models.CharField(_("姓名"), max_length=30)
    relation = models.CharField(_("与户主关系"), max_length=12, choices=Relation.choices)
    id_number = EncryptedTextField(_("身份证号"), blank=True)
    id_hash = models.CharField(max_length=64, blank=True, db_index=True, editable=False)
    birth_year = models.PositiveSmallIntegerField(_("出生年份"), null=True, blank=True)
    labour = models.CharField(_("劳动能力"), max_length=8, choices=Labour.choices, default=Labour.FULL)
    is_student = models.BooleanField(_("在校生"), default=False)
    health = EncryptedTextField(_("健康状况"), blank=True)
    disability = EncryptedTextField(_("残疾情况"), blank=True)
    history = HistoricalRecords(excluded_fields=["id_number", "health", "disability"])

    scope_paths = ScopePaths(town="household__town", village="household__village", grid="household__grid")

    class Meta:
        verbose_name = _("家庭成员")
        verbose_name_plural = verbose_name

    def __str__(self) -> str:
        return self.name


class IncomeRecord(models.Model):
    """The household's net income of one month (all members, 元) and where it came from — encrypted.

    A correction is a new row of the same month that ``corrects`` the first one, with its reason; the
    month's income is the latest row (``effective_incomes``). Nothing is edited in place."""

    household = models.ForeignKey(Household, on_delete=models.PROTECT, related_name="incomes")
    month = models.DateField(_("月份"))  # the first day of the month
    amount = EncryptedDecimalField(_("家庭纯收入（元）"))
    sources = EncryptedTextField(_("收入来源明细"), blank=True)
    recorded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, on_delete=models.PROTECT, related_name="+"
    )
    corrects = models.ForeignKey(
        "self", null=True, blank=True, on_delete=models.PROTECT, related_name="corrections"
    )
    reason = models.CharField(_("更正原因"), max_length=200, blank=True)
    recorded_at = models.DateTimeField(_("登记时间"), null=True, blank=True)
    history = HistoricalRecords(excluded_fields=["amount", "sources"])

    scope_paths = ScopePaths(town="household__town", village="household__village", grid="household__grid")

    class Meta:
        verbose_name = _("收入记录")
        verbose_name_plural = verbose_name
        constraints = [
            models.UniqueConstraint(
                fields=["household", "month"],
                condition=models.Q(corrects__isnull=True),
                name="uniq_income_month",
            ),
            models.CheckConstraint(
                condition=models.Q(corrects__isnull=True) | ~models.Q(reason=""),
                name="income_correction_has_reason",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.household_id}/{self.month:%Y-%m}"


def effective_incomes(records) -> dict:
    """{month: the latest row of that month} — corrections win over what they correct."""
    out: dict = {}
    for r in sorted(records, key=lambda r: r.pk):
        out[r.month] = r
    return out


class MeasureKind(models.TextChoices):
    INDUSTRY = "industry", _("产业帮扶")
    EMPLOYMENT = "employment", _("就业帮扶（含公益性岗位）")
    EDUCATION = "education", _("教育帮扶（雨露计划）")
    MEDICAL = "medical", _("医疗保障与救助")
    HOUSING = "housing", _("住房安全保障")
    DIBAO = "dibao", _("低保兜底")
    PREMIUM = "premium", _("代缴保险")
    OTHER = "other", _("其他")


class Measure(models.Model):
    """An assistance measure (帮扶措施) with its responsible cadre (帮扶责任人)."""

    household = models.ForeignKey(Household, on_delete=models.PROTECT, related_name="measures")
    kind = models.CharField(_("措施类型"), max_length=12, choices=MeasureKind.choices)
    description = models.CharField(_("措施内容"), max_length=300)
    cadre = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+", verbose_name=_("帮扶责任人")
    )
    started_on = models.DateField(_("落实日期"))
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, on_delete=models.PROTECT, related_name="+"
    )
    history = HistoricalRecords()

    class Meta:
        verbose_name = _("帮扶措施")
        verbose_name_plural = verbose_name

    def __str__(self) -> str:
        return f"{self.get_kind_display()}: {self.description}"


class Visit(models.Model):
    """A home visit (走访) and what it found; the household's 三保障/饮水/刚性支出 flags follow the latest."""

    household = models.ForeignKey(Household, on_delete=models.PROTECT, related_name="visits")
    visited_on = models.DateField(_("走访日期"))
    by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    note = models.TextField(_("走访情况"), max_length=2000)
    education_secured = models.BooleanField(_("义务教育有保障"), default=False)
    medical_secured = models.BooleanField(_("基本医疗有保障"), default=False)
    housing_secured = models.BooleanField(_("住房安全有保障"), default=False)
    water_secured = models.BooleanField(_("饮水安全有保障"), default=False)
    rigid_expenses_resolved = models.BooleanField(_("刚性支出问题已解决"), default=False)
    history = HistoricalRecords()

    class Meta:
        verbose_name = _("走访记录")
        verbose_name_plural = verbose_name

    def __str__(self) -> str:
        return f"{self.household_id}/{self.visited_on}"


class Programme(models.TextChoices):
    DIBAO = "dibao", _("低保")
    TEKUN = "tekun", _("特困供养（五保）")
    TEMPORARY = "temporary", _("临时救助")
    YULU = "yulu", _("雨露计划")
    PREMIUM = "premium", _("代缴保险")


class Payment(models.Model):
    """Assistance paid to (or on behalf of) a household for one month and programme. Amounts are
    public-money figures summed per programme (and published in 低保公示), so they are not encrypted.

    A correction (更正) is a new row that ``corrects`` the original and holds the difference (amount and
    persons), like a red-ink entry: every sum stays a plain SUM and the original row is never edited."""

    household = models.ForeignKey(Household, on_delete=models.PROTECT, related_name="payments")
    town = models.ForeignKey(Town, on_delete=models.PROTECT, related_name="+")  # for the per-town sums
    programme = models.CharField(_("项目"), max_length=12, choices=Programme.choices)
    month = models.DateField(_("月份"))
    amount = models.DecimalField(_("金额（元）"), max_digits=10, decimal_places=2)
    persons = models.SmallIntegerField(_("享受人数"), default=1)
    source = models.CharField(_("来源"), max_length=120, blank=True)
    entered_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, on_delete=models.PROTECT, related_name="+"
    )
    entered_at = models.DateTimeField(_("登记时间"), null=True, blank=True)
    corrects = models.ForeignKey(
        "self", null=True, blank=True, on_delete=models.PROTECT, related_name="corrections"
    )
    reason = models.CharField(_("更正原因"), max_length=200, blank=True)
    history = HistoricalRecords()

    scope_paths = ScopePaths(town="town", village="household__village", grid="household__grid")

    class Meta:
        verbose_name = _("救助发放")
        verbose_name_plural = verbose_name
        constraints = [
            models.UniqueConstraint(
                fields=["household", "programme", "month"],
                condition=models.Q(corrects__isnull=True),
                name="uniq_payment_month",
            ),
            models.CheckConstraint(
                condition=models.Q(corrects__isnull=True, amount__gt=0, persons__gte=1)
                | (models.Q(corrects__isnull=False) & ~models.Q(reason="") & ~models.Q(amount=0, persons=0)),
                name="payment_amount_positive",
            ),
        ]
        indexes = [models.Index(fields=["town", "programme", "month"])]

    def __str__(self) -> str:
        return f"{self.household_id}/{self.programme}/{self.month:%Y-%m}"

    @property
    def title(self) -> str:
        return f"{self.household.title} · {self.get_programme_display()} {self.month:%Y-%m}"


class Step(models.Model):
    """One workflow step of a household (append-only): who did what, when, and why."""

    household = models.ForeignKey(Household, on_delete=models.PROTECT, related_name="steps")
    transition = models.CharField(max_length=30)
    from_status = models.CharField(max_length=20, blank=True)
    to_status = models.CharField(max_length=20)
    by = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, on_delete=models.PROTECT, related_name="+")
    at = models.DateTimeField()
    note = models.TextField(blank=True)

    class Meta:
        verbose_name = _("识别与帮扶步骤")
        verbose_name_plural = verbose_name
        ordering = ["at", "id"]

    def __str__(self) -> str:
        return f"{self.household_id}: {self.transition}"


class FullView(models.Model):
    """A full view of a sensitive field (append-only): who, when, which field, why. Reviewed by the
    town's data-protection officer (党政办)."""

    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    at = models.DateTimeField()
    household = models.ForeignKey(Household, on_delete=models.PROTECT, related_name="+")
    town = models.ForeignKey(Town, on_delete=models.PROTECT, related_name="+")
    member = models.ForeignKey(Member, null=True, blank=True, on_delete=models.PROTECT, related_name="+")
    field = models.CharField(max_length=30)
    reason = models.CharField(max_length=200)

    class Meta:
        verbose_name = _("敏感信息查看记录")
        verbose_name_plural = verbose_name
        indexes = [models.Index(fields=["town", "at"])]

    def __str__(self) -> str:
        return f"{self.user_id}/{self.household_id}/{self.field}"


class ExportLog(models.Model):
    """A controlled export of personal data (append-only): 公示 lists and the county's national-system file."""

    class Kind(models.TextChoices):
        NOTICE = "notice", _("公示名单")
        NATIONAL = "national", _("全国系统报送")

    kind = models.CharField(max_length=10, choices=Kind.choices)
    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    at = models.DateTimeField()
    town = models.ForeignKey(Town, null=True, blank=True, on_delete=models.PROTECT, related_name="+")
    county_id = models.IntegerField(null=True, blank=True)
    rows = models.PositiveIntegerField()
    reason = models.CharField(max_length=200, blank=True)
    mark = models.CharField(max_length=32)  # the watermark's serial, printed in the file

    class Meta:
        verbose_name = _("导出记录")
        verbose_name_plural = verbose_name

    def __str__(self) -> str:
        return f"{self.kind}/{self.mark}"


class NationalEntry(models.Model):
    """What must be entered (or corrected) in the national monitoring system (全国防返贫监测信息系统,
    DOMAIN.md §9 step 7) and when it was: opened by an approval or by a change after entry, closed
    by county staff who entered it. A household's sync status is read from its open rows."""

    class Kind(models.TextChoices):
        INCLUDE = "include", _("纳入监测")
        ELIMINATE = "eliminate", _("风险消除")
        UPDATE = "update", _("信息变更")

    class State(models.TextChoices):
        PENDING = "pending", _("待录入")
        ENTERED = "entered", _("已录入")

    household = models.ForeignKey(Household, on_delete=models.PROTECT, related_name="national_entries")
    town = models.ForeignKey(Town, on_delete=models.PROTECT, related_name="+")
    kind = models.CharField(_("事项"), max_length=10, choices=Kind.choices)
    reason = models.CharField(_("原因"), max_length=200)
    opened_at = models.DateTimeField(_("产生时间"))
    state = models.CharField(_("状态"), max_length=8, choices=State.choices, default=State.PENDING)
    entered_at = models.DateTimeField(_("录入时间"), null=True, blank=True)
    entered_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )
    note = models.CharField(_("录入说明"), max_length=200, blank=True)
    history = HistoricalRecords()

    class Meta:
        verbose_name = _("全国系统录入")
        verbose_name_plural = verbose_name
        indexes = [models.Index(fields=["town", "state"])]
        constraints = [
            models.UniqueConstraint(
                fields=["household", "kind"],
                condition=models.Q(state="pending"),
                name="uniq_open_national_entry",
            )
        ]

    def __str__(self) -> str:
        return f"{self.household_id}/{self.kind}/{self.state}"
