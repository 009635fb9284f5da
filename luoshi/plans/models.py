"""Annual plans: targets and tasks (a tree), key projects, and livelihood projects chosen by deputies' vote.

Status is never typed: it is derived in ``luoshi.plans.status`` from milestones, progress updates and
dates. The deputies' vote and their satisfaction evaluation are secret polls: encrypted ballots until
sealing, then published in random order without any link to the deputies (docs/voting.md).
"""

from __future__ import annotations

import uuid

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords

from luoshi.economy.models import _validate_credit_code
from luoshi.lib.quantity import format_target
from luoshi.org.models import Town, Unit
from luoshi.org.scoping import ScopePaths

USER = settings.AUTH_USER_MODEL


def _plan_paths(prefix: str = "") -> ScopePaths:
    """Everything in a plan is readable by its town's staff, unit staff and deputies, and the county."""
    town = f"{prefix}town_id"
    return ScopePaths(county=f"{prefix}town__county_id", town=town, unit_town=town, deputy_town=town)


class Plan(models.Model):
    class TimeProgress(models.TextChoices):
        """How 序时进度 is counted: whole months, or working days (holidays and 调休 observed)."""

        MONTHS = "months", _("按月（已过月数 ÷ 12）")
        WORKDAYS = "workdays", _("按工作日（已过工作日 ÷ 全年工作日）")

    town = models.ForeignKey(Town, on_delete=models.PROTECT, related_name="plans", verbose_name=_("乡镇"))
    year = models.PositiveSmallIntegerField(_("年度"))
    title = models.CharField(_("标题"), max_length=200)
    time_progress = models.CharField(
        _("序时进度算法"), max_length=10, choices=TimeProgress.choices, default=TimeProgress.MONTHS
    )
    created_by = models.ForeignKey(
        USER, null=True, blank=True, on_delete=models.SET_NULL, related_name="+", verbose_name=_("创建人")
    )
    created_at = models.DateTimeField(_("创建时间"), auto_now_add=True)
    history = HistoricalRecords()

    scope_paths = _plan_paths()

    class Meta:
        verbose_name = _("年度计划")
        verbose_name_plural = _("年度计划")
        ordering = ["-year", "town__code"]
        constraints = [models.UniqueConstraint(fields=["town", "year"], name="plan_unique_town_year")]

    def __str__(self) -> str:
        return self.title


class Area(models.TextChoices):
    """领域: how the plan board groups items."""

    ECONOMY = "economy", _("经济发展")
    PROJECTS = "projects", _("项目建设")
    RURAL = "rural", _("乡村振兴")
    ECOLOGY = "ecology", _("生态环境")
    LIVELIHOOD = "livelihood", _("民生保障")
    SAFETY = "safety", _("平安建设")
    GOVERNANCE = "governance", _("自身建设")


