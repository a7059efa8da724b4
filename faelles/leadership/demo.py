"""Demo content for the leaders' page, in Odense and Kerteminde, and goals in
bulk for the scale seed.

Each has a leader who logs in with the demo password — Odense: Henrik Bech,
leder@odense.faelles.example, leads By og Kultur; Kerteminde: Lone Friis,
leder@kerteminde.faelles.example, leads Kultur, Fritid og Frivillighed — and
two units under the department. The leaders have set two or three goals each
for their area, followed up over the past months; in each municipality one
goal owned by the demo employee (medarbejder@…) waits for a follow-up that is
overdue, so it shows in the employee's "Mit arbejde".

Dates are counted back from today, so the demo stays current. Running it
again replaces the demo goals.
"""

from __future__ import annotations

from datetime import datetime, time, timedelta

from django.contrib.auth.hashers import make_password
from django.db import transaction
from django.utils import timezone

from faelles.accounts.models import Membership, ProfileVisibility, User
from faelles.demo.content.foundation import DEMO_PASSWORD
from faelles.organisations.models import Organisation

from . import services
from .models import CheckIn, Goal, Status

LEADERS = {
    "odense": {
        "email": "leder@odense.faelles.example",
        "name": "Henrik Bech",
        "job_title": "Afdelingschef",
        "department": "by-og-kultur",
        "units": [
            ("by-og-kultur-borgerhuse", "Borgerhusene"),
            # The pulse's demo unit (pulse/demo.py), not a second one of
            # the same name: the leader sees the libraries' goals and pulse
            # together.
            ("bibliotekerne", "Bibliotekerne"),
        ],
        "goals": [
            {
                "unit": None,
                "owner": "leader",
                "title": "Borgerne er med fra første møde",
                "description": (
                    "Sammen om udvikling betyder, at vi ikke kommer med færdige "
                    "løsninger. Vi vil invitere borgere og foreninger ind, før vi "
                    "ved, hvad svaret er."
                ),
                "success": (
                    "Mindst halvdelen af de projekter, vi sætter i gang i det "
                    "kommende år, er planlagt sammen med borgere eller foreninger "
                    "fra det første møde."
                ),
                "days_ago": 110,
                "target_in": 200,
                "check_ins": [
                    (
                        80,
                        "on_track",
                        "Tre af fire nye projekter har haft borgere med fra start.",
                        "",
                    ),
                    (
                        50,
                        "on_track",
                        "Borgerhusene har holdt åbne planlægningsmøder.",
                        "Folk kommer, når mødet ligger om aftenen og der er kaffe.",
                    ),
                    (
                        15,
                        "delayed",
                        "Budgetarbejdet har presset os tilbage i "
                        "gamle vaner; to projekter blev planlagt internt.",
                        "Vi skal sætte borgermødet i kalenderen, før budgettet "
                        "lægges, ikke efter.",
                    ),
                ],
            },
            {
                "unit": 0,
                "owner": "employee",
                "title": "Vi tør afprøve, før vi beslutter",
                "description": (
                    "Mod er et af Odenses pejlemærker. Vi vil hellere prøve en "
                    "idé i lille skala end at planlægge den færdig."
                ),
                "success": (
                    "Hvert borgerhus har gennemført mindst én prøvehandling og "
                    "delt, hvad det lærte – også når det ikke virkede."
                ),
                "days_ago": 120,
                "target_in": 150,
                "check_in_days": 30,
                "check_ins": [
                    (
                        75,
                        "on_track",
                        "Vollsmose og Bolbro har hver en prøvehandling i gang.",
                        "Det er lettere at sige ja til en prøve end til et projekt.",
                    ),
                ],
            },
            {
                "unit": 1,
                "owner": "leader",
                "title": "Frivillige åbner biblioteket om søndagen",
                "description": "",
                "success": (
                    "Et hold frivillige åbner Dalum Bibliotek hver søndag i tre "
                    "måneder, uden personale."
                ),
                "days_ago": 150,
                "target_in": 20,
                "check_ins": [
                    (110, "on_track", "Tolv har meldt sig.", ""),
                    (
                        60,
                        "achieved",
                        "Vi har holdt åbent tolv søndage i træk.",
                        "De frivillige vil selv stå for vagtplanen – lad dem.",
                    ),
                ],
            },
        ],
    },
    "kerteminde": {
        "email": "leder@kerteminde.faelles.example",
        "name": "Lone Friis",
        "job_title": "Kultur- og fritidschef",
        "department": "kultur-fritid-og-frivillighed",
        "units": [
            ("kultur-fritid-og-frivillighed-frivillighed", "Frivillighed"),
            ("kultur-fritid-og-frivillighed-haller", "Haller og anlæg"),
        ],
        "goals": [
            {
                "unit": None,
                "owner": "leader",
                "title": "Foreningerne oplever os som medspillere",
                "description": (
                    "Fællesskab i Kerteminde handler om, at vi gør tingene "
                    "sammen. Foreningerne skal møde en kommune, der spørger, hvad "
                    "de kan, ikke kun hvad de skal søge om."
                ),
                "success": (
                    "Når vi spørger foreningerne næste gang, svarer flere end "
                    "halvdelen, at kommunen hjælper dem i gang med nye idéer."
                ),
                "days_ago": 95,
                "target_in": 240,
                "check_ins": [
                    (
                        60,
                        "on_track",
                        "Vi har besøgt otte foreninger i stedet for at "
                        "invitere dem ind.",
                        "Vi hører mere, når vi kommer ud til dem.",
                    ),
                    (
                        20,
                        "on_track",
                        "Fælles ansøgningsskema til små puljer er "
                        "afskaffet; nu er det en samtale.",
                        "",
                    ),
                ],
            },
            {
                "unit": 0,
                "owner": "employee",
                "title": "Flere ældre er med i et fællesskab",
                "description": (
                    "Ensomhed blandt ældre løser vi ikke alene. Vi vil hjælpe "
                    "foreninger og naboer med at række ud."
                ),
                "success": (
                    "Seniorvandrerne og Frivillighuset har tilsammen 30 nye "
                    "deltagere over 70 år."
                ),
                "days_ago": 100,
                "target_in": 120,
                "check_in_days": 30,
                "check_ins": [
                    (
                        55,
                        "delayed",
                        "Kun fem nye indtil nu.",
                        "Plakater virker ikke; det gør en nabo, der spørger.",
                    ),
                ],
            },
        ],
    },
}


