"""Reads of cross-department teams, always within one municipality."""

from __future__ import annotations

from typing import Any

from django.db.models import Count, Exists, OuterRef, Q, QuerySet

from faelles.municipalities.models import Municipality

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


def teams_page(
    *, municipality: Municipality, page: int, per_page: int
) -> tuple[list[Team], bool]:
    """One page of the teams that are not closed (page 1 first), with their
    members counted, and whether there is a next page."""
    start = (page - 1) * per_page
    rows = list(teams(municipality=municipality)[start : start + per_page + 1])
    return with_counts(rows[:per_page]), len(rows) > per_page


def my_teams(*, municipality: Municipality, user: Any) -> QuerySet[Team]:
    return (
        teams(municipality=municipality)
        .filter(members__user=user)
        .order_by("end_date", "id")
    )


def members(*, team: Team) -> list[TeamMember]:
    return list(
        TeamMember.objects.filter(team=team)
        .select_related("user", "department")
        .order_by("joined_at", "id")
    )


def department_count(members: list[TeamMember]) -> int:
    return len({m.department_id for m in members if m.department_id})


def waiting_volunteers(*, team: Team) -> list[Volunteer]:
    return list(
        Volunteer.objects.filter(team=team, status=VolunteerStatus.PENDING)
        .select_related("user")
        .order_by("created_at", "id")
    )


def own_offer(*, team: Team, user: Any) -> Volunteer | None:
    if not getattr(user, "is_authenticated", False):
        return None
    return Volunteer.objects.filter(team=team, user=user).first()


def tasks(*, team: Team) -> list[Task]:
    return list(Task.objects.filter(team=team).select_related("owner"))


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
    from_units = TeamMember.objects.filter(
        team=OuterRef("pk"), department_id__in=departments
    )
    found = list(
        TEAMS.filter(municipality=municipality)
        .exclude(state=State.CLOSED)
        .filter(Q(department_id__in=departments) | Exists(from_units))
        .order_by("end_date", "id")[:limit]
    )
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


def space(*, team: Team, posts: int = 50) -> dict[str, Any]:
    """The team's space: the newest messages, the files and the tasks."""
    return {
        "posts": list(team.posts.select_related("author")[:posts]),
        "files": list(team.files.select_related("uploaded_by")),
        "tasks": tasks(team=team),
    }
