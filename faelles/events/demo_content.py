"""Hand-written demo events for every demo municipality.

``community`` names a community by its key in communities/demo_content.py
(``hip``, ``mothers``, ``copd``, ``forum``) and ``movement`` a movement key
(``climate``, ``inclusion``); neither means one of the municipality's own events,
created by the employee. ``when`` is (days from today, hour, minute, minutes long).
``signups`` is how many of the municipality's demo people sign up, in a fixed
order that never includes the citizen login (``borger``), so the citizen can sign
up to the full events in the walk-through.

The walk-through: "Gåtur med fysioterapeuten" is full with nobody waiting. Log in
as the citizen and sign up (you are first on the waiting list); log in as the
moderator, who has a place, and cancel; the citizen is promoted and told so.
"Klimaworkshop: Spar på varmen" is full with a waiting list already.
"""

from typing import NotRequired, TypedDict


class EventSpec(TypedDict):
    title: str
    community: NotRequired[str]
    movement: NotRequired[str]
    when: tuple[int, int, int, int]  # (days from today, hour, minute, minutes long)
    place: str
    description: str
    capacity: int | None
    signups: int
    step_free: NotRequired[bool]
    hearing_loop: NotRequired[bool]
    accessible_toilet: NotRequired[bool]
    accessibility_note: NotRequired[str]


# The order in which demo people sign up (the first of a|b|c that exists).
SIGNUP_ORDER: list[str] = [
    "moderator",
    "politiker",
    "admin",
    "forening",
    "virksomhed",
    "mette.larsen|poul.eriksen|inger.madsen|hans.kirkegaard|birthe.jakobsen",
    "karen.thomsen|ida.moeller|olena.shevchenko|sara.lind|natalia.wisniewska",
    "jonas.nielsen|mehmet.yilmaz|yusuf.abdi|tomasz.kowalski|kim.lassen",
    "ahmad.rahimi|marta.nowak|frederik.jensen|amira.haddad|ayaan.farah",
    "oksana.kovalenko|jakob.winther|lucas.vestergaard|yulia.bondarenko",
    "medarbejder",
]

