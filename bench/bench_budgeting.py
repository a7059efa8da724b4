"""Participatory budgeting: the counting engine beside pabutools, and the pages.

    scripts/with-postgres .venv/bin/python bench/bench_budgeting.py
        [--engine-only | --pages-only] [--pabutools-timeout 120] [--requests 200]

1. Counting: every file in ../shared/data/pabulib, every rule, timed with our
   engine (best of three) and — in the same run, on the same file — with the
   reference library pabutools 1.2.3 (each call in a forked process, stopped
   after ``--pabutools-timeout`` seconds and reported as "> N s"). pabutools'
   add1 loop (one MES per increment) is only tried on the small files.
2. Pages: seeds a municipality at ``large`` scale (people, then the borgerbudget:
   a finished round with 100,000 ballots, counted, and an open round with
   10,000), both timed, then requests each page through Django's test client
   (server time, no network) and prints p50/p95 and SQL queries per page.
"""

from __future__ import annotations

import argparse
import multiprocessing
import os
import statistics
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "faelles.settings.test")
os.environ.setdefault("DJANGO_ALLOW_ASYNC_UNSAFE", "true")

from bench.bench_pages import machine  # noqa: E402

DATA = ROOT.parent / "shared" / "data" / "pabulib"
BIG = 1_000_000  # bytes: Łódź 2022 and Warszawa 2026


# --- counting -------------------------------------------------------------------


def _ours(election, rule: str) -> tuple[float, list[str]]:
    from faelles.budgeting.engine.rules import count

    best, selected = float("inf"), []
    for _ in range(3):
        start = time.perf_counter()
        selected = count(election, rule).selected
        best = min(best, time.perf_counter() - start)
    return best, selected


_LOADED: dict = {}


def _pabutools_child(queue, rule: str) -> None:
    from faelles.budgeting.tests import pabutools_adapter

    start = time.perf_counter()
    names = pabutools_adapter.outcome(*_LOADED["input"], rule)
    queue.put((time.perf_counter() - start, names))


def _pabutools(rule: str, timeout: float) -> tuple[float | None, list[str] | None]:
    """(seconds, selected) from pabutools in a forked child; (None, None) on timeout."""
    context = multiprocessing.get_context("fork")
    queue = context.Queue()
    child = context.Process(target=_pabutools_child, args=(queue, rule))
    child.start()
    child.join(timeout)
    if child.is_alive():
        child.kill()
        child.join()
        return None, None
    return queue.get()


def bench_engine(timeout: float) -> None:
    from faelles.budgeting.engine.pabulib import read_pabulib
    from faelles.budgeting.engine.rules import PABUTOOLS_RULES
    from faelles.budgeting.tests import pabutools_adapter

    print("### Counting rules: Fælles engine and pabutools 1.2.3\n")
    print(
        "Seconds per rule (ours: best of three; pabutools: one run, stopped after "
        f"{timeout:.0f} s). ✓ = same projects.\n"
    )
    print("| file | voters | projects | rule | Fælles s | pabutools s | same |")
    print("|---|---|---|---|---|---|---|")
    for path in sorted(DATA.glob("*.pb")):
        start = time.perf_counter()
        election = read_pabulib(path)
        parse = time.perf_counter() - start
        _LOADED["input"] = pabutools_adapter.load(path)
        big = path.stat().st_size > BIG
        name = path.stem.replace("_", " ")
        print(
            f"| {name} | {election.n_voters:,} | {election.n_projects} | "
            f"(parse) | {parse:.2f} | | |",
            flush=True,
        )
        for rule in PABUTOOLS_RULES:
            ours, selected = _ours(election, rule)
            if rule == "mes-add1" and big:
                theirs, names = None, None
                shown = "not run (one MES per increment)"
            else:
                theirs, names = _pabutools(rule, timeout)
                shown = f"{theirs:.2f}" if theirs is not None else f"> {timeout:.0f}"
            same = (
                ""
                if names is None
                else ("✓" if sorted(names) == sorted(selected) else "✗")
            )
            print(
                f"| {name} | | | {rule} | {ours:.3f} | {shown} | {same} |", flush=True
            )


# --- pages ----------------------------------------------------------------------


