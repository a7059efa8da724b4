"""The triggers that keep ``Profile.owner_name`` (see the model): a copy of the
owner's display name, so the directory's "everyone, by name" reads one index of
the listed profiles in name order instead of joining and sorting every account.

Two writes change it, each with a trigger that sets the column in the same
transaction: a profile is created or its ``user`` is written (Django's ``save()``
writes every column, so this also repairs a stale copy), and an account's
``display_name`` changes. Written as triggers for the same reason as
``listing.py``: accounts are also changed by ``QuerySet.update()``, the admin and
data migrations, which send no signal. The triggers only set ``owner_name``,
which none of the triggers watches, so they do not fire each other.

Frozen with migration 0004: a change here needs a new migration that drops and
recreates the triggers. So does any later migration that makes SQLite rebuild
``competences_profile`` (adding a column with a default, for one): the rebuild
drops the table's triggers. Migration 0004 shows how (``listing.remove`` before,
``install`` after).
"""

from __future__ import annotations

from typing import Any

from faelles.competences.listing import run_for_vendor

_FROM_USER = (
    "(SELECT u.display_name FROM accounts_user u"
    " WHERE u.id = competences_profile.user_id)"
)


def _rename(where: str) -> str:
    return f"UPDATE competences_profile SET owner_name = {_FROM_USER} WHERE {where};"  # noqa: S608 - constant SQL


POSTGRESQL_INSTALL = [
    f"""
CREATE OR REPLACE FUNCTION competences_name_profile() RETURNS trigger AS $$
BEGIN
  {_rename("competences_profile.id = NEW.id")}
  RETURN NULL;
END $$ LANGUAGE plpgsql;
""",
    """
CREATE TRIGGER competences_profile_owner_name
AFTER INSERT OR UPDATE OF user_id ON competences_profile
FOR EACH ROW EXECUTE FUNCTION competences_name_profile();
""",
    """
CREATE OR REPLACE FUNCTION competences_name_user() RETURNS trigger AS $$
BEGIN
  IF NEW.display_name IS DISTINCT FROM OLD.display_name THEN
    UPDATE competences_profile SET owner_name = NEW.display_name
    WHERE competences_profile.user_id = NEW.id;
  END IF;
  RETURN NULL;
END $$ LANGUAGE plpgsql;
""",
    """
CREATE TRIGGER competences_user_owner_name
AFTER UPDATE OF display_name ON accounts_user
FOR EACH ROW EXECUTE FUNCTION competences_name_user();
""",
]

POSTGRESQL_REMOVE = [
    "DROP TRIGGER IF EXISTS competences_profile_owner_name ON competences_profile;",
    "DROP TRIGGER IF EXISTS competences_user_owner_name ON accounts_user;",
    "DROP FUNCTION IF EXISTS competences_name_profile();",
    "DROP FUNCTION IF EXISTS competences_name_user();",
]

SQLITE_INSTALL = [
    f"""
CREATE TRIGGER competences_profile_owner_name_insert
AFTER INSERT ON competences_profile
BEGIN {_rename("competences_profile.id = NEW.id")} END;
""",
    f"""
CREATE TRIGGER competences_profile_owner_name_update
AFTER UPDATE OF user_id ON competences_profile
BEGIN {_rename("competences_profile.id = NEW.id")} END;
""",
    """
CREATE TRIGGER competences_user_owner_name
AFTER UPDATE OF display_name ON accounts_user
WHEN NEW.display_name IS NOT OLD.display_name
BEGIN UPDATE competences_profile SET owner_name = NEW.display_name
WHERE competences_profile.user_id = NEW.id; END;
""",
]

SQLITE_REMOVE = [
    "DROP TRIGGER IF EXISTS competences_profile_owner_name_insert;",
    "DROP TRIGGER IF EXISTS competences_profile_owner_name_update;",
    "DROP TRIGGER IF EXISTS competences_user_owner_name;",
]


def install(apps: Any, schema_editor: Any) -> None:
    """Create the triggers and copy the name of every existing profile's owner."""
    run_for_vendor(
        schema_editor,
        {"postgresql": POSTGRESQL_INSTALL, "sqlite": SQLITE_INSTALL},
        "naming",
    )
    schema_editor.execute(f"UPDATE competences_profile SET owner_name = {_FROM_USER};")  # noqa: S608


def remove(apps: Any, schema_editor: Any) -> None:
    run_for_vendor(
        schema_editor,
        {"postgresql": POSTGRESQL_REMOVE, "sqlite": SQLITE_REMOVE},
        "naming",
    )
