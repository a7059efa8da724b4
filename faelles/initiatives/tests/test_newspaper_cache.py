"""The newspaper PDF is laid out by a background task, kept per edition and made
again only when what the edition shows changes; a request never lays it out."""

from unittest import mock

import pytest
from django.test import override_settings
from django.utils import timezone

from faelles.initiatives import newspaper, services
from faelles.initiatives.factories import StoryFactory

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("fresh_cache")]


def _url():
    today = timezone.localdate()
    return f"/odense/initiativer/avis/?start={today:%Y-%m-%d}&end={today:%Y-%m-%d}"


def test_an_edition_is_laid_out_once_and_served_from_the_cache(
    client, municipality, citizen
):
    StoryFactory(initiative__municipality=municipality, title="Broen blev bygget")
    client.force_login(citizen)
    with mock.patch.object(newspaper, "layout", wraps=newspaper.layout) as layout:
        first = client.get(_url())
        second = client.get(_url())
    assert first.content.startswith(b"%PDF-") and second.content == first.content
    assert layout.call_count == 1


def test_changed_content_makes_a_new_edition(
    client, municipality, citizen, employee, django_capture_on_commit_callbacks
):
    story = StoryFactory(
        initiative__municipality=municipality, title="Første udgave", author=employee
    )
    client.force_login(citizen)
    with mock.patch.object(newspaper, "layout", wraps=newspaper.layout) as layout:
        client.get(_url())
        with django_capture_on_commit_callbacks(execute=True):
            services.story_update(
                story=story, actor=employee, title="Anden udgave", lead="x", body="y"
            )
        # Publishing or editing a story lays out today's default edition (in both
        # languages) in the background, so the next reader gets it at once.
        calls_after_edit = layout.call_count
        client.get(_url())
    assert calls_after_edit == 3
    assert layout.call_count == 4  # the one-day edition asked for is new too


@override_settings(
    TASKS={"default": {"BACKEND": "django_tasks.backends.dummy.DummyBackend"}}
)
def test_a_request_never_lays_out_the_pdf_itself(client, municipality, citizen):
    StoryFactory(initiative__municipality=municipality)
    client.force_login(citizen)
    with mock.patch.object(newspaper, "layout") as layout:
        response = client.get(_url())
    assert layout.call_count == 0
    assert response.status_code == 202
    assert "Avisen bliver sat op" in response.text
    assert 'http-equiv="refresh"' in response.text
