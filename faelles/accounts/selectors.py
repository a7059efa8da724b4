"""Reads about people and their memberships."""

from django.core.cache import cache
from django.db.models import Q, QuerySet
from django.utils.functional import LazyObject

from faelles.core.queries import the_one

from .models import Membership, ProfileVisibility, User, VerifiedIdentity


def membership_for(user, municipality) -> Membership | None:
    """The user's membership in the municipality, cached on the user object."""
    if municipality is None or not getattr(user, "is_authenticated", False):
        return None
    # request.user is a lazy wrapper; cache on the real user so that permission
    # predicates, which receive the real user, find the same cache.
    if isinstance(user, LazyObject):
        user = user._wrapped
    cache = user.__dict__.setdefault("_membership_cache", {})
    if municipality.pk not in cache:
        # One membership per person and municipality (a constraint), so no
        # order: the model's (by municipality and person's name) joined both
        # tables on every page to sort a single row.
        cache[municipality.pk] = the_one(
            Membership.objects.select_related("department").filter(
                user=user, municipality=municipality
            )
        )
    return cache[municipality.pk]


MEMBER_COUNT_SECONDS = 600


def member_count_key(municipality_id: int) -> str:
    return f"accounts:member-count:{municipality_id}"


def member_count(municipality) -> int:
    """How many people take part in the municipality.

    Counting a Copenhagen-size municipality's memberships costs tens of
    milliseconds on every home-page view, so the figure is cached; saving or
    deleting a membership clears it (``apps.py``), bulk writes let it expire.
    """
    key = member_count_key(municipality.pk)
    count = cache.get(key)
    if count is None:
        count = Membership.objects.filter(municipality=municipality).count()
        cache.set(key, count, MEMBER_COUNT_SECONDS)
    return count


def clear_member_count(sender, instance, **kwargs) -> None:
    cache.delete(member_count_key(instance.municipality_id))


def memberships_of(user) -> QuerySet[Membership]:
    return Membership.objects.filter(user=user).select_related(
        "municipality", "department"
    )


def member_list(
    *, municipality, query: str = "", role: str = ""
) -> QuerySet[Membership]:
    """Members, newest first (page with ``core.pagination.keyset_page`` on ``id``).

    The (municipality, -id) index keeps pages constant-time at any size; name and
    e-mail search use trigram indexes on PostgreSQL.
    """
    qs = Membership.objects.filter(municipality=municipality).select_related(
        "user", "department"
    )
    if query:
        qs = qs.filter(
            Q(user__display_name__icontains=query) | Q(user__email__icontains=query)
        )
    if role in {"citizen", "employee", "politician", "moderator", "administrator"}:
        qs = qs.filter(**{f"is_{role}": True})
    return qs


def visible_profile(*, viewer, municipality, user_id: int) -> Membership | None:
    """The membership of ``user_id`` in ``municipality`` if the viewer may see it.

    Invisible and non-existent are the same to the caller (both None → 404).
    """
    membership = (
        Membership.objects.select_related("user", "department")
        .filter(municipality=municipality, user_id=user_id, user__is_active=True)
        .first()
    )
    if membership is None:
        return None
    person = membership.user
    if viewer.is_authenticated and viewer.pk == person.pk:
        return membership
    if person.profile_visibility == ProfileVisibility.PUBLIC:
        return membership
    if person.profile_visibility == ProfileVisibility.MEMBERS:
        viewer_membership = membership_for(viewer, municipality)
        return membership if viewer_membership is not None else None
    return None


def people_in(municipality) -> QuerySet[User]:
    return User.objects.filter(memberships__municipality=municipality)


def verified_identity_of(user) -> VerifiedIdentity | None:
    """The person's MitID identity, if they have linked one (or ``None``)."""
    if not getattr(user, "is_authenticated", False):
        return None
    return VerifiedIdentity.objects.filter(user=user).first()
