"""The community newspaper (fællesskabsavis): a printable PDF rendered with WeasyPrint.

Only local files are read (DejaVu fonts through fontconfig, photos from MEDIA_ROOT);
a URL fetcher that refuses everything else keeps WeasyPrint off the network.

Laying out the PDF takes seconds, so no request does it. An *edition* is identified
by its HTML (cheap to render): the PDF is kept in the shared cache under a hash of
that HTML, built by a background task, and rebuilt only when something the edition
shows changes — a story published or edited, a trial evaluated, another day printed.
"""

import hashlib
from pathlib import Path

from django.conf import settings
from django.core.cache import cache
from django.template.loader import render_to_string
from django.utils import timezone

from faelles.core.newspaper_sections import rendered_sections
from faelles.core.pdf import local_only_fetcher

CACHE_TIMEOUT = 60 * 60 * 24 * 30  # an edition's PDF is kept a month


def newspaper_html(*, municipality, start, end, stories, trials) -> str:
    """The edition as HTML, in the active language (cheap: no layout)."""
    for story in stories:
        story.pdf_photos = [
            {"uri": Path(p.image.path).as_uri(), "caption": p.caption}
            for p in list(story.photos.all())[:1]
            if p.image and _local_path(p.image)
        ]
    html = render_to_string(
        "initiatives/newspaper.html",
        {
            "municipality": municipality,
            "start": start,
            "end": end,
            "printed": timezone.localdate(),
            "lead_story": stories[0] if stories else None,
            "stories": stories[1:],
            "trials": trials,
            # Other apps' sections ("Vi fejrer"), as HTML: part of the edition's
            # identity, so the cached PDF changes with them.
            "sections": rendered_sections(
                municipality=municipality, start=start, end=end
            ),
        },
    )
    return html


def newspaper_document(*, municipality, start, end, stories, trials):
    """The laid-out newspaper (a WeasyPrint document): pages, boxes and text."""
    html = newspaper_html(
        municipality=municipality, start=start, end=end, stories=stories, trials=trials
    )
    return layout(html)


def layout(html: str):
    from weasyprint import HTML

    return HTML(
        string=html,
        base_url=Path(settings.MEDIA_ROOT).as_uri(),
        url_fetcher=local_only_fetcher(),
    ).render()


def edition_key(html: str) -> str:
    return "newspaper:" + hashlib.sha256(html.encode()).hexdigest()


def cached_pdf(html: str) -> bytes | None:
    return cache.get(edition_key(html))


def build_pdf(html: str) -> bytes:
    """Lay out an edition and keep its PDF (called by the background task)."""
    key = edition_key(html)
    pdf = cache.get(key)
    if pdf is None:
        pdf = layout(html).write_pdf()
        cache.set(key, pdf, CACHE_TIMEOUT)
    return pdf


def _local_path(field) -> bool:
    """Photos are embedded only from local disk storage (never fetched)."""
    try:
        return Path(field.path).exists()
    except NotImplementedError:  # storage without local paths (e.g. in memory)
        return False


def render_newspaper(**kwargs) -> bytes:
    return newspaper_document(**kwargs).write_pdf()
