"""Trigram indexes for searching people by name or e-mail (PostgreSQL only).

Django turns ``icontains`` into ``UPPER(col::text) LIKE UPPER(%s)``; GIN trigram
indexes on exactly those expressions make the administrators' people search fast
at Copenhagen scale. On SQLite (the embedded demo) nothing is created.
"""

from django.db import migrations

INDEXES = {
    "accounts_user_name_trgm": '"display_name"',
    "accounts_user_email_trgm": '"email"',
}


def create(apps, schema_editor):
    if schema_editor.connection.vendor != "postgresql":
        return
    schema_editor.execute("CREATE EXTENSION IF NOT EXISTS pg_trgm")
    for name, column in INDEXES.items():
        schema_editor.execute(
            f"CREATE INDEX IF NOT EXISTS {name} ON accounts_user "
            f"USING gin ((UPPER({column}::text)) gin_trgm_ops)"
        )


def drop(apps, schema_editor):
    if schema_editor.connection.vendor != "postgresql":
        return
    for name in INDEXES:
        schema_editor.execute(f"DROP INDEX IF EXISTS {name}")


class Migration(migrations.Migration):
    dependencies = [("accounts", "0005_role_indexes")]

    operations = [migrations.RunPython(create, drop, elidable=False)]
