"""The activity ladder on the insight dashboards (``core/insight_sources.py``):
distinct people active on each rung, and on any rung."""

from django.utils.translation import gettext_lazy as _

from faelles.core.insight_sources import InsightSource

from .models import ParticipationAct, Rung


def _acts(rung=None):
    def queryset(municipality):
        qs = ParticipationAct.objects.filter(municipality=municipality)
        return qs if rung is None else qs.filter(rung=rung)

    return queryset


SOURCES = [
    InsightSource(
        key="ladder.any",
        label=_("Aktive på platformen"),
        group="ladder",
        order=10,
        queryset=_acts(),
        when="occurred_at",
        person="user",
        people=True,
        help_text=_("Personer med mindst én handling på aktivitetsstigen."),
    ),
    *[
        InsightSource(
            key=f"ladder.rung{rung.value}",
            label=rung.label,
            group="ladder",
            order=10 + rung.value,
            queryset=_acts(rung.value),
            when="occurred_at",
            person="user",
            people=True,
        )
        for rung in Rung
    ],
]
