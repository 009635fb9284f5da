"""Forms: staff intake, public intake, one small form per transition, filters."""

from __future__ import annotations

from django import forms
from django.conf import settings
from django.utils.translation import gettext_lazy as _

from luoshi.cases.models import (
    AttachmentKind,
    Case,
    CaseType,
    Category,
    Channel,
    Outcome,
    Priority,
    Rating,
    ReviewDecision,
)
from luoshi.lib import images
from luoshi.lib.phones import is_phone_number
from luoshi.org.models import Grid, Town, Unit, User, Village
from luoshi.org.roles import Role
from luoshi.org.scoping import scope_of, visible, visible_towns


class FollowingSelect(forms.Select):
    """A select whose options belong to a choice in another select of the form (a village to its
    town): each option carries ``data-parent`` and ``luoshi.js`` shows only those of the chosen
    parent. The form still checks the pair on the server; without JavaScript every option shows."""

    def __init__(self, follows: str, parent_attr: str, attrs=None):
        super().__init__({**(attrs or {}), "data-follows": follows})
        self.parent_attr = parent_attr

    def create_option(self, name, value, label, selected, index, subindex=None, attrs=None):
        option = super().create_option(name, value, label, selected, index, subindex, attrs)
        instance = getattr(value, "instance", None)
        if instance is not None:
            option["attrs"]["data-parent"] = str(getattr(instance, self.parent_attr))
        return option


# Channels by which residents file themselves: a case staff type in never came that way.
RESIDENT_CHANNELS = (Channel.ONLINE, Channel.OPEN311)

# Case types a role files when it holds no broader role: a grid worker reports grid events
# (网格事件; hazards and disputes found on patrol are reported as such and routed by the centre).
FILED_BY_ROLE = {Role.GRID: ("grid",)}


def fileable_types(user):
    """Active case types the user may register (the intake form's type and category choices)."""
    types = CaseType.objects.filter(is_active=True)
    s = scope_of(user)
    if s.is_admin or not s.roles:
        return types
    codes: set[str] = set()
    for role in s.roles:
        if role not in FILED_BY_ROLE:
            return types  # a role without a limit (town office, unit …) files every type
        codes.update(FILED_BY_ROLE[role])
    return types.filter(code__in=sorted(codes))


class CaseCreateForm(forms.Form):
    """Staff intake, pre-filled with what the system knows (the user's town, village or grid)."""

    case_type = forms.ModelChoiceField(CaseType.objects.none(), label=_("案件类型"))
    # the categories follow the chosen type (luoshi.js hides the others; the form checks the pair)
    category = forms.ModelChoiceField(
        Category.objects.none(),
        label=_("类别"),
        required=False,
        widget=FollowingSelect(follows="case_type", parent_attr="case_type_id"),
    )
    priority = forms.ChoiceField(choices=Priority.choices, label=_("紧急程度"), initial=Priority.NORMAL)
    # "—" keeps the type's own channel, unless that is a resident's (网上提交): staff then choose one
    channel = forms.ChoiceField(
        choices=[("", "—")] + [c for c in Channel.choices if c[0] != Channel.OPEN311],
        label=_("来源渠道"),
        required=False,
    )
    title = forms.CharField(label=_("标题"), max_length=200)
    content = forms.CharField(label=_("诉求内容"), widget=forms.Textarea(attrs={"rows": 4}))
    town = forms.ModelChoiceField(Town.objects.none(), label=_("乡镇"), required=False)
    village = forms.ModelChoiceField(
        Village.objects.none(),
        label=_("村(社区)"),
        required=False,
        widget=FollowingSelect(follows="town", parent_attr="town_id"),
    )
    grid = forms.ModelChoiceField(
        Grid.objects.none(),
        label=_("网格"),
        required=False,
        widget=FollowingSelect(follows="village", parent_attr="village_id"),
    )
    address = forms.CharField(label=_("地址"), max_length=200, required=False)
    contact_name = forms.CharField(label=_("诉求人"), max_length=50, required=False)
    contact_phone = forms.CharField(label=_("联系电话"), max_length=20, required=False)
    external_no = forms.CharField(label=_("上级平台编号"), max_length=50, required=False)

    def __init__(self, *args, user, **kwargs):
        super().__init__(*args, **kwargs)
        types = fileable_types(user)
        self.fields["case_type"].queryset = types
        self.fields["category"].queryset = Category.objects.filter(
            is_active=True, case_type__in=types
        ).select_related("case_type")
        self.fields["category"].label_from_instance = lambda c: f"{c.case_type.name} · {c.name}"
        self.fields["town"].queryset = visible_towns(user)
        self.fields["village"].queryset = visible(Village, user).order_by("code")
        self.fields["grid"].queryset = visible(Grid, user).select_related("village").order_by("code")
        self.detail_keys = []
        for ct in types:
            for key, label in ct.detail_fields or []:
                name = f"details_{key}"
                if name not in self.fields:
                    self.fields[name] = forms.CharField(
                        label=f"{label}（{ct.name}）", required=False, max_length=300
                    )
                    self.detail_keys.append(key)

    def clean_contact_phone(self) -> str:
        phone = self.cleaned_data.get("contact_phone", "").strip()
        if phone and not is_phone_number(phone):
            raise forms.ValidationError(
                _("联系电话格式不对：请填写11位手机号，或带区号的固定电话（如 0571-88889999）。")
            )
        return phone

    def clean(self):
        data = super().clean()
        case_type, category = data.get("case_type"), data.get("category")
        if case_type and category and category.case_type_id != case_type.pk:
            self.add_error("category", _("类别不属于该案件类型。"))
        if case_type and not data.get("channel") and case_type.default_channel in RESIDENT_CHANNELS:
            self.add_error(
                "channel", _("请选择来源渠道（来电、来访、来信……）：工作人员登记的案件不算网上提交。")
            )
        return data

    def details(self) -> dict:
        return {
            k: self.cleaned_data.get(f"details_{k}", "")
            for k in self.detail_keys
            if self.cleaned_data.get(f"details_{k}")
        }