class Item(models.Model):
    """A plan item: a target (指标), a key task (重点工作) or a sub-task; items form a tree."""

    class Kind(models.TextChoices):
        TARGET = "target", _("指标")
        TASK = "task", _("重点工作")
        SUBTASK = "subtask", _("子任务")

    class Measure(models.TextChoices):
        NONE = "", _("非量化")
        LEVEL = "level", _("总量")
        GROWTH = "growth", _("增速")
        RATE = "rate", _("比率")

    class Qualifier(models.TextChoices):
        NONE = "", _("无")
        ENSURE = "确保", _("确保")
        STRIVE = "力争", _("力争")
        ABOUT = "左右", _("左右")
        ABOVE = "以上", _("以上")
        AT_LEAST = "不少于", _("不少于")

    plan = models.ForeignKey(Plan, on_delete=models.CASCADE, related_name="items", verbose_name=_("计划"))
    parent = models.ForeignKey(
        "self",
        null=True,
        blank=True,
        on_delete=models.CASCADE,
        related_name="children",
        verbose_name=_("上级"),
    )
    kind = models.CharField(_("类别"), max_length=10, choices=Kind.choices, default=Kind.TARGET)
    area = models.CharField(_("领域"), max_length=12, choices=Area.choices, default=Area.ECONOMY)
    name = models.CharField(_("名称"), max_length=300)
    measure = models.CharField(_("度量"), max_length=10, choices=Measure.choices, blank=True, default="")
    unit = models.CharField(_("计量单位"), max_length=20, blank=True)
    target_value = models.FloatField(_("目标值"), null=True, blank=True)
    qualifier = models.CharField(_("限定语"), max_length=6, choices=Qualifier.choices, blank=True, default="")
    actual_value = models.FloatField(_("最新实际值"), null=True, blank=True)
    progress = models.FloatField(_("填报进度(%)"), null=True, blank=True)
    owner_unit = models.ForeignKey(
        Unit,
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="plan_items",
        verbose_name=_("牵头单位"),
    )
    co_units = models.ManyToManyField(
        Unit, blank=True, related_name="co_plan_items", verbose_name=_("配合单位")
    )
    leader = models.ForeignKey(
        USER,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="led_items",
        verbose_name=_("责任领导"),
    )
    start_date = models.DateField(_("开始日期"), null=True, blank=True)
    deadline = models.DateField(_("完成时限"), null=True, blank=True)
    weight = models.FloatField(_("权重"), default=1.0)
    progress_override = models.FloatField(_("人工调整进度(%)"), null=True, blank=True)
    override_reason = models.CharField(_("调整理由"), max_length=300, blank=True)
    done_on = models.DateField(_("完成日期"), null=True, blank=True)
    source_fact = models.ForeignKey(
        "reports.Fact",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="plan_items",
        verbose_name=_("来源事实"),
    )
    source_quote = models.TextField(_("来源原句"), blank=True)
    source_item = models.ForeignKey(
        "reports.ReportItem",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="plan_items",
        verbose_name=_("来源报告事项"),
    )
    # Bound to an indicator, the item's actual comes from it (computed or reported), never typed here;
    # an override with its reason is shown beside the indicator's value (docs/accounts.md).
    indicator = models.ForeignKey(
        "accounts.Indicator",
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="plan_items",
        verbose_name=_("对应指标"),
    )
    actual_override = models.FloatField(_("人工调整实际值"), null=True, blank=True)
    actual_override_reason = models.CharField(_("实际值调整理由"), max_length=300, blank=True)
    order = models.PositiveIntegerField(_("排序"), default=0)
    created_at = models.DateTimeField(_("创建时间"), auto_now_add=True)
    history = HistoricalRecords(m2m_fields=[co_units])

    scope_paths = _plan_paths("plan__")

    class Meta:
        verbose_name = _("计划事项")
        verbose_name_plural = _("计划事项")
        ordering = ["plan", "area", "order", "id"]
        constraints = [
            models.UniqueConstraint(
                fields=["plan", "source_fact"],
                condition=Q(source_fact__isnull=False),
                name="item_one_per_source_fact",
            ),
        ]

    def __str__(self) -> str:
        return self.name

    @property
    def target_label(self) -> str:
        return format_target(
            self.target_value, self.unit, growth=self.measure == self.Measure.GROWTH, qualifier=self.qualifier
        )


class Project(models.Model):
    """A key project (重点项目) or an investment-attraction project (招商项目), tracked through its stages."""

    class Kind(models.TextChoices):
        KEY = "key", _("重点项目")
        INVESTMENT = "investment", _("招商项目")

    class Stage(models.TextChoices):
        LEAD = "lead", _("线索")
        NEGOTIATING = "negotiating", _("在谈")
        SIGNED = "signed", _("签约")
        REGISTERED = "registered", _("注册")
        STARTED = "started", _("开工")
        COMPLETED = "completed", _("竣工")
        PRODUCING = "producing", _("投产")
        ATTAINED = "attained", _("达产/入库")

    plan = models.ForeignKey(Plan, on_delete=models.CASCADE, related_name="projects", verbose_name=_("计划"))
    kind = models.CharField(_("类别"), max_length=12, choices=Kind.choices, default=Kind.KEY)
    name = models.CharField(_("项目名称"), max_length=200)
    investor = models.CharField(_("投资方"), max_length=200, blank=True)
    origin = models.CharField(_("投资方来源地"), max_length=100, blank=True)
    industry = models.CharField(_("产业"), max_length=100, blank=True)
    investment = models.DecimalField(_("总投资(万元)"), max_digits=14, decimal_places=2, default=0)
    annual_plan = models.DecimalField(
        _("年度计划投资(万元)"), max_digits=14, decimal_places=2, null=True, blank=True
    )
    annual_done = models.DecimalField(
        _("年度完成投资(万元)"), max_digits=14, decimal_places=2, null=True, blank=True
    )
    stage = models.CharField(_("当前阶段"), max_length=12, choices=Stage.choices, default=Stage.LEAD)
    owner_unit = models.ForeignKey(
        Unit,
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="plan_projects",
        verbose_name=_("责任单位"),
    )
    leader = models.ForeignKey(
        USER,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="led_projects",
        verbose_name=_("挂钩领导"),
    )
    start_date = models.DateField(_("计划开始"), null=True, blank=True)
    deadline = models.DateField(_("计划完成"), null=True, blank=True)
    target = models.ForeignKey(
        Item,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="projects",
        verbose_name=_("对应指标"),
    )
    template = models.CharField(_("节点模板"), max_length=20, blank=True)
    credit_code = models.CharField(
        _("统一社会信用代码"),
        max_length=18,
        blank=True,
        validators=[_validate_credit_code],
        help_text=_("项目公司注册后填写；投产或入库时据此关联企业名录。"),
    )
    source_item = models.ForeignKey(
        "reports.ReportItem",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="plan_projects",
        verbose_name=_("来源报告事项"),
    )
    baselined_at = models.DateTimeField(_("基线确认时间"), null=True, blank=True)
    created_at = models.DateTimeField(_("创建时间"), auto_now_add=True)
    history = HistoricalRecords()

    scope_paths = _plan_paths("plan__")

    class Meta:
        verbose_name = _("项目")
        verbose_name_plural = _("项目")
        ordering = ["plan", "-investment", "id"]

    def __str__(self) -> str:
        return self.name

    @property
    def stage_index(self) -> int:
        return list(self.Stage.values).index(self.stage)


