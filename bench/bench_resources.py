"""Page benchmark: resources and needs at `large` scale (200,000 offers, 60,000 needs).

    scripts/with-postgres .venv/bin/python bench/bench_resources.py [--requests 200]

Migrates the database in DATABASE_URL, seeds a Copenhagen-size municipality (people
and organisations unless another benchmark already did, then `resources`; both
timed), then requests each page repeatedly through Django's test client (server
time: from request to rendered response, no network) and prints p50/p95 and SQL
queries per page as a Markdown table. Pages that show one object cycle through 50
different objects, so no single cached answer flatters them.

The first "matches" request of a process builds the municipality's match index from
the database; that cold start is timed and reported on its own.
"""

import argparse
import os
import statistics
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "faelles.settings.test")
os.environ.setdefault("DJANGO_ALLOW_ASYNC_UNSAFE", "true")

from bench_pages import machine, settle  # noqa: E402


def measure(client, paths: list[str], n: int):
    from django.db import connection, reset_queries

    for path in paths[:5]:
        client.get(path)  # warm caches and templates
    connection.force_debug_cursor = True
    reset_queries()
    response = client.get(paths[0])
    queries = len(connection.queries)
    connection.force_debug_cursor = False
    assert response.status_code == 200, (paths[0], response.status_code)
    times = []
    for i in range(n):
        start = time.perf_counter()
        response = client.get(paths[i % len(paths)])
        times.append((time.perf_counter() - start) * 1000)
        assert response.status_code == 200, (
            paths[i % len(paths)],
            response.status_code,
        )
    times.sort()
    return statistics.median(times), times[int(0.95 * (len(times) - 1))], queries


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--requests", type=int, default=200)
    parser.add_argument("--slug", default="kobenhavn")
    args = parser.parse_args()

    import django

    django.setup()
    from django.conf import settings
    from django.core.management import call_command
    from django.db import connection
    from django.test import Client

    # No setup_test_environment(): its template instrumentation (a signal and a
    # context copy per rendered template) is test-framework cost, not server time.
    settings.ALLOWED_HOSTS = ["testserver"]
    call_command("migrate", verbosity=0)

    from faelles.accounts.models import Membership
    from faelles.resources import matches
    from faelles.resources.models import Collaboration, Listing, Proposal

    timings = {}
    if not Membership.objects.filter(
        municipality__slug=args.slug, user__email__startswith=f"seed-{args.slug}-"
    ).exists():
        start = time.monotonic()
        call_command(
            "seed",
            municipality=args.slug,
            scale="large",
            seed=1,
            only="accounts,organisations",
        )
        timings["people and organisations"] = time.monotonic() - start
    start = time.monotonic()
    call_command(
        "seed", municipality=args.slug, scale="large", seed=1, only="resources"
    )
    timings["resources"] = time.monotonic() - start
    settle(connection)

    slug = args.slug
    listings = Listing.objects.filter(municipality__slug=slug)
    offers = listings.filter(side="offer").count()
    needs = listings.filter(side="need").count()
    active_needs = list(
        listings.filter(side="need", visibility="public")
        .active()
        .order_by("-id")
        .values_list("pk", "owner_id")[:50]
    )
    active_offers = list(
        listings.filter(side="offer", visibility="public")
        .active()
        .order_by("-id")
        .values_list("pk", flat=True)[:50]
    )
    members = Membership.objects.filter(municipality__slug=slug)
    employee = members.filter(is_employee=True).select_related("user").first().user
    owner = members.get(user_id=active_needs[0][1]).user
    proposals = list(
        Proposal.objects.filter(municipality__slug=slug, status="proposed")
        .select_related("need")
        .order_by("-id")[:50]
    )
    collaborations = list(
        Collaboration.objects.filter(municipality__slug=slug).order_by("-id")[:50]
    )

    client = Client()
    client.force_login(owner)
    matches.clear_cache()
    start = time.perf_counter()
    assert (
        client.get(f"/{slug}/ressourcer/{active_needs[0][0]}/match/").status_code == 200
    )
    cold_offers = (time.perf_counter() - start) * 1000
    start = time.perf_counter()
    assert (
        client.get(f"/{slug}/ressourcer/{active_offers[0]}/match/").status_code == 200
    )
    cold_needs = (time.perf_counter() - start) * 1000

    base = f"/{slug}/ressourcer"
    pages = [
        ("list, newest first", [f"{base}/"]),
        (
            "list, full-text search",
            [
                f"{base}/?q=lektiehjælp+matematik",
                f"{base}/?q=besøgsven",
                f"{base}/?q=natteravn",
                f"{base}/?q=dansk+sprogpartner",
                f"{base}/?q=boremaskine",
                f"{base}/?q=hjælp",
            ],
        ),
        (
            "list, filters (need, category, 5 km, Tuesday)",
            [
                f"{base}/?side=need&category=youth&postcode=2200&km=5&slots=tue-afternoon",
                f"{base}/?side=offer&category=elderly&postcode=2100&km=5",
                f"{base}/?kind=place&mode=in_person",
                f"{base}/?side=offer&category=nature.animals&postcode=2100&km=5",
            ],
        ),
        ("map", [f"{base}/kort/", f"{base}/kort/?side=need&category=health"]),
        ("need detail (3 matches)", [f"{base}/{pk}/" for pk, _ in active_needs]),
        (
            "matches for this need (top 10)",
            [f"{base}/{pk}/match/" for pk, _ in active_needs],
        ),
        (
            "needs for this offer (top 10)",
            [f"{base}/{pk}/match/" for pk in active_offers],
        ),
        ("mine (listings; matches load per listing)", [f"{base}/mine/"]),
        (
            "mine: one listing's top three (htmx fragment)",
            [f"{base}/{active_needs[0][0]}/mine-match/"],
        ),
        ("create need (form)", [f"{base}/opret/behov/"]),
    ]
    rows = []
    for label, paths in pages:
        p50, p95, queries = measure(client, paths, args.requests)
        rows.append((label, paths[0], p50, p95, queries))

    for label, objects, who, url in [
        (
            "proposal",
            proposals,
            lambda p: p.need.owner_id,
            lambda p: f"{base}/forslag/{p.pk}/",
        ),
        (
            "collaboration",
            collaborations,
            lambda c: c.need_owner_id,
            lambda c: f"{base}/forloeb/{c.pk}/",
        ),
    ]:
        person = members.get(user_id=who(objects[0])).user
        client.force_login(person)
        paths = [url(o) for o in objects if who(o) == person.pk] or [url(objects[0])]
        p50, p95, queries = measure(client, paths, args.requests)
        rows.append((f"{label} detail", paths[0], p50, p95, queries))

    client.force_login(employee)
    for label, paths in [
        ("facilitation queue", [f"{base}/formidling/"]),
        ("børneattest records", [f"{base}/boerneattest/"]),
        (
            "proposal detail as facilitator (alternatives)",
            [
                f"{base}/forslag/{p.pk}/"
                for p in Proposal.objects.filter(
                    municipality__slug=slug, status="suggested"
                ).order_by("-id")[:50]
            ],
        ),
    ]:
        p50, p95, queries = measure(client, paths, args.requests)
        rows.append((label, paths[0], p50, p95, queries))

    engine = settings.DATABASES["default"]["ENGINE"].rsplit(".", 1)[-1]
    print(f"Machine: {machine()}; database: {engine}.")
    print(
        f"{offers:,} offers and {needs:,} needs in the municipality; "
        f"{Proposal.objects.filter(municipality__slug=slug).count():,} proposals, "
        f"{Collaboration.objects.filter(municipality__slug=slug).count():,} collaborations."
    )
    for what, seconds in timings.items():
        print(f"`faelles seed --scale large` ({what}): {seconds:.0f} s")
    print(
        f"Cold start (first matches request of a process builds the index): "
        f"offers {cold_offers / 1000:.1f} s, needs {cold_needs / 1000:.1f} s"
    )
    print(f"{args.requests} requests per page after a warm-up.\n")
    print("| page | path | p50 ms | p95 ms | SQL queries |")
    print("|---|---|---|---|---|")
    for label, path, p50, p95, queries in rows:
        shown = path
        for pk in {p for p in path.split("/") if p.isdigit()}:
            shown = shown.replace(f"/{pk}/", "/<id>/")
        print(f"| {label} | `{shown}` | {p50:.1f} | {p95:.1f} | {queries} |")


if __name__ == "__main__":
    main()
