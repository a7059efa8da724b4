"""A hearing or debate can be a task committee's public input between meetings:
the committee's page lists it once announced, the hearing's page links back, and
another municipality's committee is refused."""

from datetime import timedelta

import pytest
from django.core.exceptions import ValidationError
from django.urls import reverse
from django.utils import timezone

from faelles.accounts.factories import MembershipFactory
from faelles.committees.factories import TaskCommitteeFactory
from faelles.dialogue import services
from faelles.dialogue.factories import HearingFactory
from faelles.dialogue.forms import HearingForm
from faelles.municipalities.factories import MunicipalityFactory

pytestmark = pytest.mark.django_db


def _url(name, obj):
    return reverse(
        name, kwargs={"municipality_slug": obj.municipality.slug, "pk": obj.pk}
    )


def test_committee_and_hearing_link_to_each_other(client, municipality):
    committee = TaskCommitteeFactory(municipality=municipality)
    hearing = HearingFactory(municipality=municipality, committee=committee)
    later = timezone.now() + timedelta(days=20)
    HearingFactory(  # not announced yet: not listed
        municipality=municipality,
        committee=committee,
        title="Endnu ikke annonceret",
        announced_at=later,
        opens_at=later,
        closes_at=later + timedelta(days=5),
    )
    page = client.get(_url("committees:detail", committee))
    assert page.status_code == 200
    assert page.context["hearings"] == [hearing]
    assert "Endnu ikke annonceret" not in page.content.decode()
    page = client.get(_url("dialogue:detail", hearing))
    assert page.context["committee"] == committee
    assert committee.get_absolute_url() in page.content.decode()


def test_another_municipalitys_committee_is_refused(municipality):
    elsewhere = TaskCommitteeFactory(municipality=MunicipalityFactory())
    staff = MembershipFactory(municipality=municipality, is_employee=True).user
    now = timezone.now()
    with pytest.raises(ValidationError) as error:
        services.hearing_create(
            municipality=municipality,
            actor=staff,
            title="Høring",
            question="Hvad mener du?",
            announced_at=now,
            opens_at=now,
            closes_at=now + timedelta(days=7),
            committee=elsewhere,
        )
    assert "committee" in error.value.error_dict
    form = HearingForm(municipality=municipality)
    assert elsewhere not in form.fields["committee"].queryset
