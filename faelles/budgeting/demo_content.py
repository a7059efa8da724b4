"""Hand-written demo content for the borgerbudget (excluded from gettext).

Rødovre's "Vi tør prioritere": a finished round (2025) that has been counted,
explained and is being carried out, and an open round (2026) a demo citizen can
vote in. Faxe has a round collecting proposals. All people and projects are
invented; places are real. Times are days before the demo is loaded.

Voter groups (``GROUPS``) describe who liked what; the demo ballots are drawn
from them with a fixed random seed, so the count is the same every time.
"""

from typing import Any

FINISHED: dict[str, Any] = {
    "municipality": "rodovre",
    "title": "Vi tør prioritere 2025",
    "description": (
        "1,5 mio. kr. af kommunens budget for 2025 blev fordelt af borgerne selv. "
        "Alle over 15 år med bopæl i Rødovre kunne stille forslag og stemme på op "
        "til tre projekter. Man kunne stemme her på siden og ved stemmeboderne på "
        "Rødovre Bibliotek, i Rødovre Centrum og på Islev Torv, hvor medarbejdere "
        "tastede papirstemmesedlerne ind.\n\n"
        "Pengene blev fordelt med lige andele: hver vælger fik en lige stor del af "
        "puljen, som kun kunne bruges på de projekter, vedkommende selv stemte på. "
        "Sådan fik også de mindre grupper af vælgere noget, de ønskede sig – ikke "
        "kun de største."
    ),
    "budget": 1_500_000,
    "area_name": "",
    "postcodes": "2610",
    "ballot_type": "approval",
    "min_projects": 1,
    "max_projects": 3,
    "min_age": 15,
    "age_check": "confirm",
    "counting_rule": "mes",
    # days before now
    "proposals": (340, 305),
    "voting": (262, 241),
    "implementation": 200,
    "paper": 430,  # online: every demo person of the municipality
    "seed": 2025,
}

OPEN: dict[str, Any] = {
    "municipality": "rodovre",
    "title": "Vi tør prioritere 2026 – Islev og Korsager",
    "description": (
        "I 2026 er puljen på 800.000 kr. til Islev og Korsager. Forslagene er "
        "kommet fra jer, og kommunens medarbejdere har regnet på pris, lovlighed "
        "og om de kan lade sig gøre. Nu er det jeres tur til at prioritere.\n\n"
        "Du kan stemme på op til tre projekter, hvis du er fyldt 15 og bor i "
        "Rødovre. Du kan ændre din stemme, indtil afstemningen slutter – kun den "
        "nyeste tæller. Din stemme er hemmelig. Du kan også stemme på papir på "
        "Islev Bibliotek i åbningstiden.\n\n"
        "Nyt i år: vi tør prioritere – også fra. Du kan markere op til to "
        "projekter, som du synes, vi skal lade være med at bruge penge på. Et "
        "projekt, som lige så mange eller flere vælger fra som til, får ikke penge."
    ),
    "budget": 800_000,
    "area_name": "Islev og Korsager",
    "postcodes": "2610",
    "ballot_type": "approval",
    "min_projects": 1,
    "max_projects": 3,
    "min_age": 15,
    "age_check": "birth_year",
    "counting_rule": "mes",
    "allow_drops": True,
    "max_drops": 2,
    # How often each project is dropped by the voters who drop something.
    "drops": {"padel": 5, "solceller": 3, "hundeskov": 2, "streetbasket": 1},
    "proposals": (75, 45),
    "voting": (6, -16),  # opened six days ago, closes in sixteen days
    "paper": 120,  # online: the demo people except the citizen login
    "seed": 2026,
}

PROPOSING: dict[str, Any] = {
    "municipality": "faxe",
    "title": "Landsbypuljen 2027",
    "description": (
        "Faxe i Fællesskab: 400.000 kr. til idéer, der gør livet bedre i "
        "landsbyerne. Send dit forslag – medarbejderne hjælper med at regne på "
        "prisen, før vi stemmer til foråret. Ved afstemningen vælger du projekter "
        "for højst 400.000 kr. i alt, så du selv prioriterer inden for puljen."
    ),
    "budget": 400_000,
    "area_name": "Landsbyerne",
    "postcodes": "",
    "ballot_type": "knapsack",
    "min_projects": 1,
    "max_projects": None,
    "min_age": None,
    "age_check": "confirm",
    "counting_rule": "mes_add1",
    "proposals": (20, -40),
    "voting": (-70, -90),
}

