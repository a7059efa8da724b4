import io

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from PIL import Image

from faelles.initiatives.models import Initiative, InitiativeImage, Need, State
from faelles.municipalities.factories import PrincipleFactory
from faelles.organisations.factories import OrganisationFactory
from faelles.organisations.models import OrganisationMember

pytestmark = pytest.mark.django_db

URL = "/odense/initiativer/ny/"


@pytest.fixture(autouse=True)
def media(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path


def _png(size=(2400, 1200)) -> bytes:
    buf = io.BytesIO()
    Image.new("RGB", size, "teal").save(buf, format="PNG")
    return buf.getvalue()


def _data(**extra):
    data = {
        "title": "Badebro ved Nordstranden",
        "challenge": "Ældre kan ikke komme i vandet.",
        "idea": "Vi bygger en badebro med en rampe.",
        "target_group": "Alle",
        "postcode": "5300",
        "place": "Nordstranden",
        "themes": ["nature", "elderly"],
        "needs_roles": "Tømrer\nTovholder",
        "needs_resources": "Træ til broen",
    }
    data.update(extra)
    return data


def test_citizen_proposes_with_needs_themes_principles_and_image(
    client, municipality, citizen
):
    principle = PrincipleFactory(municipality=municipality, title="Fællesskab")
    client.force_login(citizen)
    upload = SimpleUploadedFile("bro.png", _png(), content_type="image/png")
    response = client.post(
        URL,
        _data(principles=[principle.pk], image=upload, image_alt="Skitse af broen"),
    )
    assert response.status_code == 302, response.context["form"].errors
    initiative = Initiative.objects.get()
    assert initiative.state == State.IDEA
    assert initiative.proposer == citizen
    assert list(initiative.principles.all()) == [principle]
    assert sorted(initiative.themes.values_list("theme__key", flat=True)) == [
        "elderly",
        "nature",
    ]
    assert sorted(initiative.needs.values_list("kind", "title")) == [
        ("resource", "Træ til broen"),
        ("role", "Tovholder"),
        ("role", "Tømrer"),
    ]
    image = InitiativeImage.objects.get()
    with image.image.open("rb") as fh, Image.open(fh) as stored:
        assert max(stored.size) == 1600  # resized
        assert stored.format == "JPEG"
    assert initiative.transitions.get().to_state == State.IDEA


def test_principle_of_another_municipality_is_refused(
    client, municipality, other_municipality, citizen
):
    foreign = PrincipleFactory(municipality=other_municipality)
    client.force_login(citizen)
    response = client.post(URL, _data(principles=[foreign.pk]))
    assert response.status_code == 200
    assert not Initiative.objects.exists()


@pytest.mark.parametrize(
    "upload,message",
    [
        (
            SimpleUploadedFile("x.txt", b"just text", content_type="text/plain"),
            "ikke et billede",
        ),
        (
            SimpleUploadedFile(
                "x.png", b"\x89PNG\r\n\x1a\nbroken", content_type="image/png"
            ),
            "ikke et billede",
        ),
    ],
    ids=["wrong-type", "broken"],
)
def test_bad_upload_gives_message_and_saves_nothing(
    client, municipality, citizen, upload, message
):
    client.force_login(citizen)
    response = client.post(URL, _data(image=upload, image_alt="x"))
    assert response.status_code == 200
    assert message in response.content.decode()
    assert not Initiative.objects.exists()
    assert not Need.objects.exists()
    assert not InitiativeImage.objects.exists()


def test_gif_is_refused(client, municipality, citizen):
    buf = io.BytesIO()
    Image.new("RGB", (10, 10)).save(buf, format="GIF")
    client.force_login(citizen)
    upload = SimpleUploadedFile("x.gif", buf.getvalue(), content_type="image/gif")
    response = client.post(URL, _data(image=upload, image_alt="x"))
    assert "JPEG, PNG eller WebP" in response.content.decode()
    assert not Initiative.objects.exists()


def test_too_large_upload_is_refused(client, municipality, citizen):
    client.force_login(citizen)
    big = SimpleUploadedFile(
        "big.png", _png() + b"\0" * (5 * 1024 * 1024), content_type="image/png"
    )
    response = client.post(URL, _data(image=big, image_alt="x"))
    assert response.status_code == 200
    assert "højst 5 MB" in response.content.decode()
    assert not Initiative.objects.exists()


def test_image_needs_a_description(client, municipality, citizen):
    client.force_login(citizen)
    upload = SimpleUploadedFile("bro.png", _png((20, 20)), content_type="image/png")
    response = client.post(URL, _data(image=upload, image_alt=""))
    assert response.status_code == 200
    assert not Initiative.objects.exists()


def test_missing_fields_save_nothing(client, municipality, citizen):
    client.force_login(citizen)
    response = client.post(URL, {"title": ""})
    assert response.status_code == 200
    assert not Initiative.objects.exists()


def test_outsider_may_not_propose(client, municipality, outsider):
    client.force_login(outsider)
    assert client.post(URL, _data()).status_code == 403
    assert not Initiative.objects.exists()


def test_anonymous_is_sent_to_login(client, municipality):
    response = client.get(URL)
    assert response.status_code == 302 and "/accounts/login/" in response["Location"]


def test_proposing_on_behalf_of_an_organisation(client, municipality, citizen):
    org = OrganisationFactory(municipality=municipality)
    OrganisationMember.objects.create(organisation=org, user=citizen)
    client.force_login(citizen)
    session = client.session
    session[f"acting_as:{municipality.pk}"] = org.pk
    session.save()
    response = client.post(URL, _data())
    assert response.status_code == 302
    assert Initiative.objects.get().organisation == org


def test_principle_choices_are_in_english_in_the_english_form(
    client, municipality, citizen
):
    PrincipleFactory(
        municipality=municipality, title="Fællesskab", title_en="Community"
    )
    client.force_login(citizen)
    client.post("/i18n/setlang/", {"language": "en", "next": URL})
    text = client.get(URL).text
    assert "Community" in text
    assert "Fællesskab</label>" not in text
