"""Settings shared by every environment.

Everything that differs between machines comes from the environment, so the same
code runs as a zero-set-up SQLite demo and as a PostgreSQL production site.
"""

import os
from pathlib import Path
from typing import Any

import dj_database_url

from faelles.accounts.oidc_config import openid_connect_providers

BASE_DIR = Path(__file__).resolve().parent.parent.parent
VAR_DIR = Path(os.environ.get("FAELLES_VAR_DIR", BASE_DIR / "var"))


def env_bool(name: str, default: bool) -> bool:
    value = os.environ.get(name)
    if value is None:
        return default
    return value.strip().lower() in {"1", "true", "yes", "on"}


def env_list(name: str, default: str) -> list[str]:
    return [item.strip() for item in os.environ.get(name, default).split(",") if item]


DEBUG = env_bool("FAELLES_DEBUG", True)
# Only the local demo may run on this key; production.py refuses to start without one.
SECRET_KEY = os.environ.get(
    "SECRET_KEY", "insecure-local-demo-key-never-use-in-production"
)
ALLOWED_HOSTS = env_list("ALLOWED_HOSTS", "127.0.0.1,localhost,[::1],testserver")

INSTALLED_APPS = [
    "django.contrib.admin",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "whitenoise.runserver_nostatic",
    "django.contrib.staticfiles",
    "django.contrib.humanize",
    "django.forms",
    "django.contrib.postgres",
    "rules.apps.AutodiscoverRulesConfig",
    "allauth",
    "allauth.account",
    "allauth.socialaccount",
    "allauth.socialaccount.providers.openid_connect",
    "django_htmx",
    "django_tasks",
    "django_tasks_db",
    "csp",
    "faelles.core",
    "faelles.municipalities",
    "faelles.accounts",
    "faelles.organisations",
    "faelles.notifications",
    "faelles.participation",
    "faelles.resources",
    "faelles.initiatives",
    "faelles.communities",
    "faelles.events",
    "faelles.budgeting",
    "faelles.committees",
    "faelles.sprogtjek",
    "faelles.paradigm",
    "faelles.workplace",
    "faelles.reflection",
    "faelles.leadership",
    "faelles.dialogue",
    "faelles.opinions",
    "faelles.status",
    "faelles.recognition",
    "faelles.competences",
    "faelles.teams",
    "faelles.pulse",
    "faelles.insight",
    "faelles.api",
    "faelles.demo",
]

MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    # Whole pages for anonymous visitors, before sessions and authentication
    # (faelles/core/pagecache.py).
    "faelles.core.pagecache.AnonymousPageCacheMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.locale.LocaleMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "csp.middleware.CSPMiddleware",
    "allauth.account.middleware.AccountMiddleware",
    "django_htmx.middleware.HtmxMiddleware",
    "faelles.municipalities.middleware.MunicipalityMiddleware",
    "faelles.core.access.AccessMiddleware",
]

ROOT_URLCONF = "faelles.urls"
FORM_RENDERER = "faelles.core.forms.FaellesFormRenderer"
WSGI_APPLICATION = "faelles.wsgi.application"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [BASE_DIR / "faelles" / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.request",
                "django.template.context_processors.i18n",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                "faelles.municipalities.context_processors.municipality",
            ],
            "builtins": ["faelles.core.templatetags.faelles"],
        },
    },
]

DATABASES = {
    "default": dj_database_url.parse(
        # An empty DATABASE_URL counts as unset: the embedded SQLite file.
        os.environ.get("DATABASE_URL") or f"sqlite:///{VAR_DIR / 'faelles.sqlite3'}",
        conn_max_age=int(os.environ.get("DB_CONN_MAX_AGE", "0")),
        # A kept connection is checked before a request reuses it, so after a
        # database restart the next request reconnects instead of failing.
        conn_health_checks=True,
    )
}
if DATABASES["default"]["ENGINE"] == "django.db.backends.sqlite3":
    # Covering indexes (``Index(include=...)``) are a PostgreSQL optimisation;
    # SQLite builds the same index on its key columns, which is all it needs.
    SILENCED_SYSTEM_CHECKS = ["models.W040"]
    Path(DATABASES["default"]["NAME"]).parent.mkdir(parents=True, exist_ok=True)
    # WAL lets the demo serve readers while a writer works; busy timeout avoids
    # "database is locked" under the light concurrency of one machine.
    DATABASES["default"].setdefault("OPTIONS", {}).update(
        {
            "init_command": "PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL;",
            "transaction_mode": "IMMEDIATE",
            "timeout": 20,
        }
    )
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

