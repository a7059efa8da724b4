"""gunicorn entry point for bench/bench_page_cache.py: Fælles as it is, plus a bare
Django view at /bench/bare/ served by a handler with no middleware at all (the
hardest baseline: Django's request handling and nothing else)."""

import os

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "faelles.settings.base")

import django  # noqa: E402

django.setup()

from django.conf import settings  # noqa: E402
from django.core.handlers.wsgi import WSGIHandler  # noqa: E402
from django.http import HttpResponse  # noqa: E402
from django.urls import path  # noqa: E402

from faelles.urls import urlpatterns as faelles_urlpatterns  # noqa: E402


def bare(request):
    return HttpResponse("ok", content_type="text/plain")


urlpatterns = [path("bench/bare/", bare), *faelles_urlpatterns]
settings.ROOT_URLCONF = __name__

site = WSGIHandler()
full_stack = settings.MIDDLEWARE
settings.MIDDLEWARE = []
bare_handler = WSGIHandler()
settings.MIDDLEWARE = full_stack


def application(environ, start_response):
    if environ.get("PATH_INFO") == "/bench/bare/":
        return bare_handler(environ, start_response)
    return site(environ, start_response)
