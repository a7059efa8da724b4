"""Demo content and scale data for resources and needs.

``load_demo`` writes the hand-written offers and needs in ``demo_content.py`` through
the services — so consent, audit, notifications and the activity ladder are as in
real use — then lets collaborations run their course (asked, agreed, messages, hours,
feedback, finished) and asks the engine for suggestions for the facilitation queue.
Running it again replaces the demo listings.

``seed`` writes scale data in bulk (COPY on PostgreSQL): ``large`` adds 200,000
offers and 60,000 needs, with proposals, collaborations, messages and attests.
"""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

from django.db import transaction
from django.db.models import Max
from django.utils import timezone

from faelles.accounts.models import Membership, User
from faelles.core.bulk import copy_rows
from faelles.demo.content.foundation import MUNICIPALITIES
from faelles.matching import geo, taxonomy
from faelles.notifications.models import Notification
from faelles.organisations.models import Organisation, OrganisationMember
from faelles.participation.models import ParticipationAct

from . import matches, search, services
from .demo_content import CERTIFICATES, COLLABORATIONS, LISTINGS
from .models import (
    DEFAULT_LIFETIME_DAYS,
    ChildCertificateVerification,
    Collaboration,
    CollaborationMessage,
    DeclinedPair,
    Feedback,
    HoursEntry,
    Listing,
    MatchState,
    Proposal,
    Side,
    category_path,
    is_special_category,
    slots_to_mask,
)

# -- demo ---------------------------------------------------------------------------


def _people(slug: str) -> dict[str, User]:
    emails = [
        p["email"]
        for p in next(m for m in MUNICIPALITIES if m["slug"] == slug)["people"]
    ]
    users = User.objects.in_bulk(emails, field_name="email")
    return {email.split("@")[0]: user for email, user in users.items()}


def _clear(municipality) -> None:
    """Remove earlier demo listings (not needs published by initiatives)."""
    ParticipationAct.objects.filter(
        municipality=municipality, action__startswith="resources."
    ).delete()
    Notification.objects.filter(
        municipality=municipality, kind__startswith="resources."
    ).delete()
    ChildCertificateVerification.objects.filter(municipality=municipality).delete()
    Listing.objects.filter(
        municipality=municipality, initiative_need__isnull=True
    ).delete()


def _create_listing(spec: dict, *, municipality, people, orgs, now) -> Listing:
    owner = people[spec["who"]]
    organisation = orgs[spec["org"]] if spec.get("org") else None
    created = now - dt.timedelta(days=spec.get("days", 10), hours=3)
    modes = spec.get("modes", ["in_person"])
    special = is_special_category(spec["kind"], spec["cats"])
    default_postcode = (organisation.postcode if organisation else "") or owner.postcode
    fields = {
        "kind": spec["kind"],
        "categories": list(spec["cats"]),
        "title": spec["title"],
        "text": spec["text"],
        "mode_in_person": "in_person" in modes,
        "mode_online": "online" in modes,
        "mode_phone": "phone" in modes,
        "postcode": spec.get("postcode", default_postcode),
        "radius_km": spec.get("radius"),
        "availability": slots_to_mask(spec.get("slots", [])),
        "commitment": spec.get("commitment", ""),
        "capacity": spec.get("capacity"),
        "min_age": spec.get("min_age"),
        "languages": spec.get("langs", []),
        "requires_child_certificate": spec.get("cert", False),
        "visibility": spec.get("vis", "members" if special else "public"),
        "expires_on": (created + dt.timedelta(days=DEFAULT_LIFETIME_DAYS)).date(),
    }
    extra = {}
    actor = owner
    if spec.get("behalf"):
        employee, consent_by, method = spec["behalf"]
        actor = people[employee]
        extra = {
            "owner": owner,
            "behalf_consent_by": consent_by,
            "behalf_consent_method": method,
        }
    return services.listing_create(
        municipality=municipality,
        actor=actor,
        side=spec["side"],
        organisation=organisation,
        special_consent=special,
        now=created,
        **extra,
        **fields,
    )