AUTH_USER_MODEL = "accounts.User"
AUTHENTICATION_BACKENDS = [
    "rules.permissions.ObjectPermissionBackend",
    "django.contrib.auth.backends.ModelBackend",
    "allauth.account.auth_backends.AuthenticationBackend",
]
AUTH_PASSWORD_VALIDATORS = [
    {
        "NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"
    },
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator"},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]
LOGIN_URL = "account_login"
LOGIN_REDIRECT_URL = "accounts:profile"
LOGOUT_REDIRECT_URL = "home"

# django-allauth: email is the login; no usernames anywhere.
ACCOUNT_USER_MODEL_USERNAME_FIELD = None
ACCOUNT_LOGIN_METHODS = {"email"}
ACCOUNT_SIGNUP_FIELDS = ["email*", "password1*", "password2*"]
ACCOUNT_EMAIL_VERIFICATION = os.environ.get("ACCOUNT_EMAIL_VERIFICATION", "mandatory")
ACCOUNT_UNIQUE_EMAIL = True
ACCOUNT_LOGOUT_ON_PASSWORD_CHANGE = False
ACCOUNT_LOGIN_ON_EMAIL_CONFIRMATION = True
ACCOUNT_SESSION_REMEMBER = None
ACCOUNT_RATE_LIMITS = {
    # Failed logins per IP and per account; allauth answers with a clear message.
    "login_failed": "10/m/ip,5/5m/key",
    "signup": "20/m/ip",
    "reset_password": "20/m/ip,5/m/key",
    "confirm_email": "1/3m/key",
}
ACCOUNT_FORMS = {"signup": "faelles.accounts.forms.SignupForm"}
ACCOUNT_ADAPTER = "faelles.accounts.adapter.AccountAdapter"
ACCOUNT_EMAIL_SUBJECT_PREFIX = "[Fælles] "

# --- Login with OpenID Connect: MitID through NemLog-in or a broker -------------
# Off unless FAELLES_OIDC_SERVER_URL and FAELLES_OIDC_CLIENT_ID are set; e-mail
# login stays either way. docs/operations.md, "Login with MitID".
FAELLES_OIDC_NAME = os.environ.get("FAELLES_OIDC_NAME", "MitID")
FAELLES_OIDC_SERVER_URL = os.environ.get("FAELLES_OIDC_SERVER_URL", "")
FAELLES_OIDC_CLIENT_ID = os.environ.get("FAELLES_OIDC_CLIENT_ID", "")
FAELLES_OIDC_CLIENT_SECRET = os.environ.get("FAELLES_OIDC_CLIENT_SECRET", "")
FAELLES_OIDC_SCOPES = env_list("FAELLES_OIDC_SCOPES", "openid,profile,email")
FAELLES_OIDC_ACR_VALUES = os.environ.get("FAELLES_OIDC_ACR_VALUES", "")
# The claims that carry what Fælles keeps of the identity (empty: not asked for).
FAELLES_OIDC_ASSURANCE_CLAIM = os.environ.get("FAELLES_OIDC_ASSURANCE_CLAIM", "acr")
# The provider's values for the levels, "value=low|substantial|high, …"; without
# it a value is read by its last word (…:substantial, …/high, NSIS "Substantial").
FAELLES_OIDC_ASSURANCE_VALUES = os.environ.get("FAELLES_OIDC_ASSURANCE_VALUES", "")
FAELLES_OIDC_BIRTHDATE_CLAIM = os.environ.get(
    "FAELLES_OIDC_BIRTHDATE_CLAIM", "birthdate"
)
FAELLES_OIDC_MUNICIPALITY_CLAIM = os.environ.get("FAELLES_OIDC_MUNICIPALITY_CLAIM", "")
FAELLES_OIDC_POSTCODE_CLAIM = os.environ.get("FAELLES_OIDC_POSTCODE_CLAIM", "")
# Logging out of Fælles also ends the session at the provider (RP-initiated
# logout to its end_session_endpoint).
FAELLES_OIDC_LOGOUT = env_bool("FAELLES_OIDC_LOGOUT", True)
SOCIALACCOUNT_PROVIDERS = openid_connect_providers(
    server_url=FAELLES_OIDC_SERVER_URL,
    client_id=FAELLES_OIDC_CLIENT_ID,
    secret=FAELLES_OIDC_CLIENT_SECRET,
    name=FAELLES_OIDC_NAME,
    scopes=FAELLES_OIDC_SCOPES,
    acr_values=FAELLES_OIDC_ACR_VALUES,
    token_auth_method=os.environ.get("FAELLES_OIDC_TOKEN_AUTH_METHOD", ""),
)
SOCIALACCOUNT_ADAPTER = "faelles.accounts.social.SocialAccountAdapter"
SOCIALACCOUNT_FORMS = {"signup": "faelles.accounts.forms.SocialSignupForm"}
# Access and refresh tokens are not kept: Fælles calls no API on the person's behalf.
SOCIALACCOUNT_STORE_TOKENS = False
SOCIALACCOUNT_AUTO_SIGNUP = True
SOCIALACCOUNT_EMAIL_AUTHENTICATION_AUTO_CONNECT = True
SOCIALACCOUNT_LOGIN_ON_GET = False

LANGUAGE_CODE = "da"
# Each language is named in itself (an endonym), whatever the interface language.
LANGUAGES = [("da", "Dansk"), ("en", "English")]
LOCALE_PATHS = [BASE_DIR / "faelles" / "locale"]
TIME_ZONE = "Europe/Copenhagen"
FORMAT_MODULE_PATH = ["faelles.formats"]  # English dates day-first, 24-hour clock
USE_I18N = True
USE_TZ = True
LANGUAGE_COOKIE_NAME = "faelles_language"
LANGUAGE_COOKIE_AGE = 365 * 24 * 60 * 60  # the choice outlives the browser session
LANGUAGE_COOKIE_SAMESITE = "Lax"

STATIC_URL = "/static/"
# (None in the test settings: static files are served by the finders.)
STATIC_ROOT: Path | None = Path(os.environ.get("STATIC_ROOT", VAR_DIR / "static"))
STATICFILES_DIRS = [
    BASE_DIR / "faelles" / "static",
    ("vendor/dkfds", BASE_DIR / "node_modules" / "dkfds" / "dist"),
    ("vendor/htmx", BASE_DIR / "node_modules" / "htmx.org" / "dist"),
]
MEDIA_URL = "/media/"
MEDIA_ROOT = Path(os.environ.get("MEDIA_ROOT", VAR_DIR / "media"))
# Files only some people may read (a community's shared files): outside
# MEDIA_ROOT, so no media URL can serve them; only permission-checking views do
# (faelles/core/storage.py).
PRIVATE_MEDIA_ROOT = Path(
    os.environ.get("FAELLES_PRIVATE_MEDIA_ROOT", VAR_DIR / "private")
)
STORAGES: dict[str, dict[str, Any]] = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "private": {
        "BACKEND": "django.core.files.storage.FileSystemStorage",
        "OPTIONS": {"location": PRIVATE_MEDIA_ROOT},
    },
    "staticfiles": {"BACKEND": "whitenoise.storage.CompressedStaticFilesStorage"},
}
# The embedded set-up (one process, SQLite, `make demo`) serves public media itself,
# also with DEBUG off; production leaves /media/ to nginx (docs/operations.md).
# Private files are never under MEDIA_ROOT, so this route cannot reach them.
FAELLES_SERVE_MEDIA = env_bool("FAELLES_SERVE_MEDIA", True)
# How long a page kept for anonymous visitors may be served at most (it is also
# dropped as soon as a table it was made from changes; 0 turns the cache off).
FAELLES_PAGE_CACHE_SECONDS = int(os.environ.get("FAELLES_PAGE_CACHE_SECONDS", "60"))
# How long a page a worker holds, once found current in the shared cache, is served
# without asking it again: another worker's write is seen within this many seconds,
# the worker's own at once (0: ask at every request).
FAELLES_PAGE_CACHE_RECHECK = float(os.environ.get("FAELLES_PAGE_CACHE_RECHECK", "1"))
# Where workers keep the match indexes they share (faelles/matching/store.py); empty
# turns stored indexes off (each worker builds its own from the database).
FAELLES_MATCHING_INDEX_DIR = os.environ.get(
    "FAELLES_MATCHING_INDEX_DIR", str(VAR_DIR / "matching")
)
FILE_UPLOAD_MAX_MEMORY_SIZE = 5 * 1024 * 1024
DATA_UPLOAD_MAX_MEMORY_SIZE = 10 * 1024 * 1024

