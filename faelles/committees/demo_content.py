"""Demo content: Skanderborg's four task committees on its development strategy.

Plain data. The committees, people, meetings and recommendations are invented;
the towns and the way § 17, stk. 4 committees work are real. ``days`` are
counted back from the day the demo is loaded.
"""

from typing import Any

AREAS = [
    "Skanderborg by",
    "Ry",
    "Hørning",
    "Galten og Skovby",
    "Stilling, Virring og landsbyerne",
]

#: Politicians who chair the committees (Jens Agerbæk is in the foundation).
POLITICIANS = [
    {
        "key": "lene",
        "display_name": "Lene Bach",
        "party": "Venstre",
        "postcode": "8680",
    },
    {
        "key": "morten",
        "display_name": "Morten Skou",
        "party": "Socialdemokratiet",
        "postcode": "8660",
    },
    {
        "key": "anne",
        "display_name": "Anne Kirstine Holm",
        "party": "Det Konservative Folkeparti",
        "postcode": "8464",
    },
]

FIRST_NAMES = [
    "Freja",
    "Oliver",
    "Ida",
    "Noah",
    "Emma",
    "William",
    "Clara",
    "Lucas",
    "Alma",
    "Malthe",
    "Sofie",
    "Emil",
    "Laura",
    "Magnus",
    "Ella",
    "Victor",
    "Karen",
    "Henrik",
    "Birgit",
    "Jørgen",
    "Mette",
    "Lars",
    "Hanne",
    "Søren",
    "Maja",
    "Frederik",
    "Anna",
    "Mikkel",
    "Asta",
    "Jonas",
]
LAST_NAMES = [
    "Nielsen",
    "Sørensen",
    "Kristensen",
    "Mikkelsen",
    "Østergaard",
    "Lund",
    "Bech",
    "Dalgaard",
    "Hvid",
    "Kjær",
    "Vestergaard",
    "Bruun",
    "Toft",
    "Winther",
    "Holst",
]
MOTIVATIONS = [
    "Jeg er 17 og savner steder, hvor man kan være sammen uden at skulle "
    "præstere. Jeg vil gerne være med til at finde på dem.",
    "Jeg er træner i en håndboldklub og ser, hvor mange der falder fra, når de "
    "bliver 14-15 år. Det vil jeg gerne gøre noget ved.",
    "Jeg er mor til to teenagere og vil gerne høre, hvad de unge selv siger – "
    "og hjælpe med at få det til at ske.",
    "Jeg flyttede til Ry for to år siden og kendte ingen. Jeg ved, hvor svært "
    "det kan være at komme ind i et fællesskab.",
    "Jeg studerer i Aarhus, men bor hjemme i Hørning. Der mangler noget for os "
    "mellem ungdomsklubben og byen.",
    "Jeg har været frivillig i Frivillighuset i mange år og kender mange "
    "foreninger, der gerne vil have flere unge med.",
    "Jeg er pensioneret lærer og har set mange unge, der har brug for en voksen, "
    "der tror på dem. Det vil jeg gerne bidrage med.",
    "Jeg spiller musik og drømmer om et øvelokale, hvor unge kan mødes på tværs "
    "af skoler.",
]