# (key, title, cost, area, category, proposer, description)
FINISHED_PROJECTS = [
    (
        "legeplads",
        "Ny legeplads i Kildevældsparken",
        650_000,
        "Kildevældsparken",
        "play",
        "borger",
        "Legepladsen i Kildevældsparken er slidt, og de mindste har næsten intet "
        "at lege på. Vi foreslår en ny legeplads med klatrestativ, gynger, "
        "sandkasse og bænke til forældrene, så parken igen bliver et sted, "
        "familier mødes.",
    ),
    (
        "lys",
        "Lys på stien langs Damhusåen",
        420_000,
        "Damhusåen",
        "safety",
        "birthe.jakobsen",
        "Stien langs åen er bælgmørk fra oktober til marts. Mange går eller "
        "cykler der til arbejde og skole. Lave lamper, der ikke lyser op i "
        "naturen, vil gøre turen tryg hele året.",
    ),
    (
        "baenke",
        "Bænke på ruten til Rødovre Centrum",
        180_000,
        "Rødovre Parkvej og Tårnvej",
        "community",
        "birthe.jakobsen",
        "Mange ældre går til centret, men der er langt mellem stederne at sætte "
        "sig. Ti bænke med armlæn, så man kan hvile undervejs og måske få en "
        "snak med en nabo.",
    ),
    (
        "skater",
        "Skaterbane ved Rødovre Skøjte Arena",
        520_000,
        "Rødovre Skøjte Arena",
        "play",
        "kim.lassen",
        "De unge skater på parkeringspladser og trapper, fordi der ikke er "
        "andre steder. En lille betonbane med ramper og rails giver dem et sted, "
        "der er deres – og som de selv vil passe på.",
    ),
    (
        "faelleshave",
        "Fælleshave ved Korsagergård",
        140_000,
        "Korsagergård",
        "nature",
        "ayaan.farah",
        "Højbede, redskabsskur og vand, så beboerne kan dyrke grøntsager "
        "sammen. En have giver naboer en grund til at mødes og lærer børnene, "
        "hvor maden kommer fra.",
    ),
    (
        "fitness",
        "Udendørs fitness ved Vestvolden",
        260_000,
        "Vestvolden ved Islevbrovej",
        "play",
        "kim.lassen",
        "Seks robuste træningsredskaber ved løberuten på Vestvolden, med "
        "skilte der viser øvelserne. Gratis træning for alle aldre, hele året.",
    ),
    (
        "reparation",
        "Reparationscafé i Aktivitetshuset",
        60_000,
        "Aktivitetshuset",
        "climate",
        "natalia.wisniewska",
        "Værktøj, symaskiner og loddekolbe til en reparationscafé hver anden "
        "lørdag. Frivillige hjælper med at lappe cykler, sy og skifte "
        "ledninger, så færre ting bliver smidt ud.",
    ),
    (
        "blomstereng",
        "Blomstereng og insekthoteller i Espelunden",
        90_000,
        "Espelunden",
        "nature",
        "ayaan.farah",
        "En del af plænen i Espelunden bliver til blomstereng med hjemmehørende "
        "arter, og skolebørn bygger insekthoteller. Mere liv i parken – og "
        "mindre græsslåning.",
    ),
    (
        "cykler",
        "Cykelstativer og pumpestation ved Islev Station",
        110_000,
        "Islev Station",
        "traffic",
        "yulia.bondarenko",
        "Stativerne ved stationen er fyldt fra morgenstunden. Fyrre nye "
        "overdækkede pladser og en offentlig cykelpumpe gør det lettere at "
        "lade bilen stå.",
    ),
    (
        "musik",
        "Musikcontainer til unge ved Viften",
        180_000,
        "Viften",
        "culture",
        "kim.lassen",
        "En brugt, lydisoleret container med trommesæt, forstærkere og plads til "
        "et band. Unge kan booke den gratis og øve, uden at naboerne klager.",
    ),
    (
        "skolevej",
        "Tryg skolevej ved Hendriksholm Skole",
        380_000,
        "Hendriksholm Boulevard",
        "traffic",
        "borger",
        "Bump, hævet flade og bedre skiltning ved skolens indgang, hvor mange "
        "børn krydser vejen om morgenen. Forældrene har længe efterlyst det.",
    ),
    (
        "madpakkehus",
        "Madpakkehus i Espelunden",
        230_000,
        "Espelunden",
        "community",
        "natalia.wisniewska",
        "Et overdækket madpakkehus med borde og bålplads, som institutioner, "
        "foreninger og familier kan bruge året rundt.",
    ),
]

