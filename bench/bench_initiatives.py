"""Initiative pages at `large` scale: list, detail, learning library, stories.

    scripts/with-postgres .venv/bin/python bench/bench_initiatives.py [--requests 200]

Migrates the database in DATABASE_URL, seeds a Copenhagen-size municipality
(people and organisations, then initiatives: 20,000 initiatives, 1,000,000
supports, 1,000,000 comments and an activity-ladder act for each; both timed),
then requests each page repeatedly through Django's test client (server time, no
network, without the test framework's template instrumentation) and prints p50/p95
wall time, the Django process's median CPU time (which does not grow when other work
competes for the cores; see bench_pages.measure) and SQL queries per page.
"""

import argparse
import os
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "faelles.settings.test")
os.environ.setdefault("DJANGO_ALLOW_ASYNC_UNSAFE", "true")

from bench.bench_pages import machine, measure  # noqa: E402


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--requests", type=int, default=200)
    parser.add_argument("--slug", default="kobenhavn")
    parser.add_argument("--skip-seed", action="store_true")
    args = parser.parse_args()

    import django

    django.setup()
    from django.conf import settings
    from django.core.management import call_command
    from django.test import Client

    # No setup_test_environment(): its template instrumentation makes the test
    # client copy every template context, which a real server never does.
    settings.ALLOWED_HOSTS = ["testserver"]
    call_command("migrate", verbosity=0)
    timings = {}
    if not args.skip_seed:
        for only in ("accounts,organisations", "initiatives"):
            start = time.monotonic()
            call_command(
                "seed", municipality=args.slug, scale="large", seed=1, only=only
            )
            timings[only] = time.monotonic() - start

    from faelles.accounts.models import Membership
    from faelles.initiatives.models import (
        Comment,
        Initiative,
        Support,
        Trial,
    )
    from faelles.municipalities.models import Municipality
    from faelles.participation.models import ParticipationAct

    municipality = Municipality.objects.get(slug=args.slug)
    initiatives = Initiative.objects.filter(municipality=municipality)
    citizen = (
        Membership.objects.filter(municipality=municipality, is_employee=False)
        .select_related("user")
        .first()
        .user
    )
    # The pages are opened as a citizen: only what a citizen may see (the seed
    # also makes staff-only initiatives since issue 15, a 404 for a citizen).
    seen = initiatives.visible().visible_to(citizen, municipality)
    busiest = seen.order_by("-comment_count").only("id").first()
    typical = seen.order_by("id")[seen.count() // 2]
    second_page = seen.order_by("-id").values_list("id", flat=True)[20]
    facilitator = (
        initiatives.exclude(facilitator=None)
        .values("facilitator")
        .order_by()
        .first()["facilitator"]
    )
    client = Client()
    client.force_login(citizen)
    base = f"/{args.slug}/initiativer"
    pages = [
        ("initiative list", f"{base}/"),
        ("list, second page", f"{base}/?after={second_page}"),
        ("list, theme filter", f"{base}/?theme=health"),
        ("list, phase filter", f"{base}/?state=trying"),
        ("list, search", f"{base}/?q=Gåbus"),
        ("initiative page (typical)", f"{base}/{typical.pk}/"),
        ("initiative page (most comments)", f"{base}/{busiest.pk}/"),
        ("learning library", f"{base}/laeringsbank/"),
        (
            "library, filtered",
            f"{base}/laeringsbank/?outcome=did_not_work&theme=health",
        ),
        ("library, search", f"{base}/laeringsbank/?q=tovholder"),
        ("good stories", f"{base}/historier/"),
        ("Atom feed", f"{base}/historier/feed/"),
    ]
    load_before = os.getloadavg()[0]
    rows = []
    for label, path in pages:
        p50, p95, cpu, queries = measure(client, path, args.requests)
        shown = path.replace(str(typical.pk), "<id>").replace(str(busiest.pk), "<id>")
        shown = shown.replace(str(second_page), "<id>")
        rows.append(
            f"| {label} | `{shown}` | {p50:.1f} | {p95:.1f} | {cpu:.1f} | {queries} |"
        )
    from faelles.accounts.models import User

    client.force_login(User.objects.get(pk=facilitator))
    p50, p95, cpu, queries = measure(client, f"{base}/mine-opgaver/", args.requests)
    rows.append(
        f"| facilitator's work list | `{base}/mine-opgaver/` | {p50:.1f} | {p95:.1f} "
        f"| {cpu:.1f} | {queries} |"
    )

    engine = settings.DATABASES["default"]["ENGINE"].rsplit(".", 1)[-1]
    print(f"Machine: {machine()}; database: {engine}.")
    print(
        f"Data: {initiatives.count():,} initiatives, "
        f"{Support.objects.filter(initiative__municipality=municipality).count():,} supports, "
        f"{Comment.objects.filter(initiative__municipality=municipality).count():,} comments, "
        f"{Trial.objects.filter(municipality=municipality).evaluated().count():,} evaluated trials, "
        f"{ParticipationAct.objects.filter(municipality=municipality).count():,} ladder acts; "
        f"the busiest initiative has {busiest.comment_count:,} comments."
    )
    for only, seconds in timings.items():
        print(f"`faelles seed --scale large --only {only}`: {seconds:.0f} s")
    print(
        f"{args.requests} requests per page after one warm-up; load average "
        f"{load_before:.1f} before and {os.getloadavg()[0]:.1f} after measuring "
        f"({os.cpu_count()} cores).\n"
    )
    print("| page | path | p50 ms | p95 ms | p50 CPU ms | SQL queries |")
    print("|---|---|---|---|---|---|")
    print("\n".join(rows))


if __name__ == "__main__":
    main()
