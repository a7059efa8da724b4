"""Every write about offers, needs, proposals and collaborations."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

from django.core.exceptions import (
    ObjectDoesNotExist,
    PermissionDenied,
    ValidationError,
)
from django.db import transaction
from django.utils import timezone
from django.utils.formats import date_format
from django.utils.translation import gettext as _

from faelles.core.audit import audit
from faelles.core.services import check_fields, model_update
from faelles.notifications.services import notify
from faelles.participation.models import Rung
from faelles.participation.services import record_participation

from . import matches, search
from .models import (
    DEFAULT_LIFETIME_DAYS,
    ChildCertificateVerification,
    Collaboration,
    CollaborationMessage,
    DeclinedPair,
    Feedback,
    HoursEntry,
    Listing,
    Proposal,
    Side,
    Visibility,
    category_path,
    is_special_category,
)
from .rules import holds

MIN_SUGGESTION_SCORE = 2.0
"""The engine's suggestions for the facilitation queue must score at least this."""


# -- the activity ladder -----------------------------------------------------------------


def participation_rung(listing: Listing, *, for_initiative: bool | None = None) -> Rung:
    """The rung a person stands on when they take part through ``listing``.

    On behalf of an organisation, or recruiting for a citizens' initiative: civil
    society. Offering one's own resources to others: the close network. Asking for
    help for one's family: the family; for oneself: one's own life. See
    docs/matching.md ("The activity ladder").
    """
    if listing.organisation_id:
        return Rung.CIVIL_SOCIETY
    if for_initiative is None:
        for_initiative = listing.side == Side.NEED and _is_initiative_need(listing)
    if for_initiative:
        return Rung.CIVIL_SOCIETY
    if listing.side == Side.OFFER:
        return Rung.CLOSE_NETWORK
    if any(str(c).split(".")[0] == "families" for c in listing.categories):
        return Rung.FAMILY
    return Rung.OWN_LIFE


def _is_initiative_need(listing: Listing) -> bool:
    """Whether the need was published by an initiative (see initiatives.Need)."""
    try:
        listing.initiative_need  # noqa: B018 (reverse one-to-one lookup)
    except ObjectDoesNotExist:
        return False
    return True


def _participate(
    *, listing: Listing, user, action: str, source, now, for_initiative=None
) -> None:
    record_participation(
        municipality=listing.municipality,
        user=user,
        action=action,
        rung=participation_rung(listing, for_initiative=for_initiative),
        source=source,
        occurred_at=now,
    )


LISTING_FIELDS = {
    "kind",
    "categories",
    "title",
    "text",
    "mode_in_person",
    "mode_online",
    "mode_phone",
    "postcode",
    "radius_km",
    "availability",
    "available_from",
    "available_until",
    "commitment",
    "capacity",
    "min_age",
    "languages",
    "requires_child_certificate",
    "visibility",
    "expires_on",
}


def _apply(listing: Listing, fields: dict, *, special_consent: bool, now) -> None:
    check_fields(fields, LISTING_FIELDS, what="listing fields")
    for name, value in fields.items():
        setattr(listing, name, value)
    _derive(listing, special_consent=special_consent, now=now)


def _derive(listing: Listing, *, special_consent: bool, now) -> None:
    """Set the fields that follow from the others (path, consent, certificate)."""
    listing.category_path = category_path(
        [c for c in listing.categories if isinstance(c, str)]
    )
    if listing.side == Side.OFFER:
        listing.requires_child_certificate = False
    if is_special_category(listing.kind, listing.categories):
        if special_consent and listing.special_consent_at is None:
            listing.special_consent_at = now
        elif not special_consent:
            listing.special_consent_at = None
    else:
        listing.special_consent_at = None


def _after_write(listing: Listing) -> None:
    matches.bump(listing.municipality, [listing.pk])
    search.index_listings([listing.pk])


