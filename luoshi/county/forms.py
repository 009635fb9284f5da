from django import forms
from django.utils.translation import gettext_lazy as _

from luoshi.county.models import Adjustment
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
