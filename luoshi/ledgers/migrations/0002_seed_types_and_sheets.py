"""Seed the five ledgers (DOMAIN §11.1, §11.3–§11.6): their case types, register types, first score
sheets, and the 亮灯率 indicator. All data an admin may change later; a used sheet gets a new version."""

from django.db import migrations

# The case types problems found on the registers become (整改 with before/after photos, 复查 → 销号).
CASE_TYPES = [
    ("facility_fault", "设施故障", 90, [("light", "路灯不亮"), ("damage", "设施损坏")], 3),
    ("parcel_fix", "耕地图斑整改", 91, [("abandoned", "撂荒"), ("nonfarm", "非农化"), ("nongrain", "非粮化")], 30),
    ("living_env", "人居环境问题", 92, [("waste", "垃圾"), ("sewage", "污水"), ("toilet", "厕所"), ("look", "村容村貌")], 7),
    ("river_forest", "河湖林长巡查问题", 93, [("dumping", "倾倒垃圾"), ("sand", "非法采砂"), ("outlet", "排污口"), ("fire", "火灾隐患")], 10),
]

# code, name, kind, number label, owner label, maintainer label, attributes, case type, order
REGISTERS = [
    ("streetlight", "路灯台账", "facility", "路灯编号", "所在道路", "维护单位",
     [{"key": "power", "label": "供电方式", "type": "choice", "choices": ["市电", "太阳能"]},
      {"key": "watts", "label": "功率(瓦)", "type": "number"}], "facility_fault", 10),
    ("parcel", "耕地图斑台账", "parcel", "图斑编号", "承包农户", "整改责任人",
     [{"key": "area_mu", "label": "面积(亩)", "type": "number", "required": True},
      {"key": "cause", "label": "问题类型", "type": "choice", "choices": ["撂荒", "非农化", "非粮化"]},
      {"key": "measure", "label": "整改措施", "type": "text"},
      {"key": "deadline", "label": "整改期限", "type": "text"}], "parcel_fix", 20),
    ("village_env", "人居环境台账", "village", "村编号", "村书记", "保洁公司", [], "living_env", 30),
    ("household", "农户台账（家庭积分）", "household", "户号", "户主", "联系干部",
     [{"key": "members", "label": "家庭人口", "type": "number"}], None, 40),
    ("river", "河段林区台账", "section", "河段/林区编号", "河长/林长", "管护单位",
     [{"key": "level", "label": "河(林)长级别", "type": "choice", "choices": ["县级", "镇级", "村级"]},
      {"key": "length_km", "label": "长度(公里)", "type": "number"}], "river_forest", 50),
]

# register, code, name, period, once per period, pass mark, criteria (text, points, rule, evidence, fault)
SHEETS = [
    ("streetlight", "light-patrol", "路灯巡查表", "month", True, 100, [
        ("灯亮", 1, "夜间巡查灯具正常点亮", True, True),
    ]),
    ("parcel", "parcel-check", "图斑核查表", "", False, 100, [
        ("已复耕复种", 1, "现场已恢复耕种（附带坐标照片）", True, True),
    ]),
    ("village_env", "living-env", "人居环境考核评分表", "month", True, 60, [
        ("生活垃圾", 25, "无乱堆乱放、垃圾桶不满溢、日产日清", True, True),
        ("生活污水", 20, "无污水横流，管网设施正常运行", True, True),
        ("农村厕所", 15, "公厕干净无异味，户厕正常使用", True, True),
        ("道路沟渠", 20, "路面整洁、沟渠畅通无杂物", True, True),
        ("村容村貌", 20, "无乱搭乱建、乱贴乱画，房前屋后整洁", False, False),
    ]),
    ("river", "river-patrol", "河湖林长巡查表", "", False, 100, [
        ("无倾倒垃圾", 25, "河道、林区无垃圾倾倒", True, True),
        ("无非法采砂", 25, "无采砂船只和堆场", True, True),
        ("无违法排污", 25, "入河排污口无异常排放", True, True),
        ("无火灾隐患", 25, "林区无野外用火痕迹", True, True),
    ]),
]


