from __future__ import annotations

from django import forms
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from luoshi.assistance.models import Category, Channel, Labour, MeasureKind, Programme, Relation, RiskType
from luoshi.org.models import Grid, User, Village


class FlagForm(forms.Form):
    village = forms.ModelChoiceField(Village.objects.none(), label=_("村(社区)"))
    grid = forms.ModelChoiceField(Grid.objects.none(), label=_("网格"), required=False)
    head_name = forms.CharField(label=_("户主姓名"), max_length=30)
    head_id_number = forms.CharField(label=_("户主身份证号"), max_length=18, required=False)
    phone = forms.CharField(label=_("联系电话"), max_length=20, required=False)
    category = forms.ChoiceField(label=_("监测对象类型"), choices=Category.choices)
    channel = forms.ChoiceField(label=_("识别渠道"), choices=Channel.choices, initial=Channel.CADRE)
    risk_type = forms.ChoiceField(label=_("主要风险类型"), choices=RiskType.choices)
    risk_note = forms.CharField(
        label=_("风险情况说明"), widget=forms.Textarea(attrs={"rows": 3}), required=False
    )
    note = forms.CharField(label=_("走访发现情况"), widget=forms.Textarea(attrs={"rows": 3}), max_length=2000)

    def __init__(self, *args, villages, grids, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["village"].queryset = villages
        self.fields["grid"].queryset = grids
        if villages.count() == 1:
            self.fields["village"].initial = villages.first()
        if grids.count() == 1:
            self.fields["grid"].initial = grids.first()


class NoteForm(forms.Form):
    note = forms.CharField(
        label=_("说明"), widget=forms.Textarea(attrs={"rows": 2}), max_length=2000, required=False
    )


class RevealForm(forms.Form):
    field = forms.CharField(max_length=30)
    member = forms.IntegerField(required=False, min_value=1, max_value=2**62)
    reason = forms.CharField(label=_("查看理由"), max_length=200)


class MemberForm(forms.Form):
    name = forms.CharField(label=_("姓名"), max_length=30)
    relation = forms.ChoiceField(label=_("与户主关系"), choices=Relation.choices)
    id_number = forms.CharField(label=_("身份证号"), max_length=18, required=False)
    birth_year = forms.IntegerField(label=_("出生年份"), required=False, min_value=1900, max_value=2100)
    labour = forms.ChoiceField(label=_("劳动能力"), choices=Labour.choices)
    is_student = forms.BooleanField(label=_("在校生"), required=False)
    health = forms.CharField(label=_("健康状况"), max_length=300, required=False)
    disability = forms.CharField(label=_("残疾情况"), max_length=300, required=False)


class MeasureForm(forms.Form):
    kind = forms.ChoiceField(label=_("措施类型"), choices=MeasureKind.choices)
    description = forms.CharField(label=_("措施内容"), max_length=300)
    cadre = forms.ModelChoiceField(User.objects.none(), label=_("帮扶责任人"))
    started_on = forms.DateField(label=_("落实日期"), initial=timezone.localdate)

    def __init__(self, *args, cadres, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["cadre"].queryset = cadres


class VisitForm(forms.Form):
    visited_on = forms.DateField(label=_("走访日期"), initial=timezone.localdate)
    note = forms.CharField(label=_("走访情况"), widget=forms.Textarea(attrs={"rows": 3}), max_length=2000)
    education_secured = forms.BooleanField(label=_("义务教育有保障"), required=False)
    medical_secured = forms.BooleanField(label=_("基本医疗有保障"), required=False)
    housing_secured = forms.BooleanField(label=_("住房安全有保障"), required=False)
    water_secured = forms.BooleanField(label=_("饮水安全有保障"), required=False)
    rigid_expenses_resolved = forms.BooleanField(label=_("刚性支出问题已解决"), required=False)


class IncomeForm(forms.Form):
    month = forms.DateField(label=_("月份"), help_text=_("填写该月任意一天"))
    amount = forms.DecimalField(label=_("家庭纯收入（元）"), max_digits=10, decimal_places=2, min_value=0)
    sources = forms.CharField(label=_("收入来源明细"), max_length=300, required=False)


class PaymentForm(forms.Form):
    programme = forms.ChoiceField(label=_("项目"), choices=Programme.choices)
    month = forms.DateField(label=_("月份"), help_text=_("填写该月任意一天"))
    amount = forms.DecimalField(label=_("金额（元）"), max_digits=10, decimal_places=2, min_value=0)
    persons = forms.IntegerField(label=_("享受人数"), min_value=1, max_value=99, initial=1)


class IncomeCorrectForm(forms.Form):
    month = forms.DateField(label=_("更正月份"), help_text=_("填写该月任意一天"))
    amount = forms.DecimalField(
        label=_("更正后的家庭纯收入（元）"), max_digits=10, decimal_places=2, min_value=0
    )
    reason = forms.CharField(label=_("更正原因"), max_length=200, min_length=4)


class PaymentCorrectForm(forms.Form):
    payment = forms.IntegerField(widget=forms.HiddenInput)
    amount = forms.DecimalField(
        label=_("更正后的金额（元）"),
        max_digits=10,
        decimal_places=2,
        min_value=0,
        help_text=_("填0表示撤销该笔发放"),
    )
    persons = forms.IntegerField(label=_("更正后的享受人数"), min_value=0, max_value=99)
    reason = forms.CharField(label=_("更正原因"), max_length=200, min_length=4)


class NationalEnterForm(forms.Form):
    entries = forms.ModelMultipleChoiceField(queryset=None, label=_("记录"))
    note = forms.CharField(label=_("录入说明"), max_length=200, required=False)
    national_no = forms.CharField(
        label=_("全国系统户编码"), max_length=40, required=False, help_text=_("仅为单户登记时填写")
    )

    def __init__(self, *args, queue, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["entries"].queryset = queue


class ImportUploadForm(forms.Form):
    file = forms.FileField(label=_("Excel 文件（.xlsx）"))


class NationalExportForm(forms.Form):
    reason = forms.CharField(label=_("导出事由"), max_length=200, min_length=4)


class IncomeLineForm(forms.Form):
    province_code = forms.CharField(label=_("省份代码"), max_length=2, min_length=2)
    province_name = forms.CharField(label=_("省份"), max_length=20)
    year = forms.IntegerField(label=_("年度"), min_value=2000, max_value=2100)
    amount = forms.DecimalField(
        label=_("监测收入线（元/人·年）"), max_digits=9, decimal_places=2, min_value=1
    )
