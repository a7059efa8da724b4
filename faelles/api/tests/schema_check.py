"""A small JSON Schema checker for the subset the open API's schema uses.

The project has no JSON Schema library installed, so this checks what
``faelles/api/schemas.py`` can produce — ``$ref``, ``type`` (one or a list),
``anyOf`` (a nullable nested object), ``properties``, ``required``,
``additionalProperties: false``, ``items``,
``enum``, ``minimum``/``maximum``, ``pattern`` and the formats ``date``,
``date-time`` and ``uri-reference`` — and refuses any other keyword, so the
schema cannot grow a rule the tests silently skip.
"""

from __future__ import annotations

import re
from typing import Any

from django.utils.dateparse import parse_date, parse_datetime

KNOWN = {
    "$ref",
    "anyOf",
    "type",
    "properties",
    "required",
    "additionalProperties",
    "items",
    "enum",
    "minimum",
    "maximum",
    "pattern",
    "format",
    "description",
    "default",
}

TYPES = {
    "string": lambda v: isinstance(v, str),
    "integer": lambda v: isinstance(v, int) and not isinstance(v, bool),
    "number": lambda v: isinstance(v, int | float) and not isinstance(v, bool),
    "boolean": lambda v: isinstance(v, bool),
    "object": lambda v: isinstance(v, dict),
    "array": lambda v: isinstance(v, list),
    "null": lambda v: v is None,
}


def _format_ok(fmt: str, value: str) -> bool:
    if fmt == "date-time":
        try:
            moment = parse_datetime(value)
        except ValueError:
            return False
        return moment is not None and moment.tzinfo is not None
    if fmt == "date":
        try:
            return parse_date(value) is not None
        except ValueError:
            return False
    if fmt == "uri-reference":
        return not any(c.isspace() for c in value)
    raise AssertionError(f"unknown format {fmt}")


def errors(
    schema: dict[str, Any], value: Any, document: dict, where: str = "$"
) -> list[str]:
    """Every way ``value`` breaks ``schema`` (an empty list: it conforms)."""
    unknown = set(schema) - KNOWN
    assert not unknown, f"{where}: the checker does not know {unknown}"
    if "$ref" in schema:
        name = schema["$ref"].rsplit("/", 1)[-1]
        return errors(document["components"]["schemas"][name], value, document, where)
    if "anyOf" in schema:
        assert set(schema) == {"anyOf"}, f"{where}: anyOf beside {set(schema)}"
        tries = [errors(sub, value, document, where) for sub in schema["anyOf"]]
        if any(not problems for problems in tries):
            return []
        return [f"{where}: {value!r} matches none of anyOf"] + min(tries, key=len)
    found: list[str] = []
    types = schema.get("type")
    if types is not None:
        types = [types] if isinstance(types, str) else types
        if not any(TYPES[t](value) for t in types):
            return [f"{where}: {value!r} is not {types}"]
    if "enum" in schema and value not in schema["enum"]:
        found.append(f"{where}: {value!r} is not one of {schema['enum']}")
    if isinstance(value, int | float) and not isinstance(value, bool):
        if "minimum" in schema and value < schema["minimum"]:
            found.append(f"{where}: {value} < {schema['minimum']}")
        if "maximum" in schema and value > schema["maximum"]:
            found.append(f"{where}: {value} > {schema['maximum']}")
    if isinstance(value, str):
        if "format" in schema and not _format_ok(schema["format"], value):
            found.append(f"{where}: {value!r} is not a {schema['format']}")
        if "pattern" in schema and not re.search(schema["pattern"], value):
            found.append(f"{where}: {value!r} does not match {schema['pattern']}")
    if isinstance(value, dict):
        properties = schema.get("properties", {})
        for name in schema.get("required", []):
            if name not in value:
                found.append(f"{where}: {name} is missing")
        if schema.get("additionalProperties") is False:
            for name in set(value) - set(properties):
                found.append(f"{where}: {name} is not in the schema")
        for name, sub in properties.items():
            if name in value:
                found += errors(sub, value[name], document, f"{where}.{name}")
    if isinstance(value, list) and "items" in schema:
        for i, item in enumerate(value):
            found += errors(schema["items"], item, document, f"{where}[{i}]")
    return found
