"""Search goes through an index: GIN over a stored vector (PostgreSQL), FTS5 (SQLite)."""

from __future__ import annotations

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from archive.models import Article, Directive, Organisation, Person
from archive.search.sqlite_repair import repair_sqlite_search
from tests.archive.api.conftest import make_article
from tests.archive.queries import plan_of, plan_of_sql

pytestmark = pytest.mark.django_db

on_postgresql = pytest.mark.skipif(
    connection.vendor != "postgresql", reason="PostgreSQL's GIN index"
)
on_sqlite = pytest.mark.skipif(connection.vendor != "sqlite", reason="SQLite's FTS5 index")


def statements_of(build) -> list[str]:
    """The SQL that building (and reading) a search runs, in order."""
    with CaptureQueriesContext(connection) as captured:
        build()
    return [query["sql"] for query in captured]


@on_postgresql
def test_an_article_search_looks_its_matches_up_in_the_gin_index():
    # The search first looks its matches up (archive.search_plans), through the index.
    (lookup,) = statements_of(lambda: Article.objects.search("cong an"))
    plan = plan_of_sql(lookup, seqscan=False)
    assert "archive_article_search_vector_gin" in plan, plan
    # The stored column is read, not a vector computed per row.
    assert "to_tsvector" not in plan, plan


@on_postgresql
@pytest.mark.parametrize(
    ("model", "table"),
    [
        (Person, "archive_person"),
        (Organisation, "archive_organisation"),
        (Directive, "archive_directive"),
    ],
)
def test_an_entity_search_reads_the_gin_index_in_one_statement(model, table):
    assert statements_of(lambda: model.objects.search("cong an")) == []  # lazy: no lookup
    plan = plan_of(model.objects.search("cong an").order_by(), seqscan=False)
    assert f"{table}_search_vector_gin" in plan, plan
    assert "to_tsvector" not in plan, plan


@on_postgresql
def test_the_api_list_query_can_use_it_too():
    from archive.filters import ArticleFilter
    from archive.selectors.api import list_articles

    filterset = ArticleFilter({"q": "dang uy"}, queryset=list_articles())
    assert filterset.is_valid()
    lookup = statements_of(lambda: filterset.qs)[0]
    plan = plan_of_sql(lookup, seqscan=False)
    assert "archive_article_search_vector_gin" in plan, plan


@on_sqlite
def test_sqlite_search_reads_the_fts5_index():
    plan = plan_of(Article.objects.search("cong an").values("id"))
    assert "archive_article_fts" in plan, plan


def test_the_index_follows_inserts_updates_and_deletes(db):
    article = make_article(1, title="Tuần tra biên giới", body="Đồn biên phòng tuần tra.")
    assert list(Article.objects.search("bien phong")) == [article]
    article.body = "Lực lượng kiểm lâm tuần tra."
    article.save()
    assert list(Article.objects.search("bien phong")) == []
    assert list(Article.objects.search("kiem lam")) == [article]
    Article.objects.filter(pk=article.pk).delete()
    assert list(Article.objects.search("kiem lam")) == []


def test_search_words_are_whole_tokens_and_never_operators(db):
    article = make_article(2, title="Quang cảnh hội nghị", body="Hội nghị OR họp.")
    assert list(Article.objects.search("quang canh")) == [article]
    assert list(Article.objects.search("quan")) == []
    assert list(Article.objects.search('hoi "nghi')) == [article]
    assert list(Article.objects.search("hop OR")) == [article]
    assert list(Article.objects.search("NEAR(hoi nghi)")) == []
    assert list(Article.objects.search("!!! ???")) == []


@on_sqlite
def test_lost_triggers_are_recreated_and_the_index_rebuilt(db):
    # What a later migration's table rebuild does to the triggers.
    with connection.cursor() as cursor:
        for suffix in ("insert", "delete", "update"):
            cursor.execute(f"DROP TRIGGER archive_person_fts_{suffix}")
    person = Person.objects.create(name="Khổng Văn Lạc")
    assert list(Person.objects.search("khong van lac")) == []
    repair_sqlite_search(connection)
    assert list(Person.objects.search("khong van lac")) == [person]
    renamed = Person.objects.get(pk=person.pk)
    renamed.name = "Khổng Văn Lộc"
    renamed.save()
    assert list(Person.objects.search("khong van loc")) == [person]
