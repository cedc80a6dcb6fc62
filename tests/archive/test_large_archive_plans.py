"""The requests of the million-article benchmark on a CI-sized archive: query counts and plans.

The archive is bench/fill_million.py's (hub entities in 15-35% of the
articles, ~33 mention rows each, 10% undated) at ARTICLES articles, loaded
with COPY and ANALYZEd. What is asserted is what keeps a request cheap at a
million: how many statements it runs and how PostgreSQL reads the table
(an index range, the GIN index), never a time.
"""

from __future__ import annotations

import base64
import json

import pytest
from django.contrib.auth.models import User
from django.db import connection
from django.test import Client

from bench.fill_million import ABSENT_WORD, fill_rows
from tests.archive.queries import get_with_queries, plan_of_sql, reading_queries

pytestmark = pytest.mark.skipif(
    connection.vendor != "postgresql", reason="PostgreSQL's plans at scale"
)

# The CI size is 10,000; 4,000 keeps the suite quick and the plans the same.
ARTICLES = 4000
TABLES = (
    "archive_position, archive_personmention, archive_organisationmention, "
    "archive_directivemention, archive_organisationalias, archive_directive, "
    "archive_article, archive_person, archive_organisation"
)


@pytest.fixture(scope="module")
def large(django_db_setup, django_db_blocker):
    """The filled archive, committed for the module's tests and emptied after them."""
    with django_db_blocker.unblock():
        connection.ensure_connection()
        fill_rows(connection.connection, articles=ARTICLES, seed=5)
        with connection.cursor() as cursor:
            cursor.execute("ANALYZE")
        yield
        with connection.cursor() as cursor:
            cursor.execute(f"TRUNCATE {TABLES} RESTART IDENTITY CASCADE")


@pytest.fixture
def visitor(large, db) -> Client:
    return Client()


def statements(visitor: Client, url: str) -> list[str]:
    _, captured = get_with_queries(visitor, url)
    return [query["sql"] for query in reading_queries(captured)]


def feed_cursor(depth: int) -> str:
    """The cursor the API would give for the page ending `depth` rows down the feed."""
    from django.db.models import F

    from archive.models import Article

    feed = Article.objects.order_by(F("published_on").desc(nulls_last=True), "-id")
    row = feed.values("published_on", "id")[depth]
    day = row["published_on"].isoformat() if row["published_on"] else None
    text = json.dumps({"d": "next", "o": ["-published_on", "-id"], "v": [day, row["id"]]})
    return base64.urlsafe_b64encode(text.encode()).decode().rstrip("=")


def test_a_deep_cursor_page_is_one_index_range(visitor):
    (sql,) = statements(visitor, f"/api/articles/?cursor={feed_cursor(ARTICLES // 2)}")
    shape = plan_of_sql(sql)
    assert "Index Scan using archive_article_feed" in shape, shape
    assert "Index Cond: (ROW(published_on, id) < ROW(" in shape, shape
    assert "Sort" not in shape, shape


def test_the_page_where_dates_run_out_continues_into_undated_articles(visitor):
    from archive.models import Article

    dated = Article.objects.filter(published_on__isnull=False).count()
    url = f"/api/articles/?cursor={feed_cursor(dated - 6)}"
    response, captured = get_with_queries(visitor, url)
    body = response.json()
    # Five dated articles, then fifteen undated ones from the second pass.
    shown = Article.objects.in_bulk([row["id"] for row in body["results"]])
    dates = [shown[row["id"]].published_on for row in body["results"]]
    assert [day is None for day in dates] == [False] * 5 + [True] * 15
    reads = reading_queries(captured)
    assert len(reads) == 2, [query["sql"] for query in reads]
    assert "IS NULL" in plan_of_sql(reads[1]["sql"])


def test_a_rare_word_is_read_from_the_gin_index_then_by_id(visitor):
    lookup, page = statements(visitor, "/api/articles/?q=khinhkhi")
    assert "archive_article_search_vector_gin" in plan_of_sql(lookup, seqscan=False)
    shape = plan_of_sql(page)
    assert "archive_article_pkey" in shape, shape
    assert "Seq Scan on archive_article" not in shape, shape


def test_a_common_word_with_an_absent_one_reads_no_article_row(visitor):
    (lookup,) = statements(visitor, f"/api/articles/?q=ninh {ABSENT_WORD.lower()}")
    shape = plan_of_sql(lookup, seqscan=False)
    assert "archive_article_search_vector_gin" in shape, shape
    assert "Seq Scan" not in shape, shape


def test_title_order_pages_through_the_title_index(visitor):
    first = visitor.get("/api/articles/?ordering=title").json()
    next_url = first["next"].replace("http://testserver", "")
    (sql,) = statements(visitor, next_url)
    shape = plan_of_sql(sql)
    assert "article_title_id" in shape, shape
    assert "Sort" not in shape, shape


def test_a_directive_symbol_is_resolved_before_the_list(visitor):
    lookup, page = statements(visitor, "/api/articles/?directive=3-NQ/TW")
    assert "archive_directive" in lookup
    # The list names the directive by its id: no join with the directive table.
    assert '"archive_directive"' not in page.replace('"archive_directivemention"', "")


def test_the_admin_article_list_neither_counts_nor_lists_distinct_values_of_every_row(visitor):
    admin = User.objects.create_superuser("large-admin", password="x")
    visitor.force_login(admin)
    sqls = statements(visitor, "/admin/archive/article/")
    counts = [sql for sql in sqls if "COUNT(" in sql.upper() and "archive_article" in sql]
    assert counts, sqls
    assert all("LIMIT" in sql for sql in counts), counts
    # No statement is a DISTINCT over the table (a row's counts may use one over its mentions).
    assert not [sql for sql in sqls if sql.upper().startswith("SELECT DISTINCT")], sqls
