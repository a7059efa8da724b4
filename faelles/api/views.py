"""The open API's views: read-only JSON, the same few shapes for every resource.

django-ninja routes the operations and reads their path and query parameters
with the typed fields of ``schemas.py`` (``openapi.py`` adds one operation per
resource); the functions here answer. Every answer is JSON — errors too
(``{"detail": "…"}``), also a 404 for an address the API does not have. Another
municipality's object, an object that is not public and an id that cannot exist
are all the same 404.

A view returns its JSON itself (``json_response``) rather than handing ninja a
dict to validate against the Schema again: the serialisers build exactly the
documented fields, the tests check every answer against the served document, and
validating each item of a page of 100 a second time would cost more than the
rest of the request (docs/benchmarks.md, "Open API").
"""

from __future__ import annotations

import inspect
import json
import re
from collections.abc import Callable
from functools import wraps
from typing import Annotated, Any, cast

from django.http import HttpRequest, HttpResponse
from django.http.response import HttpResponseBase
from django.utils.cache import (
    get_conditional_response,
    patch_vary_headers,
    set_response_etag,
)
from django.utils.http import urlencode
from django.utils.translation import gettext as _
from django.views.decorators.csrf import csrf_exempt
from ninja import Path, Query
from pydantic import Field

from faelles.core.params import parse_id
from faelles.municipalities.models import Municipality

from . import access
from . import schemas as s
from .resources import (
    BY_NAME,
    RESOURCES,
    BadParameter,
    Resource,
    api_url,
    municipality_data,
)

SLUG = re.compile(r"[-a-zA-Z0-9_]{1,40}")
MAX_LIMIT = 100
DEFAULT_LIMIT = 25
SCOPE = "read"


class NotFound(Exception):
    pass


def json_response(data: Any, *, status: int = 200, headers=None) -> HttpResponse:
    response = HttpResponse(
        json.dumps(data, ensure_ascii=False, separators=(",", ":"), default=str),
        status=status,
        content_type="application/json",
    )
    response["Access-Control-Allow-Origin"] = "*"
    response["X-Content-Type-Options"] = "nosniff"
    for name, value in (headers or {}).items():
        response[name] = value
    return response


def error(status: int, message: str, headers=None) -> HttpResponse:
    return json_response({"detail": str(message)}, status=status, headers=headers)


# --- around every call ------------------------------------------------------------


def read_only(view: Callable[..., HttpResponseBase]) -> Callable[..., HttpResponseBase]:
    """GET and HEAD only, at every address under /api/ (ninja's own refusal of
    another method is plain text, so this answers first)."""

    @csrf_exempt
    @wraps(view)
    def wrapper(request: HttpRequest, *args: Any, **kwargs: Any) -> HttpResponseBase:
        if request.method not in ("GET", "HEAD"):
            return error(
                405, _("Det åbne API kan kun læses (GET)."), {"Allow": "GET, HEAD"}
            )
        return view(request, *args, **kwargs)

    return wrapper


def counted(
    run: Callable[..., HttpResponseBase],
) -> Callable[..., HttpResponseBase]:
    """Around a ninja operation's ``run``: the caller is known and counted before
    anything is read; a 200 gets the rate headers, cache headers and an ETag, and
    a client that sends the ETag back gets 304 without the body."""

    @wraps(run)
    def wrapper(request: HttpRequest, *args: Any, **kwargs: Any) -> HttpResponseBase:
        try:
            caller = access.caller_for(request)
            rate_headers = access.count_call(caller)
        except access.Refused as refusal:
            return error(refusal.status, refusal.message, refusal.headers)
        request.api_caller = caller  # type: ignore[attr-defined]
        response = run(request, *args, **kwargs)
        if response.status_code != 200:
            return response
        for name, value in rate_headers.items():
            response[name] = value
        # Public data: caches may keep it a minute.
        response["Cache-Control"] = "public, max-age=60"
        patch_vary_headers(response, ["Authorization", "Cookie"])
        set_response_etag(response)
        conditional = get_conditional_response(
            request, etag=response["ETag"], response=cast(HttpResponse, response)
        )
        return conditional if conditional is not None else response

    return wrapper