#: Proposals the employees rejected, with the public reason.
FINISHED_REJECTED = [
    (
        "kunstgraes",
        "Kunstgræsbane på Rødovre Stadion",
        4_800_000,
        "Rødovre Stadion",
        "play",
        "kim.lassen",
        "En ny kunstgræsbane, så klubberne kan træne hele vinteren.",
        "Prisen er over tre gange så høj som hele puljen. Kunstgræsbaner hører "
        "under kommunens anlægsbudget, hvor forslaget er sendt videre til "
        "Kultur- og Fritidsudvalget.",
    ),
    (
        "trampolin",
        "Trampoliner på pladsen foran rådhuset",
        150_000,
        "Rådhuspladsen",
        "play",
        "birthe.jakobsen",
        "Nedgravede trampoliner, så børn kan hoppe, mens forældrene handler.",
        "Pladsen bruges til markeder og beredskabskøretøjer, som skal kunne "
        "komme frem. Vi foreslår forslagsstilleren at se på Kildevældsparken "
        "i stedet.",
    ),
]

#: Who voted for what. Each group: share of the voters and the projects its
#: members pick from (each voter picks 1-3 of them).
GROUPS = [
    (0.34, ["legeplads", "skolevej", "madpakkehus", "lys"]),
    (0.22, ["baenke", "lys", "reparation", "blomstereng"]),
    (0.16, ["skater", "musik", "fitness"]),
    (0.16, ["faelleshave", "blomstereng", "reparation", "cykler"]),
    (0.12, ["cykler", "fitness", "lys", "legeplads"]),
]

#: Progress on funded projects: (days ago, status, text, photo caption or "").
UPDATES = {
    "legeplads": [
        (
            190,
            "planning",
            "Tak for de mange stemmer! Vi har holdt borgermøde i parken med 40 "
            "forældre og børn, og legepladsen bliver tegnet ud fra jeres ønsker: "
            "klatretårn, kurvegynge og en stor sandkasse.",
            "",
        ),
        (
            120,
            "in_progress",
            "Entreprenøren er gået i gang. Den gamle legeplads er fjernet, og "
            "faldunderlaget bliver lagt i denne uge.",
            "Gravemaskine og nye fundamenter i Kildevældsparken",
        ),
        (
            35,
            "done",
            "Legepladsen er åben! Over 200 kom til indvielsen, og de ældste børn "
            "fra Islev Skole klippede snoren.",
            "Børn på det nye klatretårn ved indvielsen",
        ),
    ],
    "lys": [
        (
            180,
            "planning",
            "Vi har valgt lave pullertlamper, der lyser ned på stien og ikke ud i "
            "åen, af hensyn til flagermus og fugle.",
            "",
        ),
        (
            60,
            "in_progress",
            "De første 400 meter fra Rødovrevej er tændt. Resten følger, når "
            "jorden er tør nok til at grave.",
            "Lamper langs stien ved Damhusåen i skumringen",
        ),
    ],
    "baenke": [
        (
            150,
            "in_progress",
            "Seniorrådet har gået ruten med os og peget på de ti steder, hvor "
            "der mangler et hvil. Bænkene er bestilt.",
            "",
        ),
        (
            40,
            "done",
            "Alle ti bænke står nu på ruten – med armlæn, så det er let at "
            "rejse sig igen.",
            "Ny bænk med armlæn på Tårnvej",
        ),
    ],
    "faelleshave": [
        (
            170,
            "in_progress",
            "Tolv beboere har meldt sig til havegruppen. Højbedene er bygget, og "
            "de første kartofler er i jorden.",
            "Højbede af træ ved Korsagergård",
        ),
        (
            20,
            "done",
            "Første høst er fejret med suppe til alle naboerne. Haven fortsætter "
            "næste år med havegruppen som tovholder.",
            "",
        ),
    ],
    "reparation": [
        (
            160,
            "done",
            "Reparationscaféen er åben hver anden lørdag kl. 10-13. Der er "
            "repareret 85 ting indtil nu – mest cykler og lamper.",
            "Frivillige reparerer en cykel i Aktivitetshuset",
        ),
    ],
    "blomstereng": [
        (
            140,
            "in_progress",
            "Græsset er fjernet, og 3. klasse fra Valhøj Skole har sået "
            "hjemmehørende blomster og bygget fem insekthoteller.",
            "Skolebørn sår blomsterfrø i Espelunden",
        ),
    ],
    "cykler": [
        (
            90,
            "planning",
            "Banedanmark har givet tilladelse, og stativerne er bestilt. De "
            "sættes op i løbet af foråret.",
            "",
        ),
    ],
    "skater": [
        (
            150,
            "planning",
            "De unge har selv været med til at tegne banen sammen med en "
            "skatearkitekt. Byggeriet begynder, når frosten er af jorden.",
            "",
        ),
    ],
    "fitness": [
        (
            110,
            "in_progress",
            "Fundamenterne er støbt, og redskaberne kommer i næste måned.",
            "",
        ),
    ],
    "musik": [
        (
            100,
            "planning",
            "Containeren er bestilt, og Viftens unge har lavet regler for, "
            "hvordan man booker den.",
            "",
        ),
    ],
    "skolevej": [
        (
            130,
            "in_progress",
            "Bumpene er lagt, og den hævede flade ved indgangen bliver lavet i "
            "sommerferien.",
            "",
        ),
    ],
    "madpakkehus": [
        (
            120,
            "planning",
            "Tømrerlærlinge fra erhvervsskolen bygger madpakkehuset som en del "
            "af deres uddannelse.",
            "",
        ),
    ],
}

