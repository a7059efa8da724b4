"""The council's report for one period, as HTML for WeasyPrint (``core/pdf.py``)."""

from django.template.loader import render_to_string
from django.utils import timezone

from . import selectors
from .cube import ALL

PDF_PREFIX = "insight-pdf"


def report_html(municipality, period: str = ALL) -> str:
    """The report in the active language (cheap: no layout). Public figures only
    (the pulse's social capital, for staff only, is not in it)."""
    board = selectors.dashboard(
        municipality=municipality, f=selectors.InsightFilter(period=period)
    )
    movement = board.movement
    return render_to_string(
        "insight/report.html",
        {
            "municipality": municipality,
            "board": board,
            "period_name": selectors.period_name(period),
            "printed": timezone.localdate(),
            "movement": movement,
            "movement_columns": [
                selectors.period_short(p) for p, _label in movement.changes
            ]
            if movement
            else [],
            "movement_matrix": [
                (full, row)
                for (_level, _short, full), row in zip(
                    movement.states, movement.matrix, strict=True
                )
            ]
            if movement
            else [],
        },
    )
