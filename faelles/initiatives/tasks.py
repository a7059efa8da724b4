from datetime import date, timedelta

from django.utils import timezone, translation
from django_tasks import task

from .notifications import notify_administrators

# The edition people get when they open the newspaper page (see story_views).
DEFAULT_EDITION_DAYS = 90


@task()
def flag_awaiting_response() -> int:
    """Daily: tell administrators about initiatives nobody has answered."""
    return sum(len(item.titles) for item in notify_administrators())


@task()
def build_newspaper(
    municipality_id: int, start: str, end: str, language: str = "da"
) -> int:
    """Lay out one edition of the community newspaper and keep it in the cache.

    Returns the PDF's size in bytes."""
    from faelles.municipalities.models import Municipality

    from . import selectors
    from .newspaper import build_pdf, newspaper_html

    municipality = Municipality.objects.get(pk=municipality_id)
    with translation.override(language):
        content = selectors.newspaper_content(
            municipality=municipality,
            start=date.fromisoformat(start),
            end=date.fromisoformat(end),
        )
        html = newspaper_html(
            municipality=municipality,
            start=date.fromisoformat(start),
            end=date.fromisoformat(end),
            **content,
        )
    return len(build_pdf(html))


def default_edition(today: date | None = None) -> tuple[date, date]:
    today = today or timezone.localdate()
    return today - timedelta(days=DEFAULT_EDITION_DAYS), today


def rebuild_default_editions(municipality_id: int) -> None:
    """Content changed: build today's default edition in both languages."""
    start, end = default_edition()
    for language in ("da", "en"):
        build_newspaper.enqueue(
            municipality_id, start.isoformat(), end.isoformat(), language
        )
