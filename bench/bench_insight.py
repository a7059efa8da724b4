"""The insight dashboards at `large` scale.

    .venv/bin/python bench/bench_insight.py [--requests 200] [--acts 600000]
    scripts/with-postgres .venv/bin/python bench/bench_insight.py

Seeds a municipality with the `large` number of people (``accounts.seed``:
100,000 with memberships), ``--acts`` acts of participation spread over two years
and six rungs (written in bulk here: the ladder is what every dashboard counts),
the other features' ``small`` data, then the insight app's own seed (a fictional
population by the people's postcodes, birth years for 80 %, and the first
computation of the rollups — timed: that is the background task's cost). Then it
requests each dashboard page through Django's test client: p50 / p95 wall time,
p50 CPU time and SQL queries (the bar: p95 ≤ 50 ms). The pages read only the
rollups, whose size does not grow with the data (sources × periods, areas and
age bands), so the page times hold at any scale; the refresh is what grows.
Without DATABASE_URL it uses a throw-away SQLite file.
"""

from __future__ import annotations

import argparse
import os
import random
import sys
import tempfile
import time
from datetime import timedelta
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "faelles.settings.test")
os.environ.setdefault("DJANGO_ALLOW_ASYNC_UNSAFE", "true")
if not os.environ.get("DATABASE_URL"):  # or a file from an earlier run
    _tmp = Path(tempfile.mkdtemp(prefix="faelles-bench-insight-"))
    os.environ["DATABASE_URL"] = f"sqlite:///{_tmp / 'bench.sqlite3'}"

from bench.bench_pages import machine, measure, settle  # noqa: E402

SLUG = "bench-insight"


class _Bar:
    def __init__(self, total: int = 0, description: str = ""):
        pass

    def update(self, n: int) -> None:
        pass

    def set_postfix_str(self, text: str) -> None:
        pass

    def close(self) -> None:
        pass


