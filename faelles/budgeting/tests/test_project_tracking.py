"""Funded projects get a status, progress updates and photos, visible to everyone."""

import io
from datetime import timedelta

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from django.utils import timezone
from PIL import Image

from faelles.budgeting.factories import BudgetRoundFactory, ProjectFactory
from faelles.budgeting.models import ImplementationStatus, Phase, ProjectUpdate

pytestmark = pytest.mark.django_db


def url(name, **kwargs):
    return reverse(
        f"budgeting:{name}", kwargs={"municipality_slug": "odense", **kwargs}
    )


def photo():
    buffer = io.BytesIO()
    Image.new("RGB", (40, 30), "#3a7").save(buffer, format="PNG")
    return SimpleUploadedFile("foto.png", buffer.getvalue(), content_type="image/png")


@pytest.fixture
def funded(municipality):
    budget_round = BudgetRoundFactory(
        municipality=municipality,
        phase=Phase.IMPLEMENTATION,
        voting_end=timezone.now() - timedelta(days=1),
        voting_start=timezone.now() - timedelta(days=10),
    )
    return ProjectFactory(round=budget_round, title="Fælleshaven", is_funded=True)


def test_employee_posts_progress_with_photo(client, funded, employee):
    client.force_login(employee)
    assert client.get(url("project_update", pk=funded.pk)).status_code == 200
    response = client.post(
        url("project_update", pk=funded.pk),
        {"status": "in_progress", "text": "Højbedene er bygget.", "photo": photo()},
    )
    assert response.status_code == 200  # a photo needs a description
    assert not ProjectUpdate.objects.exists()
    response = client.post(
        url("project_update", pk=funded.pk),
        {
            "status": "in_progress",
            "text": "Højbedene er bygget.",
            "photo": photo(),
            "photo_alt": "Tre højbede af træ",
        },
    )
    assert response.status_code == 302
    update = ProjectUpdate.objects.get()
    assert update.photo.name.endswith(".jpg")  # re-encoded, metadata dropped
    funded.refresh_from_db()
    assert funded.implementation_status == ImplementationStatus.IN_PROGRESS


def test_everyone_sees_progress(client, funded):
    ProjectUpdate.objects.create(
        municipality=funded.municipality,
        project=funded,
        status="planning",
        text="Borgermøde i haven på lørdag.",
    )
    page = client.get(url("project_detail", pk=funded.pk)).content.decode()
    assert "Borgermøde i haven på lørdag." in page
    assert "Sådan går det" in page


def test_in_progress_list_until_done(client, funded, employee):
    client.force_login(employee)
    client.post(
        url("project_update", pk=funded.pk),
        {"status": "in_progress", "text": "I gang."},
    )
    client.logout()
    assert "Fælleshaven" in client.get(url("list")).content.decode()
    client.force_login(employee)
    client.post(
        url("project_update", pk=funded.pk), {"status": "done", "text": "Færdig!"}
    )
    client.logout()
    page = client.get(url("list")).content.decode()
    assert "Projekter der bliver til virkelighed" not in page
    detail = client.get(url("project_detail", pk=funded.pk)).content.decode()
    assert "Færdig!" in detail  # the history stays


def test_unfunded_projects_are_not_tracked(client, municipality, employee):
    budget_round = BudgetRoundFactory(municipality=municipality, phase=Phase.RESULTS)
    project = ProjectFactory(round=budget_round, is_funded=False)
    client.force_login(employee)
    response = client.post(
        url("project_update", pk=project.pk), {"status": "done", "text": "x"}
    )
    assert response.status_code == 403
    assert not ProjectUpdate.objects.exists()


@pytest.mark.parametrize("role", ["citizen", "politician", "moderator"])
def test_only_staff_post_updates(client, funded, role, request):
    client.force_login(request.getfixturevalue(role))
    response = client.post(
        url("project_update", pk=funded.pk), {"status": "done", "text": "x"}
    )
    assert response.status_code == 403
    assert not ProjectUpdate.objects.exists()


def test_project_page_query_count(client, funded, django_assert_max_num_queries):
    for i in range(30):
        ProjectUpdate.objects.create(
            municipality=funded.municipality,
            project=funded,
            status="in_progress",
            text=f"Opdatering {i}",
        )
    with django_assert_max_num_queries(10):
        assert client.get(url("project_detail", pk=funded.pk)).status_code == 200
