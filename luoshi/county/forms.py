from django import forms
from django.utils.translation import gettext_lazy as _

from luoshi.accounts.models import Indicator
from luoshi.county.models import Adjustment, Group, Line, Rule, Scheme
from luoshi.org.models import Town


class AdjustmentForm(forms.Form):
    town = forms.ModelChoiceField(queryset=Town.objects.none(), label=_("乡镇"))
    kind = forms.ChoiceField(choices=Adjustment.Kind.choices, label=_("类型"))
    points = forms.FloatField(label=_("分值"), required=False, min_value=0, max_value=100)
    reason = forms.CharField(label=_("事由"), max_length=300)
    document = forms.CharField(label=_("依据文件"), max_length=200, required=False)

    def __init__(self, *args, scheme=None, **kwargs):
        super().__init__(*args, **kwargs)
        if scheme is not None:
            self.fields["town"].queryset = Town.objects.filter(pk__in=scheme.towns.values("town_id"))


class ObjectionForm(forms.Form):
    text = forms.CharField(label=_("异议理由"), widget=forms.Textarea(attrs={"rows": 4}), max_length=4000)


class DecisionForm(forms.Form):
    upheld = forms.TypedChoiceField(
        label=_("结论"),
        choices=[("1", _("异议成立")), ("0", _("异议不成立"))],
        coerce=lambda v: v == "1",
    )
    answer = forms.CharField(label=_("答复意见"), widget=forms.Textarea(attrs={"rows": 4}), max_length=4000)


class SchemeForm(forms.ModelForm):
    """A new scheme (every field) or a draft's settings (kind, year and quarter fixed once created)."""

    class Meta:
        model = Scheme
        fields = ["name", "kind", "year", "quarter", "pass_score", "bonus_cap", "objection_days", "document"]
        widgets = {"quarter": forms.Select(choices=[(0, "—"), (1, "1"), (2, "2"), (3, "3"), (4, "4")])}

    def __init__(self, *args, editing: bool = False, **kwargs):
        super().__init__(*args, **kwargs)
        if editing:
            for name in ("kind", "year", "quarter"):
                del self.fields[name]
        self.fields["pass_score"].min_value = 0
        self.fields["pass_score"].max_value = 100
        self.fields["pass_score"].widget.attrs.update(min=0, max=100)

    def clean(self):
        data = super().clean()
        if "kind" in self.fields and data.get("kind") and data.get("year"):
            quarter = data.get("quarter") or 0
            if data["kind"] == Scheme.Kind.QUARTER and not 1 <= quarter <= 4:
                self.add_error("quarter", _("季度竞赛须指定第1–4季度。"))
            if data["kind"] == Scheme.Kind.ANNUAL and quarter:
                self.add_error("quarter", _("年度考核不指定季度。"))
        return data

    def _post_clean(self):  # the service validates and saves; the form only checks the input
        pass


def _float_list(text: str) -> list[list[float]]:
    """``1.0:1.0, 0.9:0.8`` → [[1.0, 1.0], [0.9, 0.8]] (completion reached : share of the weight)."""
    steps = []
    for part in (text or "").replace("，", ",").replace("：", ":").split(","):
        part = part.strip()
        if not part:
            continue
        reach, sep, share = part.partition(":")
        if not sep:
            raise forms.ValidationError(_("分档“%(p)s”缺少冒号。") % {"p": part})
        try:
            steps.append([float(reach), float(share)])
        except ValueError as exc:
            raise forms.ValidationError(
                _("分档“%(p)s”应写成 完成率:得分比例，例如 1.0:1.0, 0.9:0.8。") % {"p": part}
            ) from exc
    return sorted(steps, reverse=True)


class LineForm(forms.Form):
    indicator = forms.ModelChoiceField(queryset=Indicator.objects.none(), label=_("指标"))
    group = forms.ChoiceField(choices=Group.choices, label=_("类别"))
    weight = forms.FloatField(label=_("分值(权重)"), min_value=0, max_value=100)
    rule = forms.ChoiceField(choices=Rule.choices, label=_("计分规则"))
    target = forms.FloatField(label=_("目标值(各类通用)"), required=False)
    target_1 = forms.FloatField(label=_("一类乡镇目标值"), required=False)
    target_2 = forms.FloatField(label=_("二类乡镇目标值"), required=False)
    target_3 = forms.FloatField(label=_("三类乡镇目标值"), required=False)
    cap = forms.FloatField(label=_("完成率封顶"), initial=1.2, min_value=1, max_value=10)
    lower_is_better = forms.BooleanField(label=_("越低越好"), required=False)
    thresholds = forms.CharField(
        label=_("分档"),
        required=False,
        max_length=300,
        help_text=_("仅分档计分：完成率:得分比例，逗号分隔，例如 1.0:1.0, 0.9:0.8, 0.8:0.5"),
    )

    def __init__(self, *args, line: Line | None = None, **kwargs):
        if line is not None:  # also when posted: a disabled field takes its value from here
            kwargs["initial"] = {
                "indicator": line.indicator_id,
                "group": line.group,
                "weight": line.weight,
                "rule": line.rule,
                "target": line.target,
                **{f"target_{k}": v for k, v in (line.targets or {}).items()},
                "cap": line.cap,
                "lower_is_better": line.lower_is_better,
                "thresholds": ", ".join(f"{a:g}:{b:g}" for a, b in line.thresholds or []),
            }
        super().__init__(*args, **kwargs)
        self.fields["indicator"].queryset = Indicator.objects.filter(
            town__isnull=True, is_active=True
        ).order_by("code")
        if line is not None:  # a line keeps its indicator: another indicator is another line
            self.fields["indicator"].disabled = True

    def clean_thresholds(self):
        return _float_list(self.cleaned_data.get("thresholds", ""))

    def service_fields(self) -> dict:
        d = self.cleaned_data
        return {
            "group": d["group"],
            "weight": d["weight"],
            "rule": d["rule"],
            "target": d["target"],
            "targets": {str(k): d[f"target_{k}"] for k in (1, 2, 3) if d.get(f"target_{k}") is not None},
            "cap": d["cap"],
            "lower_is_better": d["lower_is_better"],
            "thresholds": d["thresholds"],
        }