def _acts(municipality, n: int, rng: random.Random) -> None:
    from django.utils import timezone

    from faelles.accounts.models import User
    from faelles.participation.models import ParticipationAct

    users = list(
        User.objects.filter(email__startswith=f"seed-{SLUG}-").values_list(
            "pk", flat=True
        )
    )
    now = timezone.now()
    # A long tail: a quarter of the people do most of it.
    active = users[: len(users) // 4]
    batch = []
    for _ in range(n):
        who = rng.choice(active) if rng.random() < 0.7 else rng.choice(users)
        batch.append(
            ParticipationAct(
                municipality=municipality,
                user_id=who,
                action="bench.act",
                rung=rng.choices(range(1, 7), weights=(8, 4, 6, 20, 25, 6))[0],
                occurred_at=now - timedelta(days=rng.random() * 730),
            )
        )
        if len(batch) == 10_000:
            ParticipationAct.objects.bulk_create(batch)
            batch = []
    ParticipationAct.objects.bulk_create(batch)


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--requests", type=int, default=200)
    parser.add_argument("--acts", type=int, default=600_000)
    parser.add_argument("--no-refresh", action="store_true", help="time the pages only")
    args = parser.parse_args()

    import django

    django.setup()
    from django.conf import settings
    from django.core.management import call_command
    from django.db import connection
    from django.test import Client

    settings.ALLOWED_HOSTS = ["testserver"]
    call_command("migrate", verbosity=0)

    from faelles.accounts import demo as accounts_demo
    from faelles.accounts.models import User
    from faelles.insight import demo as insight_demo
    from faelles.insight.models import (
        BirthYear,
        PopulationFigure,
        PopulationImport,
        Refresh,
        Rollup,
    )
    from faelles.insight.rollups import refresh
    from faelles.municipalities.models import Municipality
    from faelles.municipalities.services import municipality_create
    from faelles.participation.models import ParticipationAct

    municipality = Municipality.objects.filter(slug=SLUG).first()
    if municipality is None:
        municipality = municipality_create(
            slug=SLUG, name="Bench Kommune", programme_name="Bench"
        )
    timings = {}
    # Each step only once, so an interrupted run can go on with the same file.
    people = User.objects.filter(email__startswith=f"seed-{SLUG}-")
    if not people.exists():
        start = time.monotonic()
        accounts_demo.seed(
            municipality=municipality,
            scale="large",
            rng=random.Random(1),
            progress=_Bar,
        )
        timings["people (large)"] = time.monotonic() - start
    if not ParticipationAct.objects.filter(municipality=municipality).exists():
        start = time.monotonic()
        _acts(municipality, args.acts, random.Random(2))
        timings[f"{args.acts:,} acts"] = time.monotonic() - start
    if not PopulationImport.objects.filter(municipality=municipality).exists():
        start = time.monotonic()
        insight_demo.seed(
            municipality=municipality,
            scale="large",
            rng=random.Random(3),
            progress=_Bar,
        )
        timings["insight seed (population, birth years, first refresh)"] = (
            time.monotonic() - start
        )
    elif not BirthYear.objects.filter(user__in=people).exists():
        start = time.monotonic()
        postcodes = sorted(
            PopulationFigure.objects.filter(municipality=municipality)
            .values_list("postcode", flat=True)
            .distinct()
        )
        insight_demo._people(
            municipality, postcodes, random.Random(3), prefix=f"seed-{SLUG}-"
        )
        timings["birth years"] = time.monotonic() - start
    settle(connection)
    if not args.no_refresh:
        from faelles.insight import rollups

        # The movement between rungs with the two figures suppressed with it
        # (one grouped query, one merged table), timed within the refresh.
        linked_rows, linked = rollups._linked_rows, [0.0]

        def timed_linked_rows(*a, **k):
            began = time.monotonic()
            try:
                return linked_rows(*a, **k)
            finally:
                linked[0] += time.monotonic() - began

        rollups._linked_rows = timed_linked_rows
        start = time.monotonic()
        refresh(municipality)
        timings["refresh (the background task)"] = time.monotonic() - start
        timings["  of which the movement, the people active and the top rung"] = linked[
            0
        ]
        rollups._linked_rows = linked_rows

    done = Refresh.objects.get(municipality=municipality)
    area = done.areas[0][0]
    period = done.periods[-1]
    employee = User.objects.filter(
        memberships__municipality=municipality, memberships__is_employee=True
    ).first()
    anonymous, staff = Client(), Client()
    assert employee is not None
    staff.force_login(employee)
    base = f"/{SLUG}/indsigt/"
    rows = []
    for label, client, path in [
        ("dashboard", anonymous, base),
        ("dashboard, one quarter", anonymous, f"{base}?periode={period}"),
        (
            "dashboard, the last completed quarter (its movement)",
            anonymous,
            f"{base}?periode={done.periods[-2]}",
        ),
        ("dashboard, area", anonymous, f"{base}?omraade={area}"),
        ("dashboard, area × age", anonymous, f"{base}?omraade={area}&alder=30-49"),
        ("dashboard, theme", anonymous, f"{base}?tema=-"),
        ("internal dashboard", staff, f"{base}intern/"),
        ("the people who are not there", anonymous, f"{base}dem-vi-ikke-naar/"),
    ]:
        p50, p95, cpu, queries = measure(client, path, args.requests)
        rows.append((label, p50, p95, cpu, queries))

    print(f"\nMachine: {machine()}; database: {connection.vendor}")
    print(
        f"People: {User.objects.filter(email__startswith=f'seed-{SLUG}-').count():,}; "
        f"rollup rows: {Rollup.objects.filter(municipality=municipality).count():,}; "
        f"areas: {len(done.areas)}\n"
    )
    for what, seconds in timings.items():
        print(f"- {what}: {seconds:.1f} s")
    print("\n| page | p50 ms | p95 ms | p50 CPU ms | queries |")
    print("|---|---:|---:|---:|---:|")
    for label, p50, p95, cpu, queries in rows:
        print(f"| {label} | {p50:.1f} | {p95:.1f} | {cpu:.1f} | {queries} |")


if __name__ == "__main__":
    main()
