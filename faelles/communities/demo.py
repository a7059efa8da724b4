"""Demo content and scale data for communities and movements.

``load_demo`` writes the hand-written content in ``demo_content.py`` through the
services (so counters, notifications and the activity ladder are as in real use);
running it again replaces the demo communities and movements. ``seed`` writes
``large`` scale data in bulk: 10,000 communities with their members and hosts, and
200 movements with teams, pledges and logged actions.
"""

from datetime import timedelta
from decimal import Decimal

from django.db import transaction
from django.db.models import Max
from django.utils import timezone

from faelles.accounts.models import Membership, User
from faelles.core.bulk import copy_rows
from faelles.demo.content.foundation import MUNICIPALITIES
from faelles.demo.themes import demo_themes
from faelles.participation.models import ParticipationAct

from . import movement_services, services
from .demo_content import (
    LOCAL,
    MOVEMENTS,
    OWN_COMMUNITIES,
    REFERRALS,
    SHARED_COMMUNITIES,
    CommunitySpec,
    MovementSpec,
)
from .models import (
    AgeGroup,
    Community,
    CommunityMember,
    LifeSituation,
    Movement,
    MovementAction,
    MovementTeam,
    Pledge,
    Post,
)


def _people(slug: str) -> dict[str, User]:
    """Demo people of a municipality by the part of their e-mail before the @."""
    emails = next(m for m in MUNICIPALITIES if m["slug"] == slug)["people"]
    users = User.objects.in_bulk([p["email"] for p in emails], field_name="email")
    return {email.split("@")[0]: user for email, user in users.items()}


def _pick(people: dict[str, User], spec: str) -> User | None:
    """``"a|b|c"``: the first of the named people who lives in this municipality."""
    for name in spec.split("|"):
        if name in people:
            return people[name]
    return None


def _clear(municipality) -> None:
    """Remove earlier demo communities and movements (and their ladder acts)."""
    communities = Community.objects.filter(municipality=municipality)
    movements = Movement.objects.filter(municipality=municipality)
    ParticipationAct.objects.filter(
        municipality=municipality,
        source_type__in=["communities.community", "communities.movement"],
    ).delete()
    communities.delete()
    movements.delete()


@transaction.atomic
def load_demo(*, municipalities, stdout) -> None:
    for slug, municipality in municipalities.items():
        if slug not in LOCAL:
            continue
        _clear(municipality)
        people = _people(slug)
        local = LOCAL[slug]
        communities = {}
        for spec in SHARED_COMMUNITIES:
            communities[spec["key"]] = _community(municipality, people, spec, local)
        for own in OWN_COMMUNITIES.get(slug, []):
            _community(municipality, people, own, local)
        for movement in MOVEMENTS.values():
            _movement(municipality, people, movement, local)
        employee = people.get("medarbejder")
        for citizen, key, note, outcome in REFERRALS:
            person = _pick(people, citizen)
            if person is None or employee is None:
                continue
            services.referral_create(
                community=communities[key],
                actor=employee,
                citizen=person,
                note=note,
                consent=True,
            )
            if outcome == "joined":
                services.community_join(community=communities[key], user=person)
        stdout.write(
            f"  {slug}: {Community.objects.filter(municipality=municipality).count()}"
            f" communities, {Movement.objects.filter(municipality=municipality).count()}"
            " movements"
        )


def _fill(text: str, local: dict) -> str:
    return text.format(**local)


def _community(
    municipality, people: dict[str, User], spec: CommunitySpec, local: dict[str, str]
) -> Community:
    hosts = [u for u in (_pick(people, h) for h in spec["hosts"]) if u]
    community = services.community_create(
        municipality=municipality,
        actor=hosts[0],
        name=_fill(spec["name"], local),
        description=_fill(spec["description"], local),
        theme=demo_themes(municipality)[spec["theme"]],
        access=spec["access"],
        place=_fill(spec["place"], local),
        area=_fill(spec["area"], local),
        postcode=_fill(spec["postcode"], local),
        meeting_rhythm=spec["meeting_rhythm"],
        age_group=spec["age_group"],
        life_situation=spec["life_situation"],
        target_group=_fill(spec["target_group"], local),
        staff_only=spec.get("staff_only", False),
    )
    for host in hosts[1:]:
        services.member_invite(community=community, actor=hosts[0], user=host)
        services.community_join(community=community, user=host)
        services.host_set(
            community=community, actor=hosts[0], user_id=host.pk, is_host=True
        )
    for name in spec.get("members", []):
        person = _pick(people, name)
        if person is None or person in hosts:
            continue
        if community.access == Community.Access.OPEN:
            services.community_join(community=community, user=person)
        else:
            services.member_invite(community=community, actor=hosts[0], user=person)
            services.community_join(community=community, user=person)
    for name, message in spec.get("requests", []):
        person = _pick(people, name)
        if person is not None:
            services.community_join(community=community, user=person, message=message)
    for author, body in spec.get("posts", []):
        person = hosts[0] if author == "host" else _pick(people, author)
        if person is not None:
            services.post_create(community=community, author=person, body=body)
    return community


