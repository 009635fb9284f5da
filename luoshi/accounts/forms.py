"""Forms: input validation only; writes go through ``luoshi.accounts.services``."""

from __future__ import annotations

from django import forms
from django.utils.translation import gettext_lazy as _

from luoshi.accounts.models import Indicator, Measure, PeriodKind, Source


class ValueForm(forms.Form):
    indicator = forms.ModelChoiceField(label=_("指标"), queryset=Indicator.objects.none())
    town = forms.ModelChoiceField(label=_("乡镇"), queryset=None)
    period = forms.CharField(
        label=_("统计期"),
        max_length=20,
        help_text=_("年度 2026，季度 2026-Q3，月度 2026-09（累计指标即 1-9 月）。"),
    )
    value = forms.FloatField(label=_("数值"))
    source_document = forms.CharField(
        label=_("来源文件"),
        max_length=300,
        required=False,
        help_text=_("统计报送必填，例如：县统计局《2026年1-9月统计月报》。"),
    )
    note = forms.CharField(
        label=_("说明"),
        required=False,
        widget=forms.Textarea(attrs={"rows": 2}),
        help_text=_("人工填报须填写说明或上传佐证。"),
    )
    evidence = forms.FileField(label=_("佐证材料"), required=False)

    def __init__(self, *args, towns, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["town"].queryset = towns
        self.fields["indicator"].queryset = Indicator.objects.filter(is_active=True).exclude(
            source=Source.COMPUTED
        )


class IndicatorForm(forms.ModelForm):
    """A town's own indicator (when no catalogue entry fits)."""

    aliases_text = forms.CharField(label=_("别名"), required=False, help_text=_("用顿号或逗号分隔。"))

    class Meta:
        model = Indicator
        fields = [
            "code",
            "name",
            "unit",
            "measure",
            "definition",
            "period",
            "cumulative",
            "source",
            "source_body",
            "unit_code",
        ]
        widgets = {"definition": forms.Textarea(attrs={"rows": 2})}

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["source"].choices = [
            (Source.REPORTED, Source.REPORTED.label),
            (Source.MANUAL, Source.MANUAL.label),
        ]
        self.fields["measure"].choices = Measure.choices
        self.fields["period"].choices = PeriodKind.choices
        self.fields["unit_code"].help_text = _(
            "该站所人员可填报本镇此指标的数值（填写站所的代码）；留空则仅党政办、镇领导可填报。"
        )

    def clean_aliases_text(self):
        text = self.cleaned_data["aliases_text"]
        parts = [p.strip() for p in text.replace("，", ",").replace("、", ",").split(",")]
        return [p[:50] for p in parts if p]


class ImportUploadForm(forms.Form):
    file = forms.FileField(label=_("数据文件（.xlsx）"))

    def clean_file(self):
        f = self.cleaned_data["file"]
        if not f.name.lower().endswith(".xlsx"):
            raise forms.ValidationError(_("请上传 .xlsx 格式的 Excel 文件。"))
        return f
