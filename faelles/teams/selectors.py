"""Reads of cross-department teams, always within one municipality."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from django.db.models import Count, Exists, OuterRef, Q, QuerySet

from faelles.municipalities.models import Municipality
from faelles.organisations.selectors import department_rows, in_departments

from .models import State, Task, Team, TeamMember, Volunteer, VolunteerStatus

TEAMS = Team.objects.select_related("department", "leader")
TEAM_PAGE = TEAMS.select_related("initiative", "follow_up")


def with_counts(
    teams: list[Team], *, departments: set[int] | None = None
) -> list[Team]:
    """Set ``member_count`` and ``department_count`` on each team — and, with
    ``departments``, ``unit_members``: how many members come from those — in
    one query over the members of these teams alone.

    Counting in the query that picks the teams (``annotate(Count(...))``) made
    the database join and group the members of every team in the municipality
    before it could sort and take the first rows: 30 ms for the list and the
    leaders' page at 2,000 teams. Here it counts the members of the rows shown.
    """
    if not teams:
        return teams
    rows = (
        TeamMember.objects.filter(team_id__in=[t.pk for t in teams])
        .values_list("team_id", "department_id")
        .annotate(n=Count("id"))
        .order_by()
    )
    members: dict[int, int] = {}
    units: dict[int, set[int]] = {}
    chosen: dict[int, int] = {}
    for team_id, department_id, n in rows:
        members[team_id] = members.get(team_id, 0) + n
        if department_id is not None:
            units.setdefault(team_id, set()).add(department_id)
            if departments is not None and department_id in departments:
                chosen[team_id] = chosen.get(team_id, 0) + n
    for t in teams:
        t.member_count = members.get(t.pk, 0)  # type: ignore[attr-defined]
        t.department_count = len(units.get(t.pk, ()))  # type: ignore[attr-defined]
        if departments is not None:
            t.unit_members = chosen.get(t.pk, 0)  # type: ignore[attr-defined]
    return teams


def teams(*, municipality: Municipality, state: str | None = None) -> QuerySet[Team]:
    """Teams, open calls and the nearest end date first; closed teams newest
    first. Take a slice and count its members with :func:`with_counts`."""
    qs = TEAMS.filter(municipality=municipality)
    if state == State.CLOSED:
        return qs.filter(state=State.CLOSED).order_by("-closed_at", "-id")
    if state is not None:
        return qs.filter(state=state)
    return qs.exclude(state=State.CLOSED).order_by("-call_open", "end_date", "id")


def sliced(queryset: QuerySet[Team], start: int, stop: int) -> list[Team]:
    """``queryset[start:stop]`` with each team's department and leader.

    The ids are sorted and sliced in the teams table alone, then fetched with
    their joins by id: asked in one query, PostgreSQL joined every account of
    the database to every team before it sorted them and took the first rows
    (9–13 ms at 2,000 teams and 20,000 accounts)."""
    ids = list(queryset.values_list("pk", flat=True)[start:stop])
    by_id = TEAMS.order_by().in_bulk(ids)
    return [by_id[pk] for pk in ids if pk in by_id]


def teams_page(
    *, municipality: Municipality, page: int, per_page: int
) -> tuple[list[Team], bool]:
    """One page of the teams that are not closed (page 1 first), with their
    members counted, and whether there is a next page."""
    start = (page - 1) * per_page
    rows = sliced(teams(municipality=municipality), start, start + per_page + 1)
    return with_counts(rows[:per_page]), len(rows) > per_page


def my_teams(*, municipality: Municipality, user: Any) -> QuerySet[Team]:
    """The teams the person is a member of that are not closed, the nearest
    end date first."""
    return (
        teams(municipality=municipality)
        .filter(members__user=user)
        .order_by("end_date", "id")
    )


def my_teams_page(
    *, municipality: Municipality, user: Any, page: int, per_page: int
) -> Shown:
    """One page of :func:`my_teams`, and how many there are: the title, state
    and end date a row shows, without the joins (one query)."""
    start, end = _window(page, per_page)
    found = my_teams(municipality=municipality, user=user).select_related(None)
    rows = list(found[start:end])
    total = _total(rows, page, per_page, found.count)
    return Shown(rows[:per_page], page, per_page, len(rows) > per_page, total)


# What the team's page shows of a person (``str(user)``): reading the user's
# other columns and building them took as long as the rest of a member's row.
NAME = ("display_name", "email")


def _names(*relations: str) -> list[str]:
    return [f"{relation}__{field}" for relation in relations for field in NAME]


def members(*, team: Team) -> list[TeamMember]:
    """The members, who joined first first, with their names and the
    departments they came from."""
    return list(
        TeamMember.objects.filter(team=team)
        .select_related("user", "department")
        .only("team_id", "joined_at", "department__name", *_names("user"))
        .order_by("joined_at", "id")
    )


def department_count(members: list[TeamMember]) -> int:
    return len({m.department_id for m in members if m.department_id})


def waiting_page(*, team: Team, page: int, per_page: int) -> Shown:
    """The colleagues waiting for the leader's answer, the longest waiting
    first, a page at a time, and how many wait."""
    start, end = _window(page, per_page)
    waiting = Volunteer.objects.filter(team=team, status=VolunteerStatus.PENDING)
    rows = list(waiting.select_related("user").order_by("created_at", "id")[start:end])
    total = _total(rows, page, per_page, waiting.count)
    return Shown(rows[:per_page], page, per_page, len(rows) > per_page, total)


def own_offer(*, team: Team, user: Any) -> Volunteer | None:
    if not getattr(user, "is_authenticated", False):
        return None
    return Volunteer.objects.filter(team=team, user=user).first()


def open_tasks_owned(*, municipality: Municipality, user: Any) -> QuerySet[Task]:
    """Open tasks the person owns in teams that are not closed, the earliest
    due date (so the overdue) first."""
    return (
        Task.objects.filter(municipality=municipality, owner=user, done=False)
        .exclude(team__state=State.CLOSED)
        .select_related("team")
        .order_by("due", "id")
    )


def volunteers_waiting_for(
    *, municipality: Municipality, user: Any
) -> QuerySet[Volunteer]:
    """Volunteers waiting for an answer on the teams the person leads."""
    return (
        Volunteer.objects.filter(
            team__municipality=municipality,
            team__leader=user,
            status=VolunteerStatus.PENDING,
        )
        .exclude(team__state=State.CLOSED)
        .select_related("team", "user")
        .order_by("created_at", "id")
    )


def teams_of_departments(
    *, municipality: Municipality, departments: set[int], limit: int
) -> list[Team]:
    """Teams not closed that are owned by one of ``departments`` or have a
    member from one, with the members from those departments counted
    (``unit_members``)."""
    # Every department (an administrator's page): a subquery, not 300 ids
    # sent twice.
    chosen = in_departments(municipality, departments)
    from_units = TeamMember.objects.filter(
        team=OuterRef("pk"), department_id__in=chosen
    )
    # What a row shows, read in the teams table alone (PostgreSQL joined every
    # account before sorting when the leader came along); the departments'
    # names from the page's one read of the departments.
    found = list(
        Team.objects.filter(municipality=municipality)
        .exclude(state=State.CLOSED)
        .filter(Q(department_id__in=chosen) | Exists(from_units))
        .only("municipality_id", "title", "state", "end_date", "department_id")
        .order_by("end_date", "id")[:limit]
    )
    names = {pk: name for pk, _parent, name, _slug in department_rows(municipality)}
    for team in found:
        team.department_name = names.get(team.department_id, "")  # type: ignore[attr-defined]
    return with_counts(found, departments=departments)


def shared_evaluations(*, municipality: Municipality, limit: int = 30) -> list[Team]:
    """Closed teams whose evaluation was shared to the learning library."""
    return with_counts(
        list(
            TEAMS.filter(
                municipality=municipality, evaluation_shared_at__isnull=False
            ).order_by("-evaluation_shared_at", "-id")[:limit]
        )
    )


@dataclass(frozen=True)
class Shown:
    """One page of a list in the team's space (page 1 the newest): its rows,
    whether an older page follows and, where the page says how many there
    are, the total (``None`` where it does not)."""

    rows: list[Any]
    page: int
    per_page: int
    more: bool
    total: int | None = None

    @property
    def newer(self) -> int | None:
        """The page before, ``None`` for the first (a link without the
        parameter)."""
        return self.page - 1 if self.page > 2 else None

    @property
    def older(self) -> int | None:
        return self.page + 1 if self.more else None

    @property
    def first(self) -> int:
        return (self.page - 1) * self.per_page + 1

    @property
    def last(self) -> int:
        return (self.page - 1) * self.per_page + len(self.rows)

    @property
    def paged(self) -> bool:
        """Whether the page needs its links: there is more than one page, or
        someone asked for a page past the end."""
        return self.page > 1 or self.more


def _window(page: int, per_page: int) -> tuple[int, int]:
    """The offset of ``page`` and the end of a read one row longer (whether
    there is a next page)."""
    start = (page - 1) * per_page
    return start, start + per_page + 1


def _total(shown: list[Any], page: int, per_page: int, count) -> int:
    """The number of rows: known from the page itself when it is the first
    and not full, otherwise counted (one query)."""
    if page == 1 and len(shown) <= per_page:
        return len(shown)
    return count()


def posts_page(*, team: Team, page: int, per_page: int) -> Shown:
    """The team's messages, newest first, a page at a time."""
    start, end = _window(page, per_page)
    rows = list(
        team.posts.select_related("author")
        .only("team_id", "body", "created_at", *_names("author"))
        .order_by("-created_at", "-id")[start:end]
    )
    return Shown(rows[:per_page], page, per_page, len(rows) > per_page)