class ProjectStage(models.Model):
    """The date a project reached a stage (one row per stage reached)."""

    project = models.ForeignKey(
        Project, on_delete=models.CASCADE, related_name="stages", verbose_name=_("项目")
    )
    stage = models.CharField(_("阶段"), max_length=12, choices=Project.Stage.choices)
    date = models.DateField(_("日期"))
    note = models.CharField(_("说明"), max_length=300, blank=True)
    history = HistoricalRecords()

    scope_paths = _plan_paths("project__plan__")

    class Meta:
        verbose_name = _("项目阶段")
        verbose_name_plural = _("项目阶段")
        ordering = ["project", "date"]
        constraints = [models.UniqueConstraint(fields=["project", "stage"], name="project_stage_once")]

    def __str__(self) -> str:
        return f"{self.project_id}:{self.stage}@{self.date}"


class Phase(models.TextChoices):
    """Phases of the livelihood-project round (民生实事票决); transitions live in ``luoshi.plans.livelihood``."""

    COLLECTING = "collecting", _("征集")
    SCREENING = "screening", _("初审筛选")
    CANDIDATES = "candidates", _("确定候选")
    VOTING = "voting", _("大会票决")
    ANNOUNCED = "announced", _("结果公布")
    IMPLEMENTING = "implementing", _("组织实施")
    ACCEPTANCE = "acceptance", _("验收")
    EVALUATION = "evaluation", _("满意度测评")
    CLOSED = "closed", _("办结")


class LivelihoodRound(models.Model):
    """The year's livelihood-project process for one plan: proposals, candidates, the vote and its projects."""

    class Mode(models.TextChoices):
        PAPER = "paper", _("纸质选票")
        ELECTRONIC = "electronic", _("电子表决")

    class Rule(models.TextChoices):
        TOP_N_MAJORITY_ALL = "top_n_majority_all", _("得票超过全体代表半数者中按赞成票取前N项")
        TOP_N_MAJORITY_VALID = "top_n_majority_valid", _("得票超过有效票半数者中按赞成票取前N项")
        TOP_N = "top_n", _("按赞成票取前N项")

    plan = models.OneToOneField(
        Plan, on_delete=models.CASCADE, related_name="livelihood", verbose_name=_("计划")
    )
    session_name = models.CharField(_("会议名称"), max_length=200, blank=True)
    phase = models.CharField(_("阶段"), max_length=14, choices=Phase.choices, default=Phase.COLLECTING)
    mode = models.CharField(_("表决方式"), max_length=10, choices=Mode.choices, default=Mode.ELECTRONIC)
    seats = models.PositiveSmallIntegerField(_("拟确定项目数"), default=5)
    rule = models.CharField(
        _("确定规则"), max_length=24, choices=Rule.choices, default=Rule.TOP_N_MAJORITY_ALL
    )
    deputies_total = models.PositiveIntegerField(_("全体代表人数"), null=True, blank=True)
    quorum = models.PositiveIntegerField(
        _("法定人数"), null=True, blank=True, help_text=_("留空：超过全体代表人数的一半。")
    )
    resolution_no = models.CharField(_("决议文号"), max_length=100, blank=True)
    sealed_at = models.DateTimeField(_("封存时间"), null=True, blank=True)
    sealed_by = models.ForeignKey(
        USER, null=True, blank=True, on_delete=models.SET_NULL, related_name="+", verbose_name=_("封存人")
    )
    seal_hash = models.CharField(_("封存指纹"), max_length=64, blank=True)
    history = HistoricalRecords()

    scope_paths = _plan_paths("plan__")

    class Meta:
        verbose_name = _("民生实事票决")
        verbose_name_plural = _("民生实事票决")

    def __str__(self) -> str:
        return _("%(plan)s 民生实事") % {"plan": self.plan}

    @property
    def is_sealed(self) -> bool:
        return bool(self.seal_hash)


