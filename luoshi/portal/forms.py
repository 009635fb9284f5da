from __future__ import annotations

from django import forms
from django.utils.translation import gettext_lazy as _

from luoshi.org.models import Town
from luoshi.org.scoping import visible
from luoshi.portal.models import DisclosureItem


class DocumentForm(forms.Form):
    """A new document under a catalogue item the user manages (saved as a draft)."""

    item = forms.ModelChoiceField(queryset=DisclosureItem.objects.none(), label=_("公开事项"))
    title = forms.CharField(label=_("标题"), max_length=200)
    body = forms.CharField(label=_("正文"), widget=forms.Textarea(attrs={"rows": 6}), max_length=20000)

    def __init__(self, *args, user, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["item"].queryset = visible(DisclosureItem, user)


class DisclosureRequestForm(forms.Form):
    """依申请公开: who asks (name and a way to answer them are required by the regulation) and what."""

    town = forms.ModelChoiceField(Town.objects.order_by("code"), label=_("向哪个乡镇(街道)申请"))
    title = forms.CharField(label=_("所需信息的名称"), max_length=100)
    content = forms.CharField(
        label=_("所需信息的内容描述"), widget=forms.Textarea(attrs={"rows": 4}), max_length=2000
    )
    contact_name = forms.CharField(label=_("申请人姓名或单位名称"), max_length=50)
    contact_phone = forms.RegexField(
        label=_("手机号"),
        regex=r"^1\d{10}$",
        max_length=11,
        error_messages={"invalid": _("请输入11位手机号。")},
    )
    address = forms.CharField(label=_("通信地址"), max_length=200, required=False)
    website = forms.CharField(required=False, widget=forms.HiddenInput, label="")  # honeypot
