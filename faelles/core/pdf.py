"""PDF documents laid out with WeasyPrint, off the network and off the request.

Only local files are read (DejaVu fonts through fontconfig, photos from
MEDIA_ROOT or the private storage); a URL fetcher that refuses everything else
keeps WeasyPrint off the network. Laying out takes seconds, so requests never
do it: a background task builds the PDF and keeps it in the shared cache under
a hash of its HTML (``cached`` / ``build``); the community newspaper and the
status report work this way.
"""

import hashlib
from pathlib import Path
from typing import Any
from urllib.parse import unquote

from django.conf import settings
from django.core.cache import cache

CACHE_TIMEOUT = 60 * 60 * 24 * 30  # a built PDF is kept a month


def local_only_fetcher() -> Any:
    """A WeasyPrint URL fetcher that reads files under MEDIA_ROOT or the private
    storage (story photos live there) and nothing else."""
    from weasyprint.urls import URLFetcher

    class LocalOnlyFetcher(URLFetcher):  # type: ignore[misc]
        def fetch(self, url: str, headers: Any = None) -> Any:
            if not url.startswith("file://"):
                raise ValueError(f"Only local files may be fetched: {url}")
            path = Path(unquote(url.removeprefix("file://"))).resolve()
            roots = [Path(settings.MEDIA_ROOT).resolve()]
            private = settings.STORAGES.get("private", {}).get("OPTIONS", {})
            if private.get("location"):
                roots.append(Path(private["location"]).resolve())
            if not any(path.is_relative_to(root) for root in roots):
                raise ValueError(f"Outside the media folders: {url}")
            return super().fetch(url, headers)

    return LocalOnlyFetcher(allowed_protocols={"file"}, allow_redirects=False)


def layout(html: str) -> Any:
    """The laid-out document (pages, boxes and text) for ``html``."""
    from weasyprint import HTML

    return HTML(
        string=html,
        base_url=Path(settings.MEDIA_ROOT).as_uri(),
        url_fetcher=local_only_fetcher(),
    ).render()


def key_for(prefix: str, html: str) -> str:
    return f"{prefix}:" + hashlib.sha256(html.encode()).hexdigest()


def cached(prefix: str, html: str) -> bytes | None:
    """The PDF of ``html`` if a task has built it."""
    found: bytes | None = cache.get(key_for(prefix, html))
    return found


def build(prefix: str, html: str) -> bytes:
    """Lay out ``html`` and keep the PDF (called by background tasks)."""
    key = key_for(prefix, html)
    pdf: bytes | None = cache.get(key)
    if pdf is None:
        pdf = bytes(layout(html).write_pdf())
        cache.set(key, pdf, CACHE_TIMEOUT)
    return pdf
