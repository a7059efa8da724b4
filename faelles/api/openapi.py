"""The open API as a django-ninja ``NinjaAPI``: one list (and maybe one detail)
operation per resource of the registry (``resources.py``), added in a loop, and
the OpenAPI 3.1 document ninja generates from their typed Schemas.

Served at ``/api/v1/openapi.json``. No interactive page is served (ninja's docs
view is switched off): such pages load their scripts from a CDN, which the
Content Security Policy and the "nothing from a CDN" rule forbid; docs/api.md
explains the API instead.
"""

from __future__ import annotations

import json
from typing import Any

from django.urls import reverse
from django.utils.translation import get_language, gettext_lazy
from django.utils.translation import gettext as _
from ninja import NinjaAPI
from ninja.decorators import decorate_view
from ninja.errors import ValidationError
from pydantic import Field

from . import access, views
from . import schemas as s
from .resources import BY_NAME, MUNICIPALITY, RESOURCES, SMALL_GROUP, BadParameter

VERSION = "1.0.0"
LICENCE = {"name": "CC BY 4.0", "identifier": "CC-BY-4.0"}
TITLE = "Fælles – åbent API"


class OpenApi(NinjaAPI):
    """ninja's API, whose generated document gets the API's own ``info`` and
    token scheme in the active language, and keeps only the components used."""

    def get_openapi_schema(
        self, *, path_prefix: str | None = None, path_params: Any = None
    ) -> Any:
        prefix = reverse("api:root").lstrip("/") if path_prefix is None else path_prefix
        document = super().get_openapi_schema(path_prefix=prefix)
        document["info"] = {
            "title": TITLE,
            "version": VERSION,
            "summary": _("Kommunernes offentlige, ikke-personlige data fra Fælles"),
            "description": _(
                "Kun læsning. Ingen personoplysninger: ingen navne, e-mails eller "
                "bruger-id'er. Antal personer under %(n)s vises som null. "
                "Se docs/api.md."
            )
            % {"n": SMALL_GROUP},
            "license": LICENCE,
        }
        # ninja lists the parameter models among the components too; they are
        # parameters in the document, not answers, so only what is used stays.
        schemas = document["components"]["schemas"]
        used = json.dumps([document["paths"], schemas], default=str)
        for name in list(schemas):
            if f'"#/components/schemas/{name}"' not in used:
                del schemas[name]
        # ninja repeats a parameter's description inside its schema; once is enough.
        for item in document["paths"].values():
            for operation in item.values():
                for parameter in operation["parameters"]:
                    parameter["schema"].pop("description", None)
        if not document.get("servers"):
            document.pop("servers", None)
        document["components"]["securitySchemes"] = {
            "token": {
                "type": "http",
                "scheme": "bearer",
                "description": _(
                    "Valgfrit. Et token fra kommunen giver en højere grænse for "
                    "antal kald."
                ),
            }
        }
        return document


api = OpenApi(
    title=TITLE,
    version=VERSION,
    urls_namespace="api",
    docs_url=None,
    openapi_url=None,
)
api.add_exception_handler(views.NotFound, views.on_not_found)
api.add_exception_handler(BadParameter, views.on_bad_parameter)
api.add_exception_handler(access.Refused, views.on_refused)
api.add_exception_handler(ValidationError, views.on_validation_error)


_documents: dict[str, str] = {}


def openapi_document() -> dict[str, Any]:
    """The document as plain JSON, its texts in the active language.

    Generating it walks every Schema (about 90 ms); it changes only with the code
    and the language, so each language's text is made once per process."""
    language = get_language() or ""
    if language not in _documents:
        document = api.get_openapi_schema()
        _documents[language] = json.dumps(document, ensure_ascii=False, default=str)
    return json.loads(_documents[language])


def schema(request: Any) -> Any:
    return views.json_response(openapi_document())


RATE_HEADERS = {
    "X-RateLimit-Limit": {"schema": {"type": "integer"}},
    "X-RateLimit-Remaining": {"schema": {"type": "integer"}},
}


