"""Danish full-text search over initiatives and the learning library.

PostgreSQL: a ``tsvector`` column on ``Initiative`` (title, place, idea) and on
``Trial`` (the initiative's title, hypothesis, what was tried and what was learned),
each with a GIN index, queried with prefix matching so "cykelværk" finds
"cykelværkstedet". Services call ``index_initiatives`` / ``index_trials`` after
every write; the seed indexes a whole municipality at once.
SQLite (the small embedded default): every word as a case-insensitive substring.
"""

from __future__ import annotations

import re
from collections.abc import Iterable

from django.db import connection
from django.db.models import BooleanField, Q, QuerySet
from django.db.models.expressions import RawSQL

_WORD = re.compile(r"[0-9a-zæøåéüö]+", re.IGNORECASE)
MAX_TERMS = 8

# Constant SQL: only ids and the query are parameters.
INDEX_INITIATIVES = (
    "UPDATE initiatives_initiative SET search_vector = "
    "setweight(to_tsvector('danish'::regconfig, title), 'A') || "
    "setweight(to_tsvector('danish'::regconfig, place), 'B') || "
    "to_tsvector('danish'::regconfig, idea) "
)
INDEX_TRIALS = (
    "UPDATE initiatives_trial t SET search_vector = "
    "setweight(to_tsvector('danish'::regconfig, i.title), 'A') || "
    "to_tsvector('danish'::regconfig, concat_ws(' ', t.we_believe, t.will_lead_to, "
    "t.what_is_tried, t.learned, t.do_differently)) "
    "FROM initiatives_initiative i WHERE i.id = t.initiative_id "
)
MATCH = {
    "initiatives_initiative": "initiatives_initiative.search_vector @@ "
    "to_tsquery('danish'::regconfig, %s)",
    "initiatives_trial": "initiatives_trial.search_vector @@ "
    "to_tsquery('danish'::regconfig, %s)",
}


def _is_postgres() -> bool:
    return connection.vendor == "postgresql"


def tsquery(query: str) -> str:
    """Every word required, each as a prefix: ``gåbus & skol:*``-style raw tsquery."""
    words = list(dict.fromkeys(w.lower() for w in _WORD.findall(query)))[:MAX_TERMS]
    return " & ".join(f"{w}:*" for w in words)


def _match(table: str, query: str) -> RawSQL:
    # constant SQL from MATCH; the query is a parameter
    return RawSQL(MATCH[table], [tsquery(query)], output_field=BooleanField())  # noqa: S611


def filter_initiatives(queryset: QuerySet, query: str) -> QuerySet:
    if not tsquery(query):
        return queryset
    if _is_postgres():
        return queryset.alias(_fts=_match("initiatives_initiative", query)).filter(
            _fts=True
        )
    return _every_word(queryset, query, ["title", "place", "idea"])


def filter_trials(queryset: QuerySet, query: str) -> QuerySet:
    if not tsquery(query):
        return queryset
    if _is_postgres():
        return queryset.alias(_fts=_match("initiatives_trial", query)).filter(_fts=True)
    return _every_word(
        queryset,
        query,
        ["initiative__title", "we_believe", "what_is_tried", "learned"],
    )


def _every_word(queryset: QuerySet, query: str, fields: list[str]) -> QuerySet:
    """Every word of the query in one of the fields (the embedded fallback)."""
    words = list(dict.fromkeys(w for w in _WORD.findall(query)))[:MAX_TERMS]
    for word in words:
        condition = Q()
        for field in fields:
            condition |= Q(**{f"{field}__icontains": word})
        queryset = queryset.filter(condition)
    return queryset


def index_initiatives(ids: Iterable[int]) -> None:
    ids = list(ids)
    if ids and _is_postgres():
        with connection.cursor() as cursor:
            cursor.execute(INDEX_INITIATIVES + "WHERE id = ANY(%s)", [ids])


def index_trials(ids: Iterable[int]) -> None:
    ids = list(ids)
    if ids and _is_postgres():
        with connection.cursor() as cursor:
            cursor.execute(INDEX_TRIALS + "AND t.id = ANY(%s)", [ids])


def index_municipality(municipality_id: int) -> None:
    """Index every initiative and trial of a municipality (after bulk seeding)."""
    if not _is_postgres():
        return
    with connection.cursor() as cursor:
        cursor.execute(
            INDEX_INITIATIVES + "WHERE municipality_id = %s", [municipality_id]
        )
        cursor.execute(INDEX_TRIALS + "AND t.municipality_id = %s", [municipality_id])
