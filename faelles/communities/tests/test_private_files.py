"""A community's shared files are never served from the media URL — also with
the demo's debug settings, where Django itself serves MEDIA_ROOT."""

import importlib

import pytest
from django.apps import apps
from django.core.checks import run_checks
from django.core.files.base import ContentFile
from django.core.files.storage import default_storage, storages
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import clear_url_caches

import faelles.urls
from faelles.communities.factories import CommunityFactory
from faelles.communities.models import Community, SharedFile
from faelles.municipalities.tenancy import tenant_reverse

pytestmark = pytest.mark.django_db

migration = importlib.import_module(
    "faelles.communities.migrations.0003_shared_files_in_private_storage"
)


@pytest.fixture
def disk(settings, tmp_path):
    """Files on disk as in the demo: MEDIA_ROOT public, private storage beside."""
    settings.MEDIA_ROOT = tmp_path / "media"
    settings.STORAGES = {
        **settings.STORAGES,
        "default": {
            "BACKEND": "django.core.files.storage.FileSystemStorage",
            "OPTIONS": {"location": tmp_path / "media"},
        },
        "private": {
            "BACKEND": "django.core.files.storage.FileSystemStorage",
            "OPTIONS": {"location": tmp_path / "private"},
        },
    }
    return tmp_path


@pytest.fixture
def debug_urls(settings, disk):
    """The URLconf as ``FAELLES_DEBUG`` builds it, with the media route."""
    settings.DEBUG = True
    importlib.reload(faelles.urls)
    clear_url_caches()
    yield
    settings.DEBUG = False
    importlib.reload(faelles.urls)
    clear_url_caches()


def test_media_url_gives_404_for_a_private_file_in_debug(
    client, municipality, citizen, debug_urls
):
    community = CommunityFactory(
        municipality=municipality, access=Community.Access.CLOSED, host=citizen
    )
    client.force_login(citizen)
    client.post(
        tenant_reverse("communities:file_upload", municipality, pk=community.pk),
        {"title": "Referat", "file": SimpleUploadedFile("referat.txt", b"Hemmeligt")},
    )
    shared = SharedFile.objects.get()
    client.logout()
    assert client.get("/media/" + shared.file.name).status_code == 404
    # Public media are still served in debug (the route is there) …
    default_storage.save("logo.txt", ContentFile(b"Logo"))
    assert client.get("/media/logo.txt").status_code == 200
    # … and the member gets the file through the view that checks membership.
    client.force_login(citizen)
    url = tenant_reverse(
        "communities:file_download", municipality, pk=community.pk, file_pk=shared.pk
    )
    response = client.get(url)
    assert b"".join(response.streaming_content) == b"Hemmeligt"


def test_private_files_are_stored_outside_media_root(municipality, disk):
    community = CommunityFactory(municipality=municipality)
    shared = SharedFile(community=community, title="Sange", size=3, content_type="x")
    shared.file.save("sange.txt", ContentFile(b"Hej"), save=True)
    assert (disk / "private" / shared.file.name).read_bytes() == b"Hej"
    assert not (disk / "media" / shared.file.name).exists()


def test_migration_moves_existing_files_out_of_media_root(municipality, disk):
    community = CommunityFactory(municipality=municipality)
    name = f"communities/{community.pk}/abc123/gammel.txt"
    default_storage.save(name, ContentFile("Fra før".encode()))
    SharedFile.objects.create(
        community=community,
        title="Gammel",
        size=7,
        content_type="text/plain",
        file=name,
    )
    SharedFile.objects.create(  # lost before the upgrade: reported, not fatal
        community=community,
        title="Væk",
        size=1,
        content_type="text/plain",
        file=f"communities/{community.pk}/def456/vaek.txt",
    )
    migration.move_to_private(apps, None)
    migration.move_to_private(apps, None)  # a second run changes nothing
    assert not default_storage.exists(name)
    with storages["private"].open(name) as moved:
        assert moved.read() == "Fra før".encode()
    migration.move_back(apps, None)
    assert default_storage.exists(name) and not storages["private"].exists(name)


def test_check_refuses_private_files_inside_media_root(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path
    settings.STORAGES = {
        **settings.STORAGES,
        "private": {
            "BACKEND": "django.core.files.storage.FileSystemStorage",
            "OPTIONS": {"location": tmp_path / "private"},
        },
    }
    assert "faelles.E003" in {message.id for message in run_checks()}
    settings.STORAGES = {
        **settings.STORAGES,
        "private": {
            "BACKEND": "django.core.files.storage.FileSystemStorage",
            "OPTIONS": {"location": tmp_path.parent / "elsewhere"},
        },
    }
    assert "faelles.E003" not in {message.id for message in run_checks()}
