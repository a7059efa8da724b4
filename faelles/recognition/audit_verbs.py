"""What recognition's audit verbs mean (see faelles/core/audit.py).

Defining, publishing and announcing an award, setting its jury and recording
its winners are the municipality's decisions and shown in the log. Thanks,
nominations, jury scores and consent are people's own acts and not written:
the row itself is the record, and who thanked or nominated whom is exactly
what the log must not spread.
"""

from django.utils.translation import gettext_lazy as _

from faelles.core.audit import Record, Target, Verb

VERBS = {
    "recognition.award_create": Verb(_("oprettede en pris")),
    "recognition.award_update": Verb(_("ændrede en pris")),
    "recognition.award_publish": Verb(_("offentliggjorde en pris")),
    "recognition.jury_set": Verb(_("satte juryen for en pris")),
    "recognition.winner_record": Verb(_("valgte en vinder af en pris")),
    "recognition.winner_remove": Verb(_("fjernede en vinder af en pris")),
    "recognition.award_announce": Verb(_("uddelte en pris")),
    "recognition.thanks_give": Verb(_("sagde tak"), Record.NOT_WRITTEN),
    "recognition.thanks_consent": Verb(
        _("svarede på at vise en tak"), Record.NOT_WRITTEN
    ),
    "recognition.thanks_delete": Verb(_("slettede en tak"), Record.NOT_WRITTEN),
    "recognition.nominate": Verb(_("nominerede til en pris"), Record.NOT_WRITTEN),
    "recognition.nomination_withdraw": Verb(
        _("trak en nominering tilbage"), Record.NOT_WRITTEN
    ),
    "recognition.score": Verb(_("bedømte en nominering"), Record.NOT_WRITTEN),
    "recognition.winner_consent": Verb(
        _("svarede på at blive nævnt som vinder"), Record.NOT_WRITTEN
    ),
}

# An award's page names no nominee; administrators see drafts too.
TARGETS = {"recognition.award": Target()}
