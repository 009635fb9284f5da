"""林长制 as its own register (forest sections, 林长 levels, 巡林 sheet and case type), separate from
河长制 (whose patrol sheet gets a version 2 without the forest lines); the Excel layouts each ledger is
kept in; how often each patrol is due; the catalogue rows of the new computed indicators; the score
roll-up filled from the inspections already recorded. Frozen data: no import of the app's code."""

from django.db import migrations

FOREST_CASE = ("forest_issue", "林长巡林问题", 94, [("felling", "乱砍滥伐"), ("occupy", "毁林占地"),
                                                ("fire", "火灾隐患"), ("pest", "病虫害")], 10)

FOREST_ATTRIBUTES = [
    {"key": "level", "label": "林长级别", "type": "choice", "choices": ["县级林长", "乡级林长", "村级林长"],
     "required": True},
    {"key": "area_mu", "label": "面积(亩)", "type": "number"},
    {"key": "forest_kind", "label": "林地类别", "type": "choice", "choices": ["公益林", "商品林", "天然林"]},
]

# code, name, period, once, due per period, pass mark, criteria (text, points, rule, evidence, fault)
RIVER_V2 = ("river-patrol", "河长巡河记录表", "month", False, 1, 100, [
    ("河面无漂浮物", 20, "水面无垃圾、水葫芦等漂浮物", True, True),
    ("无倾倒垃圾", 20, "河岸、滩地无垃圾和渣土倾倒", True, True),
    ("无非法采砂", 20, "无采砂船只和堆场", True, True),
    ("无违法排污", 20, "入河排污口无异常排放", True, True),
    ("岸线无违建", 20, "管理范围内无新增违法建筑", True, True),
])
FOREST_SHEET = ("forest-patrol", "林长巡林记录表", "month", False, 1, 100, [
    ("无乱砍滥伐", 20, "无新伐桩、无非法运输木材", True, True),
    ("无毁林占地", 20, "无开垦、建房、采石等占用林地", True, True),
    ("无野外用火", 20, "无烧荒、祭祀用火痕迹", True, True),
    ("无病虫害异常", 20, "无成片枯死、松材线虫病等异常", True, True),
    ("防火设施完好", 20, "防火标牌、隔离带、扑火工具完好", False, False),
])


def col(label, value, width=12):
    return {"label": label, "value": value, "width": width}


