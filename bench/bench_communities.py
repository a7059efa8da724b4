"""Communities, events and movements pages at `large` scale.

    scripts/with-postgres .venv/bin/python bench/bench_communities.py [--requests 200]

Migrates the database in DATABASE_URL, seeds a Copenhagen-size municipality
(people and organisations first, then `--only communities,events`, both timed),
then requests "Find et fællesskab" (plain, filtered, free text, deep page), the
event calendar (first page, deep page, free text, step-free), detail pages and the
calendar feeds through Django's test client, and prints p50/p95 server time and
SQL queries per page as a Markdown table.
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


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--requests", type=int, default=200)
    # Its own municipality, so `make bench` (all benchmarks, one database) works.
    parser.add_argument("--slug", default="kbh-faellesskaber")
    parser.add_argument("--skip-seed", action="store_true")
    args = parser.parse_args()

    import django

    django.setup()
    from django.conf import settings
    from django.core.management import call_command
    from django.test import Client

    from faelles.accounts.models import Membership

    # No setup_test_environment(): its template instrumentation (a signal and a
    # context copy per rendered template) is test-framework cost, not server time.
    settings.ALLOWED_HOSTS = ["testserver"]
    call_command("migrate", verbosity=0)
    from faelles.communities.models import Community

    timings = {}
    already = {
        "accounts,organisations": Membership.objects.filter(
            municipality__slug=args.slug
        ).exists(),
        "communities,events": Community.objects.filter(
            municipality__slug=args.slug
        ).exists(),
    }
    if not args.skip_seed:
        for only in ("accounts,organisations", "communities,events"):
            if already[only]:
                continue
            start = time.monotonic()
            call_command(
                "seed", municipality=args.slug, scale="large", seed=1, only=only
            )
            timings[only] = time.monotonic() - start

    from django.db import connection
    from django.utils import timezone

    from faelles.communities.models import CommunityMember, Movement
    from faelles.events.models import Event, Registration

    settle(connection)
    m = Membership.objects.filter(municipality__slug=args.slug).first().municipality
    member = Membership.objects.filter(municipality=m).select_related("user")[5].user
    # What the member may see: since staff-only spaces (issue 15) the seed also
    # makes staff-only communities and events, which are a 404 for a citizen.
    community = (
        Community.objects.filter(municipality=m)
        .visible_to(member, m)
        .filter(access="open")
        .order_by("id")
        .last()
    )
    CommunityMember.objects.get_or_create(
        community=community, user=member, defaults={"status": "active"}
    )
    event = (
        Event.objects.filter(municipality=m)
        .visible_to(member, m)
        .filter(status="published", starts_at__gte=timezone.now())
        .exclude(capacity=None)
        .order_by("starts_at")
        .first()
    )
    movement = Movement.objects.filter(municipality=m).first()
    upcoming = (
        Event.objects.filter(municipality=m)
        .visible_to(member, m)
        .filter(status="published", starts_at__gte=timezone.now())
        .order_by("starts_at", "id")
    )
    deep_event = upcoming[2000]
    deep_cursor = f"{int(deep_event.starts_at.timestamp())}_{deep_event.pk}"
    deep_community = (
        Community.objects.filter(municipality=m)
        .visible_to(member, m)
        .exclude(access="invitation")
    ).order_by("-id")[5000]
    counts = {
        "communities": Community.objects.filter(municipality=m).count(),
        "members": CommunityMember.objects.filter(community__municipality=m).count(),
        "events": Event.objects.filter(municipality=m).count(),
        "sign-ups": Registration.objects.filter(event__municipality=m).count(),
        "movements": Movement.objects.filter(municipality=m).count(),
    }
    client = Client()
    client.force_login(member)
    s = args.slug
    pages = [
        ("Find et fællesskab", f"/{s}/faellesskaber/"),
        (
            "… filtered (theme, age, situation)",
            f"/{s}/faellesskaber/?theme=health&age_group=seniors&life_situation=illness",
        ),
        ("… free text", f"/{s}/faellesskaber/?q=strikke"),
        ("… area (postcode)", f"/{s}/faellesskaber/?area=5000"),
        ("… deep page", f"/{s}/faellesskaber/?efter={deep_community.pk}"),
        ("community detail", f"/{s}/faellesskaber/{community.pk}/"),
        ("event calendar", f"/{s}/arrangementer/"),
        ("… free text", f"/{s}/arrangementer/?q=gåtur"),
        ("… step-free only", f"/{s}/arrangementer/?step_free=on"),
        ("… 2,000 events in", f"/{s}/arrangementer/?efter={deep_cursor}"),
        ("event detail", f"/{s}/arrangementer/{event.pk}/"),
        ("my events", f"/{s}/arrangementer/mine/"),
        ("movements", f"/{s}/bevaegelser/"),
        ("… free text, rare word", f"/{s}/faellesskaber/?q=xylofon"),
        ("movement detail", f"/{s}/bevaegelser/{movement.pk}/"),
        (
            "community calendar feed",
            f"/{s}/arrangementer/faellesskab/{community.pk}/kalender.ics",
        ),
        (
            "municipality feed (≤ 500 events, cached)",
            f"/{s}/arrangementer/kalender.ics",
        ),
    ]
    load_before = os.getloadavg()[0]
    rows = []
    for label, path in pages:
        p50, p95, cpu, queries = measure(client, path, args.requests)
        shown = path.replace(deep_cursor, "<cursor>")
        for obj in (community, event, movement, deep_community):
            shown = shown.replace(f"/{obj.pk}/", "/<id>/").replace(
                f"={obj.pk}", "=<id>"
            )
        rows.append(
            f"| {label} | `{shown}` | {p50:.1f} | {p95:.1f} | {cpu:.1f} | {queries} |"
        )
    engine = settings.DATABASES["default"]["ENGINE"].rsplit(".", 1)[-1]
    print(
        f"Machine: {machine()}; database: {engine}; load average "
        f"{load_before:.1f} before and {os.getloadavg()[0]:.1f} after the run."
    )
    print(
        "Data in the municipality: "
        + ", ".join(f"{v:,} {k}" for k, v in counts.items())
        + "."
    )
    for only, seconds in timings.items():
        print(f"`faelles seed --scale large --only {only}`: {seconds:.0f} s")
    print(f"{args.requests} requests per page after one warm-up.\n")
    print("| page | path | p50 ms | p95 ms | p50 CPU ms | SQL queries |")
    print("|---|---|---|---|---|---|")
    print("\n".join(rows))


if __name__ == "__main__":
    main()
