"""Initiatives and trials on the insight dashboards (``core/insight_sources.py``):
initiatives proposed, by the state they are in now, and trials by outcome. An
initiative can have several themes, so these figures are not counted by theme."""

from django.utils.translation import gettext_lazy as _

from faelles.core.insight_sources import InsightSource

from .models import Initiative, Outcome, State, Trial


def _initiatives(state):
    def queryset(municipality):
        return Initiative.objects.filter(municipality=municipality, state=state)

    return queryset


def _trials(outcome):
    def queryset(municipality):
        return Trial.objects.filter(municipality=municipality, outcome=outcome)

    return queryset


OUTCOMES = {
    Outcome.WORKED: _("Prøvehandlinger der virkede"),
    Outcome.PARTLY: _("Prøvehandlinger der virkede delvist"),
    Outcome.DID_NOT_WORK: _("Prøvehandlinger der ikke virkede"),
}

SOURCES = [
    *[
        InsightSource(
            key=f"initiatives.{state.value}",
            label=state.label,
            group="initiatives",
            order=200 + n,
            queryset=_initiatives(state.value),
            when="created_at",
            person="proposer",
            help_text=_("Initiativer foreslået i perioden, efter hvor de er nu."),
        )
        for n, state in enumerate(State)
        if state != State.WITHDRAWN
    ],
    *[
        InsightSource(
            key=f"trials.{outcome.value}",
            label=label,
            group="initiatives",
            order=220 + n,
            queryset=_trials(outcome.value),
            when="evaluated_at",
            person="initiative__proposer",
            help_text=_("Prøvehandlinger evalueret i perioden, efter udfald."),
        )
        for n, (outcome, label) in enumerate(OUTCOMES.items())
    ],
]
