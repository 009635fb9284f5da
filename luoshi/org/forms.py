"""Forms of the organisation pages (the holiday calendar)."""

from __future__ import annotations

from django import forms
from django.utils.translation import gettext_lazy as _

NOTICE_MAX_CHARS = 20_000


class NoticeForm(forms.Form):
    """The pasted State Council notice; ``confirm`` saves what the preview showed."""

    text = forms.CharField(
        label=_("通知全文"),
        max_length=NOTICE_MAX_CHARS,
        strip=True,
        widget=forms.Textarea(attrs={"rows": 10}),
        help_text=_("粘贴《国务院办公厅关于某年部分节假日安排的通知》全文或其中“放假调休”各行。"),
    )


class DayForm(forms.Form):
    """One day of the manual editor."""

    date = forms.DateField(label=_("日期"), widget=forms.DateInput(attrs={"type": "date"}))
    kind = forms.ChoiceField(label=_("安排"), choices=[("off", _("放假")), ("work", _("调休上班"))])
    note = forms.CharField(label=_("说明"), max_length=100, required=False)

    def __init__(self, *args, year: int, **kwargs):
        super().__init__(*args, **kwargs)
        self.year = year

    def clean_date(self):
        date = self.cleaned_data["date"]
        if date.year != self.year:
            raise forms.ValidationError(_("日期须在 %(year)s 年内。") % {"year": self.year})
        return date


class RemoveDayForm(forms.Form):
    date = forms.DateField(label=_("日期"))