class PhaseEntry(models.Model):
    """When the round entered a phase and who moved it: the dated phases shown on the timeline."""

    round = models.ForeignKey(
        LivelihoodRound, on_delete=models.CASCADE, related_name="phase_entries", verbose_name=_("票决")
    )
    phase = models.CharField(_("阶段"), max_length=14, choices=Phase.choices)
    date = models.DateField(_("日期"))
    by = models.ForeignKey(
        USER, null=True, blank=True, on_delete=models.SET_NULL, related_name="+", verbose_name=_("操作人")
    )
    note = models.CharField(_("说明"), max_length=300, blank=True)
    history = HistoricalRecords()

    scope_paths = _plan_paths("round__plan__")

    class Meta:
        verbose_name = _("阶段记录")
        verbose_name_plural = _("阶段记录")
        ordering = ["round", "date", "id"]

    def __str__(self) -> str:
        return f"{self.get_phase_display()} {self.date}"


class Proposal(models.Model):
    class Source(models.TextChoices):
        PUBLIC = "public", _("群众")
        DEPUTY = "deputy", _("人大代表")
        UNIT = "unit", _("部门、村(社区)")

    class Status(models.TextChoices):
        COLLECTED = "collected", _("已征集")
        REJECTED = "rejected", _("未通过筛选")
        CANDIDATE = "candidate", _("列为候选")

    round = models.ForeignKey(
        LivelihoodRound, on_delete=models.CASCADE, related_name="proposals", verbose_name=_("票决")
    )
    title = models.CharField(_("建议项目"), max_length=200)
    content = models.TextField(_("内容"), blank=True)
    source = models.CharField(_("来源"), max_length=10, choices=Source.choices, default=Source.PUBLIC)
    proposer = models.CharField(_("提出人"), max_length=100, blank=True)
    location = models.CharField(_("地点"), max_length=100, blank=True)
    estimated_cost = models.DecimalField(
        _("估算投资(万元)"), max_digits=12, decimal_places=2, null=True, blank=True
    )
    status = models.CharField(_("状态"), max_length=10, choices=Status.choices, default=Status.COLLECTED)
    source_item = models.ForeignKey(
        "reports.ReportItem",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="livelihood_proposals",
        verbose_name=_("来源报告事项"),
    )
    screening_note = models.CharField(_("筛选意见"), max_length=300, blank=True)
    history = HistoricalRecords()

    scope_paths = _plan_paths("round__plan__")

    class Meta:
        verbose_name = _("民生实事建议")
        verbose_name_plural = _("民生实事建议")
        ordering = ["round", "id"]

    def __str__(self) -> str:
        return self.title


