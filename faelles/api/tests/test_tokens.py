"""Partners' tokens: stored as a hash, a higher rate limit, refused when revoked
or unknown, limited to their municipality and their scopes; and the limits."""

import pytest
from django.core.exceptions import ValidationError
from django.test import override_settings

from faelles.api import access, services
from faelles.api.models import ApiToken
from faelles.core.models import AuditEntry

pytestmark = pytest.mark.django_db


def _get(client, url, token=None):
    headers = {"Authorization": f"Bearer {token}"} if token else {}
    return client.get(url, headers=headers)


def test_a_token_is_stored_only_as_a_hash_and_its_making_is_audited(
    municipal_admin, municipality
):
    token, secret = services.token_create(
        actor=municipal_admin, name="  Turistbureauet  ", scopes=["read"]
    )
    assert secret.startswith("fa_") and len(secret) > 40
    assert token.name == "Turistbureauet"
    assert secret not in str(ApiToken.objects.values().get(pk=token.pk))
    assert token.prefix == secret[3:11]
    assert AuditEntry.objects.filter(action="api.token_create").count() == 1


def test_bad_scopes_change_nothing(municipal_admin):
    for scopes in ([], ["write:everything"]):
        with pytest.raises(ValidationError):
            services.token_create(actor=municipal_admin, name="X", scopes=scopes)
    assert not ApiToken.objects.exists()


@override_settings(FAELLES_API_ANONYMOUS_RATE=2)
def test_a_token_raises_the_rate_limit(client, municipality, municipal_admin):
    url = f"/api/v1/kommuner/{municipality.slug}/initiativer/"
    assert _get(client, url).status_code == 200
    second = _get(client, url)
    assert second["X-RateLimit-Remaining"] == "0"
    third = _get(client, url)
    assert third.status_code == 429
    assert int(third["Retry-After"]) >= 1
    assert "For mange kald" in third.json()["detail"]

    _token, secret = services.token_create(
        actor=municipal_admin, name="Partner", scopes=["read"], rate_limit=5
    )
    answers = [_get(client, url, secret).status_code for _ in range(6)]
    assert answers == [200] * 5 + [429]
    assert _get(client, url, secret)["X-RateLimit-Limit"] == "5"


def test_a_revoked_or_unknown_token_is_refused_with_401(
    client, municipality, municipal_admin
):
    url = f"/api/v1/kommuner/{municipality.slug}/"
    token, secret = services.token_create(
        actor=municipal_admin, name="Partner", scopes=["read"]
    )
    assert _get(client, url, secret).status_code == 200
    token.refresh_from_db()
    assert token.last_used_at is not None

    services.token_revoke(actor=municipal_admin, token=token)
    services.token_revoke(actor=municipal_admin, token=token)  # twice: no change
    assert AuditEntry.objects.filter(action="api.token_revoke").count() == 1
    refused = _get(client, url, secret)
    assert refused.status_code == 401
    assert refused["WWW-Authenticate"].startswith("Bearer")
    assert refused.json() == {"detail": "Tokenet er ukendt eller tilbagekaldt."}

    assert _get(client, url, "fa_made-up").status_code == 401
    basic = client.get(url, headers={"Authorization": "Basic dXNlcjpwdw=="})
    assert basic.status_code == 401


def test_a_token_for_one_municipality_is_refused_for_another(
    client, municipality, other_municipality, municipal_admin
):
    _token, secret = services.token_create(
        actor=municipal_admin,
        name="Lokalavisen",
        scopes=["read"],
        municipality=municipality,
    )
    mine = f"/api/v1/kommuner/{municipality.slug}/initiativer/"
    theirs = f"/api/v1/kommuner/{other_municipality.slug}/initiativer/"
    assert _get(client, mine, secret).status_code == 200
    refused = _get(client, theirs, secret)
    assert refused.status_code == 403
    assert refused.json() == {"detail": "Tokenet gælder kun for en anden kommune."}
    listed = _get(client, "/api/v1/kommuner/", secret).json()["items"]
    assert [m["slug"] for m in listed] == [municipality.slug]


