"""The "matches for this need" page: explained matches and what one can do with them."""

import datetime as dt

import pytest
from django.core import mail
from django.utils import timezone

from faelles.accounts.factories import MembershipFactory
from faelles.notifications.models import Notification, NotificationPreference
from faelles.resources import services
from faelles.resources.factories import ListingFactory, NeedFactory
from faelles.resources.models import Proposal

pytestmark = pytest.mark.django_db


@pytest.fixture
def need(municipality):
    return NeedFactory(
        municipality=municipality,
        owner=MembershipFactory(municipality=municipality).user,
        title="Lektiehjælp i matematik",
        text="Min søn i 7. klasse har brug for hjælp til brøker og procent.",
        categories=["youth.homework"],
        availability=0b10,  # Monday afternoon
    )


@pytest.fixture
def offers(municipality):
    return [
        ListingFactory(
            municipality=municipality,
            owner=MembershipFactory(municipality=municipality).user,
            title=f"Matematikhjælp {i}",
            text="Pensioneret lærer hjælper med matematik, brøker og procent.",
            categories=["youth.homework"],
        )
        for i in range(12)
    ]


def test_top_ten_with_reasons_and_an_ask_for_each(client, need, offers):
    client.force_login(need.owner)
    page = client.get(f"/odense/ressourcer/{need.pk}/match/").text
    assert page.count('class="res-match"') == 10
    assert "Begge nævner" in page and "Samme kategori: Børn og unge" in page
    assert page.count("Spørg om hjælp") == 10


def test_detail_shows_three_and_links_to_all(client, need, offers):
    client.force_login(need.owner)
    page = client.get(need.get_absolute_url()).text
    assert page.count('class="res-match"') == 3
    assert f"/odense/ressourcer/{need.pk}/match/" in page


def test_asking_from_a_match_asks_the_offer_directly(client, need, offers):
    client.force_login(need.owner)
    offer = offers[0]
    response = client.post(
        "/odense/ressourcer/foreslaa/", {"need": need.pk, "offer": offer.pk}
    )
    proposal = Proposal.objects.get()
    assert response["Location"] == proposal.get_absolute_url()
    assert proposal.status == Proposal.Status.PROPOSED
    assert proposal.need_accepted_at and not proposal.offer_accepted_at
    assert Notification.objects.filter(
        recipient=offer.owner, kind="resources.match_proposed"
    ).exists()
    page = client.get(f"/odense/ressourcer/{need.pk}/match/").text
    assert "Der er allerede et forslag om dette match." in page
    # The same ask twice is refused with a message, and nothing changes.
    response = client.post(
        "/odense/ressourcer/foreslaa/", {"need": need.pk, "offer": offer.pk}
    )
    assert response.status_code == 200
    assert "allerede et åbent forslag" in response.text
    assert Proposal.objects.count() == 1


def test_offer_holder_answers_from_their_offers_matches(
    client, municipality, need, offers
):
    offer = offers[0]
    client.force_login(offer.owner)
    page = client.get(f"/odense/ressourcer/{offer.pk}/match/").text
    assert need.title in page and "Jeg kan hjælpe" in page
    client.post("/odense/ressourcer/foreslaa/", {"need": need.pk, "offer": offer.pk})
    proposal = Proposal.objects.get()
    assert proposal.offer_accepted_at and not proposal.need_accepted_at


def test_a_no_removes_the_pair_from_the_matches(client, need, offers):
    offer = offers[0]
    proposal = services.proposal_suggest(need=need, offer=offer, actor=need.owner)
    services.proposal_decline(proposal=proposal, actor=offer.owner)
    client.force_login(need.owner)
    page = client.get(f"/odense/ressourcer/{need.pk}/match/").text
    assert f'value="{offer.pk}"' not in page


def test_many_proposals_mail_a_person_once_within_the_cooldown(
    municipality, need, offers, django_capture_on_commit_callbacks
):
    owner = offers[0].owner
    for other in offers[1:3]:  # the same person holds three offers
        other.owner = owner
        other.save()
    NotificationPreference.objects.update_or_create(
        user=owner, defaults={"cooldown_minutes": 60}
    )
    with django_capture_on_commit_callbacks(execute=True):
        for offer in offers[:3]:
            services.proposal_suggest(need=need, offer=offer, actor=need.owner)
    notes = Notification.objects.filter(
        recipient=owner, kind="resources.match_proposed"
    )
    assert notes.count() == 3  # all three are in the app …
    assert [m.to for m in mail.outbox].count([owner.email]) == 1  # … one e-mail
    assert notes.filter(emailed_at__isnull=True).count() == 2  # left for the digest


def test_english_interface_shows_english_reasons(client, need, offers):
    client.cookies["faelles_language"] = "en"
    client.force_login(need.owner)
    page = client.get(f"/odense/ressourcer/{need.pk}/match/").text
    assert "Both mention" in page and "Same category: Children and young people" in page
    assert "Begge nævner" not in page
    assert "Ask for help" in page


