"""Catalogue rows of the desk's computed indicators (luoshi/economy/indicators.py): frozen here as
data, so the migration does not depend on the registry's code. Adds missing codes; sets aliases."""

from django.db import migrations

V = "2026.1"
# code, name, unit, measure, definition, aliases
ROWS = [
    ("economy-output", "监测企业工业总产值", "亿元", "level",
     "本镇在库规上工业企业月度工业总产值（万元）1-N月之和 ÷ 10000；企业须在当月持有规上工业标志。",
     ["企业月报工业总产值"]),
    ("economy-output-growth", "监测企业工业总产值增速", "%", "growth",
     "1-N月规上工业总产值与上年同期（同一批月份）之比减一；分子为本期累计、分母为上年同期累计（万元）。",
     ["企业月报工业总产值增速"]),
    ("economy-taxable-sales", "监测企业应税销售", "亿元", "level",
     "本镇在库规上工业企业月度应税销售（万元）1-N月之和 ÷ 10000。", ["企业月报应税销售"]),
    ("economy-kwh", "监测企业用电量", "万千瓦时", "level",
     "本镇在库规上工业企业月度用电量（千瓦时，供电公司户号数据）1-N月之和 ÷ 10000。", ["企业用电量", "工业用电量"]),
    ("economy-tax", "监测企业入库税金", "万元", "level",
     "本镇在库规上工业企业月度入库税金（万元）1-N月之和。", ["企业入库税金"]),
    ("cases-enterprise-solved", "帮助企业解决问题", "个", "level",
     "企业诉求（走访中企业提出的问题）在统计期内办结的件数，按案件“办结率”口径的分子计。",
     ["解决企业问题", "为企业解决问题", "帮助企业解决问题数"]),
]


def seed(apps, schema_editor):
    Indicator = apps.get_model("accounts", "Indicator")
    for code, name, unit, measure, definition, aliases in ROWS:
        row = Indicator.objects.filter(code=code).first()
        if row is None:
            Indicator.objects.create(
                code=code, name=name, unit=unit, measure=measure, definition=definition, version=V,
                period="month", cumulative=True, level="town", source="computed", computation=code,
                source_body="落实平台", unit_code="", aliases=aliases,
            )
        elif not row.aliases:
            row.aliases = aliases
            row.save(update_fields=["aliases"])


def unseed(apps, schema_editor):
    Indicator = apps.get_model("accounts", "Indicator")
    Indicator.objects.filter(code__in=[r[0] for r in ROWS], values__isnull=True, plan_items__isnull=True).delete()


class Migration(migrations.Migration):
    dependencies = [("economy", "0002_case_types"), ("accounts", "0002_seed_catalogue")]
    operations = [migrations.RunPython(seed, unseed)]
