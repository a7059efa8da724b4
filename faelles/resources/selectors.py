"""Reads about offers, needs, proposals and collaborations (always per municipality)."""

from __future__ import annotations

import datetime as dt
from collections import Counter

import numpy as np
from django.db.models import Q, QuerySet
from django.utils import timezone

from faelles.matching import geo

from . import search
from .models import (
    MODE_FIELDS,
    ChildCertificateVerification,
    Collaboration,
    DeclinedPair,
    Listing,
    ListingQuerySet,
    Proposal,
    slots_to_mask,
)


def postcodes_near(postcode: str, km: float) -> list[str]:
    """Postcodes whose centre lies within ``km`` of ``postcode`` (itself included)."""
    postcodes = geo.load()
    row = postcodes.lookup(postcode)
    if row < 0:
        return [postcode]
    near = np.flatnonzero(postcodes.distances_from(row) <= km)
    return [postcodes.codes[i] for i in near]


def listing_search(
    *,
    municipality,
    levels,
    side: str = "",
    kind: str = "",
    category: str = "",
    postcode: str = "",
    km: float = 0,
    mode: str = "",
    slots: list[str] | None = None,
    query: str = "",
) -> QuerySet[Listing]:
    """Active listings the viewer may see, filtered; order and page with keyset."""
    qs = Listing.objects.for_municipality(municipality).active().visible_at(levels)
    if side:
        qs = qs.filter(side=side)
    if kind:
        qs = qs.filter(kind=kind)
    if category:
        qs = qs.filter(category_path__contains=f" {category} ")
    if postcode:
        if km:
            qs = qs.filter(postcode__in=postcodes_near(postcode, km))
        else:
            qs = qs.filter(postcode=postcode)
    if mode in MODE_FIELDS:
        qs = qs.filter(**{MODE_FIELDS[mode]: True})
    mask = slots_to_mask(slots or [])
    if mask:
        from django.db.models import F

        qs = qs.alias(_slots=F("availability").bitand(mask)).filter(
            Q(_slots__gt=0) | Q(availability=0)
        )
    if query:
        qs = search.filter_by_text(qs, query)
    return qs.select_related("organisation")


def listings_of(*, municipality, user) -> ListingQuerySet:
    """Everything the person holds here, newest first (also closed and expired).

    Their own listings and their organisations' are looked up by two indexed
    queries; an OR of the two in one WHERE would scan the whole table.
    """
    from faelles.organisations.models import OrganisationMember

    org_ids = list(
        OrganisationMember.objects.filter(
            user=user, organisation__municipality=municipality
        ).values_list("organisation_id", flat=True)
    )
    # No ORDER BY in the parts: SQLite refuses it inside a compound statement.
    own = (
        Listing.objects.filter(municipality=municipality, owner=user)
        .order_by()
        .values("pk")
    )
    if org_ids:
        own = own.union(
            Listing.objects.filter(
                municipality=municipality, organisation_id__in=org_ids
            )
            .order_by()
            .values("pk")
        )
    ids = [row["pk"] for row in own]
    return (
        Listing.objects.filter(pk__in=ids)
        .select_related("organisation")
        .order_by("-id")
    )


def proposals_for(*, municipality, listing: Listing) -> QuerySet[Proposal]:
    field = "need" if listing.side == "need" else "offer"
    return (
        Proposal.objects.for_municipality(municipality)
        .filter(**{field: listing})
        .select_related("need", "offer", "collaboration")
        .order_by("-created_at", "-id")
    )


def open_proposals_for_user(*, municipality, user, mine=None) -> QuerySet[Proposal]:
    """Proposals waiting for an answer about the person's listings (``mine``: their
    listing ids, when the caller already has them)."""
    if mine is None:
        mine = list(
            listings_of(municipality=municipality, user=user).values_list(
                "pk", flat=True
            )
        )
    return (
        Proposal.objects.for_municipality(municipality)
        .filter(status=Proposal.Status.PROPOSED)
        .filter(Q(need_id__in=mine) | Q(offer_id__in=mine))
        .select_related("need", "offer")
    )


def facilitation_queue(*, municipality) -> QuerySet[Proposal]:
    return (
        Proposal.objects.for_municipality(municipality)
        .filter(status=Proposal.Status.SUGGESTED)
        .select_related("need", "offer", "proposed_by")
        .order_by("created_at", "id")
    )


def collaborations_of(*, municipality, user) -> QuerySet[Collaboration]:
    return (
        Collaboration.objects.for_municipality(municipality)
        .filter(Q(need_owner=user) | Q(offer_owner=user) | Q(facilitator=user))
        .select_related("need", "offer")
    )


MAP_LIMIT = 2_000
"""The map counts at most this many of the newest listings that match the search."""


def postcode_counts(queryset: QuerySet[Listing]) -> tuple[list[tuple[str, int]], bool]:
    """``[(postcode, n)]`` for the map — never an address — and whether the newest
    ``MAP_LIMIT`` listings were all there was (else the map says it shows a part).

    Counting is bounded so the map costs the same in a village and in Copenhagen.
    """
    # One index scan for the newest rows; PostgreSQL may plan an IN (… LIMIT)
    # subquery with GROUP BY as a scan of the whole table, so count here.
    newest = list(
        queryset.exclude(postcode="")
        .order_by("-id")
        .values_list("postcode", flat=True)[: MAP_LIMIT + 1]
    )
    complete = len(newest) <= MAP_LIMIT
    return sorted(Counter(newest[:MAP_LIMIT]).items()), complete


