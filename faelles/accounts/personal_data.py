"""The registry that makes a person's data export and erasure cover every app.

Each app that stores something about a person defines, in ``faelles/<app>/gdpr.py``:

* ``export_personal_data(user) -> dict`` (required): plain, JSON-serialisable data
  about that person, added to the export under the app's label;
* ``delete_personal_data(user) -> None`` (optional): called inside the deletion
  transaction *before* the account row is deleted, for what foreign keys alone do
  not do: free text or files that name the person, and the app's rules about a
  person leaving (a community's next host, counters, a freed place passed on). It
  calls the app's own services; the rules live there, never in a ``pre_delete`` or
  ``post_delete`` receiver on the user. An app without it says in its module
  docstring why it needs none.

This is the one way a person is deleted: ``accounts.services.account_delete`` (the
page ``/me/slet-konto/`` and Django admin both call it) runs every hook, then
deletes the account so that the rest cascades or is set to ``NULL``. The hooks run
in ``INSTALLED_APPS`` order (``personal_data_modules``); none may rely on another
having run.

``faelles/accounts/tests/test_personal_data.py`` fails when an app has a model that
points at the user but no ``gdpr.py``, so a new feature cannot forget it;
``test_deletion_path.py`` fails when a rule moves back into a signal or a person is
deleted some other way.
"""

from collections.abc import Iterator
from types import ModuleType

from faelles.core.discovery import app_modules


def personal_data_modules() -> Iterator[tuple[str, ModuleType]]:
    """``(app label, gdpr module)`` for every Fælles app that has one."""
    return app_modules("gdpr")
