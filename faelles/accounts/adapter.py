from types import SimpleNamespace

from allauth.account.adapter import DefaultAccountAdapter
from allauth.core import context as allauth_context
from django.conf import settings
from django.utils.html import strip_tags
from django.utils.translation import get_language

from faelles.core.mail import queue_mail
from faelles.core.site import absolute_url, reroot, site_host


def set_language_cookie(response, language: str) -> None:
    response.set_cookie(
        settings.LANGUAGE_COOKIE_NAME,
        language,
        max_age=settings.LANGUAGE_COOKIE_AGE,
        path=settings.LANGUAGE_COOKIE_PATH,
        domain=settings.LANGUAGE_COOKIE_DOMAIN,
        secure=settings.LANGUAGE_COOKIE_SECURE,
        httponly=settings.LANGUAGE_COOKIE_HTTPONLY,
        samesite=settings.LANGUAGE_COOKIE_SAMESITE,
    )


def municipality_from_path(path: str):
    """The active municipality a local path such as ``/rodovre/initiativer/`` is in."""
    from faelles.municipalities.models import Municipality

    if not path or not path.startswith("/") or path.startswith("//"):
        return None
    slug = path.split("/", 2)[1]
    if not slug:
        return None
    return Municipality.objects.active().filter(slug=slug).first()


class AccountAdapter(DefaultAccountAdapter):
    """allauth with Fælles' additions: the display name chosen at sign-up is stored;
    signing up from a municipality's pages joins it once the e-mail is confirmed;
    after logging in people land where they were, or on their municipality; the
    interface follows the person's preferred language from the moment they log in;
    and its mails go out from the background queue with links on the site's
    configured address."""

    def send_mail(self, template_prefix: str, email: str, context: dict) -> None:
        """Sign-up confirmation, password reset …: rendered now (in the language of
        the request), sent by a background task after the transaction commits.
        allauth builds links from the request's host; they are moved to
        ``FAELLES_SITE_URL``, so a forged Host header cannot end up in a mail."""
        links = {
            key: reroot(value)
            for key, value in context.items()
            if isinstance(value, str) and value.startswith(("http://", "https://"))
        }
        ctx = {
            "request": allauth_context.request,
            "email": email,
            "current_site": SimpleNamespace(name="Fælles", domain=site_host()),
            **context,
            **links,
        }
        message = self.render_mail(template_prefix, email, ctx)
        body, html = message.body, ""
        if message.content_subtype == "html":  # only an HTML template exists
            body, html = strip_tags(message.body), message.body
        for content, kind in getattr(message, "alternatives", []):
            if kind == "text/html":
                html = content
        queue_mail(to=email, subject=message.subject, body=body, html=html)

    def save_user(self, request, user, form, commit=True):
        user = super().save_user(request, user, form, commit=False)
        user.display_name = form.cleaned_data.get("display_name", "")
        next_path = request.POST.get("next") or request.GET.get("next") or ""
        user.joining = municipality_from_path(next_path)
        # Someone who signs up in English keeps English after logging in.
        if get_language() in dict(settings.LANGUAGES):
            user.preferred_language = get_language()
        if commit:
            user.save()
        return user

    def post_login(self, request, user, **kwargs):
        response = super().post_login(request, user, **kwargs)
        sociallogin = (kwargs.get("signal_kwargs") or {}).get("sociallogin")
        if sociallogin is not None:
            # A login through MitID: renew the identity's level and date, and keep
            # the ID token so that logging out ends the provider's session too.
            from .social import record_identity

            record_identity(request, sociallogin)
        if user.preferred_language in dict(settings.LANGUAGES):
            set_language_cookie(response, user.preferred_language)
        return response

    def confirm_email(self, request, email_address):
        confirmed = super().confirm_email(request, email_address)
        user = email_address.user
        if confirmed and user.joining_id:
            from faelles.accounts.services import membership_join

            membership_join(user=user, municipality=user.joining)
            type(user).objects.filter(pk=user.pk).update(joining=None)
        return confirmed

    def get_logout_redirect_url(self, request):
        """After a session that began at MitID: the provider's end-session page,
        which sends the browser back to the front page (RP-initiated logout).
        Called before the session ends (allauth's LogoutView)."""
        from .oidc import end_session_url

        home = super().get_logout_redirect_url(request)
        return end_session_url(request, after=absolute_url(home)) or home

    def get_login_redirect_url(self, request):
        """Without a ``next`` (which allauth follows first): the municipality the
        person most recently joined, or their own page when they have none."""
        return _home_of(request.user) or super().get_login_redirect_url(request)

    def get_email_verification_redirect_url(self, email_address):
        """Confirming the e-mail of a sign-up from a municipality lands there."""
        return _home_of(
            email_address.user
        ) or super().get_email_verification_redirect_url(email_address)


def _home_of(user) -> str | None:
    membership = (
        user.memberships.filter(municipality__is_active=True)
        .select_related("municipality")
        .order_by("-id")
        .first()
    )
    return membership.municipality.get_absolute_url() if membership else None