def on_not_found(request: HttpRequest, exc: Any) -> HttpResponse:
    return error(404, _("Findes ikke."))


def on_bad_parameter(request: HttpRequest, exc: Any) -> HttpResponse:
    return error(400, str(exc))


def on_refused(request: HttpRequest, exc: Any) -> HttpResponse:
    return error(exc.status, exc.message, exc.headers)


def on_validation_error(request: HttpRequest, exc: Any) -> HttpResponse:
    # Every parameter is read by a function that cannot fail (schemas.parameter),
    # so this is only a safety net: a path that cannot be read is not there.
    if any(e.get("loc", ("",))[0] == "path" for e in exc.errors):
        return on_not_found(request, exc)
    return error(400, _("En parameter kan ikke bruges"))


@csrf_exempt
@read_only
def not_found(request: HttpRequest, *args: Any, **kwargs: Any) -> HttpResponseBase:
    """Any other address under /api/: counted like the rest, then a JSON 404."""

    def run(request: HttpRequest) -> HttpResponseBase:
        return on_not_found(request, NotFound())

    return counted(run)(request)


# --- reading the parameters -------------------------------------------------------


def _slug(value: Any) -> str:
    return str(value)


def _id(value: Any) -> int | None:
    return parse_id(value)


def _after(value: Any) -> int | s.Invalid:
    return parse_id(value) or s.Invalid(_("after skal være et id fra next_cursor."))


def _limit(value: Any) -> int | s.Invalid:
    try:
        limit = int(value)
    except (TypeError, ValueError):
        limit = 0
    if not 1 <= limit <= MAX_LIMIT:
        return s.Invalid(
            _("limit skal være et helt tal fra 1 til %(max)s.") % {"max": MAX_LIMIT}
        )
    return limit


SLUG_PARAM = s.parameter(
    _slug,
    Annotated[str, Field(pattern="^[a-z0-9-]{1,40}$")],
    "Kommunens adresse, fx kerteminde",
    default=...,
)
ID_PARAM = s.parameter(_id, Annotated[int, Field(ge=1, le=s.MAX_ID)], default=...)
PAGING = {
    "after": s.parameter(
        _after,
        Annotated[int, Field(ge=1, le=s.MAX_ID)],
        "next_cursor fra forrige side",
    ),
    "limit": s.parameter(
        _limit,
        Annotated[int, Field(ge=1, le=MAX_LIMIT)],
        "Antal pr. side (højst 100)",
        default=DEFAULT_LIMIT,
    ),
}


def _reader(f: Any) -> Callable[[Any], Any]:
    def read(value: Any) -> Any:
        if value is None or value == "":
            return None
        try:
            return f.parse(str(value))
        except BadParameter as bad:
            return s.Invalid(f"{f.name}: {bad}")

    return read


def query_model(resource: Resource) -> type[s.ParamSchema]:
    fields = dict(PAGING)
    for f in resource.filters:
        fields[f.name] = s.parameter(_reader(f), f.shown_as, f.description)
    return s.param_model(f"{resource.name}Query", fields)


def path_model(name: str, *, with_id: bool) -> type[s.ParamSchema]:
    fields = {"slug": SLUG_PARAM}
    if with_id:
        fields["id"] = ID_PARAM
    return s.param_model(name, fields)


def with_signature(view: Callable[..., Any], **params: Any) -> Callable[..., Any]:
    """Give a view the typed signature ninja reads its parameters from."""
    view.__signature__ = inspect.Signature(  # type: ignore[attr-defined]
        [inspect.Parameter("request", inspect.Parameter.POSITIONAL_OR_KEYWORD)]
        + [
            inspect.Parameter(name, inspect.Parameter.KEYWORD_ONLY, annotation=kind)
            for name, kind in params.items()
        ]
    )
    return view


def _checked(value: Any) -> Any:
    if isinstance(value, s.Invalid):
        raise BadParameter(value.message)
    return value


# --- the answers ------------------------------------------------------------------


def active_municipality(slug: str) -> Municipality | None:
    """The active municipality with this slug; ``None`` for any other text."""
    if not SLUG.fullmatch(slug):
        return None
    return Municipality.objects.active().filter(slug=slug).first()


