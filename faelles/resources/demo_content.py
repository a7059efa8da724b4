"""Hand-written demo offers and needs for the five demo municipalities.

Written for Fælles (not taken from anywhere, and not used by the matching evaluation
set). People are named by the part of their demo e-mail before the @, and
organisations by slug (see ``faelles/demo/content/foundation.py``).

A listing:

    key        local name, used by COLLABORATIONS below
    side       "offer" or "need"
    who        the person who posts it (and holds it)
    org        optional: posted on behalf of this organisation (``who`` is a member)
    behalf     optional: (employee, consent given by, method) — an employee posts it
               for ``who``, with the citizen's consent on record
    kind, cats, title, text
    postcode   default: the organisation's or the person's postcode
    radius, modes, slots, commitment, capacity, langs, min_age
    cert       a need that requires a verified børneattest
    vis        visibility (default "public"; special-category data is never public)
    days       how many days ago it was posted

A collaboration (``COLLABORATIONS``): how the match came about —

    "respond"  the offer's holder answered the need ("Jeg kan hjælpe")
    "ask"      the need's holder asked the offer's holder
    "staff"    an employee (``by``) suggested it to both
    "suggest"  a citizen (``by``) suggested it; it waits in the facilitation queue
               (or, when ``state`` is later, ``confirm_by`` confirmed it)

— and how far it got: "proposed" (waiting for the other side), "suggested",
"agreed", "ongoing" or "finished", with messages, hours and feedback.
"""

EVE = ["mon-evening", "tue-evening", "wed-evening", "thu-evening"]
WEEKEND = [
    "sat-morning",
    "sat-afternoon",
    "sun-morning",
    "sun-afternoon",
]

