"""The competence directory at the issue's ``large`` scale: 10,000 employees in
300 units (12 departments and 288 units under them), about half with a profile
(``seed`` of competences).

    .venv/bin/python bench/bench_competences.py [--employees 10000] [--requests 100]
    scripts/with-postgres .venv/bin/python bench/bench_competences.py
    scripts/with-postgres .venv/bin/python bench/bench_competences.py --others 200000

Times the directory as an employee: everyone (by name), a search of one word,
a search of a sentence ("kan tale arabisk"), a search with a department and a
language, a deep page: p50 / p95 wall time, p50 CPU time and the SQL queries
per request (the bar: p95 ≤ 50 ms). ``--others N`` adds N citizens of another
municipality to the same database first, as in an installation several
municipalities share. Without DATABASE_URL it uses a throw-away SQLite file.
"""

from __future__ import annotations

import argparse
import os
import random
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "faelles.settings.test")
os.environ.setdefault("DJANGO_ALLOW_ASYNC_UNSAFE", "true")
if not os.environ.get("DATABASE_URL"):
    _tmp = Path(tempfile.mkdtemp(prefix="faelles-bench-competences-"))
    os.environ["DATABASE_URL"] = f"sqlite:///{_tmp / 'bench.sqlite3'}"

from bench.bench_pages import machine, measure, settle  # noqa: E402


class _Bar:
    def __init__(self, total: int = 0, description: str = ""):
        pass

    def update(self, n: int) -> None:
        pass

    def close(self) -> None:
        pass


SLUG = "bench-competences"
UNITS = 300


def _employees(municipality, n: int, rng) -> list:
    from django.contrib.auth.hashers import make_password

    from faelles.accounts.models import Membership, User
    from faelles.organisations.models import Organisation

    tops = Organisation.objects.bulk_create(
        Organisation(
            municipality=municipality,
            kind=Organisation.Kind.DEPARTMENT,
            name=f"Afdeling {i + 1}",
            slug=f"afdeling-{i + 1}",
        )
        for i in range(12)
    )
    departments = tops + Organisation.objects.bulk_create(
        Organisation(
            municipality=municipality,
            kind=Organisation.Kind.DEPARTMENT,
            name=f"Enhed {i + 1}",
            slug=f"enhed-{i + 1}",
            parent=tops[i % len(tops)],
        )
        for i in range(UNITS - len(tops))
    )
    password = make_password(None)
    users = User.objects.bulk_create(
        (
            User(
                email=f"seed-{SLUG}-{i}@seed.faelles.example",
                display_name=f"Medarbejder {i}",
                password=password,
            )
            for i in range(n)
        ),
        batch_size=2000,
    )
    Membership.objects.bulk_create(
        (
            Membership(
                municipality=municipality,
                user=u,
                is_employee=True,
                department=rng.choice(departments),
            )
            for u in users
        ),
        batch_size=2000,
    )
    return departments


def _others(n: int) -> None:
    """``n`` citizens of another municipality in the same database, as in an
    installation shared by several municipalities: the directory must not get
    slower with people who are not this municipality's."""
    from django.contrib.auth.hashers import make_password

    from faelles.accounts.models import Membership, User
    from faelles.municipalities.services import municipality_create

    other = municipality_create(
        slug=f"{SLUG}-other", name="Anden Kommune", programme_name="Anden"
    )
    password = make_password(None)
    for start in range(0, n, 10_000):
        users = User.objects.bulk_create(
            User(
                email=f"seed-{SLUG}-other-{i}@seed.faelles.example",
                display_name=f"Borger {i}",
                password=password,
            )
            for i in range(start, min(n, start + 10_000))
        )
        Membership.objects.bulk_create(
            Membership(municipality=other, user=u, is_citizen=True) for u in users
        )


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--employees", type=int, default=10_000)
    parser.add_argument("--requests", type=int, default=100)
    parser.add_argument(
        "--others",
        type=int,
        default=0,
        help="citizens of another municipality in the same database (default 0)",
    )
    args = parser.parse_args()

    import django

    django.setup()
    from django.conf import settings
    from django.core.management import call_command
    from django.db import connection
    from django.test import Client

    settings.ALLOWED_HOSTS = ["testserver"]
    call_command("migrate", verbosity=0)

    from faelles.accounts.models import Membership
    from faelles.competences import demo as competences_demo
    from faelles.competences.models import Profile
    from faelles.municipalities.models import Municipality
    from faelles.municipalities.services import municipality_create
    from faelles.organisations.models import Organisation

    municipality = Municipality.objects.filter(slug=SLUG).first()
    seeded = None
    if municipality is None:
        municipality = municipality_create(
            slug=SLUG, name="Bench Kommune", programme_name="Bench"
        )
        start = time.monotonic()
        rng = random.Random(1)
        _employees(municipality, args.employees, rng)
        competences_demo.seed(
            municipality=municipality, scale="large", rng=rng, progress=_Bar
        )
        if args.others:
            _others(args.others)
        seeded = time.monotonic() - start
    settle(connection)

    department = (
        Organisation.objects.filter(
            municipality=municipality, kind=Organisation.Kind.DEPARTMENT
        )
        .order_by("id")
        .first()
    )
    viewer = Membership.objects.filter(municipality=municipality).first().user
    client = Client()
    client.force_login(viewer)
    base = f"/{SLUG}/kompetencer/"
    rows = []
    for label, query in [
        ("everyone, by name", ""),
        ("one word", "?q=regneark"),
        ("a sentence", "?q=kan+tale+arabisk"),
        (
            "word, department, language",
            f"?q=foreningen&afdeling={department.pk}&sprog=de",
        ),
        ("everyone, page 50", "?side=50"),
    ]:
        p50, p95, cpu, queries = measure(client, base + query, args.requests)
        rows.append((label, p50, p95, cpu, queries))

    employees = Membership.objects.filter(municipality=municipality).count()
    profiles = Profile.objects.filter(municipality=municipality).count()
    load = os.getloadavg()
    print(f"# competence directory ({connection.vendor}, {machine()})")
    print(f"load average {load[0]:.1f} {load[1]:.1f} {load[2]:.1f}")
    print(f"{employees} employees in {UNITS} units, {profiles} profiles", end="")
    if args.others:
        print(f", {args.others} citizens of another municipality", end="")
    print(f", seeded in {seeded:.0f} s" if seeded else "")
    print("| page | p50 ms | p95 ms | p50 CPU ms | queries |")
    print("|---|---|---|---|---|")
    for label, p50, p95, cpu, queries in rows:
        print(f"| {label} | {p50:.1f} | {p95:.1f} | {cpu:.1f} | {queries} |")


if __name__ == "__main__":
    main()
