"""Insert and update many rows in one statement, without a model instance per row.

What belongs here: the batch writer's (batch_writing.py) way to store its
rows. A batch of a hundred articles has thousands of mention, position, rank
and band rows; a model instance per row and Django's bulk_update (one CASE
per field and row) cost more Python time than the database spends on them.

- `insert_rows` writes plain tuples: PostgreSQL's COPY (psycopg 3), one
  multi-row INSERT per chunk elsewhere. Rows are written as given, plain
  values the driver adapts itself (int, str, bool, bytes, None): the caller
  has checked them (the same checks as the one-by-one path's bulk_create).
- `update_rows` writes several fields of many records at once: one
  UPDATE … FROM (VALUES …) on PostgreSQL, Django's bulk_update elsewhere.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from django.db import connection

if TYPE_CHECKING:
    from collections.abc import Iterable, Sequence

    from django.db import models

# Rows per multi-row INSERT off PostgreSQL (SQLite's limit on bound variables: 32,766).
_CHUNK = 500


def insert_rows(model: type[models.Model], columns: Sequence[str], rows: Iterable[tuple]) -> int:
    """Insert `rows` (tuples of plain values, one per column) into `model`'s table.

    Columns are the fields' column names ("article_id"). Returns the rows written.
    """
    table = model._meta.db_table
    prepared = list(rows)
    if not prepared:
        return 0
    quoted = ", ".join(connection.ops.quote_name(column) for column in columns)
    with connection.cursor() as cursor:
        if connection.vendor == "postgresql":
            with cursor.copy(
                f"COPY {connection.ops.quote_name(table)} ({quoted}) FROM STDIN"
            ) as copy:
                for row in prepared:
                    copy.write_row(row)
        else:
            one = "(" + ", ".join(["%s"] * len(columns)) + ")"
            size = max(1, min(_CHUNK, 30000 // len(columns)))
            for start in range(0, len(prepared), size):
                chunk = prepared[start : start + size]
                cursor.execute(
                    f"INSERT INTO {connection.ops.quote_name(table)} ({quoted}) VALUES "
                    + ", ".join([one] * len(chunk)),
                    [value for row in chunk for value in row],
                )
    return len(prepared)


def update_rows(model: type[models.Model], records: Sequence[Any], fields: Sequence[str]) -> None:
    """Write `fields` of `records` (saved instances of `model`) as they are now, in one statement.

    What bulk_update(records, fields) writes; it does not call save() either.
    """
    if not records:
        return
    if connection.vendor != "postgresql":
        model._default_manager.bulk_update(records, list(fields), batch_size=_CHUNK)
        return
    meta = model._meta
    targets = [meta.get_field(name) for name in fields]
    pk = meta.pk
    names = [pk.column, *(field.column for field in targets)]
    quote = connection.ops.quote_name
    # Values come as literals of unknown type: each is cast to its column's type.
    casts = ", ".join(
        f"{quote(field.column)} = CAST(v.{quote(field.column)} AS {field.db_type(connection)})"
        for field in targets
    )
    row = "(" + ", ".join(["%s"] * len(names)) + ")"
    params: list[Any] = []
    for record in records:
        params.append(pk.get_db_prep_save(record.pk, connection))
        params += [
            field.get_db_prep_save(getattr(record, field.attname), connection) for field in targets
        ]
    table = quote(meta.db_table)
    with connection.cursor() as cursor:
        cursor.execute(
            f"UPDATE {table} SET {casts} FROM (VALUES {', '.join([row] * len(records))}) "
            f"AS v({', '.join(quote(name) for name in names)}) "
            f"WHERE {table}.{quote(pk.column)} = CAST(v.{quote(pk.column)} AS bigint)",
            params,
        )