LISTINGS: dict[str, list[dict]] = {
    "kerteminde": [
        {
            "key": "kol",
            "side": "offer",
            "who": "mette.larsen",
            "kind": "lived_experience",
            "cats": ["health.chronic.copd"],
            "title": "Jeg lever med KOL og lærer gerne andre at gøre det samme",
            "text": (
                "Jeg fik KOL for ni år siden og troede, at livet var slut. Det var "
                "det ikke. Jeg kan vise, hvordan man går i sit eget tempo, bruger "
                "vejrtrækningen og alligevel kommer med på seniorvandrernes ture. "
                "Vi kan mødes til en kop kaffe i Munkebo eller snakke i telefonen."
            ),
            "modes": ["in_person", "phone"],
            "slots": ["mon-morning", "tue-morning", "thu-morning"],
            "commitment": "long_term_1to1",
            "vis": "members",
            "days": 40,
        },
        {
            "key": "regnskab",
            "side": "offer",
            "who": "mette.larsen",
            "kind": "skill",
            "cats": [],
            "title": "Hjælp til foreningens regnskab og årsopgørelse",
            "text": (
                "Jeg har været bogholder i 40 år og hjælper gerne små foreninger med "
                "kassebog, bilag og regnskab til generalforsamlingen."
            ),
            "modes": ["in_person", "online"],
            "commitment": "one_off",
            "days": 12,
        },
        {
            "key": "tolk",
            "side": "offer",
            "who": "ahmad.rahimi",
            "kind": "knowledge",
            "cats": ["integration.guide", "integration.paperwork"],
            "title": "Tolk på persisk og hjælp til at falde til i Kerteminde",
            "text": (
                "Jeg kom selv hertil for seks år siden. Jeg tolker gerne på persisk "
                "og dari ved forældremøder og hos lægen, og jeg forklarer gerne "
                "breve fra kommunen og hvordan tingene fungerer her."
            ),
            "langs": ["fa", "da", "en"],
            "modes": ["in_person", "phone"],
            "slots": EVE,
            "days": 25,
        },
        {
            "key": "kajak",
            "side": "offer",
            "who": "forening",
            "org": "hindsholm-havkajak",
            "kind": "equipment",
            "cats": ["sport", "nature"],
            "title": "Lån en havkajak og sikkerhedsudstyr – prøv det med os",
            "text": (
                "Klubben låner kajakker, veste og våddragter ud til nye. Kom til "
                "introaften tirsdag, så padler vi en tur langs stranden sammen."
            ),
            "slots": ["tue-evening"],
            "commitment": "group",
            "capacity": 8,
            "min_age": 14,
            "days": 8,
        },
        {
            "key": "baglokale",
            "side": "offer",
            "who": "virksomhed",
            "org": "nordstrandens-bageri",
            "kind": "place",
            "cats": ["local.rooms", "culture.food"],
            "title": "Baglokale til små møder – og dagens overskudsbrød",
            "text": (
                "Vores baglokale har plads til 12 ved et langt bord. Foreninger og "
                "grupper må låne det efter lukketid, og vi giver gerne dagens "
                "overskud af brød til fællesspisning."
            ),
            "slots": ["mon-evening", "wed-evening", "thu-evening"],
            "days": 30,
        },
        {
            "key": "lokaler",
            "side": "offer",
            "who": "ahmad.rahimi",
            "org": "frivillighuset-ved-fjorden",
            "kind": "place",
            "cats": ["local.rooms"],
            "title": "Mødelokaler i Frivillighuset kan lånes gratis",
            "text": (
                "To mødelokaler med kaffemaskine og projektor. Foreninger og "
                "borgergrupper i kommunen kan booke dem hverdage og aftener."
            ),
            "days": 60,
        },
        {
            "key": "spisning",
            "side": "offer",
            "who": "borger",
            "kind": "time",
            "cats": ["culture.food"],
            "title": "Jeg laver gerne mad til fællesspisning i weekenden",
            "text": (
                "Jeg er sygeplejerske og har skiftende vagter, men en weekend om "
                "måneden vil jeg gerne stå i køkkenet og lave mad til mange."
            ),
            "slots": WEEKEND,
            "commitment": "recurring",
            "days": 20,
        },
        {
            "key": "lektier-anne",
            "side": "offer",
            "who": "borger",
            "kind": "skill",
            "cats": ["youth.homework"],
            "title": "Lektiehjælp i naturfag og matematik",
            "text": (
                "Jeg hjælper gerne en elev i udskolingen med biologi, fysik og "
                "matematik – gerne søndag eftermiddag."
            ),
            "slots": ["sun-afternoon"],
            "commitment": "recurring",
            "days": 6,
        },
        {
            "key": "skoleven",
            "side": "offer",
            "who": "moderator",
            "kind": "time",
            "cats": ["youth.school", "culture.reading"],
            "title": "Skoleven: jeg læser med børn i indskolingen",
            "text": (
                "Pensioneret lærer med god tid. Jeg vil gerne være læseven for et "
                "barn i 1.–3. klasse, der har brug for en voksen, der lytter."
            ),
            "slots": ["tue-afternoon", "wed-afternoon"],
            "commitment": "long_term_1to1",
            "days": 35,
        },
        {
            "key": "sprogkaffe",
            "side": "offer",
            "who": "moderator",
            "kind": "time",
            "cats": ["integration.danish"],
            "title": "Dansk over en kop kaffe",
            "text": (
                "Vil du øve dig i at tale dansk? Vi mødes på caféen og snakker om "
                "alt muligt. Jeg retter kun, hvis du beder om det."
            ),
            "slots": ["mon-morning", "thu-morning"],
            "days": 50,
        },
        {
            "key": "sang",
            "side": "offer",
            "who": "karen.thomsen",
            "kind": "skill",
            "cats": ["culture.music", "elderly.nursing_home"],
            "title": "Fællessang med beboere på plejecentret",
            "text": (
                "Jeg spiller lidt klaver og synger gerne de gamle sange med beboerne "
                "en eftermiddag om ugen."
            ),
            "slots": ["wed-afternoon"],
            "days": 15,
        },
        {
            "key": "vandrere",
            "side": "offer",
            "who": "mette.larsen",
            "org": "munkebo-seniorvandrere",
            "kind": "time",
            "cats": ["sport.walking", "elderly.loneliness"],
            "title": "Gå med seniorvandrerne om onsdagen – også med rollator",
            "text": (
                "Vi går 5–8 km hver onsdag formiddag og har en kortere rute for dem, "
                "der går langsomt. Kaffen bagefter er det bedste."
            ),
            "slots": ["wed-morning"],
            "commitment": "group",
            "capacity": 25,
            "days": 45,
        },
        {
            "key": "natteravn-birgitte",
            "side": "offer",
            "who": "politiker",
            "kind": "time",
            "cats": ["local.safety"],
            "title": "Jeg går gerne natteravn en fredag om måneden",
            "text": (
                "Jeg vil gerne være en voksen på gaden, når de unge er ude. En "
                "fredag aften om måneden passer mig fint."
            ),
            "slots": ["fri-evening"],
            "radius": 20,
            "days": 9,
        },
        {
            "key": "sprogpartner",
            "side": "need",
            "who": "oksana.kovalenko",
            "kind": "time",
            "cats": ["integration.danish"],
            "title": "Nogen at øve dansk med – jeg er på sprogskole",
            "text": (
                "Jeg går på sprogskole, men mangler nogen at tale med i hverdagen. "
                "Gerne om formiddagen, når min datter er i skole."
            ),
            "langs": ["uk", "en", "da"],
            "slots": ["mon-morning", "wed-morning", "thu-morning"],
            "days": 70,
        },
        {
            "key": "gaature-strandlyst",
            "side": "need",
            "who": "karen.thomsen",
            "org": "plejecentret-strandlyst",
            "kind": "time",
            "cats": ["elderly.nursing_home", "sport.walking"],
            "title": "Frivillige til gåture med beboerne",
            "text": (
                "Flere af vores beboere kommer sjældent ud. Vi søger frivillige, der "
                "vil tage en beboer med på en tur langs stranden, gerne med kørestol."
            ),
            "slots": ["tue-afternoon", "wed-morning", "thu-afternoon"],
            "commitment": "recurring",
            "days": 22,
        },
        {
            "key": "traenere",
            "side": "need",
            "who": "jonas.nielsen",
            "org": "dalby-mesinge-if",
            "kind": "skill",
            "cats": ["sport.football", "youth.leisure"],
            "title": "Hjælpetrænere til U8 og U10 fodbold",
            "text": (
                "Vi har flere børn end voksne. Du behøver ikke at kunne spille selv "
                "– bare kunne lide børn og være der mandag og onsdag."
            ),
            "slots": ["mon-afternoon", "wed-afternoon"],
            "commitment": "recurring",
            "cert": True,
            "days": 18,
        },
        {
            "key": "faellesspisning",
            "side": "need",
            "who": "oksana.kovalenko",
            "org": "havnecafeen",
            "kind": "time",
            "cats": ["culture.food"],
            "title": "Hænder i køkkenet til fællesspisning",
            "text": (
                "Vi laver mad til 40 hver torsdag og søger flere, der vil skrælle, "
                "lave mad eller vaske op – også i weekenden ved særlige lejligheder."
            ),
            "slots": ["thu-afternoon", "sat-afternoon", "sun-afternoon"],
            "commitment": "recurring",
            "days": 28,
        },
        {
            "key": "demens-paaroerende",
            "side": "need",
            "who": "karen.thomsen",
            "behalf": ("medarbejder", "Karen Thomsen selv", "phone"),
            "kind": "lived_experience",
            "cats": ["health.dementia"],
            "title": "Pårørende til en med demens søger en at tale med",
            "text": (
                "Min mor har demens og bor på plejecenter. Jeg vil gerne tale med "
                "en anden pårørende, der ved, hvordan det er at miste et menneske "
                "lidt efter lidt."
            ),
            "modes": ["in_person", "phone"],
            "vis": "employees",
            "days": 5,
        },
        {
            "key": "skaterbane",
            "side": "need",
            "who": "jonas.nielsen",
            "kind": "equipment",
            "cats": ["youth.leisure", "local"],
            "title": "Materialer og hænder til en lille skaterbane på Hindsholm",
            "text": (
                "Vi er en flok unge, der vil bygge ramper af træ ved hallen. Vi "
                "mangler krydsfiner, værktøj og en voksen, der kan lidt tømrerarbejde."
            ),
            "radius": 25,
            "days": 14,
        },
        {
            "key": "natteravne",
            "side": "need",
            "who": "ahmad.rahimi",
            "org": "frivillighuset-ved-fjorden",
            "kind": "time",
            "cats": ["local.safety"],
            "title": "Natteravne til fredag aften ved havnen",
            "text": (
                "Vi samler et hold voksne, der går rundt ved havnen og i byen fredag "
                "aften og er til stede, når de unge er ude."
            ),
            "slots": ["fri-evening", "sat-evening"],
            "commitment": "group",
            "capacity": 12,
            "days": 11,
        },
        {
            "key": "lektier-soen",
            "side": "need",
            "who": "ahmad.rahimi",
            "kind": "time",
            "cats": ["youth.homework", "families"],
            "title": "Lektiehjælp til min søn i 8. klasse",
            "text": (
                "Min søn er glad for skolen, men matematik og fysik driller. Vi "
                "søger en, der kan hjælpe ham en gang om ugen."
            ),
            "slots": ["sun-afternoon", "tue-evening"],
            "days": 4,
        },
    ],
    "odense": [
        {
            "key": "diabetes",
            "side": "offer",
            "who": "ida.moeller",
            "kind": "lived_experience",
            "cats": ["health.chronic.diabetes"],
            "title": "Ung med type 1-diabetes deler gerne sine erfaringer",
            "text": (
                "Jeg har haft type 1-diabetes, siden jeg var ni. Hvis du er ung og "
                "lige har fået diagnosen, vil jeg gerne fortælle om insulin, fester, "
                "sport og alt det, lægen ikke når."
            ),
            "modes": ["in_person", "online"],
            "commitment": "long_term_1to1",
            "vis": "members",
            "days": 33,
        },
        {
            "key": "cykler",
            "side": "offer",
            "who": "poul.eriksen",
            "kind": "skill",
            "cats": ["local.repair"],
            "title": "Cykler og legetøj repareres i værkstedet i Hjallese",
            "text": (
                "Tidligere maskinarbejder med god tid. Kom forbi værkstedet tirsdag "
                "eller torsdag formiddag med din cykel eller barnets legetøj."
            ),
            "slots": ["tue-morning", "thu-morning"],
            "days": 27,
        },
        {
            "key": "motion",
            "side": "offer",
            "who": "mehmet.yilmaz",
            "kind": "time",
            "cats": ["sport.exercise", "sport.football"],
            "title": "Kom i gang med at motionere – sammen med mig",
            "text": (
                "Jeg træner seniorfodbold i Bolbro og hjælper gerne nybegyndere i "
                "gang med gåture, let løb eller bold. Alle kan være med."
            ),
            "slots": ["sat-morning", "mon-evening"],
            "days": 19,
        },
        {
            "key": "bydelsmoedre",
            "side": "offer",
            "who": "forening",
            "org": "vollsmose-naboskab",
            "kind": "knowledge",
            "cats": ["families.parents", "integration.paperwork"],
            "title": "Bydelsmødre: vi hjælper mødre med skole, sundhed og systemet",
            "text": (
                "Vi er bydelsmødre, der taler arabisk, somali, tyrkisk og dansk. Vi "
                "følger andre mødre til skole-hjem-samtale, forklarer breve og "
                "fortæller om sundhedsplejen og fritidstilbud til børnene."
            ),
            "langs": ["ar", "so", "tr", "da"],
            "modes": ["in_person", "phone"],
            "days": 55,
        },
        {
            "key": "materialer",
            "side": "offer",
            "who": "virksomhed",
            "org": "soendergaard-byg",
            "kind": "equipment",
            "cats": ["local.repair", "nature.green"],
            "title": "Restmaterialer, værktøj og et par hænder til fællesprojekter",
            "text": (
                "Vi har brædder, skruer og værktøj til overs og sender gerne en "
                "tømrer et par timer til at bygge højbede, bænke eller legeredskaber."
            ),
            "radius": 20,
            "days": 24,
        },
        {
            "key": "hjallese-lokaler",
            "side": "offer",
            "who": "poul.eriksen",
            "org": "aktivitetscentret-hjallesehus",
            "kind": "place",
            "cats": ["local.rooms", "local.repair"],
            "title": "Værksted og køkken kan lånes om aftenen",
            "text": (
                "Aktivitetscentret har et værksted med høvlebænk og et stort køkken. "
                "Foreninger kan låne dem om aftenen og i weekenden."
            ),
            "slots": EVE + WEEKEND,
            "days": 60,
        },
        {
            "key": "plakater",
            "side": "offer",
            "who": "jakob.winther",
            "kind": "skill",
            "cats": ["culture.events"],
            "title": "Plakater og foldere til foreninger",
            "text": (
                "Grafisk designer, der gerne laver en plakat, en folder eller et logo "
                "til en forening eller et arrangement i byen."
            ),
            "modes": ["online", "in_person"],
            "commitment": "one_off",
            "days": 10,
        },
        {
            "key": "legeplads-rasmus",
            "side": "offer",
            "who": "borger",
            "kind": "skill",
            "cats": ["local.neighbours", "nature.green"],
            "title": "Jeg bygger gerne højbede og legeredskaber",
            "text": (
                "Jeg kan godt lide at bygge ting og hjælper gerne naboer og "
                "boligforeninger i weekenden."
            ),
            "slots": WEEKEND,
            "days": 16,
        },
        {
            "key": "mentor-rasmus",
            "side": "offer",
            "who": "borger",
            "kind": "time",
            "cats": ["youth.mentor", "youth.homework"],
            "title": "Mentor for en ung, der har det svært i skolen",
            "text": (
                "Jeg læser til lærer og vil gerne være fast voksen for en ung, der "
                "har brug for hjælp til lektier, struktur og troen på sig selv."
            ),
            "slots": ["tue-afternoon", "fri-afternoon"],
            "commitment": "long_term_1to1",
            "days": 16,
        },
        {
            "key": "kage",
            "side": "offer",
            "who": "marta.nowak",
            "kind": "time",
            "cats": ["culture.food"],
            "title": "Jeg bager kage til caféer og fællesspisning",
            "text": (
                "Jeg bager gerne to kager om ugen til en café eller en fællesspisning "
                "– og får en snak på dansk med i købet."
            ),
            "slots": ["sat-morning"],
            "days": 13,
        },
        {
            "key": "besoegsven",
            "side": "offer",
            "who": "ida.moeller",
            "org": "hjaelpekorset-fyn",
            "kind": "time",
            "cats": ["elderly.visiting", "elderly.practical"],
            "title": "Besøgsven og følgeskab for ældre",
            "text": (
                "Vores frivillige kommer på besøg, går en tur eller følger med til "
                "lægen og hospitalet, så ingen skal af sted alene."
            ),
            "modes": ["in_person", "phone"],
            "days": 90,
        },
        {
            "key": "lektiecafe",
            "side": "need",
            "who": "forening",
            "org": "vollsmose-naboskab",
            "kind": "time",
            "cats": ["youth.homework"],
            "title": "Voksne til lektiecaféen om fredagen",
            "text": (
                "Vores lektiecafé har 30 børn og for få voksne. Vi søger frivillige, "
                "der vil hjælpe med dansk, matematik og engelsk fredag eftermiddag."
            ),
            "slots": ["fri-afternoon"],
            "commitment": "recurring",
            "cert": True,
            "days": 21,
        },
        {
            "key": "foelge",
            "side": "need",
            "who": "poul.eriksen",
            "behalf": ("medarbejder", "Poul Eriksen selv", "in_person"),
            "kind": "time",
            "cats": ["elderly.practical", "local.transport"],
            "title": "Nogen at følges med til øjenklinikken",
            "text": (
                "Jeg skal til kontrol på øjenklinikken fire gange i foråret og kan "
                "ikke selv cykle derud. Jeg vil gerne følges med en."
            ),
            "slots": ["tue-morning", "wed-morning"],
            "days": 26,
        },
        {
            "key": "dansk-marta",
            "side": "need",
            "who": "marta.nowak",
            "kind": "time",
            "cats": ["integration.danish"],
            "title": "Øve dansk om aftenen",
            "text": (
                "Jeg arbejder om dagen og vil gerne øve mundtligt dansk en aften om "
                "ugen, gerne om noget andet end arbejde."
            ),
            "slots": ["mon-evening", "wed-evening"],
            "langs": ["pl", "da", "en"],
            "days": 9,
        },
        {
            "key": "strik",
            "side": "need",
            "who": "marta.nowak",
            "org": "cafe-faellesrum-tarup",
            "kind": "skill",
            "cats": ["culture.crafts"],
            "title": "Strikkeklubben søger en, der vil lære begyndere at strikke",
            "text": (
                "Vi er ti, hvoraf halvdelen aldrig har strikket før. Vi mangler en, "
                "der har tålmodighed til at vise masker og mønstre."
            ),
            "slots": ["thu-evening"],
            "days": 7,
        },
        {
            "key": "kano-affald",
            "side": "need",
            "who": "jakob.winther",
            "org": "aaens-venner",
            "kind": "equipment",
            "cats": ["nature.cleanup"],
            "title": "Kanoer og hænder til affaldsindsamling på åen",
            "text": (
                "Vi samler affald fra kano på Odense Å en lørdag i maj og mangler "
                "tre kanoer og flere, der vil padle med."
            ),
            "slots": ["sat-morning"],
            "commitment": "one_off",
            "days": 3,
        },
        {
            "key": "legeplads",
            "side": "need",
            "who": "borger",
            "kind": "equipment",
            "cats": ["local.neighbours"],
            "title": "Brædder og værktøj til en legeplads i vores gård",
            "text": (
                "Vi er nogle naboer i midtbyen, der vil bygge et lille klatrestativ "
                "og en sandkasse til børnene i gården. Vi mangler materialer og en "
                "rundsav."
            ),
            "days": 14,
        },
        {
            "key": "handicaphold",
            "side": "need",
            "who": "mehmet.yilmaz",
            "org": "bolbro-if-for-alle",
            "kind": "skill",
            "cats": ["sport", "youth.leisure"],
            "title": "Trænere til fodboldholdet for børn med handicap",
            "text": (
                "Vores hold for børn med fysiske og psykiske handicap vokser. Vi "
                "søger to voksne, der vil være med onsdag eftermiddag."
            ),
            "slots": ["wed-afternoon"],
            "cert": True,
            "days": 12,
        },
    ],
    "faxe": [
        {
            "key": "sy",
            "side": "offer",
            "who": "inger.madsen",
            "kind": "skill",
            "cats": ["culture.crafts", "local.repair"],
            "title": "Lær at lappe og sy – jeg har symaskinen",
            "text": (
                "Jeg har været syerske hele livet og lærer gerne andre at sy en "
                "knap i, lægge et par bukser op eller lappe en jakke."
            ),
            "slots": ["tue-afternoon", "wed-afternoon"],
            "days": 29,
        },
        {
            "key": "kraeft",
            "side": "offer",
            "who": "inger.madsen",
            "kind": "lived_experience",
            "cats": ["health.chronic.cancer"],
            "title": "Jeg har haft brystkræft og vil gerne være der for andre",
            "text": (
                "Det er tolv år siden, jeg fik brystkræft. Hvis du lige har fået "
                "diagnosen og har brug for én at tale med, der har været igennem "
                "det, så ring eller kom forbi."
            ),
            "modes": ["in_person", "phone"],
            "vis": "members",
            "days": 44,
        },
        {
            "key": "lektier-yusuf",
            "side": "offer",
            "who": "yusuf.abdi",
            "kind": "skill",
            "cats": ["youth.homework"],
            "title": "Lektiehjælp i matematik og fysik for 7.–9. klasse",
            "text": (
                "Jeg er frivillig lektiehjælper og hjælper gerne flere elever med "
                "matematik og fysik, også op til afgangsprøverne."
            ),
            "slots": ["mon-afternoon", "wed-afternoon"],
            "commitment": "recurring",
            "days": 17,
        },
        {
            "key": "jolle",
            "side": "offer",
            "who": "forening",
            "org": "faxe-ladeplads-baadelaug",
            "kind": "equipment",
            "cats": ["sport", "youth.leisure"],
            "title": "Lån en jolle og redningsvest – søndagssejlads for unge",
            "text": (
                "Om sommeren låner vi joller og veste ud til børn og unge, og hver "
                "søndag morgen viser vi begyndere, hvordan man sejler."
            ),
            "slots": ["sun-morning"],
            "min_age": 10,
            "days": 38,
        },
        {
            "key": "skolehave",
            "side": "offer",
            "who": "virksomhed",
            "org": "faxe-groent",
            "kind": "place",
            "cats": ["nature.green", "culture.food"],
            "title": "Jord til skolehave og overskudsgrønt til fællesspisning",
            "text": (
                "Vi låner et stykke mark ud til skolehaver og giver grøntsager, vi "
                "ikke kan sælge, til fællesspisninger i Faxe."
            ),
            "radius": 15,
            "days": 52,
        },
        {
            "key": "netvaerksfamilie",
            "side": "offer",
            "who": "moderator",
            "kind": "time",
            "cats": ["families.parents", "families.single"],
            "title": "Familier hjælper familier: vi vil gerne være netværksfamilie",
            "text": (
                "Vi er en familie med to børn i Faxe Ladeplads. Vi vil gerne være "
                "netværksfamilie for en familie, der er ny i området eller står "
                "alene – spise sammen, hente børn, være der."
            ),
            "slots": ["sat-afternoon", "sun-afternoon", "wed-afternoon"],
            "commitment": "long_term_1to1",
            "days": 31,
        },
        {
            "key": "natteravne-haslev",
            "side": "offer",
            "who": "yusuf.abdi",
            "org": "frivilligboersen-haslev",
            "kind": "time",
            "cats": ["local.safety", "youth.vulnerable"],
            "title": "Natteravne i Haslev fredag og lørdag aften",
            "text": (
                "Vores natteravne går i gule jakker i midtbyen og ved stationen. Vi "
                "kommer gerne forbi, hvor der er brug for voksne på gaden."
            ),
            "slots": ["fri-evening", "sat-evening"],
            "radius": 20,
            "days": 48,
        },
        {
            "key": "lokale-boersen",
            "side": "offer",
            "who": "yusuf.abdi",
            "org": "frivilligboersen-haslev",
            "kind": "place",
            "cats": ["local.rooms"],
            "title": "Vores lille lokale kan lånes om aftenen",
            "text": (
                "Lokalet har plads til 15, et tekøkken og wifi. Frivillige grupper "
                "kan låne det gratis om aftenen."
            ),
            "slots": EVE + ["fri-evening"],
            "days": 65,
        },
        {
            "key": "it-hanne",
            "side": "offer",
            "who": "politiker",
            "kind": "skill",
            "cats": ["digital.it_help", "digital.mitid"],
            "title": "IT-hjælp på biblioteket i Karise",
            "text": (
                "Jeg sidder på biblioteket hver anden mandag og hjælper med MitID, "
                "digital post, mobilen og computeren."
            ),
            "slots": ["mon-afternoon"],
            "days": 41,
        },
        {
            "key": "oekonomi-maria",
            "side": "offer",
            "who": "borger",
            "kind": "skill",
            "cats": ["youth.mentor"],
            "title": "Hjælp til budget og økonomi, når man flytter hjemmefra",
            "text": (
                "Jeg er bogholder og viser gerne unge, hvordan man lægger et budget, "
                "betaler regninger og undgår kviklån."
            ),
            "modes": ["in_person", "online"],
            "days": 8,
        },
        {
            "key": "foraeldre",
            "side": "need",
            "who": "olena.shevchenko",
            "kind": "time",
            "cats": ["families.parents", "integration"],
            "title": "Andre forældre at mødes med i Faxe",
            "text": (
                "Min søn er fem, og vi kender ikke mange her endnu. Jeg vil gerne "
                "møde andre forældre – på legepladsen, til kaffe eller fødselsdage."
            ),
            "langs": ["uk", "en", "da"],
            "slots": ["sat-afternoon", "sun-afternoon"],
            "days": 36,
        },
        {
            "key": "gymnastik",
            "side": "need",
            "who": "frederik.jensen",
            "org": "karise-gif",
            "kind": "time",
            "cats": ["youth.leisure", "sport.exercise"],
            "title": "Hjælpetrænere til børnegymnastik i Karise",
            "text": (
                "Vi har 40 børn mellem fire og ti år og søger voksne eller unge, der "
                "vil hjælpe med opvarmning og redskaber torsdag."
            ),
            "slots": ["thu-afternoon"],
            "cert": True,
            "days": 20,
        },
        {
            "key": "koerestol",
            "side": "need",
            "who": "inger.madsen",
            "org": "roennede-seniorer-paa-tur",
            "kind": "time",
            "cats": ["local.transport", "elderly"],
            "title": "Bil til to i kørestol til månedens skovtur",
            "text": (
                "To af vores medlemmer sidder i kørestol. Vi søger en med en stor bil "
                "eller en kørestolsbil, der kan køre dem til turen en torsdag om "
                "måneden."
            ),
            "slots": ["thu-morning"],
            "days": 15,
        },
        {
            "key": "mitid-inger",
            "side": "need",
            "who": "inger.madsen",
            "behalf": ("medarbejder", "Inger Madsen selv", "in_person"),
            "kind": "knowledge",
            "cats": ["digital.mitid", "elderly.digital"],
            "title": "MitID vil ikke virke på min nye telefon",
            "text": (
                "Jeg har fået ny telefon og kan ikke få MitID til at virke. Jeg vil "
                "også gerne lære at læse min digitale post selv."
            ),
            "days": 43,
        },
        {
            "key": "fredagscafe",
            "side": "need",
            "who": "borger",
            "kind": "place",
            "cats": ["local.rooms", "youth.leisure"],
            "title": "Lokale til en fredagscafé for unge i Haslev",
            "text": (
                "Nogle forældre og jeg vil starte en fredagscafé for unge fra 13 år "
                "med spil, musik og toast. Vi mangler et lokale fredag aften."
            ),
            "slots": ["fri-evening"],
            "days": 6,
        },
        {
            "key": "hoest",
            "side": "need",
            "who": "virksomhed",
            "org": "faxe-groent",
            "kind": "time",
            "cats": ["nature.green", "youth.school"],
            "title": "Voksne til at hjælpe skoleklasser med høsten",
            "text": (
                "I september høster skoleklasserne kartofler og gulerødder i "
                "skolehaven. Vi søger voksne, der vil hjælpe en formiddag."
            ),
            "slots": ["tue-morning", "wed-morning", "thu-morning"],
            "commitment": "one_off",
            "cert": True,
            "days": 2,
        },
    ],
    "skanderborg": [
        {
            "key": "stress",
            "side": "offer",
            "who": "sara.lind",
            "kind": "lived_experience",
            "cats": ["health.mental.stress"],
            "title": "Sygemeldt med stress? Lad os gå en tur og snakke",
            "text": (
                "Jeg har selv været sygemeldt med stress i lang tid. Gåture og én at "
                "tale med hjalp mig. Jeg vil gerne gå med dig i dit eget tempo."
            ),
            "slots": ["mon-morning", "wed-morning", "fri-morning"],
            "commitment": "long_term_1to1",
            "vis": "members",
            "days": 23,
        },
        {
            "key": "motion-aeldre",
            "side": "offer",
            "who": "borger",
            "kind": "skill",
            "cats": ["sport.exercise", "elderly"],
            "title": "Fysioterapeut hjælper ældre i gang med motion",
            "text": (
                "Jeg er fysioterapeut og viser gerne øvelser for balance og styrke, "
                "som man kan lave derhjemme eller i en gruppe."
            ),
            "slots": ["tue-evening", "sat-morning"],
            "days": 40,
        },
        {
            "key": "mossoe",
            "side": "offer",
            "who": "hans.kirkegaard",
            "kind": "time",
            "cats": ["sport.walking", "local.neighbours"],
            "title": "Gåture ved Mossø for nye i området",
            "text": (
                "Tidligere landmand, der kender alle stierne omkring Mossø og Gammel "
                "Rye. Jeg viser gerne tilflyttere rundt og fortæller om egnen."
            ),
            "slots": ["tue-morning", "thu-morning", "sun-morning"],
            "days": 34,
        },
        {
            "key": "el",
            "side": "offer",
            "who": "tomasz.kowalski",
            "kind": "skill",
            "cats": ["local.repair"],
            "title": "Små elopgaver for foreninger og naboer",
            "text": (
                "Autoriseret elektriker. Jeg hjælper gerne med lamper, stikkontakter "
                "og lys i klubhuset – og vil gerne lære naboerne at kende."
            ),
            "slots": ["sat-morning", "sat-afternoon"],
            "langs": ["pl", "da"],
            "days": 12,
        },
        {
            "key": "shelter",
            "side": "offer",
            "who": "virksomhed",
            "org": "stilling-toemrer-og-snedker",
            "kind": "equipment",
            "cats": ["local.repair", "nature.green"],
            "title": "Værktøj og en tømrer til bænke, højbede og shelters",
            "text": (
                "Vi har værktøj, resttræ og et par timer om måneden til projekter i "
                "lokalsamfundet. Vi bygger gerne sammen med jer."
            ),
            "radius": 25,
            "days": 30,
        },
        {
            "key": "syrisk",
            "side": "offer",
            "who": "amira.haddad",
            "kind": "skill",
            "cats": ["culture.food", "integration"],
            "title": "Syrisk mad til fællesspisning – og en kvindegruppe",
            "text": (
                "Jeg laver gerne mad til 40 og vil gerne starte en gruppe for kvinder "
                "i Galten, hvor vi laver mad og snakker dansk."
            ),
            "langs": ["ar", "da"],
            "slots": ["thu-afternoon"],
            "days": 18,
        },
        {
            "key": "ro",
            "side": "offer",
            "who": "forening",
            "org": "skanderborg-soe-kajak-og-roklub",
            "kind": "equipment",
            "cats": ["sport"],
            "title": "Prøv at ro på Skanderborg Sø",
            "text": (
                "Vi låner både og udstyr ud til nye og har faste aftener for seniorer "
                "og for mennesker med handicap."
            ),
            "slots": ["mon-evening", "thu-evening"],
            "days": 46,
        },
        {
            "key": "frivillighuset",
            "side": "offer",
            "who": "medarbejder",
            "org": "frivillighuset-i-ry",
            "kind": "place",
            "cats": ["local.rooms", "local.repair"],
            "title": "Lokaler og reparationscafé i Frivillighuset i Ry",
            "text": (
                "Foreninger og grupper kan låne vores lokaler ved Gudenåen, også "
                "fredag aften. Første lørdag i måneden er der reparationscafé."
            ),
            "slots": EVE + ["fri-evening", "sat-morning"],
            "radius": 20,
            "days": 70,
        },
        {
            "key": "fredagsklub",
            "side": "need",
            "who": "lucas.vestergaard",
            "kind": "place",
            "cats": ["youth.leisure", "local.rooms"],
            "title": "Sted og voksne til en fredagsklub for unge i Låsby",
            "text": (
                "De unge i Låsby har ikke noget sted at være fredag aften. Jeg vil "
                "gerne starte en klub og mangler et lokale og et par voksne mere."
            ),
            "slots": ["fri-evening"],
            "radius": 20,
            "days": 10,
        },
        {
            "key": "lektier-tingvej",
            "side": "need",
            "who": "amira.haddad",
            "org": "beboerforeningen-tingvejsparken",
            "kind": "time",
            "cats": ["youth.homework"],
            "title": "Lektiehjælpere til børnene i Tingvejsparken",
            "text": (
                "Mange forældre kan ikke hjælpe med dansk og matematik. Vi søger "
                "voksne, der vil komme en eftermiddag om ugen."
            ),
            "slots": ["mon-afternoon", "wed-afternoon"],
            "cert": True,
            "days": 25,
        },
        {
            "key": "sorg",
            "side": "need",
            "who": "hans.kirkegaard",
            "behalf": ("medarbejder", "Hans Kirkegaard selv", "in_person"),
            "kind": "lived_experience",
            "cats": ["health.grief"],
            "title": "En at tale med efter min kones død",
            "text": (
                "Min kone døde i vinter. Jeg har gode naboer, men vil gerne tale med "
                "en, der selv har mistet sin ægtefælle."
            ),
            "modes": ["in_person", "phone"],
            "vis": "employees",
            "days": 8,
        },
        {
            "key": "faellessang",
            "side": "need",
            "who": "hans.kirkegaard",
            "org": "landsbycafeen-gammel-rye",
            "kind": "skill",
            "cats": ["culture.music"],
            "title": "En, der kan spille til fællessang i caféen",
            "text": (
                "En gang om måneden synger vi fra højskolesangbogen. Vi mangler en, "
                "der kan spille klaver eller guitar."
            ),
            "slots": ["sun-afternoon"],
            "days": 21,
        },
        {
            "key": "hoejbede",
            "side": "need",
            "who": "borger",
            "kind": "equipment",
            "cats": ["nature.green", "local.neighbours"],
            "title": "Højbede til vejens fælles grønne plet",
            "text": (
                "Vi er seks husstande, der vil lave højbede på græsplænen for enden "
                "af vejen. Vi mangler træ og en, der ved, hvordan man bygger dem."
            ),
            "days": 27,
        },
        {
            "key": "raad-gaagruppe",
            "side": "need",
            "who": "sara.lind",
            "org": "hoerning-gang-og-loeb",
            "kind": "skill",
            "cats": ["sport.walking", "sport.exercise"],
            "title": "Gode råd om træning til gågruppen",
            "text": (
                "Vores gågruppe er for folk, der er ved at komme sig efter sygdom. "
                "Vi vil gerne have en fagperson til at vise øvelser, vi kan lave "
                "undervejs."
            ),
            "slots": ["tue-evening"],
            "commitment": "one_off",
            "days": 45,
        },
    ],
    "rodovre": [
        {
            "key": "it-kim",
            "side": "offer",
            "who": "kim.lassen",
            "kind": "skill",
            "cats": ["digital.it_help", "elderly.digital"],
            "title": "IT-hjælp til ældre: telefon, tablet og MitID",
            "text": (
                "Jeg har arbejdet med it hele mit liv og kommer gerne hjem til dig "
                "og hjælper med telefonen, iPad'en eller computeren."
            ),
            "slots": ["mon-morning", "tue-morning", "wed-morning"],
            "days": 37,
        },
        {
            "key": "matematik-yulia",
            "side": "offer",
            "who": "yulia.bondarenko",
            "kind": "skill",
            "cats": ["youth.homework"],
            "title": "Matematikhjælp – jeg var lærer i Ukraine",
            "text": (
                "Jeg har undervist i matematik i femten år og hjælper gerne børn i "
                "4.–9. klasse. Vi kan tale dansk, engelsk eller ukrainsk."
            ),
            "langs": ["uk", "en", "da"],
            "slots": ["tue-afternoon", "thu-afternoon"],
            "days": 26,
        },
        {
            "key": "sprogcafe",
            "side": "offer",
            "who": "natalia.wisniewska",
            "org": "cafeen-paa-broen",
            "kind": "time",
            "cats": ["integration.danish", "culture.food"],
            "title": "Sprogcafé hver tirsdag – med kage",
            "text": (
                "Kom og øv dansk i Caféen på Broen. Vi sidder ved små borde og "
                "snakker, og der er altid hjemmebag."
            ),
            "slots": ["tue-afternoon", "tue-evening"],
            "commitment": "group",
            "capacity": 20,
            "days": 58,
        },
        {
            "key": "basket",
            "side": "offer",
            "who": "ayaan.farah",
            "kind": "skill",
            "cats": ["sport", "youth.leisure"],
            "title": "Basket for piger – kom og prøv",
            "text": (
                "Jeg træner pigeholdet og vil gerne have flere piger med. Ingen "
                "erfaring nødvendig, bare kom i indendørssko."
            ),
            "slots": ["wed-afternoon"],
            "days": 14,
        },
        {
            "key": "blomster",
            "side": "offer",
            "who": "virksomhed",
            "org": "damhus-blomster",
            "kind": "place",
            "cats": ["culture.crafts", "youth.leisure"],
            "title": "Blomsterværksted for børn i butikken",
            "text": (
                "En lørdag om måneden laver vi buketter og kranse med børn i "
                "butikken. Skoleklasser og børnehaver kan også booke en formiddag."
            ),
            "slots": ["sat-morning"],
            "days": 22,
        },
        {
            "key": "arrangement-sanne",
            "side": "offer",
            "who": "borger",
            "kind": "skill",
            "cats": ["culture.events", "local.neighbours"],
            "title": "Jeg organiserer gerne jeres arrangement",
            "text": (
                "Gadefest, loppemarked eller sommerfest? Jeg er god til planer, "
                "lister og at få alle til at hjælpe."
            ),
            "slots": WEEKEND,
            "days": 12,
        },
        {
            "key": "nabohjaelp",
            "side": "offer",
            "who": "kim.lassen",
            "org": "roedovre-nabohjaelp",
            "kind": "time",
            "cats": ["elderly.practical", "elderly.visiting"],
            "title": "Følgeskab til lægen og hjælp med indkøb",
            "text": (
                "Vores frivillige følger med til lægen, handler ind og kommer på "
                "besøg hos ældre, der sidder meget alene."
            ),
            "modes": ["in_person", "phone"],
            "days": 80,
        },
        {
            "key": "natteravn-michael",
            "side": "offer",
            "who": "moderator",
            "kind": "time",
            "cats": ["local.safety", "youth.vulnerable"],
            "title": "Jeg går gerne natteravn – jeg kender de unge",
            "text": (
                "Jeg er pædagog og kender mange af de unge i byen. Jeg vil gerne "
                "være natteravn fredag aften."
            ),
            "slots": ["fri-evening"],
            "days": 19,
        },
        {
            "key": "enke",
            "side": "offer",
            "who": "birthe.jakobsen",
            "kind": "lived_experience",
            "cats": ["health.grief"],
            "title": "Enke i tre år – jeg vil gerne være der for andre, der har mistet",
            "text": (
                "Da min mand døde, hjalp det at tale med andre, der havde prøvet det. "
                "Nu vil jeg gerne gøre det samme for en anden."
            ),
            "modes": ["in_person", "phone"],
            "commitment": "long_term_1to1",
            "vis": "members",
            "days": 32,
        },
        {
            "key": "natteravne-valhoej",
            "side": "need",
            "who": "forening",
            "org": "beboerforeningen-valhoejparken",
            "kind": "time",
            "cats": ["local.safety"],
            "title": "Natteravne til Valhøjparken fredag aften",
            "text": (
                "Vi vil gerne have voksne rundt i bebyggelsen fredag aften, så de "
                "unge har nogen at snakke med, og alle føler sig trygge."
            ),
            "slots": ["fri-evening"],
            "commitment": "group",
            "capacity": 10,
            "days": 29,
        },
        {
            "key": "dansk-yulia",
            "side": "need",
            "who": "yulia.bondarenko",
            "kind": "time",
            "cats": ["integration.danish"],
            "title": "Jeg vil gerne blive bedre til at tale dansk",
            "text": (
                "Jeg forstår det meste, men tør ikke tale. Jeg søger en "
                "sprogpartner eller en sprogcafé om eftermiddagen."
            ),
            "langs": ["uk", "en", "da"],
            "slots": ["tue-afternoon", "thu-afternoon"],
            "days": 30,
        },
        {
            "key": "reparation",
            "side": "need",
            "who": "natalia.wisniewska",
            "org": "cafeen-paa-broen",
            "kind": "skill",
            "cats": ["local.repair"],
            "title": "Frivillige til reparationscaféen: elektronik og cykler",
            "text": (
                "Den første lørdag i måneden reparerer vi ting for naboerne. Vi "
                "mangler en, der kan lodde, og en, der kan skifte cykelslanger."
            ),
            "slots": ["sat-morning"],
            "days": 16,
        },
        {
            "key": "ipad",
            "side": "need",
            "who": "birthe.jakobsen",
            "behalf": ("medarbejder", "Birthe Jakobsen selv", "phone"),
            "kind": "knowledge",
            "cats": ["elderly.digital"],
            "title": "Hjælp til at komme i gang med min iPad",
            "text": (
                "Mine børnebørn har givet mig en iPad, så vi kan snakke sammen. Jeg "
                "vil gerne lære at ringe med video og se billeder."
            ),
            "days": 40,
        },
        {
            "key": "matematik-datter",
            "side": "need",
            "who": "borger",
            "kind": "time",
            "cats": ["youth.homework", "families"],
            "title": "Matematikhjælp til min datter i 6. klasse",
            "text": (
                "Min datter er gået i stå med brøker og procent, og jeg kan ikke "
                "selv forklare det. En eftermiddag om ugen ville være godt."
            ),
            "slots": ["tue-afternoon", "thu-afternoon"],
            "days": 5,
        },
        {
            "key": "gadebasket",
            "side": "need",
            "who": "ayaan.farah",
            "org": "roedovre-basket",
            "kind": "time",
            "cats": ["sport", "youth.vulnerable"],
            "title": "Voksne til gadebasket fredag aften",
            "text": (
                "Gadebasket er åben for alle unge. Vi søger voksne, der vil være med "
                "på banen og holde styr på boldene."
            ),
            "slots": ["fri-evening"],
            "cert": True,
            "days": 11,
        },
    ],
}

