"""The opinion map on the site: the next statement and the background update at scale.

    .venv/bin/python bench/bench_opinions.py [--scale large] [--calls 300] [--reuse]
    scripts/with-postgres .venv/bin/python bench/bench_opinions.py

Seeds a map of 10,000 participants × 1,000 statements with 30 % of the cells
voted (``faelles.opinions.demo.seed``, timed), runs the background update
(``services.result_compute``: reading 3 million votes, the engine, storing the
result) and then times ``selectors.next_statement`` — what the vote card asks on
every vote — for participants drawn at random: p50 / p95 wall time and the SQL
queries it makes. Without DATABASE_URL it uses a throw-away SQLite file.
"""

from __future__ import annotations

import argparse
import os
import random
import statistics
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "faelles.settings.test")
os.environ.setdefault("DJANGO_ALLOW_ASYNC_UNSAFE", "true")
# One core, as the issue asks: BLAS must not spread over the machine.
for _var in ("OPENBLAS_NUM_THREADS", "OMP_NUM_THREADS", "MKL_NUM_THREADS"):
    os.environ.setdefault(_var, "1")
if not os.environ.get("DATABASE_URL"):
    _tmp = Path(tempfile.mkdtemp(prefix="faelles-bench-opinions-"))
    os.environ["DATABASE_URL"] = f"sqlite:///{_tmp / 'bench.sqlite3'}"

from bench.bench_pages import machine, settle  # noqa: E402


class _Bar:
    def __init__(self, total: int, description: str):
        self.total, self.description, self.done = total, description, 0

    def update(self, n: int) -> None:
        self.done += n

    def set_postfix_str(self, text: str) -> None:
        self.postfix = text

    def close(self) -> None:
        pass


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--scale", default="large", choices=("small", "large"))
    parser.add_argument("--calls", type=int, default=300)
    parser.add_argument(
        "--reuse",
        action="store_true",
        help="keep the map a previous run seeded in the same DATABASE_URL",
    )
    args = parser.parse_args()

    import django

    django.setup()
    from django.core.management import call_command
    from django.db import connection, reset_queries

    call_command("migrate", verbosity=0)
    from datetime import timedelta

    from django.db.models import F
    from django.utils import timezone

    from faelles.municipalities.models import Municipality
    from faelles.opinions import demo, services, snapshot
    from faelles.opinions.models import (
        OpinionMap,
        Participant,
        Result,
        Vote,
        VoteSnapshot,
    )
    from faelles.opinions.selectors import next_statement

    municipality, _ = Municipality.objects.get_or_create(
        slug="bench-meningskort",
        defaults={"name": "Bench Kommune", "programme_name": "Bench"},
    )
    start = time.perf_counter()
    if not (args.reuse and OpinionMap.objects.filter(municipality=municipality)):
        OpinionMap.objects.filter(municipality=municipality).delete()
        demo.seed(
            municipality=municipality,
            scale=args.scale,
            rng=random.Random(1),
            progress=_Bar,
        )
        # Date the seeded votes an hour back, as the votes of a running map mostly
        # are: the update after new votes then reads only those (snapshot.py).
        Vote.objects.filter(map__municipality=municipality).update(
            updated_at=F("updated_at") - timedelta(hours=1)
        )
    seeded = time.perf_counter() - start
    opinion_map = OpinionMap.objects.get(municipality=municipality)
    votes = Vote.objects.filter(map=opinion_map).count()
    people = Participant.objects.filter(map=opinion_map).count()
    statements = opinion_map.statements.count()
    settle(connection)

    def timed(what) -> tuple[float, float]:
        start, cpu = time.perf_counter(), time.process_time()
        what()
        return time.perf_counter() - start, time.process_time() - cpu

    # A full update reading every vote (no snapshot: the first update, or after a
    # deletion or an import), median of three.
    def cold():
        VoteSnapshot.objects.filter(map=opinion_map).delete()
        services.result_compute(map_id=opinion_map.pk)

    full = sorted((timed(cold) for _ in range(3)), key=lambda t: t[1])[1]
    far = timezone.now() + snapshot.FULL_READ_AFTER * 2  # the snapshot is too old
    full_read = sorted(
        (timed(lambda: snapshot.read_votes(opinion_map, now=far)) for _ in range(3)),
        key=lambda t: t[1],
    )[1]

    # The usual update: 500 votes changed since the last one (snapshot + changes).
    def warm():
        changed = list(
            Vote.objects.filter(map=opinion_map).order_by("?").values_list("pk")[:500]
        )
        Vote.objects.filter(pk__in=[pk for (pk,) in changed]).update(
            value=1, updated_at=timezone.now()
        )
        return timed(lambda: services.result_compute(map_id=opinion_map.pk))

    services.result_compute(map_id=opinion_map.pk)
    usual = sorted((warm() for _ in range(3)), key=lambda t: t[1])[1]
    result = Result.objects.get(map=opinion_map)
    groups = len(result.summary["groups"])

    participants = list(Participant.objects.filter(map=opinion_map).order_by("?")[:50])
    rng = random.Random(2)
    next_statement(opinion_map=opinion_map, participant=participants[0], rng=rng)
    connection.force_debug_cursor = True
    reset_queries()
    next_statement(opinion_map=opinion_map, participant=participants[1], rng=rng)
    queries = len(connection.queries)
    connection.force_debug_cursor = False
    times, cpu_times = [], []
    for i in range(args.calls):
        participant = participants[i % len(participants)]
        start, cpu = time.perf_counter(), time.process_time()
        chosen = next_statement(
            opinion_map=opinion_map, participant=participant, rng=rng
        )
        times.append((time.perf_counter() - start) * 1000)
        cpu_times.append((time.process_time() - cpu) * 1000)
        assert chosen is not None
    times.sort()
    print(f"Machine: {machine()}; database: {connection.vendor}\n")
    print(
        f"Map: {people:,} participants × {statements:,} statements, {votes:,} votes "
        f"({votes / (people * statements):.0%} of the cells); seeded and computed "
        f"in {seeded:.0f} s; {groups} groups.\n"
    )
    print("| what | p50 | p95 | CPU p50 | SQL queries |")
    print("|---|---|---|---|---|")
    print(
        f"| next statement (`selectors.next_statement`, {args.calls} calls) | "
        f"{statistics.median(times):.1f} ms | {times[int(0.95 * (len(times) - 1))]:.1f} ms | "
        f"{statistics.median(cpu_times):.1f} ms | {queries} |"
    )
    print(
        f"| background update after 500 changed votes (`services.result_compute`: "
        f"snapshot + changes, engine, store; median of 3) | {usual[0]:.2f} s | "
        f"| {usual[1]:.2f} s | |"
    )
    print(
        f"| background update reading every vote (no snapshot; median of 3) "
        f"| {full[0]:.2f} s | | {full[1]:.2f} s | |"
    )
    print(
        f"| … of which reading every vote into the matrix (`snapshot.read_votes`) "
        f"| {full_read[0]:.2f} s | | {full_read[1]:.2f} s | |"
    )


if __name__ == "__main__":
    main()
