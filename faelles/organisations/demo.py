"""Scale data: associations, businesses, institutions and departments in bulk."""

from django.db.models import Max

from faelles.accounts.models import Membership

from .models import Organisation, OrganisationMember

SIZES = {"small": 20, "large": 1_000}
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
    total = SIZES[scale]
    offset = (
        Organisation.objects.filter(municipality=municipality).aggregate(m=Max("id"))[
            "m"
        ]
        or 0
    )
    kinds = (
        [Organisation.Kind.ASSOCIATION] * 7
        + [Organisation.Kind.BUSINESS] * 2
        + [Organisation.Kind.INSTITUTION]
    )
    bar = progress(total, f"organisations in {municipality.slug}")
    organisations = [
        Organisation(
            municipality=municipality,
            kind=Organisation.Kind.DEPARTMENT,
            name=name,
            slug=f"seed-{offset}-afdeling-{i}",
        )
        for i, name in enumerate(DEPARTMENTS)
    ]
    for i in range(total):
        kind = rng.choice(kinds)
        name = f"{rng.choice(WORDS)}{SUFFIX[kind]} {i + 1}"
        organisations.append(
            Organisation(
                municipality=municipality,
                kind=kind,
                name=name,
                slug=f"seed-{offset}-{i}",
                description="Vi mødes jævnligt og tager gerne imod nye.",
                postcode=f"{rng.randint(1000, 9990)}",
            )
        )
    Organisation.objects.bulk_create(organisations, batch_size=5000)
    bar.update(total)
    bar.close()
    members = list(
        Membership.objects.filter(municipality=municipality).values_list(
            "user_id", flat=True
        )[:50_000]
    )
    if not members:
        return
    created = Organisation.objects.filter(
        municipality=municipality, slug__startswith=f"seed-{offset}-"
    ).exclude(kind=Organisation.Kind.DEPARTMENT)
    rows = []
    for organisation_id in created.values_list("id", flat=True):
        chosen = rng.sample(members, k=min(len(members), rng.randint(3, 30)))
        rows.extend(
            OrganisationMember(
                organisation_id=organisation_id, user_id=user_id, is_admin=(j == 0)
            )
            for j, user_id in enumerate(chosen)
        )
    OrganisationMember.objects.bulk_create(rows, batch_size=5000)