_BAD_POSITION = {
    key: _("位置格式不正确，请重新定位或清除位置。")
    for key in ("invalid", "max_digits", "max_decimal_places", "max_whole_digits")
}


class PublicCaseForm(forms.Form):
    """The public form (no login): only what a resident can tell; a honeypot field catches bots."""

    town = forms.ModelChoiceField(Town.objects.all(), label=_("所在乡镇(街道)"))
    village = forms.ModelChoiceField(
        Village.objects.all(),
        label=_("村(社区)"),
        required=False,
        widget=FollowingSelect(follows="town", parent_attr="town_id"),
    )
    category = forms.ModelChoiceField(Category.objects.none(), label=_("问题类别"), required=False)
    title = forms.CharField(label=_("标题"), max_length=100)
    content = forms.CharField(label=_("具体情况"), widget=forms.Textarea(attrs={"rows": 5}), max_length=2000)
    address = forms.CharField(label=_("地点"), max_length=200, required=False)
    contact_name = forms.CharField(label=_("您的称呼"), max_length=50)
    contact_phone = forms.RegexField(
        label=_("手机号"),
        regex=r"^1\d{10}$",
        max_length=11,
        error_messages={"invalid": _("请输入11位手机号。")},
    )
    website = forms.CharField(required=False, widget=forms.HiddenInput, label="")  # honeypot
    photo = forms.FileField(
        label=_("现场照片（可选）"),
        required=False,
        widget=forms.ClearableFileInput(attrs={"accept": "image/*", "capture": "environment"}),
    )
    # Filled by intake.js only after the resident taps 使用我的位置, picks a point on the map or
    # keeps the position read from the photo; hidden, so their errors are shown beside the button.
    latitude = forms.DecimalField(
        required=False, max_digits=9, decimal_places=6, widget=forms.HiddenInput, error_messages=_BAD_POSITION
    )
    longitude = forms.DecimalField(
        required=False, max_digits=9, decimal_places=6, widget=forms.HiddenInput, error_messages=_BAD_POSITION
    )
    same_as = forms.CharField(required=False, max_length=24, widget=forms.HiddenInput)

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["category"].queryset = Category.objects.filter(case_type__code="public", is_active=True)
        self.fields["village"].queryset = Village.objects.select_related("town").order_by("code")
        self.fields["village"].label_from_instance = lambda v: f"{v.town.name} · {v.name}"

    def clean_photo(self):
        upload = self.cleaned_data.get("photo")
        if not upload:
            return None
        if upload.size > settings.MAX_UPLOAD_BYTES:
            raise forms.ValidationError(_("照片过大，请换一张。"))
        try:
            return images.clean_photo(upload.read())
        except images.BadImage as exc:
            raise forms.ValidationError(str(exc)) from None

    def clean(self):
        data = super().clean()
        village, town = data.get("village"), data.get("town")
        if village and town and village.town_id != town.pk:
            self.add_error("village", _("该村(社区)不属于所选乡镇。"))
        lat, lng = data.get("latitude"), data.get("longitude")
        if "latitude" in self.errors or "longitude" in self.errors:
            pass  # a malformed value already says so
        elif (lat is None) != (lng is None):
            self.add_error("latitude", _("位置不完整：纬度和经度须同时提供。"))
        elif lat is not None and not in_china(lat, lng):
            self.add_error(
                "latitude", _("位置不在中国境内（纬度 3–54、经度 73–136），请重新定位或清除位置。")
            )
        return data


