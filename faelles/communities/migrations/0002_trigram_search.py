"""Trigram indexes for "Find et fællesskab" on PostgreSQL.

The search matches parts of words (Danish compounds: "hofte" finds "Hofteholdet"),
so it uses ``icontains``, which Django writes as ``UPPER(col::text) LIKE``.
These pg_trgm GIN indexes on exactly those expressions let PostgreSQL answer it
without reading every community. SQLite (the small embedded default) needs none.
"""

from django.db import migrations

COLUMNS = ["name", "description", "target_group"]


def forwards(apps, schema_editor):
    if schema_editor.connection.vendor != "postgresql":
        return
    schema_editor.execute("CREATE EXTENSION IF NOT EXISTS pg_trgm")
    for column in COLUMNS:
        schema_editor.execute(
            f"CREATE INDEX IF NOT EXISTS community_{column}_trgm "
            f'ON communities_community USING gin (UPPER("{column}"::text) gin_trgm_ops)'
        )


def backwards(apps, schema_editor):
    if schema_editor.connection.vendor != "postgresql":
        return
    for column in COLUMNS:
        schema_editor.execute(f"DROP INDEX IF EXISTS community_{column}_trgm")


class Migration(migrations.Migration):
    dependencies = [("communities", "0001_initial")]
    operations = [migrations.RunPython(forwards, backwards)]