def _movement(
    municipality, people: dict[str, User], spec: MovementSpec, local: dict[str, str]
) -> Movement:
    today = timezone.localdate()
    movement = movement_services.movement_create(
        municipality=municipality,
        actor=people[spec["leader"]],
        title=_fill(spec["title"], local),
        description=_fill(spec["description"], local),
        goal=spec["goal"],
        led_by=spec["led_by"],
        unit=spec["unit"],
        target=Decimal(spec["target"]),
        starts_on=today - timedelta(days=30),
        ends_on=today + timedelta(days=60),
    )
    teams = [
        movement_services.team_create(
            movement=movement,
            actor=people[spec["leader"]],
            name=name,
            kind=kind,
            on_leaderboard=board,
        )
        for name, kind, board in spec["teams"]
    ]
    for name, amount, text, team, board, done in spec["pledges"]:
        person = _pick(people, name)
        if person is None:
            continue
        movement_services.pledge_make(
            movement=movement,
            user=person,
            amount=Decimal(amount),
            text=text,
            team=teams[team] if team is not None else None,
            on_leaderboard=board,
        )
        if Decimal(done) > 0:
            movement_services.action_log(
                movement=movement,
                user=person,
                amount=Decimal(done),
                description=text,
                done_on=today - timedelta(days=3),
            )
    return movement


# --- scale data -----------------------------------------------------------------

SIZES = {
    "small": {"communities": 200, "movements": 10, "pledges": 50},
    "large": {"communities": 10_000, "movements": 200, "pledges": 100},
}
FIRST = [
    "Gå",
    "Strikke",
    "Sang",
    "Kor",
    "Motions",
    "Samtale",
    "Kaffe",
    "Have",
    "Cykel",
    "Reparations",
    "Sprog",
    "Læse",
    "Mad",
    "Natur",
    "Skak",
    "Dans",
    "Yoga",
    "Vandre",
]
SECOND = [
    "klubben",
    "holdet",
    "gruppen",
    "caféen",
    "fællesskabet",
    "netværket",
    "værkstedet",
    "kredsen",
]
AREAS = ["Centrum", "Nord", "Syd", "Øst", "Vest", "Havnen", "Stationen", "Skoven"]
RHYTHMS = [
    "Hver mandag kl. 10",
    "Tirsdag kl. 17–19",
    "Hver anden onsdag",
    "Torsdag formiddag",
    "Første lørdag i måneden",
    "Søndag kl. 9",
]
DESCRIPTIONS = [
    "Vi mødes, snakker og hjælper hinanden. Alle er velkomne, også første gang.",
    "Et roligt fællesskab, hvor man kan komme, som man er. Kaffen er sat over.",
    "Vi træner sammen i vores eget tempo og går en tur bagefter.",
    "Vi deler erfaringer og gode råd – og griner en del undervejs.",
]


STAFF_ONLY_EVERY = 20


def seed(*, municipality, scale: str, rng, progress) -> None:
    size = SIZES[scale]
    member_ids = list(
        Membership.objects.filter(municipality=municipality)
        .order_by("user_id")
        .values_list("user_id", flat=True)
    )
    if not member_ids:
        return  # seed accounts first: communities need people
    now = timezone.now()
    start = Community.objects.aggregate(m=Max("id"))["m"] or 0
    by_key = demo_themes(municipality)
    # The old hard-coded community themes, in their order (keeps the random stream).
    themes = [
        by_key[key].pk
        for key in ("health", "movement", "family", "culture", "craft", "climate",
                    "neighbours", "talk", "learning")
    ]  # fmt: skip
    ages, situations = AgeGroup.values, LifeSituation.values
    accesses = ["open"] * 7 + ["closed"] * 2 + ["invitation"]
    total = size["communities"]
    bar = progress(total, f"communities in {municipality.slug}")
    plan = []  # (members, hosts) per community, in insert order
    rows = []
    for i in range(total):
        members = rng.sample(member_ids, k=min(len(member_ids), rng.randint(3, 25)))
        plan.append(members)
        name = f"{rng.choice(FIRST)}{rng.choice(SECOND)} {rng.choice(AREAS)} {i + 1}"
        rows.append(
            (
                municipality.pk,
                name,
                rng.choice(DESCRIPTIONS),
                rng.choice(themes),
                rng.choice(accesses),
                "",
                rng.choice(AREAS),
                f"{rng.randint(1000, 9990)}",
                rng.choice(RHYTHMS),
                rng.choice(ages),
                rng.choice(situations),
                "",
                len(members),
                True,
                members[0],
                now - timedelta(minutes=total - i),
            )
        )
    copy_rows(
        Community,
        [
            "municipality_id",
            "name",
            "description",
            "theme_id",
            "access",
            "place",
            "area",
            "postcode",
            "meeting_rhythm",
            "age_group",
            "life_situation",
            "target_group",
            "member_count",
            "is_active",
            "created_by_id",
            "created_at",
        ],
        rows,
    )
    bar.update(total)
    bar.close()
    ids = list(
        Community.objects.filter(municipality=municipality, id__gt=start)
        .order_by("id")
        .values_list("id", flat=True)
    )
    # One in twenty is for staff only (docs/staff-only.md); chosen by position,
    # so the random stream, and with it the rest of the data, stays the same.
    Community.objects.filter(pk__in=ids[::STAFF_ONLY_EVERY]).update(staff_only=True)

    def member_rows():
        for community_id, members in zip(ids, plan, strict=True):
            for j, user_id in enumerate(members):
                yield (community_id, user_id, "active", j == 0, "", now, now)

    count = copy_rows(
        CommunityMember,
        [
            "community_id",
            "user_id",
            "status",
            "is_host",
            "message",
            "created_at",
            "joined_at",
        ],
        member_rows(),
    )
    progress(count, f"community members in {municipality.slug}").close()
    copy_rows(
        Post,
        ["community_id", "author_id", "body", "created_at"],
        (
            (cid, plan[k][0], "Velkommen til de nye – vi ses på mandag!", now)
            for k, cid in enumerate(ids)
            if k % 3 == 0
        ),
    )
    _seed_movements(municipality, size, member_ids, rng, now)


