"""Fælles under load: anonymous visitors, citizens and employees at once.

Run by bench/bench_load.py, which seeds the data, writes the plan this file reads
(``FAELLES_LOAD_PLAN``: the municipality, seeded accounts and the objects to use)
and afterwards checks every write journalled here against the database. By hand:

    FAELLES_LOAD_PLAN=plan.json FAELLES_LOAD_JOURNAL=journal.jsonl \\
        locust -f bench/load/locustfile.py --headless -H http://127.0.0.1:8000 \\
        -u 60 -r 2 -t 10m

Every write is what a person does in a browser: open the page, take the form
(with its CSRF token) from it, send it, follow the redirect and read the message
on the page that follows. Each write is journalled (``FAELLES_LOAD_JOURNAL``, one
JSON object a line) as

* ``confirmed`` — the page after the redirect showed the success message: the
  person was told it is saved, so it must be in the database;
* ``refused`` — the site said no (a validation message, a 4xx): nothing saved;
* ``uncertain`` — no answer the person could read as either: a 503 while the
  database was away, a dropped connection. The action may or may not be saved
  (a 503 that comes after the commit, when the page that follows fails).

A 503 must carry our page and Retry-After; any other 5xx is a server error,
which the driver requires to be 0. Every 5xx and dropped connection is also
journalled (``kind: failure``) with its time, for the recovery figures.
"""

from __future__ import annotations

import copy
import itertools
import json
import os
import random
import re
import sys
import threading
import time
import uuid
from pathlib import Path

from locust import HttpUser, between, task

sys.path.insert(0, str(Path(__file__).resolve().parent))
from forms import (  # noqa: E402
    UNAVAILABLE_PAGE,
    fill_login,
    fill_need,
    fill_pledge,
    fill_vote,
    find_form,
    said,
    unchanged,
)
from routes import route  # noqa: E402

PLAN: dict | None = None
if os.environ.get("FAELLES_LOAD_PLAN"):
    PLAN = json.loads(Path(os.environ["FAELLES_LOAD_PLAN"]).read_text())

_lock = threading.Lock()
_journal_file = None
_handed_out: dict[str, itertools.cycle] = {}


def journal(**entry: object) -> None:
    global _journal_file
    path = os.environ.get("FAELLES_LOAD_JOURNAL")
    if not path:
        return
    entry["t"] = round(time.time(), 3)
    with _lock:
        if _journal_file is None:
            _journal_file = open(path, "a", encoding="utf-8")  # noqa: SIM115
        _journal_file.write(json.dumps(entry, ensure_ascii=False) + "\n")
        _journal_file.flush()


def next_account(kind: str) -> dict:
    """Each simulated person gets an account of its own (in turn)."""
    with _lock:
        if kind not in _handed_out:
            _handed_out[kind] = itertools.cycle(PLAN[kind])
        return copy.deepcopy(next(_handed_out[kind]))


class FaellesUser(HttpUser):
    abstract = True
    wait_time = between(1, 4)

    def on_start(self) -> None:
        if PLAN is None:
            raise RuntimeError("FAELLES_LOAD_PLAN is not set (see bench/bench_load.py)")
        self.slug = PLAN["slug"]
        self.client.headers["Accept-Language"] = "da"

    def _request(self, method: str, name: str, url: str, **kwargs):
        """One request (redirects followed); returns (response or None, outcome):
        ``ok``, ``client`` (4xx), ``unavailable`` (our 503), ``server_error``
        (any other 5xx) or ``no_answer`` (the connection failed)."""
        with self.client.request(
            method, url, name=name, catch_response=True, **kwargs
        ) as response:
            status = response.status_code
            if status == 0:
                response.failure(f"no answer: {response.error}")
                journal(kind="failure", outcome="no_answer", name=name, status=0)
                return None, "no_answer"
            if status >= 500:
                journal(kind="failure", name=name, status=status)
            if status == 503:
                if UNAVAILABLE_PAGE in response.text and response.headers.get(
                    "Retry-After"
                ):
                    response.failure("503 database unavailable (our page)")
                    return response, "unavailable"
                response.failure("503 without our page")
                return response, "server_error"
            if status >= 500:
                response.failure(f"server error {status}")
                return response, "server_error"
            response.success()  # a 4xx is an answer the person can read
            return response, "client" if status >= 400 else "ok"

    def get(self, name: str, **kwargs: object):
        return self._request("GET", name, route(name, slug=self.slug, **kwargs))

    def browse(self) -> None:
        pick, sample = random.choice, PLAN["browse"]
        name, kwargs = pick(
            [
                ("municipalities:home", {}),
                ("initiatives:list", {}),
                ("initiatives:detail", {"pk": pick(sample["initiatives"])}),
                ("events:list", {}),
                ("events:detail", {"pk": pick(sample["events"])}),
                ("communities:list", {}),
                ("communities:detail", {"pk": pick(sample["communities"])}),
                ("movements:list", {}),
                ("movements:detail", {"pk": pick(sample["movements"])}),
                ("budgeting:list", {}),
                ("budgeting:detail", {"pk": PLAN["round"]}),
                ("resources:list", {}),
                ("resources:detail", {"pk": pick(sample["listings"])}),
            ]
        )
        self.get(name, **kwargs)


