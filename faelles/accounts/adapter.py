from types import SimpleNamespace

from allauth.account.adapter import DefaultAccountAdapter
from allauth.core import context as allauth_context
from django.conf import settings
from django.utils.html import strip_tags
from django.utils.translation import get_language

from faelles.core.mail import queue_mail
from faelles.core.site import reroot, site_host


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


class AccountAdapter(DefaultAccountAdapter):
    """allauth with three additions: the display name chosen at sign-up is stored,
    the interface follows the person's preferred language from the moment they log
    in, and its mails go out from the background queue with links on the site's
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
        # Someone who signs up in English keeps English after logging in.
        if get_language() in dict(settings.LANGUAGES):
            user.preferred_language = get_language()
        if commit:
            user.save()
        return user

    def post_login(self, request, user, **kwargs):
        response = super().post_login(request, user, **kwargs)
        if user.preferred_language in dict(settings.LANGUAGES):
            set_language_cookie(response, user.preferred_language)
        return response
