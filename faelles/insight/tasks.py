from django.utils import translation
from django_tasks import task


@task()
def refresh_insight(municipality_id: int) -> int:
    """Recompute one municipality's dashboard figures; returns the milliseconds."""
    from faelles.municipalities.models import Municipality

    from .rollups import refresh

    municipality = Municipality.objects.filter(pk=municipality_id).first()
    if municipality is None:
        return 0
    return refresh(municipality).duration_ms


@task()
def build_insight_pdf(municipality_id: int, period: str, language: str = "da") -> int:
    """Lay out the council's report for one period and keep it in the cache.
    Returns the PDF's size in bytes."""
    from faelles.core import pdf
    from faelles.municipalities.models import Municipality

    from .report import PDF_PREFIX, report_html

    municipality = Municipality.objects.get(pk=municipality_id)
    with translation.override(language):
        html = report_html(municipality, period)
    return len(pdf.build(PDF_PREFIX, html))
