"""Full-text search: a GIN index on PostgreSQL, an FTS5 table on SQLite."""

from django.db import migrations

PG_FORWARD = [
    "CREATE INDEX IF NOT EXISTS res_listing_search_gin "
    "ON resources_listing USING gin (search_vector)",
]
PG_BACKWARD = ["DROP INDEX IF EXISTS res_listing_search_gin"]
SQLITE_FORWARD = [
    # rowid = listing id; body = the Danish Snowball stems of title and text
    "CREATE VIRTUAL TABLE IF NOT EXISTS resources_listing_fts USING fts5("
    "body, tokenize='unicode61 remove_diacritics 0')",
]
SQLITE_BACKWARD = ["DROP TABLE IF EXISTS resources_listing_fts"]


def forward(apps, schema_editor):
    vendor = schema_editor.connection.vendor
    statements = {"postgresql": PG_FORWARD, "sqlite": SQLITE_FORWARD}.get(vendor, [])
    for sql in statements:
        schema_editor.execute(sql)


def backward(apps, schema_editor):
    vendor = schema_editor.connection.vendor
    statements = {"postgresql": PG_BACKWARD, "sqlite": SQLITE_BACKWARD}.get(vendor, [])
    for sql in statements:
        schema_editor.execute(sql)


class Migration(migrations.Migration):
    dependencies = [("resources", "0001_initial")]
    operations = [migrations.RunPython(forward, backward)]