def measure(client, path: str, n: int):
    from django.db import connection, reset_queries

    client.get(path)  # warm caches and templates
    connection.force_debug_cursor = True
    reset_queries()
    response = client.get(path)
    queries = len(connection.queries)
    connection.force_debug_cursor = False
    assert response.status_code == 200, (path, response.status_code)
    times = []
    for _ in range(n):
        start = time.perf_counter()
        client.get(path)
        times.append((time.perf_counter() - start) * 1000)
    times.sort()
    return statistics.median(times), times[int(0.95 * (len(times) - 1))], queries


def bench_pages(slug: str, requests: int, skip_seed: bool) -> None:
    import django

    django.setup()
    from django.conf import settings
    from django.core.management import call_command
    from django.test import Client

    settings.ALLOWED_HOSTS = ["testserver"]
    call_command("migrate", verbosity=0)
    timings = {}
    if not skip_seed:
        for only in ("accounts,organisations", "budgeting"):
            start = time.monotonic()
            call_command("seed", municipality=slug, scale="large", seed=1, only=only)
            timings[only] = time.monotonic() - start

    from faelles.accounts.models import Membership
    from faelles.budgeting import services
    from faelles.budgeting.models import Ballot, BallotReceipt, BudgetRound, Phase

    rounds = BudgetRound.objects.filter(municipality__slug=slug)
    finished = rounds.get(phase=Phase.IMPLEMENTATION)
    open_round = rounds.get(phase=Phase.VOTING)
    start = time.perf_counter()
    services.round_count(budget_round=finished)
    count_seconds = time.perf_counter() - start
    voters = set(
        BallotReceipt.objects.filter(round=open_round).values_list("user_id", flat=True)
    )
    voter = (
        Membership.objects.filter(municipality__slug=slug, user_id__in=voters)
        .select_related("user")
        .first()
        .user
    )
    project = finished.projects.filter(is_funded=True).first()
    client = Client()
    client.force_login(voter)
    base = f"/{slug}/borgerbudget"
    pages = [
        ("round list", f"{base}/"),
        ("finished round (100,000 ballots)", f"{base}/{finished.pk}/"),
        ("results, explained", f"{base}/{finished.pk}/resultat/"),
        ("funded project", f"{base}/projekter/{project.pk}/"),
        ("open round (10,000 ballots)", f"{base}/{open_round.pk}/"),
        ("own ballot (voted)", f"{base}/{open_round.pk}/stem/"),
    ]
    rows = []
    for label, path in pages:
        p50, p95, queries = measure(client, path, requests)
        shown = path.replace(f"/projekter/{project.pk}/", "/projekter/<id>/")
        for pk in (finished.pk, open_round.pk):
            shown = shown.replace(f"/borgerbudget/{pk}/", "/borgerbudget/<id>/")
        rows.append(f"| {label} | `{shown}` | {p50:.1f} | {p95:.1f} | {queries} |")
    engine = settings.DATABASES["default"]["ENGINE"].rsplit(".", 1)[-1]
    print(f"\n### Pages\n\nMachine: {machine()}; database: {engine}.")
    print(
        f"Data: {Membership.objects.filter(municipality__slug=slug).count():,} people; "
        f"{Ballot.objects.filter(round=finished).count():,} ballots in the finished "
        f"round ({finished.projects.count()} projects), "
        f"{Ballot.objects.filter(round=open_round).count():,} in the open round."
    )
    for only, seconds in timings.items():
        print(f"`faelles seed --scale large --only {only}`: {seconds:.0f} s")
    print(
        f"Counting the finished round again (greedy + MES, from the database): "
        f"{count_seconds:.1f} s"
    )
    print(f"{requests} requests per page after one warm-up.\n")
    print("| page | path | p50 ms | p95 ms | SQL queries |")
    print("|---|---|---|---|---|")
    print("\n".join(rows))


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--engine-only", action="store_true")
    parser.add_argument("--pages-only", action="store_true")
    parser.add_argument("--pabutools-timeout", type=float, default=120)
    parser.add_argument("--requests", type=int, default=200)
    parser.add_argument("--slug", default="pb-kobenhavn")
    parser.add_argument("--skip-seed", action="store_true")
    args = parser.parse_args()
    print(f"Machine: {machine()}.\n")
    if not args.pages_only:
        bench_engine(args.pabutools_timeout)
    if not args.engine_only:
        bench_pages(args.slug, args.requests, args.skip_seed)


if __name__ == "__main__":
    main()
