"""A short tracking code (8 characters, no 0/O/1/I/L) beside the long one, filled in for existing cases.

The column is added empty, filled (PostgreSQL: one UPDATE drawing the characters in SQL; other
databases: batches of 2,000), any duplicates drawn again, and only then made NOT NULL and unique.
"""

import secrets

from django.db import migrations, models

import luoshi.cases.models

ALPHABET = "23456789ABCDEFGHJKMNPQRSTUVWXYZ"
LENGTH = 8
BATCH = 2000


def _draw() -> str:
    return "".join(secrets.choice(ALPHABET) for _ in range(LENGTH))


def fill(apps, schema_editor):
    Case = apps.get_model("cases", "Case")
    table = Case._meta.db_table
    conn = schema_editor.connection
    with conn.cursor() as cur:
        if conn.vendor == "postgresql":
            # The reference to the outer row makes PostgreSQL draw a fresh code for every row.
            cur.execute(
                f"""UPDATE {table} SET short_code = (
                      SELECT string_agg(substr(%s, 1 + floor(random() * %s)::int, 1), '')
                      FROM generate_series(1, %s) WHERE {table}.id IS NOT NULL)
                    WHERE short_code IS NULL""",
                [ALPHABET, len(ALPHABET), LENGTH],
            )
        else:
            while True:
                cur.execute(f"SELECT id FROM {table} WHERE short_code IS NULL LIMIT %s", [BATCH])
                ids = [row[0] for row in cur.fetchall()]
                if not ids:
                    break
                cur.executemany(
                    f"UPDATE {table} SET short_code = %s WHERE id = %s", [(_draw(), pk) for pk in ids]
                )
        while True:  # duplicates (about one in a million rows): keep one, draw the others again
            cur.execute(f"SELECT short_code FROM {table} GROUP BY short_code HAVING COUNT(*) > 1")
            dupes = [row[0] for row in cur.fetchall()]
            if not dupes:
                break
            for code in dupes:
                cur.execute(f"SELECT id FROM {table} WHERE short_code = %s ORDER BY id", [code])
                for (pk,) in cur.fetchall()[1:]:
                    cur.execute(f"UPDATE {table} SET short_code = %s WHERE id = %s", [_draw(), pk])


class Migration(migrations.Migration):
    dependencies = [
        ("cases", "0019_publication_policy_note_public_rate_limits"),
    ]

    operations = [
        migrations.AddField(
            model_name="case",
            name="short_code",
            field=models.CharField(max_length=8, null=True, verbose_name="短查询码"),
        ),
        migrations.AddField(
            model_name="historicalcase",
            name="short_code",
            field=models.CharField(default="", max_length=8, verbose_name="短查询码"),
            preserve_default=False,
        ),
        migrations.AlterField(
            model_name="historicalcase",
            name="short_code",
            field=models.CharField(
                default=luoshi.cases.models.new_short_code, max_length=8, verbose_name="短查询码"
            ),
        ),
        migrations.RunPython(fill, migrations.RunPython.noop, elidable=True),
        migrations.AlterField(
            model_name="case",
            name="short_code",
            field=models.CharField(
                default=luoshi.cases.models.new_short_code, max_length=8, verbose_name="短查询码"
            ),
        ),
        migrations.AddConstraint(
            model_name="case",
            constraint=models.UniqueConstraint(fields=("short_code",), name="case_short_code_unique"),
        ),
    ]
