"""What freezing a worker's loaded objects (``gc.freeze()``) does to a page,
measured in one process so the machine's drift cannot decide it. Tried on
7 December and not adopted (docs/benchmarks.md).

    .venv/bin/python bench/bench_gc_freeze.py [--employees 10000] [--requests 400]
    scripts/with-postgres .venv/bin/python bench/bench_gc_freeze.py

Seeds the competence directory as bench_competences.py does, then requests the
directory in alternating blocks: not frozen, frozen, not frozen, frozen (the
objects are unfrozen between blocks). Prints p50 / p95 / slowest request per
block and how many objects were tracked. Without DATABASE_URL it uses a
throw-away SQLite file.
"""

from __future__ import annotations

import argparse
import gc
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
if not os.environ.get("DATABASE_URL"):
    _tmp = Path(tempfile.mkdtemp(prefix="faelles-bench-gc-"))
    os.environ["DATABASE_URL"] = f"sqlite:///{_tmp / 'bench.sqlite3'}"


def _block(client, path: str, n: int) -> tuple[float, float, float]:
    times = []
    for _ in range(n):
        start = time.perf_counter()
        client.get(path)
        times.append((time.perf_counter() - start) * 1000)
    times.sort()
    return statistics.median(times), times[int(0.95 * (n - 1))], times[-1]


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--employees", type=int, default=10_000)
    parser.add_argument("--requests", type=int, default=400)
    args = parser.parse_args()

    import django

    django.setup()
    from django.conf import settings
    from django.core.management import call_command
    from django.db import connection
    from django.test import Client

    from bench.bench_competences import SLUG, _Bar, _employees
    from bench.bench_pages import machine, settle
    from faelles.accounts.models import Membership
    from faelles.competences import demo as competences_demo
    from faelles.municipalities.services import municipality_create

    settings.ALLOWED_HOSTS = ["testserver"]
    call_command("migrate", verbosity=0)
    municipality = municipality_create(
        slug=SLUG, name="Bench Kommune", programme_name="Bench"
    )
    rng = random.Random(1)
    _employees(municipality, args.employees, rng)
    competences_demo.seed(
        municipality=municipality, scale="large", rng=rng, progress=_Bar
    )
    settle(connection)
    client = Client()
    client.force_login(Membership.objects.filter(municipality=municipality)[0].user)
    path = f"/{SLUG}/kompetencer/"
    for _ in range(20):
        client.get(path)
    print(f"# gc.freeze on the directory ({connection.vendor}, {machine()})")
    print(f"{len(gc.get_objects())} objects tracked by the collector after warm-up")
    print("| block | p50 ms | p95 ms | slowest ms |")
    print("|---|---|---|---|")
    for frozen in (False, True, False, True):
        if frozen:
            gc.collect()
            gc.freeze()
        p50, p95, slowest = _block(client, path, args.requests)
        label = "frozen" if frozen else "not frozen"
        print(f"| {label} | {p50:.1f} | {p95:.1f} | {slowest:.1f} |", flush=True)
        gc.unfreeze()


if __name__ == "__main__":
    main()
