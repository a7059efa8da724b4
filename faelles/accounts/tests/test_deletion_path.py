"""One way to delete a person: ``account_delete`` runs every app's
``gdpr.delete_personal_data`` hook; no rule hides in a signal (personal_data.py)."""

import ast
from pathlib import Path

import pytest
from django.apps import apps
from django.db.models.signals import post_delete, pre_delete

from faelles.accounts.factories import MembershipFactory
from faelles.accounts.models import User
from faelles.accounts.personal_data import personal_data_modules
from faelles.accounts.services import account_delete
from faelles.communities.factories import CommunityFactory
from faelles.communities.models import CommunityMember
from faelles.core.models import AuditEntry

FAELLES = Path(__file__).resolve().parents[2]

# The apps whose hook carries rules about a person leaving, in INSTALLED_APPS order
# (the order the hooks run in). An app that adds or drops a hook updates this list.
HOOKED = ["initiatives", "communities", "events", "dialogue"]

# Delete signals that remain: cache invalidation only, no business rule.
DELETE_RECEIVERS = {
    ("accounts/apps.py", "clear_member_count"),  # the home page's member count
    ("municipalities/apps.py", "clear_slug_cache"),  # the slug → municipality cache
    ("core/status_sources.py", "_changed"),  # the status page's cached results
}

# Where a user row may be deleted: the one path.
USER_DELETERS = [("accounts/services.py", "account_delete")]


def _sources():
    for path in sorted(FAELLES.rglob("*.py")):
        relative = path.relative_to(FAELLES)
        if "tests" in relative.parts or "migrations" in relative.parts:
            continue
        yield relative.as_posix(), ast.parse(path.read_text(), filename=str(path))


def test_the_hooks_run_in_installed_apps_order(monkeypatch, municipality):
    calls = []
    for label, module in personal_data_modules():
        if hasattr(module, "delete_personal_data"):

            def hook(user, label=label, real=module.delete_personal_data):
                calls.append((label, User.objects.filter(pk=user.pk).exists()))
                real(user)

            monkeypatch.setattr(module, "delete_personal_data", hook)
    installed = [config.label for config in apps.get_app_configs()]
    assert sorted(HOOKED, key=installed.index) == HOOKED

    account_delete(user=MembershipFactory(municipality=municipality).user)

    # Every hook ran once, in order, while the account still existed.
    assert calls == [(label, True) for label in HOOKED]


def test_no_receiver_on_the_users_deletion():
    assert not pre_delete.has_listeners(User), (
        "a pre_delete receiver on the user: put the rule in a service called from "
        "the app's gdpr.delete_personal_data (accounts/personal_data.py)"
    )
    assert not post_delete.has_listeners(User)


def _delete_signal(node: ast.expr) -> bool:
    name = node.attr if isinstance(node, ast.Attribute) else getattr(node, "id", "")
    return name in {"pre_delete", "post_delete"}


def _delete_receivers(tree: ast.AST):
    for node in ast.walk(tree):
        if (
            isinstance(node, ast.Call)
            and isinstance(node.func, ast.Attribute)
            and node.func.attr == "connect"
            and _delete_signal(node.func.value)
            and node.args
        ):
            yield ast.unparse(node.args[0])
        if isinstance(node, ast.FunctionDef):
            for decorator in node.decorator_list:
                if isinstance(decorator, ast.Call) and any(
                    _delete_signal(arg) for arg in decorator.args
                ):
                    yield node.name


def test_delete_signals_only_invalidate_caches():
    found = {
        (path, receiver)
        for path, tree in _sources()
        for receiver in _delete_receivers(tree)
    }
    assert found == DELETE_RECEIVERS, (
        "a new pre_delete/post_delete receiver: a rule about deletion belongs in a "
        "service called from gdpr.delete_personal_data"
    )


USER_WORDS = {"user", "users", "User", "get_user_model", "AUTH_USER_MODEL", "person"}


