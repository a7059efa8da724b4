"""A person's own data in the pulse and "sig fra".

Exported: which rounds the person has answered (the receipts) — never what
they answered, which is stored without them and cannot be found from them
(docs/pulse.md, "Anonymity"); the rounds they created and the concerns they
answered for leadership. A concern the person raised is not theirs in the
database (it has no person), so it is neither exported nor deleted with them;
the weekly limit is a keyed hash of person and week, deleted after the week.

When the account is deleted, the receipts go with it (the foreign key
cascades); the answers stay, still without anyone, and still count in the
round's results. Rounds and answers to concerns stay, without the person
(``SET_NULL``). No rule decides anything else when a person leaves, so no
``delete_personal_data`` hook is needed.
"""

from .models import Concern, Receipt, Round


def export_personal_data(user) -> dict:
    receipts = (
        Receipt.objects.filter(user=user)
        .select_related("round")
        .order_by("round__opens_on", "round_id")
    )
    return {
        "rounds_answered": [
            {
                "round": r.round.title,
                "municipality_id": r.round.municipality_id,
                "note": "Du har svaret. Svaret er gemt uden dit navn og indgår ikke her.",
            }
            for r in receipts
        ],
        "rounds_created": [
            {"round": r.title, "municipality_id": r.municipality_id}
            for r in Round.objects.filter(created_by=user).order_by("opens_on", "id")
        ],
        "concerns_answered": [
            {
                "concern": c.title,
                "municipality_id": c.municipality_id,
                "answer": c.answer,
                "answered_at": c.answered_at.isoformat() if c.answered_at else None,
            }
            for c in Concern.objects.filter(answered_by=user).order_by("answered_at")
        ],
    }
