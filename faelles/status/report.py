"""The status report for the council as HTML for WeasyPrint (``faelles.core.pdf``)."""

from typing import Any

from django.template.loader import render_to_string
from django.utils import timezone

from . import selectors

PDF_PREFIX = "status-pdf"
# Items per kind in the printed report; the rest are counted and are in the CSV.
PDF_ITEMS = 300


def report_html(municipality, status_filter) -> str:
    """The report in the active language (cheap: no layout)."""
    theme_sources: list[Any] = []
    theme_rows: list[Any] = []
    counts: dict[str, tuple[int, int]] = {}
    if status_filter.theme is None and status_filter.focus_area is None:
        theme_sources, theme_rows, counts = selectors.by_theme(
            municipality, status_filter
        )
    sections = selectors.sections(
        municipality, status_filter, size=PDF_ITEMS, counts=counts
    )
    return render_to_string(
        "status/report.html",
        {
            "municipality": municipality,
            "printed": timezone.localdate(),
            "filtered": status_filter,
            "sections": sections,
            "theme_sources": theme_sources,
            "theme_rows": theme_rows,
            "limit": PDF_ITEMS,
        },
    )
