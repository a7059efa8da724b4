"""The phases of an opinion map and what each permits (docs/phases.md).

The map stores its phase (staff move it on with ``services.map_set_phase``);
statements and votes are accepted only between the open phase's dates as well.
"""

from enum import StrEnum

from django.utils.translation import gettext_lazy as _

from faelles.core import phases


class Phase(StrEnum):
    DRAFT = "draft"
    OPEN = "open"
    CLOSED = "closed"


# public: everyone sees the map and its result; take_part: statements and votes
# (within the dates); closed: the result is final.
MAP_PHASES = phases.PhaseSequence(
    phases.Phase(Phase.DRAFT, _("Under forberedelse")),
    phases.Phase(
        Phase.OPEN,
        _("Åben for udsagn og stemmer"),
        permits={"public"},
        within_dates={"take_part"},
        start="opens_at",
        end="closes_at",
    ),
    phases.Phase(Phase.CLOSED, _("Lukket"), permits={"public", "closed"}),
    field="phase",
)

phases.register("opinions.OpinionMap", MAP_PHASES)