EVENTS: list[EventSpec] = [
    {
        "title": "Fælles træning i hofteholdet",
        "community": "hip",
        "when": (2, 10, 0, 90),
        "place": "{rehab_place}",
        "description": (
            "Vi laver øvelserne fra genoptræningen sammen: balance, "
            "sideløft og trappetræning. Der er stole til dem, der har brug "
            "for det, og kaffe bagefter. Tag behageligt tøj og indendørssko "
            "med."
        ),
        "capacity": 14,
        "signups": 6,
        "step_free": True,
        "accessible_toilet": True,
        "accessibility_note": "Elevator til 1. sal. Stole med armlæn i salen.",
    },
    {
        "title": "Gåtur med fysioterapeuten",
        "community": "hip",
        "when": (5, 10, 0, 60),
        "place": "Mødested ved indgangen til {rehab_place}",
        "description": (
            "En rolig tur på 2–3 km {walk} sammen med en fysioterapeut, der "
            "giver gode råd om gang, trapper og ujævnt underlag. Der er kun "
            "fem pladser, så fysioterapeuten kan nå at gå ved siden af alle. "
            "Bliver du forhindret, så meld fra – så går pladsen videre til den "
            "næste på ventelisten."
        ),
        "capacity": 5,
        "signups": 5,
        "step_free": True,
        "accessibility_note": "Turen går på fast grus og asfalt; der er bænke "
        "undervejs.",
    },
    {
        "title": "Åben dag: syng med KOL-holdet",
        "community": "copd",
        "when": (8, 13, 0, 90),
        "place": "{copd_place}",
        "description": (
            "Kom og prøv at synge med. En sygeplejerske fra kommunens "
            "lungerehabilitering fortæller, hvorfor sang er god træning for "
            "lungerne, og hvordan man trækker vejret, når det er svært. "
            "Pårørende er meget velkomne."
        ),
        "capacity": 25,
        "signups": 4,
        "step_free": True,
        "hearing_loop": True,
        "accessible_toilet": True,
    },
    {
        "title": "Barselscafé med sundhedsplejersken",
        "community": "mothers",
        "when": (6, 10, 0, 120),
        "place": "{mothers_place}",
        "description": (
            "Sundhedsplejersken kommer forbi og svarer på spørgsmål om søvn, "
            "mad og de første måneder. Tag gerne en ven med, der også er på "
            "barsel. Der er plads til barnevogne indenfor."
        ),
        "capacity": 12,
        "signups": 2,
        "step_free": True,
        "accessible_toilet": True,
    },
    {
        "title": "Projektforum: hvad skal der ske i {forum_area}?",
        "community": "forum",
        "when": (9, 19, 0, 120),
        "place": "{forum_place}",
        "description": (
            "Månedens møde i projektforummet. Vi hører nyt om {forum_topic}, og "
            "alle kan komme med en ny idé på fem minutter. Til sidst finder vi "
            "ud af, hvem der tager fat i hvad."
        ),
        "capacity": None,
        "signups": 7,
        "step_free": True,
    },
    {
        "title": "Klimafestivalens åbning",
        "movement": "climate",
        "when": (12, 16, 0, 240),
        "place": "Torvet i {town}",
        "description": (
            "Festivalen åbner med musik fra de lokale skoler, byttemarked for "
            "tøj og legetøj, cykelværksted og smagsprøver på grøntsager fra "
            "egnen. Ved bevægelsens stand kan du give dit løfte og se, hvor "
            "langt vi er nået mod de 100 ton."
        ),
        "capacity": None,
        "signups": 9,
        "step_free": True,
        "accessible_toilet": True,
        "accessibility_note": "Handicaptoilet i rådhusets stueetage.",
    },
    {
        "title": "Klimaworkshop: Spar på varmen",
        "movement": "climate",
        "when": (13, 18, 30, 120),
        "place": "Biblioteket i {town}, mødesalen",
        "description": (
            "En energirådgiver viser, hvad man selv kan gøre: tætningslister, "
            "radiatorfolie, den rigtige temperatur i hvert rum. Alle får et "
            "lille måleapparat med hjem. Der er kun fire pladser ad gangen, så "
            "skriv dig på ventelisten, hvis det er fuldt."
        ),
        "capacity": 4,
        "signups": 6,
        "step_free": True,
        "hearing_loop": True,
    },
    {
        "title": "Foreningsdag: Alle med",
        "movement": "inclusion",
        "when": (20, 11, 0, 300),
        "place": "Idrætshallen i {town}",
        "description": (
            "Foreningerne viser, hvad de laver, og hvordan de tager imod nye – "
            "også dig, der bruger kørestol, ikke taler dansk endnu eller ikke har "
            "været i en forening før. Prøv en sport, syng med i koret eller "
            "bliv skrevet op som frivillig."
        ),
        "capacity": 150,
        "signups": 8,
        "step_free": True,
        "hearing_loop": True,
        "accessible_toilet": True,
        "accessibility_note": "Tolk på tegnsprog kl. 11–13. Stillerum i mødelokale 2.",
    },
    {
        "title": "Borgermøde: sådan samskaber vi i {town}",
        "when": (16, 19, 0, 120),
        "place": "Rådhuset, byrådssalen",
        "description": (
            "Kommunen fortæller om årets initiativer og prøvehandlinger – også "
            "dem, der ikke gik som ventet – og vi drøfter sammen, hvad der skal "
            "prøves næste gang. Der er kaffe og kage fra kl. 18.30."
        ),
        "capacity": 120,
        "signups": 5,
        "step_free": True,
        "hearing_loop": True,
        "accessible_toilet": True,
    },
]


class StaffEventSpec(TypedDict):
    title: str
    when: tuple[int, int, int, int]
    place: str
    description: str
    capacity: int | None
    signups: list[str]  # staff who sign up (a|b|c as in SIGNUP_ORDER)


# Staff-only events ("Kun for medarbejdere", docs/staff-only.md): organised by
# the employee, seen and joined by the municipality's staff only.
STAFF_EVENTS: dict[str, list[StaffEventSpec]] = {
    "faxe": [
        {
            "title": "Temadag: Fra rutine til prøvehandling",
            "when": (12, 9, 0, 360),
            "place": "Faxe Rådhus, byrådssalen",
            "description": (
                "En dag for alle medarbejdere om, hvordan vi giver slip på en "
                "rutine og prøver noget nyt sammen med borgerne. Om formiddagen "
                "fortæller tre teams om deres prøvehandlinger – også den, der "
                "ikke virkede. Om eftermiddagen formulerer vi hver vores første "
                "hypotese og aftaler, hvordan vi måler, om den holder."
            ),
            "capacity": 80,
            "signups": ["admin", "moderator"],
        },
    ],
    "odense": [
        {
            "title": "Workshop for medarbejdere: Sammen om udvikling i praksis",
            "when": (9, 13, 0, 180),
            "place": "Odense Rådhus, mødelokale 1.12",
            "description": (
                "Tre timer om de fire pejlemærker – mod, udvikling, handlekraft "
                "og fællesskab – i jeres egen hverdag. Tag en konkret sag med, "
                "hvor I gerne vil invitere borgere eller foreninger ind. Vi "
                "arbejder i små grupper på tværs af forvaltningerne."
            ),
            "capacity": 30,
            "signups": ["admin", "moderator"],
        },
    ],
}
