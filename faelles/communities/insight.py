"""Communities on the insight dashboards (``core/insight_sources.py``): people
joining communities. Invitation-only communities are left out: being a member
of a rehabilitation group says something about one's health, and an open count
by area and age band is not the place for it."""

from django.utils.translation import gettext_lazy as _

from faelles.core.insight_sources import InsightSource

from .models import Community, CommunityMember


def _joined(municipality):
    return CommunityMember.objects.filter(
        community__municipality=municipality,
        status=CommunityMember.Status.ACTIVE,
        joined_at__isnull=False,
    ).exclude(community__access=Community.Access.INVITATION)


SOURCES = [
    InsightSource(
        key="communities.joined",
        label=_("Nye medlemskaber af fællesskaber"),
        group="communities",
        order=600,
        queryset=_joined,
        when="joined_at",
        person="user",
        theme="community__theme",
        help_text=_("Åbne og lukkede fællesskaber; en person i to tæller to gange."),
    ),
]
