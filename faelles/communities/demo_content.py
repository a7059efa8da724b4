"""Hand-written demo content: communities and movements in the five municipalities.

People are named by the part of their demo e-mail before the @ (``borger``,
``medarbejder``, ``mette.larsen`` …; see faelles/demo/content/foundation.py).
The citizen login (``borger``) is deliberately *not* a member of the hip group and
has not pledged in the climate movement, so the demo can be walked through:
find a community and join, pledge and watch the progress move.

Each municipality gets the same kinds of community — a hip-surgery rehab group
that trains together, a mothers' group, a COPD group, a local project forum —
written for its own places, plus communities of its own, a climate movement
with CO₂ pledges and teams, and an inclusion movement.
"""

from typing import NotRequired, TypedDict


class CommunitySpec(TypedDict):
    name: str
    description: str
    theme: str
    access: str
    age_group: str
    life_situation: str
    target_group: str
    meeting_rhythm: str
    place: str
    area: str
    postcode: str
    hosts: list[str]
    members: list[str]
    requests: NotRequired[list[tuple[str, str]]]  # (person, message)
    posts: NotRequired[list[tuple[str, str]]]  # (author, body)
    staff_only: NotRequired[bool]  # "Kun for medarbejdere" (docs/staff-only.md)


class SharedCommunitySpec(CommunitySpec):
    key: str


class MovementSpec(TypedDict):
    title: str
    description: str
    goal: str
    led_by: str
    leader: str
    unit: str
    target: str
    teams: list[tuple[str, str, bool]]  # (name, kind, on the leaderboard)
    pledges: list[tuple[str, str, str, int | None, bool, str]]


# Local colour for the shared kinds of community.
LOCAL: dict[str, dict[str, str]] = {
    "kerteminde": {
        "town": "Kerteminde",
        "postcode": "5300",
        "rehab_place": "Træningssalen på Kerteminde Sundhedscenter, Tårnvej 9",
        "walk": "langs Kerteminde Fjord",
        "mothers_area": "Munkebo",
        "mothers_postcode": "5330",
        "mothers_place": "Munkebo Bibliotek, familierummet",
        "copd_place": "Plejecentret Strandlyst, fælleslokalet",
        "forum_area": "Dalby og Mesinge",
        "forum_postcode": "5380",
        "forum_place": "Klubhuset hos Dalby-Mesinge IF",
        "forum_topic": "en ny stiforbindelse mellem Dalby og Mesinge og et "
        "madpakkehus ved hallen",
    },
    "odense": {
        "town": "Odense",
        "postcode": "5260",
        "rehab_place": "Aktivitetscentret Hjallesehus, motionssalen",
        "walk": "i Fruens Bøge og langs åen",
        "mothers_area": "Vollsmose",
        "mothers_postcode": "5240",
        "mothers_place": "Vollsmose Kulturhus, lokale 2",
        "copd_place": "Bolbro Idrætsforening for Alle, klublokalet",
        "forum_area": "Tarup",
        "forum_postcode": "5210",
        "forum_place": "Café Fællesrum i Tarup",
        "forum_topic": "legepladsen ved Tarup Centret og en byttehylde i gangtunnellen",
    },
    "faxe": {
        "town": "Haslev",
        "postcode": "4690",
        "rehab_place": "Haslev Hallerne, det lille motionslokale",
        "walk": "rundt om Bregentved Slotspark",
        "mothers_area": "Faxe Ladeplads",
        "mothers_postcode": "4654",
        "mothers_place": "Borgerhuset i Faxe, stuen",
        "copd_place": "Karise Hallen, mødelokalet",
        "forum_area": "Rønnede",
        "forum_postcode": "4683",
        "forum_place": "Rønnede Forsamlingshus",
        "forum_topic": "liv i den tomme butik på hovedgaden og en bedre "
        "busforbindelse til Faxe",
    },
    "skanderborg": {
        "town": "Skanderborg",
        "postcode": "8660",
        "rehab_place": "Lokalcenter Søbredden, træningssalen",
        "walk": "rundt om Skanderborg Sø",
        "mothers_area": "Hørning",
        "mothers_postcode": "8362",
        "mothers_place": "Hørning Bibliotek",
        "copd_place": "Lokalcenter Søbredden, café-delen",
        "forum_area": "Ry",
        "forum_postcode": "8680",
        "forum_place": "Frivillighuset i Ry",
        "forum_topic": "badebroen ved Birksø og en fælles cykelparkering ved stationen",
    },
    "rodovre": {
        "town": "Rødovre",
        "postcode": "2610",
        "rehab_place": "Aktivitetshuset Damhusåen, træningssalen",
        "walk": "langs Damhusåen",
        "mothers_area": "Valhøjparken",
        "mothers_postcode": "2610",
        "mothers_place": "Beboerhuset i Valhøjparken",
        "copd_place": "Aktivitetshuset Damhusåen, mødelokale 1",
        "forum_area": "Islev",
        "forum_postcode": "2610",
        "forum_place": "Caféen på Broen",
        "forum_topic": "de grønne arealer bag Islev Torv og en fælles "
        "værktøjskasse i opgangene",
    },
}