def _municipality(request: HttpRequest, slug: str) -> Municipality:
    municipality = active_municipality(slug)
    if municipality is None:
        raise NotFound
    access.check_scope(request.api_caller, SCOPE, municipality)  # type: ignore[attr-defined]
    return municipality


def _filtered(resource: Resource, query: Any, qs):
    for f in resource.filters:
        value = _checked(getattr(query, f.name))
        if value is None:
            continue
        qs = f.apply(qs, value)
    return qs


def _serialize(resource: Resource, items: list[Any], municipality) -> list[dict]:
    if resource.prepare is not None and items:
        resource.prepare(items)
    return [resource.serialize(item, municipality) for item in items]


def _list(
    request: HttpRequest, resource: Resource, municipality, qs, query: Any
) -> HttpResponse:
    after = _checked(query.after)
    limit = _checked(query.limit)
    qs = _filtered(resource, query, qs).order_by(f"-{resource.order}")
    if after is not None:
        qs = qs.filter(**{f"{resource.order}__lt": after})
    items = list(qs[: limit + 1])
    more = len(items) > limit
    items = items[:limit]
    next_cursor = getattr(items[-1], resource.order) if more and items else None
    next_url = None
    if next_cursor is not None:
        params = {k: str(v) for k, v in request.GET.items() if k != "after"}
        params["after"] = str(next_cursor)
        next_url = f"{request.path}?{urlencode(params)}"
    return json_response(
        {
            "items": _serialize(resource, items, municipality),
            "next_cursor": next_cursor,
            "next": next_url,
        }
    )


def root(request: HttpRequest) -> HttpResponse:
    return json_response(
        {
            "version": "1",
            "openapi": f"{request.path}openapi.json",
            "municipalities": f"{request.path}kommuner/",
            "licence": "CC-BY-4.0",
        }
    )


def municipality_list(request: HttpRequest) -> HttpResponse:
    qs = Municipality.objects.active().order_by("name", "id")
    token = request.api_caller.token  # type: ignore[attr-defined]
    if token is not None and token.municipality_id is not None:
        qs = qs.filter(pk=token.municipality_id)
    return json_response({"items": [municipality_data(m) for m in qs]})


MunicipalityPath = path_model("MunicipalityPath", with_id=False)


def municipality_detail(request: HttpRequest, *, path: Any) -> HttpResponse:
    municipality = _municipality(request, path.slug)
    data = municipality_data(municipality)
    data["resources"] = {
        r.path: api_url(municipality, f"{r.path}/") for r in RESOURCES if not r.parent
    }
    return json_response(data)


with_signature(municipality_detail, path=Path[MunicipalityPath])  # type: ignore[misc,valid-type]


def resource_list(resource: Resource) -> Callable[..., HttpResponse]:
    """The list of one resource (nested below its parent's id if it has one)."""
    res = resource
    parent = BY_NAME[res.parent] if res.parent else None

    def view(request: HttpRequest, *, path: Any, query: Any) -> HttpResponse:
        municipality = _municipality(request, path.slug)
        qs = res.queryset(municipality)
        if parent is not None:
            if (
                path.id is None
                or not parent.queryset(municipality).filter(pk=path.id).exists()
            ):
                raise NotFound
            qs = qs.filter(**{res.parent_field: path.id})
        return _list(request, res, municipality, qs, query)

    view.__name__ = f"{res.name.lower()}_list"
    return with_signature(
        view,
        path=Path[path_model(f"{res.name}ListPath", with_id=parent is not None)],  # type: ignore[misc]
        query=Query[query_model(res)],  # type: ignore[misc]
    )


def resource_detail(resource: Resource) -> Callable[..., HttpResponse]:
    res = resource

    def view(request: HttpRequest, *, path: Any) -> HttpResponse:
        municipality = _municipality(request, path.slug)
        if path.id is None:
            raise NotFound
        item = res.queryset(municipality).filter(pk=path.id).first()
        if item is None:
            raise NotFound
        return json_response(_serialize(res, [item], municipality)[0])

    view.__name__ = f"{res.name.lower()}_detail"
    return with_signature(
        view,
        path=Path[path_model(f"{res.name}DetailPath", with_id=True)],  # type: ignore[misc]
    )