def _collaborate(spec: dict, *, listings, people, now) -> None:
    need, offer = listings[spec["need"]], listings[spec["offer"]]
    start = now - dt.timedelta(days=spec["days"], hours=2)
    note = spec.get("note", "")
    how = spec["how"]
    if how == "respond":
        proposal = services.proposal_respond(
            need=need, offer=offer, actor=offer.owner, note=note, now=start
        )
    elif how == "ask":
        proposal = services.proposal_suggest(
            need=need, offer=offer, actor=need.owner, note=note, now=start
        )
    else:
        proposal = services.proposal_suggest(
            need=need,
            offer=offer,
            actor=people[spec["by"]],
            note=note,
            is_staff=how == "staff",
            now=start,
        )
    state = spec["state"]
    if state in ("proposed", "suggested"):
        return
    if proposal.status == Proposal.Status.SUGGESTED:
        proposal = services.proposal_confirm(
            proposal=proposal,
            actor=people[spec.get("confirm_by", "medarbejder")],
            now=start + dt.timedelta(hours=3),
        )
    agreed = start + dt.timedelta(hours=20)
    for person, side in ((need.owner, "need"), (offer.owner, "offer")):
        proposal.refresh_from_db()
        if not getattr(proposal, f"{side}_accepted_at"):
            services.proposal_accept(proposal=proposal, actor=person, now=agreed)
    collaboration = Collaboration.objects.get(proposal=proposal)
    end = now - dt.timedelta(days=2) if state == "finished" else now
    if state in ("ongoing", "finished"):
        collaboration = services.collaboration_set_status(
            collaboration=collaboration,
            actor=offer.owner,
            status=Collaboration.Status.ONGOING,
            now=agreed + dt.timedelta(days=1),
        )
    who = {
        "need": need.owner,
        "offer": offer.owner,
        "facilitator": collaboration.facilitator,
    }
    messages = spec.get("messages", [])
    span = max((end - agreed).total_seconds(), 3600)
    for i, (side, body) in enumerate(messages, start=1):
        services.collaboration_message_post(
            collaboration=collaboration,
            actor=who[side],
            body=body,
            now=agreed + dt.timedelta(seconds=span * i / (len(messages) + 1)),
        )
    for i, (side, hours) in enumerate(spec.get("hours", []), start=1):
        services.collaboration_log_hours(
            collaboration=collaboration,
            actor=who[side],
            hours=Decimal(hours),
            on=(agreed + dt.timedelta(days=3 * i)).date(),
        )
    if state == "finished":
        collaboration = services.collaboration_set_status(
            collaboration=collaboration,
            actor=need.owner,
            status=Collaboration.Status.FINISHED,
            now=end,
        )
        for side, text in spec.get("feedback", {}).items():
            services.collaboration_feedback_give(
                collaboration=collaboration,
                actor=who[side],
                text=text,
                now=end + dt.timedelta(hours=5),
            )


@transaction.atomic
def load_demo(*, municipalities, stdout) -> None:
    now = timezone.now()
    today = timezone.localdate()
    for slug, municipality in municipalities.items():
        if slug not in LISTINGS:
            continue
        _clear(municipality)
        people = _people(slug)
        orgs = {
            o.slug: o for o in Organisation.objects.filter(municipality=municipality)
        }
        for person, org, by, ago, valid in CERTIFICATES.get(slug, []):
            verified = today - dt.timedelta(days=ago)
            services.child_certificate_verify(
                municipality=municipality,
                actor=people[by],
                person=people[person],
                organisation=orgs[org],
                verified_on=verified,
                valid_until=verified + dt.timedelta(days=valid),
            )
        listings = {
            spec["key"]: _create_listing(
                spec, municipality=municipality, people=people, orgs=orgs, now=now
            )
            for spec in LISTINGS[slug]
        }
        for spec in COLLABORATIONS.get(slug, []):
            _collaborate(spec, listings=listings, people=people, now=now)
        suggested = services.suggestions_generate(
            municipality=municipality, older_than_days=0, limit=50
        )
        stdout.write(
            f"  resources: {len(listings)} offers and needs, "
            f"{len(COLLABORATIONS.get(slug, []))} matches under way, "
            f"{suggested} suggestions in the facilitation queue ({slug})"
        )
    matches.clear_cache()


# -- scale data ----------------------------------------------------------------------

