"""The 考核异议 case type: a town objects to a value of its assessment; the county answers it.

Counts in no KPI (it measures the county's assessment, not the town's work); the county's reply is
due within 5 working days of filing (local practice; adjustable in the admin like every SLA policy).
"""

from django.db import migrations

TYPE = {
    "name": "考核异议",
    "sort_order": 90,
    "default_channel": "platform",
    "resolve_label": "答复",
    "requires_sign": False,
    "requires_verification": False,
    "requires_callback": False,
    "allow_direct": True,
    "auto_dispatch": False,
    "required_fields": {"resolve": ["reply"]},
    "kpis": [],
    "description": "乡镇对县综合考核中某项数值提出的异议：县考核办在期限内答复（成立或不成立）。",
}


def add_type(apps, schema_editor):
    CaseType = apps.get_model("cases", "CaseType")
    SlaPolicy = apps.get_model("cases", "SlaPolicy")
    ct, _created = CaseType.objects.update_or_create(code="objection", defaults=TYPE)
    if not SlaPolicy.objects.filter(case_type=ct).exists():
        SlaPolicy.objects.create(
            case_type=ct,
            day_basis="workdays",
            clock_starts="received",
            resolution_days=5,
            near_due_days=1,
            max_extension_days=0,
            note="考核异议：5个工作日内答复",
        )


def remove_type(apps, schema_editor):
    CaseType = apps.get_model("cases", "CaseType")
    CaseType.objects.filter(code="objection", cases__isnull=True).delete()


class Migration(migrations.Migration):
    dependencies = [
        ("county", "0001_assessment_schemes"),
        ("cases", "0020_case_short_code"),
    ]
    operations = [migrations.RunPython(add_type, remove_type)]
