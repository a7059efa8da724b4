"""An initiative's needs published to "Ressourcer og behov" and matched there."""

import pytest

from faelles.core.models import AuditEntry
from faelles.initiatives import services
from faelles.initiatives.factories import InitiativeFactory, NeedFactory
from faelles.initiatives.models import Need
from faelles.resources.models import Listing, Side

pytestmark = pytest.mark.django_db


@pytest.fixture
def initiative(municipality, citizen):
    return InitiativeFactory(
        municipality=municipality, proposer=citizen, postcode="5300"
    )


def test_proposer_publishes_a_need_as_a_listing(client, initiative, citizen):
    need = NeedFactory(initiative=initiative, title="Tømrer til broen", quantity=3)
    client.force_login(citizen)
    url = f"/odense/initiativer/{initiative.pk}/behov/{need.pk}/slaa-op/"
    assert client.get(url).status_code == 200
    response = client.post(url, {"kind": "skill"})
    need.refresh_from_db()
    listing = need.listing
    assert response.status_code == 302
    assert response["Location"] == listing.get_absolute_url()
    assert (listing.side, listing.kind, listing.title) == (
        Side.NEED,
        "skill",
        "Tømrer til broen",
    )
    assert listing.owner == citizen and listing.is_active
    assert listing.capacity == 3 and listing.postcode == "5300"
    assert initiative.get_absolute_url() in listing.text
    assert AuditEntry.objects.filter(action="initiative.need_publish").exists()
    # The listing page of the resources app shows it, and the initiative links to it.
    assert client.get(listing.get_absolute_url()).status_code == 200
    page = client.get(initiative.get_absolute_url()).content.decode()
    assert listing.get_absolute_url() in page
    # The listing is for the municipality's members: others get no link to a 404.
    client.logout()
    page = client.get(initiative.get_absolute_url()).content.decode()
    assert "Tømrer til broen" in page and listing.get_absolute_url() not in page
    assert client.get(listing.get_absolute_url()).status_code == 404
    client.force_login(citizen)
    # Publishing twice does not make a second listing.
    client.post(url, {"kind": "skill"})
    assert Listing.objects.count() == 1


def test_published_need_is_matched_with_an_offer(initiative, citizen, politician):
    from faelles.resources import matches
    from faelles.resources import services as resources

    need = NeedFactory(initiative=initiative, title="Tømrer", kind=Need.Kind.ROLE)
    listing = services.need_publish(need=need, actor=citizen, kind="skill")
    offer = resources.listing_create(
        municipality=initiative.municipality,
        actor=politician,
        side="offer",
        kind="skill",
        title="Tømrer med egen værktøjskasse",
        text="Jeg er tømrer og hjælper gerne med at bygge til et fælles projekt.",
        postcode="5300",
        visibility="members",
    )
    found = matches.matches_for(listing, levels=["public", "members"])
    assert offer.pk in [m.listing.pk for m in found]


@pytest.mark.parametrize("kind", ["lived_experience", "nonsense"])
def test_refused_kinds_change_nothing(client, initiative, citizen, kind):
    need = NeedFactory(initiative=initiative)
    client.force_login(citizen)
    response = client.post(
        f"/odense/initiativer/{initiative.pk}/behov/{need.pk}/slaa-op/", {"kind": kind}
    )
    assert response.status_code == 200
    assert not Listing.objects.exists()


def test_others_may_not_publish_needs(client, initiative, politician):
    need = NeedFactory(initiative=initiative)
    client.force_login(politician)
    response = client.post(
        f"/odense/initiativer/{initiative.pk}/behov/{need.pk}/slaa-op/",
        {"kind": "time"},
    )
    assert response.status_code == 403
    assert not Listing.objects.exists()


def test_closing_a_need_closes_its_listing(client, initiative, citizen):
    need = NeedFactory(initiative=initiative)
    listing = services.need_publish(need=need, actor=citizen)
    client.force_login(citizen)
    client.post(f"/odense/initiativer/{initiative.pk}/behov/{need.pk}/daekket/")
    need.refresh_from_db()
    listing.refresh_from_db()
    assert not need.is_open and not listing.is_active


def test_filling_a_need_by_joining_closes_its_listing(initiative, citizen, politician):
    need = NeedFactory(initiative=initiative, quantity=1)
    listing = services.need_publish(need=need, actor=citizen)
    services.participation_join(
        initiative=initiative, user=politician, role="Tømrer", need=need
    )
    listing.refresh_from_db()
    assert not listing.is_active


def test_recruiting_for_an_initiative_is_civil_society_on_the_ladder(
    initiative, citizen, employee
):
    from faelles.participation.models import ParticipationAct, Rung

    mine = NeedFactory(initiative=initiative, title="Tovholder")
    services.need_publish(need=mine, actor=citizen)
    act = ParticipationAct.objects.get(action="resources.need_post")
    assert (act.user, act.rung) == (citizen, Rung.CIVIL_SOCIETY)
    # A facilitator publishing a need is doing their job: no act for them.
    theirs = NeedFactory(initiative=initiative, title="Træ til broen")
    services.need_publish(need=theirs, actor=employee)
    assert not ParticipationAct.objects.filter(user=employee).exists()
