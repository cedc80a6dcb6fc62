"""On PostgreSQL, search uses the GIN index over the accent-folded search document."""

from __future__ import annotations

import pytest
from django.db import connection

from archive.models import Article, Directive, Organisation, Person

pytestmark = [
    pytest.mark.django_db,
    pytest.mark.skipif(
        connection.vendor != "postgresql", reason="the GIN index exists on PostgreSQL only"
    ),
]


def plan_of(queryset) -> str:
    sql, params = queryset.query.sql_with_params()
    with connection.cursor() as cursor:
        # With sequential scans priced out, the planner picks the index if it can use it.
        cursor.execute("SET LOCAL enable_seqscan = off")
        cursor.execute(f"EXPLAIN {sql}", params)
        return "\n".join(row[0] for row in cursor.fetchall())


@pytest.mark.parametrize(
    ("model", "table"),
    [
        (Article, "archive_article"),
        (Person, "archive_person"),
        (Organisation, "archive_organisation"),
        (Directive, "archive_directive"),
    ],
)
def test_search_can_use_the_gin_index(model, table):
    plan = plan_of(model.objects.search("cong an").values("id"))
    assert f"{table}_search_gin" in plan, plan


def test_the_api_list_query_can_use_it_too():
    from archive.filters import ArticleFilter
    from archive.selectors.api import list_articles

    filterset = ArticleFilter({"q": "dang uy"}, queryset=list_articles())
    assert filterset.is_valid()
    plan = plan_of(filterset.qs[:20])
    assert "archive_article_search_gin" in plan, plan
