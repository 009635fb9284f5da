"""Forms: input validation only; writes go through ``luoshi.plans.services``."""

from __future__ import annotations

from django import forms
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from luoshi.accounts.models import Indicator
from luoshi.org.models import Unit, User
from luoshi.org.roles import Role
from luoshi.plans.models import Item, LivelihoodRound, Plan, Project, Proposal
from luoshi.plans.services import PROJECT_FIELDS

DATE = forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d")


def _town_units(town):
    return Unit.objects.filter(town=town, is_active=True).order_by("code")


def _town_leaders(town):
    return User.objects.filter(roles__role=Role.LEADER, roles__town=town).distinct()


class PlanForm(forms.Form):
    town = forms.ModelChoiceField(label=_("乡镇"), queryset=None)
    year = forms.IntegerField(label=_("年度"), min_value=2000, max_value=2100)
    title = forms.CharField(label=_("标题"), max_length=200, required=False)
    time_progress = forms.ChoiceField(
        label=_("序时进度算法"), choices=Plan.TimeProgress.choices, initial=Plan.TimeProgress.MONTHS
    )

    def __init__(self, *args, towns, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["town"].queryset = towns
        self.fields["year"].initial = timezone.localdate().year


class TimeProgressForm(forms.Form):
    time_progress = forms.ChoiceField(label=_("序时进度算法"), choices=Plan.TimeProgress.choices)


class ItemForm(forms.ModelForm):
    class Meta:
        model = Item
        fields = [
            "kind",
            "parent",
            "area",
            "name",
            "measure",
            "target_value",
            "unit",
            "qualifier",
            "indicator",
            "owner_unit",
            "co_units",
            "leader",
            "start_date",
            "deadline",
            "weight",
        ]
        widgets = {"start_date": DATE, "deadline": DATE, "co_units": forms.CheckboxSelectMultiple}

    def __init__(self, *args, plan: Plan, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["owner_unit"].queryset = _town_units(plan.town)
        self.fields["co_units"].queryset = _town_units(plan.town)
        self.fields["leader"].queryset = _town_leaders(plan.town)
        parents = plan.items.exclude(kind=Item.Kind.SUBTASK)
        if self.instance.pk:
            parents = parents.exclude(pk=self.instance.pk)
        self.fields["parent"].queryset = parents
        self.fields["indicator"].queryset = Indicator.objects.filter(
            Q(town__isnull=True) | Q(town=plan.town), is_active=True
        ).order_by("source", "name")
        self.fields["indicator"].help_text = _(
            "对应指标后，实际值和序时进度取自指标（系统计算或统计报送），不再手工填报。"
        )


class ProjectForm(forms.ModelForm):
    class Meta:
        model = Project
        fields = list(PROJECT_FIELDS)
        widgets = {"start_date": DATE, "deadline": DATE}

    def __init__(self, *args, plan: Plan, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["owner_unit"].queryset = _town_units(plan.town)
        self.fields["leader"].queryset = _town_leaders(plan.town)
        self.fields["target"].queryset = plan.items.filter(kind=Item.Kind.TARGET)


class StageForm(forms.Form):
    stage = forms.ChoiceField(label=_("阶段"), choices=Project.Stage.choices)
    date = forms.DateField(label=_("日期"), widget=DATE)
    note = forms.CharField(label=_("说明"), max_length=300, required=False)


class MilestoneForm(forms.Form):
    name = forms.CharField(label=_("节点"), max_length=200)
    planned_date = forms.DateField(label=_("计划日期"), widget=DATE)


class MilestoneDoneForm(forms.Form):
    actual_date = forms.DateField(label=_("实际完成日期"), widget=DATE, required=False)


class UpdateForm(forms.Form):
    date = forms.DateField(label=_("填报日期"), widget=DATE)
    text = forms.CharField(label=_("进展情况"), widget=forms.Textarea(attrs={"rows": 2}))
    progress = forms.FloatField(label=_("形象进度(%)"), min_value=0, max_value=100, required=False)
    actual_value = forms.FloatField(label=_("累计完成值"), required=False)
    problem = forms.CharField(label=_("存在问题"), max_length=300, required=False)
    needs_help = forms.BooleanField(label=_("需要协调"), required=False)
    help_from = forms.CharField(label=_("需谁协调"), max_length=100, required=False)

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["date"].initial = timezone.localdate()


class ActualOverrideForm(forms.Form):
    value = forms.FloatField(label=_("调整后的实际值"), required=False)
    reason = forms.CharField(label=_("调整理由"), max_length=300, required=False)


class OverrideForm(forms.Form):
    progress = forms.FloatField(label=_("人工调整进度(%)"), min_value=0, max_value=100, required=False)
    reason = forms.CharField(label=_("调整理由"), max_length=300, required=False)


class RoundForm(forms.ModelForm):
    class Meta:
        model = LivelihoodRound
        fields = ["session_name", "seats", "mode", "rule", "deputies_total", "quorum"]
        help_texts = {
            "deputies_total": _("留空则在开始票决时按本镇人大代表账号数确定。"),
            "quorum": _("参加表决的代表达到此人数才能封存结果；留空：超过全体代表人数的一半。"),
        }


class ProposalForm(forms.ModelForm):
    class Meta:
        model = Proposal
        fields = ["title", "content", "source", "proposer", "location", "estimated_cost"]
        widgets = {"content": forms.Textarea(attrs={"rows": 2})}


class ScreenForm(forms.Form):
    accept = forms.TypedChoiceField(
        label=_("筛选结论"),
        coerce=lambda v: v == "1",
        choices=[("1", _("列为候选项目")), ("0", _("不予采纳"))],
    )
    note = forms.CharField(label=_("筛选意见"), max_length=300, required=False)
    budget = forms.DecimalField(label=_("预算(万元)"), max_digits=12, decimal_places=2, required=False)
    owner_unit = forms.ModelChoiceField(label=_("责任单位"), queryset=Unit.objects.none(), required=False)

    def __init__(self, *args, town, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["owner_unit"].queryset = _town_units(town)


class CandidateForm(forms.Form):
    name = forms.CharField(label=_("项目名称"), max_length=200)
    content = forms.CharField(label=_("建设内容"), widget=forms.Textarea(attrs={"rows": 2}), required=False)
    budget = forms.DecimalField(label=_("预算(万元)"), max_digits=12, decimal_places=2, min_value=0)
    funding = forms.CharField(label=_("资金来源"), max_length=200, required=False)
    owner_unit = forms.ModelChoiceField(label=_("责任单位"), queryset=Unit.objects.none())
    deadline = forms.DateField(label=_("完成时限"), widget=DATE, required=False)

    def __init__(self, *args, town, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["owner_unit"].queryset = _town_units(town)


class PaperTallyForm(forms.Form):
    issued = forms.IntegerField(label=_("发出选票"), min_value=0)
    returned = forms.IntegerField(label=_("收回选票"), min_value=0)
    valid = forms.IntegerField(label=_("有效票"), min_value=0)
    invalid = forms.IntegerField(label=_("无效票"), min_value=0)

    def __init__(self, *args, candidates, **kwargs):
        super().__init__(*args, **kwargs)
        self.candidates = list(candidates)
        for c in self.candidates:
            for choice, label in (("agree", _("赞成")), ("disagree", _("反对")), ("abstain", _("弃权"))):
                self.fields[f"c{c.pk}_{choice}"] = forms.IntegerField(label=f"{c.name} {label}", min_value=0)

    def rows(self) -> dict[int, tuple[int, int, int]]:
        d = self.cleaned_data
        return {
            c.pk: (d[f"c{c.pk}_agree"], d[f"c{c.pk}_disagree"], d[f"c{c.pk}_abstain"])
            for c in self.candidates
        }

    def candidate_fields(self):
        return [
            (c, [self[f"c{c.pk}_{x}"] for x in ("agree", "disagree", "abstain")]) for c in self.candidates
        ]


class BallotForm(forms.Form):
    """One radio group per item of a secret poll; ``options`` are (value, label) pairs of the poll's kind."""

    def __init__(self, *args, items, options, **kwargs):
        super().__init__(*args, **kwargs)
        self.items = list(items)
        for c in self.items:
            self.fields[f"c{c.pk}"] = forms.ChoiceField(
                label=c.name, widget=forms.RadioSelect, choices=options
            )

    def choices(self) -> dict[str, str]:
        return {str(c.pk): self.cleaned_data[f"c{c.pk}"] for c in self.items}


class PollConfigForm(forms.Form):
    chair = forms.ModelChoiceField(
        label=_("主持人（主席团成员）"),
        queryset=User.objects.none(),
        help_text=_("由主持人开启表决并领取会议码；封存结果时须输入会议码。"),
    )
    quorum = forms.IntegerField(label=_("法定人数"), min_value=1)

    def __init__(self, *args, deputies, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["chair"].queryset = deputies


class SealForm(forms.Form):
    code = forms.CharField(
        label=_("会议码"),
        max_length=40,
        widget=forms.TextInput(
            attrs={"autocomplete": "off", "autocapitalize": "characters", "spellcheck": "false"}
        ),
    )


class ResetForm(forms.Form):
    reason = forms.CharField(label=_("作废重开理由"), max_length=300)


class VoteOverrideForm(forms.Form):
    candidate = forms.IntegerField(widget=forms.HiddenInput)
    adopted = forms.TypedChoiceField(
        label=_("调整为"), coerce=lambda v: v == "1", choices=[("1", _("确定实施")), ("0", _("不予确定"))]
    )
    reason = forms.CharField(label=_("理由"), max_length=300)


class AcceptForm(forms.Form):
    on = forms.DateField(label=_("验收日期"), widget=DATE)
    note = forms.CharField(label=_("验收意见"), max_length=300, required=False)


# --- Schedules and dispatch meetings --------------------------------------------------------------


class ScheduleForm(forms.Form):
    """A template laid out backwards from a promised date (倒排) or forwards from a start date."""

    template = forms.ChoiceField(label=_("节点模板"))
    mode = forms.ChoiceField(
        label=_("排期方式"),
        choices=[("backward", _("倒排：从承诺日期往前排")), ("forward", _("顺排：从开始日期往后排"))],
        initial="backward",
    )
    anchor = forms.ChoiceField(label=_("承诺节点（倒排）"), required=False)
    on = forms.DateField(label=_("承诺日期 / 开始日期"), widget=DATE)

    def __init__(self, *args, **kwargs):
        from luoshi.plans.milestone_templates import TEMPLATES, template_choices

        super().__init__(*args, **kwargs)
        self.fields["template"].choices = template_choices()
        self.fields["anchor"].choices = [("", _("模板默认（最后一个节点）"))] + [
            (s.key, f"{t.label} · {s.name}") for t in TEMPLATES.values() for s in t.steps
        ]


class MoveForm(forms.Form):
    date = forms.DateField(label=_("新的计划完成日期"), widget=DATE)


class MeetingForm(forms.Form):
    date = forms.DateField(label=_("会议日期"), widget=DATE)
    title = forms.CharField(label=_("会议名称"), max_length=200, required=False)
    leader = forms.ModelChoiceField(label=_("分管领导（只看其挂钩项目）"), queryset=None, required=False)
    unit = forms.ModelChoiceField(label=_("责任单位（只看其项目）"), queryset=None, required=False)
    chair = forms.CharField(label=_("主持人"), max_length=100, required=False)
    attendees = forms.CharField(label=_("参会人员"), widget=forms.Textarea(attrs={"rows": 2}), required=False)

    def __init__(self, *args, plan, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["leader"].queryset = _town_leaders(plan.town)
        self.fields["unit"].queryset = _town_units(plan.town)


class MinutesForm(forms.Form):
    chair = forms.CharField(label=_("主持人"), max_length=100, required=False)
    attendees = forms.CharField(label=_("参会人员"), widget=forms.Textarea(attrs={"rows": 2}), required=False)
    summary = forms.CharField(label=_("会议纪要"), widget=forms.Textarea(attrs={"rows": 5}), required=False)


class DecisionForm(forms.Form):
    text = forms.CharField(label=_("议定事项"), widget=forms.Textarea(attrs={"rows": 2}))
    owner_unit = forms.ModelChoiceField(label=_("责任单位"), queryset=None)
    deadline = forms.DateField(label=_("完成时限"), widget=DATE)
    project = forms.ModelChoiceField(label=_("项目"), queryset=None, required=False)
    update = forms.IntegerField(widget=forms.HiddenInput, required=False, min_value=1, max_value=2**31 - 1)

    def __init__(self, *args, plan, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["owner_unit"].queryset = _town_units(plan.town)
        self.fields["project"].queryset = plan.projects.order_by("name")


class DecisionCloseForm(forms.Form):
    done_note = forms.CharField(label=_("办理结果"), max_length=300)
