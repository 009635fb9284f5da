"""Add the assistance ledgers' computed indicators to the catalogue of an existing database (a new
one gets them from accounts 0002). Adds only missing codes."""

from django.db import migrations


def seed(apps, schema_editor):
    from luoshi.accounts.catalogue import seeds

    Indicator = apps.get_model("accounts", "Indicator")
    have = set(Indicator.objects.values_list("code", flat=True))
    rows = [r for r in seeds() if r["code"].startswith("assistance-") and r["code"] not in have]
    Indicator.objects.bulk_create([Indicator(**row) for row in rows])


def unseed(apps, schema_editor):
    Indicator = apps.get_model("accounts", "Indicator")
    Indicator.objects.filter(code__startswith="assistance-", values__isnull=True).delete()


class Migration(migrations.Migration):
    dependencies = [("assistance", "0001_households_payments_audit"), ("accounts", "0002_seed_catalogue")]

    operations = [migrations.RunPython(seed, unseed)]
