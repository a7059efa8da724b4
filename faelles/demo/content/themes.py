"""Demo content: two municipalities' own strategies (see docs/themes.md).

Written for the demo in the spirit of Skanderborg's development strategy and
Rødovre's indsatsområder; not quotations of the municipalities' documents.
Each theme says which of the platform's default theme keys it ``covers``, so the
features' hand-written demo content (written with the default keys) lands under
the right theme of these municipalities. The other demo municipalities keep the
defaults (``faelles.municipalities.themes.DEFAULT_THEMES``).
"""

STRATEGIES: dict[str, list[dict]] = {
    "skanderborg": [
        {
            "key": "faellesskaber",
            "name": "Fællesskaber der bærer",
            "name_en": "Communities that carry",
            "description": "Vi bygger videre på de mange foreninger, frivillige og "
            "naboskaber, så ingen står alene.",
            "description_en": "We build on the many associations, volunteers and "
            "neighbourhoods, so that no one stands alone.",
            "covers": ["neighbours", "talk", "community"],
            "focus_areas": [
                (
                    "frivillighed",
                    "Frivillighed og foreningsliv",
                    "Volunteering and associations",
                ),
                (
                    "moedesteder",
                    "Mødesteder i lokalsamfundet",
                    "Meeting places in the local community",
                ),
            ],
        },
        {
            "key": "boerne-og-ungeliv",
            "name": "Gode børne- og ungeliv",
            "name_en": "Good lives for children and young people",
            "description": "Børn og unge skal trives, lære og have voksne omkring "
            "sig – også uden for skolen.",
            "description_en": "Children and young people should thrive, learn and "
            "have adults around them – also outside school.",
            "covers": ["children", "family", "play"],
            "focus_areas": [
                ("unges-trivsel", "Unges trivsel", "Young people's well-being"),
            ],
        },
        {
            "key": "sundhed-hele-livet",
            "name": "Sundhed og trivsel hele livet",
            "name_en": "Health and well-being throughout life",
            "description": "Bevægelse, fællesskab og forebyggelse tæt på, hvor "
            "folk bor.",
            "description_en": "Exercise, community and prevention close to where "
            "people live.",
            "covers": ["health", "movement"],
        },
        {
            "key": "det-gode-aeldreliv",
            "name": "Et godt ældreliv",
            "name_en": "A good later life",
            "description": "Ældre er en ressource; vi bekæmper ensomhed sammen.",
            "description_en": "Older people are a resource; together we fight "
            "loneliness.",
            "covers": ["elderly"],
        },
        {
            "key": "natur-klima",
            "name": "Natur, klima og bæredygtighed",
            "name_en": "Nature, climate and sustainability",
            "description": "Søerne, skovene og den grønne omstilling er fælles ansvar.",
            "description_en": "The lakes, the forests and the green transition "
            "are a shared responsibility.",
            "covers": ["nature", "climate"],
            "focus_areas": [
                ("soeernes-vand", "Rent vand i søerne", "Clean water in the lakes"),
                (
                    "groen-omstilling",
                    "Grøn omstilling i hverdagen",
                    "The green transition in everyday life",
                ),
            ],
        },
        {
            "key": "byer-og-landsbyer",
            "name": "Levende byer og landsbyer",
            "name_en": "Living towns and villages",
            "description": "Udvikling i hele kommunen – i Skanderborg, Ry, Hørning, "
            "Galten og landsbyerne.",
            "description_en": "Development in the whole municipality – in "
            "Skanderborg, Ry, Hørning, Galten and the villages.",
            "covers": ["city", "safety"],
        },
        {
            "key": "kultur-og-fritid",
            "name": "Kultur, fritid og frivillighed",
            "name_en": "Culture, leisure and volunteering",
            "description": "Festivaler, værksteder og klubber, som borgerne selv "
            "driver.",
            "description_en": "Festivals, workshops and clubs run by the citizens "
            "themselves.",
            "covers": ["culture", "craft"],
        },
        {
            "key": "uddannelse-og-arbejde",
            "name": "Uddannelse, arbejde og erhverv",
            "name_en": "Education, work and business",
            "description": "Alle skal have en vej til uddannelse og job; "
            "virksomhederne er med.",
            "description_en": "Everyone should have a way into education and "
            "work; local businesses take part.",
            "covers": ["learning", "work"],
        },
        {
            "key": "mobilitet",
            "name": "Mobilitet og forbindelser",
            "name_en": "Mobility and connections",
            "description": "Stier, busser og samkørsel, der binder kommunen sammen.",
            "description_en": "Paths, buses and car sharing that tie the "
            "municipality together.",
            "covers": ["mobility", "traffic"],
        },
    ],
    "rodovre": [
        {
            "key": "sammen-med-borgeren",
            "name": "Sammen med borgeren",
            "name_en": "Together with the citizen",
            "description": "Vi løser opgaverne sammen med borgerne, ikke for dem – "
            "med prøvehandlinger, hvor vi lærer undervejs.",
            "description_en": "We solve tasks together with citizens, not for "
            "them – with trials where we learn as we go.",
            "covers": ["neighbours", "talk", "community", "health", "elderly"],
            "focus_areas": [
                (
                    "proevehandlinger",
                    "Prøvehandlinger i nærmiljøet",
                    "Trials in the neighbourhood",
                ),
                ("naboskab", "Naboskab og fællesskab", "Neighbourliness and community"),
            ],
        },
        {
            "key": "en-ung-strategi",
            "name": "En ung strategi",
            "name_en": "A young strategy",
            "description": "Rødovres unge er med til at forme byen: trivsel, "
            "fritidsjob og steder at være.",
            "description_en": "Rødovre's young people help shape the town: "
            "well-being, part-time jobs and places to be.",
            "covers": ["children", "family", "play", "learning"],
            "focus_areas": [
                ("unges-trivsel", "Unges trivsel", "Young people's well-being"),
                (
                    "fritidsjob",
                    "Fritidsjob og uddannelse",
                    "Part-time jobs and education",
                ),
            ],
        },
        {
            "key": "groen-by",
            "name": "En grøn og bæredygtig by",
            "name_en": "A green and sustainable town",
            "description": "Grønne områder, klimatilpasning og genbrug i hverdagen.",
            "description_en": "Green spaces, climate adaptation and reuse in "
            "everyday life.",
            "covers": ["nature", "climate", "city"],
        },
        {
            "key": "aktive-liv",
            "name": "Aktive liv hele livet",
            "name_en": "Active lives throughout life",
            "description": "Idræt, kultur og bevægelse for alle aldre.",
            "description_en": "Sport, culture and exercise for all ages.",
            "covers": ["movement", "culture", "craft"],
        },
        {
            "key": "tryg-by",
            "name": "En tryg by at færdes i",
            "name_en": "A safe town to get around",
            "description": "Lys, stier og trafik, så alle kan færdes trygt.",
            "description_en": "Lighting, paths and traffic, so everyone can get "
            "around safely.",
            "covers": ["safety", "traffic", "mobility"],
        },
        {
            "key": "job-og-hverdag",
            "name": "Job og hverdagsliv",
            "name_en": "Jobs and everyday life",
            "description": "Vejen til arbejde går gennem fællesskaber og netværk.",
            "description_en": "The way into work goes through communities and "
            "networks.",
            "covers": ["work"],
        },
    ],
}
