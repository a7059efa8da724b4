"""Production settings: PostgreSQL, a shared cache, real mail, hardened HTTP."""

import os

from django.core.exceptions import ImproperlyConfigured

from .base import *

DEBUG = False
FAELLES_SERVE_MEDIA = env_bool("FAELLES_SERVE_MEDIA", False)
SECRET_KEY = os.environ.get("SECRET_KEY", "")
if len(SECRET_KEY) < 50:
    raise ImproperlyConfigured(
        "SECRET_KEY must be set to at least 50 random characters."
    )
ALLOWED_HOSTS = env_list("ALLOWED_HOSTS", "")
if not ALLOWED_HOSTS:
    raise ImproperlyConfigured(
        "ALLOWED_HOSTS must list the site's host names, e.g. faelles.kerteminde.dk."
    )
CSRF_TRUSTED_ORIGINS = env_list("CSRF_TRUSTED_ORIGINS", "")
# No silent SQLite file: a deliberate one is still possible (sqlite:////srv/…).
if not os.environ.get("DATABASE_URL"):
    raise ImproperlyConfigured(
        "DATABASE_URL must be set, e.g. postgres://faelles:…@db.internal:5432/faelles."
    )
FAELLES_SITE_URL = os.environ.get("FAELLES_SITE_URL", "").rstrip("/")
if not FAELLES_SITE_URL.startswith("https://"):
    raise ImproperlyConfigured(
        "FAELLES_SITE_URL must be the site's public https address, e.g. "
        "https://faelles.kerteminde.dk (links in e-mails and calendar feeds)."
    )

DATABASES["default"]["CONN_MAX_AGE"] = int(os.environ.get("DB_CONN_MAX_AGE", "60"))
DATABASES["default"]["CONN_HEALTH_CHECKS"] = True

EMAIL_BACKEND = os.environ.get(
    "EMAIL_BACKEND", "django.core.mail.backends.smtp.EmailBackend"
)
EMAIL_HOST = os.environ.get("EMAIL_HOST", "localhost")
EMAIL_PORT = int(os.environ.get("EMAIL_PORT", "587"))
EMAIL_HOST_USER = os.environ.get("EMAIL_HOST_USER", "")
EMAIL_HOST_PASSWORD = os.environ.get("EMAIL_HOST_PASSWORD", "")
EMAIL_USE_TLS = env_bool("EMAIL_USE_TLS", True)
SERVER_EMAIL = os.environ.get("SERVER_EMAIL", DEFAULT_FROM_EMAIL)
# "Name <address>" pairs separated by commas; they receive reports of server errors.
ADMINS = [
    (name.strip(), address.strip(" >"))
    for name, _sep, address in (
        entry.partition("<") for entry in env_list("ADMINS", "") if "<" in entry
    )
]

STORAGES["staticfiles"] = {
    "BACKEND": "whitenoise.storage.CompressedManifestStaticFilesStorage"
}

SECURE_SSL_REDIRECT = env_bool("SECURE_SSL_REDIRECT", True)
SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")
SESSION_COOKIE_SECURE = True
CSRF_COOKIE_SECURE = True
LANGUAGE_COOKIE_SECURE = True
SECURE_HSTS_SECONDS = int(os.environ.get("SECURE_HSTS_SECONDS", "31536000"))
SECURE_HSTS_INCLUDE_SUBDOMAINS = True
# The preload directive only matters once the apex domain itself is submitted to the
# browsers' preload list; a site on a municipality's sub-domain can send it safely.
SECURE_HSTS_PRELOAD = env_bool("SECURE_HSTS_PRELOAD", True)

LOGGING["root"]["level"] = os.environ.get("LOG_LEVEL", "INFO")
