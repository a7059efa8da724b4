"""A local OpenID Connect provider for the tests (oidc-provider-mock on 127.0.0.1).

It stands in for MitID through NemLog-in or a broker: any client id and secret,
a form where the test types the subject, and claims the test sets per subject
(``provider.person(sub, acr=…, birthdate=…)``). It keeps no session of its own:
its end-session page only shows what the client sent (the ID token) and sends
the browser back.
"""

from __future__ import annotations

import threading
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from urllib.parse import quote, urlsplit

import httpx
import oidc_provider_mock
import werkzeug.serving

from faelles.accounts.oidc_config import openid_connect_providers

CLIENT_ID = "faelles-test"
SUBSTANTIAL = "https://data.gov.dk/concept/core/nsis/loa/Substantial"
HIGH = "https://data.gov.dk/concept/core/nsis/loa/High"
LOW = "https://data.gov.dk/concept/core/nsis/loa/Low"


@dataclass
class LocalProvider:
    url: str

    def person(self, sub: str, **claims) -> None:
        """Set the claims the provider sends for ``sub`` (e-mail verified unless
        told otherwise)."""
        if "email" in claims:
            claims.setdefault("email_verified", True)
        response = httpx.put(f"{self.url}/users/{quote(sub, safe='')}", json=claims)
        assert response.status_code == 204, response.text

    def authorize(self, location: str, sub: str) -> str:
        """What the browser does at the provider: the person is ``sub``. Returns
        the path (and query) of the callback on Fælles."""
        response = httpx.post(location, data={"sub": sub})
        assert response.status_code == 302, response.text
        parts = urlsplit(response.headers["location"])
        return f"{parts.path}?{parts.query}"


@contextmanager
def running_provider() -> Iterator[LocalProvider]:
    server = werkzeug.serving.make_server(
        "127.0.0.1", 0, oidc_provider_mock.app(), threaded=True
    )
    thread = threading.Thread(target=server.serve_forever, args=(0.05,), daemon=True)
    thread.start()
    try:
        yield LocalProvider(url=f"http://127.0.0.1:{server.server_port}")
    finally:
        server.shutdown()
        thread.join(5)
        server.server_close()


def configure(settings, provider: LocalProvider) -> None:
    """Point Fælles' MitID login at the local provider (as the FAELLES_OIDC_*
    environment does in a deployment)."""
    settings.SOCIALACCOUNT_PROVIDERS = openid_connect_providers(
        server_url=provider.url,
        client_id=CLIENT_ID,
        secret="local-test-secret",
        name="MitID",
        scopes=["openid", "profile", "email"],
    )
    settings.FAELLES_OIDC_ASSURANCE_CLAIM = "acr"
    settings.FAELLES_OIDC_BIRTHDATE_CLAIM = "birthdate"
    settings.FAELLES_OIDC_MUNICIPALITY_CLAIM = "municipality_code"
    settings.FAELLES_OIDC_POSTCODE_CLAIM = "postal_code"


def log_in(client, provider: LocalProvider, sub: str, *, next: str = "", connect=False):
    """The whole login with the test client: Fælles → provider (as ``sub``) →
    Fælles' callback. Returns the callback's response."""
    query = "?process=connect" if connect else "?process=login"
    if next:
        query += f"&next={quote(next)}"
    start = client.post(f"/accounts/oidc/mitid/login/{query}")
    assert start.status_code == 302, start
    assert start["Location"].startswith(provider.url), start["Location"]
    return client.get(provider.authorize(start["Location"], sub))
