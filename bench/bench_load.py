"""Load and faults: locust against gunicorn + PostgreSQL at `large` scale, then
every count checked in the database; optionally PostgreSQL restarted midway.

    scripts/with-postgres .venv/bin/python bench/bench_load.py \\
        [--minutes 10] [--users 60] [--restart] [--slug kobenhavn]

Needs the `bench` extra (locust) and a PostgreSQL cluster this machine runs:
DATABASE_URL, and PGDATA for --restart (scripts/with-postgres sets both). Steps:

1. migrate, seed the municipality (`faelles seed --scale large`, skipped when it
   is there), and — unless --no-durable — restart the cluster with the
   durability production has (fsync, synchronous_commit, full_page_writes on;
   scripts/with-postgres turns them off for speed);
2. write the plan for bench/load/locustfile.py: seeded citizens and employees
   (their e-mail addresses marked verified, as real accounts' are), for each the
   upcoming events it may sign up for and the initiatives it may support, the
   open budget round, movements, and objects to browse;
3. start gunicorn (faelles.wsgi, 5 sync workers, persistent health-checked
   connections as in production: DB_CONN_MAX_AGE=60) and one task worker, all
   on 127.0.0.1, and run locust headless for the given time;
4. with --restart: at half time `pg_ctl restart -m fast` as the cluster's owner,
   while /healthz is asked every 0.1 s, to time the outage and the recovery;
5. afterwards check every write locust journalled against the database: what a
   person was told is saved (``confirmed``) must be there, exactly once; only
   writes without an answer (``uncertain``: a 503 or a dropped connection) may
   be there or not; the denormalised counters (sign-ups, supports, pledges) must
   equal their rows; and no request may have had a server error (a 5xx other
   than the 503 page).

Prints a Markdown report (the figures in docs/benchmarks.md) and writes the raw
material to var/load/<time>/ (plan, journal, locust CSV, server logs, report).
Exit status 1 when a check fails. Not part of `make test` or plain `make bench`
(bench/run_all.py runs it only with --only load).
"""

from __future__ import annotations

import argparse
import http.client
import json
import os
import random
import shlex
import signal
import subprocess
import sys
import threading
import time
from collections import Counter, defaultdict
from datetime import UTC, datetime, timedelta
from decimal import Decimal
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "bench"))

SEED_PASSWORD = "seed-password-not-for-login"  # faelles/accounts/demo.py
DURABILITY_OFF = ("fsync=off", "synchronous_commit=off", "full_page_writes=off")


def machine() -> str:
    from bench_pages import machine as describe

    return describe()


# --- the cluster ------------------------------------------------------------


def as_owner(args: list[str]) -> list[str]:
    """PostgreSQL refuses to run as root: scripts/with-postgres gives the cluster
    to the postgres user then, and so must every pg_ctl call."""
    return ["runuser", "-u", "postgres", "--", *args] if os.getuid() == 0 else args


def pg_ctl() -> str:
    found = sorted(Path("/usr/lib/postgresql").glob("*/bin/pg_ctl"))
    return str(found[-1]) if found else "pg_ctl"


def server_options(pgdata: Path) -> list[str]:
    """The server's command-line options (postmaster.opts), without -D."""
    words = shlex.split((pgdata / "postmaster.opts").read_text())[1:]
    options, skip = [], False
    for word in words:
        if skip:
            skip = False
        elif word == "-D":
            skip = True
        else:
            options.append(word)
    return options


def restart_cluster(pgdata: Path, options: list[str] | None = None) -> float:
    """``pg_ctl restart -m fast`` (waits until the server accepts connections);
    returns the seconds it took. ``options`` replaces the server's options."""
    # The server's log goes where scripts/with-postgres sent it (-l is not kept).
    log = pgdata.parent / "server.log"
    command = [
        pg_ctl(),
        "restart",
        "-m",
        "fast",
        "-w",
        "-D",
        str(pgdata),
        "-l",
        str(log),
    ]
    if options is not None:
        command += ["-o", shlex.join(options)]
    started = time.monotonic()
    subprocess.run(as_owner(command), check=True, stdout=subprocess.DEVNULL)
    return time.monotonic() - started


def make_durable(pgdata: Path) -> bool:
    """Restart the cluster without the options that turn durability off (as
    production runs); True when that changed anything."""
    options = server_options(pgdata)
    kept: list[str] = []
    i = 0
    while i < len(options):
        if options[i] == "-c" and i + 1 < len(options):
            if options[i + 1] not in DURABILITY_OFF:
                kept += options[i : i + 2]
            i += 2
        else:
            kept.append(options[i])
            i += 1
    if kept == options:
        return False
    restart_cluster(pgdata, kept)
    return True


