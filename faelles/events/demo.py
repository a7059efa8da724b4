"""Demo events and scale data for events.

``load_demo`` writes the events in ``demo_content.py`` through the services, so
counters, waiting lists and the activity ladder are as in real use; running it
again replaces the demo events. ``seed`` writes ``large`` scale data in bulk
(COPY on PostgreSQL): 50,000 events and about 1,050,000 sign-ups.
"""

from datetime import datetime, time, timedelta
from typing import TypedDict

from django.db import transaction
from django.db.models import Max
from django.utils import timezone

from faelles.accounts.models import Membership, User
from faelles.communities.demo import _people, _pick
from faelles.communities.demo_content import LOCAL, MOVEMENTS, SHARED_COMMUNITIES
from faelles.communities.models import Community, Movement
from faelles.core.bulk import copy_rows
from faelles.participation.models import ParticipationAct

from . import services
from .demo_content import EVENTS, SIGNUP_ORDER, STAFF_EVENTS
from .models import Event, Registration


def _at(days: int, hour: int, minute: int) -> datetime:
    day = timezone.localdate() + timedelta(days=days)
    return timezone.make_aware(datetime.combine(day, time(hour, minute)))


@transaction.atomic
def load_demo(*, municipalities, stdout) -> None:
    for slug, municipality in municipalities.items():
        if slug not in LOCAL:
            continue
        local = LOCAL[slug]
        ParticipationAct.objects.filter(
            municipality=municipality, source_type="events.event"
        ).delete()
        Event.objects.filter(municipality=municipality).delete()
        people = _people(slug)
        communities = {
            spec["key"]: Community.objects.filter(
                municipality=municipality, name=spec["name"].format(**local)
            ).first()
            for spec in SHARED_COMMUNITIES
        }
        movements = {
            key: Movement.objects.filter(
                municipality=municipality, title=spec["title"].format(**local)
            ).first()
            for key, spec in MOVEMENTS.items()
        }
        order = [u for u in (_pick(people, s) for s in SIGNUP_ORDER) if u]
        for spec in EVENTS:
            community = (
                communities.get(spec["community"]) if "community" in spec else None
            )
            movement = movements.get(spec["movement"]) if "movement" in spec else None
            if community is not None:
                host = community.members.filter(is_host=True).first()
                assert host is not None  # every demo community has a host
                organiser: User | None = host.user
            elif movement is not None:
                organiser = movement.leader
            else:
                organiser = people["medarbejder"]
            days, hour, minute, minutes = spec["when"]
            starts_at = _at(days, hour, minute)
            event = services.event_create(
                municipality=municipality,
                actor=organiser,
                title=spec["title"].format(**local),
                description=spec["description"].format(**local),
                starts_at=starts_at,
                ends_at=starts_at + timedelta(minutes=minutes),
                place=spec["place"].format(**local),
                capacity=spec["capacity"],
                community=community,
                movement=movement,
                step_free=spec.get("step_free", False),
                hearing_loop=spec.get("hearing_loop", False),
                accessible_toilet=spec.get("accessible_toilet", False),
                accessibility_note=spec.get("accessibility_note", ""),
            )
            signups = [p for p in order if p != organiser][: spec["signups"]]
            for i, person in enumerate(signups):
                services.registration_create(
                    event=event,
                    user=person,
                    now=timezone.now() - timedelta(minutes=len(signups) - i),
                )
        for staff_spec in STAFF_EVENTS.get(slug, []):
            days, hour, minute, minutes = staff_spec["when"]
            starts_at = _at(days, hour, minute)
            event = services.event_create(
                municipality=municipality,
                actor=people["medarbejder"],
                title=staff_spec["title"],
                description=staff_spec["description"],
                starts_at=starts_at,
                ends_at=starts_at + timedelta(minutes=minutes),
                place=staff_spec["place"],
                capacity=staff_spec["capacity"],
                step_free=True,
                staff_only=True,
            )
            for name in staff_spec["signups"]:
                staffer = _pick(people, name)
                if staffer is not None:
                    services.registration_create(event=event, user=staffer)
        stdout.write(
            f"  {slug}: {Event.objects.filter(municipality=municipality).count()}"
            " events"
        )


# --- scale data -----------------------------------------------------------------


class ScaleSize(TypedDict):
    events: int
    signups: tuple[int, int]  # people per event, from and to


