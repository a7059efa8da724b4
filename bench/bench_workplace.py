"""The employees' side at the issue's ``large`` scale: "Mit arbejde", the
cross-department teams and the leaders' page, with 10,000 employees in 300
units (12 departments and the 288 units ``seed`` of the pulse adds under them),
8 closed pulse rounds, 2,000 teams (``seed`` of teams) and two to four goals a
unit (``seed`` of leadership).

    PYTHONPATH=. .venv/bin/python bench/bench_workplace.py --requests 200
    scripts/with-postgres .venv/bin/python bench/bench_workplace.py --requests 200

Times the pages as an ordinary employee who is in several teams and leads one
with an open call, as the leader of one of the 12 departments (and its 24 or
so units), and as an administrator (who sees every unit on the leaders' page):
p50 / p95 wall time, p50 CPU time of this process and the SQL queries per
request (the bar: p95 ≤ 50 ms). One of the employee's active teams is made
big — 40 members from as many units, 500 messages, 60 tasks and 10 colleagues
waiting for an answer — so the team's page shows what a long-lived team costs.
Without DATABASE_URL it uses a throw-away SQLite file (set DATABASE_URL to a
``sqlite:///…`` file to keep the seeded data between runs).
"""

from __future__ import annotations

import argparse
import datetime
import os
import random
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "faelles.settings.test")
os.environ.setdefault("DJANGO_ALLOW_ASYNC_UNSAFE", "true")
if not os.environ.get("DATABASE_URL"):
    _tmp = Path(tempfile.mkdtemp(prefix="faelles-bench-workplace-"))
    os.environ["DATABASE_URL"] = f"sqlite:///{_tmp / 'bench.sqlite3'}"

from bench.bench_competences import _Bar  # noqa: E402
from bench.bench_pages import machine, measure, settle  # noqa: E402

SLUG = "bench-workplace"
TOPS = 12
BIG = {"members": 40, "posts": 500, "tasks": 60, "volunteers": 10}


def _seed(municipality) -> None:
    """Departments, then the pulse's units, employees and rounds, the teams and
    the goals, in the order their prerequisites need; a leader and an
    administrator; one big team for the employee chosen by :func:`_people`."""
    from django.contrib.auth.hashers import make_password

    from faelles.accounts.models import Membership, User
    from faelles.leadership import demo as leadership_demo
    from faelles.organisations.models import Organisation
    from faelles.pulse import demo as pulse_demo
    from faelles.teams import demo as teams_demo

    # "seed-" slugs: leadership's seed sets goals only for seeded departments;
    # the pulse's seed adds the units (seed-enhed-N) and the employees.
    Organisation.objects.bulk_create(
        Organisation(
            municipality=municipality,
            kind=Organisation.Kind.DEPARTMENT,
            name=f"Afdeling {i + 1}",
            slug=f"seed-afdeling-{i}",
        )
        for i in range(TOPS)
    )
    for label, module in [
        ("pulse", pulse_demo),
        ("teams", teams_demo),
        ("leadership", leadership_demo),
    ]:
        module.seed(
            municipality=municipality,
            scale="large",
            rng=random.Random(f"1:{label}"),
            progress=_Bar,
        )
    admin = User.objects.create(
        email=f"admin@{SLUG}.example",
        display_name="Administrator",
        password=make_password(None),
    )
    Membership.objects.create(
        municipality=municipality, user=admin, is_administrator=True
    )
    # The leader of the first department: one of its employees.
    top = Organisation.objects.get(municipality=municipality, slug="seed-afdeling-0")
    leader = (
        Membership.objects.filter(municipality=municipality, department=top)
        .order_by("id")
        .first()
    )
    assert leader is not None, "the pulse's seed gives every department employees"
    leader.is_leader = True
    leader.job_title = "Afdelingschef"
    leader.save(update_fields=["is_leader", "job_title"])
    _big_team(municipality, *_people(municipality)[::2])