def seed(apps, schema_editor):
    CaseType = apps.get_model("cases", "CaseType")
    Category = apps.get_model("cases", "Category")
    SlaPolicy = apps.get_model("cases", "SlaPolicy")
    RegisterType = apps.get_model("ledgers", "RegisterType")
    ScoreSheet = apps.get_model("ledgers", "ScoreSheet")
    Criterion = apps.get_model("ledgers", "Criterion")
    Indicator = apps.get_model("accounts", "Indicator")
    types = {}
    for code, name, order, categories, days in CASE_TYPES:
        ct, _ = CaseType.objects.update_or_create(
            code=code,
            defaults={
                "name": name, "sort_order": order, "default_channel": "inspection",
                "resolve_label": "整改完成", "requires_sign": False, "requires_verification": True,
                "requires_callback": False, "requires_photos": True, "allow_direct": True,
                "auto_dispatch": True, "required_fields": {"resolve": ["reply"]},
                "detail_fields": [["ledger_item", "台账编号"]],
                "kpis": ["rectification", "on_time", "avg_time"],
                "status_labels": {"resolved": {"internal": "整改完成待复查"}, "closed": {"internal": "已销号"}},
                "description": "台账巡查发现的问题：按派单规则派给责任站所，整改后上传整改后照片，复查通过即销号。",
            },
        )
        types[code] = ct
        for i, (c_code, c_name) in enumerate(categories, start=1):
            Category.objects.update_or_create(case_type=ct, code=c_code, defaults={"name": c_name, "sort_order": i * 10})
        if not SlaPolicy.objects.filter(case_type=ct).exists():
            SlaPolicy.objects.create(
                case_type=ct, day_basis="workdays", clock_starts="dispatched", resolution_days=days,
                near_due_days=1, max_extension_days=days, note="台账问题整改时限",
            )
    registers = {}
    for code, name, kind, number, owner, maintainer, attributes, case_type, order in REGISTERS:
        registers[code], _ = RegisterType.objects.update_or_create(
            code=code,
            defaults={
                "name": name, "kind": kind, "number_label": number, "owner_label": owner,
                "maintainer_label": maintainer, "attributes": attributes,
                "case_type": types.get(case_type), "sort_order": order,
            },
        )
    for register, code, name, period, once, pass_mark, criteria in SHEETS:
        if ScoreSheet.objects.filter(code=code).exists():
            continue
        sheet = ScoreSheet.objects.create(
            register_type=registers[register], code=code, version=1, name=name, period=period,
            once_per_period=once, pass_mark=pass_mark,
        )
        for i, (text, points, rule, evidence, fault) in enumerate(criteria, start=1):
            Criterion.objects.create(
                sheet=sheet, order=i, text=text, points=points, rule=rule, evidence_required=evidence, is_fault=fault
            )
    Indicator.objects.get_or_create(
        code="ledgers-lights-on",
        defaults={
            "name": "亮灯率", "unit": "%", "measure": "rate", "period": "month", "cumulative": False,
            "source": "computed", "computation": "ledgers-lights-on", "source_body": "落实平台",
            "aliases": ["亮灯率", "路灯亮灯率"], "version": "2026.1",
            "definition": "统计期末在册路灯中，没有未销号故障的盏数 ÷ 在册路灯总数。",
        },
    )


def unseed(apps, schema_editor):
    apps.get_model("accounts", "Indicator").objects.filter(code="ledgers-lights-on", values__isnull=True).delete()
    apps.get_model("ledgers", "Criterion").objects.all().delete()
    apps.get_model("ledgers", "ScoreSheet").objects.all().delete()
    apps.get_model("ledgers", "RegisterType").objects.filter(items__isnull=True).delete()
    apps.get_model("cases", "CaseType").objects.filter(code__in=[c[0] for c in CASE_TYPES], cases__isnull=True).delete()


class Migration(migrations.Migration):
    dependencies = [
        ("ledgers", "0001_registers_inspections_points"),
        ("cases", "0020_case_short_code"),
        ("accounts", "0002_seed_catalogue"),
    ]
    operations = [migrations.RunPython(seed, unseed)]
