"""What the notifications' audit verbs mean (see faelles/core/audit.py)."""

from django.utils.translation import gettext_lazy as _

from faelles.core.audit import Record, Verb

VERBS = {
    # A person's own choice of what to be told about: theirs, not the log's.
    "notifications.preferences": Verb(
        _("ændrede sine notifikationer"), Record.NOT_WRITTEN
    ),
}
