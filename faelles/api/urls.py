"""/api/v1/…: the open API's addresses, one list (and maybe one detail) per
resource; see docs/api.md. Everything else under /api/ is a JSON 404."""

from django.urls import path, re_path

from . import opendata, views
from .resources import BY_NAME, RESOURCES

app_name = "api"

_resource_patterns = []
for _resource in RESOURCES:
    if _resource.parent:
        _parent = BY_NAME[_resource.parent]
        _resource_patterns.append(
            path(
                f"v1/kommuner/<str:slug>/{_parent.path}/<str:pk>/{_resource.path}/",
                views.child_list,
                {"resource": _resource.name},
                name=f"{_resource.name.lower()}_list",
            )
        )
        continue
    _resource_patterns.append(
        path(
            f"v1/kommuner/<str:slug>/{_resource.path}/",
            views.resource_list,
            {"resource": _resource.name},
            name=f"{_resource.name.lower()}_list",
        )
    )
    if _resource.detail:
        _resource_patterns.append(
            path(
                f"v1/kommuner/<str:slug>/{_resource.path}/<str:pk>/",
                views.resource_detail,
                {"resource": _resource.name},
                name=f"{_resource.name.lower()}_detail",
            )
        )

urlpatterns = [
    path("v1/", views.root, name="root"),
    path("v1/openapi.json", views.schema, name="openapi"),
    path("v1/kommuner/", views.municipality_list, name="municipality_list"),
    path("v1/kommuner/<str:slug>/", views.municipality_detail, name="municipality"),
    # Open data downloads and their DCAT-AP catalogues (opendata.py).
    path("v1/data/", opendata.catalogue_all, name="catalogue_all"),
    path("v1/kommuner/<str:slug>/data/", opendata.catalogue, name="catalogue"),
    path(
        "v1/kommuner/<str:slug>/data/<str:name>.<str:fmt>",
        opendata.download,
        name="download",
    ),
    *_resource_patterns,
    re_path(r"^.*$", views.not_found, name="not_found"),
]