def _deletes_a_user(call: ast.Call) -> bool:
    """``user.delete()``, ``request.user.delete()``, ``User.objects….delete()``,
    ``get_user_model().objects….delete()``: a ``.delete()`` whose receiver is
    named as a user (the arguments of calls on the way are not looked at)."""
    if not (isinstance(call.func, ast.Attribute) and call.func.attr == "delete"):
        return False
    node, names = call.func.value, []
    while True:
        if isinstance(node, ast.Attribute):
            names.append(node.attr)
            node = node.value
        elif isinstance(node, ast.Call):
            node = node.func
        elif isinstance(node, ast.Subscript):
            node = node.value
        else:
            names.append(getattr(node, "id", ""))
            break
    return any(name in USER_WORDS or name.endswith("_user") for name in names)


def _user_deleters(tree: ast.AST):
    for function in ast.walk(tree):
        if isinstance(function, ast.FunctionDef | ast.AsyncFunctionDef) and any(
            isinstance(node, ast.Call) and _deletes_a_user(node)
            for node in ast.walk(function)
        ):
            yield function.name


@pytest.mark.parametrize(
    ("code", "deletes"),
    [
        ("def f(user):\n    user.delete()", True),
        ("def f(request):\n    request.user.delete()", True),
        ("def f():\n    User.objects.filter(is_active=False).delete()", True),
        ("def f():\n    get_user_model().objects.all()[:5].delete()", True),
        ("def f(old_user):\n    old_user.delete()", True),
        ("def f(user):\n    Follow.objects.filter(user=user).delete()", False),
        ("def f(membership):\n    membership.delete()", False),
    ],
)
def test_the_user_deletion_finder_sees_the_usual_spellings(code, deletes):
    assert bool(list(_user_deleters(ast.parse(code)))) is deletes


def test_account_delete_is_the_only_place_that_deletes_a_user():
    found = [
        (path, function)
        for path, tree in _sources()
        for function in _user_deleters(tree)
    ]
    assert found == USER_DELETERS, (
        "people are deleted only by accounts.services.account_delete, which runs "
        "every app's gdpr.delete_personal_data first"
    )


def test_apps_without_a_hook_say_why():
    silent = [
        label
        for label, module in personal_data_modules()
        if not hasattr(module, "delete_personal_data")
        and "delet" not in (module.__doc__ or "").lower()
    ]
    assert not silent, (
        "say in the gdpr.py docstring what happens to the app's data when an "
        f"account is deleted, and why no delete_personal_data is needed: {silent}"
    )


@pytest.mark.django_db
def test_deleting_in_django_admin_goes_the_same_way(admin_client, municipality):
    host, member = (MembershipFactory(municipality=municipality).user for _ in "ab")
    community = CommunityFactory(municipality=municipality, host=host)
    CommunityMember.objects.create(community=community, user=member, status="active")

    response = admin_client.post(
        f"/django-admin/accounts/user/{host.pk}/delete/", {"post": "yes"}
    )

    assert response.status_code == 302
    assert not User.objects.filter(pk=host.pk).exists()
    assert CommunityMember.objects.get(community=community).is_host
    assert AuditEntry.objects.filter(action="account.delete").exists()


@pytest.mark.django_db
def test_bulk_deleting_in_django_admin_goes_the_same_way(admin_client, municipality):
    hosts = [MembershipFactory(municipality=municipality).user for _ in "ab"]
    communities = [
        CommunityFactory(municipality=municipality, host=host) for host in hosts
    ]

    response = admin_client.post(
        "/django-admin/accounts/user/",
        {
            "action": "delete_selected",
            "_selected_action": [h.pk for h in hosts],
            "post": "yes",
        },
    )

    assert response.status_code == 302
    assert not User.objects.filter(pk__in=[h.pk for h in hosts]).exists()
    for community in communities:
        community.refresh_from_db()
        assert not community.is_active  # nobody left to host: closed, as before
    assert AuditEntry.objects.filter(action="account.delete").count() == 2
