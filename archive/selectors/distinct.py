"""The distinct values of an indexed column, read as a walk of its index.

`SELECT DISTINCT column` reads every row: over a million articles, the
admin's sidebar filters took a tenth of a second to half a second each, on
every view of the list. A recursive query instead asks the index for the
smallest value greater than the previous one, one probe per distinct value
(a "loose index scan", which PostgreSQL 15 does not do by itself). Both
PostgreSQL and SQLite run it.
"""

from __future__ import annotations

from django.db import connections, models

# More values than a sidebar can usefully list.
MAX_VALUES = 500


def indexed_distinct_values(
    model: type[models.Model], field_name: str, *, using: str = "default"
) -> list:
    """The column's distinct values in order, then None if a row has none; needs an index."""
    connection = connections[using]
    quote = connection.ops.quote_name
    field = model._meta.get_field(field_name)
    table, column = quote(model._meta.db_table), quote(field.column)
    sql = (
        f"WITH RECURSIVE walk(value) AS ("
        f"SELECT MIN({column}) FROM {table} "
        f"UNION ALL SELECT (SELECT MIN({column}) FROM {table} WHERE {column} > walk.value) "
        f"FROM walk WHERE walk.value IS NOT NULL"
        f") SELECT value FROM (SELECT value FROM walk WHERE value IS NOT NULL LIMIT {MAX_VALUES}) "
        f"AS found "
        f"UNION ALL SELECT NULL WHERE EXISTS (SELECT 1 FROM {table} WHERE {column} IS NULL)"
    )
    with connection.cursor() as cursor:
        cursor.execute(sql)
        return [field.to_python(value) for (value,) in cursor.fetchall()]
