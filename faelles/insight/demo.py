"""Demo figures for the insight dashboards.

The population tables are **fictional figures written for the demo** — of the
right size and shape for each municipality (areas by postcode, an age profile a
little older in the countryside, younger in the city), but not Statistics
Denmark's. They are imported with ``fictional=True``, and the page says
"Fiktive tal til demo". Demo people without a postcode get one of the
municipality's, and most get a birth year for the statistics, so the figures by
area and age band have something to show; then the figures are computed.

The demo's own content covers a few weeks and a few dozen people: too few for
movement between the rungs of the activity ladder, where groups under five are
hidden. So each municipality also gets **residents with two years of earlier
activity** (``HISTORY``; no login, private profiles): their highest rung moves
from quarter to quarter as in a municipality where most stay where they are,
some climb — more in Skanderborg, which measures its work by the ladder — and
some stop. Their acts are recorded as ``demo.history`` (no object behind them).
Loading the demo again replaces these acts and keeps the people.
"""

from __future__ import annotations

import random
from datetime import timedelta

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


# Residents with earlier activity: how many, and the chance to climb a rung
# from one quarter to the next (the rest: most stay, some step down or stop).
HISTORY = {
    "kerteminde": (160, 0.16),
    "odense": (360, 0.15),
    "faxe": (140, 0.15),
    "skanderborg": (420, 0.22),
    "rodovre": (220, 0.15),
}
HISTORY_ACTION = "demo.history"
# Where people start on the ladder (rungs 1–6).
START = (10, 4, 8, 30, 40, 8)
FIRST_NAMES = ["Anna", "Bent", "Dorthe", "Emil", "Fatima", "Jens", "Karin", "Lars"]
LAST_NAMES = [
    "Andersen",
    "Bach",
    "Dahl",
    "Holm",
    "Juul",
    "Krogh",
    "Lund",
    "Vestergaard",
]


def _levels(rng: random.Random, quarters: int, climb: float) -> list[int]:
    """One person's highest rung in each quarter (0: not active)."""
    level = rng.choices(range(1, 7), START)[0] if rng.random() < 0.35 else 0
    levels = []
    for _ in range(quarters):
        levels.append(level)
        r = rng.random()
        if level == 0:
            level = rng.choices(range(1, 7), START)[0] if r < 0.17 else 0
        elif r < 0.2:
            level = 0
        elif r < 0.2 + climb:
            level = min(6, level + rng.choice((1, 1, 2)))
        elif r < 0.32 + climb:
            level = max(1, level - 1)
    return levels


def _history(municipality, postcodes: list[str]) -> int:
    """Residents with two years of activity on the ladder; returns the acts.
    The same people and acts at every load (a random generator of its own)."""
    from django.contrib.auth.hashers import make_password
    from django.utils import timezone

    from faelles.accounts.models import Membership, ProfileVisibility, User
    from faelles.participation.models import ParticipationAct

    from .models import BirthYear
    from .rollups import window

    size, climb = HISTORY[municipality.slug]
    slug = municipality.slug
    rng = random.Random(f"insight-history-{slug}")
    emails = [f"aktiv-{n:03d}@{slug}.faelles.example" for n in range(size)]
    password = make_password(None)  # no one logs in as them
    User.objects.bulk_create(
        [
            User(
                email=email,
                display_name=(
                    f"{FIRST_NAMES[n % len(FIRST_NAMES)]} "
                    f"{LAST_NAMES[n * 5 // len(FIRST_NAMES) % len(LAST_NAMES)]}"
                ),
                password=password,
                postcode=rng.choice(postcodes),
                profile_visibility=ProfileVisibility.PRIVATE,
            )
            for n, email in enumerate(emails)
        ],
        ignore_conflicts=True,
    )
    users = list(User.objects.filter(email__in=emails).order_by("email"))
    Membership.objects.bulk_create(
        [Membership(user=u, municipality=municipality, is_citizen=True) for u in users],
        ignore_conflicts=True,
    )
    BirthYear.objects.bulk_create(
        [
            BirthYear(user=u, year=rng.randint(1940, 2008))
            for u in users
            if rng.random() < 0.85
        ],
        ignore_conflicts=True,
    )
    now = timezone.now()
    periods, start, _end = window(timezone.localdate(now))
    starts = []  # the first moment of each quarter of the window
    year, month = start.year, start.month
    for _period in periods:
        starts.append(start.replace(year=year, month=month))
        year, month = (year + 1, 1) if month == 10 else (year, month + 3)
    ParticipationAct.objects.filter(
        municipality=municipality, action=HISTORY_ACTION
    ).delete()
    acts = []
    for user in users:
        for begins, level in zip(starts, _levels(rng, len(starts), climb), strict=True):
            if not level:
                continue
            # The highest rung, and now and then a lower one beside it.
            for rung in {level, rng.randint(1, level)}:
                when = begins + timedelta(days=rng.uniform(0, 90))
                if when < now:
                    acts.append(
                        ParticipationAct(
                            municipality=municipality,
                            user=user,
                            action=HISTORY_ACTION,
                            rung=rung,
                            occurred_at=when,
                        )
                    )
    ParticipationAct.objects.bulk_create(acts, batch_size=2000)
    return len(acts)


def load_demo(*, municipalities, stdout) -> None:
    from .rollups import refresh
    from .services import population_import

    rng = random.Random("insight")
    acts = 0
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
        postcodes = [row[0] for row in rows]
        acts += _history(municipality, postcodes)
        _people(municipality, postcodes, rng)
        refresh(municipality)
    stdout.write(
        f"insight: fictional population figures, {acts} earlier acts on the "
        "activity ladder, dashboards computed"
    )


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