LAYOUTS = {
    "streetlight": {
        "title": "路灯巡查台账", "rows": "inspections", "sheet": "light-patrol",
        "columns": [
            col("序号", "seq", 6), col("路灯编号", "number", 14), col("安装位置", "name", 22),
            col("所在道路", "owner", 16), col("供电方式", "attr:power", 10), col("巡查日期", "date", 12),
            col("巡查人", "inspector", 12), col("亮灯情况", "result", 10), col("故障情况", "failed", 16),
            col("报修单号及状态", "problem", 26), col("销号日期", "closed_on", 12),
            col("维护单位", "maintainer", 18), col("备注", "note", 20),
        ],
        "groups": [{"label": "巡查情况", "first": 6, "last": 9}, {"label": "维修销号", "first": 10, "last": 11}],
    },
    "parcel": {
        "title": "耕地图斑核查整改台账", "rows": "items", "sheet": "parcel-check",
        "columns": [
            col("序号", "seq", 6), col("图斑编号", "number", 14), col("所在村", "village", 12),
            col("位置", "name", 16), col("面积(亩)", "attr:area_mu", 10), col("问题类型", "attr:cause", 10),
            col("承包农户", "owner", 12), col("整改措施", "attr:measure", 18),
            col("整改期限", "attr:deadline", 12), col("整改责任人", "maintainer", 14),
            col("核查日期", "date", 12), col("核查结果", "result", 10), col("整改及销号", "problem", 26),
            col("销号日期", "closed_on", 12),
        ],
        "groups": [{"label": "图斑基本情况", "first": 2, "last": 7},
                   {"label": "整改要求", "first": 8, "last": 10},
                   {"label": "核查销号", "first": 11, "last": 14}],
    },
    "village_env": {
        "title": "人居环境整治检查记录表", "rows": "inspections", "sheet": "living-env",
        "columns": [
            col("序号", "seq", 6), col("村(社区)", "village", 12), col("村书记", "owner", 12),
            col("保洁公司", "maintainer", 16), col("检查日期", "date", 12),
            col("生活垃圾(25)", "mark:1", 10), col("生活污水(20)", "mark:2", 10),
            col("农村厕所(15)", "mark:3", 10), col("道路沟渠(20)", "mark:4", 10),
            col("村容村貌(20)", "mark:5", 10), col("总分", "score", 8), col("等次", "result", 8),
            col("发现问题", "failed", 18), col("整改情况", "problem", 26), col("检查人", "inspector", 12),
        ],
        "groups": [{"label": "各项得分", "first": 6, "last": 10}],
    },
    "household": {
        "title": "家庭积分台账", "rows": "households",
        "columns": [
            col("序号", "seq", 6), col("户号", "number", 10), col("户主", "owner", 12),
            col("村(社区)", "village", 12), col("家庭人口", "attr:members", 10),
            col("累计获得积分", "earned", 12), col("已兑换积分", "spent", 12), col("结余积分", "balance", 10),
            col("联系干部", "maintainer", 14),
        ],
        "groups": [{"label": "积分情况", "first": 6, "last": 8}],
    },
    "river": {
        "title": "河长巡河记录", "rows": "inspections", "sheet": "river-patrol",
        "columns": [
            col("序号", "seq", 6), col("河段编号", "number", 12), col("河段名称", "name", 16),
            col("河长", "owner", 12), col("河长级别", "attr:level", 10), col("巡河日期", "date", 12),
            col("巡河人", "inspector", 12), col("河面漂浮物", "ok:1", 10), col("倾倒垃圾", "ok:2", 10),
            col("非法采砂", "ok:3", 10), col("违法排污", "ok:4", 10), col("岸线违建", "ok:5", 10),
            col("发现问题", "failed", 18), col("处理情况", "problem", 26), col("销号日期", "closed_on", 12),
            col("备注", "note", 16),
        ],
        "groups": [{"label": "巡查内容（√无问题 ×有问题）", "first": 8, "last": 12},
                   {"label": "问题处理", "first": 13, "last": 15}],
    },
    "forest": {
        "title": "林长巡林记录", "rows": "inspections", "sheet": "forest-patrol",
        "columns": [
            col("序号", "seq", 6), col("林班/小班", "number", 12), col("林区名称", "name", 16),
            col("林长", "owner", 12), col("林长级别", "attr:level", 10), col("护林员", "maintainer", 12),
            col("巡林日期", "date", 12), col("巡林人", "inspector", 12), col("乱砍滥伐", "ok:1", 10),
            col("毁林占地", "ok:2", 10), col("野外用火", "ok:3", 10), col("病虫害", "ok:4", 10),
            col("防火设施", "ok:5", 10), col("处理情况", "problem", 26), col("备注", "note", 16),
        ],
        "groups": [{"label": "巡查内容（√正常 ×异常）", "first": 9, "last": 13}],
    },
}

INDICATORS = [
    ("ledgers-patrol-rate-streetlight", "路灯巡查完成率", "%", "rate",
     "统计期内各期每个在册对象应巡查次数之和中已完成的比例（每期超出应查次数的不计）。", ["路灯巡查率"]),
    ("ledgers-patrol-rate-river", "河长巡河完成率", "%", "rate",
     "统计期内各期每个在册对象应巡查次数之和中已完成的比例（每期超出应查次数的不计）。", ["巡河率", "河长巡河率"]),
    ("ledgers-patrol-rate-forest", "林长巡林完成率", "%", "rate",
     "统计期内各期每个在册对象应巡查次数之和中已完成的比例（每期超出应查次数的不计）。", ["巡林率", "林长巡林率"]),
    ("ledgers-repair-days-median", "台账问题整改用时（中位数）", "工作日", "level",
     "统计期内销号的台账问题（巡查发现转案件的），从受理到销号的工作日数的中位数。", ["整改用时", "销号用时"]),
    ("ledgers-repair-days-mean", "台账问题整改用时（平均）", "工作日", "level",
     "统计期内销号的台账问题（巡查发现转案件的），从受理到销号的工作日数的平均数。", ["平均整改用时"]),
]


