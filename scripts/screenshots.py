#!/usr/bin/env python3
"""Screenshots of every main page at 390 px (a phone) and 1280 px (a desktop), for
reviewers: ``make screenshots`` writes them to var/screenshots/<width>/.

It builds the demo in its own SQLite file (var/screenshots/faelles.sqlite3), serves
it on a free local port and drives Debian's Chromium through Playwright — as an
anonymous visitor and as the demo's citizen, association, employee, politician and
administrator, on the lists, detail pages and forms of each role's main task.
Nothing is fetched from the network. It fails (exit status 1) and says where if a
page answers with an unexpected status or is wider than the screen.
"""

import os
import socket
import subprocess
import sys
import time
from pathlib import Path
from urllib.request import urlopen

ROOT = Path(__file__).resolve().parent.parent
OUT = ROOT / "var" / "screenshots"
CHROMIUM = os.environ.get("FAELLES_CHROMIUM", "/usr/bin/chromium")
ARGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
]
WIDTHS = (390, 1280)
PASSWORD = "faelles-demo"  # noqa: S105 — the documented demo password
# (who, paths): who is None for an anonymous visitor. A path in braces, such as
# "{initiative}", is a detail page found in the demo database (see detail_paths).
PAGES = [
    (
        None,
        [
            "/",
            "/rodovre/",
            "/rodovre/borgerbudget/",
            "{open_round}",
            "{result}",
            "{project}",
            "/kerteminde/ressourcer/",
            "/kerteminde/ressourcer/kort/",
            "{listing}",
            "/kerteminde/initiativer/",
            "{initiative}",
            "/skanderborg/initiativer/laeringsbank/",
            "/kerteminde/initiativer/historier/",
            "{story}",
            "/odense/faellesskaber/",
            "{community}",
            "/odense/arrangementer/",
            "{event}",
            "/odense/bevaegelser/",
            "{movement}",
            "/odense/organisationer/",
            "{organisation}",
            "/rodovre/hoeringer/",
            "{hearing}",
            "/rodovre/meningskort/",
            "{opinion_map}",
            "{opinion_results}",
            "/skanderborg/opgaveudvalg/",
            "{committee}",
            "{draw}",
            "{recommendation}",
            "{follow_up}",
            "/skanderborg/status/",
            "/rodovre/status/",
            "/om/privatliv/",
            "/accounts/login/",
            "/accounts/signup/",
            "/odense/findes-ikke/",
        ],
    ),
    # A citizen: offer or need, propose, join, sign up, vote.
    (
        "borger@rodovre.faelles.example",
        [
            "/rodovre/",
            "/me/",
            "/me/beskeder/",
            "{ballot}",
            "/rodovre/ressourcer/opret/behov/",
            "/rodovre/ressourcer/mine/",
            "/rodovre/initiativer/ny/",
            "/rodovre/faellesskaber/mine/",
            "/rodovre/arrangementer/mine/",
        ],
    ),
    # An association's administrator: its page, an event on its behalf.
    (
        "forening@odense.faelles.example",
        ["{own_organisation}", "/odense/arrangementer/nyt/"],
    ),
    # An employee: the facilitation queues of resources and initiatives.
    (
        "medarbejder@kerteminde.faelles.example",
        [
            "/kerteminde/arbejde/",
            "/kerteminde/initiativer/mine-opgaver/",
            "/kerteminde/ressourcer/formidling/",
            "{suggestion}",
        ],
    ),
    # An employee's language check.
    ("medarbejder@skanderborg.faelles.example", ["/skanderborg/sprogtjek/"]),
    # A politician: start a movement, answer on an initiative.
    (
        "politiker@odense.faelles.example",
        ["/odense/bevaegelser/ny/", "{movement}", "{odense_initiative}"],
    ),
    # An administrator: settings, people and roles, departments, the audit log, and
    # the initiatives no one has answered.
    (
        "admin@odense.faelles.example",
        [
            "/odense/administration/",
            "/odense/administration/personer/",
            "/odense/administration/afdelinger/",
            "/odense/administration/log/",
            "/odense/initiativer/uden-svar/",
        ],
    ),
    # An administrator of the language check: the municipality's own words and the
    # statistics per department; a committee chair's page.
    (
        "admin@skanderborg.faelles.example",
        [
            "/skanderborg/sprogtjek/ordliste/",
            "/skanderborg/sprogtjek/statistik/",
            "{politician}",
        ],
    ),
]