class LivelihoodProject(models.Model):
    """One identity from candidate to evaluated project: its vote record, budget, milestones and acceptance."""

    round = models.ForeignKey(
        LivelihoodRound, on_delete=models.CASCADE, related_name="candidates", verbose_name=_("票决")
    )
    proposal = models.ForeignKey(
        Proposal,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        verbose_name=_("来源建议"),
    )
    name = models.CharField(_("项目名称"), max_length=200)
    content = models.TextField(_("建设内容"), blank=True)
    budget = models.DecimalField(_("预算(万元)"), max_digits=12, decimal_places=2)
    funding = models.CharField(_("资金来源"), max_length=200, blank=True)
    owner_unit = models.ForeignKey(
        Unit, on_delete=models.PROTECT, related_name="livelihood_projects", verbose_name=_("责任单位")
    )
    leader = models.ForeignKey(
        USER, null=True, blank=True, on_delete=models.SET_NULL, related_name="+", verbose_name=_("牵头领导")
    )
    deadline = models.DateField(_("完成时限"), null=True, blank=True)
    # The sealed vote record (copied from the ballots or the confirmed paper tally at sealing).
    agree = models.PositiveIntegerField(_("赞成"), null=True, blank=True)
    disagree = models.PositiveIntegerField(_("反对"), null=True, blank=True)
    abstain = models.PositiveIntegerField(_("弃权"), null=True, blank=True)
    rule_adopted = models.BooleanField(_("按规则当选"), null=True, blank=True)
    adopted = models.BooleanField(_("最终确定"), null=True, blank=True)
    override_reason = models.CharField(_("调整理由"), max_length=300, blank=True)
    accepted_on = models.DateField(_("验收日期"), null=True, blank=True)
    acceptance_note = models.CharField(_("验收意见"), max_length=300, blank=True)
    eval_satisfied = models.PositiveIntegerField(_("满意"), null=True, blank=True)
    eval_basic = models.PositiveIntegerField(_("基本满意"), null=True, blank=True)
    eval_dissatisfied = models.PositiveIntegerField(_("不满意"), null=True, blank=True)
    history = HistoricalRecords()

    scope_paths = _plan_paths("round__plan__")

    class Meta:
        verbose_name = _("民生实事项目")
        verbose_name_plural = _("民生实事项目")
        ordering = ["round", "id"]

    def __str__(self) -> str:
        return self.name

    @property
    def satisfaction_rate(self) -> float | None:
        counts = (self.eval_satisfied, self.eval_basic, self.eval_dissatisfied)
        if any(c is None for c in counts) or not sum(counts):
            return None
        return (self.eval_satisfied + self.eval_basic) / sum(counts)


def _one_owner(name: str) -> models.CheckConstraint:
    """Milestones and updates belong to exactly one of: an item, a project, a livelihood project."""
    return models.CheckConstraint(
        condition=(
            Q(item__isnull=False, project__isnull=True, livelihood__isnull=True)
            | Q(item__isnull=True, project__isnull=False, livelihood__isnull=True)
            | Q(item__isnull=True, project__isnull=True, livelihood__isnull=False)
        ),
        name=name,
    )


class Milestone(models.Model):
    """A planned step with a planned and an actual date, of a plan item, a project or a livelihood project."""

    plan = models.ForeignKey(
        Plan, on_delete=models.CASCADE, related_name="milestones", verbose_name=_("计划")
    )
    item = models.ForeignKey(Item, null=True, blank=True, on_delete=models.CASCADE, related_name="milestones")
    project = models.ForeignKey(
        Project, null=True, blank=True, on_delete=models.CASCADE, related_name="milestones"
    )
    livelihood = models.ForeignKey(
        LivelihoodProject, null=True, blank=True, on_delete=models.CASCADE, related_name="milestones"
    )
    name = models.CharField(_("节点"), max_length=200)
    planned_date = models.DateField(_("计划日期"))
    actual_date = models.DateField(_("实际日期"), null=True, blank=True)
    # Scheduled steps (from a template, see luoshi.plans.schedule): the planned date is the finish.
    planned_start = models.DateField(_("计划开始"), null=True, blank=True)
    duration = models.PositiveSmallIntegerField(_("工期(工作日)"), default=1)
    step = models.CharField(_("模板步骤"), max_length=30, blank=True)
    seq = models.PositiveSmallIntegerField(_("顺序"), default=0)
    baseline_start = models.DateField(_("基线开始"), null=True, blank=True)
    baseline_date = models.DateField(_("基线日期"), null=True, blank=True)
    history = HistoricalRecords()

    scope_paths = _plan_paths("plan__")

    class Meta:
        verbose_name = _("节点")
        verbose_name_plural = _("节点")
        ordering = ["planned_date", "id"]
        constraints = [_one_owner("milestone_has_one_owner")]

    def __str__(self) -> str:
        return self.name


