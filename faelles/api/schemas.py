"""Typed fields for the open API's answers and parameters (django-ninja Schemas).

Each resource lists its fields with these helpers (``resources.py``); a field is
a Python type and a pydantic ``Field``, and ``model`` turns a list of them into
one ninja ``Schema`` class. django-ninja generates the OpenAPI 3.1 document
served at ``/api/v1/openapi.json`` from those classes; the tests check every
answer against it.

The document is kept in the plain JSON Schema the API has always published: no
generated ``title``, ``["string", "null"]`` rather than ``anyOf`` for a
nullable plain value, every field required and no other field allowed.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from typing import Annotated, Any, Literal

from ninja import Schema
from pydantic import ConfigDict, Field, PlainValidator, create_model
from pydantic.fields import FieldInfo

#: One field: its Python type and its pydantic Field (description, bounds, …).
Spec = tuple[Any, FieldInfo]

MAX_ID = 2**63 - 1
NULL = {"type": "null"}


def _plain(node: dict[str, Any]) -> None:
    """One property of the generated JSON Schema, as the API publishes it."""
    node.pop("title", None)
    if "const" in node and "enum" not in node:
        node["enum"] = [node.pop("const")]
    node.pop("const", None)
    if node.get("default", 0) is None:
        del node["default"]
    any_of = node.get("anyOf")
    if isinstance(any_of, list) and len(any_of) == 2 and NULL in any_of:
        other = next(x for x in any_of if x != NULL)
        _plain(other)
        if isinstance(other.get("type"), str):
            del node["anyOf"]
            node.update(other)
            node["type"] = [other["type"], "null"]
            if "enum" in other:
                node["enum"] = [*other["enum"], None]
    if isinstance(node.get("items"), dict):
        _plain(node["items"])


def _tidy(schema: dict[str, Any], cls: type) -> None:
    schema.pop("title", None)
    description = getattr(cls, "api_description", None)
    if description:
        schema["description"] = description
    for prop in schema.get("properties", {}).values():
        _plain(prop)


class ApiSchema(Schema):
    """An object of the API: exactly these fields, all of them present."""

    model_config = ConfigDict(extra="forbid", json_schema_extra=_tidy)


def model(
    name: str, properties: dict[str, Spec], description: Any = None
) -> type[ApiSchema]:
    """One ninja Schema class (one component of the document) from its fields."""
    cls = create_model(name, __base__=ApiSchema, **properties)  # type: ignore[call-overload]
    if description is not None:
        cls.api_description = description
    return cls


def _field(kind: Any, *, nullable: bool, desc: Any = "", **extra: Any) -> Spec:
    schema_extra = {k: v for k, v in extra.items() if v is not None}
    info: FieldInfo = Field(
        description=desc or None, json_schema_extra=schema_extra or None
    )
    return (kind | None if nullable else kind), info


def string(
    *, nullable: bool = False, fmt: str = "", enum: Iterable[str] | None = None, desc=""
) -> Spec:
    kind: Any = str if enum is None else Literal[tuple(enum)]
    return _field(kind, nullable=nullable, desc=desc, format=fmt or None)


def integer(*, nullable: bool = False, minimum: int | None = None, desc="") -> Spec:
    kind: Any = int if minimum is None else Annotated[int, Field(ge=minimum)]
    return _field(kind, nullable=nullable, desc=desc)


def number(*, nullable: bool = False, desc="") -> Spec:
    return _field(float, nullable=nullable, desc=desc)


def boolean(*, nullable: bool = False) -> Spec:
    return _field(bool, nullable=nullable)


def datetime_(*, nullable: bool = False) -> Spec:
    return _field(dt.datetime, nullable=nullable)


def date_(*, nullable: bool = False) -> Spec:
    return _field(dt.date, nullable=nullable)


def array(items: Spec) -> Spec:
    kind, info = items
    return list[Annotated[kind, info]], Field()  # type: ignore[valid-type]


def obj(name: str, properties: dict[str, Spec], *, nullable: bool = False) -> Spec:
    """A nested object: its own component, ``name``."""
    return _field(model(name, properties), nullable=nullable)


def page_of(item: type[ApiSchema]) -> type[ApiSchema]:
    return model(
        f"{item.__name__}Page",
        {
            "items": array((item, Field())),
            "next_cursor": integer(
                nullable=True,
                desc="Giv den som ?after= for at hente næste side; null på sidste side.",
            ),
            "next": string(nullable=True, fmt="uri-reference"),
        },
    )


class Error(ApiSchema):
    detail: str


# --- parameters ---------------------------------------------------------------


@dataclass(frozen=True)
class Invalid:
    """A parameter that could not be read, with the message for the caller.

    The view raises it only after it has found the municipality (and the
    parent), so an unknown address stays a 404 whatever its parameters say."""

    message: str


def parameter(
    parse: Callable[[str], Any], shown_as: Any, desc: Any = None, default: Any = None
) -> Spec:
    """A query or path parameter: documented as ``shown_as``, read by ``parse``,
    which returns the value or an ``Invalid``."""
    return (
        Annotated[Any, PlainValidator(parse, json_schema_input_type=shown_as)],
        Field(default=default, description=desc),
    )


class ParamSchema(Schema):
    """The parameters of an operation (any others are ignored, as ever)."""

    model_config = ConfigDict(json_schema_extra=_tidy)


def param_model(name: str, fields: dict[str, Spec]) -> type[ParamSchema]:
    return create_model(name, __base__=ParamSchema, **fields)  # type: ignore[call-overload]