def detail_paths() -> dict[str, str]:
    """Addresses of detail pages in the demo just built (its ids vary)."""
    import django

    django.setup()
    from django.db.models import Q

    from faelles.budgeting.models import BudgetRound, Project
    from faelles.committees.models import (
        Draw,
        FollowUpAction,
        Recommendation,
        TaskCommittee,
    )
    from faelles.communities.models import Community, Movement
    from faelles.dialogue.models import Hearing
    from faelles.events.models import Event
    from faelles.initiatives.models import Initiative, Story
    from faelles.municipalities.tenancy import tenant_reverse
    from faelles.opinions.models import OpinionMap
    from faelles.organisations.models import Organisation
    from faelles.resources.models import Listing, Proposal

    def first(*querysets):
        """The first object of the first queryset that has one."""
        for queryset in querysets:
            found = queryset.order_by("pk").first()
            if found is not None:
                return found
        raise SystemExit(f"The demo has no {querysets[0].model.__name__} to show.")

    rodovre = {"municipality__slug": "rodovre"}
    open_round = first(BudgetRound.objects.filter(**rodovre, phase="voting"))
    finished = first(
        BudgetRound.objects.filter(**rodovre, phase__in=["results", "implementation"])
    )

    def budget(name, budget_round):
        return tenant_reverse(name, budget_round.municipality_id, pk=budget_round.pk)

    skanderborg = Q(municipality__slug="skanderborg")
    opinion_map = first(OpinionMap.objects.filter(**rodovre))
    committee = first(
        TaskCommittee.objects.filter(skanderborg, chair__isnull=False).exclude(
            phase="mandate"
        )
    )
    suggestion = first(
        Proposal.objects.filter(
            need__municipality__slug="kerteminde", status="suggested"
        )
    )
    return {
        "open_round": budget("budgeting:detail", open_round),
        "ballot": budget("budgeting:ballot", open_round),
        "result": budget("budgeting:results", finished),
        "project": first(Project.objects.filter(round=finished)).get_absolute_url(),
        "listing": first(
            Listing.objects.filter(municipality__slug="kerteminde", side="need")
        ).get_absolute_url(),
        "initiative": first(
            Initiative.objects.filter(municipality__slug="kerteminde", state="trying")
        ).get_absolute_url(),
        "odense_initiative": first(
            Initiative.objects.filter(
                municipality__slug="odense", comments__isnull=False
            ).distinct()
        ).get_absolute_url(),
        "story": first(
            Story.objects.filter(
                initiative__municipality__slug="kerteminde",
                published_at__isnull=False,
            )
        ).get_absolute_url(),
        "community": first(
            Community.objects.filter(municipality__slug="odense", access="open")
        ).get_absolute_url(),
        "event": first(  # one an association organises, if there is one
            Event.objects.filter(
                municipality__slug="odense", organisation__isnull=False
            ),
            Event.objects.filter(municipality__slug="odense"),
        ).get_absolute_url(),
        "movement": first(
            Movement.objects.filter(municipality__slug="odense")
        ).get_absolute_url(),
        "organisation": first(
            Organisation.objects.filter(municipality__slug="odense", kind="association")
        ).get_absolute_url(),
        "own_organisation": first(
            Organisation.objects.filter(
                members__user__email="forening@odense.faelles.example",
                members__is_admin=True,
            )
        ).get_absolute_url(),
        "suggestion": suggestion.get_absolute_url(),
        "hearing": first(Hearing.objects.filter(**rodovre)).get_absolute_url(),
        "opinion_map": opinion_map.get_absolute_url(),
        "opinion_results": tenant_reverse(
            "opinions:results", opinion_map.municipality_id, pk=opinion_map.pk
        ),
        "committee": committee.get_absolute_url(),
        "draw": first(
            Draw.objects.filter(municipality__slug="skanderborg", status="done")
        ).get_absolute_url(),
        "recommendation": first(
            Recommendation.objects.filter(skanderborg).exclude(decision="pending")
        ).get_absolute_url(),
        "follow_up": first(
            FollowUpAction.objects.filter(municipality__slug="skanderborg")
        ).get_absolute_url(),
        "politician": tenant_reverse(
            "committees:politician",
            committee.municipality_id,
            user_id=committee.chair_id,
        ),
    }


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def name_of(who: str | None, path: str) -> str:
    person = (who or "anonym").split("@")[0]
    slug = path.strip("/").replace("/", "_") or "forside"
    return f"{person}--{slug}.png"


