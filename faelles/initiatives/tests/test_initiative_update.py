"""Editing an initiative's description, and adding images: who may, and bad input."""

import io

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from PIL import Image

from faelles.core.models import AuditEntry
from faelles.initiatives.factories import InitiativeFactory
from faelles.initiatives.models import InitiativeImage, State

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def media(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path


def _data(**extra):
    data = {
        "title": "Badebro ved Nordstranden",
        "challenge": "Ingen adgang til vandet.",
        "idea": "En bro med gelænder.",
        "target_group": "Alle",
        "postcode": "5300",
        "place": "Nordstranden",
        "themes": ["nature"],
    }
    data.update(extra)
    return data


def _url(initiative):
    return f"/odense/initiativer/{initiative.pk}/rediger/"


def test_proposer_edits_description_and_themes(client, municipality, citizen):
    initiative = InitiativeFactory(municipality=municipality, proposer=citizen)
    client.force_login(citizen)
    assert client.get(_url(initiative)).status_code == 200
    response = client.post(_url(initiative), _data(themes=["nature", "elderly"]))
    assert response.status_code == 302
    initiative.refresh_from_db()
    assert initiative.title == "Badebro ved Nordstranden"
    assert sorted(initiative.themes.values_list("theme__key", flat=True)) == [
        "elderly",
        "nature",
    ]
    entry = AuditEntry.objects.get(action="initiative.update")
    assert "title" in entry.data["fields"]


def test_bad_input_changes_nothing(client, municipality, citizen):
    initiative = InitiativeFactory(municipality=municipality, proposer=citizen)
    client.force_login(citizen)
    response = client.post(_url(initiative), _data(title="", postcode="52a0"))
    assert response.status_code == 200
    initiative.refresh_from_db()
    assert initiative.title.startswith("Badebro ved stranden")


@pytest.mark.parametrize(
    "role,status", [("politician", 403), ("moderator", 403), ("employee", 302)]
)
def test_who_may_edit(client, request, municipality, citizen, role, status):
    initiative = InitiativeFactory(municipality=municipality, proposer=citizen)
    client.force_login(request.getfixturevalue(role))
    assert client.post(_url(initiative), _data()).status_code == status


def test_proposer_cannot_edit_a_closed_initiative(client, municipality, citizen):
    initiative = InitiativeFactory(
        municipality=municipality, proposer=citizen, state=State.ANCHORED
    )
    client.force_login(citizen)
    assert client.post(_url(initiative), _data()).status_code == 403


def _png(size=(30, 20)) -> bytes:
    buffer = io.BytesIO()
    Image.new("RGB", size, "teal").save(buffer, format="PNG")
    return buffer.getvalue()


@pytest.mark.parametrize(
    "content,message",
    [
        (b"plain text", "ikke et billede"),
        (b"\x89PNG\r\n\x1a\nbroken", "ikke et billede"),
        (_png() + b"\0" * (5 * 1024 * 1024), "højst 5 MB"),
    ],
    ids=["wrong-type", "broken", "too-large"],
)
def test_bad_image_gives_message_and_saves_nothing(
    client, municipality, citizen, content, message
):
    initiative = InitiativeFactory(municipality=municipality, proposer=citizen)
    client.force_login(citizen)
    upload = SimpleUploadedFile("x.png", content, content_type="image/png")
    response = client.post(
        f"/odense/initiativer/{initiative.pk}/billeder/",
        {"image": upload, "alt_text": "Broen"},
    )
    assert response.status_code == 200
    assert message in response.content.decode()
    assert not InitiativeImage.objects.exists()


def test_image_is_added_resized_and_shown(client, municipality, citizen):
    initiative = InitiativeFactory(municipality=municipality, proposer=citizen)
    client.force_login(citizen)
    upload = SimpleUploadedFile("x.png", _png((3000, 1000)), content_type="image/png")
    response = client.post(
        f"/odense/initiativer/{initiative.pk}/billeder/",
        {"image": upload, "alt_text": "Skitse af broen"},
    )
    assert response.status_code == 302
    image = InitiativeImage.objects.get()
    with image.image.open("rb") as fh, Image.open(fh) as stored:
        assert stored.size == (1600, 533)
    assert (
        'alt="Skitse af broen"'
        in client.get(initiative.get_absolute_url()).content.decode()
    )