SIZES = {
    "small": {
        "offers": 1_500,
        "needs": 500,
        "proposals": 300,
        "collaborations": 100,
        "certificates": 50,
    },
    "large": {
        "offers": 200_000,
        "needs": 60_000,
        "proposals": 20_000,
        "collaborations": 6_000,
        "certificates": 3_000,
    },
}
CENTRES = {
    "kerteminde": "5300",
    "odense": "5000",
    "faxe": "4640",
    "skanderborg": "8660",
    "rodovre": "2610",
}
"""Where a municipality's scale data lives; anything else seeds around Copenhagen."""


def _postcodes_around(slug: str, km: float = 12.0) -> list[str]:
    postcodes = geo.load()
    row = postcodes.lookup(CENTRES.get(slug, "1550"))
    near = (postcodes.distances_from(row) <= km).nonzero()[0]
    return [postcodes.codes[i] for i in near]


LISTING_COLUMNS = [
    "municipality_id",
    "side",
    "owner_id",
    "organisation_id",
    "created_by_id",
    "behalf_consent_by",
    "behalf_consent_method",
    "kind",
    "categories",
    "category_path",
    "title",
    "text",
    "mode_in_person",
    "mode_online",
    "mode_phone",
    "postcode",
    "radius_km",
    "availability",
    "commitment",
    "capacity",
    "min_age",
    "languages",
    "requires_child_certificate",
    "visibility",
    "special_consent_at",
    "is_active",
    "expires_on",
    "revision",
    "created_at",
    "updated_at",
]


def _listing_row(
    side, i, *, rng, municipality, owner, org_id, postcodes, now, revision
):
    from .seed_content import DETAILS, OPENERS, THEMES

    theme = rng.randrange(len(THEMES))
    cats, kinds, offers, needs = THEMES[theme]
    title, sentence = rng.choice(offers if side == Side.OFFER else needs)
    text = f"{rng.choice(OPENERS)}{sentence} {rng.choice(DETAILS)}"
    if rng.random() < 0.4:
        text += f" {rng.choice(DETAILS)}"
    kind = rng.choice(kinds)
    categories = [] if rng.random() < 0.25 else cats[: rng.randint(1, len(cats))]
    special = is_special_category(kind, categories)
    created = now - dt.timedelta(minutes=rng.randint(0, 60 * 24 * 170))
    expires = (created + dt.timedelta(days=DEFAULT_LIFETIME_DAYS)).date()
    if rng.random() < 0.04:
        expires = now.date() - dt.timedelta(days=rng.randint(1, 60))
    modes = rng.choice(
        [(True, False, False)] * 5
        + [(True, False, True), (False, True, False), (True, True, True)]
    )
    roll = rng.random()
    visibility = "public" if roll < 0.6 else ("members" if roll < 0.95 else "employees")
    if special and visibility == "public":
        visibility = "members"
    slots = rng.sample(range(21), rng.randint(1, 6)) if rng.random() < 0.6 else []
    commitment = rng.choice(["", "", "one_off", "recurring", "long_term_1to1", "group"])
    return (
        theme,
        (
            municipality.pk,
            side,
            owner,
            org_id,
            owner,
            "",
            "",
            kind,
            categories,
            category_path(categories),
            f"{title} {i % 997 + 1}" if rng.random() < 0.02 else title,
            text,
            *modes,
            rng.choice(postcodes),
            rng.choice([None, None, 2, 5, 10, 20]),
            sum(1 << s for s in slots),
            commitment,
            rng.randint(2, 20) if commitment == "group" else None,
            rng.choice([None] * 9 + [15, 18]),
            rng.choice([[], [], ["da"], ["da", "en"], ["da", "ar"], ["da", "uk"]]),
            side == Side.NEED and rng.random() < 0.05,
            visibility,
            created if special else None,
            rng.random() > 0.03,
            expires,
            revision,
            created,
            created,
        ),
    )