OPEN_PROJECTS = [
    (
        "islevtorv",
        "Grønt byrum og bænke på Islev Torv",
        260_000,
        "Islev Torv",
        "community",
        "yulia.bondarenko",
        "Plantekasser med træer, bænke og et lille podie, så torvet kan bruges "
        "til loppemarked, musik og snak – ikke kun parkering.",
    ),
    (
        "hundeskov",
        "Indhegnet hundeskov ved Korsagergård",
        180_000,
        "Korsagergård",
        "nature",
        "natalia.wisniewska",
        "Et indhegnet område, hvor hunde kan løbe frit, med affaldsspande og "
        "en bænk. Et mødested for hundeejere – og færre løse hunde på "
        "legepladsen.",
    ),
    (
        "lektiecafe",
        "Lektiecafé med frivillige på Islev Bibliotek",
        90_000,
        "Islev Bibliotek",
        "community",
        "ayaan.farah",
        "Materialer, frugt og et lille honorar til koordinering af en "
        "lektiecafé to eftermiddage om ugen, hvor frivillige hjælper elever fra "
        "4. til 10. klasse.",
    ),
    (
        "padel",
        "Udendørs bordtennis og petanque ved Korsager Allé",
        120_000,
        "Korsager Allé",
        "play",
        "birthe.jakobsen",
        "To bordtennisborde i beton og en petanquebane, så unge og ældre kan "
        "spille sammen lige uden for døren.",
    ),
    (
        "cykelsti",
        "Sikker cykelpassage over Islevbrovej",
        420_000,
        "Islevbrovej",
        "traffic",
        "borger",
        "En tydelig cykelpassage med midterhelle, hvor mange skolebørn krydser "
        "på vej til Islev Skole.",
    ),
    (
        "solceller",
        "Solceller på taget af Korsagerhallen",
        350_000,
        "Korsagerhallen",
        "climate",
        "kim.lassen",
        "Solceller, der dækker en stor del af hallens strømforbrug, med en "
        "skærm i foyeren, der viser, hvor meget strøm de laver.",
    ),
    (
        "frugttraeer",
        "Frugttræer til fri afbenyttelse i Islev",
        45_000,
        "Grønningerne i Islev",
        "nature",
        "ayaan.farah",
        "Tredive æble-, pære- og blommetræer på kommunens grønne arealer, hvor "
        "alle må plukke. Naboerne passer dem sammen.",
    ),
    (
        "streetbasket",
        "Streetbasket ved Islev Skole",
        210_000,
        "Islev Skole",
        "play",
        "kim.lassen",
        "En asfalteret bane med to kurve og lys, som er åben for alle efter skoletid.",
    ),
]

OPEN_GROUPS = [
    (0.3, ["cykelsti", "streetbasket", "lektiecafe"]),
    (0.25, ["islevtorv", "padel", "frugttraeer"]),
    (0.2, ["hundeskov", "frugttraeer", "islevtorv"]),
    (0.25, ["solceller", "cykelsti", "lektiecafe", "frugttraeer"]),
]

PROPOSING_PROJECTS = [
    (
        "forsamlingshus",
        "Nyt køkken i Jystrup Forsamlingshus",
        180_000,
        "Jystrup",
        "community",
        "borger",
        "Køkkenet er fra 1978. Med et nyt kan foreningen holde fællesspisning "
        "for hele byen en gang om måneden.",
    ),
    (
        "shelter",
        "Shelterplads ved Faxe Bugt",
        95_000,
        "Feddet",
        "nature",
        "forening",
        "To shelters, bålplads og brænde, som spejdere, skoleklasser og "
        "familier kan booke gratis.",
    ),
    (
        "busskur",
        "Busskure med bænk i Karise og Roholte",
        60_000,
        "Karise og Roholte",
        "traffic",
        "borger",
        "Tre busskure med bænk og lys, så man ikke står i regnen ved landevejen.",
    ),
]
