"""A person's own data in the leaders' goals.

Exported: every goal the person owns or set, and every follow-up they wrote.

When the account is deleted, the goals and follow-ups stay with the unit
without the person (``owner``, ``created_by`` and ``author`` are
``SET_NULL``): a goal is the unit's, not the leader's, and its history is what
the unit learned. A goal without an owner says so on its page, and its leaders
choose a new one. The audit log keeps the action, not the actor. No rule
decides anything else when a person leaves, so no ``delete_personal_data`` hook
is needed.
"""

from django.db.models import Q

from .models import CheckIn, Goal


def export_personal_data(user) -> dict:
    goals = (
        Goal.objects.filter(Q(owner=user) | Q(created_by=user))
        .select_related("department")
        .order_by("created_at", "id")
    )
    check_ins = (
        CheckIn.objects.filter(author=user)
        .select_related("goal")
        .order_by("date", "id")
    )
    return {
        "goals": [
            {
                "title": g.title,
                "unit": g.department.name,
                "municipality_id": g.municipality_id,
                "description": g.description,
                "success": g.success,
                "target_date": g.target_date.isoformat(),
                "status": g.status,
                "owner": g.owner_id == user.pk,
                "set_by_you": g.created_by_id == user.pk,
                "created_at": g.created_at.isoformat(),
            }
            for g in goals
        ],
        "check_ins_written": [
            {
                "goal": c.goal.title,
                "municipality_id": c.goal.municipality_id,
                "date": c.date.isoformat(),
                "status": c.status,
                "note": c.note,
                "learned": c.learned,
            }
            for c in check_ins
        ],
    }
