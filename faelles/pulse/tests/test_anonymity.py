"""No table or log links a person to an answer or a concern (docs/pulse.md,
"Anonymity").

The strongest check looks at the whole database: answering changes exactly two
tables — one receipt (round, person) and one response (round, unit, answers) —
and nothing else (no audit entry, no notification, no participation act).
Then the two rows are inspected field by field: nothing in common but the
round, no time, random keys.
"""

import uuid
from datetime import date

import pytest
from django.apps import apps
from django.db import connection, models

from faelles.core.models import AuditEntry
from faelles.pulse import services
from faelles.pulse.models import Concern, ConcernQuota, Receipt, Response

from .conftest import answers

pytestmark = pytest.mark.django_db


def _row_counts() -> dict[str, int]:
    counts = {}
    with connection.cursor() as cursor:
        for model in apps.get_models(include_auto_created=True):
            if model._meta.proxy or not model._meta.managed:
                continue
            table = model._meta.db_table
            cursor.execute(f'SELECT COUNT(*) FROM "{table}"')  # noqa: S608 (table names)
            counts[table] = cursor.fetchone()[0]
    return counts


def _changed(before, after) -> dict[str, int]:
    return {t: after[t] - before[t] for t in after if after[t] != before.get(t)}


def test_answering_writes_only_a_receipt_and_an_unlinked_response(
    django_capture_on_commit_callbacks, employee, open_round
):
    department = employee.memberships.get().department
    before = _row_counts()
    with django_capture_on_commit_callbacks(execute=True):
        services.response_submit(round_=open_round, user=employee, answers=answers(2))
    assert _changed(before, _row_counts()) == {
        Receipt._meta.db_table: 1,
        Response._meta.db_table: 1,
    }
    response = Response.objects.get()
    receipt = Receipt.objects.get()
    assert {f.attname for f in Response._meta.concrete_fields} == {
        "id",
        "municipality_id",
        "round_id",
        "department_id",
        "answers",
    }
    assert {f.attname for f in Receipt._meta.concrete_fields} == {
        "id",
        "round_id",
        "user_id",
    }
    assert response.department_id == department.pk
    # Random version-4 keys, unrelated to each other or to the person.
    assert isinstance(response.pk, uuid.UUID) and response.pk.version == 4
    assert isinstance(receipt.pk, uuid.UUID) and receipt.pk.version == 4
    assert response.pk != receipt.pk
    assert response.answers == answers(2)
    assert not AuditEntry.objects.filter(action__startswith="pulse.").exists()


def test_no_model_points_from_a_person_to_a_response_or_has_a_time():
    """Schema check: no field anywhere leads to a response except its round,
    unit and municipality; neither the response nor the receipt keeps a time."""
    for model in (Response, Receipt):
        for field in model._meta.concrete_fields:
            assert not isinstance(field, models.DateField | models.DateTimeField), (
                model,
                field,
            )
            assert not isinstance(field, models.AutoField), (model, field)
    for model in apps.get_models():
        for field in model._meta.get_fields():
            if getattr(field, "related_model", None) is Response and field.concrete:
                pytest.fail(f"{model.__name__}.{field.name} points at a response")
    user_model = apps.get_model("accounts", "User")
    assert not any(
        f.related_model is user_model for f in Response._meta.concrete_fields
    )


def test_raising_a_concern_keeps_no_person(employee, municipality):
    before = _row_counts()
    concern = services.concern_raise(
        municipality=municipality,
        user=employee,
        title="Vi får ikke vagtplanen til tiden",
        body="Planen kommer ofte to dage før. Det gør det svært at hente børn.",
        today=date(2026, 12, 9),
    )
    assert _changed(before, _row_counts()) == {
        Concern._meta.db_table: 1,
        ConcernQuota._meta.db_table: 1,
    }
    assert concern.month == date(2026, 12, 1)
    user_model = apps.get_model("accounts", "User")
    for model in (Concern, ConcernQuota):
        linked = [
            f.name
            for f in model._meta.concrete_fields
            if f.related_model is user_model and f.name != "answered_by"
        ]
        assert not linked, (model, linked)
    quota = ConcernQuota.objects.get()
    # A keyed hash: without the server's key nobody can tell whose row it is.
    assert len(quota.key) == 64 and employee.email not in quota.key
    assert quota.key != services.quota_key(
        user=employee, municipality=municipality, week=date(2026, 12, 14)
    )
    assert quota.week == date(2026, 12, 7)
    assert concern.answered_by is None
    assert not AuditEntry.objects.filter(action__startswith="pulse.").exists()
