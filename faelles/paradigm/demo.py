"""Demo content for the paradigm self-assessment in Skanderborg: two departments,
each with a spring and an autumn round of 2026 (closed, six or seven colleagues
answered, agreed placements that move towards 3.0), and an open round in Kultur
og Fællesskab that Simon Krogh (medarbejder@skanderborg…) opened, where three
have answered so far — under 5, so no figures yet.

The colleagues who answer are demo people without a password (no one logs in as
them). Running it again replaces the demo rounds.
"""

from __future__ import annotations

import random
from datetime import date, datetime, time

from django.contrib.auth.hashers import make_password
from django.db import transaction
from django.utils import timezone

from faelles.accounts.models import Membership, ProfileVisibility, User
from faelles.organisations.models import Organisation

from . import services
from .models import Assessment
from .table import ROW_KEYS, STEPS

SLUG = "skanderborg"

COLLEAGUES = {
    "sundhed-og-omsorg": [
        "Birgitte Holm",
        "Kasper Vinther",
        "Lone Skovgaard",
        "Ahmad Rahimi",
        "Mette Kjærgaard",
        "Jonas Lykke",
    ],
    "kultur-og-faellesskab": [
        "Signe Bach",
        "Torben Aagaard",
        "Nadia Ibsen",
        "Frederik Dam",
        "Hanne Østergaard",
        "Ida Winther",
    ],
}

# Per department: the agreed step per row in spring and autumn, and why.
AGREED: dict[str, dict[str, tuple[int, int, str, str]]] = {
    "sundhed-og-omsorg": {
        "citizens": (
            15,
            20,
            "Visitationen tager stadig udgangspunkt i paragrafferne.",
            "Vi er begyndt at spørge til hverdagslivet før ydelserne.",
        ),
        "politicians": (
            20,
            20,
            "Udvalget taler mest om serviceniveauer.",
            "Uændret; vi savner politikerne i de lokale samtaler.",
        ),
        "success": (
            15,
            20,
            "Vi måler på rettidighed og klager.",
            "Vi følger nu også, hvor mange der træner videre i en forening.",
        ),
        "employee": (
            20,
            25,
            "Vi er stolte af at være effektive og venlige.",
            "Flere kolleger bygger bro til frivillige og pårørende.",
        ),
        "leader": (
            20,
            25,
            "Ledelsen styrer efter budget og nøgletal.",
            "Der er givet lov til tre små forsøg i hjemmeplejen.",
        ),
        "mistakes": (
            10,
            20,
            "En fejl fører til en ny procedure.",
            "Vi har holdt to læringsmøder uden at finde en syndebuk.",
        ),
        "partners": (
            20,
            25,
            "Samarbejdet går mest med andre afdelinger.",
            "Seniorklubben og Ældresagen er med i planlægningen.",
        ),
        "decisions": (
            15,
            20,
            "Beslutningerne træffes i ledergruppen.",
            "Borgerne var med til at forme den nye træningsindsats.",
        ),
        "welfare": (
            20,
            25,
            "Vi tænker velfærd som det, vi leverer.",
            "Vi ser mere på, hvad netværket omkring borgeren kan.",
        ),
    },
    "kultur-og-faellesskab": {
        "citizens": (
            25,
            30,
            "Vi møder mest borgerne som medskabere.",
            "Foreningerne siger, at vi spørger før vi beslutter.",
        ),
        "politicians": (
            20,
            25,
            "Politikerne bestiller stadig arrangementer.",
            "Opgaveudvalget om unge har givet politikerne en ny rolle.",
        ),
        "success": (
            20,
            25,
            "Vi tæller besøgende og udlån.",
            "Vi tæller nu også nye frivillige og fællesskaber.",
        ),
        "employee": (
            25,
            30,
            "Vi faciliterer meget, men løser også selv.",
            "Vi træder oftere et skridt tilbage og lader andre løfte.",
        ),
        "leader": (
            25,
            25,
            "Ledelsen giver rum til forsøg.",
            "Uændret – det er godt, men vi vil have mere tid til det.",
        ),
        "mistakes": (
            20,
            25,
            "Vi prøver ting af, men taler sjældent om det, der gik galt.",
            "Festivalens fejl blev delt åbent med de frivillige.",
        ),
        "partners": (
            25,
            30,
            "Vi arbejder tæt med foreninger.",
            "Også virksomheder og lokalråd er nu faste partnere.",
        ),
        "decisions": (
            20,
            25,
            "Borgerne høres, men beslutter sjældent.",
            "Medborgerhusets brugere har selv lagt åbningstiderne.",
        ),
        "welfare": (
            25,
            30,
            "Vi ser ressourcerne, men bruger dem ikke altid.",
            "Kulturlivet bæres i stigende grad af borgerne selv.",
        ),
    },
}

