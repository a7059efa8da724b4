"""Demo content and scale data for the pulse and "sig fra".

Demo (Odense): By og Kultur and Ældre og Handicap get units with demo
colleagues (no password; no one logs in as them); three closed rounds over the
past year show a trend — trust in By og Kultur rising, fairness in home care
dipping and recovering — and a round open now, which the demo employee
(medarbejder@odense…) has not answered yet, so it waits in their workspace.
Aktivitetscentre has only 3 people: its results are always suppressed, and so
is a neighbour where subtraction would give it away. "Sig fra" has three
answered concerns and one waiting for leadership. Running it again replaces
Odense's rounds and concerns.

Scale (``faelles seed``): units under the seeded departments and employees in
them — ``large``: 10,000 employees in 300 units, 8 closed rounds with a 55–90 %
response rate — and each round's results computed and stored as a closed round
does.
"""

from __future__ import annotations

import random
from datetime import date, timedelta

from django.contrib.auth.hashers import make_password
from django.db import transaction
from django.utils import timezone

from faelles.accounts.models import Membership, ProfileVisibility, User
from faelles.organisations.models import Organisation

from . import services
from .instrument import ITEMS, SCALES
from .models import Concern, ConcernQuota, Receipt, Response, Round

MONTHS = [
    "januar",
    "februar",
    "marts",
    "april",
    "maj",
    "juni",
    "juli",
    "august",
    "september",
    "oktober",
    "november",
    "december",
]

# unit slug → (name, parent slug, people, {round index: {scale: mean 1–5}})
ODENSE_UNITS = {
    "bibliotekerne": ("Bibliotekerne", "by-og-kultur", 8),
    "kultur-og-events": ("Kultur og Events", "by-og-kultur", 6),
    "byudvikling": ("Byudvikling", "by-og-kultur", 5),
    "hjemmepleje-nord": ("Hjemmepleje Nord", "aeldre-og-handicap", 9),
    "hjemmepleje-syd": ("Hjemmepleje Syd", "aeldre-og-handicap", 7),
    "aktivitetscentre": ("Aktivitetscentre", "aeldre-og-handicap", 3),
}
FIRST = ["Anne", "Bo", "Camilla", "Dennis", "Emma", "Frederik", "Gitte", "Hassan"]
LAST = ["Holm", "Juhl", "Krag", "Lind", "Moos", "Nygaard", "Riis", "Sand", "Toft"]

# The mean answer (1–5) per scale in the three closed rounds and the open one.
TRENDS = {
    "aeldre-og-handicap": {
        "vertical_trust": [3.4, 3.3, 3.6, 3.7],
        "horizontal_trust": [3.9, 3.9, 4.0, 4.0],
        "justice": [3.2, 2.6, 3.1, 3.4],
        "cooperation": [3.5, 3.3, 3.6, 3.7],
    },
    "by-og-kultur": {
        "vertical_trust": [3.0, 3.4, 3.8, 4.0],
        "horizontal_trust": [3.7, 3.8, 3.9, 4.0],
        "justice": [3.3, 3.4, 3.6, 3.7],
        "cooperation": [2.9, 3.3, 3.7, 3.9],
    },
}
DEFAULT_TREND = {scale.key: [3.5, 3.5, 3.6, 3.6] for scale in SCALES}

CONCERNS = [
    (
        "Vagtplanen kommer for sent",
        "I hjemmeplejen får vi ofte vagtplanen for næste måned to-tre dage før. "
        "Det gør det svært at planlægge hente-bringe og aftaler. Kan planen "
        "lægges tidligere?",
        "aeldre-og-handicap",
        "Tak fordi I siger det. Vi har aftalt med planlæggerne, at vagtplanen "
        "fremover ligger klar senest den 15. i måneden før. Vi følger op på "
        "næste personalemøde, om det holder.",
    ),
    (
        "Vi bliver ikke spurgt før omorganiseringen",
        "Det føles som om beslutningen om at lægge biblioteksfilialerne sammen "
        "allerede er truffet. Vi vil gerne høres, før den er endelig.",
        "by-og-kultur",
        "Beslutningen er ikke truffet. Der holdes to åbne møder for alle "
        "ansatte i bibliotekerne i januar, og jeres input går med til "
        "udvalget. Datoerne kommer i nyhedsbrevet.",
    ),
    (
        "For mange møder uden dagsorden",
        "Vi bruger meget tid på møder, hvor det ikke er klart, hvad vi skal "
        "beslutte. Kan vi få en regel om dagsorden og formål?",
        None,
        "Godt forslag. Direktionen har besluttet, at møder over en halv time "
        "skal have en dagsorden med formål senest dagen før. Sig gerne fra "
        "igen, hvis det ikke virker.",
    ),
    (
        "Tunge løft uden hjælpemidler",
        "På nogle adresser mangler der stadig lift, og vi løfter alene. Det "
        "er ikke i orden over for hverken borgerne eller os.",
        "aeldre-og-handicap",
        "",
    ),
]


