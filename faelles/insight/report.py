"""The council's report for one period, as HTML for WeasyPrint (``core/pdf.py``)."""

from django.template.loader import render_to_string
from django.utils import timezone

from . import selectors
from .cube import ALL

PDF_PREFIX = "insight-pdf"


def report_html(municipality, period: str = ALL) -> str:
    """The report in the active language (cheap: no layout). Public figures only."""
    board = selectors.dashboard(
        municipality=municipality, f=selectors.InsightFilter(period=period)
    )
    return render_to_string(
        "insight/report.html",
        {
            "municipality": municipality,
            "board": board,
            "period_name": selectors.period_name(period),
            "printed": timezone.localdate(),
        },
    )
