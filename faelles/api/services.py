"""Every write of the open API: creating and revoking partners' tokens."""

from __future__ import annotations

import hashlib
import secrets

from django.db import transaction
from django.utils import timezone

from faelles.core.audit import audit

from .models import ApiToken

TOKEN_BYTES = 32


def token_hash(token: str) -> str:
    return hashlib.sha256(token.encode()).hexdigest()


@transaction.atomic
def token_create(
    *,
    actor,
    name: str,
    scopes: list[str],
    municipality=None,
    rate_limit: int = 600,
) -> tuple[ApiToken, str]:
    """Make a token; returns it with its secret, which is shown only this once."""
    secret = "fa_" + secrets.token_urlsafe(TOKEN_BYTES)
    token = ApiToken(
        name=" ".join((name or "").split()),
        prefix=secret[3:11],
        token_hash=token_hash(secret),
        scopes=list(scopes),
        municipality=municipality,
        rate_limit=rate_limit,
        created_by=actor,
    )
    token.full_clean()
    token.save()
    audit(
        action="api.token_create",
        actor=actor,
        municipality=municipality,
        target=token,
        data={"scopes": token.scopes},
    )
    return token, secret


@transaction.atomic
def token_revoke(*, actor, token: ApiToken) -> ApiToken:
    """Refuse the token from now on (401); revoking twice changes nothing."""
    token = ApiToken.objects.select_for_update().get(pk=token.pk)
    if token.revoked_at is None:
        token.revoked_at = timezone.now()
        token.save(update_fields=["revoked_at"])
        audit(
            action="api.token_revoke",
            actor=actor,
            municipality=token.municipality,
            target=token,
        )
    return token
