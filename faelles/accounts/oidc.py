"""Login with OpenID Connect (MitID through NemLog-in or a broker): what Fælles adds
to django-allauth's ``openid_connect`` provider.

* :func:`identity_claims` reads the claims the deployment names (assurance level,
  birth date, the address's municipality code and postcode) from the ID token and
  the userinfo answer;
* :func:`callback` is allauth's callback with one addition: it keeps the raw ID
  token and the provider's ``end_session_endpoint`` for the login's session, so
  that logging out of Fælles also ends the session at the provider
  (:func:`end_session_url`, OpenID Connect RP-Initiated Logout 1.0).

The rules for which account a login reaches are in :mod:`.social`.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass
from urllib.parse import urlencode

from allauth.account.internal.decorators import login_not_required
from allauth.socialaccount.models import SocialApp
from allauth.socialaccount.providers.oauth2.views import OAuth2CallbackView
from allauth.socialaccount.providers.openid_connect.views import (
    OpenIDConnectOAuth2Adapter,
)
from django.conf import settings
from django.http import Http404, HttpRequest

from .models import AssuranceLevel
from .oidc_config import PROVIDER_ID, parse_value_map

#: Session key of what RP-initiated logout needs (the ID token and the endpoint).
LOGOUT_SESSION_KEY = "faelles_oidc_logout"
_LEVEL_WORDS = {level.value: level.value for level in AssuranceLevel}


@dataclass(frozen=True)
class IdentityClaims:
    subject: str
    assurance_level: str  # an AssuranceLevel value, or "" when unknown
    birth_date: dt.date | None
    municipality_code: str
    postcode: str


def merged_claims(extra_data: dict) -> dict:
    """The ID token's claims with the userinfo answer's on top (allauth keeps both
    in ``SocialAccount.extra_data``)."""
    claims: dict = {}
    for part in ("id_token", "userinfo"):
        if isinstance(extra_data.get(part), dict):
            claims.update(extra_data[part])
    return claims or dict(extra_data)


def assurance_level(value: object) -> str:
    """The NSIS level a provider's claim value stands for ("" when none is known).

    ``FAELLES_OIDC_ASSURANCE_VALUES`` maps a provider's own values; otherwise the
    value's last word counts: ``urn:…:mitid:substantial``,
    ``http://eidas.europa.eu/LoA/high``, NSIS ``Substantial``.
    """
    if isinstance(value, list):  # some providers send a list; the highest counts
        levels = [assurance_level(v) for v in value]
        return max(levels, key=AssuranceLevel.rank, default="")
    if not isinstance(value, str) or not value.strip():
        return ""
    mapped = parse_value_map(settings.FAELLES_OIDC_ASSURANCE_VALUES)
    if value in mapped:
        return mapped[value] if mapped[value] in _LEVEL_WORDS else ""
    word = re.split(r"[:/#]", value.strip())[-1].lower()
    return _LEVEL_WORDS.get(word, "")


def _date(value: object) -> dt.date | None:
    if not isinstance(value, str):
        return None
    try:
        return dt.date.fromisoformat(value.strip()[:10])
    except ValueError:
        return None


def _code(value: object, digits: int) -> str:
    """A municipality code (3 digits, "0175" → "175") or a postcode (4 digits)."""
    text = str(value).strip() if isinstance(value, str | int) else ""
    if not text.isdigit():
        return ""
    text = text.lstrip("0").rjust(3, "0") if digits == 3 else text
    return text if len(text) == digits else ""


def identity_claims(subject: str, extra_data: dict) -> IdentityClaims:
    claims = merged_claims(extra_data)

    def claim(setting: str) -> object:
        name = getattr(settings, setting)
        return claims.get(name) if name else None

    return IdentityClaims(
        subject=subject,
        assurance_level=assurance_level(claim("FAELLES_OIDC_ASSURANCE_CLAIM")),
        birth_date=_date(claim("FAELLES_OIDC_BIRTHDATE_CLAIM")),
        municipality_code=_code(claim("FAELLES_OIDC_MUNICIPALITY_CLAIM"), 3),
        postcode=_code(claim("FAELLES_OIDC_POSTCODE_CLAIM"), 4),
    )


#: Claims kept in allauth's ``SocialAccount.extra_data`` beside the configured ones.
_KEPT_CLAIMS = ("sub", "email", "email_verified", "name", "given_name", "family_name")


def kept_claims(extra_data: dict) -> dict:
    """Only the claims Fælles uses: not the CPR number, the address or anything
    else a provider may send (allauth would otherwise keep every claim)."""
    names = set(_KEPT_CLAIMS) | {
        getattr(settings, setting)
        for setting in (
            "FAELLES_OIDC_ASSURANCE_CLAIM",
            "FAELLES_OIDC_BIRTHDATE_CLAIM",
            "FAELLES_OIDC_MUNICIPALITY_CLAIM",
            "FAELLES_OIDC_POSTCODE_CLAIM",
        )
    }
    return {
        part: {k: v for k, v in claims.items() if k in names}
        for part, claims in extra_data.items()
        if part in ("id_token", "userinfo") and isinstance(claims, dict)
    }


class _CallbackAdapter(OpenIDConnectOAuth2Adapter):
    """allauth's adapter, keeping fewer claims and noting the raw ID token for
    RP-initiated logout."""

    def complete_login(self, request, app, token, **kwargs):
        sociallogin = super().complete_login(request, app, token, **kwargs)
        sociallogin.account.extra_data = kept_claims(sociallogin.account.extra_data)
        return sociallogin

    def parse_token(self, data):
        token = super().parse_token(data)
        self.request.faelles_oidc_logout = {
            "id_token": data.get("id_token", ""),
            "endpoint": self.openid_config.get("end_session_endpoint", ""),
        }
        return token


@login_not_required
def callback(request: HttpRequest, provider_id: str):
    """allauth's ``openid_connect_callback`` at the same address (faelles/urls.py
    lists it first), with the adapter above."""
    if provider_id != PROVIDER_ID:
        raise Http404
    try:
        view = OAuth2CallbackView.adapter_view(_CallbackAdapter(request, provider_id))
        return view(request)
    except SocialApp.DoesNotExist:
        raise Http404 from None


def remember_for_logout(request: HttpRequest) -> None:
    """Keep the login's ID token in the (new) session: logout needs it."""
    noted = getattr(request, "faelles_oidc_logout", None)
    if noted and noted.get("endpoint") and settings.FAELLES_OIDC_LOGOUT:
        request.session[LOGOUT_SESSION_KEY] = noted