# --- data and plan ----------------------------------------------------------


def prepare(args, run_dir: Path) -> dict:
    """Seed when needed and choose what the simulated people do."""
    from allauth.account.models import EmailAddress
    from django.contrib.auth.models import AnonymousUser
    from django.core.management import call_command
    from django.db import connection
    from django.utils import timezone

    from faelles.accounts.models import Membership
    from faelles.budgeting.models import BallotReceipt, BudgetRound, Phase
    from faelles.communities.models import Community, Movement
    from faelles.core.access import visible
    from faelles.events.models import Event, Registration
    from faelles.initiatives.models import Initiative, Support
    from faelles.municipalities.models import Municipality
    from faelles.resources.models import Listing

    call_command("migrate", verbosity=0)
    seeded = None
    if not Municipality.objects.filter(slug=args.slug).exists():
        started = time.monotonic()
        call_command("seed", municipality=args.slug, scale=args.scale, seed=1)
        seeded = time.monotonic() - started
    from bench_pages import settle

    settle(connection)
    # As `faelles resources_daily` does in production: the matching indexes built
    # and stored once, so each worker maps the file (docs/matching.md).
    from faelles.resources.matches import warm

    warm()
    municipality = Municipality.objects.get(slug=args.slug)
    rng = random.Random(args.seed)
    now = timezone.now()

    budget_round = next(
        r
        for r in BudgetRound.objects.filter(
            municipality=municipality, phase=Phase.VOTING
        ).order_by("-id")
        if r.voting_open(now)
    )
    voted = set(
        BallotReceipt.objects.filter(round=budget_round).values_list(
            "user_id", flat=True
        )
    )
    memberships = Membership.objects.filter(
        municipality=municipality, user__email__startswith=f"seed-{args.slug}-"
    )
    citizens = list(
        memberships.filter(is_citizen=True, is_employee=False)
        .exclude(user_id__in=voted)
        .order_by("user_id")
        .select_related("user")[: args.accounts * 4]
    )
    employees = list(
        memberships.filter(is_employee=True)
        .exclude(user_id__in=voted)
        .order_by("user_id")
        .select_related("user")[: max(4, args.accounts // 4)]
    )
    citizens = rng.sample(citizens, k=min(args.accounts, len(citizens)))

    anonymous = AnonymousUser()
    upcoming = list(
        Event.objects.filter(
            municipality=municipality,
            starts_at__gt=now + timedelta(days=1),
            status="published",
        ).order_by("starts_at")[:600]
    )
    public_events = [
        e
        for e in upcoming
        if visible(anonymous, e, municipality)
        and anonymous.has_perm("events.view_event", e)
    ]
    initiatives = list(
        Initiative.objects.filter(municipality=municipality).order_by("-id")[:1500]
    )
    movements = list(Movement.objects.filter(municipality=municipality)[:50])

    accounts = {"citizens": [], "employees": []}
    for kind, people in (("citizens", citizens), ("employees", employees)):
        for membership in people:
            user = membership.user
            registered = set(
                Registration.objects.filter(user=user).values_list(
                    "event_id", flat=True
                )
            )
            supported = set(
                Support.objects.filter(user=user).values_list(
                    "initiative_id", flat=True
                )
            )
            events = [
                e.pk
                for e in rng.sample(upcoming, k=min(40, len(upcoming)))
                if e.pk not in registered
                and visible(user, e, municipality)
                and user.has_perm("events.signup", e)
            ][:12]
            supportable = [
                i.pk
                for i in rng.sample(initiatives, k=min(60, len(initiatives)))
                if i.pk not in supported
                and visible(user, i, municipality)
                and user.has_perm("initiatives.take_part", i)
                and user.has_perm("initiatives.view_initiative", i)
            ][:12]
            pledgeable = [
                m.pk for m in movements if user.has_perm("communities.pledge", m)
            ][:5]
            accounts[kind].append(
                {
                    "email": user.email,
                    "events": events,
                    "initiatives": supportable,
                    "movements": pledgeable,
                }
            )
            EmailAddress.objects.update_or_create(
                user=user,
                email=user.email,
                defaults={"verified": True, "primary": True},
            )
    listings = [
        listing.pk
        for listing in rng.sample(
            list(
                Listing.objects.filter(municipality=municipality).order_by("-id")[:3000]
            ),
            k=600,
        )
        if visible(anonymous, listing, municipality)
        and anonymous.has_perm("resources.view_listing", listing)
    ]
    communities = [
        community.pk
        for community in Community.objects.filter(municipality=municipality).order_by(
            "-id"
        )[:600]
        if visible(anonymous, community, municipality)
    ]
    plan = {
        "slug": args.slug,
        "password": SEED_PASSWORD,
        "marker": f"Lasttest {run_dir.name}",
        "round": budget_round.pk,
        "postcode": (budget_round.postcode_list or ["2400"])[0],
        "citizens": accounts["citizens"],
        "employees": accounts["employees"],
        "browse": {
            "initiatives": [
                i.pk
                for i in initiatives[:300]
                if visible(anonymous, i, municipality)
                and anonymous.has_perm("initiatives.view_initiative", i)
            ],
            "events": [e.pk for e in public_events[:300]],
            "communities": communities[:300],
            "movements": [m.pk for m in movements],
            "listings": listings[:300],
        },
        "seeded_seconds": seeded,
    }
    for kind in ("citizens", "employees"):
        if not plan[kind]:
            raise SystemExit(f"no {kind} to load with in {args.slug}")
    return plan


def snapshot(plan: dict) -> dict:
    """What the load's accounts have before the run, and the counters."""
    from faelles.budgeting.models import Ballot, BallotReceipt
    from faelles.resources.models import Listing

    emails = [a["email"] for kind in ("citizens", "employees") for a in plan[kind]]
    return {
        "receipts": BallotReceipt.objects.filter(
            round_id=plan["round"], user__email__in=emails
        ).count(),
        "ballots": Ballot.objects.filter(round_id=plan["round"]).count(),
        "listings": Listing.objects.filter(title__startswith=plan["marker"]).count(),
        **_rows(plan),
    }


def _rows(plan: dict) -> dict:
    from faelles.communities.models import Pledge
    from faelles.events.models import Registration
    from faelles.initiatives.models import Support

    emails = [a["email"] for kind in ("citizens", "employees") for a in plan[kind]]
    return {
        "signups": sorted(
            (email, event)
            for email, event in Registration.objects.filter(
                user__email__in=emails
            ).values_list("user__email", "event_id")
        ),
        "supports": sorted(
            Support.objects.filter(user__email__in=emails).values_list(
                "user__email", "initiative_id"
            )
        ),
        "pledges": {
            f"{email}|{movement}": str(amount)
            for email, movement, amount in Pledge.objects.filter(
                user__email__in=emails
            ).values_list("user__email", "movement_id", "amount")
        },
    }


# --- processes ----------------------------------------------------------------


class TaskWorker(threading.Thread):
    """``faelles db_worker``, started again 5 s after it stops — what systemd's
    ``Restart=always`` / ``RestartSec=5`` does in production (docs/operations.md):
    the worker exits when it cannot reach the database."""

    def __init__(self, env: dict, log: Path) -> None:
        super().__init__(daemon=True)
        self.env, self.log = env, log
        self.exits: list[tuple[float, int]] = []
        self.halt = threading.Event()
        self.process: subprocess.Popen | None = None

    def run(self) -> None:
        command = [str(Path(sys.executable).with_name("faelles")), "db_worker"]
        with self.log.open("a") as out:
            while not self.halt.is_set():
                self.process = subprocess.Popen(
                    command,
                    env=self.env,
                    cwd=ROOT,
                    stdout=out,
                    stderr=subprocess.STDOUT,
                )
                code = self.process.wait()
                if self.halt.is_set():
                    break
                self.exits.append((time.time(), code))
                self.halt.wait(5)

    def stop(self) -> None:
        self.halt.set()
        if self.process is not None:
            stop([self.process])
        self.join(timeout=40)


def start_server(args, run_dir: Path) -> tuple[subprocess.Popen, TaskWorker | None]:
    env = {
        **os.environ,
        "DJANGO_SETTINGS_MODULE": "faelles.settings.base",
        "FAELLES_DEBUG": "0",
        # What production sets (faelles/settings/production.py): connections kept
        # a minute and health-checked before reuse.
        "DB_CONN_MAX_AGE": "60",
        "ACCOUNT_EMAIL_VERIFICATION": "mandatory",
        "LOG_LEVEL": "WARNING",
    }
    web = subprocess.Popen(
        [
            str(Path(sys.executable).with_name("gunicorn")),
            "faelles.wsgi:application",
            "--config",
            str(ROOT / "bench" / "load" / "gunicorn.conf.py"),
            "--workers",
            str(args.workers),
            "--bind",
            f"127.0.0.1:{args.port}",
            "--timeout",
            "30",
            "--access-logfile",
            str(run_dir / "access.log"),
            "--access-logformat",
            '%(t)s "%(r)s" %(s)s %(M)s',
        ],
        env=env,
        cwd=ROOT,
        stdout=open(run_dir / "gunicorn.out", "w"),  # noqa: SIM115
        stderr=subprocess.STDOUT,
    )
    worker = None
    if not args.no_worker:
        worker = TaskWorker(env, run_dir / "worker.out")
        worker.start()
    deadline = time.monotonic() + 120
    while time.monotonic() < deadline:
        if probe(args.port) == 200:
            return web, worker
        time.sleep(0.5)
    stop([web])
    if worker is not None:
        worker.stop()
    raise SystemExit("gunicorn did not start (see gunicorn.out)")


def stop(processes: list[subprocess.Popen]) -> None:
    for process in processes:
        if process.poll() is None:
            process.send_signal(signal.SIGTERM)
    for process in processes:
        try:
            process.wait(timeout=30)
        except subprocess.TimeoutExpired:
            process.kill()


def probe(port: int, path: str = "/healthz", timeout: float = 5) -> int:
    try:
        conn = http.client.HTTPConnection("127.0.0.1", port, timeout=timeout)
        conn.request("GET", path, headers={"Host": "127.0.0.1"})
        status = conn.getresponse().status
        conn.close()
        return status
    except OSError:
        return 0


class Sampler(threading.Thread):
    """Load average and CPU use of the whole machine, once a second."""

    def __init__(self) -> None:
        super().__init__(daemon=True)
        self.loads: list[float] = []
        self.busy: list[float] = []
        self.halt = threading.Event()

    @staticmethod
    def _cpu() -> tuple[int, int]:
        fields = [int(x) for x in Path("/proc/stat").read_text().split()[1:9]]
        idle = fields[3] + fields[4]
        return sum(fields), idle

    def run(self) -> None:
        last = self._cpu()
        while not self.halt.wait(1):
            self.loads.append(float(Path("/proc/loadavg").read_text().split()[0]))
            now = self._cpu()
            total, idle = now[0] - last[0], now[1] - last[1]
            if total:
                self.busy.append(100 * (1 - idle / total))
            last = now


class Restarter(threading.Thread):
    """At ``at`` seconds: restart PostgreSQL while /healthz is asked every 0.1 s."""

    def __init__(self, pgdata: Path, port: int, at: float) -> None:
        super().__init__(daemon=True)
        self.pgdata, self.port, self.at = pgdata, port, at
        self.probes: list[tuple[float, int]] = []
        self.restart_started = self.restart_done = 0.0
        self.error = ""

    def run(self) -> None:
        time.sleep(max(0, self.at - 5))
        probing = threading.Event()

        def ask() -> None:
            while not probing.is_set():
                self.probes.append((time.time(), probe(self.port, timeout=2)))
                time.sleep(0.1)

        asker = threading.Thread(target=ask, daemon=True)
        asker.start()
        time.sleep(5)
        self.restart_started = time.time()
        try:
            restart_cluster(self.pgdata)
        except subprocess.CalledProcessError as exc:
            self.error = str(exc)
        self.restart_done = time.time()
        time.sleep(30)
        probing.set()
        asker.join()

    def figures(self) -> dict:
        # Every probe from 5 s before the restart to 30 s after it.
        after = self.probes
        failed = [t for t, s in after if s != 200]
        statuses = Counter(s for t, s in after if s != 200)
        first_ok = next(
            (t for t, s in after if s == 200 and (not failed or t > failed[-1])),
            None,
        )
        return {
            "pg_ctl_seconds": round(self.restart_done - self.restart_started, 2),
            "failed_probes": len(failed),
            "failed_statuses": {str(k): v for k, v in statuses.items()},
            "first_failure_after_restart_s": round(failed[0] - self.restart_started, 2)
            if failed
            else None,
            "healthy_again_after_pg_up_s": round(
                max(0, first_ok - self.restart_done), 2
            )
            if first_ok
            else None,
            "site_outage_s": round(first_ok - failed[0], 2)
            if failed and first_ok
            else 0.0,
            "restart_started": self.restart_started,
            "restart_done": self.restart_done,
            "error": self.error,
        }


# --- the check ----------------------------------------------------------------


def task_states(since: float) -> dict[str, int]:
    """Background tasks queued since ``since``, by state: none may be left
    RUNNING by a worker that lost the database."""
    from django.db.models import Count
    from django_tasks_db.models import DBTaskResult

    rows = (
        DBTaskResult.objects.filter(enqueued_at__gte=datetime.fromtimestamp(since, UTC))
        .values("status")
        .annotate(n=Count("id"))
    )
    return {row["status"]: row["n"] for row in rows}


def read_journal(path: Path) -> list[dict]:
    if not path.exists():
        return []
    return [json.loads(line) for line in path.read_text().splitlines() if line]


def check(plan: dict, before: dict, entries: list[dict]) -> tuple[list[dict], bool]:
    """Every journalled write against the database; returns table rows and
    whether every check passed."""
    from django.db.models import Count, F, Q, Sum

    from faelles.budgeting.models import Ballot, BallotReceipt
    from faelles.communities.models import Movement
    from faelles.events.models import Event
    from faelles.initiatives.models import Initiative
    from faelles.resources.models import Listing

    after = _rows(plan)
    writes = [e for e in entries if e.get("kind") != "failure"]
    by_kind: dict[str, list[dict]] = defaultdict(list)
    for entry in sorted(writes, key=lambda e: e["sent"]):
        by_kind[entry["kind"]].append(entry)
    rows: list[dict] = []
    ok = True

    def row(what, confirmed, uncertain, refused, expected, found, passed, note=""):
        nonlocal ok
        ok = ok and passed
        rows.append(
            {
                "what": what,
                "confirmed": confirmed,
                "uncertain": uncertain,
                "refused": refused,
                "expected": expected,
                "found": found,
                "exact": "yes" if passed else "NO",
                "note": note,
            }
        )

    def tally(kind: str) -> tuple[int, int, int]:
        states = Counter(e["state"] for e in by_kind[kind])
        return states["confirmed"], states["uncertain"], states["refused"]

    # Sign-ups: each (person, event) confirmed must be a row; the new rows may
    # include only confirmed or uncertain pairs.
    new = {tuple(p) for p in after["signups"]} - {tuple(p) for p in before["signups"]}
    confirmed = {(e["user"], e["target"]) for e in by_kind["signup"] if e["result"]}
    maybe = {
        (e["user"], e["target"]) for e in by_kind["signup"] if e["state"] == "uncertain"
    } - confirmed
    saved_maybe = new & maybe
    row(
        "event sign-ups",
        *tally("signup"),
        len(confirmed),
        len(new),
        confirmed <= new and new <= confirmed | maybe,
        f"{len(saved_maybe)} of the uncertain were saved" if maybe else "",
    )
    events = {e["target"] for e in by_kind["signup"]}
    drift = (
        Event.objects.filter(pk__in=events)
        .annotate(
            confirmed=Count(
                "registrations", filter=Q(registrations__status="confirmed")
            ),
            waiting=Count("registrations", filter=Q(registrations__status="waiting")),
        )
        .exclude(confirmed_count=F("confirmed"), waiting_count=F("waiting"))
        .count()
    )
    row(
        "events' sign-up counters = rows",
        "",
        "",
        "",
        f"{len(events)} events",
        f"{drift} differ",
        drift == 0,
    )

    # Supports are a toggle: the last answer a person got is the state to find.
    final: dict[tuple[str, int], bool] = {}
    unsure: set[tuple[str, int]] = set()
    for e in by_kind["support"]:
        key = (e["user"], e["target"])
        if e["state"] == "confirmed":
            final[key] = e["result"] == "support"
            unsure.discard(key)
        elif e["state"] == "uncertain":
            unsure.add(key)
    had = {tuple(p) for p in before["supports"]}
    has = {tuple(p) for p in after["supports"]}
    wrong = [
        key
        for key, supported in final.items()
        if key not in unsure and (key in has) != supported
    ]
    touched = {key for e in by_kind["support"] for key in [(e["user"], e["target"])]}
    answered = set(final) | unsure
    # A pair that was only ever refused must be as it was before the run.
    stray = {key for key in touched - answered if (key in has) != (key in had)}
    stray |= (has - had) - touched
    expected_supports = sum(
        1 for key, supported in final.items() if supported and key not in had
    )
    row(
        "initiative supports",
        *tally("support"),
        expected_supports,
        len((has - had) & touched),
        not wrong and not stray,
        f"{len(unsure)} pairs end uncertain ({len(unsure & has)} saved)"
        if unsure
        else "",
    )
    initiatives = {e["target"] for e in by_kind["support"]}
    drift = (
        Initiative.objects.filter(pk__in=initiatives)
        .annotate(rows=Count("supports"))
        .exclude(support_count=F("rows"))
        .count()
    )
    row(
        "initiatives' support counters = rows",
        "",
        "",
        "",
        f"{len(initiatives)} initiatives",
        f"{drift} differ",
        drift == 0,
    )

    # Votes: one receipt and one ballot per person who voted for the first time.
    voters = {e["user"] for e in by_kind["vote"] if e["result"]}
    maybe_voters = {
        e["user"] for e in by_kind["vote"] if e["state"] == "uncertain"
    } - voters
    emails = [a["email"] for kind in ("citizens", "employees") for a in plan[kind]]
    receipts = set(
        BallotReceipt.objects.filter(
            round_id=plan["round"], user__email__in=emails
        ).values_list("user__email", flat=True)
    )
    new_ballots = (
        Ballot.objects.filter(round_id=plan["round"]).count() - before["ballots"]
    )
    row(
        "budget votes (receipts)",
        *tally("vote"),
        len(voters),
        len(receipts) - before["receipts"],
        voters <= receipts and receipts <= voters | maybe_voters,
        f"{len(receipts & maybe_voters)} of the uncertain were saved"
        if maybe_voters
        else "",
    )
    row(
        "ballots in the round (one per receipt)",
        "",
        "",
        "",
        len(receipts) - before["receipts"],
        new_ballots,
        new_ballots == len(receipts) - before["receipts"],
    )

    # Pledges: the amount last confirmed is the amount found.
    last: dict[str, Decimal] = {}
    possible: dict[str, set[Decimal]] = defaultdict(set)
    for e in by_kind["pledge"]:
        key = f"{e['user']}|{e['target']}"
        amount = Decimal(e["detail"]["amount"])
        if e["state"] == "confirmed":
            last[key] = amount
            possible[key] = {amount}
        elif e["state"] == "uncertain":
            possible[key].add(amount)
    pledges = {k: Decimal(v) for k, v in after["pledges"].items()}
    wrong = [k for k in possible if k in last and pledges.get(k) not in possible[k]]
    open_ended = [k for k in possible if len(possible[k]) > 1 or k not in last]
    missing = [k for k in last if k not in pledges]
    row(
        "movement pledges",
        *tally("pledge"),
        len(last),
        len([k for k in possible if k in pledges]),
        not wrong and not missing,
        f"{len(wrong)} amounts differ"
        if wrong
        else f"{len(open_ended)} end uncertain"
        if open_ended
        else "",
    )
    movements = {e["target"] for e in by_kind["pledge"]}
    drift = 0
    for movement in Movement.objects.filter(pk__in=movements):
        total = movement.pledges.aggregate(total=Sum("amount"), n=Count("id"))
        if (total["total"] or 0) != movement.pledged_total or total[
            "n"
        ] != movement.participant_count:
            drift += 1
    row(
        "movements' pledge totals = rows",
        "",
        "",
        "",
        f"{len(movements)} movements",
        f"{drift} differ",
        drift == 0,
    )

    # Needs: every confirmed title is one listing; nothing else carries the marker.
    titles = Counter(
        Listing.objects.filter(title__startswith=plan["marker"]).values_list(
            "title", flat=True
        )
    )
    told = {e["target"] for e in by_kind["need"] if e["result"]}
    maybe_titles = {
        e["target"] for e in by_kind["need"] if e["state"] == "uncertain"
    } - told
    row(
        "needs posted",
        *tally("need"),
        len(told),
        sum(titles.values()),
        all(titles[t] == 1 for t in told)
        and set(titles) <= told | maybe_titles
        and max(titles.values(), default=1) == 1,
        f"{len(set(titles) & maybe_titles)} of the uncertain were saved"
        if maybe_titles
        else "",
    )
    return rows, ok


# --- locust output --------------------------------------------------------------


def locust_figures(run_dir: Path) -> dict:
    import csv

    stats = list(
        csv.DictReader((run_dir / "locust_stats.csv").read_text().splitlines())
    )
    total = next(r for r in stats if r["Name"] == "Aggregated")
    failures = list(
        csv.DictReader((run_dir / "locust_failures.csv").read_text().splitlines())
    )
    by_message: Counter[str] = Counter()
    for failure in failures:
        by_message[failure["Error"]] += int(failure["Occurrences"])
    return {
        "requests": int(total["Request Count"]),
        "failures": int(total["Failure Count"]),
        "rps": float(total["Requests/s"]),
        "p50": total["50%"],
        "p95": total["95%"],
        "p99": total["99%"],
        "max": total["Max Response Time"],
        "by_endpoint": [
            {
                "name": r["Name"],
                "method": r["Type"],
                "requests": int(r["Request Count"]),
                "failures": int(r["Failure Count"]),
                "p50": r["50%"],
                "p95": r["95%"],
            }
            for r in stats
            if r["Name"] != "Aggregated"
        ],
        "failure_messages": dict(by_message),
    }


def access_statuses(run_dir: Path) -> Counter[str]:
    statuses: Counter[str] = Counter()
    path = run_dir / "access.log"
    if path.exists():
        for line in path.read_text().splitlines():
            parts = line.rsplit(" ", 2)
            if len(parts) == 3:
                statuses[parts[1]] += 1
    return statuses


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--slug", default="kobenhavn")
    parser.add_argument("--scale", default="large")
    parser.add_argument("--minutes", type=float, default=10)
    parser.add_argument("--users", type=int, default=60, help="simulated people")
    parser.add_argument("--spawn-rate", type=float, default=2)
    parser.add_argument("--accounts", type=int, default=60, help="citizen accounts")
    parser.add_argument("--workers", type=int, default=5, help="gunicorn workers")
    parser.add_argument("--port", type=int, default=8631)
    parser.add_argument("--restart", action="store_true", help="restart PostgreSQL")
    parser.add_argument("--restart-at", type=float, default=0.5, help="of the run")
    parser.add_argument("--no-durable", action="store_true")
    parser.add_argument("--no-worker", action="store_true")
    parser.add_argument("--seed", type=int, default=1)
    args = parser.parse_args()

    if not os.environ.get("DATABASE_URL", "").startswith("postgres"):
        raise SystemExit(
            "DATABASE_URL must point at PostgreSQL (scripts/with-postgres)"
        )
    pgdata = Path(os.environ["PGDATA"]) if os.environ.get("PGDATA") else None
    if args.restart and pgdata is None:
        raise SystemExit("--restart needs PGDATA, the cluster's data directory")
    stamp = datetime.now(UTC).strftime("%Y%m%dT%H%M%SZ")
    run_dir = ROOT / "var" / "load" / (stamp + ("-restart" if args.restart else ""))
    run_dir.mkdir(parents=True)

    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "faelles.settings.base")
    import django

    django.setup()
    from django.db import connection

    durable = False
    if pgdata is not None and not args.no_durable:
        connection.close()
        make_durable(pgdata)
        durable = not set(server_options(pgdata)) & set(DURABILITY_OFF)
    plan = prepare(args, run_dir)
    (run_dir / "plan.json").write_text(json.dumps(plan, indent=1))
    before = snapshot(plan)
    (run_dir / "before.json").write_text(json.dumps(before, indent=1))
    connection.close()

    seconds = int(args.minutes * 60)
    sampler = Sampler()
    web, worker = start_server(args, run_dir)
    restarter = None
    started = time.time()
    try:
        sampler.start()
        if args.restart:
            restarter = Restarter(pgdata, args.port, seconds * args.restart_at)
            restarter.start()
        locust = subprocess.run(
            [
                str(Path(sys.executable).with_name("locust")),
                "-f",
                str(ROOT / "bench" / "load" / "locustfile.py"),
                "--headless",
                "--host",
                f"http://127.0.0.1:{args.port}",
                "--users",
                str(args.users),
                "--spawn-rate",
                str(args.spawn_rate),
                "--run-time",
                f"{seconds}s",
                "--stop-timeout",
                "10",
                "--csv",
                str(run_dir / "locust"),
                "--only-summary",
                "--loglevel",
                "WARNING",
            ],
            env={
                **os.environ,
                "FAELLES_LOAD_PLAN": str(run_dir / "plan.json"),
                "FAELLES_LOAD_JOURNAL": str(run_dir / "journal.jsonl"),
            },
            cwd=ROOT,
            stdout=open(run_dir / "locust.out", "w"),  # noqa: SIM115
            stderr=subprocess.STDOUT,
        )
        if restarter is not None:
            restarter.join(timeout=120)
    finally:
        sampler.halt.set()
        stop([web])
        if worker is not None:
            worker.stop()
    elapsed = time.time() - started
    tasks = task_states(started)

    entries = read_journal(run_dir / "journal.jsonl")
    rows, exact = check(plan, before, entries)
    figures = locust_figures(run_dir)
    statuses = access_statuses(run_dir)
    server_errors = sum(
        n for s, n in statuses.items() if s.startswith("5") and s != "503"
    )
    outcomes = Counter(
        f"{e['kind']} {e.get('state') or e.get('status')}" for e in entries
    )
    restart = restarter.figures() if restarter else None
    failures = [e for e in entries if e.get("kind") == "failure"]
    if restart and failures:
        done = restart["restart_done"]
        late = [e["t"] for e in failures if e["t"] >= restart["restart_started"]]
        restart["last_user_failure_after_pg_up_s"] = (
            round(max(0, max(late) - done), 2) if late else None
        )
    report = {
        "args": vars(args),
        "durable": durable,
        "elapsed_s": round(elapsed, 1),
        "locust_exit": locust.returncode,
        "locust": figures,
        "access_statuses": dict(statuses),
        "server_errors": server_errors,
        "journal_outcomes": dict(outcomes),
        "checks": rows,
        "exact": exact,
        "restart": restart,
        "task_worker_restarts": [
            {"after_s": round(t - started, 1), "exit": code}
            for t, code in (worker.exits if worker else [])
        ],
        "tasks": tasks,
        "load_average": {
            "mean": round(sum(sampler.loads) / max(1, len(sampler.loads)), 2),
            "max": max(sampler.loads, default=0),
        },
        "cpu_busy_percent_mean": round(
            sum(sampler.busy) / max(1, len(sampler.busy)), 1
        ),
        "machine": machine(),
        "seeded_seconds": plan["seeded_seconds"],
    }
    (run_dir / "report.json").write_text(json.dumps(report, indent=1))
    print(markdown(report, run_dir))
    passed = exact and server_errors == 0
    if restart is not None:
        passed = passed and restart["healthy_again_after_pg_up_s"] is not None
    return 0 if passed else 1


def markdown(report: dict, run_dir: Path) -> str:
    a = report["args"]
    f = report["locust"]
    lines = [
        f"**Run:** {a['minutes']:g} min, {a['users']} simulated people "
        f"(visitors 5 : citizens 4 : employees 1, 1–4 s between actions), "
        f"gunicorn {a['workers']} sync workers + 1 task worker, "
        f"`--scale {a['scale']}` data in `/{a['slug']}/`"
        + (", PostgreSQL restarted at half time" if a["restart"] else "")
        + (
            "; PostgreSQL with fsync and synchronous_commit on"
            if report["durable"]
            else "; PostgreSQL without fsync (as scripts/with-postgres starts it)"
        )
        + "; "
        f"load average {report['load_average']['mean']} (max "
        f"{report['load_average']['max']}), CPU {report['cpu_busy_percent_mean']} % "
        f"busy; {report['machine']}. Raw: `{run_dir.relative_to(ROOT)}/`.",
        "",
        "| requests | req/s | failures | p50 ms | p95 ms | p99 ms | max ms | server errors (5xx but our 503) |",
        "|---|---|---|---|---|---|---|---|",
        f"| {f['requests']} | {f['rps']:.1f} | {f['failures']} | {f['p50']} | "
        f"{f['p95']} | {f['p99']} | {f['max']} | {report['server_errors']} |",
        "",
    ]
    if f["failure_messages"]:
        lines.append(
            "Failures: "
            + "; ".join(f"{n} × {m}" for m, n in f["failure_messages"].items())
        )
        lines.append("")
    lines += [
        "| write | confirmed | uncertain | refused | expected | found | exact | note |",
        "|---|---|---|---|---|---|---|---|",
    ]
    for r in report["checks"]:
        lines.append(
            f"| {r['what']} | {r['confirmed']} | {r['uncertain']} | {r['refused']} | "
            f"{r['expected']} | {r['found']} | {r['exact']} | {r['note']} |"
        )
    if report["restart"]:
        r = report["restart"]
        lines += [
            "",
            f"Restart: `pg_ctl restart -m fast` took {r['pg_ctl_seconds']} s; "
            f"/healthz (asked every 0.1 s) failed {r['failed_probes']} times "
            f"({r['failed_statuses']}), first {r['first_failure_after_restart_s']} s "
            f"after the restart began; healthy again "
            f"{r['healthy_again_after_pg_up_s']} s after pg_ctl reported the server up (site "
            f"outage {r['site_outage_s']} s); last failed user request "
            f"{r.get('last_user_failure_after_pg_up_s')} s after that (0: none later)."
            + (f" Error: {r['error']}" if r["error"] else ""),
        ]
    lines += [
        "",
        "| endpoint | requests | failures | p50 ms | p95 ms |",
        "|---|---|---|---|---|",
    ]
    for e in sorted(f["by_endpoint"], key=lambda e: -e["requests"]):
        lines.append(
            f"| {e['method']} {e['name']} | {e['requests']} | {e['failures']} | "
            f"{e['p50']} | {e['p95']} |"
        )
    lines.append("")
    restarts = report["task_worker_restarts"]
    lines.append(
        f"Status codes (gunicorn access log): {report['access_statuses']}. "
        f"Background tasks queued during the run, by state afterwards: "
        f"{report['tasks']}. The task worker stopped {len(restarts)} times"
        + (
            " (at "
            + ", ".join(f"{r['after_s']} s, exit {r['exit']}" for r in restarts)
            + ") and was started again 5 s later"
            if restarts
            else ""
        )
        + "."
    )
    return "\n".join(lines)


if __name__ == "__main__":
    sys.exit(main())
