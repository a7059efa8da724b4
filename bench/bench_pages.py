"""Page benchmark: the foundation's pages at `large` scale.

    scripts/with-postgres .venv/bin/python bench/bench_pages.py [--requests 300]

Migrates the database in DATABASE_URL, seeds a Copenhagen-size municipality
(`faelles seed --scale large`, timed; skipped when another benchmark already
seeded it), then requests each page repeatedly through
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


def settle(connection) -> None:
    """Put a freshly seeded PostgreSQL database in the state a production one is
    in once autovacuum has run: statistics for the planner and the visibility map
    set (index-only scans). Without it, autovacuum can start on the new rows in the
    middle of a measurement. Nothing to do on SQLite."""
    if connection.vendor == "postgresql":
        with connection.cursor() as cursor:
            cursor.execute("VACUUM ANALYZE")


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
    """(p50 ms, p95 ms, p50 CPU ms of this process, SQL queries) for one page.

    Wall time is what a visitor waits for (minus the network); the CPU time of the
    Django process does not grow when other work competes for the cores, so it
    shows what the page itself costs on a busy machine.
    """
    from django.db import connection, reset_queries

    client.get(path)  # warm caches and templates
    connection.force_debug_cursor = True
    reset_queries()
    response = client.get(path)
    queries = len(connection.queries)
    connection.force_debug_cursor = False
    assert response.status_code == 200, (path, response.status_code)
    times, cpu = [], []
    for _ in range(n):
        start, start_cpu = time.perf_counter(), time.process_time()
        client.get(path)
        times.append((time.perf_counter() - start) * 1000)
        cpu.append((time.process_time() - start_cpu) * 1000)
    times.sort()
    return (
        statistics.median(times),
        times[int(0.95 * (len(times) - 1))],
        statistics.median(cpu),
        queries,
    )


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
    from django.db import connection
    from django.test import Client

    # No setup_test_environment(): its template instrumentation (a signal and a
    # context copy per rendered template) is test-framework cost, not server time.
    settings.ALLOWED_HOSTS = ["testserver"]
    call_command("migrate", verbosity=0)

    from faelles.accounts.models import Membership, User
    from faelles.organisations.models import Organisation

    seed_seconds = None
    already = Membership.objects.filter(
        municipality__slug=args.slug, user__email__startswith=f"seed-{args.slug}-"
    ).exists()
    if not args.skip_seed and not already:
        start = time.monotonic()
        call_command(
            "seed",
            municipality=args.slug,
            scale="large",
            seed=1,
            only="accounts,organisations",
        )
        seed_seconds = time.monotonic() - start
    settle(connection)

    members = Membership.objects.filter(municipality__slug=args.slug)
    person = User.objects.filter(
        email__startswith=f"seed-{args.slug}-", profile_visibility="public"
    ).first()
    member = members.filter(is_citizen=True).select_related("user").first().user
    admin = members.filter(is_administrator=True).select_related("user").first().user
    organisation = (
        Organisation.objects.filter(municipality__slug=args.slug)
        .civil()
        .order_by("id")
        .first()
    )
    people = members.count()
    organisations = Organisation.objects.filter(municipality__slug=args.slug).count()
    as_member, as_admin = Client(), Client()
    as_member.force_login(member)
    as_admin.force_login(admin)
    rows = []
    for label, client, path, shown in [
        ("front page", as_member, "/", "/"),
        ("municipality home", as_member, f"/{args.slug}/", f"/{args.slug}/"),
        ("own profile", as_member, "/me/", "/me/"),
        (
            "person page",
            as_member,
            f"/{args.slug}/personer/{person.pk}/",
            f"/{args.slug}/personer/<id>/",
        ),
        (
            "organisations list",
            as_member,
            f"/{args.slug}/organisationer/",
            f"/{args.slug}/organisationer/",
        ),
        (
            "organisation page",
            as_member,
            f"/{args.slug}/organisationer/{organisation.slug}/",
            f"/{args.slug}/organisationer/<slug>/",
        ),
        (
            "admin: people and roles",
            as_admin,
            f"/{args.slug}/administration/personer/",
            f"/{args.slug}/administration/personer/",
        ),
        (
            "admin: people, search",
            as_admin,
            f"/{args.slug}/administration/personer/?q=hansen&role=employee",
            f"/{args.slug}/administration/personer/?q=hansen&role=employee",
        ),
    ]:
        p50, p95, cpu, queries = measure(client, path, args.requests)
        rows.append(
            f"| {label} | `{shown}` | {p50:.1f} | {p95:.1f} | {cpu:.1f} | {queries} |"
        )
    engine = settings.DATABASES["default"]["ENGINE"].rsplit(".", 1)[-1]
    load = os.getloadavg()[0] if hasattr(os, "getloadavg") else float("nan")
    print(f"Machine: {machine()}; database: {engine}; load average {load:.1f}.")
    print(
        f"Data: {people:,} people and {organisations:,} organisations in "
        f"/{args.slug}/; {User.objects.count():,} people in the database."
    )
    if seed_seconds is not None:
        print(
            "`faelles seed --scale large --only accounts,organisations`: "
            f"{seed_seconds:.0f} s"
        )
    print(f"{args.requests} requests per page after one warm-up.\n")
    print("| page | path | p50 ms | p95 ms | app CPU p50 ms | SQL queries |")
    print("|---|---|---|---|---|---|")
    print("\n".join(rows))


if __name__ == "__main__":
    main()