# The shared kinds of community; texts use the local colour above.
SHARED_COMMUNITIES: list[SharedCommunitySpec] = [
    {
        "key": "hip",
        "name": "Hofteholdet i {town}",
        "description": (
            "Vi er en flok, der har fået ny hofte – nogle for et halvt år siden, "
            "andre for tre uger siden. Vi træner sammen to gange om ugen efter "
            "øvelserne fra genoptræningen, så man ikke står alene med dem "
            "derhjemme. Bagefter drikker vi kaffe, og om torsdagen går vi en "
            "kort tur {walk}.\n\n"
            "Du behøver ikke være hurtig eller stærk. Vi tilpasser øvelserne, og "
            "der er altid en, der har prøvet det samme som dig. Har du krykker "
            "endnu, så tag dem med."
        ),
        "theme": "health",
        "access": "open",
        "age_group": "seniors",
        "life_situation": "illness",
        "target_group": "Dig, der har fået ny hofte eller venter på den",
        "meeting_rhythm": "Tirsdag og torsdag kl. 10–11.30",
        "place": "{rehab_place}",
        "area": "{town}",
        "postcode": "{postcode}",
        "hosts": [
            "mette.larsen|karen.thomsen|poul.eriksen|inger.madsen|"
            "hans.kirkegaard|birthe.jakobsen"
        ],
        "members": ["politiker", "moderator", "admin"],
        "posts": [
            (
                "host",
                "Husk at tage en vandflaske med på torsdag – vi går turen, hvis "
                "det ikke regner alt for meget.",
            ),
            (
                "politiker",
                "Tak for i tirsdags. Jeg kunne for første gang gå op ad trappen "
                "uden at holde i gelænderet!",
            ),
        ],
    },
    {
        "key": "mothers",
        "name": "Mødregruppe i {mothers_area}",
        "description": (
            "En mødregruppe for dig, der har født inden for det sidste år og har "
            "lyst til at møde andre i samme situation – også hvis du ikke fik en "
            "gruppe gennem sundhedsplejen, eller hvis dansk ikke er dit første "
            "sprog. Vi mødes med barnevogne og kaffe, snakker om søvn, amning, "
            "mad og alt det andet, og går en tur, når vejret er til det.\n\n"
            "Gruppen er lukket, så der er ro til at tale om det svære. Skriv et "
            "par ord om dig selv, når du beder om at komme med."
        ),
        "theme": "family",
        "access": "closed",
        "age_group": "adults",
        "life_situation": "new_parent",
        "target_group": "Mødre og fædre med børn under et år",
        "meeting_rhythm": "Onsdag kl. 10–12",
        "place": "{mothers_place}",
        "area": "{mothers_area}",
        "postcode": "{mothers_postcode}",
        "hosts": [
            "oksana.kovalenko|ida.moeller|olena.shevchenko|sara.lind|natalia.wisniewska"
        ],
        "members": ["forening"],
        "requests": [
            (
                "virksomhed",
                "Jeg har en søn på fire måneder og er ny i området. Må jeg være med?",
            )
        ],
        "posts": [
            (
                "host",
                "Næste gang kommer sundhedsplejersken forbi og svarer på "
                "spørgsmål om søvn.",
            ),
        ],
    },
    {
        "key": "copd",
        "name": "KOL-holdet – sang, vejrtrækning og fællesskab",
        "description": (
            "For dig, der lever med KOL eller anden lungesygdom. Vi synger, "
            "laver vejrtrækningsøvelser og går lidt sammen i vores eget tempo – "
            "og så snakker vi om, hvordan man får hverdagen til at hænge sammen "
            "med iltapparat, trapper og indkøb.\n\n"
            "Holdet blev startet af tidligere deltagere i kommunens "
            "lungerehabilitering, der ikke ville holde op, da forløbet sluttede. "
            "Pårørende er også velkomne."
        ),
        "theme": "health",
        "access": "open",
        "age_group": "all",
        "life_situation": "illness",
        "target_group": "Mennesker med KOL og deres pårørende",
        "meeting_rhythm": "Mandag kl. 13–14.30",
        "place": "{copd_place}",
        "area": "{town}",
        "postcode": "{postcode}",
        "hosts": ["karen.thomsen|poul.eriksen|inger.madsen|hans.kirkegaard|kim.lassen"],
        "members": ["moderator"],
        "posts": [
            (
                "host",
                "Vi øver den nye sang fra Højskolesangbogen på mandag. "
                "Teksten ligger under Delte filer.",
            ),
        ],
    },
    {
        "key": "forum",
        "name": "Projektforum for {forum_area}",
        "description": (
            "Et åbent forum for alle, der bor eller arbejder i {forum_area} og "
            "har en idé til lokalområdet. Vi mødes en gang om måneden, hører "
            "hinandens idéer og finder ud af, hvem der vil være med. Lige nu "
            "arbejder vi med {forum_topic}.\n\n"
            "En medarbejder fra kommunen er som regel med og kan svare på, hvad "
            "der skal til – men det er jer, der bestemmer, hvad der sker."
        ),
        "theme": "neighbours",
        "access": "open",
        "age_group": "all",
        "life_situation": "any",
        "target_group": "Alle i {forum_area}",
        "meeting_rhythm": "Første torsdag i måneden kl. 19–21",
        "place": "{forum_place}",
        "area": "{forum_area}",
        "postcode": "{forum_postcode}",
        "hosts": ["medarbejder", "forening"],
        "members": [
            "borger",
            "politiker",
            "jonas.nielsen|jakob.winther|frederik.jensen|lucas.vestergaard|ayaan.farah",
        ],
        "posts": [
            (
                "host",
                "Referat fra sidste møde: tre nye idéer, og to af dem har "
                "allerede fået en tovholder. Kom og hør mere næste gang.",
            ),
            ("borger", "Jeg kan låne en trailer ud, hvis vi skal hente materialer."),
        ],
    },
    {
        "key": "grief",
        "name": "Samtalegruppe for efterladte",
        "description": (
            "En lille, fast gruppe for dig, der har mistet din ægtefælle eller "
            "samlever. Vi mødes hver anden uge med to frivillige samtaleledere "
            "og taler om det, der fylder. Gruppen er kun efter invitation, og "
            "en medarbejder kan henvise dig, hvis du har lyst til at være med."
        ),
        "theme": "talk",
        "access": "invitation",
        "age_group": "adults",
        "life_situation": "grief",
        "target_group": "Efterladte efter ægtefælle eller samlever",
        "meeting_rhythm": "Hver anden tirsdag kl. 14–16",
        "place": "Frivilligcentret",
        "area": "{town}",
        "postcode": "{postcode}",
        "hosts": ["medarbejder"],
        "members": [],
        "posts": [],
    },
]

