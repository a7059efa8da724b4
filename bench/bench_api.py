"""Open API list endpoints (docs/api.md): p95 server time, the bar is 30 ms at `large`.

    scripts/with-postgres .venv/bin/python bench/bench_api.py [--scale large] [--requests 200]

Migrates the database in DATABASE_URL, seeds one municipality with every area the
API serves (`faelles seed --only accounts,organisations,resources,initiatives,
communities,events,budgeting,dialogue,committees`, timed; skipped when it is
already seeded), then requests every list endpoint (``--only TEXT``: those whose label has it) — first page, a filtered page,
a deep page by cursor and a full page of 100 — and a few detail addresses through
Django's test client, and prints p50/p95 server time and SQL queries per request
as a Markdown table. The anonymous rate limit is lifted for the run: counting
calls is part of every request, refusing them is not what is measured.
"""

import argparse
import os
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
sys.path.insert(0, str(Path(__file__).resolve().parent))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "faelles.settings.test")
os.environ.setdefault("DJANGO_ALLOW_ASYNC_UNSAFE", "true")

from bench_pages import machine, measure, settle  # noqa: E402

AREAS = (
    "accounts,organisations,resources,initiatives,communities,events,"
    "budgeting,dialogue,committees"
)
BAR_MS = 30.0


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--requests", type=int, default=200)
    parser.add_argument("--slug", default="kbh-api")
    parser.add_argument("--scale", choices=("small", "large"), default="large")
    parser.add_argument("--skip-seed", action="store_true")
    parser.add_argument(
        "--only",
        default="",
        help="measure only the addresses whose label contains this text",
    )
    args = parser.parse_args()

    import django

    django.setup()
    from django.conf import settings
    from django.core.management import call_command
    from django.db import connection
    from django.test import Client

    settings.ALLOWED_HOSTS = ["testserver"]
    settings.FAELLES_API_ANONYMOUS_RATE = 10**9
    call_command("migrate", verbosity=0)

    from faelles.api.resources import BY_NAME, RESOURCES
    from faelles.initiatives.models import Initiative, InitiativeSettings
    from faelles.municipalities.models import Municipality

    seed_seconds = None
    seeded = Initiative.objects.filter(municipality__slug=args.slug).exists()
    if not args.skip_seed and not seeded:
        start = time.monotonic()
        call_command(
            "seed", municipality=args.slug, scale=args.scale, seed=1, only=AREAS
        )
        seed_seconds = time.monotonic() - start
    m = Municipality.objects.get(slug=args.slug)
    # The learning library is served only when shared; share it for the run.
    InitiativeSettings.objects.update_or_create(
        municipality=m, defaults={"library_public": True}
    )
    settle(connection)

    client = Client()
    base = f"/api/v1/kommuner/{args.slug}/"
    paths: list[tuple[str, str]] = [("municipalities", "/api/v1/kommuner/")]
    for resource in RESOURCES:
        if resource.parent:
            parent = BY_NAME[resource.parent]
            first = parent.queryset(m).order_by("-id").values_list("id", flat=True)
            # The parent with the most children: the heaviest nested list.
            child_counts = [
                (resource.queryset(m).filter(**{resource.parent_field: pk}).count(), pk)
                for pk in list(first[:50])
            ]
            if not child_counts:
                continue
            pk = max(child_counts)[1]
            url = f"{base}{parent.path}/{pk}/{resource.path}/"
            paths.append((f"{resource.path} of one {parent.path}", url))
            continue
        url = f"{base}{resource.path}/"
        paths.append((resource.path, url))
        paths.append((f"{resource.path}, 100 a page", f"{url}?limit=100"))
        ids = list(
            resource.queryset(m).order_by("-id").values_list("id", flat=True)[:1000]
        )
        if len(ids) > 500:
            paths.append((f"{resource.path}, deep page", f"{url}?after={ids[500]}"))
        for f in resource.filters:
            if f.enum:
                paths.append(
                    (
                        f"{resource.path}?{f.name}=",
                        f"{url}?{f.name}={f.enum[0]}",
                    )
                )
                break
        if resource.detail and ids:
            paths.append((f"{resource.path}/<id>/", f"{url}{ids[len(ids) // 2]}/"))
    paths.append(("openapi.json", "/api/v1/openapi.json"))

    if args.only:
        paths = [(label, path) for label, path in paths if args.only in label]
    load_before = os.getloadavg()
    rows = []
    for label, path in paths:
        p50, p95, cpu, queries = measure(client, path, args.requests)
        data = client.get(path).json()
        count = len(data["items"]) if "items" in data else 1
        rows.append((label, path.replace(base, "…/"), p50, p95, cpu, queries, count))

    print(f"\nMachine: {machine()}; database: {connection.vendor}; scale: {args.scale}")
    if seed_seconds is not None:
        print(f"Seeding ({AREAS}): {seed_seconds:.0f} s")
    load_after = os.getloadavg()
    print(
        f"{args.requests} requests per address after one warm-up; load average "
        f"{load_before[0]:.2f} before, {load_after[0]:.2f} after.\n"
    )
    print("| endpoint | address | items | p50 ms | p95 ms | app CPU p50 ms | SQL |")
    print("|---|---|---|---|---|---|---|")
    for label, path, p50, p95, cpu, queries, count in rows:
        mark = "" if p95 <= BAR_MS else " ⚠"
        print(
            f"| {label} | `{path}` | {count} | {p50:.1f} | {p95:.1f}{mark} | "
            f"{cpu:.1f} | {queries} |"
        )
    worst = max(rows, key=lambda r: r[3])
    print(f"\nWorst p95: {worst[0]} {worst[3]:.1f} ms (bar {BAR_MS:.0f} ms)")


if __name__ == "__main__":
    main()
