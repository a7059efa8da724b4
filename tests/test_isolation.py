"""Another municipality's object is a 404 — for every object URL, generated.

The URL patterns are walked; every pattern under ``/<municipality_slug>/`` with
more arguments than the slug is an object URL and must have a case registered in
``faelles.core.isolation`` (see that module). Requests are made as the *other*
municipality's administrator, so a 403 from a permission check cannot pass for
isolation, and with both GET and POST.
"""

import importlib
import inspect

import pytest
from django.apps import apps
from django.urls import URLPattern, URLResolver, get_resolver, reverse

from faelles.accounts.factories import MembershipFactory
from faelles.core.isolation import CASES
from faelles.municipalities.factories import MunicipalityFactory


def _load_cases():
    for config in apps.get_app_configs():
        if config.name.startswith("faelles."):
            try:
                importlib.import_module(f"{config.name}.tests.isolation")
            except ModuleNotFoundError as exc:
                if not exc.name.startswith(f"{config.name}.tests"):
                    raise


def _object_urls():
    found = []

    def walk(patterns, prefix_names, namespace, tenant):
        for p in patterns:
            if isinstance(p, URLResolver):
                names = prefix_names | set(p.pattern.regex.groupindex)
                ns = ":".join(x for x in [namespace, p.namespace] if x)
                walk(p.url_patterns, names, ns, tenant or "municipality_slug" in names)
            elif isinstance(p, URLPattern) and tenant and p.name:
                names = prefix_names | set(p.pattern.regex.groupindex)
                if names - {"municipality_slug"}:
                    found.append(f"{namespace}:{p.name}" if namespace else p.name)

    walk(get_resolver().url_patterns, set(), "", False)
    return sorted(set(found))


_load_cases()
OBJECT_URLS = _object_urls()


def test_object_urls_are_found():
    assert "organisations:detail" in OBJECT_URLS


def test_every_registered_case_names_a_real_object_url():
    stale = sorted(set(CASES) - set(OBJECT_URLS))
    assert not stale, f"isolation cases for URLs that do not exist: {stale}"


@pytest.mark.parametrize("url_name", OBJECT_URLS)
def test_every_object_url_has_an_isolation_case(url_name):
    assert url_name in CASES, (
        f"{url_name} takes an object id but has no case in <app>/tests/isolation.py"
    )


def _case(url_name, municipality, viewer) -> dict:
    """The case's URL kwargs. A case for something private to the people in it
    (a forløb) takes ``viewer`` and makes them one of those people, so the check
    that the object is real through its own municipality can see it."""
    case = CASES[url_name]
    if "viewer" in inspect.signature(case).parameters:
        return case(municipality, viewer=viewer)
    return case(municipality)


@pytest.mark.django_db
@pytest.mark.parametrize("url_name", OBJECT_URLS)
def test_other_municipalitys_object_is_404(client, url_name):
    if url_name not in CASES:
        pytest.fail(f"no isolation case for {url_name}")
    home = MunicipalityFactory(slug="hjem")
    elsewhere = MunicipalityFactory(slug="andetsteds")
    admin = MembershipFactory(
        municipality=home, is_employee=True, is_administrator=True, is_moderator=True
    ).user
    kwargs = _case(url_name, elsewhere, admin)
    own_url = reverse(url_name, kwargs={"municipality_slug": "andetsteds", **kwargs})
    foreign_url = reverse(url_name, kwargs={"municipality_slug": "hjem", **kwargs})
    client.force_login(admin)
    # A view limited to one method answers the other with 405 whatever the id is;
    # the method it serves must answer 404.
    statuses = {
        client.get(foreign_url).status_code,
        client.post(foreign_url, {}).status_code,
    }
    assert statuses <= {404, 405} and 404 in statuses, (foreign_url, statuses)
    # The same object through its own municipality is not a 404 (the case is real).
    MembershipFactory(
        municipality=elsewhere, user=admin, is_employee=True, is_administrator=True
    )
    assert client.get(own_url).status_code != 404, own_url


@pytest.mark.django_db
@pytest.mark.parametrize("url_name", OBJECT_URLS)
def test_impossible_ids_are_404(client, url_name):
    """Ids beyond what the database stores (64 bits) are a 404, not a crash."""
    if url_name not in CASES:
        pytest.fail(f"no isolation case for {url_name}")
    home = MunicipalityFactory(slug="hjem")
    admin = MembershipFactory(
        municipality=home, is_employee=True, is_administrator=True, is_moderator=True
    ).user
    kwargs = _case(url_name, home, admin)
    client.force_login(admin)
    sentinel = 987654321987654321  # a valid id, swapped in the URL for a huge one
    for name in kwargs:
        if isinstance(kwargs[name], int):
            url = reverse(
                url_name,
                kwargs={"municipality_slug": "hjem", **kwargs, name: sentinel},
            ).replace(str(sentinel), "100000000000000000000")
            statuses = {client.get(url).status_code, client.post(url, {}).status_code}
            assert statuses <= {404, 405} and 404 in statuses, (url, statuses)
