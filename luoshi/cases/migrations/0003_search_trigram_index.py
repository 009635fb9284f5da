"""Trigram indexes for case search on PostgreSQL (icontains then uses the index); SQLite skips this."""

from django.db import migrations

INDEXES = [
    ("case_title_trgm", "title"),
    ("case_content_trgm", "content"),
    ("case_address_trgm", "address"),
]


def create(apps, schema_editor):
    if schema_editor.connection.vendor != "postgresql":
        return
    schema_editor.execute("CREATE EXTENSION IF NOT EXISTS pg_trgm")
    for name, column in INDEXES:
        schema_editor.execute(
            f"CREATE INDEX IF NOT EXISTS {name} ON cases_case USING gin (UPPER({column}::text) gin_trgm_ops)"
        )


def drop(apps, schema_editor):
    if schema_editor.connection.vendor != "postgresql":
        return
    for name, _column in INDEXES:
        schema_editor.execute(f"DROP INDEX IF EXISTS {name}")


class Migration(migrations.Migration):
    dependencies = [("cases", "0002_seed_case_types")]
    operations = [migrations.RunPython(create, drop)]
