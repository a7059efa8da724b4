"""Task committees on the insight dashboards (``core/insight_sources.py``): the
council's decisions on recommendations and follow-up actions done. No one person
is behind a recommendation, so these are not counted by area or age band."""

from django.db.models import F
from django.db.models.functions import Coalesce
from django.utils.translation import gettext_lazy as _

from faelles.core.insight_sources import InsightSource

from .models import ADOPTED, ActionStatus, Decision, FollowUpAction, Recommendation
from .phases import COMMITTEE_PHASES


def _theme(qs, prefix=""):
    """A recommendation serves its own theme, or else its committee's."""
    return qs.annotate(
        insight_theme=Coalesce(F(f"{prefix}theme"), F(f"{prefix}committee__theme"))
    )


def _decided(decisions):
    def queryset(municipality):
        return _theme(
            Recommendation.objects.filter(
                municipality=municipality,
                decision__in=decisions,
                committee__phase__in=_public_phases(),
            )
        )

    return queryset


def _public_phases():
    return COMMITTEE_PHASES.keys_permitting("public")


def _done(municipality):
    return _theme(
        FollowUpAction.objects.filter(
            municipality=municipality,
            status=ActionStatus.DONE,
            recommendation__committee__phase__in=_public_phases(),
        ),
        "recommendation__",
    )


SOURCES = [
    InsightSource(
        key="committees.adopted",
        label=_("Anbefalinger vedtaget"),
        group="committees",
        order=400,
        queryset=_decided(ADOPTED),
        when="decided_at",
        person=None,
        theme="insight_theme",
        help_text=_("Helt eller delvist vedtaget af byrådet i perioden."),
    ),
    InsightSource(
        key="committees.rejected",
        label=_("Anbefalinger ikke vedtaget"),
        group="committees",
        order=410,
        queryset=_decided((Decision.REJECTED,)),
        when="decided_at",
        person=None,
        theme="insight_theme",
    ),
    InsightSource(
        key="committees.done",
        label=_("Opfølgende handlinger gennemført"),
        group="committees",
        order=420,
        queryset=_done,
        when="completed_on",
        person=None,
        theme="insight_theme",
    ),
]
