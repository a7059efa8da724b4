"""Events on the insight dashboards (``core/insight_sources.py``): sign-ups to
published events. Events of invitation-only communities are left out (see
``communities/insight.py``)."""

from django.utils.translation import gettext_lazy as _

from faelles.core.insight_sources import InsightSource

from .models import Event, Registration


def _signups(municipality):
    return Registration.objects.filter(
        event__municipality=municipality,
        event__status=Event.Status.PUBLISHED,
        status=Registration.Status.CONFIRMED,
    ).exclude(event__community__access="invitation")


SOURCES = [
    InsightSource(
        key="events.signups",
        label=_("Tilmeldinger til arrangementer"),
        group="communities",
        order=650,
        queryset=_signups,
        when="created_at",
        person="user",
    ),
]