@transaction.atomic
def listing_create(
    *,
    municipality,
    actor,
    side: str,
    owner=None,
    organisation=None,
    special_consent: bool = False,
    behalf_consent_by: str = "",
    behalf_consent_method: str = "",
    for_initiative: bool = False,
    ladder: bool = True,
    now: dt.datetime | None = None,
    **fields,
) -> Listing:
    """Post an offer or a need.

    ``owner`` other than the actor means an employee posts for a citizen, which
    needs the citizen's recorded consent (who, how; the time is now).
    ``for_initiative``: a need an initiative recruits for (civil society on the
    activity ladder); ``ladder=False`` records no act (an employee's work).
    """
    now = now or timezone.now()
    owner = owner or actor
    listing = Listing(
        municipality=municipality,
        side=side,
        owner=owner,
        organisation=organisation,
        created_by=actor,
        created_at=now,
    )
    if owner.pk != actor.pk:
        if not (behalf_consent_by.strip() and behalf_consent_method):
            raise ValidationError(
                {
                    "behalf_consent_by": _(
                        "Skriv hvem der har givet samtykke, og hvordan."
                    )
                }
            )
        listing.behalf_consent_by = behalf_consent_by.strip()
        listing.behalf_consent_method = behalf_consent_method
        listing.behalf_consent_at = now
    fields.setdefault(
        "expires_on", (now + dt.timedelta(days=DEFAULT_LIFETIME_DAYS)).date()
    )
    _apply(listing, fields, special_consent=special_consent, now=now)
    listing.full_clean()
    listing.save()
    _after_write(listing)
    audit(
        action="resources.listing_create",
        actor=actor,
        municipality=municipality,
        target=listing,
        data={"side": side, "on_behalf": owner.pk != actor.pk},
    )
    if ladder:
        _participate(
            listing=listing,
            user=owner,
            action=f"resources.{side}_post",
            source=listing,
            now=now,
            for_initiative=for_initiative,
        )
    return listing


@transaction.atomic
def listing_update(
    *,
    listing: Listing,
    actor,
    special_consent: bool = False,
    now: dt.datetime | None = None,
    **fields,
) -> Listing:
    now = now or timezone.now()
    check_fields(fields, LISTING_FIELDS, what="listing fields")
    listing = model_update(
        listing,
        fields=fields,
        actor=actor,
        action="resources.listing_update",
        before_save=lambda listing, _old: _derive(
            listing, special_consent=special_consent, now=now
        ),
    )
    _after_write(listing)
    return listing


@transaction.atomic
def listing_renew(*, listing: Listing, actor, today: dt.date | None = None) -> Listing:
    """Keep a listing in play for another period (also after it has expired)."""
    today = today or timezone.localdate()
    start = max(today, listing.expires_on)
    listing.expires_on = start + dt.timedelta(days=DEFAULT_LIFETIME_DAYS)
    listing.is_active = True
    listing.reminder_sent_on = None
    listing.save(update_fields=["expires_on", "is_active", "reminder_sent_on"])
    matches.bump(listing.municipality, [listing.pk])
    audit(
        action="resources.listing_renew",
        actor=actor,
        municipality=listing.municipality,
        target=listing,
        data={"expires_on": listing.expires_on.isoformat()},
    )
    return listing


@transaction.atomic
def listing_close(*, listing: Listing, actor) -> Listing:
    listing.is_active = False
    listing.save(update_fields=["is_active"])
    matches.bump(listing.municipality, [listing.pk])
    audit(
        action="resources.listing_close",
        actor=actor,
        municipality=listing.municipality,
        target=listing,
    )
    return listing


def expiry_reminders_send(*, today: dt.date | None = None, days: int = 14) -> int:
    """Tell owners their listing expires within ``days``; once per period."""
    today = today or timezone.localdate()
    due = Listing.objects.filter(
        is_active=True,
        reminder_sent_on__isnull=True,
        expires_on__gte=today,
        expires_on__lte=today + dt.timedelta(days=days),
    ).select_related("owner")
    sent = 0
    for listing in due.iterator(chunk_size=500):
        with transaction.atomic():
            notify(
                recipient=listing.owner,
                municipality=listing.municipality,
                kind="resources.expiry_reminder",
                title=lambda listing=listing: (
                    _("“%(title)s” udløber snart") % {"title": listing.title[:120]}
                ),
                body=lambda listing=listing: (
                    _(
                        "Dit opslag udløber den %(date)s. Forny det, hvis det stadig "
                        "er aktuelt."
                    )
                    % {"date": date_format(listing.expires_on, "DATE_FORMAT")}
                ),
                url=listing.get_absolute_url(),
                dedupe_key=f"resources.expiry:{listing.pk}:{listing.expires_on}",
            )
            Listing.objects.filter(pk=listing.pk).update(reminder_sent_on=today)
        sent += 1
    return sent


