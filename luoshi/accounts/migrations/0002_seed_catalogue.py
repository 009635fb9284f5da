"""Seed the county-wide indicator catalogue (luoshi/accounts/catalogue.py): the indicators town
reports quote, and one computed indicator per registry entry. Adds only missing codes."""

from django.db import migrations


def seed(apps, schema_editor):
    from luoshi.accounts.catalogue import seeds

    Indicator = apps.get_model("accounts", "Indicator")
    have = set(Indicator.objects.values_list("code", flat=True))
    Indicator.objects.bulk_create([Indicator(**row) for row in seeds() if row["code"] not in have])


def unseed(apps, schema_editor):
    from luoshi.accounts.catalogue import seeds

    Indicator = apps.get_model("accounts", "Indicator")
    Indicator.objects.filter(code__in=[row["code"] for row in seeds()], values__isnull=True).delete()


class Migration(migrations.Migration):
    dependencies = [("accounts", "0001_indicator_catalogue")]

    operations = [migrations.RunPython(seed, unseed)]
