"""Bulk inserts of many rows (ballots, receipts): COPY on PostgreSQL.

Used by the Pabulib import (up to ~100,000 ballots in one request) and the
scale data. Rows are tuples in the order of ``fields``; values are passed as
parameters (PostgreSQL COPY or executemany), never formatted into SQL.
"""

from __future__ import annotations

import uuid

from django.db import connection

CHUNK = 10_000


def _sqlite_value(value):
    if isinstance(value, uuid.UUID):
        return value.hex
    if hasattr(value, "tzinfo"):
        return connection.ops.adapt_datetimefield_value(value)
    return value


def insert_rows(model, fields: list[str], rows: list[tuple], progress=None) -> None:
    """Insert ``rows`` into ``model``'s table; JSON fields as JSON text."""
    qn = connection.ops.quote_name
    table = qn(model._meta.db_table)
    columns = ", ".join(qn(model._meta.get_field(f).column) for f in fields)
    postgres = connection.vendor == "postgresql"
    for lo in range(0, len(rows), CHUNK):
        chunk = rows[lo : lo + CHUNK]
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
