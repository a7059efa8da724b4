"""`make demo` shows the product as a visitor meets it: with FAELLES_DEBUG=0 unknown
pages get Fælles' own 404 page (never Django's list of URL patterns), and public
uploads are still served in the embedded set-up — production leaves them to nginx."""

import importlib

import pytest
from django.urls import clear_url_caches

import faelles.urls

pytestmark = pytest.mark.django_db


@pytest.fixture
def urls_as_built(settings):
    def build(**values):
        for name, value in values.items():
            setattr(settings, name, value)
        importlib.reload(faelles.urls)
        clear_url_caches()

    yield build
    settings.FAELLES_SERVE_MEDIA = True
    importlib.reload(faelles.urls)
    clear_url_caches()


def test_unknown_page_is_our_own_404_not_the_debug_page(client, municipality):
    response = client.get("/odense/findes-ikke/")
    assert response.status_code == 404
    assert "Siden findes ikke" in response.text
    assert "URLconf" not in response.text and "urlpatterns" not in response.text


def test_public_media_is_served_without_debug_unless_production_says_no(
    client, settings, tmp_path, urls_as_built
):
    settings.MEDIA_ROOT = tmp_path
    settings.STORAGES = {
        **settings.STORAGES,
        "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    }
    (tmp_path / "logos").mkdir()
    (tmp_path / "logos" / "logo.png").write_bytes(b"\x89PNG fake")
    urls_as_built(DEBUG=False, FAELLES_SERVE_MEDIA=True)
    assert client.get("/media/logos/logo.png").status_code == 200
    urls_as_built(DEBUG=False, FAELLES_SERVE_MEDIA=False)
    assert client.get("/media/logos/logo.png").status_code == 404


def test_production_leaves_media_to_the_web_server():
    import os
    import subprocess
    import sys

    env = {
        **os.environ,
        "DJANGO_SETTINGS_MODULE": "faelles.settings.production",
        "DATABASE_URL": "sqlite:////tmp/unused.sqlite3",
        "SECRET_KEY": "x" * 60,
        "FAELLES_SITE_URL": "https://faelles.example",
        "ALLOWED_HOSTS": "faelles.example",
    }
    out = subprocess.run(
        [
            sys.executable,
            "-c",
            "import django; django.setup(); from django.conf import settings; "
            "print(settings.FAELLES_SERVE_MEDIA)",
        ],
        env=env,
        capture_output=True,
        text=True,
        check=True,
    )
    assert out.stdout.strip() == "False"
