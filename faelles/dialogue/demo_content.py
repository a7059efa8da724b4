"""Hand-written demo hearings: Rødovre's city-centre plan (answered) and a
Kerteminde debate (open). Places, people and quotes are invented."""

from typing import NotRequired, TypedDict


class HiddenSpec(TypedDict):
    comment: str
    moderator: str
    reason: str


class AnswerSpec(TypedDict):
    author: str
    heard: str
    changed: str
    not_changed: str


class HearingSpec(TypedDict):
    municipality: str
    kind: str
    title: str
    theme: str
    question: str
    draft: str
    announced_days_ago: int
    opens_days_ago: int
    closes_days_ago: NotRequired[int]
    closes_in_days: NotRequired[int]
    answered_days_ago: NotRequired[int]
    # (key, person, paragraph as (section, paragraph) or None for general, text)
    comments: list[tuple[str, str, tuple[int, int] | None, str]]
    replies: list[tuple[str, str, str, str]]  # (key, parent key, person, text)
    reactions: NotRequired[list[tuple[str, str, int]]]  # (comment key, kind, count)
    hidden: NotRequired[HiddenSpec]
    reports: NotRequired[list[tuple[str, str, str]]]  # (comment key, person, reason)
    answer: NotRequired[AnswerSpec]


BYMIDTEPLAN: HearingSpec = {
    "municipality": "rodovre",
    "kind": "hearing",
    "title": "Forslag til bymidteplan for Rødovre",
    # A default theme key; Rødovre's own strategy files it under the theme that
    # covers it (faelles/demo/themes.py: "En grøn og bæredygtig by").
    "theme": "city",
    "question": (
        "Byrådet har sendt forslaget til en ny bymidteplan i høring. Planen skal "
        "gøre strækningen langs Rødovrevej mellem Rødovre Centrum og rådhuset til "
        "en grøn og tryg bymidte, hvor man har lyst til at opholde sig – ikke kun "
        "køre igennem.\n\n"
        "Vi vil gerne høre, hvad du synes, før byrådet beslutter planen. Du kan "
        "kommentere hvert afsnit for sig eller forslaget som helhed."
    ),
    "draft": """# Hvorfor en ny bymidteplan?

Rødovrevej er i dag først og fremmest en trafikvej. Mange krydser den for at handle, gå i skole eller nå bussen, men få bliver og mødes. Samtidig skal der de næste 15 år bygges omkring 800 nye boliger i bymidten.

Bymidteplanen samler de mange enkeltprojekter i én retning: en bymidte med plads til fællesskab, der hænger sammen på tværs af vejen.

# Et grønt strøg langs Rødovrevej

Vi foreslår at plante en dobbelt række træer langs begge sider af Rødovrevej og gøre fortovene bredere, så der bliver plads til bænke, cykelparkering og udeservering.

Regnvand fra vejen ledes ud i regnbede mellem træerne i stedet for i kloakken. Det mindsker risikoen for oversvømmelse ved skybrud og giver mere grønt.

Pladsen foran rådhuset omdannes til en byplads med vandkunst, skygge og plads til markeder og arrangementer.

# Trafik og parkering

Hastigheden på Rødovrevej sænkes til 40 km/t på strækningen gennem bymidten, og der etableres tre nye, sikre krydsninger for fodgængere og cyklister.

Cykelstierne bliver bredere og adskilt fra fortovet med en kantsten, så cyklister og gående ikke kommer i vejen for hinanden.

Cirka 120 parkeringspladser langs vejen nedlægges. Til gengæld bygges et parkeringshus ved Rødovre Centrum med 300 pladser og ladestandere.

# Boliger og byliv

De nye boliger skal være en blanding af familieboliger, ungdomsboliger og seniorbofællesskaber, så bymidten får beboere i alle aldre.

Stueetagerne ud mod Rødovrevej forbeholdes butikker, caféer, foreninger og andre udadvendte funktioner.

# Tryghed og mødesteder

Belysningen langs stier og pladser forbedres, og der bliver flere steder at sidde, også i læ og overdækket.

Vi vil sammen med foreninger, skoler og erhvervsliv skabe et fast mødested for unge i bymidten, som de unge selv er med til at indrette.""",
    # Days before today.
    "announced_days_ago": 62,
    "opens_days_ago": 55,
    "closes_days_ago": 13,
    "answered_days_ago": 4,
    # (key, author, section number (1-based) and paragraph number or None, text)
    "comments": [
        (
            "c1",
            "beboer01",
            (2, 1),
            "Endelig! Flere træer langs Rødovrevej vil gøre en kæmpe forskel. I dag er det et sted, man skynder sig væk fra.",
        ),
        (
            "c2",
            "beboer02",
            (2, 1),
            "Husk at vælge træer, der kan tåle vejsalt. Langs Roskildevej gik de nye træer ud efter to vintre.",
        ),
        (
            "c3",
            "beboer03",
            (2, 2),
            "Regnbede er en god idé. Vores kælder var oversvømmet i 2011, og det er ikke blevet bedre siden.",
        ),
        (
            "c4",
            "beboer04",
            (2, 3),
            "Vandkunst er fint, men sørg for at det er noget, børn må lege i. Så kommer familierne også.",
        ),
        (
            "c5",
            "beboer05",
            (2, 3),
            "Markeder på rådhuspladsen vil jeg gerne have. Gerne et fast lørdagsmarked med lokale råvarer.",
        ),
        (
            "c6",
            "beboer06",
            (3, 1),
            "40 km/t er for lidt på en så stor vej. Det vil bare give kø og mere forurening.",
        ),
        (
            "c7",
            "beboer07",
            (3, 1),
            "40 km/t er et minimum. Jeg har to børn, der skal krydse Rødovrevej hver dag for at komme i skole.",
        ),
        (
            "c8",
            "beboer08",
            (3, 2),
            "Brede cykelstier med kantsten er det vigtigste i hele planen for mig. Jeg cykler på arbejde hver dag.",
        ),
        (
            "c9",
            "beboer09",
            (3, 3),
            "Jeg er 78 og går dårligt. Hvis parkeringen foran apoteket forsvinder, kan jeg ikke længere hente min medicin selv.",
        ),
        (
            "c10",
            "beboer10",
            (3, 3),
            "Et parkeringshus ved centret er fint, men det er for langt væk for dem, der skal til lægehuset i den anden ende.",
        ),
        (
            "c11",
            "beboer11",
            (3, 3),
            "Butikkerne lever af, at folk kan holde lige uden for døren. Fjern ikke alle pladserne på én gang.",
        ),
        (
            "c12",
            "beboer12",
            (4, 1),
            "Seniorbofællesskaber er præcis det, der mangler i Rødovre. Vi vil gerne blive boende i byen, men ikke i et stort hus.",
        ),
        (
            "c13",
            "beboer13",
            (4, 1),
            "Husk også almene familieboliger, som almindelige lønmodtagere kan betale. Ikke kun dyre ejerlejligheder.",
        ),
        (
            "c14",
            "beboer14",
            (4, 2),
            "Udadvendte stueetager lyder godt, men der står allerede tomme butikker. Hvem skal leje dem?",
        ),
        (
            "c15",
            "beboer15",
            (5, 1),
            "Bedre lys på stien bag biblioteket, tak. Jeg tør ikke gå der om aftenen i vinterhalvåret.",
        ),
        (
            "c16",
            "beboer16",
            (5, 2),
            "Som ung i Rødovre: vi vil meget gerne være med til at indrette et mødested. Spørg os på skolerne og i klubberne.",
        ),
        (
            "c17",
            "beboer17",
            (5, 2),
            "Et mødested for unge kræver voksne, der er til stede. Ellers bliver det bare endnu et sted med uro.",
        ),
        (
            "c18",
            "beboer18",
            None,
            "Samlet set en flot plan. Men byggeperioden bliver lang. Hvordan sikrer I, at butikkerne overlever imens?",
        ),
        (
            "c19",
            "beboer19",
            None,
            "Jeg savner noget om støj. Der kører mange lastbiler om natten.",
        ),
        (
            "c20",
            "beboer20",
            None,
            "Godt at vi bliver spurgt, før det er besluttet. Gør det gerne igen, når de enkelte pladser skal tegnes.",
        ),
        (
            "c21",
            "beboer21",
            (2, 1),
            "Kan der komme frugttræer imellem? Så kan skolerne bruge dem i undervisningen.",
        ),
        (
            "c22",
            "beboer22",
            (3, 2),
            "Tænk ladcykler ind. De fylder mere end almindelige cykler, og der er mange af dem i Rødovre nu.",
        ),
        (
            "c23",
            "beboer23",
            (3, 1),
            "De nye krydsninger skal have lange grønne tider. Det er umuligt at nå over med rollator i dag.",
        ),
        (
            "c24",
            "beboer24",
            None,
            "Hvad kommer det hele til at koste, og hvad bliver der så ikke råd til?",
        ),
        (
            "c25",
            "beboer25",
            (4, 2),
            "Plads til foreninger i stueetagen er en rigtig god idé. Vores seniorklub mangler lokaler.",
        ),
        (
            "c26",
            "beboer26",
            (5, 1),
            "Overdækkede bænke ved busstoppestederne, tak. Man står og fryser i dag.",
        ),
        (
            "c27",
            "beboer27",
            None,
            "Det er bare endnu et prestigeprojekt. Politikerne er ligeglade med os, der bor her, og dem på rådhuset er nogle idioter.",
        ),
        (
            "c28",
            "beboer28",
            (2, 3),
            "Rådhuspladsen skal også kunne bruges om vinteren. Måske en lille skøjtebane i december?",
        ),
        (
            "c29",
            "beboer29",
            (3, 3),
            "Parkeringshuset skal have pladser til handicapbiler tæt på udgangen og en elevator, der virker.",
        ),
        (
            "c30",
            "beboer30",
            None,
            "Jeg har boet her i 40 år. Det er første gang, jeg har svaret på en høring, fordi det var nemt at gøre på telefonen.",
        ),
    ],
    # (key, reply to, author, text)
    "replies": [
        (
            "r1",
            "c2",
            "medarbejder",
            "Tak for det gode råd. Planen bruger arter, der tåler salt og tørke, fx tyrkisk lind og tjørn, og plantehullerne bliver større end langs Roskildevej.",
        ),
        (
            "r2",
            "c6",
            "beboer07",
            "Kø i ti minutter er en lille pris for, at børn kan komme sikkert over vejen.",
        ),
        (
            "r3",
            "c6",
            "beboer11",
            "Enig i, at det bliver langsommere. Men trafikken vil måske vælge ringvejen i stedet, og det er vel meningen.",
        ),
        (
            "r4",
            "c9",
            "politiker",
            "Tak fordi du skriver. Det skal ikke blive sværere at hente sin medicin. Jeg vil foreslå, at der bliver handicappladser og korttidsparkering ved apoteket og lægehuset.",
        ),
        ("r5", "c9", "beboer12", "Det samme gælder for min mor. God pointe."),
        (
            "r6",
            "c10",
            "medarbejder",
            "Vi undersøger, om der kan blive korttidspladser i sidegaderne tæt på lægehuset. Det kommer med i svaret efter høringen.",
        ),
        (
            "r7",
            "c14",
            "beboer25",
            "Foreninger som vores vil gerne leje, hvis huslejen er til at betale.",
        ),
        (
            "r8",
            "c16",
            "politiker",
            "Det vil vi meget gerne. Ungdomsskolen og klubberne bliver inviteret til en workshop i foråret.",
        ),
        (
            "r9",
            "c17",
            "beboer16",
            "Der er også unge, der gerne vil tage ansvar. Giv os en chance.",
        ),
        (
            "r10",
            "c18",
            "medarbejder",
            "Byggeriet deles op i etaper, så der altid er adgang til butikkerne. Vi laver en aftale med handelsstandsforeningen om skiltning og aktiviteter undervejs.",
        ),
        (
            "r11",
            "c19",
            "beboer03",
            "Ja, især skraldebilerne og varebilerne til centret tidligt om morgenen.",
        ),
        (
            "r12",
            "c24",
            "medarbejder",
            "Anlægget er anslået til 145 mio. kr. over ti år. Budgettet vedtages af byrådet hvert år, og prioriteringen kan følges i budgetforslaget.",
        ),
        (
            "r13",
            "c1",
            "beboer21",
            "Helt enig. Og læ for vinden, så man faktisk kan sidde der.",
        ),
        ("r14", "c7", "beboer23", "Og for os ældre. Tak fordi du skriver det."),
        (
            "r15",
            "c12",
            "beboer09",
            "Jeg ville flytte i et seniorbofællesskab i morgen, hvis der var et.",
        ),
        (
            "r16",
            "c13",
            "politiker",
            "Enig. Vores mål er, at mindst en fjerdedel af de nye boliger bliver almene.",
        ),
        (
            "r17",
            "c22",
            "beboer08",
            "Ja! Og overdækket cykelparkering ved stoppestederne.",
        ),
        (
            "r18",
            "c27",
            "beboer20",
            "Man kan godt være uenig uden at kalde folk idioter.",
        ),
        ("r19", "c28", "beboer04", "Skøjtebane! Det ville mine børn elske."),
        (
            "r20",
            "c30",
            "medarbejder",
            "Tak, det er dejligt at høre. Det var netop meningen.",
        ),
    ],
    # (comment key, who reacts, kind)
    "reactions": [
        ("c1", "agree", 14),
        ("c3", "agree", 9),
        ("c4", "useful", 6),
        ("c6", "disagree", 11),
        ("c6", "agree", 5),
        ("c7", "agree", 13),
        ("c8", "agree", 10),
        ("c9", "useful", 12),
        ("c11", "agree", 6),
        ("c12", "agree", 8),
        ("c15", "agree", 7),
        ("c16", "useful", 9),
        ("c18", "useful", 5),
        ("c23", "agree", 8),
        ("r4", "agree", 6),
    ],
    "hidden": {
        "comment": "c27",
        "moderator": "moderator",
        "reason": (
            "Skjult, fordi den kalder navngivne grupper for idioter. Kritik af "
            "projektet er velkommen – skriv den gerne igen uden skældsord."
        ),
    },
    "reports": [("c27", "beboer20", "Personangreb"), ("c27", "beboer05", "Skældsord")],
    "answer": {
        "author": "medarbejder",
        "heard": (
            "30 borgere kommenterede forslaget, og mange flere reagerede på andres "
            "kommentarer. Der er bred opbakning til træerne, regnbedene og de "
            "bredere cykelstier. Sikre krydsninger for børn og ældre fyldte meget. "
            "Hastigheden delte vandene: nogle frygter kø, andre ønsker den lavere "
            "hastighed for børnenes skyld. Mange ældre og handlende var bekymrede "
            "for, at parkeringspladserne forsvinder for langt fra apotek, lægehus "
            "og butikker. Unge vil gerne være med til at indrette et mødested."
        ),
        "changed": (
            "Der bliver 25 korttidspladser og 8 handicappladser i sidegaderne ved "
            "apoteket og lægehuset, så kun cirka 90 pladser langs vejen nedlægges. "
            "Krydsningerne får længere grønne tider for gående. Vi planter salt- og "
            "tørketålende træer i større plantehuller, og skolerne får to frugtlunde. "
            "Mødestedet for unge indrettes sammen med ungdomsskolen og klubberne, og "
            "der bliver overdækket cykelparkering, også til ladcykler."
        ),
        "not_changed": (
            "Hastigheden bliver 40 km/t som foreslået. Trafiktællingerne viser, at "
            "rejsetiden gennem bymidten kun stiger med omkring et minut, mens "
            "risikoen for alvorlige ulykker falder markant. Parkeringshuset ved "
            "centret bliver bygget som foreslået, fordi det frigiver plads til "
            "træer og cykelstier. Natlig støj fra lastbiler hører ikke under "
            "bymidteplanen; vi tager det op i den kommende støjhandlingsplan."
        ),
    },
}

