"""Resources in play on the insight dashboards (``core/insight_sources.py``):
offers and needs posted, matches made, collaborations finished and hours given.
Listings seen only by employees count too: only suppressed counts are shown."""

from django.utils.translation import gettext_lazy as _

from faelles.core.insight_sources import InsightSource

from .models import Collaboration, HoursEntry, Listing, Side


def _listings(side):
    def queryset(municipality):
        return Listing.objects.filter(municipality=municipality, side=side)

    return queryset


def _matches(municipality):
    return Collaboration.objects.filter(municipality=municipality)


def _finished(municipality):
    return Collaboration.objects.filter(
        municipality=municipality, status=Collaboration.Status.FINISHED
    )


def _hours(municipality):
    return HoursEntry.objects.filter(collaboration__municipality=municipality)


SOURCES = [
    InsightSource(
        key="resources.offers",
        label=_("Ressourcer tilbudt"),
        group="resources",
        order=110,
        queryset=_listings(Side.OFFER),
        when="created_at",
        person="owner",
    ),
    InsightSource(
        key="resources.needs",
        label=_("Behov meldt"),
        group="resources",
        order=120,
        queryset=_listings(Side.NEED),
        when="created_at",
        person="owner",
    ),
    InsightSource(
        key="resources.matches",
        label=_("Match der blev til samarbejder"),
        group="resources",
        order=130,
        queryset=_matches,
        when="started_at",
        person="need_owner",
        help_text=_("Opgjort efter den, der havde behovet."),
    ),
    InsightSource(
        key="resources.finished",
        label=_("Samarbejder afsluttet"),
        group="resources",
        order=140,
        queryset=_finished,
        when="finished_at",
        person="need_owner",
    ),
    InsightSource(
        key="resources.hours",
        label=_("Registreringer af timer"),
        group="resources",
        order=150,
        queryset=_hours,
        when="created_at",
        person="person",
        amount="hours",
        amount_label=_("timer"),
    ),
]
