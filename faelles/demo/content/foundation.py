"""Demo content for the platform foundation: five municipalities.

Plain data only. Municipalities, their programmes and principles, departments,
organisations and people (with the fixed demo logins listed in the README).
All people, associations and businesses are invented; postcodes, town names
and municipal contact details are real. Email domains use .example.
"""

DEMO_PASSWORD = "faelles-demo"  # noqa: S105  (demo only)

MUNICIPALITIES: list[dict] = [
    {
        "slug": "kerteminde",
        "name": "Kerteminde Kommune",
        "programme_name": "Fællesskab i Kerteminde",
        "programme_name_en": "Community in Kerteminde",
        "programme_text": (
            "Fællesskab i Kerteminde er vores fælles måde at skabe et godt liv på – "
            "fra Hindsholm til Langeskov. Vi tror på, at alle har noget at bidrage "
            "med: tid, erfaring, et lokale, en båd eller et godt netværk. Kommunen er "
            "ikke kun rådhuset, men alle os, der bor og arbejder her. Her på siden "
            "kan du fortælle, hvad du kan og gerne vil, og hvad du har brug for. Du "
            "kan starte et initiativ, finde et fællesskab eller melde dig til et "
            "arrangement. Kommunens medarbejdere hjælper gerne med at samle folk og "
            "finde vej. Vi prøver nye ting af i det små og lærer af dem, også når det "
            "ikke går, som vi havde regnet med. Kom og vær med – vi glæder os til at "
            "møde dig."
        ),
        "programme_text_en": (
            "Community in Kerteminde is our shared way of building a good life "
            "together – from Hindsholm to Langeskov. We believe that everyone has "
            "something to contribute: time, experience, a room, a boat or a good "
            "network. The municipality is not just the town hall; it is all of us who "
            "live and work here. On this site you can tell others what you can do and "
            "would like to do, and what you need. You can start an initiative, find a "
            "community or sign up for an event. The municipality's staff are glad to "
            "help bring people together and find the way. We try new things on a "
            "small scale and learn from them, also when things do not turn out as we "
            "expected. Come and join us – we look forward to meeting you."
        ),
        "principles": [
            {
                "title": "Alle har ressourcer",
                "title_en": "Everyone has resources",
                "text": (
                    "Vi ser efter det, du kan, og ikke kun efter det, du mangler. "
                    "Alle kan bidrage med noget, og det er i fællesskabet, at vi "
                    "bliver stærke."
                ),
                "text_en": (
                    "We look at what you can do, not only at what you lack. Everyone "
                    "can contribute something, and together we grow stronger."
                ),
            },
            {
                "title": "Vi starter i det nære",
                "title_en": "We start close to home",
                "text": (
                    "Det gode liv skabes i familien, i nabolaget, i foreningen og på "
                    "arbejdspladsen. Kommunen bakker op om de fællesskaber, der "
                    "allerede findes, og hjælper nye på vej."
                ),
                "text_en": (
                    "A good life is made in the family, the neighbourhood, the club "
                    "and the workplace. The municipality backs the communities that "
                    "already exist and helps new ones get started."
                ),
            },
            {
                "title": "Vi prøver og lærer",
                "title_en": "We try and learn",
                "text": (
                    "Vi tør prøve nye ting i lille skala. Når noget ikke virker, "
                    "siger vi det højt og bruger erfaringen til at gøre det bedre "
                    "næste gang."
                ),
                "text_en": (
                    "We dare to try new things on a small scale. When something does "
                    "not work, we say so openly and use what we learned to do better "
                    "next time."
                ),
            },
            {
                "title": "Medarbejdere skaber rum",
                "title_en": "Staff make room",
                "text": (
                    "Kommunens medarbejdere inviterer, samler og faciliterer. De "
                    "løser ikke alt selv, men hjælper borgere, foreninger og "
                    "virksomheder med at finde hinanden."
                ),
                "text_en": (
                    "The municipality's staff invite, gather and facilitate. They do "
                    "not solve everything themselves, but help citizens, associations "
                    "and businesses find each other."
                ),
            },
        ],
        "contact": {
            "email": "faellesskab@kerteminde.example",
            "phone": "+45 65 15 15 15",
            "address": "Hans Schacksvej 4, 5300 Kerteminde",
            "website": "https://www.kerteminde.dk",
        },
        "colours": {
            "primary": "#004A7C",
            "accent": "#E8B04B",
        },
        "departments": [
            {
                "slug": "sundhed-og-aeldre",
                "name": "Sundhed og Ældre",
                "description": (
                    "Vi arbejder sammen med borgere, pårørende og frivillige om "
                    "sundhed, forebyggelse og et godt liv som ældre. Vi støtter de "
                    "fællesskaber, der holder folk i gang."
                ),
            },
            {
                "slug": "boern-og-unge",
                "name": "Børn og Unge",
                "description": (
                    "Dagtilbud, skoler og fritidstilbud for børn og unge i hele "
                    "kommunen. Vi inviterer forældre, foreninger og lokalsamfund med "
                    "til at skabe gode børneliv."
                ),
            },
            {
                "slug": "kultur-fritid-og-frivillighed",
                "name": "Kultur, Fritid og Frivillighed",
                "description": (
                    "Vi bakker op om foreningslivet, bibliotekerne og de frivillige. "
                    "Vi hjælper gode idéer fra borgere og foreninger på vej."
                ),
            },
            {
                "slug": "teknik-og-miljoe",
                "name": "Teknik og Miljø",
                "description": (
                    "Veje, natur, havne og klima. Vi samarbejder med lokalsamfund og "
                    "grundejerforeninger om at passe på kysten og naturen."
                ),
            },
            {
                "slug": "politik-og-udvikling",
                "name": "Politik og Udvikling",
                "description": (
                    "Sekretariat for byrådet og udvalgene. Vi understøtter "
                    "opgaveudvalg, borgerinddragelse og kommunens "
                    "fællesskabsplatform."
                ),
            },
        ],
        "organisations": [
            {
                "slug": "hindsholm-havkajak",
                "kind": "association",
                "name": "Hindsholm Havkajakklub",
                "description": (
                    "Vi padler langs kysten fra Kerteminde til Hindsholms spids. "
                    "Klubben låner kajakker og sikkerhedsudstyr ud til nye medlemmer, "
                    "og hver tirsdag holder vi introaften for alle, der vil prøve. På "
                    "turene samler vi også affald fra strandene."
                ),
                "postcode": "5300",
                "email": "kontakt@hindsholm-havkajak.example",
                "website": "",
            },
            {
                "slug": "munkebo-seniorvandrere",
                "kind": "association",
                "name": "Munkebo Seniorvandrere",
                "description": (
                    "Vi går en tur på 5–8 km hver onsdag formiddag, ofte rundt om "
                    "Munkebo Bakke og langs Kertinge Nor. Alle kan være med, og "
                    "tempoet passer til den, der går langsomst. Bagefter drikker vi "
                    "kaffe sammen i forsamlingshuset."
                ),
                "postcode": "5330",
                "email": "tur@munkebo-seniorvandrere.example",
                "website": "",
            },
            {
                "slug": "frivillighuset-ved-fjorden",
                "kind": "association",
                "name": "Frivillighuset ved Fjorden",
                "description": (
                    "Vi hjælper foreninger med at finde frivillige og frivillige med "
                    "at finde et sted, hvor de kan gøre en forskel. Foreninger kan "
                    "låne vores mødelokaler gratis, og vi holder kurser i "
                    "foreningsarbejde og førstehjælp."
                ),
                "postcode": "5300",
                "email": "hej@frivillighuset-fjorden.example",
                "website": "",
            },
            {
                "slug": "dalby-mesinge-if",
                "kind": "association",
                "name": "Dalby-Mesinge Idrætsforening",
                "description": (
                    "Fodbold, gymnastik og badminton for børn og voksne på Hindsholm. "
                    "Vi mangler altid trænere og hjælpere, og vi låner gerne hallen "
                    "ud til lokale arrangementer."
                ),
                "postcode": "5380",
                "email": "bestyrelsen@dalby-mesinge-if.example",
                "website": "",
            },
            {
                "slug": "havnecafeen",
                "kind": "association",
                "name": "Havnecaféen",
                "description": (
                    "En café ved havnen, som drives af omkring 30 frivillige. Her kan "
                    "alle få en kop kaffe og en snak, og hver torsdag er der "
                    "fællesspisning til 40 kr. Vi tager gerne imod nye frivillige – "
                    "også dig, der kun har én vagt om måneden."
                ),
                "postcode": "5300",
                "email": "vagtplan@havnecafeen-kerteminde.example",
                "website": "",
            },
            {
                "slug": "nordstrandens-bageri",
                "kind": "business",
                "name": "Nordstrandens Bageri",
                "description": (
                    "Lokalt bageri i Kerteminde, der bager med korn fra Hindsholm. Vi "
                    "giver dagens overskud af brød til fællesspisning og lægger gerne "
                    "baglokalet til små møder."
                ),
                "postcode": "5300",
                "email": "bageriet@nordstrandens-bageri.example",
                "website": "",
            },
            {
                "slug": "munkebo-smedje",
                "kind": "business",
                "name": "Munkebo Smedje og Maskiner",
                "description": (
                    "Familieejet smedje med tre ansatte og en lærling. Vi hjælper "
                    "gerne foreninger med at reparere udstyr og tager elever fra "
                    "folkeskolen i praktik."
                ),
                "postcode": "5330",
                "email": "post@munkebo-smedje.example",
                "website": "",
            },
            {
                "slug": "plejecentret-strandlyst",
                "kind": "institution",
                "name": "Plejecentret Strandlyst",
                "description": (
                    "Plejecenter med 40 beboere tæt på Nordstranden. Vi inviterer "
                    "frivillige, skoleklasser og foreninger indenfor til sang, gåture "
                    "og fællesspisning."
                ),
                "postcode": "5300",
                "email": "strandlyst@kerteminde.example",
                "website": "",
            },
        ],
        "people": [
            {
                "email": "borger@kerteminde.faelles.example",
                "display_name": "Anne Holm",
                "postcode": "5300",
                "languages": [
                    "da",
                    "en",
                ],
                "bio": (
                    "Jeg er 42 år, sygeplejerske og mor til to. Jeg vil gerne bruge "
                    "nogle weekender på at hjælpe med noget lokalt, måske "
                    "fællesspisning eller lektiehjælp."
                ),
                "roles": [
                    "citizen",
                ],
                "department": None,
                "job_title": "",
                "party": "",
                "organisations": [],
                "public_profile": True,
            },
            {
                "email": "medarbejder@kerteminde.faelles.example",
                "display_name": "Jesper Lund",
                "postcode": "5330",
                "languages": [
                    "da",
                    "en",
                ],
                "bio": (
                    "Jeg arbejder med at samle borgere, foreninger og kommunen om "
                    "gode idéer. Skriv eller ring, hvis du har en idé, du gerne vil "
                    "have hjælp til at få i gang."
                ),
                "roles": [
                    "citizen",
                    "employee",
                ],
                "department": "kultur-fritid-og-frivillighed",
                "job_title": "Fællesskabskonsulent",
                "party": "",
                "organisations": [],
                "public_profile": True,
            },
            {
                "email": "politiker@kerteminde.faelles.example",
                "display_name": "Birgitte Sørensen",
                "postcode": "5390",
                "languages": [
                    "da",
                    "en",
                ],
                "bio": (
                    "Jeg sidder i byrådet og er formand for opgaveudvalget om livet "
                    "på Hindsholm. Jeg vil gerne høre, hvad du synes, vi skal gøre "
                    "sammen."
                ),
                "roles": [
                    "citizen",
                    "politician",
                ],
                "department": None,
                "job_title": "",
                "party": "Venstre",
                "organisations": [],
                "public_profile": True,
            },
            {
                "email": "moderator@kerteminde.faelles.example",
                "display_name": "Lars Frandsen",
                "postcode": "5350",
                "languages": [
                    "da",
                    "de",
                ],
                "bio": (
                    "Jeg er pensioneret skolelærer fra Rynkeby. Jeg hjælper med at "
                    "holde en god og venlig tone her på siden."
                ),
                "roles": [
                    "citizen",
                    "moderator",
                ],
                "department": None,
                "job_title": "",
                "party": "",
                "organisations": [],
                "public_profile": True,
            },
            {
                "email": "admin@kerteminde.faelles.example",
                "display_name": "Camilla Juhl",
                "postcode": "5300",
                "languages": [
                    "da",
                    "en",
                ],
                "bio": (
                    "Jeg tager mig af platformen i kommunen og hjælper kolleger og "
                    "foreninger med at komme godt i gang."
                ),
                "roles": [
                    "employee",
                    "administrator",
                ],
                "department": "politik-og-udvikling",
                "job_title": "Digitaliseringskonsulent",
                "party": "",
                "organisations": [],
                "public_profile": True,
            },
            {
                "email": "forening@kerteminde.faelles.example",
                "display_name": "Henrik Mortensen",
                "postcode": "5300",
                "languages": [
                    "da",
                    "en",
                ],
                "bio": (
                    "Jeg er formand for Hindsholm Havkajakklub. Jeg har padlet i 20 "
                    "år og elsker at vise nye, hvor smuk kysten er fra vandet."
                ),
                "roles": [
                    "citizen",
                ],
                "department": None,
                "job_title": "",
                "party": "",
                "organisations": [
                    {
                        "slug": "hindsholm-havkajak",
                        "admin": True,
                    },
                ],
                "public_profile": True,
            },
            {
                "email": "virksomhed@kerteminde.faelles.example",
                "display_name": "Sofie Bech",
                "postcode": "5300",
                "languages": [
                    "da",
                ],
                "bio": (
                    "Jeg driver Nordstrandens Bageri sammen med min mand. Vi vil "
                    "gerne give noget tilbage til byen, der har taget så godt imod "
                    "os."
                ),
                "roles": [
                    "citizen",
                ],
                "department": None,
                "job_title": "",
                "party": "",
                "organisations": [
                    {
                        "slug": "nordstrandens-bageri",
                        "admin": True,
                    },
                ],
                "public_profile": True,
            },
            {
                "email": "mette.larsen@kerteminde.faelles.example",
                "display_name": "Mette Larsen",
                "postcode": "5330",
                "languages": [
                    "da",
                ],
                "bio": (
                    "Jeg er 71 og går med i seniorvandrerne hver onsdag. Jeg har "
                    "været bogholder hele mit arbejdsliv og hjælper gerne foreninger "
                    "med regnskabet."
                ),
                "roles": [
                    "citizen",
                ],
                "department": None,
                "job_title": "",
                "party": "",
                "organisations": [
                    {
                        "slug": "munkebo-seniorvandrere",
                        "admin": True,
                    },
                ],
                "public_profile": True,
            },
            {
                "email": "ahmad.rahimi@kerteminde.faelles.example",
                "display_name": "Ahmad Rahimi",
                "postcode": "5300",
                "languages": [
                    "fa",
                    "da",
                    "en",
                ],
                "bio": (
                    "Jeg kom til Kerteminde for seks år siden og arbejder som "
                    "elektriker. Jeg vil gerne hjælpe nye familier med at falde til "
                    "og kan tolke på persisk."
                ),
                "roles": [
                    "citizen",
                ],
                "department": None,
                "job_title": "",
                "party": "",
                "organisations": [
                    {
                        "slug": "frivillighuset-ved-fjorden",
                        "admin": False,
                    },
                ],
                "public_profile": True,
            },
            {
                "email": "oksana.kovalenko@kerteminde.faelles.example",
                "display_name": "Oksana Kovalenko",
                "postcode": "5300",
                "languages": [
                    "uk",
                    "en",
                    "da",
                ],
                "bio": (
                    "Jeg kom fra Kharkiv i 2022 sammen med min datter. Jeg lærer "
                    "dansk og vil gerne mødes med andre til sprogcafé."
                ),
                "roles": [
                    "citizen",
                ],
                "department": None,
                "job_title": "",
                "party": "",
                "organisations": [
                    {
                        "slug": "havnecafeen",
                        "admin": False,
                    },
                ],
                "public_profile": False,
            },
            {
                "email": "jonas.nielsen@kerteminde.faelles.example",
                "display_name": "Jonas Nielsen",
                "postcode": "5380",
                "languages": [
                    "da",
                    "en",
                ],
                "bio": (
                    "Jeg er 19 år og træner U10-fodbold i Dalby-Mesinge IF. Jeg "
                    "drømmer om en skaterbane på Hindsholm og vil gerne finde andre, "
                    "der vil hjælpe."
                ),
                "roles": [
                    "citizen",
                ],
                "department": None,
                "job_title": "",
                "party": "",
                "organisations": [
                    {
                        "slug": "dalby-mesinge-if",
                        "admin": False,
                    },
                ],
                "public_profile": True,
            },
            {
                "email": "karen.thomsen@kerteminde.faelles.example",
                "display_name": "Karen Thomsen",
                "postcode": "5370",
                "languages": [
                    "da",
                ],
                "bio": (
                    "Min mor bor på Strandlyst, og jeg kommer der flere gange om "
                    "ugen. Jeg vil gerne være med til at synge med beboerne."
                ),
                "roles": [
                    "citizen",
                ],
                "department": None,
                "job_title": "",
                "party": "",
                "organisations": [
                    {
                        "slug": "plejecentret-strandlyst",
                        "admin": False,
                    },
                ],
                "public_profile": False,
            },
        ],
    },
    {
        "slug": "odense",
        "name": "Odense Kommune",
        "programme_name": "Sammen om udvikling",
        "programme_name_en": "Together for Development",
        "programme_text": (
            "Sammen om udvikling er Odenses måde at arbejde på, når byen vokser og "
            "forandrer sig. Vi tror på, at de bedste løsninger opstår, når borgere, "
            "foreninger, virksomheder, uddannelsessteder og kommunen skaber dem "
            "sammen. Fire pejlemærker viser vejen: mod, udvikling, handlekraft og "
            "fællesskab. Her kan du dele, hvad du kan bidrage med, og hvad du har "
            "brug for. Du kan foreslå et initiativ i dit kvarter eller gå med i et "
            "fællesskab – fra Vollsmose til Dalum og fra Tarup til Hjallese. "
            "Kommunens medarbejdere er med som tovholdere og hjælper med at samle de "
            "rette folk. Vi prøver ting af, lærer undervejs og deler erfaringerne, så "
            "alle kan bruge dem."
        ),
        "programme_text_en": (
            "Together for Development is how Odense works as the city grows and "
            "changes. We believe the best solutions come about when citizens, "
            "associations, businesses, places of learning and the municipality create "
            "them together. Four bearings show the way: courage, development, drive "
            "and community. Here you can share what you can contribute and what you "
            "need. You can propose an initiative in your neighbourhood or join a "
            "community – from Vollsmose to Dalum and from Tarup to Hjallese. The "
            "municipality's staff take part as coordinators and help bring the right "
            "people together. We try things out, learn along the way and share what "
            "we learn so that everyone can use it."
        ),
        "principles": [
            {
                "title": "Mod",
                "title_en": "Courage",
                "text": (
                    "Vi tør tænke nyt og sige det højt, når noget ikke virker. Vi "
                    "giver plads til at prøve, også når vi ikke kender svaret på "
                    "forhånd."
                ),
                "text_en": (
                    "We dare to think in new ways and to speak up when something does "
                    "not work. We make room to try, even when we do not know the "
                    "answer in advance."
                ),
            },
            {
                "title": "Udvikling",
                "title_en": "Development",
                "text": (
                    "Vi lærer hele tiden – af hinanden, af borgerne og af det, der "
                    "går galt. Vi bruger erfaringerne til at gøre byen og vores "
                    "arbejde bedre."
                ),
                "text_en": (
                    "We keep learning – from each other, from citizens and from what "
                    "goes wrong. We use what we learn to make the city and our work "
                    "better."
                ),
            },
            {
                "title": "Handlekraft",
                "title_en": "Drive",
                "text": (
                    "Vi går fra snak til handling. Vi tager ansvar, træffer "
                    "beslutninger og følger op, så gode idéer bliver til virkelighed."
                ),
                "text_en": (
                    "We move from talk to action. We take responsibility, make "
                    "decisions and follow up, so that good ideas become real."
                ),
            },
            {
                "title": "Fællesskab",
                "title_en": "Community",
                "text": (
                    "Vi løfter i flok. Byen bliver bedst, når borgere, foreninger, "
                    "virksomheder og kommunen bidrager hver for sig og sammen."
                ),
                "text_en": (
                    "We lift together. The city is at its best when citizens, "
                    "associations, businesses and the municipality each contribute, "
                    "on their own and together."
                ),
            },
        ],
        "contact": {
            "email": "sammenomudvikling@odense.example",
            "phone": "+45 66 13 13 72",
            "address": "Flakhaven 2, 5000 Odense C",
            "website": "https://www.odense.dk",
        },
        "colours": {
            "primary": "#003B6F",
            "accent": "#E2574C",
        },
        "departments": [
            {
                "slug": "borgmesterforvaltningen",
                "name": "Borgmesterforvaltningen",
                "description": (
                    "Samler trådene på tværs af byen og understøtter byrådet. Her "
                    "ligger også arbejdet med borgerinddragelse og Sammen om "
                    "udvikling."
                ),
            },
            {
                "slug": "boern-og-unge",
                "name": "Børn- og Ungeforvaltningen",
                "description": (
                    "Dagtilbud, skoler og fritid for byens børn og unge. Vi inviterer "
                    "familier, foreninger og lokalsamfund med i arbejdet."
                ),
            },
            {
                "slug": "aeldre-og-handicap",
                "name": "Ældre- og Handicapforvaltningen",
                "description": (
                    "Vi arbejder for et godt hverdagsliv for ældre og mennesker med "
                    "handicap – sammen med dem selv, deres pårørende og de "
                    "frivillige."
                ),
            },
            {
                "slug": "beskaeftigelse-og-social",
                "name": "Beskæftigelses- og Socialforvaltningen",
                "description": (
                    "Vi hjælper borgere videre mod job, uddannelse og et stabilt liv "
                    "og samarbejder tæt med virksomheder og foreninger i byen."
                ),
            },
            {
                "slug": "by-og-kultur",
                "name": "By- og Kulturforvaltningen",
                "description": (
                    "Byens rum, natur, kultur og foreningsliv. Vi støtter frivillige "
                    "og lokale kræfter, der gør byen levende."
                ),
            },
        ],
        "organisations": [
            {
                "slug": "vollsmose-naboskab",
                "kind": "association",
                "name": "Vollsmose Naboskab",
                "description": (
                    "Beboerforening i Vollsmose, der holder fællesspisning hver "
                    "fredag, lektiecafé og loppemarked. Vi er beboere med rødder i "
                    "mere end 30 lande, og vi vil gerne vise, hvor meget liv der er i "
                    "vores område."
                ),
                "postcode": "5240",
                "email": "bestyrelsen@vollsmose-naboskab.example",
                "website": "",
            },
            {
                "slug": "aaens-venner",
                "kind": "association",
                "name": "Åens Venner",
                "description": (
                    "Frivillige, der passer på Odense Å fra Fruens Bøge til Munke "
                    "Mose. Vi samler affald fra kano, planter blomster langs stien og "
                    "fortæller børn om livet i åen. Nye medlemmer får en tur i kano "
                    "med det samme."
                ),
                "postcode": "5000",
                "email": "kontakt@aaens-venner.example",
                "website": "",
            },
            {
                "slug": "bolbro-if-for-alle",
                "kind": "association",
                "name": "Bolbro Idrætsforening for Alle",
                "description": (
                    "Fodbold, løb og motion i Bolbro. Vi har særlige hold for "
                    "kvinder, seniorer og børn med handicap og søger altid frivillige "
                    "trænere."
                ),
                "postcode": "5200",
                "email": "info@bolbro-ifa.example",
                "website": "",
            },
            {
                "slug": "hjaelpekorset-fyn",
                "kind": "association",
                "name": "Hjælpekorset Fyn",
                "description": (
                    "Vores frivillige besøger ensomme ældre, driver en genbrugsbutik "
                    "og hjælper familier med tøj og skoleting. Vi har en afdeling i "
                    "Dalum og en i Hjallese, og vi mangler altid besøgsvenner."
                ),
                "postcode": "5250",
                "email": "odense@hjaelpekorset-fyn.example",
                "website": "",
            },
            {
                "slug": "cafe-faellesrum-tarup",
                "kind": "association",
                "name": "Café Fællesrum i Tarup",
                "description": (
                    "En café drevet af frivillige, hvor alle kan få en kop kaffe til "
                    "5 kr. Vi har strikkeklub, sprogcafé og spilaften, og vi tager "
                    "gerne imod nye idéer."
                ),
                "postcode": "5210",
                "email": "cafe@faellesrum-tarup.example",
                "website": "",
            },
            {
                "slug": "fynsk-cykelvaerksted",
                "kind": "business",
                "name": "Fynsk Cykelværksted",
                "description": (
                    "Cykelværksted i midtbyen med fem ansatte. Vi holder gratis "
                    "reparationsdage for børnefamilier og tager unge i praktik."
                ),
                "postcode": "5000",
                "email": "vaerksted@fynsk-cykel.example",
                "website": "",
            },
            {
                "slug": "soendergaard-byg",
                "kind": "business",
                "name": "Søndergaard Byg & Renovering",
                "description": (
                    "Tømrer- og murerfirma med 12 ansatte. Vi donerer gerne "
                    "restmaterialer og arbejdstimer til fællesprojekter som højbede "
                    "og shelters."
                ),
                "postcode": "5220",
                "email": "kontor@soendergaard-byg.example",
                "website": "",
            },
            {
                "slug": "aktivitetscentret-hjallesehus",
                "kind": "institution",
                "name": "Aktivitetscentret Hjallesehus",
                "description": (
                    "Aktivitetscenter for seniorer med værksted, motionssal og "
                    "køkken. Foreninger kan låne lokalerne om aftenen og i weekenden."
                ),
                "postcode": "5260",
                "email": "hjallesehus@odense.example",
                "website": "",
            },
        ],
        "people": [
            {
                "email": "borger@odense.faelles.example",
                "display_name": "Rasmus Kjær",
                "postcode": "5000",
                "languages": [
                    "da",
                    "en",
                ],
                "bio": (
                    "Jeg er 34, læser til lærer og bor i midtbyen. Jeg kan godt lide "
                    "at bygge ting og vil gerne være med til at lave noget for "
                    "børnene i vores gård."
                ),
                "roles": [
                    "citizen",
                ],
                "department": None,
                "job_title": "",
                "party": "",
                "organisations": [],
                "public_profile": True,
            },
            {
                "email": "medarbejder@odense.faelles.example",
                "display_name": "Nadia El-Sayed",
                "postcode": "5240",
                "languages": [
                    "da",
                    "ar",
                    "en",
                ],
                "bio": (
                    "Jeg er frivillighedskoordinator og hjælper foreninger og borgere "
                    "med at finde hinanden. Jeg er selv vokset op i Vollsmose og "
                    "kender mange af byens fællesskaber."
                ),
                "roles": [
                    "citizen",
                    "employee",
                ],
                "department": "by-og-kultur",
                "job_title": "Frivillighedskoordinator",
                "party": "",
                "organisations": [],
                "public_profile": True,
            },
            {
                "email": "politiker@odense.faelles.example",
                "display_name": "Peter Skov",
                "postcode": "5210",
                "languages": [
                    "da",
                    "en",
                ],
                "bio": (
                    "Jeg sidder i byrådet og leder opgaveudvalget om fællesskaber i "
                    "de nye bydele. Jeg tror på, at de bedste idéer kommer fra dem, "
                    "der bor der."
                ),
                "roles": [
                    "citizen",
                    "politician",
                ],
                "department": None,
                "job_title": "",
                "party": "Socialdemokratiet",
                "organisations": [],
                "public_profile": True,
            },
            {
                "email": "moderator@odense.faelles.example",
                "display_name": "Louise Bang",
                "postcode": "5230",
                "languages": [
                    "da",
                    "en",
                ],
                "bio": (
                    "Jeg arbejder med kommunikation i kommunen og er moderator her på "
                    "siden. Jeg hjælper med at holde en tone, hvor alle har lyst til "
                    "at være med."
                ),
                "roles": [
                    "employee",
                    "moderator",
                ],
                "department": "borgmesterforvaltningen",
                "job_title": "Kommunikationsmedarbejder",
                "party": "",
                "organisations": [],
                "public_profile": True,
            },
            {
                "email": "admin@odense.faelles.example",
                "display_name": "Thomas Vinther",
                "postcode": "5260",
                "languages": [
                    "da",
                    "en",
                ],
                "bio": (
                    "Jeg står for platformen i Odense og hjælper kolleger, foreninger "
                    "og borgere, når noget driller."
                ),
                "roles": [
                    "employee",
                    "administrator",
                ],
                "department": "borgmesterforvaltningen",
                "job_title": "IT-konsulent",
                "party": "",
                "organisations": [],
                "public_profile": True,
            },
            {
                "email": "forening@odense.faelles.example",
                "display_name": "Fatima Hussein",
                "postcode": "5240",
                "languages": [
                    "so",
                    "da",
                    "en",
                ],
                "bio": (
                    "Jeg er formand for Vollsmose Naboskab. Jeg elsker at lave mad "
                    "til mange og at se nye naboer blive venner."
                ),
                "roles": [
                    "citizen",
                ],
                "department": None,
                "job_title": "",
                "party": "",
                "organisations": [
                    {
                        "slug": "vollsmose-naboskab",
                        "admin": True,
                    },
                ],
                "public_profile": True,
            },
            {
                "email": "virksomhed@odense.faelles.example",
                "display_name": "Kasper Søndergaard",
                "postcode": "5220",
                "languages": [
                    "da",
                ],
                "bio": (
                    "Jeg ejer Søndergaard Byg & Renovering. Vi har altid lidt "
                    "materialer og et par hænder til overs til gode projekter i byen."
                ),
                "roles": [
                    "citizen",
                ],
                "department": None,
                "job_title": "",
                "party": "",
                "organisations": [
                    {
                        "slug": "soendergaard-byg",
                        "admin": True,
                    },
                ],
                "public_profile": True,
            },
            {
                "email": "mehmet.yilmaz@odense.faelles.example",
                "display_name": "Mehmet Yılmaz",
                "postcode": "5200",
                "languages": [
                    "tr",
                    "da",
                    "de",
                ],
                "bio": (
                    "Jeg er 55 og kører bus i Odense. I fritiden træner jeg "
                    "seniorfodbold i Bolbro og hjælper gerne andre i gang med at "
                    "motionere."
                ),
                "roles": [
                    "citizen",
                ],
                "department": None,
                "job_title": "",
                "party": "",
                "organisations": [
                    {
                        "slug": "bolbro-if-for-alle",
                        "admin": False,
                    },
                ],
                "public_profile": True,
            },
            {
                "email": "ida.moeller@odense.faelles.example",
                "display_name": "Ida Møller",
                "postcode": "5250",
                "languages": [
                    "da",
                    "en",
                ],
                "bio": (
                    "Jeg læser til sygeplejerske og er besøgsven i Hjælpekorset Fyn. "
                    "Jeg har levet med type 1-diabetes, siden jeg var ni, og vil "
                    "gerne dele mine erfaringer med andre unge."
                ),
                "roles": [
                    "citizen",
                ],
                "department": None,
                "job_title": "",
                "party": "",
                "organisations": [
                    {
                        "slug": "hjaelpekorset-fyn",
                        "admin": False,
                    },
                ],
                "public_profile": False,
            },
            {
                "email": "poul.eriksen@odense.faelles.example",
                "display_name": "Poul Eriksen",
                "postcode": "5260",
                "languages": [
                    "da",
                ],
                "bio": (
                    "Jeg er 78 og tidligere maskinarbejder. Jeg kommer i værkstedet i "
                    "Hjallesehus og reparerer gerne cykler og legetøj for andre."
                ),
                "roles": [
                    "citizen",
                ],
                "department": None,
                "job_title": "",
                "party": "",
                "organisations": [
                    {
                        "slug": "aktivitetscentret-hjallesehus",
                        "admin": False,
                    },
                ],
                "public_profile": True,
            },
            {
                "email": "marta.nowak@odense.faelles.example",
                "display_name": "Marta Nowak",
                "postcode": "5210",
                "languages": [
                    "pl",
                    "en",
                    "da",
                ],
                "bio": (
                    "Jeg kommer fra Polen og arbejder som social- og "
                    "sundhedsassistent. Jeg vil gerne øve mit dansk og bager gerne "
                    "kage til caféen i Tarup."
                ),
                "roles": [
                    "citizen",
                ],
                "department": None,
                "job_title": "",
                "party": "",
                "organisations": [
                    {
                        "slug": "cafe-faellesrum-tarup",
                        "admin": False,
                    },
                ],
                "public_profile": False,
            },
            {
                "email": "jakob.winther@odense.faelles.example",
                "display_name": "Jakob Winther",
                "postcode": "5000",
                "languages": [
                    "da",
                    "en",
                ],
                "bio": (
                    "Jeg er 41, arbejder med grafisk design og sejler kano på åen, "
                    "når jeg kan. Jeg laver gerne plakater og foldere for foreninger."
                ),
                "roles": [
                    "citizen",
                ],
                "department": None,
                "job_title": "",
                "party": "",
                "organisations": [
                    {
                        "slug": "aaens-venner",
                        "admin": False,
                    },
                ],
                "public_profile": True,
            },
        ],
    },
    {
        "slug": "faxe",
        "name": "Faxe Kommune",
        "programme_name": "Faxe i Fællesskab",
        "programme_name_en": "Faxe Together",
        "programme_text": (
            "Faxe i Fællesskab handler om, at vi sammen skaber de bedste rammer for "
            "livet i hele kommunen – i Haslev, Faxe, Karise, Rønnede, Faxe Ladeplads "
            "og landsbyerne imellem. Kommunen kan ikke løse alt alene, og borgere, "
            "foreninger og virksomheder har masser af viden, kræfter og gode idéer. "
            "Derfor inviterer vi til samskabelse: Vi finder løsningerne sammen i "
            "stedet for hver for sig. Vi prøver nye idéer af i det små, ser hvad der "
            "virker, og justerer undervejs i stedet for at gøre, som vi plejer. Her "
            "kan du tilbyde din hjælp, fortælle hvad du mangler, foreslå en "
            "prøvehandling eller finde andre, der brænder for det samme som dig."
        ),
        "programme_text_en": (
            "Faxe Together is about creating the best conditions for life across the "
            "whole municipality – in Haslev, Faxe, Karise, Rønnede, Faxe Ladeplads "
            "and the villages in between. The municipality cannot solve everything "
            "alone, and citizens, associations and businesses have plenty of "
            "knowledge, energy and good ideas. That is why we invite you to "
            "co-create: we find solutions together instead of each on our own. We try "
            "new ideas on a small scale, see what works and adjust as we go, instead "
            "of doing what we have always done. Here you can offer your help, say "
            "what you need, propose a trial or find others who care about the same "
            "things as you."
        ),
        "principles": [
            {
                "title": "Innovation",
                "title_en": "Innovation",
                "text": (
                    "Vi er nysgerrige på nye måder at gøre tingene på. Gode idéer kan "
                    "komme fra alle – borgere, foreninger, virksomheder og "
                    "medarbejdere."
                ),
                "text_en": (
                    "We are curious about new ways of doing things. Good ideas can "
                    "come from anyone – citizens, associations, businesses and staff."
                ),
            },
            {
                "title": "Samskabelse",
                "title_en": "Co-creation",
                "text": (
                    "Vi skaber løsninger sammen med dem, det handler om. Kommunen "
                    "inviterer, lytter og bidrager, men løfter ikke alene."
                ),
                "text_en": (
                    "We create solutions together with the people they concern. The "
                    "municipality invites, listens and contributes, but does not "
                    "carry the load alone."
                ),
            },
            {
                "title": "Prøvehandlinger",
                "title_en": "Trial actions",
                "text": (
                    "I stedet for at gøre, som vi plejer, prøver vi nye idéer af i "
                    "det små. Vi ser, hvad der virker, lærer af det, der ikke gør, og "
                    "justerer undervejs."
                ),
                "text_en": (
                    "Instead of sticking to routine, we try new ideas on a small "
                    "scale. We see what works, learn from what does not, and adjust "
                    "as we go."
                ),
            },
        ],
        "contact": {
            "email": "faellesskab@faxe.example",
            "phone": "+45 56 20 30 00",
            "address": "Frederiksgade 9, 4690 Haslev",
            "website": "https://www.faxekommune.dk",
        },
        "colours": {
            "primary": "#00594F",
            "accent": "#A8C94A",
        },
        "departments": [
            {
                "slug": "sundhed-og-omsorg",
                "name": "Sundhed og Omsorg",
                "description": (
                    "Vi arbejder for sundhed og et godt liv for ældre og borgere med "
                    "behov for støtte – sammen med pårørende, frivillige og "
                    "foreninger."
                ),
            },
            {
                "slug": "boern-unge-og-familie",
                "name": "Børn, Unge og Familie",
                "description": (
                    "Dagtilbud, skoler og familiestøtte. Vi inviterer forældre og "
                    "lokalsamfund med til at skabe gode rammer for børn og unge."
                ),
            },
            {
                "slug": "kultur-og-fritid",
                "name": "Kultur og Fritid",
                "description": (
                    "Vi bakker op om foreninger, frivillige, biblioteker og kulturliv "
                    "og hjælper borgernes prøvehandlinger i gang."
                ),
            },
            {
                "slug": "plan-og-miljoe",
                "name": "Plan og Miljø",
                "description": (
                    "Natur, veje, klima og byudvikling. Vi samarbejder med landsbyråd "
                    "og lokalråd om udviklingen i hele kommunen."
                ),
            },
            {
                "slug": "udvikling-og-digitalisering",
                "name": "Udvikling og Digitalisering",
                "description": (
                    "Vi understøtter byrådet, samskabelse på tværs og kommunens "
                    "digitale fællesskabsplatform."
                ),
            },
        ],
        "organisations": [
            {
                "slug": "faxe-ladeplads-baadelaug",
                "kind": "association",
                "name": "Faxe Ladeplads Bådelaug",
                "description": (
                    "Vi passer på den lille havn og stranden ved Faxe Ladeplads. Om "
                    "sommeren låner vi joller og redningsveste ud til børn og unge, "
                    "og hver søndag morgen i vinterhalvåret bader vi sammen."
                ),
                "postcode": "4654",
                "email": "laug@faxe-ladeplads-baadelaug.example",
                "website": "",
            },
            {
                "slug": "frivilligboersen-haslev",
                "kind": "association",
                "name": "Frivilligbørsen Haslev",
                "description": (
                    "Et mødested for frivillige og foreninger i Haslev. Vi formidler "
                    "frivilligjob, holder netværksmøder og har et lille lokale med "
                    "kaffe på kanden, hvor alle er velkomne."
                ),
                "postcode": "4690",
                "email": "hej@frivilligboersen-haslev.example",
                "website": "",
            },
            {
                "slug": "karise-gif",
                "kind": "association",
                "name": "Karise Gymnastik- og Idrætsforening",
                "description": (
                    "Gymnastik, håndbold og løb for alle aldre. Vores motionshold for "
                    "seniorer mødes to gange om ugen i hallen, og vi søger altid "
                    "hjælpetrænere."
                ),
                "postcode": "4653",
                "email": "formand@karise-gif.example",
                "website": "",
            },
            {
                "slug": "roennede-seniorer-paa-tur",
                "kind": "association",
                "name": "Rønnede Seniorer på Tur",
                "description": (
                    "Vi går ture i skovene omkring Rønnede hver torsdag og tager "
                    "bussen til Faxe Bugt en gang om måneden. Ruten tilpasses, så "
                    "alle kan være med, også med rollator."
                ),
                "postcode": "4683",
                "email": "tur@roennede-seniorer.example",
                "website": "",
            },
            {
                "slug": "faxe-groent",
                "kind": "business",
                "name": "Faxe Grønt og Gårdbutik",
                "description": (
                    "Lille gårdbutik uden for Faxe med grøntsager fra egne marker. Vi "
                    "låner gerne et stykke jord ud til skolehaver og giver "
                    "overskudsgrønt til fællesspisning."
                ),
                "postcode": "4640",
                "email": "butik@faxe-groent.example",
                "website": "",
            },
            {
                "slug": "haarlev-vvs-og-energi",
                "kind": "business",
                "name": "Hårlev VVS & Energi",
                "description": (
                    "Lokal VVS-virksomhed med otte ansatte. Vi hjælper foreninger med "
                    "at få tjekket energiforbruget i klubhusene og tager gerne unge i "
                    "erhvervspraktik."
                ),
                "postcode": "4652",
                "email": "kontor@haarlev-vvs.example",
                "website": "",
            },
            {
                "slug": "borgerhuset-i-faxe",
                "kind": "institution",
                "name": "Borgerhuset i Faxe",
                "description": (
                    "Et kommunalt hus for alle i Faxe by med bibliotek, værksted og "
                    "mødelokaler. Foreninger og borgergrupper kan booke lokalerne "
                    "gratis."
                ),
                "postcode": "4640",
                "email": "borgerhuset@faxe.example",
                "website": "",
            },
        ],
        "people": [
            {
                "email": "borger@faxe.faelles.example",
                "display_name": "Maria Kristensen",
                "postcode": "4690",
                "languages": [
                    "da",
                    "en",
                ],
                "bio": (
                    "Jeg er 38, bor i Haslev med min familie og arbejder som "
                    "bogholder. Jeg vil gerne være med til at skabe noget for de unge "
                    "i byen."
                ),
                "roles": [
                    "citizen",
                ],
                "department": None,
                "job_title": "",
                "party": "",
                "organisations": [],
                "public_profile": True,
            },
            {
                "email": "medarbejder@faxe.faelles.example",
                "display_name": "Morten Friis",
                "postcode": "4640",
                "languages": [
                    "da",
                    "en",
                ],
                "bio": (
                    "Jeg hjælper borgere og foreninger med at sætte prøvehandlinger i "
                    "gang – fra idé til første forsøg. Skriv til mig, hvis du går med "
                    "en idé."
                ),
                "roles": [
                    "citizen",
                    "employee",
                ],
                "department": "kultur-og-fritid",
                "job_title": "Fællesskabskonsulent",
                "party": "",
                "organisations": [],
                "public_profile": True,
            },
            {
                "email": "politiker@faxe.faelles.example",
                "display_name": "Hanne Dahl",
                "postcode": "4653",
                "languages": [
                    "da",
                    "en",
                ],
                "bio": (
                    "Jeg sidder i byrådet og bor i Karise. Jeg leder opgaveudvalget "
                    "om landsbyernes fremtid og vil gerne høre fra dig."
                ),
                "roles": [
                    "citizen",
                    "politician",
                ],
                "department": None,
                "job_title": "",
                "party": "Det Konservative Folkeparti",
                "organisations": [],
                "public_profile": True,
            },
            {
                "email": "moderator@faxe.faelles.example",
                "display_name": "Kirsten Poulsen",
                "postcode": "4654",
                "languages": [
                    "da",
                ],
                "bio": (
                    "Jeg er dagplejer i Faxe Ladeplads og frivillig moderator her på "
                    "siden. Jeg hjælper med at holde en god og venlig tone."
                ),
                "roles": [
                    "citizen",
                    "moderator",
                ],
                "department": None,
                "job_title": "",
                "party": "",
                "organisations": [],
                "public_profile": True,
            },
            {
                "email": "admin@faxe.faelles.example",
                "display_name": "Anders Bruun",
                "postcode": "4690",
                "languages": [
                    "da",
                    "en",
                ],
                "bio": (
                    "Jeg tager mig af platformen i Faxe Kommune og hjælper gerne, "
                    "hvis du har spørgsmål til, hvordan den virker."
                ),
                "roles": [
                    "employee",
                    "administrator",
                ],
                "department": "udvikling-og-digitalisering",
                "job_title": "Digitaliseringskonsulent",
                "party": "",
                "organisations": [],
                "public_profile": True,
            },
            {
                "email": "forening@faxe.faelles.example",
                "display_name": "Bent Olsen",
                "postcode": "4654",
                "languages": [
                    "da",
                    "de",
                ],
                "bio": (
                    "Jeg er formand for bådelauget og har sejlet i Faxe Bugt, siden "
                    "jeg var dreng. Jeg viser gerne børn og unge, hvordan man sejler "
                    "en jolle."
                ),
                "roles": [
                    "citizen",
                ],
                "department": None,
                "job_title": "",
                "party": "",
                "organisations": [
                    {
                        "slug": "faxe-ladeplads-baadelaug",
                        "admin": True,
                    },
                ],
                "public_profile": True,
            },
            {
                "email": "virksomhed@faxe.faelles.example",
                "display_name": "Line Gram",
                "postcode": "4640",
                "languages": [
                    "da",
                    "en",
                ],
                "bio": (
                    "Jeg driver gårdbutikken sammen med min søster. Vi vil gerne have "
                    "flere børn ud på marken, så de lærer, hvor maden kommer fra."
                ),
                "roles": [
                    "citizen",
                ],
                "department": None,
                "job_title": "",
                "party": "",
                "organisations": [
                    {
                        "slug": "faxe-groent",
                        "admin": True,
                    },
                ],
                "public_profile": True,
            },
            {
                "email": "yusuf.abdi@faxe.faelles.example",
                "display_name": "Yusuf Abdi",
                "postcode": "4690",
                "languages": [
                    "so",
                    "da",
                    "en",
                ],
                "bio": (
                    "Jeg er 29 og arbejder på en fabrik i Haslev. Jeg er frivillig "
                    "lektiehjælper og vil gerne starte en fodboldaften for unge."
                ),
                "roles": [
                    "citizen",
                ],
                "department": None,
                "job_title": "",
                "party": "",
                "organisations": [
                    {
                        "slug": "frivilligboersen-haslev",
                        "admin": False,
                    },
                ],
                "public_profile": True,
            },
            {
                "email": "inger.madsen@faxe.faelles.example",
                "display_name": "Inger Madsen",
                "postcode": "4683",
                "languages": [
                    "da",
                ],
                "bio": (
                    "Jeg er 80 og går med på torsdagsturene. Jeg har været syerske og "
                    "lærer gerne andre at lappe og sy."
                ),
                "roles": [
                    "citizen",
                ],
                "department": None,
                "job_title": "",
                "party": "",
                "organisations": [
                    {
                        "slug": "roennede-seniorer-paa-tur",
                        "admin": True,
                    },
                ],
                "public_profile": True,
            },
            {
                "email": "olena.shevchenko@faxe.faelles.example",
                "display_name": "Olena Shevchenko",
                "postcode": "4640",
                "languages": [
                    "uk",
                    "pl",
                    "en",
                ],
                "bio": (
                    "Jeg er sygeplejerske fra Ukraine og bor i Faxe med min søn. Jeg "
                    "vil gerne lære dansk og møde andre forældre."
                ),
                "roles": [
                    "citizen",
                ],
                "department": None,
                "job_title": "",
                "party": "",
                "organisations": [],
                "public_profile": False,
            },
            {
                "email": "frederik.jensen@faxe.faelles.example",
                "display_name": "Frederik Jensen",
                "postcode": "4653",
                "languages": [
                    "da",
                    "en",
                    "de",
                ],
                "bio": (
                    "Jeg er 17 og hjælpetræner på børnegymnastikken i Karise. Jeg vil "
                    "gerne have en bane til cykler og løbehjul i byen."
                ),
                "roles": [
                    "citizen",
                ],
                "department": None,
                "job_title": "",
                "party": "",
                "organisations": [
                    {
                        "slug": "karise-gif",
                        "admin": False,
                    },
                ],
                "public_profile": True,
            },
        ],
    },
    {
        "slug": "skanderborg",
        "name": "Skanderborg Kommune",
        "programme_name": "Kommunen 3.0",
        "programme_name_en": "Municipality 3.0",
        "programme_text": (
            "Kommunen 3.0 er Skanderborg Kommunes måde at tænke kommune på. Kommunen "
            "er ikke et sted, man henter hjælp – den er et fællesskab, hvor borgere, "
            "foreninger, virksomheder og kommunens medarbejdere skaber velfærd "
            "sammen. Vi tror på, at alle har ressourcer og noget at bidrage med. "
            "Medarbejderne inviterer og faciliterer, og politikerne går forrest i "
            "lokalsamfundet. Her kan du tilbyde din viden, din tid eller dit "
            "værksted, finde nogen, der kan hjælpe dig, og gå med i initiativer og "
            "fællesskaber i Skanderborg, Ry, Hørning, Galten og de mange landsbyer. "
            "Vi tør prøve nye ting og lære af det, der ikke lykkes."
        ),
        "programme_text_en": (
            "Municipality 3.0 is how Skanderborg Municipality thinks about being a "
            "municipality. The municipality is not a place where you go to fetch help "
            "– it is a community where citizens, associations, businesses and the "
            "municipality's staff create welfare together. We believe that everyone "
            "has resources and something to contribute. Staff invite and facilitate, "
            "and politicians lead the way in the local community. Here you can offer "
            "your knowledge, your time or your workshop, find someone who can help "
            "you, and join initiatives and communities in Skanderborg, Ry, Hørning, "
            "Galten and the many villages. We dare to try new things and to learn "
            "from what does not succeed."
        ),
        "principles": [
            {
                "title": "Kommunen er et fællesskab",
                "title_en": "The municipality is a community",
                "text": (
                    "Kommunen er ikke kun rådhuset og de ansatte. Det er alle os, der "
                    "bor, arbejder og lever her – og vi skaber velfærden sammen."
                ),
                "text_en": (
                    "The municipality is not just the town hall and its staff. It is "
                    "all of us who live and work here – and we create welfare "
                    "together."
                ),
            },
            {
                "title": "Alle har ressourcer",
                "title_en": "Everyone has resources",
                "text": (
                    "Vi møder hinanden som mennesker med evner, erfaringer og netværk "
                    "– ikke som modtagere. Alle kan bidrage med noget."
                ),
                "text_en": (
                    "We meet each other as people with skills, experience and "
                    "networks – not as recipients. Everyone can contribute something."
                ),
            },
            {
                "title": "Medarbejdere faciliterer",
                "title_en": "Staff facilitate",
                "text": (
                    "Kommunens medarbejdere inviterer, forbinder og skaber rum, så "
                    "borgere og fællesskaber selv kan løfte. De går fra at løse "
                    "opgaven alene til at hjælpe andre med at løse den sammen."
                ),
                "text_en": (
                    "The municipality's staff invite, connect and make room, so that "
                    "citizens and communities can carry things themselves. They move "
                    "from solving the task alone to helping others solve it together."
                ),
            },
            {
                "title": "Politikerne leder lokalsamfundet",
                "title_en": "Politicians lead the local community",
                "text": (
                    "Byrådet sætter retning sammen med borgerne, for eksempel i "
                    "opgaveudvalg og bevægelser. Politikerne går forrest i "
                    "lokalsamfundet, ikke kun i organisationen."
                ),
                "text_en": (
                    "The council sets the direction together with citizens, for "
                    "example in task committees and movements. Politicians lead the "
                    "way in the local community, not only in the organisation."
                ),
            },
            {
                "title": "Vi tør prøve",
                "title_en": "We dare to try",
                "text": (
                    "Vi prøver nye idéer af i det små og lærer af både det, der "
                    "lykkes, og det, der ikke gør. Det er i orden at fejle, når vi "
                    "lærer af det."
                ),
                "text_en": (
                    "We try new ideas on a small scale and learn from both what "
                    "succeeds and what does not. It is all right to fail when we "
                    "learn from it."
                ),
            },
        ],
        "contact": {
            "email": "kommunen30@skanderborg.example",
            "phone": "+45 87 94 70 00",
            "address": "Adelgade 44, 8660 Skanderborg",
            "website": "https://www.skanderborg.dk",
        },
        "colours": {
            "primary": "#1F5C4A",
            "accent": "#F0B323",
        },
        "departments": [
            {
                "slug": "sundhed-og-omsorg",
                "name": "Sundhed og Omsorg",
                "description": (
                    "Vi arbejder sammen med borgere, pårørende og frivillige om "
                    "sundhed, træning og et godt liv som ældre."
                ),
            },
            {
                "slug": "boern-og-unge",
                "name": "Børn og Unge",
                "description": (
                    "Dagtilbud, skoler og fritid. Vi skaber gode børneliv sammen med "
                    "forældre, foreninger og lokalsamfund."
                ),
            },
            {
                "slug": "kultur-og-faellesskab",
                "name": "Kultur og Fællesskab",
                "description": (
                    "Vi bakker op om foreningsliv, frivillighed, biblioteker og "
                    "kultur og hjælper borgernes idéer på vej."
                ),
            },
            {
                "slug": "teknik-og-miljoe",
                "name": "Teknik og Miljø",
                "description": (
                    "Søer, skove, stier, veje og klima. Vi samarbejder med lokalråd "
                    "og foreninger om at passe på naturen og byerne."
                ),
            },
            {
                "slug": "beskaeftigelse-og-social",
                "name": "Beskæftigelse og Social",
                "description": (
                    "Vi hjælper borgere videre mod job og et godt hverdagsliv og "
                    "samarbejder med lokale virksomheder om praktik og job."
                ),
            },
            {
                "slug": "politik-og-strategi",
                "name": "Politik og Strategi",
                "description": (
                    "Sekretariat for byrådet, opgaveudvalg og kommunens arbejde med "
                    "Kommunen 3.0 og den digitale fællesskabsplatform."
                ),
            },
        ],
        "organisations": [
            {
                "slug": "skanderborg-soe-kajak-og-roklub",
                "kind": "association",
                "name": "Skanderborg Sø Kajak- og Roklub",
                "description": (
                    "Vi ror og padler på Skanderborg Sø og Lillesø. Klubben låner "
                    "kajakker ud til nye medlemmer og har faste aftener for seniorer "
                    "og for mennesker med handicap."
                ),
                "postcode": "8660",
                "email": "klubben@soe-kajak-ro.example",
                "website": "",
            },
            {
                "slug": "frivillighuset-i-ry",
                "kind": "association",
                "name": "Frivillighuset i Ry",
                "description": (
                    "Et hus ved Gudenåen, hvor frivillige mødes om alt fra "
                    "lektiehjælp til reparationscafé. Vi hjælper nye foreninger i "
                    "gang og har lokaler, der kan lånes gratis."
                ),
                "postcode": "8680",
                "email": "hej@frivillighuset-ry.example",
                "website": "",
            },
            {
                "slug": "hoerning-gang-og-loeb",
                "kind": "association",
                "name": "Hørning Gang- og Løbeklub",
                "description": (
                    "Vi går og løber i fire tempogrupper fra hallen i Hørning. Ingen "
                    "bliver ladt tilbage, og vi har en gågruppe for dem, der er ved "
                    "at komme sig efter sygdom."
                ),
                "postcode": "8362",
                "email": "start@hoerning-gang-loeb.example",
                "website": "",
            },
            {
                "slug": "beboerforeningen-tingvejsparken",
                "kind": "association",
                "name": "Beboerforeningen Tingvejsparken",
                "description": (
                    "Beboerforening i en almen boligafdeling i Galten med 180 "
                    "lejligheder. Vi holder fællesspisning hver anden torsdag, har et "
                    "byttehjørne og en gruppe, der passer vores fælles køkkenhave."
                ),
                "postcode": "8464",
                "email": "bestyrelsen@tingvejsparken.example",
                "website": "",
            },
            {
                "slug": "landsbycafeen-gammel-rye",
                "kind": "association",
                "name": "Landsbycaféen i Gammel Rye",
                "description": (
                    "En café drevet af frivillige i det gamle mejeri. Vi har åbent "
                    "tre dage om ugen, serverer hjemmebag og holder foredrag og "
                    "fællessang en gang om måneden."
                ),
                "postcode": "8680",
                "email": "cafe@landsbycafeen-gammelrye.example",
                "website": "",
            },
            {
                "slug": "stilling-toemrer-og-snedker",
                "kind": "business",
                "name": "Stilling Tømrer og Snedker",
                "description": (
                    "Tømrer- og snedkerfirma med ti ansatte i Stilling. Vi bygger "
                    "gerne bænke og shelters sammen med foreninger og tager lærlinge "
                    "fra lokalområdet."
                ),
                "postcode": "8660",
                "email": "kontor@stilling-toemrer.example",
                "website": "",
            },
            {
                "slug": "ry-cykel-og-kano",
                "kind": "business",
                "name": "Ry Cykel- og Kanoudlejning",
                "description": (
                    "Lille familieejet udlejning af cykler og kanoer ved Gudenåen. På "
                    "hverdage låner vi gerne kanoer ud til skoleklasser og "
                    "plejecentre."
                ),
                "postcode": "8680",
                "email": "booking@ry-cykel-kano.example",
                "website": "",
            },
            {
                "slug": "lokalcenter-soebredden",
                "kind": "institution",
                "name": "Lokalcenter Søbredden",
                "description": (
                    "Lokalcenter for ældre med café, træningssal og værksted. "
                    "Frivillige og foreninger er velkomne til at lave aktiviteter "
                    "sammen med beboere og borgere fra byen."
                ),
                "postcode": "8660",
                "email": "soebredden@skanderborg.example",
                "website": "",
            },
        ],
        "people": [
            {
                "email": "borger@skanderborg.faelles.example",
                "display_name": "Christina Mølgaard",
                "postcode": "8660",
                "languages": [
                    "da",
                    "en",
                ],
                "bio": (
                    "Jeg er 45, fysioterapeut og bor i Skanderborg. Jeg vil gerne "
                    "give en hånd med motion for ældre og er god til at få folk i "
                    "gang."
                ),
                "roles": [
                    "citizen",
                ],
                "department": None,
                "job_title": "",
                "party": "",
                "organisations": [],
                "public_profile": True,
            },
            {
                "email": "medarbejder@skanderborg.faelles.example",
                "display_name": "Simon Krogh",
                "postcode": "8680",
                "languages": [
                    "da",
                    "en",
                ],
                "bio": (
                    "Jeg er fællesskabskonsulent og skaber forbindelser mellem "
                    "borgere, foreninger og kommunen. Jeg bor selv i Ry og kommer tit "
                    "i Frivillighuset."
                ),
                "roles": [
                    "citizen",
                    "employee",
                ],
                "department": "kultur-og-faellesskab",
                "job_title": "Fællesskabskonsulent",
                "party": "",
                "organisations": [
                    {
                        "slug": "frivillighuset-i-ry",
                        "admin": False,
                    },
                ],
                "public_profile": True,
            },
            {
                "email": "politiker@skanderborg.faelles.example",
                "display_name": "Jens Agerbæk",
                "postcode": "8362",
                "languages": [
                    "da",
                    "en",
                ],
                "bio": (
                    "Jeg sidder i byrådet og er formand for opgaveudvalget om "
                    "fællesskaber for unge. Jeg tror på, at kommunen er alle os "
                    "sammen."
                ),
                "roles": [
                    "citizen",
                    "politician",
                ],
                "department": None,
                "job_title": "",
                "party": "SF",
                "organisations": [],
                "public_profile": True,
            },
            {
                "email": "moderator@skanderborg.faelles.example",
                "display_name": "Pia Lauridsen",
                "postcode": "8464",
                "languages": [
                    "da",
                    "en",
                ],
                "bio": (
                    "Jeg er pensioneret bibliotekar og frivillig moderator. Jeg "
                    "hjælper med at holde samtalen venlig og med at finde rundt på "
                    "siden."
                ),
                "roles": [
                    "citizen",
                    "moderator",
                ],
                "department": None,
                "job_title": "",
                "party": "",
                "organisations": [],
                "public_profile": True,
            },
            {
                "email": "admin@skanderborg.faelles.example",
                "display_name": "Rikke Bundgaard",
                "postcode": "8660",
                "languages": [
                    "da",
                    "en",
                ],
                "bio": (
                    "Jeg står for platformen i Skanderborg Kommune og hjælper "
                    "kolleger og foreninger godt i gang."
                ),
                "roles": [
                    "employee",
                    "administrator",
                ],
                "department": "politik-og-strategi",
                "job_title": "Digitaliseringskonsulent",
                "party": "",
                "organisations": [],
                "public_profile": True,
            },
            {
                "email": "forening@skanderborg.faelles.example",
                "display_name": "Niels Overgaard",
                "postcode": "8660",
                "languages": [
                    "da",
                    "de",
                ],
                "bio": (
                    "Jeg er formand for kajak- og roklubben. Jeg har roet på "
                    "Skanderborg Sø i 30 år og vil gerne have flere med ud på vandet."
                ),
                "roles": [
                    "citizen",
                ],
                "department": None,
                "job_title": "",
                "party": "",
                "organisations": [
                    {
                        "slug": "skanderborg-soe-kajak-og-roklub",
                        "admin": True,
                    },
                ],
                "public_profile": True,
            },
            {
                "email": "virksomhed@skanderborg.faelles.example",
                "display_name": "Mads Bertelsen",
                "postcode": "8660",
                "languages": [
                    "da",
                    "en",
                ],
                "bio": (
                    "Jeg ejer et tømrerfirma i Stilling. Vi har værktøj, materialer "
                    "og et par timer om måneden, som vi gerne bruger på projekter i "
                    "lokalsamfundet."
                ),
                "roles": [
                    "citizen",
                ],
                "department": None,
                "job_title": "",
                "party": "",
                "organisations": [
                    {
                        "slug": "stilling-toemrer-og-snedker",
                        "admin": True,
                    },
                ],
                "public_profile": True,
            },
            {
                "email": "amira.haddad@skanderborg.faelles.example",
                "display_name": "Amira Haddad",
                "postcode": "8464",
                "languages": [
                    "ar",
                    "da",
                    "en",
                ],
                "bio": (
                    "Jeg bor i Tingvejsparken og sidder i beboerforeningens "
                    "bestyrelse. Jeg laver gerne syrisk mad til fællesspisningen og "
                    "vil gerne starte en kvindegruppe."
                ),
                "roles": [
                    "citizen",
                ],
                "department": None,
                "job_title": "",
                "party": "",
                "organisations": [
                    {
                        "slug": "beboerforeningen-tingvejsparken",
                        "admin": True,
                    },
                ],
                "public_profile": True,
            },
            {
                "email": "hans.kirkegaard@skanderborg.faelles.example",
                "display_name": "Hans Kirkegaard",
                "postcode": "8680",
                "languages": [
                    "da",
                    "de",
                ],
                "bio": (
                    "Jeg er 74, tidligere landmand og frivillig i Landsbycaféen. Jeg "
                    "kender alle stierne omkring Mossø og går gerne ture med nye "
                    "tilflyttere."
                ),
                "roles": [
                    "citizen",
                ],
                "department": None,
                "job_title": "",
                "party": "",
                "organisations": [
                    {
                        "slug": "landsbycafeen-gammel-rye",
                        "admin": False,
                    },
                ],
                "public_profile": True,
            },
            {
                "email": "sara.lind@skanderborg.faelles.example",
                "display_name": "Sara Lind",
                "postcode": "8362",
                "languages": [
                    "da",
                    "en",
                ],
                "bio": (
                    "Jeg er 31 og har været sygemeldt med stress i lang tid. "
                    "Gågruppen i Hørning har hjulpet mig meget, og jeg vil gerne dele "
                    "mine erfaringer med andre i samme situation."
                ),
                "roles": [
                    "citizen",
                ],
                "department": None,
                "job_title": "",
                "party": "",
                "organisations": [
                    {
                        "slug": "hoerning-gang-og-loeb",
                        "admin": False,
                    },
                ],
                "public_profile": False,
            },
            {
                "email": "tomasz.kowalski@skanderborg.faelles.example",
                "display_name": "Tomasz Kowalski",
                "postcode": "8660",
                "languages": [
                    "pl",
                    "en",
                    "da",
                ],
                "bio": (
                    "Jeg er elektriker og har boet i Skanderborg i otte år. Jeg "
                    "hjælper gerne foreninger med små elopgaver og vil gerne lære "
                    "flere naboer at kende."
                ),
                "roles": [
                    "citizen",
                ],
                "department": None,
                "job_title": "",
                "party": "",
                "organisations": [],
                "public_profile": True,
            },
            {
                "email": "lucas.vestergaard@skanderborg.faelles.example",
                "display_name": "Lucas Vestergaard",
                "postcode": "8670",
                "languages": [
                    "da",
                    "en",
                ],
                "bio": (
                    "Jeg er 19 og holder sabbatår, før jeg skal studere. Jeg har lyst "
                    "til at lave noget for de unge i Låsby, for eksempel en "
                    "fredagsklub."
                ),
                "roles": [
                    "citizen",
                ],
                "department": None,
                "job_title": "",
                "party": "",
                "organisations": [],
                "public_profile": False,
            },
        ],
    },
    {
        "slug": "rodovre",
        "name": "Rødovre Kommune",
        "programme_name": "Sammen om Rødovre",
        "programme_name_en": "Together for Rødovre",
        "programme_text": (
            "Sammen om Rødovre er vores fælles retning for, hvordan vi skaber en god "
            "by at leve i. Rødovre er en tæt by med korte afstande, stærke foreninger "
            "og mange naboer, der vil hinanden. Vi tror på, at vi kommer længst, når "
            "vi hjælpes ad, tør prioritere og er nysgerrige på hinanden. Her kan du "
            "fortælle, hvad du kan bidrage med, og hvad du har brug for. Du kan "
            "foreslå en idé til dit kvarter eller finde et fællesskab – i Islev, ved "
            "Damhusåen, i boligområderne eller omkring Rødovre Centrum. Kommunens "
            "medarbejdere er med som tovholdere og hjælper gerne gode idéer på vej. "
            "Vi prøver ting af sammen og lærer undervejs."
        ),
        "programme_text_en": (
            "Together for Rødovre is our shared direction for making a good town to "
            "live in. Rødovre is a close-knit town with short distances, strong "
            "associations and many neighbours who care about each other. We believe "
            "we get furthest when we help each other, dare to prioritise and are "
            "curious about one another. Here you can tell others what you can "
            "contribute and what you need. You can suggest an idea for your "
            "neighbourhood or find a community – in Islev, along Damhusåen, in the "
            "housing estates or around Rødovre Centrum. The municipality's staff take "
            "part as coordinators and are glad to help good ideas get started. We try "
            "things out together and learn along the way."
        ),
        "principles": [
            {
                "title": "Vi vil hjælpes ad",
                "title_en": "We help each other",
                "text": (
                    "Ingen kan løse det hele alene. Vi rækker ud til hinanden – "
                    "naboer, foreninger, virksomheder og kommune – og deler det, vi "
                    "har."
                ),
                "text_en": (
                    "No one can do it all alone. We reach out to each other – "
                    "neighbours, associations, businesses and the municipality – and "
                    "share what we have."
                ),
            },
            {
                "title": "Vi tør prioritere",
                "title_en": "We dare to prioritise",
                "text": (
                    "Vi kan ikke gøre alt på én gang. Vi vælger det, der gør mest "
                    "gavn for fællesskabet, og siger ærligt, hvad vi lader ligge."
                ),
                "text_en": (
                    "We cannot do everything at once. We choose what does the most "
                    "good for the community and say honestly what we leave aside."
                ),
            },
            {
                "title": "Vi skal være nysgerrige",
                "title_en": "We are curious",
                "text": (
                    "Vi spørger, lytter og lærer af hinanden. Vi er nysgerrige på nye "
                    "idéer og på de mennesker, vi endnu ikke kender."
                ),
                "text_en": (
                    "We ask, listen and learn from each other. We are curious about "
                    "new ideas and about the people we do not know yet."
                ),
            },
        ],
        "contact": {
            "email": "sammen@rodovre.example",
            "phone": "+45 36 37 77 77",
            "address": "Rødovre Parkvej 150, 2610 Rødovre",
            "website": "https://www.rk.dk",
        },
        "colours": {
            "primary": "#A6192E",
            "accent": "#F4C95D",
        },
        "departments": [
            {
                "slug": "social-og-sundhed",
                "name": "Social- og Sundhedsforvaltningen",
                "description": (
                    "Vi arbejder for sundhed, trivsel og et godt ældreliv sammen med "
                    "borgere, pårørende og frivillige."
                ),
            },
            {
                "slug": "boern-og-kultur",
                "name": "Børne- og Kulturforvaltningen",
                "description": (
                    "Dagtilbud, skoler, fritid, biblioteker og foreningsliv. Vi "
                    "hjælper frivillige og foreninger med at skabe liv i byen."
                ),
            },
            {
                "slug": "teknisk-forvaltning",
                "name": "Teknisk Forvaltning",
                "description": (
                    "Veje, grønne områder, klima og byudvikling. Vi inddrager naboer "
                    "og grundejerforeninger, når byen forandrer sig."
                ),
            },
            {
                "slug": "beskaeftigelse",
                "name": "Beskæftigelsesforvaltningen",
                "description": (
                    "Vi hjælper borgere videre mod job og uddannelse og samarbejder "
                    "med lokale virksomheder om praktik og job."
                ),
            },
            {
                "slug": "udvikling-og-digitalisering",
                "name": "Udvikling og Digitalisering",
                "description": (
                    "Vi understøtter kommunalbestyrelsen, arbejdet med Sammen om "
                    "Rødovre og den digitale fællesskabsplatform."
                ),
            },
        ],
        "organisations": [
            {
                "slug": "beboerforeningen-valhoejparken",
                "kind": "association",
                "name": "Beboerforeningen Valhøjparken",
                "description": (
                    "Beboerforening i en almen boligafdeling med 300 husstande ved "
                    "Valhøj. Vi har lektiecafé, fællesspisning og en aktiv gruppe "
                    "unge, der passer legepladsen og arrangerer sommerfest."
                ),
                "postcode": "2610",
                "email": "bestyrelsen@valhoejparken.example",
                "website": "",
            },
            {
                "slug": "damhusaaens-gangklub",
                "kind": "association",
                "name": "Damhusåens Gangklub",
                "description": (
                    "Vi går en time langs Damhusåen og i Kagsmosen hver mandag og "
                    "torsdag. Alle kan være med, og der går altid en bagerst, så "
                    "ingen går alene."
                ),
                "postcode": "2610",
                "email": "gaa@damhusaaens-gangklub.example",
                "website": "",
            },
            {
                "slug": "roedovre-nabohjaelp",
                "kind": "association",
                "name": "Rødovre Nabohjælp",
                "description": (
                    "Frivillige, der besøger ensomme, følger med til lægen og hjælper "
                    "med indkøb. Vi har også en genbrugsbutik, hvor overskuddet går "
                    "til ferieophold for børnefamilier."
                ),
                "postcode": "2610",
                "email": "kontakt@roedovre-nabohjaelp.example",
                "website": "",
            },
            {
                "slug": "roedovre-basket",
                "kind": "association",
                "name": "Rødovre Basket og Bevægelse",
                "description": (
                    "Basketball for børn, unge og voksne i hallerne i Rødovre. "
                    "Gadebasket om fredagen er åben for alle unge uden tilmelding, og "
                    "vi søger frivillige trænere."
                ),
                "postcode": "2610",
                "email": "traener@roedovre-basket.example",
                "website": "",
            },
            {
                "slug": "cafeen-paa-broen",
                "kind": "association",
                "name": "Caféen på Broen",
                "description": (
                    "En café drevet af frivillige i et tidligere vaskeri, hvor alle "
                    "kan få en kop kaffe og en snak. Vi har sprogcafé hver tirsdag og "
                    "reparationscafé den første lørdag i måneden."
                ),
                "postcode": "2610",
                "email": "cafe@cafeen-paa-broen.example",
                "website": "",
            },
            {
                "slug": "islev-koekkenvaerksted",
                "kind": "business",
                "name": "Islev Køkkenværksted",
                "description": (
                    "Lille snedkeri i Islev, der laver køkkener og møbler. Vi tager "
                    "gerne unge i praktik og låner værkstedet ud til "
                    "reparationscaféen en gang om måneden."
                ),
                "postcode": "2610",
                "email": "vaerksted@islev-koekken.example",
                "website": "",
            },
            {
                "slug": "damhus-blomster",
                "kind": "business",
                "name": "Damhus Blomster",
                "description": (
                    "Blomsterbutik tæt på Rødovre Centrum. Vi giver de blomster, vi "
                    "ikke får solgt, til plejecentrene og holder gerne "
                    "blomsterværksted for børn."
                ),
                "postcode": "2610",
                "email": "butik@damhus-blomster.example",
                "website": "",
            },
            {
                "slug": "aktivitetshuset-damhusaaen",
                "kind": "institution",
                "name": "Aktivitetshuset Damhusåen",
                "description": (
                    "Kommunalt aktivitetshus for ældre med motion, værksted og café. "
                    "Foreninger kan låne lokaler, og vi samarbejder med frivillige om "
                    "ture og fællesspisning."
                ),
                "postcode": "2610",
                "email": "aktivitetshuset@rodovre.example",
                "website": "",
            },
        ],
        "people": [
            {
                "email": "borger@rodovre.faelles.example",
                "display_name": "Sanne Winther",
                "postcode": "2610",
                "languages": [
                    "da",
                    "en",
                ],
                "bio": (
                    "Jeg er 52, arbejder som kontorassistent og bor i rækkehus tæt på "
                    "Damhusåen. Jeg er god til at organisere og hjælper gerne til ved "
                    "arrangementer i kvarteret."
                ),
                "roles": [
                    "citizen",
                ],
                "department": None,
                "job_title": "",
                "party": "",
                "organisations": [],
                "public_profile": True,
            },
            {
                "email": "medarbejder@rodovre.faelles.example",
                "display_name": "Ali Demir",
                "postcode": "2610",
                "languages": [
                    "da",
                    "tr",
                    "en",
                ],
                "bio": (
                    "Jeg er frivillighedskoordinator og hjælper foreninger og "
                    "frivillige med at finde hinanden. Jeg er vokset op i Rødovre og "
                    "har spillet basket her, siden jeg var otte."
                ),
                "roles": [
                    "citizen",
                    "employee",
                ],
                "department": "boern-og-kultur",
                "job_title": "Frivillighedskoordinator",
                "party": "",
                "organisations": [
                    {
                        "slug": "roedovre-basket",
                        "admin": False,
                    },
                ],
                "public_profile": True,
            },
            {
                "email": "politiker@rodovre.faelles.example",
                "display_name": "Lene Brandt",
                "postcode": "2610",
                "languages": [
                    "da",
                    "en",
                ],
                "bio": (
                    "Jeg er medlem af kommunalbestyrelsen og bor i Islev. Jeg vil "
                    "gerne lytte og prioritere sammen med jer, så vi bruger kræfterne "
                    "på det, der betyder mest."
                ),
                "roles": [
                    "citizen",
                    "politician",
                ],
                "department": None,
                "job_title": "",
                "party": "Socialdemokratiet",
                "organisations": [],
                "public_profile": True,
            },
            {
                "email": "moderator@rodovre.faelles.example",
                "display_name": "Michael Storm",
                "postcode": "2610",
                "languages": [
                    "da",
                    "en",
                ],
                "bio": (
                    "Jeg er pædagog og frivillig moderator. Jeg sørger for, at alle "
                    "kan være med i samtalen, og at tonen er venlig."
                ),
                "roles": [
                    "citizen",
                    "moderator",
                ],
                "department": None,
                "job_title": "",
                "party": "",
                "organisations": [],
                "public_profile": True,
            },
            {
                "email": "admin@rodovre.faelles.example",
                "display_name": "Julie Andersen",
                "postcode": "2610",
                "languages": [
                    "da",
                    "en",
                ],
                "bio": (
                    "Jeg står for platformen i Rødovre Kommune og hjælper gerne "
                    "kolleger og foreninger, hvis noget driller."
                ),
                "roles": [
                    "employee",
                    "administrator",
                ],
                "department": "udvikling-og-digitalisering",
                "job_title": "IT-konsulent",
                "party": "",
                "organisations": [],
                "public_profile": True,
            },
            {
                "email": "forening@rodovre.faelles.example",
                "display_name": "Hamid Karimi",
                "postcode": "2610",
                "languages": [
                    "fa",
                    "da",
                    "en",
                ],
                "bio": (
                    "Jeg er formand for beboerforeningen i Valhøjparken. Jeg vil "
                    "gerne have flere naboer med i fællesskabet, især de unge."
                ),
                "roles": [
                    "citizen",
                ],
                "department": None,
                "job_title": "",
                "party": "",
                "organisations": [
                    {
                        "slug": "beboerforeningen-valhoejparken",
                        "admin": True,
                    },
                ],
                "public_profile": True,
            },
            {
                "email": "virksomhed@rodovre.faelles.example",
                "display_name": "Tina Rasmussen",
                "postcode": "2610",
                "languages": [
                    "da",
                ],
                "bio": (
                    "Jeg har haft blomsterbutik i Rødovre i 15 år. Jeg holder af byen "
                    "og vil gerne bruge butikken til mere end at sælge blomster."
                ),
                "roles": [
                    "citizen",
                ],
                "department": None,
                "job_title": "",
                "party": "",
                "organisations": [
                    {
                        "slug": "damhus-blomster",
                        "admin": True,
                    },
                ],
                "public_profile": True,
            },
            {
                "email": "birthe.jakobsen@rodovre.faelles.example",
                "display_name": "Birthe Jakobsen",
                "postcode": "2610",
                "languages": [
                    "da",
                ],
                "bio": (
                    "Jeg er 76 og går med i gangklubben to gange om ugen. Jeg har "
                    "været enke i tre år, og fællesskabet har betydet meget for mig."
                ),
                "roles": [
                    "citizen",
                ],
                "department": None,
                "job_title": "",
                "party": "",
                "organisations": [
                    {
                        "slug": "damhusaaens-gangklub",
                        "admin": True,
                    },
                ],
                "public_profile": False,
            },
            {
                "email": "ayaan.farah@rodovre.faelles.example",
                "display_name": "Ayaan Farah",
                "postcode": "2610",
                "languages": [
                    "so",
                    "da",
                    "en",
                ],
                "bio": (
                    "Jeg er 23, læser til pædagog og træner pigeholdet i basket. Jeg "
                    "vil gerne have flere piger med i idræt."
                ),
                "roles": [
                    "citizen",
                ],
                "department": None,
                "job_title": "",
                "party": "",
                "organisations": [
                    {
                        "slug": "roedovre-basket",
                        "admin": False,
                    },
                ],
                "public_profile": True,
            },
            {
                "email": "natalia.wisniewska@rodovre.faelles.example",
                "display_name": "Natalia Wiśniewska",
                "postcode": "2610",
                "languages": [
                    "pl",
                    "da",
                    "en",
                ],
                "bio": (
                    "Jeg kommer fra Polen og har boet i Rødovre i ti år. Jeg er "
                    "frivillig i Caféen på Broen og bager gerne til sprogcaféen."
                ),
                "roles": [
                    "citizen",
                ],
                "department": None,
                "job_title": "",
                "party": "",
                "organisations": [
                    {
                        "slug": "cafeen-paa-broen",
                        "admin": False,
                    },
                ],
                "public_profile": True,
            },
            {
                "email": "kim.lassen@rodovre.faelles.example",
                "display_name": "Kim Lassen",
                "postcode": "2610",
                "languages": [
                    "da",
                    "en",
                    "de",
                ],
                "bio": (
                    "Jeg er 60 og har arbejdet med it hele mit liv. Jeg hjælper gerne "
                    "ældre med at bruge telefon og computer."
                ),
                "roles": [
                    "citizen",
                ],
                "department": None,
                "job_title": "",
                "party": "",
                "organisations": [
                    {
                        "slug": "roedovre-nabohjaelp",
                        "admin": False,
                    },
                ],
                "public_profile": False,
            },
            {
                "email": "yulia.bondarenko@rodovre.faelles.example",
                "display_name": "Yulia Bondarenko",
                "postcode": "2610",
                "languages": [
                    "uk",
                    "en",
                ],
                "bio": (
                    "Jeg kom til Rødovre fra Odesa i 2022 og arbejder som "
                    "rengøringsassistent. Jeg har været lærer i Ukraine og vil gerne "
                    "hjælpe børn med matematik."
                ),
                "roles": [
                    "citizen",
                ],
                "department": None,
                "job_title": "",
                "party": "",
                "organisations": [
                    {
                        "slug": "cafeen-paa-broen",
                        "admin": False,
                    },
                ],
                "public_profile": True,
            },
        ],
    },
]

PLATFORM_ADMIN = {
    "email": "platform@faelles.example",
    "display_name": "Fælles driftsteam",
}
