"""The OpenAPI 3.1 document of the open API, built from the resources' own lists.

Served at ``/api/v1/openapi.json``. No interactive page is served: such pages
load their scripts from a CDN, which the Content Security Policy and the
"nothing from a CDN" rule forbid; docs/api.md explains the API instead.
"""

from __future__ import annotations

from typing import Any

from django.urls import reverse
from django.utils.translation import gettext as _

from . import schemas as s
from .resources import BY_NAME, MUNICIPALITY, RESOURCES, SMALL_GROUP, Resource

MAX_ID = 2**63 - 1
VERSION = "1.0.0"
LICENCE = {"name": "CC BY 4.0", "identifier": "CC-BY-4.0"}


def _error(description: str) -> dict[str, Any]:
    return {
        "description": description,
        "content": {
            "application/json": {"schema": {"$ref": "#/components/schemas/Error"}}
        },
    }


def _ok(schema: s.Schema) -> dict[str, Any]:
    return {
        "description": "OK",
        "headers": {
            "X-RateLimit-Limit": {"schema": {"type": "integer"}},
            "X-RateLimit-Remaining": {"schema": {"type": "integer"}},
        },
        "content": {"application/json": {"schema": schema}},
    }


def _responses(ok: s.Schema, *, bad_request: bool, not_found: bool) -> dict[str, Any]:
    responses: dict[str, Any] = {
        "200": _ok(ok),
        "304": {"description": _("Uændret siden det ETag, der blev sendt med")},
        "401": _error(_("Tokenet er ukendt eller tilbagekaldt")),
        "403": _error(_("Tokenet gælder ikke her")),
        "429": _error(_("For mange kald")),
    }
    if bad_request:
        responses["400"] = _error(_("En parameter kan ikke bruges"))
    if not_found:
        responses["404"] = _error(
            _("Findes ikke, er ikke offentlig eller hører til en anden kommune")
        )
    return responses


SLUG = {
    "name": "slug",
    "in": "path",
    "required": True,
    "description": "Kommunens adresse, fx kerteminde",
    "schema": {"type": "string", "pattern": "^[a-z0-9-]{1,40}$"},
}


def _id(name: str = "id") -> dict[str, Any]:
    return {
        "name": name,
        "in": "path",
        "required": True,
        "schema": {"type": "integer", "minimum": 1, "maximum": MAX_ID},
    }


PAGING = [
    {
        "name": "after",
        "in": "query",
        "required": False,
        "description": "next_cursor fra forrige side",
        "schema": {"type": "integer", "minimum": 1, "maximum": MAX_ID},
    },
    {
        "name": "limit",
        "in": "query",
        "required": False,
        "description": "Antal pr. side (højst 100)",
        "schema": {"type": "integer", "minimum": 1, "maximum": 100, "default": 25},
    },
]


def _filters(resource: Resource) -> list[dict[str, Any]]:
    return [
        {
            "name": f.name,
            "in": "query",
            "required": False,
            "description": str(f.description),
            "schema": f.schema,
        }
        for f in resource.filters
    ]


def _operation(
    op_id: str,
    summary: str,
    tag: str,
    parameters: list[dict[str, Any]],
    responses: dict[str, Any],
) -> dict[str, Any]:
    return {
        "get": {
            "operationId": op_id,
            "summary": summary,
            "tags": [tag],
            "parameters": parameters,
            "responses": responses,
            "security": [{}, {"token": []}],
        }
    }


def _component(resource: Resource) -> s.Schema:
    schema = s.obj(resource.properties)
    schema["description"] = str(resource.summary)
    return schema


def openapi_document() -> dict[str, Any]:
    root = reverse("api:root")
    base = f"{root}kommuner/{{slug}}/"
    paths: dict[str, Any] = {
        f"{root}kommuner/": _operation(
            "municipality_list",
            _("Kommunerne på platformen"),
            "kommuner",
            [],
            _responses(
                s.obj(
                    {"items": s.array({"$ref": "#/components/schemas/Municipality"})}
                ),
                bad_request=False,
                not_found=False,
            ),
        ),
        base: _operation(
            "municipality_detail",
            _("Én kommune, med adresserne på dens data"),
            "kommuner",
            [SLUG],
            _responses(
                {"$ref": "#/components/schemas/MunicipalityDetail"},
                bad_request=False,
                not_found=True,
            ),
        ),
    }
    for resource in RESOURCES:
        name = resource.name
        if resource.parent:
            parent = BY_NAME[resource.parent]
            list_path = f"{base}{parent.path}/{{id}}/{resource.path}/"
            list_params = [SLUG, _id()]
        else:
            list_path = f"{base}{resource.path}/"
            list_params = [SLUG]
        paths[list_path] = _operation(
            f"{name}_list",
            str(resource.summary),
            resource.tag,
            [*list_params, *PAGING, *_filters(resource)],
            _responses(s.page_of(name), bad_request=True, not_found=True),
        )
        if resource.detail:
            paths[f"{base}{resource.path}/{{id}}/"] = _operation(
                f"{name}_detail",
                str(resource.summary),
                resource.tag,
                [SLUG, _id()],
                _responses(
                    {"$ref": f"#/components/schemas/{name}"},
                    bad_request=False,
                    not_found=True,
                ),
            )
    components: dict[str, Any] = {r.name: _component(r) for r in RESOURCES}
    components["Municipality"] = s.obj(MUNICIPALITY)
    detail = s.obj(
        {
            **MUNICIPALITY,
            "resources": s.obj(
                {
                    r.path: s.string(fmt="uri-reference")
                    for r in RESOURCES
                    if not r.parent
                }
            ),
        }
    )
    components["MunicipalityDetail"] = detail
    components["Error"] = s.ERROR
    return {
        "openapi": "3.1.0",
        "info": {
            "title": "Fælles – åbent API",
            "version": VERSION,
            "summary": _("Kommunernes offentlige, ikke-personlige data fra Fælles"),
            "description": _(
                "Kun læsning. Ingen personoplysninger: ingen navne, e-mails eller "
                "bruger-id'er. Antal personer under %(n)s vises som null. "
                "Se docs/api.md."
            )
            % {"n": SMALL_GROUP},
            "license": LICENCE,
        },
        "paths": paths,
        "components": {
            "schemas": components,
            "securitySchemes": {
                "token": {
                    "type": "http",
                    "scheme": "bearer",
                    "description": _(
                        "Valgfrit. Et token fra kommunen giver en højere grænse for "
                        "antal kald."
                    ),
                }
            },
        },
    }