def _people(municipality):
    """(the employee, the leader, the employee's team): the employee is in
    the most teams that are not closed among those who lead one with an open
    call and are not leaders; the team is the first active one they are in."""
    from django.db.models import Count, Q

    from faelles.accounts.models import Membership
    from faelles.teams.models import State, Team, TeamMember

    leading = set(
        Team.objects.filter(municipality=municipality, call_open=True)
        .exclude(state=State.CLOSED)
        .values_list("leader_id", flat=True)
    )
    counts = (
        TeamMember.objects.filter(team__municipality=municipality, user_id__in=leading)
        .exclude(team__state=State.CLOSED)
        .values("user_id")
        .annotate(
            n=Count("id"),
            active=Count("id", filter=Q(team__state=State.ACTIVE)),
        )
        .filter(active__gt=0)
        .order_by("-n", "user_id")
    )
    not_leaders = set(
        Membership.objects.filter(
            municipality=municipality, is_leader=False, is_employee=True
        ).values_list("user_id", flat=True)
    )
    employee_id = next(
        row["user_id"] for row in counts if row["user_id"] in not_leaders
    )
    employee = Membership.objects.get(
        municipality=municipality, user_id=employee_id
    ).user
    leader = Membership.objects.get(municipality=municipality, is_leader=True).user
    team = (
        Team.objects.filter(
            municipality=municipality, state=State.ACTIVE, members__user=employee
        )
        .order_by("id")
        .first()
    )
    return employee, leader, team


def _big_team(municipality, employee, team) -> None:
    from django.utils import timezone

    from faelles.accounts.models import Membership
    from faelles.teams import demo as teams_demo
    from faelles.teams.models import Post, Task, TeamMember, Volunteer

    rng = random.Random(2)
    now = timezone.now().replace(microsecond=0)
    today = timezone.localdate()
    inside = set(team.members.values_list("user_id", flat=True))
    staff = list(
        Membership.objects.filter(
            municipality=municipality, is_employee=True, is_leader=False
        )
        .exclude(user_id__in=inside)
        .order_by("id")
        .values_list("user_id", "department_id")
    )
    chosen = rng.sample(staff, BIG["members"] - len(inside) + BIG["volunteers"])
    joining, waiting = chosen[: BIG["members"] - len(inside)], chosen[-10:]
    TeamMember.objects.bulk_create(
        TeamMember(team=team, user_id=uid, department_id=dep, joined_at=now)
        for uid, dep in joining
    )
    members = [*inside, *(uid for uid, _ in joining)]
    Post.objects.bulk_create(
        Post(
            team=team,
            author_id=members[k % len(members)],
            body=teams_demo.SEED_POSTS[k % len(teams_demo.SEED_POSTS)],
            created_at=now - datetime.timedelta(hours=k),
        )
        for k in range(BIG["posts"])
    )
    Task.objects.bulk_create(
        Task(
            municipality=municipality,
            team=team,
            title=teams_demo.SEED_TASKS[k % len(teams_demo.SEED_TASKS)],
            owner_id=employee.pk if k % 4 == 0 else members[k % len(members)],
            due=today + datetime.timedelta(days=k - 20),
            done=k % 3 == 0,
            done_at=now if k % 3 == 0 else None,
            created_at=now,
        )
        for k in range(BIG["tasks"])
    )
    Volunteer.objects.bulk_create(
        Volunteer(
            team=team, user_id=uid, motivation="Jeg vil gerne være med.", created_at=now
        )
        for uid, _ in waiting
    )
    team.leader_id = employee.pk
    team.call_open = True
    team.save(update_fields=["leader", "call_open"])