# Communities of each municipality's own.
OWN_COMMUNITIES: dict[str, list[CommunitySpec]] = {
    "kerteminde": [
        {
            "name": "Strikkecaféen på havnen",
            "description": (
                "Vi strikker, hækler og drikker kaffe i Havnecaféen hver "
                "fredag. Nogle er meget øvede, andre har aldrig holdt en pind – "
                "og så er der altid en, der vil vise dig, hvordan man slår op. "
                "Garn kan lånes."
            ),
            "theme": "culture",
            "access": "open",
            "age_group": "all",
            "life_situation": "alone",
            "target_group": "Alle, der kan lide at have noget i hænderne",
            "meeting_rhythm": "Fredag kl. 13–15",
            "place": "Havnecaféen, Hindsholmvej 3",
            "area": "Kerteminde",
            "postcode": "5300",
            "hosts": ["oksana.kovalenko"],
            "members": ["borger", "karen.thomsen"],
        },
        {
            "name": "Ny i Kerteminde – kaffe og kajak",
            "description": (
                "For tilflyttere, der vil lære byen og nogle af dem, der bor "
                "her, at kende. Vi mødes til kaffe på havnen, og Hindsholm "
                "Havkajakklub tager os med på en prøvetur, når vandet er varmt "
                "nok."
            ),
            "theme": "neighbours",
            "access": "open",
            "age_group": "adults",
            "life_situation": "newcomer",
            "target_group": "Nye i kommunen",
            "meeting_rhythm": "Sidste lørdag i måneden kl. 10",
            "place": "Kerteminde Havn, ved havnekontoret",
            "area": "Kerteminde",
            "postcode": "5300",
            "hosts": ["forening"],
            "members": ["ahmad.rahimi"],
        },
    ],
    "odense": [
        {
            "name": "Reparationscaféen på Fynsk Cykelværksted",
            "description": (
                "Tag din cykel, brødrister eller din yndlingsjakke med. "
                "Frivillige med forstand på skruer, lodning og symaskiner hjælper "
                "dig med at reparere selv – i stedet for at smide ud. Vi lærer af "
                "hinanden, og der er altid kaffe."
            ),
            "theme": "craft",
            "access": "open",
            "age_group": "all",
            "life_situation": "any",
            "target_group": "Alle, der hellere vil reparere end købe nyt",
            "meeting_rhythm": "Anden lørdag i måneden kl. 11–15",
            "place": "Fynsk Cykelværksted, Vesterbro 41",
            "area": "Odense C",
            "postcode": "5000",
            "hosts": ["virksomhed"],
            "members": ["mehmet.yilmaz", "jakob.winther"],
        },
        {
            "name": "Sprogcafé i Vollsmose",
            "description": (
                "Øv dansk i en afslappet snak over te og kage. Frivillige "
                "danskere og folk, der er ved at lære sproget, mødes ved små "
                "borde. Ingen lektier, ingen karakterer – bare samtale."
            ),
            "theme": "learning",
            "access": "open",
            "age_group": "all",
            "life_situation": "newcomer",
            "target_group": "Alle, der vil øve dansk – og alle, der vil hjælpe",
            "meeting_rhythm": "Tirsdag kl. 17–19",
            "place": "Vollsmose Kulturhus, caféen",
            "area": "Vollsmose",
            "postcode": "5240",
            "hosts": ["forening"],
            "members": ["marta.nowak", "ida.moeller"],
        },
    ],
    "faxe": [
        {
            "name": "Bådelaugets vinterværksted",
            "description": (
                "Om vinteren står bådene på land, og så mødes vi i værkstedet og "
                "hjælper hinanden med at slibe, lakere og reparere. Du behøver "
                "ikke have en båd selv – der er altid brug for en hånd."
            ),
            "theme": "craft",
            "access": "open",
            "age_group": "all",
            "life_situation": "retired",
            "target_group": "Alle med lyst til træ og både",
            "meeting_rhythm": "Onsdag kl. 9–12, oktober til april",
            "place": "Faxe Ladeplads Havn, bådelaugets værksted",
            "area": "Faxe Ladeplads",
            "postcode": "4654",
            "hosts": ["forening"],
            "members": ["frederik.jensen"],
        },
        {
            # Faxe's leaders' forum: staff only, never seen by citizens.
            "name": "LederForum",
            "description": (
                "Her mødes ledere og tovholdere på tværs af Faxe Kommunes "
                "forvaltninger. Vi deler erfaringer fra vores prøvehandlinger – "
                "også dem, der ikke gik som håbet – og hjælper hinanden med at "
                "give slip på rutiner, der ikke længere giver mening."
            ),
            "theme": "neighbours",
            "access": "open",
            "age_group": "adults",
            "life_situation": "any",
            "target_group": "Ledere og tovholdere i Faxe Kommune",
            "meeting_rhythm": "Første torsdag i måneden kl. 8.30–10",
            "place": "Rådhuset i Faxe, mødelokale 3",
            "area": "Faxe",
            "postcode": "4640",
            "hosts": ["medarbejder"],
            "members": ["admin"],
            "staff_only": True,
            "posts": [
                (
                    "host",
                    "Tak for sidst! Som lovet: vores prøvehandling med åben "
                    "frokost på biblioteket fik kun fire gæster de første to "
                    "uger. Vi flytter den til lørdag og prøver igen – jeg "
                    "fortæller, hvordan det går.",
                ),
                (
                    "admin",
                    "Godt at høre ærligt om det. Næste gang vil jeg gerne tale om, "
                    "hvordan vi skriver succeskriterier, som borgerne selv kan "
                    "genkende. Tag gerne et eksempel med.",
                ),
            ],
        },
    ],
    "skanderborg": [
        {
            "name": "Søndagsløb for alle i Hørning",
            "description": (
                "Et roligt fællesløb, hvor ingen bliver ladt tilbage. Vi løber "
                "5 km i samlet flok og venter på hinanden ved hvert sving. Gå- "
                "og løbeklubben stiller med tovholdere."
            ),
            "theme": "movement",
            "access": "open",
            "age_group": "all",
            "life_situation": "any",
            "target_group": "Begyndere og dem, der er kommet ud af vanen",
            "meeting_rhythm": "Søndag kl. 9",
            "place": "Parkeringspladsen ved Hørning Hallen",
            "area": "Hørning",
            "postcode": "8362",
            "hosts": ["forening"],
            "members": ["tomasz.kowalski", "amira.haddad"],
        },
    ],
    "rodovre": [
        {
            "name": "Fællesspisning i Valhøjparken",
            "description": (
                "Hver anden fredag laver vi mad sammen i beboerhuset – fire "
                "frivillige står for menuen, resten dækker bord og vasker op. "
                "Det koster 25 kr. for voksne og er gratis for børn."
            ),
            "theme": "neighbours",
            "access": "open",
            "age_group": "all",
            "life_situation": "alone",
            "target_group": "Alle beboere og naboer",
            "meeting_rhythm": "Hver anden fredag kl. 17.30",
            "place": "Beboerhuset i Valhøjparken",
            "area": "Valhøjparken",
            "postcode": "2610",
            "hosts": ["forening"],
            "members": ["ayaan.farah", "yulia.bondarenko", "borger"],
        },
    ],
}

