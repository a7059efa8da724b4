"""A person's own data in cross-department teams.

Exported: the teams the person is a member of (with the department they came
from), every offer they made to an open call with its answer, every message
they wrote in a team's space, the tasks they own and the files they shared.

When the account is deleted, the person's memberships, offers and messages go
with it (their foreign keys cascade): a message is what the person wrote, and
the team keeps its tasks and files. Tasks the person owned stay with the team
without an owner, and files they shared stay without the name of who shared
them (``SET_NULL``): they are the team's work, and the team's page shows "no
owner any more" so another member can take the task. A team the person led
keeps going without a leader (``Team.leader`` is ``SET_NULL``); the leader of
the owning department and the administrators may then lead it
(``rules.may_lead``). No rule decides anything else when a person leaves, so
no ``delete_personal_data`` hook is needed.
"""

from .models import Post, Task, TeamFile, TeamMember, Volunteer


def export_personal_data(user) -> dict:
    memberships = (
        TeamMember.objects.filter(user=user)
        .select_related("team", "department")
        .order_by("joined_at", "id")
    )
    offers = (
        Volunteer.objects.filter(user=user)
        .select_related("team")
        .order_by("created_at", "id")
    )
    posts = (
        Post.objects.filter(author=user)
        .select_related("team")
        .order_by("created_at", "id")
    )
    tasks = Task.objects.filter(owner=user).select_related("team").order_by("due")
    files = (
        TeamFile.objects.filter(uploaded_by=user)
        .select_related("team")
        .order_by("created_at", "id")
    )
    return {
        "memberships": [
            {
                "team": m.team.title,
                "municipality_id": m.team.municipality_id,
                "department": m.department.name if m.department else "",
                "leader": m.team.leader_id == user.pk,
                "joined_at": m.joined_at.isoformat(),
            }
            for m in memberships
        ],
        "offers": [
            {
                "team": v.team.title,
                "municipality_id": v.team.municipality_id,
                "motivation": v.motivation,
                "status": v.status,
                "answer": v.answer,
                "created_at": v.created_at.isoformat(),
            }
            for v in offers
        ],
        "messages": [
            {
                "team": p.team.title,
                "municipality_id": p.team.municipality_id,
                "message": p.body,
                "created_at": p.created_at.isoformat(),
            }
            for p in posts
        ],
        "tasks_owned": [
            {
                "team": t.team.title,
                "municipality_id": t.municipality_id,
                "task": t.title,
                "due": t.due.isoformat(),
                "done": t.done,
            }
            for t in tasks
        ],
        "files_shared": [
            {
                "team": f.team.title,
                "municipality_id": f.team.municipality_id,
                "title": f.title,
                "created_at": f.created_at.isoformat(),
            }
            for f in files
        ],
    }
