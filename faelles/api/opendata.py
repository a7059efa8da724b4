"""Open data downloads: every resource of the open API as one whole file per
municipality, CSV and JSON, and a DCAT-AP catalogue that Danish and European open
data portals harvest (docs/api.md, "Open data downloads").

The rows, fields and serialisation are the API's own (``resources.py``): a file
holds exactly what the API's list address pages through, no more. A file is
written as it is read (streamed in chunks of ``CHUNK`` rows by id), so a
municipality with 200,000 offers does not fill a worker's memory.

CSV: one column per field of the resource's schema, in the schema's order; a list
of plain values is joined with ``"; "``, anything nested is JSON; empty is empty.
A text that a spreadsheet would run as a formula (starting with ``=``, ``+``,
``-``, ``@``, tab or carriage return, and not a number) gets a leading ``'``, the
usual guard (OWASP, "CSV injection"); JSON is never changed.
"""

from __future__ import annotations

import csv
import io
import json
import re
from collections.abc import Iterator
from typing import Any

from django.conf import settings
from django.http import HttpRequest, HttpResponse, StreamingHttpResponse
from django.http.response import HttpResponseBase
from django.urls import reverse
from django.utils import translation
from django.views.decorators.csrf import csrf_exempt

from faelles.municipalities.models import Municipality

from . import access
from .resources import RESOURCES, Resource
from .views import active_municipality, error, json_response

CHUNK = 500
FORMATS = {"csv": "text/csv; charset=utf-8", "json": "application/json"}
EU = "http://publications.europa.eu/resource/authority"
FILE_TYPE = {"csv": f"{EU}/file-type/CSV", "json": f"{EU}/file-type/JSON"}
MEDIA_TYPE = {
    "csv": "https://www.iana.org/assignments/media-types/text/csv",
    "json": "https://www.iana.org/assignments/media-types/application/json",
}
#: The EU's data themes (DCAT-AP's dcat:theme vocabulary) per API tag.
THEMES = {
    "ressourcer": "SOCI",
    "initiativer": "SOCI",
    "faellesskaber": "SOCI",
    "arrangementer": "EDUC",
    "borgerbudget": "GOVE",
    "hoeringer": "GOVE",
    "opgaveudvalg": "GOVE",
}
CONTEXT = {
    "dcat": "http://www.w3.org/ns/dcat#",
    "dct": "http://purl.org/dc/terms/",
    "foaf": "http://xmlns.com/foaf/0.1/",
    "vcard": "http://www.w3.org/2006/vcard/ns#",
    "xsd": "http://www.w3.org/2001/XMLSchema#",
}
_FORMULA = re.compile(r"^[=+\-@\t\r]")
_NUMBER = re.compile(r"^[+-]?\d+([.,]\d+)?$")


def licence_url() -> str:
    return str(
        getattr(
            settings,
            "FAELLES_OPEN_DATA_LICENCE",
            "https://creativecommons.org/licenses/by/4.0/",
        )
    )


def downloadable() -> list[Resource]:
    """Every resource; a nested one (a round's projects) as one file for all."""
    return list(RESOURCES)


def _rows(resource: Resource, municipality: Municipality) -> Iterator[dict[str, Any]]:
    qs = resource.queryset(municipality).order_by(resource.order)
    last = None
    while True:
        page = qs if last is None else qs.filter(**{f"{resource.order}__gt": last})
        items = list(page[:CHUNK])
        if not items:
            return
        if resource.prepare is not None:
            resource.prepare(items)
        for item in items:
            yield resource.serialize(item, municipality)
        last = getattr(items[-1], resource.order)
        if len(items) < CHUNK:
            return


def _cell(value: Any) -> str:
    if value is None:
        return ""
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, list) and all(
        isinstance(v, str | int | float) and not isinstance(v, bool) for v in value
    ):
        value = "; ".join(str(v) for v in value)
    elif isinstance(value, list | dict):
        value = json.dumps(value, ensure_ascii=False, separators=(",", ":"))
    text = str(value)
    if _FORMULA.match(text) and not _NUMBER.match(text):
        return "'" + text
    return text


