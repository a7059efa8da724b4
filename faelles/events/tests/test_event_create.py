"""Creating events that belong to a community, a movement, an initiative or the
municipality; bad input changes nothing."""

import pytest

from faelles.communities.factories import CommunityFactory
from faelles.events.models import Event
from faelles.initiatives.factories import InitiativeFactory
from faelles.municipalities.tenancy import tenant_reverse

pytestmark = pytest.mark.django_db


def _data(**extra):
    return {
        "title": "Gåtur langs åen",
        "description": "Vi går i roligt tempo.",
        "starts_at": "2030-05-01T10:00",
        "ends_at": "2030-05-01T12:00",
        "place": "Munke Mose",
        "capacity": "20",
        **extra,
    }


def test_citizen_creates_event_for_own_initiative(client, municipality, citizen):
    initiative = InitiativeFactory(municipality=municipality, proposer=citizen)
    client.force_login(citizen)
    url = tenant_reverse("events:create", municipality)
    form = client.get(url + f"?initiativ={initiative.pk}").context["form"]
    assert form.initial["initiative"] == initiative.pk
    response = client.post(url, _data(initiative=initiative.pk))
    event = Event.objects.get()
    assert response.url == event.get_absolute_url()
    assert event.initiative == initiative and event.organiser == citizen
    page = client.get(event.get_absolute_url()).text
    assert initiative.get_absolute_url() in page


def test_citizen_needs_something_to_belong_to(client, municipality, citizen):
    someone_elses = InitiativeFactory(municipality=municipality)
    client.force_login(citizen)
    url = tenant_reverse("events:create", municipality)
    assert client.post(url, _data()).status_code == 200
    response = client.post(url, _data(initiative=someone_elses.pk))
    assert "initiative" in response.context["form"].errors
    assert not Event.objects.exists()


def test_only_one_link_and_end_after_start(client, municipality, employee):
    community = CommunityFactory(municipality=municipality)
    initiative = InitiativeFactory(municipality=municipality)
    client.force_login(employee)
    url = tenant_reverse("events:create", municipality)
    response = client.post(url, _data(community=community.pk, initiative=initiative.pk))
    assert "initiative" in response.context["form"].errors
    response = client.post(url, _data(ends_at="2030-05-01T09:00"))
    assert "ends_at" in response.context["form"].errors
    assert not Event.objects.exists()
    # Staff create the municipality's own events without a link.
    assert client.post(url, _data()).status_code == 302
    assert Event.objects.get().community is None
