"""Whole pages for anonymous visitors, kept in the shared cache and invalidated by
the tables they were made from (docs/operations.md, "Cached pages").

**What is cached.** A ``GET`` without a session cookie, without ``Authorization``
and not from htmx, answered ``200`` with HTML, by a view that set no cookie and no
private/no-store ``Cache-Control`` — so never a page for a logged-in person and
never a page with a form token (rendering ``{% csrf_token %}`` always sets the CSRF
cookie). The key is the language the visitor gets,
the host and the full path with its query string.

**What invalidates it.** While a candidate page renders, every ``SELECT`` it runs
is looked at (a database execute wrapper) and the tables it read are stored with
the page, each with the *version* that table had. Every ``INSERT``, ``UPDATE`` and
``DELETE`` on any connection — the ORM's ``save()`` and ``update()`` alike, in a
request, a background task or a shell — gives the written table a new version
once the transaction commits. A page is served only while all its tables still
have the versions it was made with, so a new initiative invalidates the pages
that read initiatives and nothing else.

Versions are kept per municipality: a write made while serving ``/<slug>/…``
renews that table's version for that municipality only; a write elsewhere (a task,
``/me/``, the admin) renews it for every municipality. A page under ``/<slug>/``
checks both; a page outside any municipality (the front page) checks the table's
version across all municipalities.

**Where the pages are kept.** In the shared cache, so every worker can serve a page
another one made, and — the page itself — also in a small memory of each process
(``FAELLES_PAGE_CACHE_MEMORY`` bytes, 16 MiB by default, least recently used
first out). A hit on a page the process holds fetches only the versions of its
tables from the shared cache (one ``get_many`` of a few short strings), so a write
in any process still makes it stale; only the large page body is not fetched and
unpickled again.

**How soon a write elsewhere is seen.** A page this process holds and has checked
against the shared cache within the last ``FAELLES_PAGE_CACHE_RECHECK`` seconds
(1 by default; 0 checks on every request) is served without asking again, unless
this process itself has since written one of its tables — its own writes are
seen at once. A write committed by another process (another worker, a
background task) is therefore seen by this one within that second. Whoever
writes is logged in and never served a cached page; the anonymous visitor may see
a list up to a second old. Under load this takes the shared cache off the path of
nearly every hit (docs/benchmarks.md, "Cached pages for anonymous visitors").

**How long at most.** ``FAELLES_PAGE_CACHE_SECONDS`` (60 by default; 0 turns the
cache off): what changes with the clock alone — a phase that opens at a date,
"upcoming" events, "3 minutes ago" — is at most that old. A page holds no data
from another cache that is older than that either.
"""

from __future__ import annotations

import hashlib
import logging
import re
import threading
import time
import uuid
from collections import OrderedDict
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from contextvars import ContextVar
from functools import cache
from typing import Any

from django.apps import apps
from django.conf import settings
from django.core.cache import cache as shared_cache
from django.db import transaction
from django.db.backends.signals import connection_created
from django.http import HttpRequest, HttpResponse
from django.utils import translation

logger = logging.getLogger(__name__)

PAGE_PREFIX = "faelles:page:"
VERSION_PREFIX = "faelles:tablev:"
GLOBAL = "~global"  # writes made outside any municipality's pages
ANY = "~any"  # every write, whichever municipality: what root pages check
ROOT = "~root"

_WRITE = re.compile(
    r'^\s*(?:INSERT\s+INTO|UPDATE|DELETE\s+FROM)\s+"?([A-Za-z0-9_]+)"?', re.IGNORECASE
)
_READ = re.compile(r'\b(?:FROM|JOIN)\s+"([A-Za-z0-9_]+)"', re.IGNORECASE)
# Tables no cached page depends on, whose writes need not renew anything.
UNTRACKED = {"django_session", "django_migrations"}

_reads: ContextVar[set[str] | None] = ContextVar("faelles_page_reads", default=None)
_scope: ContextVar[str] = ContextVar("faelles_write_scope", default=GLOBAL)
_batch: ContextVar[set[tuple[str, str]] | None] = ContextVar(
    "faelles_page_batch", default=None
)


def seconds() -> int:
    return int(getattr(settings, "FAELLES_PAGE_CACHE_SECONDS", 0) or 0)


