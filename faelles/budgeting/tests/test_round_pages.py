"""Round list, detail, project pages, proposals and review: roles and phases."""

import pytest
from django.urls import reverse

from faelles.budgeting.factories import BudgetRoundFactory, ProjectFactory
from faelles.budgeting.models import Phase, Project, ReviewStatus
from faelles.core.models import AuditEntry

pytestmark = pytest.mark.django_db


def url(name, **kwargs):
    return reverse(
        f"budgeting:{name}", kwargs={"municipality_slug": "odense", **kwargs}
    )


def test_list_and_detail_show_public_rounds_only(client, municipality, citizen):
    live = BudgetRoundFactory(municipality=municipality, title="Vi tør prioritere")
    draft = BudgetRoundFactory(
        municipality=municipality, title="Hemmelig kladde", phase=Phase.DRAFT
    )
    ProjectFactory.create_batch(3, round=live)
    client.force_login(citizen)
    page = client.get(url("list")).content.decode()
    assert "Vi tør prioritere" in page
    assert "Hemmelig kladde" not in page
    assert client.get(url("detail", pk=live.pk)).status_code == 200
    assert client.get(url("detail", pk=draft.pk)).status_code == 404


def test_employee_sees_drafts(client, municipality, employee):
    draft = BudgetRoundFactory(municipality=municipality, phase=Phase.DRAFT)
    client.force_login(employee)
    assert client.get(url("detail", pk=draft.pk)).status_code == 200


def test_list_query_count(client, municipality, citizen, django_assert_max_num_queries):
    for _ in range(5):
        ProjectFactory.create_batch(
            3, round=BudgetRoundFactory(municipality=municipality)
        )
    client.force_login(citizen)
    with django_assert_max_num_queries(12):
        assert client.get(url("list")).status_code == 200


def test_detail_query_count(
    client, municipality, citizen, django_assert_max_num_queries
):
    budget_round = BudgetRoundFactory(municipality=municipality)
    ProjectFactory.create_batch(20, round=budget_round)
    client.force_login(citizen)
    with django_assert_max_num_queries(14):
        assert client.get(url("detail", pk=budget_round.pk)).status_code == 200


def test_project_detail(client, municipality):
    project = ProjectFactory(round__municipality=municipality, title="Bænkeruten")
    response = client.get(url("project_detail", pk=project.pk))
    assert response.status_code == 200
    assert "Bænkeruten" in response.content.decode()


def test_citizen_proposes_in_proposal_phase(client, municipality, citizen):
    budget_round = BudgetRoundFactory(
        municipality=municipality, phase=Phase.PROPOSALS, proposals_end=None
    )
    client.force_login(citizen)
    response = client.post(
        url("propose", pk=budget_round.pk),
        {
            "title": "Lys på stien ved åen",
            "description": "Stien er mørk om vinteren.",
            "cost": "120000",
            "area": "Damhusåen",
            "theme": "safety",
        },
    )
    assert response.status_code == 302
    project = Project.objects.get(title="Lys på stien ved åen")
    assert project.review_status == ReviewStatus.PENDING
    assert project.proposed_by == citizen
    assert (project.theme.key, project.theme.municipality) == ("safety", municipality)
    assert AuditEntry.objects.filter(action="budgeting.project_propose").exists()


@pytest.mark.parametrize("phase", [Phase.REVIEW, Phase.VOTING, Phase.RESULTS])
def test_no_proposals_outside_proposal_phase(client, municipality, citizen, phase):
    budget_round = BudgetRoundFactory(municipality=municipality, phase=phase)
    client.force_login(citizen)
    response = client.post(
        url("propose", pk=budget_round.pk),
        {"title": "For sent", "description": "x", "cost": "1000"},
        follow=True,
    )
    assert "Der kan ikke stilles forslag" in response.content.decode()
    assert not Project.objects.filter(title="For sent").exists()