@transaction.atomic
def child_certificate_verify(
    *,
    municipality,
    actor,
    person,
    organisation,
    verified_on: dt.date,
    valid_until: dt.date,
    today: dt.date | None = None,
) -> ChildCertificateVerification:
    """Record that an organisation has seen a valid børneattest.

    Only the fact is kept — which organisation, who, when, valid until when —
    never the document or what it says.
    """
    from faelles.accounts.models import Membership

    from .rules import verifying_organisations

    today = today or timezone.localdate()
    if (
        not verifying_organisations(actor, municipality)
        .filter(pk=organisation.pk)
        .exists()
    ):
        raise PermissionDenied
    if not Membership.objects.filter(municipality=municipality, user=person).exists():
        raise ValidationError({"person": _("Personen er ikke medlem i kommunen.")})
    if verified_on > today:
        raise ValidationError(
            {"verified_on": _("Datoen for kontrollen kan ikke ligge i fremtiden.")}
        )
    if valid_until < today:
        raise ValidationError(
            {"valid_until": _("Attesten skal være gyldig i dag eller senere.")}
        )
    row = ChildCertificateVerification(
        municipality=municipality,
        person=person,
        organisation=organisation,
        verified_on=verified_on,
        valid_until=valid_until,
        verified_by=actor,
    )
    row.full_clean()
    row.save()
    matches.bump_owner_offers(municipality, person)
    audit(
        action="resources.child_certificate_verify",
        actor=actor,
        municipality=municipality,
        target=row,
        data={
            "person": person.pk,
            "organisation": organisation.pk,
            "valid_until": valid_until.isoformat(),
        },
    )
    return row


@transaction.atomic
def child_certificate_revoke(
    *, verification: ChildCertificateVerification, actor
) -> None:
    """Withdraw a verification (entered by mistake, or the attest no longer holds)."""
    from .rules import verifying_organisations

    municipality = verification.municipality
    if (
        not verifying_organisations(actor, municipality)
        .filter(pk=verification.organisation_id)
        .exists()
    ):
        raise PermissionDenied
    audit(
        action="resources.child_certificate_revoke",
        actor=actor,
        municipality=municipality,
        target=verification,
        data={"person": verification.person_id},
    )
    person = verification.person
    verification.delete()
    matches.bump_owner_offers(municipality, person)


# -- proposals -------------------------------------------------------------------------


def _check_pair(need: Listing, offer: Listing) -> None:
    if need.side != Side.NEED or offer.side != Side.OFFER:
        raise ValidationError(_("Et match er altid et behov og en ressource."))
    if need.municipality_id != offer.municipality_id:
        raise ValidationError(_("Behov og ressource hører til forskellige kommuner."))
    if (
        not (need.is_active and offer.is_active)
        or need.is_expired()
        or offer.is_expired()
    ):
        raise ValidationError(_("Behovet eller ressourcen er ikke længere aktivt."))
    if need.owner_id == offer.owner_id:
        raise ValidationError(_("Behov og ressource har samme ejer."))
    if DeclinedPair.objects.filter(need=need, offer=offer).exists():
        raise ValidationError(_("Det match er allerede blevet afslået."))
    if Proposal.objects.filter(
        need=need, offer=offer, status__in=Proposal.OPEN
    ).exists():
        raise ValidationError(_("Der er allerede et åbent forslag om det match."))
    if (
        need.requires_child_certificate
        and not ChildCertificateVerification.objects.filter(
            municipality_id=need.municipality_id,
            person_id=offer.owner_id,
            valid_until__gte=timezone.localdate(),
        ).exists()
    ):
        raise ValidationError(
            _(
                "Behovet kræver en børneattest, som en organisation har kontrolleret. "
                "Tal med en forening eller kommunen om at få den skrevet ned."
            )
        )