def _person(municipality, department, slug: str, n: int) -> User:
    name = f"{FIRST[n % len(FIRST)]} {LAST[(n * 3 + len(slug)) % len(LAST)]}"
    user, _ = User.objects.update_or_create(
        email=f"puls-{slug}-{n}@{municipality.slug}.faelles.example",
        defaults={
            "display_name": name,
            "password": make_password(None),  # no one logs in as them
            "profile_visibility": ProfileVisibility.PRIVATE,
        },
    )
    Membership.objects.update_or_create(
        user=user,
        municipality=municipality,
        defaults={"is_citizen": True, "is_employee": True, "department": department},
    )
    return user


def _answers(rng: random.Random, means: dict[str, list[float]], index: int) -> dict:
    out = {}
    for scale in SCALES:
        mean = means[scale.key][index]
        for item in scale.items:
            value = min(5, max(1, round(rng.gauss(mean, 0.7))))
            out[item.key] = 6 - value if item.reverse else value
    return out


def _round_dates(today: date) -> list[tuple[date, date]]:
    """Three closed rounds a quarter apart over the past year, and one open."""
    starts = [today - timedelta(days=d) for d in (330, 240, 120)]
    closed = [(s, s + timedelta(days=13)) for s in starts]
    return [*closed, (today - timedelta(days=4), today + timedelta(days=10))]


def _title(day: date) -> str:
    return f"Pulsmåling {MONTHS[day.month - 1]} {day.year}"


def _odense(municipality) -> int:
    today = timezone.localdate()
    Round.objects.filter(municipality=municipality).delete()
    Concern.objects.filter(municipality=municipality).delete()
    # The weekly "Sig fra" quotas too, or a third load in a week is refused.
    ConcernQuota.objects.filter(municipality=municipality).delete()
    departments = {
        o.slug: o
        for o in Organisation.objects.filter(
            municipality=municipality, kind=Organisation.Kind.DEPARTMENT
        )
    }
    if "by-og-kultur" not in departments or "aeldre-og-handicap" not in departments:
        return 0
    people: dict[str, list[User]] = {}
    for slug, (name, parent, count) in ODENSE_UNITS.items():
        unit, _ = Organisation.objects.update_or_create(
            municipality=municipality,
            slug=slug,
            defaults={
                "kind": Organisation.Kind.DEPARTMENT,
                "name": name,
                "parent": departments[parent],
            },
        )
        people[slug] = [_person(municipality, unit, slug, n) for n in range(count)]
    admin = User.objects.filter(
        email=f"admin@{municipality.slug}.faelles.example"
    ).first()
    demo_employee = User.objects.filter(
        email=f"medarbejder@{municipality.slug}.faelles.example"
    ).first()
    # Everyone placed directly in the two departments answers too.
    direct = {
        slug: [
            m.user
            for m in Membership.objects.filter(
                municipality=municipality,
                is_employee=True,
                department=departments[slug],
            ).select_related("user")
        ]
        for slug in ("by-og-kultur", "aeldre-og-handicap")
    }
    rng = random.Random(15)
    made = 0
    dates = _round_dates(today)
    for index, (opens_on, closes_on) in enumerate(dates):
        round_ = services.round_create(
            municipality=municipality,
            actor=admin,
            title=_title(opens_on),
            opens_on=opens_on,
            closes_on=closes_on,
            today=opens_on,
        )
        is_open = index == len(dates) - 1
        groups = [(ODENSE_UNITS[slug][1], users) for slug, users in people.items()]
        groups += list(direct.items())
        for parent, users in groups:
            for person in users:
                if is_open and (person == demo_employee or rng.random() < 0.5):
                    continue  # the open round: about half have answered so far
                if not is_open and rng.random() < 0.1:
                    continue  # nine in ten answer
                services.response_submit(
                    round_=round_,
                    user=person,
                    answers=_answers(rng, TRENDS.get(parent, DEFAULT_TREND), index),
                    today=opens_on,
                )
        if not is_open:
            services.round_results(round_=round_, today=today)
        made += 1
    raisers = [u for users in people.values() for u in users]
    for n, (title, body, department, answer) in enumerate(CONCERNS):
        concern = services.concern_raise(
            municipality=municipality,
            user=raisers[n * 5 % len(raisers)],
            title=title,
            body=body,
            department=departments.get(department) if department else None,
            today=today - timedelta(days=40 - n * 10),
        )
        if answer and admin is not None:
            services.concern_answer(concern=concern, actor=admin, answer=answer)
    return made