class Update(models.Model):
    """A progress report (weekly dispatch): what was done, how far, and a problem that needs someone to act."""

    plan = models.ForeignKey(Plan, on_delete=models.CASCADE, related_name="updates", verbose_name=_("计划"))
    item = models.ForeignKey(Item, null=True, blank=True, on_delete=models.CASCADE, related_name="updates")
    project = models.ForeignKey(
        Project, null=True, blank=True, on_delete=models.CASCADE, related_name="updates"
    )
    livelihood = models.ForeignKey(
        LivelihoodProject, null=True, blank=True, on_delete=models.CASCADE, related_name="updates"
    )
    date = models.DateField(_("填报日期"))
    text = models.TextField(_("进展情况"))
    progress = models.FloatField(_("形象进度(%)"), null=True, blank=True)
    actual_value = models.FloatField(_("累计完成值"), null=True, blank=True)
    problem = models.CharField(_("存在问题"), max_length=300, blank=True)
    needs_help = models.BooleanField(_("需要协调"), default=False)
    help_from = models.CharField(_("需谁协调"), max_length=100, blank=True)
    resolved_on = models.DateField(_("问题解决日期"), null=True, blank=True)
    # The problem escalated to the county (请示上级协调): the county answers in the case engine and the
    # reply is read from the case, never copied.
    case = models.OneToOneField(
        "cases.Case",
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="plan_update",
        verbose_name=_("向上协调案件"),
    )
    author = models.ForeignKey(
        USER, null=True, blank=True, on_delete=models.SET_NULL, related_name="+", verbose_name=_("填报人")
    )
    created_at = models.DateTimeField(_("创建时间"), auto_now_add=True)
    history = HistoricalRecords()

    scope_paths = _plan_paths("plan__")

    class Meta:
        verbose_name = _("进展")
        verbose_name_plural = _("进展")
        ordering = ["-date", "-id"]
        constraints = [_one_owner("update_has_one_owner")]

    def __str__(self) -> str:
        return f"{self.date} {self.text[:30]}"

    @property
    def is_open_problem(self) -> bool:
        return self.needs_help and self.resolved_on is None


class PaperTally(models.Model):
    """The counted paper ballots: entered by one person, confirmed by another."""

    round = models.OneToOneField(
        LivelihoodRound, on_delete=models.CASCADE, related_name="paper_tally", verbose_name=_("票决")
    )
    issued = models.PositiveIntegerField(_("发出选票"))
    returned = models.PositiveIntegerField(_("收回选票"))
    valid = models.PositiveIntegerField(_("有效票"))
    invalid = models.PositiveIntegerField(_("无效票"))
    entered_by = models.ForeignKey(USER, on_delete=models.PROTECT, related_name="+", verbose_name=_("录入人"))
    entered_at = models.DateTimeField(_("录入时间"), auto_now=True)
    confirmed_by = models.ForeignKey(
        USER, null=True, blank=True, on_delete=models.PROTECT, related_name="+", verbose_name=_("复核人")
    )
    confirmed_at = models.DateTimeField(_("复核时间"), null=True, blank=True)
    history = HistoricalRecords()

    scope_paths = _plan_paths("round__plan__")

    class Meta:
        verbose_name = _("纸质选票计票")
        verbose_name_plural = _("纸质选票计票")

    def __str__(self) -> str:
        return f"{self.round_id}: {self.valid}/{self.returned}/{self.issued}"


class PaperCandidateTally(models.Model):
    tally = models.ForeignKey(
        PaperTally, on_delete=models.CASCADE, related_name="rows", verbose_name=_("计票")
    )
    candidate = models.ForeignKey(
        LivelihoodProject, on_delete=models.CASCADE, related_name="+", verbose_name=_("候选项目")
    )
    agree = models.PositiveIntegerField(_("赞成"))
    disagree = models.PositiveIntegerField(_("反对"))
    abstain = models.PositiveIntegerField(_("弃权"))
    history = HistoricalRecords()

    scope_paths = _plan_paths("tally__round__plan__")

    class Meta:
        verbose_name = _("候选项目计票")
        verbose_name_plural = _("候选项目计票")
        constraints = [models.UniqueConstraint(fields=["tally", "candidate"], name="paper_row_once")]

    def __str__(self) -> str:
        return f"{self.candidate_id}: {self.agree}/{self.disagree}/{self.abstain}"


class VoteOverride(models.Model):
    """A recorded departure from the adoption rule, with its reason; the rule's result stays visible."""

    round = models.ForeignKey(
        LivelihoodRound, on_delete=models.CASCADE, related_name="overrides", verbose_name=_("票决")
    )
    candidate = models.ForeignKey(
        LivelihoodProject, on_delete=models.CASCADE, related_name="overrides", verbose_name=_("候选项目")
    )
    adopted = models.BooleanField(_("调整为确定"))
    reason = models.CharField(_("理由"), max_length=300)
    by = models.ForeignKey(USER, on_delete=models.PROTECT, related_name="+", verbose_name=_("操作人"))
    at = models.DateTimeField(_("时间"), auto_now_add=True)
    history = HistoricalRecords()

    scope_paths = _plan_paths("round__plan__")

    class Meta:
        verbose_name = _("票决结果调整")
        verbose_name_plural = _("票决结果调整")

    def __str__(self) -> str:
        return f"{self.candidate_id}: {self.adopted}"