def recheck() -> float:
    """How long a held page confirmed against the shared cache is served without
    asking again (seconds)."""
    return float(getattr(settings, "FAELLES_PAGE_CACHE_RECHECK", 1.0) or 0.0)


@cache
def tracked_tables() -> frozenset[str]:
    tables = {
        model._meta.db_table
        for model in apps.get_models(include_auto_created=True)
        if model._meta.managed and not model._meta.proxy
    }
    return frozenset(tables - UNTRACKED)


# -- writes renew versions ------------------------------------------------------------


def _version_key(scope: str, table: str) -> str:
    return f"{VERSION_PREFIX}{scope}:{table}"


def renew(keys: set[tuple[str, str]]) -> None:
    """Give these (scope, table) pairs new versions (and the tables across all)."""
    if not keys:
        return
    token = uuid.uuid4().hex
    values = {}
    for scope, table in keys:
        values[_version_key(scope, table)] = token
        values[_version_key(ANY, table)] = token
    _renewed_here(values)
    try:
        shared_cache.set_many(values, timeout=None)
    except Exception:  # the cache being down must not fail the write
        if _no_cache_table_yet():
            return  # a first `migrate`: nothing can have been cached yet
        logger.warning("page cache: could not renew %d versions", len(values))


def _no_cache_table_yet() -> bool:
    """True while the database cache's table does not exist (its data migrations
    run before `createcachetable`, on a new database)."""
    table = getattr(shared_cache, "_table", None)
    if table is None:  # not the database cache
        return False
    from django.db import connections, router

    using = router.db_for_write(shared_cache.cache_model_class)  # type: ignore[attr-defined]
    try:
        return table not in connections[using].introspection.table_names()
    except Exception:
        return False


class _Pending:
    """The tables one transaction wrote, renewed when it commits."""

    def __init__(self) -> None:
        self.keys: set[tuple[str, str]] = set()

    def flush(self) -> None:
        keys, self.keys = self.keys, set()
        renew(keys)


@contextmanager
def batched() -> Iterator[None]:
    """Renew the versions of the tables written inside once, when it ends, instead
    of at every commit: for bulk loads (the demo, seeds, imports) that write
    thousands of rows one by one. Nested, the outermost one renews."""
    if _batch.get() is not None:
        yield
        return
    keys: set[tuple[str, str]] = set()
    token = _batch.set(keys)
    try:
        yield
    finally:
        _batch.reset(token)
        # Inside a transaction: once it commits (at once outside one).
        transaction.on_commit(lambda: renew(keys))


def _wrote(connection: Any, table: str) -> None:
    if seconds() <= 0:
        return
    key = (_scope.get(), table)
    batch = _batch.get()
    if batch is not None:
        batch.add(key)
        return
    if not connection.in_atomic_block:
        renew({key})
        return
    pending = getattr(connection, "_faelles_page_pending", None)
    registered = pending is not None and any(
        entry[1] is pending.flush for entry in connection.run_on_commit
    )
    if not registered:
        pending = _Pending()
        connection._faelles_page_pending = pending
        connection.on_commit(pending.flush)
    assert pending is not None
    pending.keys.add(key)


def _execute(execute, sql, params, many, context):  # type: ignore[no-untyped-def]
    result = execute(sql, params, many, context)
    head = sql.lstrip()[:6].upper()
    if head in ("INSERT", "UPDATE", "DELETE"):
        match = _WRITE.match(sql)
        if match and match.group(1) in tracked_tables():
            _wrote(context["connection"], match.group(1))
    else:
        reads = _reads.get()
        if reads is not None:
            reads.update(t for t in _READ.findall(sql) if t in tracked_tables())
    return result


def _install(sender: Any, connection: Any, **kwargs: Any) -> None:
    if _execute not in connection.execute_wrappers:
        connection.execute_wrappers.append(_execute)


def install() -> None:
    """Watch every database connection (called from CoreConfig.ready)."""
    connection_created.connect(_install, dispatch_uid="faelles.core.pagecache")
    from django.db import connections

    for connection in connections.all(initialized_only=True):
        _install(None, connection)


# -- the middleware ---------------------------------------------------------------------


def _scope_of(path: str) -> str | None:
    """The municipality slug a path belongs to, or None (root pages)."""
    first = path.lstrip("/").split("/", 1)[0]
    if not first or first in settings.FAELLES_RESERVED_SLUGS or "." in first:
        return None
    return first