def reason_dicts(match) -> list[dict]:
    """An engine ``Match``'s reasons as stored with a proposal (both languages)."""
    return [{"code": r.code, "da": r.text_da, "en": r.text_en} for r in match.reasons]


def _reasons(need: Listing, offer: Listing) -> list[dict]:
    """The engine's reasons for this pair, kept with the proposal."""
    from faelles.matching import rank

    row = {f: getattr(need, f) for f in matches.FIELDS}
    other = {f: getattr(offer, f) for f in matches.FIELDS}
    query = matches.record_from(row, certified=False, for_query=True)
    candidate = matches.record_from(other, certified=True, for_query=True)
    found = rank(query, [candidate], top=1)
    return reason_dicts(found[0]) if found else []


def _ask_sides(proposal: Proposal) -> None:
    for listing, accepted in (
        (proposal.need, proposal.need_accepted_at),
        (proposal.offer, proposal.offer_accepted_at),
    ):
        if accepted:
            continue
        notify(
            recipient=listing.owner,
            municipality=proposal.municipality,
            kind="resources.match_proposed",
            title=lambda listing=listing: (
                _("Et muligt match: %(title)s") % {"title": listing.title[:120]}
            ),
            body=lambda: (
                _("“%(need)s” og “%(offer)s” kan måske hjælpe hinanden. Vil du?")
                % {"need": proposal.need.title, "offer": proposal.offer.title}
            ),
            url=proposal.get_absolute_url(),
            dedupe_key=f"resources.proposal:{proposal.pk}:{listing.pk}",
        )


@transaction.atomic
def proposal_respond(
    *, need: Listing, offer: Listing, actor, note: str = "", now=None
) -> Proposal:
    """ "Jeg kan hjælpe": the offer's holder answers a need; their side is accepted."""
    now = now or timezone.now()
    if not holds(actor, offer):
        raise PermissionDenied
    _check_pair(need, offer)
    proposal = Proposal(
        municipality=need.municipality,
        need=need,
        offer=offer,
        status=Proposal.Status.PROPOSED,
        proposed_by=actor,
        note=note.strip(),
        offer_accepted_at=now,
        offer_accepted_by=actor,
        reasons=_reasons(need, offer),
        created_at=now,
    )
    proposal.full_clean()
    proposal.save()
    audit(
        action="resources.proposal_respond",
        actor=actor,
        municipality=need.municipality,
        target=proposal,
    )
    _ask_sides(proposal)
    return proposal


@transaction.atomic
def proposal_suggest(
    *,
    need: Listing,
    offer: Listing,
    actor,
    note: str = "",
    is_staff: bool = False,
    now=None,
) -> Proposal:
    """ "Foreslå et match".

    From an employee or from the holder of one side (a need's owner asking an
    offer's owner), the other side is asked at once and the actor's own side counts
    as accepted. From anyone else it waits in the employees' facilitation queue.
    """
    now = now or timezone.now()
    _check_pair(need, offer)
    holds_need, holds_offer = holds(actor, need), holds(actor, offer)
    if holds_need and holds_offer:
        raise ValidationError(_("Du står selv bag både behovet og ressourcen."))
    direct = is_staff or holds_need or holds_offer
    proposal = Proposal(
        municipality=need.municipality,
        need=need,
        offer=offer,
        status=Proposal.Status.PROPOSED if direct else Proposal.Status.SUGGESTED,
        proposed_by=actor,
        facilitator=actor if is_staff and not (holds_need or holds_offer) else None,
        note=note.strip(),
        reasons=_reasons(need, offer),
        created_at=now,
        need_accepted_at=now if holds_need else None,
        offer_accepted_at=now if holds_offer else None,
        need_accepted_by=actor if holds_need else None,
        offer_accepted_by=actor if holds_offer else None,
    )
    proposal.full_clean()
    proposal.save()
    audit(
        action="resources.proposal_suggest",
        actor=actor,
        municipality=need.municipality,
        target=proposal,
        data={"direct": direct},
    )
    if not (holds_need or holds_offer or is_staff):
        # Knowing two people who could help each other is an act in one's network.
        record_participation(
            municipality=need.municipality,
            user=actor,
            action="resources.match_suggest",
            rung=Rung.CLOSE_NETWORK,
            source=proposal,
            occurred_at=now,
        )
    if proposal.status == Proposal.Status.PROPOSED:
        _ask_sides(proposal)
    return proposal