SIZES: dict[str, ScaleSize] = {
    "small": {"events": 500, "signups": (5, 15)},
    "large": {"events": 50_000, "signups": (8, 34)},
}
TITLES = [
    "Fællesspisning",
    "Gåtur",
    "Syng sammen",
    "Reparationscafé",
    "Borgermøde",
    "Workshop",
    "Foredrag",
    "Åbent hus",
    "Loppemarked",
    "Træning",
    "Sprogcafé",
    "Klimadag",
]
PLACES = [
    "Medborgerhuset",
    "Biblioteket",
    "Idrætshallen",
    "Rådhuset",
    "Kulturhuset",
    "Skolens aula",
    "Parken",
    "Havnen",
]
CAPACITIES = [None, None, 10, 15, 20, 25, 30, 40, 60]
STAFF_ONLY_EVERY = 20


def seed(*, municipality, scale: str, rng, progress) -> None:
    size = SIZES[scale]
    member_ids = list(
        Membership.objects.filter(municipality=municipality)
        .order_by("user_id")
        .values_list("user_id", flat=True)
    )
    if not member_ids:
        return  # seed accounts first: sign-ups need people
    community_ids = list(
        Community.objects.filter(municipality=municipality)
        .order_by("id")
        .values_list("id", flat=True)
    )
    movement_ids = list(
        Movement.objects.filter(municipality=municipality)
        .order_by("id")
        .values_list("id", flat=True)
    )
    now = timezone.now().replace(minute=0, second=0, microsecond=0)
    start = Event.objects.aggregate(m=Max("id"))["m"] or 0
    total = size["events"]
    low, high = size["signups"]
    bar = progress(total, f"events in {municipality.slug}")
    plans = []
    rows = []
    for i in range(total):
        starts_at = now + timedelta(hours=rng.randint(-90 * 24, 365 * 24))
        capacity = rng.choice(CAPACITIES)
        people = rng.sample(member_ids, k=min(len(member_ids), rng.randint(low, high)))
        cancelled = {p for p in people if rng.random() < 0.05}
        active = [p for p in people if p not in cancelled]
        confirmed = len(active) if capacity is None else min(capacity, len(active))
        plans.append((starts_at, people, cancelled, confirmed))
        roll = rng.random()
        community = rng.choice(community_ids) if community_ids and roll < 0.6 else None
        movement = (
            rng.choice(movement_ids) if movement_ids and 0.6 <= roll < 0.7 else None
        )
        rows.append(
            (
                municipality.pk,
                f"{rng.choice(TITLES)} {i + 1}",
                "Alle er velkomne. Tilmeld dig, så vi ved, hvor mange vi bliver.",
                starts_at,
                starts_at + timedelta(hours=rng.choice([1, 2, 3])),
                rng.choice(PLACES),
                "",
                rng.random() < 0.7,
                rng.random() < 0.3,
                rng.random() < 0.5,
                "",
                capacity,
                people[0],
                community,
                movement,
                "",
                "published" if rng.random() > 0.02 else "cancelled",
                "",
                confirmed,
                len(active) - confirmed,
                now - timedelta(days=100),
            )
        )
        if (i + 1) % 5000 == 0:
            bar.update(5000)
    copy_rows(
        Event,
        [
            "municipality_id",
            "title",
            "description",
            "starts_at",
            "ends_at",
            "place",
            "address",
            "step_free",
            "hearing_loop",
            "accessible_toilet",
            "accessibility_note",
            "capacity",
            "organiser_id",
            "community_id",
            "movement_id",
            "source",
            "status",
            "cancel_reason",
            "confirmed_count",
            "waiting_count",
            "created_at",
        ],
        rows,
    )
    bar.close()
    ids = list(
        Event.objects.filter(municipality=municipality, id__gt=start)
        .order_by("id")
        .values_list("id", flat=True)
    )
    # One in twenty is for staff only (docs/staff-only.md), chosen by position so
    # the random stream stays the same.
    Event.objects.filter(pk__in=ids[::STAFF_ONLY_EVERY]).update(staff_only=True)

    def registration_rows():
        for event_id, (starts_at, people, cancelled, confirmed) in zip(
            ids, plans, strict=True
        ):
            queued = starts_at - timedelta(days=20)
            seen = 0
            past = starts_at < now
            for j, user_id in enumerate(people):
                at = queued + timedelta(minutes=j)
                if user_id in cancelled:
                    status, checked_in = "cancelled", None
                else:
                    status = "confirmed" if seen < confirmed else "waiting"
                    seen += 1
                    checked_in = (
                        starts_at if past and status == "confirmed" and j % 4 else None
                    )
                yield (event_id, user_id, status, at, checked_in, None, at)

    bar = progress(0, f"sign-ups in {municipality.slug}")
    count = copy_rows(
        Registration,
        [
            "event_id",
            "user_id",
            "status",
            "queued_at",
            "checked_in_at",
            "reminded_at",
            "created_at",
        ],
        registration_rows(),
    )
    bar.update(count)
    bar.close()
