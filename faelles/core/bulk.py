"""Fast bulk writes for scale data and imports: COPY on PostgreSQL.

Two entry points: :func:`copy_rows` takes field names (``user_id`` for a foreign
key) and falls back to ``bulk_create`` elsewhere; :func:`insert_rows` takes the
field names of ``_meta`` and falls back to ``executemany``, which is much faster
for millions of rows with explicit ids (the seeders) and the Pabulib import.
Values are always parameters (COPY or executemany), never formatted into SQL.
"""

import datetime
import json
import uuid
from collections.abc import Iterable, Sequence
from itertools import islice
from typing import Any, Protocol

from django.core.management.color import no_style
from django.db import connection, models

INSERT_CHUNK = 10_000


class Progress(Protocol):
    def update(self, n: int) -> object: ...


def _column(model: type[models.Model], name: str) -> str:
    field = model._meta.get_field(name)
    if not isinstance(field, models.Field) or field.column is None:
        raise ValueError(f"{model.__name__}.{name} is not a column")
    return field.column


def copy_rows(
    model: type[models.Model],
    columns: Sequence[str],
    rows: Iterable[Sequence[Any]],
    *,
    batch: int = 5000,
) -> int:
    """Insert ``rows`` (tuples in ``columns`` order) into ``model``'s table.

    On PostgreSQL this streams the rows with COPY, many times faster than INSERT;
    on SQLite it falls back to ``bulk_create`` in batches. Returns the row count.
    ``columns`` are field names (``user_id`` for a foreign key); values must be
    given for every column that has no database default (such as ``created_at``).
    """
    count = 0
    if connection.vendor == "postgresql":
        meta = model._meta
        names = [_column(model, c.removesuffix("_id")) for c in columns]
        quote = connection.ops.quote_name
        sql = (
            f"COPY {quote(meta.db_table)} ({', '.join(quote(n) for n in names)}) "
            "FROM STDIN"
        )
        # COPY's text format takes JSON as text; bulk_create serialises it itself.
        json_columns = {
            i
            for i, c in enumerate(columns)
            if meta.get_field(c.removesuffix("_id")).get_internal_type() == "JSONField"
        }
        with connection.cursor() as cursor, cursor.cursor.copy(sql) as copy:
            for row in rows:
                if json_columns:
                    row = tuple(
                        json.dumps(v, ensure_ascii=False) if i in json_columns else v
                        for i, v in enumerate(row)
                    )
                copy.write_row(row)
                count += 1
        return count
    iterator = iter(rows)
    while chunk := list(islice(iterator, batch)):
        model._default_manager.bulk_create(
            [model(**dict(zip(columns, row, strict=True))) for row in chunk],
            batch_size=batch,
        )
        count += len(chunk)
    return count


def _sqlite_value(value: Any) -> Any:
    if isinstance(value, uuid.UUID):
        return value.hex
    if isinstance(value, datetime.datetime):
        return connection.ops.adapt_datetimefield_value(value)
    if isinstance(value, datetime.date):
        return connection.ops.adapt_datefield_value(value)
    return value


def insert_rows(
    model: type[models.Model],
    fields: Sequence[str],
    rows: Sequence[tuple[Any, ...]],
    progress: Progress | None = None,
) -> None:
    """Insert ``rows`` (tuples in ``fields`` order) into ``model``'s table.

    Datetimes, dates and UUIDs are passed as Python values; on SQLite they are
    adapted here the way the ORM would store them.
    """
    qn = connection.ops.quote_name
    table = qn(model._meta.db_table)
    columns = ", ".join(qn(_column(model, f)) for f in fields)
    postgres = connection.vendor == "postgresql"
    for lo in range(0, len(rows), INSERT_CHUNK):
        chunk = rows[lo : lo + INSERT_CHUNK]
        with connection.cursor() as cursor:
            if postgres:
                with cursor.copy(f"COPY {table} ({columns}) FROM STDIN") as copy:
                    for row in chunk:
                        copy.write_row(row)
            else:
                marks = ", ".join(["%s"] * len(fields))
                cursor.executemany(
                    # names come from model metadata, values are parameters
                    f"INSERT INTO {table} ({columns}) VALUES ({marks})",  # noqa: S608
                    [tuple(_sqlite_value(v) for v in row) for row in chunk],
                )
        if progress is not None:
            progress.update(len(chunk))


def reset_sequences(model_list: Sequence[type[models.Model]]) -> None:
    """Move PostgreSQL's id sequences past rows inserted with explicit ids."""
    with connection.cursor() as cursor:
        for sql in connection.ops.sequence_reset_sql(no_style(), model_list):
            cursor.execute(sql)
