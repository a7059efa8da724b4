"""What the paradigm self-assessment's audit verbs mean (see faelles/core/audit.py).

Opening, closing and agreeing are the group's decisions and shown in the log.
A person's own placements are not written: who placed the practice where is
exactly what no one else may see, and the answer itself is the record.
"""

from django.utils.translation import gettext_lazy as _

from faelles.core.audit import Record, Target, Verb

VERBS = {
    "paradigm.assessment_open": Verb(_("åbnede en paradigmerunde")),
    "paradigm.assessment_close": Verb(_("lukkede en paradigmerunde")),
    "paradigm.assessment_reopen": Verb(_("genåbnede en paradigmerunde")),
    "paradigm.agreement_record": Verb(_("registrerede fælles placeringer")),
    "paradigm.answers_save": Verb(_("gav sine egne placeringer"), Record.NOT_WRITTEN),
}

# A round has a page every administrator may see (it names no person).
TARGETS = {"paradigm.assessment": Target()}
