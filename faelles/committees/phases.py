"""The phases of a task committee and what each permits (docs/phases.md).

The committee stores its phase; the chair, the secretariat or an administrator
moves it on one step at a time with ``services.committee_set_phase``. The call
for members takes applications only between its dates.
"""

from enum import StrEnum

from django.utils.translation import gettext_lazy as _

from faelles.core import phases


class Phase(StrEnum):
    MANDATE = "mandate"
    CALL = "call"
    WORK = "work"
    RECOMMENDATION = "recommendation"
    FOLLOW_UP = "follow_up"


# public: everyone sees the committee; edit_mandate: title, mandate, questions,
# call and seats may still change; apply: people apply for a seat (within the
# call's dates); select: the council picks members or draws them by lot;
# meetings: meetings are held and minutes published; recommend: the committee
# writes its recommendations; decide: the council decides on the handed-over
# bundle; results: recommendations and decisions are shown; follow_up: adopted
# recommendations are carried out and tracked.
COMMITTEE_PHASES = phases.PhaseSequence(
    phases.Phase(Phase.MANDATE, _("Kommissorium"), permits={"edit_mandate"}),
    phases.Phase(
        Phase.CALL,
        _("Indkaldelse af medlemmer"),
        permits={"public", "edit_mandate", "select"},
        within_dates={"apply"},
        start="call_opens",
        end="call_closes",
        needs_dates=True,
    ),
    phases.Phase(
        Phase.WORK,
        _("Udvalget arbejder"),
        permits={"public", "select", "meetings", "recommend"},
    ),
    phases.Phase(
        Phase.RECOMMENDATION,
        _("Anbefalinger hos byrådet"),
        permits={"public", "meetings", "decide", "results"},
    ),
    phases.Phase(
        Phase.FOLLOW_UP,
        _("Opfølgning"),
        permits={"public", "results", "follow_up"},
    ),
    field="phase",
)

phases.register("committees.TaskCommittee", COMMITTEE_PHASES)
