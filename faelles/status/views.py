"""Gør status: everything the municipality has started, by theme and focus area,
with state, owner, last update and what is overdue (docs/status.md). Public."""

import csv
import hashlib

from django.core.cache import cache
from django.http import HttpResponse, QueryDict, StreamingHttpResponse
from django.shortcuts import render
from django.template.loader import render_to_string
from django.utils.safestring import mark_safe
from django.utils.translation import get_language
from django.utils.translation import gettext as _

from faelles.core import pdf
from faelles.core.status_sources import CACHE_SECONDS, status_sources, status_version

from . import selectors
from .forms import filter_from_query
from .report import PDF_PREFIX, report_html
from .tasks import build_status_pdf

FILTER_KEYS = ("theme", "focus_area", "department", "kind", "overdue", "mine")


def _filter(request):
    return filter_from_query(
        request.GET, municipality=request.municipality, user=request.user
    )


def _query(request, **changes) -> str:
    """The current filters as a query string, with ``changes`` applied (only the
    filters: the cached results must not carry anything else a visitor added)."""
    query = QueryDict(mutable=True)
    for key in FILTER_KEYS:
        if key in request.GET:
            query.setlist(key, request.GET.getlist(key))
    for key, value in changes.items():
        if value is None:
            query.pop(key, None)
        else:
            query[key] = value
    return query.urlencode()


def _page_number(request) -> int:
    try:
        return max(1, int(request.GET.get("side", "1")))
    except ValueError:
        return 1


def _cache_key(request, status_filter, page: int) -> str:
    """The results for this municipality's current version, language, day,
    filters and page — and reader, for "mine"."""
    parts = [
        str(request.municipality.pk),
        status_version(request.municipality.pk),
        get_language() or "",
        status_filter.today.isoformat(),
        _query(request, side=str(page)),
        str(status_filter.person.pk) if status_filter.person is not None else "",
    ]
    return "status:page:" + hashlib.sha256("|".join(parts).encode()).hexdigest()


def _results(request, status_filter, kind: str, page: int) -> str:
    """The table by theme and the sections, rendered (what the cache keeps)."""
    size = selectors.PAGE_SIZE if kind else selectors.SECTION_SIZE
    theme_sources: list = []
    theme_rows: list = []
    counts: dict = {}
    if not kind and status_filter.theme is None and status_filter.focus_area is None:
        theme_sources, theme_rows, counts = selectors.by_theme(
            request.municipality, status_filter
        )
    sections = selectors.sections(
        request.municipality,
        status_filter,
        kind=kind,
        offset=(page - 1) * size,
        size=size,
        counts=counts,
    )
    for section in sections:
        section.all_query = _query(request, kind=section.source.key)
        section.pages = max(1, -(-section.total // size)) if kind else 1
    return render_to_string(
        "status/_results.html",
        {
            "sections": sections,
            "kind": kind,
            "page": page,
            "previous_query": _query(request, side=str(page - 1)) if page > 1 else "",
            "next_query": (
                _query(request, side=str(page + 1))
                if kind and sections and page < sections[0].pages
                else ""
            ),
            "overview_query": _query(request, kind=None),
            "theme_sources": theme_sources,
            "theme_rows": theme_rows,
            "filtering": any(
                (
                    status_filter.theme,
                    status_filter.focus_area,
                    status_filter.department,
                    status_filter.person,
                    status_filter.overdue_only,
                )
            ),
        },
        request=request,
    )


def overview(request):
    form, status_filter, kind = _filter(request)
    page = _page_number(request) if kind else 1
    key = _cache_key(request, status_filter, page)
    results = cache.get(key)
    if results is None:
        results = _results(request, status_filter, kind, page)
        cache.set(key, results, CACHE_SECONDS)
    membership = getattr(request, "membership", None)
    context = {
        "form": form,
        # Rendered by status/_results.html with autoescaping; kept as text.
        "results": mark_safe(results),  # noqa: S308
        "export_query": _query(request),
        "filtered": status_filter,
        "own_department": getattr(membership, "department", None),
        "rules": [s for s in status_sources() if s.overdue_rule],
    }
    return render(request, "status/overview.html", context)


def _cell(value) -> str:
    """A CSV cell that a spreadsheet will not run as a formula."""
    text = "" if value is None else str(value)
    if text[:1] in ("=", "+", "-", "@", "\t", "\r"):
        return "'" + text
    return text


class _Echo:
    def write(self, value):
        return value


def export_csv(request):
    """Every item for the current filters, one row each (streamed)."""
    _form, status_filter, _kind = _filter(request)
    labels = {s.key: str(s.label) for s in status_sources()}
    writer = csv.writer(_Echo())
    base = request.build_absolute_uri("/")[:-1]

    def rows():
        yield writer.writerow(
            [
                _("Slags"),
                _("Titel"),
                _("Tilstand"),
                _("Ansvarlig"),
                _("Tema"),
                _("Indsatsområde"),
                _("Senest opdateret"),
                _("Frist"),
                _("Forsinket"),
                _("Hvorfor forsinket"),
                _("Sammenhæng"),
                _("Bemærkning"),
                _("Adresse"),
            ]
        )
        for item in selectors.all_items(request.municipality, status_filter):
            yield writer.writerow(
                [
                    _cell(labels[item.kind]),
                    _cell(item.title),
                    _cell(item.state),
                    _cell(item.owner),
                    _cell(item.theme),
                    _cell(item.focus_area),
                    item.updated.isoformat() if item.updated else "",
                    item.due.isoformat() if item.due else "",
                    _("ja") if item.overdue else _("nej"),
                    _cell(item.overdue_reason),
                    _cell(item.context),
                    _cell(item.detail),
                    base + item.url,
                ]
            )

    response = StreamingHttpResponse(rows(), content_type="text/csv; charset=utf-8")
    today = status_filter.today
    response["Content-Disposition"] = (
        f'attachment; filename="status-{request.municipality.slug}-{today:%Y%m%d}.csv"'
    )
    return response


def export_pdf(request):
    """The printable report for the council: laid out by a background task."""
    form, status_filter, _kind = _filter(request)
    html = report_html(request.municipality, status_filter)
    document = pdf.cached(PDF_PREFIX, html)
    if document is None:
        build_status_pdf.enqueue(
            request.municipality.pk,
            _query(request, kind=None),
            request.user.pk if status_filter.person is not None else None,
            get_language(),
        )
        document = pdf.cached(PDF_PREFIX, html)  # the immediate backend has made it
    if document is None:
        return render(request, "status/pdf_pending.html", {}, status=202)
    response = HttpResponse(document, content_type="application/pdf")
    response["Content-Disposition"] = (
        f'inline; filename="status-{request.municipality.slug}-'
        f'{status_filter.today:%Y%m%d}.pdf"'
    )
    return response
