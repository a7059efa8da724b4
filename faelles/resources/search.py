"""Danish full-text search over offers and needs, behind one small interface.

PostgreSQL: a ``tsvector`` column (``Listing.search_vector``, built with
``SearchVector(config="danish")``, title weighted above text) and a GIN index.
SQLite: an FTS5 table ``resources_listing_fts`` whose rows hold the Danish Snowball
stems of title and text; the query is stemmed the same way, so "haver" finds "have".
Services call ``index_listings`` after every write; views call ``filter_by_text``.
"""

from __future__ import annotations

import re
from collections.abc import Iterable

import snowballstemmer
from django.db import connection
from django.db.models import BooleanField, QuerySet
from django.db.models.expressions import RawSQL

_WORD = re.compile(r"[0-9a-zæøåéü]+", re.IGNORECASE)
_stemmer = snowballstemmer.stemmer("danish")
MAX_TERMS = 12


def stems(text: str) -> list[str]:
    words = _WORD.findall(text.lower())
    return _stemmer.stemWords(words)


def _is_postgres() -> bool:
    return connection.vendor == "postgresql"


def index_listings(ids: Iterable[int]) -> None:
    """(Re)index these listings from their current title and text."""
    ids = list(ids)
    if not ids:
        return
    from .models import Listing

    if _is_postgres():
        from django.contrib.postgres.search import SearchVector

        Listing.objects.filter(pk__in=ids).update(
            search_vector=SearchVector("title", weight="A", config="danish")
            + SearchVector("text", weight="B", config="danish")
        )
        return
    rows = Listing.objects.filter(pk__in=ids).values_list("pk", "title", "text")
    with connection.cursor() as cursor:
        cursor.executemany(
            "DELETE FROM resources_listing_fts WHERE rowid = %s", [(i,) for i in ids]
        )
        cursor.executemany(
            "INSERT INTO resources_listing_fts (rowid, body) VALUES (%s, %s)",
            [(pk, " ".join(stems(f"{title} {text}"))) for pk, title, text in rows],
        )


def index_municipality(municipality) -> None:
    """Reindex every listing of a municipality in one statement (bulk seeding)."""
    from .models import Listing

    if _is_postgres():
        from django.contrib.postgres.search import SearchVector

        Listing.objects.filter(municipality=municipality).update(
            search_vector=SearchVector("title", weight="A", config="danish")
            + SearchVector("text", weight="B", config="danish")
        )
        return
    ids = Listing.objects.filter(municipality=municipality).values_list("pk", flat=True)
    batch: list[int] = []
    for pk in ids.iterator(chunk_size=5000):
        batch.append(pk)
        if len(batch) == 5000:
            index_listings(batch)
            batch = []
    index_listings(batch)


def index_since(municipality, first_id: int) -> None:
    """Index a municipality's listings from ``first_id`` on (after a bulk insert)."""
    from .models import Listing

    new = Listing.objects.filter(municipality=municipality, pk__gte=first_id)
    if _is_postgres():
        from django.contrib.postgres.search import SearchVector

        new.update(
            search_vector=SearchVector("title", weight="A", config="danish")
            + SearchVector("text", weight="B", config="danish")
        )
        return
    batch: list[int] = []
    for pk in new.values_list("pk", flat=True).iterator(chunk_size=5000):
        batch.append(pk)
        if len(batch) == 5000:
            index_listings(batch)
            batch = []
    index_listings(batch)


def remove_listings(ids: Iterable[int]) -> None:
    ids = list(ids)
    if ids and not _is_postgres():
        with connection.cursor() as cursor:
            cursor.executemany(
                "DELETE FROM resources_listing_fts WHERE rowid = %s",
                [(i,) for i in ids],
            )


def fts5_query(query: str) -> str:
    """Stems as quoted FTS5 strings, all required; prefix match on each."""
    terms = list(dict.fromkeys(stems(query)))[:MAX_TERMS]
    return " AND ".join(f'"{t}"*' for t in terms)


def filter_by_text(queryset: QuerySet, query: str) -> QuerySet:
    """Listings in ``queryset`` that contain every word of ``query`` (stemmed)."""
    query = query.strip()[:200]
    if not stems(query):
        return queryset
    if _is_postgres():
        return queryset.alias(
            _fts=RawSQL(
                "resources_listing.search_vector @@ "
                "websearch_to_tsquery('danish'::regconfig, %s)",
                [query],
                output_field=BooleanField(),
            )
        ).filter(_fts=True)
    return queryset.filter(
        pk__in=RawSQL(
            "SELECT rowid FROM resources_listing_fts WHERE resources_listing_fts "
            "MATCH %s",
            [fts5_query(query)],
        )
    )
