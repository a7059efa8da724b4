"""Good stories: drafts, photos with recorded consent, publishing, stories about
communities and collaborations, the Atom feed and the community newspaper PDF."""

import datetime as dt
import io
import re
import xml.etree.ElementTree as ET

import pytest
from django.core.exceptions import ValidationError
from django.core.files.uploadedfile import SimpleUploadedFile
from django.utils import timezone
from PIL import Image

from faelles.communities.factories import CommunityFactory, CommunityMemberFactory
from faelles.initiatives import services
from faelles.initiatives.factories import (
    CollaborationFactory,
    EvaluatedTrialFactory,
    InitiativeFactory,
    StoryFactory,
    StoryPhotoFactory,
)
from faelles.initiatives.models import PhotoConsent, Story, StoryPhoto
from faelles.initiatives.newspaper import newspaper_document
from faelles.initiatives.selectors import newspaper_content

pytestmark = pytest.mark.django_db


def _jpeg(size=(40, 30)) -> bytes:
    buffer = io.BytesIO()
    Image.new("RGB", size, "orange").save(buffer, format="JPEG")
    return buffer.getvalue()


def test_story_with_people_needs_consent_before_publishing(
    client, municipality, employee
):
    story = StoryFactory(initiative__municipality=municipality, published_at=None)
    photo = StoryPhotoFactory(story=story, shows_people=True)
    client.force_login(employee)
    client.post(f"/odense/initiativer/historier/{story.pk}/udgiv/")
    story.refresh_from_db()
    assert story.published_at is None
    url = f"/odense/initiativer/historier/{story.pk}/fotos/{photo.pk}/samtykke/"
    tomorrow = timezone.localdate() + dt.timedelta(days=1)
    client.post(
        url,
        {"person_name": "Mette", "consented_on": tomorrow, "method": "written"},
    )
    assert not PhotoConsent.objects.exists()  # a consent from the future
    client.post(
        url,
        {
            "person_name": "Mette Larsen",
            "consented_on": timezone.localdate(),
            "method": "written",
        },
    )
    consent = PhotoConsent.objects.get()
    assert consent.recorded_by == employee
    client.post(f"/odense/initiativer/historier/{story.pk}/udgiv/")
    story.refresh_from_db()
    assert story.published_at is not None
    page = client.get(story.get_absolute_url()).content.decode()
    assert "Samtykke fra Mette Larsen" in page


def test_photo_without_people_needs_no_consent(municipality, employee):
    story = StoryFactory(initiative__municipality=municipality, published_at=None)
    StoryPhotoFactory(story=story, shows_people=False)
    services.story_publish(story=story, actor=employee)
    assert story.published_at is not None


def test_draft_is_hidden_from_others(client, municipality, politician):
    story = StoryFactory(initiative__municipality=municipality, published_at=None)
    client.force_login(politician)
    assert client.get(story.get_absolute_url()).status_code == 404


@pytest.mark.parametrize(
    "content,name,message",
    [
        (b"not an image", "x.jpg", "ikke et billede"),
        (b"\xff\xd8\xff\xe0broken", "x.jpg", "ikke et billede"),
        (_jpeg() + b"\0" * (5 * 1024 * 1024), "x.jpg", "højst 5 MB"),
    ],
    ids=["wrong-type", "broken", "too-large"],
)
def test_bad_story_photo_gives_message_and_saves_nothing(
    client, municipality, employee, content, name, message
):
    story = StoryFactory(initiative__municipality=municipality, published_at=None)
    client.force_login(employee)
    upload = SimpleUploadedFile(name, content, content_type="image/jpeg")
    response = client.post(
        f"/odense/initiativer/historier/{story.pk}/fotos/",
        {"image": upload, "caption": "x", "shows_people": "on"},
    )
    assert response.status_code == 200
    assert message in response.content.decode()
    assert not StoryPhoto.objects.exists()


def test_story_about_a_community_by_its_host(client, municipality, citizen, politician):
    community = CommunityFactory(municipality=municipality, name="Strikkeklubben")
    CommunityMemberFactory(community=community, user=citizen, is_host=True)
    url = f"/odense/initiativer/historier/ny/faellesskab/{community.pk}/"
    client.force_login(politician)
    assert client.get(url).status_code == 403
    client.force_login(citizen)
    response = client.post(url, {"title": "Masker", "lead": "L", "body": "B"})
    assert response.status_code == 302
    story = Story.objects.get()
    assert (story.community, story.initiative) == (community, None)
    assert story.subject_title == "Strikkeklubben"