# The site's public address: every link in an e-mail or a calendar feed starts
# with it, whatever host a request came in on (faelles/core/site.py).
FAELLES_SITE_URL = os.environ.get("FAELLES_SITE_URL", "http://127.0.0.1:8000")

EMAIL_BACKEND = os.environ.get(
    "EMAIL_BACKEND", "django.core.mail.backends.console.EmailBackend"
)
DEFAULT_FROM_EMAIL = os.environ.get(
    "DEFAULT_FROM_EMAIL", "Fælles <noreply@faelles.example>"
)

# One cache shared by every process: login rate limits, calendar feeds and counted
# results must agree across gunicorn workers. Redis when REDIS_URL is set, else a
# table in the database (created by ``faelles migrate``, see core/apps.py).
if os.environ.get("REDIS_URL"):
    CACHES = {
        "default": {
            "BACKEND": "django.core.cache.backends.redis.RedisCache",
            "LOCATION": os.environ["REDIS_URL"],
        }
    }
    SESSION_ENGINE = "django.contrib.sessions.backends.cached_db"
else:
    CACHES = {
        "default": {
            "BACKEND": "django.core.cache.backends.db.DatabaseCache",
            "LOCATION": "faelles_cache",
        }
    }

TASKS = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend"}}

MESSAGE_STORAGE = "django.contrib.messages.storage.session.SessionStorage"
SESSION_COOKIE_HTTPONLY = True
CSRF_COOKIE_HTTPONLY = False
X_FRAME_OPTIONS = "DENY"
SECURE_CONTENT_TYPE_NOSNIFF = True
SECURE_REFERRER_POLICY = "same-origin"