def main() -> int:
    from playwright.sync_api import sync_playwright

    env = {**os.environ, "FAELLES_VAR_DIR": str(OUT)}
    env.setdefault("DJANGO_SETTINGS_MODULE", "faelles.settings.base")
    python = sys.executable
    OUT.mkdir(parents=True, exist_ok=True)
    (OUT / "faelles.sqlite3").unlink(missing_ok=True)
    subprocess.run([python, "-m", "faelles", "demo"], env=env, check=True, cwd=ROOT)
    os.environ.update(env)
    details = detail_paths()
    # The product as a visitor meets it (as `make demo` serves it): its own 404
    # page, not Django's debug page, and static files through WhiteNoise.
    subprocess.run(
        [python, "-m", "faelles", "collectstatic", "--noinput", "--verbosity", "0"],
        env=env,
        check=True,
        cwd=ROOT,
    )
    port = free_port()
    server = subprocess.Popen(
        [python, "-m", "faelles", "runserver", f"127.0.0.1:{port}", "--noreload"],
        env={**env, "FAELLES_DEBUG": "0"},
        cwd=ROOT,
    )
    base = f"http://127.0.0.1:{port}"
    problems: list[str] = []
    try:
        for _ in range(100):
            try:
                urlopen(base + "/healthz", timeout=1)  # noqa: S310 — our own server
                break
            except OSError:
                time.sleep(0.2)
        with sync_playwright() as playwright:
            browser = playwright.chromium.launch(executable_path=CHROMIUM, args=ARGS)
            count = 0
            for width in WIDTHS:
                folder = OUT / str(width)
                folder.mkdir(exist_ok=True)
                for old in folder.glob("*.png"):  # none left from an earlier list
                    old.unlink()
                for who, paths in PAGES:
                    context = browser.new_context(
                        viewport={"width": width, "height": 900}, locale="da-DK"
                    )
                    page = context.new_page()
                    if who:
                        page.goto(base + "/accounts/login/")
                        page.get_by_label("E-mail").fill(who)
                        page.get_by_label("Adgangskode").fill(PASSWORD)
                        page.get_by_role("button", name="Log ind").last.click()
                        page.wait_for_load_state()
                    for path in paths:
                        path = path.format(**details)
                        response = page.goto(base + path)
                        expected = 404 if "findes-ikke" in path else 200
                        if response.status != expected:
                            problems.append(
                                f"{who or 'anonym'} {path}: HTTP {response.status}"
                            )
                        wide = page.evaluate("document.documentElement.scrollWidth")
                        if wide > width:
                            problems.append(
                                f"{who or 'anonym'} {path}: {wide} px wide "
                                f"on a {width} px screen"
                            )
                        page.screenshot(
                            path=folder / name_of(who, path), full_page=True
                        )
                        count += 1
                    context.close()
            browser.close()
        print(f"{count} screenshots in {OUT.relative_to(ROOT)}/")
        for problem in problems:
            print(f"Problem: {problem}", file=sys.stderr)
    finally:
        server.terminate()
        server.wait(timeout=10)
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main())
