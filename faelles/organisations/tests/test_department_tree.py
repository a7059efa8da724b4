"""Departments as a tree (forvaltning → afdeling → enhed) and leaders of them."""

import pytest
from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction

from faelles.accounts.factories import MembershipFactory
from faelles.accounts.models import Membership
from faelles.organisations.factories import DepartmentFactory, OrganisationFactory
from faelles.organisations.models import Organisation
from faelles.organisations.selectors import as_tree, departments_led_by
from faelles.organisations.services import department_delete

pytestmark = pytest.mark.django_db


@pytest.fixture
def tree(municipality):
    top = DepartmentFactory(municipality=municipality, name="Social og Sundhed")
    middle = DepartmentFactory(
        municipality=municipality, name="Ældreområdet", parent=top
    )
    unit = DepartmentFactory(
        municipality=municipality, name="Hjemmeplejen", parent=middle
    )
    other = DepartmentFactory(municipality=municipality, name="Kultur")
    return top, middle, unit, other


def test_a_unit_sits_under_a_department_and_the_list_shows_it(
    client, municipality, municipal_admin
):
    top = DepartmentFactory(municipality=municipality, name="Børn og Unge")
    client.force_login(municipal_admin)
    response = client.post(
        "/odense/administration/afdelinger/",
        {"name": "Dagtilbud Nord", "parent": str(top.pk), "description": ""},
    )
    assert response.status_code == 302
    unit = Organisation.objects.get(name="Dagtilbud Nord")
    assert unit.parent == top and unit.kind == Organisation.Kind.DEPARTMENT
    page = client.get("/odense/administration/afdelinger/").text
    assert page.index("Børn og Unge") < page.index("Dagtilbud Nord")


def test_a_cycle_is_refused_and_nothing_changes(client, municipal_admin, tree):
    top, middle, unit, _other = tree
    client.force_login(municipal_admin)
    response = client.post(
        f"/odense/organisationer/{top.slug}/rediger/",
        {"name": top.name, "parent": str(unit.pk), "description": ""},
    )
    assert response.status_code == 200  # the form again, with the error
    top.refresh_from_db()
    assert top.parent is None
    top.parent = unit
    with pytest.raises(ValidationError):
        top.full_clean()


def test_only_departments_of_the_same_municipality_can_be_a_parent(
    municipality, other_municipality
):
    foreign = DepartmentFactory(municipality=other_municipality)
    association = OrganisationFactory(municipality=municipality, kind="association")
    for parent in (foreign, association):
        unit = Organisation(
            municipality=municipality,
            kind=Organisation.Kind.DEPARTMENT,
            name="Enhed",
            slug="enhed",
            parent=parent,
        )
        with pytest.raises(ValidationError):
            unit.full_clean()


def test_a_department_with_units_is_not_deleted(municipal_admin, tree):
    top, *_ = tree
    with pytest.raises(ValidationError, match="enheder"):
        department_delete(department=top, actor=municipal_admin)
    assert Organisation.objects.filter(pk=top.pk).exists()


def test_tree_order_and_depth(municipality, tree):
    top, middle, unit, other = tree
    ordered = as_tree(
        Organisation.objects.departments().filter(municipality=municipality)
    )
    assert [(d.name, d.depth) for d in ordered] == [
        ("Kultur", 0),
        ("Social og Sundhed", 0),
        ("Ældreområdet", 1),
        ("Hjemmeplejen", 2),
    ]


def test_a_leader_leads_the_department_and_every_unit_under_it(municipality, tree):
    top, middle, unit, other = tree
    boss = MembershipFactory(
        municipality=municipality, is_employee=True, is_leader=True, department=middle
    ).user
    assert departments_led_by(boss, municipality) == {middle.pk, unit.pk}
    staff = MembershipFactory(
        municipality=municipality, is_employee=True, department=middle
    ).user
    assert departments_led_by(staff, municipality) == set()


def test_leader_needs_a_department(client, municipality, municipal_admin):
    target = MembershipFactory(municipality=municipality)
    client.force_login(municipal_admin)
    response = client.post(
        f"/odense/administration/personer/{target.pk}/",
        {"is_citizen": "on", "is_employee": "on", "is_leader": "on", "party": ""},
    )
    assert response.status_code == 200
    target.refresh_from_db()
    assert not target.is_leader
    with pytest.raises(IntegrityError), transaction.atomic():  # the database too
        Membership.objects.filter(pk=target.pk).update(is_leader=True)


def test_departments_are_read_once_inside_the_block_and_afresh_after_it(
    municipality, tree, django_assert_num_queries
):
    from faelles.organisations.selectors import (
        covers_every_department,
        department_rows,
        department_tree,
        departments_read_once,
        in_departments,
    )

    top, middle, unit, other = tree
    with django_assert_num_queries(1), departments_read_once(municipality):
        assert department_tree(municipality) == {
            top.pk: None,
            middle.pk: top.pk,
            unit.pk: middle.pk,
            other.pk: None,
        }
        with departments_read_once(municipality):  # nested: the same memo
            assert len(department_rows(municipality)) == 4
        assert covers_every_department(municipality, {d.pk for d in tree})
        assert not covers_every_department(municipality, {top.pk, middle.pk})
        assert in_departments(municipality, {top.pk}) == {top.pk}
    # Departments change: the memo ends with the block (the request).
    new = DepartmentFactory(municipality=municipality, parent=other)
    with django_assert_num_queries(1):
        assert department_tree(municipality)[new.pk] == other.pk
    with django_assert_num_queries(2):  # outside a block: each call reads
        department_tree(municipality)
        department_tree(municipality)
    everything = in_departments(municipality, {*(d.pk for d in tree), new.pk})
    assert set(everything.values_list("pk", flat=True)) == {
        *(d.pk for d in tree),
        new.pk,
    }