def _csv(resource: Resource, municipality: Municipality) -> Iterator[str]:
    columns = list(resource.properties)
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\r\n")
    buffer.write("\ufeff")  # so spreadsheets read æ, ø and å as UTF-8
    writer.writerow(columns)
    for row in _rows(resource, municipality):
        writer.writerow([_cell(row.get(c)) for c in columns])
        if buffer.tell() > 64_000:
            yield buffer.getvalue()
            buffer.seek(0)
            buffer.truncate()
    yield buffer.getvalue()


def _json(resource: Resource, municipality: Municipality) -> Iterator[str]:
    yield "["
    first = True
    for row in _rows(resource, municipality):
        yield ("" if first else ",") + json.dumps(
            row, ensure_ascii=False, separators=(",", ":")
        )
        first = False
    yield "]"


def _counted(request: HttpRequest) -> HttpResponse | None:
    """The API's own accounting: GET only, tokens checked, calls counted."""
    if request.method not in ("GET", "HEAD"):
        return error(405, "GET", {"Allow": "GET, HEAD"})
    try:
        access.count_call(access.caller_for(request))
    except access.Refused as refusal:
        return error(refusal.status, refusal.message, refusal.headers)
    return None


@csrf_exempt
def download(request: HttpRequest, slug: str, name: str, fmt: str) -> HttpResponseBase:
    refused = _counted(request)
    if refused is not None:
        return refused
    municipality = active_municipality(slug)
    resource = next((r for r in downloadable() if r.path == name), None)
    if municipality is None or resource is None or fmt not in FORMATS:
        return error(404, "Findes ikke.")
    body = (
        _csv(resource, municipality) if fmt == "csv" else _json(resource, municipality)
    )
    response = StreamingHttpResponse(body, content_type=FORMATS[fmt])
    response["Content-Disposition"] = (
        f'attachment; filename="{municipality.slug}-{resource.path}.{fmt}"'
    )
    response["Access-Control-Allow-Origin"] = "*"
    response["Cache-Control"] = "public, max-age=300"
    response["Link"] = f'<{licence_url()}>; rel="license"'
    return response


def _text(lazy: Any) -> list[dict[str, str]]:
    """A translatable text in both languages, as JSON-LD language values."""
    values = []
    for language in ("da", "en"):
        with translation.override(language):
            values.append({"@language": language, "@value": str(lazy)})
    return values


def _dataset(request: HttpRequest, municipality: Municipality, resource: Resource):
    slug = municipality.slug

    def absolute(path: str) -> str:
        return request.build_absolute_uri(path)

    files = {
        fmt: absolute(
            reverse(
                "api:download", kwargs={"slug": slug, "name": resource.path, "fmt": fmt}
            )
        )
        for fmt in FORMATS
    }
    distributions = [
        {
            "@id": f"{url}#distribution",
            "@type": "dcat:Distribution",
            "dct:title": f"{resource.path}.{fmt}",
            "dcat:accessURL": {"@id": url},
            "dcat:downloadURL": {"@id": url},
            "dct:format": {"@id": FILE_TYPE[fmt]},
            "dcat:mediaType": {"@id": MEDIA_TYPE[fmt]},
            "dct:license": {"@id": licence_url()},
        }
        for fmt, url in files.items()
    ]
    if not resource.parent:
        api = absolute(f"/api/v1/kommuner/{slug}/{resource.path}/")
        distributions.append(
            {
                "@id": f"{api}#distribution",
                "@type": "dcat:Distribution",
                "dct:title": "API",
                "dcat:accessURL": {"@id": api},
                "dct:format": {"@id": FILE_TYPE["json"]},
                "dct:conformsTo": {"@id": absolute("/api/v1/openapi.json")},
                "dct:license": {"@id": licence_url()},
            }
        )
    theme = THEMES.get(resource.tag, "SOCI")
    return {
        "@id": absolute(f"/api/v1/kommuner/{slug}/data/#{resource.path}"),
        "@type": "dcat:Dataset",
        "dct:identifier": f"faelles-{slug}-{resource.path}",
        "dct:title": [
            {"@language": "da", "@value": f"{municipality.name}: {resource.path}"},
            {"@language": "en", "@value": f"{municipality.name}: {resource.name}"},
        ],
        "dct:description": _text(resource.summary),
        "dct:publisher": {"@type": "foaf:Agent", "foaf:name": municipality.name},
        "dct:license": {"@id": licence_url()},
        "dct:accessRights": {"@id": f"{EU}/access-right/PUBLIC"},
        "dct:accrualPeriodicity": {"@id": f"{EU}/frequency/UPDATE_CONT"},
        "dct:language": {"@id": f"{EU}/language/DAN"},
        "dcat:theme": {"@id": f"{EU}/data-theme/{theme}"},
        "dcat:keyword": [resource.tag, "Kommunen 3.0", "samskabelse"],
        "dcat:contactPoint": _contact(municipality),
        "dcat:landingPage": {"@id": absolute(f"/{slug}/")},
        "dcat:distribution": distributions,
    }


