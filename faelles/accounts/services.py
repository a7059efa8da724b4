"""Every write about people, memberships and roles."""

from __future__ import annotations

from typing import TYPE_CHECKING

from allauth.account.models import EmailAddress
from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from faelles.core.audit import audit

from .models import Membership, User, VerifiedIdentity
from .personal_data import personal_data_modules

if TYPE_CHECKING:
    from .oidc import IdentityClaims


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
        "verified_identity": _identity_export(user),
    }
    for label, module in personal_data_modules():
        data[label] = module.export_personal_data(user)
    return data


def _identity_export(user: User) -> dict | None:
    identity = VerifiedIdentity.objects.filter(user=user).first()
    if identity is None:
        return None
    return {
        "provider": identity.provider,
        "subject": identity.subject,
        "assurance_level": identity.assurance_level,
        "verified_at": identity.verified_at.isoformat(),
        "birth_date": identity.birth_date.isoformat() if identity.birth_date else None,
        "municipality_code": identity.municipality_code,
        "postcode": identity.postcode,
    }


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


@transaction.atomic
def verified_identity_record(
    *, user: User, provider: str, claims: IdentityClaims, now=None
) -> VerifiedIdentity:
    """Keep what the provider vouched for at this login (assurance level, when,
    and the birth date and address codes it sent), replacing what it said before.

    One identity per account and one account per identity: an identity that was
    linked to another account before (unlinked there, then connected here) moves.
    """
    now = now or timezone.now()
    VerifiedIdentity.objects.filter(provider=provider, subject=claims.subject).exclude(
        user=user
    ).delete()
    previous = VerifiedIdentity.objects.filter(user=user).first()
    fields = {
        "provider": provider,
        "subject": claims.subject,
        "assurance_level": claims.assurance_level,
        "verified_at": now,
        "birth_date": claims.birth_date,
        "municipality_code": claims.municipality_code,
        "postcode": claims.postcode,
    }
    identity, _created = VerifiedIdentity.objects.update_or_create(
        user=user, defaults=fields
    )
    if previous is None or previous.subject != claims.subject:
        audit(
            action="identity.link",
            actor=user,
            target=user,
            data={"provider": provider, "level": claims.assurance_level},
        )
    user.__dict__.pop("_verified_identity_cache", None)
    return identity


@transaction.atomic
def verified_identity_remove(*, user: User, provider: str) -> None:
    """The person removed the link to the provider: nothing verified stays."""
    deleted, _rows = VerifiedIdentity.objects.filter(
        user=user, provider=provider
    ).delete()
    if deleted:
        audit(action="identity.unlink", actor=user, target=user)