class _Cold:
    """A client whose menu count is never cached: what the first request of a
    person (or the first after a minute) costs."""

    def __init__(self, client, key: str):
        self.client, self.key = client, key

    def get(self, path):
        from django.core.cache import cache

        cache.delete(self.key)
        return self.client.get(path)


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--requests", type=int, default=100)
    args = parser.parse_args()

    import django

    django.setup()
    from django.conf import settings
    from django.core.management import call_command
    from django.db import connection
    from django.test import Client

    settings.ALLOWED_HOSTS = ["testserver"]
    call_command("migrate", verbosity=0)

    from faelles.accounts.models import Membership
    from faelles.leadership.models import CheckIn, Goal
    from faelles.municipalities.models import Municipality
    from faelles.municipalities.services import municipality_create
    from faelles.organisations.models import Organisation
    from faelles.pulse.models import Round
    from faelles.teams.models import Post, Task, Team, TeamMember
    from faelles.workplace import selectors as workplace_selectors

    municipality = Municipality.objects.filter(slug=SLUG).first()
    seeded = None
    if municipality is None:
        municipality = municipality_create(
            slug=SLUG, name="Bench Kommune", programme_name="Bench"
        )
        start = time.monotonic()
        _seed(municipality)
        seeded = time.monotonic() - start
    settle(connection)

    employee, leader, team = _people(municipality)
    admin = Membership.objects.get(
        municipality=municipality, is_administrator=True
    ).user
    leader_department = Membership.objects.get(
        municipality=municipality, user=leader
    ).department
    assert leader_department is not None
    unit = Organisation.objects.filter(parent=leader_department).order_by("id").first()
    goal = (
        Goal.objects.filter(municipality=municipality, department=unit)
        .order_by("id")
        .first()
    )
    assert unit is not None and goal is not None, "seeded units have goals"
    as_employee, as_leader, as_admin = Client(), Client(), Client()
    as_employee.force_login(employee)
    as_leader.force_login(leader)
    as_admin.force_login(admin)
    cold_count = _Cold(
        as_employee, workplace_selectors._count_key(employee, municipality)
    )
    base = f"/{SLUG}/"
    rows = []
    for label, client, path in [
        ("employee: Mit arbejde", as_employee, "arbejde/"),
        ("employee: staff-only spaces", as_employee, "arbejde/internt/"),
        ("employee: menu count (cached)", as_employee, "arbejde/antal/"),
        ("employee: menu count (not cached)", cold_count, "arbejde/antal/"),
        ("employee: teams", as_employee, "teams/"),
        ("employee: the big team (member, leads it)", as_employee, f"teams/{team.pk}/"),
        ("employee: a goal", as_employee, f"leder/maal/{goal.pk}/"),
        ("leader: Mit arbejde", as_leader, "arbejde/"),
        ("leader: leaders' page (department + units)", as_leader, "leder/"),
        ("leader: leaders' page, one unit", as_leader, f"leder/?enhed={unit.pk}"),
        ("leader: a goal (may follow up)", as_leader, f"leder/maal/{goal.pk}/"),
        (
            "leader: new goal for the department",
            as_leader,
            f"leder/maal/nyt/?enhed={leader_department.pk}",
        ),
        ("leader: change a goal", as_leader, f"leder/maal/{goal.pk}/rediger/"),
        ("leader: the big team (not a member)", as_leader, f"teams/{team.pk}/"),
        ("administrator: leaders' page (every unit)", as_admin, "leder/"),
    ]:
        p50, p95, cpu, queries = measure(client, base + path, args.requests)
        rows.append((label, path, p50, p95, cpu, queries))

    units = Organisation.objects.filter(
        municipality=municipality, kind=Organisation.Kind.DEPARTMENT
    ).count()
    employees = Membership.objects.filter(
        municipality=municipality, is_employee=True
    ).count()
    teams = Team.objects.filter(municipality=municipality)
    mine = (
        TeamMember.objects.filter(user=employee).exclude(team__state="closed").count()
    )
    load = os.getloadavg()
    print(f"# workplace, teams, leaders ({connection.vendor}, {machine()})")
    print(f"load average {load[0]:.1f} {load[1]:.1f} {load[2]:.1f}")
    print(
        f"{employees} employees in {units} units; "
        f"{Round.objects.filter(municipality=municipality).count()} pulse rounds; "
        f"{teams.count()} teams ({teams.exclude(state='closed').count()} not closed), "
        f"{TeamMember.objects.filter(team__municipality=municipality).count()} "
        f"members, {Task.objects.filter(municipality=municipality).count()} tasks, "
        f"{Post.objects.filter(team__municipality=municipality).count()} messages; "
        f"{Goal.objects.filter(municipality=municipality).count()} goals, "
        f"{CheckIn.objects.filter(goal__municipality=municipality).count()} "
        "check-ins",
        end="",
    )
    print(f"; seeded in {seeded:.0f} s" if seeded else "")
    print(
        f"The employee is in {mine} teams that are not closed; the leader leads "
        f"{Organisation.objects.filter(parent=leader_department).count() + 1} "
        f"departments. {args.requests} requests per page after one warm-up.\n"
    )
    print("| page | path | p50 ms | p95 ms | p50 CPU ms | queries |")
    print("|---|---|---|---|---|---|")
    for label, path, p50, p95, cpu, queries in rows:
        print(f"| {label} | `{path}` | {p50:.1f} | {p95:.1f} | {cpu:.1f} | {queries} |")


if __name__ == "__main__":
    main()