# A generous box around China (including the South China Sea islands): a position outside it is a
# wrong fix or a typo, never a case of a town here.
CHINA_LAT = (3.0, 54.0)
CHINA_LNG = (73.0, 136.0)


def in_china(lat, lng) -> bool:
    return CHINA_LAT[0] <= float(lat) <= CHINA_LAT[1] and CHINA_LNG[0] <= float(lng) <= CHINA_LNG[1]


class SuggestionForm(forms.Form):
    """提出代表建议 (phone-first): co-signers (附议) are offered among the deputies of the deputy's own
    town(s) only, so another town's deputy is an invalid choice on the field."""

    title = forms.CharField(label=_("建议标题"), max_length=200)
    category = forms.ModelChoiceField(Category.objects.none(), label=_("类别"), required=False)
    content = forms.CharField(label=_("建议内容"), max_length=5000, widget=forms.Textarea(attrs={"rows": 6}))
    cosigners = forms.ModelMultipleChoiceField(
        User.objects.none(), label=_("附议代表"), required=False, widget=forms.CheckboxSelectMultiple
    )
    town = forms.ModelChoiceField(Town.objects.none(), label=_("乡镇"), required=False)

    def __init__(self, *args, user, **kwargs):
        super().__init__(*args, **kwargs)
        town_ids = sorted(scope_of(user).deputy_town_ids)
        self.fields["category"].queryset = Category.objects.filter(
            is_active=True, case_type__filed_by_deputies=True, case_type__is_active=True
        )
        self.fields["cosigners"].queryset = (
            User.objects.filter(roles__role=Role.DEPUTY, roles__town_id__in=town_ids, is_active=True)
            .exclude(pk=user.pk)
            .distinct()
            .order_by("full_name", "username")
        )
        if len(town_ids) > 1:
            self.fields["town"].queryset = Town.objects.filter(pk__in=town_ids)
            self.fields["town"].required = True
        else:
            del self.fields["town"]


class FeedbackForm(forms.Form):
    rating = forms.ChoiceField(choices=Rating.choices, label=_("评价"), widget=forms.RadioSelect)
    reason = forms.CharField(
        label=_("说明（不满意时必填）"),
        required=False,
        max_length=300,
        widget=forms.Textarea(attrs={"rows": 2}),
    )
    version = forms.IntegerField(widget=forms.HiddenInput)


def _note(label=None, required=False):
    return forms.CharField(
        label=label or _("说明"), required=required, max_length=2000, widget=forms.Textarea(attrs={"rows": 2})
    )


def _note_public():
    """The staff's choice to publish a note (default no): only such notes reach the tracking page and Open311."""
    return forms.BooleanField(label=_("公开（将在公开查询和 Open311 中显示）"), required=False)


def _yes_no(label, yes, no):
    return forms.TypedChoiceField(
        label=label, choices=[("1", yes), ("0", no)], coerce=lambda v: v == "1", widget=forms.RadioSelect
    )


def _merge_fields(candidates) -> dict[str, forms.Field]:
    """合并: a pick among the duplicate candidates (the most alike pre-selected) or a typed number,
    which wins when given. The view turns either into a case fetched through the user's scope."""
    numbers = [c.number for c in candidates or []]
    return {
        "candidate": forms.CharField(
            label=_("疑似重复件"),
            required=False,
            max_length=24,
            initial=numbers[0] if numbers else "",
            widget=forms.RadioSelect(choices=[(n, n) for n in numbers] + [("", _("其他案件"))]),
        ),
        "into": forms.CharField(
            label=_("或输入案件编号") if numbers else _("合并到案件编号"), max_length=24, required=False
        ),
        "note": _note(),
    }