CERTIFICATES: dict[str, list[tuple[str, str, str, int, int]]] = {
    # (person, organisation slug, recorded by, verified days ago, valid for days).
    # Employees record for the municipality's departments (or organisations they
    # belong to); an association's administrator for the association.
    "kerteminde": [
        ("moderator", "boern-og-unge", "medarbejder", 120, 3 * 365),
        ("borger", "boern-og-unge", "medarbejder", 400, 2 * 365),
    ],
    "odense": [("borger", "vollsmose-naboskab", "forening", 60, 3 * 365)],
    "faxe": [("yusuf.abdi", "boern-unge-og-familie", "medarbejder", 200, 3 * 365)],
    "skanderborg": [("tomasz.kowalski", "frivillighuset-i-ry", "medarbejder", 30, 730)],
    "rodovre": [
        ("moderator", "roedovre-basket", "medarbejder", 90, 3 * 365),
        ("yulia.bondarenko", "beboerforeningen-valhoejparken", "forening", 45, 730),
    ],
}

COLLABORATIONS: dict[str, list[dict]] = {
    "kerteminde": [
        {
            "need": "sprogpartner",
            "offer": "sprogkaffe",
            "how": "staff",
            "by": "medarbejder",
            "state": "finished",
            "days": 62,
            "messages": [
                ("offer", "Hej Oksana. Skal vi mødes på Havnecaféen mandag kl. 10?"),
                ("need", "Ja, tak! Jeg glæder mig. Jeg tager min ordbog med."),
                ("offer", "Det var en god snak i dag. Samme tid på torsdag?"),
                ("need", "Ja. Næste gang vil jeg øve at ringe til lægen."),
            ],
            "hours": [("offer", "1.5"), ("offer", "1.5"), ("offer", "2")],
            "feedback": {
                "need": (
                    "Lars er meget tålmodig. Nu tør jeg tale dansk i butikken og "
                    "til forældremøder."
                ),
                "offer": (
                    "Oksana har gjort store fremskridt. Vi ses stadig til kaffe en "
                    "gang imellem."
                ),
            },
        },
        {
            "need": "faellesspisning",
            "offer": "spisning",
            "how": "respond",
            "state": "ongoing",
            "days": 18,
            "messages": [
                ("offer", "Jeg kan den sidste lørdag i måneden. Hvad skal I bruge?"),
                ("need", "Dejligt! Vi mangler en, der kan lave hovedretten til 40."),
                ("offer", "Så laver jeg boller i karry. Jeg handler ind fredag."),
            ],
            "hours": [("offer", "4")],
        },
        {
            "need": "lektier-soen",
            "offer": "lektier-anne",
            "how": "ask",
            "state": "proposed",
            "days": 2,
            "note": "Hej Anne. Min søn vil gerne have hjælp søndag eftermiddag.",
        },
        {
            "need": "gaature-strandlyst",
            "offer": "vandrere",
            "how": "suggest",
            "by": "politiker",
            "state": "suggested",
            "days": 3,
            "note": (
                "Seniorvandrerne har en kort rute – måske kan nogle af dem tage en "
                "beboer med?"
            ),
        },
    ],
    "odense": [
        {
            "need": "foelge",
            "offer": "besoegsven",
            "how": "staff",
            "by": "medarbejder",
            "state": "finished",
            "days": 24,
            "messages": [
                ("offer", "Hej Poul. Jeg kan følge dig tirsdag kl. 9.30. Passer det?"),
                ("need", "Det passer fint. Jeg venter ved indgangen."),
                ("facilitator", "Dejligt, at I har fundet hinanden."),
            ],
            "hours": [("offer", "2.5"), ("offer", "2")],
            "feedback": {
                "need": "Ida var en god følgesvend. Hun fik mig også til at grine.",
                "offer": "Poul fortalte om sit arbejdsliv hele vejen. Det var hyggeligt.",
            },
        },
        {
            "need": "legeplads",
            "offer": "materialer",
            "how": "ask",
            "state": "ongoing",
            "days": 10,
            "note": "Vi vil gerne bygge et klatrestativ. Har I brædder og en rundsav?",
            "messages": [
                ("offer", "Vi har brædder nok. Jeg kommer med en tømrer på lørdag."),
                ("need", "Super. Vi laver kaffe og boller til alle."),
            ],
            "hours": [("need", "5"), ("offer", "3")],
        },
        {
            "need": "lektiecafe",
            "offer": "mentor-rasmus",
            "how": "respond",
            "state": "proposed",
            "days": 1,
            "note": "Jeg kan komme fredag eftermiddag og hjælpe med dansk.",
        },
    ],
    "faxe": [
        {
            "need": "mitid-inger",
            "offer": "it-hanne",
            "how": "staff",
            "by": "medarbejder",
            "state": "finished",
            "days": 40,
            "messages": [
                ("offer", "Kom på biblioteket mandag, så kigger vi på telefonen."),
                ("need", "Tak. Jeg tager min søn med, han har koden."),
            ],
            "hours": [("offer", "1"), ("offer", "1")],
            "feedback": {
                "need": "Nu kan jeg selv læse min post. Tusind tak.",
                "offer": "Inger lærte det hurtigt. Hun hjælper nu sin nabo.",
            },
        },
        {
            "need": "foraeldre",
            "offer": "netvaerksfamilie",
            "how": "staff",
            "by": "medarbejder",
            "state": "ongoing",
            "days": 20,
            "messages": [
                ("offer", "Vil I spise med hos os på søndag? Vores børn er 4 og 7."),
                ("need", "Meget gerne. Skal jeg tage noget med?"),
                ("offer", "Bare jer selv. Vi griller, hvis vejret holder."),
            ],
        },
        {
            "need": "fredagscafe",
            "offer": "lokale-boersen",
            "how": "ask",
            "state": "proposed",
            "days": 1,
            "note": "Må vi låne lokalet fredag aften fra kl. 19 til 22?",
        },
    ],
    "skanderborg": [
        {
            "need": "raad-gaagruppe",
            "offer": "motion-aeldre",
            "how": "staff",
            "by": "medarbejder",
            "state": "finished",
            "days": 35,
            "messages": [
                ("offer", "Jeg kan komme tirsdag og gå med den første halve time."),
                ("need", "Tak! Vi mødes ved hallen kl. 19."),
            ],
            "hours": [("offer", "1.5")],
            "feedback": {
                "need": "Christina gav os øvelser, vi stadig laver hver tirsdag.",
                "offer": "En dejlig gruppe. Jeg kommer gerne igen til foråret.",
            },
        },
        {
            "need": "hoejbede",
            "offer": "shelter",
            "how": "ask",
            "state": "ongoing",
            "days": 12,
            "messages": [
                ("offer", "Vi har lærketræ til fire bede. Hvornår passer det jer?"),
                ("need", "Lørdag om to uger? Så er alle seks husstande hjemme."),
            ],
            "hours": [("need", "6")],
        },
        {
            "need": "fredagsklub",
            "offer": "frivillighuset",
            "how": "ask",
            "state": "proposed",
            "days": 2,
            "note": "Kan vi låne et lokale fredag aften til en klub for unge?",
        },
    ],
    "rodovre": [
        {
            "need": "ipad",
            "offer": "it-kim",
            "how": "staff",
            "by": "medarbejder",
            "state": "finished",
            "days": 38,
            "messages": [
                ("offer", "Jeg kommer onsdag kl. 10. Hav gerne din iPad opladet."),
                ("need", "Det skal jeg nok. Kaffen er klar."),
            ],
            "hours": [("offer", "2"), ("offer", "1")],
            "feedback": {
                "need": "Nu ringer jeg med video til mine børnebørn hver søndag.",
                "offer": "Birthe var en god elev og gav mig opskriften på sin kage.",
            },
        },
        {
            "need": "dansk-yulia",
            "offer": "sprogcafe",
            "how": "respond",
            "state": "ongoing",
            "days": 25,
            "messages": [
                ("offer", "Velkommen i sprogcaféen, Yulia. Vi ses på tirsdag!"),
                ("need", "Tak. Jeg var lidt nervøs, men det var hyggeligt."),
            ],
        },
        {
            "need": "natteravne-valhoej",
            "offer": "natteravn-michael",
            "how": "staff",
            "by": "medarbejder",
            "state": "agreed",
            "days": 4,
        },
        {
            "need": "matematik-datter",
            "offer": "matematik-yulia",
            "how": "ask",
            "state": "proposed",
            "days": 2,
            "note": "Hej Yulia. Min datter har brug for hjælp til brøker.",
        },
    ],
}
