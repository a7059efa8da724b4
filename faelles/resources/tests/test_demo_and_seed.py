"""The demo content and the scale data for resources and needs."""

import io
import json

import pytest
from django.core.management import call_command

from faelles.demo.foundation import load_foundation
from faelles.matching.evaluation import EVAL_DIR
from faelles.resources import demo, matches
from faelles.resources.demo_content import LISTINGS
from faelles.resources.models import (
    ChildCertificateVerification,
    Collaboration,
    Listing,
    Proposal,
)

pytestmark = pytest.mark.django_db


@pytest.fixture
def demo_loaded():
    municipalities = load_foundation()
    demo.load_demo(municipalities=municipalities, stdout=io.StringIO())
    return municipalities


def test_every_demo_municipality_has_offers_needs_and_collaborations(demo_loaded):
    for slug in ("kerteminde", "odense", "faxe", "skanderborg", "rodovre"):
        listings = Listing.objects.filter(municipality__slug=slug)
        assert listings.filter(side="offer").count() >= 7, slug
        assert listings.filter(side="need").count() >= 5, slug
        states = set(
            Collaboration.objects.filter(municipality__slug=slug).values_list(
                "status", flat=True
            )
        )
        assert "finished" in states and ({"ongoing", "agreed"} & states), slug
        assert Proposal.objects.filter(
            municipality__slug=slug, status="proposed"
        ).exists(), slug
    assert Proposal.objects.filter(status="suggested", by_engine=True).exists()
    assert Proposal.objects.filter(status="suggested", by_engine=False).exists()
    assert ChildCertificateVerification.objects.count() >= 5
    # Special-category listings have consent and are never public.
    special = Listing.objects.filter(kind="lived_experience")
    assert special.count() >= 6
    assert not special.filter(special_consent_at__isnull=True).exists()
    assert not special.filter(visibility="public").exists()
    # Employees posted some on a citizen's behalf, with the consent recorded.
    behalf = Listing.objects.exclude(behalf_consent_at=None)
    assert behalf.count() >= 4
    assert all(x.created_by_id != x.owner_id for x in behalf)


def test_demo_themes_from_the_issue_are_there(demo_loaded):
    text = " ".join(
        f"{x.title} {x.text}".lower() for x in Listing.objects.only("title", "text")
    )
    for word in (
        "kol",
        "mentor",
        "bydelsmødre",
        "natteravn",
        "skoleven",
        "lokale",
        "værktøj",
        "netværksfamilie",
        "lektiehjælp",
    ):
        assert word in text, word


def test_demo_runs_twice_without_duplicates(demo_loaded):
    before = Listing.objects.count()
    demo.load_demo(municipalities=demo_loaded, stdout=io.StringIO())
    assert Listing.objects.count() == before


def test_a_demo_citizen_posting_a_need_sees_explained_matches(client, demo_loaded):
    from faelles.accounts.models import User

    borger = User.objects.get(email="borger@odense.faelles.example")
    client.force_login(borger)
    matches.clear_cache()
    response = client.post(
        "/odense/ressourcer/opret/behov/",
        {
            "kind": "time",
            "title": "Nogen der kan følge min mor til lægen",
            "text": "Min mor på 82 skal til lægen og på hospitalet og vil gerne "
            "have følgeskab. Hun har svært ved at gå langt.",
            "modes": ["in_person"],
            "postcode": "5000",
            "visibility": "members",
        },
    )
    assert response.status_code == 302
    need = Listing.objects.get(title="Nogen der kan følge min mor til lægen")
    page = client.get(f"/odense/ressourcer/{need.pk}/match/").text
    assert "Besøgsven og følgeskab for ældre" in page
    assert "Derfor passer det:" in page and "Begge nævner" in page


def test_evaluation_set_is_not_copied_from_the_demo():
    demo_texts = {
        x["text"].strip().lower() for rows in LISTINGS.values() for x in rows
    } | {x["title"].strip().lower() for rows in LISTINGS.values() for x in rows}
    for name in ("cases.jsonl", "offers.jsonl"):
        for line in (EVAL_DIR / name).read_text(encoding="utf-8").splitlines():
            row = json.loads(line)
            record = row.get("need", row)
            assert record["text"].strip().lower() not in demo_texts
            assert record["title"].strip().lower() not in demo_texts


def test_seed_small_is_bulk_deterministic_and_runs_once():
    call_command(
        "seed",
        municipality="seedby",
        scale="small",
        seed=3,
        only="accounts,organisations,resources",
        stdout=io.StringIO(),
        stderr=io.StringIO(),
    )
    listings = Listing.objects.filter(municipality__slug="seedby")
    size = demo.SIZES["small"]
    assert listings.filter(side="offer").count() == size["offers"]
    assert listings.filter(side="need").count() == size["needs"]
    assert Collaboration.objects.filter(municipality__slug="seedby").exists()
    assert Proposal.objects.filter(
        municipality__slug="seedby", status="suggested"
    ).exists()
    # Special-category data follows the same rules in bulk.
    special = listings.filter(kind="lived_experience")
    assert special.exists()
    assert not special.filter(special_consent_at__isnull=True).exists()
    assert not special.filter(visibility="public").exists()
    # Searchable and matchable at once.
    first = listings.filter(side="need").active().first()
    assert matches.matches_for(first, levels=["public", "members", "employees"])
    content = ("side", "kind", "title", "text", "categories", "postcode")
    first_run = list(listings.order_by("id").values_list(*content))
    # A second run changes nothing.
    call_command(
        "seed",
        municipality="seedby",
        scale="small",
        seed=3,
        only="resources",
        stdout=io.StringIO(),
        stderr=io.StringIO(),
    )
    assert listings.count() == size["offers"] + size["needs"]
    # The same seed gives the same listings in another municipality.
    call_command(
        "seed",
        municipality="seedby-to",
        scale="small",
        seed=3,
        only="accounts,organisations,resources",
        stdout=io.StringIO(),
        stderr=io.StringIO(),
    )
    again = Listing.objects.filter(municipality__slug="seedby-to").order_by("id")
    assert list(again.values_list(*content)) == first_run
