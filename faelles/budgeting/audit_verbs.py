"""What the borgerbudget's audit verbs mean (see faelles/core/audit.py).

A ballot is never logged with its voter: casting and changing ballots are
counted per round and day, without the person and the time of day (see
docs/budgeting.md, "Ballot secrecy").
"""

from django.utils.translation import gettext_lazy as _

from faelles.core.audit import Record, Target, Verb


def _may_see_round(viewer, obj) -> bool:
    return viewer.has_perm("budgeting.view_round", obj)


VERBS = {
    "budgeting.round_create": Verb(_("oprettede borgerbudgettet")),
    "budgeting.round_update": Verb(_("ændrede borgerbudgettet")),
    "budgeting.round_phase": Verb(_("skiftede fase i borgerbudgettet")),
    "budgeting.round_import": Verb(_("importerede en Pabulib-fil som")),
    "budgeting.project_propose": Verb(_("foreslog projektet")),
    "budgeting.project_image_add": Verb(_("tilføjede et billede til projektet")),
    "budgeting.project_review": Verb(_("vurderede projektet")),
    "budgeting.project_update": Verb(_("skrev en statusopdatering om projektet")),
    "budgeting.paper_ballot": Verb(_("indtastede en papirstemmeseddel i")),
    "budgeting.ballot_cast": Verb(
        _("stemmer afgivet denne dag (%(count)s) i"), Record.DAILY
    ),
    "budgeting.ballot_change": Verb(
        _("stemmer ændret denne dag (%(count)s) i"), Record.DAILY
    ),
}

TARGETS = {
    "budgeting.budgetround": Target(_may_see_round),
    "budgeting.project": Target(_may_see_round, select_related=("round",)),
}
