"""Who may do what with thanks and awards.

* Thanks: anyone logged in with a membership of the municipality thanks.
  A thanks is seen by its sender and its recipient — for an organisation,
  its members; the recipient (a person, or an admin of the organisation)
  consents to showing it publicly and may delete it; the sender deletes their own.
* Awards: administrators define them. A published award is seen by everyone;
  a draft only by administrators. Anyone with a membership nominates while
  nominations are open.
* The jury space is seen by the award's jurors and the administrators only
  (everyone else: 404); jurors score, the chair records the winners and
  announces.
"""

import rules

from faelles.accounts.rules import can_administer, is_member
from faelles.organisations.rules import is_organisation_admin, is_organisation_member


@rules.predicate
def is_sender(user, thanks) -> bool:
    return bool(user.is_authenticated and thanks.sender_id == user.pk)


@rules.predicate
def is_recipient(user, thanks) -> bool:
    """The person thanked, or a member of the organisation thanked."""
    if not user.is_authenticated:
        return False
    if thanks.recipient_user_id is not None:
        return thanks.recipient_user_id == user.pk
    return bool(is_organisation_member(user, thanks.recipient_organisation))


@rules.predicate
def answers_for_recipient(user, thanks) -> bool:
    """The person thanked, or an admin of the organisation thanked."""
    if not user.is_authenticated:
        return False
    if thanks.recipient_user_id is not None:
        return thanks.recipient_user_id == user.pk
    return bool(is_organisation_admin(user, thanks.recipient_organisation))


@rules.predicate
def is_published(user, award) -> bool:
    return award.published_at is not None


def _seat(user, award):
    if not user.is_authenticated:
        return None
    seats = award.__dict__.setdefault("_seats", {})
    if user.pk not in seats:
        seats[user.pk] = award.jurors.filter(user=user).first()
    return seats[user.pk]


@rules.predicate
def is_juror(user, award) -> bool:
    return _seat(user, award) is not None


@rules.predicate
def is_chair(user, award) -> bool:
    seat = _seat(user, award)
    return bool(seat and seat.is_chair)


@rules.predicate
def is_winner_voice(user, winner) -> bool:
    """The person who won, or an admin of the organisation that won."""
    if not user.is_authenticated:
        return False
    if winner.nominee_user_id is not None:
        return winner.nominee_user_id == user.pk
    if winner.nominee_organisation_id is not None:
        return bool(is_organisation_admin(user, winner.nominee_organisation))
    return False


rules.add_perm("recognition.thank", is_member)
rules.add_perm("recognition.view_thanks", is_sender | is_recipient)
rules.add_perm("recognition.consent_thanks", answers_for_recipient)
rules.add_perm("recognition.delete_thanks", is_sender | answers_for_recipient)
rules.add_perm("recognition.manage_awards", can_administer)
rules.add_perm("recognition.view_award", is_published | can_administer)
rules.add_perm("recognition.nominate", is_member & is_published)
rules.add_perm("recognition.view_jury", is_juror | can_administer)
rules.add_perm("recognition.score", is_juror)
rules.add_perm("recognition.decide", is_chair)
rules.add_perm("recognition.consent_winner", is_winner_voice)
