"""Page benchmark: municipality home and profile pages at `large` scale.

    scripts/with-postgres .venv/bin/python bench/bench_pages.py [--requests 300]

Migrates the database in DATABASE_URL, seeds a Copenhagen-size municipality
(`faelles seed --scale large`, timed), then requests each page repeatedly through
Django's test client (server time: from request to rendered response, no network)
and prints p50/p95 and SQL queries per page as a Markdown table.
"""

import argparse
import os
import platform
import statistics
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "faelles.settings.test")
os.environ.setdefault("DJANGO_ALLOW_ASYNC_UNSAFE", "true")


def machine() -> str:
    cpu = "unknown CPU"
    try:
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                cpu = line.split(":", 1)[1].strip()
                break
        mem = int(Path("/proc/meminfo").read_text().split()[1]) // 1024 // 1024
    except OSError:
        mem = 0
    return f"{os.cpu_count()} cores, {cpu}, {mem} GiB RAM, Python {platform.python_version()}"


def measure(client, path: str, n: int):
    from django.db import connection, reset_queries

    client.get(path)  # warm caches and templates
    times = []
    connection.force_debug_cursor = True
    reset_queries()
    response = client.get(path)
    queries = len(connection.queries)
    connection.force_debug_cursor = False
    assert response.status_code == 200, (path, response.status_code)
    for _ in range(n):
        start = time.perf_counter()
        client.get(path)
        times.append((time.perf_counter() - start) * 1000)
    times.sort()
    return statistics.median(times), times[int(0.95 * (len(times) - 1))], queries


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--requests", type=int, default=300)
    parser.add_argument("--slug", default="kobenhavn")
    parser.add_argument("--skip-seed", action="store_true")
    args = parser.parse_args()

    import django

    django.setup()
    from django.conf import settings
    from django.core.management import call_command
    from django.test import Client
    from django.test.utils import setup_test_environment

    setup_test_environment()
    settings.ALLOWED_HOSTS = ["testserver"]
    call_command("migrate", verbosity=0)
    seed_seconds = None
    if not args.skip_seed:
        start = time.monotonic()
        call_command(
            "seed",
            municipality=args.slug,
            scale="large",
            seed=1,
            only="accounts,organisations",
        )
        seed_seconds = time.monotonic() - start

    from faelles.accounts.models import Membership, User

    person = User.objects.filter(
        email__startswith=f"seed-{args.slug}-", profile_visibility="public"
    ).first()
    member = (
        Membership.objects.filter(municipality__slug=args.slug)
        .select_related("user")
        .first()
        .user
    )
    people = Membership.objects.filter(municipality__slug=args.slug).count()
    client = Client()
    client.force_login(member)
    rows = []
    for label, path in [
        ("municipality home", f"/{args.slug}/"),
        ("own profile (/me/)", "/me/"),
        ("person page", f"/{args.slug}/personer/{person.pk}/"),
        ("organisations list", f"/{args.slug}/organisationer/"),
    ]:
        p50, p95, queries = measure(client, path, args.requests)
        rows.append(
            f"| {label} | `{path.replace(str(person.pk), '<id>')}` | {p50:.1f} | {p95:.1f} | {queries} |"
        )
    engine = settings.DATABASES["default"]["ENGINE"].rsplit(".", 1)[-1]
    print(
        f"Machine: {machine()}; database: {engine}; {people:,} people in the municipality."
    )
    if seed_seconds is not None:
        print(
            f"`faelles seed --scale large` (people and organisations): {seed_seconds:.0f} s"
        )
    print(f"{args.requests} requests per page after one warm-up.\n")
    print("| page | path | p50 ms | p95 ms | SQL queries |")
    print("|---|---|---|---|---|")
    print("\n".join(rows))


if __name__ == "__main__":
    main()
