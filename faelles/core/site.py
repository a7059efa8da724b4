"""The site's public address, for links that leave the request: e-mails, calendar
feeds, the feed addresses people subscribe to.

Never the request's host (a forged ``Host`` header must not end up in a
password-reset link) and never ``127.0.0.1``: production settings require
``FAELLES_SITE_URL``.
"""

from urllib.parse import urlsplit

from django.conf import settings


def site_url() -> str:
    """``https://faelles.kerteminde.dk`` — scheme and host, no trailing slash."""
    return settings.FAELLES_SITE_URL.rstrip("/")


def site_host() -> str:
    return urlsplit(site_url()).netloc


def absolute_url(path: str) -> str:
    """A path (``/odense/…``) on the site's address; a full address is kept."""
    if not path or urlsplit(path).scheme:
        return path
    return site_url() + path


def reroot(url: str) -> str:
    """A full http(s) address built from a request, moved to the site's address
    (path, query and fragment kept)."""
    parts = urlsplit(url)
    if parts.scheme not in ("http", "https"):
        return url
    return site_url() + parts._replace(scheme="", netloc="").geturl()
