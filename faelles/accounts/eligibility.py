"""Verified eligibility for decisions: who may take part, from a MitID identity.

Any decision (a budget round today; a vote of another kind tomorrow) describes
its rule as a :class:`VerifiedRule` and asks :func:`verified_problems` why a
person may not take part (empty: they may). One person, one say — even across
accounts — comes from :func:`person_markers`: a keyed hash of the verified
identity, different for every decision (``scope``), that the decision stores as
"this person has taken part" without a person, a time or a link to what they
chose. See docs/budgeting.md, "Verified eligibility".
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field

from django.conf import settings
from django.utils import timezone
from django.utils.crypto import salted_hmac
from django.utils.translation import gettext as _

from .models import AssuranceLevel, VerifiedIdentity
from .selectors import verified_identity_of

MARKER_SALT = "faelles.accounts.eligibility.person_marker"


@dataclass(frozen=True)
class VerifiedRule:
    """What a decision requires of a verified identity."""

    min_assurance: str = AssuranceLevel.SUBSTANTIAL
    #: Age in whole years on the day of taking part, from the identity's birth date.
    min_age: int | None = None
    #: The identity's address must have one of these municipality codes (empty:
    #: no residence check).
    municipality_codes: tuple[str, ...] = ()
    #: … and, if given, one of these postcodes.
    postcodes: tuple[str, ...] = field(default=())
    #: The municipality's name, for the messages.
    place: str = ""


def age_on(birth_date: dt.date, day: dt.date) -> int:
    before_birthday = (day.month, day.day) < (birth_date.month, birth_date.day)
    return day.year - birth_date.year - before_birthday


def verified_problems(
    user, rule: VerifiedRule, *, now: dt.datetime | None = None
) -> list[str]:
    """Why this person may not take part under ``rule`` (empty when they may).

    Every message says what to do about it; the first one, for someone without a
    verified identity, is the one the pages add a MitID button to.
    """
    identity = verified_identity_of(user)
    if identity is None:
        return [
            _(
                "Her skal du vise, hvem du er, med MitID. Forbind MitID med din "
                "profil (under Mine sider eller med knappen her), så kan du stemme."
            )
        ]
    problems = []
    if not identity.at_least(rule.min_assurance):
        problems.append(
            _(
                "Her kræves MitID på sikringsniveau %(level)s, men dit seneste "
                "MitID-login var på niveau %(yours)s. Log ind med MitID igen."
            )
            % {
                "level": AssuranceLevel(rule.min_assurance).label,
                "yours": _level_label(identity),
            }
        )
    if rule.min_age:
        problems += _age_problems(identity, rule.min_age, now or timezone.now())
    if rule.municipality_codes:
        problems += _residence_problems(identity, rule)
    return problems


def _level_label(identity: VerifiedIdentity) -> str:
    if identity.assurance_level:
        return str(AssuranceLevel(identity.assurance_level).label)
    return _("ukendt")


def _age_problems(identity: VerifiedIdentity, min_age: int, now) -> list[str]:
    if identity.birth_date is None:
        return [
            _(
                "Dit MitID-login oplyste ikke din fødselsdato, så din alder kan ikke "
                "kontrolleres. Kontakt kommunen."
            )
        ]
    if age_on(identity.birth_date, timezone.localdate(now)) < min_age:
        return [
            _("Du skal være mindst %(age)d år for at stemme (ifølge dit MitID).")
            % {"age": min_age}
        ]
    return []


def _residence_problems(identity: VerifiedIdentity, rule: VerifiedRule) -> list[str]:
    if not identity.municipality_code:
        return [
            _(
                "Dit MitID-login oplyste ikke din bopæl, så den kan ikke kontrolleres. "
                "Kontakt kommunen."
            )
        ]
    if identity.municipality_code not in rule.municipality_codes:
        return [
            _(
                "Kun borgere med bopæl i %(place)s kan stemme, og ifølge dit MitID bor "
                "du i en anden kommune."
            )
            % {"place": rule.place}
        ]
    if rule.postcodes and identity.postcode not in rule.postcodes:
        return [
            _(
                "Kun borgere med bopæl i postnummer %(codes)s kan stemme, og ifølge "
                "dit MitID bor du et andet sted."
            )
            % {"codes": ", ".join(rule.postcodes)}
        ]
    return []


def person_markers(identity: VerifiedIdentity, *, scope: str) -> list[str]:
    """The identity's marker for one decision: under the current key first, then
    under each ``SECRET_KEY_FALLBACKS`` key (a key rotation while a vote is open).

    A keyed hash (HMAC-SHA256 with the secret key) of the decision's scope, the
    provider and the subject: the same person gives the same marker in one
    decision whichever account they use, different markers in different
    decisions, and nothing to anyone without the key.
    """
    message = f"{scope}\n{identity.provider}\n{identity.subject}"
    secrets = [settings.SECRET_KEY, *getattr(settings, "SECRET_KEY_FALLBACKS", [])]
    return [
        salted_hmac(MARKER_SALT, message, secret=s, algorithm="sha256").hexdigest()
        for s in secrets
    ]