def suggestions_generate(
    *,
    municipality,
    today: dt.date | None = None,
    older_than_days: int = 3,
    limit: int = 200,
    min_score: float = MIN_SUGGESTION_SCORE,
) -> int:
    """Put the engine's best match for needs nobody has answered in the queue.

    A need qualifies when it is active, at least ``older_than_days`` old and has no
    open or accepted proposal. A pair that was ever proposed — and so also every
    declined or dismissed pair — is never suggested again. Employees then confirm,
    adjust or dismiss each suggestion; nobody is notified before that.
    """
    today = today or timezone.localdate()
    cutoff = timezone.now() - dt.timedelta(days=older_than_days)
    busy = Proposal.objects.filter(
        municipality=municipality,
        status__in=[*Proposal.OPEN, Proposal.Status.ACCEPTED],
    ).values("need_id")
    needs = list(
        Listing.objects.for_municipality(municipality)
        .needs()
        .active(today)
        .filter(created_at__lte=cutoff)
        .exclude(pk__in=busy)
        .select_related("municipality")
        .order_by("created_at", "id")[:limit]
    )
    tried = set(
        Proposal.objects.filter(need__in=[n.pk for n in needs]).values_list(
            "need_id", "offer_id"
        )
    )
    made = 0
    for need in needs:
        for found in matches.matches_for(
            need, levels=Visibility.values, top=5, today=today
        ):
            if found.match.score < min_score:
                break
            if (need.pk, found.listing.pk) in tried:
                continue
            with transaction.atomic():
                proposal = Proposal(
                    municipality=municipality,
                    need=need,
                    offer=found.listing,
                    status=Proposal.Status.SUGGESTED,
                    by_engine=True,
                    reasons=reason_dicts(found.match),
                    score=round(found.match.score, 4),
                )
                proposal.full_clean()
                proposal.save()
                audit(
                    action="resources.proposal_engine_suggest",
                    municipality=municipality,
                    target=proposal,
                    data={"score": proposal.score},
                )
            made += 1
            break
    return made


@transaction.atomic
def proposal_confirm(
    *, proposal: Proposal, actor, offer: Listing | None = None, now=None
) -> Proposal:
    """A facilitator confirms a suggestion, perhaps with another offer ("adjust")."""
    now = now or timezone.now()
    proposal = (
        Proposal.objects.select_for_update()
        .select_related("need", "offer", "municipality")
        .get(pk=proposal.pk)
    )
    if proposal.status != Proposal.Status.SUGGESTED:
        raise ValidationError(_("Forslaget er allerede behandlet."))
    if offer is not None and offer.pk != proposal.offer_id:
        _check_pair(proposal.need, offer)
        proposal.status = Proposal.Status.DISMISSED
        proposal.decided_at = now
        proposal.facilitator = actor
        proposal.save(update_fields=["status", "decided_at", "facilitator"])
        adjusted = Proposal(
            municipality=proposal.municipality,
            need=proposal.need,
            offer=offer,
            status=Proposal.Status.PROPOSED,
            proposed_by=proposal.proposed_by,
            facilitator=actor,
            note=proposal.note,
            reasons=_reasons(proposal.need, offer),
            created_at=now,
            adjusted_from=proposal,
        )
        adjusted.full_clean()
        adjusted.save()
        proposal = adjusted
    else:
        proposal.status = Proposal.Status.PROPOSED
        proposal.facilitator = actor
        proposal.save(update_fields=["status", "facilitator"])
    audit(
        action="resources.proposal_confirm",
        actor=actor,
        municipality=proposal.municipality,
        target=proposal,
        data={"adjusted": proposal.adjusted_from_id is not None},
    )
    _ask_sides(proposal)
    return proposal