def proposed_partners(*, listing: Listing) -> set[int]:
    """Listings already paired with ``listing`` (open, agreed or declined pairs)."""
    if listing.side == "need":
        mine, other = "need", "offer_id"
    else:
        mine, other = "offer", "need_id"
    ids = set(
        Proposal.objects.filter(
            **{mine: listing},
            status__in=[*Proposal.OPEN, Proposal.Status.ACCEPTED],
        ).values_list(other, flat=True)
    )
    ids |= set(
        DeclinedPair.objects.filter(**{mine: listing}).values_list(other, flat=True)
    )
    return ids


def valid_certificate(
    *, municipality, person, today: dt.date | None = None
) -> ChildCertificateVerification | None:
    """The person's longest-valid verified børneattest here, if any."""
    today = today or timezone.localdate()
    return (
        ChildCertificateVerification.objects.filter(
            municipality=municipality, person=person, valid_until__gte=today
        )
        .select_related("organisation")
        .order_by("-valid_until")
        .first()
    )


def certificates_of(*, municipality, person) -> QuerySet[ChildCertificateVerification]:
    return (
        ChildCertificateVerification.objects.filter(
            municipality=municipality, person=person
        )
        .select_related("organisation")
        .order_by("-valid_until")
    )


def certificates_recorded(*, municipality, organisations) -> QuerySet:
    """Verifications recorded for these organisations, soonest to run out first."""
    return (
        ChildCertificateVerification.objects.filter(
            municipality=municipality, organisation__in=organisations
        )
        .select_related("organisation", "person", "verified_by")
        .order_by("-id")
    )


# -- when nothing fits ------------------------------------------------------------------

FACILITATOR_DUTY_DAYS = 60
"""An employee who facilitated a match within this many days is "on duty"."""


def facilitators_on_duty(*, municipality, now=None) -> list[int]:
    """Who is told when a person asks for help with a listing nothing fits.

    The municipality's staff (employees and administrators) who have facilitated a
    match in the last ``FACILITATOR_DUTY_DAYS`` days — the people doing this work
    now; when nobody has, its administrators, so that asking always reaches someone.
    """
    from faelles.accounts.models import Membership

    now = now or timezone.now()
    staff = Membership.objects.filter(
        Q(is_employee=True) | Q(is_administrator=True),
        municipality=municipality,
        user__is_active=True,
    )
    recent = Proposal.objects.filter(
        municipality=municipality,
        facilitator__isnull=False,
        created_at__gte=now - dt.timedelta(days=FACILITATOR_DUTY_DAYS),
    ).values("facilitator_id")
    ids = sorted(
        set(staff.filter(user_id__in=recent).values_list("user_id", flat=True))
    )
    if ids:
        return ids
    return sorted(
        set(staff.filter(is_administrator=True).values_list("user_id", flat=True))
    )


def facilitator_asked_at(*, listing: Listing):
    """When the holder asked the facilitators for help with ``listing`` (or None)."""
    from faelles.core.models import AuditEntry

    return (
        AuditEntry.objects.filter(
            action="resources.ask_facilitator",
            target_type=listing._meta.label_lower,
            target_id=str(listing.pk),
        )
        .order_by("created_at")
        .values_list("created_at", flat=True)
        .first()
    )


def related_communities(*, listing: Listing, user, top: int = 3) -> list:
    """Active communities in the listing's municipality whose name and description
    are about the same as the listing, best first, by the matching engine (its
    quality threshold applies: sharing only a filler word or the area is not
    enough). Communities hidden from ``user`` (invitation-only groups they are not
    in) are never considered (``faelles.core.visibility``)."""
    from faelles.core.visibility import PARENTS
    from faelles.matching import Record, rank

    parent = PARENTS.get("communities.community")
    if parent is None:
        return []
    hidden = parent.hidden(user, listing.municipality)
    model = hidden.model
    rows = list(
        model.objects.filter(municipality=listing.municipality, is_active=True)
        .exclude(pk__in=hidden.values("pk"))
        .only("pk", "name", "description", "theme")[:2000]
    )
    if not rows:
        return []
    candidates = [
        Record.from_dict(
            {"id": str(row.pk), "title": row.name, "text": row.description}
        )
        for row in rows
        if (row.name + row.description).strip()
    ]
    # Only what the listing is about: a community meets in the municipality, so
    # the listing's place, kind, modes and times are no filter here.
    query = Record.from_dict(
        {
            "id": f"listing-{listing.pk}",
            "title": listing.title,
            "text": listing.text,
            "categories": list(listing.categories or ()),
        }
    )
    by_pk = {str(row.pk): row for row in rows}
    found = []
    for match in rank(query, candidates, top=top):
        community = by_pk[match.id]
        community.match_reasons = match.reasons
        found.append(community)
    return found
