"""Which settings a process runs with — one rule for every entry point.

``DJANGO_SETTINGS_MODULE`` chooses the environment: ``faelles.settings.base`` (the
zero-set-up demo: SQLite, mail on the console), ``faelles.settings.production`` or
``faelles.settings.test``. When it is unset, the web server (``faelles/wsgi.py``),
the ``faelles`` command, ``manage.py`` and the task worker all use the same
default, so ``faelles collectstatic`` prepares exactly what gunicorn then serves.
A server sets ``DJANGO_SETTINGS_MODULE=faelles.settings.production`` in the one
environment file that the web, worker and cron services share.
"""

import os

DEFAULT = "faelles.settings.base"


def choose() -> str:
    """Set the default unless the environment already chose; return the choice."""
    return os.environ.setdefault("DJANGO_SETTINGS_MODULE", DEFAULT)