def _candidate(request: HttpRequest) -> bool:
    return (
        request.method == "GET"
        and settings.SESSION_COOKIE_NAME not in request.COOKIES
        and "HTTP_AUTHORIZATION" not in request.META
        and "HTTP_HX_REQUEST" not in request.META
    )


def _page_key(request: HttpRequest, language: str) -> str:
    where = f"{request.get_host()}{request.get_full_path()}"
    digest = hashlib.sha256(where.encode()).hexdigest()[:40]
    return f"{PAGE_PREFIX}{language}:{digest}"


def _tag_keys(scope: str | None, tables: list[str]) -> list[str]:
    if scope is None:
        return [_version_key(ANY, t) for t in tables]
    return [_version_key(s, t) for t in tables for s in (scope, GLOBAL)]


_tags_seen: dict[str, list[str]] = {}
_TAGS_SEEN_MAX = 10_000


def _remember(key: str, tags: list[str]) -> None:
    if len(_tags_seen) >= _TAGS_SEEN_MAX:
        _tags_seen.clear()
    _tags_seen[key] = tags


# -- the page bodies this process holds ---------------------------------------------


def memory_bytes() -> int:
    return int(getattr(settings, "FAELLES_PAGE_CACHE_MEMORY", 16 * 1024 * 1024))


_ENTRY_OVERHEAD = 2048  # headers, versions and the dict around a body, roughly
_held: OrderedDict[str, tuple[dict[str, Any], int]] = OrderedDict()
_held_bytes = 0
_held_lock = threading.Lock()


def _size(entry: dict[str, Any]) -> int:
    return len(entry["content"]) + _ENTRY_OVERHEAD


def _hold(key: str, entry: dict[str, Any]) -> None:
    """Keep a page in this process's memory, dropping the least recently used ones
    so that the total stays within ``memory_bytes()``."""
    global _held_bytes
    size = _size(entry)
    limit = memory_bytes()
    with _held_lock:
        old = _held.pop(key, None)
        if old is not None:
            _held_bytes -= old[1]
        if size > limit:
            return
        _held[key] = (entry, size)
        _held_bytes += size
        while _held_bytes > limit:
            _key, (_entry, dropped) = _held.popitem(last=False)
            _held_bytes -= dropped


def _recall(key: str) -> dict[str, Any] | None:
    with _held_lock:
        held = _held.get(key)
        if held is None:
            return None
        _held.move_to_end(key)
        return held[0]


def _let_go(key: str) -> None:
    global _held_bytes
    with _held_lock:
        held = _held.pop(key, None)
        if held is not None:
            _held_bytes -= held[1]


def held_bytes() -> int:
    """What the pages held in this process's memory count (for tests and checks)."""
    return _held_bytes


def forget_held() -> None:
    """Empty this process's memory of pages (as a freshly started worker has it)."""
    global _held_bytes
    with _held_lock:
        _held.clear()
        _held_bytes = 0
        _renewed.clear()


def _current(entry: dict[str, Any], found: dict[str, Any]) -> bool:
    return all(found.get(k) == v for k, v in entry["versions"].items())


# -- what this process wrote, and when a held page was last checked --------------------

_clock = time.monotonic  # when a held page was checked (tests replace it)
_renewed: dict[str, float] = {}  # version key → when this process last renewed it
_RENEWED_MAX = 50_000


def _renewed_here(values: dict[str, str]) -> None:
    """Note that this process renewed these version keys now: a held page reading
    one of them is checked against the shared cache at its next request."""
    now = _clock()
    if len(_renewed) + len(values) > _RENEWED_MAX:
        # Forgetting the notes would let a held page skip a write of this process:
        # let go of every held page instead (they are fetched again when asked).
        forget_held()
    for key in values:
        _renewed[key] = now


def _still_checked(entry: dict[str, Any]) -> bool:
    """True while a held page needs no new look at the shared cache: it was found
    current less than ``recheck()`` seconds ago and this process has written none
    of its tables since."""
    checked = entry.get("checked")
    if checked is None or _clock() - checked >= recheck():
        return False
    return not any(_renewed.get(key, 0.0) >= checked for key in entry["versions"])


