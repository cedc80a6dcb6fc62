"""What a request or a query costs the database: the statements it runs and their plans.

Shared by the query-count guards and the index tests, so each module does not
capture queries or read EXPLAIN output its own way.
"""

from __future__ import annotations

from django.db import connection
from django.test.utils import CaptureQueriesContext


def get_with_queries(client, url: str, data=None) -> tuple[object, list[dict]]:
    """The response to a GET that succeeded, and every statement it ran."""
    with CaptureQueriesContext(connection) as captured:
        response = client.get(url, data)
    assert response.status_code == 200, (url, response.content[:300])
    return response, captured.captured_queries


def reading_queries(captured) -> list[dict]:
    """The queries that read the archive: throttling's own (tests/archive/hardening) left out."""
    return [
        query
        for query in captured
        if "archive_requestrate" not in query["sql"]
        and not query["sql"].startswith(("SAVEPOINT", "RELEASE SAVEPOINT"))
    ]


def plan_of_sql(sql: str, params=None, *, seqscan: bool = True) -> str:
    """The database's plan for `sql`, one line per node."""
    with connection.cursor() as cursor:
        if not seqscan:
            # A test table is cheaper to scan than any index; with sequential scans
            # priced out, the planner picks the index if it can use it.
            cursor.execute("SET LOCAL enable_seqscan = off")
        explain = "EXPLAIN QUERY PLAN" if connection.vendor == "sqlite" else "EXPLAIN"
        cursor.execute(f"{explain} {sql}", params)
        return "\n".join(str(row[-1]) for row in cursor.fetchall())


def plan_of(queryset, *, seqscan: bool = True) -> str:
    sql, params = queryset.query.sql_with_params()
    return plan_of_sql(sql, params, seqscan=seqscan)
