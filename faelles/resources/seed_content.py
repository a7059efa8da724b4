"""Building blocks for scale data (``faelles seed``): themes of offers and needs.

Written for Fælles. The generator combines a theme's titles and sentences with
openers, details and closing remarks, so 200,000 listings read differently and give
the search and the matching engine a realistic vocabulary.
"""

# (categories, kinds, offers [(title, sentence)], needs [(title, sentence)])
THEMES: list[tuple[list[str], list[str], list[tuple[str, str]], list[tuple[str, str]]]]
THEMES = [
    (
        ["health.chronic.copd"],
        ["lived_experience"],
        [
            (
                "Jeg lever med KOL",
                "Jeg har haft KOL i mange år og vil gerne vise andre, at man kan leve et godt liv med en lungesygdom.",
            ),
            (
                "Gåture for lungesyge",
                "Jeg går en kort tur hver dag for lungerne og vil gerne have selskab af andre med åndenød.",
            ),
        ],
        [
            (
                "Nyopdaget KOL",
                "Jeg har lige fået at vide, at jeg har KOL, og vil gerne tale med en, der selv lever med det.",
            ),
            (
                "Svært at trække vejret",
                "Min lungesygdom gør mig bange for at gå ud. Jeg søger en ligemand.",
            ),
        ],
    ),
    (
        ["health.chronic.diabetes"],
        ["lived_experience"],
        [
            (
                "Erfaringer med diabetes",
                "Jeg har levet med diabetes i tyve år og deler gerne, hvordan jeg holder styr på blodsukkeret.",
            ),
            (
                "Sund mad og sukkersyge",
                "Vi laver mad sammen for folk med type 2-diabetes og deler opskrifter.",
            ),
        ],
        [
            (
                "Ny med sukkersyge",
                "Jeg har fået type 2-diabetes og ved ikke, hvad jeg må spise.",
            ),
            (
                "Diabetes og motion",
                "Jeg vil gerne i gang med at motionere med min diabetes, men ikke alene.",
            ),
        ],
    ),
    (
        ["health.mental.stress"],
        ["lived_experience"],
        [
            (
                "Efter stressen",
                "Jeg har selv været sygemeldt med stress og vil gerne gå ture og snakke med andre i samme situation.",
            ),
        ],
        [
            (
                "Sygemeldt med stress",
                "Jeg er sygemeldt med stress og savner en at gå en tur med, som forstår det.",
            ),
        ],
    ),
    (
        ["health.grief"],
        ["lived_experience"],
        [
            (
                "Jeg har også mistet",
                "Jeg mistede min ægtefælle for nogle år siden og vil gerne være der for en anden i sorg.",
            ),
        ],
        [
            (
                "En at tale med i sorgen",
                "Jeg har mistet min mand og savner en at tale med, der kender sorgen.",
            ),
        ],
    ),
    (
        ["youth.homework"],
        ["skill", "time"],
        [
            (
                "Lektiehjælp i matematik",
                "Jeg hjælper gerne elever med matematik, brøker og ligninger.",
            ),
            (
                "Hjælp til dansk og engelsk",
                "Jeg er god til dansk stil og engelsk grammatik og hjælper gerne med lektierne.",
            ),
            (
                "Lektiecafé-frivillig",
                "Jeg kommer gerne i en lektiecafé en eftermiddag om ugen.",
            ),
        ],
        [
            (
                "Lektiehjælp til min søn",
                "Min søn har brug for hjælp til matematik efter skole.",
            ),
            (
                "Hjælp til lektier i dansk",
                "Min datter kæmper med læsning og skrivning og har brug for en voksen, der kan hjælpe.",
            ),
        ],
    ),
    (
        ["youth.mentor"],
        ["time", "knowledge"],
        [
            (
                "Mentor for en ung",
                "Jeg vil gerne være fast voksen for en ung, der har brug for en at tale med om skole og fremtid.",
            ),
        ],
        [
            (
                "Mentor søges",
                "Vores teenager har mistet modet i skolen og har brug for en voksen uden for familien.",
            ),
        ],
    ),
    (
        ["youth.school", "culture.reading"],
        ["time"],
        [
            (
                "Skoleven og læseven",
                "Jeg læser gerne med et barn i indskolingen en gang om ugen.",
            ),
        ],
        [
            (
                "Læseven til indskolingen",
                "Vores skole søger voksne, der vil læse med børn i 1. og 2. klasse.",
            ),
        ],
    ),
    (
        ["elderly.visiting", "elderly.loneliness"],
        ["time"],
        [
            (
                "Besøgsven med god tid",
                "Jeg vil gerne være besøgsven for en ældre og drikke kaffe, spille kort eller gå en tur.",
            ),
            (
                "Hyggesnak og kaffe",
                "Pensionist med tid til overs kommer gerne på besøg hos en, der sidder meget alene.",
            ),
        ],
        [
            (
                "Besøgsven til min far",
                "Min far er blevet enkemand og sidder alene det meste af ugen.",
            ),
            (
                "Selskab søges",
                "Jeg er 84 og kommer ikke så meget ud længere. Jeg savner nogen at snakke med.",
            ),
        ],
    ),
    (
        ["elderly.practical", "local.transport"],
        ["time"],
        [
            (
                "Indkøb og kørsel",
                "Jeg har bil og handler gerne ind eller kører til lægen for en nabo.",
            ),
        ],
        [
            (
                "Hjælp til indkøb",
                "Efter min operation kan jeg ikke bære tunge varer hjem.",
            ),
            (
                "Kørsel til genoptræning",
                "Jeg skal til genoptræning to gange om ugen og har ikke bil.",
            ),
        ],
    ),
    (
        ["digital.it_help", "elderly.digital", "digital.mitid"],
        ["skill"],
        [
            (
                "IT-hjælp til ældre",
                "Jeg hjælper gerne med MitID, digital post, telefonen og computeren.",
            ),
            (
                "Hjælp til tablet og mobil",
                "Jeg viser gerne, hvordan man ringer med video og sender billeder.",
            ),
        ],
        [
            ("MitID driller", "Jeg kan ikke få MitID til at virke på min nye telefon."),
            (
                "Lær mig at bruge iPad",
                "Jeg har fået en iPad og vil gerne lære at bruge den.",
            ),
        ],
    ),
    (
        ["integration.danish"],
        ["time"],
        [
            ("Sprogven", "Vi øver dansk over en kop kaffe – du bestemmer emnet."),
            (
                "Samtaletræning på dansk",
                "Pensioneret dansklærer tilbyder samtaletræning for nye i Danmark.",
            ),
        ],
        [
            (
                "Øve at tale dansk",
                "Jeg går på sprogskole og vil gerne øve at tale dansk med nogen.",
            ),
            (
                "Sprogpartner søges",
                "Jeg forstår dansk, men tør ikke tale. Jeg søger en sprogpartner.",
            ),
        ],
    ),
    (
        ["integration.paperwork", "integration.guide"],
        ["knowledge"],
        [
            (
                "Hjælp med breve fra kommunen",
                "Jeg forklarer gerne breve fra det offentlige og hjælper med at udfylde skemaer.",
            ),
            (
                "Bydelsmor",
                "Som bydelsmor hjælper jeg andre mødre med skolen, sundhedsplejen og systemet.",
            ),
        ],
        [
            (
                "Forstår ikke brevene",
                "Jeg får breve fra kommunen, som jeg ikke forstår. Kan nogen hjælpe?",
            ),
        ],
    ),
    (
        ["families.parents", "families.single"],
        ["time"],
        [
            (
                "Netværksfamilie",
                "Vi vil gerne være netværksfamilie for en familie, der står alene.",
            ),
            (
                "Reservebedsteforælder",
                "Jeg vil gerne være reservebedstemor for en børnefamilie.",
            ),
        ],
        [
            (
                "Andre forældre at mødes med",
                "Vi er nye i byen og vil gerne møde andre børnefamilier.",
            ),
            (
                "Aflastning for enlig mor",
                "Jeg er alene med tre børn og har brug for en hånd en gang imellem.",
            ),
        ],
    ),
    (
        ["local.safety"],
        ["time"],
        [
            ("Natteravn", "Jeg går gerne natteravn en fredag aften om måneden."),
        ],
        [
            ("Natteravne søges", "Vi søger voksne, der vil gå natteravn i weekenden."),
        ],
    ),
    (
        ["local.rooms"],
        ["place"],
        [
            (
                "Lokale til udlån",
                "Vores mødelokale kan lånes gratis af foreninger om aftenen.",
            ),
            (
                "Sal til fester og møder",
                "Forsamlingshuset udlåner salen til lokale arrangementer.",
            ),
        ],
        [
            (
                "Lokale søges",
                "Vores klub mangler et lokale at mødes i en aften om ugen.",
            ),
            (
                "Sted til forældregruppe",
                "Vi søger et mødested til en ny forældregruppe.",
            ),
        ],
    ),
    (
        ["local.repair"],
        ["skill", "equipment"],
        [
            ("Reparationer", "Pensioneret håndværker hjælper med småreparationer."),
            (
                "Lån af værktøj",
                "Jeg låner gerne boremaskine, stige og trailer ud til naboer.",
            ),
            ("Cykelværksted", "Vi fikser cykler sammen i kælderen."),
        ],
        [
            (
                "Min cykel er i stykker",
                "Jeg har ikke råd til en cykelsmed og kan ikke selv lappe.",
            ),
            (
                "Låne en boremaskine",
                "Jeg skal hænge hylder op og har ingen boremaskine.",
            ),
        ],
    ),
    (
        ["nature.green"],
        ["skill", "place"],
        [
            ("Havehjælp", "Haveglad pensionist hjælper med lugning og hækklipning."),
            ("Plads i højbedet", "Jeg deler gerne mine højbede med naboer."),
        ],
        [
            ("Hjælp til haven", "Jeg kan ikke længere klippe hæk og slå græs selv."),
            ("Fælleshave", "Vi vil gerne starte en fælleshave i boligforeningen."),
        ],
    ),
    (
        ["nature.cleanup", "nature.climate"],
        ["time", "equipment"],
        [
            ("Affaldsindsamling", "Jeg samler gerne affald på stranden med andre."),
        ],
        [
            (
                "Hænder til affaldsindsamling",
                "Vi samler affald i parken og søger flere hænder og sække.",
            ),
        ],
    ),
    (
        ["culture.food"],
        ["skill", "time"],
        [
            ("Mad til fællesspisning", "Jeg laver gerne mad til mange."),
            ("Bagning med børn", "Jeg bager gerne boller og kager med børn."),
        ],
        [
            (
                "Hjælp i køkkenet",
                "Vores fællesspisning søger frivillige til madlavning og opvask.",
            ),
            ("Lære at lave mad", "Min søn er flyttet hjemmefra og kan ikke lave mad."),
        ],
    ),
    (
        ["culture.music"],
        ["skill"],
        [
            ("Fællessang", "Jeg spiller klaver og akkompagnerer gerne fællessang."),
            ("Guitarundervisning", "Jeg lærer gerne børn og unge at spille guitar."),
        ],
        [
            (
                "Musik på plejehjemmet",
                "Vi søger en, der vil spille og synge med beboerne.",
            ),
            ("Lære at spille", "Min datter vil gerne lære at spille guitar."),
        ],
    ),
    (
        ["culture.crafts"],
        ["skill"],
        [
            ("Strik og hækling", "Jeg lærer gerne begyndere at strikke og hækle."),
            ("Syning og lapning", "Jeg har symaskine og lærer gerne andre at sy."),
        ],
        [
            ("Lære at strikke", "Jeg vil gerne lære at strikke sammen med andre."),
            ("Hjælp til at sy", "Jeg skal lægge bukser op og har ingen symaskine."),
        ],
    ),
    (
        ["sport.walking"],
        ["time"],
        [
            (
                "Gåtur om morgenen",
                "Jeg går en time hver morgen og vil gerne have følgeskab.",
            ),
            (
                "Gåhold for seniorer",
                "Vores gåhold går i roligt tempo to gange om ugen.",
            ),
        ],
        [
            ("Nogen at gå med", "Jeg vil gerne gå ture, men ikke alene."),
        ],
    ),
    (
        ["sport.exercise"],
        ["skill", "time"],
        [
            (
                "Motion for begyndere",
                "Jeg hjælper gerne begyndere i gang med at træne.",
            ),
            ("Styrke og balance", "Fysioterapeut viser øvelser for balance og styrke."),
        ],
        [
            (
                "Komme i gang med motion",
                "Jeg vil gerne i gang med at motionere, men mangler en makker.",
            ),
        ],
    ),
    (
        ["sport.football", "youth.leisure"],
        ["skill", "time"],
        [
            ("Fodboldtræner", "Jeg træner gerne et børnehold en gang om ugen."),
        ],
        [
            (
                "Trænere til børnehold",
                "Vores fodboldklub mangler voksne til børneholdene.",
            ),
        ],
    ),
    (
        ["employment.jobsearch", "employment.network"],
        ["knowledge", "skill"],
        [
            (
                "Hjælp til CV og ansøgning",
                "Jeg hjælper med CV, ansøgninger og forberedelse til jobsamtaler.",
            ),
            (
                "Netværk i erhvervslivet",
                "Jeg introducerer gerne til mit netværk, hvis du søger praktik.",
            ),
        ],
        [
            (
                "Hjælp til jobsøgning",
                "Jeg har været ledig længe og har brug for hjælp med ansøgninger.",
            ),
        ],
    ),
    (
        ["local.neighbours", "culture.events"],
        ["time", "skill"],
        [
            (
                "Gadefest og loppemarked",
                "Jeg hjælper gerne med at planlægge arrangementer i kvarteret.",
            ),
        ],
        [
            (
                "Hjælp til gadefest",
                "Vi holder gadefest og mangler borde, telt og hænder.",
            ),
        ],
    ),
    (
        ["nature.animals"],
        ["time"],
        [
            ("Hundelufter", "Jeg lufter gerne hunde for naboer, der ikke selv kan."),
        ],
        [
            (
                "Hjælp til at lufte hunden",
                "Jeg har brækket benet og kan ikke gå tur med min hund.",
            ),
        ],
    ),
]

OPENERS = [
    "",
    "Hej! ",
    "Jeg bor i området. ",
    "Kort fortalt: ",
    "Vi er en lille gruppe. ",
    "Jeg er nyligt gået på pension. ",
    "Jeg arbejder på deltid. ",
]
DETAILS = [
    "Det passer bedst om eftermiddagen.",
    "Gerne i weekenden.",
    "Vi kan mødes hos mig eller ude.",
    "Jeg har bil og kan komme til dig.",
    "Det må gerne blive til en fast aftale.",
    "En enkelt gang er også fint.",
    "Jeg taler også engelsk.",
    "Det er gratis.",
    "Ring eller skriv gerne.",
    "Jeg er tålmodig og rolig.",
    "Jeg har erfaring fra foreningslivet.",
]
