"""What the team reflection kit's audit verbs mean (see faelles/core/audit.py).

The facilitator's steps (phases, shared answers, actions, follow-up, summary)
and the administrators' question sets are shown in the log. A person's own
notes are not written: what someone wrote, and when, is exactly what no one
else may see.
"""

from django.utils.translation import gettext_lazy as _

from faelles.core.audit import Record, Target, Verb

VERBS = {
    "reflection.set_create": Verb(_("oprettede et spørgsmålssæt til teamrefleksion")),
    "reflection.set_update": Verb(_("ændrede et spørgsmålssæt til teamrefleksion")),
    "reflection.set_delete": Verb(_("slettede et spørgsmålssæt til teamrefleksion")),
    "reflection.session_create": Verb(_("oprettede en teamrefleksion")),
    "reflection.session_phase": Verb(_("skiftede fase i en teamrefleksion")),
    "reflection.session_close": Verb(_("afsluttede en teamrefleksion")),
    "reflection.summary_save": Verb(_("ændrede opsummeringen af en teamrefleksion")),
    "reflection.answers_record": Verb(_("registrerede teamets fælles svar")),
    "reflection.action_add": Verb(_("aftalte en handling i en teamrefleksion")),
    "reflection.action_remove": Verb(_("fjernede en handling i en teamrefleksion")),
    "reflection.follow_up_record": Verb(_("fulgte op på teamets handlinger")),
    "reflection.notes_save": Verb(_("skrev sine egne noter"), Record.NOT_WRITTEN),
    "reflection.notes_share": Verb(
        _("delte sine egne noter uden navn"), Record.NOT_WRITTEN
    ),
}

# A session's page is seen by its team and the administrators, who read the log.
TARGETS = {"reflection.session": Target(), "reflection.questionset": Target()}
