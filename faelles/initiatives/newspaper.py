"""The community newspaper (fællesskabsavis): a printable PDF rendered with WeasyPrint.

Only local files are read (DejaVu fonts through fontconfig, photos from MEDIA_ROOT);
a URL fetcher that refuses everything else keeps WeasyPrint off the network.
"""

from pathlib import Path

from django.conf import settings
from django.template.loader import render_to_string
from django.utils import timezone


def _local_only_fetcher(url: str, *args, **kwargs):
    from weasyprint.urls import default_url_fetcher

    if not url.startswith("file://"):
        raise ValueError(f"Only local files may be fetched: {url}")
    path = Path(url.removeprefix("file://")).resolve()
    if not path.is_relative_to(Path(settings.MEDIA_ROOT).resolve()):
        raise ValueError(f"Outside the media folder: {url}")
    return default_url_fetcher(url, *args, **kwargs)


def render_newspaper(*, municipality, start, end, stories, trials) -> bytes:
    from weasyprint import HTML

    for story in stories:
        story.pdf_photos = [
            {"uri": Path(p.image.path).as_uri(), "caption": p.caption}
            for p in story.photos.all()[:1]
            if p.image and Path(p.image.path).exists()
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
        },
    )
    return HTML(
        string=html,
        base_url=Path(settings.MEDIA_ROOT).as_uri(),
        url_fetcher=_local_only_fetcher,
    ).write_pdf()
