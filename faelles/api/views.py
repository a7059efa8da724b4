"""The open API's views: read-only JSON, the same few shapes for every resource.

Every answer is JSON — errors too (``{"detail": "…"}``), also a 404 for an
address the API does not have. Another municipality's object, an object that
is not public and an id that cannot exist are all the same 404.
"""

from __future__ import annotations

import json
import re
from collections.abc import Callable
from functools import wraps
from typing import Any

from django.http import HttpRequest, HttpResponse
from django.utils.cache import (
    get_conditional_response,
    patch_vary_headers,
    set_response_etag,
)
from django.utils.http import urlencode
from django.utils.translation import gettext as _
from django.views.decorators.csrf import csrf_exempt

from faelles.core.params import parse_id
from faelles.municipalities.models import Municipality

from . import access
from .openapi import openapi_document
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


class NotFound(Exception):
    pass


def json_response(data: Any, *, status: int = 200, headers=None) -> HttpResponse:
    response = HttpResponse(
        json.dumps(data, ensure_ascii=False, separators=(",", ":")),
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


def api_view(scope: str = "read") -> Callable[..., Any]:
    """GET and HEAD only; the caller counted; refusals and 404s as JSON."""

    def decorate(view: Callable[..., Any]) -> Callable[..., Any]:
        @csrf_exempt
        @wraps(view)
        def wrapper(request: HttpRequest, *args: Any, **kwargs: Any) -> HttpResponse:
            if request.method not in ("GET", "HEAD"):
                return error(
                    405,
                    _("Det åbne API kan kun læses (GET)."),
                    {"Allow": "GET, HEAD"},
                )
            try:
                caller = access.caller_for(request)
                rate_headers = access.count_call(caller)
                kwargs["caller"] = caller
                kwargs["scope"] = scope
                response = view(request, *args, **kwargs)
            except access.Refused as refusal:
                return error(refusal.status, refusal.message, refusal.headers)
            except NotFound:
                return error(404, _("Findes ikke."))
            except BadParameter as bad:
                return error(400, str(bad))
            for name, value in rate_headers.items():
                response[name] = value
            # Public data: caches may keep it a minute; a client that sends the
            # ETag back gets 304 without the body.
            response["Cache-Control"] = "public, max-age=60"
            patch_vary_headers(response, ["Authorization", "Cookie"])
            set_response_etag(response)
            conditional = get_conditional_response(
                request, etag=response["ETag"], response=response
            )
            return conditional if conditional is not None else response

        return wrapper

    return decorate


def _municipality(slug: str, caller: access.Caller, scope: str) -> Municipality:
    if not SLUG.fullmatch(slug):
        raise NotFound
    municipality = Municipality.objects.active().filter(slug=slug).first()
    if municipality is None:
        raise NotFound
    access.check_scope(caller, scope, municipality)
    return municipality


def _page_params(request: HttpRequest) -> tuple[int | None, int]:
    after_raw = request.GET.get("after")
    after = None
    if after_raw is not None:
        after = parse_id(after_raw)
        if after is None:
            raise BadParameter(_("after skal være et id fra next_cursor."))
    limit_raw = request.GET.get("limit")
    limit = DEFAULT_LIMIT
    if limit_raw is not None:
        try:
            limit = int(limit_raw)
        except ValueError:
            limit = 0
        if not 1 <= limit <= MAX_LIMIT:
            raise BadParameter(
                _("limit skal være et helt tal fra 1 til %(max)s.") % {"max": MAX_LIMIT}
            )
    return after, limit


def _filtered(resource: Resource, request: HttpRequest, qs):
    for f in resource.filters:
        raw = request.GET.get(f.name)
        if raw is None or raw == "":
            continue
        try:
            value = f.parse(raw)
        except BadParameter as bad:
            raise BadParameter(f"{f.name}: {bad}") from None
        qs = f.apply(qs, value)
    return qs


def _serialize(resource: Resource, items: list[Any], municipality) -> list[dict]:
    if resource.prepare is not None and items:
        resource.prepare(items)
    return [resource.serialize(item, municipality) for item in items]


def _list(
    request: HttpRequest, resource: Resource, municipality, qs, base: str
) -> HttpResponse:
    after, limit = _page_params(request)
    qs = _filtered(resource, request, qs).order_by(f"-{resource.order}")
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
        next_url = f"{base}?{urlencode(params)}"
    return json_response(
        {
            "items": _serialize(resource, items, municipality),
            "next_cursor": next_cursor,
            "next": next_url,
        }
    )


@api_view()
def root(request: HttpRequest, *, caller, scope) -> HttpResponse:
    return json_response(
        {
            "version": "1",
            "openapi": f"{request.path}openapi.json",
            "municipalities": f"{request.path}kommuner/",
            "licence": "CC-BY-4.0",
        }
    )


@api_view()
def schema(request: HttpRequest, *, caller, scope) -> HttpResponse:
    return json_response(openapi_document())


@api_view()
def municipality_list(request: HttpRequest, *, caller, scope) -> HttpResponse:
    qs = Municipality.objects.active().order_by("name", "id")
    if caller.token is not None and caller.token.municipality_id is not None:
        qs = qs.filter(pk=caller.token.municipality_id)
    return json_response({"items": [municipality_data(m) for m in qs]})


@api_view()
def municipality_detail(
    request: HttpRequest, slug: str, *, caller, scope
) -> HttpResponse:
    municipality = _municipality(slug, caller, scope)
    data = municipality_data(municipality)
    data["resources"] = {
        r.path: api_url(municipality, f"{r.path}/") for r in RESOURCES if not r.parent
    }
    return json_response(data)


@api_view()
def resource_list(
    request: HttpRequest, slug: str, *, resource: str, caller, scope
) -> HttpResponse:
    res = BY_NAME[resource]
    municipality = _municipality(slug, caller, scope)
    return _list(request, res, municipality, res.queryset(municipality), request.path)


@api_view()
def resource_detail(
    request: HttpRequest, slug: str, pk: str, *, resource: str, caller, scope
) -> HttpResponse:
    res = BY_NAME[resource]
    municipality = _municipality(slug, caller, scope)
    object_id = parse_id(pk)
    if object_id is None:
        raise NotFound
    item = res.queryset(municipality).filter(pk=object_id).first()
    if item is None:
        raise NotFound
    return json_response(_serialize(res, [item], municipality)[0])


@api_view()
def child_list(
    request: HttpRequest, slug: str, pk: str, *, resource: str, caller, scope
) -> HttpResponse:
    res = BY_NAME[resource]
    parent = BY_NAME[res.parent]
    municipality = _municipality(slug, caller, scope)
    parent_id = parse_id(pk)
    if (
        parent_id is None
        or not parent.queryset(municipality).filter(pk=parent_id).exists()
    ):
        raise NotFound
    qs = res.queryset(municipality).filter(**{res.parent_field: parent_id})
    return _list(request, res, municipality, qs, request.path)


@api_view()
def not_found(request: HttpRequest, *args, caller, scope, **kwargs) -> HttpResponse:
    raise NotFound