DEBAT: HearingSpec = {
    "municipality": "kerteminde",
    "kind": "debate",
    "title": "Hvordan bruger vi havnen i Kerteminde – hele året?",
    "theme": "community",  # Mødesteder
    "question": (
        "Om sommeren er havnen fuld af liv. Om vinteren er den stille. Byrådet "
        "vil gerne høre, hvad der skal til for at havnen bliver et mødested hele "
        "året, før vi beslutter, hvad pengene fra puljen til levende bymidter "
        "skal bruges til.\n\n"
        "Skriv dine idéer og svar på andres. Kommunen svarer, når debatten er slut."
    ),
    "draft": """# Tre spørgsmål til debatten

Hvad får dig til at tage ned på havnen i dag, og hvad holder dig væk om vinteren?

Hvilke fællesskaber, foreninger eller virksomheder kunne bruge havnen mere, hvis der var plads, læ eller lys?

Hvad må ikke forsvinde, når havnen udvikles?""",
    "announced_days_ago": 10,
    "opens_days_ago": 7,
    "closes_in_days": 21,
    "comments": [
        (
            "k1",
            "mette.larsen",
            (1, 1),
            "Vi går tur på havnen hver dag med seniorvandrerne. Om vinteren savner vi et sted at få en kop kaffe i læ.",
        ),
        (
            "k2",
            "jonas.nielsen",
            (1, 2),
            "Havkajakklubben kunne lave vintersvømning og sauna, hvis der var et sted at stille en saunavogn.",
        ),
        (
            "k3",
            "ahmad.rahimi",
            (1, 3),
            "Fiskerne og de gamle pakhuse må ikke forsvinde. Det er det, der gør havnen til Kertemindes.",
        ),
        (
            "k4",
            "borger",
            None,
            "En overdækket plads med lys, hvor foreninger kan holde små arrangementer om vinteren.",
        ),
    ],
    "replies": [
        (
            "kr1",
            "k2",
            "politiker",
            "Spændende idé. Vi har sat penge af i puljen til netop den slags forsøg – skriv gerne til kommunen, så vi kan tale om det.",
        ),
        (
            "kr2",
            "k1",
            "oksana.kovalenko",
            "Havnecaféen vil gerne holde åbent i weekenderne om vinteren, hvis der kommer folk.",
        ),
    ],
}

