"""Every write about people, memberships and roles."""

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from faelles.core.audit import audit

from .models import Membership, User


@transaction.atomic
def membership_join(*, user: User, municipality) -> Membership:
    """Join a municipality as a citizen; joining twice is harmless."""
    membership, created = Membership.objects.get_or_create(
        user=user, municipality=municipality, defaults={"is_citizen": True}
    )
    if created:
        audit(
            action="membership.join",
            actor=user,
            municipality=municipality,
            target=membership,
        )
    user.__dict__.pop("_membership_cache", None)
    return membership


@transaction.atomic
def membership_set_roles(*, membership: Membership, actor: User, **roles) -> Membership:
    before = {key: getattr(membership, key) for key in roles}
    for key, value in roles.items():
        setattr(membership, key, value)
    if not membership.is_employee:
        membership.department = None
    if (
        before.get("is_administrator") is True
        and not membership.is_administrator
        and not Membership.objects.filter(
            municipality=membership.municipality, is_administrator=True
        )
        .exclude(pk=membership.pk)
        .exists()
    ):
        raise ValidationError(_("Kommunen skal have mindst én administrator."))
    membership.full_clean()
    membership.save()
    audit(
        action="membership.roles",
        actor=actor,
        municipality=membership.municipality,
        target=membership,
        data={
            "before": {k: str(v) for k, v in before.items()},
            "after": {k: str(getattr(membership, k)) for k in roles},
        },
    )
    return membership


@transaction.atomic
def profile_update(*, user: User, **fields) -> User:
    for key, value in fields.items():
        setattr(user, key, value)
    user.full_clean(exclude=["password"])
    user.save()
    audit(
        action="profile.update",
        actor=user,
        target=user,
        data={"fields": sorted(fields)},
    )
    return user


def account_export(*, user: User) -> dict:
    """Everything Fælles holds about one person, as plain data (GDPR art. 15 and 20)."""
    from django.apps import apps

    data = {
        "exported_at": timezone.now().isoformat(),
        "account": {
            "email": user.email,
            "display_name": user.display_name,
            "postcode": user.postcode,
            "languages": user.languages,
            "bio": user.bio,
            "profile_visibility": user.profile_visibility,
            "show_postcode": user.show_postcode,
            "show_languages": user.show_languages,
            "preferred_language": user.preferred_language,
            "date_joined": user.date_joined.isoformat(),
        },
        "memberships": [
            {
                "municipality": m.municipality.name,
                "roles": {
                    "citizen": m.is_citizen,
                    "employee": m.is_employee,
                    "politician": m.is_politician,
                    "moderator": m.is_moderator,
                    "administrator": m.is_administrator,
                },
                "department": m.department.name if m.department else None,
                "job_title": m.job_title,
                "party": m.party,
                "joined_at": m.joined_at.isoformat(),
            }
            for m in user.memberships.select_related("municipality", "department")
        ],
        "organisations": [
            {"organisation": om.organisation.name, "is_admin": om.is_admin}
            for om in user.organisation_memberships.select_related("organisation")
        ],
    }
    # Other apps add their part by defining ``export_personal_data(user) -> dict``
    # in a module ``gdpr.py``; the export then covers every feature.
    for config in apps.get_app_configs():
        if not config.name.startswith("faelles."):
            continue
        try:
            module = __import__(
                f"{config.name}.gdpr", fromlist=["export_personal_data"]
            )
        except ModuleNotFoundError:
            continue
        data[config.label] = module.export_personal_data(user)
    return data


@transaction.atomic
def account_delete(*, user: User) -> None:
    """Delete the account and everything personal; shared contributions are anonymised
    by the apps that own them (their foreign keys use SET_NULL)."""
    audit(action="account.delete", actor=None, target=user, data={"user_id": user.pk})
    user.delete()
