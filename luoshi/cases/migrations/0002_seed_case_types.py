"""Seed the eight case types with their categories and default time limits (DOMAIN.md §1–§5).

Everything here is data an admin can change in Django admin; limits follow the typical local
values in DOMAIN.md and are meant to be adjusted per county (a town-specific SlaPolicy wins).
"""

from django.db import migrations

FIVE_FIXES = [["responsible", "责任人"], ["measures", "整改措施"], ["funds", "整改资金"],
              ["deadline_note", "整改时限"], ["contingency", "应急预案"]]

TYPES = [
    {
        "code": "hotline", "name": "12345热线转办工单", "sort_order": 10, "default_channel": "hotline",
        "resolve_label": "答复", "requires_sign": True, "requires_callback": True, "allow_direct": True,
        "required_fields": {"create": ["contact_phone"], "resolve": ["reply"]},
        "kpis": ["on_time", "completion", "callback", "satisfaction", "avg_time"],
        "description": "县(市)12345平台转办的工单：签收、办理、答复、回访评价。依据国办发〔2020〕53号、国办函〔2025〕66号。",
        "categories": [("consult", "政策咨询"), ("urban", "城乡建设"), ("env", "环境保护"), ("traffic", "交通出行"),
                       ("labour", "劳动社保"), ("agri", "农业农村"), ("market", "市场监管"), ("other", "其他")],
        "policies": [
            {"day_basis": "workdays", "clock_starts": "signed", "sign_days": 1, "response_days": 1,
             "resolution_days": 5, "near_due_days": 1, "max_extension_days": 5, "note": "一般工单5个工作日，可延期一次"},
            {"category": "consult", "day_basis": "workdays", "clock_starts": "signed", "sign_days": 1,
             "response_days": 1, "resolution_days": 3, "near_due_days": 1, "max_extension_days": 2,
             "note": "咨询类3个工作日"},
            {"priority": "urgent", "day_basis": "calendar", "clock_starts": "dispatched", "sign_days": 0,
             "response_days": 0, "resolution_days": 1, "near_due_days": 0, "max_extension_days": 0,
             "note": "紧急工单24小时内办结"},
        ],
    },
    {
        "code": "grid", "name": "网格事件", "sort_order": 20, "default_channel": "grid",
        "resolve_label": "处置完成", "requires_sign": True, "requires_verification": True,
        "requires_callback": False, "allow_direct": True, "auto_dispatch": True,
        "required_fields": {"resolve": ["reply"]},
        "kpis": ["completion", "on_time", "avg_time"],
        "status_labels": {"resolved": {"internal": "已处置待核查"}},
        "description": "网格员巡查上报的事件：综治中心受理分拨、处置、反馈、网格员核查、结案。",
        "categories": [("sanitation", "环境卫生"), ("facility", "设施损坏"), ("building", "违章搭建"),
                       ("security", "治安隐患"), ("dispute_lead", "矛盾纠纷线索"), ("service", "民生服务")],
        "policies": [{"day_basis": "workdays", "clock_starts": "dispatched", "sign_days": 1,
                      "resolution_days": 5, "near_due_days": 1, "max_extension_days": 3}],
    },
    {
        "code": "assigned", "name": "上级交办工单", "sort_order": 30, "default_channel": "platform",
        "resolve_label": "办结反馈", "requires_sign": True, "requires_callback": False,
        "required_fields": {"resolve": ["reply"]},
        "kpis": ["on_time", "completion", "avg_time"],
        "description": "县指挥联动平台等上级交办的工单。",
        "categories": [("governance", "基层治理"), ("safety", "安全生产"), ("env", "生态环境"),
                       ("livelihood", "民生保障"), ("other", "其他")],
        "policies": [{"day_basis": "workdays", "clock_starts": "signed", "sign_days": 1,
                      "resolution_days": 10, "near_due_days": 2, "max_extension_days": 5}],
    },
    {
        "code": "petition", "name": "信访事项", "sort_order": 40, "default_channel": "visit",
        "resolve_label": "书面答复", "requires_sign": True, "requires_callback": True,
        "reopen_on_unsatisfied": False,
        "required_fields": {"create": ["contact_name", "contact_phone"], "resolve": ["reply"]},
        "kpis": ["on_time", "completion", "callback", "satisfaction", "avg_time"],
        "status_labels": {"resolved": {"internal": "已答复待评价"}},
        "description": "《信访工作条例》：15日内告知是否受理，60日内办结，复杂的可延长30日；不满意可申请复查。",
        "categories": [("advice", "建议意见类"), ("accuse", "检举控告类"), ("appeal", "申诉求决类")],
        "policies": [{"day_basis": "calendar", "clock_starts": "received", "sign_days": 1, "response_days": 15,
                      "resolution_days": 60, "near_due_days": 7, "max_extension_days": 30,
                      "note": "信访工作条例：15日告知、60日办结、可延长30日"}],
    },
    {
        "code": "dispute", "name": "矛盾纠纷", "sort_order": 50, "default_channel": "visit",
        "resolve_label": "化解", "requires_sign": True, "requires_callback": True,
        "required_fields": {"resolve": ["reply", "outcome"]},
        "kpis": ["mediation", "on_time", "satisfaction", "avg_time"],
        "status_labels": {"resolved": {"internal": "已调处待回访"}},
        "description": "排查发现或群众申请调解的矛盾纠纷：登记、指派调解、调解、回访、化解或移交。",
        "categories": [("neighbour", "邻里纠纷"), ("family", "婚姻家庭"), ("land", "土地山林"),
                       ("labour", "劳资纠纷"), ("property", "物业纠纷"), ("damage", "损害赔偿")],
        "policies": [{"day_basis": "calendar", "clock_starts": "dispatched", "sign_days": 1,
                      "resolution_days": 30, "near_due_days": 3, "max_extension_days": 15,
                      "note": "本地规定，可调整"}],
    },
    {
        "code": "hazard", "name": "安全隐患", "sort_order": 60, "default_channel": "inspection",
        "resolve_label": "整改完成", "requires_sign": True, "requires_verification": True,
        "requires_callback": False, "requires_photos": True,
        "required_fields": {"create": ["address", "details.responsible", "details.measures", "details.funds",
                                       "details.deadline_note", "details.contingency"],
                            "resolve": ["reply"]},
        "detail_fields": FIVE_FIXES,
        "kpis": ["rectification", "on_time", "avg_time"],
        "status_labels": {"resolved": {"internal": "整改完成待复查"}, "closed": {"internal": "已销号"}},
        "description": "隐患排查治理：登记入账、下达整改通知（五定）、整改、复查验收、销号。",
        "categories": [("general", "一般隐患"), ("major", "重大隐患")],
        "policies": [
            {"day_basis": "workdays", "clock_starts": "dispatched", "sign_days": 1, "resolution_days": 15,
             "near_due_days": 2, "max_extension_days": 10, "note": "一般隐患限期整改"},
            {"category": "major", "day_basis": "calendar", "clock_starts": "dispatched", "sign_days": 1,
             "resolution_days": 90, "near_due_days": 10, "max_extension_days": 30, "note": "重大隐患挂牌督办"},
        ],
    },
    {
        "code": "suggestion", "name": "人大代表建议", "sort_order": 70, "default_channel": "deputy",
        "resolve_label": "书面答复", "requires_sign": True, "requires_callback": True,
        "required_fields": {"resolve": ["reply", "outcome"]},
        "kpis": ["on_time", "satisfaction", "completion"],
        "description": "代表法：交办之日起3个月内答复，重大复杂的6个月内；代表评价不满意的重新办理。",
        "categories": [("construction", "城乡建设"), ("agri", "农业农村"), ("social", "社会事业"),
                       ("ecology", "生态环境"), ("economy", "经济发展")],
        "policies": [{"day_basis": "calendar", "clock_starts": "dispatched", "sign_days": 3,
                      "resolution_days": 90, "near_due_days": 10, "max_extension_days": 90,
                      "note": "代表法：3个月，至多延至6个月"}],
    },
    {
        "code": "public", "name": "群众反映", "sort_order": 80, "default_channel": "online",
        "resolve_label": "答复", "requires_sign": True, "requires_callback": True,
        "required_fields": {"resolve": ["reply"]},
        "kpis": ["on_time", "completion", "callback", "satisfaction", "avg_time"],
        "description": "群众通过网上表单、来电、来访直接向乡镇反映的问题。",
        "categories": [("sanitation", "环境卫生"), ("road", "道路交通"), ("utility", "水电气"),
                       ("neighbour", "邻里关系"), ("other", "其他")],
        "policies": [{"day_basis": "workdays", "clock_starts": "dispatched", "sign_days": 1, "response_days": 2,
                      "resolution_days": 7, "near_due_days": 1, "max_extension_days": 5}],
    },
]