#: Names of the demo residents who take part in Rødovre's hearing.
RESIDENTS: list[tuple[str, str, str]] = [
    ("Anne-Marie Holm", "2610", "65+"),
    ("Bo Kristiansen", "2610", "50-64"),
    ("Camilla Frost", "2610", "30-49"),
    ("Dennis Aydin", "2610", "30-49"),
    ("Ellen Brandt", "2610", "50-64"),
    ("Frederik Lund", "2610", "18-29"),
    ("Gitte Mogensen", "2610", "30-49"),
    ("Hassan Omar", "2610", "30-49"),
    ("Inge Rasmussen", "2610", "65+"),
    ("Jesper Vind", "2610", "50-64"),
    ("Karina Bech", "2610", "50-64"),
    ("Lone Sørensen", "", "65+"),
    ("Mads Thorsen", "2610", "30-49"),
    ("Nadia Haddad", "2610", "30-49"),
    ("Ole Friis", "", "65+"),
    ("Pernille Juhl", "2610", "u18"),
    ("Rasmus Kjær", "2610", "18-29"),
    ("Sara Ibsen", "2610", "30-49"),
    ("Tobias Winther", "2610", "18-29"),
    ("Ulla Mortensen", "2610", "65+"),
    ("Vibeke Dahl", "2610", "50-64"),
    ("William Ravn", "2610", "30-49"),
    ("Yasmin Celik", "2610", "18-29"),
    ("Zenia Pedersen", "2610", "65+"),
    ("Allan Bruun", "", "50-64"),
    ("Birgit Wolff", "2610", "65+"),
    ("Christian Toft", "", ""),
    ("Dorthe Schmidt", "2610", "30-49"),
    ("Erik Nygaard", "", "65+"),
    ("Fatima Ali", "2610", "30-49"),
    # Only react.
    ("Gustav Krogh", "", ""),
    ("Hanne Lykke", "2610", "50-64"),
    ("Ivan Petrov", "", ""),
    ("Julie Skov", "2610", "18-29"),
    ("Kasper Due", "", ""),
    ("Lise Kirk", "2610", "30-49"),
]
