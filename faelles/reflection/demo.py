"""Demo content for the team reflection kit, in Skanderborg and Odense.

Each has one team with a closed session in October 2026 (own notes, some shared
without name, shared answers, three agreed actions and a summary shared to the
learning library) and a session in December in the individual-notes phase,
whose follow-up list shows the October actions. Skanderborg's team (Kultur og
Fællesskab) is Simon Krogh's (medarbejder@skanderborg…), who facilitates the
December session; Odense's (By og Kultur) is Nadia El-Sayed's
(medarbejder@odense…), with Odense's own question set about its four bearings,
in Fælles' own words.

The colleagues are demo people without a password (no one logs in as them).
Running it again replaces the demo sessions and the demo question set.
"""

from __future__ import annotations

from datetime import date, datetime, time

from django.contrib.auth.hashers import make_password
from django.db import transaction
from django.utils import timezone

from faelles.accounts.models import Membership, ProfileVisibility, User
from faelles.organisations.models import Organisation

from . import services
from .models import QuestionSet, Session

CLOSED_TITLE = "Teammøde i oktober"
OPEN_TITLE = "Teammøde i december"
ODENSE_SET = "Vores fire pejlemærker i hverdagen"

ODENSE_QUESTIONS = [
    "Mod: Hvornår turde vi sidst gøre noget, vi ikke var sikre på ville lykkes?",
    "Udvikling: Hvad har vi lært af borgerne i år, som har ændret vores måde at "
    "arbejde på?",
    "Handlekraft: Hvilken idé har vi talt om længe uden at gøre noget ved den?",
    "Fællesskab: Hvem uden for teamet skulle have været med, da vi sidst "
    "planlagde noget?",
]

TEAMS = {
    "skanderborg": {
        "department": "kultur-og-faellesskab",
        "postcode": "8660",
        "source": "builtin:kommunen-3-0",
        "colleagues": ["Lærke Dahl", "Mads Thorsen", "Aisha Karimi", "Poul Brix"],
        "notes": [
            "Hun kom for at låne et lokale, men hun kunne selv have stået for "
            "strikkecaféen, hvis vi havde spurgt.",
            "Borgerne kender deres gader bedre end vi gør. Vi spørger for sent.",
            "Lokalrådene og idrætsforeningerne – vi ringer kun, når vi skal bruge dem.",
            "Den månedlige statusrapport om udlån. Ingen læser den.",
            "At lade en frivillig gruppe stå for åbningen af medborgerhuset en "
            "aften om ugen.",
        ],
        "answers": [
            "Vi møder mest borgerne som medborgere, når vi har tid. Under travlhed "
            "bliver de kunder, der skal have et lokale eller en nøgle.",
            "Viden om lokalområdet og lysten til at stå for noget selv. Vi "
            "spørger sjældent, hvad folk kan, kun hvad de skal bruge.",
            "Lokalrådene og idrætsforeningerne, ikke kun når vi skal bruge dem.",
            "Den månedlige statusrapport om udlån.",
            "En aften om ugen, hvor frivillige åbner medborgerhuset.",
        ],
        "actions": [
            "Spørge tre foreninger, om de vil være med til en åben aften i "
            "medborgerhuset",
            "Stoppe den månedlige statusrapport og fortælle ledelsen hvorfor",
            "Lave en kort liste over, hvad borgerne i vores brugerråd selv tilbyder",
        ],
        "summary": (
            "Vi talte om, hvornår vi møder borgerne som kunder, og hvornår som "
            "medborgere. Vi så, at travlhed skubber os over i kunde-rollen, og at "
            "vi sjældent spørger, hvad folk selv kan bidrage med.\n"
            "Vi aftalte at prøve en åben aften i medborgerhuset med frivillige, at "
            "stoppe en rapport, ingen læser, og at samle, hvad brugerrådet selv "
            "tilbyder. Vi følger op i december."
        ),
    },
    "odense": {
        "department": "by-og-kultur",
        "postcode": "5000",
        "source": "set",
        "colleagues": ["Jens Mølgaard", "Sara Lund", "Omar Haddad", "Tine Falk"],
        "notes": [
            "Da vi lod beboerne i Vollsmose planlægge byfesten selv. Det gik fint.",
            "At mange gerne vil hjælpe, hvis opgaven er lille og konkret.",
            "Bytteboden ved biblioteket. Vi har talt om den i et år.",
            "Boligsocialt team og beboerrådet.",
        ],
        "answers": [
            "Byfesten, hvor beboerne havde ansvaret. Vi var nervøse, men det var "
            "den bedste i flere år.",
            "At små, konkrete opgaver får flere med end store planer.",
            "Bytteboden ved biblioteket.",
            "Beboerrådet og det boligsociale team skal med fra starten næste gang.",
        ],
        "actions": [
            "Finde et sted til bytteboden og spørge biblioteket",
            "Invitere beboerrådet til planlægningen af forårets arrangementer",
            "Dele erfaringerne fra byfesten med de andre teams i forvaltningen",
        ],
        "summary": (
            "Vi gennemgik vores fire pejlemærker med eksempler fra hverdagen. Det "
            "modigste, vi gjorde i år, var at lade beboerne stå for byfesten – og "
            "det lykkedes. Vi lærte, at små, konkrete opgaver får flere med.\n"
            "Vi aftalte at få bytteboden i gang, at invitere beboerrådet med fra "
            "starten og at dele erfaringerne fra byfesten. Vi følger op i december."
        ),
    },
}