# A climate movement with CO₂ pledges and teams, and an inclusion movement.
MOVEMENTS: dict[str, MovementSpec] = {
    "climate": {
        "title": "Klimafestival {town} – 100 ton CO₂ mindre",
        "description": (
            "Op til og under klimafestivalen i {town} giver vi hinanden løfter: "
            "færre bilture, mindre madspild, en kold vask i stedet for en varm. "
            "Hvert løfte regnes om til ton CO₂, og når du har gjort det, "
            "logger du det – så kan vi alle se, hvor langt vi er nået.\n\n"
            "Skoler, arbejdspladser og bydele kan stille hold. Holdene kan vælge "
            "at stå på resultattavlen; det gør personer kun, hvis de selv vil."
        ),
        "goal": "Sammen sparer vi 100 ton CO₂ inden festivalens sidste dag",
        "led_by": "politician",
        "leader": "politiker",
        "unit": "co2",
        "target": "100",
        "teams": [
            ("Skoleholdet", "school", True),
            ("Kommunens medarbejdere", "workplace", True),
            ("Bydel Nord", "area", True),
            ("Bydel Syd", "area", False),
        ],
        # (person, pledge in tonnes, what, team index or None, leaderboard, done)
        "pledges": [
            ("medarbejder", "1.5", "Cykler på arbejde hele sommeren", 1, True, "0.4"),
            ("moderator", "0.8", "Kødfri tre dage om ugen", 2, True, "0.3"),
            ("admin", "2", "Skifter oliefyret ud med en varmepumpe", 1, False, "0"),
            ("forening", "1.2", "Klubben kører samlet til stævner", 2, True, "0.5"),
            ("virksomhed", "3", "Varebilen bliver elektrisk", None, True, "1"),
        ],
    },
    "inclusion": {
        "title": "Alle med – {town} inkluderer",
        "description": (
            "En bevægelse startet af foreningerne i {town}: vi vil have 300 "
            "flere med i fællesskaberne i år – mennesker med handicap, nye "
            "danskere, dem der sidder alene. Man tæller med, når man selv er "
            "kommet med, eller når man har taget en ny med til træning, kor "
            "eller fællesspisning.\n\n"
            "Foreningerne melder ind, hvad de gør for at tage imod nye, og vi "
            "deler de gode erfaringer ved vores arrangementer."
        ),
        "goal": "300 flere mennesker med i et fællesskab i år",
        "led_by": "association",
        "leader": "forening",
        "unit": "people",
        "target": "300",
        "teams": [
            ("Idrætsforeningerne", "other", True),
            ("Kultur og frivillighed", "other", True),
        ],
        "pledges": [
            (
                "medarbejder",
                "5",
                "Jeg tager fem nye med til fællesspisning",
                1,
                True,
                "2",
            ),
            ("moderator", "2", "Jeg inviterer min nabo med i koret", None, False, "1"),
        ],
    },
}

# Referrals by the employee: (citizen, community key, note, outcome)
REFERRALS: list[tuple[str, str, str, str]] = [
    (
        "borger",
        "copd",
        "Vi talte om, at det kunne være rart at fortsætte med at træne sammen "
        "med andre efter rehabiliteringen. Her er holdet, jeg nævnte.",
        "pending",
    ),
    (
        "jonas.nielsen|mehmet.yilmaz|yusuf.abdi|tomasz.kowalski|kim.lassen",
        "hip",
        "Som aftalt efter din genoptræning: her er holdet, der træner sammen. "
        "Du kan bare møde op på tirsdag.",
        "joined",
    ),
]