class Visitor(FaellesUser):
    """Not logged in: reads the public pages (served from the page cache)."""

    weight = 5

    @task(10)
    def read(self) -> None:
        self.browse()

    @task(1)
    def front_page(self) -> None:
        self._request("GET", "home", route("home"))


class Citizen(FaellesUser):
    """Logged in with a seeded account; writes go through the real forms."""

    weight = 4
    kind = "citizens"

    def on_start(self) -> None:
        super().on_start()
        self.account = next_account(self.kind)
        self.logged_in = False
        self.login()

    def login(self) -> bool:
        url = route("account_login")
        response, outcome = self._request("GET", "account_login", url)
        form = find_form(response.text, url) if outcome == "ok" else None
        if form is None:
            return False
        data = fill_login(form, email=self.account["email"], password=PLAN["password"])
        response, outcome = self._request("POST", "account_login", url, data=data)
        self.logged_in = outcome == "ok" and (
            find_form(response.text, route("account_logout")) is not None
        )
        return self.logged_in

    def write(self, kind, *, page, action, fill=unchanged, target=None, detail=None):
        """Open ``page``, send its form for ``action`` (as ``fill`` changes it),
        read the answer and journal it."""
        if not self.logged_in and not self.login():
            return
        response, outcome = self.get(page[0], **page[1])
        if outcome != "ok":
            return
        url = route(action[0], slug=self.slug, **action[1])
        form = find_form(response.text, url, route(page[0], slug=self.slug, **page[1]))
        data = fill(form) if form is not None else None
        if data is None:
            return
        sent = time.time()
        response, outcome = self._request("POST", action[0], url, data=data)
        result = None
        if outcome == "ok":
            if said(kind, response.text):
                result = kind
            elif kind == "support" and said("unsupport", response.text):
                result = "unsupport"
            found = re.search(r"/ressourcer/(\d+)/$", response.url or "")
            if found and result == "need":
                detail = {"listing": int(found.group(1))}
        state = (
            "confirmed"
            if result
            else "refused"
            if outcome in ("ok", "client")
            else "uncertain"
        )
        journal(
            kind=kind,
            state=state,
            result=result,
            outcome=outcome,
            status=getattr(response, "status_code", 0),
            user=self.account["email"],
            target=target,
            detail=detail,
            sent=round(sent, 3),
        )

    @task(6)
    def read(self) -> None:
        self.browse()

    @task(3)
    def sign_up(self) -> None:
        if not self.account["events"]:
            return self.browse()
        event = self.account["events"].pop()
        self.write(
            "signup",
            page=("events:detail", {"pk": event}),
            action=("events:signup", {"pk": event}),
            target=event,
        )

    @task(3)
    def support(self) -> None:
        if not self.account["initiatives"]:
            return self.browse()
        initiative = self.account["initiatives"].pop()
        self.write(
            "support",
            page=("initiatives:detail", {"pk": initiative}),
            action=("initiatives:support", {"pk": initiative}),
            target=initiative,
        )

    @task(2)
    def pledge(self) -> None:
        if not self.account["movements"]:
            return self.browse()
        movement = random.choice(self.account["movements"])
        amount = random.randint(1, 25)
        self.write(
            "pledge",
            page=("movements:detail", {"pk": movement}),
            action=("movements:pledge", {"pk": movement}),
            fill=lambda form: fill_pledge(form, amount=amount),
            target=movement,
            detail={"amount": amount},
        )

    @task(2)
    def vote(self) -> None:
        here = ("budgeting:ballot", {"pk": PLAN["round"]})
        self.write(
            "vote",
            page=here,
            action=here,
            fill=lambda form: fill_vote(
                form,
                projects=random.randint(1, 3),
                birth_year=random.randint(1940, 2005),
                postcode=PLAN["postcode"],
                rng=random,
            ),
            target=PLAN["round"],
        )

    @task(1)
    def post_need(self) -> None:
        title = f"{PLAN['marker']} {uuid.uuid4().hex[:12]}"
        here = ("resources:create_need", {})
        self.write(
            "need",
            page=here,
            action=here,
            fill=lambda form: fill_need(form, title=title, postcode=PLAN["postcode"]),
            target=title,
        )


class Employee(Citizen):
    """A municipal employee: the staff work lists, posting needs (twice as often
    as a citizen), and what a citizen does (employees are residents too)."""

    weight = 1
    kind = "employees"

    @task(4)
    def staff_pages(self) -> None:
        if self.logged_in or self.login():
            self.get(random.choice(["initiatives:worklist", "resources:queue"]))

    @task(2)
    def post_more_needs(self) -> None:
        self.post_need()
