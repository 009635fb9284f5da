"""The case type for requests for disclosure (依申请公开, 《政府信息公开条例》2019).

Art. 33: an answer within 20 working days of receipt; with the approval of the office's head, at
most 20 more working days (the engine's one extension, ``max_extension_days``). The clock starts at
receipt; asking the applicant to complete the request (补正) suspends it (挂起), as art. 30 says the
time limit counts from the completed request. Never published: the applicant is named.
"""

from django.db import migrations

SPEC = {
    "name": "政府信息公开申请",
    "sort_order": 80,
    "default_channel": "other",
    "resolve_label": "答复",
    "requires_sign": True,
    "requires_callback": False,
    "requires_verification": False,
    "allow_direct": True,
    "reopen_on_unsatisfied": False,
    "required_fields": {"create": ["contact_name"], "resolve": ["reply", "outcome"]},
    "kpis": ["on_time", "completion", "avg_time"],
    "outcome_labels": {"resolved": "予以公开", "partly": "部分公开", "unresolved": "不予公开或无法提供"},
    "description": "依申请公开：《政府信息公开条例》第三十三条，收到申请之日起20个工作日内答复，"
    "经负责人同意可延长不超过20个工作日；需补正的，补正期间挂起。",
    "public": False,
}
CATEGORIES = [("info", "政府信息"), ("other", "其他")]
POLICY = {
    "day_basis": "workdays",
    "clock_starts": "received",
    "sign_days": 1,
    "resolution_days": 20,
    "near_due_days": 3,
    "max_extension_days": 20,
    "note": "政府信息公开条例第三十三条：20个工作日答复，可延长不超过20个工作日",
}


def seed(apps, schema_editor):
    CaseType = apps.get_model("cases", "CaseType")
    Category = apps.get_model("cases", "Category")
    SlaPolicy = apps.get_model("cases", "SlaPolicy")
    ct, _ = CaseType.objects.update_or_create(code="disclosure", defaults=SPEC)
    for i, (code, name) in enumerate(CATEGORIES, start=1):
        Category.objects.update_or_create(case_type=ct, code=code, defaults={"name": name, "sort_order": i * 10})
    if not SlaPolicy.objects.filter(case_type=ct).exists():
        SlaPolicy.objects.create(case_type=ct, **POLICY)


def unseed(apps, schema_editor):
    apps.get_model("cases", "CaseType").objects.filter(code="disclosure", cases__isnull=True).delete()


class Migration(migrations.Migration):
    dependencies = [("portal", "0001_disclosure_catalogue_and_publication"), ("cases", "0020_case_short_code")]
    operations = [migrations.RunPython(seed, unseed)]