def _contact(municipality: Municipality) -> dict[str, Any]:
    contact: dict[str, Any] = {
        "@type": "vcard:Organization",
        "vcard:fn": municipality.name,
    }
    if municipality.contact_email:
        contact["vcard:hasEmail"] = {"@id": f"mailto:{municipality.contact_email}"}
    return contact


def _catalogue(request: HttpRequest, municipalities: list[Municipality], at: str):
    datasets = [_dataset(request, m, r) for m in municipalities for r in downloadable()]
    title = (
        f"Fælles: {municipalities[0].name}" if len(municipalities) == 1 else "Fælles"
    )
    return {
        "@context": CONTEXT,
        "@id": request.build_absolute_uri(at),
        "@type": "dcat:Catalog",
        "dct:title": [
            {"@language": "da", "@value": f"Åbne data fra {title}"},
            {"@language": "en", "@value": f"Open data from {title}"},
        ],
        "dct:description": [
            {
                "@language": "da",
                "@value": "Offentlige, ikke-personlige data fra samskabelsesplatformen "
                "Fælles: ressourcer og behov, initiativer og prøvehandlinger, "
                "fællesskaber, arrangementer, borgerbudgetter, høringer og "
                "opgaveudvalg.",
            },
            {
                "@language": "en",
                "@value": "Public, non-personal data from the co-creation platform "
                "Fælles: resources and needs, initiatives and trials, communities, "
                "events, participatory budgets, hearings and task committees.",
            },
        ],
        "dct:publisher": {
            "@type": "foaf:Agent",
            "foaf:name": municipalities[0].name
            if len(municipalities) == 1
            else "Fælles",
        },
        "dct:license": {"@id": licence_url()},
        "dct:language": {"@id": f"{EU}/language/DAN"},
        "foaf:homepage": {"@id": request.build_absolute_uri("/")},
        "dcat:dataset": datasets,
    }


def _ld(data: dict[str, Any]) -> HttpResponse:
    response = json_response(data)
    response["Content-Type"] = "application/ld+json"
    response["Cache-Control"] = "public, max-age=300"
    return response


@csrf_exempt
def catalogue(request: HttpRequest, slug: str) -> HttpResponse:
    refused = _counted(request)
    if refused is not None:
        return refused
    municipality = active_municipality(slug)
    if municipality is None:
        return error(404, "Findes ikke.")
    return _ld(_catalogue(request, [municipality], request.path))


@csrf_exempt
def catalogue_all(request: HttpRequest) -> HttpResponse:
    refused = _counted(request)
    if refused is not None:
        return refused
    municipalities = list(Municipality.objects.active().order_by("name"))
    if not municipalities:
        return error(404, "Findes ikke.")
    return _ld(_catalogue(request, municipalities, request.path))
