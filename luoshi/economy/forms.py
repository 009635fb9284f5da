"""Forms of the economy desk: register an enterprise, log a visit (from a phone), upload a feed."""

from __future__ import annotations

from django import forms
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from luoshi.cases.models import Category
from luoshi.economy.models import Feed, FeedSource, Scale, Visit
from luoshi.org.models import Grid, Village


class EnterpriseForm(forms.Form):
    town = forms.ModelChoiceField(queryset=None, label=_("乡镇"))
    credit_code = forms.CharField(label=_("统一社会信用代码"), max_length=30)
    name = forms.CharField(label=_("企业名称"), max_length=100)
    industry = forms.CharField(label=_("行业代码"), max_length=5, help_text=_("GB/T 4754，例如 C3311。"))
    village = forms.ModelChoiceField(queryset=Village.objects.none(), required=False, label=_("村(社区)"))
    grid = forms.ModelChoiceField(queryset=Grid.objects.none(), required=False, label=_("网格"))
    address = forms.CharField(label=_("地址"), max_length=200, required=False)
    contact_name = forms.CharField(label=_("联系人"), max_length=50, required=False)
    contact_phone = forms.CharField(label=_("联系电话"), max_length=20, required=False)
    scale = forms.ChoiceField(label=_("规模类别"), choices=[("", "—"), *Scale.choices], required=False)
    scale_since = forms.DateField(
        label=_("入规(限)日期"),
        required=False,
        widget=forms.DateInput(format="%Y-%m-%d", attrs={"type": "date"}),
    )
    meters = forms.CharField(
        label=_("用电户号"), required=False, max_length=300, help_text=_("多个户号用逗号分隔。")
    )

    def __init__(self, *args, towns=None, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["town"].queryset = towns
        self.fields["village"].queryset = Village.objects.filter(town__in=towns).order_by("code")
        self.fields["grid"].queryset = Grid.objects.filter(village__town__in=towns).order_by("code")

    def clean(self):
        data = super().clean()
        if data.get("scale") and not data.get("scale_since"):
            self.add_error("scale_since", _("请填写入规(限)日期。"))
        return data

    def meter_list(self) -> list[str]:
        text = self.cleaned_data.get("meters") or ""
        return [p.strip() for p in text.replace("，", ",").replace("、", ",").split(",") if p.strip()]


class VisitForm(forms.Form):
    """Kept short on purpose: a cadre logs it on a phone at the enterprise's gate in under a minute."""

    visited_on = forms.DateField(
        label=_("走访日期"), widget=forms.DateInput(format="%Y-%m-%d", attrs={"type": "date"})
    )
    kind = forms.ChoiceField(label=_("走访类型"), choices=Visit.Kind.choices, initial=Visit.Kind.ROUTINE)
    note = forms.CharField(
        label=_("走访情况"), required=False, max_length=2000, widget=forms.Textarea(attrs={"rows": 3})
    )
    problem = forms.CharField(
        label=_("企业反映的问题"),
        required=False,
        max_length=2000,
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text=_("填写后自动登记为“企业诉求”案件，限期办理并答复。"),
    )
    problem_category = forms.ChoiceField(label=_("问题类别"), required=False)

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["visited_on"].initial = timezone.localdate()
        self.fields["problem_category"].choices = [("", "—")] + [
            (c.code, c.name) for c in Category.objects.filter(case_type__code="enterprise", is_active=True)
        ]


class UploadForm(forms.Form):
    town = forms.ModelChoiceField(queryset=None, label=_("乡镇"))
    feed = forms.ModelChoiceField(queryset=None, required=False, label=_("数据源"), empty_label=_("新数据源"))
    name = forms.CharField(label=_("新数据源名称"), max_length=60, required=False)
    source = forms.ChoiceField(label=_("来源"), choices=FeedSource.choices, required=False)
    layout = forms.ChoiceField(label=_("表格形式"), choices=Feed.Layout.choices, required=False)
    key = forms.ChoiceField(label=_("匹配依据"), choices=Feed.Key.choices, required=False)
    file = forms.FileField(label=_("数据文件（.xlsx）"))

    def __init__(self, *args, towns=None, feeds=None, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["town"].queryset = towns
        self.fields["feed"].queryset = feeds

    def clean_file(self):
        f = self.cleaned_data["file"]
        if not f.name.lower().endswith(".xlsx"):
            raise forms.ValidationError(_("请上传 .xlsx 格式的 Excel 文件。"))
        return f

    def clean(self):
        data = super().clean()
        feed, town = data.get("feed"), data.get("town")
        if feed is not None and town is not None and feed.town_id != town.pk:
            self.add_error("feed", _("该数据源属于其他乡镇。"))
        if feed is None and not (data.get("name") or "").strip():
            self.add_error("name", _("请选择已有数据源，或填写新数据源名称。"))
        return data
