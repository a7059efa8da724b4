"""Scale data: associations, businesses, institutions and departments in bulk."""

from faelles.accounts.models import Membership

from .models import Organisation, OrganisationMember

SIZES = {"small": 20, "large": 1_000}
BATCH = 5_000
WORDS = [
    "Idræts",
    "Senior",
    "Borger",
    "Kajak",
    "Løbe",
    "Strikke",
    "Have",
    "Natur",
    "Kultur",
    "Musik",
    "Sang",
    "Skak",
    "Bridge",
    "Spejder",
    "Frivillig",
    "Nabo",
    "Lokal",
    "Grundejer",
    "Beboer",
    "Fritids",
    "Motions",
    "Cykel",
    "Svømme",
    "Teater",
]
SUFFIX = {
    Organisation.Kind.ASSOCIATION: "forening",
    Organisation.Kind.BUSINESS: "værksted ApS",
    Organisation.Kind.INSTITUTION: "skole",
}
DESCRIPTIONS = {
    Organisation.Kind.ASSOCIATION: [
        "Vi mødes hver uge og tager gerne imod nye medlemmer i alle aldre.",
        "En lille forening drevet af frivillige. Kom forbi og prøv det første gang gratis.",
        "Vi har brug for flere hænder til arrangementer, kørsel og kaffebrygning.",
    ],
    Organisation.Kind.BUSINESS: [
        "Lokal virksomhed, der gerne låner lokaler og værktøj ud til gode formål.",
        "Vi tager praktikanter og åbner værkstedet for skoleklasser.",
    ],
    Organisation.Kind.INSTITUTION: [
        "Skolen stiller gymnastiksal og køkken til rådighed om aftenen.",
        "Vi samarbejder med foreninger om aktiviteter efter skoletid.",
    ],
}
DEPARTMENTS = [
    "Sundhed og Ældre",
    "Børn og Unge",
    "Kultur og Fritid",
    "Beskæftigelse",
    "Teknik og Miljø",
    "Social og Handicap",
    "Borgerservice",
    "Skoler",
]


def seed(*, municipality, scale: str, rng, progress) -> None:
    """Departments, then associations, businesses and institutions with 3–30 members
    each (the first one its admin); the seeded employees get a department.

    Runs once per municipality, like the people seeder.
    """
    prefix = "seed-"
    if Organisation.objects.filter(
        municipality=municipality, slug__startswith=prefix
    ).exists():
        progress(0, f"organisations in {municipality.slug}: already seeded").close()
        return
    total = SIZES[scale]
    kinds = (
        [Organisation.Kind.ASSOCIATION] * 7
        + [Organisation.Kind.BUSINESS] * 2
        + [Organisation.Kind.INSTITUTION]
    )
    bar = progress(total + len(DEPARTMENTS), f"organisations in {municipality.slug}")
    departments = Organisation.objects.bulk_create(
        Organisation(
            municipality=municipality,
            kind=Organisation.Kind.DEPARTMENT,
            name=name,
            slug=f"{prefix}afdeling-{i}",
        )
        for i, name in enumerate(DEPARTMENTS)
    )
    organisations = []
    for i in range(total):
        kind = rng.choice(kinds)
        organisations.append(
            Organisation(
                municipality=municipality,
                kind=kind,
                name=f"{rng.choice(WORDS)}{SUFFIX[kind]} {i + 1}",
                slug=f"{prefix}{i}",
                description=rng.choice(DESCRIPTIONS[kind]),
                postcode=f"{rng.randint(1000, 9990)}",
            )
        )
    organisations = Organisation.objects.bulk_create(organisations, batch_size=BATCH)
    bar.update(total + len(departments))
    bar.close()

    employees = list(
        Membership.objects.filter(
            municipality=municipality, is_employee=True, department__isnull=True
        ).order_by("pk")
    )
    for membership in employees:
        membership.department = rng.choice(departments)
    Membership.objects.bulk_update(employees, ["department"], batch_size=BATCH)

    members = list(
        Membership.objects.filter(municipality=municipality)
        .order_by("user_id")
        .values_list("user_id", flat=True)[:50_000]
    )
    if not members:
        return
    rows: list[OrganisationMember] = []
    for organisation in organisations:
        chosen = rng.sample(members, k=min(len(members), rng.randint(3, 30)))
        rows.extend(
            OrganisationMember(
                organisation_id=organisation.pk, user_id=user_id, is_admin=(j == 0)
            )
            for j, user_id in enumerate(chosen)
        )
    OrganisationMember.objects.bulk_create(rows, batch_size=BATCH)
