"""Demo content for the competence directory: Kerteminde's employees.

Jesper Lund (medarbejder@kerteminde…) and 28 colleagues across the five
departments describe what they can help with beyond their job title, the
languages they speak, their networks in the local community and — three of
them, with consent — lived experience they choose to share. Two keep their
languages to themselves. Jesper has a question waiting from a colleague and an
answered, thanked question of his own.

The colleagues are demo people without a password (no one logs in as them).
Running it again replaces the demo's profiles and questions in Kerteminde.

``seed`` gives about half of a municipality's seeded employees a profile built
from phrases, for the `large` scale (thousands of employees).
"""

from __future__ import annotations

from django.contrib.auth.hashers import make_password
from django.db import transaction

from faelles.accounts.models import Membership, ProfileVisibility, User
from faelles.organisations.models import Organisation

from . import services
from .models import Profile, ProfileTerm, Question, Sharing
from .search import profile_terms

BATCH = 2_000

# name, department, job title, skills, tags, languages, networks,
# lived experience (shared with the employees, with consent)
PEOPLE: list[tuple[str, str, str, str, list[str], list[str], str, str]] = [
    (
        "Hanne Kjær",
        "sundhed-og-aeldre",
        "Sygeplejerske",
        "Jeg har været med til at starte en diabetesforening og kan hjælpe med "
        "vedtægter og den første generalforsamling.",
        ["foreningsstart", "diabetes"],
        ["da", "en"],
        "Kasserer i Kerteminde Diabetesforening.",
        "",
    ),
    (
        "Ahmad Rahimi",
        "sundhed-og-aeldre",
        "Social- og sundhedsassistent",
        "Jeg taler dari og persisk og hjælper gerne, når en familie har brug for "
        "at forstå et brev eller et møde.",
        ["tolkning", "familier"],
        ["da", "fa"],
        "Kender mange i de afghanske familier i Langeskov.",
        "Jeg kom til Danmark som 17-årig og ved, hvor svært det første år er.",
    ),
    (
        "Lone Bech",
        "sundhed-og-aeldre",
        "Demenskoordinator",
        "Demensvenlige arrangementer og hvordan man klæder frivillige på til at "
        "være sammen med mennesker med demens.",
        ["demens", "frivillige"],
        ["da", "de"],
        "Med i styregruppen for Demensvenlig Kerteminde.",
        "Min far levede med demens i seks år; jeg kender pårørendes hverdag.",
    ),
    (
        "Mette Frandsen",
        "sundhed-og-aeldre",
        "Ergoterapeut",
        "Hjælpemidler, faldforebyggelse og træning for ældre i foreningerne.",
        ["faldforebyggelse", "træning"],
        ["da", "en"],
        "Instruktør på seniorholdet i Munkebo Gymnastikforening.",
        "",
    ),
    (
        "Yusuf Demir",
        "sundhed-og-aeldre",
        "Sundhedsformidler",
        "Sundhedssamtaler på tyrkisk og arabisk; kender maddage og kogebøger, der "
        "virker.",
        ["sundhed", "madlavning"],
        ["da", "tr", "ar"],
        "Kender bestyrelsen i moskeforeningen i Odense og kulturforeningen i Munkebo.",
        "",
    ),
    (
        "Susanne Holm",
        "sundhed-og-aeldre",
        "Visitator",
        "Regler for hjemmehjælp og hvordan pårørende kan hjælpe uden at brænde ud.",
        ["pårørende"],
        ["da"],
        "Frivillig i Ældre Sagen Kerteminde.",
        "",
    ),
    (
        "Camilla Skov",
        "boern-og-unge",
        "Pædagog",
        "Udeliv med børn: bål, shelters og kajak på fjorden for de store.",
        ["udeliv", "friluftsliv"],
        ["da", "en"],
        "Spejderleder i De grønne pigespejdere i Kerteminde.",
        "",
    ),
    (
        "Rasmus Vinther",
        "boern-og-unge",
        "Lærer",
        "Kan lave podcasts med unge og lære dem at klippe lyd og video.",
        ["podcast", "medier"],
        ["da", "en", "sv"],
        "Træner U13 i Langeskov IF.",
        "",
    ),
    (
        "Natalia Kowalska",
        "boern-og-unge",
        "Dagplejer",
        "Taler polsk og hjælper gerne polske familier med dagtilbud og skolestart.",
        ["familier", "skolestart"],
        ["da", "pl"],
        "Kender den polske forældregruppe i Kerteminde.",
        "",
    ),
    (
        "Peter Lauridsen",
        "boern-og-unge",
        "Skoleleder",
        "Samarbejde med erhvervslivet om praktik og åbne skoledage.",
        ["erhvervssamarbejde"],
        ["da", "de"],
        "Medlem af Kerteminde Erhvervsforening.",
        "",
    ),
    (
        "Sara Mikkelsen",
        "boern-og-unge",
        "Sundhedsplejerske",
        "Mødregrupper og hvordan man får fædre med.",
        ["mødregrupper", "forældre"],
        ["da", "en"],
        "Kender Mødrehjælpens frivillige på Fyn.",
        "Jeg har selv haft en fødselsdepression og taler gerne om det.",
    ),
    (
        "Omar Haddad",
        "boern-og-unge",
        "Klubmedarbejder",
        "Taler arabisk og kan bygge bro mellem unge, forældre og klubben.",
        ["unge", "forældresamarbejde"],
        ["da", "ar", "en"],
        "Spiller fodbold med Hindsholm IF's oldboys.",
        "",
    ),
    (
        "Anne-Marie Thygesen",
        "boern-og-unge",
        "PPR-psykolog",
        "Børn og unge med angst; kan holde oplæg for forældre.",
        ["angst", "oplæg"],
        ["da", "en"],
        "",
        "",
    ),
    (
        "Jesper Lund",
        "kultur-fritid-og-frivillighed",
        "Fællesskabskonsulent",
        "Hjælper idéer fra borgere i gang: puljeansøgninger, lokaler og de "
        "første møder.",
        ["puljer", "fundraising", "facilitering"],
        ["da", "en"],
        "Kender de fleste foreninger i Kerteminde by og Hindsholm.",
        "",
    ),
    (
        "Kirsten Due",
        "kultur-fritid-og-frivillighed",
        "Bibliotekar",
        "Læseklubber, sprogcaféer og digital hjælp til ældre.",
        ["sprogcafé", "læseklubber"],
        ["da", "en", "fr"],
        "Kender frivillige fra Røde Kors' sprogcafé.",
        "",
    ),
    (
        "Morten Juhl",
        "kultur-fritid-og-frivillighed",
        "Fritidskonsulent",
        "Fundraising fra fonde; har skrevet ansøgninger til både små og store "
        "projekter.",
        ["fundraising", "fonde"],
        ["da", "en"],
        "Formand for Kerteminde Roklub.",
        "",
    ),
    (
        "Lise Bang",
        "kultur-fritid-og-frivillighed",
        "Kulturmedarbejder",
        "Kan planlægge en festival fra bunden: tilladelser, lyd og frivillige.",
        ["festival", "arrangementer"],
        ["da", "no"],
        "Kender folkene bag Kerteminde Jazzfestival.",
        "",
    ),
    (
        "Henrik Storm",
        "kultur-fritid-og-frivillighed",
        "Museumsformidler",
        "Byvandringer og lokalhistorie; kender arkiverne.",
        ["lokalhistorie"],
        ["da", "de"],
        "Med i Kerteminde Lokalhistoriske Forening.",
        "",
    ),
    (
        "Freja Nygaard",
        "kultur-fritid-og-frivillighed",
        "Ungekonsulent",
        "Ungeråd og hvordan man får unge til at blive ved.",
        ["unge", "demokrati"],
        ["da", "en", "es"],
        "",
        "",
    ),
    (
        "Bo Rasmussen",
        "teknik-og-miljoe",
        "Naturvejleder",
        "Naturplejedage, fugle og kystens planter; kan lede en strandrensning.",
        ["natur", "strandrensning"],
        ["da", "en"],
        "Kender Danmarks Naturfredningsforening i Kerteminde.",
        "",
    ),
    (
        "Gitte Sønderby",
        "teknik-og-miljoe",
        "Klimakoordinator",
        "Energifællesskaber og solceller på fælleshuse.",
        ["klima", "energi"],
        ["da", "en", "de"],
        "Kender Hindsholm Energiforening.",
        "",
    ),
    (
        "Jens Kofoed",
        "teknik-og-miljoe",
        "Havnefoged",
        "Både, sikkerhed på vandet og hvem der låner en jolle ud.",
        ["sejlads", "havn"],
        ["da"],
        "Kender sejlklubben og havkajakklubben.",
        "",
    ),
    (
        "Dorthe Elkjær",
        "teknik-og-miljoe",
        "Landskabsarkitekt",
        "Borgerinddragelse i byrum: workshops med modeller og gåture.",
        ["byrum", "borgerinddragelse"],
        ["da", "en"],
        "Med i Langeskov Borgerforening.",
        "",
    ),
    (
        "Tariq Aziz",
        "teknik-og-miljoe",
        "Vejingeniør",
        "Taler urdu og kan hjælpe med trafiksikkerhed ved skoler.",
        ["trafik"],
        ["da", "ur", "en"],
        "Kender forældrerådet på Langeskov Skole.",
        "",
    ),
    (
        "Ulla Kragh",
        "politik-og-udvikling",
        "Udvalgssekretær",
        "Opgaveudvalg: mandat, møder og referater, der kan læses.",
        ["opgaveudvalg", "referater"],
        ["da", "en"],
        "",
        "",
    ),
    (
        "Niels Brøndum",
        "politik-og-udvikling",
        "Digitaliseringskonsulent",
        "Kan lave budgetter i regneark og hjælper med spørgeskemaer.",
        ["regneark", "data"],
        ["da", "en"],
        "Kasserer i Kerteminde Skakklub.",
        "",
    ),
    (
        "Maja Lindberg",
        "politik-og-udvikling",
        "Kommunikationsmedarbejder",
        "Billeder, korte film og gode historier til nyhedsbrevet.",
        ["kommunikation", "foto"],
        ["da", "en", "sv"],
        "Kender redaktionen på Kerteminde Avis.",
        "",
    ),
    (
        "Ib Thorsen",
        "politik-og-udvikling",
        "Jurist",
        "Databeskyttelse for foreninger og samtykke, der holder.",
        ["gdpr", "jura"],
        ["da", "de"],
        "",
        "",
    ),
    (
        "Aisha Mohamed",
        "politik-og-udvikling",
        "Udviklingskonsulent",
        "Taler somali og arabisk; faciliterer borgermøder, hvor alle kommer til orde.",
        ["facilitering", "borgermøder"],
        ["da", "so", "ar"],
        "Kender de somaliske foreninger på Fyn.",
        "",
    ),
]
# Kept to themselves: their languages are not shared.
PRIVATE_LANGUAGES = {"Tariq Aziz", "Ib Thorsen"}