def _colleague(municipality, department, name: str, n: int, postcode: str) -> User:
    user, _ = User.objects.update_or_create(
        email=f"refleksion-{department.slug}-{n}@{municipality.slug}.faelles.example",
        defaults={
            "display_name": name,
            "postcode": postcode,
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


def _at(day: date, hour: int) -> datetime:
    return timezone.make_aware(
        datetime.combine(day, time(hour)), timezone.get_current_timezone()
    )


def _team(municipality, data) -> int:
    department = Organisation.objects.filter(
        municipality=municipality, slug=data["department"]
    ).first()
    if department is None:
        return 0
    Session.objects.filter(
        municipality=municipality,
        department=department,
        title__in=[CLOSED_TITLE, OPEN_TITLE],
    ).delete()
    lead = User.objects.filter(
        email=f"medarbejder@{municipality.slug}.faelles.example"
    ).first()
    people = [
        _colleague(municipality, department, name, n, data["postcode"])
        for n, name in enumerate(data["colleagues"], 1)
    ]
    source = data["source"]
    if source == "set":
        QuestionSet.objects.filter(municipality=municipality, title=ODENSE_SET).delete()
        admin = User.objects.filter(
            email=f"admin@{municipality.slug}.faelles.example"
        ).first()
        own = services.question_set_save(
            municipality=municipality,
            actor=admin,
            title=ODENSE_SET,
            intro=(
                "Til teammøder i By og Kultur og andre teams, der vil se på "
                "hverdagen med kommunens fire pejlemærker: mod, udvikling, "
                "handlekraft og fællesskab."
            ),
            guide=(
                "Skriv først hver for sig (10 minutter). Tag derefter ét "
                "pejlemærke ad gangen: alle siger kort, hvad de skrev, før nogen "
                "kommenterer. Slut med højst tre handlinger med en ansvarlig og en "
                "dato."
            ),
            questions=ODENSE_QUESTIONS,
        )
        source = f"set:{own.pk}"
    facilitator = people[0]
    closed = services.session_create(
        municipality=municipality,
        department=department,
        title=CLOSED_TITLE,
        day=date(2026, 10, 8),
        source=source,
        actor=facilitator,
        now=_at(date(2026, 9, 28), 9),
    )
    closed = services.session_move(session=closed, actor=facilitator, forward=True)
    questions = list(closed.questions.all())
    writers = [*people, lead] if lead else people
    for i, person in enumerate(writers):
        texts = {
            q.pk: data["notes"][(j + i) % len(data["notes"])]
            for j, q in enumerate(questions)
        }
        services.notes_save(session=closed, user=person, texts=texts)
    closed = services.session_move(session=closed, actor=facilitator, forward=True)
    # Two colleagues share one note each with the team, without name.
    for person, question in zip(people[1:3], questions[:2], strict=True):
        services.notes_share(session=closed, user=person, shared={question.pk})
    services.answers_record(
        session=closed,
        actor=facilitator,
        answers={
            q.pk: text for q, text in zip(questions, data["answers"], strict=False)
        },
    )
    owners = [lead or people[1], people[2], people[3]]
    for text, owner, due in zip(
        data["actions"],
        owners,
        [date(2026, 11, 15), date(2026, 11, 1), date(2026, 12, 1)],
        strict=True,
    ):
        services.action_add(
            session=closed, actor=facilitator, text=text, owner=owner, due=due
        )
    services.session_close(
        session=closed,
        actor=facilitator,
        summary=data["summary"],
        share=True,
        now=_at(date(2026, 10, 8), 15),
    )
    current = services.session_create(
        municipality=municipality,
        department=department,
        title=OPEN_TITLE,
        day=date(2026, 12, 10),
        source=source,
        actor=lead or facilitator,
    )
    services.session_move(session=current, actor=lead or facilitator, forward=True)
    return 2


@transaction.atomic
def load_demo(*, municipalities, stdout) -> None:
    made = 0
    for slug, data in TEAMS.items():
        municipality = municipalities.get(slug)
        if municipality is not None:
            made += _team(municipality, data)
    stdout.write(f"  reflection: {made} team sessions")