# Content Security Policy: everything is served by ourselves, no inline script.
CONTENT_SECURITY_POLICY = {
    "DIRECTIVES": {
        "default-src": ["'self'"],
        "script-src": ["'self'"],
        "style-src": ["'self'"],
        "img-src": ["'self'", "data:"],
        "font-src": ["'self'"],
        "connect-src": ["'self'"],
        "form-action": ["'self'"],
        "frame-ancestors": ["'none'"],
        "base-uri": ["'self'"],
        "object-src": ["'none'"],
    }
}

LOGGING: dict[str, Any] = {
    "version": 1,
    "disable_existing_loggers": False,
    "filters": {"require_debug_false": {"()": "django.utils.log.RequireDebugFalse"}},
    "handlers": {
        "console": {"class": "logging.StreamHandler"},
        # Django's error reports to ADMINS, through the mail queue (core/mail.py):
        # never sent from inside the failing request.
        "mail_admins": {
            "level": "ERROR",
            "filters": ["require_debug_false"],
            "class": "django.utils.log.AdminEmailHandler",
            "email_backend": "faelles.core.mail.QueuedEmailBackend",
        },
    },
    "loggers": {"django": {"handlers": ["mail_admins"], "level": "INFO"}},
    "root": {"handlers": ["console"], "level": os.environ.get("LOG_LEVEL", "WARNING")},
}

# The open API (docs/api.md): calls a minute for a caller without a token, by
# IP address. A partner's token carries its own limit.
FAELLES_API_ANONYMOUS_RATE = int(os.environ.get("FAELLES_API_ANONYMOUS_RATE", "60"))

# Reserved first path segments: a municipality slug can never shadow these.
FAELLES_RESERVED_SLUGS = {
    "accounts",
    "admin",
    "django-admin",
    "static",
    "media",
    "i18n",
    "me",
    "api",
    "healthz",
    "konto",
    "om",
    "about",
}
