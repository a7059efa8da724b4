"""Test settings: SQLite in memory unless DATABASE_URL points at PostgreSQL."""

import os

from .base import *

DEBUG = False
if not os.environ.get("DATABASE_URL"):
    DATABASES = {
        "default": {"ENGINE": "django.db.backends.sqlite3", "NAME": ":memory:"}
    }
PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
# Not the test client's host, so tests see that links never follow the request.
FAELLES_SITE_URL = "https://faelles.test"
# One process: a local cache keeps the query counts of the tests about the pages.
# (core/tests/test_settings_selection.py checks the shared cache of the others.)
CACHES = {
    "default": {
        "BACKEND": "django.core.cache.backends.locmem.LocMemCache",
        "LOCATION": "faelles",
    }
}
TASKS = {"default": {"BACKEND": "django_tasks.backends.immediate.ImmediateBackend"}}
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.InMemoryStorage"},
    "private": {"BACKEND": "django.core.files.storage.InMemoryStorage"},
    "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
}
ACCOUNT_RATE_LIMITS = {**ACCOUNT_RATE_LIMITS}
LANGUAGE_CODE = "da"
WHITENOISE_USE_FINDERS = True
WHITENOISE_AUTOREFRESH = True
STATIC_ROOT = None
# Pages are rendered afresh in tests (each test's database starts over); the page
# cache's own tests turn it on (faelles/core/tests/test_pagecache.py).
FAELLES_PAGE_CACHE_SECONDS = 0
# Test databases reuse ids: a stored index is only used by the tests that ask for
# one (faelles/resources/tests/test_stored_index.py, with their own folder).
FAELLES_MATCHING_INDEX_DIR = ""
