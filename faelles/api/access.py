"""Who is calling the open API, and how often they may.

Reading needs no token: an anonymous caller is counted by IP address and gets
``FAELLES_API_ANONYMOUS_RATE`` calls a minute. A partner sends its token as
``Authorization: Bearer fa_…``; a valid token is counted by itself and gets its
own limit. A token that is unknown or revoked is refused with 401 — never
silently treated as anonymous — and a token limited to one municipality is
refused (403) for another municipality's data, as is a token without the
scope an endpoint needs.
"""

from __future__ import annotations

import time
from dataclasses import dataclass

from django.conf import settings
from django.core.cache import cache
from django.utils import timezone
from django.utils.translation import gettext as _

from .models import ApiToken
from .services import token_hash

WINDOW = 60  # seconds
#: last_used_at is written at most this often per token (seconds).
LAST_USED_EVERY = 60


class Refused(Exception):
    def __init__(
        self, status: int, message: str, headers: dict[str, str] | None = None
    ):
        super().__init__(message)
        self.status = status
        self.message = message
        self.headers = headers or {}


@dataclass(frozen=True)
class Caller:
    token: ApiToken | None
    key: str  # what the rate limit counts by
    limit: int


def anonymous_rate() -> int:
    return int(getattr(settings, "FAELLES_API_ANONYMOUS_RATE", 60))


def _client_ip(request) -> str:
    return request.META.get("REMOTE_ADDR") or "unknown"


def caller_for(request) -> Caller:
    header = request.headers.get("Authorization", "")
    if not header:
        return Caller(None, f"ip:{_client_ip(request)}", anonymous_rate())
    scheme, _sep, secret = header.partition(" ")
    secret = secret.strip()
    if scheme.lower() != "bearer" or not secret:
        raise Refused(
            401,
            _("Send tokenet som »Authorization: Bearer <token>«."),
            {"WWW-Authenticate": "Bearer"},
        )
    token = ApiToken.objects.filter(token_hash=token_hash(secret)).first()
    if token is None or token.is_revoked:
        raise Refused(
            401,
            _("Tokenet er ukendt eller tilbagekaldt."),
            {"WWW-Authenticate": 'Bearer error="invalid_token"'},
        )
    now = timezone.now()
    if token.last_used_at is None or (now - token.last_used_at).total_seconds() > (
        LAST_USED_EVERY
    ):
        ApiToken.objects.filter(pk=token.pk).update(last_used_at=now)
    return Caller(token, f"token:{token.pk}", token.rate_limit)


def check_scope(caller: Caller, scope: str, municipality=None) -> None:
    token = caller.token
    if token is None:
        return
    if scope not in token.scopes:
        raise Refused(
            403,
            _("Tokenet må ikke bruges til dette (mangler tilladelsen %(scope)s).")
            % {"scope": scope},
        )
    if (
        municipality is not None
        and token.municipality_id is not None
        and token.municipality_id != municipality.pk
    ):
        raise Refused(403, _("Tokenet gælder kun for en anden kommune."))


def count_call(caller: Caller) -> dict[str, str]:
    """Count one call in the current minute; refuse with 429 over the limit."""
    window = int(time.time()) // WINDOW
    key = f"api-rate:{caller.key}:{window}"
    if cache.add(key, 1, timeout=WINDOW + 5):
        used = 1
    else:
        try:
            used = cache.incr(key)
        except ValueError:  # expired between add and incr
            cache.set(key, 1, timeout=WINDOW + 5)
            used = 1
    reset = (window + 1) * WINDOW - int(time.time())
    headers = {
        "X-RateLimit-Limit": str(caller.limit),
        "X-RateLimit-Remaining": str(max(0, caller.limit - used)),
        "X-RateLimit-Reset": str(reset),
    }
    if used > caller.limit:
        raise Refused(
            429,
            _("For mange kald. Prøv igen om lidt, eller brug et token."),
            {**headers, "Retry-After": str(max(1, reset))},
        )
    return headers
