import pytest
from django.core.exceptions import ValidationError
from django.db import connection
from django.test.utils import CaptureQueriesContext

from faelles.core.models import AuditEntry
from faelles.core.services import model_update
from faelles.municipalities.models import Municipality
from faelles.organisations.factories import OrganisationFactory
from faelles.organisations.models import Organisation


@pytest.mark.django_db
def test_assigns_saves_and_audits_with_the_row_municipality(employee):
    organisation = OrganisationFactory(name="Gammelt navn")

    saved = model_update(
        organisation,
        fields={"name": "Nyt navn", "postcode": "8000"},
        actor=employee,
        action="organisation.update",
    )

    row = Organisation.objects.get(pk=organisation.pk)
    assert (row.name, row.postcode) == ("Nyt navn", "8000")
    assert saved.name == "Nyt navn"
    entry = AuditEntry.objects.get(action="organisation.update")
    assert entry.actor == employee
    assert entry.municipality_id == organisation.municipality_id
    assert entry.target_id == str(organisation.pk)
    assert entry.data == {"fields": ["name", "postcode"]}


@pytest.mark.django_db
def test_invalid_values_change_nothing_and_are_not_audited(municipality):
    with pytest.raises(ValidationError) as raised:
        model_update(
            municipality,
            fields={"name": "Ny", "contact_email": "ikke en adresse"},
            actor=None,
            action="municipality.update",
        )

    assert "contact_email" in raised.value.message_dict
    assert Municipality.objects.get(pk=municipality.pk).name == municipality.name
    assert not AuditEntry.objects.filter(action="municipality.update").exists()


@pytest.mark.django_db
def test_before_save_sees_the_old_values_and_can_refuse(municipality):
    seen = {}

    def refuse(locked, old):
        seen.update(old, new=locked.name)
        raise ValidationError("nej")

    with pytest.raises(ValidationError):
        model_update(
            municipality,
            fields={"name": "Ny"},
            actor=None,
            action="municipality.update",
            before_save=refuse,
        )

    assert seen == {"name": municipality.name, "new": "Ny"}
    assert Municipality.objects.get(pk=municipality.pk).name == municipality.name
    assert not AuditEntry.objects.exists()


@pytest.mark.django_db
def test_writes_given_and_derived_columns_only_on_a_fresh_row(municipality):
    stale = Municipality.objects.get(pk=municipality.pk)
    # Someone else changes another column after ``stale`` was read.
    Municipality.objects.filter(pk=municipality.pk).update(contact_phone="12345678")

    def derive(locked, old):
        locked.address = f"Rådhuset, {locked.name}"

    saved = model_update(
        stale,
        fields={"name": "Nystad"},
        actor=None,
        action="municipality.update",
        before_save=derive,
    )

    row = Municipality.objects.get(pk=municipality.pk)
    assert (row.name, row.address) == ("Nystad", "Rådhuset, Nystad")
    assert row.contact_phone == "12345678"
    assert saved.contact_phone == "12345678"
    # The instance passed in is left as it was read.
    assert stale.name == municipality.name


@pytest.mark.django_db
def test_the_update_statement_names_only_changed_columns(municipality):
    with CaptureQueriesContext(connection) as queries:
        model_update(
            municipality,
            fields={"name": "Nystad"},
            actor=None,
            action="municipality.update",
        )

    (update,) = [q["sql"] for q in queries if q["sql"].startswith("UPDATE")]
    assert '"name"' in update
    assert '"contact_email"' not in update