REPLIES = [
    ("已联系诉求人", "经办人已电话联系诉求人，了解具体情况，正在协调处理，将于办理时限内答复。"),
    ("已现场处置", "经现场核实，问题已处理完毕，并拍照留存，诉求人表示认可。"),
    ("属地不符退单", "经核实，该事项发生地不在我镇辖区，申请退回重新派单。"),
    ("政策解释", "已向诉求人解释相关政策规定，诉求人表示理解。"),
]


def seed(apps, schema_editor):
    CaseType = apps.get_model("cases", "CaseType")
    Category = apps.get_model("cases", "Category")
    SlaPolicy = apps.get_model("cases", "SlaPolicy")
    ReplyTemplate = apps.get_model("cases", "ReplyTemplate")
    for spec in TYPES:
        spec = dict(spec)
        categories = spec.pop("categories")
        policies = spec.pop("policies")
        code = spec.pop("code")
        ct, _ = CaseType.objects.update_or_create(code=code, defaults=spec)
        by_code = {}
        for i, (c_code, c_name) in enumerate(categories, start=1):
            cat, _ = Category.objects.update_or_create(
                case_type=ct, code=c_code, defaults={"name": c_name, "sort_order": i * 10}
            )
            by_code[c_code] = cat
        if not SlaPolicy.objects.filter(case_type=ct).exists():
            for p in policies:
                p = dict(p)
                category = by_code[p.pop("category")] if "category" in p else None
                SlaPolicy.objects.create(case_type=ct, category=category, **p)
    for title, text in REPLIES:
        ReplyTemplate.objects.get_or_create(title=title, town=None, case_type=None, defaults={"text": text})


def unseed(apps, schema_editor):
    CaseType = apps.get_model("cases", "CaseType")
    ReplyTemplate = apps.get_model("cases", "ReplyTemplate")
    CaseType.objects.filter(code__in=[t["code"] for t in TYPES], cases__isnull=True).delete()
    ReplyTemplate.objects.filter(title__in=[t for t, _ in REPLIES], town=None).delete()


class Migration(migrations.Migration):
    dependencies = [("cases", "0001_case_engine")]
    operations = [migrations.RunPython(seed, unseed)]