def end_session_url(request: HttpRequest, *, after: str) -> str | None:
    """Where logging out sends the browser when the session began at the provider:
    its end_session_endpoint with the ID token and the way back (``after``, an
    absolute address the provider has registered)."""
    noted = request.session.get(LOGOUT_SESSION_KEY)
    if not noted or not settings.FAELLES_OIDC_LOGOUT:
        return None
    params = {"post_logout_redirect_uri": after, "client_id": _client_id()}
    if noted.get("id_token"):
        params["id_token_hint"] = noted["id_token"]
    separator = "&" if "?" in noted["endpoint"] else "?"
    return f"{noted['endpoint']}{separator}{urlencode(params)}"


def _client_id() -> str:
    apps = settings.SOCIALACCOUNT_PROVIDERS.get("openid_connect", {}).get("APPS", [])
    return next(
        (a["client_id"] for a in apps if a.get("provider_id") == PROVIDER_ID), ""
    )


def is_configured() -> bool:
    return bool(_client_id())


def login_url(request: HttpRequest, *, process: str = "login", next: str = "") -> str:
    """Where a form posts to start a MitID login (``process="login"``) or to connect
    MitID to the logged-in account (``"connect"``); "" when MitID is not set up."""
    if not is_configured():
        return ""
    from allauth.socialaccount.adapter import get_adapter

    provider = get_adapter().get_provider(request, PROVIDER_ID)
    params = {"process": process, **({"next": next} if next else {})}
    return provider.get_login_url(request, **params)