def test_story_about_a_collaboration_by_one_of_its_sides(
    client, municipality, politician
):
    collaboration = CollaborationFactory(municipality=municipality)
    url = f"/odense/initiativer/historier/ny/samarbejde/{collaboration.pk}/"
    client.force_login(politician)
    assert client.get(url).status_code == 403
    client.force_login(collaboration.need_owner)
    response = client.post(url, {"title": "Lektier", "lead": "L", "body": "B"})
    assert response.status_code == 302
    assert Story.objects.get().collaboration == collaboration


def test_a_story_is_about_exactly_one_thing(municipality, employee):
    initiative = InitiativeFactory(municipality=municipality)
    community = CommunityFactory(municipality=municipality)
    with pytest.raises(ValidationError):
        services.story_create(
            author=employee,
            title="x",
            lead="x",
            body="x",
            initiative=initiative,
            community=community,
        )
    with pytest.raises(ValidationError):
        services.story_create(author=employee, title="x", lead="x", body="x")


def test_author_edits_the_story(client, municipality, citizen):
    initiative = InitiativeFactory(municipality=municipality, proposer=citizen)
    story = StoryFactory(initiative=initiative, author=citizen, published_at=None)
    client.force_login(citizen)
    url = f"/odense/initiativer/historier/{story.pk}/rediger/"
    response = client.post(url, {"title": "Ny titel", "lead": "L", "body": "B"})
    assert response.status_code == 302
    story.refresh_from_db()
    assert story.title == "Ny titel"


def test_atom_feed_lists_published_stories(client, municipality):
    published = StoryFactory(initiative__municipality=municipality, title="Broen")
    StoryFactory(
        initiative__municipality=municipality, title="Kladden", published_at=None
    )
    response = client.get("/odense/initiativer/historier/feed/")
    assert response.status_code == 200
    assert response["Content-Type"].startswith("application/atom+xml")
    root = ET.fromstring(response.content)  # noqa: S314 — our own feed
    ns = {"a": "http://www.w3.org/2005/Atom"}
    titles = [e.text for e in root.findall("a:entry/a:title", ns)]
    assert titles == ["Broen"]
    link = root.find("a:entry/a:link", ns).get("href")
    assert link.endswith(published.get_absolute_url())


def _layout_text(document) -> str:
    parts = []

    def walk(box):
        text = getattr(box, "text", None)
        if isinstance(text, str):
            parts.append(text)
        for child in getattr(box, "children", None) or []:
            walk(child)

    for page in document.pages:
        walk(page._page_box)
    return " ".join(parts)


def test_newspaper_pdf_renders_with_stories_and_trials(client, municipality, citizen):
    StoryFactory(
        initiative__municipality=municipality,
        title="Tre hundrede timer og én bro",
        lead="Naboer byggede en badebro.",
    )
    StoryFactory(initiative__municipality=municipality, title="Læsevennerne")
    trial = EvaluatedTrialFactory(
        initiative__municipality=municipality,
        initiative__title="Cykelværkstedet",
        learned="De unge kom ikke til et nyt sted.",
    )
    today = timezone.localdate()
    content = newspaper_content(municipality=municipality, start=today, end=today)
    assert trial in content["trials"]
    document = newspaper_document(
        municipality=municipality, start=today, end=today, **content
    )
    text = _layout_text(document)
    assert "Tre hundrede timer og én bro" in text
    assert "Læsevennerne" in text
    assert "Cykelværkstedet" in text and "De unge kom ikke til et nyt sted." in text
    fonts = {
        font.family for page in document.pages for font in [None] if font is not None
    }
    assert not fonts  # fonts come from the local system (fontconfig), nothing fetched
    client.force_login(citizen)
    response = client.get(
        f"/odense/initiativer/avis/?start={today:%Y-%m-%d}&end={today:%Y-%m-%d}"
    )
    assert response.status_code == 200
    assert response["Content-Type"] == "application/pdf"
    assert response.content.startswith(b"%PDF-")
    assert len(document.pages) >= 2  # front page and the learning page


