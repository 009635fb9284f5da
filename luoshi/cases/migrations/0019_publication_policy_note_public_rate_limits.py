"""Publication policy per case type, public notes, Open311 per-key limits, shared rate counters.

Data: the types residents raise themselves (12345 hotline orders, the public form) stay published;
every other type becomes unpublished until staff decide (petitions, disputes and hazards can never
be published). Existing timeline notes become non-public: none was written with that choice.
"""

from django.db import migrations, models

PUBLISHED = ("hotline", "public")


def publish_resident_types(apps, schema_editor):
    CaseType = apps.get_model("cases", "CaseType")
    CaseType.objects.filter(code__in=PUBLISHED).update(public=True)


class Migration(migrations.Migration):
    dependencies = [
        ("cases", "0018_event_kind_deadline"),
    ]

    operations = [
        migrations.CreateModel(
            name="RateCounter",
            fields=[
                (
                    "bucket",
                    models.CharField(
                        max_length=200, primary_key=True, serialize=False, verbose_name="计数键"
                    ),
                ),
                ("expires_at", models.BigIntegerField(db_index=True, verbose_name="窗口结束(Unix 秒)")),
                ("hits", models.PositiveIntegerField(default=0, verbose_name="次数")),
            ],
            options={
                "verbose_name": "限流计数",
                "verbose_name_plural": "限流计数",
                "db_table": "luoshi_ratecounter",
            },
        ),
        migrations.AddField(
            model_name="caseevent",
            name="note_public",
            field=models.BooleanField(default=False, verbose_name="说明公开"),
        ),
        migrations.AddField(
            model_name="casetype",
            name="public",
            field=models.BooleanField(
                default=False,
                help_text="在 Open311 接口中公开该类型的案件（地址到街路、坐标约百米、姓名和电话打码、仅公开标记为公开的办理说明）。信访、矛盾纠纷和安全隐患不能公开。",
                verbose_name="公开发布",
            ),
        ),
        migrations.AddField(
            model_name="historicalcasetype",
            name="public",
            field=models.BooleanField(
                default=False,
                help_text="在 Open311 接口中公开该类型的案件（地址到街路、坐标约百米、姓名和电话打码、仅公开标记为公开的办理说明）。信访、矛盾纠纷和安全隐患不能公开。",
                verbose_name="公开发布",
            ),
        ),
        migrations.AddField(
            model_name="historicalopen311key",
            name="rate_per_minute",
            field=models.PositiveIntegerField(
                default=60,
                help_text="该密钥每分钟最多可提交的案件数，超出时返回 429；0 表示不限。",
                verbose_name="每分钟提交上限",
            ),
        ),
        migrations.AddField(
            model_name="open311key",
            name="rate_per_minute",
            field=models.PositiveIntegerField(
                default=60,
                help_text="该密钥每分钟最多可提交的案件数，超出时返回 429；0 表示不限。",
                verbose_name="每分钟提交上限",
            ),
        ),
        migrations.RunPython(publish_resident_types, migrations.RunPython.noop),
    ]
