"""The phases of a hearing or a debate and what each permits (docs/phases.md).

A hearing is dated: its phase follows from its dates. Before ``announced_at``
it is in preparation (no phase: only staff see it); it is announced until
``opens_at``, open for comments until ``closes_at``, then closed until the
municipality publishes its answer (``answered_at``).
"""

from enum import StrEnum

from django.utils.translation import gettext_lazy as _

from faelles.core import phases


class Phase(StrEnum):
    ANNOUNCED = "announced"
    OPEN = "open"
    CLOSED = "closed"
    ANSWERED = "answered"


# public: everyone sees the hearing; comment and react: people take part;
# report: comments may be reported to the moderators; answer: the municipality
# writes and publishes its answer; results: the answer is shown.
HEARING_PHASES = phases.PhaseSequence(
    phases.Phase(
        Phase.ANNOUNCED,
        _("Annonceret"),
        permits={"public", "prepare"},
        start="announced_at",
        end="opens_at",
    ),
    phases.Phase(
        Phase.OPEN,
        _("Åben for kommentarer"),
        permits={"public", "comment", "react", "report"},
        start="opens_at",
        end="closes_at",
    ),
    phases.Phase(
        Phase.CLOSED,
        _("Lukket – kommunen skriver sit svar"),
        permits={"public", "report", "answer"},
        start="closes_at",
    ),
    phases.Phase(
        Phase.ANSWERED,
        _("Kommunen har svaret"),
        permits={"public", "report", "results"},
        start="answered_at",
    ),
)

phases.register("dialogue.Hearing", HEARING_PHASES)