def files_page(*, team: Team, page: int, per_page: int) -> Shown:
    """The team's files, newest first, a page at a time, and how many there
    are."""
    start, end = _window(page, per_page)
    rows = list(
        team.files.select_related("uploaded_by").order_by("-created_at", "-id")[
            start:end
        ]
    )
    total = _total(rows, page, per_page, team.files.count)
    return Shown(rows[:per_page], page, per_page, len(rows) > per_page, total)


def tasks_page(*, team: Team, page: int, per_page: int) -> tuple[list[Task], Shown]:
    """(every open task, the earliest due first; one page of the done tasks,
    the latest done first, and how many are done) in one query — and a second
    that counts the done tasks when they fill more than the first page.

    The open tasks are the team's work and are all shown; the done ones grow
    with the team's history."""
    start, end = _window(page, per_page)
    done_ids = (
        Task.objects.filter(team=team, done=True)
        .order_by("-done_at", "-id")
        .values("id")[start:end]
    )
    rows = list(
        Task.objects.filter(team=team)
        .filter(Q(done=False) | Q(id__in=done_ids))
        .select_related("owner")
        .only("team_id", "title", "due", "done", "done_at", *_names("owner"))
        .order_by("done", "due", "id")
    )
    open_tasks = [t for t in rows if not t.done]
    done = sorted(
        (t for t in rows if t.done), key=lambda t: (t.done_at, t.pk), reverse=True
    )
    total = _total(
        done,
        page,
        per_page,
        Task.objects.filter(team=team, done=True).count,
    )
    return open_tasks, Shown(
        done[:per_page], page, per_page, len(done) > per_page, total
    )


def space(
    *,
    team: Team,
    posts_at: int = 1,
    done_at: int = 1,
    files_at: int = 1,
    posts: int = 20,
    done: int = 10,
    files: int = 10,
) -> dict[str, Any]:
    """The team's space: a page of the messages (the newest first), every open
    task and a page of the done ones, a page of the files — each bounded
    whatever the team's history (``*_at``: the page asked for)."""
    open_tasks, done_tasks = tasks_page(team=team, page=done_at, per_page=done)
    return {
        "posts": posts_page(team=team, page=posts_at, per_page=posts),
        "tasks": [*open_tasks, *done_tasks.rows],
        "open_tasks": open_tasks,
        "done_tasks": done_tasks,
        "files": files_page(team=team, page=files_at, per_page=files),
    }
