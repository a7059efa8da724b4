"""Reads about communities and movements; always scoped to a municipality."""

from django.contrib.auth.models import AnonymousUser
from django.db.models import Q, QuerySet

from faelles.core.pagination import KeysetPage, keyset_page
from faelles.municipalities.themes import theme_key

from .models import Community, CommunityMember, Movement, Pledge, Referral


def community_search(
    *,
    municipality,
    user=None,
    query: str = "",
    theme: str = "",
    age_group: str = "",
    life_situation: str = "",
    area: str = "",
    after: str | None = None,
    per_page: int = 20,
) -> KeysetPage:
    """ "Find et fællesskab": listed communities matching every given filter.

    An age group or life situation also matches communities open to everyone.
    """
    qs = Community.objects.for_municipality(municipality).listed_to(
        user or AnonymousUser(), municipality
    )
    if query:
        qs = qs.filter(
            Q(name__icontains=query)
            | Q(description__icontains=query)
            | Q(target_group__icontains=query)
        )
    if theme := theme_key(theme):
        qs = qs.filter(theme__key=theme)
    if age_group:
        qs = qs.filter(age_group__in=[age_group, "all"])
    if life_situation:
        qs = qs.filter(life_situation__in=[life_situation, "any"])
    if area:
        if area.isascii() and area.isdigit():
            qs = qs.filter(postcode=area)
        else:
            qs = qs.filter(area__icontains=area)
    qs = qs.select_related("theme").only(
        "id",
        "municipality_id",
        "name",
        "description",
        "theme__name",
        "theme__name_en",
        "access",
        "area",
        "postcode",
        "meeting_rhythm",
        "age_group",
        "life_situation",
        "member_count",
        "staff_only",
    )
    return keyset_page(qs, after=after, per_page=per_page)


def communities_of(*, municipality, user) -> QuerySet[CommunityMember]:
    return (
        CommunityMember.objects.filter(user=user, community__municipality=municipality)
        .exclude(
            community__in=Community.objects.hidden_from(user, municipality).values("pk")
        )
        .select_related("community")
        .order_by("-is_host", "community__name")
    )


def community_membership(*, community, user) -> CommunityMember | None:
    """The person's membership row, cached on the user object for the request."""
    if not getattr(user, "is_authenticated", False):
        return None
    cache = user.__dict__.setdefault("_community_member_cache", {})
    if community.pk not in cache:
        cache[community.pk] = CommunityMember.objects.filter(
            community=community, user=user
        ).first()
    return cache[community.pk]


def pending_requests(*, community) -> QuerySet[CommunityMember]:
    return community.members.filter(
        status=CommunityMember.Status.REQUESTED
    ).select_related("user")


def referrals_by(*, municipality, employee) -> QuerySet[Referral]:
    return Referral.objects.filter(
        municipality=municipality, referred_by=employee
    ).select_related("community", "citizen")


def pending_referrals_for(*, municipality, user) -> QuerySet[Referral]:
    return Referral.objects.filter(
        municipality=municipality, citizen=user, status=Referral.Status.PENDING
    ).select_related("community", "referred_by")


def movement_list(*, municipality) -> QuerySet[Movement]:
    return Movement.objects.for_municipality(municipality).active()


def leaderboard(*, movement, limit: int = 10) -> dict:
    """Only people and teams who opted in appear."""
    people = (
        Pledge.objects.filter(movement=movement, on_leaderboard=True)
        .select_related("user")
        .order_by("-achieved", "-amount", "id")[:limit]
    )
    teams = movement.teams.filter(on_leaderboard=True).order_by("-total", "name")[
        :limit
    ]
    return {"people": list(people), "teams": list(teams)}