def _storable(request: HttpRequest, response: HttpResponse) -> bool:
    if response.status_code != 200 or response.streaming or response.cookies:
        return False
    if not response.get("Content-Type", "").startswith("text/html"):
        return False
    user = getattr(request, "user", None)
    if user is None or user.is_authenticated:
        return False
    if request.META.get("CSRF_COOKIE_NEEDS_UPDATE"):
        return False
    # "Vary: Cookie" alone does not forbid it: the layout looks at the (empty)
    # session for messages, which adds it to every page; a form token is caught
    # above (rendering one always sets the CSRF cookie).
    vary = {v.strip().lower() for v in response.get("Vary", "").split(",")}
    if "*" in vary:
        return False
    control = response.get("Cache-Control", "").lower()
    return not any(w in control for w in ("private", "no-store", "no-cache"))


class AnonymousPageCacheMiddleware:
    """Serve and keep whole pages for anonymous visitors (see the module's text).

    Sits right after WhiteNoise, so a page served from the cache skips sessions,
    authentication and the view; every request also tells the database watcher
    which municipality its writes belong to.
    """

    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        scope = _scope_of(request.path)
        scope_token = _scope.set(scope or GLOBAL)
        try:
            if seconds() <= 0 or not _candidate(request):
                return self.get_response(request)
            return self._cached(request, scope)
        finally:
            _scope.reset(scope_token)

    def _cached(self, request: HttpRequest, scope: str | None) -> HttpResponse:
        language = translation.get_language_from_request(request)
        key = _page_key(request, language)
        known: dict[str, Any] = {}
        try:
            held = _recall(key)
            if held is not None:
                if time.time() - held["stored"] < seconds():
                    if _still_checked(held):
                        return self._from(held)
                    # Held in this process: fetch only its tables' versions.
                    asked = _clock()
                    known = shared_cache.get_many(list(held["versions"]))
                    if _current(held, known):
                        held["checked"] = asked
                        return self._from(held)
                _let_go(key)
            # One round trip when this process has seen the page: the page and the
            # versions of the tables it was made from, together.
            guess = _tags_seen.get(key, [])
            asked_shared = _clock()
            found = shared_cache.get_many([key, *guess])
            entry = found.pop(key, None)
            if entry is not None:
                tags = list(entry["versions"])
                if tags != guess:
                    found = shared_cache.get_many(tags)
                    _remember(key, tags)
                known = found
                if _current(entry, known):
                    entry["checked"] = asked_shared
                    _hold(key, entry)
                    return self._from(entry)
        except Exception:
            logger.warning("page cache: could not read %s", key)
            return self.get_response(request)
        reads: set[str] = set()
        reads_token = _reads.set(reads)
        try:
            response = self.get_response(request)
        finally:
            _reads.reset(reads_token)
        if _storable(request, response):
            self._store(key, scope, sorted(reads), known, response)
        return response

    @staticmethod
    def _from(entry: dict[str, Any]) -> HttpResponse:
        response = HttpResponse(entry["content"], status=entry["status"])
        for name, value in entry["headers"]:
            response[name] = value
        response["Age"] = str(max(0, int(time.time() - entry["stored"])))
        return response

    @staticmethod
    def _store(
        key: str,
        scope: str | None,
        tables: list[str],
        known: dict[str, Any],
        response: HttpResponse,
    ) -> None:
        tags = _tag_keys(scope, tables)
        try:
            # Versions seen before the page was made where the last copy had the same
            # tables (so a write during rendering makes this copy stale at once);
            # the others now. A table nobody wrote since the cache started gets one.
            missing = [t for t in tags if t not in known]
            current = shared_cache.get_many(missing) if missing else {}
            fresh = {t: uuid.uuid4().hex for t in missing if t not in current}
            if fresh:
                shared_cache.set_many(fresh, timeout=None)
            versions = {t: known.get(t, current.get(t, fresh.get(t))) for t in tags}
            _remember(key, tags)
            entry = {
                "versions": versions,
                "status": response.status_code,
                "headers": [
                    (name, value)
                    for name, value in response.items()
                    if name.lower() not in ("set-cookie", "age")
                ],
                "content": response.content,
                "stored": time.time(),
            }
            shared_cache.set(key, entry, timeout=seconds())
            _hold(key, entry)
        except Exception:
            logger.warning("page cache: could not store %s", key)
