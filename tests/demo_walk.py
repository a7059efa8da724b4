"""Walking the demo the way people click through it (for the demo-wide tests)."""

import re
from collections import deque
from urllib.parse import urljoin, urlsplit

HREF = re.compile(r'href="([^"#]*)"')
FORM = re.compile(r"<form\b([^>]*)>(.*?)</form>", re.S | re.I)
FIELD = re.compile(r"<(?:input|select|textarea)\b([^>]*)>", re.I)
# Not pages: files, feeds, downloads, Django admin and the language switch.
NOT_A_PAGE = re.compile(
    r"^/(static|media|admin|i18n)/|\.(ics|pdf|pb|csv|json|xml)$|/(feed|kalender)\b"
    r"|logout|webcal"
)
PAGES_PER_PERSON = 1500  # a safety stop; every walk of the demo ends by itself
VARIANTS_PER_PATH = 4  # query-string variants (filters, pages) of one path


def _attribute(name: str, tag: str) -> str | None:
    found = re.search(rf'\b{name}="([^"]*)"', tag)
    return found.group(1).replace("&amp;", "&") if found else None


def _local(url: str) -> str | None:
    parts = urlsplit(url)
    if parts.scheme in ("mailto", "tel") or parts.netloc not in ("", "testserver"):
        return None
    path = parts.path + (f"?{parts.query}" if parts.query else "")
    if not path.startswith("/") or NOT_A_PAGE.search(parts.path):
        return None
    return path


def links(html: str, base: str) -> list[str]:
    found = (_local(urljoin(base, h.replace("&amp;", "&"))) for h in HREF.findall(html))
    return [url for url in found if url]


def forms(html: str, base: str) -> list[tuple[str, str, dict[str, str]]]:
    """``(method, action, {name: value})`` for every form on the page."""
    found = []
    for attributes, body in FORM.findall(html):
        action = _local(urljoin(base, _attribute("action", attributes) or base))
        if action is None:
            continue
        fields: dict[str, str] = {}
        for tag in FIELD.findall(body):
            if name := _attribute("name", tag):
                fields.setdefault(name, _attribute("value", tag) or "")
        method = (_attribute("method", attributes) or "get").lower()
        found.append((method, action, fields))
    return found


def walk(
    client, start: str, on_page=None, within: str = "/", per_pattern: int = 0
) -> tuple[int, list[tuple[int, str, str]]]:
    """Follow every link from ``start`` that stays under ``within``; returns the
    number of pages visited and ``(status, url, linked_from)`` for each that did
    not answer 200 or redirect. ``on_page(url, html)`` is called for every HTML
    page. ``per_pattern`` (when not 0) visits at most that many pages of one
    address pattern (ids replaced by N): enough for a walk that looks at the kinds
    of page — their forms — rather than at every object."""
    queue = deque([(start, "")])
    seen: set[str] = set()
    variants: dict[str, int] = {}
    patterns: dict[str, int] = {}
    errors = []
    visited = 0
    while queue and visited < PAGES_PER_PERSON:
        url, referrer = queue.popleft()
        if url in seen:
            continue
        seen.add(url)
        path = url.split("?")[0]
        if "?" in url:
            variants[path] = variants.get(path, 0) + 1
            if variants[path] > VARIANTS_PER_PATH:
                continue
        if per_pattern:
            pattern = re.sub(r"\d+", "N", path)
            patterns[pattern] = patterns.get(pattern, 0) + 1
            if patterns[pattern] > per_pattern:
                continue
        visited += 1
        response = client.get(url)
        if response.status_code in (301, 302, 303):
            queue.append((response["Location"], url))
            continue
        if response.status_code != 200:
            errors.append((response.status_code, url, referrer))
            continue
        if "text/html" not in response.get("Content-Type", ""):
            continue
        html = response.content.decode()
        if on_page is not None:
            on_page(url, html)
        for link in links(html, url):
            if link not in seen and link.startswith(within):
                queue.append((link, url))
    return visited, errors
