"""Scale data: people and their memberships, written in bulk."""

from django.contrib.auth.hashers import make_password

from .models import LANGUAGE_CHOICES, Membership, ProfileVisibility, User

FIRST_NAMES = [
    "Anne",
    "Mette",
    "Hanne",
    "Lene",
    "Susanne",
    "Marianne",
    "Camilla",
    "Louise",
    "Sofie",
    "Emma",
    "Ida",
    "Freja",
    "Clara",
    "Laura",
    "Maja",
    "Alma",
    "Ella",
    "Karen",
    "Inge",
    "Birthe",
    "Fatima",
    "Aisha",
    "Zainab",
    "Olena",
    "Agnieszka",
    "Leyla",
    "Amina",
    "Peter",
    "Jens",
    "Lars",
    "Søren",
    "Niels",
    "Henrik",
    "Morten",
    "Thomas",
    "Mads",
    "Rasmus",
    "Jonas",
    "Lucas",
    "William",
    "Oscar",
    "Noah",
    "Magnus",
    "Aksel",
    "Frederik",
    "Ole",
    "Poul",
    "Erik",
    "Ahmed",
    "Mohammed",
    "Ali",
    "Yusuf",
    "Mehmet",
    "Tomasz",
    "Dmytro",
]
LAST_NAMES = [
    "Nielsen",
    "Jensen",
    "Hansen",
    "Pedersen",
    "Andersen",
    "Christensen",
    "Larsen",
    "Sørensen",
    "Rasmussen",
    "Jørgensen",
    "Petersen",
    "Madsen",
    "Kristensen",
    "Olsen",
    "Thomsen",
    "Christiansen",
    "Poulsen",
    "Johansen",
    "Møller",
    "Mortensen",
    "Holm",
    "Lund",
    "Kjær",
    "Dahl",
    "Bach",
    "Skov",
    "Winther",
    "Ali",
    "Hussein",
    "Yilmaz",
    "Kowalski",
    "Shevchenko",
    "Ahmadi",
]
SIZES = {"small": 1_000, "large": 100_000}
PARTIES = [
    "Socialdemokratiet",
    "Venstre",
    "Socialistisk Folkeparti",
    "Det Konservative Folkeparti",
    "Enhedslisten",
    "Radikale Venstre",
    "Liberal Alliance",
    "Lokallisten",
]
BATCH = 5_000


def seed(*, municipality, scale: str, rng, progress) -> None:
    """People with a membership each: ~1 % employees, 0.05 % politicians, a few
    moderators and administrators, everyone else a citizen.

    Runs once per municipality: a second call finds the people and does nothing, so
    several benchmarks can share one seeded database.
    """
    prefix = f"seed-{municipality.slug}-"
    if User.objects.filter(email__startswith=prefix).exists():
        progress(0, f"people in {municipality.slug}: already seeded").close()
        return
    total = SIZES[scale]
    password = make_password("seed-password-not-for-login")
    codes = [code for code, _ in LANGUAGE_CHOICES]
    postcodes = [f"{rng.randint(1000, 9990)}" for _ in range(40)]
    visibilities = list(ProfileVisibility.values)
    bar = progress(total * 2, f"people in {municipality.slug}")
    for start in range(0, total, BATCH):
        users = []
        for i in range(start, min(start + BATCH, total)):
            first, last = rng.choice(FIRST_NAMES), rng.choice(LAST_NAMES)
            users.append(
                User(
                    email=f"{prefix}{i}@seed.faelles.example",
                    display_name=f"{first} {last}",
                    postcode=rng.choice(postcodes),
                    languages=["da"]
                    + ([rng.choice(codes)] if rng.random() < 0.3 else []),
                    profile_visibility=rng.choice(visibilities),
                    password=password,
                )
            )
        # bulk_create returns the new primary keys on PostgreSQL and SQLite ≥ 3.35.
        users = User.objects.bulk_create(users, batch_size=BATCH)
        bar.update(len(users))
        memberships = []
        for user in users:
            roll = rng.random()
            politician = 0.01 <= roll < 0.0105
            memberships.append(
                Membership(
                    municipality=municipality,
                    user_id=user.pk,
                    is_citizen=roll > 0.01,
                    is_employee=roll < 0.01,
                    is_politician=politician,
                    party=rng.choice(PARTIES) if politician else "",
                    is_moderator=0.0105 <= roll < 0.0125,
                    is_administrator=roll < 0.0005,
                )
            )
        Membership.objects.bulk_create(memberships, batch_size=BATCH)
        bar.update(len(memberships))
    bar.close()
