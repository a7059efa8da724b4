"""Every section of a municipality's home page ("Det sker lige nu") shows what is
happening, and says so in words when nothing is; an open vote comes first."""

from datetime import timedelta

import pytest
from django.utils import timezone

from faelles.budgeting.factories import BudgetRoundFactory
from faelles.budgeting.models import Phase
from faelles.communities.factories import CommunityFactory, MovementFactory
from faelles.events.factories import EventFactory
from faelles.events.models import Event
from faelles.initiatives.factories import InitiativeFactory
from faelles.initiatives.models import State
from faelles.resources.factories import ListingFactory

pytestmark = pytest.mark.django_db

EMPTY = {
    "events": "Der er ingen kommende arrangementer lige nu.",
    "communities": "Der er endnu ingen åbne fællesskaber eller bevægelser.",
    "budgeting": "Der er ingen åben runde i borgerbudgettet lige nu.",
    "initiatives": "Der er ingen initiativer endnu.",
    "resources": "Ingen har delt ressourcer eller behov endnu.",
}
HEADINGS = [
    "Ressourcer og behov",
    "Nye initiativer",
    "Fællesskaber og bevægelser",
    "Kommende arrangementer",
    "Borgerbudget",
]


def test_every_section_says_so_when_there_is_nothing(client, municipality):
    text = client.get(f"/{municipality.slug}/").text
    for heading in HEADINGS:
        assert heading in text
    for sentence in EMPTY.values():
        assert sentence in text


def test_upcoming_events_are_shown(client, municipality):
    EventFactory(
        municipality=municipality,
        title="Gåtur i skoven",
        status=Event.Status.PUBLISHED,
    )
    EventFactory(
        municipality=municipality,
        title="Sidste års gåtur",
        status=Event.Status.PUBLISHED,
        starts_at=timezone.now() - timedelta(days=30),
    )
    text = client.get(f"/{municipality.slug}/").text
    assert "Gåtur i skoven" in text
    assert "Sidste års gåtur" not in text
    assert EMPTY["events"] not in text


def test_communities_and_movements_are_shown(client, municipality):
    CommunityFactory(municipality=municipality, name="Hofteholdet")
    MovementFactory(municipality=municipality, title="Klimafestivalen")
    text = client.get(f"/{municipality.slug}/").text
    assert "Hofteholdet" in text
    assert "Klimafestivalen" in text
    assert EMPTY["communities"] not in text


def test_initiatives_and_listings_are_shown(client, municipality):
    InitiativeFactory(
        municipality=municipality, title="Badebro i havnen", state=State.IDEA
    )
    ListingFactory(municipality=municipality, title="Jeg lærer dig at strikke")
    text = client.get(f"/{municipality.slug}/").text
    assert "Badebro i havnen" in text
    assert "Jeg lærer dig at strikke" in text
    assert EMPTY["initiatives"] not in text
    assert EMPTY["resources"] not in text


def test_open_vote_is_the_first_thing_a_resident_sees(client, municipality):
    BudgetRoundFactory(municipality=municipality, title="Vi tør prioritere 2027")
    text = client.get(f"/{municipality.slug}/").text
    assert "Vi tør prioritere 2027" in text
    assert "Afgiv din stemme" in text
    assert EMPTY["budgeting"] not in text
    # Right after the programme's name, before the principles and other sections.
    assert text.index("Stem om borgerbudgettet") < text.index("Det sker lige nu")


def test_round_collecting_proposals_is_listed_but_not_featured(client, municipality):
    BudgetRoundFactory(
        municipality=municipality, title="Forslag til 2028", phase=Phase.PROPOSALS
    )
    text = client.get(f"/{municipality.slug}/").text
    assert "Forslag til 2028" in text
    assert "Stem om borgerbudgettet" not in text
    assert text.index("Det sker lige nu") < text.index("Forslag til 2028")
