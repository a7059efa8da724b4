"""The community newspaper (fællesskabsavis): a printable PDF rendered with WeasyPrint.

Only local files are read (DejaVu fonts through fontconfig, photos from MEDIA_ROOT);
a URL fetcher that refuses everything else keeps WeasyPrint off the network.
"""

from pathlib import Path
from urllib.parse import unquote

from django.conf import settings
from django.template.loader import render_to_string
from django.utils import timezone


def local_only_fetcher():
    """A WeasyPrint URL fetcher that reads files under MEDIA_ROOT and nothing else."""
    from weasyprint.urls import URLFetcher

    class LocalOnlyFetcher(URLFetcher):
        def fetch(self, url, headers=None):
            if not url.startswith("file://"):
                raise ValueError(f"Only local files may be fetched: {url}")
            path = Path(unquote(url.removeprefix("file://"))).resolve()
            if not path.is_relative_to(Path(settings.MEDIA_ROOT).resolve()):
                raise ValueError(f"Outside the media folder: {url}")
            return super().fetch(url, headers)

    return LocalOnlyFetcher(allowed_protocols={"file"}, allow_redirects=False)


def newspaper_document(*, municipality, start, end, stories, trials):
    """The laid-out newspaper (a WeasyPrint document): pages, boxes and text."""
    from weasyprint import HTML

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
        },
    )
    return HTML(
        string=html,
        base_url=Path(settings.MEDIA_ROOT).as_uri(),
        url_fetcher=local_only_fetcher(),
    ).render()


def _local_path(field) -> bool:
    """Photos are embedded only from local disk storage (never fetched)."""
    try:
        return Path(field.path).exists()
    except NotImplementedError:  # storage without local paths (e.g. in memory)
        return False


def render_newspaper(**kwargs) -> bytes:
    return newspaper_document(**kwargs).write_pdf()
