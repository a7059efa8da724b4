"""The status page ("gør status") at the issue's scale: 200 committees, 5,000
recommendations and 20,000 follow-up actions, beside 200 initiatives, 10 hearings
and a budget round (``seed`` of each app: committees ``large``, the rest ``small``).

    .venv/bin/python bench/bench_status.py [--requests 200]
    scripts/with-postgres .venv/bin/python bench/bench_status.py

Times the page as an anonymous visitor and as a politician ("mine"), filtered by
theme, by department and to what is overdue, one section paged, and the full CSV:
p50 / p95 wall time, p50 CPU time and the SQL queries per request (the bar: p95 ≤
50 ms). The results are cached (docs/status.md, "The cache"): the rows marked
"cold" renew the municipality's version before each request, as a write would. Without DATABASE_URL it uses a throw-away SQLite file.
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
    _tmp = Path(tempfile.mkdtemp(prefix="faelles-bench-status-"))
    os.environ["DATABASE_URL"] = f"sqlite:///{_tmp / 'bench.sqlite3'}"

from bench.bench_pages import machine, measure, settle  # noqa: E402


class _Bar:
    def __init__(self, total: int = 0, description: str = ""):
        pass

    def update(self, n: int) -> None:
        pass

    def set_postfix_str(self, text: str) -> None:
        pass

    def close(self) -> None:
        pass


SLUG = "bench-status"


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--requests", type=int, default=200)
    parser.add_argument("--profile", action="store_true", help="cProfile the overview")
    parser.add_argument(
        "--slowest", type=int, default=0, help="print the N slowest queries per page"
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

    from faelles.accounts import demo as accounts_demo
    from faelles.budgeting import demo as budgeting_demo
    from faelles.committees import demo as committees_demo
    from faelles.committees.models import FollowUpAction, TaskCommittee
    from faelles.dialogue import demo as dialogue_demo
    from faelles.initiatives import demo as initiatives_demo
    from faelles.municipalities.models import Municipality
    from faelles.municipalities.services import municipality_create
    from faelles.organisations import demo as organisations_demo
    from faelles.organisations.models import Organisation

    municipality = Municipality.objects.filter(slug=SLUG).first()
    seeded = None
    if municipality is None:
        municipality = municipality_create(
            slug=SLUG, name="Bench Kommune", programme_name="Bench"
        )
        start = time.monotonic()
        for module, scale in (
            (accounts_demo, "small"),
            (organisations_demo, "small"),
            (committees_demo, "large"),
            (initiatives_demo, "small"),
            (dialogue_demo, "small"),
            (budgeting_demo, "small"),
        ):
            module.seed(
                municipality=municipality,
                scale=scale,
                rng=random.Random(1),
                progress=_Bar,
            )
        seeded = time.monotonic() - start
    settle(connection)

    actions = FollowUpAction.objects.filter(municipality=municipality)
    chair = (
        TaskCommittee.objects.filter(municipality=municipality, chair__isnull=False)
        .values_list("chair", flat=True)
        .first()
    )
    department = (
        Organisation.objects.departments()
        .filter(municipality=municipality)
        .order_by("id")
        .first()
    )
    theme = (
        TaskCommittee.objects.filter(municipality=municipality, theme__isnull=False)
        .values_list("theme__key", flat=True)
        .first()
    )
    anonymous, politician = Client(), Client()
    if chair:
        from faelles.accounts.models import User

        politician.force_login(User.objects.get(pk=chair))
    base = f"/{SLUG}/status/"
    if args.profile:
        import cProfile
        import pstats

        anonymous.get(base)
        profiler = cProfile.Profile()
        profiler.enable()
        for _ in range(20):
            anonymous.get(base)
        profiler.disable()
        pstats.Stats(profiler).sort_stats("cumulative").print_stats(45)
        return
    rows = []
    for label, client, query in [
        ("overview", anonymous, ""),
        ("theme", anonymous, f"?theme={theme}"),
        ("department", anonymous, f"?department={department.pk}"),
        ("overdue only", anonymous, "?overdue=on"),
        ("actions, page 3", anonymous, "?kind=actions&side=3"),
        ("mine (a chair)", politician, "?mine=on"),
    ]:
        if args.slowest:
            from django.db import reset_queries

            connection.force_debug_cursor = True
            reset_queries()
            client.get(base + query)
            slow = sorted(connection.queries, key=lambda q: -float(q["time"]))
            connection.force_debug_cursor = False
            print(f"\n{label}:")
            for q in slow[: args.slowest]:
                print(f"  {float(q['time']) * 1000:.1f} ms  {q['sql'][:400]}")
        p50, p95, cpu, queries = measure(client, base + query, args.requests)
        rows.append((label, base + query, p50, p95, cpu, queries))

    # Cold: the municipality's version renewed before each request (as after a
    # write), so every request renders the results afresh.
    from faelles.core.status_sources import status_changed

    for label, client, query in [
        ("overview, cold", anonymous, ""),
        ("mine (a chair), cold", politician, "?mine=on"),
    ]:
        times, cpu = [], []
        for _ in range(args.requests):
            status_changed(municipality.pk)
            start, start_cpu = time.perf_counter(), time.process_time()
            client.get(base + query)
            times.append((time.perf_counter() - start) * 1000)
            cpu.append((time.process_time() - start_cpu) * 1000)
        times.sort()
        cpu.sort()
        rows.append(
            (
                label,
                base + query,
                times[len(times) // 2],
                times[int(0.95 * (len(times) - 1))],
                cpu[len(cpu) // 2],
                "–",
            )
        )

    start = time.perf_counter()
    response = anonymous.get(base + "status.csv")
    lines = sum(chunk.count(b"\n") for chunk in response.streaming_content)
    csv_seconds = time.perf_counter() - start

    print(f"Machine: {machine()}; database: {connection.vendor}.")
    print(
        f"Data: {TaskCommittee.objects.filter(municipality=municipality).count()} "
        f"committees, {actions.count()} follow-up actions "
        f"({actions.overdue().count()} overdue)"
        + (f"; seeded in {seeded:.0f} s." if seeded else ".")
    )
    print()
    print("| page | path | p50 ms | p95 ms | p50 CPU ms | queries |")
    print("|---|---|---:|---:|---:|---:|")
    for label, path, p50, p95, cpu, queries in rows:
        print(f"| {label} | `{path}` | {p50:.1f} | {p95:.1f} | {cpu:.1f} | {queries} |")
    print()
    print(f"Full CSV: {lines - 1} rows in {csv_seconds:.2f} s.")


if __name__ == "__main__":
    main()
