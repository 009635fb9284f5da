"""Forms of the report writer: which town and year to write, and one block's wording."""

from __future__ import annotations

from django import forms
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from luoshi.reports.writer.selectors import writable_towns
from luoshi.reports.writer.services import MAX_YEAR, MIN_YEAR


class WriteForm(forms.Form):
    town = forms.ModelChoiceField(queryset=None, label=_("乡镇"), empty_label=None)
    year = forms.IntegerField(
        label=_("回顾年度"),
        min_value=MIN_YEAR,
        max_value=MAX_YEAR,
        help_text=_("报告回顾这一年，并安排下一年的工作。"),
    )

    def __init__(self, *args, user, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["town"].queryset = writable_towns(user).order_by("code")
        self.fields["year"].initial = timezone.localdate().year


class BlockForm(forms.Form):
    template = forms.CharField(
        label=_("文字"),
        max_length=5000,
        widget=forms.Textarea(attrs={"rows": 8}),
        help_text=_("可以修改文字；数字以 {{字段名}} 表示，可移动或删除，不能直接输入数字。"),
    )