def test_no_proposals_after_proposal_deadline(client, municipality, citizen):
    budget_round = BudgetRoundFactory(municipality=municipality, phase=Phase.PROPOSALS)
    client.force_login(citizen)  # the factory's proposals_end lies in the past
    client.post(
        url("propose", pk=budget_round.pk),
        {"title": "For sent", "description": "x", "cost": "1000"},
    )
    assert not Project.objects.filter(title="For sent").exists()


def test_proposal_bad_input_saves_nothing(client, municipality, citizen):
    budget_round = BudgetRoundFactory(
        municipality=municipality, phase=Phase.PROPOSALS, proposals_end=None
    )
    client.force_login(citizen)
    response = client.post(
        url("propose", pk=budget_round.pk),
        {"title": "", "description": "", "cost": "-5"},
    )
    assert response.status_code == 200
    assert Project.objects.count() == 0


def test_outsider_cannot_propose(client, municipality, outsider):
    budget_round = BudgetRoundFactory(
        municipality=municipality, phase=Phase.PROPOSALS, proposals_end=None
    )
    client.force_login(outsider)
    client.post(
        url("propose", pk=budget_round.pk),
        {"title": "Udefra", "description": "x", "cost": "1000"},
    )
    assert not Project.objects.exists()


def _pending(municipality):
    budget_round = BudgetRoundFactory(municipality=municipality, phase=Phase.REVIEW)
    return ProjectFactory(
        round=budget_round, review_status=ReviewStatus.PENDING, legal_ok=None
    )


def test_employee_rejects_with_reason(client, municipality, employee):
    project = _pending(municipality)
    client.force_login(employee)
    response = client.post(
        url("project_review", pk=project.pk),
        {"review_status": "rejected", "cost": "50000", "review_note": ""},
    )
    assert response.status_code == 200
    project.refresh_from_db()
    assert project.review_status == ReviewStatus.PENDING
    client.post(
        url("project_review", pk=project.pk),
        {
            "review_status": "rejected",
            "cost": "50000",
            "review_note": "Arealet ejes af staten.",
        },
    )
    project.refresh_from_db()
    assert project.review_status == ReviewStatus.REJECTED
    assert project.reviewed_by == employee
    page = client.get(url("detail", pk=project.round.pk)).content.decode()
    assert "Arealet ejes af staten." in page


def test_employee_approves_with_new_cost(client, municipality, employee):
    project = _pending(municipality)
    client.force_login(employee)
    client.post(
        url("project_review", pk=project.pk),
        {
            "review_status": "approved",
            "cost": "87000",
            "legal_ok": "on",
            "practical_ok": "on",
            "review_note": "",
        },
    )
    project.refresh_from_db()
    assert (project.review_status, project.cost) == (ReviewStatus.APPROVED, 87000)


def test_approval_needs_legal_and_practical_check(client, municipality, employee):
    project = _pending(municipality)
    client.force_login(employee)
    client.post(
        url("project_review", pk=project.pk),
        {"review_status": "approved", "cost": "87000", "legal_ok": "on"},
    )
    project.refresh_from_db()
    assert project.review_status == ReviewStatus.PENDING


@pytest.mark.parametrize("role", ["citizen", "politician", "moderator"])
def test_only_staff_review(client, municipality, role, request):
    project = _pending(municipality)
    client.force_login(request.getfixturevalue(role))
    response = client.post(
        url("project_review", pk=project.pk),
        {"review_status": "rejected", "cost": "1", "review_note": "nej"},
    )
    assert response.status_code == 403
    project.refresh_from_db()
    assert project.review_status == ReviewStatus.PENDING


def test_employee_creates_round(client, municipality, employee):
    client.force_login(employee)
    response = client.post(
        url("create"),
        {
            "title": "Vi tør prioritere 2027",
            "budget": "500000",
            "ballot_type": "approval",
            "min_projects": "1",
            "max_projects": "3",
            "points_total": "10",
            "age_check": "birth_year",
            "counting_rule": "mes",
        },
    )
    assert response.status_code == 302
    assert AuditEntry.objects.filter(action="budgeting.round_create").exists()


def test_citizen_cannot_create_round(client, municipality, citizen):
    client.force_login(citizen)
    assert client.get(url("create")).status_code == 403
