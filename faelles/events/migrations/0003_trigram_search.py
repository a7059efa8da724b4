"""Trigram indexes for free-text search in the event calendar on PostgreSQL.

The calendar search uses ``icontains`` (``UPPER(col::text) LIKE``) on title and
place; these pg_trgm GIN indexes on exactly those expressions keep it fast at
50,000 events. SQLite (the small embedded default) needs none.
"""

from django.db import migrations

COLUMNS = ["title", "place"]


def forwards(apps, schema_editor):
    if schema_editor.connection.vendor != "postgresql":
        return
    schema_editor.execute("CREATE EXTENSION IF NOT EXISTS pg_trgm")
    for column in COLUMNS:
        schema_editor.execute(
            f"CREATE INDEX IF NOT EXISTS event_{column}_trgm "
            f'ON events_event USING gin (UPPER("{column}"::text) gin_trgm_ops)'
        )


def backwards(apps, schema_editor):
    if schema_editor.connection.vendor != "postgresql":
        return
    for column in COLUMNS:
        schema_editor.execute(f"DROP INDEX IF EXISTS event_{column}_trgm")


class Migration(migrations.Migration):
    dependencies = [("events", "0002_initiative_link")]
    operations = [migrations.RunPython(forwards, backwards)]
