"""A verified børneattest is stored only as who verified it, when and until when."""

import datetime as dt

import pytest
from django.core.exceptions import PermissionDenied, ValidationError

from faelles.accounts.factories import MembershipFactory
from faelles.organisations.factories import (
    DepartmentFactory,
    OrganisationFactory,
    OrganisationMemberFactory,
)
from faelles.resources import matches, services
from faelles.resources.factories import ListingFactory, NeedFactory
from faelles.resources.models import ChildCertificateVerification, Proposal

pytestmark = pytest.mark.django_db

TODAY = dt.date(2026, 5, 4)
URL = "/odense/ressourcer/boerneattest/"


def test_only_the_fact_is_stored():
    fields = {f.name for f in ChildCertificateVerification._meta.get_fields()}
    assert fields == {
        "id",
        "municipality",
        "person",
        "organisation",
        "verified_on",
        "valid_until",
        "verified_by",
    }


@pytest.fixture
def association(municipality):
    association = OrganisationFactory(municipality=municipality)
    admin = MembershipFactory(municipality=municipality).user
    OrganisationMemberFactory(organisation=association, user=admin, is_admin=True)
    return association, admin


def test_association_admin_records_for_own_association_only(
    client, municipality, association
):
    association, admin = association
    other = OrganisationFactory(municipality=municipality)
    volunteer = MembershipFactory(municipality=municipality).user
    client.force_login(admin)
    page = client.get(URL).text
    assert association.name in page and other.name not in page
    data = {
        "email": volunteer.email,
        "organisation": other.pk,
        "verified_on": "2026-01-10",
        "valid_until": "2028-01-10",
    }
    assert client.post(URL, data).status_code == 200  # not a valid choice
    assert not ChildCertificateVerification.objects.exists()
    data["organisation"] = association.pk
    assert client.post(URL, data).status_code == 302
    row = ChildCertificateVerification.objects.get()
    assert (row.person, row.organisation, row.verified_by) == (
        volunteer,
        association,
        admin,
    )
    assert str(volunteer) in client.get(URL).text


def test_employee_records_for_a_department(client, municipality, employee):
    department = DepartmentFactory(municipality=municipality)
    volunteer = MembershipFactory(municipality=municipality).user
    client.force_login(employee)
    response = client.post(
        URL,
        {
            "email": volunteer.email,
            "organisation": department.pk,
            "verified_on": dt.date.today().isoformat(),
            "valid_until": (dt.date.today() + dt.timedelta(days=700)).isoformat(),
        },
    )
    assert response.status_code == 302
    assert ChildCertificateVerification.objects.get().organisation == department


@pytest.mark.parametrize(
    "bad",
    [
        {"verified_on": "2026-06-01"},  # in the future
        {"valid_until": "2026-05-01"},  # already over
        {"verified_on": "2026-03-01", "valid_until": "2026-02-01"},
    ],
)
def test_bad_dates_are_refused(municipality, association, bad):
    association, admin = association
    volunteer = MembershipFactory(municipality=municipality).user
    dates = {"verified_on": dt.date(2026, 1, 1), "valid_until": dt.date(2027, 1, 1)}
    dates.update({k: dt.date.fromisoformat(v) for k, v in bad.items()})
    with pytest.raises(ValidationError):
        services.child_certificate_verify(
            municipality=municipality,
            actor=admin,
            person=volunteer,
            organisation=association,
            today=TODAY,
            **dates,
        )
    assert not ChildCertificateVerification.objects.exists()


def test_person_outside_the_municipality_and_other_organisations_are_refused(
    municipality, other_municipality, association, citizen
):
    association, admin = association
    stranger = MembershipFactory(municipality=other_municipality).user
    with pytest.raises(ValidationError):
        services.child_certificate_verify(
            municipality=municipality,
            actor=admin,
            person=stranger,
            organisation=association,
            verified_on=dt.date(2026, 1, 1),
            valid_until=dt.date(2027, 1, 1),
            today=TODAY,
        )
    with pytest.raises(PermissionDenied):
        services.child_certificate_verify(
            municipality=municipality,
            actor=citizen,
            person=admin,
            organisation=association,
            verified_on=dt.date(2026, 1, 1),
            valid_until=dt.date(2027, 1, 1),
            today=TODAY,
        )


def test_a_need_that_requires_it_meets_only_verified_helpers(
    client, municipality, association
):
    association, admin = association
    need = NeedFactory(
        municipality=municipality,
        requires_child_certificate=True,
        owner=MembershipFactory(municipality=municipality).user,
    )
    helper = MembershipFactory(municipality=municipality).user
    offer = ListingFactory(municipality=municipality, owner=helper)
    assert matches.matches_for(need, levels=["public"]) == []
    with pytest.raises(ValidationError, match="børneattest"):
        services.proposal_respond(need=need, offer=offer, actor=helper)
    row = services.child_certificate_verify(
        municipality=municipality,
        actor=admin,
        person=helper,
        organisation=association,
        verified_on=dt.date.today(),
        valid_until=dt.date.today() + dt.timedelta(days=365),
    )
    assert [f.listing for f in matches.matches_for(need, levels=["public"])] == [offer]
    client.force_login(helper)
    assert "Kontrolleret af" in client.get(offer.get_absolute_url()).text
    services.proposal_respond(need=need, offer=offer, actor=helper)
    assert Proposal.objects.count() == 1
    # Revoked: the helper no longer meets the need.
    client.force_login(admin)
    client.post(f"/odense/ressourcer/boerneattest/{row.pk}/slet/")
    assert not ChildCertificateVerification.objects.exists()
    assert matches.matches_for(need, levels=["public"]) == []


def test_an_attest_that_runs_out_stops_matching_the_next_day(municipality, association):
    association, admin = association
    need = NeedFactory(municipality=municipality, requires_child_certificate=True)
    helper = MembershipFactory(municipality=municipality).user
    offer = ListingFactory(municipality=municipality, owner=helper)
    today = dt.date.today()
    services.child_certificate_verify(
        municipality=municipality,
        actor=admin,
        person=helper,
        organisation=association,
        verified_on=today - dt.timedelta(days=700),
        valid_until=today,
    )
    found = matches.matches_for(need, levels=["public"], today=today)
    assert [f.listing for f in found] == [offer]
    tomorrow = today + dt.timedelta(days=1)
    assert matches.matches_for(need, levels=["public"], today=tomorrow) == []