def load_demo(*, municipalities, stdout) -> None:
    kerteminde = municipalities.get("kerteminde")
    if kerteminde is not None:
        _kerteminde(kerteminde)
        stdout.write(
            f"  kompetencer: Kerteminde – {len(PEOPLE)} medarbejdere og to spørgsmål\n"
        )


def _employee(municipality, name: str, department, job_title: str, n: int) -> User:
    user = User.objects.filter(
        email=f"medarbejder@{municipality.slug}.faelles.example"
    ).first()
    if user is None or user.display_name != name:
        user, _ = User.objects.update_or_create(
            email=f"kompetencer-{n}@{municipality.slug}.faelles.example",
            defaults={
                "display_name": name,
                "password": make_password(None),  # no one logs in as them
                "profile_visibility": ProfileVisibility.PRIVATE,
            },
        )
        Membership.objects.update_or_create(
            user=user,
            municipality=municipality,
            defaults={
                "is_citizen": True,
                "is_employee": True,
                "department": department,
                "job_title": job_title,
            },
        )
    return user


@transaction.atomic
def _kerteminde(municipality) -> None:
    departments = {
        o.slug: o
        for o in Organisation.objects.filter(
            municipality=municipality, kind=Organisation.Kind.DEPARTMENT
        )
    }
    people: dict[str, User] = {}
    for n, row in enumerate(PEOPLE):
        name, dept, job, skills, tags, languages, networks, experience = row
        user = _employee(municipality, name, departments.get(dept), job, n)
        people[name] = user
        services.profile_save(
            municipality=municipality,
            user=user,
            skills=skills,
            tags=tags,
            languages=languages,
            languages_sharing=Sharing.PRIVATE
            if name in PRIVATE_LANGUAGES
            else Sharing.EMPLOYEES,
            networks=networks,
            experience=experience,
            experience_consent=bool(experience),
            experience_sharing=Sharing.EMPLOYEES if experience else Sharing.PRIVATE,
        )
    Question.objects.filter(
        municipality=municipality, asker__in=list(people.values())
    ).delete()
    profiles = {p.user_id: p for p in Profile.objects.filter(municipality=municipality)}
    jesper, morten = people["Jesper Lund"], people["Morten Juhl"]
    services.question_ask(
        municipality=municipality,
        asker=people["Lise Bang"],
        profile=profiles[jesper.pk],
        text=(
            "Hej Jesper. Beboerne i Dalby vil gerne holde en sommerfest på "
            "sportspladsen. Ved du, hvilken pulje de kan søge, og om de skal "
            "have en tilladelse?"
        ),
    )
    own = services.question_ask(
        municipality=municipality,
        asker=jesper,
        profile=profiles[morten.pk],
        text=(
            "Har du et godt eksempel på en fondsansøgning til en bådebro? "
            "Badelauget i Kerteminde vil gerne søge til efteråret."
        ),
    )
    services.question_answer(
        question=own,
        actor=morten,
        answer=(
            "Ja, roklubben søgte Nordea-fonden til vores nye ponton sidste år. Jeg "
            "sender dig ansøgningen – det vigtigste var, at vi kunne vise, hvor "
            "mange der bruger broen, også dem, der ikke er medlemmer."
        ),
    )
    services.question_thank(
        question=own, actor=jesper, thanks="Tusind tak, Morten – den giver jeg videre."
    )


