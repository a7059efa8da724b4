"""What the resources' audit verbs mean (see faelles/core/audit.py).

Answering a suggested match and working together (status, hours, feedback) are
the people's own participation: the proposal and the collaboration are the
record. Suggesting a match and checking a child-protection certificate are the
municipality's acts and are shown.
"""

from django.utils.translation import gettext_lazy as _

from faelles.core.audit import Record, Verb

VERBS = {
    "resources.listing_create": Verb(_("oprettede et opslag om ressourcer")),
    "resources.listing_update": Verb(_("ændrede et opslag om ressourcer")),
    "resources.listing_renew": Verb(_("forlængede et opslag om ressourcer")),
    "resources.listing_close": Verb(_("lukkede et opslag om ressourcer")),
    "resources.proposal_suggest": Verb(_("foreslog et match")),
    "resources.ask_facilitator": Verb(_("bad kommunen om hjælp til et match")),
    "resources.proposal_engine_suggest": Verb(_("matchningen foreslog et match")),
    "resources.child_certificate_verify": Verb(_("registrerede en børneattest")),
    "resources.child_certificate_revoke": Verb(_("tilbagekaldte en børneattest")),
    "resources.proposal_respond": Verb(_("svarede på et match"), Record.NOT_WRITTEN),
    "resources.proposal_accept": Verb(_("sagde ja til et match"), Record.NOT_WRITTEN),
    "resources.proposal_decline": Verb(_("sagde nej til et match"), Record.NOT_WRITTEN),
    "resources.proposal_confirm": Verb(_("bekræftede et match"), Record.NOT_WRITTEN),
    "resources.proposal_dismiss": Verb(_("afviste et forslag"), Record.NOT_WRITTEN),
    "resources.collaboration_status": Verb(
        _("ændrede status for et samarbejde"), Record.NOT_WRITTEN
    ),
    "resources.collaboration_hours": Verb(_("registrerede timer"), Record.NOT_WRITTEN),
    "resources.collaboration_feedback": Verb(
        _("gav feedback på et samarbejde"), Record.NOT_WRITTEN
    ),
}
