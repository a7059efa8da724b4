"""Role predicates, role by role, and always within one municipality."""

import pytest

from faelles.accounts import rules as r

pytestmark = pytest.mark.django_db

ROLES = ["citizen", "employee", "politician", "moderator", "municipal_admin"]
EXPECTED = {
    # predicate: roles for which it holds
    "is_member": {"citizen", "employee", "politician", "moderator", "municipal_admin"},
    "is_employee": {"employee", "municipal_admin"},
    "is_politician": {"politician"},
    "is_moderator": {"moderator"},
    "is_municipal_admin": {"municipal_admin"},
    "can_moderate": {"moderator", "municipal_admin"},
    "is_staff_member": {"employee", "municipal_admin"},
}


@pytest.mark.parametrize("role", ROLES)
@pytest.mark.parametrize("predicate", sorted(EXPECTED))
def test_predicate_per_role(request, municipality, role, predicate):
    user = request.getfixturevalue(role)
    assert getattr(r, predicate).test(user, municipality) is (
        role in EXPECTED[predicate]
    )


@pytest.mark.parametrize("predicate", sorted(EXPECTED))
def test_roles_do_not_leak_to_another_municipality(
    municipality, other_municipality, municipal_admin, predicate
):
    assert getattr(r, predicate).test(municipal_admin, other_municipality) is False


def test_anonymous_has_no_role(municipality):
    from django.contrib.auth.models import AnonymousUser

    for predicate in EXPECTED:
        assert getattr(r, predicate).test(AnonymousUser(), municipality) is False


def test_platform_admin_can_administer_everywhere(municipality):
    from faelles.accounts.factories import UserFactory

    root = UserFactory(is_superuser=True, is_staff=True)
    assert r.can_administer.test(root, municipality)
    assert not r.is_member.test(root, municipality)


def test_permissions_registered(municipality, municipal_admin, citizen):
    assert municipal_admin.has_perm("municipalities.change_settings", municipality)
    assert municipal_admin.has_perm("accounts.manage_roles", municipality)
    assert not citizen.has_perm("municipalities.change_settings", municipality)
    assert not citizen.has_perm("accounts.view_member_list", municipality)
