"""A trigram index on ``category_path`` for the category filter on PostgreSQL.

The filter is ``category_path LIKE '% slug %'`` (the path holds a listing's
categories and their ancestors between spaces). Without an index PostgreSQL reads
the table newest first until it has enough rows, so a rare category (say
``digital.mitid``) made the map read all 260,000 listings of the ``large`` seed:
75 ms for its query alone, 6 ms with this index (docs/benchmarks.md). SQLite, the
small embedded default, needs none.
"""

from django.db import migrations


def forwards(apps, schema_editor):
    if schema_editor.connection.vendor != "postgresql":
        return
    schema_editor.execute("CREATE EXTENSION IF NOT EXISTS pg_trgm")
    schema_editor.execute(
        "CREATE INDEX IF NOT EXISTS res_category_path_trgm "
        "ON resources_listing USING gin (category_path gin_trgm_ops)"
    )


def backwards(apps, schema_editor):
    if schema_editor.connection.vendor != "postgresql":
        return
    schema_editor.execute("DROP INDEX IF EXISTS res_category_path_trgm")


class Migration(migrations.Migration):
    dependencies = [("resources", "0007_match_index_tokens")]
    operations = [migrations.RunPython(forwards, backwards)]