def transition_fields(name: str, case: Case, candidates=None) -> dict[str, forms.Field]:
    """The inputs each transition asks for (their names are the service's keyword arguments).

    ``candidates`` (``selectors.duplicate_candidates``) pre-fill the merge form.
    """
    units = Unit.objects.filter(town_id=case.town_id, is_active=True)
    return {
        "dispatch": lambda: {
            "unit": forms.ModelChoiceField(
                units, label=_("承办站所"), initial=case.unit_id or case.routed_unit_id
            ),
            # the current co-units stay ticked: the choice made here is the new set (see case_dispatch)
            "assist_units": forms.ModelMultipleChoiceField(
                units,
                label=_("协办单位"),
                required=False,
                widget=forms.CheckboxSelectMultiple,
                initial=lambda: list(case.assists.values_list("unit_id", flat=True)) if case.pk else [],
            ),
            "note": _note(),
        },
        "sign": lambda: {"note": _note()},
        "assist_reply": lambda: {"opinion": _note(_("协办意见"), True)},
        "return": lambda: {"reason": _note(_("退单理由"), True)},
        "progress": lambda: {"note": _note(_("办理进展"), True), "note_public": _note_public()},
        "resolve": lambda: {
            "reply": _note(_("办理结果"), True),
            # the type's names of the classes (建议: A/B/C)
            "outcome": forms.ChoiceField(
                choices=case.case_type.outcome_choices(), label=_("办理结论"), initial=Outcome.RESOLVED
            ),
            "note_public": _note_public(),
        },
        "self_handle": lambda: {"reply": _note(_("处置结果"), True), "note_public": _note_public()},
        "verify": lambda: {
            "passed": _yes_no(_("核查结论"), _("通过"), _("不通过，退回重办")),
            "note": _note(),
        },
        "feedback": lambda: {
            "rating": forms.ChoiceField(
                choices=Rating.choices,
                label=_("评价") if case.case_type.filed_by_deputies else _("回访评价"),
                widget=forms.RadioSelect,
            ),
            "reason": _note(_("评价说明（不满意时必填）")),
        },
        "close": lambda: {"note": _note(), "note_public": _note_public()},
        "request_extension": lambda: {
            "days": forms.IntegerField(label=_("延期天数"), min_value=1, max_value=365),
            "reason": _note(_("延期理由"), True),
        },
        "decide_extension": lambda: {
            "approve": _yes_no(_("审批意见"), _("同意延期"), _("不同意")),
            "note": _note(),
        },
        "suspend": lambda: {"reason": _note(_("挂起理由"), True), "note_public": _note_public()},
        "resume": lambda: {"note": _note(), "note_public": _note_public()},
        "merge": lambda: _merge_fields(candidates),
        "cancel": lambda: {"reason": _note(_("撤销理由"), True)},
        "urge": lambda: {"note": _note(_("催办意见"))},
        "supervise": lambda: {"note": _note(_("督办意见"))},
        "request_review": lambda: {
            "requester": forms.CharField(
                label=_("申请人"), max_length=50, required=False, initial=case.contact_name
            ),
            "reason": _note(_("申请理由"), True),
        },
        "record_review_decision": lambda: {
            "decision": forms.ChoiceField(
                choices=ReviewDecision.choices, label=_("复查/复核结论"), widget=forms.RadioSelect
            ),
            "note": _note(_("决定意见"), True),
        },
    }[name]()


def transition_form(name: str, case: Case, data=None, *, candidates=None) -> forms.Form:
    fields = transition_fields(name, case, candidates)
    fields["version"] = forms.IntegerField(widget=forms.HiddenInput, initial=case.version)
    form_class = type(f"{name.title()}Form", (forms.Form,), fields)
    return form_class(data, prefix=name)


class AttachmentForm(forms.Form):
    file = forms.FileField(
        label=_("文件"),
        error_messages={
            "required": _("请选择文件。"),
            "empty": _("文件为空。"),
            "invalid": _("请选择文件。"),
        },
    )
    kind = forms.ChoiceField(choices=AttachmentKind.choices, label=_("类别"))


class BulkForm(forms.Form):
    action = forms.ChoiceField(
        choices=[("sign", _("批量签收")), ("dispatch", _("批量派单")), ("urge", _("批量催办"))]
    )
    ids = forms.TypedMultipleChoiceField(coerce=int, choices=[])
    unit = forms.ModelChoiceField(Unit.objects.none(), required=False)

    def __init__(self, *args, user, ids, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["ids"].choices = [(i, i) for i in ids]
        self.fields["unit"].queryset = Unit.objects.filter(town__in=visible_towns(user), is_active=True)