# --- Secret polls: the deputies' vote and their satisfaction evaluation (docs/voting.md) -------------
# The three ballot tables deliberately have NO HistoricalRecords (history rows carry the user and a
# timestamp), no timestamp and no user column besides the participation's deputy. The only join between
# them is the poll.


class Poll(models.Model):
    """One secret poll of a round: the project vote (票决) or the satisfaction evaluation (满意度测评).

    ``items`` fixes the ballot's order of candidates at creation. Opening stores only the public key
    derived from the chair's round code and its KDF salt/parameters; the code itself is never stored.
    """

    class Kind(models.TextChoices):
        VOTE = "vote", _("项目票决")
        EVALUATION = "evaluation", _("满意度测评")

    round = models.ForeignKey(
        LivelihoodRound, on_delete=models.CASCADE, related_name="polls", verbose_name=_("票决")
    )
    kind = models.CharField(_("类别"), max_length=10, choices=Kind.choices)
    items = models.JSONField(_("表决事项"), default=list)
    expected = models.PositiveIntegerField(_("应到代表"))
    quorum = models.PositiveIntegerField(_("法定人数"))
    chair = models.ForeignKey(
        USER, null=True, blank=True, on_delete=models.SET_NULL, related_name="+", verbose_name=_("主持人")
    )
    public_key = models.CharField(_("公钥"), max_length=64, blank=True)
    kdf_salt = models.CharField(_("密钥派生盐"), max_length=64, blank=True)
    kdf_ops = models.PositiveIntegerField(default=0)
    kdf_mem = models.PositiveIntegerField(default=0)
    opened_at = models.DateTimeField(_("开启时间"), null=True, blank=True)
    opened_by = models.ForeignKey(
        USER, null=True, blank=True, on_delete=models.SET_NULL, related_name="+", verbose_name=_("开启人")
    )
    sealed_at = models.DateTimeField(_("封存时间"), null=True, blank=True)
    sealed_by = models.ForeignKey(
        USER, null=True, blank=True, on_delete=models.SET_NULL, related_name="+", verbose_name=_("封存人")
    )
    seal_hash = models.CharField(_("封存指纹"), max_length=64, blank=True)
    reset_reason = models.CharField(_("作废重开理由"), max_length=300, blank=True)
    history = HistoricalRecords()

    scope_paths = _plan_paths("round__plan__")

    class Meta:
        verbose_name = _("无记名表决")
        verbose_name_plural = _("无记名表决")
        ordering = ["round", "kind"]
        constraints = [models.UniqueConstraint(fields=["round", "kind"], name="one_poll_per_kind")]

    def __str__(self) -> str:
        return f"{self.round} · {self.get_kind_display()}"

    @property
    def is_open(self) -> bool:
        return bool(self.public_key) and not self.seal_hash

    @property
    def is_sealed(self) -> bool:
        return bool(self.seal_hash)


class PollParticipation(models.Model):
    """That a deputy has taken part in a poll (as public as signing in at the hall). No ballot, no time."""

    poll = models.ForeignKey(Poll, on_delete=models.CASCADE, related_name="participations")
    deputy = models.ForeignKey(USER, on_delete=models.PROTECT, related_name="+")

    scope_paths = _plan_paths("poll__round__plan__")

    class Meta:
        verbose_name = _("参加表决记录")
        verbose_name_plural = _("参加表决记录")
        constraints = [models.UniqueConstraint(fields=["poll", "deputy"], name="one_ballot_per_deputy")]

    def __str__(self) -> str:
        return f"poll {self.poll_id}"


class SealedBallot(models.Model):
    """A cast ballot encrypted to the poll's public key; deleted (and its space reclaimed) at sealing."""

    id = models.UUIDField(primary_key=True, default=uuid.uuid4, editable=False)
    poll = models.ForeignKey(Poll, on_delete=models.CASCADE, related_name="sealed")
    ciphertext = models.BinaryField()

    class Meta:
        verbose_name = _("加密选票")
        verbose_name_plural = _("加密选票")

    def __str__(self) -> str:
        return str(self.id)