def _seed_movements(municipality, size, member_ids, rng, now) -> None:
    start = Movement.objects.aggregate(m=Max("id"))["m"] or 0
    units = Movement.Unit.values
    count = size["movements"]
    pledges_per = min(size["pledges"], len(member_ids))
    rows = []
    plans = []
    for i in range(count):
        people = rng.sample(member_ids, k=pledges_per)
        amounts = [Decimal(rng.randint(1, 20)) for _ in people]
        achieved = [Decimal(rng.randint(0, int(a))) for a in amounts]
        plans.append((people, amounts, achieved))
        rows.append(
            (
                municipality.pk,
                f"Sammen om {rng.choice(['klimaet', 'bevægelse', 'naboskab'])} {i + 1}",
                "En fælles indsats, hvor alle kan give et løfte og logge, hvad de gør.",
                "Et fælles mål for hele kommunen",
                rng.choice(Movement.LedBy.values),
                people[0],
                rng.choice(units),
                Decimal(pledges_per * 10),
                sum(amounts),
                sum(achieved),
                len(people),
                True,
                now,
            )
        )
    copy_rows(
        Movement,
        [
            "municipality_id",
            "title",
            "description",
            "goal",
            "led_by",
            "leader_id",
            "unit",
            "target",
            "pledged_total",
            "achieved_total",
            "participant_count",
            "is_active",
            "created_at",
        ],
        rows,
    )
    ids = list(
        Movement.objects.filter(municipality=municipality, id__gt=start)
        .order_by("id")
        .values_list("id", flat=True)
    )
    teams = []
    for movement_id in ids:
        for name, kind in (("Hold Nord", "area"), ("Hold Syd", "area")):
            teams.append(
                MovementTeam(
                    movement_id=movement_id, name=name, kind=kind, on_leaderboard=True
                )
            )
    MovementTeam.objects.bulk_create(teams, batch_size=5000)
    team_ids: dict[int, list[int]] = {}
    for team in MovementTeam.objects.filter(movement_id__in=ids).values(
        "id", "movement_id"
    ):
        team_ids.setdefault(team["movement_id"], []).append(team["id"])
    pledge_rows, action_rows = [], []
    totals: dict[int, Decimal] = {}
    for movement_id, (people, amounts, achieved) in zip(ids, plans, strict=True):
        for user_id, amount, done in zip(people, amounts, achieved, strict=True):
            team = rng.choice(team_ids[movement_id])
            totals[team] = totals.get(team, Decimal(0)) + done
            pledge_rows.append(
                (
                    movement_id,
                    user_id,
                    team,
                    amount,
                    "",
                    rng.random() < 0.3,
                    done,
                    now,
                    now,
                )
            )
            if done:
                action_rows.append(
                    (
                        movement_id,
                        user_id,
                        team,
                        done,
                        "Gjort og logget",
                        now.date(),
                        now,
                    )
                )
    copy_rows(
        Pledge,
        [
            "movement_id",
            "user_id",
            "team_id",
            "amount",
            "text",
            "on_leaderboard",
            "achieved",
            "created_at",
            "updated_at",
        ],
        pledge_rows,
    )
    copy_rows(
        MovementAction,
        [
            "movement_id",
            "user_id",
            "team_id",
            "amount",
            "description",
            "done_on",
            "created_at",
        ],
        action_rows,
    )
    for team_id, total in totals.items():
        MovementTeam.objects.filter(pk=team_id).update(total=total)