def seed(*, municipality, scale: str, rng, progress) -> None:
    """Offers and needs in bulk, with proposals, collaborations and attests.

    Needs the municipality's people (seed ``accounts`` first). Runs once per
    municipality: a second call finds the seeded listings and does nothing.
    """
    size = SIZES[scale]
    members = list(
        Membership.objects.filter(
            municipality=municipality, user__email__startswith="seed-"
        )
        .order_by("user_id")
        .values_list("user_id", flat=True)
    )
    if not members:
        progress(0, "resources: seed accounts first").close()
        return
    if Listing.objects.filter(
        municipality=municipality, owner__email__startswith="seed-"
    ).exists():
        progress(0, f"resources in {municipality.slug}: already seeded").close()
        return
    now = timezone.now()
    postcodes = _postcodes_around(municipality.slug)
    org_members = list(
        OrganisationMember.objects.filter(
            organisation__municipality=municipality
        ).values_list("organisation_id", "user_id")[:50_000]
    )
    state, _ = MatchState.objects.get_or_create(municipality=municipality)
    revision = state.revision + 1
    MatchState.objects.filter(pk=state.pk).update(revision=revision)
    first_id = (Listing.objects.aggregate(m=Max("id"))["m"] or 0) + 1

    total = size["offers"] + size["needs"]
    bar = progress(total, f"offers and needs in {municipality.slug}")
    # Offers and needs interleaved, as people post them (ids in random side order).
    sides = [Side.OFFER] * size["offers"] + [Side.NEED] * size["needs"]
    rng.shuffle(sides)
    # Per side, in id order: (theme, owner's user id) of each listing.
    themes: dict[str, list[tuple[int, int]]] = {Side.OFFER: [], Side.NEED: []}
    rows = []
    for i, side in enumerate(sides):
        if org_members and rng.random() < 0.1:
            org_id, owner = rng.choice(org_members)
        else:
            org_id, owner = None, rng.choice(members)
        theme, row = _listing_row(
            side,
            i,
            rng=rng,
            municipality=municipality,
            owner=owner,
            org_id=org_id,
            postcodes=postcodes,
            now=now,
            revision=revision,
        )
        rows.append(row)
        themes[side].append((theme, owner))
        if len(rows) == 20_000:
            copy_rows(Listing, LISTING_COLUMNS, rows)
            bar.update(len(rows))
            rows = []
    copy_rows(Listing, LISTING_COLUMNS, rows)
    bar.update(len(rows))
    bar.close()

    created = list(
        Listing.objects.filter(municipality=municipality, id__gte=first_id)
        .order_by("id")
        .values_list("id", "side", "owner_id", "is_active", "expires_on")
    )
    bar = progress(1, f"search index for {municipality.slug}")
    search.index_since(municipality, first_id)
    bar.update(1)
    bar.close()
    _seed_matches(municipality, created, themes, size, rng, now)


