"""The upload-or-paste form: one source (file, pasted text or a demo report) and the town it belongs to.

Pasted text and demo reports are read while the form is validated; a file is only kept (``data``)
for the worker to read.
"""

from __future__ import annotations

from pathlib import Path

from django import forms
from django.conf import settings
from django.core.exceptions import ValidationError
from django.template.defaultfilters import filesizeformat
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy as _l

from luoshi.org.scoping import visible_towns
from luoshi.reports import services


class ReportUploadForm(forms.Form):
    file = forms.FileField(
        label=_l("上传文件"),
        required=False,
        help_text=_l("支持 .txt .htm .html .docx .pdf（含文字层的 PDF）"),
        widget=forms.ClearableFileInput(attrs={"accept": ",".join(services.UPLOAD_SUFFIXES)}),
    )
    text = forms.CharField(
        label=_l("或粘贴正文"),
        required=False,
        widget=forms.Textarea(attrs={"rows": 10, "placeholder": _l("把报告全文粘贴到这里")}),
    )
    demo = forms.ChoiceField(label=_l("或选择示例报告"), required=False)
    town = forms.ModelChoiceField(
        label=_l("所属乡镇"),
        queryset=None,
        required=False,
        empty_label=_l("根据报告内容自动判断"),
    )
    confirm_town = forms.BooleanField(
        label=_l("报告写的是另一个乡镇，我确认仍存入所选乡镇"), required=False, widget=forms.HiddenInput
    )

    def __init__(self, *args, user, **kwargs):
        super().__init__(*args, **kwargs)
        self.user = user
        towns = visible_towns(user).order_by("code")
        # No preselected town: a report naming another town must not land silently in the user's own.
        self.fields["town"].queryset = towns
        self.demo_paths = dict(services.demo_reports())
        self.fields["demo"].choices = [("", "—")] + [
            (name, _demo_label(path)) for name, path in self.demo_paths.items()
        ]

    def clean_file(self):
        upload = self.cleaned_data.get("file")
        if not upload:
            return upload
        name = Path(upload.name).name
        if not name.lower().endswith(services.UPLOAD_SUFFIXES):
            raise ValidationError(
                _("「%(name)s」的格式不受支持，请上传 %(suffixes)s 文件。")
                % {"name": name, "suffixes": " ".join(services.UPLOAD_SUFFIXES)}
            )
        if upload.size > settings.MAX_UPLOAD_BYTES:
            raise ValidationError(
                _("「%(name)s」太大（%(size)s），上限为 %(limit)s。")
                % {
                    "name": name,
                    "size": filesizeformat(upload.size),
                    "limit": filesizeformat(settings.MAX_UPLOAD_BYTES),
                }
            )
        return upload

    def clean(self):
        data = super().clean()
        if self.errors:
            return data
        upload, text, demo = data.get("file"), (data.get("text") or "").strip(), data.get("demo")
        if sum(bool(x) for x in (upload, text, demo)) != 1:
            raise ValidationError(_("请上传一个文件、粘贴正文或选择一份示例报告（三选一）。"))
        if upload:
            # A file is read by the worker (services.upload_create), never in the web request.
            data["source_name"], data["data"] = Path(upload.name).name, upload.read()
            return data
        if text:
            field, name, source = "text", _("粘贴的文本"), text.encode("utf-8")
        else:
            field, name, source = "demo", demo, self.demo_paths[demo]
        try:
            data["parsed"] = services.read_source(source=source, name=name)
        except ValidationError as exc:
            self.add_error(field, exc)
            return data
        chosen = data.get("town")
        try:
            data["town"] = services.resolve_town(parsed=data["parsed"], town=chosen, user=self.user)
        except ValidationError as exc:
            self.add_error("town", exc)
        else:
            self._check_named_town(chosen, data)
        data["source_name"] = name
        return data

    def _check_named_town(self, chosen, data) -> None:
        """A report naming another place than the chosen town is stored only once the user confirms."""
        place = services.meta_of(data["parsed"]).get("jurisdiction") or ""
        if not chosen or not place or services.guess_town({"jurisdiction": place}, [chosen]):
            return
        if data.get("confirm_town"):
            return
        self.fields["confirm_town"].widget = forms.CheckboxInput()
        self.add_error(
            "confirm_town",
            _("报告写的是「%(place)s」，您选择的是「%(town)s」。请核对所属乡镇；确认无误请勾选此项后再提交。")
            % {"place": place, "town": chosen.name},
        )


def _demo_label(path: Path) -> str:
    lines = [line.strip() for line in path.read_text(encoding="utf-8").splitlines()[:3] if line.strip()]
    return " ".join(lines[:2])
