"""Small builders for the JSON Schema of the open API's responses (OpenAPI 3.1).

Every field an endpoint returns is declared here with its type, so the schema
served at ``/api/v1/openapi.json`` is the same list the serialisers follow, and
the tests check every response against it.
"""

from __future__ import annotations

from typing import Any

Schema = dict[str, Any]


def string(
    *, nullable: bool = False, fmt: str = "", enum=None, desc: str = ""
) -> Schema:
    schema: Schema = {"type": ["string", "null"] if nullable else "string"}
    if fmt:
        schema["format"] = fmt
    if enum is not None:
        schema["enum"] = [*enum, None] if nullable else list(enum)
    if desc:
        schema["description"] = desc
    return schema


def integer(
    *, nullable: bool = False, minimum: int | None = None, desc: str = ""
) -> Schema:
    schema: Schema = {"type": ["integer", "null"] if nullable else "integer"}
    if minimum is not None:
        schema["minimum"] = minimum
    if desc:
        schema["description"] = desc
    return schema


def number(*, nullable: bool = False, desc: str = "") -> Schema:
    schema: Schema = {"type": ["number", "null"] if nullable else "number"}
    if desc:
        schema["description"] = desc
    return schema


def boolean(*, nullable: bool = False) -> Schema:
    return {"type": ["boolean", "null"] if nullable else "boolean"}


def datetime_(*, nullable: bool = False) -> Schema:
    return string(nullable=nullable, fmt="date-time")


def date_(*, nullable: bool = False) -> Schema:
    return string(nullable=nullable, fmt="date")


def array(items: Schema) -> Schema:
    return {"type": "array", "items": items}


def obj(properties: dict[str, Schema], *, nullable: bool = False) -> Schema:
    schema: Schema = {
        "type": ["object", "null"] if nullable else "object",
        "properties": properties,
        "required": list(properties),
        "additionalProperties": False,
    }
    return schema


def page_of(ref: str) -> Schema:
    return obj(
        {
            "items": array({"$ref": f"#/components/schemas/{ref}"}),
            "next_cursor": integer(
                nullable=True,
                desc="Giv den som ?after= for at hente næste side; null på sidste side.",
            ),
            "next": string(nullable=True, fmt="uri-reference"),
        }
    )


ERROR = obj({"detail": string()})
