"""Reads of recognition, always for one municipality."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from typing import Any

from django.contrib.auth.models import AnonymousUser
from django.db.models import Count, Q, QuerySet, Sum
from django.utils import timezone

from faelles.core.visibility import visible_children
from faelles.organisations.models import OrganisationMember

from .models import Award, Juror, Nomination, Score, Thanks, Winner

NOMINEE_RELATED = (
    "nominee_user",
    "nominee_organisation",
    "nominee_initiative",
    "nominee_community",
)
PAGE_SIZE = 20


def public_thanks(*, municipality) -> QuerySet[Thanks]:
    """Thanks the sender asked to show and the recipient agreed to, newest first."""
    return (
        Thanks.objects.filter(municipality=municipality)
        .public()
        .select_related(
            "sender", "sender_organisation", "recipient_user", "recipient_organisation"
        )
        .order_by("-created_at", "-id")
    )


def thanks_between(*, municipality, start: date, end: date) -> list[Thanks]:
    return list(
        public_thanks(municipality=municipality).filter(
            created_at__date__gte=start, created_at__date__lte=end
        )
    )


def thanks_given_in_year(*, municipality, year: int) -> int:
    return Thanks.objects.filter(
        municipality=municipality, created_at__year=year
    ).count()


def named_winners(winners) -> list[Winner]:
    return [w for w in winners if w.is_named]


def _public_winners(municipality):
    """Winners as anyone may see them: a winner in a community that has become
    invitation-only is left out like the community."""
    return visible_children(
        Winner.objects.select_related(*NOMINEE_RELATED).order_by("decided_at", "id"),
        AnonymousUser(),
        municipality,
    )


def announced_awards(*, municipality, start=None, end=None) -> list[Any]:
    """Announced awards, newest first, each with ``shown_winners`` (named, by
    consent) and ``waiting`` (winners not yet named)."""
    from django.db.models import Prefetch

    awards = Award.objects.filter(municipality=municipality).announced()
    if start is not None:
        awards = awards.filter(announced_at__date__gte=start)
    if end is not None:
        awards = awards.filter(announced_at__date__lte=end)
    awards = list(
        awards.order_by("-announced_at", "-id").prefetch_related(
            Prefetch("winners", queryset=_public_winners(municipality))
        )
    )
    for award in awards:
        winners = list(award.winners.all())
        award.shown_winners = named_winners(winners)
        award.waiting = len(winners) - len(award.shown_winners)
    return awards


def open_awards(*, municipality, today: date | None = None) -> list[Award]:
    today = today or timezone.localdate()
    return list(
        Award.objects.filter(municipality=municipality)
        .open_on(today)
        .order_by("nominations_close", "id")
    )


def coming_awards(*, municipality, today: date | None = None) -> list[Award]:
    """Published, not announced, not open: upcoming or with the jury."""
    today = today or timezone.localdate()
    return list(
        Award.objects.filter(municipality=municipality, announced_at__isnull=True)
        .published()
        .exclude(nominations_open__lte=today, nominations_close__gte=today)
        .order_by("announce_on", "id")
    )


def all_awards(*, municipality) -> QuerySet[Award]:
    return Award.objects.filter(municipality=municipality).order_by(
        "-announce_on", "-id"
    )


def _may_see_org_ids(user, municipality) -> tuple[set[int], set[int]]:
    rows = OrganisationMember.objects.filter(
        user=user, organisation__municipality=municipality
    ).values_list("organisation_id", "is_admin")
    members = {org for org, _admin in rows}
    admins = {org for org, admin in rows if admin}
    return members, admins


@dataclass
class MyThanks:
    received: list[Thanks] = field(default_factory=list)
    sent: list[Thanks] = field(default_factory=list)
    admin_of: set[int] = field(default_factory=set)


def my_thanks(*, municipality, user) -> MyThanks:
    """The person's own thanks: received (to them or to an organisation they
    belong to) and sent, newest first (the latest 100 of each)."""
    members, admins = _may_see_org_ids(user, municipality)
    related = (
        "sender",
        "sender_organisation",
        "recipient_user",
        "recipient_organisation",
    )
    base = Thanks.objects.filter(municipality=municipality).select_related(*related)
    received = base.filter(
        Q(recipient_user=user) | Q(recipient_organisation_id__in=members)
    ).order_by("-created_at", "-id")[:100]
    sent = base.filter(sender=user).order_by("-created_at", "-id")[:100]
    return MyThanks(received=list(received), sent=list(sent), admin_of=admins)


def nominations_for_jury(*, award: Award) -> QuerySet[Nomination]:
    return visible_children(
        Nomination.objects.filter(award=award)
        .select_related("nominator", *NOMINEE_RELATED)
        .order_by("created_at", "id"),
        AnonymousUser(),
        award.municipality,
    )


@dataclass
class JuryRow:
    nomination: Nomination
    total: int
    count: int
    mine: Score | None
    conflict: bool


def jury_table(*, award: Award, user) -> list[JuryRow]:
    """Every nomination with its summed stars, the viewer's own score and
    whether the viewer is in a conflict of interest; best first."""
    nominations = list(
        nominations_for_jury(award=award).annotate(
            total=Sum("scores__stars"), count=Count("scores")
        )
    )
    mine = {
        s.nomination_id: s
        for s in Score.objects.filter(nomination__award=award, juror=user)
    }
    rows = [
        JuryRow(
            nomination=n,
            total=n.total or 0,
            count=n.count,
            mine=mine.get(n.pk),
            conflict=user.pk in (n.nominee_user_id, n.nominator_id),
        )
        for n in nominations
    ]
    rows.sort(key=lambda r: (-r.total, r.nomination.created_at, r.nomination.pk))
    return rows


def jurors(*, award: Award) -> list[Juror]:
    return list(
        award.jurors.select_related("user").order_by("-is_chair", "user__display_name")
    )


def my_nominations(*, award: Award, user) -> list[Nomination]:
    if not user.is_authenticated:
        return []
    return list(
        visible_children(
            Nomination.objects.filter(award=award, nominator=user).select_related(
                *NOMINEE_RELATED
            ),
            user,
            award.municipality,
        )
    )


def winners_of(*, award: Award) -> list[Winner]:
    return list(_public_winners(award.municipality).filter(award=award))


def winners_to_answer(*, municipality, user) -> list[Winner]:
    """Announced wins the person answers for and has not agreed to yet."""
    if not user.is_authenticated:
        return []
    _members, admins = _may_see_org_ids(user, municipality)
    return list(
        Winner.objects.filter(
            award__municipality=municipality,
            award__announced_at__isnull=False,
            consented_at__isnull=True,
        )
        .filter(Q(nominee_user=user) | Q(nominee_organisation_id__in=admins))
        .select_related("award", *NOMINEE_RELATED)
    )
