"""The registry that makes a person's data export and erasure cover every app.

Each app that stores something about a person defines, in ``faelles/<app>/gdpr.py``:

* ``export_personal_data(user) -> dict`` (required): plain, JSON-serialisable data
  about that person, added to the export under the app's label;
* ``delete_personal_data(user) -> None`` (optional): called inside the deletion
  transaction *before* the account row is deleted, for data that foreign keys alone
  do not remove or anonymise (free text that names the person, files …).

``faelles/accounts/tests/test_personal_data.py`` fails when an app has a model that
points at the user but no ``gdpr.py``, so a new feature cannot forget it.
"""

import importlib
from collections.abc import Iterator
from types import ModuleType

from django.apps import apps


def personal_data_modules() -> Iterator[tuple[str, ModuleType]]:
    """``(app label, gdpr module)`` for every Fælles app that has one."""
    for config in apps.get_app_configs():
        if not config.name.startswith("faelles."):
            continue
        try:
            module = importlib.import_module(f"{config.name}.gdpr")
        except ModuleNotFoundError as exc:
            if exc.name != f"{config.name}.gdpr":
                raise
            continue
        yield config.label, module
