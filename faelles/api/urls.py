"""/api/v1/…: the open API's addresses (docs/api.md). django-ninja routes the
operations (``openapi.py``); the open data downloads are plain views beside them.
Everything else under /api/ is a JSON 404, and every address answers another
method than GET or HEAD with a JSON 405."""

from django.urls import URLPattern, include, path, re_path

from . import opendata, views
from .openapi import api

app_name = "api"

_operations = []
for _pattern in api.urls[0]:
    # ninja's own home page at the root is not used: /api/v1/ is ours.
    if isinstance(_pattern, URLPattern) and _pattern.name == "api-root":
        continue
    if isinstance(_pattern, URLPattern):
        _pattern.callback = views.read_only(_pattern.callback)
    _operations.append(_pattern)

urlpatterns = [
    path("v1/", include(_operations)),
    # Open data downloads and their DCAT-AP catalogues (opendata.py).
    path("v1/data/", opendata.catalogue_all, name="catalogue_all"),
    path("v1/kommuner/<str:slug>/data/", opendata.catalogue, name="catalogue"),
    path(
        "v1/kommuner/<str:slug>/data/<str:name>.<str:fmt>",
        opendata.download,
        name="download",
    ),
    re_path(r"^.*$", views.not_found, name="not_found"),
]
