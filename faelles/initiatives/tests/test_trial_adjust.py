"""A running trial can be adjusted ("sætter vi fælles mål og tilpasser dem løbende"),
but only by the municipality, only with a reason, and every change stays visible."""

import datetime

import pytest
from django.core.exceptions import PermissionDenied, ValidationError

from faelles.core.models import AuditEntry
from faelles.initiatives import services
from faelles.initiatives.factories import InitiativeFactory, TrialFactory
from faelles.initiatives.models import State, TrialRevision

pytestmark = pytest.mark.django_db

PLAN = {
    "we_believe": "en fast badebro",
    "will_lead_to": "at flere ældre kommer i vandet",
    "what_is_tried": "En midlertidig bro hele sommeren.",
    "starts_on": datetime.date(2026, 5, 1),
    "ends_on": datetime.date(2026, 10, 1),
    "criteria": [("Badende pr. uge", "30")],
}


def _running(municipality):
    initiative = InitiativeFactory(municipality=municipality, state=State.TRYING)
    return initiative, TrialFactory(initiative=initiative)


def test_running_trial_is_adjusted_with_a_reason_and_the_change_is_kept(
    municipality, employee
):
    initiative, trial = _running(municipality)
    services.trial_plan(
        initiative=initiative,
        actor=employee,
        reason="Vejret var koldt i maj; vi forlænger og sænker målet.",
        **PLAN,
    )
    trial.refresh_from_db()
    assert trial.ends_on == datetime.date(2026, 10, 1)
    assert list(trial.criteria.values_list("target", flat=True)) == ["30"]
    revision = TrialRevision.objects.get()
    assert revision.changed_by == employee
    assert revision.reason.startswith("Vejret var koldt")
    changed = {c["field"]: (c["before"], c["after"]) for c in revision.changes}
    assert changed == {
        "period": ("2026-05-01 – 2026-09-01", "2026-05-01 – 2026-10-01"),
        "criteria": ("Badende pr. uge: 50", "Badende pr. uge: 30"),
    }
    assert AuditEntry.objects.filter(action="trial.adjust").exists()


def test_no_adjustment_without_a_reason_or_without_a_change(municipality, employee):
    initiative, trial = _running(municipality)
    with pytest.raises(ValidationError):
        services.trial_plan(initiative=initiative, actor=employee, reason=" ", **PLAN)
    same = {**PLAN, "ends_on": trial.ends_on, "criteria": [("Badende pr. uge", "50")]}
    with pytest.raises(ValidationError):
        services.trial_plan(
            initiative=initiative, actor=employee, reason="Ingen ændring", **same
        )
    trial.refresh_from_db()
    assert trial.ends_on == datetime.date(2026, 9, 1)
    assert not TrialRevision.objects.exists()


def test_only_the_municipality_adjusts(municipality, citizen):
    initiative, trial = _running(municipality)
    with pytest.raises(PermissionDenied):
        services.trial_plan(
            initiative=initiative, actor=citizen, reason="Jeg vil gerne", **PLAN
        )


def test_evaluated_or_closed_trials_are_not_adjusted(municipality, employee):
    initiative = InitiativeFactory(municipality=municipality, state=State.EVALUATING)
    TrialFactory(initiative=initiative)
    with pytest.raises(ValidationError):
        services.trial_plan(
            initiative=initiative, actor=employee, reason="For sent", **PLAN
        )


def test_adjust_page_and_history_on_the_initiative(client, municipality, employee):
    initiative, trial = _running(municipality)
    client.force_login(employee)
    detail = client.get(initiative.get_absolute_url()).text
    assert "Justér prøvehandlingen" in detail
    url = f"/odense/initiativer/{initiative.pk}/proevehandling/"
    form = client.get(url).text
    assert "Hvorfor justerer I prøvehandlingen?" in form
    data = {
        "we_believe": PLAN["we_believe"],
        "will_lead_to": PLAN["will_lead_to"],
        "what_is_tried": PLAN["what_is_tried"],
        "starts_on": "2026-05-01",
        "ends_on": "2026-10-01",
        "indicator_1": "Badende pr. uge",
        "target_1": "30",
    }
    refused = client.post(url, data)
    assert refused.status_code == 200
    assert not TrialRevision.objects.exists()
    response = client.post(url, {**data, "reason": "Koldt forår."})
    assert response.status_code == 302
    page = client.get(initiative.get_absolute_url()).text
    assert "Justeringer undervejs" in page
    assert "Koldt forår." in page
    assert "Badende pr. uge: 50" in page and "Badende pr. uge: 30" in page