def _person(municipality, data, department, password) -> User:
    user, _ = User.objects.update_or_create(
        email=data["email"],
        defaults={
            "display_name": data["name"],
            "profile_visibility": ProfileVisibility.MEMBERS,
            "password": password,
        },
    )
    from allauth.account.models import EmailAddress

    EmailAddress.objects.update_or_create(
        user=user, email=user.email, defaults={"verified": True, "primary": True}
    )
    Membership.objects.update_or_create(
        user=user,
        municipality=municipality,
        defaults={
            "is_citizen": True,
            "is_employee": True,
            "is_leader": True,
            "department": department,
            "job_title": data["job_title"],
        },
    )
    return user


def _load(municipality, data, password) -> int:
    department = Organisation.objects.filter(
        municipality=municipality, slug=data["department"]
    ).first()
    if department is None:
        return 0
    units = [
        Organisation.objects.update_or_create(
            municipality=municipality,
            slug=slug,
            defaults={
                "kind": Organisation.Kind.DEPARTMENT,
                "name": name,
                "parent": department,
            },
        )[0]
        for slug, name in data["units"]
    ]
    leader = _person(municipality, data, department, password)
    employee = User.objects.filter(
        email=f"medarbejder@{municipality.slug}.faelles.example"
    ).first()
    Goal.objects.filter(
        municipality=municipality, department__in=[department, *units]
    ).delete()
    now = timezone.now()
    today = timezone.localdate()
    for g in data["goals"]:
        set_at = timezone.make_aware(
            datetime.combine(today - timedelta(days=g["days_ago"]), time(9))
        )
        goal = services.goal_create(
            municipality=municipality,
            department=department if g["unit"] is None else units[g["unit"]],
            actor=leader,
            title=g["title"],
            description=g["description"],
            success=g["success"],
            target_date=today + timedelta(days=g["target_in"]),
            owner=employee if g["owner"] == "employee" and employee else leader,
            check_in_days=g.get("check_in_days", 30),
            now=set_at,
        )
        for days_ago, status, note, learned in g["check_ins"]:
            services.check_in_record(
                goal=goal,
                actor=leader,
                day=today - timedelta(days=days_ago),
                status=status,
                note=note,
                learned=learned,
                now=now,
            )
    return len(data["goals"])


