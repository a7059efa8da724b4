"""What the insight app's audit verbs mean (see faelles/core/audit.py)."""

from django.utils.translation import gettext_lazy as _

from faelles.core.audit import Verb

VERBS = {
    "insight.population_import": Verb(_("indlæste befolkningstal til indsigt")),
}
