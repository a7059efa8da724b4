"""Which account a login with MitID (OpenID Connect) reaches: never two for one person.

The rules, in order (docs/operations.md, "Which account a MitID login reaches"):

1. **The provider's subject decides.** A subject seen before reaches the account
   it is linked to, whatever e-mail address the provider sends now
   (allauth's ``SocialAccount`` is unique on provider and subject).
2. **Connecting while logged in** ("Forbind MitID" on *Mine sider*) links the
   subject to the logged-in account — unless the account already has another
   MitID identity, or the subject is linked to another account (refused, with a
   message; the person must remove it there first).
3. **A new subject, not logged in**: linked to an existing account only when the
   provider says the e-mail address is verified (``email_verified``) **and** the
   account has confirmed that same address on Fælles, and the account has no
   MitID identity yet. Otherwise a new account is made — and if the address is
   already taken there, the person is told (by mail, so nobody learns which
   addresses have accounts) to log in with e-mail and password and connect MitID
   from *Mine sider*.
"""

from __future__ import annotations

from allauth.account.models import EmailAddress
from allauth.core.exceptions import ImmediateHttpResponse
from allauth.socialaccount.adapter import DefaultSocialAccountAdapter
from allauth.socialaccount.models import SocialAccount
from allauth.socialaccount.providers.base import AuthProcess
from django.contrib import messages
from django.shortcuts import redirect
from django.utils.translation import gettext as _

from .adapter import municipality_from_path
from .oidc import identity_claims, remember_for_logout
from .oidc_config import PROVIDER_ID


def record_identity(request, sociallogin) -> None:
    """After a login or a connect through the provider: keep what it vouched for."""
    from .services import verified_identity_record

    account = sociallogin.account
    if account.provider != PROVIDER_ID or not account.pk:
        return
    verified_identity_record(
        user=account.user,
        provider=account.provider,
        claims=identity_claims(account.uid, account.extra_data),
    )
    if request is not None:
        remember_for_logout(request)


class SocialAccountAdapter(DefaultSocialAccountAdapter):
    def pre_social_login(self, request, sociallogin) -> None:
        """Rule 2: one MitID identity per account."""
        if (
            sociallogin.state.get("process") == AuthProcess.CONNECT
            and request.user.is_authenticated
            and SocialAccount.objects.filter(
                user=request.user, provider=sociallogin.account.provider
            )
            .exclude(uid=sociallogin.account.uid)
            .exists()
        ):
            messages.error(
                request,
                _(
                    "Din profil er allerede forbundet med et andet MitID. Der kan "
                    "kun være ét MitID på en profil."
                ),
            )
            raise ImmediateHttpResponse(redirect("accounts:profile"))

    def authenticate_by_email(self, sociallogin):
        """Rule 3: an existing account only through an address both sides verified."""
        for address in sociallogin.email_addresses:
            if not address.verified:
                continue
            local = (
                EmailAddress.objects.filter(email__iexact=address.email, verified=True)
                .select_related("user")
                .first()
            )
            if local is None or not local.user.is_active:
                continue
            if SocialAccount.objects.filter(
                user=local.user, provider=sociallogin.account.provider
            ).exists():
                continue  # it has another MitID identity: never a second one
            return local.user, local.email
        return None

    def populate_user(self, request, sociallogin, data):
        user = super().populate_user(request, sociallogin, data)
        name = data.get("name") or " ".join(
            part for part in (data.get("first_name"), data.get("last_name")) if part
        )
        user.display_name = (name or "")[:120]
        return user

    def save_user(self, request, sociallogin, form=None):
        """A new account from a first login: it joins the municipality the person
        came from — at once when the provider vouched for the e-mail address,
        otherwise once the address is confirmed (as an e-mail sign-up does)."""
        user = super().save_user(request, sociallogin, form)
        municipality = municipality_from_path(sociallogin.state.get("next") or "")
        if municipality is not None:
            verified = EmailAddress.objects.filter(
                user=user, email__iexact=user.email, verified=True
            ).exists()
            if verified:
                from .services import membership_join

                membership_join(user=user, municipality=municipality)
            else:
                type(user).objects.filter(pk=user.pk).update(joining=municipality)
        record_identity(None, sociallogin)
        return user


def on_account_added(sender, request, sociallogin, **kwargs) -> None:
    """Rule 2 done: a subject connected to the logged-in account."""
    record_identity(request, sociallogin)


def on_account_removed(sender, request, socialaccount, **kwargs) -> None:
    from .services import verified_identity_remove

    if socialaccount.provider == PROVIDER_ID:
        verified_identity_remove(user=socialaccount.user, provider=PROVIDER_ID)
