"""Add the computed indicators the report writer quotes (cases received per type, key projects in the
plan, livelihood projects adopted): the same idempotent seed as 0002, which adds only missing codes."""

from django.db import migrations


def seed(apps, schema_editor):
    from luoshi.accounts.catalogue import seeds

    Indicator = apps.get_model("accounts", "Indicator")
    have = set(Indicator.objects.values_list("code", flat=True))
    Indicator.objects.bulk_create([Indicator(**row) for row in seeds() if row["code"] not in have])


class Migration(migrations.Migration):
    dependencies = [("accounts", "0002_seed_catalogue")]

    operations = [migrations.RunPython(seed, migrations.RunPython.noop)]