class PublishedBallot(models.Model):
    """A decrypted ballot, written at sealing in random order under a random key: tracker, nonce, choices.

    ``choices`` holds one digit per item of the poll (0/1/2: agree/disagree/abstain or
    satisfied/basic/dissatisfied), so anyone can recount and recompute the tracker.
    """

    id = models.UUIDField(primary_key=True, default=uuid.uuid4, editable=False)
    poll = models.ForeignKey(Poll, on_delete=models.CASCADE, related_name="published")
    tracker = models.CharField(_("选票追踪码"), max_length=16)
    nonce = models.CharField(max_length=32)
    choices = models.CharField(max_length=255)

    scope_paths = _plan_paths("poll__round__plan__")

    class Meta:
        verbose_name = _("公布的选票")
        verbose_name_plural = _("公布的选票")
        constraints = [models.UniqueConstraint(fields=["poll", "tracker"], name="tracker_once_per_poll")]

    def __str__(self) -> str:
        return self.tracker


class MilestoneLink(models.Model):
    """Finish-to-start dependency between two milestones of one project, with a lag in working days."""

    pred = models.ForeignKey(Milestone, on_delete=models.CASCADE, related_name="succ_links")
    succ = models.ForeignKey(Milestone, on_delete=models.CASCADE, related_name="pred_links")
    lag = models.PositiveSmallIntegerField(_("间隔(工作日)"), default=0)
    history = HistoricalRecords()

    scope_paths = _plan_paths("succ__plan__")

    class Meta:
        verbose_name = _("节点依赖")
        verbose_name_plural = _("节点依赖")
        constraints = [models.UniqueConstraint(fields=["pred", "succ"], name="milestone_link_once")]

    def __str__(self) -> str:
        return f"{self.pred_id}→{self.succ_id}+{self.lag}"


class Meeting(models.Model):
    """A dispatch meeting (调度会) for a date and a scope: the whole town, one leader's or one unit's projects."""

    plan = models.ForeignKey(Plan, on_delete=models.CASCADE, related_name="meetings", verbose_name=_("计划"))
    date = models.DateField(_("会议日期"))
    title = models.CharField(_("会议名称"), max_length=200)
    leader = models.ForeignKey(
        USER, null=True, blank=True, on_delete=models.SET_NULL, related_name="+", verbose_name=_("分管领导")
    )
    unit = models.ForeignKey(
        Unit, null=True, blank=True, on_delete=models.PROTECT, related_name="+", verbose_name=_("责任单位")
    )
    chair = models.CharField(_("主持人"), max_length=100, blank=True)
    attendees = models.TextField(_("参会人员"), blank=True)
    summary = models.TextField(_("会议纪要"), blank=True)
    created_by = models.ForeignKey(
        USER, null=True, blank=True, on_delete=models.SET_NULL, related_name="+", verbose_name=_("创建人")
    )
    created_at = models.DateTimeField(_("创建时间"), auto_now_add=True)
    history = HistoricalRecords()

    scope_paths = _plan_paths("plan__")

    class Meta:
        verbose_name = _("调度会")
        verbose_name_plural = _("调度会")
        ordering = ["-date", "-id"]

    def __str__(self) -> str:
        return self.title


class Decision(models.Model):
    """A decision of a dispatch meeting (议定事项): a task with an owner and a deadline, tracked to done."""

    meeting = models.ForeignKey(
        Meeting, on_delete=models.CASCADE, related_name="decisions", verbose_name=_("调度会")
    )
    project = models.ForeignKey(
        Project,
        null=True,
        blank=True,
        on_delete=models.CASCADE,
        related_name="decisions",
        verbose_name=_("项目"),
    )
    update = models.ForeignKey(
        Update,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="decisions",
        verbose_name=_("问题"),
    )
    text = models.TextField(_("议定事项"))
    owner_unit = models.ForeignKey(
        Unit, on_delete=models.PROTECT, related_name="+", verbose_name=_("责任单位")
    )
    owner = models.ForeignKey(
        USER, null=True, blank=True, on_delete=models.SET_NULL, related_name="+", verbose_name=_("责任人")
    )
    deadline = models.DateField(_("完成时限"))
    done_on = models.DateField(_("完成日期"), null=True, blank=True)
    done_note = models.CharField(_("办理结果"), max_length=300, blank=True)
    history = HistoricalRecords()

    scope_paths = _plan_paths("meeting__plan__")

    class Meta:
        verbose_name = _("议定事项")
        verbose_name_plural = _("议定事项")
        ordering = ["deadline", "id"]

    def __str__(self) -> str:
        return self.text[:40]
