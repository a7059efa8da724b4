"""Demo figures for the insight dashboards.

The population tables are **fictional figures written for the demo** — of the
right size and shape for each municipality (areas by postcode, an age profile a
little older in the countryside, younger in the city), but not Statistics
Denmark's. They are imported with ``fictional=True``, and the page says
"Fiktive tal til demo". Demo people without a postcode get one of the
municipality's, and most get a birth year for the statistics, so the figures by
area and age band have something to show; then the figures are computed.
"""

from __future__ import annotations

import random

# The age profile (share in each band: under 18, 18–29, 30–49, 50–64, 65+).
TOWN = (0.21, 0.13, 0.24, 0.20, 0.22)
CITY = (0.19, 0.24, 0.26, 0.17, 0.14)
COUNTRY = (0.20, 0.10, 0.22, 0.22, 0.26)
BANDS = ("u18", "18-29", "30-49", "50-64", "65+")

# Fictional population per area (postcode, name, residents, profile).
POPULATION = {
    "kerteminde": [
        ("5300", "Kerteminde", 9_800, TOWN),
        ("5330", "Munkebo", 5_700, TOWN),
        ("5380", "Dalby", 2_300, COUNTRY),
        ("5390", "Martofte", 1_900, COUNTRY),
        ("5550", "Langeskov", 4_200, TOWN),
    ],
    "odense": [
        ("5000", "Odense C", 38_500, CITY),
        ("5200", "Odense V", 27_900, CITY),
        ("5210", "Odense NV", 24_100, TOWN),
        ("5220", "Odense SØ", 21_600, TOWN),
        ("5230", "Odense M", 25_300, CITY),
        ("5240", "Odense NØ", 17_800, TOWN),
        ("5250", "Odense SV", 16_400, TOWN),
        ("5260", "Odense S", 20_700, TOWN),
        ("5270", "Odense N", 16_100, TOWN),
    ],
    "faxe": [
        ("4640", "Faxe", 9_600, TOWN),
        ("4654", "Faxe Ladeplads", 3_400, COUNTRY),
        ("4690", "Haslev", 16_900, TOWN),
        ("4683", "Rønnede", 4_300, COUNTRY),
        ("4160", "Herlufmagle", 2_600, COUNTRY),
    ],
    "skanderborg": [
        ("8660", "Skanderborg", 28_400, TOWN),
        ("8680", "Ry", 11_200, TOWN),
        ("8362", "Hørning", 9_300, TOWN),
        ("8464", "Galten", 10_100, TOWN),
        ("8670", "Låsby", 4_700, COUNTRY),
    ],
    "rodovre": [
        ("2610", "Rødovre", 41_200, TOWN),
    ],
}


def population_csv(rows) -> bytes:
    """The table as Statistics Denmark lays it out (semicolons, thousand dots)."""
    lines = ["område;alder;antal"]
    labels = {
        "u18": "0-17 år",
        "18-29": "18-29 år",
        "30-49": "30-49 år",
        "50-64": "50-64 år",
        "65+": "65 år og derover",
    }
    for postcode, name, residents, profile in rows:
        for band, share in zip(BANDS, profile, strict=True):
            count = f"{round(residents * share):,}".replace(",", ".")
            lines.append(f"{postcode} {name};{labels[band]};{count}")
    return ("\n".join(lines) + "\n").encode("utf-8-sig")


def _people(municipality, postcodes: list[str], rng: random.Random, *, prefix=""):
    """Give demo people without a postcode one of the municipality's, and most
    of them a birth year."""
    from faelles.accounts.models import User

    from .models import BirthYear

    users = User.objects.filter(memberships__municipality=municipality)
    if prefix:
        users = users.filter(email__startswith=prefix)
    have = set(
        BirthYear.objects.filter(user__in=users).values_list("user_id", flat=True)
    )
    years, changed = [], []
    for user in users.only("pk", "postcode").order_by("pk").iterator(chunk_size=5000):
        if not user.postcode:
            user.postcode = rng.choice(postcodes)
            changed.append(user)
        if user.pk not in have and rng.random() < 0.8:
            years.append(BirthYear(user_id=user.pk, year=rng.randint(1938, 2010)))
    User.objects.bulk_update(changed, ["postcode"], batch_size=5000)
    BirthYear.objects.bulk_create(years, batch_size=5000, ignore_conflicts=True)


def load_demo(*, municipalities, stdout) -> None:
    from .rollups import refresh
    from .services import population_import

    rng = random.Random("insight")
    for slug, rows in POPULATION.items():
        municipality = municipalities.get(slug)
        if municipality is None:
            continue
        population_import(
            municipality=municipality,
            user=None,
            data=population_csv(rows),
            filename="fiktive-befolkningstal-demo.csv",
            fictional=True,
            refresh_after=False,
        )
        _people(municipality, [row[0] for row in rows], rng)
        refresh(municipality)
    stdout.write("insight: fictional population figures, dashboards computed")


def seed(*, municipality, scale: str, rng, progress) -> None:
    """Fictional population by the seeded people's postcodes, birth years for
    most of them, and the dashboards' figures computed once."""
    from faelles.accounts.models import User

    from .models import PopulationImport
    from .rollups import refresh
    from .services import population_import

    if PopulationImport.objects.filter(municipality=municipality).exists():
        progress(0, f"insight in {municipality.slug}: already seeded").close()
        return
    prefix = f"seed-{municipality.slug}-"
    postcodes = sorted(
        set(
            User.objects.filter(email__startswith=prefix)
            .exclude(postcode="")
            .values_list("postcode", flat=True)
            .distinct()[:60]
        )
    ) or ["1000"]
    bar = progress(3, f"insight in {municipality.slug}")
    rows = [
        (code, "", rng.randint(4_000, 30_000), rng.choice((TOWN, CITY, COUNTRY)))
        for code in postcodes
    ]
    population_import(
        municipality=municipality,
        user=None,
        data=population_csv(rows),
        filename="fiktive-befolkningstal-seed.csv",
        fictional=True,
    )
    bar.update(1)
    _people(municipality, postcodes, rng, prefix=prefix)
    bar.update(1)
    refresh(municipality)
    bar.update(1)
    bar.close()
