"""The phases of a borgerbudget and what each permits (docs/phases.md).

The round stores its phase (staff move it on with ``services.round_set_phase``);
proposals and votes are accepted only between the phase's dates as well.
"""

from enum import StrEnum

from django.utils.translation import gettext_lazy as _

from faelles.core import phases


class Phase(StrEnum):
    DRAFT = "draft"
    PROPOSALS = "proposals"
    REVIEW = "review"
    VOTING = "voting"
    RESULTS = "results"
    IMPLEMENTATION = "implementation"


# public: everyone sees the round; change_ballot: budget, ballot and counting
# rule may still change; review: employees assess proposals; results: the
# counted result is shown and funded projects get progress updates;
# implementation: the result page shows each project's status.
ROUND_PHASES = phases.PhaseSequence(
    phases.Phase(Phase.DRAFT, _("Under forberedelse"), permits={"change_ballot"}),
    phases.Phase(
        Phase.PROPOSALS,
        _("Forslag indsamles"),
        permits={"public", "change_ballot", "review"},
        within_dates={"proposals"},
        start="proposals_start",
        end="proposals_end",
    ),
    phases.Phase(
        Phase.REVIEW,
        _("Forslag vurderes"),
        permits={"public", "change_ballot", "review"},
    ),
    phases.Phase(
        Phase.VOTING,
        _("Afstemning"),
        permits={"public"},
        within_dates={"vote"},
        start="voting_start",
        end="voting_end",
        needs_dates=True,
    ),
    phases.Phase(Phase.RESULTS, _("Resultat"), permits={"public", "results"}),
    phases.Phase(
        Phase.IMPLEMENTATION,
        _("Projekterne gennemføres"),
        permits={"public", "results", "implementation"},
    ),
    field="phase",
)

phases.register("budgeting.BudgetRound", ROUND_PHASES)