@transaction.atomic
def proposal_dismiss(*, proposal: Proposal, actor, now=None) -> Proposal:
    """A facilitator turns a suggestion down; the engine never suggests it again."""
    now = now or timezone.now()
    proposal = Proposal.objects.select_for_update().get(pk=proposal.pk)
    if proposal.status != Proposal.Status.SUGGESTED:
        raise ValidationError(_("Forslaget er allerede behandlet."))
    proposal.status = Proposal.Status.DISMISSED
    proposal.facilitator = actor
    proposal.decided_at = now
    proposal.save(update_fields=["status", "facilitator", "decided_at"])
    audit(
        action="resources.proposal_dismiss",
        actor=actor,
        municipality=proposal.municipality,
        target=proposal,
    )
    return proposal


@transaction.atomic
def proposal_accept(*, proposal: Proposal, actor, now=None) -> Proposal:
    """Say yes for the side(s) the actor holds; when both have, a forløb begins."""
    now = now or timezone.now()
    proposal = (
        Proposal.objects.select_for_update()
        .select_related("need", "offer", "municipality")
        .get(pk=proposal.pk)
    )
    if proposal.status != Proposal.Status.PROPOSED:
        raise ValidationError(_("Forslaget venter ikke på svar."))
    sides = []
    if holds(actor, proposal.need) and not proposal.need_accepted_at:
        proposal.need_accepted_at = now
        proposal.need_accepted_by = actor
        sides.append("need")
    if holds(actor, proposal.offer) and not proposal.offer_accepted_at:
        proposal.offer_accepted_at = now
        proposal.offer_accepted_by = actor
        sides.append("offer")
    if not sides:
        raise PermissionDenied
    if proposal.need_accepted_at and proposal.offer_accepted_at:
        proposal.status = Proposal.Status.ACCEPTED
        proposal.decided_at = now
    proposal.save()
    audit(
        action="resources.proposal_accept",
        actor=actor,
        municipality=proposal.municipality,
        target=proposal,
        data={"sides": sides},
    )
    if proposal.status == Proposal.Status.ACCEPTED:
        _collaboration_start(proposal, actor=actor, now=now)
    return proposal


def _collaboration_start(proposal: Proposal, *, actor, now) -> Collaboration:
    """Each side is the person who said yes for it: the listing's owner, or the
    member who answered for an organisation's listing (not all its members)."""
    need, offer = proposal.need, proposal.offer
    need_side = proposal.need_accepted_by or need.owner
    offer_side = proposal.offer_accepted_by or offer.owner
    collaboration = Collaboration.objects.create(
        municipality=proposal.municipality,
        proposal=proposal,
        need=need,
        offer=offer,
        need_owner=need_side,
        offer_owner=offer_side,
        facilitator=proposal.facilitator,
        started_at=now,
    )
    for listing, person in ((need, need_side), (offer, offer_side)):
        _participate(
            listing=listing,
            user=person,
            action="resources.collaboration_start",
            source=collaboration,
            now=now,
        )
    for recipient in (need_side, offer_side, proposal.facilitator):
        if recipient is None or recipient.pk == actor.pk:
            continue
        notify(
            recipient=recipient,
            municipality=proposal.municipality,
            kind="resources.collaboration_started",
            title=lambda: _("I er enige – forløbet er begyndt"),
            body=lambda: (
                _("“%(need)s” og “%(offer)s” er nu et fælles forløb.")
                % {"need": need.title, "offer": offer.title}
            ),
            url=collaboration.get_absolute_url(),
            dedupe_key=f"resources.collaboration:{collaboration.pk}",
        )
    return collaboration