def test_a_token_without_the_scope_is_refused(municipality, municipal_admin):
    # Every scope there is today is "read"; a token made for later write
    # scopes only must not read with its raised limit.
    token, _secret = services.token_create(
        actor=municipal_admin, name="Partner", scopes=["read"]
    )
    token.scopes = ["write:events"]
    caller = access.Caller(token, f"token:{token.pk}", token.rate_limit)
    with pytest.raises(access.Refused) as refused:
        access.check_scope(caller, "read", municipality)
    assert refused.value.status == 403
    access.check_scope(access.Caller(None, "ip:x", 1), "read", municipality)


def test_writing_is_refused_and_unknown_addresses_are_json_404(client, municipality):
    url = f"/api/v1/kommuner/{municipality.slug}/initiativer/"
    for method in (client.post, client.put, client.delete, client.patch):
        response = method(url)
        assert response.status_code == 405
        assert response["Allow"] == "GET, HEAD"
        assert response.json()["detail"] == "Det åbne API kan kun læses (GET)."
    for address in (
        "/api/v1/findes-ikke/",
        "/api/v2/",
        f"{url}abc/",
        "/api/v1/kommuner/ukendt/",
    ):
        response = client.get(address)
        assert response.status_code == 404, address
        assert response["Content-Type"] == "application/json"


def test_bad_paging_gets_a_clear_message(client, municipality):
    url = f"/api/v1/kommuner/{municipality.slug}/initiativer/"
    response = client.get(url, {"limit": "1000"})
    assert response.status_code == 400
    assert response.json() == {"detail": "limit skal være et helt tal fra 1 til 100."}
    assert client.get(url, {"after": "-3"}).status_code == 400
    bad = client.get(url, {"state": "kaos"})
    assert bad.status_code == 400
    assert bad.json()["detail"].startswith("state: Ukendt værdi kaos.")
    for moment in ("0001-01-01", "9999-12-31T23:30:00-05:00", "2026-02-30", "i går"):
        response = client.get(url, {"updated_since": moment})
        assert response.status_code == 400, moment
    assert client.get(url, {"updated_since": "2026-01-01"}).status_code == 200


def test_an_unchanged_answer_is_304_by_its_etag(client, municipality):
    url = f"/api/v1/kommuner/{municipality.slug}/"
    first = client.get(url)
    assert first["Cache-Control"] == "public, max-age=60"
    assert "Authorization" in first["Vary"]
    again = client.get(url, headers={"If-None-Match": first["ETag"]})
    assert again.status_code == 304
    assert again.content == b""
    municipality.name = "Odense Kommune (ny)"
    municipality.save()
    assert client.get(url, headers={"If-None-Match": first["ETag"]}).status_code == 200


def test_an_administrator_makes_and_revokes_a_token_in_django_admin(
    client, municipality
):
    from django.contrib.messages import get_messages

    from faelles.accounts.factories import UserFactory

    root = UserFactory(is_staff=True, is_superuser=True)
    client.force_login(root)
    response = client.post(
        "/django-admin/api/apitoken/add/",
        {
            "name": "Lokalavisen",
            "scopes": '["read"]',
            "municipality": municipality.pk,
            "rate_limit": 120,
        },
    )
    assert response.status_code == 302, response.content[:2000]
    token = ApiToken.objects.get()
    assert (token.name, token.scopes, token.rate_limit) == (
        "Lokalavisen",
        ["read"],
        120,
    )
    assert token.created_by == root
    shown = [str(m) for m in get_messages(response.wsgi_request)]
    secret = next(m for m in shown if "fa_" in m).split()[2]
    client.logout()
    url = f"/api/v1/kommuner/{municipality.slug}/"
    assert _get(client, url, secret)["X-RateLimit-Limit"] == "120"

    client.force_login(root)
    client.post(
        "/django-admin/api/apitoken/",
        {"action": "revoke", "_selected_action": [token.pk]},
    )
    client.logout()
    assert _get(client, url, secret).status_code == 401
