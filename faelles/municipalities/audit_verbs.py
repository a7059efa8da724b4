"""What the municipalities' audit verbs mean (see faelles/core/audit.py)."""

from django.utils.translation import gettext_lazy as _

from faelles.core.audit import Verb

VERBS = {
    "municipality.settings": Verb(_("ændrede kommunens indstillinger")),
}