@transaction.atomic
def proposal_decline(*, proposal: Proposal, actor, now=None) -> Proposal:
    """A "no" from either side closes the proposal and the pair for good."""
    now = now or timezone.now()
    proposal = (
        Proposal.objects.select_for_update()
        .select_related("need", "offer")
        .get(pk=proposal.pk)
    )
    if not proposal.is_open:
        raise ValidationError(_("Forslaget er allerede behandlet."))
    if not (holds(actor, proposal.need) or holds(actor, proposal.offer)):
        raise PermissionDenied
    proposal.status = Proposal.Status.DECLINED
    proposal.decided_at = now
    proposal.save(update_fields=["status", "decided_at"])
    DeclinedPair.objects.get_or_create(
        municipality=proposal.municipality,
        need=proposal.need,
        offer=proposal.offer,
        defaults={"declined_by": actor, "created_at": now},
    )
    audit(
        action="resources.proposal_decline",
        actor=actor,
        municipality=proposal.municipality,
        target=proposal,
    )
    other = proposal.offer if holds(actor, proposal.need) else proposal.need
    notify(
        recipient=other.owner,
        municipality=proposal.municipality,
        kind="resources.match_declined",
        title=lambda: _("Et match blev ikke til noget"),
        body=lambda: (
            _("Forslaget om “%(title)s” er afslået. Vi foreslår det ikke igen.")
            % {"title": other.title}
        ),
        url=other.get_absolute_url(),
        dedupe_key=f"resources.declined:{proposal.pk}",
    )
    return proposal


# -- collaborations ----------------------------------------------------------------------


@transaction.atomic
def collaboration_set_status(
    *, collaboration: Collaboration, actor, status: str, now=None
) -> Collaboration:
    """Move a forløb between agreed, ongoing and finished (and back, if need be).

    Finishing it records the step on the activity ladder for both sides and asks
    the other side for a short feedback.
    """
    now = now or timezone.now()
    collaboration = (
        Collaboration.objects.select_for_update(of=("self",))
        .select_related(
            "need", "offer", "need_owner", "offer_owner", "facilitator", "municipality"
        )
        .get(pk=collaboration.pk)
    )
    if actor.pk not in collaboration.participant_ids():
        raise PermissionDenied
    if status not in Collaboration.Status.values:
        raise ValidationError(_("Ukendt status."))
    was = collaboration.status
    if status == was:
        return collaboration
    finishing = status == Collaboration.Status.FINISHED
    collaboration.status = status
    collaboration.finished_at = now if finishing else None
    collaboration.save(update_fields=["status", "finished_at"])
    audit(
        action="resources.collaboration_status",
        actor=actor,
        municipality=collaboration.municipality,
        target=collaboration,
        data={"status": status, "was": was},
    )
    if finishing:
        for listing in (collaboration.need, collaboration.offer):
            _participate(
                listing=listing,
                user=listing.owner,
                action="resources.collaboration_finish",
                source=collaboration,
                now=now,
            )
        for person in (collaboration.need_owner, collaboration.offer_owner):
            if person.pk == actor.pk:
                continue
            notify(
                recipient=person,
                municipality=collaboration.municipality,
                kind="resources.collaboration_finished",
                title=lambda: _("Forløbet er afsluttet"),
                body=lambda: (
                    _(
                        "Tak for jeres samarbejde om “%(title)s”. Giv gerne en kort "
                        "tilbagemelding."
                    )
                    % {"title": collaboration.need.title[:120]}
                ),
                url=collaboration.get_absolute_url(),
                dedupe_key=f"resources.finished:{collaboration.pk}:{now.date()}",
            )
    return collaboration


@transaction.atomic
def collaboration_message_post(
    *, collaboration: Collaboration, actor, body: str, now=None
) -> CollaborationMessage:
    now = now or timezone.now()
    if actor.pk not in collaboration.participant_ids():
        raise PermissionDenied
    message = CollaborationMessage(
        collaboration=collaboration, author=actor, body=body.strip(), created_at=now
    )
    message.full_clean()
    message.save()
    people = (
        collaboration.need_owner,
        collaboration.offer_owner,
        collaboration.facilitator,
    )
    for person in people:
        if person is None or person.pk == actor.pk:
            continue
        notify(
            recipient=person,
            municipality=collaboration.municipality,
            kind="resources.collaboration_message",
            title=lambda: _("Ny besked i jeres forløb"),
            body=message.body[:300],
            url=collaboration.get_absolute_url(),
        )
    return message


