"""Cross-cutting pieces: pagination, image checks, error pages, headers, health."""

import io

import pytest
from django.core.exceptions import ValidationError
from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import override_settings
from django.utils import translation
from PIL import Image

from faelles.core.audit import audit
from faelles.core.checks import shared_cache
from faelles.core.images import validate_image_upload
from faelles.core.models import AuditEntry
from faelles.core.pagination import keyset_page
from faelles.municipalities.models import Principle


def _image(fmt="PNG", size=(4, 4)) -> SimpleUploadedFile:
    buffer = io.BytesIO()
    Image.new("RGB", size, "#004A7C").save(buffer, format=fmt)
    return SimpleUploadedFile(f"x.{fmt.lower()}", buffer.getvalue())


@pytest.mark.django_db
def test_keyset_pages_walk_the_whole_list_once(municipality):
    for i in range(7):
        Principle.objects.create(municipality=municipality, title=f"P{i}")
    seen, cursor = [], None
    while True:
        page = keyset_page(Principle.objects.all(), after=cursor, per_page=3)
        seen += [p.pk for p in page.items]
        assert page.has_previous is (cursor is not None)
        if page.next_cursor is None:
            break
        cursor = str(page.next_cursor)
    assert seen == sorted(Principle.objects.values_list("pk", flat=True), reverse=True)


@pytest.mark.django_db
@pytest.mark.parametrize("after", ["-1", "abc", "1e9", "", None])
def test_keyset_bad_cursor_starts_from_the_top(municipality, after):
    Principle.objects.create(municipality=municipality, title="P")
    assert len(keyset_page(Principle.objects.all(), after=after).items) == 1


@translation.override("da")
def test_images_are_checked_for_type_content_and_size():
    validate_image_upload(_image("PNG"))
    validate_image_upload(_image("JPEG"))
    with pytest.raises(ValidationError, match="JPEG, PNG eller WebP"):
        validate_image_upload(_image("GIF"))
    with pytest.raises(ValidationError, match="ikke et billede"):
        validate_image_upload(SimpleUploadedFile("x.png", b"<?php echo 1; ?>"))
    with pytest.raises(ValidationError, match="højst"):
        validate_image_upload(_image("PNG", (400, 400)), max_bytes=100)
    upload = _image("PNG")
    validate_image_upload(upload)
    assert upload.tell() == 0  # the file can still be saved afterwards


@pytest.mark.django_db
def test_audit_records_who_did_what(municipality, citizen):
    entry = audit(
        action="x.test", actor=citizen, municipality=municipality, target=municipality
    )
    assert (entry.actor, entry.target_type, entry.target_id) == (
        citizen,
        "municipalities.municipality",
        str(municipality.pk),
    )
    anonymous = audit(action="x.anon", actor=None)
    assert anonymous.actor is None and AuditEntry.objects.count() == 2


@pytest.mark.django_db
def test_healthz(client):
    response = client.get("/healthz")
    assert response.status_code == 200 and response.json() == {"status": "ok"}


@pytest.mark.django_db
def test_security_headers_and_strict_csp(client):
    response = client.get("/")
    csp = response["Content-Security-Policy"]
    assert "script-src 'self'" in csp and "unsafe-inline" not in csp
    assert "frame-ancestors 'none'" in csp and "object-src 'none'" in csp
    assert response["X-Frame-Options"] == "DENY"
    assert response["X-Content-Type-Options"] == "nosniff"
    assert response["Referrer-Policy"] == "same-origin"


@pytest.mark.django_db
def test_pages_have_no_inline_script_or_style(client, municipality):
    page = client.get("/odense/").text
    assert "<script>" not in page and "style=" not in page
    assert "<script src=" in page


@pytest.mark.django_db
def test_not_found_page_is_ours(client):
    response = client.get("/findes-slet-ikke/")
    assert response.status_code == 404
    assert "Siden findes ikke" in response.text
    assert 'id="main-content"' in response.text


def test_server_error_page_renders_without_database_or_context():
    from faelles.core import views

    response = views.server_error(None)
    text = response.content.decode()
    assert response.status_code == 500
    assert "Der skete en fejl" in text and 'lang="en"' in text


@pytest.mark.django_db
@override_settings(ROOT_URLCONF="faelles.core.tests.urls_failing")
def test_unhandled_exception_gives_the_500_page(client):
    client.raise_request_exception = False
    response = client.get("/fejl/")
    assert response.status_code == 500
    assert "Der skete en fejl hos os" in response.content.decode()


def test_process_local_cache_is_a_deploy_warning():
    locmem = {"default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"}}
    redis = {
        "default": {
            "BACKEND": "django.core.cache.backends.redis.RedisCache",
            "LOCATION": "redis://localhost:6379/0",
        }
    }
    with override_settings(CACHES=locmem):
        assert [w.id for w in shared_cache(None)] == ["faelles.W001"]
    with override_settings(CACHES=redis):
        assert shared_cache(None) == []


@pytest.mark.django_db
def test_privacy_page_is_linked_from_sign_up_and_footer(client):
    page = client.get("/om/privatliv/").text
    assert "Dine rettigheder" in page and "Datatilsynet" in page
    assert 'href="/om/privatliv/"' in client.get("/accounts/signup/").text
    assert 'href="/om/privatliv/"' in client.get("/").text


@pytest.mark.django_db
def test_front_end_comes_from_node_modules_never_a_cdn(client, municipality):
    import re
    from pathlib import Path

    from django.contrib.staticfiles import finders

    page = client.get("/odense/").text
    sources = re.findall(r'<(?:script|link)[^>]+(?:src|href)="([^"]+)"', page)
    assert sources and all(s.startswith("/") for s in sources), sources
    for name in ["vendor/dkfds/css/dkfds.min.css", "vendor/htmx/htmx.min.js"]:
        assert f"/static/{name}" in page
        found = Path(finders.find(name))
        assert "node_modules" in found.parts, found
