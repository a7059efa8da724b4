"""The OpenID Connect login (MitID through NemLog-in or a broker) as allauth reads it.

Plain data, no Django import: the settings build ``SOCIALACCOUNT_PROVIDERS`` with
:func:`openid_connect_providers` from the ``FAELLES_OIDC_*`` environment, and the
tests build the same for their local provider. See docs/operations.md, "Login
with MitID".
"""

from __future__ import annotations

#: allauth's ``provider_id`` of the one OpenID Connect app; it is also the
#: ``provider`` of every ``SocialAccount`` and ``VerifiedIdentity`` it creates.
PROVIDER_ID = "mitid"


def openid_connect_providers(
    *,
    server_url: str,
    client_id: str,
    secret: str,
    name: str = "MitID",
    scopes: list[str] | None = None,
    acr_values: str = "",
    pkce: bool = True,
    token_auth_method: str = "",
) -> dict:
    """``SOCIALACCOUNT_PROVIDERS`` with one ``openid_connect`` app, or none.

    Without a server address and a client id the login is off: the login page
    shows no MitID button and ``/accounts/oidc/mitid/login/`` is a 404.
    """
    if not (server_url and client_id):
        return {}
    settings: dict = {
        "server_url": server_url,
        "scope": scopes or ["openid"],
        "oauth_pkce_enabled": pkce,
        # Claims from the userinfo endpoint as well as the ID token: brokers put
        # the assurance level in the ID token and address data in userinfo.
        "fetch_userinfo": True,
        # A person is found by the provider's subject first; an existing account
        # is linked by e-mail only when both sides have verified the address
        # (faelles/accounts/social.py, SocialAccountAdapter.authenticate_by_email).
        "email_authentication": True,
    }
    if acr_values:
        settings["auth_params"] = {"acr_values": acr_values}
    if token_auth_method:
        settings["token_auth_method"] = token_auth_method
    return {
        "openid_connect": {
            "APPS": [
                {
                    "provider_id": PROVIDER_ID,
                    "name": name,
                    "client_id": client_id,
                    "secret": secret,
                    "settings": settings,
                }
            ]
        }
    }


def parse_value_map(text: str) -> dict[str, str]:
    """``"urn:a=substantial, urn:b=high"`` → ``{"urn:a": "substantial", …}``."""
    pairs = (item.rpartition("=") for item in text.split(","))
    return {key.strip(): value.strip() for key, _eq, value in pairs if key.strip()}
