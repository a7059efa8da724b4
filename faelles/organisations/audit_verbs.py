"""What the organisations' audit verbs mean (see faelles/core/audit.py)."""

from django.utils.translation import gettext_lazy as _

from faelles.core.audit import Target, Verb

VERBS = {
    "organisation.create": Verb(_("oprettede organisationen")),
    "organisation.update": Verb(_("ændrede organisationen")),
    "organisation.member_add": Verb(_("tilføjede et medlem til organisationen")),
    "organisation.member_remove": Verb(_("fjernede et medlem fra organisationen")),
    "department.delete": Verb(_("slettede en afdeling")),
}

TARGETS = {"organisations.organisation": Target()}
