"""Issue 11, item 6: a KOL need is not offered a grief group, far away distance is
no reason, and when nothing fits the page says so and offers the next steps."""

import pytest

from faelles.resources.factories import ListingFactory, NeedFactory
from faelles.resources.models import Visibility

pytestmark = pytest.mark.django_db


def _kol_need(municipality, owner):
    return NeedFactory(
        municipality=municipality,
        owner=owner,
        title="Nogen at tale med om KOL",
        text="Jeg har haft KOL i to år og vil gerne tale med en, der kender det.",
        categories=["health.chronic.copd"],
        kind="lived_experience",
        visibility=Visibility.MEMBERS,
        postcode="5300",
        radius_km=25,
    )


def _grief_offer(municipality):
    return ListingFactory(
        municipality=municipality,
        title="Sorggruppe for efterladte",
        text="Jeg mistede min mand for tre år siden og vil gerne tale med andre.",
        categories=["health.grief"],
        kind="lived_experience",
        visibility=Visibility.MEMBERS,
        postcode="5000",
        radius_km=25,
    )


def test_kol_need_gets_no_grief_match_and_the_next_steps(client, municipality, citizen):
    need = _kol_need(municipality, citizen)
    _grief_offer(municipality)
    client.force_login(citizen)
    for url in (
        f"/odense/ressourcer/{need.pk}/",
        f"/odense/ressourcer/{need.pk}/match/",
    ):
        page = client.get(url).text
        assert "Sorggruppe for efterladte" not in page
        assert "Begge nævner tale" not in page
        assert "ingen ressource, der passer godt nok" in page
        assert f"/odense/ressourcer/{need.pk}/rediger/" in page
        assert "Find et fællesskab, der arbejder med det samme" in page
        assert "/odense/faellesskaber/?theme=health" in page


def test_a_far_match_lists_no_distance_reason(client, municipality, citizen):
    need = _kol_need(municipality, citizen)
    ListingFactory(
        municipality=municipality,
        title="Jeg lever med KOL",
        text="Jeg har haft rygerlunger i ni år og går ture i mit eget tempo.",
        categories=["health.chronic.copd"],
        kind="lived_experience",
        visibility=Visibility.MEMBERS,
        postcode="5000",  # 17 km from 5300
        radius_km=25,
    )
    client.force_login(citizen)
    page = client.get(f"/odense/ressourcer/{need.pk}/match/").text
    assert "Jeg lever med KOL" in page
    assert "km væk" not in page
