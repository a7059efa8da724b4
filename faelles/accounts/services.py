"""Every write about people, memberships and roles."""

from allauth.account.models import EmailAddress
from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from faelles.core.audit import audit

from .models import Membership, User
from .personal_data import personal_data_modules


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
    if membership.department_id is None:
        membership.is_leader = False
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
    """Everything Fælles holds about one person, as plain data (GDPR art. 15 and 20).

    The account and memberships are written here; every other app adds its part
    through its ``gdpr.py`` (see ``personal_data.py``).
    """
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
                    "leader": m.is_leader,
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
        "email_addresses": [
            {"email": e.email, "verified": e.verified, "primary": e.primary}
            for e in EmailAddress.objects.filter(user=user)
        ],
    }
    for label, module in personal_data_modules():
        data[label] = module.export_personal_data(user)
    return data


@transaction.atomic
def account_delete(*, user: User) -> None:
    """Delete the account and everything personal (GDPR art. 17).

    The one way a person is deleted (see ``personal_data.py``). Every app's
    ``gdpr.delete_personal_data`` hook runs first, inside this transaction, with the
    app's rules about a person leaving (hosts, counters, waiting lists); then
    personal rows cascade with the account, and shared contributions (a comment in
    a debate, an initiative others joined) stay without the person's name because
    their foreign keys use SET_NULL.
    """
    for _label, module in personal_data_modules():
        if hasattr(module, "delete_personal_data"):
            module.delete_personal_data(user)
    audit(action="account.delete", actor=None, target=user, data={"user_id": user.pk})
    user.delete()


def preferred_language_set(*, user: User, language: str) -> None:
    """Remember the interface language a person chose (e-mails are sent in it too).

    A preference, not an act of administration, so it is not audited.
    """
    if language in dict(settings.LANGUAGES) and user.preferred_language != language:
        User.objects.filter(pk=user.pk).update(preferred_language=language)
        user.preferred_language = language
