"""Two case types for the economy desk (data an admin may change later):

* 企业诉求 (``enterprise``): problems enterprises raise during visits (用地、用电、融资、审批、用工 …),
  with a deadline, a reply and the enterprise's rating; resolved ones are 帮助企业解决问题.
* 经济运行预警核查 (``econ_warning``): an early warning turned into a task for the economy office.
"""

from django.db import migrations

TYPES = [
    {
        "code": "enterprise", "name": "企业诉求", "sort_order": 90, "default_channel": "visit",
        "resolve_label": "答复", "requires_sign": True, "requires_callback": True,
        "required_fields": {"resolve": ["reply"]},
        "kpis": ["on_time", "completion", "satisfaction", "avg_time"],
        "description": "助企服务：走访中企业反映的用地、用电、融资、审批、用工等问题，限期办理、答复并由企业评价。",
        "categories": [("land", "用地"), ("power", "用电用能"), ("finance", "融资"), ("approval", "审批手续"),
                       ("labour", "用工"), ("policy", "政策兑现"), ("other", "其他")],
        "policies": [{"day_basis": "workdays", "clock_starts": "dispatched", "sign_days": 1,
                      "resolution_days": 15, "near_due_days": 3, "max_extension_days": 15,
                      "note": "本地规定，可调整"}],
    },
    {
        "code": "econ_warning", "name": "经济运行预警核查", "sort_order": 95, "default_channel": "inspection",
        "resolve_label": "核实反馈", "requires_sign": True, "requires_callback": False, "allow_direct": True,
        "required_fields": {"resolve": ["reply"]},
        "kpis": ["on_time", "completion", "avg_time"],
        "description": "经济运行监测预警（用电下降、产值连续下降、临近规上标准、用工减少、停报）转为的核查任务。",
        "categories": [],
        "policies": [{"day_basis": "workdays", "clock_starts": "received", "sign_days": 1,
                      "resolution_days": 10, "near_due_days": 2, "max_extension_days": 5}],
    },
]


def seed(apps, schema_editor):
    CaseType = apps.get_model("cases", "CaseType")
    Category = apps.get_model("cases", "Category")
    SlaPolicy = apps.get_model("cases", "SlaPolicy")
    for spec in TYPES:
        spec = dict(spec)
        categories = spec.pop("categories")
        policies = spec.pop("policies")
        code = spec.pop("code")
        ct, _ = CaseType.objects.update_or_create(code=code, defaults=spec)
        for i, (c_code, c_name) in enumerate(categories, start=1):
            Category.objects.update_or_create(
                case_type=ct, code=c_code, defaults={"name": c_name, "sort_order": i * 10}
            )
        if not SlaPolicy.objects.filter(case_type=ct).exists():
            for p in policies:
                SlaPolicy.objects.create(case_type=ct, **p)


def unseed(apps, schema_editor):
    CaseType = apps.get_model("cases", "CaseType")
    CaseType.objects.filter(code__in=[t["code"] for t in TYPES], cases__isnull=True).delete()


class Migration(migrations.Migration):
    dependencies = [("economy", "0001_enterprise_register"), ("cases", "0020_case_short_code")]
    operations = [migrations.RunPython(seed, unseed)]
