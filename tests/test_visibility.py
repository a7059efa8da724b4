"""What belongs to a private space is invisible to whoever cannot see the space —
for every model and every page, generated.

``faelles.core.visibility`` knows the private parents (an invitation-only
community; a staff-only community, event or initiative) and finds every model
with a foreign key to one. Each such model must have a case (``<app>/tests/visibility.py``) that
attaches a child to a private parent and lists the places it could show: lists,
detail pages, feeds, exports, actions. Every tenant URL served by the view
modules a case names must be looked at or named as showing no child, with the
reason. Then, for every kind of hidden parent (each named case), as an anonymous
visitor, a citizen, a politician and — unless the space is staff-only — an
employee of the same municipality who are not in the group, and another
municipality's administrator:
the child's own URLs are 404 and no list or feed shows it. The group's member
still sees it everywhere it belongs.
"""

import importlib

import pytest
from django.apps import apps
from django.core.cache import cache
from django.urls import URLPattern, URLResolver, get_resolver, resolve

from faelles.accounts.factories import MembershipFactory
from faelles.core.visibility import (
    CHILD_CASES,
    PARENT_CASES,
    PARENTS,
    child_models,
    private_links,
)
from faelles.municipalities.factories import MunicipalityFactory


def _load_cases():
    for config in apps.get_app_configs():
        if config.name.startswith("faelles."):
            try:
                importlib.import_module(f"{config.name}.tests.visibility")
            except ModuleNotFoundError as exc:
                if not exc.name.startswith(f"{config.name}.tests"):
                    raise


_load_cases()

LINKS = sorted(
    (model._meta.label_lower, field.name)
    for model in child_models()
    for field in private_links(model)
)


def _parent_label(label, field):
    model = apps.get_model(label)._meta.get_field(field).related_model
    return model._meta.label_lower


# Each link once per kind of hidden parent: (child, field, parent case name).
CASES = sorted(
    (label, field, name)
    for label, field in LINKS
    for name in PARENT_CASES.get(_parent_label(label, field), {"?": None})
)


def test_links_to_private_parents_are_found():
    assert ("events.event", "community") in LINKS
    assert ("events.registration", "event") in LINKS
    assert ("initiatives.trial", "initiative") in LINKS


def test_staff_only_spaces_are_private_parents_with_named_cases():
    for label in ("communities.community", "events.event", "initiatives.initiative"):
        assert "staff_only" in PARENT_CASES[label], label
        assert PARENT_CASES[label]["staff_only"].staff_see
    assert not PARENT_CASES["communities.community"]["invitation_only"].staff_see


def test_every_private_parent_has_a_case():
    assert "communities.community" in PARENTS
    missing = sorted(set(PARENTS) - set(PARENT_CASES))
    assert not missing, f"private parents without a case: {missing}"


@pytest.mark.parametrize("label", sorted({label for label, _ in LINKS}))
def test_every_child_model_has_a_case(label):
    assert label in CHILD_CASES, (
        f"{label} belongs to a private parent but has no case in "
        "<app>/tests/visibility.py"
    )


def test_no_stale_cases():
    stale = sorted(set(CHILD_CASES) - {label for label, _ in LINKS})
    assert not stale, f"visibility cases for models without a private parent: {stale}"


def _tenant_urls_of(modules: set[str]) -> set[str]:
    found = set()

    def walk(patterns, namespace, tenant):
        for p in patterns:
            if isinstance(p, URLResolver):
                ns = ":".join(x for x in [namespace, p.namespace] if x)
                names = set(p.pattern.regex.groupindex)
                walk(p.url_patterns, ns, tenant or "municipality_slug" in names)
            elif (
                isinstance(p, URLPattern)
                and tenant
                and p.name
                and p.callback.__module__ in modules
            ):
                found.add(f"{namespace}:{p.name}" if namespace else p.name)

    walk(get_resolver().url_patterns, "", False)
    return found


def _setup(label, field, name):
    cache.clear()
    home = MunicipalityFactory(slug="hjem")
    elsewhere = MunicipalityFactory(slug="andetsteds")
    case = PARENT_CASES[_parent_label(label, field)][name]
    parent, insider = case.make(home)
    citizen = MembershipFactory(municipality=home).user
    politician = MembershipFactory(municipality=home, is_politician=True).user
    employee = MembershipFactory(municipality=home, is_employee=True).user
    foreign_admin = MembershipFactory(
        municipality=elsewhere, is_employee=True, is_administrator=True
    ).user
    looks = CHILD_CASES[label].make(parent, field, insider=insider, outsider=citizen)
    outsiders = {
        "anonymous": None,
        "citizen": citizen,
        # Politicians lead the local community; they are not the municipality's
        # staff, so a staff-only space is hidden from them too.
        "politician": politician,
        "employee": employee,
        "another municipality's administrator": foreign_admin,
    }
    if case.staff_see:
        del outsiders["employee"]
    return looks, insider, outsiders


def _ask(client, look):
    response = getattr(client, look.method)(look.url)
    if getattr(response, "streaming", False):
        body = b"".join(response.streaming_content)
    else:
        body = response.content
    return response.status_code, body.decode("utf-8", "replace")


@pytest.mark.django_db
def test_every_url_of_the_views_is_looked_at():
    """A new list, feed or export in a view module that shows children of a
    private parent needs a ``Look`` (or a reason in ``not_shown``)."""
    modules = {module for case in CHILD_CASES.values() for module in case.views}
    looked_at = set()
    for label, field, name in CASES:
        looks, _insider, _outsiders = _setup(label, field, name)
        looked_at |= {resolve(look.url.split("?")[0]).view_name for look in looks}
    for case in CHILD_CASES.values():
        looked_at |= set(case.not_shown)
    missing = sorted(_tenant_urls_of(modules) - looked_at)
    assert not missing, f"URLs that may show a private parent's children: {missing}"


@pytest.mark.django_db
@pytest.mark.parametrize(("label", "field", "name"), CASES)
def test_child_of_private_parent_is_invisible_to_outsiders(client, label, field, name):
    looks, _insider, outsiders = _setup(label, field, name)
    failures = []
    for who, user in outsiders.items():
        client.logout()
        if user is not None:
            client.force_login(user)
        for look in looks:
            if look.outsiders_see:
                continue
            status, body = _ask(client, look)
            if look.shows:
                if status >= 500 or look.shows in body:
                    failures.append((who, look.method, look.url, status))
            elif status != 404:
                failures.append((who, look.method, look.url, status))
    assert not failures, f"{label}.{field} ({name}) shows to outsiders: {failures}"


@pytest.mark.django_db
@pytest.mark.parametrize(("label", "field", "name"), CASES)
def test_child_of_private_parent_is_visible_to_members(client, label, field, name):
    looks, insider, _outsiders = _setup(label, field, name)
    client.force_login(insider)
    failures = []
    for look in looks:
        if not look.members_see:
            continue
        status, body = _ask(client, look)
        if (look.shows and look.shows not in body) or status == 404:
            failures.append((look.method, look.url, status))
    assert not failures, f"{label}.{field} ({name}) hidden from its members: {failures}"
