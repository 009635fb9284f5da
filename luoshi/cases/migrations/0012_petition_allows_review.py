"""Petitions (信访事项) may be reviewed: 复查 within 30 days of the written reply, then 复核 (DOMAIN §4)."""

from django.db import migrations


def allow(apps, schema_editor):
    apps.get_model("cases", "CaseType").objects.filter(code="petition").update(allows_review=True)


def disallow(apps, schema_editor):
    apps.get_model("cases", "CaseType").objects.filter(code="petition").update(allows_review=False)


class Migration(migrations.Migration):
    dependencies = [("cases", "0011_petition_review")]

    operations = [migrations.RunPython(allow, disallow)]