@transaction.atomic
def collaboration_log_hours(
    *, collaboration: Collaboration, actor, hours: Decimal, on: dt.date
) -> HoursEntry:
    if actor.pk not in collaboration.participant_ids():
        raise PermissionDenied
    entry = HoursEntry(collaboration=collaboration, person=actor, hours=hours, on=on)
    entry.full_clean()
    entry.save()
    audit(
        action="resources.collaboration_hours",
        actor=actor,
        municipality=collaboration.municipality,
        target=collaboration,
        data={"hours": str(hours)},
    )
    return entry


@transaction.atomic
def collaboration_feedback_give(
    *, collaboration: Collaboration, actor, text: str, now=None
) -> Feedback:
    """Short feedback, once per side (editable), when the forløb is finished."""
    now = now or timezone.now()
    collaboration = Collaboration.objects.select_for_update().get(pk=collaboration.pk)
    if actor.pk not in (collaboration.need_owner_id, collaboration.offer_owner_id):
        raise PermissionDenied
    if collaboration.status != Collaboration.Status.FINISHED:
        raise ValidationError(_("Tilbagemelding gives, når forløbet er afsluttet."))
    feedback = Feedback.objects.filter(
        collaboration=collaboration, author=actor
    ).first() or Feedback(collaboration=collaboration, author=actor)
    feedback.text = text.strip()
    feedback.created_at = now
    feedback.full_clean()
    feedback.save()
    audit(
        action="resources.collaboration_feedback",
        actor=actor,
        municipality=collaboration.municipality,
        target=collaboration,
    )
    return feedback


# -- when nothing fits -------------------------------------------------------------------


class AlreadyAsked(Exception):
    """The facilitators were already asked about this listing."""


@transaction.atomic
def facilitator_ask(*, listing: Listing, actor, now=None) -> int:
    """The holder of a listing nothing fits asks the municipality's facilitators for
    help. Tells the facilitators on duty (``selectors.facilitators_on_duty``) in the
    app and, as each wishes, by e-mail — after the transaction commits, so a failed
    request tells nobody. Once per listing: a second ask raises ``AlreadyAsked``.
    Returns how many people will be told."""
    from .selectors import facilitator_asked_at, facilitators_on_duty

    if not holds(actor, listing):
        raise PermissionDenied
    if not listing.is_active or listing.is_expired():
        raise ValidationError(_("Opslaget er lukket eller udløbet."))
    dedupe_key = f"resources.ask_facilitator:{listing.pk}"
    if facilitator_asked_at(listing=listing) is not None:
        raise AlreadyAsked
    recipients = [
        pk
        for pk in facilitators_on_duty(municipality=listing.municipality, now=now)
        if pk != actor.pk
    ]
    if not recipients:
        raise ValidationError(
            _("Kommunen har ingen, der formidler match lige nu. Prøv igen senere.")
        )
    audit(
        action="resources.ask_facilitator",
        actor=actor,
        municipality=listing.municipality,
        target=listing,
        data={"recipients": len(recipients)},
    )
    municipality = listing.municipality
    url = listing.get_absolute_url()

    def send() -> None:
        from django.contrib.auth import get_user_model

        people = get_user_model().objects.filter(pk__in=recipients, is_active=True)
        for person in people:
            notify(
                recipient=person,
                municipality=municipality,
                kind="resources.ask_facilitator",
                title=lambda: (
                    _("Nogen beder om hjælp til at finde et match: %(title)s")
                    % {"title": listing.title[:120]}
                ),
                body=lambda: _(
                    "Ingen opslag passer godt nok til dette opslag. Holderen beder "
                    "kommunen om hjælp til at finde en ressource, et fællesskab "
                    "eller en forening."
                ),
                url=url,
                dedupe_key=dedupe_key,
            )

    transaction.on_commit(send, robust=True)
    return len(recipients)
