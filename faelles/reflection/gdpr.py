"""A person's own data in the team reflection kit.

Exported: every note the person wrote (with the session, the question and
whether they shared it without name) and every action they own. Nobody else's
note is ever in it.

When the account is deleted, the person's notes (``Note``) are deleted with it
(the foreign key cascades) — also those shared without name, so the team's page
no longer shows them. Actions the person owns stay with the team, without an
owner (``Action.owner`` is ``SET_NULL``): the team agreed on them and follows
them up at its next session, where the facilitator can see that the owner is
gone. A session the person facilitated, follow-ups they recorded and question
sets they created stay too, without the person (``SET_NULL``); the audit log
keeps the action, not the actor. No rule decides anything else when a person
leaves, so no ``delete_personal_data`` hook is needed.
"""

from .models import Action, Note


def export_personal_data(user) -> dict:
    notes = (
        Note.objects.filter(author=user)
        .select_related("question__session__department")
        .order_by(
            "question__session__date", "question__session_id", "question__position"
        )
    )
    actions = (
        Action.objects.filter(owner=user)
        .select_related("session__department")
        .order_by("due", "id")
    )
    return {
        "notes": [
            {
                "session": n.question.session.title,
                "team": n.question.session.department.name,
                "municipality_id": n.question.session.municipality_id,
                "question": n.question.text,
                "note": n.text,
                "shared_without_name": n.shared,
                "updated_at": n.updated_at.isoformat(),
            }
            for n in notes
        ],
        "actions_owned": [
            {
                "session": a.session.title,
                "team": a.session.department.name,
                "municipality_id": a.municipality_id,
                "action": a.text,
                "due": a.due.isoformat(),
                "status": a.status,
            }
            for a in actions
        ],
    }
