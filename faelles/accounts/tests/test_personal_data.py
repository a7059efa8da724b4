"""Data export and erasure cover every app (GDPR art. 15, 17 and 20)."""

import json

import pytest
from django.apps import apps
from django.conf import settings
from django.db import models

from faelles.accounts.factories import MembershipFactory
from faelles.accounts.personal_data import personal_data_modules
from faelles.accounts.services import account_delete, account_export
from faelles.core.audit import audit
from faelles.core.models import AuditEntry
from faelles.organisations.factories import OrganisationMemberFactory

# Apps whose personal data the account export writes itself (accounts.services).
EXPORTED_BY_ACCOUNTS = {"accounts"}


def _user_relations():
    user_model = apps.get_model(settings.AUTH_USER_MODEL)
    for config in apps.get_app_configs():
        if not config.name.startswith("faelles."):
            continue
        for model in config.get_models():
            for field in model._meta.get_fields():
                if (
                    field.is_relation
                    and field.concrete
                    and field.related_model is user_model
                ):
                    yield config.label, model, field


def test_every_app_that_stores_people_exports_them():
    modules = dict(personal_data_modules())
    lacking = sorted(
        {
            f"{label} ({model.__name__}.{field.name})"
            for label, model, field in _user_relations()
            if label not in EXPORTED_BY_ACCOUNTS
            and not hasattr(modules.get(label), "export_personal_data")
        }
    )
    assert not lacking, (
        "these apps keep data about people but have no gdpr.export_personal_data "
        f"(see faelles/accounts/personal_data.py): {lacking}"
    )


def test_deleting_a_person_is_never_blocked_by_a_foreign_key():
    blocking = [
        f"{model.__name__}.{field.name}"
        for _label, model, field in _user_relations()
        if not field.many_to_many
        and field.remote_field.on_delete
        not in {models.CASCADE, models.SET_NULL, models.SET_DEFAULT}
    ]
    assert not blocking, f"on_delete would stop account deletion: {blocking}"


@pytest.mark.django_db
def test_export_is_json_and_holds_every_apps_part(municipality):
    person = MembershipFactory(municipality=municipality).user
    OrganisationMemberFactory(user=person, organisation__municipality=municipality)
    audit(action="profile.update", actor=person, target=person)
    data = json.loads(json.dumps(account_export(user=person), default=str))
    for label, _module in personal_data_modules():
        assert label in data, label
    assert data["core"]["actions"][0]["action"] == "profile.update"
    assert data["organisations"]["memberships"][0]["is_admin"] is False


@pytest.mark.django_db
def test_delete_removes_the_person_and_keeps_the_audit_trail_anonymous(
    municipality,
):
    person = MembershipFactory(municipality=municipality).user
    OrganisationMemberFactory(user=person, organisation__municipality=municipality)
    audit(action="profile.update", actor=person, target=person)
    pk = person.pk
    account_delete(user=person)
    user_model = apps.get_model(settings.AUTH_USER_MODEL)
    assert not user_model.objects.filter(pk=pk).exists()
    assert AuditEntry.objects.filter(action="profile.update", actor=None).exists()
    assert AuditEntry.objects.filter(action="account.delete").exists()


@pytest.mark.django_db
def test_delete_hooks_run_before_the_account_goes(monkeypatch, municipality):
    import faelles.accounts.services as services

    seen = []

    class Hook:
        @staticmethod
        def export_personal_data(user):
            return {}

        @staticmethod
        def delete_personal_data(user):
            seen.append(type(user).objects.filter(pk=user.pk).exists())

    monkeypatch.setattr(
        services, "personal_data_modules", lambda: iter([("hook", Hook)])
    )
    account_delete(user=MembershipFactory(municipality=municipality).user)
    assert seen == [True]