@transaction.atomic
def load_demo(*, municipalities, stdout) -> None:
    odense = municipalities.get("odense")
    made = _odense(odense) if odense is not None else 0
    stdout.write(f"  pulse: {made} rounds in Odense")


# --- scale data ----------------------------------------------------------------

SIZES = {
    # units in all (with the seeded departments), employees, closed rounds
    "small": (20, 200, 3),
    "large": (300, 10_000, 8),
}
BATCH = 5_000
UNIT_WORDS = [
    "Hjemmepleje",
    "Daginstitution",
    "Skole",
    "Bibliotek",
    "Jobcenter",
    "Rengøring",
    "Vej og Park",
    "Botilbud",
    "Sundhedspleje",
    "Borgerservice",
    "Tandpleje",
    "Køkken",
]


def seed(*, municipality, scale: str, rng, progress) -> None:
    """Units under the seeded departments, employees in them, and closed rounds
    with their stored results. Runs once per municipality."""
    if Round.objects.filter(
        municipality=municipality, title__startswith="Seed-pulsmåling"
    ).exists():
        progress(0, f"pulse in {municipality.slug}: already seeded").close()
        return
    unit_total, employee_total, rounds = SIZES[scale]
    tops = list(
        Organisation.objects.filter(
            municipality=municipality,
            kind=Organisation.Kind.DEPARTMENT,
            parent__isnull=True,
        ).order_by("pk")
    )
    if not tops:
        progress(0, f"pulse in {municipality.slug}: no departments").close()
        return
    bar = progress(
        unit_total + employee_total + rounds, f"pulse in {municipality.slug}"
    )
    units = Organisation.objects.bulk_create(
        Organisation(
            municipality=municipality,
            kind=Organisation.Kind.DEPARTMENT,
            name=f"{rng.choice(UNIT_WORDS)} {i + 1}",
            slug=f"seed-enhed-{i}",
            parent=tops[i % len(tops)],
        )
        for i in range(max(0, unit_total - len(tops)))
    )
    all_units = tops + units
    bar.update(len(all_units))
    # Unit sizes: log-normal, most small, as in bench/bench_disclosure.py.
    weights = [max(1.0, rng.lognormvariate(2.4, 0.8)) for _ in all_units]
    have = Membership.objects.filter(
        municipality=municipality, is_employee=True, department__isnull=False
    ).count()
    password = make_password("seed-password-not-for-login")
    prefix = f"seed-{municipality.slug}-puls-"
    for start in range(0, max(0, employee_total - have), BATCH):
        stop = min(start + BATCH, employee_total - have)
        users = User.objects.bulk_create(
            [
                User(
                    email=f"{prefix}{i}@seed.faelles.example",
                    display_name=f"Medarbejder {i + 1}",
                    password=password,
                    profile_visibility=ProfileVisibility.PRIVATE,
                )
                for i in range(start, stop)
            ],
            batch_size=BATCH,
        )
        chosen = rng.choices(all_units, weights=weights, k=len(users))
        Membership.objects.bulk_create(
            [
                Membership(
                    municipality=municipality,
                    user_id=user.pk,
                    is_citizen=True,
                    is_employee=True,
                    department_id=unit.pk,
                )
                for user, unit in zip(users, chosen, strict=True)
            ],
            batch_size=BATCH,
        )
        bar.update(len(users))
    staff = list(
        Membership.objects.filter(
            municipality=municipality, is_employee=True, department__isnull=False
        ).values_list("user_id", "department_id")
    )
    today = timezone.localdate()
    items = [item.key for item in ITEMS]
    for r in range(rounds):
        opens_on = today - timedelta(days=91 * (rounds - r))
        round_ = Round.objects.create(
            municipality=municipality,
            title=f"Seed-pulsmåling {r + 1}",
            opens_on=opens_on,
            closes_on=opens_on + timedelta(days=13),
        )
        rate = rng.uniform(0.55, 0.9)
        answering = [(u, d) for u, d in staff if rng.random() < rate]
        Receipt.objects.bulk_create(
            [Receipt(round=round_, user_id=u) for u, _d in answering], batch_size=BATCH
        )
        responses = [
            Response(
                municipality=municipality,
                round=round_,
                department_id=d,
                answers={k: rng.randint(1, 5) for k in items},
            )
            for _u, d in answering
        ]
        rng.shuffle(responses)  # no order shared with the receipts
        Response.objects.bulk_create(responses, batch_size=BATCH)
        services.round_results(round_=round_, today=today)
        bar.update(1)
    bar.close()
