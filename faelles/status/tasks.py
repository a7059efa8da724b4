from django.http import QueryDict
from django.utils import translation
from django_tasks import task


@task()
def build_status_pdf(
    municipality_id: int, query: str, user_id: int | None, language: str = "da"
) -> int:
    """Lay out the status report for one filter and keep it in the cache.

    Returns the PDF's size in bytes."""
    from django.contrib.auth.models import AnonymousUser

    from faelles.accounts.models import User
    from faelles.core import pdf
    from faelles.municipalities.models import Municipality

    from .forms import filter_from_query
    from .report import PDF_PREFIX, report_html

    municipality = Municipality.objects.get(pk=municipality_id)
    user = User.objects.filter(pk=user_id).first() if user_id else None
    with translation.override(language):
        _form, status_filter, _kind = filter_from_query(
            QueryDict(query),
            municipality=municipality,
            user=user or AnonymousUser(),
        )
        html = report_html(municipality, status_filter)
    return len(pdf.build(PDF_PREFIX, html))