COMMITTEES: list[dict[str, Any]] = [
    {
        "key": "unge",
        "chair": "politiker",
        "title": "Opgaveudvalget for unges fællesskaber",
        "theme": "boerne-og-ungeliv",  # Skanderborg's strategy (demo/content/themes.py)
        "focus_area": "unges-trivsel",
        "summary": (
            "Hvordan får flere unge mellem 13 og 25 år et fællesskab, de føler "
            "sig hjemme i – i foreningerne, i byen og på nettet?"
        ),
        "mandate": (
            "Byrådet har i udviklingsstrategien sat som mål, at ingen unge i "
            "Skanderborg Kommune skal stå uden for et fællesskab. Udvalget skal "
            "undersøge, hvad der holder unge ude, og hvad der får dem med, og "
            "komme med konkrete anbefalinger til byrådet.\n\n"
            "Udvalget kan foreslå prøvehandlinger og ændringer i kommunens egne "
            "tilbud. Anbefalinger, der koster penge, skal have et overslag, så "
            "byrådet kan tage stilling ved budgetforhandlingerne. Udvalget "
            "træffer ikke selv beslutninger og har ikke et eget budget."
        ),
        "questions": (
            "Hvad holder unge ude af fællesskaberne, og hvad får dem med?\n"
            "Hvordan kan foreninger, skoler og ungdomsklubber arbejde sammen om "
            "de unge, der falder fra?\n"
            "Hvilke steder mangler de unge at mødes, og hvem kan drive dem?"
        ),
        "selection_method": "lot",
        "call_text": (
            "Vi søger otte borgere, der vil bruge en aften om måneden i et år på "
            "at give de unge bedre fællesskaber. Du behøver ikke at have erfaring "
            "med politik – vi søger især unge selv. Pladserne trækkes ved "
            "lodtrækning, så udvalget kommer til at ligne dem, der har søgt, i "
            "alder, køn og område."
        ),
        "strata": ["age_band", "gender", "area"],
        "seats": 8,
        "applicants": 40,
        "seed": 20250314,
        "days": {"created": 420, "call": 400, "closes": 370, "work": 360},
        "period": (365, -30),
        "phase": "follow_up",
        "secretariat": "medarbejder",
        "organisations": [("forening", "association")],
        "meetings": [
            (
                350,
                "Første møde: kommissoriet og hinanden",
                "Frivillighuset i Ry",
                "1. Velkomst ved formanden\n2. Hvem er vi? Runde\n"
                "3. Kommissoriet og spørgsmålene\n4. Sådan arbejder vi: "
                "mødeplan og dialog med de unge",
                "Alle 14 medlemmer var til stede. Efter en runde, hvor alle "
                "fortalte om deres første fællesskab, gennemgik sekretariatet "
                "kommissoriet. Udvalget besluttede at holde to af de næste "
                "møder ude hos de unge: i en ungdomsklub og på gymnasiet. "
                "Medlemmerne deler sig i tre grupper efter de tre spørgsmål.",
            ),
            (
                300,
                "Møde i Ungdomsklubben i Hørning",
                "Ungdomsklubben, Hørning",
                "1. De unge fortæller: hvad gør, at man bliver?\n2. Oplæg fra "
                "Hørning Gang- og Løbeklub om unge trænere\n3. Gruppernes "
                "første fund",
                "Tolv unge fra klubben deltog i første halvdel. De pegede på "
                "tre ting: at man kender én, før man kommer; at der er voksne, "
                "der husker ens navn; og at det ikke koster meget. Udvalget "
                "noterede, at mange er stoppet i foreningerne ved overgangen "
                "til ungdomsuddannelse.",
            ),
            (
                240,
                "Møde om steder at være",
                "Kulturhuset, Skanderborg",
                "1. Kortlægning af steder unge bruger\n2. Erfaringer fra "
                "Galten med natåbent bibliotek\n3. Udkast til anbefalinger",
                "Udvalget drøftede kortlægningen. Der er få steder, hvor unge "
                "kan være uden at købe noget eller være medlem. Erfaringerne "
                "fra Galten er gode. Udvalget bad sekretariatet regne på fire "
                "udkast til anbefalinger.",
            ),
            (
                190,
                "Afsluttende møde: anbefalingerne",
                "Rådhuset, Skanderborg",
                "1. Gennemgang af de fire anbefalinger\n2. Overslag over "
                "udgifter\n3. Aflevering til byrådet",
                "Udvalget vedtog fire anbefalinger enstemmigt. De afleveres "
                "samlet til byrådet med sekretariatets overslag.",
            ),
        ],
        "recommendations": [
            {
                "title": "Ung-til-ung-værter i alle foreninger for 13-18-årige",
                "rationale": (
                    "De unge fortalte, at det afgørende er at kende én, før man "
                    "kommer. Foreninger, der har unge værter, der tager imod nye, "
                    "mister færre. Vi anbefaler en pulje, der betaler kursus og "
                    "en lille godtgørelse til unge værter."
                ),
                "cost": 350_000,
                "decision": "adopted",
                "reason": "",
                "actions": [
                    {
                        "title": "Kursus for unge værter i foreningerne",
                        "owner": "kultur-og-faellesskab",
                        "responsible": "politiker",
                        "start": 100,
                        "due": -120,
                        "status": "in_progress",
                        "progress": 60,
                        "update": (
                            "24 unge fra 11 foreninger har taget kurset. Næste "
                            "hold starter efter sommerferien."
                        ),
                        "milestones": [
                            ("Første kursushold", 60, 62),
                            ("Evaluering med foreningerne", -30, None),
                        ],
                        "initiative": True,
                    }
                ],
            },
            {
                "title": "Gratis øvelokaler og mødesteder for unge om aftenen",
                # Serves another theme of the strategy than the committee's.
                "theme": "kultur-og-fritid",
                "rationale": (
                    "Der er få steder, hvor unge kan være uden at købe noget. "
                    "Erfaringerne fra Galten viser, at et bibliotek med "
                    "ungeaftener bliver brugt. Vi anbefaler at åbne tre "
                    "kommunale lokaler for unge to aftener om ugen."
                ),
                "cost": 600_000,
                "decision": "adopted_in_part",
                "reason": (
                    "Byrådet vedtog at åbne to lokaler – i Ry og Hørning – som "
                    "en prøvehandling i et år. Det tredje lokale afventer "
                    "evalueringen."
                ),
                "actions": [
                    {
                        "title": "Ungeaftener på biblioteket i Ry og i Hørning Hallen",
                        "owner": "kultur-og-faellesskab",
                        "responsible": None,
                        "start": 90,
                        "due": 20,
                        "status": "in_progress",
                        "progress": 40,
                        "update": (
                            "Ry er åbnet med 30-40 unge hver tirsdag. Hørning er "
                            "forsinket, fordi hallens lokale skal ombygges."
                        ),
                        "milestones": [
                            ("Åbning i Ry", 70, 68),
                            ("Åbning i Hørning", 25, None),
                        ],
                    }
                ],
            },
            {
                "title": "Fast kontaktperson for unge, der stopper i en forening",
                "rationale": (
                    "Mange stopper ved overgangen til ungdomsuddannelse. Vi "
                    "anbefaler, at UU-vejlederne får til opgave at spørge til "
                    "fritidslivet og bygge bro til en ny forening."
                ),
                "cost": 0,
                "decision": "adopted",
                "reason": "",
                "actions": [
                    {
                        "title": "Fritidsliv som fast punkt i vejledningssamtalen",
                        "owner": "boern-og-unge",
                        "responsible": None,
                        "start": 100,
                        "due": -60,
                        "status": "done",
                        "progress": 100,
                        "update": (
                            "Vejledningssamtalen har fået et fast punkt om "
                            "fritid, og vejlederne har fået en liste over "
                            "foreninger med unge værter."
                        ),
                        "milestones": [],
                    }
                ],
            },
            {
                "title": "Et ungeråd med egen pulje på 500.000 kr.",
                "rationale": (
                    "Unge skal selv kunne sætte ting i gang. Vi anbefaler et "
                    "ungeråd, der fordeler en pulje til unges egne idéer."
                ),
                "cost": 500_000,
                "decision": "rejected",
                "reason": (
                    "Byrådet ønsker ikke et nyt råd ved siden af det "
                    "eksisterende ungdomsråd, men har bedt ungdomsrådet "
                    "indarbejde idéen om en pulje i sit budgetønske."
                ),
                "actions": [],
            },
        ],
        "decided": 140,
        "follow_up": 130,
    },
    {
        "key": "klima",
        "chair": "lene",
        "title": "Opgaveudvalget for grøn omstilling i lokalsamfundene",
        "theme": "natur-klima",
        "focus_area": "groen-omstilling",
        "summary": (
            "Hvordan kan landsbyer, foreninger og virksomheder selv drive den "
            "grønne omstilling – med kommunen som medspiller?"
        ),
        "mandate": (
            "Udvalget skal komme med anbefalinger til, hvordan lokalsamfundene "
            "kan tage ejerskab for den grønne omstilling: energifællesskaber, "
            "deleordninger og natur tæt på, hvor folk bor. Anbefalingerne skal "
            "kunne indgå i kommunens klimaplan."
        ),
        "questions": (
            "Hvad skal der til, for at et lokalsamfund kan starte et "
            "energifællesskab?\n"
            "Hvordan kan kommunen gøre det lettere at dele biler, værktøj og "
            "maskiner?"
        ),
        "selection_method": "council",
        "call_text": (
            "Byrådet udpeger fire borgere og to virksomheder blandt ansøgerne. "
            "Vi lægger vægt på erfaring fra lokalråd, foreninger og grønne "
            "virksomheder."
        ),
        "strata": ["area"],
        "seats": 6,
        "applicants": 9,
        "days": {"created": 300, "call": 290, "closes": 260, "work": 250},
        "period": (250, 60),
        "phase": "recommendation",
        "secretariat": "admin",
        "organisations": [("virksomhed", "business")],
        "meetings": [
            (
                230,
                "Første møde",
                "Rådhuset, Skanderborg",
                "1. Velkomst\n2. Kommissoriet\n3. Besøg fra Energifællesskabet i "
                "Gammel Rye",
                "Udvalget hørte om erfaringerne fra Gammel Rye, hvor 60 "
                "husstande har etableret et solcellefællesskab. Den største "
                "hindring var at finde ud af reglerne.",
            ),
            (
                150,
                "Møde om deleordninger",
                "Stilling Tømrer og Snedker",
                "1. Deleordninger i praksis\n2. Udkast til anbefalinger",
                "Stilling Tømrer og Snedker viste, hvordan de låner maskiner ud "
                "til foreninger. Udvalget enedes om tre anbefalinger.",
            ),
        ],
        "recommendations": [
            {
                "title": "En energirådgiver, der hjælper lokalsamfund i gang",
                "rationale": (
                    "Det sværeste er reglerne. En rådgiver i kommunen kan spare "
                    "hvert lokalsamfund for måneders arbejde."
                ),
                "cost": 650_000,
            },
            {
                "title": "Kommunens maskiner og trailere til udlån i weekenden",
                "rationale": (
                    "Kommunen har maskiner, der står stille i weekenden. De kan "
                    "lånes ud til foreninger og lokalråd via en bookingkalender."
                ),
                "cost": 80_000,
            },
            {
                "title": "Lommeparker på kommunens restarealer",
                "rationale": (
                    "Små grønne arealer tæt på boligerne kan passes af "
                    "naboerne selv, hvis kommunen stiller jord og planter til "
                    "rådighed."
                ),
                "cost": 200_000,
            },
        ],
        "handed_over": 20,
    },
    {
        "key": "landsby",
        "chair": "morten",
        "title": "Opgaveudvalget for levende landsbyer",
        "theme": "byer-og-landsbyer",
        "focus_area": None,
        "summary": (
            "Hvad skal der til, for at landsbyerne fortsat er gode at bo i for "
            "både børnefamilier og ældre?"
        ),
        "mandate": (
            "Udvalget skal se på mødesteder, dagligvarer, transport og "
            "foreningsliv i landsbyerne og pege på, hvad lokalsamfundene selv "
            "kan løfte, og hvor kommunen skal bakke op."
        ),
        "questions": (
            "Hvilke mødesteder har landsbyerne brug for, og hvem driver dem?\n"
            "Hvordan kommer man rundt uden bil?"
        ),
        "selection_method": "council",
        "call_text": (
            "Byrådet udpeger seks borgere fra landsbyerne og en repræsentant "
            "for lokalrådene."
        ),
        "strata": ["area"],
        "seats": 6,
        "applicants": 7,
        "days": {"created": 120, "call": 110, "closes": 80, "work": 75},
        "period": (75, -200),
        "phase": "work",
        "secretariat": "medarbejder",
        "organisations": [],
        "meetings": [
            (
                60,
                "Første møde: rundtur i landsbyerne",
                "Landsbycaféen i Gammel Rye",
                "1. Velkomst\n2. Rundtur med bus til Virring, Fruering og "
                "Gammel Rye\n3. Hvad så vi?",
                "Udvalget besøgte tre landsbyer. Fælles for dem er, at "
                "mødestederne drives af få ildsjæle, der er ved at blive "
                "trætte. Udvalget vil se på, hvordan flere kan dele opgaven.",
            ),
            (
                -14,
                "Møde om transport uden bil",
                "Rådhuset, Skanderborg",
                "1. Oplæg om flextrafik og samkørsel\n2. Drøftelse\n3. Næste skridt",
                "",
            ),
        ],
        "recommendations": [
            {
                "title": "Landsbypedeller, der deler ildsjælenes opgaver",
                "rationale": (
                    "Mødestederne hviler på få frivillige. En lønnet "
                    "landsbypedel på deltid kan tage de tunge opgaver."
                ),
                "cost": 420_000,
            }
        ],
    },
    {
        "key": "sundhed",
        "chair": "anne",
        "title": "Opgaveudvalget for et aktivt seniorliv",
        "theme": "det-gode-aeldreliv",
        "focus_area": None,
        "summary": (
            "Hvordan bliver flere seniorer ved med at være aktive og en del af "
            "et fællesskab – også når helbredet svigter?"
        ),
        "mandate": (
            "Udvalget skal komme med anbefalinger til, hvordan kommunen, "
            "foreningerne og de ældre selv kan forebygge ensomhed og inaktivitet "
            "blandt seniorer over 65 år."
        ),
        "questions": (
            "Hvad får seniorer til at blive ved med at komme i foreningerne?\n"
            "Hvordan når vi dem, der ikke kommer nogen steder?"
        ),
        "selection_method": "lot",
        "call_text": (
            "Vi søger seks borgere over 60 år og pårørende, der vil være med i "
            "et halvt år. Pladserne trækkes ved lodtrækning."
        ),
        "strata": ["age_band", "area"],
        "seats": 6,
        "applicants": 4,
        "days": {"created": 20, "call": 10, "closes": -21},
        "period": (-30, -210),
        "phase": "call",
        "secretariat": None,
        "organisations": [],
        "meetings": [],
        "recommendations": [],
    },
]