# --- scale ------------------------------------------------------------------------

SKILLS = [
    "Kan lave budgetter i regneark",
    "Har startet en forening og kender vedtægterne",
    "Kan skrive fondsansøgninger",
    "Kan lave podcasts og klippe video",
    "Kender reglerne for frivilligt arbejde",
    "Kan facilitere borgermøder",
    "Kan førstehjælp og holder kurser",
    "Kan planlægge arrangementer med mange deltagere",
    "Kender til demens og pårørendes hverdag",
    "Kan undervise i dansk som andetsprog",
    "Kan bygge ting i træ og reparere cykler",
    "Kan lave mad til mange og holde fællesspisning",
    "Kender til natur, fugle og naturpleje",
    "Kan tage gode billeder og skrive historier",
    "Kender til energifællesskaber og solceller",
]
NETWORKS = [
    "Træner i den lokale idrætsforening",
    "Med i bestyrelsen for beboerforeningen",
    "Frivillig i Røde Kors",
    "Spejderleder",
    "Medlem af roklubben",
    "Kender erhvervsforeningen",
    "Med i lokalhistorisk forening",
    "Synger i kirkekoret",
]
LANGUAGES = ["en", "de", "ar", "pl", "tr", "uk", "so", "fa", "es", "fr"]


def seed(*, municipality, scale: str, rng, progress) -> None:
    """Profiles for about half of the municipality's seeded employees (the rest
    have none, as in life). Runs once per municipality."""
    if Profile.objects.filter(
        municipality=municipality, user__email__startswith="seed-"
    ).exists():
        progress(0, f"competences in {municipality.slug}: already seeded").close()
        return
    user_ids = list(
        Membership.objects.filter(
            municipality=municipality,
            is_employee=True,
            user__email__startswith="seed-",
        )
        .order_by("user_id")
        .values_list("user_id", flat=True)
    )
    chosen = [pk for pk in user_ids if rng.random() < 0.5]
    bar = progress(len(chosen), f"competences in {municipality.slug}")
    for start in range(0, len(chosen), BATCH):
        profiles = []
        for user_id in chosen[start : start + BATCH]:
            profiles.append(
                Profile(
                    municipality=municipality,
                    user_id=user_id,
                    skills=". ".join(rng.sample(SKILLS, 2)) + ".",
                    tags=[],
                    languages=["da", *rng.sample(LANGUAGES, rng.randint(0, 2))],
                    networks=rng.choice(NETWORKS) + ".",
                    languages_sharing=Sharing.EMPLOYEES
                    if rng.random() < 0.9
                    else Sharing.PRIVATE,
                )
            )
        terms = [profile_terms(p) for p in profiles]
        for profile, its_terms in zip(profiles, terms, strict=True):
            profile.indexed = bool(its_terms)
        profiles = Profile.objects.bulk_create(profiles, batch_size=BATCH)
        ProfileTerm.objects.bulk_create(
            (
                ProfileTerm(municipality=municipality, profile=p, term=term)
                for p, its_terms in zip(profiles, terms, strict=True)
                for term in its_terms
            ),
            batch_size=BATCH,
        )
        bar.update(len(profiles))
    bar.close()
