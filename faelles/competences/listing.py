"""The triggers that keep ``Profile.listed`` (see the model).

A profile is listed while it is indexed (shares something), its owner's account is
active and its owner is an employee of the profile's municipality. Three kinds of
write change that, and each has a trigger that recomputes the column for the
profiles concerned, in the same transaction:

* a profile is created, or its ``indexed``, ``user`` or ``municipality`` changes;
* an account's ``is_active`` changes;
* a membership is created, changed or deleted.

Written as triggers, not in Python, because accounts and memberships are also
changed by ``QuerySet.update()``, bulk operations, the admin and data migrations,
which send no signal. The recomputation only sets ``listed``, which none of the
triggers watches, so they do not fire each other. Both SQLite (the embedded
default) and PostgreSQL get the same rule from :data:`LISTED`.
"""

from __future__ import annotations

from typing import Any

# The rule, as an SQL expression over a row of competences_profile (no alias, so
# the same text works in an UPDATE on both databases).
LISTED = (
    "(competences_profile.indexed"
    " AND EXISTS (SELECT 1 FROM accounts_user u"
    " WHERE u.id = competences_profile.user_id AND u.is_active)"
    " AND EXISTS (SELECT 1 FROM accounts_membership m"
    " WHERE m.municipality_id = competences_profile.municipality_id"
    " AND m.user_id = competences_profile.user_id AND m.is_employee))"
)


def _relist(where: str) -> str:
    return f"UPDATE competences_profile SET listed = {LISTED} WHERE {where};"  # noqa: S608 - constant SQL


_PROFILE_COLUMNS = "indexed, user_id, municipality_id"

POSTGRESQL_INSTALL = [
    f"""
CREATE OR REPLACE FUNCTION competences_relist_profile() RETURNS trigger AS $$
BEGIN
  {_relist("competences_profile.id = NEW.id")}
  RETURN NULL;
END $$ LANGUAGE plpgsql;
""",
    f"""
CREATE TRIGGER competences_profile_listed
AFTER INSERT OR UPDATE OF {_PROFILE_COLUMNS} ON competences_profile
FOR EACH ROW EXECUTE FUNCTION competences_relist_profile();
""",
    f"""
CREATE OR REPLACE FUNCTION competences_relist_user() RETURNS trigger AS $$
BEGIN
  {_relist("competences_profile.user_id = NEW.id")}
  RETURN NULL;
END $$ LANGUAGE plpgsql;
""",
    """
CREATE TRIGGER competences_user_listed
AFTER UPDATE OF is_active ON accounts_user
FOR EACH ROW EXECUTE FUNCTION competences_relist_user();
""",
    f"""
CREATE OR REPLACE FUNCTION competences_relist_membership() RETURNS trigger AS $$
BEGIN
  IF TG_OP <> 'INSERT' THEN
    {_relist("competences_profile.user_id = OLD.user_id")}
  END IF;
  IF TG_OP <> 'DELETE' THEN
    {_relist("competences_profile.user_id = NEW.user_id")}
  END IF;
  RETURN NULL;
END $$ LANGUAGE plpgsql;
""",
    """
CREATE TRIGGER competences_membership_listed
AFTER INSERT OR UPDATE OR DELETE ON accounts_membership
FOR EACH ROW EXECUTE FUNCTION competences_relist_membership();
""",
]

POSTGRESQL_REMOVE = [
    "DROP TRIGGER IF EXISTS competences_profile_listed ON competences_profile;",
    "DROP TRIGGER IF EXISTS competences_user_listed ON accounts_user;",
    "DROP TRIGGER IF EXISTS competences_membership_listed ON accounts_membership;",
    "DROP FUNCTION IF EXISTS competences_relist_profile();",
    "DROP FUNCTION IF EXISTS competences_relist_user();",
    "DROP FUNCTION IF EXISTS competences_relist_membership();",
]

SQLITE_INSTALL = [
    f"""
CREATE TRIGGER competences_profile_listed_insert AFTER INSERT ON competences_profile
BEGIN {_relist("competences_profile.id = NEW.id")} END;
""",
    f"""
CREATE TRIGGER competences_profile_listed_update
AFTER UPDATE OF {_PROFILE_COLUMNS} ON competences_profile
BEGIN {_relist("competences_profile.id = NEW.id")} END;
""",
    f"""
CREATE TRIGGER competences_user_listed AFTER UPDATE OF is_active ON accounts_user
BEGIN {_relist("competences_profile.user_id = NEW.id")} END;
""",
    f"""
CREATE TRIGGER competences_membership_listed_insert
AFTER INSERT ON accounts_membership
BEGIN {_relist("competences_profile.user_id = NEW.user_id")} END;
""",
    f"""
CREATE TRIGGER competences_membership_listed_update
AFTER UPDATE ON accounts_membership
BEGIN {_relist("competences_profile.user_id = OLD.user_id")}
{_relist("competences_profile.user_id = NEW.user_id")} END;
""",
    f"""
CREATE TRIGGER competences_membership_listed_delete
AFTER DELETE ON accounts_membership
BEGIN {_relist("competences_profile.user_id = OLD.user_id")} END;
""",
]

SQLITE_REMOVE = [
    "DROP TRIGGER IF EXISTS competences_profile_listed_insert;",
    "DROP TRIGGER IF EXISTS competences_profile_listed_update;",
    "DROP TRIGGER IF EXISTS competences_user_listed;",
    "DROP TRIGGER IF EXISTS competences_membership_listed_insert;",
    "DROP TRIGGER IF EXISTS competences_membership_listed_update;",
    "DROP TRIGGER IF EXISTS competences_membership_listed_delete;",
]


def run_for_vendor(
    schema_editor: Any, statements: dict[str, list[str]], what: str = "listing"
) -> None:
    """Execute the statements written for this database (SQLite or PostgreSQL);
    any other database has no such triggers and is refused."""
    vendor = schema_editor.connection.vendor
    if vendor not in statements:
        raise NotImplementedError(f"no {what} triggers for {vendor}")
    for statement in statements[vendor]:
        schema_editor.execute(statement, params=None)


def install(apps: Any, schema_editor: Any) -> None:
    """Create the triggers and compute the column for every existing profile."""
    run_for_vendor(
        schema_editor,
        {"postgresql": POSTGRESQL_INSTALL, "sqlite": SQLITE_INSTALL},
    )
    schema_editor.execute(f"UPDATE competences_profile SET listed = {LISTED};")  # noqa: S608


def remove(apps: Any, schema_editor: Any) -> None:
    run_for_vendor(
        schema_editor,
        {"postgresql": POSTGRESQL_REMOVE, "sqlite": SQLITE_REMOVE},
    )
