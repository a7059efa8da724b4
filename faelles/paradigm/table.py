"""The paradigm table: how a practice looks in Kommunen 1.0, 2.0 and 3.0, row by
row. Fælles' own wording (docs/paradigm.md says why each row is there); the row
key is what an answer stores, so a key is never renamed or reused.

1.0 is the municipality as an authority (citizens are subjects of decisions), 2.0
as a service organisation (citizens are customers and users), 3.0 as a community
(everyone has resources; the municipality brings people together).
"""

from __future__ import annotations

from dataclasses import dataclass

from django.utils.formats import number_format
from django.utils.functional import Promise
from django.utils.translation import gettext_lazy as _


@dataclass(frozen=True)
class Row:
    key: str
    label: Promise
    cells: tuple[Promise, Promise, Promise]  # 1.0, 2.0, 3.0

    def levels(self) -> list[tuple[str, Promise]]:
        """The three cells with their place on the scale, as the page shows it."""
        return [
            (step_label(s), c) for s, c in zip((10, 20, 30), self.cells, strict=True)
        ]


ROWS: tuple[Row, ...] = (
    Row(
        "citizens",
        _("Hvordan vi møder borgerne"),
        (
            _(
                "Som myndighed: borgeren er en sag, som vi træffer afgørelse i "
                "efter reglerne."
            ),
            _(
                "Som leverandør: borgeren er en kunde eller bruger med krav på en "
                "ydelse af en bestemt kvalitet."
            ),
            _(
                "Som medborgere: vi spørger, hvad der betyder noget for borgeren, "
                "og hvad borgeren og netværket selv kan bidrage med."
            ),
        ),
    ),
    Row(
        "politicians",
        _("Politikernes rolle"),
        (
            _("Politikerne vedtager regler og fordeler midler; forvaltningen udfører."),
            _(
                "Politikerne fastsætter serviceniveauer og bestiller ydelser, som "
                "forvaltningen leverer."
            ),
            _(
                "Politikerne går forrest i lokalsamfundet, sætter retning sammen "
                "med borgerne og åbner døre for fællesskaber."
            ),
        ),
    ),
    Row(
        "success",
        _("Hvad vi kalder en succes"),
        (
            _("Afgørelserne er korrekte, ensartede og holder sig inden for reglerne."),
            _(
                "Ydelserne leveres til tiden og til den aftalte pris, og brugerne "
                "er tilfredse."
            ),
            _(
                "Flere borgere bidrager, fællesskaberne bliver stærkere, og borgerne "
                "klarer mere af det, der betyder noget for dem."
            ),
        ),
    ),
    Row(
        "employee",
        _("Den gode medarbejder"),
        (
            _("Kender reglerne og forvalter dem korrekt og upartisk."),
            _("Er effektiv, imødekommende og leverer det, der er lovet."),
            _(
                "Inviterer, forbinder og faciliterer, så borgere og foreninger selv "
                "kan løfte."
            ),
        ),
    ),
    Row(
        "leader",
        _("Den gode leder"),
        (
            _("Fordeler opgaverne og kontrollerer, at de løses efter reglerne."),
            _("Styrer efter mål og nøgletal og sikrer en effektiv drift."),
            _(
                "Sætter retning, giver rum til at prøve noget nyt og bygger bro til "
                "verden uden for rådhuset."
            ),
        ),
    ),
    Row(
        "mistakes",
        _("Fejl og forsøg"),
        (
            _("Fejl skal undgås; der følges op med kontrol og flere regler."),
            _(
                "En fejl er en kvalitetsbrist, der bliver målt og rettet, så "
                "brugeren bliver tilfreds igen."
            ),
            _(
                "Vi tør prøve noget nyt i det små, lærer af det, der ikke lykkes, "
                "og deler erfaringerne."
            ),
        ),
    ),
    Row(
        "partners",
        _("Hvem vi arbejder sammen med"),
        (
            _("Vi arbejder inden for egen afdeling og egne paragraffer."),
            _(
                "Vi samarbejder med andre afdelinger og med leverandører om at "
                "levere ydelsen."
            ),
            _(
                "Vi arbejder sammen med borgere, foreninger, virksomheder og "
                "lokalsamfund – også på tværs af kommunen."
            ),
        ),
    ),
    Row(
        "decisions",
        _("Hvordan beslutninger træffes"),
        (
            _(
                "Oppefra og ned: beslutningerne træffes i hierarkiet og meddeles "
                "borgerne."
            ),
            _(
                "Ud fra analyser af behov og efterspørgsel; borgerne bliver hørt "
                "som brugere."
            ),
            _("Sammen med dem, det angår: borgerne er med fra idéen til beslutningen."),
        ),
    ),
    Row(
        "welfare",
        _("Hvor velfærden skabes"),
        (
            _(
                "Velfærd er kommunens ansvar; borgeren modtager det, reglerne giver "
                "ret til."
            ),
            _(
                "Velfærd er et produkt, som kommunen leverer, og som borgerne "
                "betaler for over skatten."
            ),
            _(
                "Velfærd skabes sammen: alle har ressourcer, og kommunen bringer dem "
                "i spil."
            ),
        ),
    ),
)

ROW_KEYS = tuple(row.key for row in ROWS)
BY_KEY = {row.key: row for row in ROWS}

# The five steps of the scale, stored in tenths (10 = 1.0 … 30 = 3.0).
STEPS = (10, 15, 20, 25, 30)


def step_label(step: int) -> str:
    """A step as the page shows it: 1,0 … 3,0 (Danish) or 1.0 … 3.0."""
    return number_format(step / 10, 1)
