"""An opinion map can be part of a hearing or a debate: each page links to the
other, a map cannot join another municipality's hearing, and a hearing only staff
may see yet is not revealed through the map."""

from datetime import timedelta

import pytest
from django.core.exceptions import ValidationError
from django.urls import reverse
from django.utils import timezone

from faelles.accounts.factories import MembershipFactory
from faelles.dialogue.factories import HearingFactory
from faelles.municipalities.factories import MunicipalityFactory
from faelles.opinions import services
from faelles.opinions.factories import OpinionMapFactory
from faelles.opinions.forms import MapForm

pytestmark = pytest.mark.django_db


def _url(name, obj):
    return reverse(
        name, kwargs={"municipality_slug": obj.municipality.slug, "pk": obj.pk}
    )


def test_the_hearing_and_its_map_link_to_each_other(client, municipality):
    hearing = HearingFactory(municipality=municipality)
    opinion_map = OpinionMapFactory(municipality=municipality, hearing=hearing)
    OpinionMapFactory(municipality=municipality)  # not part of it
    page = client.get(_url("dialogue:detail", hearing))
    assert page.status_code == 200
    assert page.context["opinion_maps"] == [opinion_map]
    assert opinion_map.get_absolute_url() in page.content.decode()
    page = client.get(_url("opinions:detail", opinion_map))
    assert page.context["hearing"] == hearing
    assert hearing.get_absolute_url() in page.content.decode()


def test_a_map_cannot_join_another_municipalitys_hearing(municipality):
    elsewhere = HearingFactory(municipality=MunicipalityFactory())
    staff = MembershipFactory(municipality=municipality, is_employee=True).user
    with pytest.raises(ValidationError) as error:
        services.map_create(
            municipality=municipality,
            actor=staff,
            title="Kort",
            question="Hvad mener du?",
            hearing=elsewhere,
        )
    assert "hearing" in error.value.error_dict
    form = MapForm(municipality=municipality)
    assert elsewhere not in form.fields["hearing"].queryset


def test_a_hearing_not_yet_announced_is_not_named_on_the_map(client, municipality):
    later = timezone.now() + timedelta(days=30)
    hidden = HearingFactory(
        municipality=municipality,
        title="Hemmelig plan",
        announced_at=later,
        opens_at=later + timedelta(days=1),
        closes_at=later + timedelta(days=10),
    )
    opinion_map = OpinionMapFactory(municipality=municipality, hearing=hidden)
    page = client.get(_url("opinions:detail", opinion_map))
    assert page.status_code == 200
    assert page.context["hearing"] is None
    assert "Hemmelig plan" not in page.content.decode()
