"""The pulse's pages at the issue's ``large`` scale: 10,000 employees in 300
units (12 departments and the units ``seed`` of the pulse adds under them) and
8 closed rounds with their stored, suppressed results.

    .venv/bin/python bench/bench_pulse.py [--requests 100]
    scripts/with-postgres .venv/bin/python bench/bench_pulse.py

Times the pages as an administrator (who sees every unit) and as an employee:
p50 / p95 wall time, p50 CPU time of this process and the SQL queries per
request (the bar: p95 ≤ 50 ms). Without DATABASE_URL it uses a throw-away
SQLite file.
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
    _tmp = Path(tempfile.mkdtemp(prefix="faelles-bench-pulse-"))
    os.environ["DATABASE_URL"] = f"sqlite:///{_tmp / 'bench.sqlite3'}"

from bench.bench_competences import _Bar  # noqa: E402
from bench.bench_pages import machine, measure, settle  # noqa: E402

SLUG = "bench-pulse"


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--requests", type=int, default=100)
    args = parser.parse_args()

    import django

    django.setup()
    from django.conf import settings
    from django.contrib.auth.hashers import make_password
    from django.core.management import call_command
    from django.db import connection
    from django.test import Client

    settings.ALLOWED_HOSTS = ["testserver"]
    call_command("migrate", verbosity=0)

    from faelles.accounts.models import Membership, User
    from faelles.municipalities.models import Municipality
    from faelles.municipalities.services import municipality_create
    from faelles.organisations.models import Organisation
    from faelles.pulse import demo as pulse_demo
    from faelles.pulse.models import Response, Round

    municipality = Municipality.objects.filter(slug=SLUG).first()
    seeded = None
    if municipality is None:
        municipality = municipality_create(
            slug=SLUG, name="Bench Kommune", programme_name="Bench"
        )
        start = time.monotonic()
        Organisation.objects.bulk_create(
            Organisation(
                municipality=municipality,
                kind=Organisation.Kind.DEPARTMENT,
                name=f"Afdeling {i + 1}",
                slug=f"afdeling-{i + 1}",
            )
            for i in range(12)
        )
        admin = User.objects.create(
            email=f"admin@{SLUG}.example",
            display_name="Administrator",
            password=make_password(None),
        )
        Membership.objects.create(
            municipality=municipality, user=admin, is_administrator=True
        )
        pulse_demo.seed(
            municipality=municipality,
            scale="large",
            rng=random.Random(1),
            progress=_Bar,
        )
        seeded = time.monotonic() - start
    settle(connection)

    admin = Membership.objects.get(municipality=municipality, is_administrator=True)
    employee = (
        Membership.objects.filter(
            municipality=municipality,
            is_employee=True,
            department__parent__isnull=False,
        )
        .order_by("id")
        .first()
    )
    as_admin, as_employee = Client(), Client()
    as_admin.force_login(admin.user)
    as_employee.force_login(employee.user)
    base = f"/{SLUG}/puls/"
    oldest = (
        Round.objects.filter(municipality=municipality).order_by("opens_on").first()
    )
    rows = []
    for label, client, path in [
        ("administrator: results, latest round", as_admin, "resultater/"),
        (
            "administrator: results, oldest round, one unit's trend",
            as_admin,
            f"resultater/?runde={oldest.pk}&enhed={employee.department_id}",
        ),
        ("administrator: /puls/", as_admin, ""),
        ("employee: results", as_employee, "resultater/"),
    ]:
        p50, p95, cpu, queries = measure(client, base + path, args.requests)
        rows.append((label, p50, p95, cpu, queries))

    units = Organisation.objects.filter(
        municipality=municipality, kind=Organisation.Kind.DEPARTMENT
    ).count()
    employees = Membership.objects.filter(
        municipality=municipality, is_employee=True
    ).count()
    rounds = Round.objects.filter(municipality=municipality).count()
    answers = Response.objects.filter(municipality=municipality).count()
    load = os.getloadavg()
    print(f"# pulse ({connection.vendor}, {machine()})")
    print(f"load average {load[0]:.1f} {load[1]:.1f} {load[2]:.1f}")
    print(
        f"{employees} employees in {units} units, {rounds} closed rounds, "
        f"{answers} answers",
        end="",
    )
    print(f", seeded in {seeded:.0f} s" if seeded else "")
    print(f"{args.requests} requests per page after one warm-up.")
    print("| page | p50 ms | p95 ms | p50 CPU ms | queries |")
    print("|---|---|---|---|---|")
    for label, p50, p95, cpu, queries in rows:
        print(f"| {label} | {p50:.1f} | {p95:.1f} | {cpu:.1f} | {queries} |")


if __name__ == "__main__":
    main()