def test_expired_need_has_no_matches(client, municipality, offers):
    need = NeedFactory(
        municipality=municipality,
        title="Matematik",
        expires_on=timezone.localdate() - dt.timedelta(days=1),
    )
    client.force_login(need.owner)
    page = client.get(f"/odense/ressourcer/{need.pk}/match/").text
    assert 'class="res-match"' not in page


def test_mine_loads_each_open_listing_s_top_three_after_the_page(
    client, municipality, need, offers
):
    closed = NeedFactory(municipality=municipality, owner=need.owner, is_active=False)
    client.force_login(need.owner)
    page = client.get("/odense/ressourcer/mine/").text
    # The page itself runs no matching: one fragment per open listing, and a link
    # to the matches page for those without JavaScript.
    assert f'hx-get="/odense/ressourcer/{need.pk}/mine-match/"' in page
    assert f"/odense/ressourcer/{closed.pk}/mine-match/" not in page
    assert f'href="/odense/ressourcer/{need.pk}/match/"' in page
    fragment = client.get(f"/odense/ressourcer/{need.pk}/mine-match/").text
    assert fragment.count("Matematikhjælp") == 3
    assert "Begge nævner" in fragment or "Samme kategori" in fragment


def test_mine_fragment_says_when_nothing_fits(client, municipality, need):
    client.force_login(need.owner)
    fragment = client.get(f"/odense/ressourcer/{need.pk}/mine-match/").text
    assert "Intet passer godt nok endnu." in fragment
    assert f'href="{need.get_absolute_url()}"' in fragment


def test_mine_fragment_is_the_holder_s_alone(client, municipality, need, offers):
    url = f"/odense/ressourcer/{need.pk}/mine-match/"
    assert client.get(url).status_code == 302  # log in first
    client.force_login(offers[0].owner)
    assert client.get(url).status_code == 404
    other = NeedFactory(municipality=municipality)
    client.force_login(need.owner)
    assert client.get(f"/odense/ressourcer/{other.pk}/mine-match/").status_code == 404
    assert client.get("/odense/ressourcer/999999/mine-match/").status_code == 404


@pytest.mark.parametrize(
    "path",
    ["", "match/", "mine-match/"],
)
def test_query_count_is_bounded(
    client, need, offers, django_assert_max_num_queries, path
):
    client.force_login(need.owner)
    client.get(f"/odense/ressourcer/{need.pk}/{path}")  # builds the index
    with django_assert_max_num_queries(14):
        assert client.get(f"/odense/ressourcer/{need.pk}/{path}").status_code == 200


@pytest.mark.parametrize(
    "path",
    ["", "kort/", "?q=matematik&side=offer", "mine/", "formidling/", "boerneattest/"],
)
def test_list_pages_query_count_is_bounded(
    client, employee, need, offers, django_assert_max_num_queries, path
):
    client.force_login(employee)
    with django_assert_max_num_queries(12):
        assert client.get(f"/odense/ressourcer/{path}").status_code == 200


def test_map_shows_postcodes_never_addresses_and_fetches_nothing(
    client, municipality, offers
):
    page = client.get("/odense/ressourcer/kort/").text
    assert "5000" in page and "Odense C" in page
    svg = page[page.index("<svg") : page.index("</svg>")]
    assert "http" not in svg  # no tiles or anything else from the network
    assert "<table" in page  # the same numbers for screen readers


def test_map_draws_denmark_s_coast_around_the_points(client, municipality, offers):
    """A real map (the coastline shipped with Fælles), not dots on a grey box."""
    import re

    page = client.get("/odense/ressourcer/kort/").text
    svg = page[page.index("<svg") : page.index("</svg>")]
    land = re.search(r'<path d="(M[^"]+)" class="res-map-land"', svg)
    assert land is not None
    coordinates = [float(v) for v in re.findall(r"-?\d+(?:\.\d+)?", land.group(1))]
    assert len(coordinates) > 100  # Funen's coast, not a placeholder
    # Odense lies on land: the point sits inside the drawn view.
    point = re.search(r'<circle cx="([\d.]+)" cy="([\d.]+)"', svg)
    assert 0 < float(point.group(1)) < 600 and 0 < float(point.group(2)) < 420


@pytest.mark.engine
def test_coastline_is_local_data_in_the_matching_projection():
    from faelles.resources.map import coastline

    rings = coastline()
    assert len(rings) >= 10  # Jutland, Zealand, Funen, Bornholm and more
    xs = [x for ring in rings for x in ring[:, 0]]
    ys = [y for ring in rings for y in ring[:, 1]]
    # Denmark spans about 8°–15.2° E and 54.5°–57.8° N (in km of geo's projection).
    assert min(xs) > 8 * 62 and max(xs) < 15.3 * 62.3
    assert min(ys) + 1 > 54.5 * 110.57 and max(ys) < 57.8 * 110.57