def _responses(
    ok: type[s.ApiSchema], *, bad_request: bool, not_found: bool
) -> tuple[dict[int, Any], dict[str, Any]]:
    """ninja's response models, and the descriptions and headers beside them."""
    models: dict[int, Any] = {
        200: ok,
        304: None,
        401: s.Error,
        403: s.Error,
        429: s.Error,
    }
    described: dict[int, Any] = {
        200: {"description": "OK", "headers": RATE_HEADERS},
        304: {
            "description": gettext_lazy("Uændret siden det ETag, der blev sendt med")
        },
        401: {"description": gettext_lazy("Tokenet er ukendt eller tilbagekaldt")},
        403: {"description": gettext_lazy("Tokenet gælder ikke her")},
        429: {"description": gettext_lazy("For mange kald")},
    }
    if bad_request:
        models[400] = s.Error
        described[400] = {"description": gettext_lazy("En parameter kan ikke bruges")}
    if not_found:
        models[404] = s.Error
        described[404] = {
            "description": gettext_lazy(
                "Findes ikke, er ikke offentlig eller hører til en anden kommune"
            )
        }
    extra = {"responses": described, "security": [{}, {"token": []}]}
    return models, extra


def _add(
    path: str,
    view: Any,
    url_name: str,
    *,
    documented: dict[str, Any] | None = None,
) -> None:
    """GET (in the document when ``documented`` says how) and HEAD beside it:
    the same answer, not documented. Every call is counted (``views.counted``)."""
    decorate_view(views.counted)(view)
    api.default_router.add_api_operation(
        path,
        ["GET"],
        view,
        url_name=url_name,
        include_in_schema=documented is not None,
        **(documented or {}),
    )
    api.default_router.add_api_operation(path, ["HEAD"], view, include_in_schema=False)


def _documented(
    operation_id: str,
    summary: Any,
    tag: str,
    ok: type[s.ApiSchema],
    *,
    bad_request: bool,
    not_found: bool,
) -> dict[str, Any]:
    models, extra = _responses(ok, bad_request=bad_request, not_found=not_found)
    return {
        "operation_id": operation_id,
        "summary": summary,
        "tags": [tag],
        "response": models,
        "openapi_extra": extra,
    }


Municipality = s.model("Municipality", MUNICIPALITY)
MunicipalityList = s.model(
    "MunicipalityList", {"items": s.array((Municipality, Field()))}
)
MunicipalityDetail = s.model(
    "MunicipalityDetail",
    {
        **MUNICIPALITY,
        "resources": s.obj(
            "MunicipalityResources",
            {r.path: s.string(fmt="uri-reference") for r in RESOURCES if not r.parent},
        ),
    },
)

_add("/", views.root, "root")
_add("/openapi.json", schema, "openapi")
_add(
    "/kommuner/",
    views.municipality_list,
    "municipality_list",
    documented=_documented(
        "municipality_list",
        gettext_lazy("Kommunerne på platformen"),
        "kommuner",
        MunicipalityList,
        bad_request=False,
        not_found=False,
    ),
)
_add(
    "/kommuner/{slug}/",
    views.municipality_detail,
    "municipality",
    documented=_documented(
        "municipality_detail",
        gettext_lazy("Én kommune, med adresserne på dens data"),
        "kommuner",
        MunicipalityDetail,
        bad_request=False,
        not_found=True,
    ),
)
for resource in RESOURCES:
    base = "/kommuner/{slug}/"
    if resource.parent:
        parent = BY_NAME[resource.parent]
        list_path = f"{base}{parent.path}/{{id}}/{resource.path}/"
    else:
        list_path = f"{base}{resource.path}/"
    _add(
        list_path,
        views.resource_list(resource),
        f"{resource.name.lower()}_list",
        documented=_documented(
            f"{resource.name}_list",
            resource.summary,
            resource.tag,
            s.page_of(resource.schema),
            bad_request=True,
            not_found=True,
        ),
    )
    if resource.detail:
        _add(
            f"{base}{resource.path}/{{id}}/",
            views.resource_detail(resource),
            f"{resource.name.lower()}_detail",
            documented=_documented(
                f"{resource.name}_detail",
                resource.summary,
                resource.tag,
                resource.schema,
                bad_request=False,
                not_found=True,
            ),
        )