def seed(apps, schema_editor):
    CaseType = apps.get_model("cases", "CaseType")
    Category = apps.get_model("cases", "Category")
    SlaPolicy = apps.get_model("cases", "SlaPolicy")
    RegisterType = apps.get_model("ledgers", "RegisterType")
    ScoreSheet = apps.get_model("ledgers", "ScoreSheet")
    Criterion = apps.get_model("ledgers", "Criterion")
    Indicator = apps.get_model("accounts", "Indicator")
    code, name, order, categories, days = FOREST_CASE
    river_case = CaseType.objects.filter(code="river_forest").first()
    ct, _ = CaseType.objects.update_or_create(
        code=code,
        defaults={
            "name": name, "sort_order": order, "default_channel": "inspection",
            "resolve_label": "整改完成", "requires_sign": False, "requires_verification": True,
            "requires_callback": False, "requires_photos": True, "allow_direct": True,
            "auto_dispatch": True, "required_fields": {"resolve": ["reply"]},
            "detail_fields": [["ledger_item", "台账编号"]], "kpis": ["rectification", "on_time", "avg_time"],
            "status_labels": {"resolved": {"internal": "整改完成待复查"}, "closed": {"internal": "已销号"}},
            "description": "林长巡林发现的问题：派给责任站所，整改后上传整改后照片，复查通过即销号。",
        },
    )
    for i, (c_code, c_name) in enumerate(categories, start=1):
        Category.objects.update_or_create(case_type=ct, code=c_code, defaults={"name": c_name, "sort_order": i * 10})
    if not SlaPolicy.objects.filter(case_type=ct).exists():
        SlaPolicy.objects.create(
            case_type=ct, day_basis="workdays", clock_starts="dispatched", resolution_days=days,
            near_due_days=1, max_extension_days=days, note="台账问题整改时限",
        )
    if river_case is not None:
        river_case.name = "河长巡河问题"
        river_case.save(update_fields=["name"])
    RegisterType.objects.filter(code="river").update(
        name="河长制河段台账", number_label="河段编号", owner_label="河长",
    )
    forest, _ = RegisterType.objects.update_or_create(
        code="forest",
        defaults={
            "name": "林长制林区台账", "kind": "section", "number_label": "林班/小班编号", "owner_label": "林长",
            "maintainer_label": "护林员", "attributes": FOREST_ATTRIBUTES, "case_type": ct, "sort_order": 55,
        },
    )
    registers = {r.code: r for r in RegisterType.objects.all()}
    for register, spec in (("river", RIVER_V2), ("forest", FOREST_SHEET)):
        s_code, s_name, period, once, due, pass_mark, criteria = spec
        latest = ScoreSheet.objects.filter(code=s_code).order_by("-version").first()
        if latest is not None and latest.name == s_name:
            continue
        ScoreSheet.objects.filter(code=s_code).update(is_current=False)
        sheet = ScoreSheet.objects.create(
            register_type=registers[register], code=s_code, version=(latest.version + 1) if latest else 1,
            name=s_name, period=period, once_per_period=once, due_per_period=due, pass_mark=pass_mark,
        )
        for i, (text, points, rule, evidence, fault) in enumerate(criteria, start=1):
            Criterion.objects.create(
                sheet=sheet, order=i, text=text, points=points, rule=rule, evidence_required=evidence,
                is_fault=fault,
            )
    ScoreSheet.objects.filter(code="light-patrol").update(due_per_period=1)
    for r_code, layout in LAYOUTS.items():
        RegisterType.objects.filter(code=r_code).update(layout=layout)
    for i_code, i_name, unit, measure, definition, aliases in INDICATORS:
        if not Indicator.objects.filter(code=i_code).exists():
            Indicator.objects.create(
                code=i_code, name=i_name, unit=unit, measure=measure, definition=definition, version="2026.1",
                period="month", cumulative=True, level="town", source="computed", computation=i_code,
                source_body="落实平台", unit_code="", aliases=aliases,
            )
    rebuild_rollup(apps)


def rebuild_rollup(apps):
    from django.db.models import Count, Q, Sum

    Inspection = apps.get_model("ledgers", "Inspection")
    ScoreRollup = apps.get_model("ledgers", "ScoreRollup")
    ScoreRollup.objects.all().delete()
    key = ("town_id", "sheet_code", "period", "village_id", "contractor")
    rows = Inspection.objects.order_by().values(*key).annotate(
        n=Count("id"), s=Sum("percent"), f=Count("id", filter=Q(passed=False))
    )
    ScoreRollup.objects.bulk_create(
        [ScoreRollup(**{k: r[k] for k in key}, inspections=r["n"], percent_sum=r["s"], failed=r["f"]) for r in rows],
        batch_size=2000,
    )


def unseed(apps, schema_editor):
    apps.get_model("accounts", "Indicator").objects.filter(
        code__in=[i[0] for i in INDICATORS], values__isnull=True
    ).delete()


class Migration(migrations.Migration):
    dependencies = [
        ("ledgers", "0003_rollup_layouts_patrol_frequency"),
        ("accounts", "0002_seed_catalogue"),
    ]
    operations = [migrations.RunPython(seed, unseed)]
