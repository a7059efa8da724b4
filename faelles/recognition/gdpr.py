"""What recognition keeps about a person, for the data export and deletion.

Exported: thanks the person gave and received (to them personally), the
nominations they made, the jury seats they hold and the scores and comments
they gave, and the wins they answer for.

When the account is deleted, every rule is a foreign key, so no
``delete_personal_data`` hook is needed:

* thanks sent or received by the person are deleted (``CASCADE`` on
  ``Thanks.sender`` and ``Thanks.recipient_user``);
* nominations they made, and nominations of them, are deleted (``CASCADE`` on
  ``Nomination.nominator`` and ``Nomination.nominee_user``), with the jury's
  scores of those nominations;
* their jury seats and scores are deleted (``CASCADE`` on ``Juror.user`` and
  ``Score.juror``);
* awards and the jury's decisions stay, without the person (``SET_NULL`` on
  ``Award.created_by``, ``Winner.decided_by`` and ``Winner.nominee_user``): a
  winner whose account is gone is never named again.
"""

from django.db.models import Q

from .models import Juror, Nomination, Score, Thanks, Winner


def _thanks(t: Thanks) -> dict:
    return {
        "municipality_id": t.municipality_id,
        "from": t.sender.display_name,
        "on_behalf_of": t.sender_organisation.name if t.sender_organisation else "",
        "to": t.recipient_display,
        "for_what": t.for_what,
        "message": t.message,
        "public_requested": t.public_requested,
        "consented_at": t.consented_at.isoformat() if t.consented_at else None,
        "created_at": t.created_at.isoformat(),
    }


def export_personal_data(user) -> dict:
    related = (
        "sender",
        "sender_organisation",
        "recipient_user",
        "recipient_organisation",
    )
    given = Thanks.objects.filter(sender=user).select_related(*related)
    received = Thanks.objects.filter(recipient_user=user).select_related(*related)
    nominations = Nomination.objects.filter(nominator=user).select_related(
        "award",
        "nominee_user",
        "nominee_organisation",
        "nominee_initiative",
        "nominee_community",
    )
    scores = Score.objects.filter(juror=user).select_related("nomination__award")
    return {
        "thanks_given": [_thanks(t) for t in given.order_by("created_at", "id")],
        "thanks_received": [_thanks(t) for t in received.order_by("created_at", "id")],
        "nominations": [
            {
                "award": n.award.name,
                "nominee": n.nominee_name,
                "reason": n.reason,
                "created_at": n.created_at.isoformat(),
            }
            for n in nominations.order_by("created_at", "id")
        ],
        "jury_seats": [
            {"award": j.award.name, "chair": j.is_chair}
            for j in Juror.objects.filter(user=user).select_related("award")
        ],
        "jury_scores": [
            {
                "award": s.nomination.award.name,
                "nomination_id": s.nomination_id,
                "stars": s.stars,
                "comment": s.comment,
                "updated_at": s.updated_at.isoformat(),
            }
            for s in scores.order_by("updated_at", "id")
        ],
        "wins": [
            {
                "award": w.award.name,
                "motivation": w.motivation,
                "consented_at": w.consented_at.isoformat() if w.consented_at else None,
            }
            for w in Winner.objects.filter(Q(nominee_user=user)).select_related("award")
        ],
    }