def test_newspaper_leaves_out_private_stories(municipality):
    """The printed newspaper is for anyone: a story about an invitation-only
    community stays out of it, one about an open community is in."""
    private = CommunityFactory(municipality=municipality, access="invitation")
    public = CommunityFactory(municipality=municipality)
    StoryFactory(
        municipality=municipality, initiative=None, community=private, title="Skjult"
    )
    StoryFactory(
        municipality=municipality, initiative=None, community=public, title="Åben"
    )
    today = timezone.localdate()
    content = newspaper_content(municipality=municipality, start=today, end=today)
    assert [story.title for story in content["stories"]] == ["Åben"]


def test_newspaper_refuses_a_bad_period(client, citizen):
    client.force_login(citizen)
    response = client.get("/odense/initiativer/avis/?start=2026-05-01&end=2026-01-01")
    assert response.status_code == 200
    assert response["Content-Type"].startswith("text/html")
    assert "slutte efter" in response.content.decode()


def test_newspaper_never_fetches_from_the_network(settings, tmp_path):
    from faelles.initiatives.newspaper import local_only_fetcher

    settings.MEDIA_ROOT = tmp_path
    fetcher = local_only_fetcher()
    with pytest.raises(ValueError):
        fetcher.fetch("https://example.org/logo.png")
    with pytest.raises(ValueError):
        fetcher.fetch("file:///etc/passwd")
    inside = tmp_path / "photo.jpg"
    inside.write_bytes(_jpeg())
    response = fetcher.fetch(inside.as_uri())
    assert response is not None


def test_newspaper_embeds_a_photo_from_disk(settings, tmp_path, municipality):
    settings.MEDIA_ROOT = tmp_path / "media"
    settings.STORAGES = {
        **settings.STORAGES,
        "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
        "private": {
            "BACKEND": "django.core.files.storage.FileSystemStorage",
            "OPTIONS": {"location": tmp_path / "private"},
        },
    }
    story = StoryFactory(initiative__municipality=municipality, title="Broen")
    StoryPhotoFactory(story=story, caption="Broen en morgen i juni")
    today = timezone.localdate()
    content = newspaper_content(municipality=municipality, start=today, end=today)
    document = newspaper_document(
        municipality=municipality, start=today, end=today, **content
    )
    images = []

    def walk(box):
        if type(box).__name__ == "InlineReplacedBox":
            images.append(box)
        for child in getattr(box, "children", None) or []:
            walk(child)

    for page in document.pages:
        walk(page._page_box)
    assert len(images) == 1
    assert "Broen en morgen i juni" in _layout_text(document)
    pdf = document.write_pdf(uncompressed_pdf=True)
    assert pdf.startswith(b"%PDF-")
    # The fonts are the machine's own DejaVu fonts, embedded: nothing is fetched.
    fonts = set(re.findall(rb"/BaseFont\s*/[A-Z]{6}\+([A-Za-z\-]+)", pdf))
    assert fonts and all(font.startswith(b"DejaVu") for font in fonts), fonts


def test_story_photos_are_private_files_served_only_with_the_story(
    client, settings, tmp_path, municipality, employee, citizen
):
    """A draft's photo may show people without recorded consent: it is never at a
    public /media/ address, and only those who may read the story get it."""
    settings.MEDIA_ROOT = tmp_path / "media"
    settings.STORAGES = {
        **settings.STORAGES,
        "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
        "private": {
            "BACKEND": "django.core.files.storage.FileSystemStorage",
            "OPTIONS": {"location": tmp_path / "private"},
        },
    }
    draft = StoryFactory(
        initiative__municipality=municipality, author=employee, published_at=None
    )
    photo = StoryPhotoFactory(story=draft)
    assert (tmp_path / "private" / photo.image.name).exists()
    assert not (tmp_path / "media" / photo.image.name).exists()
    url = f"/odense/initiativer/historier/{draft.pk}/fotos/{photo.pk}/billede/"
    client.force_login(citizen)
    assert client.get(url).status_code == 404  # a draft: not for readers yet
    client.force_login(employee)
    response = client.get(url)
    assert response.status_code == 200
    assert response["Content-Type"] == "image/jpeg"
    assert b"".join(response.streaming_content).startswith(b"\xff\xd8")
    page = client.get(draft.get_absolute_url()).text
    assert url in page and "/media/" not in page