def _seed_matches(municipality, created, themes, size, rng, now) -> None:
    """Proposals in every state, collaborations with messages, hours and feedback."""
    today = now.date()
    by_side: dict[str, list[tuple[int, str, int, bool, dt.date]]] = {
        Side.OFFER: [],
        Side.NEED: [],
    }
    for row in created:
        by_side[row[1]].append(row)
    offers_by_theme: dict[int, list[tuple[int, int]]] = {}
    for (pk, _, owner, active, expires), (theme, _) in zip(
        by_side[Side.OFFER], themes[Side.OFFER], strict=True
    ):
        if active and expires >= today:
            offers_by_theme.setdefault(theme, []).append((pk, owner))
    needs = [
        (pk, owner, theme)
        for (pk, _, owner, active, expires), (theme, _) in zip(
            by_side[Side.NEED], themes[Side.NEED], strict=True
        )
        if active and expires >= today
    ]
    from .seed_content import THEMES

    statuses = (
        ["suggested"] * 2 + ["proposed"] * 3 + ["declined"] * 2 + ["dismissed"] * 1
    )
    proposals, collaborations, used = [], [], set()
    for i in range(size["proposals"] + size["collaborations"]):
        need_id, need_owner, theme = rng.choice(needs)
        candidates = offers_by_theme.get(theme)
        if not candidates:
            continue
        offer_id, offer_owner = rng.choice(candidates)
        if offer_owner == need_owner or (need_id, offer_id) in used:
            continue
        used.add((need_id, offer_id))
        status = "accepted" if i < size["collaborations"] else rng.choice(statuses)
        when = now - dt.timedelta(minutes=rng.randint(60, 60 * 24 * 90))
        label = taxonomy.path_label(THEMES[theme][0][0])
        label_en = taxonomy.path_label(THEMES[theme][0][0], "en")
        reasons = [
            {
                "code": "category",
                "da": f"Samme kategori: {label}",
                "en": f"Same category: {label_en}",
            }
        ]
        proposals.append(
            (
                municipality.pk,
                need_id,
                offer_id,
                status,
                need_owner if status != "suggested" else None,
                "",
                status == "suggested" and rng.random() < 0.5,
                when if status in ("proposed", "accepted", "declined") else None,
                when if status in ("accepted",) else None,
                reasons,
                when,
                when if status in ("accepted", "declined", "dismissed") else None,
            )
        )
        if status == "accepted":
            collaborations.append((need_id, offer_id, need_owner, offer_owner, when))
    copy_rows(
        Proposal,
        [
            "municipality_id",
            "need_id",
            "offer_id",
            "status",
            "proposed_by_id",
            "note",
            "by_engine",
            "need_accepted_at",
            "offer_accepted_at",
            "reasons",
            "created_at",
            "decided_at",
        ],
        proposals,
    )
    proposal_ids = {
        (need, offer): pk
        for pk, need, offer in Proposal.objects.filter(
            municipality=municipality, status="accepted"
        ).values_list("id", "need_id", "offer_id")
    }
    copy_rows(
        DeclinedPair,
        ["municipality_id", "need_id", "offer_id", "declined_by_id", "created_at"],
        [
            (municipality.pk, p[1], p[2], p[4], p[10])
            for p in proposals
            if p[3] == "declined"
        ],
    )
    rows = []
    for need_id, offer_id, need_owner, offer_owner, when in collaborations:
        roll = rng.random()
        status = "agreed" if roll < 0.2 else ("ongoing" if roll < 0.6 else "finished")
        rows.append(
            (
                municipality.pk,
                proposal_ids[(need_id, offer_id)],
                need_id,
                offer_id,
                need_owner,
                offer_owner,
                status,
                when,
                now - dt.timedelta(days=rng.randint(1, 20))
                if status == "finished"
                else None,
            )
        )
    copy_rows(
        Collaboration,
        [
            "municipality_id",
            "proposal_id",
            "need_id",
            "offer_id",
            "need_owner_id",
            "offer_owner_id",
            "status",
            "started_at",
            "finished_at",
        ],
        rows,
    )
    lines = [
        "Hej! Hvornår passer det dig at mødes?",
        "Tirsdag eftermiddag passer fint.",
        "Tak for i dag – det var rart.",
        "Skal vi sige samme tid næste uge?",
    ]
    messages, hours, feedback = [], [], []
    for pk, need_owner, offer_owner, status, started in Collaboration.objects.filter(
        municipality=municipality
    ).values_list("id", "need_owner_id", "offer_owner_id", "status", "started_at"):
        for j in range(rng.randint(1, 4)):
            messages.append(
                (
                    pk,
                    need_owner if j % 2 else offer_owner,
                    lines[j],
                    started + dt.timedelta(hours=6 * (j + 1)),
                )
            )
        if status != "agreed":
            hours.append(
                (
                    pk,
                    offer_owner,
                    Decimal(rng.choice(["1", "1.5", "2", "3"])),
                    started.date(),
                    started,
                )
            )
        if status == "finished":
            feedback.append(
                (pk, need_owner, "Det hjalp mig rigtig meget. Tak!", started)
            )
            feedback.append((pk, offer_owner, "Et godt samarbejde.", started))
    copy_rows(
        CollaborationMessage,
        ["collaboration_id", "author_id", "body", "created_at"],
        messages,
    )
    copy_rows(
        HoursEntry,
        ["collaboration_id", "person_id", "hours", "on", "created_at"],
        hours,
    )
    copy_rows(
        Feedback, ["collaboration_id", "author_id", "text", "created_at"], feedback
    )

    orgs = list(
        Organisation.objects.filter(municipality=municipality).values_list(
            "id", flat=True
        )
    )
    offer_owners = list({row[2] for row in by_side[Side.OFFER]})
    certificates = []
    for person in rng.sample(
        offer_owners, k=min(size["certificates"], len(offer_owners))
    ):
        verified = today - dt.timedelta(days=rng.randint(0, 900))
        certificates.append(
            (
                municipality.pk,
                person,
                rng.choice(orgs),
                verified,
                verified + dt.timedelta(days=3 * 365),
            )
        )
    if orgs:
        copy_rows(
            ChildCertificateVerification,
            [
                "municipality_id",
                "person_id",
                "organisation_id",
                "verified_on",
                "valid_until",
            ],
            certificates,
        )
