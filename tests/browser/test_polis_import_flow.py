"""Importing a Polis conversation in a real Chromium, on a phone (390 px) and a
desktop: the form from the map list, a refused file with its message, then a zip
that becomes a new map — each page checked by axe-core."""

import io
import zipfile

import pytest
from playwright.sync_api import expect

from faelles.accounts.factories import MembershipFactory
from faelles.municipalities.factories import MunicipalityFactory
from faelles.opinions.models import OpinionMap, Statement, Vote
from tests.browser.screens import on_both_screens, press

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

COMMENTS = (
    "timestamp,datetime,comment-id,author-id,agrees,disagrees,moderated,comment-body\n"
    "1500000000000,x,0,0,0,0,1,Byen skal have flere træer langs gaderne\n"
    "1500000001000,x,1,1,0,0,1,Der skal være plads til cykler i bymidten\n"
)
VOTES = (
    "timestamp,datetime,comment-id,voter-id,vote\n"
    "1500000010000,x,0,0,1\n"
    "1500000011000,x,1,0,-1\n"
    "1500000012000,x,0,1,1\n"
)


def _zip(votes: str) -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        archive.writestr("comments.csv", COMMENTS)
        archive.writestr("votes.csv", votes)
    return buffer.getvalue()


def _upload(page, votes: str) -> None:
    page.get_by_label("Titel").fill("Bymidten fra Polis")
    page.get_by_label("Spørgsmål").fill("Hvad skal bymidten være?")
    page.get_by_label("Zip-fil med comments.csv og votes.csv").set_input_files(
        {"name": "polis.zip", "mimeType": "application/zip", "buffer": _zip(votes)}
    )
    press(page.get_by_role("button", name="Importér"))


@on_both_screens
def test_staff_import_a_polis_conversation(page, login, axe):
    municipality = MunicipalityFactory(
        slug="rodovre", name="Rødovre Kommune", programme_name="Sammen om Rødovre"
    )
    staff = MembershipFactory(
        municipality=municipality, is_employee=True, user__display_name="Mette"
    ).user
    login(staff)
    page.goto(page.base_url + "/rodovre/meningskort/")
    press(page.get_by_role("link", name="Importér en Polis-samtale"))
    expect(
        page.get_by_role("heading", name="Importér en Polis-samtale")
    ).to_be_visible()
    expect(page.get_by_text("Højst 10 MB i alt")).to_be_visible()
    axe(page, f"Polis import form ({page.screen})")

    _upload(page, VOTES + "1500000013000,x,7,1,1\n")
    expect(page.get_by_text("votes.csv:5: der stemmes om udsagn nr. 7")).to_be_visible()
    assert not OpinionMap.objects.exists()
    axe(page, f"Polis import form with a refused file ({page.screen})")

    _upload(page, VOTES)
    expect(page.get_by_role("heading", name="Bymidten fra Polis")).to_be_visible()
    opinion_map = OpinionMap.objects.get()
    assert Statement.objects.filter(map=opinion_map).count() == 2
    assert Vote.objects.filter(map=opinion_map).count() == 3
    axe(page, f"imported map ({page.screen})")
