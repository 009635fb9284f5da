from __future__ import annotations

from django import forms
from django.utils.translation import gettext_lazy as _

from luoshi.cases.imports.importer import FIELDS
from luoshi.cases.models import CaseType
from luoshi.org.models import Town
from luoshi.org.scoping import scope_of


def importable_towns(user):
    """Towns the user may import into: the office's own town(s); every town for admins."""
    scope = scope_of(user)
    return Town.objects.all() if scope.is_admin else Town.objects.filter(id__in=scope.town_ids)


class UploadForm(forms.Form):
    file = forms.FileField(label=_("台账文件（.xlsx）"))
    town = forms.ModelChoiceField(queryset=Town.objects.none(), label=_("乡镇"))
    case_type = forms.ModelChoiceField(queryset=CaseType.objects.filter(is_active=True), label=_("案件类型"))

    def __init__(self, *args, user, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["town"].queryset = importable_towns(user)

    def clean_file(self):
        f = self.cleaned_data["file"]
        if not f.name.lower().endswith(".xlsx"):
            raise forms.ValidationError(_("请上传 .xlsx 格式的 Excel 文件。"))
        return f


class MappingForm(forms.Form):
    """One select per case field; choices are the sheet's headers."""

    def __init__(self, *args, headers: list[str], **kwargs):
        super().__init__(*args, **kwargs)
        choices = [("", _("（不导入）"))] + [(h, h) for h in headers if h]
        for f in FIELDS:
            self.fields[f.key] = forms.ChoiceField(
                label=f"{f.label}{' *' if f.required else ''}", choices=choices, required=f.required
            )