ROUNDS = [
    # (title, season index, opened, closed)
    ("Foråret 2026", 0, date(2026, 4, 14), date(2026, 5, 5)),
    ("Efteråret 2026", 1, date(2026, 10, 6), date(2026, 10, 27)),
]
OPEN_TITLE = "Efter temadagen om fællesskaber"


def _colleague(municipality, department, name: str, n: int) -> User:
    user, _ = User.objects.update_or_create(
        email=f"paradigme-{department.slug}-{n}@{SLUG}.faelles.example",
        defaults={
            "display_name": name,
            "postcode": "8660",
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


def _near(rng: random.Random, step: int) -> int:
    """A colleague's own placement: mostly near what the group agreed on."""
    i = STEPS.index(step) + rng.choice((-1, 0, 0, 0, 1))
    return STEPS[min(max(i, 0), len(STEPS) - 1)]


@transaction.atomic
def load_demo(*, municipalities, stdout) -> None:
    municipality = municipalities.get(SLUG)
    if municipality is None:
        return
    Assessment.objects.filter(
        municipality=municipality,
        title__in=[r[0] for r in ROUNDS] + [OPEN_TITLE],
    ).delete()
    rng = random.Random(2026)  # the same demo every time
    tz = timezone.get_current_timezone()
    simon = User.objects.filter(email=f"medarbejder@{SLUG}.faelles.example").first()
    made = 0
    for slug, names in COLLEAGUES.items():
        department = Organisation.objects.filter(
            municipality=municipality, slug=slug
        ).first()
        if department is None:
            continue
        people = [
            _colleague(municipality, department, name, n)
            for n, name in enumerate(names, 1)
        ]
        if simon is not None and slug == "kultur-og-faellesskab":
            people.append(simon)
        for title, season, opened, closed in ROUNDS:
            assessment = services.assessment_open(
                municipality=municipality,
                department=department,
                title=title,
                actor=people[0],
                now=timezone.make_aware(datetime.combine(opened, time(10)), tz),
            )
            agreed = AGREED[slug]
            for person in people:
                services.answers_save(
                    assessment=assessment,
                    user=person,
                    steps={k: _near(rng, int(agreed[k][season])) for k in ROW_KEYS},
                )
            services.agreement_record(
                assessment=assessment,
                actor=people[0],
                agreed={
                    k: (int(agreed[k][season]), str(agreed[k][2 + season]))
                    for k in ROW_KEYS
                },
            )
            services.assessment_close(
                assessment=assessment,
                actor=people[0],
                now=timezone.make_aware(datetime.combine(closed, time(15)), tz),
            )
            made += 1
        if slug == "kultur-og-faellesskab":
            current = services.assessment_open(
                municipality=municipality,
                department=department,
                title=OPEN_TITLE,
                actor=simon or people[0],
            )
            for person in people[:3]:
                services.answers_save(
                    assessment=current,
                    user=person,
                    steps={k: _near(rng, AGREED[slug][k][1]) for k in ROW_KEYS},
                )
            made += 1
    stdout.write(f"  paradigm: {made} rounds in {SLUG}")
