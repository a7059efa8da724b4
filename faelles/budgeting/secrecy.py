"""How a voter finds their own ballot again without the database linking the two.

A :class:`~faelles.budgeting.models.BallotReceipt` records that a person voted
and holds a random *voter token*; the :class:`~faelles.budgeting.models.Ballot`
has no person, no time, and as primary key a keyed hash of that token (HMAC
with the server's ``SECRET_KEY``). The application can go from a person to
their own ballot, so they can see and change it until voting closes; someone
holding only the database (a backup, a read replica, an export) cannot join
receipts to ballots. See ``docs/budgeting.md`` ("Ballot secrecy") for what
this protects and what it does not.
"""

from __future__ import annotations

import uuid

from django.conf import settings
from django.utils.crypto import salted_hmac

SALT = "faelles.budgeting.ballot"


def ballot_id_for(token: uuid.UUID, *, secret: str | None = None) -> uuid.UUID:
    """The ballot id of a voter token under ``secret`` (default: SECRET_KEY)."""
    digest = salted_hmac(SALT, token.hex, secret=secret, algorithm="sha256").digest()
    return uuid.UUID(bytes=digest[:16], version=4)


def candidate_ids(token: uuid.UUID) -> list[uuid.UUID]:
    """The ballot id under the current key first, then under each fallback key.

    With ``SECRET_KEY_FALLBACKS`` a key rotation during voting still finds the
    ballots cast before it (they are re-keyed when their voter changes them).
    """
    secrets = [settings.SECRET_KEY, *getattr(settings, "SECRET_KEY_FALLBACKS", [])]
    return [ballot_id_for(token, secret=s) for s in secrets]