@transaction.atomic
def load_demo(*, municipalities, stdout) -> None:
    password = make_password(DEMO_PASSWORD)
    made = 0
    for slug, data in LEADERS.items():
        municipality = municipalities.get(slug)
        if municipality is not None:
            made += _load(municipality, data, password)
    stdout.write(f"  leadership: {made} goals for the leaders' page")


# --- scale data -------------------------------------------------------------------

TITLES = [
    "Borgerne er med fra start",
    "Vi afprøver før vi beslutter",
    "Foreningerne er vores medspillere",
    "Flere frivillige tager ansvar",
    "Vi deler det, vi lærer",
    "Færre rapporter, flere samtaler",
]
NOTES = [
    "Det går som planlagt.",
    "Vi er kommet sent i gang, men har en plan.",
    "Målet er nået, og vi fortsætter sådan.",
]
BATCH = 5_000


def seed(*, municipality, scale: str, rng, progress) -> None:
    """Two to four goals for every seeded unit, each with up to three check-ins,
    owned by one of the unit's employees. Runs once per municipality."""
    departments = list(
        Organisation.objects.departments()
        .filter(municipality=municipality, slug__startswith="seed-")
        .values_list("pk", flat=True)
    )
    if (
        not departments
        or Goal.objects.filter(
            municipality=municipality, department__in=departments
        ).exists()
    ):
        progress(0, f"goals in {municipality.slug}: nothing to do").close()
        return
    staff: dict[int, list[int]] = {}
    for user_id, department_id in Membership.objects.filter(
        municipality=municipality, is_employee=True, department__in=departments
    ).values_list("user_id", "department_id")[:100_000]:
        staff.setdefault(department_id, []).append(user_id)
    now = timezone.now()
    today = timezone.localdate()
    statuses = [s.value for s in Status]
    goals = []
    for department_id in departments:
        for _ in range(rng.randint(2, 4)):
            last = today - timedelta(days=rng.randint(0, 90))
            owners = staff.get(department_id)
            goals.append(
                Goal(
                    municipality=municipality,
                    department_id=department_id,
                    title=rng.choice(TITLES),
                    success="Vi kan se det i det, borgerne og foreningerne siger.",
                    target_date=today + timedelta(days=rng.randint(-30, 365)),
                    owner_id=rng.choice(owners) if owners else None,
                    status=rng.choice(statuses),
                    check_in_days=30,
                    last_check_in_on=last,
                    next_check_in_on=last + timedelta(days=30),
                    created_at=now - timedelta(days=120),
                )
            )
    bar = progress(len(goals), f"goals in {municipality.slug}")
    goals = Goal.objects.bulk_create(goals, batch_size=BATCH)
    check_ins = [
        CheckIn(
            goal_id=goal.pk,
            date=goal.next_check_in_on - timedelta(days=30 * (k + 1)),
            status=goal.status if k == 0 else Status.ON_TRACK,
            note=rng.choice(NOTES),
        )
        for goal in goals
        for k in range(rng.randint(1, 3))
    ]
    CheckIn.objects.bulk_create(check_ins, batch_size=BATCH)
    bar.update(len(goals))
    bar.close()
